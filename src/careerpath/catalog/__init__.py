"""Curated data the public releases lack: learning resources, topics and portfolio templates.

O*NET says what a role needs; this catalog says where to learn it. Everything here is
hand-checked YAML shipped with the package, loaded once and kept in memory.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache, partial
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from careerpath import yamlcache

__all__ = ["Catalog", "Element", "Resource", "Teaches", "Topic", "WorkTemplates", "KINDS"]

_HERE = Path(__file__).resolve().parent

Cost = Literal["free", "paid", "freemium"]
Format = Literal["course", "book", "docs", "community", "practice"]
Level = Literal["beginner", "intermediate", "advanced"]

# resources_for's `kind` → the Teaches field it looks in.
KINDS: dict[str, str] = {
    "skill": "skills",
    "knowledge": "knowledge",
    "technology": "technologies",
    "specialization": "specializations",
    "topic": "topics",
}

# A learner short on time gets most from something structured they can work through,
# so courses and hands-on practice come before reference docs, books and communities.
_FORMAT_RANK = {"course": 0, "practice": 1, "docs": 2, "book": 3, "community": 4}
_COST_RANK = {"free": 0, "freemium": 1, "paid": 2}


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Teaches(_Frozen):
    skills: tuple[str, ...] = ()
    knowledge: tuple[str, ...] = ()
    technologies: tuple[str, ...] = ()
    specializations: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    # Keys (from the fields above) that are this resource's main subject: a writing course
    # lists Writing here, not the English Language it also practises. Ranked first for them.
    primary: tuple[str, ...] = ()

    def focus(self, field: str, key: str) -> tuple[int, int]:
        """How squarely this resource is about `key`, smaller is better.

        Primary keys come first, all equally focused; otherwise a resource listing fewer
        items in the same field is more specific to each of them than one spreading over many.
        """
        if key in self.primary:
            return (0, 0)
        return (1, len(getattr(self, field)))


class Resource(_Frozen):
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str
    provider: str
    url: str = Field(pattern=r"^https://[^\s/]+\.[^\s/]+(/\S*)?$")
    cost: Cost
    format: Format
    hours: int = Field(gt=0)
    level: Level
    teaches: Teaches = Teaches()
    # SOC prefixes of the occupations it suits for a general O*NET skill or knowledge area
    # (resources.yaml explains); empty: anyone.
    fits: tuple[Annotated[str, Field(pattern=r"^\d{2}-\d{0,4}$")], ...] = ()

    @property
    def is_free(self) -> bool:
        return self.cost == "free"

    def suits(self, code: str) -> bool:
        return not self.fits or code.startswith(self.fits)


class Topic(_Frozen):
    id: str
    name: str
    specialization: str


class Element(_Frozen):
    """An O*NET skill or knowledge element, so lookups by name work without the knowledge base."""

    id: str
    name: str
    kind: Literal["skill", "knowledge"]


class WorkTemplates(_Frozen):
    """How to build proof of ability for one kind of work.

    `portfolio` entries are whole sentences: pieces of work that prove ability.
    """

    kind: str
    name: str
    match: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    portfolio: tuple[str, ...]
    experience: tuple[str, ...]
    network: tuple[str, ...]
    job_search: tuple[str, ...]


def _sort_key(field: str, key: str, r: Resource) -> tuple[int, int, int, int, int, str]:
    """Order of the resources that teach `key` of kind `field` (partial(_sort_key, field, key))."""
    # Focus first, so a medical-terminology tutorial that also touches English does not
    # outrank a writing course for English; within equal focus, free before paid, then
    # format and length.
    return (*r.teaches.focus(field, key), _COST_RANK[r.cost], _FORMAT_RANK[r.format], r.hours, r.id)


class Catalog:
    def __init__(
        self,
        resources: list[Resource],
        topics: list[Topic],
        templates: list[WorkTemplates],
        elements: Iterable[Element] = (),
    ) -> None:
        self.resources = resources
        self.elements = {e.id: e for e in elements}
        self._topics = {t.id: t for t in topics}
        self._templates = {t.kind: t for t in templates}
        if "general" not in self._templates:
            raise ValueError("portfolio.yaml needs a 'general' kind to fall back on")
        self._by_id = {r.id: r for r in resources}
        # (field, key) → resources, pre-sorted so lookups are a dict hit.
        index: dict[tuple[str, str], list[Resource]] = defaultdict(list)
        for r in resources:
            for field in KINDS.values():
                for key in getattr(r.teaches, field):
                    index[(field, key)].append(r)
        self._index = {
            (field, key): sorted(found, key=partial(_sort_key, field, key)) for (field, key), found in index.items()
        }

    @classmethod
    def load(cls, folder: Path = _HERE) -> Catalog:
        def read(name: str):
            with open(folder / name, encoding="utf-8") as f:
                return yamlcache.load_text(f.read(), name) or []

        templates = [WorkTemplates(kind=kind, **body) for kind, body in read("portfolio.yaml").items()]
        return cls(
            [Resource.model_validate(r) for r in read("resources.yaml")],
            [Topic.model_validate(t) for t in read("topics.yaml")],
            templates,
            [Element.model_validate(e) for e in read("elements.yaml")],
        )

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> Catalog:
        return Catalog.load()

    # -- resources -------------------------------------------------------------------------

    def resource(self, id: str) -> Resource:
        return self._by_id[id]

    def resources_for(self, kind: str, key: str, budget: str | None = None) -> list[Resource]:
        """Resources teaching `key`, best first.

        Best means most focused on `key` (listed as primary, then fewest items in the same
        `teaches` field), and within equal focus free before paid, then by format and hours.
        """
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
        if budget not in (None, "free"):
            raise ValueError(f"budget must be None or 'free', not {budget!r}")
        found = self._index.get((KINDS[kind], key), [])
        if budget == "free":
            return [r for r in found if r.is_free]
        return list(found)

    def specializations(self) -> list[str]:
        return sorted({t.specialization for t in self._topics.values()})

    def keys(self, kind: str) -> set[str]:
        """Every key of `kind` that at least one resource teaches."""
        field = KINDS[kind]
        return {k for (f, k) in self._index if f == field}

    # -- topics ----------------------------------------------------------------------------

    def topics(self) -> list[Topic]:
        return list(self._topics.values())

    def topic(self, id: str) -> Topic:
        return self._topics[id]

    # -- portfolio templates ---------------------------------------------------------------

    def templates(self) -> list[WorkTemplates]:
        return list(self._templates.values())

    @lru_cache(maxsize=2048)  # noqa: B019 (the catalog lives as long as the process)
    def templates_for(self, code: str, title: str = "") -> WorkTemplates:
        """The templates for the most specific matching kind of work.

        A 7-character SOC prefix ("27-3042") beats a broader prefix ("15-12"), which beats a
        2-digit major group ("27"). A title keyword adds a little, so it separates kinds that
        share a major group and decides alone when no code matches. No match: `general`.
        """
        code = code.strip()
        lowered = title.lower()
        words = set(re.findall(r"[a-z]+", lowered))
        best: tuple[float, WorkTemplates] | None = None
        for t in self._templates.values():
            score = 0.0
            for m in t.match:
                if code.startswith(m):
                    score = max(score, 3.0 if len(m) >= 7 else 1.5 if len(m) > 2 else 1.0)
            if any(
                (kw in lowered) if " " in kw else (kw in words or kw + "s" in words)
                for kw in map(str.lower, t.keywords)
            ):
                score += 0.75
            # Ties go to the kind listed first in portfolio.yaml.
            if score and (best is None or score > best[0]):
                best = (score, t)
        return best[1] if best else self._templates["general"]
