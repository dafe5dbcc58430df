"""Specializations: modifiers such as "AI" or "Cloud" that refine an occupation.

Curated in ``careerpath/catalog/specializations.yaml`` because O*NET has no notion of
them: an "AI Technical Writer" is a Technical Writer who also needs AI concepts and has
to document models and APIs. The resolver recognises the modifier; the guide later adds
what the specialization ``implies`` to what the occupation needs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Priority = Literal["Critical", "Important", "Nice to have"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ImpliedElement(_Frozen):
    """An O*NET Skills or Knowledge element (by Element ID) the specialization adds."""

    element_id: str
    priority: Priority
    hours: int = Field(ge=0)


class ImpliedTechnology(_Frozen):
    name: str  # exactly as the 'Example' column of O*NET Technology Skills.txt spells it
    priority: Priority
    hours: int = Field(ge=0)


class ImpliedTopic(_Frozen):
    id: str  # a topic id of the resources catalog (careerpath/catalog/topics.yaml)
    priority: Priority
    hours: int = Field(ge=0)


class Implies(_Frozen):
    skills: tuple[ImpliedElement, ...] = ()
    knowledge: tuple[ImpliedElement, ...] = ()
    technologies: tuple[ImpliedTechnology, ...] = ()
    topics: tuple[ImpliedTopic, ...] = ()


class Specialization(_Frozen):
    id: str
    name: str
    modifiers: tuple[str, ...]  # lowercase phrases as people type them
    # O*NET-SOC code prefixes where a title that already *contains* the modifier ("Game
    # Developer") still means the specialization; empty means anywhere. Guards against
    # "Web Press Operator" becoming a web specialist.
    applies_to: tuple[str, ...] = ()
    implies: Implies = Implies()

    def applies(self, code: str) -> bool:
        return not self.applies_to or code.startswith(self.applies_to)


@lru_cache(maxsize=1)
def load() -> tuple[Specialization, ...]:
    """All curated specializations, parsed and validated once per process."""
    from .modifiers import parse_yaml, yaml_text

    return tuple(Specialization.model_validate(item) for item in parse_yaml(yaml_text()))


def by_id(spec_id: str) -> Specialization:
    for spec in load():
        if spec.id == spec_id:
            return spec
    raise KeyError(spec_id)
