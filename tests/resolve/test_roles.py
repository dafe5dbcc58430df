"""Modern roles (catalog/roles.yaml): job-market titles that O*NET folds into a broader
occupation become specializations of the role kind, and the resolver finds them."""

from __future__ import annotations

from collections import Counter

import pytest
from pydantic import ValidationError

from careerpath.resolve import Resolver, specializations
from careerpath.resolve.modifiers import role_titles
from careerpath.resolve.specializations import Specialization

ROLES = specializations.roles()


@pytest.fixture(scope="module")
def resolver() -> Resolver:
    return Resolver.default()


@pytest.fixture(scope="module")
def kb():
    from careerpath.kb import KnowledgeBase

    return KnowledgeBase.default()


# -- the file -------------------------------------------------------------------------------


def test_at_least_sixty_roles_with_unique_ids():
    assert len(ROLES) >= 60
    ids = [s.id for s in specializations.load()]
    assert [i for i, n in Counter(ids).items() if n > 1] == []


def test_every_role_is_complete():
    for role in ROLES:
        assert role.kind == "role"
        assert role.titles and all(t == t.lower() and t.strip() == t for t in role.titles), role.id
        assert 60 <= len(role.summary) <= 400, role.id
        assert 2 <= len(role.portfolio) <= 3, role.id
        for piece in role.portfolio:
            # Plain sentences a person can act on, no template placeholders.
            assert piece.endswith(".") and "{" not in piece and "TODO" not in piece, (role.id, piece)
        assert any(t.priority == "Critical" for t in role.implies.topics), role.id
        assert role.implies.technologies or role.implies.skills or role.implies.knowledge, role.id


def test_the_fast_title_reader_reads_what_yaml_does():
    from careerpath.resolve.modifiers import parse_yaml, role_heads, yaml_text

    text = yaml_text("roles.yaml")
    full = [
        {k: (list(r[k]) if k == "titles" else r[k]) for k in ("id", "name", "titles", "occupation")}
        for r in parse_yaml(text)
    ]
    assert role_heads(text) == full


def test_a_title_belongs_to_one_role():
    titles = Counter(t for role in ROLES for t in role.titles)
    assert [t for t, n in titles.items() if n > 1] == []
    role_titles(ROLES)  # raises if two roles share a title once normalised


def test_occupations_exist_and_roles_only_refine_their_own(kb):
    for role in ROLES:
        assert role.occupation in kb.index, role.id
        assert role.applies(role.occupation)
        assert not role.applies("29-1141.00") or role.occupation == "29-1141.00"


def test_implied_items_exist(kb):
    from careerpath.catalog import Catalog

    catalog = Catalog.default()
    topics = {t.id for t in catalog.topics()}
    techs = {t.name for code in kb.codes for t in kb.technologies(code)}
    kinds = {e.id: e.kind for e in catalog.elements.values()}
    for role in ROLES:
        for t in role.implies.technologies:
            assert t.name in techs, (role.id, t.name)
        for e in role.implies.skills:
            assert kinds.get(e.element_id) == "skill", (role.id, e.element_id)
        for e in role.implies.knowledge:
            assert kinds.get(e.element_id) == "knowledge", (role.id, e.element_id)
        for t in role.implies.topics:
            assert t.id in topics, (role.id, t.id)


def test_model_rejects_a_half_role():
    base = {
        "id": "x_role",
        "name": "X",
        "occupation": "15-1252.00",
        "titles": ["x role"],
        "summary": "Does x.",
        "portfolio": ["One piece.", "Another piece."],
    }
    Specialization.model_validate(base)
    for broken in (
        {**base, "portfolio": ["Only one."]},
        {**base, "summary": ""},
        {**base, "titles": ["X Role"]},
        {**base, "modifiers": ["x"]},
        {**base, "occupation": "15-1252"},
    ):
        with pytest.raises(ValidationError):
            Specialization.model_validate(broken)
    with pytest.raises(ValidationError):  # a modifier with role fields
        Specialization.model_validate({"id": "m", "name": "M", "modifiers": ["m"], "portfolio": ["A.", "B."]})


