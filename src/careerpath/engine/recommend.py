"""Where could an X go next? Target occupations ranked by a feasibility-aware transition score.

The score (docs/recommend.md) starts from how alike two occupations are, a weighted sum of
seven similarities, each in 0..1, and subtracts what the move costs, which is asymmetric:
moving A -> B costs what B requires that A lacks.

  similarity = Σ weight_f × sim_f      f in skills+knowledge, work (tasks → DWAs),
                                          language of tasks and description, job titles,
                                          technologies, interests, job zone
  cost       = GAP_WEIGHT × distinctive gap share (what B stands out on and A lacks)
             + ZONE_WEIGHT × job-zone step up / 4
             + ROUTE_WEIGHT × min(1, route months still ahead / 48)
  score      = similarity − cost + ease × (WAGE_WEIGHT × clip(wage change, ±50%) / 50%
                                         + DEMAND_WEIGHT × clip(growth − average, ±10 pts) / 10)

``ease`` is 1 − difficulty / 100 (the guide's difficulty), so pay and demand order moves
that are within reach and can never make a far one look near. Each move has a kind:
*long-term* when the way in (catalog/routes, engine/feasibility.py) still asks for a new
degree (associate's or higher) or two years or more of full-time school, training or
required experience;
otherwise *step up* when it pays 10% more or better, *pays less* when 10% less or worse, else
*lateral*. Long-term moves are
listed only when asked for, apart, with their years.

All pairwise similarities and route figures are computed once per knowledge base as (n, n)
matrices (about two seconds), so a recommendation is one row, a handful of vector
operations and a partial sort before the per-result explanations are written.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from careerpath.catalog.routes import DEGREE_RANK, RouteCatalog
from careerpath.kb import KnowledgeBase
from careerpath.kb.api import NATIONAL
from careerpath.kb.products import product_names

from . import effort
from .compare import display_name
from .feasibility import Feasibility, feasibility_for
from .inputs import Inputs
from .narrative import listed, money
from .profiles import Profiles, profiles_for
from .relevance import DISTINCTIVE_Z, MIN_IMPORTANCE, distinctiveness_for
from .route import DEGREE_WORDS

# Weights of the similarities (sum to 1). Chosen on the proxy evaluations described in
# docs/recommend.md (shared job titles, held out from the titles similarity; bridge jobs from
# the entry routes; SOC groups); see bench/eval_recommend.py for the figures. Titles weigh
# less than they did (0.40): they measure naming, not whether a person can make the move.
WEIGHTS = {
    "skills": 0.15,
    "work": 0.15,
    "language": 0.25,
    "titles": 0.30,
    "technologies": 0.05,
    "interests": 0.05,
    "job_zone": 0.05,
}
# What a move costs, subtracted from the similarity (each term 0..1 before its weight).
GAP_WEIGHT = 0.05  # share of what the target distinctively needs that the source lacks
ZONE_WEIGHT = 0.05  # job-zone step up, / 4
ROUTE_WEIGHT = 0.02  # months of school or training still ahead, saturating at 48
WAGE_WEIGHT = 0.04  # a 50% raise on an easy move adds 0.04: taste, not a redirect
DEMAND_WEIGHT = 0.02  # 10 points faster growth than average adds 0.02
WAGE_CLIP = 0.5
GROWTH_CLIP = 10.0
ROUTE_SATURATION = 48
GAP_CAP = 3.0  # level points, as relevance.element_relevance caps a gap
# Kinds of move.
KINDS = ("lateral", "step_up", "step_down", "long_term")
KIND_WORDS = {"lateral": "Lateral move", "step_up": "Step up", "step_down": "Pays less", "long_term": "Long-term"}
SHORT_KINDS = ("lateral", "step_up", "step_down")  # listed unless asked otherwise
LONG_TERM_MONTHS = 24  # two years or more of full-time school, training or required experience
LONG_TERM_DEGREE = DEGREE_RANK["associate"]  # a new degree to earn: associate's or higher
STEP_UP = 0.10  # pays at least 10% more (a step up) or less (pays less)
NEW_DEGREE = DEGREE_RANK["associate"]  # --no-degree: no associate's degree or higher to earn
HOURS_PER_WEEK = 10.0  # time to job-ready assumes the guide's default pace
DIFFICULTIES = ("Easy", "Moderate", "Challenging", "Hard")


# -- similarity matrices -------------------------------------------------------------------


def _cosine_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = np.divide(matrix, norms, out=np.zeros_like(matrix), where=norms > 0)
    return unit @ unit.T


def _tfidf(incidence: np.ndarray) -> np.ndarray:
    """Rare shared items say more than common ones ("Microsoft Excel" is everywhere)."""
    df = incidence.sum(axis=0)
    idf = np.log((1 + incidence.shape[0]) / (1 + df))
    return incidence * idf


def skills_similarity(p: Profiles) -> np.ndarray:
    """Cosine of importance × level over skills and knowledge, each column centred on its
    mean so that what every job needs (reading, speaking) does not make all jobs alike."""
    weighted = p.importance * p.level
    return np.clip(_cosine_rows(weighted - weighted.mean(axis=0)), 0.0, 1.0)


def work_incidence(kb: KnowledgeBase) -> tuple[np.ndarray, tuple[str, ...]]:
    """(n, DWAs) 1 where one of the occupation's tasks carries the DWA."""
    columns = tuple(sorted(kb.dwa_titles()))
    index = {d: j for j, d in enumerate(columns)}
    matrix = np.zeros((len(kb.codes), len(columns)), dtype=np.float32)
    for i, code in enumerate(kb.codes):
        for dwas in kb.task_dwas(code).values():
            matrix[i, [index[d] for d in dwas if d in index]] = 1.0
    return matrix, columns


