"""The prose parts of a guide: overview, reality check and FAQ, assembled only from computed
values and curated routes, in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careerpath.catalog.routes import midpoint
from careerpath.kb import KnowledgeBase

from . import effort, market
from .compare import _article, people, singular
from .market import BAND_VERB, in_area
from .model import (
    FAQ,
    Demand,
    RealityCheck,
    Role,
    SalaryComparison,
    SkillToLearn,
    SteppingStone,
    TransferableSkill,
)
from .profiles import Profiles
from .route import AppliedRoute

if TYPE_CHECKING:
    from .guide import GuideRequest
    from .roadmap import PlannedPhase

PART_TIME_SCENARIOS = (5.0, 20.0)
# Full-time steps that take a person out of paid work in their field for a long time.
LONG_STEPS = ("degree", "program", "apprenticeship", "supervised", "experience")
PAID_STEPS = ("apprenticeship", "supervised", "experience")
# An O*NET education survey whose published categories add up to less than this was partly
# suppressed: a share computed from what is left would mislead.
COMPLETE_SURVEY_PERCENT = 97.0
# What each O*NET work value and interest means for a person's days, in plain words.
# (when the target has more of it, when it has less), from O*NET's work values and interests.
VALUE_WORDS = {
    "Achievement": (
        "Work that uses more of your abilities, with a clearer sense of accomplishment.",
        "A weaker sense of accomplishment from the work itself.",
    ),
    "Working Conditions": ("Steadier jobs and better working conditions.", "Less job security or comfort at work."),
    "Recognition": ("More room to advance, be recognised and lead.", "Fewer chances to advance and be recognised."),
    "Relationships": (
        "Closer work with colleagues and more chances to serve others.",
        "Less of the teamwork and service to others you have now.",
    ),
    "Support": ("Management that backs its people more.", "Less backing from management than you have now."),
    "Independence": (
        "More freedom to plan your own work and make decisions.",
        "Less freedom to plan your own work than you have now.",
    ),
}
INTEREST_WORDS = {
    "Realistic": ("More hands-on work with tools, machines or materials.", "Less hands-on, practical work."),
    "Investigative": ("More investigating and problem-solving.", "Less investigating and problem-solving."),
    "Artistic": ("More creative, self-expressive work.", "Less room for creative work."),
    "Social": ("More helping, teaching or caring for people.", "Less helping and caring for people."),
    "Enterprising": ("More leading, persuading and deciding.", "Less leading, persuading and deciding."),
    "Conventional": ("More organised work with data, records and procedures.", "Less structured, procedural work."),
}


def counted(n: int, noun: str) -> str:
    """'1 month', '3 months', '2 O*NET job zones': a count with its noun in the right number.
    Also the templates' `counted` filter."""
    return f"{n:,} {noun if n == 1 else noun + 's'}"


def _mid_sentence(name: str) -> str:
    """A name that opens with an article, lowercased there ("A main programming language" ->
    "a main programming language"); product and skill names keep their capitals."""
    first, _, rest = name.partition(" ")
    return f"{first.lower()} {rest}" if first in ("A", "An", "The") and rest else name


def how_long(months: float) -> str:
    """'a few weeks', 'about 7 months', 'about 2.5 years': a duration as a person says it."""
    if months < 1:
        return "a few weeks"
    if months < 18:
        return f"about {counted(round(months), 'month')}"
    return f"about {round(months / 12 * 2) / 2:g} years"


def a_week(hours: float) -> str:
    """'1 hour a week', '2.5 hours a week': study time, which a person may set to one hour."""
    return f"{hours:g} {'hour' if hours == 1 else 'hours'} a week"


def _wage_source(cited: str, wages_of: str | None) -> str:
    """What a wage figure cites, naming the BLS occupation it belongs to when it is borrowed:
    a sub-occupation's median is its group's, never its own."""
    return cited if wages_of is None else f"{cited}; the figure for all of {wages_of}"


def money(value: float | None, missing: str = "not published") -> str:
    """'$52,340': whole dollars with thousands separators, or `missing` when there is no figure.
    Every guide format and the templates' `money` filter (missing: "—") write dollars with it."""
    return missing if value is None else f"${value:,.0f}"


def listed(names: list[str], limit: int = 3) -> str:
    """'a, b and c': the first `limit` names as a sentence lists them."""
    names = names[:limit]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _todo_steps(route: AppliedRoute) -> list[str]:
    out = []
    for planned in route.todo:
        step = planned.step
        if step.pace == "full_time" and step.months:
            low, high = step.months
            span = f"{low}–{high} months" if low != high else counted(low, "month")
            out.append(f"{step.name} ({span})")
        else:
            out.append(f"{step.name} (~{step.hours} h of study)")
    return out


