"""`careerpath resolve`: free-text job titles -> O*NET occupations, for people and pipes.

Registered on the main app in careerpath/cli.py. With "-" it is a filter: one title per
input line, one JSON object per output line, and a bad line yields {"query", "error"}
instead of stopping the stream, so a 10,000-line file is never lost to one stray byte.
"""

from __future__ import annotations

import json
import sys
from typing import TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .resolver import InvalidTitle, Resolution, Resolver, resolution_dict


def _stream(resolver: Resolver, source, sink: TextIO, top: int, progress: bool) -> int:
    """Resolve every line of a binary stream; returns how many lines were errors."""
    errors = 0
    err = sys.stderr
    for n, raw in enumerate(source, 1):
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        try:
            record = resolution_dict(resolver.resolve(line, top=top))
        except InvalidTitle as exc:
            errors += 1
            record = {"query": line[:200], "error": str(exc)}
        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        if progress and n % 500 == 0:
            err.write(f"\rresolved {n:,} titles")
            err.flush()
    if progress:
        err.write("\r\033[K")
    return errors


def _print_human(res: Resolution, console: Console) -> None:
    table = Table(title=f"[bold]{escape(res.query)}[/]", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("code")
    table.add_column("occupation")
    table.add_column("score", justify="right")
    table.add_column("matched title", style="dim")
    for i, c in enumerate(res.candidates, 1):
        table.add_row(str(i), c.code, escape(c.title), f"{c.score:.2f}", escape(c.matched))
    console.print(table)
    if res.specialization:
        console.print(f"Specialization: [bold]{escape(res.specialization.name)}[/] ({res.specialization.id})")
    if res.ambiguous and len(res.candidates) > 1:
        options = " or ".join(f"{c.title} ({c.code})" for c in res.candidates[:3])
        console.print(f"[yellow]Ambiguous.[/] Did you mean {escape(options)}?")


def resolve_command(
    title: str = typer.Argument(
        ...,
        help='A job title as people write it, or "-" to read one title per line from standard input (JSON lines out).',
    ),
    json_output: bool = typer.Option(False, "--json", help="Machine-readable output."),
    top: int = typer.Option(5, "--top", min=1, max=50, help="How many candidates to show."),
) -> None:
    """Resolve a free-text job title to ranked O*NET occupations."""
    err = Console(stderr=True)
    resolver = Resolver.default()
    if title == "-":
        _stream(resolver, sys.stdin.buffer, sys.stdout, top, progress=sys.stderr.isatty())
        sys.stdout.flush()
        return
    try:
        res = resolver.resolve(title, top=top)
    except InvalidTitle as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    if json_output:
        sys.stdout.write(json.dumps(resolution_dict(res), ensure_ascii=False, indent=2) + "\n")
    else:
        _print_human(res, Console())
