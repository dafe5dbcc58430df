"""Occupation profiles as arrays, prepared once per knowledge base.

Two repairs make every occupation comparable, and both are recorded so a guide can
say what it did:
- O*NET suppresses some level estimates as too imprecise. Where the importance is
  known we estimate the level from it with a per-element least-squares line fitted over
  all occupations that have both (importance and level correlate strongly).
- 122 occupations have no skill or knowledge ratings at all ("All Other" groups and
  some new titles). They borrow the profile of the rated occupation closest in the
  SOC hierarchy, chosen by how alike the titles and descriptions read; the guide names
  the donor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, cast

import numpy as np

from careerpath.kb import KnowledgeBase

RATED_DOMAINS = ("skills", "knowledge")


@dataclass(frozen=True)
class Profiles:
    kb: KnowledgeBase
    element_ids: tuple[str, ...]  # skills then knowledge, the columns below
    kinds: tuple[Literal["skill", "knowledge"], ...]  # per column
    importance: np.ndarray  # (n, m) O*NET importance 1-5, after borrowing
    level: np.ndarray  # (n, m) O*NET level 0-7, suppressed ones estimated
    level_estimated: np.ndarray  # (n, m) bool: level came from the importance fit
    donor: tuple[int, ...]  # row whose skill/knowledge ratings each row uses
    requirement: np.ndarray  # (n,) sum of importance x level: what a role asks for
    work_styles: np.ndarray  # (n, 21) impact -3..3 (NaN if none, even after borrowing)
    work_values: np.ndarray  # (n, 6) extent 1-7
    interests: np.ndarray  # (n, 6) RIASEC 1-7
    style_donor: tuple[int, ...]
    value_donor: tuple[int, ...]
    interest_donor: tuple[int, ...]
    activity_specificity: dict[str, float]  # 1 / number of skills O*NET links to a work activity
    shared_names: frozenset[str]  # element names used by both a skill and a knowledge area
    evidence_cache: dict[Any, Any] = field(default_factory=dict)  # (code, skill id) -> evidence task, filled lazily

    @property
    def n(self) -> int:
        return len(self.kb.codes)

    def unmet_share_from(self, source_row: int) -> np.ndarray:
        """For every occupation k: the share of k's requirement the source does not meet."""
        shortfall = np.clip(self.level - self.level[source_row], 0.0, None)
        return (self.importance * shortfall).sum(axis=1) / self.requirement

    def unmet_share(self, source_row: int, target_row: int) -> float:
        """The share of the target's requirement the source does not meet: one pair."""
        shortfall = np.clip(self.level[target_row] - self.level[source_row], 0.0, None)
        return float((shortfall * self.importance[target_row]).sum() / self.requirement[target_row])

    def unmet_share_to(self, target_row: int) -> np.ndarray:
        """For every occupation k: the share of the target's requirement k does not meet."""
        shortfall = np.clip(self.level[target_row] - self.level, 0.0, None)
        return (shortfall * self.importance[target_row]).sum(axis=1) / self.requirement[target_row]


def _estimate_levels(importance: np.ndarray, level: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    level = level.copy()
    estimated = np.zeros_like(level, dtype=bool)
    for j in range(level.shape[1]):
        both = ~np.isnan(importance[:, j]) & ~np.isnan(level[:, j])
        missing = ~np.isnan(importance[:, j]) & np.isnan(level[:, j])
        if not missing.any() or both.sum() < 10:
            continue
        slope, intercept = np.polyfit(importance[both, j], level[both, j], 1)
        level[missing, j] = np.clip(intercept + slope * importance[missing, j], 0.0, 7.0)
        estimated[missing, j] = True
    return level, estimated


def _text_vectors(kb: KnowledgeBase) -> np.ndarray:
    """Unit TF-IDF vectors of each occupation's title (counted twice) and description."""
    docs = [re.findall(r"[a-z]{3,}", f"{o.title} {o.title} {o.description}".lower()) for o in kb.occupations()]
    document_frequency: dict[str, int] = {}
    for words in docs:
        for word in set(words):
            document_frequency[word] = document_frequency.get(word, 0) + 1
    # A word in one description only cannot make two occupations alike.
    vocabulary = {w: i for i, w in enumerate(sorted(w for w, n in document_frequency.items() if n > 1))}
    counts = np.zeros((len(docs), len(vocabulary)), dtype=np.float32)
    for row, words in enumerate(docs):
        for word in words:
            if word in vocabulary:
                counts[row, vocabulary[word]] += 1
    idf = np.log(len(docs) / (1 + (counts > 0).sum(axis=0))).astype(np.float32)
    vectors = counts * idf
    return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)


DONORS_FILE = Path(__file__).resolve().parents[1] / "catalog" / "profile_donors.yaml"


@lru_cache(maxsize=1)
def chosen_donors() -> dict[str, str]:
    """catalog/profile_donors.yaml: unrated occupation -> the donor named by hand."""
    from careerpath import yamlcache

    return {entry["code"]: entry["donor"] for entry in yamlcache.load(DONORS_FILE) or []}


