"""Fact linking on sentences written in the genre: value, change, conversion, rank,
metric and indicator, one structure per case (tests/cases/facts.jsonl)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import chinaecon_extract as ce

CASES = [json.loads(line) for line in (Path(__file__).parent / "cases" / "facts.jsonl").read_text().splitlines()
         if line.strip() and not line.startswith("//")]


def _texts(result):
    d = result.to_dict()
    ms = d["mentions"]

    def t(i):
        return None if i is None else ms[i]["text"]

    return [{"value": t(f["value"]), "change": t(f["change"]), "alt": t(f["value_alt"]), "rank": f["rank"],
             "metric": f["metric"], "indicator": f["indicator"]} for f in d["facts"]]


@pytest.mark.parametrize("case", [pytest.param(c, marks=pytest.mark.xfail(reason=c["xfail"], strict=True))
                                  if c.get("xfail") else c for c in CASES], ids=[c["id"] for c in CASES])
def test_facts_link_figures(case):
    got = _texts(ce.extract(case["text"], published=case.get("published", "2024-01-15")))
    assert [(g["value"], g["change"]) for g in got] == [(e["value"], e["change"]) for e in case["facts"]]
    for g, e in zip(got, case["facts"]):
        assert g["alt"] == e.get("alt"), "value_alt"
        assert g["rank"] == e.get("rank"), "rank"
        for key in ("metric", "indicator"):
            if key in e:
                assert g[key] == e[key], key


def test_facts_there_are_enough_structures():
    assert len(CASES) >= 80


def test_facts_share_of_nothing_does_not_crash():
    # found by hypothesis: "of" followed only by punctuation cleans to no phrase
    (fact,) = ce.extract("5-6 percent of \u2014").facts
    assert fact.metric is None and fact.change is None
