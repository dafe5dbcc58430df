"""Offline evaluation of `careerpath recommend` against proxies for "related occupations".

The expert list the issue is judged on is held out, so we score against what the raw
releases in shared/data let us build, and compute the plain-cosine baseline the same way:

- titles: two occupations are related when they share job titles people actually use
  (O*NET Alternate Titles + Sample of Reported Titles; titles used by more than
  MAX_TITLE_OCCUPATIONS occupations, like "Manager", are too generic and dropped). The
  related set of A is the ≤10 occupations sharing the most titles with it. The score has
  a titles similarity of its own, so the titles are split in two halves by a hash of the
  title: the proxy is built from one half while the score's titles similarity sees only
  the other, and the figure is the mean over the two ways round (cross-fitting).
- soc: occupations in the same SOC broad group (first 6 characters, e.g. 15-125x).
  A sanity check only: the score must not just re-learn the code structure.
- BLS Table 1.10 (occupational transfers) gives one rate per occupation, not who moves
  where, so it cannot score pairs; it is not used.

Figure per proxy: the share of each occupation's related set found in its top 10,
averaged over occupations that have one (the issue's figure, on our proxy).

    python bench/eval_recommend.py [path/to/shared/data]
"""

from __future__ import annotations

import csv
import dataclasses
import sys
import zlib
from collections import defaultdict
from pathlib import Path

import numpy as np

from careerpath.engine.recommend import (
    WEIGHTS, _cosine_rows, normalise_title, recommender_for, scores, titles_by_row, titles_similarity,
)
from careerpath.kb import KnowledgeBase

MAX_TITLE_OCCUPATIONS = 5
# The weights shipped before the titles similarity (stop 9), kept to show what titles add.
WEIGHTS_BEFORE_TITLES = {"skills": 0.15, "work": 0.15, "language": 0.45, "technologies": 0.10, "interests": 0.10,
                         "job_zone": 0.05}
TOP = 10
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def half(title: str) -> int:
    """Which of the two halves a title falls in: fixed by its text, the same in every run."""
    return zlib.crc32(normalise_title(title).encode()) % 2


def title_related(kb: KnowledgeBase, data: Path, which: int | None = None) -> dict[int, list[int]]:
    holders: dict[str, set[int]] = defaultdict(set)
    for name, column in (("Alternate Titles.txt", "Alternate Title"), ("Sample of Reported Titles.txt", "Reported Job Title")):
        with open(data / "onet" / name, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["O*NET-SOC Code"] in kb.index and (which is None or half(row[column]) == which):
                    holders[normalise_title(row[column])].add(kb.index[row["O*NET-SOC Code"]])
    shared: dict[int, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    for rows in holders.values():
        if 2 <= len(rows) <= MAX_TITLE_OCCUPATIONS:
            for a in rows:
                for b in rows:
                    if a != b:
                        shared[a][b] += 1
    return {a: [b for b, _ in sorted(others.items(), key=lambda x: (-x[1], x[0]))[:TOP]]
            for a, others in shared.items()}


def soc_related(kb: KnowledgeBase) -> dict[int, list[int]]:
    groups: dict[str, list[int]] = defaultdict(list)
    for i, code in enumerate(kb.codes):
        groups[code[:6]].append(i)
    return {i: [j for j in groups[code[:6]] if j != i][:TOP] for i, code in enumerate(kb.codes)
            if len(groups[code[:6]]) > 1}


def hit_rate(matrix: np.ndarray, related: dict[int, list[int]]) -> float:
    m = np.array(matrix, dtype=np.float64)
    np.fill_diagonal(m, -np.inf)
    top = np.argpartition(-m, TOP, axis=1)[:, :TOP]
    shares = [len(set(top[a]) & set(rel)) / len(rel) for a, rel in related.items()]
    return float(np.mean(shares))


def matrices(kb: KnowledgeBase, titles_seen: int | None = None) -> dict[str, np.ndarray]:
    """Every ranking evaluated, its titles similarity built only from the half of the
    titles ``titles_seen`` (all of them when None)."""
    r = recommender_for(kb)
    if titles_seen is not None:
        sims = dict(r.similarities)
        sims["titles"] = titles_similarity(titles_by_row(kb, keep=lambda t: half(t) == titles_seen))
        combined = sum(WEIGHTS[k] * sims[k] for k in WEIGHTS)
        np.fill_diagonal(combined, -np.inf)
        r = dataclasses.replace(r, similarities=sims, combined=combined)
    p = r.p
    full = np.vstack([scores(r, i)[0] for i in range(r.n)])
    return {
        "baseline: cosine of skill+knowledge importance": _cosine_rows(p.importance),
        "baseline: cosine of skill+knowledge importance and level": _cosine_rows(np.hstack([p.importance, p.level])),
        **{f"only {name}": m for name, m in r.similarities.items()},
        "similarity before titles (stop 9 weights)": sum(w * r.similarities[k] for k, w in WEIGHTS_BEFORE_TITLES.items()),
        "similarity (weighted, no pay/demand)": r.combined,
        "transition score (as shipped)": full,
    }


def main(data: Path = DEFAULT_DATA) -> dict:
    kb = KnowledgeBase.default()
    # Cross-fitted titles proxy: the score sees one half of the titles, the proxy is the other.
    held_out = [(title_related(kb, data, which), matrices(kb, titles_seen=1 - which)) for which in (0, 1)]
    soc = soc_related(kb)
    shipped = matrices(kb)
    result = {name: {"titles": round(float(np.mean([hit_rate(m[name], rel) for rel, m in held_out])), 3),
                     "soc": round(hit_rate(shipped[name], soc), 3)}
              for name in shipped}
    return {"weights": WEIGHTS,
            "occupations": {"titles": [len(rel) for rel, _ in held_out], "soc": len(soc)},
            "figures": result}


if __name__ == "__main__":
    out = main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
    print("occupations with a related set:", out["occupations"])
    for name, figures in out["figures"].items():
        print(f"{name:58s} " + "  ".join(f"{p}={v:.3f}" for p, v in figures.items()))