def technology_incidence(kb: KnowledgeBase) -> tuple[np.ndarray, tuple[str, ...]]:
    """(n, products listed by ≥2 occupations): 2 for a hot technology, else 1. A product
    O*NET lists under several names ("IBM Notes", "IBM Lotus Notes") is one column."""
    products = product_names(kb)
    lists = [{products.get(t.name, t.name): t.hot for t in kb.technologies(code)} for code in kb.codes]
    counts: dict[str, int] = {}
    for techs in lists:
        for name in techs:
            counts[name] = counts.get(name, 0) + 1
    columns = tuple(sorted(n for n, c in counts.items() if c >= 2))  # a one-off cannot be shared
    index = {n: j for j, n in enumerate(columns)}
    matrix = np.zeros((len(kb.codes), len(columns)), dtype=np.float32)
    for i, techs in enumerate(lists):
        for name, hot in techs.items():
            if name in index:
                matrix[i, index[name]] = max(matrix[i, index[name]], 2.0 if hot else 1.0)
    return matrix, columns


_STOPWORDS = frozenset(
    "the a an and or of to in for with on by from as at be is are such other others using use including "
    "include may into their through which that this these those when where all any each more related duties "
    "not can also".split()
)


def language_matrix(kb: KnowledgeBase) -> np.ndarray:
    """(n, word stems): log term frequency over the description and task statements.

    What an occupation works on ("patients", "circuits", "ledgers") lives in its task
    wording more than in any rating; six-letter stems join "inspect", "inspects",
    "inspection". Titles are kept apart, in their own similarity.
    """
    rows = []
    for code in kb.codes:
        row: dict[str, int] = {}
        for stem in _stems(kb.occupation(code).description + " " + " ".join(t.text for t in kb.tasks(code))):
            row[stem] = row.get(stem, 0) + 1
        rows.append(row)
    return _log_counts(rows)


def _stems(text: str) -> list[str]:
    return [w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _STOPWORDS]


def _stem_counts(texts: Iterable[str]) -> dict[str, int]:
    """Per stem, how many of the texts use it."""
    row: dict[str, int] = {}
    for text in texts:
        for stem in set(_stems(text)):
            row[stem] = row.get(stem, 0) + 1
    return row


def _log_counts(rows: list[dict[str, int]]) -> np.ndarray:
    vocabulary: dict[str, int] = {}
    for row in rows:
        for stem in row:
            vocabulary.setdefault(stem, len(vocabulary))
    matrix = np.zeros((len(rows), len(vocabulary)), dtype=np.float32)
    for i, row in enumerate(rows):
        for stem, n in row.items():
            matrix[i, vocabulary[stem]] = 1.0 + math.log(n)
    return matrix