def _donors(
    kb: KnowledgeBase, has_data: np.ndarray, similarity: dict[int, np.ndarray], chosen: dict[str, str]
) -> tuple[int, ...]:
    """Each row's own index if it has data, else the donor named in profile_donors.yaml when
    that one has data, else the closest rated occupation: within the longest shared SOC code
    prefix (at least the major group when one is rated there), the one whose title and
    description read most alike."""
    codes = kb.codes
    by_prefix: dict[str, list[int]] = {}
    for i, code in enumerate(codes):
        if has_data[i]:
            for length in range(2, len(code) + 1):
                by_prefix.setdefault(code[:length], []).append(i)
    everyone = [i for i in range(len(codes)) if has_data[i]]
    donors = []
    for i, code in enumerate(codes):
        if has_data[i]:
            donors.append(i)
            continue
        named = kb.index.get(chosen.get(code, ""))
        if named is not None and has_data[named]:
            donors.append(named)
            continue
        # 15-1299.00 looks to 15-1299.xx, then 15-129x, ...; a major group with no rated
        # occupation at all (military, 55-) looks everywhere rather than at a random neighbour.
        candidates = next((by_prefix[code[:n]] for n in range(len(code), 1, -1) if code[:n] in by_prefix), everyone)
        donors.append(candidates[int(np.argmax(similarity[i][candidates]))])
    return tuple(donors)


def _with_donors(array: np.ndarray, donors: tuple[int, ...]) -> np.ndarray:
    return array[list(donors)]


@lru_cache(maxsize=4)
def profiles_for(kb: KnowledgeBase) -> Profiles:
    """The profiles of every occupation in ``kb``: read from the arrays derived at build time
    (engine/derived.py), computed by ``compute_profiles`` only for a knowledge base nobody
    derived them for."""
    from .derived import derived_arrays, strings  # derived.py computes with this module

    a = derived_arrays(kb)
    return Profiles(
        kb=kb,
        element_ids=tuple(strings(a["element_ids"])),
        kinds=cast(tuple[Literal["skill", "knowledge"], ...], tuple(strings(a["kinds"]))),
        importance=a["importance"],
        level=a["level"],
        level_estimated=a["level_estimated"],
        donor=tuple(a["donor"].tolist()),
        requirement=a["requirement"],
        work_styles=a["work_styles"],
        work_values=a["work_values"],
        interests=a["interests"],
        style_donor=tuple(a["style_donor"].tolist()),
        value_donor=tuple(a["value_donor"].tolist()),
        interest_donor=tuple(a["interest_donor"].tolist()),
        activity_specificity=dict(zip(strings(a["activities"]), a["activity_specificity"].tolist(), strict=True)),
        shared_names=frozenset(strings(a["shared_names"])),
    )


def compute_profiles(kb: KnowledgeBase) -> Profiles:
    importance = np.hstack([kb.ratings(d, "IM") for d in RATED_DOMAINS]).astype(np.float64)
    level = np.hstack([kb.ratings(d, "LV") for d in RATED_DOMAINS]).astype(np.float64)
    element_ids = tuple(e for d in RATED_DOMAINS for e in kb.rating_columns(d, "IM"))
    assert element_ids == tuple(e for d in RATED_DOMAINS for e in kb.rating_columns(d, "LV"))
    kinds: tuple[Literal["skill", "knowledge"], ...] = tuple(
        "skill" if e.startswith(("2.A", "2.B")) else "knowledge" for e in element_ids
    )

    level, estimated = _estimate_levels(importance, level)
    rated: dict[str, np.ndarray] = {"skills": np.asarray(~np.isnan(importance).all(axis=1))}
    raw = {
        name: kb.ratings(domain, scale).astype(np.float64)
        for name, (domain, scale) in {
            "work_styles": ("work_styles", "WI"),
            "work_values": ("work_values", "EX"),
            "interests": ("interests", "OI"),
        }.items()
    }
    rated.update({name: np.asarray(~np.isnan(values).all(axis=1)) for name, values in raw.items()})
    # One similarity product for every occupation that lacks any profile.
    unrated = sorted(set(np.flatnonzero(~np.logical_and.reduce(list(rated.values()))).tolist()))
    text = _text_vectors(kb)
    similarity = dict(zip(unrated, text[unrated] @ text.T, strict=True)) if unrated else {}
    chosen = chosen_donors()
    donor = _donors(kb, rated["skills"], similarity, chosen)
    importance, level, estimated = (_with_donors(a, donor) for a in (importance, level, estimated))
    # Whatever is still missing after estimation carries no evidence either way.
    importance = np.nan_to_num(importance, nan=1.0)
    level = np.nan_to_num(level, nan=0.0)
    requirement = (importance * level).sum(axis=1)

    def borrowed(name: str) -> tuple[np.ndarray, tuple[int, ...]]:
        donors = _donors(kb, rated[name], similarity, chosen)
        return _with_donors(raw[name], donors), donors

    work_styles, style_donor = borrowed("work_styles")
    work_values, value_donor = borrowed("work_values")
    interests, interest_donor = borrowed("interests")
    links: dict[str, int] = {}
    for activities in kb.skill_activities().values():
        for activity in activities:
            links[activity] = links.get(activity, 0) + 1
    for array in (importance, level, estimated, requirement, work_styles, work_values, interests):
        array.setflags(write=False)
    return Profiles(
        kb=kb,
        element_ids=element_ids,
        kinds=kinds,
        importance=importance,
        level=level,
        level_estimated=estimated,
        donor=donor,
        requirement=requirement,
        work_styles=work_styles,
        work_values=work_values,
        interests=interests,
        style_donor=style_donor,
        value_donor=value_donor,
        interest_donor=interest_donor,
        activity_specificity={a: 1.0 / n for a, n in links.items()},
        shared_names=frozenset({e.name for e in kb.elements("skills")} & {e.name for e in kb.elements("knowledge")}),
    )
