"""The `careerpath` command. A thin shell: every command calls the library and formats."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.prompt import Prompt
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

if TYPE_CHECKING:   # the service module pulls in the whole engine: commands import it only when they run
    from careerpath.service import AmbiguousRole

app = typer.Typer(
    help="Career transition guides grounded in O*NET 30.1 and BLS data, offline.\n\n"
    "Start here:  careerpath guide \"Backend Developer\" \"AI Technical Writer\"\n\n"
    "Not sure what a title maps to?  careerpath resolve \"RN - ICU\".  "
    "Looking for options?  careerpath recommend \"Cashier\".",
    epilog="Data: O*NET 30.1 (USDOL/ETA, CC BY 4.0), BLS OEWS May 2025, BLS Employment Projections 2024-34. "
    "See `careerpath kb info` for the full attribution.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
kb_app = typer.Typer(help="Build and inspect the knowledge base.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

out = Console()
err = Console(stderr=True)

CODE_PATTERN = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
REPO_SHARED = Path("..") / "shared" / "data"


def fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code)


def print_json(value) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


@kb_app.command("build")
def kb_build(
    onet: Path = typer.Option(REPO_SHARED / "onet", help="Folder of O*NET 30.1 text files."),
    oews: Path = typer.Option(
        REPO_SHARED / "bls" / "oews" / "oews-2025.sqlite.gz",
        help="BLS OEWS May 2025 database (oews-2025.sqlite.gz, or unpacked)."),
    projections: Path = typer.Option(
        REPO_SHARED / "bls" / "ep_2024_34" / "ep_2024_34_table_1_2_occupational_projections.csv",
        help="BLS Employment Projections 2024-34, Table 1.2 as CSV."),
    separations: Path = typer.Option(
        None, help="Table 1.10 (separations and openings) CSV; default: beside --projections."),
    out_path: Path = typer.Option(
        None, "--out", help="Where to write; a name ending in .gz is compressed. "
        "Default: the knowledge base shipped inside the package."),
) -> None:
    """Import the raw public releases into one SQLite knowledge base.

    Deterministic: the same input gives the same content hash. The new file is written
    beside the target and renamed over it only when complete.
    """
    from careerpath.kb.api import SHIPPED_NAME
    from careerpath.kb.importer import STEPS, ImportFailed, build

    target = out_path or Path(__file__).parent / "kb" / "data" / SHIPPED_NAME
    with Progress(TextColumn("{task.description:<44}"), BarColumn(), TimeElapsedColumn(),
                  console=err, transient=False) as bar:
        task = bar.add_task("Starting", total=STEPS)

        def step(name: str) -> None:
            bar.update(task, description=name, advance=1)

        try:
            report = build(onet, oews, projections, target, separations_file=separations, progress=step)
        except ImportFailed as exc:
            raise fail(str(exc)) from None
        bar.update(task, description="Done", completed=STEPS)
    err.print(f"[green]Wrote[/] {report.path}  content hash {report.content_hash[:16]}…  "
              f"{report.counts['occupation']} occupations")
    if out_path is None:
        # The resolver's index and the product names are derived from the shipped KB and
        # shipped beside it; keep them in step.
        from careerpath.kb import KnowledgeBase
        from careerpath.kb.api import unpacked_shipped_kb
        from careerpath.resolve.index import write_shipped_index

        from careerpath.kb.products import write_shipped_products

        built = KnowledgeBase(unpacked_shipped_kb())
        err.print(f"[green]Wrote[/] {write_shipped_index(built)}")
        err.print(f"[green]Wrote[/] {write_shipped_products(built)}")
        _refresh_semantic_embeddings(built)


def _refresh_semantic_embeddings(kb) -> None:
    """Occupation embeddings are derived from the KB too; rebuild them only when stale (~40 s)."""
    from careerpath.resolve import encoder, semantic

    path = semantic.shipped_embeddings_path()
    if semantic.load_embeddings(path, kb.content_hash, list(kb.codes)) is not None:
        return
    if not encoder.available():
        err.print("[yellow]The semantic extra is not installed, so the shipped occupation embeddings were not "
                  "rebuilt for this knowledge base; semantic matching stays off until they are "
                  "(pip install '.[semantic]' and run careerpath kb build again).[/]")
        return
    with err.status("Embedding occupation titles for semantic matching"):
        err.print(f"[green]Wrote[/] {semantic.write_shipped_embeddings(kb)}")


@kb_app.command("info")
def kb_info(json_output: bool = typer.Option(False, "--json", help="Machine-readable output.")) -> None:
    """Versions, counts, content hash and the attribution the data's licence requires."""
    from careerpath.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    counts = kb.counts()
    info = {
        "onet_version": kb.meta["onet_version"],
        "oews_release": kb.meta["oews_release"],
        "projections_release": kb.meta["projections_release"],
        "schema_version": int(kb.meta["schema_version"]),
        "content_hash": kb.content_hash,
        "occupations": counts["occupation"],
        "rated_occupations": sum(o.has_ratings for o in kb.occupations()),
        "counts": counts,
        "sources": kb.sources(),
        "attribution": kb.meta["attribution"],
        "path": str(kb.path),
    }
    if json_output:
        print_json(info)
        return
    table = Table(show_header=False, box=None)
    for key in ("onet_version", "oews_release", "projections_release", "occupations",
                "rated_occupations", "content_hash", "path"):
        table.add_row(key.replace("_", " "), str(info[key]))
    for name, count in counts.items():
        table.add_row(f"rows: {name}", f"{count:,}")
    out.print(Panel(table, title="careerpath knowledge base"))
    out.print(info["attribution"], style="dim")


