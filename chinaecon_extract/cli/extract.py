"""`chinaecon-extract extract FILE|-`: one article's JSON on stdout."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from ._options import DateField, IdField, MaxSize, Published, TextField, read_options

FORMATS = ("auto", "txt", "md", "html", "json", "jsonl")


def extract_file(path: str, options=None, fmt: str = "auto") -> list[dict]:
    """The JSON records (the batch's JSONL shape) of every article in one file, or in
    stdin for "-". Raises InputError for a file that cannot be read."""
    from .. import extract
    from ..errors import InputError
    from ..io.readers import ReadError, ReadOptions, decode, read_path
    from ..io.writers import article_record

    options = options or ReadOptions()
    kind = None if fmt == "auto" else "." + fmt
    if path == "-":
        data = sys.stdin.buffer.read()
        if len(data) > options.max_size * 8:
            raise InputError("<stdin>", "too large")
        if kind is None:
            head = decode(data, "<stdin>").lstrip()[:1] if data else ""
            kind = {"{": ".json", "[": ".json", "<": ".html"}.get(head, ".txt")
        items = _read_bytes_as(data, kind, options)
    else:
        items = list(read_path(path, Path(path).parent, options, kind=kind))
    out = []
    for item in items:
        if isinstance(item, ReadError):
            raise InputError(item.source if not item.record else f"{item.source}#{item.record}", item.reason)
        out.append(article_record(item, extract(item.text, published=item.published)))
    return out


def _read_bytes_as(data: bytes, kind: str, options):
    import hashlib
    import json as _json

    from ..errors import InputError
    from ..io.readers import ReadError, article_from_record, article_from_text, decode

    sha = hashlib.sha256(data).hexdigest()
    try:
        text = decode(data, "<stdin>")
        if kind in (".json", ".jsonl"):
            recs = ([_json.loads(ln) for ln in text.splitlines() if ln.strip()] if kind == ".jsonl"
                    else _json.loads(text))
            recs = recs if isinstance(recs, list) else [recs]
            return [article_from_record(r, doc_id=f"<stdin>#{i}", source="<stdin>", sha256=sha, record=i,
                                        options=options) for i, r in enumerate(recs, 1)]
        return [article_from_text(text, doc_id="<stdin>", source="<stdin>", sha256=sha, kind=kind,
                                  options=options)]
    except InputError as e:
        return [ReadError("<stdin>", "<stdin>", 0, e.reason)]
    except ValueError as e:
        return [ReadError("<stdin>", "<stdin>", 0, f"invalid JSON: {e}")]


def extract_command(
    file: str = typer.Argument(..., help="An article file (.txt .md .html .json .jsonl), or - for stdin."),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Input format: {', '.join(FORMATS)}."),
    indent: Optional[int] = typer.Option(None, "--indent", help="Indent the JSON (one article only)."),
    text_field: str = TextField, id_field: str = IdField, date_field: str = DateField,
    published: Optional[str] = Published, max_size: int = MaxSize,
):
    """Print one article's JSON (several records: one JSON line each)."""
    from ..errors import InputError

    if fmt not in FORMATS:
        raise typer.BadParameter(f"{fmt!r} is not one of {', '.join(FORMATS)}", param_hint="--format")
    if file != "-" and not Path(file).is_file():
        raise typer.BadParameter(f"no such file: {file}", param_hint="FILE")
    options = read_options(text_field, id_field, date_field, published, max_size)
    try:
        records = extract_file(file, options, fmt)
    except InputError as e:
        typer.echo(f"error: {e.path}: {e.reason}", err=True)
        raise typer.Exit(1)
    for rec in records:
        typer.echo(json.dumps(rec, ensure_ascii=False, indent=indent if len(records) == 1 else None))
