"""`careerpath resolve TITLE`: free-text job titles to ranked O*NET occupations.

With "-" it is a filter: one title per input line, one JSON object per output line, and a
bad line yields {"query", "error"} instead of stopping the stream. The JSON shape and the
stream live with the resolver (careerpath/resolve/cli.py); this is the command around them.
"""

from __future__ import annotations

import sys

import typer

from .output import JSON_ALIAS, format_option, input_errors, out, output_format, print_json


def resolve(
    title: str = typer.Argument(
        ...,
        help='A job title as people write it, or "-" to read one title per line from standard input (JSON lines out).',
    ),
    fmt: str = format_option(),
    json_alias: bool = JSON_ALIAS,
    top: int = typer.Option(5, "--top", min=1, max=50, help="How many candidates to show."),
) -> None:
    """Resolve a free-text job title to ranked O*NET occupations.

    Examples:

      careerpath resolve "Sr. Backend Engineer (Python)"

      careerpath resolve "RN - ICU" --format json --top 3

      careerpath resolve - < titles.txt > resolved.jsonl
    """
    from careerpath.api import resolve as resolve_title
    from careerpath.resolve import Resolver
    from careerpath.resolve.cli import _print_human, _stream, resolution_dict

    fmt = output_format(fmt, json_alias)
    if title == "-":
        _stream(Resolver.default(), sys.stdin.buffer, sys.stdout, top, progress=sys.stderr.isatty())
        sys.stdout.flush()
        return
    with input_errors():
        result = resolve_title(title, top=top)
    if fmt == "json":
        print_json(resolution_dict(result))
    else:
        _print_human(result, out)
