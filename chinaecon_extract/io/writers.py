"""Streaming batch outputs: JSONL, CSV and SQLite, with a resume index and error records.

A writer lives in the main process and receives one article at a time, already encoded
by `Writer.encode()` in the worker that extracted it (so the main process only writes).
Each article is written whole and flushed (JSONL lines, CSV rows) or committed in small
transactions (SQLite), so an interrupted batch leaves a valid file; `done()` lists the
(source, record, sha256) keys already in the output, which a rerun skips.

Error records name the file and the reason: `{"error": ...}` lines in JSONL, rows with the
`error` column set in CSV, the `errors` table in SQLite. They are not "done": a rerun
retries those files and replaces their old error records.
"""
from __future__ import annotations

import csv
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

from .readers import Article, ReadError

SUFFIXES = (".jsonl", ".csv", ".sqlite")

CSV_COLUMNS = ("doc_id", "source", "fact", "metric", "indicator", "value", "unit", "currency", "value_text",
               "change", "direction", "basis", "change_text", "period_start", "period_end", "granularity",
               "location", "location_level", "province", "organization", "rank", "sentence", "published",
               "error")


def article_record(article: Article, result) -> dict[str, Any]:
    """The JSONL shape of one article: result.to_dict() (the contract's shape) plus
    where it came from (doc_id, source, record, sha256, title, url, published_from, words)."""
    out = {"doc_id": article.doc_id, "source": article.source, "record": article.record,
           "sha256": article.sha256, "title": article.title, "url": article.url,
           "published_from": article.published_from, "words": len(article.text.split())}
    out.update(result.to_dict())
    return out


def _unit(m: dict) -> str | None:
    if m.get("type") == "count":
        return m.get("item") or None
    return m.get("unit")