def overview(
    source: Role,
    target: Role,
    difficulty: str,
    salary: SalaryComparison,
    demand: Demand,
    transferable: list[TransferableSkill],
    to_learn: list[SkillToLearn],
    route: AppliedRoute,
    months: int,
    hours_per_week: float,
    same_role: bool,
) -> str:
    if same_role:
        return (
            f"“{source.words or source.title}” and “{target.words or target.title}” are the same occupation in "
            f"O*NET ({target.title}): you are already there. A move between them is a change of employer or "
            "title, not of career, so this guide is about showing your experience and the job search."
        )
    parts = [
        f"Moving from {singular(source.title)} to {singular(target.title)}"
        + (f" ({target.specialization})" if target.specialization else "")
        + f" rates {difficulty.lower()}."
    ]
    if route.view.curated:
        parts.append(route.view.summary)
    if salary.change_pct is not None:
        compared = (
            f"{abs(salary.change_pct)}% {'more' if salary.change_pct > 0 else 'less'} than"
            if salary.change_pct
            else "about the same as"
        )
        parts.append(
            f"{target.title} earn a median {money(salary.target_median)} a year {in_area(salary.area)} "
            f"({_wage_source(salary.source, salary.target_wages_of)}), {compared} "
            f"{people(source.title)} ({_wage_source(money(salary.source_median), salary.source_wages_of)})."
        )
    if demand.growth_pct is not None and demand.band:
        parts.append(
            f"Employment is projected to {BAND_VERB[demand.band]} ({demand.growth_pct:+.1f}%, {demand.period})"
            + (f", with about {demand.annual_openings:,} openings a year." if demand.annual_openings else ".")
        )
    strengths = [t.name for t in transferable if t.kind in ("skill", "knowledge", "technology")]
    if strengths:
        parts.append(f"You bring {listed(strengths)}.")
    core = [i.name for i in to_learn if i.core]
    plan = f"The plan centres on {listed(core, 4)}" if core else "There is little to learn"
    if route.program:
        plan += f" (taught in “{route.program}”)"
    parts.append(plan + f", and takes about {counted(months, 'month')} at {a_week(hours_per_week)}.")
    return " ".join(parts)


def needs_licence(route: AppliedRoute) -> bool:
    """A licence the person must still earn: the route says most states license the work and
    a licence or exam step is still to do (engineers in industry, say, need none)."""
    return route.view.licensed and any(p.step.kind in ("licence", "exam") for p in route.todo)


def _differences(
    names: list[str], words: dict[str, tuple[str, str]], source: list[float], target: list[float], threshold: float
) -> tuple[list[str], list[str]]:
    gains, losses = [], []
    for name, s, t in sorted(zip(names, source, target, strict=True), key=lambda x: -abs(x[2] - x[1])):
        if s != s or t != t or name not in words:  # NaN: not rated
            continue
        if t - s >= threshold:
            gains.append(words[name][0])
        elif s - t >= threshold:
            losses.append(words[name][1])
    return gains, losses