def normalise_title(title: str) -> str:
    """'Post-Anesthesia Care Nurse' and 'post anesthesia care  nurse' are one title."""
    return " ".join(title.lower().replace("-", " ").split())


def titles_by_row(kb: KnowledgeBase, keep: Callable[[str], bool] | None = None) -> list[dict[str, str]]:
    """Per occupation: normalised title -> title as written, over its O*NET title, short,
    alternate and reported titles (``keep(title)`` can hold some out, for evaluation)."""
    rows: list[dict[str, str]] = [{} for _ in kb.codes]
    for t in kb.titles():
        if keep is None or keep(t.title):
            rows[kb.index[t.code]].setdefault(normalise_title(t.title), t.title)
    return rows


def titles_similarity(titles: list[dict[str, str]]) -> np.ndarray:
    """Cosine of TF-IDF over the words of the titles people in each occupation hold.

    What a job is called is one of the three parts of O*NET's own relatedness composite
    (Dahlke et al. 2022: tasks and DWAs, knowledge, alternate titles): two occupations
    whose workers are both called "... Analyst" or "... Nurse" are close in a way no
    rating shows. Words count by how many of the occupation's titles use them, so a word
    in many of its titles ("nurse") outweighs a one-off.
    """
    return np.clip(_cosine_rows(_tfidf(_log_counts([_stem_counts(row) for row in titles]))), 0.0, 1.0)


def _borrow(matrix: np.ndarray, donor: tuple[int, ...]) -> np.ndarray:
    """Rows with nothing listed take their donor's row (the same donor as for ratings)."""
    empty = ~matrix.any(axis=1)
    out = matrix.copy()
    out[empty] = matrix[np.array(donor)[empty]]
    return out


@dataclass(frozen=True)
class Recommender:
    """Everything a recommendation needs, prepared once per knowledge base."""

    kb: KnowledgeBase
    routes: RouteCatalog  # the entry routes `feasibility` and the stepping stones come from
    p: Profiles
    similarities: dict[str, np.ndarray]  # name -> (n, n) in 0..1
    combined: np.ndarray  # (n, n) weighted similarity
    work: np.ndarray  # (n, DWAs) incidence
    work_columns: tuple[str, ...]
    technologies: np.ndarray
    technology_columns: tuple[str, ...]
    titles: list[dict[str, str]]  # per row: normalised title -> as written
    national_median: np.ndarray  # (n,) annual, NaN if unpublished
    growth: np.ndarray  # (n,) percent 2024-34, NaN if none
    openings: np.ndarray  # (n,) annual openings, NaN if none
    average_growth: float
    job_zone: np.ndarray  # (n,) NaN if none
    education_years: np.ndarray  # (n,) years of study the typical entry needs
    feasibility: Feasibility  # route months, study hours and degree per pair
    distinctive: np.ndarray  # (n, m) weight of each element in what a target stands out on
    zones_filled: np.ndarray  # (n,) job zone, the median where O*NET has none
    _wages_by_area: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def n(self) -> int:
        return len(self.kb.codes)

    def medians(self, area: str = NATIONAL) -> np.ndarray:
        if area == NATIONAL:
            return self.national_median
        if area not in self._wages_by_area:
            values = np.full(self.n, np.nan)
            for i, code in enumerate(self.kb.codes):
                wage = self.kb.wages(code, area)
                if wage is not None and wage.annual_median is not None:
                    values[i] = wage.annual_median
            self._wages_by_area[area] = values
        return self._wages_by_area[area]


