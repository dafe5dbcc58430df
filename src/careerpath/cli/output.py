"""What every command shares: the two consoles, one way to print an error, the output options.

Errors go to standard error as "error: <message>" with exit code 2 (a usage error: the input
cannot be used), never a traceback. JSON goes to standard output, two-space indented.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

# highlight=False: Rich would otherwise run its repr highlighter's regular expressions over
# every line of a guide (a sixth of `careerpath guide`'s time) to colour numbers in prose.
out = Console(highlight=False)
err = Console(stderr=True, highlight=False)

USAGE_ERROR = 2


def fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    """Print the error and return the Exit to raise: `raise fail("...") from None`."""
    err.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def input_errors() -> Iterator[None]:
    """Turn the library's InputError (a title, code, location or option it cannot use) into
    a clear message and exit code 2."""
    from careerpath.service import InputError

    try:
        yield
    except InputError as exc:
        raise fail(str(exc)) from None


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def format_option(default: str = "text", choices: tuple[str, ...] = ("text", "json")) -> Any:
    return typer.Option(default, "--format", "-f", help=f"Output format: {', '.join(choices)}.")


# `--json` was the flag before `--format json`; kept, hidden, so scripts keep working.
JSON_ALIAS: Any = typer.Option(False, "--json", hidden=True, help="Same as --format json.")


def output_format(value: str, json_alias: bool, choices: tuple[str, ...] = ("text", "json")) -> str:
    value = "json" if json_alias else value.strip().lower()
    if value not in choices:
        raise fail(f"--format must be one of {', '.join(choices)}")
    return value


def writable(path: Path) -> Path:
    """Check an -o/--output path before any work is done: a file in a directory that exists."""
    if path.is_dir():
        raise fail(f"-o {path}: is a directory; give a file name, e.g. {path / 'guide.md'}")
    parent = path.parent
    if not parent.is_dir():
        raise fail(f"-o {path}: the directory {parent} does not exist")
    return path


def write_output(text: str, path: Path | None) -> None:
    """Write to standard output, or to the file `path` (an error there is a message, not a traceback)."""
    if path is None:
        sys.stdout.write(text)
        return
    writable(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"-o {path}: cannot write: {exc.strerror or exc}") from None
    err.print(f"[green]Wrote[/] {escape(str(path))}")
