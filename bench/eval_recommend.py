"""Offline evaluation of `careerpath recommend` against proxies for "related occupations".

The expert list the issue is judged on is held out, so we score against what the raw
releases in shared/data let us build, and compute the plain-cosine baseline the same way:

- titles: two occupations are related when they share job titles people actually use
  (O*NET Alternate Titles + Sample of Reported Titles; titles used by more than
  MAX_TITLE_OCCUPATIONS occupations, like "Manager", are too generic and dropped). The
  related set of A is the ≤10 occupations sharing the most titles with it. Titles are
  not an input of the score, so this proxy is independent of it.
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
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np

from careerpath.engine.recommend import (
    WEIGHTS, _cosine_rows, recommender_for, scores,
)
from careerpath.kb import KnowledgeBase

MAX_TITLE_OCCUPATIONS = 5
TOP = 10
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def _norm(title: str) -> str:
    return " ".join(title.lower().replace("-", " ").split())


def title_related(kb: KnowledgeBase, data: Path) -> dict[int, list[int]]:
    holders: dict[str, set[int]] = defaultdict(set)
    for name, column in (("Alternate Titles.txt", "Alternate Title"), ("Sample of Reported Titles.txt", "Reported Job Title")):
        with open(data / "onet" / name, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                if row["O*NET-SOC Code"] in kb.index:
                    holders[_norm(row[column])].add(kb.index[row["O*NET-SOC Code"]])
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


def matrices(kb: KnowledgeBase) -> dict[str, np.ndarray]:
    r = recommender_for(kb)
    p = r.p
    full = np.vstack([scores(r, i)[0] for i in range(r.n)])
    return {
        "baseline: cosine of skill+knowledge importance": _cosine_rows(p.importance),
        "baseline: cosine of skill+knowledge importance and level": _cosine_rows(np.hstack([p.importance, p.level])),
        **{f"only {name}": m for name, m in r.similarities.items()},
        "similarity (weighted, no pay/demand)": r.combined,
        "transition score (as shipped)": full,
    }


def main(data: Path = DEFAULT_DATA) -> dict:
    kb = KnowledgeBase.default()
    proxies = {"titles": title_related(kb, data), "soc": soc_related(kb)}
    result = {name: {p: round(hit_rate(m, rel), 3) for p, rel in proxies.items()} for name, m in matrices(kb).items()}
    return {"weights": WEIGHTS, "occupations": {p: len(rel) for p, rel in proxies.items()}, "figures": result}


if __name__ == "__main__":
    out = main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA)
    print("occupations with a related set:", out["occupations"])
    for name, figures in out["figures"].items():
        print(f"{name:58s} " + "  ".join(f"{p}={v:.3f}" for p, v in figures.items()))
