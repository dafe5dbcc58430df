"""Building the title index from the knowledge base's titles (about a second).

Everything that decides the index's *content* lives here and in normalize.py: the
shipped index carries a fingerprint of these two files, so changing either one makes the
shipped file stale (rebuilt in memory at run time, and flagged by a test until
``write_shipped_index()`` is run again).
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from .normalize import _EXCEPT, Normalized, normalize, normalize_light, occupation_title, split_hints, words

# How much a title of each kind can be trusted to name the occupation. Short titles are
# abbreviations (often shared by several occupations); reported titles are what
# incumbents wrote, a little noisier than the curated alternates.
KIND_WEIGHT = {"occupation": 1.0, "alternate": 1.0, "reported": 0.97, "short": 0.95}
# A title reached only after dropping seniority/employment words ("Senior Accountant"
# indexed as "accountant") is slightly weaker evidence than the title itself.
DROPPED_FORM_WEIGHT = 0.98
KIND_SUPPORT = 0.015
OCCUPATION_LEAD_WEIGHT = 0.99


class TitleLike(Protocol):
    code: str
    title: str
    kind: str


class OccupationLike(Protocol):
    code: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class Entry:
    """One indexed form: a normalised title and where it came from."""

    code: str
    title: str  # as written in the knowledge base
    kind: str
    weight: float


def _pack(strings: Iterable[str]) -> np.ndarray:
    """Strings as one UTF-8 byte array, newline-separated (no title contains a newline)."""
    strings = list(strings)
    assert not any("\n" in s for s in strings)
    return np.frombuffer("\n".join(strings).encode("utf-8"), dtype=np.uint8)


def employment(kb) -> dict[str, float]:
    """People employed per O*NET occupation (BLS projections, 2024): the SOC's employment
    shared equally among the O*NET occupations filed under it."""
    occs = kb.occupations()
    sharing: defaultdict[str, int] = defaultdict(int)
    for o in occs:
        sharing[o.projection_soc] += 1
    out = {}
    for o in occs:
        outlook = kb.outlook(o.code)
        if outlook and outlook.employment_2024:
            out[o.code] = outlook.employment_2024 / sharing[o.projection_soc]
    return out


def arrays_from_kb(kb) -> dict[str, np.ndarray]:
    return build_arrays(kb.titles(), kb.occupations(), employment(kb))


def prior(people: float | None) -> float:
    """How common an occupation is, 0 (about 1,000 people or unknown) to 1 (10 million)."""
    if not people:
        return 0.0
    return min(1.0, max(0.0, (math.log10(people) - 3.0) / 4.0))


def build_arrays(
    titles: Iterable[TitleLike], occupations: Iterable[OccupationLike], employment: dict[str, float] | None = None
) -> dict[str, np.ndarray]:
    """Everything the resolver needs, as named numpy arrays (deterministic for a given KB)."""
    occs = {o.code: o for o in occupations}
    codes = sorted(occs)
    employment = employment or {}
    code_ix = {c: i for i, c in enumerate(codes)}
    forms: dict[str, int] = {}  # normalised text -> form id
    form_tokens: list[tuple[str, ...]] = []
    form_heads: list[str] = []
    entries: list[list[Entry]] = []

    def add(norm: Normalized, entry: Entry) -> None:
        if not norm.tokens:
            return
        fid = forms.get(norm.text)
        if fid is None:
            fid = forms[norm.text] = len(form_tokens)
            form_tokens.append(norm.tokens)
            form_heads.append(norm.head)
            entries.append([])
        entries[fid].append(entry)

    for t in titles:
        if t.code not in occs:
            continue
        base, _ = split_hints(t.title)
        if t.kind == "occupation":
            # "Substitute Teachers, Short-Term" is also simply "Substitute Teachers" (but
            # "Cooks, Restaurant" is not just "Cooks": one word is too general).
            lead = normalize_light(_EXCEPT.sub("", base).split(",")[0])
            if "," in base and len(lead.tokens) >= 2:
                add(lead, Entry(t.code, t.title, t.kind, OCCUPATION_LEAD_WEIGHT))
            base = occupation_title(base)
        weight = KIND_WEIGHT.get(t.kind, 0.95)
        light = normalize_light(base)
        add(light, Entry(t.code, t.title, t.kind, weight))
        full = normalize(base)
        # Only when dropping qualifiers kept the head noun: "General Contractor" must not
        # become an index entry "general".
        if full.text != light.text and full.head == light.head:
            add(full, Entry(t.code, t.title, t.kind, weight * DROPPED_FORM_WEIGHT))

    # Per form, keep the best entry per code. A title found under several kinds for the
    # same occupation (an O*NET alternate that incumbents also reported) is better
    # evidence than one found once, which breaks ties between occupations sharing it.
    title_ids: dict[str, int] = {}
    ent_off = [0]
    ent_code: list[int] = []
    ent_title: list[int] = []
    ent_weight: list[float] = []
    for es in entries:
        best: dict[str, Entry] = {}
        kinds: defaultdict[str, set[str]] = defaultdict(set)
        for e in es:
            kinds[e.code].add(e.kind)
            if e.code not in best or e.weight > best[e.code].weight:
                best[e.code] = e
        for e in best.values():
            ent_code.append(code_ix[e.code])
            ent_title.append(title_ids.setdefault(e.title, len(title_ids)))
            ent_weight.append(e.weight + KIND_SUPPORT * (len(kinds[e.code]) - 1))
        ent_off.append(len(ent_code))

    # Token ids as flat (form, token) pairs, each pair once: postings, document
    # frequencies and title weights then come from a few array operations. Sorted, so
    # token ids do not depend on the process's string hashing.
    vocab: dict[str, int] = {}
    pair_form: list[int] = []
    pair_tok: list[int] = []
    for fid, toks in enumerate(form_tokens):
        for tok in sorted(set(toks)):
            pair_form.append(fid)
            pair_tok.append(vocab.setdefault(tok, len(vocab)))
    n = len(form_tokens)
    forms_of = np.array(pair_form, dtype=np.int32)
    toks_of = np.array(pair_tok, dtype=np.int32)
    df = np.bincount(toks_of, minlength=len(vocab))
    idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
    order = np.argsort(toks_of, kind="stable")  # stable: postings stay sorted by form
    post_off = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)

    # Occupation-level evidence: how many of an occupation's titles use a word. "Forklift
    # Operator" is filed under several occupations, but only one has a dozen forklift titles.
    counts: defaultdict[int, defaultdict[int, int]] = defaultdict(lambda: defaultdict(int))
    for fid, toks in enumerate(form_tokens):
        cs = sorted({ent_code[j] for j in range(ent_off[fid], ent_off[fid + 1])})
        for tok in set(toks):
            per_code = counts[vocab[tok]]
            for c in cs:
                per_code[c] += 1
    tcc_off = [0]
    tcc_code: list[int] = []
    tcc_count: list[int] = []
    for tid in range(len(vocab)):
        for c, k in sorted(counts[tid].items()):
            tcc_code.append(c)
            tcc_count.append(k)
        tcc_off.append(len(tcc_code))

    return {
        "codes": _pack(codes),
        "occ_titles": _pack(occs[c].title for c in codes),
        # ... and the words of an occupation's own title and description.
        "occ_title_tokens": _pack(
            " ".join(sorted(set(normalize_light(occupation_title(occs[c].title)).tokens))) for c in codes
        ),
        "occ_desc_tokens": _pack(" ".join(sorted(words(occs[c].description or ""))) for c in codes),
        "vocab": _pack(vocab),
        "idf": idf,
        "post_off": post_off,
        "post_forms": forms_of[order],
        "form_weight": np.bincount(forms_of, weights=idf[toks_of], minlength=n).astype(np.float32),
        "form_head": np.array([vocab.get(h, -1) for h in form_heads], dtype=np.int32),
        "ent_off": np.array(ent_off, dtype=np.int32),
        "ent_code": np.array(ent_code, dtype=np.int16),
        "ent_title": np.array(ent_title, dtype=np.int32),
        "ent_weight": np.array(ent_weight, dtype=np.float32),
        "titles": _pack(title_ids),
        "title_off": np.array(
            [0, *itertools.accumulate(len(t.encode("utf-8")) + 1 for t in title_ids)], dtype=np.int32
        ),
        "tcc_off": np.array(tcc_off, dtype=np.int32),
        "tcc_code": np.array(tcc_code, dtype=np.int16),
        "tcc_count": np.array(tcc_count, dtype=np.int32),
        "prior": np.array([prior(employment.get(c)) for c in codes], dtype=np.float32),
    }
