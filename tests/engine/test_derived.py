"""The engine's derived arrays: shipped for the shipped knowledge base, derived for any other."""

from __future__ import annotations

import numpy as np
import pytest

from careerpath.engine import derived
from careerpath.engine.profiles import compute_profiles, profiles_for
from careerpath.engine.relevance import compute_distinctiveness, distinctiveness_for
from careerpath.kb import KnowledgeBase


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


def test_shipped_arrays_are_what_the_builder_makes_from_the_shipped_kb(kb):
    stale = (
        "the shipped derived arrays are stale: run `python -c 'from careerpath.engine.derived import "
        "write_shipped_derived; from careerpath.kb import KnowledgeBase; write_shipped_derived(KnowledgeBase.default())'` "
        "and commit src/careerpath/engine/derived.npz"
    )
    with np.load(derived.shipped_derived_path(), allow_pickle=False) as shipped:
        assert shipped["meta"].tolist() == [kb.content_hash, derived.builder_fingerprint()], stale
        fresh = derived.derive(kb)
        assert sorted(shipped.files) == sorted([*fresh, "meta"]), stale
        for name, array in fresh.items():
            assert np.array_equal(shipped[name], array, equal_nan=True), f"{name}: {stale}"


def test_loaded_profiles_and_relevance_equal_the_computed_ones(kb):
    computed = compute_profiles(kb)
    loaded = profiles_for(kb)
    for field in (
        "element_ids",
        "kinds",
        "donor",
        "style_donor",
        "value_donor",
        "interest_donor",
        "activity_specificity",
        "shared_names",
    ):
        assert getattr(loaded, field) == getattr(computed, field), field
    for field in ("importance", "level", "level_estimated", "requirement", "work_styles", "work_values", "interests"):
        assert np.array_equal(getattr(loaded, field), getattr(computed, field), equal_nan=True), field
        assert not getattr(loaded, field).flags.writeable, f"{field} is shared by every guide"
    d_loaded, d_computed = distinctiveness_for(kb), compute_distinctiveness(kb, computed)
    assert np.array_equal(d_loaded.z, d_computed.z)
    assert d_loaded.tech_share == d_computed.tech_share
    assert d_loaded.tech_group_share == d_computed.tech_group_share
    assert d_loaded.group_of == d_computed.group_of
    assert d_loaded.branded == d_computed.branded and "Workday software" in d_loaded.branded


def test_another_knowledge_base_derives_its_arrays_once_into_the_cache(kb, tmp_path, monkeypatch, request):
    request.addfinalizer(derived.derived_arrays.cache_clear)  # leave no arrays from the patched paths
    monkeypatch.setenv("CAREERPATH_CACHE", str(tmp_path))
    monkeypatch.setattr(derived, "shipped_derived_path", lambda: tmp_path / "absent.npz")
    calls = []
    real_derive = derived.derive
    monkeypatch.setattr(derived, "derive", lambda k: calls.append(1) or real_derive(k))
    derived.derived_arrays.cache_clear()  # as a new process: nothing loaded yet

    first = derived.derived_arrays(kb)
    derived.derived_arrays.cache_clear()  # the next process reads the cached file
    second = derived.derived_arrays(kb)
    assert len(calls) == 1, "the second process-equivalent load must read the cached file"
    assert list(tmp_path.glob("derived-*.npz")), "derived arrays are kept in the cache directory"
    assert np.array_equal(first["z"], second["z"])


def test_a_stale_file_is_ignored(kb, tmp_path):
    path = tmp_path / "derived.npz"
    derived._save({"z": np.zeros(1)}, path, "another knowledge base")
    assert derived._load(path, kb.content_hash) is None
    assert derived._load(tmp_path / "missing.npz", kb.content_hash) is None
    path.write_bytes(b"not an npz file")
    assert derived._load(path, kb.content_hash) is None


def test_a_donor_named_by_hand_replaces_the_one_the_title_match_would_pick(kb):
    from careerpath.engine.profiles import chosen_donors

    p = profiles_for(kb)
    for code, donor in chosen_donors().items():
        row = kb.index[code]
        assert p.donor[row] != row, f"{code} has its own ratings: it needs no donor"
        assert kb.codes[p.donor[row]] == donor, code
