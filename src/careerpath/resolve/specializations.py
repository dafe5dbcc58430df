"""Specializations: what refines an O*NET occupation into the job a person means.

Two kinds, both curated because O*NET has no notion of them:

- *modifiers* (``careerpath/catalog/specializations.yaml``): words put in front of a title,
  such as "AI" or "Cloud". An "AI Copywriter" is a writer who also needs AI concepts.
- *modern roles* (``careerpath/catalog/roles.yaml``): whole job-market titles that O*NET
  folds into a broader occupation ("Product Manager" into Marketing Managers, "Data
  Engineer" into Database Architects). A role names its occupation, the titles people
  type for it, a summary of how it differs, and portfolio pieces a hiring manager asks for.

The resolver recognises either; the guide adds what the specialization ``implies`` to what
the occupation needs.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from careerpath.codes import ONET

Priority = Literal["Critical", "Important", "Nice to have"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


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


Kind = Literal["modifier", "role"]


class Specialization(_Frozen):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name: str
    # Modifier kind: lowercase phrases as people type them in front of a title.
    modifiers: tuple[str, ...] = ()
    # O*NET-SOC code prefixes where a title that already *contains* the modifier ("Game
    # Developer") still means the specialization; empty means anywhere. Guards against
    # "Web Press Operator" becoming a web specialist.
    applies_to: tuple[str, ...] = ()
    # Role kind: whole titles as people type them (lowercase, abbreviations included) and
    # the O*NET-SOC occupation the role folds into.
    titles: tuple[str, ...] = ()
    occupation: str | None = Field(default=None, pattern=rf"^{ONET}$")
    summary: str = ""  # what the role does differently from its base occupation
    portfolio: tuple[str, ...] = ()  # pieces of work a hiring manager would want to see
    implies: Implies = Implies()

    @property
    def kind(self) -> Kind:
        return "role" if self.occupation else "modifier"

    @model_validator(mode="after")
    def _one_kind(self) -> Specialization:
        if self.occupation:
            if self.modifiers or self.applies_to:
                raise ValueError(f"{self.id}: a role has titles, not modifiers or applies_to")
            if not self.titles or any(t != t.lower() for t in self.titles):
                raise ValueError(f"{self.id}: a role needs lowercase titles")
            if not self.summary or not 2 <= len(self.portfolio) <= 3:
                raise ValueError(f"{self.id}: a role needs a summary and 2-3 portfolio pieces")
        elif not self.modifiers or self.titles or self.summary or self.portfolio:
            raise ValueError(f"{self.id}: a modifier has modifiers and no role fields")
        return self

    def applies(self, code: str) -> bool:
        """Whether the specialization can refine occupation ``code``: a role only its own."""
        if self.occupation:
            return code == self.occupation
        return not self.applies_to or code.startswith(self.applies_to)


@lru_cache(maxsize=1)
def load() -> tuple[Specialization, ...]:
    """All curated specializations (modifiers, then roles), parsed and validated once."""
    from .modifiers import parse_yaml, yaml_text

    items = [*parse_yaml(yaml_text()), *(parse_yaml(yaml_text("roles.yaml")) or ())]
    return tuple(Specialization.model_validate(item) for item in items)


def roles() -> tuple[Specialization, ...]:
    return tuple(s for s in load() if s.kind == "role")


def modifiers() -> tuple[Specialization, ...]:
    return tuple(s for s in load() if s.kind == "modifier")


def by_id(spec_id: str) -> Specialization:
    for spec in load():
        if spec.id == spec_id:
            return spec
    raise KeyError(spec_id)
