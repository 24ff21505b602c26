"""`chinaecon-extract batch PATH... -o OUT`: folders of articles to JSONL, CSV or SQLite."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import List, Optional

import typer

from ._options import DateField, IdField, MaxSize, Published, TextField, read_options


def batch_command(
    paths: List[Path] = typer.Argument(..., exists=True, help="Files and folders (walked recursively)."),
    output: str = typer.Option(..., "--output", "-o", help="Output: .jsonl, .csv, .sqlite, or - for JSONL on stdout."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", min=1, help="Worker processes (default: all cores)."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Start the output afresh instead of resuming it."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar on stderr (default: when stderr is a terminal)."),
    summary_json: bool = typer.Option(False, "--summary-json", help="Print the final summary as JSON on stderr."),
    text_field: str = TextField, id_field: str = IdField, date_field: str = DateField,
    published: Optional[str] = Published, max_size: int = MaxSize,
):
    """Extract every article under PATHS into one output, streaming; rerun to resume.

    Exit status: 0 when every file was processed, 1 when some failed (each has an error
    record in the output and a line on stderr), 2 on usage errors, 130 when interrupted.
    """
    from ..io.batch import run_batch
    from ..io.writers import OutputError, writer_class

    try:
        writer_class(output)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--output")
    options = read_options(text_field, id_field, date_field, published, max_size)
    try:
        summary = run_batch(paths, output, workers=workers, options=options, resume=not overwrite,
                            progress=progress)
    except OutputError as e:
        typer.echo(f"error: {e}", err=True)
        raise typer.Exit(2)
    if summary_json:
        typer.echo(json.dumps(summary.as_dict()), err=True)
    else:
        typer.echo(summary.line(), err=True)
    sys.stderr.flush()
    raise typer.Exit(summary.exit_code)
