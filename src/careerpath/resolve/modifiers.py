"""The modifier phrases of the curated specializations, read without validating them.

The resolver needs only the phrases ("ai", "machine learning") to find a modifier in a
title, and every process that resolves a title needs them, so they are read straight from
the YAML with libyaml. The full, validated ``Specialization`` (specializations.py, pydantic)
is loaded only when a title actually has one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from .normalize import normalize


@dataclass(frozen=True, slots=True)
class Modifier:
    spec_id: str
    tokens: tuple[str, ...]  # the phrase, normalised
    applies_to: tuple[str, ...] = ()  # see Specialization.applies_to

    def applies(self, code: str) -> bool:
        return not self.applies_to or code.startswith(self.applies_to)


def yaml_text() -> str:
    """careerpath/catalog/specializations.yaml, found without importing the catalog package."""
    spec = find_spec("careerpath.catalog")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "specializations.yaml"
        if path.is_file():
            return path.read_text("utf-8")
    from importlib import resources

    return resources.files("careerpath.catalog").joinpath("specializations.yaml").read_text("utf-8")


def parse_yaml(text: str):
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def from_items(items) -> tuple[Modifier, ...]:
    """Modifiers of specializations (objects or plain dicts), longest phrase first."""
    out = []
    for s in items:
        get = s.get if isinstance(s, dict) else lambda k, d=None, s=s: getattr(s, k, d)
        for m in get("modifiers", ()) or ():
            out.append(Modifier(str(get("id")), normalize(m).tokens, tuple(get("applies_to", ()) or ())))
    return tuple(sorted(out, key=lambda m: -len(m.tokens)))


@lru_cache(maxsize=1)
def load() -> tuple[Modifier, ...]:
    return from_items(parse_yaml(yaml_text()))
