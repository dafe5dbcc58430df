"""One product under several O*NET names: which names are joined, and which never are."""

from __future__ import annotations

from collections import Counter

import pytest

from careerpath.engine.compare import Known, compare_technologies
from careerpath.engine.recommend import recommender_for
from careerpath.engine.relevance import distinctiveness_for
from careerpath.kb.products import product_names, product_of
from careerpath.profile import extract


@pytest.mark.parametrize(
    "variant, product",
    [
        ("IBM Lotus Notes", "IBM Notes"),  # a product line many names open with
        ("Avid Media Composer", "Avid Technology Media Composer"),  # the company's longer name
        ("Microsoft Office Outlook", "Microsoft Outlook"),
        ("Exact Software JobBOSS", "JobBOSS"),  # a brand alone
    ],
)
def test_variants_read_as_the_name_most_occupations_use(kb, variant, product):
    assert product_of(kb, variant) == product


@pytest.mark.parametrize(
    "a, b",
    [
        ("Microsoft SQL Server", "Microsoft Windows Server"),  # same last word, different products
        ("Oracle Data Integrator", "SAP BusinessObjects Data Integrator"),  # different vendors
        ("3M Encoder", "Encoder software"),  # a category is no product
        ("Digital databases", "Digital image databases"),
        ("Google Analytics", "Google Looker Analytics"),  # another product's name inserted
        ("Oracle software", "Quest SQL Optimizer for Oracle"),  # made for it, not it
        ("SAP ERP", "ERP software"),  # an acronym alone names no product
    ],
)
def test_different_products_are_never_joined(kb, a, b):
    assert product_of(kb, a) != product_of(kb, b)


def test_the_product_name_is_the_most_listed_and_maps_to_itself(kb):
    listed = Counter(t.name for code in kb.codes for t in kb.technologies(code))
    names = product_names(kb)
    assert names
    for name, product in names.items():
        assert names[product] == product
        assert listed[product] >= listed[name]
        assert name.split()[-1] == product.split()[-1] or "software" in (name.split()[-1], product.split()[-1])


def test_extraction_reports_the_product_name(kb):
    keys = {e.key: e.phrase for e in extract("Tools: Lotus Notes, Avid Media Composer", kb).items}
    assert keys == {"IBM Notes": "Lotus Notes", "Avid Technology Media Composer": "Avid Media Composer"}


def test_a_product_known_under_another_name_carries_over(kb):
    target = next(
        code
        for code in kb.codes
        if "IBM Notes" in {t.name for t in kb.technologies(code)} and len(kb.technologies(code)) < 15
    )
    source = next(
        code for code in kb.codes if not {t.name for t in kb.technologies(code)} & {"IBM Notes", "IBM Lotus Notes"}
    )
    known = Known(technologies=frozenset({"IBM Lotus Notes"}))
    transferable, gaps = compare_technologies(kb, distinctiveness_for(kb), source, target, known)
    notes = next(t for t in kb.technologies(target) if t.name == "IBM Notes")
    assert "IBM Notes" not in {g.key for g in gaps}
    if notes.hot or notes.in_demand:  # shared tools are shown when they say something about the move
        assert "IBM Notes" in {t.name for t in transferable}


def test_recommendations_count_a_product_once(kb, inputs):
    columns = recommender_for(inputs).technology_columns
    assert len({product_of(kb, name) for name in columns}) == len(columns)


def test_shipped_products_are_what_the_builder_makes_from_the_shipped_kb(kb):
    import json

    from careerpath.kb.products import builder_fingerprint, derive_product_names, shipped_products_path

    stale = (
        "the shipped product names are stale: run `python -c 'from careerpath.kb.products import "
        "write_shipped_products; write_shipped_products()'` and commit src/careerpath/kb/products.json"
    )
    shipped = json.loads(shipped_products_path().read_text(encoding="utf-8"))
    assert shipped["meta"] == [kb.content_hash, builder_fingerprint()], stale
    assert shipped["products"] == derive_product_names(kb), stale
    assert product_names(kb) == shipped["products"]
