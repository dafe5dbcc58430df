"""`careerpath compare FROM TO1 TO2 [TO3 TO4]`: two to four targets side by side for one person.

Registered on the main app in careerpath/cli/__init__.py. Each column is the person's own guide for
that target (engine/sidebyside.py), so the figures are those the full guides show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .output import JSON_ALIAS, fail, format_option, input_errors, output_format, print_json

if TYPE_CHECKING:  # the engine loads when the command runs, so `careerpath --help` stays fast
    from careerpath.engine.sidebyside import SideBySide


def compare_command(
    source: str = typer.Argument(..., metavar="FROM", help="Current job title or O*NET-SOC code."),
    targets: list[str] = typer.Argument(..., metavar="TO1 TO2 [TO3 TO4]", help="Two to four target titles or codes."),
    hours_per_week: float = typer.Option(10.0, "--hours-per-week", min=1, max=80, help="Study hours a week."),
    location: Optional[str] = typer.Option(
        None, "--location", help="State or metro area for wages (default: national)."
    ),
    fmt: str = format_option(),
    json_alias: bool = JSON_ALIAS,
) -> None:
    """Compare 2-4 target jobs side by side: difficulty, the way in and its years, time to
    job-ready, pay now and early career, demand, what each needs you to learn and what they
    share (learn it once, it counts for several).

    Examples:

      careerpath compare "Registered Nurse" "Nurse Practitioner" "Medical and Health Services Manager"

      careerpath compare Cashier 43-3071 41-2021 53-3033 --hours-per-week 15 --format json
    """
    from careerpath.api import occupation_code
    from careerpath.engine.guide import Person
    from careerpath.engine.inputs import Inputs
    from careerpath.engine.sidebyside import MAX_TARGETS, MIN_TARGETS, side_by_side
    from careerpath.kb import KnowledgeBase
    from careerpath.service import find_area

    fmt = output_format(fmt, json_alias)
    if not MIN_TARGETS <= len(targets) <= MAX_TARGETS:
        raise fail(f"give {MIN_TARGETS} to {MAX_TARGETS} targets after FROM")
    kb = KnowledgeBase.default()
    with input_errors():
        code, _ = occupation_code(source, kb)
        codes = [occupation_code(t, kb)[0] for t in targets]
        area = find_area(location, kb) if location else None
    try:
        result = side_by_side(
            Inputs.default(), code, codes, Person(hours_per_week=hours_per_week, area_code=area.code if area else None)
        )
    except ValueError as exc:
        raise fail(str(exc)) from None
    if fmt == "json":
        print_json(result.to_json_dict())
        return
    _print(Console(), result)


def _pct(value: int | float | None) -> str:
    return "—" if value is None else f"{value:+}%"


def _print(console: Console, r: SideBySide) -> None:
    from careerpath.engine.narrative import money
    from careerpath.engine.recommend import KIND_WORDS

    table = Table(
        title=f"From {escape(r.source_title)}: {len(r.options)} targets side by side",
        title_justify="left",
        caption=f"Time to job-ready at {r.hours_per_week:g} h/week. Wages: {r.wage_source}, {r.area}. "
        f"Growth: BLS projections {r.projection_period}.",
        caption_justify="left",
    )
    table.add_column("")
    for o in r.options:
        table.add_column(f"{escape(o.title)}\n[dim]{o.code}[/]")
    rows = [
        ("kind", [KIND_WORDS[o.kind] for o in r.options]),
        ("difficulty", [f"{o.difficulty} ({o.difficulty_score}/100)" for o in r.options]),
        ("school/training ahead", [f"{o.route_years:g} years" if o.route_years else "none" for o in r.options]),
        ("job-ready in", [f"{o.timeline_months} months" for o in r.options]),
        ("median pay", [f"{money(o.median_wage, '—')} ({_pct(o.wage_change_pct)})" for o in r.options]),
        (
            "early career (25th pct)",
            [f"{money(o.early_career_wage, '—')} ({_pct(o.early_career_change_pct)})" for o in r.options],
        ),
        (f"growth {r.projection_period}", [_pct(o.growth_pct) for o in r.options]),
        ("openings a year", ["—" if o.annual_openings is None else f"{o.annual_openings:,}" for o in r.options]),
        ("steps still to do", ["\n".join(f"• {escape(s)}" for s in o.route_steps[:4]) or "none" for o in r.options]),
        ("to learn", ["\n".join(f"• {escape(s)}" for s in o.to_learn[:5]) or "nothing core" for o in r.options]),
        ("carries over", [", ".join(escape(s) for s in o.transferable[:3]) for o in r.options]),
    ]
    for name, cells in rows:
        table.add_row(f"[bold]{name}[/]", *cells)
    console.print(table)
    if r.shared:
        titles = {o.code: o.title for o in r.options}
        console.print("[bold]Learn once, counts for several:[/]")
        for name, codes in r.shared.items():
            console.print(f"  • {escape(name)} — {escape(', '.join(titles[c] for c in codes))}")
    else:
        console.print("These targets share nothing in their core plans: each is its own path.")