def fact_rows(record: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """One flat dict per fact (the CSV columns), values taken from the mentions it links."""
    mentions = record["mentions"]
    rows = []
    for i, f in enumerate(record["facts"], 1):
        v = mentions[f["value"]] if f.get("value") is not None else {}
        c = mentions[f["change"]] if f.get("change") is not None else {}
        if not c and v.get("type") == "percent" and v.get("role") == "change":
            c = v
        per = f.get("period") or {}
        loc = f.get("location") or {}
        sent = f.get("sentence")
        rows.append({
            "doc_id": record["doc_id"], "source": record["source"], "fact": i,
            "metric": f.get("metric"), "indicator": f.get("indicator"),
            "value": v.get("value"), "unit": _unit(v), "currency": v.get("currency"), "value_text": v.get("text"),
            "change": c.get("value"), "direction": c.get("direction"), "basis": c.get("basis"),
            "change_text": c.get("text"),
            "period_start": per.get("start"), "period_end": per.get("end"), "granularity": per.get("granularity"),
            "location": loc.get("name"), "location_level": loc.get("level"), "province": loc.get("province"),
            "organization": f.get("organization"), "rank": f.get("rank"),
            "sentence": " ".join(text[sent[0]:sent[1]].split()) if sent else None,
            "published": record.get("published"),
            "value_mention": f.get("value"), "change_mention": f.get("change"),
            "value_alt_mention": f.get("value_alt"),
            "sentence_start": sent[0] if sent else None, "sentence_end": sent[1] if sent else None,
        })
    return rows


def error_record(err: ReadError) -> dict[str, Any]:
    return {"error": err.reason, "doc_id": err.doc_id, "source": err.source, "record": err.record,
            "sha256": err.sha256}


class Writer:
    """Base: one output file. Subclasses define encode/_write_payload/_write_error."""

    suffix = ""

    def __init__(self, path: str | os.PathLike, *, resume: bool = True):
        self.path = Path(path)
        self.resume = resume
        self._done: set[tuple[str, int, str]] = set()

    @staticmethod
    def encode(article: Article, result) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def done(self) -> set[tuple[str, int, str]]:
        """Keys (source, record, sha256) of the articles already in the output."""
        return self._done

    def write(self, payload) -> None:
        raise NotImplementedError

    def error(self, err: ReadError) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class JsonlWriter(Writer):
    """One article per line; errors as {"error": reason, ...} lines. Path "-" is stdout."""

    suffix = ".jsonl"

    def __init__(self, path, *, resume=True):
        super().__init__(path, resume=resume)
        if str(path) == "-":
            self.f = sys.stdout
            return
        if self.path.exists() and resume:
            self._load()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.f = open(self.path, "a" if resume else "w", encoding="utf-8", newline="\n")

    def _load(self):
        """Collect done keys; drop error lines (retried) and a torn last line, rewriting the
        file through a temporary one only when something must go."""
        keep_all, torn = True, 0
        with open(self.path, "rb") as f:
            for line in f:
                if torn:  # only the last line may be torn
                    raise OutputError(self.path)
                rec = _parse_line(line, self.path)
                if rec is None:
                    if not line.strip():
                        continue
                    torn, keep_all = 1, False
                    continue
                if "error" in rec:
                    keep_all = False
                    continue
                self._done.add((rec["source"], rec.get("record", 0), rec["sha256"]))
        if keep_all:
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            for line in src:
                rec = _parse_line(line, self.path)
                if rec is not None and "error" not in rec:
                    dst.write(line)
        os.replace(tmp, self.path)

    @staticmethod
    def encode(article, result) -> str:
        return json.dumps(article_record(article, result), ensure_ascii=False) + "\n"

    def write(self, payload: str) -> None:
        self.f.write(payload)
        self.f.flush()

    def error(self, err: ReadError) -> None:
        self.f.write(json.dumps(error_record(err), ensure_ascii=False) + "\n")
        self.f.flush()

    def close(self):
        if self.f is not sys.stdout and not self.f.closed:
            self.f.close()


def _parse_line(line: bytes, path):
    """A finished JSONL line of ours as a dict; None for a torn one (no newline, or cut
    JSON); OutputError for a whole line that is not ours."""
    if not line.endswith(b"\n"):
        return None
    try:
        rec = json.loads(line)
    except ValueError:
        return None
    if not isinstance(rec, dict) or ("error" not in rec and not {"source", "sha256"} <= rec.keys()):
        raise OutputError(path)
    return rec


class OutputError(ValueError):
    """The output exists but is not one this command wrote, so it is neither resumed nor overwritten."""

    def __init__(self, what):
        super().__init__(f"{what!s}: the output exists but was not written by chinaecon-extract batch; "
                         "choose another -o or pass --overwrite")


class CsvWriter(Writer):
    """One fact per row (CSV_COLUMNS); error rows have the `error` column set. Articles
    without facts leave no row, so the resume index is a sidecar, OUT.done (one JSON line
    per finished article), appended after the article's rows are flushed."""

    suffix = ".csv"

    def __init__(self, path, *, resume=True):
        super().__init__(path, resume=resume)
        self.done_path = self.path.with_name(self.path.name + ".done")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fresh = not (resume and self.path.exists())
        if not fresh:
            self._load()
        elif self.done_path.exists():
            self.done_path.unlink()
        self.f = open(self.path, "w" if fresh else "a", encoding="utf-8", newline="")
        self.w = csv.writer(self.f)
        if fresh:
            self.w.writerow(CSV_COLUMNS)
            self.f.flush()
        self.d = open(self.done_path, "a", encoding="utf-8")

    def _load(self):
        done_ids, lines, torn_done = set(), [], False
        if self.done_path.exists():
            with open(self.done_path, "rb") as f:
                for line in f:
                    try:
                        source, record, sha, doc_id = json.loads(line) if line.endswith(b"\n") else None
                    except (TypeError, ValueError):
                        torn_done = True
                        continue
                    lines.append(line)
                    self._done.add((source, record, sha))
                    done_ids.add((source, doc_id))
        if torn_done:
            with open(self.done_path, "wb") as f:
                f.writelines(lines)
        # Keep rows of finished articles only: drops error rows (retried), rows of an
        # article interrupted before its done line was written, and a torn last row.
        with open(self.path, encoding="utf-8", newline="") as f:
            if next(csv.reader(f), None) != list(CSV_COLUMNS):
                raise OutputError(self.path)
        if self._rows_ok(done_ids) and _ends_with_newline(self.path):
            return
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(tmp, "w", encoding="utf-8", newline="") as dst:
            w = csv.writer(dst)
            w.writerow(CSV_COLUMNS)
            w.writerows(self._good_rows(done_ids))
        os.replace(tmp, self.path)

    def _good_rows(self, done_ids):
        with open(self.path, encoding="utf-8", newline="") as f:
            rows = csv.reader(f)
            try:
                next(rows, None)
                for r in rows:
                    if len(r) == len(CSV_COLUMNS) and not r[-1] and (r[1], r[0]) in done_ids:
                        yield r
            except csv.Error:  # a row cut inside a quoted field: the end of a killed run
                return

    def _rows_ok(self, done_ids) -> bool:
        with open(self.path, encoding="utf-8", newline="") as f:
            rows = csv.reader(f)
            try:
                if next(rows, None) != list(CSV_COLUMNS):
                    return False
                return all(len(r) == len(CSV_COLUMNS) and not r[-1] and (r[1], r[0]) in done_ids for r in rows)
            except csv.Error:
                return False

    @staticmethod
    def encode(article, result) -> tuple[tuple, list[list]]:
        rec = article_record(article, result)
        rows = [[_csv(r.get(c)) for c in CSV_COLUMNS] for r in fact_rows(rec, article.text)]
        return (article.source, article.record, article.sha256, article.doc_id), rows

    def write(self, payload) -> None:
        key, rows = payload
        self.w.writerows(rows)
        self.f.flush()
        self.d.write(json.dumps(list(key), ensure_ascii=False) + "\n")
        self.d.flush()

    def error(self, err: ReadError) -> None:
        row = {"doc_id": err.doc_id, "source": err.source, "error": err.reason}
        self.w.writerow([_csv(row.get(c)) for c in CSV_COLUMNS])
        self.f.flush()

    def close(self):
        for f in (self.f, self.d):
            if not f.closed:
                f.close()


def _ends_with_newline(path: Path) -> bool:
    with open(path, "rb") as f:
        f.seek(0, os.SEEK_END)
        if f.tell() == 0:
            return True
        f.seek(-1, os.SEEK_END)
        return f.read(1) == b"\n"


def _csv(v):
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return str(int(v))
    return v


SCHEMA = """
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL,
    source TEXT NOT NULL,
    record INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL,
    title TEXT, url TEXT,
    published TEXT, published_from TEXT,
    words INTEGER, n_mentions INTEGER, n_facts INTEGER,
    text TEXT NOT NULL,
    UNIQUE (source, record)
);
CREATE INDEX IF NOT EXISTS documents_doc_id ON documents (doc_id);
CREATE INDEX IF NOT EXISTS documents_published ON documents (published);
CREATE TABLE IF NOT EXISTS mentions (
    doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    type TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    value REAL, low REAL, high REAL, qualifier TEXT, per TEXT,
    unit TEXT, currency TEXT, item TEXT, role TEXT, direction TEXT, basis TEXT,
    name TEXT, level TEXT, parent TEXT, kind TEXT,
    period_start TEXT, period_end TEXT, granularity TEXT,
    attrs TEXT NOT NULL,
    PRIMARY KEY (doc, id)
);
CREATE INDEX IF NOT EXISTS mentions_type ON mentions (type, value);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions (name);
CREATE TABLE IF NOT EXISTS facts (
    doc INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    value_mention INTEGER, change_mention INTEGER, value_alt_mention INTEGER,
    metric TEXT, indicator TEXT,
    value REAL, unit TEXT, currency TEXT, value_text TEXT,
    change REAL, direction TEXT, basis TEXT, change_text TEXT,
    period_start TEXT, period_end TEXT, granularity TEXT,
    location TEXT, location_level TEXT, province TEXT, organization TEXT, rank INTEGER,
    sentence_start INTEGER, sentence_end INTEGER, sentence TEXT,
    PRIMARY KEY (doc, id),
    FOREIGN KEY (doc, value_mention) REFERENCES mentions (doc, id),
    FOREIGN KEY (doc, change_mention) REFERENCES mentions (doc, id)
);
CREATE INDEX IF NOT EXISTS facts_indicator ON facts (indicator, period_start);
CREATE INDEX IF NOT EXISTS facts_location ON facts (location);
CREATE INDEX IF NOT EXISTS facts_province ON facts (province);
CREATE INDEX IF NOT EXISTS facts_period ON facts (period_start, period_end);
CREATE TABLE IF NOT EXISTS errors (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL, source TEXT NOT NULL, record INTEGER NOT NULL DEFAULT 0,
    reason TEXT NOT NULL, sha256 TEXT
);
CREATE INDEX IF NOT EXISTS errors_source ON errors (source);
CREATE VIEW IF NOT EXISTS facts_flat AS
    SELECT d.doc_id, d.source, f.id AS fact, f.metric, f.indicator, f.value, f.unit, f.currency,
           f.change, f.direction, f.basis, f.period_start, f.period_end, f.location, f.province,
           f.organization, f.rank, f.sentence, d.published
    FROM facts f JOIN documents d ON d.id = f.doc;
"""

_MENTION_COLS = ("id", "type", "start", "end", "text", "value", "low", "high", "qualifier", "per", "unit",
                 "currency", "item", "role", "direction", "basis", "name", "level", "parent", "kind")
_FACT_COLS = ("fact", "value_mention", "change_mention", "value_alt_mention", "metric", "indicator", "value",
              "unit", "currency", "value_text", "change", "direction", "basis", "change_text", "period_start",
              "period_end", "granularity", "location", "location_level", "province", "organization", "rank",
              "sentence_start", "sentence_end", "sentence")
_DOC_COLS = ("doc_id", "source", "record", "sha256", "title", "url", "published", "published_from", "words",
             "n_mentions", "n_facts", "text")


class SqliteWriter(Writer):
    """Tables documents / mentions / facts / errors (see SCHEMA), foreign keys on, indexes
    for the usual queries, and a view facts_flat with the CSV's columns. Commits every
    `batch` articles or `interval` seconds, and on close."""

    suffix = ".sqlite"

    def __init__(self, path, *, resume=True, batch: int = 64, interval: float = 1.0):
        super().__init__(path, resume=resume)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if not resume and self.path.exists():
            self.path.unlink()
        self.db = sqlite3.connect(self.path)
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = NORMAL")
        self.db.executescript(SCHEMA)
        self.db.execute("PRAGMA foreign_keys = ON")
        self._done = {(s, r, h) for s, r, h in self.db.execute("SELECT source, record, sha256 FROM documents")}
        self.db.execute("DELETE FROM errors")  # failed files are retried
        self.db.commit()
        self.batch, self.interval = batch, interval
        self.pending, self.last = 0, time.monotonic()

    @staticmethod
    def encode(article, result):
        rec = article_record(article, result)
        mentions = []
        for m in rec["mentions"]:
            per = m.get("period") or {}
            row = [m.get(c) for c in _MENTION_COLS]
            row += [per.get("start"), per.get("end"), per.get("granularity"),
                    json.dumps(m, ensure_ascii=False)]
            mentions.append(row)
        facts = [[r.get(c) for c in _FACT_COLS] for r in fact_rows(rec, article.text)]
        doc = {**{c: rec.get(c) for c in _DOC_COLS}, "n_mentions": len(rec["mentions"]),
               "n_facts": len(rec["facts"]), "text": article.text, "published": rec["published"]}
        return [doc[c] for c in _DOC_COLS], mentions, facts

    def write(self, payload) -> None:
        doc, mentions, facts = payload
        cur = self.db.cursor()
        cur.execute("DELETE FROM documents WHERE source = ? AND record = ?", (doc[1], doc[2]))
        cur.execute(f"INSERT INTO documents ({', '.join(_DOC_COLS)}) VALUES ({', '.join('?' * len(_DOC_COLS))})",
                    doc)
        rowid = cur.lastrowid
        n = len(_MENTION_COLS) + 4
        cur.executemany(f"INSERT INTO mentions VALUES (?, {', '.join('?' * n)})", [[rowid, *m] for m in mentions])
        cur.executemany(f"INSERT INTO facts VALUES (?, {', '.join('?' * len(_FACT_COLS))})",
                        [[rowid, *f] for f in facts])
        self._tick()

    def error(self, err: ReadError) -> None:
        self.db.execute("INSERT INTO errors (doc_id, source, record, reason, sha256) VALUES (?, ?, ?, ?, ?)",
                        (err.doc_id, err.source, err.record, err.reason, err.sha256))
        self._tick()

    def _tick(self):
        self.pending += 1
        now = time.monotonic()
        if self.pending >= self.batch or now - self.last >= self.interval:
            self.flush()

    def flush(self):
        self.db.commit()
        self.pending, self.last = 0, time.monotonic()

    def close(self):
        if self.db is None:
            return
        self.db.commit()
        self.db.execute("PRAGMA journal_mode = DELETE")  # checkpoint: one self-contained file
        self.db.close()
        self.db = None


WRITERS = {".jsonl": JsonlWriter, ".csv": CsvWriter, ".sqlite": SqliteWriter, ".db": SqliteWriter}


def writer_class(path: str | os.PathLike) -> type[Writer]:
    """The writer for an output path, by its extension ("-": JSONL on stdout)."""
    if str(path) == "-":
        return JsonlWriter
    suffix = Path(path).suffix.lower()
    if suffix not in WRITERS:
        raise ValueError(f"unsupported output extension {suffix or '(none)'!r} for {path}: "
                         f"use .jsonl, .csv, .sqlite or - for JSONL on stdout")
    return WRITERS[suffix]


def open_writer(path: str | os.PathLike, *, resume: bool = True) -> Writer:
    """A writer for `path`, resuming an existing output unless resume is False."""
    return writer_class(path)(path, resume=resume and str(path) != "-")
