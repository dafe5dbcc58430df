"""Where could an X go next? Target occupations ranked by a documented transition score.

The score (docs/recommend.md) is a weighted sum of seven similarities between the source
and every other occupation, each in 0..1, plus small terms for pay and demand:

  similarity = Σ weight_f × sim_f      f in skills+knowledge, work (tasks → DWAs),
                                          language of tasks and description, job titles,
                                          technologies, interests, job zone
  score      = similarity + WAGE_WEIGHT × clip(wage change, ±50%) / 50%
                          + DEMAND_WEIGHT × clip(growth − average growth, ±10 pts) / 10

All pairwise similarities are computed once per knowledge base as (n, n) matrices by a
few matrix products (about a second), so a recommendation is one row, a handful of
vector operations and a partial sort: well under a millisecond before the per-result
reasons are written.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from careerpath.kb import KnowledgeBase
from careerpath.kb.api import NATIONAL
from careerpath.kb.products import product_names

from . import effort
from .profiles import Profiles, profiles_for

# Weights of the similarities (sum to 1). Chosen on the proxy evaluations described in
# docs/recommend.md (shared job titles, held out from the titles similarity, and SOC groups);
# see bench/eval_recommend.py for the figures.
WEIGHTS = {"skills": 0.10, "work": 0.15, "language": 0.20, "titles": 0.40, "technologies": 0.05,
           "interests": 0.05, "job_zone": 0.05}
WAGE_WEIGHT = 0.03          # a 50% raise moves a target by 0.03: taste, not a redirect
DEMAND_WEIGHT = 0.02        # 10 points faster growth than average moves it by 0.02
WAGE_CLIP = 0.5
GROWTH_CLIP = 10.0
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
    columns = tuple(sorted(n for n, c in counts.items() if c >= 2))   # a one-off cannot be shared
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
    "not can also".split())


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


def _stem_counts(texts) -> dict[str, int]:
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


def titles_by_row(kb: KnowledgeBase, keep=None) -> list[dict[str, str]]:
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
    p: Profiles
    similarities: dict[str, np.ndarray]        # name -> (n, n) in 0..1
    combined: np.ndarray                       # (n, n) weighted similarity
    work: np.ndarray                           # (n, DWAs) incidence
    work_columns: tuple[str, ...]
    technologies: np.ndarray
    technology_columns: tuple[str, ...]
    titles: list[dict[str, str]]               # per row: normalised title -> as written
    national_median: np.ndarray                # (n,) annual, NaN if unpublished
    growth: np.ndarray                         # (n,) percent 2024-34, NaN if none
    openings: np.ndarray                       # (n,) annual openings, NaN if none
    average_growth: float
    job_zone: np.ndarray                       # (n,) NaN if none
    education_years: np.ndarray                # (n,) years of study the typical entry needs
    _wages_by_area: dict = field(default_factory=dict, compare=False)

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
def recommender_for(kb: KnowledgeBase) -> Recommender:
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
        if not np.isnan(p.interests).any() else _interest_similarity(p.interests),
    }
    zones = np.array([kb.occupation(c).job_zone or np.nan for c in kb.codes], dtype=np.float64)
    filled = np.where(np.isnan(zones), np.nanmedian(zones), zones)
    sims["job_zone"] = 1.0 - np.abs(filled[:, None] - filled[None, :]) / 4.0
    combined = sum(WEIGHTS[k] * sims[k] for k in WEIGHTS)
    np.fill_diagonal(combined, -np.inf)        # never recommend the occupation itself

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
    return Recommender(kb=kb, p=p, similarities=sims, combined=combined, work=work, work_columns=work_columns,
                       technologies=techs, technology_columns=tech_columns, titles=titles, national_median=median,
                       growth=growth, openings=openings, average_growth=average, job_zone=zones,
                       education_years=education)


def _interest_similarity(interests: np.ndarray) -> np.ndarray:
    filled = np.where(np.isnan(interests), np.nanmean(interests, axis=0), interests)
    return np.clip(_cosine_rows(filled - filled.mean(axis=0)), 0.0, 1.0)


# -- difficulty, as the guide computes it --------------------------------------------------

def difficulty_scores(r: Recommender, source_row: int) -> np.ndarray:
    """The guide's difficulty score (0-100) for moving from the source to every occupation.

    Same drivers and weights as engine.guide, with BLS's extra years of typical entry education
    standing in for the route's full-time months: unmet profile share, job-zone step, and study hours. Study hours count the skill and knowledge gaps the
    guide would plan; technology hours are left out (they depend on named tools), so this
    can read a few points lower than the guide's own figure.
    """
    from .guide import DIFFICULTY_WEIGHTS, LEARNING_HOURS_SATURATION, PROFILE_GAP_SATURATION, ROUTE_MONTHS_SATURATION

    p = r.p
    unmet = p.unmet_share_from(source_row)
    gap = p.level - p.level[source_row]
    hours_per_level = np.array([effort.HOURS_PER_LEVEL[k] for k in p.kinds])
    planned = (p.importance >= effort.RELEVANT_IMPORTANCE) & (gap > effort.LEVEL_TOLERANCE)
    hours = np.where(planned, np.ceil(hours_per_level * np.maximum(gap, 0)), 0).sum(axis=1)
    zone_step = np.nan_to_num(np.maximum(0, r.job_zone - r.job_zone[source_row]), nan=0.0)
    education = np.maximum(0, r.education_years - r.education_years[source_row])
    score = 100 * (DIFFICULTY_WEIGHTS["profile"] * np.minimum(1, unmet / PROFILE_GAP_SATURATION)
                   + DIFFICULTY_WEIGHTS["job_zone"] * zone_step / 4
                   + DIFFICULTY_WEIGHTS["route"] * np.minimum(1, education * 12 / ROUTE_MONTHS_SATURATION)
                   + DIFFICULTY_WEIGHTS["learning"] * np.minimum(1, hours / LEARNING_HOURS_SATURATION))
    return np.round(score)


def difficulty_band(score: float) -> str:
    from .guide import DIFFICULTY_BANDS

    return next(name for bound, name in DIFFICULTY_BANDS if score < bound)


# -- recommendations -----------------------------------------------------------------------

@dataclass(frozen=True)
class Recommendation:
    code: str
    title: str
    score: float
    similarity: dict[str, float]               # each similarity 0..1
    median_wage: int | None                    # annual, in the area used
    wage_change_pct: int | None                # vs the source's median in the same area
    growth_pct: float | None                   # BLS 2024-34
    annual_openings: int | None
    job_zone: int | None
    difficulty: str
    difficulty_score: int
    reasons: list[str]

    def to_json_dict(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


def scores(r: Recommender, source_row: int, area: str = NATIONAL) -> tuple[np.ndarray, np.ndarray]:
    """(transition score, wage change) for every occupation from one source row."""
    wages = r.medians(area)
    change = (wages - wages[source_row]) / wages[source_row]
    wage_term = np.nan_to_num(np.clip(change, -WAGE_CLIP, WAGE_CLIP) / WAGE_CLIP)
    demand_term = np.nan_to_num(np.clip(r.growth - r.average_growth, -GROWTH_CLIP, GROWTH_CLIP) / GROWTH_CLIP)
    return r.combined[source_row] + WAGE_WEIGHT * wage_term + DEMAND_WEIGHT * demand_term, change


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
    def stems(text: str) -> set[str]:
        return {w.rstrip("s")[:6] for w in re.findall(r"[a-z]+", text.lower())}
    own = stems(f"{kb.occupation(kb.codes[s]).title} {kb.occupation(kb.codes[t]).title}")
    common = sorted(r.titles[s].keys() & r.titles[t].keys(),
                    key=lambda c: ("(" in c, -len(stems(c) & own), len(c), c))
    if common:
        reasons.append(f"People in both are called {_quoted_list([r.titles[t][c] for c in common[:2]])} "
                       "(O*NET alternate and reported titles).")
    both = np.flatnonzero((r.work[s] > 0) & (r.work[t] > 0))
    if both.size:
        titles = kb.dwa_titles()
        rarity = r.work[:, both].sum(axis=0)           # rarest shared activities say the most
        example = titles[r.work_columns[both[np.argmin(rarity)]]].rstrip(".")
        reasons.append(f"{both.size} work activities in common (O*NET tasks → DWAs), e.g. “{example}”.")
    techs = np.flatnonzero((r.technologies[s] > 0) & (r.technologies[t] > 0))
    if techs.size:
        rarity = (r.technologies[:, techs] > 0).sum(axis=0)
        names = [r.technology_columns[j] for j in techs[np.argsort(rarity, kind="stable")][:3]]
        reasons.append(f"{techs.size} technologies in common, e.g. {', '.join(names)}.")
    return reasons


def _quoted_list(items: list[str]) -> str:
    return " or ".join(f"“{item}”" for item in items)


def recommend(
    kb: KnowledgeBase,
    source: str,
    top: int = 10,
    min_wage: float | None = None,
    max_difficulty: str | None = None,
    area: str = NATIONAL,
    with_reasons: bool = True,
) -> list[Recommendation]:
    """The `top` target occupations with the best transition score from `source`."""
    if max_difficulty is not None and max_difficulty not in DIFFICULTIES:
        raise ValueError(f"max difficulty is one of {', '.join(DIFFICULTIES)}")
    r = recommender_for(kb)
    s = kb.index[kb.occupation(source).code]
    score, change = scores(r, s, area)
    allowed = np.isfinite(score)
    wages = r.medians(area)
    if min_wage is not None:
        allowed &= np.nan_to_num(wages, nan=-1.0) >= min_wage
    difficulty = None
    if max_difficulty is not None:
        difficulty = difficulty_scores(r, s)
        from .guide import DIFFICULTY_BANDS

        bound = dict((name, upper) for upper, name in DIFFICULTY_BANDS)[max_difficulty]
        allowed &= difficulty < bound
    candidates = np.flatnonzero(allowed)
    if candidates.size == 0:
        return []
    k = min(top, candidates.size)
    best = candidates[np.argpartition(-score[candidates], k - 1)[:k]]
    best = best[np.lexsort((best, -score[best]))]      # by score, ties by code order
    if difficulty is None:
        difficulty = difficulty_scores(r, s)
    results = []
    for t in best:
        code = kb.codes[t]
        results.append(Recommendation(
            code=code, title=kb.occupation(code).title, score=round(float(score[t]), 4),
            similarity={name: round(float(m[s, t]), 3) for name, m in r.similarities.items()},
            median_wage=None if math.isnan(wages[t]) else int(wages[t]),
            wage_change_pct=None if math.isnan(change[t]) else round(100 * float(change[t])),
            growth_pct=None if math.isnan(r.growth[t]) else float(r.growth[t]),
            annual_openings=None if math.isnan(r.openings[t]) else int(r.openings[t]),
            job_zone=None if math.isnan(r.job_zone[t]) else int(r.job_zone[t]),
            difficulty=difficulty_band(difficulty[t]), difficulty_score=int(difficulty[t]),
            reasons=_reasons(r, s, t) if with_reasons else [],
        ))
    return results
