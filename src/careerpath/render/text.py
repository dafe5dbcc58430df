"""Guide → the terminal, with Rich. Formatting only."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from careerpath.engine.market import in_area
from careerpath.engine.model import Guide
from careerpath.engine.narrative import counted

PRIORITY_STYLE = {"Critical": "bold red", "Important": "yellow", "Nice to have": "green"}


def _money(value: int | None) -> str:
    return "n/a" if value is None else f"${value:,}"


def _bullets(items: list[str]) -> str:
    return "\n".join(f"• {escape(i)}" for i in items) or "—"


def render_text(guide: Guide, console: Console) -> None:
    g = guide
    role = lambda r: r.title + (f" ({r.specialization})" if r.specialization else "")  # noqa: E731
    console.print(Panel(f"[dim]{escape(role(g.from_))} → {escape(role(g.to))}[/]\n[bold]{escape(g.title)}[/]",
                        border_style="cyan"))

    glance = Table(show_header=True, header_style="bold", expand=True)
    for column in ("Difficulty", "Timeline", "Salary change", "Demand"):
        glance.add_column(column)
    change = "n/a" if g.salary_change_pct is None else f"{g.salary_change_pct:+d}%"
    demand = "n/a" if g.demand.growth_pct is None else f"{g.demand.growth_pct:+.1f}% ({g.demand.band})"
    glance.add_row(f"{g.difficulty} ({g.difficulty_score}/100)", counted(g.timeline_months, "month"), change, demand)
    console.print(glance)
    s = g.salary
    console.print(f"Median pay {in_area(s.area)}: {_money(s.source_median)} → {_money(s.target_median)}; "
                  f"25th percentile {_money(s.target_p25)} [dim]({s.source})[/]")
    if s.note:
        console.print(f"[yellow]{escape(s.note)}[/]")
    console.print(escape(g.demand.summary))

    console.rule("Overview")
    console.print(escape(g.overview))

    console.rule("Your transferable skills")
    for item in g.transferable_skills:
        console.print(f"[bold green]{escape(item.name)}[/] [dim]({item.kind.replace('_', ' ')})[/]\n  {escape(item.why)}")

    console.rule("Skills you'll need to learn")
    if not g.skills_to_learn:
        console.print("Nothing: your current profile already meets what the role asks for.")
    for item in g.skills_to_learn:
        console.print(f"[bold]{escape(item.name)}[/]  [{PRIORITY_STYLE[item.priority]}]{item.priority}[/]  "
                      f"{counted(item.weeks, 'week')} (~{item.hours} h)")
        console.print(f"  {escape(item.why)}\n  [cyan]How:[/] {escape(item.how)}")
        for ref in item.resources:
            console.print(f"  - {escape(ref.name)} [dim]{escape(ref.provider)}, {ref.cost} {ref.url or ''}[/]")

    console.rule("Your learning roadmap")
    for phase in g.roadmap:
        body = _bullets(phase.tasks)
        if phase.resources:
            body += "\n[dim]Resources: " + escape("; ".join(r.name for r in phase.resources)) + "[/]"
        console.print(Panel(body, title=f"{phase.phase}. {escape(phase.title)}",
                            subtitle=f"{counted(phase.weeks, 'week')}, from week {phase.start_week}", title_align="left"))

    console.rule("Reality check")
    reality = Table.grid(padding=(0, 2), expand=True)
    reality.add_column(ratio=1), reality.add_column(ratio=1), reality.add_column(ratio=1)
    reality.add_row("[bold green]What you'll love[/]", "[bold yellow]What you might miss[/]",
                    "[bold red]Biggest challenges[/]")
    reality.add_row(_bullets(g.reality_check.love), _bullets(g.reality_check.miss),
                    _bullets(g.reality_check.challenges))
    console.print(reality)

    console.rule("Start your journey")
    for heading, items in (("This week", g.action_plan.this_week), ("This month", g.action_plan.this_month),
                           ("Next 90 days", g.action_plan.next_90_days)):
        console.print(f"[bold]{heading}[/]\n{_bullets(items)}")

    console.rule("Frequently asked questions")
    for item in g.faq:
        console.print(f"[bold]{escape(item.question)}[/]\n{escape(item.answer)}\n")

    p = g.personalization
    console.rule("Tailored to you")
    lines = [f"Hours per week: {p.hours_per_week:g} · Location: {escape(p.location or 'national figures')} · "
             f"Budget: {p.budget or 'any'}"]
    if p.skills_recognised:
        lines.append("Recognised: " + escape(", ".join(p.skills_recognised)))
    if p.experience:
        lines.append("Experience you stated: " + escape(", ".join(f"{e.role} ({e.years:g} years)" for e in p.experience)))
    removed = [s.name for s in p.skills_read if s.removed]
    if removed:
        lines.append("Removed by you, not counted: " + escape(", ".join(removed)))
    if p.skills_not_recognised:
        lines.append("[yellow]Not recognised:[/] " + escape(", ".join(p.skills_not_recognised)))
    if any(not s.removed for s in p.skills_read):
        lines.append("[dim]Read something wrongly? Add --remove NAME, e.g. --remove "
                     + escape(repr(p.skills_read[0].name)) + "[/]")
    lines += [f"• {escape(c)}" for c in p.changes]
    console.print("\n".join(lines))
    if g.data_notes:
        console.rule("Notes on the data")
        console.print(_bullets(g.data_notes))
    console.rule("Sources")
    console.print(Group(*[f"• {escape(src.dataset)} ({escape(src.release)}), {escape(src.publisher)}: "
                          f"{escape(src.used_for)}" for src in g.sources]))
    console.print(f"[dim]{escape(g.attribution)}[/]")
