"""`careerpath occupation CODE`: one occupation's ratings, technologies, tasks, wages and outlook."""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from .output import JSON_ALIAS, format_option, input_errors, out, output_format, print_json


def occupation(
    code: str = typer.Argument(..., help="O*NET-SOC code, e.g. 15-1252.00 (15-1252 means .00)."),
    fmt: str = format_option(),
    json_alias: bool = JSON_ALIAS,
    top: int = typer.Option(10, min=1, help="How many skills, technologies and tasks to show."),
) -> None:
    """One occupation: ratings, top technologies, tasks, national wages and outlook.

    Examples:

      careerpath occupation 15-1252.00

      careerpath occupation 29-1141 --format json
    """
    from careerpath.api import occupation as record_for

    fmt = output_format(fmt, json_alias)
    with input_errors():
        record = record_for(code)
    if fmt == "json":
        print_json(record)
        return
    _print(dict(record), top)


def _print(record: dict, top: int) -> None:
    from careerpath.engine.narrative import money

    zone = record["job_zone"]
    out.print(
        Panel(
            escape(record["description"]),
            title=f"[bold]{escape(record['title'])}[/] ({record['code']})",
            subtitle=f"O*NET job zone {zone}" if zone else "no O*NET job zone",
        )
    )
    if not record["has_ratings"]:
        out.print("[yellow]O*NET has no skill or knowledge ratings for this occupation.[/]")
    for domain in ("skills", "knowledge"):
        if record[domain]:
            table = Table(title=f"Top {domain} (O*NET importance 1-5, level 0-7)")
            table.add_column("name")
            table.add_column("importance", justify="right")
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
    _print_route(record["route"])
    wages = record["wages"]
    if wages:
        a = wages["annual"]
        out.print(
            f"[bold]Wages[/] ({wages['source']}, {wages['area']['name']}, SOC {wages['soc']}"
            f"{'' if wages['soc_level'] == 'detailed' else ', ' + wages['soc_level'] + ' group'}): "
            f"median {money(a['median'], '—')}, 10th–90th percentile {money(a['p10'], '—')}–{money(a['p90'], '—')}"
        )
    else:
        out.print("[yellow]BLS publishes no national wage estimate for this occupation.[/]")
    outlook = record["outlook"]
    if outlook:
        out.print(
            f"[bold]Outlook[/] ({outlook['source']}): {outlook['change_percent']:+.1f}% employment "
            f"change, {outlook['annual_openings']:,} openings a year; typical entry education: "
            f"{outlook['typical_education'] or '—'}"
        )


def _print_route(route: dict) -> None:
    """The way in: curated steps with their durations, or BLS's general guidance."""
    out.print(f"[bold]The way in:[/] {escape(route['summary'])}")
    for number, step in enumerate(route["steps"], 1):
        if step["pace"] == "full_time" and step["months"]:
            low, high = step["months"]
            span = f"{low}–{high} months" if low != high else f"{low} months"
        else:
            span = f"~{step['hours']} h of study" if step["hours"] else ""
        optional = " [dim](optional)[/]" if step["status"] == "optional" else ""
        out.print(f"  {number}. {escape(step['name'])} [dim]({span})[/]{optional}")
    if route["state_varies"]:
        out.print(f"  [yellow]State rules:[/] {escape(route['state_varies'])}")
    if route["bridge_jobs"]:
        out.print("  Jobs people often hold first: " + escape(", ".join(b["title"] for b in route["bridge_jobs"])))
