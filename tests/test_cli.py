"""The command line: commands in-process with CliRunner, real batches as subprocesses
(a 300-file folder with bad files, a killed and resumed run, SQL on the SQLite output)."""
from __future__ import annotations

import codecs
import csv
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import chinaecon_extract as ce
from chinaecon_extract.cli import app, main

CLI = [sys.executable, "-c", "import sys; from chinaecon_extract.cli import main; sys.exit(main())"]
PLACES = ["Gansu", "Hubei", "Jiuquan", "Suzhou", "Chengdu", "Guangxi", "Ningbo", "Qinghai", "Xiamen", "Jilin"]
runner = CliRunner()


def body(i: int, sentences: int = 3) -> str:
    place = PLACES[i % len(PLACES)]
    out = []
    for k in range(sentences):
        n = i * 7 + k
        out.append(f"The GDP of {place} reached {100 + n % 900}.{n % 10} billion yuan in the first quarter of "
                   f"{2015 + n % 10}, up {1 + n % 9}.{k % 10} percent year-on-year. Exports rose {2 + n % 7} percent "
                   f"to {10 + n % 50} billion yuan, while {3 + n % 40} new projects were signed in {place}.")
    return "\n\n".join(out)


def header(i: int) -> str:
    return f"url: http://example.com/{i}\ntitle: Article {i}\npublished: 2024-0{1 + i % 9}-1{i % 10}\n\n"


