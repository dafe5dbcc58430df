"""Free-text job title -> ranked O*NET occupations, with a specialization if one was typed.

How a query is resolved:
1. Validate (empty, too long, binary -> ``InvalidTitle``); an O*NET-SOC code short-cuts.
2. Build a few normalised *forms* of it: with and without qualifier words ("Senior",
   "Intern"), and the part before a separator ("RN - ICU" -> "RN").
3. Score every indexed title sharing a word with a form (``TitleIndex``), keep the best
   title per occupation, and nudge by how well the occupation's own title and
   description cover the query.
4. Modern roles (catalog/roles.yaml): a title that is a role's title once normalised
   ("Sr. Product Manager", "product managers", "SRE"), or is one once a modifier is taken
   out ("Fintech Product Marketing Manager"), resolves to the role's occupation, first and
   clear, with the role as its specialization. The occupations that match the words
   follow as alternatives.
5. Specializations: otherwise, if the full title does not match confidently and contains a modifier
   ("AI Copywriter"), try again without it; the modifier is kept only if that
   clearly improves the match. A confident full match ("Data Scientist", "Security
   Guard") is never split.
6. Semantic matching (optional, ``careerpath[semantic]``; semantic.py): if the best match
   is still weak ("person who fixes cars"), candidates are re-ranked with a sentence
   encoder's similarity, and the occupations closest in meaning join them. Loaded on the
   first weak query only, so confident titles never pay for it; without the extra, or with
   ``CAREERPATH_SEMANTIC=0``, the resolver is purely lexical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from careerpath.codes import SOC_OR_ONET

from . import modifiers as _modifiers
from .index import TitleIndex, load_index, shipped_index_path
from .modifiers import Modifier, RoleTitle, RoleTitles, literal_key
from .normalize import Normalized, normalize, normalize_light, segments, split_hints

if TYPE_CHECKING:
    from .semantic import SemanticMatcher
    from .specializations import Specialization

MAX_LENGTH = 200
_CODE = re.compile(rf"\s*({SOC_OR_ONET})\s*")
# Characters that never occur in a typed title: control codes (tab is fine) and the
# replacement character that undecodable bytes turn into.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")

HEAD_MISS = 0.78  # a title whose head noun differs ("AI Technician" for "AI Writer")
SEGMENT_PENALTY = 0.99  # the part before a separator is slightly weaker evidence
CONFIDENT = 0.93  # a full-title match at least this good is never split on a modifier
STRIP_MIN = 0.8  # the remainder after removing a modifier must resolve at least this well
STRIP_GAIN = 0.02
AMBIGUOUS_GAP = 0.04
# A clear reading among close candidates ("Cashier" is the Cashiers occupation's own title)
# is put this far ahead of the others.
CLEAR_MARGIN = 0.11
PRIOR_WEIGHT = 0.03
EXACT = 0.999  # a raw overlap this high is the whole title, word for word
EXACT_GAP = 0.1  # an exact rival within this much of the best makes a title ambiguous
DOMINANT_MIN = 8  # titles containing every query word, at least ...
DOMINANT_RATIO = 3.0  # ... and this many times as many as the next close occupation has
LOW_CONFIDENCE = 0.5
ROLE_SCORE = 0.98  # a modern role's own title: as sure as an exact O*NET title
TOP_FORMS = 60
_SEMANTIC_GATE = 0.8  # semantic.GATE, repeated so a confident resolve never imports it


def _rivals(best: tuple, other: tuple) -> bool:
    """Whether ``other`` is a serious alternative reading to ``best``: nearly as good, or
    an exact match of the whole title that is not far behind ("Analyst" is an O*NET title
    of financial analysts, risk specialists and cost estimators alike)."""
    return other[0] >= best[0] - AMBIGUOUS_GAP or (other[3] >= EXACT and other[0] >= best[0] - EXACT_GAP)


def _ambiguous(ranked: list[tuple]) -> bool:
    if not ranked:
        return False
    return ranked[0][0] < LOW_CONFIDENCE or (len(ranked) > 1 and _rivals(ranked[0], ranked[1]))


def _share(count: int) -> float:
    """0 for no titles, 0.5 for 3, towards 1 for many: saturating, so size alone does not win."""
    return count / (count + 3.0)


def _default_content_hash() -> str:
    """Content hash of the KB that ``KnowledgeBase.default()`` opens, without opening it
    when it is the shipped one (its manifest says the hash)."""
    import json
    import os
    from importlib.util import find_spec
    from pathlib import Path

    if not os.environ.get("CAREERPATH_KB"):
        # The manifest beside the shipped KB, read directly: importing careerpath.kb
        # (sqlite3, gzip, ...) costs more than the rest of a cold resolve.
        spec = find_spec("careerpath.kb")
        for folder in (spec.submodule_search_locations or []) if spec else []:
            manifest = Path(folder) / "data" / "careerpath-kb.sqlite.gz.json"
            if manifest.is_file():
                return json.loads(manifest.read_text("utf-8"))["content_hash"]
    from careerpath.kb import KnowledgeBase

    return KnowledgeBase.default().content_hash


class InvalidTitle(ValueError):
    """The text cannot be a job title (empty, too long, binary)."""


# Plain frozen dataclasses rather than pydantic models: the resolver builds them itself
# (nothing to validate), and importing pydantic would double a one-shot command's start-up.
@dataclass(frozen=True, slots=True)
class Candidate:
    code: str
    title: str
    score: float  # 0..1
    matched: str  # the knowledge-base title that matched the query


@dataclass(frozen=True, slots=True)
class Resolution:
    query: str
    candidates: list[Candidate]
    specialization: Specialization | None = None
    ambiguous: bool = False
    hints: list[str] = field(default_factory=list)  # bracketed asides such as "(Python)", kept for the guide

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def resolution_dict(res: Resolution) -> dict[str, Any]:
    """The JSON shape of one resolution, for `careerpath resolve --format json` and the web
    API's /resolve alike (docs/json.md; keep it stable)."""
    spec = res.specialization
    return {
        "query": res.query,
        "candidates": [
            {"code": c.code, "title": c.title, "score": c.score, "matched": c.matched} for c in res.candidates
        ],
        "specialization": {"id": spec.id, "name": spec.name} if spec else None,
        "ambiguous": res.ambiguous,
    }


