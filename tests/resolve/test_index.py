"""The shipped title index: what the builder makes from the shipped KB, and cheap to start."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np

from careerpath.kb import KnowledgeBase
from careerpath.resolve import Resolver
from careerpath.resolve.build import arrays_from_kb, build_arrays
from careerpath.resolve.index import (
    TitleIndex,
    builder_fingerprint,
    load_index,
    save_index,
    shipped_index_path,
)


def test_shipped_index_is_what_the_builder_makes_from_the_shipped_kb():
    kb = KnowledgeBase.default()
    stale = (
        "the shipped title index is stale: run "
        "`python -c 'from careerpath.resolve.index import write_shipped_index; write_shipped_index()'` "
        "and commit src/careerpath/resolve/title-index.npz"
    )
    with np.load(shipped_index_path(), allow_pickle=False) as data:  # no pickled objects inside
        meta = data["meta"].tobytes().decode().split("\n")
        assert meta == [kb.content_hash, builder_fingerprint()], stale
        shipped = {k: data[k] for k in data.files if k != "meta"}
    built = arrays_from_kb(kb)
    assert shipped.keys() == built.keys(), stale
    for name, array in built.items():
        assert shipped[name].dtype == array.dtype, (name, stale)
        assert np.array_equal(shipped[name], array), (name, stale)


def test_default_resolver_uses_the_shipped_index():
    kb = KnowledgeBase.default()
    assert load_index(shipped_index_path(), kb.content_hash) is not None


def test_an_index_for_another_kb_or_builder_is_not_used(tmp_path):
    kb = KnowledgeBase.default()
    arrays = build_arrays(kb.titles()[:2000], kb.occupations())
    path = tmp_path / "index.npz"
    save_index(arrays, path, "some-other-kb")
    assert load_index(path, kb.content_hash) is None
    assert load_index(tmp_path / "missing.npz", kb.content_hash) is None
    (tmp_path / "junk.npz").write_bytes(b"not a zip")
    assert load_index(tmp_path / "junk.npz", kb.content_hash) is None
    loaded = load_index(path, "some-other-kb")
    assert isinstance(loaded, TitleIndex) and len(loaded) == len(arrays["form_weight"])


def test_loaded_index_resolves_like_a_freshly_built_one():
    kb = KnowledgeBase.default()
    built = Resolver(TitleIndex.from_kb(kb))
    shipped = Resolver.default()
    for title in [
        "Registered Nurse",
        "Sr. Backend Engineer (Python)",
        "AI Technical Writer",
        "Cashier",
        "Sofware Enginer",
        "Forklift Operator - Night Shift",
    ]:
        assert built.resolve(title) == shipped.resolve(title)


def test_a_cold_resolve_imports_nothing_heavy():
    """Start-up cost of a one-shot `careerpath resolve`: no KB, no pydantic, no fuzzy matcher."""
    code = (
        "import sys, json; from careerpath.resolve import Resolver; "
        "r = Resolver.default().resolve('Registered Nurse'); "
        "print(json.dumps([r.candidates[0].code, sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('pydantic', 'rapidfuzz', 'sqlite3') or m.startswith('careerpath.kb'))]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    best, heavy = json.loads(out)
    assert best == "29-1141.00"
    assert heavy == []