@lru_cache(maxsize=4)
def recommender_for(inputs: Inputs) -> Recommender:
    kb, routes = inputs.kb, inputs.routes
    p = profiles_for(kb)
    work, work_columns = work_incidence(kb)
    techs, tech_columns = technology_incidence(kb)
    donor = p.donor
    titles = titles_by_row(kb)
    sims = {
        "skills": skills_similarity(p),
        "work": np.clip(_cosine_rows(_tfidf(_borrow(work, donor))), 0.0, 1.0),
        "language": np.clip(_cosine_rows(_tfidf(_borrow(language_matrix(kb), donor))), 0.0, 1.0),
        "titles": titles_similarity(titles),
        "technologies": np.clip(_cosine_rows(_tfidf(_borrow(techs, donor))), 0.0, 1.0),
        "interests": np.clip(_cosine_rows(p.interests - np.nanmean(p.interests, axis=0)), 0.0, 1.0)
        if not np.isnan(p.interests).any()
        else _interest_similarity(p.interests),
    }
    zones = np.array([kb.occupation(c).job_zone or np.nan for c in kb.codes], dtype=np.float64)
    filled = np.where(np.isnan(zones), np.nanmedian(zones), zones)
    sims["job_zone"] = 1.0 - np.abs(filled[:, None] - filled[None, :]) / 4.0
    combined = sum(WEIGHTS[k] * sims[k] for k in WEIGHTS)
    np.fill_diagonal(combined, -np.inf)  # never recommend the occupation itself

    median = np.full(len(kb.codes), np.nan)
    growth = np.full(len(kb.codes), np.nan)
    openings = np.full(len(kb.codes), np.nan)
    education = np.zeros(len(kb.codes))
    for i, code in enumerate(kb.codes):
        wage = kb.wages(code)
        if wage is not None and wage.annual_median is not None:
            median[i] = wage.annual_median
        outlook = kb.outlook(code)
        if outlook is not None:
            if outlook.change_percent is not None:
                growth[i] = outlook.change_percent
            if outlook.annual_openings is not None:
                openings[i] = outlook.annual_openings
            education[i] = effort.EDUCATION_YEARS.get(outlook.education or "", 0)
    total = kb.projection("00-0000")
    average = total.change_percent if total and total.change_percent is not None else float(np.nanmean(growth))
    for array in [*sims.values(), combined]:
        array.setflags(write=False)
    z = distinctiveness_for(kb).z
    distinctive = np.where((z >= DISTINCTIVE_Z) & (p.importance >= MIN_IMPORTANCE), z, 0.0)
    distinctive.setflags(write=False)
    return Recommender(
        kb=kb,
        routes=routes,
        p=p,
        similarities=sims,
        combined=combined,
        work=work,
        work_columns=work_columns,
        technologies=techs,
        technology_columns=tech_columns,
        titles=titles,
        national_median=median,
        growth=growth,
        openings=openings,
        average_growth=average,
        job_zone=zones,
        education_years=education,
        feasibility=feasibility_for(kb, routes),
        distinctive=distinctive,
        zones_filled=filled,
    )


def _interest_similarity(interests: np.ndarray) -> np.ndarray:
    filled = np.where(np.isnan(interests), np.nanmean(interests, axis=0), interests)
    return np.clip(_cosine_rows(filled - filled.mean(axis=0)), 0.0, 1.0)


# -- what a move costs, from one source to every target -------------------------------------


def gap_share(r: Recommender, s: int) -> np.ndarray:
    """For every target: the share of what it distinctively stands out on (relevance.py's
    z-scores, elements it relies on) that the source lacks, each gap capped at GAP_CAP level
    points. 0 when the source meets all of it, 1 when it has none of it. Asymmetric."""
    p = r.p
    shortfall = np.minimum(GAP_CAP, np.maximum(0.0, p.level - p.level[s]))
    total = r.distinctive.sum(axis=1) * GAP_CAP
    share = np.divide((r.distinctive * shortfall).sum(axis=1), total, out=np.zeros(r.n), where=total > 0)
    return np.minimum(share, 1.0)


def core_hours(r: Recommender, s: int) -> np.ndarray:
    """Study hours of the distinctive gaps (what the guide's core plan is built from)."""
    p = r.p
    gap = p.level - p.level[s]
    planned = (r.distinctive > 0) & (gap > effort.LEVEL_TOLERANCE)
    return np.where(planned, np.ceil(_hours_per_level(p) * np.maximum(gap, 0)), 0).sum(axis=1)