@lru_cache(maxsize=1)
def everyday_meanings() -> dict[str, str]:
    """catalog/common_titles.yaml: a bare title ("server") -> the occupation people mean."""
    from careerpath import yamlcache

    entries = yamlcache.load_text(_modifiers.yaml_text("common_titles.yaml"), "common_titles.yaml") or []
    return {literal_key(e["title"]): e["code"] for e in entries}


def validate(text: object) -> str:
    """Return the stripped title or raise ``InvalidTitle`` saying what is wrong."""
    if isinstance(text, bytes):
        raise InvalidTitle("binary input: a job title must be text")
    if not isinstance(text, str):
        raise InvalidTitle(f"a job title must be text, not {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise InvalidTitle("empty title: type a job title such as 'Registered Nurse'")
    if len(stripped) > MAX_LENGTH:
        raise InvalidTitle(f"title too long ({len(stripped)} characters, at most {MAX_LENGTH})")
    if _BINARY.search(stripped):
        raise InvalidTitle("binary input: the title contains control characters")
    if not any(ch.isalnum() for ch in stripped):
        raise InvalidTitle("no letters or digits: type a job title such as 'Registered Nurse'")
    return stripped


class _Match(tuple):
    """(score, code, matched title, raw dice) kept as a tuple: built thousands of times."""


def _semantic_wanted() -> bool:
    import os

    return os.environ.get("CAREERPATH_SEMANTIC", "").strip().lower() not in ("0", "off", "false", "no")


class Resolver:
    def __init__(
        self,
        index: TitleIndex,
        specializations: tuple[Specialization, ...] | None = None,
        semantic: bool | None = None,
    ):
        """``specializations``: the curated ones (the default) or any others, e.g. in tests.
        ``semantic``: None uses semantic matching when the extra is installed (and
        ``CAREERPATH_SEMANTIC`` is not 0), True insists on it, False never uses it."""
        self.index = index
        self._semantic_mode = _semantic_wanted() if semantic is None else semantic
        self._semantic_required = semantic is True
        # Made at the first weak match; False once known unavailable.
        self._matcher: SemanticMatcher | Literal[False] | None = None
        if specializations is None:
            self._modifiers = _modifiers.load()
            self._roles: RoleTitles = _modifiers.load_roles()
            self._specs: dict[str, Specialization] | None = None  # loaded when first needed
        else:
            self._modifiers = _modifiers.from_items(specializations)
            self._roles = _modifiers.role_titles(specializations)
            self._specs = {s.id: s for s in specializations}
        self._corrections: dict[str, int | None] = {}
        self._everyday = everyday_meanings() if specializations is None else {}

    @property
    def specializations(self) -> tuple[Specialization, ...]:
        return tuple(self._specs_by_id().values())

    def _specs_by_id(self) -> dict[str, Specialization]:
        if self._specs is None:
            from .specializations import load

            self._specs = {s.id: s for s in load()}
        return self._specs

    def _specialization(self, modifier: Modifier | None) -> Specialization | None:
        return self._specs_by_id()[modifier.spec_id] if modifier else None

    @classmethod
    def from_kb(cls, kb) -> Resolver:
        """A resolver over ``kb``: the shipped index if it was built from this KB, else built now."""
        index = load_index(shipped_index_path(), kb.content_hash)
        if index is None:
            index = TitleIndex.from_kb(kb)
        return cls(index)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Resolver:
        """The resolver over the default knowledge base, made once per process.

        With the shipped KB and an up-to-date shipped index this opens neither the KB nor
        anything slow: the index is a few milliseconds of array loading.
        """
        index = load_index(shipped_index_path(), _default_content_hash())
        if index is None:
            from careerpath.kb import KnowledgeBase

            kb = KnowledgeBase.default()
            index = TitleIndex.from_kb(kb)
        return cls(index)

    # -- public -------------------------------------------------------------------------

    def resolve(self, text: str, top: int = 5) -> Resolution:
        query = validate(text)
        top = max(1, int(top))
        code = self._code(query)
        if code:
            occ = self.index.occupations[code]
            cand = Candidate(code=code, title=occ.title, score=1.0, matched=occ.title)
            return Resolution(query=query, candidates=[cand])

        base, hints = split_hints(query)
        forms = self._forms(base)
        ranked = self._rank(forms)
        modifier: Modifier | None = None
        modifiers = self._find_modifiers(forms[0][0]) if forms else []
        role = self._find_role(base, forms, modifiers)
        if role is not None:
            return self._role_resolution(query, role, ranked, top, hints)
        meant = self._everyday.get(literal_key(base))
        if meant is not None and meant in self.index.occupations:
            return self._everyday_resolution(query, meant, ranked, top, hints)
        if modifiers and (not ranked or ranked[0][3] < CONFIDENT):
            for s in modifiers:
                tokens = s.tokens
                stripped = [(self._without(f, tokens), w) for f, w in forms]
                stripped = [(f, w) for f, w in stripped if f.tokens]
                alt = self._rank(stripped)
                best = ranked[0][0] if ranked else 0.0
                # The remainder must resolve confidently: well, and to one clear occupation.
                # "BI Developer" minus "BI" is just "Developer", which could be anything.
                clear = not _ambiguous(alt)
                if alt and clear and alt[0][0] >= STRIP_MIN and alt[0][0] > best + STRIP_GAIN:
                    ranked, modifier = alt, s
        if modifier is None and modifiers and ranked:
            modifier = self._inside_title(modifiers, ranked[0])
        if modifier is None:
            modifier = self._hint_specialization(hints)
        spec = self._specialization(modifier)
        if self._semantic_mode and (not ranked or ranked[0][0] < _SEMANTIC_GATE):
            matcher = self._semantic()
            if matcher is not None:
                ranked = matcher.blend(base, ranked)

        occs = self.index.occupations
        cands = [
            Candidate(
                code=c, title=occs[c].title, score=round(s, 4), matched=self.index.title(m) if m >= 0 else occs[c].title
            )
            for s, c, m, _ in ranked[:top]
        ]
        ambiguous = _ambiguous(ranked)
        return Resolution(query=query, candidates=cands, specialization=spec, ambiguous=ambiguous, hints=hints)

    def _find_role(self, base: str, forms, modifiers: list[Modifier]) -> RoleTitle | None:
        """The modern role whose title this is: as typed (abbreviations), normalised, or
        normalised with a modifier taken out."""
        roles = self._roles
        if not roles.by_tokens and not roles.literal:
            return None
        hit = roles.literal.get(literal_key(base))
        if hit is not None:
            return hit
        for form, _ in forms:
            hit = roles.by_tokens.get(form.tokens)
            if hit is not None:
                return hit
        for m in modifiers:
            for form, _ in forms:
                hit = roles.by_tokens.get(self._without(form, m.tokens).tokens)
                if hit is not None:
                    return hit
        return None

    def _role_resolution(self, query: str, role: RoleTitle, ranked, top: int, hints) -> Resolution:
        """The role's occupation first and clear; the word matches follow, a margin behind."""
        occs = self.index.occupations
        own = next((r for r in ranked if r[1] == role.occupation), None)
        cap = ROLE_SCORE - CLEAR_MARGIN
        rest = [(min(s, cap), c, m, d) for s, c, m, d in ranked if c != role.occupation]
        cands = [
            Candidate(
                code=role.occupation,
                title=occs[role.occupation].title,
                score=max(ROLE_SCORE, round(own[0], 4)) if own else ROLE_SCORE,
                matched=role.name,
            )
        ]
        cands += [
            Candidate(
                code=c, title=occs[c].title, score=round(s, 4), matched=self.index.title(m) if m >= 0 else occs[c].title
            )
            for s, c, m, _ in rest[: top - 1]
        ]
        spec = self._specs_by_id()[role.spec_id]
        return Resolution(query=query, candidates=cands, specialization=spec, ambiguous=False, hints=hints)

    def _everyday_resolution(self, query: str, code: str, ranked, top: int, hints) -> Resolution:
        """The occupation a bare title means in everyday speech first and clear; the other
        readings follow, a margin behind, as alternatives."""
        occs = self.index.occupations
        # A curated meaning of the exact title is as sure as a modern role's title.
        score = max([ROLE_SCORE, *(r[0] for r in ranked[:1])])
        rest = [(min(s, score - CLEAR_MARGIN), c, m, d) for s, c, m, d in ranked if c != code]
        cands = [Candidate(code=code, title=occs[code].title, score=round(score, 4), matched=query)]
        cands += [
            Candidate(
                code=c, title=occs[c].title, score=round(s, 4), matched=self.index.title(m) if m >= 0 else occs[c].title
            )
            for s, c, m, _ in rest[: top - 1]
        ]
        return Resolution(query=query, candidates=cands, ambiguous=False, hints=hints)

    @property
    def semantic(self) -> bool:
        """Whether weak matches are re-ranked by meaning (loads the model's vectors)."""
        return bool(self._semantic_mode) and self._semantic() is not None

    def _semantic(self) -> SemanticMatcher | None:
        if self._matcher is None:
            from .semantic import SemanticMatcher, SemanticUnavailable

            matcher = SemanticMatcher.for_index(self.index.codes, self.index.content_hash)
            if matcher is None and self._semantic_required:
                raise SemanticUnavailable(
                    "semantic matching needs `pip install careerpath[semantic]` and shipped "
                    "occupation embeddings for this knowledge base"
                )
            self._matcher = matcher if matcher is not None else False
        return self._matcher or None

    # -- forms --------------------------------------------------------------------------

    def _code(self, query: str) -> str | None:
        m = _CODE.fullmatch(query)
        if not m:
            return None
        code = m.group(1) if "." in m.group(1) else m.group(1) + ".00"
        if code not in self.index.occupations:
            raise InvalidTitle(f"unknown O*NET-SOC code {code}")
        return code

    def _forms(self, base: str) -> list[tuple[Normalized, float]]:
        """Normalised variants of the title, each with how much to trust a match on it."""
        segs = segments(base)
        head_norm = normalize(segs[0])
        forms: list[tuple[Normalized, float]] = []
        seen: set[str] = set()

        def add(n: Normalized, weight: float, head: str | None = None) -> None:
            if n.tokens and n.text not in seen:
                seen.add(n.text)
                forms.append((Normalized(n.tokens, head or n.head), weight))

        whole = " ".join(segs)
        # The role is in the first segment, so that is where the head noun is.
        add(normalize(whole), 1.0, head_norm.head if len(segs) > 1 else None)
        add(normalize_light(whole), 1.0, normalize_light(segs[0]).head if len(segs) > 1 else None)
        if len(segs) > 1:
            add(head_norm, SEGMENT_PENALTY)
            add(normalize_light(segs[0]), SEGMENT_PENALTY)
        return forms

    @staticmethod
    def _without(form: Normalized, tokens: tuple[str, ...]) -> Normalized:
        toks = list(form.tokens)
        n = len(tokens)
        for i in range(len(toks) - n + 1):
            if tuple(toks[i : i + n]) == tokens:
                del toks[i : i + n]
                break
        head = form.head if form.head in toks else (toks[-1] if toks else "")
        return Normalized(tuple(toks), head)

    def _find_modifiers(self, form: Normalized) -> list[Modifier]:
        toks = form.tokens
        tokset = set(toks)
        found, seen = [], set()
        for m in self._modifiers:
            mtoks = m.tokens
            n = len(mtoks)
            if m.spec_id in seen or n == 0 or mtoks[0] not in tokset:
                continue
            if any(tuple(toks[i : i + n]) == mtoks for i in range(len(toks) - n + 1)):
                found.append(m)
                seen.add(m.spec_id)
        return found

    def _inside_title(self, modifiers: list[Modifier], best) -> Modifier | None:
        """'Game Developer' matched as a title of Software Developers still means games."""
        _, code, _, _ = best
        own = self.index.occ_title_tokens[code] | self.index.occ_desc_tokens[code]
        for m in modifiers:
            if m.applies_to and m.applies(code) and not set(m.tokens) & own:
                return m
        return None

    def _hint_specialization(self, hints: list[str]) -> Modifier | None:
        for hint in hints:
            found = self._find_modifiers(normalize(hint))
            if found:
                return found[0]
        return None

    # -- scoring ------------------------------------------------------------------------

    def _token_id(self, tok: str) -> int | None:
        idx = self.index
        tid = idx.vocab.get(tok)
        # Short tokens are acronyms or certifications ("CCNA"); "correcting" them invents words.
        if tid is not None or len(tok) < 5:
            return tid
        if tok not in self._corrections:
            from rapidfuzz import fuzz, process  # only typos need it

            hit = process.extractOne(tok, idx.vocab_by_initial.get(tok[0], ()), scorer=fuzz.ratio, score_cutoff=84)
            self._corrections[tok] = idx.vocab[hit[0]] if hit else None
        return self._corrections[tok]

    def _score_form(self, form: Normalized, weight: float, out: dict[str, tuple]) -> None:
        idx = self.index
        tids: list[int] = []
        qweight = 0.0
        for tok in set(form.tokens):
            tid = self._token_id(tok)
            if tid is None:
                if not tok.isdigit():  # an unknown number ("Driver 24") says nothing
                    qweight += idx.idf_max  # an unknown word: rare, and unmatched
            elif tid not in tids:
                tids.append(tid)
                qweight += float(idx.idf[tid])
        if not tids:
            return
        head = self._token_id(form.head) if form.head else None
        if head is None:
            # Job boards append what the index does not know ("Network Engineer CCNA");
            # the head noun is then the last word it does know.
            known = [t for t in form.tokens if t in idx.vocab]
            head = idx.vocab[known[-1]] if known else None
        posts = [idx.postings(t) for t in tids]
        fids = np.concatenate(posts)
        wts = np.repeat(idx.idf[tids], [len(p) for p in posts])
        uniq, inv = np.unique(fids, return_inverse=True)
        matched = np.bincount(inv, weights=wts)
        dice = 2.0 * matched / (qweight + idx.form_weight[uniq])
        score = dice * np.where(idx.form_head[uniq] == (head if head is not None else -2), 1.0, HEAD_MISS)
        k = min(TOP_FORMS, len(uniq))
        top = np.argpartition(-score, k - 1)[:k] if k < len(uniq) else np.arange(len(uniq))
        for j in top:
            fid = int(uniq[j])
            s = float(score[j]) * weight
            d = float(dice[j])
            for code, title_id, ew in idx.entries(fid):
                es = s * ew
                prev = out.get(code)
                if prev is None or es > prev[0]:
                    out[code] = (es, code, title_id, d)

    def _rank(self, forms: list[tuple[Normalized, float]]) -> list[tuple[float, str, int, float]]:
        best: dict[str, tuple] = {}
        for form, weight in forms:
            self._score_form(form, weight, best)
        if not best:
            return []
        qtoks = set(forms[0][0].tokens)
        idx = self.index
        qids = [(idx.vocab[t], float(idx.idf[idx.vocab[t]])) for t in qtoks if t in idx.vocab]
        qw = sum(w for _, w in qids) or 1.0
        ranked = []
        for s, code, matched, dice in best.values():
            # Occupation-level evidence breaks ties between occupations that share a title:
            # how many of its titles use each query word, and its own title and description.
            support = sum(w * _share(idx.code_counts(tid).get(code, 0)) for tid, w in qids) / qw
            t_cov = len(qtoks & idx.occ_title_tokens[code]) / len(qtoks)
            d_cov = len(qtoks & idx.occ_desc_tokens[code]) / len(qtoks)
            evidence = 0.5 * support + 0.35 * t_cov + 0.15 * d_cov
            # When O*NET files the same title under several occupations ("Site Reliability
            # Engineer": software developers and validation engineers), the one employing
            # more people is the likelier reading: a small nudge, only decisive in near-ties.
            final = s * (0.9 + 0.1 * evidence) * (1.0 + PRIOR_WEIGHT * (idx.prior[code] - 0.5))
            ranked.append((final, code, matched, dice))
        # Sort before clipping to 0..1, so two exact matches still differ by their evidence.
        ranked.sort(key=lambda r: (-r[0], r[1]))
        ranked = [(min(1.0, max(0.0, f)), c, m, d) for f, c, m, d in ranked]
        return self._prefer_clear_reading(forms, ranked)

    # -- ambiguity ----------------------------------------------------------------------

    def _prefer_clear_reading(self, forms, ranked):
        """When several occupations match about equally well but one is plainly what people
        mean, put it first with a clear margin, so the title is not reported as ambiguous.

        "Cashier" is also a title of gambling booth cashiers and tellers, but it is the
        Cashiers occupation's own name; "Truck Driver" is filed under five occupations, but
        heavy truck drivers have most of the titles that say "truck driver". "Teacher" and
        "Engineer" have neither, and stay ambiguous.
        """
        if not _ambiguous(ranked) or ranked[0][0] < LOW_CONFIDENCE:
            return ranked
        codes = [ranked[0][1]] + [r[1] for r in ranked[1:] if _rivals(ranked[0], r)]
        clear = None
        for form, _weight in forms:
            # Its own title may lift an occupation to the top; having most of the titles
            # only confirms the top one ("Project Manager": IT project managers report
            # many, but so do several other kinds of project manager).
            clear = self._own_title(form, codes)
            if clear is None and self._dominant(form, codes) == ranked[0][1]:
                clear = ranked[0][1]
            if clear:
                break
        if clear is None:
            return ranked
        pick = next(r for r in ranked if r[1] == clear)
        top = max(pick[0], ranked[0][0])
        cap = top - CLEAR_MARGIN
        rest = [(min(r[0], cap), *r[1:]) for r in ranked if r[1] != clear]
        return [(top, *pick[1:]), *sorted(rest, key=lambda r: (-r[0], r[1]))]

    def _own_title(self, form: Normalized, codes: list[str]) -> str | None:
        """The one close occupation whose own O*NET title is the query ("Cashiers")."""
        toks = set(form.tokens)
        idx = self.index
        own = [c for c in codes if idx.occ_title_tokens[c] == toks and "All Other" not in idx.occupations[c].title]
        return own[0] if len(own) == 1 else None

    def _dominant(self, form: Normalized, codes: list[str]) -> str | None:
        """The close occupation with most of the titles that contain every query word, if it
        has several times as many as any other."""
        idx = self.index
        words = set(form.tokens)
        tids = [idx.vocab[t] for t in words if t in idx.vocab]
        if not tids or len(tids) < len(words):
            return None
        common = idx.postings(tids[0])
        for t in tids[1:]:
            common = np.intersect1d(common, idx.postings(t), assume_unique=True)
        counts = idx.forms_per_code(common)
        ix = [idx.code_index[c] for c in codes]
        per = sorted(((int(counts[i]), c) for i, c in zip(ix, codes, strict=True)), reverse=True)
        if per[0][0] >= DOMINANT_MIN and per[0][0] >= DOMINANT_RATIO * per[1][0]:
            return per[0][1]
        return None
