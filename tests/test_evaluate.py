"""evaluate(): the project's own scorer agrees with the shared score.py."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from chinaecon_extract.cli import app
from chinaecon_extract.evaluate import evaluate, format_report, prf

GOLD = Path("/work/shared/corpora-dev")
SCORE = Path("/work/shared/eval/score.py")
needs_gold = pytest.mark.skipif(not (GOLD.is_dir() and SCORE.is_file()), reason="shared gold corpus absent")


def test_evaluate_prf_definitions():
    c = {"gold": 10, "pred": 8, "found": 6, "correct": 4}
    assert prf(c) == {"gold": 10, "pred": 8, "span_f1": round(2 * .75 * .6 / 1.35, 3), "strict_p": 0.5,
                      "strict_r": 0.4, "strict_f1": round(2 * .5 * .4 / .9, 3)}
    assert prf({"gold": 0, "pred": 0, "found": 0, "correct": 0})["strict_f1"] == 0.0


def _strip(rep):
    return {k: v for k, v in rep.items() if k != "words_per_second"}


@needs_gold
@pytest.mark.parametrize("only", [None, "percent"])
def test_evaluate_agrees_with_shared_score(only):
    args = [sys.executable, str(SCORE), str(GOLD), "--json", "--show-errors", "100000"]
    if only:
        args += ["--only", only]
    theirs = json.loads(subprocess.run(args, capture_output=True, text=True, check=True).stdout)
    ours = json.loads(json.dumps(evaluate(GOLD, show_errors=100000, only=only), default=str))
    assert _strip(ours) == _strip(theirs)


@needs_gold
def test_evaluate_command_prints_the_table():
    res = CliRunner().invoke(app, ["evaluate", str(GOLD)])
    assert res.exit_code == 0, res.output
    rep = evaluate(GOLD)
    assert res.stdout.splitlines()[1:] == format_report(rep).splitlines()[1:]  # line 0 holds the speed
    assert "ALL" in res.stdout and "facts: gold" in res.stdout


def test_evaluate_command_usage_errors(tmp_path):
    assert CliRunner().invoke(app, ["evaluate", str(tmp_path)]).exit_code == 2  # no gold files
    assert CliRunner().invoke(app, ["evaluate", str(tmp_path / "missing")]).exit_code == 2
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    assert CliRunner().invoke(app, ["evaluate", str(tmp_path), "--only", "nonsense"]).exit_code == 2