def _hours_per_level(p: Profiles) -> np.ndarray:
    return np.array([effort.HOURS_PER_LEVEL[k] for k in p.kinds])


def zone_steps(r: Recommender, s: int) -> np.ndarray:
    """Job-zone step up to every target; 0 where O*NET gives either occupation no zone (as the guide)."""
    return np.nan_to_num(np.maximum(0, r.job_zone - r.job_zone[s]), nan=0.0)


def difficulty_scores(r: Recommender, source_row: int, hours: np.ndarray | None = None) -> np.ndarray:
    """The guide's difficulty score (0-100) for moving from the source to every occupation.

    Same drivers and weights as engine.guide: the entry route's full-time months still ahead
    (engine/feasibility.py, equal to apply_route's), unmet profile share, job-zone step and
    study hours. Study hours count the distinctive skill and knowledge gaps; the route's
    "hired for" items and technologies are left out, so this can read a few points lower
    than the guide's own figure.
    """
    from .guide import DIFFICULTY_WEIGHTS, LEARNING_HOURS_SATURATION, PROFILE_GAP_SATURATION, ROUTE_MONTHS_SATURATION

    p = r.p
    unmet = p.unmet_share_from(source_row)
    zone_step = zone_steps(r, source_row)
    months = r.feasibility.months[source_row]
    score = 100 * (
        DIFFICULTY_WEIGHTS["profile"] * np.minimum(1, unmet / PROFILE_GAP_SATURATION)
        + DIFFICULTY_WEIGHTS["job_zone"] * zone_step / 4
        + DIFFICULTY_WEIGHTS["route"] * np.minimum(1, months / ROUTE_MONTHS_SATURATION)
        + DIFFICULTY_WEIGHTS["learning"]
        * np.minimum(1, (core_hours(r, source_row) if hours is None else hours) / LEARNING_HOURS_SATURATION)
    )
    return np.round(score)


def difficulty_band(score: float) -> str:
    from .guide import DIFFICULTY_BANDS

    return next(name for bound, name in DIFFICULTY_BANDS if score < bound)


# -- recommendations -----------------------------------------------------------------------


@dataclass(frozen=True)
class Stone:
    """A job people really hold on the way to the target (its route's bridge jobs), reachable
    from the source by a move that is itself not long-term."""

    code: str
    title: str
    difficulty: str  # of the first leg, source -> stone
    months: float  # full-time months of the first leg's route
    then_months: float  # full-time months still ahead from the stone to the target


@dataclass(frozen=True)
class Recommendation:
    code: str
    title: str
    score: float
    kind: str  # lateral | step_up | long_term
    similarity: dict[str, float]  # each similarity 0..1
    median_wage: int | None  # annual, in the area used
    wage_change_pct: int | None  # vs the source's median in the same area
    growth_pct: float | None  # BLS 2024-34
    annual_openings: int | None
    job_zone: int | None
    difficulty: str
    difficulty_score: int
    route_months: float  # full-time school, training, experience still ahead
    months_to_ready: int  # route months + study at 10 h a week, rounded up
    new_degree: str | None  # the degree still to earn, in words
    credentials: list[str]  # exams, licences, certifications the route requires
    strengths: list[str]  # what carries over (the target relies on it, the source has it)
    gaps: list[str]  # the biggest distinctive gaps
    explanation: str  # one or two plain sentences
    stepping_stones: list[Stone]
    reasons: list[str]

    def to_json_dict(self) -> dict[str, Any]:
        out = {k: getattr(self, k) for k in self.__dataclass_fields__}
        out["stepping_stones"] = [vars(stone) for stone in self.stepping_stones]
        return out


@dataclass(frozen=True)
class Row:
    """Everything ranked for one source, every target at once."""

    score: np.ndarray
    change: np.ndarray  # wage change, fraction
    difficulty: np.ndarray  # 0..100
    kind: np.ndarray  # index into KINDS
    ready: np.ndarray  # months to job-ready


