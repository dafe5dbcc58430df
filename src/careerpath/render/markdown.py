"""Guide → Markdown. Formatting only: every word and number comes from the Guide."""

from __future__ import annotations

from careerpath.engine.market import in_area
from careerpath.engine.model import Guide, ResourceRef
from careerpath.engine.narrative import counted


def _money(value: int | None) -> str:
    return "n/a" if value is None else f"${value:,}"


def _pct(value: int | float | None) -> str:
    return "n/a" if value is None else f"{value:+}%"


def _escape(text: str) -> str:
    # Keep people's and O*NET's text literal: no accidental emphasis, links or HTML.
    for char in ("\\", "*", "_", "`", "[", "]", "<", ">", "|"):
        text = text.replace(char, "\\" + char)
    return text


def _resource(ref: ResourceRef) -> str:
    label = _escape(ref.name)
    details = ", ".join(filter(None, [_escape(ref.provider), ref.cost, f"~{ref.hours} h" if ref.hours else None]))
    return f"[{label}]({ref.url}) ({details})" if ref.url else f"{label} ({details})"


def _role(role) -> str:
    return _escape(role.title + (f" ({role.specialization})" if role.specialization else ""))


def render_markdown(guide: Guide, views: int | None = None) -> str:
    g, out = guide, []
    add = out.append
    add(f"*Career pathway: {_role(g.from_)} → {_role(g.to)}*"
        + (f" · {views:,} views" if views is not None else ""))
    add("")
    add(f"# {_escape(g.title)}")
    add("")
    add("## At a glance")
    add("")
    add("| Difficulty | Timeline | Salary change | Demand |")
    add("|---|---|---|---|")
    demand = f"{g.demand.growth_pct:+.1f}% 2024–34 ({g.demand.band})" if g.demand.growth_pct is not None else "n/a"
    add(f"| {g.difficulty} ({g.difficulty_score}/100) | {counted(g.timeline_months, 'month')} | "
        f"{_pct(g.salary_change_pct)} | {demand} |")
    add("")
    s = g.salary
    add(f"Median pay {in_area(s.area)}: {_escape(g.from_.title)} {_money(s.source_median)} → {_escape(g.to.title)} "
        f"{_money(s.target_median)}; early career (25th percentile) {_money(s.target_p25)} "
        f"({_pct(s.early_career_change_pct)}). Source: {s.source}.")
    if s.note:
        add("")
        add(f"> {_escape(s.note)}")
    add("")
    add(_escape(g.demand.summary))
    add("")
    add("Difficulty drivers: " + "; ".join(
        f"{_escape(d.explanation)} (weight {d.weight:g})" for d in g.difficulty_drivers))
    add("")
    add("## Overview")
    add("")
    add(_escape(g.overview))
    add("")
    add("## Your transferable skills")
    add("")
    if not g.transferable_skills:
        add("None of the target's important skills is yet at the level it needs.")
    for item in g.transferable_skills:
        add(f"- **{_escape(item.name)}** ({item.kind.replace('_', ' ')}): {_escape(item.why)}")
    add("")
    add("## Skills you'll need to learn")
    add("")
    if not g.skills_to_learn:
        add("Nothing: your current profile already meets what the role asks for.")
    for item in g.skills_to_learn:
        add(f"### {_escape(item.name)}")
        add("")
        add(f"**{item.priority}** · {counted(item.weeks, 'week')} (~{item.hours} h) · {item.kind}")
        add("")
        add(_escape(item.why))
        add("")
        add(f"How: {_escape(item.how)}")
        for ref in item.resources:
            add(f"- {_resource(ref)}")
        add("")
    add("## Your learning roadmap")
    add("")
    for phase in g.roadmap:
        add(f"### {phase.phase}. {_escape(phase.title)} — {counted(phase.weeks, 'week')} (from week {phase.start_week})")
        add("")
        for task in phase.tasks:
            add(f"- {_escape(task)}")
        if phase.resources:
            add("")
            add("Resources: " + "; ".join(_resource(r) for r in phase.resources))
        add("")
    add("## Reality check")
    for heading, items in (("What you'll love", g.reality_check.love),
                           ("What you might miss", g.reality_check.miss),
                           ("Biggest challenges", g.reality_check.challenges)):
        add("")
        add(f"### {heading}")
        add("")
        for item in items or ["Nothing stands out in the data."]:
            add(f"- {_escape(item)}")
    add("")
    add("## Start your journey")
    for heading, items in (("This week", g.action_plan.this_week), ("This month", g.action_plan.this_month),
                           ("Next 90 days", g.action_plan.next_90_days)):
        add("")
        add(f"### {heading}")
        add("")
        for item in items or ["Carry on with the steps above."]:
            add(f"- {_escape(item)}")
    add("")
    add("## Frequently asked questions")
    for item in g.faq:
        add("")
        add(f"**{_escape(item.question)}**")
        add("")
        add(_escape(item.answer))
    p = g.personalization
    add("")
    add("## Tailored to you")
    add("")
    add(f"Hours per week: {p.hours_per_week:g} · Location: {_escape(p.location or 'national figures')} · "
        f"Budget: {p.budget or 'any'}")
    if p.skills_recognised:
        add("")
        add("Recognised from your skills: " + _escape(", ".join(p.skills_recognised)))
    if p.experience:
        add("")
        add("Experience you stated: " + _escape(", ".join(f"{e.role} ({e.years:g} years)" for e in p.experience)))
    removed = [s.name for s in p.skills_read if s.removed]
    if removed:
        add("")
        add("Removed by you, not counted: " + _escape(", ".join(removed)))
    if p.skills_not_recognised:
        add("")
        add("Not recognised: " + _escape(", ".join(p.skills_not_recognised)))
    for change in p.changes:
        add(f"- {_escape(change)}")
    if g.data_notes:
        add("")
        add("## Notes on the data")
        add("")
        for note in g.data_notes:
            add(f"- {_escape(note)}")
    add("")
    add("## Sources")
    add("")
    for source in g.sources:
        add(f"- {_escape(source.dataset)} ({_escape(source.release)}), {_escape(source.publisher)}, "
            f"{_escape(source.license)}: {_escape(source.used_for)}." + (f" <{source.url}>" if source.url else ""))
    add("")
    add(f"*{_escape(g.attribution)}*")
    add("")
    return "\n".join(out)
