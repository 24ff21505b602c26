"""The chinaecon-extract command line: one typer app, one module per command.

Commands: extract (one article to JSON), batch (folders to JSONL/CSV/SQLite), evaluate
(scores against gold annotations), render (an article as an HTML page). Each command is a
thin wrapper over an importable function; heavy imports happen inside the commands, so
`--help` answers at once.
"""
from __future__ import annotations

import typer

app = typer.Typer(name="chinaecon-extract", add_completion=False, no_args_is_help=True,
                  pretty_exceptions_enable=False, rich_markup_mode=None,
                  help="Structured facts from English-language Chinese economic news.")

from . import batch, evaluate, extract, render  # noqa: E402  (they register on `app`)

app.command("extract")(extract.extract_command)
app.command("batch")(batch.batch_command)
app.command("evaluate")(evaluate.evaluate_command)
app.command("render")(render.render_command)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; RETURNS (int) the exit status (0 ok, 1 failures, 2 usage)."""
    try:
        app(args=argv, prog_name="chinaecon-extract", standalone_mode=True)
    except SystemExit as e:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=__import__("sys").stderr)
        return 1
    return 0
