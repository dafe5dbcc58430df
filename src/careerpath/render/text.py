"""Guide → the terminal, with Rich. Formatting only."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from careerpath.engine.market import in_area
from careerpath.engine.model import Guide
from careerpath.engine.narrative import counted, money

from .parts import HEADINGS, STATUS_MARK, alternatives_line, role_line, step_line

PRIORITY_STYLE = {"Critical": "bold red", "Important": "yellow", "Nice to have": "green"}


def _bullets(items: list[str]) -> str:
    return "\n".join(f"• {escape(i)}" for i in items) or "—"


def render_text(guide: Guide, console: Console) -> None:
    g = guide
    header = f"[bold]{escape(g.headline)}[/]\n[dim]{escape(role_line(g.from_))} → {escape(role_line(g.to))}[/]"
    for role in (g.from_, g.to):
        line = alternatives_line(role)
        if line:
            header += f"\n[yellow]{escape(line)}[/]"
    console.print(Panel(header + f"\n\n[bold cyan]{escape(g.title)}[/]", border_style="cyan"))

    glance = Table(show_header=True, header_style="bold", expand=True)
    for column in ("Difficulty", "Timeline", "Salary change", "Demand"):
        glance.add_column(column)
    change = "n/a" if g.salary_change_pct is None else f"{g.salary_change_pct:+d}%"
    demand = "n/a" if g.demand.growth_pct is None else f"{g.demand.growth_pct:+.1f}% ({g.demand.band})"
    glance.add_row(g.difficulty, counted(g.timeline_months, "month"), change, demand)
    console.print(glance)
    s = g.salary
    console.print(
        f"Median pay {in_area(s.area)}: {money(s.source_median, 'n/a')} → {money(s.target_median, 'n/a')}; "
        f"a quarter earn less than {money(s.target_p25, 'n/a')} [dim]({s.source})[/]"
    )
    if s.note:
        console.print(f"[yellow]{escape(s.note)}[/]")
    console.print(escape(g.demand.summary))

    console.rule(HEADINGS["overview"])
    console.print(escape(g.overview))

    console.rule(HEADINGS["route"])
    console.print(escape(g.route.summary))
    for number, step in enumerate(g.route.steps, 1):
        style = "green" if step.status == "done" else "dim" if step.status == "optional" else "bold"
        console.print(f"  {number}. [{style}]{STATUS_MARK[step.status]}[/] {escape(step_line(step))}")
    if g.route.state_varies:
        console.print(f"[yellow]State rules:[/] {escape(g.route.state_varies)}")
    for alt in g.route.alternatives:
        console.print(f"  [cyan]Another way:[/] {escape(alt.name)}: {escape(alt.detail)}")
    if g.route.bridge_jobs:
        console.print("Jobs people often hold first: " + escape(", ".join(b.title for b in g.route.bridge_jobs)))

    console.rule(HEADINGS["transferable"])
    for skill in g.transferable_skills:
        console.print(f"[bold green]{escape(skill.name)}[/]\n  {escape(skill.why)}")

    console.rule(HEADINGS["learn"])
    core = [i for i in g.skills_to_learn if i.core]
    if not core:
        console.print("Nothing stands between you and the role's core skills.")
    for item in core:
        when = "taught in the program" if item.covered_by else f"{counted(item.weeks, 'week')} (~{item.hours} h)"
        console.print(f"[bold]{escape(item.name)}[/]  [{PRIORITY_STYLE[item.priority]}]{item.priority}[/]  {when}")
        console.print(f"  {escape(item.why)}\n  [cyan]How:[/] {escape(item.how)}")
        for ref in item.resources:
            console.print(f"  - {escape(ref.name)} [dim]{escape(ref.provider)}, {ref.cost or ''} {ref.url or ''}[/]")
    extra = [i for i in g.skills_to_learn if not i.core]
    if extra:
        console.print(
            f"[bold]{HEADINGS['also']}[/] [green](Nice to have)[/]: "
            + escape(", ".join(f"{i.name} (~{i.hours} h)" for i in extra))
        )

    console.rule(HEADINGS["roadmap"])
    for phase in g.roadmap:
        body = _bullets(phase.tasks)
        if phase.resources:
            body += "\n[dim]Resources: " + escape("; ".join(r.name for r in phase.resources)) + "[/]"
        console.print(
            Panel(
                body,
                title=f"{phase.phase}. {escape(phase.title)}",
                subtitle=f"{counted(phase.weeks, 'week')}, from week {phase.start_week}",
                title_align="left",
            )
        )

    console.rule(HEADINGS["reality"])
    reality = Table.grid(padding=(0, 2), expand=True)
    for _ in range(3):
        reality.add_column(ratio=1)
    reality.add_row(
        f"[bold green]{HEADINGS['love']}[/]",
        f"[bold yellow]{HEADINGS['miss']}[/]",
        f"[bold red]{HEADINGS['challenges']}[/]",
    )
    reality.add_row(
        _bullets(g.reality_check.love), _bullets(g.reality_check.miss), _bullets(g.reality_check.challenges)
    )
    console.print(reality)

    console.rule(HEADINGS["actions"])
    for heading, items in (
        (HEADINGS["this_week"], g.action_plan.this_week),
        (HEADINGS["this_month"], g.action_plan.this_month),
        (HEADINGS["next_90_days"], g.action_plan.next_90_days),
    ):
        console.print(f"[bold]{heading}[/]\n{_bullets(items)}")

    console.rule(HEADINGS["faq"])
    for qa in g.faq:
        console.print(f"[bold]{escape(qa.question)}[/]\n{escape(qa.answer)}\n")

    p = g.personalization
    console.rule(HEADINGS["tailored"])
    lines = [
        f"Hours per week: {p.hours_per_week:g} · Location: {escape(p.location or 'national figures')} · "
        f"Budget: {p.budget or 'any'}"
    ]
    if p.skills_recognised:
        lines.append("Recognised: " + escape(", ".join(p.skills_recognised)))
    if p.experience:
        lines.append(
            "Experience you stated: " + escape(", ".join(f"{e.role} ({e.years:g} years)" for e in p.experience))
        )
    removed = [s.name for s in p.skills_read if s.removed]
    if removed:
        lines.append("Removed by you, not counted: " + escape(", ".join(removed)))
    if p.skills_not_recognised:
        lines.append("[yellow]Not recognised:[/] " + escape(", ".join(p.skills_not_recognised)))
    if any(not s.removed for s in p.skills_read):
        lines.append(
            "[dim]Read something wrongly? Add --remove NAME, e.g. --remove "
            + escape(repr(p.skills_read[0].name))
            + "[/]"
        )
    lines += [f"• {escape(c)}" for c in p.changes]
    console.print("\n".join(lines))
    if g.data_notes:
        console.rule(HEADINGS["notes"])
        console.print(_bullets(g.data_notes))
    console.rule(HEADINGS["sources"])
    console.print(
        Group(
            *[
                f"• {escape(src.dataset)} ({escape(src.release)}), {escape(src.publisher)}: {escape(src.used_for)}"
                for src in g.sources
            ]
        )
    )
    console.print(f"[dim]{escape(g.attribution)}[/]")