def score_row(r: Recommender, source_row: int, area: str = NATIONAL) -> Row:
    s = source_row
    wages = r.medians(area)
    change = (wages - wages[s]) / wages[s]
    hours = core_hours(r, s)
    difficulty = difficulty_scores(r, s, hours)
    ease = np.clip(1 - difficulty / 100, 0, 1)
    wage_term = np.nan_to_num(np.clip(change, -WAGE_CLIP, WAGE_CLIP) / WAGE_CLIP)
    demand_term = np.nan_to_num(np.clip(r.growth - r.average_growth, -GROWTH_CLIP, GROWTH_CLIP) / GROWTH_CLIP)
    months = r.feasibility.months[s]
    cost = (
        GAP_WEIGHT * gap_share(r, s)
        + ZONE_WEIGHT * zone_steps(r, s) / 4
        + ROUTE_WEIGHT * np.minimum(1, months / ROUTE_SATURATION)
    )
    score = r.combined[s] - cost + ease * (WAGE_WEIGHT * wage_term + DEMAND_WEIGHT * demand_term)
    long_term = (months >= LONG_TERM_MONTHS) | (r.feasibility.degree[s] >= LONG_TERM_DEGREE)
    pay = np.nan_to_num(change)
    kind = np.where(long_term, 3, np.where(pay >= STEP_UP, 1, np.where(pay <= -STEP_UP, 2, 0)))
    return Row(score=score, change=change, difficulty=difficulty, kind=kind, ready=months_to_ready(r, s, hours))


def scores(r: Recommender, source_row: int, area: str = NATIONAL) -> tuple[np.ndarray, np.ndarray]:
    """(transition score, wage change) for every occupation from one source row."""
    row = score_row(r, source_row, area)
    return row.score, row.change


# -- explanations ---------------------------------------------------------------------------


def strengths_and_gaps(r: Recommender, s: int, t: int, limit: int = 3) -> tuple[list[str], list[str]]:
    """What carries over (elements the target relies on, the source already at its level),
    most relied on first; and the biggest gaps in what the target distinctively needs."""
    p = r.p
    relies = (p.importance[t] >= effort.IMPORTANT_IMPORTANCE) & (p.level[s] >= p.level[t] - effort.LEVEL_TOLERANCE)
    weight = (r.distinctive[t] + 0.5) * p.importance[t] * p.level[t] * relies
    strengths = [display_name(p, p.element_ids[j]) for j in np.argsort(-weight, kind="stable")[:limit] if weight[j] > 0]
    gap = np.minimum(GAP_CAP, p.level[t] - p.level[s])
    relevance = np.where(gap > effort.LEVEL_TOLERANCE, r.distinctive[t] * gap, 0.0)
    gaps = [
        display_name(p, p.element_ids[j]) for j in np.argsort(-relevance, kind="stable")[:limit] if relevance[j] > 0
    ]
    return strengths, gaps


def _short(name: str) -> str:
    """ "NCLEX-PN (National Council Licensure Examination for Practical Nurses)" -> "NCLEX-PN"."""
    head, sep, tail = name.partition(" (")
    return head if sep and tail.endswith(")") and ")" not in tail[:-1] else name


def _duration(months: float) -> str:
    if months < 1:
        return "under a month"
    if months < 18:
        return f"about {round(months)} month{'s' if round(months) != 1 else ''}"
    return f"about {round(months / 12 * 2) / 2:g} years"


def explain(
    strengths: list[str],
    gaps: list[str],
    route_months: float,
    months_to_ready: int,
    new_degree: str | None,
    credentials: list[str],
    change_pct: int | None,
    median: int | None,
) -> str:
    """One or two plain sentences: what carries over, the biggest gaps, the credential step,
    time to job-ready and the pay change."""
    first = []
    if strengths:
        first.append(f"Your {listed(strengths, len(strengths))} carry over")
    if gaps:
        first.append(
            f"the biggest gaps are {listed(gaps, len(gaps))}"
            if len(gaps) > 1
            else f"the biggest gap is {listed(gaps, len(gaps))}"
        )
    else:
        first.append("no distinctive skill or knowledge gap stands out")
    sentence = "; ".join(first)
    sentence = sentence[0].upper() + sentence[1:] + "."
    if new_degree or credentials:
        degree = None
        if new_degree:
            degree = ("an " if new_degree[0] in "AEIOU" else "a ") + new_degree[0].lower() + new_degree[1:]
        needs = " and ".join(x for x in [degree, ", ".join(credentials[:2]) if credentials else None] if x)
        step = (
            f"It needs {needs} ({_duration(route_months)} of school, training or required experience)"
            if route_months >= 1
            else f"It needs {needs}"
        )
    elif route_months >= 1:
        step = f"The way in asks for {_duration(route_months)} of related experience or training first"
    else:
        step = "No degree or licence step stands in the way"
    pay = ""
    if change_pct is not None and median is not None:
        pay = f", at {change_pct:+d}% pay (median {money(median)})"
    return f"{sentence} {step}; job-ready in {_duration(months_to_ready)} at 10 hours a week{pay}."


