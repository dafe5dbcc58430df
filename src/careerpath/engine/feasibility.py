"""What the way in still asks of every source for every target, for all pairs at once.

engine/route.py applies one entry route to one (source, target) pair; a recommendation
needs it for one source and all 1,016 targets, and an evaluation for every pair. This module
computes the same figures as ``apply_route`` for every pair in a few vector operations per
route step, once per knowledge base and route catalog:

- ``months[s, t]``: full-time months of school, training and required experience still ahead
  (``AppliedRoute.full_time_months``);
- ``hours[s, t]``: study hours of the part-time steps still to do (exam preparation, courses);
- ``degree[s, t]``: the highest degree level (catalog.routes.DEGREE_RANK) a step still to do
  awards, 0 when none;
- ``credentials``: per target, the exams, licences and certifications its route requires,
  each with the sources for whom that step is already done (``credentials_todo``).

A step is done for a source when route.py says so: ``satisfied_by`` codes, the same
credential in the source's own route, a degree the source's typical education already
meets, or the source's own occupation having the same curated route (a registered nurse has
already walked the way into critical care nursing: 29-1141.03 shares 29-1141's route).
tests/engine/test_feasibility.py checks the matrices against ``apply_route`` pair by pair.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from careerpath.catalog.routes import DEGREE_RANK, RouteCatalog, Step, midpoint
from careerpath.kb import KnowledgeBase

from . import effort
from .route import BLS_DEGREE, builds_skills, graduate_alternative


@dataclass(frozen=True)
class Feasibility:
    months: np.ndarray  # (n, n) float32, source row x target column
    hours: np.ndarray  # (n, n) float32
    degree: np.ndarray  # (n, n) int8, DEGREE_RANK of the highest degree still to earn
    curated: np.ndarray  # (n,) bool: the target has a curated route
    licensed: np.ndarray  # (n,) bool: the curated route says most states license it
    credentials: tuple[tuple[tuple[str, np.ndarray], ...], ...]  # per target: (name, done for source?)
    typical_degree: np.ndarray  # (n,) DEGREE_RANK people in each occupation typically hold

    def credentials_todo(self, s: int, t: int) -> list[str]:
        """The credentials the target's route requires that the source still has to earn."""
        return [name for name, done in self.credentials[t] if not done[s]]


def _bls_rank(kb: KnowledgeBase, code: str) -> int:
    outlook = kb.outlook(code)
    return DEGREE_RANK[BLS_DEGREE.get(outlook.education or "", "none")] if outlook else 0


@lru_cache(maxsize=4)
def _holding(routes: RouteCatalog, step: Step) -> tuple[str, str | None]:
    """What holding a step's credential means (route.py's _same_credential): the credential,
    or for an exam battery (Praxis, NIC) the credential and the step that names the test."""
    assert step.credential is not None
    exam = routes.credential(step.credential).kind == "exam"
    return step.credential, step.name.casefold() if exam else None


