"""Wording every renderer shares: section headings, a resolved role, a route step.
Formatting only: every word and number comes from the Guide."""

from __future__ import annotations

from careerpath.engine.model import Role, RouteStep
from careerpath.engine.narrative import counted

HEADINGS = {
    "glance": "At a glance",
    "overview": "Overview",
    "route": "The way in",
    "transferable": "Your transferable skills",
    "learn": "Skills you'll need to learn",
    "also": "Also useful",
    "roadmap": "Your learning roadmap",
    "reality": "Reality check",
    "actions": "Start your journey",
    "faq": "Frequently asked questions",
    "tailored": "Tailored to you",
    "notes": "Notes on the data",
    "sources": "Sources",
    # The parts of the reality check and of the action plan.
    "love": "What you'll love",
    "miss": "What you might miss",
    "challenges": "Biggest challenges",
    "this_week": "This week",
    "this_month": "This month",
    "next_90_days": "Next 90 days",
}
STATUS_MARK = {"done": "✓ done", "to do": "to do", "optional": "optional", "on the job": "once hired"}


def role_line(role: Role) -> str:
    """The occupation the person's words resolved to: 'Technical Writers (27-3042.00), AI / Machine Learning'."""
    text = f"{role.title} ({role.code})"
    if role.specialization:
        text += f", {role.specialization}"
    return text


def alternatives_line(role: Role) -> str | None:
    if not role.alternatives:
        return None
    others = "; ".join(f"{a.title} ({a.code})" for a in role.alternatives)
    return f"“{role.words or role.title}” could also mean: {others}. Use a code to pick another."


def month_span(months: tuple[int, int]) -> str:
    low, high = months
    return f"{low}–{high} months" if low != high else counted(low, "month")


def duration(step: RouteStep) -> str:
    if step.pace == "full_time" and step.months:
        return f"{month_span(step.months)}, full-time"
    return f"~{step.hours} h of study" if step.hours else ""


def step_line(step: RouteStep) -> str:
    text = f"{step.name} ({duration(step)})"
    if step.status == "done" and step.done_because:
        text += f": {step.done_because}"
    elif step.detail:
        text += f": {step.detail}"
    if step.credential is not None:
        text += f" [{step.credential.name}, {step.credential.authority}: {step.credential.url}]"
    return text