def _reasons(r: Recommender, s: int, t: int) -> list[str]:
    kb, p = r.kb, r.p
    reasons = []
    # Skills and knowledge the target relies on that the source already has at its level.
    important = (p.importance[t] >= effort.RELEVANT_IMPORTANCE) & (p.level[s] >= p.level[t] - effort.LEVEL_TOLERANCE)
    order = np.argsort(-(p.importance[t] * p.level[t] * important))[:3]
    shared = [kb.element(p.element_ids[j]).name for j in order if important[j]]
    if shared:
        reasons.append(f"Already at the level needed in {', '.join(shared)} (O*NET skill/knowledge levels).")
    # The titles most like both occupations' own names say the most ("Charge Nurse" for two
    # kinds of nurse); a title spelt out in brackets repeats a shorter one.
    stems = _title_stems
    own = stems(f"{kb.occupation(kb.codes[s]).title} {kb.occupation(kb.codes[t]).title}")
    common = sorted(r.titles[s].keys() & r.titles[t].keys(), key=lambda c: ("(" in c, -len(stems(c) & own), len(c), c))
    if common:
        reasons.append(
            f"People in both are called {_quoted_list([r.titles[t][c] for c in common[:2]])} "
            "(O*NET alternate and reported titles)."
        )
    both = np.flatnonzero((r.work[s] > 0) & (r.work[t] > 0))
    if both.size:
        titles = kb.dwa_titles()
        rarity = _column_counts(r.work)[both]  # rarest shared activities say the most
        example = titles[r.work_columns[both[np.argmin(rarity)]]].rstrip(".")
        reasons.append(f"{both.size} work activities in common (O*NET tasks → DWAs), e.g. “{example}”.")
    techs = np.flatnonzero((r.technologies[s] > 0) & (r.technologies[t] > 0))
    if techs.size:
        rarity = _column_counts(r.technologies)[techs]
        names = [r.technology_columns[j] for j in techs[np.argsort(rarity, kind="stable")][:3]]
        reasons.append(f"{techs.size} technologies in common, e.g. {', '.join(names)}.")
    return reasons


_WORDS = re.compile(r"[a-z]+")


@lru_cache(maxsize=65536)
def _title_stems(text: str) -> frozenset[str]:
    return frozenset(w.rstrip("s")[:6] for w in _WORDS.findall(text.lower()))


_COUNTS: dict[int, np.ndarray] = {}


def _column_counts(matrix: np.ndarray) -> np.ndarray:
    """How many occupations list each column (kept per read-only matrix)."""
    key = id(matrix)
    if key not in _COUNTS:
        _COUNTS[key] = (matrix > 0).sum(axis=0)
    return _COUNTS[key]


def _quoted_list(items: list[str]) -> str:
    return " or ".join(f"“{item}”" for item in items)