def _money(value) -> str:
    return "—" if value is None else f"${value:,.0f}"


@app.command("occupation")
def occupation(
    code: str = typer.Argument(..., help="O*NET-SOC code, e.g. 15-1252.00 (15-1252 means .00)."),
    json_output: bool = typer.Option(False, "--json", help="Machine-readable output."),
    top: int = typer.Option(10, min=1, help="How many skills, technologies and tasks to show."),
) -> None:
    """One occupation: ratings, top technologies, tasks, national wages and outlook."""
    from careerpath.kb import KnowledgeBase, UnknownOccupation
    from careerpath.kb.records import occupation_record

    code = code.strip()
    if re.fullmatch(r"\d{2}-\d{4}", code):
        code += ".00"
    if not CODE_PATTERN.match(code):
        raise fail(f"{code!r} is not an O*NET-SOC code (they look like 15-1252.00)")
    kb = KnowledgeBase.default()
    try:
        record = occupation_record(kb, code)
    except UnknownOccupation as exc:
        raise fail(str(exc)) from None
    if json_output:
        print_json(record)
        return
    _print_occupation(record, top)


def _print_occupation(record: dict, top: int) -> None:
    zone = record["job_zone"]
    out.print(Panel(escape(record["description"]),
                    title=f"[bold]{escape(record['title'])}[/] ({record['code']})",
                    subtitle=f"O*NET job zone {zone}" if zone else "no O*NET job zone"))
    if not record["has_ratings"]:
        out.print("[yellow]O*NET has no skill or knowledge ratings for this occupation.[/]")
    for domain in ("skills", "knowledge"):
        if record[domain]:
            table = Table(title=f"Top {domain} (O*NET importance 1-5, level 0-7)")
            table.add_column("name"), table.add_column("importance", justify="right")
            table.add_column("level", justify="right")
            for item in record[domain][:top]:
                table.add_row(item["name"], str(item["importance"]), str(item["level"]))
            out.print(table)
    if record["technologies"]:
        names = [t["name"] + (" 🔥" if t["hot"] else "") for t in record["technologies"][:top]]
        out.print("[bold]Technologies:[/] " + escape(", ".join(names)))
    if record["tasks"]:
        out.print("[bold]Tasks:[/]")
        for task in record["tasks"][:top]:
            out.print(f"  • {escape(task['text'])}")
    wages = record["wages"]
    if wages:
        a = wages["annual"]
        out.print(f"[bold]Wages[/] ({wages['source']}, {wages['area']['name']}, SOC {wages['soc']}"
                  f"{'' if wages['soc_level'] == 'detailed' else ', ' + wages['soc_level'] + ' group'}): "
                  f"median {_money(a['median'])}, 10th–90th percentile {_money(a['p10'])}–{_money(a['p90'])}")
    else:
        out.print("[yellow]BLS publishes no national wage estimate for this occupation.[/]")
    outlook = record["outlook"]
    if outlook:
        out.print(f"[bold]Outlook[/] ({outlook['source']}): {outlook['change_percent']:+.1f}% employment "
                  f"change, {outlook['annual_openings']:,} openings a year; typical entry education: "
                  f"{outlook['typical_education'] or '—'}")


from careerpath.catalog.cli import resources_command  # noqa: E402
from careerpath.resolve.cli import resolve_command  # noqa: E402

app.command("resolve", help="Resolve a free-text job title (or \"-\": one per stdin line, JSON lines out) "
            "to ranked O*NET occupations.")(resolve_command)
app.command("resources", help="Learning resources for a skill, knowledge area, technology or topic.")(
    resources_command)


FORMATS = ("text", "markdown", "json", "html")


