"""Real output validates against the published JSON Schema (docs/schema.json)."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import chinaecon_extract as ce

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
ARTICLES = sorted((ROOT / "corpora").glob("*.txt"))


def _body(path: Path) -> tuple[str, str | None]:
    raw = path.read_text(encoding="utf-8")
    head, _, body = raw.partition("\n\n")
    meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    pub = meta.get("published")
    return body, (pub if pub and pub != "unknown" else None)


def test_schema_is_a_valid_json_schema():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_schema_validates_output_of_every_corpus_article(path):
    text, published = _body(path)
    out = ce.extract(text, published=published).to_dict()
    jsonschema.validate(out, SCHEMA, cls=jsonschema.Draft202012Validator)
    ids = {m["id"] for m in out["mentions"]}
    for m in out["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    for f in out["facts"]:
        assert {f["value"], f["change"], f["value_alt"]} - {None} <= ids


def test_schema_rejects_a_broken_result():
    bad = {"published": None, "mentions": [{"id": 0, "type": "percent", "text": "5%", "start": 0, "end": 2,
                                            "value": 5, "unit": "percent", "role": "growth"}],
           "facts": [], "sentences": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, SCHEMA, cls=jsonschema.Draft202012Validator)
