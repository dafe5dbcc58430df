"""Autocomplete for the title boxes: what people are typing, as they type it.

The resolver ranks whole titles; mid-word ("softw") it has nothing to go on. So suggestions
come from O*NET's own titles (occupation, reported, alternate) matched on word prefixes,
occupation titles first, then the resolver's best guesses when prefixes find too little.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from careerpath.kb import KnowledgeBase
from careerpath.resolve import InvalidTitle, Resolver

MAX_QUERY = 100
KIND_RANK = {"occupation": 0, "reported": 1, "short": 2, "alternate": 3}


@dataclass(frozen=True)
class Suggestion:
    title: str  # what to put in the box
    code: str
    occupation: str  # the O*NET occupation it belongs to


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", text.lower()).split())


@lru_cache(maxsize=1)
def _index() -> tuple[list[str], list[tuple[float, str, str]]]:
    """Sorted word-suffixes of every title ("senior software developer", "software developer", ...)."""
    kb = KnowledgeBase.default()
    titles: dict[tuple[str, str], float] = {}
    for t in kb.titles():
        key = (t.title, t.code)
        rank: float = KIND_RANK.get(t.kind, 9)
        if key not in titles or rank < titles[key]:
            titles[key] = rank
    entries = []
    for (title, code), rank in titles.items():
        words = _norm(title).split()
        for i in range(len(words)):
            entries.append((" ".join(words[i:]), rank + i * 0.5, title, code))
    entries.sort()
    return [e[0] for e in entries], [(e[1], e[2], e[3]) for e in entries]


def suggest(query: str, limit: int = 8) -> list[Suggestion]:
    q = _norm(query[:MAX_QUERY])
    if len(q) < 2:
        return []
    kb = KnowledgeBase.default()
    keys, rows = _index()
    words = q.split()
    # Bisect on the first word typed; the others must each begin some word of the title.
    start = bisect.bisect_left(keys, words[0])
    found: dict[str, tuple[float, int, str]] = {}
    for i in range(start, min(start + 20000, len(keys))):
        if not keys[i].startswith(words[0]):
            break
        rank, title, code = rows[i]
        if len(words) > 1:
            title_words = keys[i].split()[1:]
            if not all(any(tw.startswith(w) for tw in title_words) for w in words[1:]):
                continue
        score = (rank, len(title))
        if title not in found or score < found[title][:2]:
            found[title] = (rank, len(title), code)
    ranked = sorted(found.items(), key=lambda kv: kv[1][:2])[:limit]
    out = [Suggestion(title, code, kb.occupation(code).title) for title, (_, _, code) in ranked]
    if len(out) < limit // 2:
        try:
            resolution = Resolver.default().resolve(query[:MAX_QUERY], top=limit)
        except InvalidTitle:
            return out
        seen = {s.title for s in out}
        for c in resolution.candidates:
            if c.title not in seen and c.score >= 0.5:
                out.append(Suggestion(c.title, c.code, c.title))
                seen.add(c.title)
            if len(out) >= limit:
                break
    return out