def make_corpus(root: Path, n_good: int = 290) -> tuple[dict[str, tuple[str, str | None]], dict[str, str]]:
    """A folder of good articles in every format and bad files of every kind.
    RETURNS: {doc_id: (text, published)} for good articles, {doc_id: reason part} for bad files."""
    good, bad = {}, {}
    (root / "sub" / "deeper").mkdir(parents=True)
    for i in range(n_good):
        kind = i % 10
        text, pub = body(i), f"2024-0{1 + i % 9}-1{i % 10}"
        if kind == 1:
            rel = f"sub/a{i:03}.md"
            (root / rel).write_text(header(i) + text, encoding="utf-8")
        elif kind == 2:
            rel = f"sub/deeper/a{i:03}.html"
            paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
            (root / rel).write_text(f"<html><head><title>A{i}</title><meta name=\"pubdate\" content=\"{pub}\">"
                                    f"<script>var n = '99 percent';</script></head><body><nav>Home | News</nav>"
                                    f"{paras}<footer>Copyright 2024</footer></body></html>", encoding="utf-8")
        elif kind == 3:
            rel = f"a{i:03}-utf16.txt"
            (root / rel).write_bytes(codecs.BOM_UTF16_LE + (header(i) + text).encode("utf-16-le"))
        elif kind == 4:
            rel = f"a{i:03}-gb.txt"
            text = "甘肃省经济稳步增长。\n\n" + text
            (root / rel).write_bytes((header(i) + text).encode("gb18030"))
        elif kind == 5:
            rel = f"a{i:03}-bom.txt"
            (root / rel).write_bytes(codecs.BOM_UTF8 + (header(i) + text).encode("utf-8"))
        else:
            rel = f"a{i:03}.txt"
            (root / rel).write_text(header(i) + text, encoding="utf-8")
        good[rel] = (text, pub)
    records = [{"id": f"rec-{k}", "text": body(1000 + k), "published": "2023-05-0" + str(k + 1)} for k in range(4)]
    with open(root / "sub" / "records.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        f.write("{not json\n")
    for r in records:
        good[r["id"]] = (r["text"], r["published"])
    bad["sub/records.jsonl#5"] = "invalid JSON"
    (root / "list.json").write_text(json.dumps([{"text": body(2000)}, {"title": "no text"}]), encoding="utf-8")
    good["list.json#1"] = (body(2000), None)
    bad["list.json#2"] = "no 'text' field"
    (root / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
    bad["binary.txt"] = "binary file"
    (root / "nul.txt").write_bytes(b"GDP\x00\x01\x02" * 300)
    bad["nul.txt"] = "binary file"
    (root / "empty.txt").write_bytes(b"")
    bad["empty.txt"] = "empty file"
    (root / "latin1.txt").write_bytes(("published: 2024-01-01\n\nL'\u00e9conomie de Qu\u00e9bec a cr\u00fb de 3 "
                                       "pour cent, d\u00e9j\u00e0 \u00e9t\u00e9 forte.").encode("latin-1"))
    bad["latin1.txt"] = "unsupported encoding"
    (root / "utf16-nobom.txt").write_bytes(body(1).encode("utf-16-le"))
    bad["utf16-nobom.txt"] = "UTF-16 without a byte-order mark"
    (root / "huge.txt").write_bytes((body(3) + "\n\n").encode() * (5_000_000 // len(body(3)) + 1))
    bad["huge.txt"] = "too large"
    (root / "zzz-vanishing.txt").write_text(header(1) + body(1), encoding="utf-8")
    bad["zzz-vanishing.txt"] = "file not found"
    (root / "image.png").write_bytes(b"\x89PNG")  # unsupported suffix in a folder: not an input
    (root / "a000.json").write_text('{"mentions": []}', encoding="utf-8")  # gold sidecar of a000.txt
    return good, bad


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    good, bad = make_corpus(root)
    return root, good, bad


def run_until_first_output(cmd, out: Path, on_first=None, timeout=120):
    """Run cmd; when `out` first has a complete line, call on_first(proc)."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    t0 = time.monotonic()
    if on_first is not None:
        while time.monotonic() - t0 < timeout and proc.poll() is None:
            if out.exists() and out.read_bytes().count(b"\n") >= 1:
                on_first(proc)
                break
            time.sleep(0.005)
    stdout, stderr = proc.communicate(timeout=timeout)
    return proc.returncode, stdout, stderr


def expected_counts(good):
    return {doc: (len(r.mentions), len(r.facts)) for doc, (text, pub) in good.items()
            for r in [ce.extract(text, published=pub)]}


def test_cli_batch_300_files_with_bad_ones_as_subprocess(corpus, tmp_path):
    root, good, bad = corpus
    work = tmp_path / "in"
    shutil.copytree(root, work)
    out = tmp_path / "out" / "facts.jsonl"
    rc, _, stderr = run_until_first_output(
        CLI + ["batch", str(work), "-o", str(out), "--workers", "2"], out,
        on_first=lambda proc: (work / "zzz-vanishing.txt").unlink())
    assert rc == 1, stderr
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    articles = {r["doc_id"]: r for r in lines if "error" not in r}
    errors = {r["doc_id"]: r for r in lines if "error" in r}
    assert len(good) + len(bad) >= 300
    assert sorted(articles) == sorted(good)
    assert len(lines) == len(articles) + len(errors)  # one record per article, no duplicates
    for doc, (mentions, facts) in expected_counts(good).items():
        assert (len(articles[doc]["mentions"]), len(articles[doc]["facts"])) == (mentions, facts), doc
        assert articles[doc]["published"] == good[doc][1], doc
    assert sorted(errors) == sorted(bad)
    for doc, reason in bad.items():
        assert reason in errors[doc]["error"], (doc, errors[doc])
        assert f"error: {errors[doc]['source']}" in stderr
    for doc in ("a004-gb.txt", "a003-utf16.txt", "a005-bom.txt", "sub/deeper/a002.html"):  # decoded faithfully
        assert articles[doc]["words"] == len(good[doc][0].split()), doc
    summary = stderr.strip().splitlines()[-1]
    assert f"articles {len(good)}" in summary and f"errors {len(bad)}" in summary
    assert "annotation .json sidecars" in summary


def test_cli_batch_sqlite_and_csv_outputs_answer_sql(corpus, tmp_path):
    root, good, bad = corpus
    db_path, csv_path = tmp_path / "facts.sqlite", tmp_path / "facts.csv"
    for out in (db_path, csv_path):
        rc = subprocess.run(CLI + ["batch", str(root), "-o", str(out), "-w", "2"], capture_output=True,
                            text=True, timeout=120)
        assert rc.returncode == 1, rc.stderr
    bad_now = {k: v for k, v in bad.items() if k != "zzz-vanishing.txt"}  # still there: a good file now
    n_docs = len(good) + 1
    exp = expected_counts(good)
    db = sqlite3.connect(db_path)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("SELECT count(*) FROM documents").fetchone() == (n_docs,)
    assert db.execute("SELECT count(DISTINCT doc_id) FROM documents").fetchone() == (n_docs,)
    assert db.execute("SELECT count(*) FROM errors").fetchone() == (len(bad_now),)
    assert dict(db.execute("SELECT doc_id, reason FROM errors")).keys() == bad_now.keys()
    n_facts = db.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert n_facts == sum(f for _, f in exp.values()) + len(ce.extract(body(1), published="2024-02-11").facts)
    per_doc = dict(db.execute("SELECT d.doc_id, count(f.id) FROM documents d LEFT JOIN facts f ON f.doc = d.id "
                              "GROUP BY d.id"))
    assert all(per_doc[doc] == f for doc, (_, f) in exp.items())
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM facts f JOIN mentions m ON m.doc = f.doc AND m.id = f.value_mention "
                      "WHERE m.text != f.value_text").fetchone() == (0,)
    # queries a user would write
    db.execute("SELECT location, indicator, avg(change) FROM facts WHERE indicator IS NOT NULL "
               "GROUP BY 1, 2 ORDER BY 3 DESC").fetchall()
    by_type = dict(db.execute("SELECT type, count(*) FROM mentions GROUP BY type"))
    assert sum(by_type.values()) == db.execute("SELECT sum(n_mentions) FROM documents").fetchone()[0]
    plan = " ".join(r[-1] for r in db.execute("EXPLAIN QUERY PLAN SELECT * FROM facts WHERE indicator = 'gdp'"))
    assert "facts_indicator" in plan
    with open(csv_path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len([r for r in rows if not r["error"]]) == n_facts
    assert {r["doc_id"] for r in rows if r["error"]} == bad_now.keys()


def test_cli_batch_killed_midway_resumes_without_duplicates_or_gaps(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    n = 240
    for i in range(n):
        (root / f"a{i:03}.txt").write_text(header(i) + body(i, sentences=12), encoding="utf-8")
    for out, sig in ((tmp_path / "o.jsonl", signal.SIGINT), (tmp_path / "o.sqlite", signal.SIGKILL)):
        cmd = CLI + ["batch", str(root), "-o", str(out), "-w", "2"]

        def kill(proc, sig=sig, out=out):
            if sig == signal.SIGKILL:  # wait for a first committed batch
                while proc.poll() is None and sqlite_count(out) < 10:
                    time.sleep(0.01)
            else:
                time.sleep(0.3)
            proc.send_signal(sig)

        watch = out if out.suffix == ".jsonl" else out.with_name(out.name + "-wal")
        rc, _, stderr = run_until_first_output(cmd, watch if out.suffix == ".jsonl" else out, on_first=kill)
        assert rc in ((130,) if sig == signal.SIGINT else (-9,)), stderr
        first = done_ids(out)
        assert 0 < len(first) < n, (len(first), stderr)
        if sig == signal.SIGINT:
            assert "INTERRUPTED" in stderr
        rc2 = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert rc2.returncode == 0, rc2.stderr
        assert f"skipped (done) {len(first)}" in rc2.stderr
        final = done_ids(out)
        assert sorted(final) == sorted(f"a{i:03}.txt" for i in range(n))  # no duplicate, none missing


def sqlite_count(path: Path) -> int:
    if not path.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)
        try:
            return db.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def done_ids(out: Path) -> list[str]:
    if out.suffix == ".jsonl":
        return [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()]
    db = sqlite3.connect(out)
    try:
        return [r[0] for r in db.execute("SELECT doc_id FROM documents")]
    finally:
        db.close()


# ---------------------------------------------------------------- in-process commands


def test_cli_extract_prints_the_article_json(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(header(3) + body(3), encoding="utf-8")
    res = runner.invoke(app, ["extract", str(p)])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    expected = ce.extract(body(3), published="2024-04-13").to_dict()
    assert {k: rec[k] for k in expected} == expected
    assert rec["doc_id"] == "a.txt" and rec["title"] == "Article 3"


def test_cli_extract_reads_stdin_and_formats():
    res = runner.invoke(app, ["extract", "-"], input=header(2) + body(2))
    assert res.exit_code == 0
    assert json.loads(res.stdout)["published"] == "2024-03-12"
    res = runner.invoke(app, ["extract", "-"], input=json.dumps({"text": body(4), "published": "2021-01-01"}))
    assert json.loads(res.stdout)["published"] == "2021-01-01"
    res = runner.invoke(app, ["extract", "-", "--format", "html"], input=f"<p>{body(5)}</p><script>x</script>")
    assert json.loads(res.stdout)["mentions"] == ce.extract(body(5)).to_dict()["mentions"]


def test_cli_extract_errors_and_usage(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    res = runner.invoke(app, ["extract", str(bad)])
    assert res.exit_code == 1 and "binary file" in res.stderr and str(bad.absolute()) in res.stderr
    assert runner.invoke(app, ["extract", str(tmp_path / "missing.txt")]).exit_code == 2
    assert runner.invoke(app, ["extract", str(bad), "--published", "someday"]).exit_code == 2
    assert main(["extract"]) == 2
    assert main(["--help"]) == 0


def test_cli_batch_in_process_single_worker(tmp_path):
    root = tmp_path / "in"
    root.mkdir()
    for i in range(3):
        (root / f"a{i}.txt").write_text(header(i) + body(i), encoding="utf-8")
    (root / "b.txt").write_bytes(b"")
    out = tmp_path / "o.jsonl"
    res = runner.invoke(app, ["batch", str(root), "-o", str(out), "-w", "1", "--summary-json"])
    assert res.exit_code == 1
    summary = json.loads(res.stderr.strip().splitlines()[-1])
    assert (summary["files"], summary["articles"], summary["errors"]) == (4, 3, 1)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sum(len(x.get("facts", [])) for x in lines) == summary["facts"]
    (root / "b.txt").write_text(body(9), encoding="utf-8")  # fixed: the rerun retries it only
    res = runner.invoke(app, ["batch", str(root), "-o", str(out), "-w", "1", "--summary-json"])
    assert res.exit_code == 0
    summary = json.loads(res.stderr.strip().splitlines()[-1])
    assert (summary["articles"], summary["skipped"], summary["errors"]) == (1, 3, 0)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["doc_id"] for x in lines) == ["a0.txt", "a1.txt", "a2.txt", "b.txt"]


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="needs fork")
def test_cli_batch_a_killed_worker_loses_only_its_own_file(tmp_path, monkeypatch):
    # one article makes its worker die (as the kernel's OOM killer would); the batch must end, report that
    # file, and keep every other file, including those that shared the dead worker's chunk
    from chinaecon_extract import api
    from chinaecon_extract.io.batch import run_batch

    real = api.extract

    def extract(text, published=None):
        if "POISON" in text:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, published)

    monkeypatch.setattr(api, "extract", extract)  # forked workers inherit it
    root = tmp_path / "in"
    root.mkdir()
    for i in range(12):
        (root / f"a{i:02}.txt").write_text(header(i) + body(i) + (" POISON" if i == 5 else ""), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    with open(os.devnull, "w") as log:
        summary = run_batch([root], out, workers=2, chunksize=4, progress=False, log=log)
    assert (summary.files, summary.articles, summary.errors, summary.interrupted) == (12, 11, 1, False)
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(x["doc_id"] for x in lines if "error" not in x) == [f"a{i:02}.txt" for i in range(12) if i != 5]
    (err,) = [x for x in lines if "error" in x]
    assert err["doc_id"] == "a05.txt" and "worker process died" in err["error"]


def test_cli_batch_stdout_and_usage_errors(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(body(1), encoding="utf-8")
    res = runner.invoke(app, ["batch", str(p), "-o", "-", "-w", "1", "--published", "2024-05-05"])
    assert res.exit_code == 0
    rec = json.loads(res.stdout)
    assert rec["published"] == "2024-05-05" and rec["published_from"] == "option"
    assert runner.invoke(app, ["batch", str(p), "-o", str(tmp_path / "x.xlsx")]).exit_code == 2
    assert runner.invoke(app, ["batch", str(tmp_path / "nope"), "-o", "-"]).exit_code == 2
    assert runner.invoke(app, ["batch", str(p)]).exit_code == 2
    assert runner.invoke(app, ["batch", str(p), "-o", "-", "--workers", "0"]).exit_code == 2
    foreign = tmp_path / "foreign.jsonl"
    foreign.write_text('{"x": 1}\n', encoding="utf-8")
    res = runner.invoke(app, ["batch", str(p), "-o", str(foreign), "-w", "1"])
    assert res.exit_code == 2 and "--overwrite" in res.stderr


def test_cli_render_writes_a_page(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text(header(1) + body(1) + "\n\n<script>alert(1)</script>", encoding="utf-8")
    out = tmp_path / "a.html"
    res = runner.invoke(app, ["render", str(p), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = out.read_text(encoding="utf-8")
    result = ce.extract(p.read_text(encoding="utf-8").split("\n\n", 1)[1], published="2024-02-11")
    assert page.startswith("<!DOCTYPE html>") and "<title>Article 1</title>" in page
    assert "<script>alert" not in page  # the article text is escaped
    assert page.count("<mark") >= min(1, len(result.mentions))
    assert page.count("<tr>") == 2 + len(result.facts) + len(result.mentions)
