"""catalog/common_titles.yaml: the everyday meaning of bare titles O*NET files under several jobs."""

from __future__ import annotations

import yaml

from careerpath.kb import KnowledgeBase
from careerpath.resolve import Resolver
from careerpath.resolve.modifiers import literal_key, yaml_text


def entries() -> list[dict]:
    return yaml.safe_load(yaml_text("common_titles.yaml"))


def test_every_entry_names_a_real_occupation_and_a_reason():
    kb = KnowledgeBase.default()
    keys = [literal_key(e["title"]) for e in entries()]
    assert len(keys) == len(set(keys)), "a title is listed twice"
    for e in entries():
        assert set(e) == {"title", "code", "why"}, e
        kb.occupation(e["code"])  # raises for an unknown code
        assert len(e["why"].split()) >= 5, e["title"]


def test_a_bare_title_resolves_to_its_everyday_meaning_with_the_others_as_alternatives():
    resolver = Resolver.default()
    for e in entries():
        resolution = resolver.resolve(e["title"])
        assert resolution.candidates[0].code == e["code"], e["title"]
        assert not resolution.ambiguous
        assert len(resolution.candidates) > 1, "the other readings stay listed"
    # A title that only contains one of them is read on its own words.
    assert resolver.resolve("Server Administrator").candidates[0].code.startswith("15-")
