"""Writers: output shapes, error records, resume index and recovery from a killed run."""
from __future__ import annotations

import csv
import json
import sqlite3

import pytest

import chinaecon_extract as ce
from chinaecon_extract.io.readers import Article, ReadError
from chinaecon_extract.io.writers import (CSV_COLUMNS, CsvWriter, JsonlWriter, OutputError, SqliteWriter,
                                          open_writer, writer_class)

TEXTS = [
    "The foreign trade volume of Gansu province reached 8.62 billion yuan ($1.21 billion) in the first quarter "
    "of 2020, decreasing by 2.6 percent from the same period last year.",
    "Retail sales of consumer goods rose 4.5 percent year-on-year in 2024.",
    "The weather was fine.",
]


def article(i: int, text: str | None = None) -> Article:
    text = TEXTS[i] if text is None else text
    return Article(doc_id=f"doc{i}.txt", source=f"/in/doc{i}.txt", record=0, sha256=f"{i:064x}", text=text,
                   published="2020-04-21", published_from="header", title=f"T{i}")


def write_all(writer_cls, path, n=3):
    with open_writer(path) as w:
        assert isinstance(w, writer_cls)
        for i in range(n):
            a = article(i)
            w.write(writer_cls.encode(a, ce.extract(a.text, published=a.published)))
        w.error(ReadError("bad.txt", "/in/bad.txt", 0, "binary file (PNG image)"))


def n_facts(n=3):
    return sum(len(ce.extract(TEXTS[i], published="2020-04-21").facts) for i in range(n))


def test_writers_writer_class_by_extension():
    assert writer_class("a.jsonl") is JsonlWriter and writer_class("-") is JsonlWriter
    assert writer_class("a.CSV") is CsvWriter and writer_class("x/a.sqlite") is SqliteWriter
    with pytest.raises(ValueError, match="unsupported output extension '.xlsx'"):
        writer_class("a.xlsx")


def test_writers_jsonl_shape_errors_and_resume(tmp_path):
    out = tmp_path / "o.jsonl"
    write_all(JsonlWriter, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 4
    for i, rec in enumerate(lines[:3]):
        expected = ce.extract(TEXTS[i], published="2020-04-21").to_dict()
        assert {k: rec[k] for k in expected} == expected
        assert rec["doc_id"] == f"doc{i}.txt" and rec["source"] == f"/in/doc{i}.txt"
    assert lines[3] == {"error": "binary file (PNG image)", "doc_id": "bad.txt", "source": "/in/bad.txt",
                        "record": 0, "sha256": None}
    # a killed run: a torn last line; resuming drops it and the error line (retried), keeps the rest
    with open(out, "a", encoding="utf-8") as f:
        f.write('{"doc_id": "doc9.txt", "sou')
    w = JsonlWriter(out)
    assert w.done() == {(f"/in/doc{i}.txt", 0, f"{i:064x}") for i in range(3)}
    w.close()
    assert [json.loads(x)["doc_id"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        "doc0.txt", "doc1.txt", "doc2.txt"]


def test_writers_csv_one_row_per_fact(tmp_path):
    out = tmp_path / "o.csv"
    write_all(CsvWriter, out)
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0].keys()) == list(CSV_COLUMNS)
    facts = [r for r in rows if not r["error"]]
    assert len(facts) == n_facts()
    assert rows[-1]["error"] == "binary file (PNG image)" and rows[-1]["source"] == "/in/bad.txt"
    first = ce.extract(TEXTS[0], published="2020-04-21").to_dict()
    if first["facts"]:
        f0 = first["facts"][0]
        m = first["mentions"][f0["value"]] if f0["value"] is not None else {}
        assert facts[0]["doc_id"] == "doc0.txt" and facts[0]["value_text"] == m.get("text", "")
        assert facts[0]["metric"] == (f0["metric"] or "")
    assert len((tmp_path / "o.csv.done").read_text(encoding="utf-8").splitlines()) == 3


def test_writers_csv_resume_drops_rows_of_unfinished_articles(tmp_path):
    out = tmp_path / "o.csv"
    write_all(CsvWriter, out, n=1)
    with open(out, "a", encoding="utf-8", newline="") as f:  # rows written, then killed before the done line
        csv.writer(f).writerow(["doc5.txt", "/in/doc5.txt", "1"] + [""] * (len(CSV_COLUMNS) - 3))
        f.write('doc6.txt,/in/doc6.txt,1,"torn')
    w = CsvWriter(out)
    assert w.done() == {("/in/doc0.txt", 0, f"{0:064x}")}
    w.close()
    with open(out, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["doc_id"] for r in rows} <= {"doc0.txt"} and not any(r["error"] for r in rows)


def test_writers_sqlite_tables_foreign_keys_and_replacement(tmp_path):
    out = tmp_path / "o.sqlite"
    write_all(SqliteWriter, out)
    db = sqlite3.connect(out)
    assert db.execute("SELECT count(*) FROM documents").fetchone() == (3,)
    assert db.execute("SELECT count(*) FROM facts").fetchone() == (n_facts(),)
    assert db.execute("SELECT sum(n_facts), sum(n_mentions) FROM documents").fetchone()[0] == n_facts()
    assert db.execute("SELECT reason FROM errors").fetchall() == [("binary file (PNG image)",)]
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM facts_flat").fetchone() == (n_facts(),)
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"facts_indicator", "mentions_type", "documents_doc_id"} <= names
    assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    db.close()
    # the same source with new content replaces its document, mentions and facts
    with SqliteWriter(out) as w:
        assert len(w.done()) == 3
        a = article(0, "Exports rose 9 percent in 2019.")
        w.write(SqliteWriter.encode(a, ce.extract(a.text)))
    db = sqlite3.connect(out)
    db.execute("PRAGMA foreign_keys = ON")
    assert db.execute("SELECT count(*) FROM documents WHERE source = '/in/doc0.txt'").fetchone() == (1,)
    assert db.execute("SELECT count(*) FROM errors").fetchone() == (0,)  # retried on resume
    orphans = db.execute("SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT id FROM documents)").fetchone()
    assert orphans == (0,)


def test_writers_refuse_foreign_outputs(tmp_path):
    j = tmp_path / "mine.jsonl"
    j.write_text('{"name": "not ours"}\n', encoding="utf-8")
    with pytest.raises(OutputError, match="--overwrite"):
        JsonlWriter(j)
    c = tmp_path / "mine.csv"
    c.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(OutputError):
        CsvWriter(c)
    assert c.read_text(encoding="utf-8") == "a,b\n1,2\n"
    JsonlWriter(j, resume=False).close()  # --overwrite
    assert j.read_text(encoding="utf-8") == ""