def feasibility_for(kb: KnowledgeBase, routes: RouteCatalog) -> Feasibility:
    codes = np.array(kb.codes)
    n = len(codes)
    months = np.zeros((n, n), dtype=np.float32)
    hours = np.zeros((n, n), dtype=np.float32)
    degree = np.zeros((n, n), dtype=np.int8)
    curated = np.zeros(n, dtype=bool)
    licensed = np.zeros(n, dtype=bool)
    credentials: list[tuple[tuple[str, np.ndarray], ...]] = []

    # What each source brings: its typical degree level (route.py's _source_level) and the
    # credentials its own route requires.
    bls_rank = np.array([_bls_rank(kb, c) for c in kb.codes], dtype=np.int8)
    level = bls_rank.copy()
    holds: dict[tuple[str, str | None], np.ndarray] = {}
    for i, code in enumerate(kb.codes):
        own = routes.route_for(code)
        if own is None:
            continue
        if own.degree_required:
            level[i] = max(level[i], DEGREE_RANK[own.degree])
        for step in own.steps:
            if step.credential and not step.optional:
                holds.setdefault(_holding(routes, step), np.zeros(n, dtype=bool))[i] = True

    # People whose own occupation has the same curated route (critical care nurses and
    # registered nurses share 29-1141's) have already walked it.
    own_routes = [routes.route_for(c) for c in kb.codes]
    own_route = np.array([r.soc if r is not None else "" for r in own_routes])
    prefix_cache: dict[str, np.ndarray] = {}

    def matching(prefixes: tuple[str, ...]) -> np.ndarray:
        out = np.zeros(n, dtype=bool)
        for prefix in prefixes:
            if prefix not in prefix_cache:
                prefix_cache[prefix] = np.char.startswith(codes, prefix)
            out |= prefix_cache[prefix]
        return out

    outlooks = [kb.outlook(c) for c in kb.codes]
    education_years = np.array(
        [effort.EDUCATION_YEARS.get((o.education or "") if o is not None else "", 0) for o in outlooks],
        dtype=np.float32,
    )
    for t, code in enumerate(kb.codes):
        route = routes.route_for(code)
        if route is None:
            credentials.append(())
            outlook = kb.outlook(code)
            if outlook is None or not outlook.education:
                continue
            rank = DEGREE_RANK[BLS_DEGREE.get(outlook.education, "none")]
            years = education_years[t] - education_years
            todo = (rank > bls_rank) & (years > 0)
            months[:, t] = np.where(todo, years * 12, 0)
            degree[:, t] = np.where(todo, rank, 0)
            continue
        curated[t] = True
        licensed[t] = route.licensed
        names = []
        walked = own_route == route.soc
        # As route.py: a job filed under the route's SOC code but not its own shares the formal
        # steps, not the skill-building ones.
        own_exact = (codes == route.soc) | (np.char.startswith(codes, route.soc) & np.char.endswith(codes, ".00"))
        hired = False  # as route.py: experience after the application step is the job itself
        for step in route.steps:
            after_hire, hired = hired and step.kind == "experience", hired or step.kind == "job_search"
            if step.optional or (step.kind == "degree" and not route.degree_required) or after_hire:
                continue
            done = matching(step.satisfied_by) if step.satisfied_by else np.zeros(n, dtype=bool)
            done = done | (walked & (own_exact | (not builds_skills(step))))
            if step.credential and _holding(routes, step) in holds:
                done = done | holds[_holding(routes, step)]
            if step.kind == "degree" and step.degree_level is not None:
                rank = DEGREE_RANK[step.degree_level]
                admits = any(
                    s.kind == "degree" and s.degree_level and DEGREE_RANK[s.degree_level] > rank for s in route.steps
                )
                if step.any_field or admits:
                    done = done | (level >= rank)
            # As route.py: people who typically hold a bachelor's take the route's own shorter
            # way for them (an accelerated BSN, alternative certification) instead of this degree.
            faster = graduate_alternative(route, step)
            graduate = (~done & (level >= DEGREE_RANK["bachelor"])) if faster is not None else np.zeros(n, dtype=bool)
            if step.kind == "degree" and step.degree_level is not None:
                needs = ~done & ~graduate
                degree[:, t] = np.where(needs, np.maximum(degree[:, t], DEGREE_RANK[step.degree_level]), degree[:, t])
            if step.credential:
                names.append((routes.credential(step.credential).name, done))
            if step.pace == "full_time":
                own_months = np.where(done, 0, step.typical_months)
                if faster is not None and faster.months:
                    own_months = np.where(graduate, midpoint(faster.months), own_months)
                months[:, t] += own_months.astype(np.float32)
            else:
                hours[:, t] += np.where(done, 0, step.hours or 0).astype(np.float32)
        credentials.append(tuple(names))
    np.fill_diagonal(months, 0)
    np.fill_diagonal(hours, 0)
    np.fill_diagonal(degree, 0)
    typical = np.maximum(level, bls_rank)
    for array in (months, hours, degree, curated, licensed, typical):
        array.setflags(write=False)
    return Feasibility(
        months=months,
        hours=hours,
        degree=degree,
        curated=curated,
        licensed=licensed,
        credentials=tuple(credentials),
        typical_degree=typical,
    )