def reality_check(
    kb: KnowledgeBase,
    p: Profiles,
    source: str,
    target: str,
    salary: SalaryComparison,
    to_learn: list[SkillToLearn],
    route: AppliedRoute,
    zone_step: int,
) -> RealityCheck:
    """About the work itself (values, interests, pace of entry, pay), from O*NET and BLS."""
    period = market.releases(kb)[1]
    s, t = kb.index[source], kb.index[target]
    target_title = kb.occupation(target).title
    values = [v.name for v in kb.elements("work_values")]
    value_gain, value_loss = _differences(values, VALUE_WORDS, list(p.work_values[s]), list(p.work_values[t]), 0.5)
    interests = [i.name for i in kb.elements("interests")]
    interest_gain, interest_loss = _differences(
        interests, INTEREST_WORDS, list(p.interests[s]), list(p.interests[t]), 0.75
    )
    love = value_gain[:2] + interest_gain[:2]
    miss = value_loss[:2] + interest_loss[:2]
    if salary.change_pct is not None and salary.target_median and salary.source_median:
        line = (
            f"Median pay {'rises' if salary.change_pct > 0 else 'falls'} to {money(salary.target_median)} from "
            f"{money(salary.source_median)} ({salary.change_pct:+d}%, {in_area(salary.area)}, {salary.source})."
        )
        if salary.change_pct >= 5:
            love.append(line)
        elif salary.change_pct <= -5:
            miss.append(line)
    core = [task.text for task in kb.tasks(target) if task.task_type == "Core"][:1]
    if core:
        love.append(f"Days spent on work such as “{core[0].rstrip('.')}” (O*NET).")

    challenges = []
    long_steps = [p.step for p in route.todo if p.step.pace == "full_time" and p.step.kind in LONG_STEPS]
    # An apprenticeship, a bridge job or supervised practice is paid work; school is not.
    school = [s for s in long_steps if s.kind not in PAID_STEPS]
    paid = [s for s in long_steps if s.kind in PAID_STEPS]
    if school:
        months = sum(midpoint(s.months) for s in school if s.months)
        steps = listed([f"“{s.name}”" for s in school], 3)
        challenges.append(
            f"Time and money: {steps} {'takes' if len(school) == 1 else 'take'} "
            f"{how_long(months)} before you work in the role; plan how you will pay for "
            "it and live meanwhile."
        )
    if paid:
        months = sum(midpoint(s.months) for s in paid if s.months)
        steps = listed([f"“{s.name}”" for s in paid], 3)
        challenges.append(
            f"Patience: {steps} {'takes' if len(paid) == 1 else 'take'} {how_long(months)}. "
            f"{'It is' if len(paid) == 1 else 'They are'} paid work, though often at trainee or "
            "entry-level pay to start."
        )
    if needs_licence(route):
        challenges.append(
            f"{target_title} need a licence"
            + (f": {route.view.state_varies}" if route.view.state_varies else "; check your state's rules early.")
        )
    for item in [i for i in to_learn if i.core and not i.covered_by][:2]:
        challenges.append(
            f"Getting good at {_mid_sentence(item.name)} (about {item.hours} hours of study and practice)."
        )
    outlook = kb.outlook(target)
    everyone = market.all_occupations_outlook(kb)
    rate, average = market.openings_rate(outlook), market.openings_rate(everyone)
    slower = (
        outlook is not None
        and outlook.change_percent is not None
        and everyone is not None
        and everyone.change_percent is not None
        and outlook.change_percent <= everyone.change_percent
    )
    if rate is not None and average is not None and rate < average and slower:
        challenges.append(
            f"Openings come up less often than in most jobs ({rate:.1f} a year per 100 jobs vs "
            f"{average:.1f}) and employment grows no faster than average, so expect competition "
            f"(BLS projections {period})."
        )
    if outlook is not None and outlook.change_percent is not None and outlook.change_percent < 0:
        end = market.projection_years(period)[1]
        challenges.append(f"Employment is projected to shrink {abs(outlook.change_percent):.1f}% by {end} (BLS).")
    if salary.early_career_change_pct is not None and salary.early_career_change_pct < 0 and salary.target_p25:
        challenges.append(
            f"Starting pay may be lower than now: a quarter of {people(target_title)} earn less than "
            f"{money(salary.target_p25)} ({salary.early_career_change_pct:+d}% against your current median)."
        )
    if zone_step >= 2 and not route.todo:
        challenges.append(
            "Employers expect much more preparation for this job than for your current one "
            f"(O*NET job zone {kb.occupation(target).job_zone} vs {kb.occupation(source).job_zone})."
        )
    return RealityCheck(love=love[:5], miss=miss[:4], challenges=challenges[:5])


def _degree_answer(kb: KnowledgeBase, target: str, route: AppliedRoute) -> str:
    title = kb.occupation(target).title
    parts = []
    view = route.view
    if view.curated and view.degree:
        parts.append(
            f"Usually: {view.degree}."
            + (
                ""
                if view.degree_required
                else " It is what employers usually expect, not a legal requirement: "
                "people also get in by the other routes listed."
            )
        )
    outlook = kb.outlook(target)
    if outlook is not None and outlook.education:
        parts.append(f"BLS lists “{outlook.education}” as the typical entry education for {people(outlook.title)}.")
    shares = kb.education(target)
    total = sum(s.percent for s in shares)
    if shares and total >= COMPLETE_SURVEY_PERCENT:
        bachelor_plus = sum(s.percent for s in shares if s.category >= 6)
        parts.append(
            f"In O*NET's survey of {people(title)}, {bachelor_plus:.0f}% say the job requires a "
            "bachelor's degree or higher."
        )
    elif shares:
        parts.append(
            "Part of O*NET's education survey for this occupation is suppressed as unreliable, so "
            "careerpath draws no share from it."
        )
    return " ".join(parts) or "Neither BLS nor O*NET publishes an education requirement for it."


