"""The modifier phrases and role titles of the curated specializations, read without
validating them.

The resolver needs only the phrases ("ai", "machine learning") to find a modifier in a
title, and the titles of the modern roles ("product manager", "sre"); every process that
resolves a title needs them, so they are read straight from the YAML with libyaml. The full, validated ``Specialization`` (specializations.py, pydantic)
is loaded only when a title actually has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

from .normalize import QUALIFIERS, normalize


@dataclass(frozen=True, slots=True)
class Modifier:
    spec_id: str
    tokens: tuple[str, ...]  # the phrase, normalised
    applies_to: tuple[str, ...] = ()  # see Specialization.applies_to

    def applies(self, code: str) -> bool:
        return not self.applies_to or code.startswith(self.applies_to)


def yaml_text(name: str = "specializations.yaml") -> str:
    """A file of careerpath/catalog/, found without importing the catalog package."""
    spec = find_spec("careerpath.catalog")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / name
        if path.is_file():
            return path.read_text("utf-8")
    from importlib import resources

    return resources.files("careerpath.catalog").joinpath(name).read_text("utf-8")


def parse_yaml(text: str):
    from careerpath import yamlcache

    return yamlcache.load_text(text, "specializations")


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


@dataclass(frozen=True, slots=True)
class RoleTitle:
    """A modern role's title as the resolver looks it up (see Specialization's role kind)."""

    spec_id: str
    occupation: str
    name: str


@dataclass(frozen=True, slots=True)
class RoleTitles:
    by_tokens: dict[tuple[str, ...], RoleTitle]  # normalised title -> role
    literal: dict[str, RoleTitle]  # abbreviations matched only as typed ("pm", "sre")


def _literal(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def literal_key(text: str) -> str:
    """The words of a typed title, lowercased, without seniority words ("Senior PM" -> "pm")."""
    words = _literal(text).split()
    return " ".join([w for w in words if w not in QUALIFIERS] or words)


def role_titles(items) -> RoleTitles:
    """The titles of the role-kind specializations among ``items`` (objects or dicts).

    A one-word title that normalisation would expand into other words ("pm" is read as
    "project manager") is matched only literally, so "Project Manager" never becomes a
    product manager. Two roles sharing a title is an error in the catalog.
    """
    from .normalize import normalize_light

    by_tokens: dict[tuple[str, ...], RoleTitle] = {}
    literal: dict[str, RoleTitle] = {}

    def put(table: dict, key, role: RoleTitle) -> None:
        if key in table and table[key].spec_id != role.spec_id:
            raise ValueError(f"title {key!r} belongs to both {table[key].spec_id} and {role.spec_id}")
        table[key] = role

    for s in items:
        get = s.get if isinstance(s, dict) else lambda k, d=None, s=s: getattr(s, k, d)
        occupation = get("occupation")
        if not occupation:
            continue
        role = RoleTitle(str(get("id")), str(occupation), str(get("name")))
        for title in get("titles", ()) or ():
            plain = _literal(title)
            full = normalize(title).tokens
            if " " not in plain and full != (plain,):
                put(literal, plain, role)
                continue
            put(by_tokens, full, role)
            put(by_tokens, normalize_light(title).tokens, role)
    return RoleTitles(by_tokens, literal)


# The head of each entry of roles.yaml, in the order the file keeps (tests/resolve/test_roles.py
# checks that this reads exactly what a full YAML parse does). Parsing the whole file, with
# every role's implies, summary and portfolio, would cost a cold resolve several times more.
_ROLE_HEAD = re.compile(
    r'^- id: (?P<id>\S+)\n  name: (?P<name>[^\n]+)\n  titles: \[(?P<titles>[^\]]*)\]\n  occupation: "(?P<occ>[^"]+)"',
    re.M,
)


def role_heads(text: str) -> list[dict]:
    """id, name, titles and occupation of every role in roles.yaml's text, without YAML."""
    return [
        {
            "id": m["id"],
            "name": m["name"].strip().strip('"'),
            "occupation": m["occ"],
            "titles": re.findall(r'"([^"]*)"', m["titles"]),
        }
        for m in _ROLE_HEAD.finditer(text)
    ]


@lru_cache(maxsize=1)
def load_roles() -> RoleTitles:
    return role_titles(role_heads(yaml_text("roles.yaml")))