def recommend(
    inputs: Inputs,
    source: str,
    top: int = 10,
    min_wage: float | None = None,
    max_difficulty: str | None = None,
    area: str = NATIONAL,
    with_reasons: bool = True,
    kinds: tuple[str, ...] = SHORT_KINDS,
    max_months: float | None = None,
    no_degree: bool = False,
) -> list[Recommendation]:
    """The `top` target occupations with the best transition score from `source`, of the
    given kinds (long-term moves only when asked for), within the filters: median wage in the
    area, difficulty band, months to job-ready, no new degree (associate's or higher)."""
    if max_difficulty is not None and max_difficulty not in DIFFICULTIES:
        raise ValueError(f"max difficulty is one of {', '.join(DIFFICULTIES)}")
    unknown = set(kinds) - set(KINDS)
    if unknown or not kinds:
        raise ValueError(f"kinds are {', '.join(KINDS)}")
    r = recommender_for(inputs)
    kb = r.kb
    s = kb.index[kb.occupation(source).code]
    row = score_row(r, s, area)
    score, difficulty = row.score, row.difficulty
    allowed = np.isfinite(score) & np.isin(row.kind, [KINDS.index(k) for k in kinds])
    wages = r.medians(area)
    f = r.feasibility
    if min_wage is not None:
        allowed &= np.nan_to_num(wages, nan=-1.0) >= min_wage
    if max_difficulty is not None:
        from .guide import DIFFICULTY_BANDS

        bound = {str(name): upper for upper, name in DIFFICULTY_BANDS}[max_difficulty]
        allowed &= difficulty < bound
    ready = row.ready
    if max_months is not None:
        allowed &= ready <= max_months
    if no_degree:
        allowed &= f.degree[s] < NEW_DEGREE
    candidates = np.flatnonzero(allowed)
    if candidates.size == 0:
        return []
    k = min(top, candidates.size)
    best = candidates[np.argpartition(-score[candidates], k - 1)[:k]]
    best = best[np.lexsort((best, -score[best]))]  # by score, ties by code order
    return [_recommendation(r, s, int(t), row, wages, ready, with_reasons) for t in best]


def months_to_ready(r: Recommender, s: int, hours: np.ndarray | None = None) -> np.ndarray:
    """Full-time route months plus study (the route's part-time steps and the distinctive
    gaps) at HOURS_PER_WEEK, rounded up to whole months."""
    f = r.feasibility
    study = (f.hours[s] + (core_hours(r, s) if hours is None else hours)) / HOURS_PER_WEEK / (52 / 12)
    return np.ceil(f.months[s] + study)


def _recommendation(
    r: Recommender, s: int, t: int, row: Row, wages: np.ndarray, ready: np.ndarray, with_reasons: bool
) -> Recommendation:
    kb, f = r.kb, r.feasibility
    code = kb.codes[t]
    median = None if math.isnan(wages[t]) else int(wages[t])
    change_pct = None if math.isnan(row.change[t]) else round(100 * float(row.change[t]))
    degree = int(f.degree[s, t])
    new_degree = DEGREE_WORDS[next(k for k, v in DEGREE_RANK.items() if v == degree)] if degree >= NEW_DEGREE else None
    credentials = list(dict.fromkeys(_short(c) for c in f.credentials_todo(s, t)))
    strengths, gaps = strengths_and_gaps(r, s, t) if with_reasons else ([], [])
    kind = KINDS[int(row.kind[t])]
    from .paths import stepping_stones

    return Recommendation(
        code=code,
        title=kb.occupation(code).title,
        score=round(float(row.score[t]), 4),
        kind=kind,
        similarity={name: round(float(m[s, t]), 3) for name, m in r.similarities.items()},
        median_wage=median,
        wage_change_pct=change_pct,
        growth_pct=None if math.isnan(r.growth[t]) else float(r.growth[t]),
        annual_openings=None if math.isnan(r.openings[t]) else int(r.openings[t]),
        job_zone=None if math.isnan(r.job_zone[t]) else int(r.job_zone[t]),
        difficulty=difficulty_band(row.difficulty[t]),
        difficulty_score=int(row.difficulty[t]),
        route_months=float(f.months[s, t]),
        months_to_ready=int(ready[t]),
        new_degree=new_degree,
        credentials=credentials,
        strengths=strengths,
        gaps=gaps,
        explanation=explain(
            strengths, gaps, float(f.months[s, t]), int(ready[t]), new_degree, credentials, change_pct, median
        )
        if with_reasons
        else "",
        stepping_stones=stepping_stones(r, s, t) if with_reasons and kind == "long_term" else [],
        reasons=_reasons(r, s, t) if with_reasons else [],
    )
