"""`chinaecon-extract render FILE -o FILE.html`: an article with its mentions highlighted."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from ._options import DateField, IdField, MaxSize, Published, TextField, read_options


def render_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="An article file (.txt .md .html .json .jsonl)."),
    output: str = typer.Option("-", "--output", "-o", help="The HTML page to write (- for stdout)."),
    record: int = typer.Option(1, "--record", min=1, help="Which record of a JSON/JSONL file."),
    text_field: str = TextField, id_field: str = IdField, date_field: str = DateField,
    published: Optional[str] = Published, max_size: int = MaxSize,
):
    """Write an HTML page: the article with mentions highlighted by displaCy, facts below."""
    from ..errors import InputError
    from ..io.readers import read_articles
    from ..render import render_article

    options = read_options(text_field, id_field, date_field, published, max_size)
    try:
        articles = read_articles(file, file.parent, options)
    except InputError as e:
        typer.echo(f"error: {e.path}: {e.reason}", err=True)
        raise typer.Exit(1)
    if record > len(articles):
        raise typer.BadParameter(f"{file} has {len(articles)} article(s)", param_hint="--record")
    page = render_article(articles[record - 1])
    if output == "-":
        typer.echo(page)
    else:
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        Path(output).write_text(page, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
