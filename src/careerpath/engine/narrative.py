"""The prose parts of a guide: overview and FAQ, assembled only from computed values."""

from __future__ import annotations

from careerpath.kb import KnowledgeBase

from . import effort
from .compare import _article
from .market import BAND_VERB, in_area
from .model import FAQ, Demand, Driver, Role, SalaryComparison, SkillToLearn, SteppingStone, TransferableSkill
from .profiles import Profiles
from .roadmap import schedule

PART_TIME_SCENARIOS = (5.0, 20.0)


def counted(n: int, noun: str) -> str:
    """'1 month', '3 months', '2 O*NET job zones': a count with its noun in the right number.
    Also the templates' `counted` filter."""
    return f"{n} {noun if n == 1 else noun + 's'}"


def _money(value: int | None) -> str:
    return "not published" if value is None else f"${value:,}"


def _names(items, limit: int = 3) -> str:
    names = [i.name for i in items[:limit]]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def overview(source: Role, target: Role, difficulty: str, score: int, drivers: list[Driver],
             salary: SalaryComparison, demand: Demand, transferable: list[TransferableSkill],
             to_learn: list[SkillToLearn], months: int, hours_per_week: float) -> str:
    target_name = target.title + (f" ({target.specialization})" if target.specialization else "")
    parts = [f"Moving from {source.title} to {target_name} rates {difficulty.lower()} "
             f"({score}/100 on careerpath's difficulty score). The main driver: {drivers[0].explanation}"]
    if salary.change_pct is not None:
        direction = "more" if salary.change_pct > 0 else "less"
        parts.append(f"{target.title} earn a median {_money(salary.target_median)} a year {in_area(salary.area)} "
                     f"(BLS OEWS May 2025), {abs(salary.change_pct)}% {direction} than {source.title} "
                     f"({_money(salary.source_median)}).")
    if demand.growth_pct is not None:
        parts.append(f"Employment is projected to {BAND_VERB[demand.band]} ({demand.growth_pct:+.1f}%, 2024-34)"
                     + (f" with about {demand.annual_openings:,} openings a year." if demand.annual_openings else "."))
    skills = [t for t in transferable if t.kind in ("skill", "knowledge")]
    if skills:
        parts.append(f"You bring {counted(len(transferable), 'thing')} the new role relies on, notably {_names(skills)}.")
    critical = [i for i in to_learn if i.priority == "Critical"]
    if to_learn:
        lead = critical or to_learn
        parts.append(f"The plan covers {counted(len(to_learn), 'item')} to learn, led by {_names(lead)}, "
                     f"and takes about {counted(months, 'month')} at {hours_per_week:g} hours a week.")
    else:
        parts.append("Your current profile already covers what the role asks for"
                     + (f"; the plan takes about {counted(months, 'month')} of job search." if months else "."))
    return " ".join(parts)


def faq(kb: KnowledgeBase, p: Profiles, request, to_learn: list[SkillToLearn], salary: SalaryComparison,
        demand: Demand, stones: list[SteppingStone], months: int, total_weeks: int, planned,
        education_name: str | None) -> list[FAQ]:
    source, target = kb.occupation(request.source), kb.occupation(request.target)
    answers = []

    if salary.target_median is not None:
        low, high = salary.target_range
        text = (f"{target.title} earn a median {_money(salary.target_median)} a year {in_area(salary.area)} (BLS OEWS "
                f"May 2025); the middle half earn {_money(salary.target_p25)} or more, and 80% earn between "
                f"{_money(low)} and {_money(high)}.")
        if salary.change_pct is not None:
            text += (f" Against the {source.title} median of {_money(salary.source_median)} that is "
                     f"{salary.change_pct:+d}%; starting near the 25th percentile would be "
                     f"{salary.early_career_change_pct:+d}%.")
    else:
        text = salary.note or f"BLS publishes no median wage for {target.title}."
    answers.append(FAQ(question=f"How much do {target.title} earn compared with {source.title}?", answer=text))

    hours = request.person.hours_per_week
    scenarios = []
    for alternative in PART_TIME_SCENARIOS:
        if alternative != hours:
            _, _, weeks = schedule(planned, alternative)
            scenarios.append(f"{counted(effort.months(weeks), 'month')} at {alternative:g} hours a week")
    study = sum(i.hours for i in to_learn)
    duration = f"About {counted(months, 'month')} ({counted(total_weeks, 'week')}) at {hours:g} hours a week"
    answers.append(FAQ(
        question="How long will the transition take?",
        answer=(f"{duration}: {study} hours of study plus portfolio, networking and job search. "
                f"The same plan takes {' or '.join(scenarios)}." if scenarios else f"{duration}."),
    ))

    outlook = kb.outlook(request.target)
    zone = kb.occupation(request.target).job_zone
    degree = []
    if outlook is not None and outlook.education:
        degree.append(f"BLS lists “{outlook.education}” as the typical entry education for {outlook.title.lower()}"
                      + (f", with “{outlook.work_experience}” of related work experience"
                         if outlook.work_experience and outlook.work_experience != "None" else "")
                      + (f" and “{outlook.on_the_job_training}” on-the-job training"
                         if outlook.on_the_job_training and outlook.on_the_job_training != "None" else "") + ".")
    if zone:
        degree.append(f"O*NET places the occupation in job zone {zone} of 5.")
    shares = kb.education(request.target)
    if shares:
        bachelor_plus = sum(s.percent for s in shares if s.category >= 6)
        degree.append(f"In O*NET's survey, {bachelor_plus:.0f}% of workers say the job requires a bachelor's "
                      "degree or higher.")
    if education_name and _step(kb, request) > 0:
        degree.append(f"That is more than {source.title} typically need, so the roadmap starts with it.")
    answers.append(FAQ(question=f"Do I need a degree to become {_article(target.title)}?",
                       answer=" ".join(degree) or "Neither BLS nor O*NET publishes an education requirement for it."))

    if stones:
        def route(s) -> str:
            stops = " → ".join(f"{r.title} ({r.code})" for r in s.route) or f"{s.title} ({s.code})"
            gaps = " → ".join(f"{leg:.0%}" for leg in s.legs or [s.first_leg, s.second_leg])
            return f"{stops} (gaps {gaps})"
        answer = (f"Routes through one or two intermediate roles whose steps are each smaller than the direct "
                  f"gap, by O*NET skill and knowledge profiles: {'; '.join(route(s) for s in stones)}. "
                  "A gap is the share of the next role's requirement you would not yet meet.")
    else:
        answer = "None needed: the direct move is already shorter than any route through another occupation."
    answers.append(FAQ(question="Which roles lie on the way?", answer=answer))

    answers.append(FAQ(question=f"Is there demand for {target.title}?", answer=demand.summary))
    return answers


def _step(kb: KnowledgeBase, request) -> int:
    src, dst = kb.outlook(request.source), kb.outlook(request.target)
    if not src or not dst or not src.education or not dst.education:
        return 0
    return effort.EDUCATION_YEARS.get(dst.education, 0) - effort.EDUCATION_YEARS.get(src.education, 0)