# -- resolution -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "spec_id", "code"),
    [
        ("Product Manager", "product_manager", "11-2021.00"),
        ("Sr. Product Manager", "product_manager", "11-2021.00"),
        ("product managers", "product_manager", "11-2021.00"),
        ("Senior PM", "product_manager", "11-2021.00"),
        ("Machine Learning Engineer", "ml_engineer", "15-2051.00"),
        ("Senior ML Engineer", "ml_engineer", "15-2051.00"),
        ("MLOps Engineer", "mlops_engineer", "15-1252.00"),
        ("Data Engineer - Spark", "data_engineer", "15-1243.00"),
        ("Analytics Engineer", "analytics_engineer", "15-1243.01"),
        ("Data Analyst", "data_analyst", "15-2051.01"),
        ("BI Developer (Power BI)", "bi_developer", "15-2051.01"),
        ("DevOps Engineer", "devops_engineer", "15-1252.00"),
        ("SRE", "site_reliability_engineer", "15-1252.00"),
        ("Site Reliability Engineer (Kubernetes)", "site_reliability_engineer", "15-1252.00"),
        ("Cloud Architect", "cloud_architect", "15-1299.08"),
        ("Platform Engineer", "platform_engineer", "15-1299.08"),
        ("UX Designer", "ux_designer", "15-1255.00"),
        ("UI/UX Designer", "ux_designer", "15-1255.00"),
        ("UX Researcher", "ux_researcher", "15-1255.00"),
        ("Content Designer", "content_designer", "27-3042.00"),
        ("UX Writer", "ux_writer", "27-3042.00"),
        ("AI Technical Writer", "ai_technical_writer", "27-3042.00"),
        ("Developer Advocate", "developer_advocate", "15-1252.00"),
        ("Solutions Engineer", "solutions_engineer", "41-9031.00"),
        ("Customer Success Manager", "customer_success_manager", "41-3091.00"),
        ("Growth Marketer", "growth_marketer", "13-1161.00"),
        ("SEO Specialist", "seo_specialist", "13-1161.01"),
        ("QA Automation Engineer", "qa_automation_engineer", "15-1253.00"),
        ("SOC Analyst", "soc_analyst", "15-1212.00"),
        ("Scrum Master", "scrum_master", "15-1299.09"),
        ("RevOps Manager", "revenue_operations", "13-1111.00"),
        ("Prompt Engineer", "llm_engineer", "15-1252.00"),
        ("BDR", "sdr_bdr", "41-3091.00"),
        ("Fintech Product Marketing Manager", "product_marketing_manager", "11-2021.00"),
        ("Full-Stack Developer (React/Node)", "fullstack_developer", "15-1254.00"),
        ("iOS Developer", "mobile_developer", "15-1252.00"),
    ],
)
def test_role_titles_resolve_to_role_and_occupation(resolver, title, spec_id, code):
    res = resolver.resolve(title)
    assert res.specialization is not None and res.specialization.id == spec_id, title
    assert res.candidates[0].code == code
    assert res.candidates[0].score >= 0.95 and not res.ambiguous
    # The role's occupation leads clearly; alternatives follow a margin behind.
    assert all(c.score < res.candidates[0].score - 0.1 for c in res.candidates[1:])


def test_every_title_of_every_role_resolves_to_it(resolver):
    wrong = []
    for role in ROLES:
        for title in role.titles:
            res = resolver.resolve(title)
            got = res.specialization.id if res.specialization else None
            if got != role.id or res.candidates[0].code != role.occupation:
                wrong.append((title, role.id, got, res.candidates[0].code))
    assert wrong == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Marketing Manager", "Product Manager"),
        ("Software Developer", "Machine Learning Engineer"),
        ("Data Scientist", "Data Engineer"),
        ("Data Engineer", "Machine Learning Engineer"),
        ("Technical Writer", "AI Technical Writer"),
        ("Software Engineer", "DevOps Engineer"),
    ],
)
def test_different_roles_are_different_pairs(resolver, a, b):
    def pair(title):
        res = resolver.resolve(title)
        return res.candidates[0].code, res.specialization.id if res.specialization else None

    assert pair(a) != pair(b)


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("Marketing Manager", "11-2021.00"),
        ("Data Scientist", "15-2051.00"),
        ("Registered Nurse", "29-1141.00"),
        ("Security Guard", "33-9032.00"),
    ],
)
def test_titles_that_are_not_roles_get_no_role(resolver, title, code):
    res = resolver.resolve(title)
    assert res.specialization is None or res.specialization.kind == "modifier"
    if code:
        assert res.candidates[0].code == code


def test_an_abbreviation_is_a_role_only_as_typed(resolver):
    # "pm" normalises to "project manager"; only the literal "PM" means a product manager.
    assert resolver.resolve("PM").specialization.id == "product_manager"
    pm = resolver.resolve("Project Manager").specialization
    assert pm is not None and pm.id == "project_manager"


def test_a_resolver_with_given_specializations_uses_their_roles():
    role = Specialization.model_validate(
        {
            "id": "test_role",
            "name": "Test Role",
            "occupation": "29-1141.00",
            "titles": ["bedside wizard"],
            "summary": "A test role.",
            "portfolio": ["One piece.", "Another piece."],
        }
    )
    resolver = Resolver(Resolver.default().index, specializations=(role,), semantic=False)
    res = resolver.resolve("Senior Bedside Wizard")
    assert res.specialization is role and res.candidates[0].code == "29-1141.00"
    assert resolver.resolve("Product Manager").specialization is None
