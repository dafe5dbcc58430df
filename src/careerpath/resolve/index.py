"""The title index: every knowledge-base title, normalised, as arrays for vector scoring.

A query is scored against all titles that share a word with it in a handful of numpy
operations (IDF-weighted Dice overlap plus a head-noun check), so resolving costs well
under a millisecond regardless of how many titles mention "manager".

Building it (build.py) takes about a second, too slow for a command that resolves one
title and exits. So the index is built ahead of time and shipped in the package as plain
arrays (``title-index.npz``, no pickle): loading it takes a few milliseconds. The file
records the content hash of the knowledge base it was built from and a fingerprint of the
code that built it (build.py and normalize.py); if either differs at run time the index
is rebuilt in memory instead, so a stale file can make a process slow but never wrong.
``write_shipped_index()`` regenerates it, and a test checks that the shipped file is what
the builder makes from the shipped KB.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

SHIPPED_INDEX = "title-index.npz"
FORMAT = 2  # bump when the arrays change meaning


@dataclass(frozen=True, slots=True)
class IndexedOccupation:
    code: str
    title: str


def _unpack(array: np.ndarray) -> list[str]:
    return array.tobytes().decode("utf-8").split("\n")


# -- the index ----------------------------------------------------------------------------


class _LazySets(dict):
    """code -> frozenset of words, split from the packed text on first use."""

    def __init__(self, codes: list[str], texts: list[str]):
        super().__init__()
        self._text = dict(zip(codes, texts, strict=True))

    def __missing__(self, code: str) -> frozenset[str]:
        value = self[code] = frozenset(self._text[code].split())
        return value


class TitleIndex:
    """The arrays, with the few accessors the resolver needs.

    ``TitleIndex(titles, occupations)`` builds it; ``TitleIndex.from_arrays`` wraps
    arrays built earlier (the shipped file).
    """

    def __init__(self, titles: Iterable, occupations: Iterable, employment: dict[str, float] | None = None):
        from .build import build_arrays

        self._load(build_arrays(titles, occupations, employment))

    @classmethod
    def from_kb(cls, kb) -> TitleIndex:
        """Built now from a knowledge base (titles, occupations and employment)."""
        from .build import arrays_from_kb

        index = cls.from_arrays(arrays_from_kb(kb))
        index.content_hash = kb.content_hash
        return index

    @classmethod
    def from_arrays(cls, arrays) -> TitleIndex:
        self = cls.__new__(cls)
        self._load(arrays)
        return self

    def _load(self, a) -> None:
        self.content_hash: str | None = None  # of the KB it was built from, when known
        self.arrays = {k: a[k] for k in a}
        a = self.arrays
        self.codes = _unpack(a["codes"])
        self.code_index = {c: i for i, c in enumerate(self.codes)}
        self.prior = dict(zip(self.codes, a["prior"].tolist(), strict=True))
        self.occupations = {
            c: IndexedOccupation(c, t) for c, t in zip(self.codes, _unpack(a["occ_titles"]), strict=True)
        }
        self.occ_title_tokens = _LazySets(self.codes, _unpack(a["occ_title_tokens"]))
        self.occ_desc_tokens = _LazySets(self.codes, _unpack(a["occ_desc_tokens"]))
        self.vocab = {tok: i for i, tok in enumerate(_unpack(a["vocab"]))}
        self.idf = a["idf"]
        self.idf_max = float(self.idf.max())
        self.post_off = a["post_off"].tolist()
        self.post_forms = a["post_forms"]
        self.form_weight = a["form_weight"]
        self.form_head = a["form_head"]
        self._ent_off = a["ent_off"]
        self._ent_code = a["ent_code"]
        self._ent_title = a["ent_title"]
        self._ent_weight = a["ent_weight"]
        self._titles = a["titles"].tobytes()
        self._title_off = a["title_off"]
        self._entries: dict[int, tuple[tuple[str, int, float], ...]] = {}
        self._code_counts: dict[int, dict[str, int]] = {}
        self._by_initial: dict[str, list[str]] | None = None

    def __len__(self) -> int:
        return len(self.form_weight)

    def postings(self, tid: int) -> np.ndarray:
        """Ids of the forms that contain token ``tid``, ascending."""
        return self.post_forms[self.post_off[tid] : self.post_off[tid + 1]]

    def title(self, title_id: int) -> str:
        lo, hi = int(self._title_off[title_id]), int(self._title_off[title_id + 1]) - 1
        return self._titles[lo:hi].decode("utf-8")

    def entries(self, fid: int) -> tuple[tuple[str, int, float], ...]:
        """(code, title id, weight) of every occupation that has form ``fid``."""
        found = self._entries.get(fid)
        if found is None:
            lo, hi = int(self._ent_off[fid]), int(self._ent_off[fid + 1])
            codes = self.codes
            found = self._entries[fid] = tuple(
                (codes[c], t, w)
                for c, t, w in zip(
                    self._ent_code[lo:hi].tolist(),
                    self._ent_title[lo:hi].tolist(),
                    self._ent_weight[lo:hi].tolist(),
                    strict=True,
                )
            )
        return found

    def code_counts(self, tid: int) -> dict[str, int]:
        """How many titles of each occupation use token ``tid``."""
        found = self._code_counts.get(tid)
        if found is None:
            a = self.arrays
            lo, hi = int(a["tcc_off"][tid]), int(a["tcc_off"][tid + 1])
            codes = self.codes
            found = self._code_counts[tid] = {
                codes[c]: k for c, k in zip(a["tcc_code"][lo:hi].tolist(), a["tcc_count"][lo:hi].tolist(), strict=True)
            }
        return found

    def forms_per_code(self, fids: np.ndarray) -> np.ndarray:
        """For each occupation (by position in ``codes``), how many of the forms ``fids`` it has."""
        lo = self._ent_off[fids]
        n = self._ent_off[fids + 1] - lo
        if not len(n):
            return np.zeros(len(self.codes), dtype=np.int64)
        starts = np.repeat(lo - np.concatenate([[0], np.cumsum(n)[:-1]]), n)
        rows = starts + np.arange(int(n.sum()))
        return np.bincount(self._ent_code[rows], minlength=len(self.codes))

    @property
    def vocab_by_initial(self) -> dict[str, list[str]]:
        # Typo correction looks only among words with the same first letter: fast, and
        # people rarely misspell the first letter.
        if self._by_initial is None:
            by_initial: defaultdict[str, list[str]] = defaultdict(list)
            for tok in self.vocab:
                by_initial[tok[0]].append(tok)
            self._by_initial = dict(by_initial)
        return self._by_initial


# -- the shipped file ------------------------------------------------------------------------


def code_fingerprint(file_format: int, sources: tuple[str, ...]) -> str:
    """Changes whenever the code that decides a shipped file's content changes."""
    h = hashlib.sha256(f"format {file_format}\n".encode())
    here = Path(__file__).parent
    for name in sources:
        try:
            h.update((here / name).read_bytes())
        except OSError:  # installed without sources: trust the format number alone
            h.update(name.encode())
    return h.hexdigest()


