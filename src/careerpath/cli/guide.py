"""`careerpath guide FROM TO`: the whole transition guide, in the terminal or a file."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.prompt import Prompt

from .output import USAGE_ERROR, err, fail, out, writable, write_output

if TYPE_CHECKING:  # the service module pulls in the whole engine: the command imports it when it runs
    from careerpath.service import AmbiguousRole

FORMATS = ("text", "markdown", "json", "html")


def _asks() -> bool:
    """Whether a person is at the terminal to answer a question (not a pipe or a script)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def _choose(exc: AmbiguousRole) -> str:
    """The code of the occupation the person means by an ambiguous title: asked in a terminal;
    elsewhere (or with no answer) an error listing the choices, so a script never hangs."""
    err.print(f"{escape(repr(exc.query))} could mean several occupations:")
    for number, candidate in enumerate(exc.candidates, 1):
        err.print(
            f"  [bold]{number}[/]  {candidate.code}  {escape(candidate.title)}  "
            f"[dim](matched “{escape(candidate.matched)}”)[/]"
        )
    if _asks():
        choices = [str(n) for n in range(1, len(exc.candidates) + 1)]
        try:
            answer = Prompt.ask("Which one do you mean?", console=err, choices=choices, default="1")
            return exc.candidates[int(answer) - 1].code
        except (EOFError, KeyboardInterrupt):
            err.print()
    raise fail("type a more specific title, or use one of the codes above.", USAGE_ERROR)


def _read_text(path: Path, option: str) -> str:
    """A text file's contents, or standard input for '-'; unreadable input is a usage error."""
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise fail(f"{option}: {path} is not UTF-8 text (save the résumé as plain text)") from None
    except OSError as exc:
        raise fail(f"{option}: cannot read {path}: {exc.strerror}") from None


def guide(
    source: str = typer.Argument(
        ..., metavar="FROM", help="Your current role: a job title in your own words or an O*NET-SOC code."
    ),
    target: str = typer.Argument(..., metavar="TO", help='The role you want, e.g. "AI Technical Writer".'),
    output_format: str = typer.Option("text", "--format", "-f", help="text (terminal), markdown, json or html."),
    json_alias: bool = typer.Option(False, "--json", hidden=True, help="Same as --format json."),
    hours_per_week: float = typer.Option(
        10.0, "--hours-per-week", min=1, max=80, help="Study hours you can give each week; sets every duration."
    ),
    location: str = typer.Option(
        None, "--location", "-l", help="U.S. state (CA, Texas) or metro area for local wages."
    ),
    skills: str = typer.Option(
        None,
        "--skills",
        "-s",
        help="What you already know, in your own words (a list or résumé lines): "
        "it leaves the plan, and the guide shows what was read from where.",
    ),
    remove: list[str] = typer.Option(
        None,
        "--remove",
        metavar="NAME",
        help="Something read wrongly from your skills, by the name the guide "
        "shows (e.g. Django, or skill:Writing); repeat for several.",
    ),
    skills_file: Path = typer.Option(
        None,
        "--skills-file",
        metavar="FILE",
        help="Read --skills from a text file, e.g. your résumé saved as .txt; '-' reads standard input.",
    ),
    budget: str = typer.Option("any", "--budget", help="free: only free learning resources; any: all."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to this file instead of the terminal."),
) -> None:
    """A complete transition guide from FROM to TO, computed from O*NET and BLS data (see `careerpath --help`).

    Examples:

      careerpath guide "Backend Developer" "AI Technical Writer"

      careerpath guide "RN" "Nurse Practitioner" --location TX --hours-per-week 15

      careerpath guide 15-1252.00 27-3042.00 --format json

      careerpath guide "Data Analyst" "Data Engineer" --skills-file resume.txt

    A title that could mean several occupations ("Teacher") gets the best match, with the others named in the
    guide; only when the top matches are exactly tied does a terminal ask which one you mean.
    """
    from careerpath.api import guide as make_guide
    from careerpath.service import AmbiguousRole, InputError

    output_format = "json" if json_alias else output_format.strip().lower()
    if output_format not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}")
    if budget not in ("free", "any"):
        raise fail("--budget is 'free' or 'any'")
    if output is not None:
        writable(output)  # before the work, not after it
    if skills_file is not None:
        skills = "\n".join(filter(None, (skills, _read_text(skills_file, "--skills-file"))))
    while True:  # at most twice: each answer replaces one ambiguous title by a code
        try:
            result = make_guide(
                source,
                target,
                hours_per_week=hours_per_week,
                location=location,
                skills=skills,
                budget="free" if budget == "free" else "any",
                remove=remove or (),
                ask_when_tied=_asks(),
            )
            break
        except AmbiguousRole as exc:
            code = _choose(exc)
            if exc.query == source:
                source = code
            else:
                target = code
        except InputError as exc:
            raise fail(str(exc)) from None

    if output_format == "text":
        from careerpath.render.text import render_text

        if output is None:
            render_text(result, out)
            return
        recorder = Console(record=True, width=100, file=io.StringIO(), highlight=False)
        render_text(result, recorder)
        text = recorder.export_text()
    elif output_format == "markdown":
        from careerpath.render.markdown import render_markdown

        text = render_markdown(result)
    elif output_format == "json":
        text = json.dumps(result.to_json_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        try:
            from careerpath.render.html import render_html
        except ImportError:
            raise fail("HTML output needs the web extra: pip install 'careerpath[web]'") from None
        text = render_html(result)
    write_output(text, output)
