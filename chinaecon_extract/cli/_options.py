"""Options shared by the commands that read articles."""
from __future__ import annotations

from typing import Optional

import typer

from ..io.readers import DEFAULT_MAX_SIZE, ReadOptions, parse_date

TextField = typer.Option("text", "--text-field", help="JSON/JSONL records: key of the article text (dotted for nesting).")
IdField = typer.Option("id", "--id-field", help="JSON/JSONL records: key of the document id.")
DateField = typer.Option("published", "--date-field", help="JSON/JSONL records: key of the publication date.")
Published = typer.Option(None, "--published", help="Publication date (YYYY-MM-DD) for articles that give none "
                                                    "in a header, record field, HTML meta or dateline.")
MaxSize = typer.Option(DEFAULT_MAX_SIZE, "--max-size", min=1, help="Largest article in bytes; larger files "
                                                                    "become 'too large' error records.")


def read_options(text_field: str, id_field: str, date_field: str, published: Optional[str],
                 max_size: int) -> ReadOptions:
    if published is not None and parse_date(published) is None:
        raise typer.BadParameter(f"not a date: {published!r} (use YYYY-MM-DD)", param_hint="--published")
    return ReadOptions(text_field=text_field, id_field=id_field, date_field=date_field,
                       published=parse_date(published) if published else None, max_size=max_size)
