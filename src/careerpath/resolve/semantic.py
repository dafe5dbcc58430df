"""Semantic matching: an optional second opinion when the lexical match is weak.

"person who fixes cars" shares no useful word with "Automotive Service Technicians and
Mechanics"; a sentence encoder (encoder.py, ``pip install careerpath[semantic]``) still
puts the two close together. The resolver asks for it only when its own best match is
below ``GATE``, so a confident lexical answer is never touched and a process that only
resolves clear titles never loads onnxruntime.

Each occupation is one vector, precomputed and shipped (``occupation-embeddings.npz``,
float16, about 0.8 MB): a fixed mix of three unit vectors,

- the mean of up to ``TITLES_PER_OCCUPATION`` of its titles (occupation, alternate and
  reported titles, spread evenly over the alphabetical list),
- its own O*NET title,
- the first sentence of its description,

so scoring a query is one encoder call (~3 ms) and one 1,016 x 384 matrix product. The
mix, tried on both labelled sets, beat each part alone; on its own the mean of titles was
the strongest part (top-1 90 % on the job-board set, where any single title scored less).

The file records the knowledge base's content hash, the sha256 of the model and tokenizer
files, and a fingerprint of this module; if any differs at run time semantic matching is
switched off (with a warning) rather than rebuilt, since building it takes about half a
minute. ``write_shipped_embeddings()`` regenerates it, and a test checks that the shipped
file is what the builder makes.
"""

from __future__ import annotations

import re
import warnings
from importlib import resources
from pathlib import Path

import numpy as np

from .encoder import DIM, Encoder, SemanticUnavailable, available, model_key

SHIPPED_EMBEDDINGS = "occupation-embeddings.npz"
FORMAT = 1
TITLES_PER_OCCUPATION = 16
# Weights of the mean of titles, the occupation's own title and its description.
MIX = (0.5, 0.3, 0.2)
# When the lexical best is below GATE, candidates are re-ranked by
# (lexical + WEIGHT * semantic) / (1 + WEIGHT).
GATE = 0.8
WEIGHT = 4.0
SEMANTIC_POOL = 20  # the semantically closest occupations join the lexical candidates ...
SEMANTIC_FLOOR = 0.3  # ... if at least this similar (keyboard mashing finds nothing)

__all__ = [
    "SemanticMatcher",
    "SemanticUnavailable",
    "available",
    "build_vectors",
    "write_shipped_embeddings",
]


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=\.)\s", text.strip(), maxsplit=1)[0]


def occupation_texts(kb) -> tuple[list[str], list[str], list[str], list[list[str]]]:
    """(codes, own titles, first description sentences, selected titles) in code order."""
    occs = {o.code: o for o in kb.occupations()}
    codes = sorted(occs)
    by_code: dict[str, list[tuple]] = {c: [] for c in codes}
    for t in kb.titles():
        if t.code in by_code and t.kind != "short":  # short titles are abbreviations
            by_code[t.code].append((t.kind != "occupation", t.title.lower(), t.title))
    selected = []
    for c in codes:
        rows = sorted(set(by_code[c]))
        if len(rows) > TITLES_PER_OCCUPATION:
            picks = np.linspace(0, len(rows) - 1, TITLES_PER_OCCUPATION).round().astype(int)
            rows = [rows[i] for i in picks]
        selected.append([r[2] for r in rows] or [occs[c].title])
    titles = [occs[c].title for c in codes]
    descs = [_first_sentence(occs[c].description or "") or occs[c].title for c in codes]
    return codes, titles, descs, selected


def build_vectors(kb, encoder: Encoder | None = None) -> tuple[list[str], np.ndarray]:
    """(codes, float16 vectors) for every occupation: about half a minute on two cores."""
    encoder = encoder or Encoder.default()
    codes, titles, descs, selected = occupation_texts(kb)
    flat = [t for ts in selected for t in ts]
    owner = np.repeat(np.arange(len(codes)), [len(ts) for ts in selected])
    vecs = encoder.encode(flat)
    mean = np.zeros((len(codes), DIM), dtype=np.float64)
    np.add.at(mean, owner, vecs)
    mean /= np.linalg.norm(mean, axis=1, keepdims=True)
    mixed = MIX[0] * mean + MIX[1] * encoder.encode(titles) + MIX[2] * encoder.encode(descs)
    return codes, mixed.astype(np.float16)