def _asks() -> bool:
    """Whether a person is at the terminal to answer a question (not a pipe or a script)."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def _choose(exc: AmbiguousRole) -> str:
    """The code of the occupation the person means by an ambiguous title: asked in a terminal;
    elsewhere (or with no answer) an error listing the choices, so a script never hangs."""
    err.print(f"{escape(repr(exc.query))} could mean several occupations:")
    for number, candidate in enumerate(exc.candidates, 1):
        err.print(f"  [bold]{number}[/]  {candidate.code}  {escape(candidate.title)}  "
                  f"[dim](matched “{escape(candidate.matched)}”)[/]")
    if _asks():
        choices = [str(n) for n in range(1, len(exc.candidates) + 1)]
        try:
            answer = Prompt.ask("Which one do you mean?", console=err, choices=choices, default="1")
            return exc.candidates[int(answer) - 1].code
        except (EOFError, KeyboardInterrupt):
            err.print()
    err.print("[bold red]error:[/] type a more specific title, or use one of the codes above.")
    raise typer.Exit(2)


def _read_text(path: Path, option: str) -> str:
    """A text file's contents, or standard input for '-'; unreadable input is a usage error."""
    try:
        return sys.stdin.read() if str(path) == "-" else path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise fail(f"{option}: {path} is not UTF-8 text (save the résumé as plain text)") from None
    except OSError as exc:
        raise fail(f"{option}: cannot read {path}: {exc.strerror}") from None


@app.command("guide")
def guide(
    source: str = typer.Argument(..., metavar="FROM", help="Your current role: a job title in your own words "
                                 "or an O*NET-SOC code."),
    target: str = typer.Argument(..., metavar="TO", help="The role you want, e.g. \"AI Technical Writer\"."),
    output_format: str = typer.Option("text", "--format", "-f", help="text (terminal), markdown, json or html."),
    hours_per_week: float = typer.Option(10.0, "--hours-per-week", "-h", min=1, max=80,
                                         help="Study hours you can give each week; sets every duration."),
    location: str = typer.Option(None, "--location", "-l",
                                 help="U.S. state (CA, Texas) or metro area for local wages."),
    skills: str = typer.Option(None, "--skills", "-s",
                               help="What you already know, in your own words (a list or résumé lines): "
                                    "it leaves the plan, and the guide shows what was read from where."),
    remove: list[str] = typer.Option(None, "--remove", metavar="NAME",
                                     help="Something read wrongly from your skills, by the name the guide "
                                          "shows (e.g. Django, or skill:Writing); repeat for several."),
    skills_file: Path = typer.Option(None, "--skills-file", metavar="FILE",
                                     help="Read --skills from a text file, e.g. your résumé saved as .txt; "
                                          "'-' reads standard input."),
    budget: str = typer.Option("any", "--budget", help="free: only free learning resources; any: all."),
    output: Path = typer.Option(None, "--output", "-o", help="Write to a file instead of the terminal."),
) -> None:
    """A complete transition guide from FROM to TO, computed from O*NET 30.1 and BLS data.

    Examples:

      careerpath guide "Backend Developer" "AI Technical Writer"

      careerpath guide "RN" "Nurse Practitioner" --location TX --hours-per-week 15

      careerpath guide 15-1252.00 27-3042.00 --format json

      careerpath guide "Data Analyst" "Data Engineer" --skills-file resume.txt

    A title that could mean several occupations ("Teacher") gets the best match, with the others named in the
    guide; only when the top matches are exactly tied does a terminal ask which one you mean.
    """
    from careerpath.service import AmbiguousRole, InputError, plan_guide

    if output_format not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}")
    if skills_file is not None:
        skills = "\n".join(filter(None, (skills, _read_text(skills_file, "--skills-file"))))
    while True:   # at most twice: each answer replaces one ambiguous title by a code
        try:
            result = plan_guide(source, target, hours_per_week=hours_per_week, location=location,
                                skills=skills, budget=budget, removed=frozenset(remove or ()),
                                ask_when_tied=_asks())
            break
        except AmbiguousRole as exc:
            code = _choose(exc)
            if exc.query == source:
                source = code
            else:
                target = code
        except InputError as exc:
            raise fail(str(exc)) from None

    if output_format == "text" and output is None:
        from careerpath.render.text import render_text

        render_text(result, out)
        return
    if output_format == "text":
        from careerpath.render.text import render_text

        file_console = Console(record=True, width=100, file=open("/dev/null", "w"))
        render_text(result, file_console)
        text = file_console.export_text()
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
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        err.print(f"[green]Wrote[/] {output}")


from careerpath.web.cli import db_app, serve_command  # noqa: E402
app.command("serve", help="Serve the web app and JSON API on 127.0.0.1:8000.")(serve_command)
app.add_typer(db_app, name="db")
app.command("recommend", help="Occupations to move to from FROM, ranked by transition score (\"-\": one FROM per stdin line, JSON lines out).")(__import__("careerpath.profile.cli").profile.cli.recommend_command)
app.command("export", help="Render pathway pages to static HTML + JSON for object storage or a CDN, on Dask (resumable).")(__import__("careerpath.export.cli").export.cli.export_command)
app.command("compare", help="Two to four target jobs side by side for one person: difficulty, route and years, time to job-ready, pay, demand, gaps and what they share.")(__import__("careerpath.profile.compare_cli").profile.compare_cli.compare_command)

if __name__ == "__main__":
    app()