def faq(
    kb: KnowledgeBase,
    request: GuideRequest,
    route: AppliedRoute,
    to_learn: list[SkillToLearn],
    salary: SalaryComparison,
    demand: Demand,
    stones: list[SteppingStone],
    months: int,
    total_weeks: int,
    planned: list[PlannedPhase],
    same_role: bool,
) -> list[FAQ]:
    from .roadmap import total_weeks as weeks_at

    source, target = kb.occupation(request.source), kb.occupation(request.target)
    one = _article(target.title)
    answers = []
    view = route.view
    todo = _todo_steps(route)
    done = [s.name for s in view.steps if s.status == "done"]
    if needs_licence(route) or (view.licensed and same_role):
        question = f"What do I need to be licensed as {one}?"
    else:
        question = f"What does it take to get hired as {one}?"
    if same_role:
        answer = "You already hold this occupation; nothing on the route is left to do."
    else:
        answer = view.summary
        if todo:
            answer += " Your steps, in order: " + "; ".join(todo) + "."
        if done:
            answer += f" Already behind you: {listed(done, 4)}."
        if view.state_varies:
            answer += f" {view.state_varies}"
        if not view.curated:
            answer += " (careerpath has no curated route for this occupation yet; this is BLS's general guidance.)"
    answers.append(FAQ(question=question, answer=answer))

    from .roadmap import study_hours

    hours = request.person.hours_per_week
    full_time = round(route.full_time_months)
    study = study_hours(planned)
    parts = []
    if full_time:
        parts.append(
            f"roughly {counted(full_time, 'month')} of full-time steps, which do not speed up with more study hours"
        )
    if study:
        parts.append(f"{study:,} hours of part-time study")
    text = (
        f"About {counted(months, 'month')} at {a_week(hours)}: "
        + ", plus ".join(parts)
        + (", then the job search." if parts else "mostly the job search.")
    )
    scenarios = []
    for alternative in PART_TIME_SCENARIOS:
        if alternative != hours:
            weeks = weeks_at(planned, alternative)
            scenarios.append(f"{counted(effort.months(weeks), 'month')} at {a_week(alternative)}")
    if scenarios:
        text += f" The same plan takes {' or '.join(scenarios)}."
    costs = [
        f"{s.credential.name}: {s.credential.cost}"
        for s in view.steps
        if s.status == "to do" and s.credential and s.credential.cost
    ]
    costs += [f"{s.name}: {s.cost}" for s in view.steps if s.status == "to do" and s.cost]
    if view.cost:
        costs.insert(0, view.cost)
    text += (
        " Costs where public: " + "; ".join(costs) + "."
        if costs
        else " careerpath has no public cost figure for this route: compare what the programs and exams you "
        "shortlist charge."
    )
    answers.append(FAQ(question="How long will it take, and what will it cost?", answer=text))

    if salary.target_median is not None:
        low, high = salary.target_range
        text = (
            f"{target.title} earn a median {money(salary.target_median)} a year {in_area(salary.area)} "
            f"({_wage_source(salary.source, salary.target_wages_of)}): half earn more and half less. A quarter earn less than {money(salary.target_p25)} "
            f"(the 25th percentile, a fair guide to starting pay), and 80% earn between {money(low)} and "
            f"{money(high)}."
        )
        if salary.change_pct is not None:
            text += (
                f" Against the {people(source.title)} median of {money(salary.source_median)} that is "
                f"{salary.change_pct:+d}% at the median"
                + (
                    f" and {salary.early_career_change_pct:+d}% at the 25th percentile."
                    if salary.early_career_change_pct is not None
                    else "."
                )
            )
    else:
        text = salary.note or f"BLS publishes no median wage for {target.title}."
    answers.append(FAQ(question=f"How much do {people(target.title)} earn?", answer=text))

    answers.append(
        FAQ(question=f"Do I need a degree to become {one}?", answer=_degree_answer(kb, request.target, route))
    )

    if stones:
        names = [f"{s.title} ({s.code})" for s in stones]
        answers.append(
            FAQ(
                question="Which jobs lie on the way?",
                answer=(
                    f"People often work as {listed(names, 3)} first (careerpath's curated route): a job you can get "
                    "sooner that builds the experience employers look for."
                ),
            )
        )
    elif view.bridge_jobs and not same_role:
        answers.append(
            FAQ(
                question="Which jobs lie on the way?",
                answer=(
                    f"Your current job is one of the usual ways in: people often move to {people(target.title)} from "
                    f"{people(source.title)}."
                ),
            )
        )

    answers.append(FAQ(question=f"Is there demand for {people(target.title)}?", answer=demand.summary))
    return answers
