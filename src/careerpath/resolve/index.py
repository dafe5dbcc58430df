"""The title index: every knowledge-base title, normalised, as arrays for vector scoring.

Built once per process from ``kb.titles()``. A query is scored against all titles that
share a word with it in a handful of numpy operations (IDF-weighted Dice overlap plus a
head-noun check), so resolving costs well under a millisecond regardless of how many
titles mention "manager".
"""

from __future__ import annotations

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


class TitleIndex:
    def __init__(self, titles: Iterable[TitleLike], occupations: Iterable[OccupationLike]):
        self.occupations = {o.code: o for o in occupations}
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
            if t.code not in self.occupations:
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
        self.entries: list[tuple[Entry, ...]] = []
        for es in entries:
            best: dict[str, Entry] = {}
            kinds: defaultdict[str, set[str]] = defaultdict(set)
            for e in es:
                kinds[e.code].add(e.kind)
                if e.code not in best or e.weight > best[e.code].weight:
                    best[e.code] = e
            self.entries.append(
                tuple(
                    Entry(e.code, e.title, e.kind, e.weight + KIND_SUPPORT * (len(kinds[e.code]) - 1))
                    for e in best.values()
                )
            )
        self.form_text = list(forms)
        self.form_id = forms

        # Token ids as flat (form, token) pairs, each pair once: postings, document
        # frequencies and title weights then come from a few array operations.
        vocab: dict[str, int] = {}
        pair_form: list[int] = []
        pair_tok: list[int] = []
        for fid, toks in enumerate(form_tokens):
            for tok in set(toks):
                pair_form.append(fid)
                pair_tok.append(vocab.setdefault(tok, len(vocab)))
        n = len(form_tokens)
        forms_of = np.array(pair_form, dtype=np.int32)
        toks_of = np.array(pair_tok, dtype=np.int32)
        df = np.bincount(toks_of, minlength=len(vocab))
        self.vocab = vocab
        self.idf = np.log((n + 1) / (df + 0.5)).astype(np.float32)
        order = np.argsort(toks_of, kind="stable")  # stable: postings stay sorted by form
        self.postings = np.split(forms_of[order], np.cumsum(df)[:-1])
        self.form_weight = np.bincount(forms_of, weights=self.idf[toks_of], minlength=n).astype(np.float32)
        self.form_head = np.array([vocab[h] if h in vocab else -1 for h in form_heads], dtype=np.int32)
        self.form_len = np.array([len(t) for t in form_tokens], dtype=np.int32)
        # Typo correction looks only among words with the same first letter: fast, and
        # people rarely misspell the first letter.
        by_initial: defaultdict[str, list[str]] = defaultdict(list)
        for tok in vocab:
            by_initial[tok[0]].append(tok)
        self.vocab_by_initial = dict(by_initial)

        # Occupation-level evidence: how many of an occupation's titles use a word. "Forklift
        # Operator" is filed under several occupations, but only one has a dozen forklift titles.
        counts: defaultdict[int, defaultdict[str, int]] = defaultdict(lambda: defaultdict(int))
        for fid, toks in enumerate(form_tokens):
            codes = {e.code for e in self.entries[fid]}
            for tok in set(toks):
                per_code = counts[vocab[tok]]
                for code in codes:
                    per_code[code] += 1
        self.token_code_counts = {tid: dict(c) for tid, c in counts.items()}
        # ... and the words of its own title and description.
        self.occ_title_tokens = {
            c: frozenset(normalize_light(occupation_title(o.title)).tokens) for c, o in self.occupations.items()
        }
        self.occ_desc_tokens = {
            c: words(o.description or "") for c, o in self.occupations.items()
        }

    def __len__(self) -> int:
        return len(self.form_text)
