"""Pay and demand: OEWS wages and BLS projections, compared without embellishment."""

from __future__ import annotations

from careerpath.kb import KnowledgeBase, UnknownOccupation
from careerpath.kb.api import NATIONAL, Outlook, Wage

from .compare import people
from .model import Demand, SalaryComparison

ALL_OCCUPATIONS = "00-0000"

# Wording for projected employment change, in the style of BLS's Occupational Outlook
# Handbook. The cut-offs are ours, set around the all-occupation average of the
# 2024-34 projections (3.1 %); see docs/methodology.md.
GROWTH_BANDS = (
    (8.0, "much faster than average"),
    (5.0, "faster than average"),
    (2.0, "about as fast as average"),
    (1.0, "slower than average"),
    (-1.0, "little or no change"),
)
DECLINE = "decline"
# How each band reads after "Employment is projected to ...".
BAND_VERB = {
    "much faster than average": "grow much faster than average",
    "faster than average": "grow faster than average",
    "about as fast as average": "grow about as fast as average",
    "slower than average": "grow slower than average",
    "little or no change": "show little or no change",
    DECLINE: "decline",
}


def releases(kb: KnowledgeBase) -> tuple[str, str, str]:
    """(OEWS release, projections period, O*NET version) as the knowledge base records them, so a
    rebuilt knowledge base labels its own figures: ("May 2025", "2024-34", "30.1")."""
    meta = kb.meta
    return meta["oews_release"], meta["projections_release"], meta["onet_version"]


def projection_years(period: str) -> tuple[str, str]:
    """ "2024-34" -> ("2024", "2034")."""
    start, end = period.split("-")
    return start, start[: len(start) - len(end)] + end


def in_area(area_name: str) -> str:
    return "nationally" if area_name == "National" else f"in {area_name}"


def growth_band(change_percent: float | None) -> str | None:
    if change_percent is None:
        return None
    for floor, band in GROWTH_BANDS:
        if change_percent >= floor:
            return band
    return DECLINE


def percent_change(new: int | None, old: int | None) -> int | None:
    if new is None or old is None or old == 0:
        return None
    return round((new - old) / old * 100)


def _wage_pair(kb: KnowledgeBase, source: str, target: str, area: str) -> tuple[Wage | None, Wage | None]:
    return kb.wages(source, area), kb.wages(target, area)


def wages_of(kb: KnowledgeBase, code: str) -> str | None:
    """Whose OEWS figures an occupation's wages are, when they are not its own: an O*NET
    sub-occupation (15-2051.01) takes its 6-digit SOC's, and some codes take a BLS group's.
    None when BLS publishes the occupation's own (or none at all)."""
    occupation = kb.occupation(code)
    wage_soc = occupation.wage_soc
    if not wage_soc or (wage_soc == code[:7] and code.endswith(".00")):
        return None
    try:
        title: str | None = kb.occupation(f"{wage_soc}.00").title
    except UnknownOccupation:  # a BLS group with no O*NET occupation of its own
        title = None
    return f"BLS occupation {wage_soc}" + (f", {title}" if title else "")


