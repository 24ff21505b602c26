"""`chinaecon-extract evaluate DIR`: span/strict P/R/F1 per type and fact-link accuracy."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer


def evaluate_command(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of NAME.txt / NAME.json pairs."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    show_errors: int = typer.Option(0, "--show-errors", min=0, metavar="N", help="List the first N errors."),
    only: Optional[str] = typer.Option(None, "--only", help="Score one mention type."),
):
    """Score the library on gold-annotated articles (same definitions as the shared score.py)."""
    from ..evaluate import MENTION_TYPES, evaluate, format_report

    if only is not None and only not in MENTION_TYPES:
        raise typer.BadParameter(f"{only!r} is not one of {', '.join(MENTION_TYPES)}", param_hint="--only")
    if not any(gold_dir.glob("*.json")):
        raise typer.BadParameter(f"no gold .json files in {gold_dir}", param_hint="GOLD_DIR")
    try:
        rep = evaluate(gold_dir, show_errors=show_errors, only=only)
    except (ValueError, OSError) as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(1)
    typer.echo(json.dumps(rep, indent=1, default=str) if as_json else format_report(rep))
