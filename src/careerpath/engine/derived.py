"""The engine's derived arrays, computed once per knowledge base and shipped with the package.

Occupation profiles (engine/profiles.py: estimated levels, borrowed profiles) and the
relevance model's z-scores and technology shares (engine/relevance.py) take about 0.4 s to
derive from the knowledge base, which every fresh process and every cache miss would pay.
``write_shipped_derived(kb)`` derives them for the shipped knowledge base into
``derived.npz`` (``kb build`` runs it too, and a test checks the shipped file is what the
builder makes); loading it takes a few milliseconds. A knowledge base built elsewhere
(``$CAREERPATH_KB``) has its arrays derived on first use and kept in the user's cache
directory, keyed like the shipped file by the knowledge base's content hash and the
fingerprint of the code that derives them.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from careerpath.cachedir import cache_dir
from careerpath.kb import KnowledgeBase

from .profiles import DONORS_FILE, compute_profiles
from .relevance import compute_distinctiveness

SHIPPED_NAME = "derived.npz"


@lru_cache(maxsize=1)
def builder_fingerprint() -> str:
    """Changes whenever the code that derives the arrays changes."""
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for path in (here / "derived.py", here / "profiles.py", here / "relevance.py", DONORS_FILE):
        try:
            digest.update(path.read_bytes())
        except OSError:  # installed without sources: the version stands in
            digest.update(path.name.encode())
    return digest.hexdigest()[:16]


def _strings(values: Iterable[str]) -> np.ndarray:
    """Strings as one UTF-8 block: numpy's fixed-width text arrays would pad every technology
    name to the longest one, four bytes a character."""
    values = list(values)
    assert not any("\n" in v for v in values), "a name with a line break would split in two"
    return np.frombuffer("\n".join(values).encode(), dtype=np.uint8)


def strings(array: np.ndarray) -> list[str]:
    return array.tobytes().decode().split("\n") if len(array) else []


def derive(kb: KnowledgeBase) -> dict[str, np.ndarray]:
    """Every derived array, by name (dictionaries stored as parallel arrays)."""
    p = compute_profiles(kb)
    d = compute_distinctiveness(kb, p)
    activities = sorted(p.activity_specificity)
    names = sorted(d.tech_share)
    groups = sorted({group for group, _ in d.tech_group_share} | set(d.group_of.values()))
    name_row = {name: i for i, name in enumerate(names)}
    group_row = {group: i for i, group in enumerate(groups)}
    pairs = sorted(d.tech_group_share)
    return {
        "element_ids": _strings(p.element_ids),
        "kinds": _strings(p.kinds),
        "importance": p.importance,
        "level": p.level,
        "level_estimated": p.level_estimated,
        "donor": np.array(p.donor, dtype=np.int32),
        "requirement": p.requirement,
        "work_styles": p.work_styles,
        "work_values": p.work_values,
        "interests": p.interests,
        "style_donor": np.array(p.style_donor, dtype=np.int32),
        "value_donor": np.array(p.value_donor, dtype=np.int32),
        "interest_donor": np.array(p.interest_donor, dtype=np.int32),
        "activities": _strings(activities),
        "activity_specificity": np.array([p.activity_specificity[a] for a in activities], dtype=np.float64),
        "shared_names": _strings(sorted(p.shared_names)),
        "z": d.z,
        "tech_names": _strings(names),
        "tech_share": np.array([d.tech_share[n] for n in names], dtype=np.float64),
        "tech_groups": _strings(groups),
        "group_share_group": np.array([group_row[g] for g, _ in pairs], dtype=np.int32),
        "group_share_tech": np.array([name_row[n] for _, n in pairs], dtype=np.int32),
        "group_share": np.array([d.tech_group_share[k] for k in pairs], dtype=np.float64),
        # -1: the occupation lists no technology, so it has no group to compare tools in.
        "branded": _strings(sorted(d.branded)),
        "group_of": np.array([group_row.get(d.group_of.get(code, ""), -1) for code in kb.codes], dtype=np.int32),
    }


def shipped_derived_path() -> Path:
    return Path(str(resources.files("careerpath.engine").joinpath(SHIPPED_NAME)))


def _save(arrays: dict[str, np.ndarray], path: Path, content_hash: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".derived-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            # Uncompressed (2.6 MB against 1 MB): loading skips inflating. numpy's stub reads
            # **arrays as its allow_pickle flag.
            np.savez(f, meta=np.array([content_hash, builder_fingerprint()]), **arrays)  # type: ignore[arg-type]
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would hide a shipped file from other users
        os.replace(tmp, path)  # atomic: a concurrent reader never sees half a file
    finally:
        Path(tmp).unlink(missing_ok=True)


def _load(path: Path, content_hash: str) -> dict[str, np.ndarray] | None:
    """The arrays stored at ``path`` if they were derived from this KB by this code."""
    try:
        with np.load(path, allow_pickle=False) as data:
            if data["meta"].tolist() != [content_hash, builder_fingerprint()]:
                return None
            arrays = {name: data[name] for name in data.files if name != "meta"}
    except (OSError, ValueError, KeyError):
        return None
    for array in arrays.values():
        array.setflags(write=False)  # shared by every guide in the process
    return arrays


def write_shipped_derived(kb: KnowledgeBase, path: Path | None = None) -> Path:
    """Derive the arrays from the shipped knowledge base into the package (``kb build`` does)."""
    path = path or shipped_derived_path()
    _save(derive(kb), path, kb.content_hash)
    return path


@lru_cache(maxsize=4)  # profiles_for and distinctiveness_for both read it: load the file once
def derived_arrays(kb: KnowledgeBase) -> dict[str, np.ndarray]:
    """The shipped arrays when they belong to ``kb``, else the cached ones, else derived now
    (and cached for the next process)."""
    shipped = _load(shipped_derived_path(), kb.content_hash)
    if shipped is not None:
        return shipped
    cached = cache_dir() / f"derived-{kb.content_hash[:16]}-{builder_fingerprint()}.npz"
    arrays = _load(cached, kb.content_hash)
    if arrays is None:
        try:
            _save(derive(kb), cached, kb.content_hash)
        except OSError:  # a read-only cache costs time, never the answer
            return derive(kb)
        arrays = _load(cached, kb.content_hash)
        assert arrays is not None
    return arrays