def salary_comparison(kb: KnowledgeBase, source: str, target: str, area: str | None) -> SalaryComparison:
    """Medians in the person's area when BLS publishes both there, else national."""
    note = None
    chosen = area or NATIONAL
    source_wage, target_wage = _wage_pair(kb, source, target, chosen)
    if (
        area
        and area != NATIONAL
        and (
            source_wage is None
            or target_wage is None
            or source_wage.annual_median is None
            or target_wage.annual_median is None
        )
    ):
        note = f"BLS publishes no median for both occupations in {kb.area(area).name}; national figures are shown."
        chosen = NATIONAL
        source_wage, target_wage = _wage_pair(kb, source, target, chosen)

    missing = [
        kb.occupation(code).title
        for code, wage in ((source, source_wage), (target, target_wage))
        if wage is None or wage.annual_median is None
    ]
    if missing:
        reasons = []
        for code, wage in ((source, source_wage), (target, target_wage)):
            if wage is not None and "annual_median" in wage.top_coded:
                reasons.append(f"{kb.occupation(code).title}: {kb.wage_footnote('5')}")
        note = " ".join(
            filter(
                None,
                [
                    note,
                    f"No OEWS median annual wage for {', '.join(missing)}, so no salary change is computed.",
                    *reasons,
                ],
            )
        )
    widened = [
        f"{kb.occupation(code).title} uses the BLS {o.wage_soc_level} group {o.wage_soc}"
        for code in (source, target)
        if (o := kb.occupation(code)).wage_soc_level not in (None, "detailed")
    ]
    if widened:
        note = " ".join(filter(None, [note, "; ".join(widened) + " (BLS publishes no detailed estimate)."]))

    def median(w: Wage | None) -> int | None:
        return None if w is None else w.annual_median

    def span(w: Wage | None) -> tuple[int | None, int | None]:
        return (None, None) if w is None else (w.annual_p10, w.annual_p90)

    return SalaryComparison(
        area=kb.area(chosen).name,
        source_median=median(source_wage),
        target_median=median(target_wage),
        target_p25=None if target_wage is None else target_wage.annual_p25,
        change_pct=percent_change(median(target_wage), median(source_wage)),
        early_career_change_pct=percent_change(
            None if target_wage is None else target_wage.annual_p25, median(source_wage)
        ),
        source_range=span(source_wage),
        target_range=span(target_wage),
        note=note,
        source=kb.wage_source,
        source_wages_of=wages_of(kb, source) if median(source_wage) is not None else None,
        target_wages_of=wages_of(kb, target) if median(target_wage) is not None else None,
    )


def hot_technologies(kb: KnowledgeBase, code: str, limit: int = 6) -> list[str]:
    """The target's tools that say something about the job: hot or in demand in O*NET, not
    general office software, ranked by how specific they are to this kind of work
    (relevance.py); Apache Spark is "in demand" for registered nurses in O*NET's postings
    data, but no one hires a nurse for it."""
    from .relevance import distinctiveness_for, technology_relevance

    d = distinctiveness_for(kb)
    scored = [(technology_relevance(d, code, t), t) for t in kb.technologies(code) if t.hot or t.in_demand]
    ranked = sorted((x for x in scored if x[0] > 0), key=lambda x: (-x[0], x[1].name))
    return [t.name for _, t in ranked[:limit]]


def demand(kb: KnowledgeBase, code: str) -> Demand:
    outlook = kb.outlook(code)
    hot = hot_technologies(kb, code)
    title = kb.occupation(code).title
    _, period, onet = releases(kb)
    source = f"{kb.projection_source}; O*NET {onet} Technology Skills"
    if outlook is None or outlook.change_percent is None:
        return Demand(
            summary=f"BLS publishes no {period} projection for {title}.",
            period=period,
            source=source,
            growth_pct=None,
            band=None,
            annual_openings=None,
            employment_2024=None,
            hot_technologies=hot,
        )
    band = growth_band(outlook.change_percent)
    summary = (
        f"Employment of {people(outlook.title)} is projected to change {outlook.change_percent:+.1f}% "
        f"from {' to '.join(projection_years(period))} ({band})"
    )
    if outlook.annual_openings is not None:
        summary += f", with about {outlook.annual_openings:,} openings a year"
    summary += "."
    if hot:
        summary += f" Employers' most sought-after tools here include {', '.join(hot[:3])}."
    return Demand(
        summary=summary,
        growth_pct=outlook.change_percent,
        band=band,
        annual_openings=outlook.annual_openings,
        employment_2024=outlook.employment_2024,
        hot_technologies=hot,
        period=period,
        source=source,
    )


def openings_rate(outlook: Outlook | None) -> float | None:
    """Annual openings per 100 jobs: how often a seat comes free."""
    if outlook is None or not outlook.annual_openings or not outlook.employment_2024:
        return None
    return outlook.annual_openings / outlook.employment_2024 * 100


def all_occupations_outlook(kb: KnowledgeBase) -> Outlook | None:
    return kb.projection(ALL_OCCUPATIONS)
