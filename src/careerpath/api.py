"""The Python API: the CLI's commands as functions, with the same options and typed results.

    >>> from careerpath import guide, occupation, recommend, resolve
    >>> guide("Backend Developer", "Technical Writer", hours_per_week=15).to.title
    'Technical Writers'

Each function is what its command prints: `careerpath guide` renders guide(), `careerpath
recommend` lists recommend(), and so on (docs/api.md). Bad input raises InputError (a
ValueError) with the message the command would print: RoleNotFound for a title or code
nothing matches, AmbiguousRole (its `.candidates` listed) for a title that could mean
several occupations, UnknownArea for a location we cannot place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal, TypedDict

from careerpath.codes import is_soc_or_onet_code
from careerpath.service import AmbiguousRole, InputError, RoleNotFound, UnknownArea

if TYPE_CHECKING:
    from careerpath.engine import Guide
    from careerpath.engine.recommend import Recommendation
    from careerpath.kb import KnowledgeBase
    from careerpath.resolve import Resolution

__all__ = [
    "AmbiguousRole",
    "InputError",
    "OccupationRecord",
    "RoleNotFound",
    "UnknownArea",
    "guide",
    "difficulty_named",
    "occupation",
    "occupation_code",
    "recommend",
    "resolve",
]

Difficulty = Literal["Easy", "Moderate", "Challenging", "Hard"]


class OccupationRecord(TypedDict):
    """One occupation as `careerpath occupation CODE --format json` prints it (docs/json.md)."""

    code: str
    title: str
    description: str
    job_zone: int | None
    has_ratings: bool
    skills: list[dict[str, Any]]
    knowledge: list[dict[str, Any]]
    work_styles: list[dict[str, Any]]
    work_values: list[dict[str, Any]]
    interests: list[dict[str, Any]]
    technologies: list[dict[str, Any]]
    tasks: list[dict[str, Any]]
    wages: dict[str, Any] | None
    outlook: dict[str, Any] | None
    route: dict[str, Any]
    sources: list[dict[str, Any]]


def guide(
    source: str,
    target: str,
    *,
    hours_per_week: float = 10.0,
    location: str | None = None,
    skills: str | None = None,
    budget: Literal["free", "any"] | None = None,
    remove: Iterable[str] = (),
    ask_when_tied: bool = False,
) -> Guide:
    """The transition guide from `source` to `target` (titles in anyone's words, or O*NET-SOC codes).

    The options are `careerpath guide`'s: study hours per week, a U.S. state or metro area for
    local wages, what the person already knows (a list or a pasted résumé), `budget="free"` for
    free resources only, and `remove` for items read wrongly from `skills` (by name, e.g.
    "Django", or id, e.g. "skill:Writing"). A title that could mean several occupations gets
    the best match, with the others in `guide.from_.alternatives` / `guide.to.alternatives`;
    `ask_when_tied` raises AmbiguousRole instead when the top matches are exactly tied."""
    from careerpath.service import plan_guide

    return plan_guide(
        source,
        target,
        hours_per_week=hours_per_week,
        location=location,
        skills=skills,
        budget=budget,
        removed=frozenset(remove),
        ask_when_tied=ask_when_tied,
    )


def resolve(title: str, *, top: int = 5) -> Resolution:
    """Ranked O*NET occupations for a free-text job title, as `careerpath resolve` lists them.

    `.candidates` (code, title, score 0-1, matched title), `.specialization` when the title
    names one ("AI ..."), `.ambiguous` when the top candidates are too close to pick."""
    from careerpath.resolve import InvalidTitle, Resolver

    if not 1 <= top <= 50:
        raise InputError("top is between 1 and 50")
    try:
        return Resolver.default().resolve(title, top=top)
    except InvalidTitle as exc:
        raise InputError(str(exc)) from None


def occupation_code(text: str, kb: KnowledgeBase | None = None) -> tuple[str, str]:
    """(code, title) for an O*NET-SOC code ("15-1252" means .00) or, failing that, the best
    reading of a free-text title."""
    from careerpath.kb import KnowledgeBase
    from careerpath.service import resolve_role

    kb = kb or KnowledgeBase.default()
    text = text.strip()
    if is_soc_or_onet_code(text):
        code = text if "." in text else text + ".00"
        if code not in kb.index:
            raise RoleNotFound(f"no O*NET-SOC occupation {code!r}")
        return code, kb.occupation(code).title
    role = resolve_role(text)  # the best reading; the output names it
    return role.code, role.title


def difficulty_named(value: str | None) -> str | None:
    """The difficulty level a person typed ("hard" is Hard), or InputError."""
    from careerpath.engine.recommend import DIFFICULTIES

    if value is None:
        return None
    matches = [d for d in DIFFICULTIES if d.lower() == value.strip().lower()]
    if not matches:
        raise InputError(f"max difficulty is one of {', '.join(DIFFICULTIES)}")
    return matches[0]


def recommend(
    source: str,
    *,
    top: int = 10,
    min_wage: float | None = None,
    max_difficulty: Difficulty | str | None = None,
    location: str | None = None,
    max_months: float | None = None,
    no_degree: bool = False,
    long_term: bool = False,
) -> list[Recommendation]:
    """Where `source` (a title or code) can go next, best transition score first, as
    `careerpath recommend` ranks them (docs/recommend.md). `location` (a state or metro area)
    sets the wages compared; `max_difficulty` is Easy, Moderate, Challenging or Hard;
    `max_months` keeps moves job-ready within that many months; `no_degree` drops moves that
    need a new associate's degree or higher; `long_term` returns the long-term moves instead
    (two or more years of school or training first)."""
    from careerpath.engine.inputs import Inputs
    from careerpath.engine.recommend import SHORT_KINDS
    from careerpath.engine.recommend import recommend as rank
    from careerpath.kb.api import NATIONAL
    from careerpath.service import find_area

    if not 1 <= top <= 100:
        raise InputError("top is between 1 and 100")
    difficulty = difficulty_named(max_difficulty)
    inputs = Inputs.default()
    kb = inputs.kb
    area = find_area(location, kb).code if location else NATIONAL
    code, _ = occupation_code(source, kb)
    kinds = ("long_term",) if long_term else SHORT_KINDS
    return rank(
        inputs,
        code,
        top=top,
        min_wage=min_wage,
        max_difficulty=difficulty,
        area=area,
        kinds=kinds,
        max_months=max_months,
        no_degree=no_degree,
    )


def occupation(code: str) -> OccupationRecord:
    """One occupation by O*NET-SOC code ("15-1252" means "15-1252.00"): ratings, technologies,
    tasks, national wages and outlook, and the way in (degrees, licences, exams, supervised
    practice, bridge jobs), as `careerpath occupation CODE --format json` prints it."""
    from careerpath.kb import KnowledgeBase, UnknownOccupation

    code = code.strip()
    if not is_soc_or_onet_code(code):
        raise InputError(f"{code!r} is not an O*NET-SOC code (they look like 15-1252.00)")
    if "." not in code:
        code += ".00"
    try:
        record = occupation_with_route(KnowledgeBase.default(), code)
    except UnknownOccupation as exc:
        raise RoleNotFound(str(exc)) from None
    return record


def occupation_with_route(kb: KnowledgeBase, code: str) -> OccupationRecord:
    """The knowledge base's record of an occupation plus its entry route: the one record the
    command, the Python API and the JSON API all answer with."""
    from careerpath.catalog.routes import RouteCatalog
    from careerpath.engine.route import entry_route
    from careerpath.kb.records import occupation_record

    record = occupation_record(kb, code)
    record["route"] = entry_route(kb, RouteCatalog.default(), code).model_dump(mode="json")
    return record  # type: ignore[return-value]