# -- the shipped file ---------------------------------------------------------------------


def builder_fingerprint() -> str:
    from .index import code_fingerprint

    return code_fingerprint(FORMAT, ("semantic.py", "encoder.py"))


def shipped_embeddings_path() -> Path:
    return Path(str(resources.files("careerpath.resolve").joinpath(SHIPPED_EMBEDDINGS)))


def _meta(content_hash: str) -> list[str]:
    return [content_hash, model_key(), builder_fingerprint()]


def save_embeddings(codes: list[str], vectors: np.ndarray, path: Path, content_hash: str) -> None:
    from .build import _pack

    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        np.savez_compressed(f, meta=_pack(_meta(content_hash)), codes=_pack(codes), vectors=vectors)
    tmp.replace(path)


def load_embeddings(path: Path, content_hash: str, codes: list[str]) -> np.ndarray | None:
    """The vectors stored at ``path`` (float32, rows in ``codes`` order) if they were built
    from this KB by this code and model, else None."""
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    with data:
        if bytes(data["meta"]).decode().split("\n") != _meta(content_hash):
            return None
        if bytes(data["codes"]).decode().split("\n") != list(codes):
            return None
        return data["vectors"].astype(np.float32)


def write_shipped_embeddings(kb=None, path: Path | None = None) -> Path:
    """Rebuild the occupation vectors from the knowledge base (default: the shipped one)
    and write them into the package. Needs the ``semantic`` extra. Returns the path."""
    if kb is None:
        from careerpath.kb import KnowledgeBase

        kb = KnowledgeBase.default()
    codes, vectors = build_vectors(kb)
    path = path or shipped_embeddings_path()
    save_embeddings(codes, vectors, path, kb.content_hash)
    return path


# -- matching -------------------------------------------------------------------------------


class SemanticMatcher:
    """Query text -> cosine similarity to every occupation, in the title index's code order."""

    def __init__(self, codes: list[str], vectors: np.ndarray, encoder: Encoder | None = None):
        self.codes = list(codes)
        self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        self._encoder = encoder

    @classmethod
    def for_index(cls, codes: list[str], content_hash: str | None) -> SemanticMatcher | None:
        """The matcher over the shipped vectors, or None (with a warning if the extra is
        installed but the vectors do not fit this KB, model or code)."""
        if content_hash is None or not available():
            return None
        vectors = load_embeddings(shipped_embeddings_path(), content_hash, codes)
        if vectors is None:
            warnings.warn(
                "semantic matching is off: the shipped occupation embeddings do not match this "
                "knowledge base, model or code; run careerpath.resolve.semantic.write_shipped_embeddings()",
                RuntimeWarning,
                stacklevel=3,
            )
            return None
        return cls(codes, vectors)

    @property
    def encoder(self) -> Encoder:
        if self._encoder is None:
            self._encoder = Encoder.default()
        return self._encoder

    def similarities(self, text: str) -> np.ndarray:
        return self.vectors @ self.encoder.encode_one(text)

    def blend(self, text: str, ranked: list[tuple]) -> list[tuple]:
        """Lexical candidates (score, code, title id, dice), re-ranked with semantic
        similarity; the closest occupations by meaning join them. Title id -1 means "matched
        by meaning", reported with the occupation's own title."""
        sims = self.similarities(text)
        index = {c: i for i, c in enumerate(self.codes)}
        k = min(SEMANTIC_POOL, len(sims) - 1)
        pool = np.argpartition(-sims, k)[:k]
        lexical = {r[1]: r for r in ranked}
        for i in pool.tolist():
            code = self.codes[i]
            if code not in lexical and sims[i] >= SEMANTIC_FLOOR:
                lexical[code] = (0.0, code, -1, 0.0)
        out = []
        for s, code, matched, dice in lexical.values():
            sem = max(0.0, float(sims[index[code]]))
            out.append(((s + WEIGHT * sem) / (1.0 + WEIGHT), code, matched, dice))
        out.sort(key=lambda r: (-r[0], r[1]))
        return [(min(1.0, f), c, m, d) for f, c, m, d in out]