def builder_fingerprint() -> str:
    return code_fingerprint(FORMAT, ("build.py", "normalize.py"))


def shipped_index_path() -> Path:
    return Path(str(resources.files("careerpath.resolve").joinpath(SHIPPED_INDEX)))


def save_index(arrays: dict[str, np.ndarray], path: Path, content_hash: str) -> None:
    from .build import _pack

    meta = _pack([content_hash, builder_fingerprint()])
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        # Uncompressed: 3.6 MB instead of 1.1 MB, but loads in 4 ms instead of 15.
        # One dict (numpy's stubs would read a ** of ndarrays as maybe setting allow_pickle).
        members: dict[str, Any] = {"meta": meta, **arrays}
        np.savez(f, **members)
    tmp.replace(path)


def load_index(path: Path, content_hash: str) -> TitleIndex | None:
    """The index stored at ``path`` if it was built from this KB by this code, else None."""
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    with data:
        if _unpack(data["meta"]) != [content_hash, builder_fingerprint()]:
            return None
        index = TitleIndex.from_arrays({k: data[k] for k in data.files if k != "meta"})
    index.content_hash = content_hash
    return index


def write_shipped_index(kb=None, path: Path | None = None) -> Path:
    """Rebuild the index from the knowledge base (default: the shipped one) and write it
    into the package, where ``Resolver.default()`` looks first. Returns the path."""
    if kb is None:
        from careerpath.kb import KnowledgeBase

        kb = KnowledgeBase.default()
    from .build import arrays_from_kb

    path = path or shipped_index_path()
    save_index(arrays_from_kb(kb), path, kb.content_hash)
    return path
