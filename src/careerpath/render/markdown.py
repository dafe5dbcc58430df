"""Guide → Markdown. Formatting only: every word and number comes from the Guide."""

from __future__ import annotations

from careerpath.engine.compare import people
from careerpath.engine.market import in_area
from careerpath.engine.model import Guide, ResourceRef, SkillToLearn
from careerpath.engine.narrative import counted, money

from .parts import HEADINGS, STATUS_MARK, alternatives_line, month_span, role_line, step_line


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


def _item(add, item: SkillToLearn) -> None:
    add(f"### {_escape(item.name)}")
    add("")
    when = "taught in the program" if item.covered_by else f"{counted(item.weeks, 'week')} (~{item.hours} h)"
    add(f"**{item.priority}** · {when}")
    add("")
    add(_escape(item.why))
    add("")
    add(f"How: {_escape(item.how)}")
    for ref in item.resources:
        add(f"- {_resource(ref)}")
    add("")


def render_markdown(guide: Guide, views: int | None = None) -> str:
    g = guide
    out: list[str] = []
    add = out.append
    add(f"*{_escape(g.headline)}*" + (f" · {counted(views, 'view')}" if views is not None else ""))
    add("")
    add(f"Resolved to: {_escape(role_line(g.from_))} → {_escape(role_line(g.to))}")
    for role in (g.from_, g.to):
        line = alternatives_line(role)
        if line:
            add("")
            add(f"> {_escape(line)}")
    add("")
    add(f"# {_escape(g.title)}")
    add("")
    add(f"## {HEADINGS['glance']}")
    add("")
    add("| Difficulty | Timeline | Salary change | Demand |")
    add("|---|---|---|---|")
    period = g.demand.period.replace("-", "–") + " " if g.demand.period else ""
    demand = f"{g.demand.growth_pct:+.1f}% {period}({g.demand.band})" if g.demand.growth_pct is not None else "n/a"
    add(f"| {g.difficulty} | {counted(g.timeline_months, 'month')} | {_pct(g.salary_change_pct)} | {demand} |")
    add("")
    s = g.salary
    add(
        f"Median pay {in_area(s.area)}: {_escape(g.from_.title)} {money(s.source_median, 'n/a')} → {_escape(g.to.title)} "
        f"{money(s.target_median, 'n/a')}; a quarter of {_escape(people(g.to.title))} earn less than "
        f"{money(s.target_p25, 'n/a')} (25th percentile, {_pct(s.early_career_change_pct)}). Source: {s.source}."
    )
    if s.note:
        add("")
        add(f"> {_escape(s.note)}")
    add("")
    add(_escape(g.demand.summary))
    add("")
    add("Why this difficulty: " + " ".join(_escape(d.explanation) for d in g.difficulty_drivers[:2]))
    add("")
    add(f"## {HEADINGS['overview']}")
    add("")
    add(_escape(g.overview))
    add("")
    add(f"## {HEADINGS['route']}")
    add("")
    r = g.route
    add(_escape(r.summary))
    add("")
    for number, step in enumerate(r.steps, 1):
        add(f"{number}. **{STATUS_MARK[step.status]}** {_escape(step_line(step))}")
    if r.steps:
        add("")
    if r.state_varies:
        add(f"State rules: {_escape(r.state_varies)}")
        add("")
    for alt in r.alternatives:
        months = f" ({month_span(alt.months)})" if alt.months else ""
        add(f"- Another way: **{_escape(alt.name)}**{months}: {_escape(alt.detail)}")
    if r.bridge_jobs:
        add("")
        add("Jobs people often hold first: " + _escape(", ".join(b.title for b in r.bridge_jobs)))
    if r.sources:
        add("")
        add(
            "Route sources: "
            + ", ".join(f"<{u}>" for u in r.sources)
            + (f" ({r.verification})" if r.verification else "")
            + ("" if r.curated else " (BLS fallback)")
        )
    add("")
    add(f"## {HEADINGS['transferable']}")
    add("")
    if not g.transferable_skills:
        add("None of the target's important skills is yet at the level it needs.")
    for skill in g.transferable_skills:
        add(f"- **{_escape(skill.name)}**: {_escape(skill.why)}")
    add("")
    add(f"## {HEADINGS['learn']}")
    add("")
    core = [i for i in g.skills_to_learn if i.core]
    if not core:
        add("Nothing stands between you and the role's core skills.")
        add("")
    for item in core:
        _item(add, item)
    extra = [i for i in g.skills_to_learn if not i.core]
    if extra:
        add(f"### {HEADINGS['also']}")
        add("")
        for item in extra:
            first = f" — {_resource(item.resources[0])}" if item.resources else ""
            add(f"- **{_escape(item.name)}** (~{item.hours} h): {_escape(item.why)}{first}")
        add("")
    add(f"## {HEADINGS['roadmap']}")
    add("")
    for phase in g.roadmap:
        add(
            f"### {phase.phase}. {_escape(phase.title)} — {counted(phase.weeks, 'week')} (from week {phase.start_week})"
        )
        add("")
        for task in phase.tasks:
            add(f"- {_escape(task)}")
        if phase.resources:
            add("")
            add("Resources: " + "; ".join(_resource(r) for r in phase.resources))
        add("")
    add(f"## {HEADINGS['reality']}")
    for heading, items in (
        (HEADINGS["love"], g.reality_check.love),
        (HEADINGS["miss"], g.reality_check.miss),
        (HEADINGS["challenges"], g.reality_check.challenges),
    ):
        add("")
        add(f"### {heading}")
        add("")
        for line in items or ["Nothing stands out in the data."]:
            add(f"- {_escape(line)}")
    add("")
    add(f"## {HEADINGS['actions']}")
    for heading, items in (
        (HEADINGS["this_week"], g.action_plan.this_week),
        (HEADINGS["this_month"], g.action_plan.this_month),
        (HEADINGS["next_90_days"], g.action_plan.next_90_days),
    ):
        add("")
        add(f"### {heading}")
        add("")
        for line in items or ["Carry on with the steps above."]:
            add(f"- {_escape(line)}")
    add("")
    add(f"## {HEADINGS['faq']}")
    for qa in g.faq:
        add("")
        add(f"**{_escape(qa.question)}**")
        add("")
        add(_escape(qa.answer))
    p = g.personalization
    add("")
    add(f"## {HEADINGS['tailored']}")
    add("")
    add(
        f"Hours per week: {p.hours_per_week:g} · Location: {_escape(p.location or 'national figures')} · "
        f"Budget: {p.budget or 'any'}"
    )
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
        add(f"## {HEADINGS['notes']}")
        add("")
        for note in g.data_notes:
            add(f"- {_escape(note)}")
    add("")
    add(f"## {HEADINGS['sources']}")
    add("")
    for source in g.sources:
        add(
            f"- {_escape(source.dataset)} ({_escape(source.release)}), {_escape(source.publisher)}, "
            f"{_escape(source.license)}: {_escape(source.used_for)}." + (f" <{source.url}>" if source.url else "")
        )
    add("")
    add(f"*{_escape(g.attribution)}*")
    add("")
    return "\n".join(out)
