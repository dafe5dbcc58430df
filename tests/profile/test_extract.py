"""Properties of profile extraction, and golden examples that state what must be read."""

from __future__ import annotations

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.profile import extract


def _keys(profile, kind=None):
    return {e.key for e in profile.items if kind is None or e.kind == kind}


def test_every_item_is_a_knowledge_base_item_evidenced_by_words_in_the_text(kb):
    text = ("Senior data engineer, 2016-2024. Built ETL pipelines in Python and Airflow on AWS, "
            "negotiated vendor contracts, supervised a team of 6 engineers. Skills: SQL, k8s, Excel.")
    profile = extract(text, kb)
    technologies = {t.name for code in kb.codes for t in kb.technologies(code)}
    for item in profile.items:
        assert item.phrase and item.phrase in text
        if item.kind == "technology":
            assert item.key in technologies and item.name == item.key
        else:
            assert kb.element(item.key).name == item.name


def test_nicknames_and_synonyms_reach_exact_onet_names(kb):
    profile = extract("AWS, k8s, Postgres, Excel, JS, TS, GCP, sklearn", kb)
    assert _keys(profile, "technology") == {
        "Amazon Web Services AWS software", "Kubernetes", "PostgreSQL", "Microsoft Excel", "JavaScript",
        "TypeScript", "Google Cloud software", "Scikit-learn"}
    assert profile.unrecognised == []


def test_program_manager_is_not_programming(kb):
    profile = extract("Program manager for a hospital network; ran the vendor program and managed programs.", kb)
    assert "2.B.3.e" not in _keys(profile)


def test_ordinary_words_are_not_products(kb):
    # "word", "access", "project", "go", "designer" and "chef" are product names too.
    profile = extract("I go to great lengths to get access to the project files; a designer and a chef "
                      "wrote every word of the help desk calendar.", kb)
    assert _keys(profile, "technology") == set()


def test_short_names_need_a_list(kb):
    assert "R" in _keys(extract("Languages: Python, R, SQL", kb))
    assert "R" in _keys(extract("Ran statistical analysis in R and pandas.", kb))
    assert "R" not in _keys(extract("Led R & D for a small firm.", kb))


def test_task_language_evidences_skills(kb):
    profile = extract("Negotiated contracts with suppliers and trained new staff on safety procedures.", kb)
    assert {"2.B.1.d", "2.B.1.e"} <= _keys(profile)


def test_unrecognised_entries_of_a_list_are_returned_in_order(kb):
    profile = extract("Python, underwater basket weaving, Excel, juggling", kb)
    assert profile.unrecognised == ["underwater basket weaving", "juggling"]


def test_prose_reports_no_unrecognised_entries(kb):
    assert extract("I have spent a decade juggling many responsibilities at once and enjoy it.", kb).unrecognised == []


def test_years_per_role(kb):
    text = ("5 years of experience as a registered nurse at Mercy Hospital.\n"
            "Charge Nurse, Mercy Hospital, 2019 - 2023\n")
    assert extract(text, kb, as_of_year=2025).years == {"registered nurse": 5.0, "Charge Nurse": 4.0}
    assert extract("Barista, 2022 - present", kb, as_of_year=2025).years == {"Barista": 3.0}


def test_empty_text(kb):
    profile = extract("   ", kb)
    assert profile.items == [] and profile.unrecognised == [] and profile.years == {}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gives_items_whose_phrases_are_in_it(kb, text):
    profile = extract(text, kb)
    assert all(item.phrase in text for item in profile.items)
    assert len({(i.kind, i.key) for i in profile.items}) == len(profile.items)


def test_service_reads_skills_through_the_extractor(kb):
    from careerpath.service import read_skills

    read = read_skills("Python, negotiation, basket weaving", kb)
    assert ("technology", "Python") in read.known and ("skill", "2.B.1.d") in read.known
    assert read.not_recognised == ("basket weaving",)
    assert any("Python" in label for label in read.recognised)
    assert {(item.kind, item.key, item.phrase) for item in read.items} >= {("technology", "Python", "Python")}


def test_items_the_person_removes_are_shown_but_not_known(kb):
    from careerpath.service import read_skills

    read = read_skills("Python, negotiation", kb, removed=frozenset({"technology:Python"}))
    assert ("technology", "Python") not in read.known and ("skill", "2.B.1.d") in read.known
    assert not any("Python" in label for label in read.recognised)
    assert [item.removed for item in read.items if item.key == "Python"] == [True]


def test_stated_years_reach_the_guide(kb):
    from careerpath.service import plan_guide

    guide = plan_guide("Software Developer", "Technical Writer",
                       skills="Senior Software Engineer, Acme (2019 - 2025)\n- Built APIs in Python")
    assert [(e.role, e.years) for e in guide.personalization.experience] == [("Senior Software Engineer", 6.0)]


def test_derived_vocabularies_are_cached_and_a_broken_cache_is_rebuilt(kb, tmp_path, monkeypatch):
    from careerpath.profile import lexicon

    monkeypatch.setenv("CAREERPATH_CACHE", str(tmp_path))
    first = lexicon._cached_derived(kb)
    [cached] = tmp_path.glob("lexicon-*.pickle")
    assert lexicon._cached_derived(kb)["aliases"] == first["aliases"]
    cached.write_bytes(b"not a pickle")
    assert lexicon._cached_derived(kb)["technology_names"] == first["technology_names"]
    assert [p.name for p in tmp_path.iterdir()] == [cached.name]   # rewritten, no stray temp file


@pytest.mark.parametrize("text, expected", [
    # A brand word before a state or a machine's model code is a place or a machine.
    ("Shift lead at Sunnyfield Snacks in Lancaster PA; pulled herd data through PCDART", {"Lancaster DHIA PCDART"}),
    ("Climbed and serviced Vestas V110 units on a 160-turbine site", set()),
    # An acronym's plural takes a small s.
    ("Classroom: small-group instruction, PBIS, IEP goals", set()),
    ("Rebuilt the sales dashboards in Power BI and retired 40 old PBIs", {"Microsoft Power BI"}),
    # A product name in capitals after its company's name, alone.
    ("Info systems: ALLDATA, Identifix", {"AutoZone ALLDATA"}),
    # Capitals inside a word make a brand of an ordinary word, read only as written.
    ("Analyzed cases in SAS, built REDCap forms for interviews", {"SAS", "REDCap Research Electronic Data Capture"}),
    ("Certified transcripts in Case CATalyst", {"Stenograph Case CATalyst"}),
    ("Acted as a catalyst for change; worked as a redcap at Union Station", set()),
])
def test_brand_words_read_by_their_writing(kb, text, expected):
    assert {e.key for e in extract(text, kb).items if e.kind == "technology"} == expected


def test_an_obscure_brand_word_is_read_only_in_its_field(kb):
    def technologies(text):
        return {e.key for e in extract(text, kb).items if e.kind == "technology"}
    # O*NET's Eclipse is reservoir-simulation software; a physicist's Eclipse is something else.
    assert technologies("Medical physicist: commissioned the linac and checked treatment plans in Eclipse") == set()
    assert technologies("Reservoir engineer: history-matched the waterflood and ran simulation in Eclipse") \
        == {"Schlumberger ECLIPSE"}
    assert technologies("Tools: Eclipse, Petrel") == {"Schlumberger ECLIPSE"}   # a list names products


def test_a_job_heading_is_not_a_list_entry(kb):
    def technologies(text):
        return {e.key for e in extract(text, kb).items if e.kind == "technology"}
    assert technologies("Painter, Harbor Coatings — 2015-2023\n"
                        "Prepped, primed and sprayed the interiors of offices and schools for a union contractor") == set()
    assert technologies("Painter, Photoshop, Illustrator") == {"Corel Painter", "Adobe Photoshop", "Adobe Illustrator"}


@pytest.mark.parametrize("text, expected", [
    ("Collections Specialist II, Summit Medical Billing — Phoenix, AZ | 2020 – 2024", set()),   # a place
    ("Equipment & Software: Optomap, Cirrus OCT, Humphrey visual fields", set()),   # a brand, then another name
    ("Tools: Bloomberg terminal, Allegro ETRM, Python", {"Bloomberg Professional", "Python"}),
    ("Charting in Epic. BLS current", {"Epic Systems"}),        # "Charting software" is a category
    ("Modeled a column revamp in Aspen Plus", {"ASPEN PLUS"}),  # a name in capital words
])
def test_names_around_brand_words(kb, text, expected):
    assert {e.key for e in extract(text, kb).items if e.kind == "technology"} == expected


# The labelling guide's rules (docs/labelling.md), each shown by a text that needs it.

def test_mathematics_is_read_as_one_pair(kb):
    keys = _keys(extract("Computed the rigging weight and percent of capacity before every lift.", kb))
    assert {"2.A.1.e", "2.C.4.a"} <= keys


def test_serving_customers_is_customer_service_not_service_orientation(kb):
    keys = _keys(extract("Front desk agent: customer service for 300 guests a night, resolved complaints.", kb))
    assert "2.C.1.e" in keys and "2.B.1.f" not in keys
    assert "2.B.1.f" in _keys(extract("Service-oriented pharmacy technician.", kb))


def test_animal_care_is_biology_not_medicine(kb):
    vet = _keys(extract("Vet assistant: gave vaccinations and drew blood from dogs and cats.", kb))
    assert "2.C.4.d" in vet and "2.C.5.a" not in vet
    nurse = _keys(extract("ER nurse: gave vaccinations and drew blood from patients.", kb))
    assert "2.C.5.a" in nurse


@pytest.mark.parametrize("text", ["Ran the loader and the dozer on site prep.",
                                  "Operated a 5-axis router and the edgebander.",
                                  "Certified forklift operator; drove a reach truck."])
def test_running_a_machine_onet_lists_is_operation_and_control(kb, text):
    assert "2.B.3.h" in _keys(extract(text, kb))


def test_running_tests_on_a_machine_is_not_operating_it(kb):
    assert "2.B.3.h" not in _keys(extract("Ran pump tests and analysed the drawdown data.", kb))


def test_drawing_in_cad_is_design_and_mapping_in_gis_is_geography(kb):
    keys = _keys(extract("Designed custom brackets in SolidWorks. Mapped case clusters in ArcGIS.", kb))
    assert {"2.C.3.c", "2.C.4.g"} <= keys


def test_an_agency_on_a_credential_is_not_law(kb):
    assert "2.C.8.b" not in _keys(extract("HVAC service tech, EPA 608 universal certified.", kb))
    assert "2.C.8.b" in _keys(extract("Kept the plant's discharge permits and EPA reporting current.", kb))


def test_kinds_of_tool_are_told_from_products(kb):
    from careerpath.profile.lexicon import lexicon_for, names_a_class

    names = lexicon_for(kb).technology_names
    for kind in ("Human machine interface HMI software", "Computer aided design CAD software",
                 "Supervisory control and data acquisition SCADA software"):
        assert kind in names and names_a_class(kind)
    for product in ("Microsoft Excel", "Amazon Web Services AWS software", "Structured query language SQL",
                    "Hypertext markup language HTML", "Epic Systems"):
        assert product in names and not names_a_class(product)


@pytest.mark.parametrize("text, shows_management", [
    ("Operations manager at a regional 3PL, 2019-2024.", True),
    ("Built Excel reports on pick rates for the operations manager.", False),
    ("Reported to the plant manager on weekly yield.", False),
])
def test_only_the_persons_own_role_shows_its_subject(kb, text, shows_management):
    assert ("2.C.1.a" in _keys(extract(text, kb), "knowledge")) is shows_management


@pytest.mark.parametrize("text, unread", [
    ("I want to learn SQL and Python.", {"Structured query language SQL", "Python"}),
    ("Never used Excel; built budgets in QuickBooks.", {"Microsoft Excel"}),
    ("No sales experience, but I ran payroll in QuickBooks.", {"Sales and Marketing"}),
    ("Currently studying for the CPA exam.", {"Economics and Accounting"}),
    ("Interested in data analysis and machine learning.", {"Computers and Electronics"}),
])
def test_what_the_person_lacks_or_wishes_for_is_not_read(kb, text, unread):
    names = {e.name for e in extract(text, kb).items}
    assert not names & unread
    if "QuickBooks" in text:
        assert "Intuit QuickBooks" in names   # the wish or lack ends with its clause


def test_someone_elses_wish_does_not_hide_what_the_person_did(kb):
    text = "Handled managers who want to argue and wrote up ejection reports after each game."
    assert "Writing" in {e.name for e in extract(text, kb).items}


@pytest.mark.parametrize("text, shows", [
    ("Warehouse Supervisor, Midwest Foods, 2018-present", True),
    ("Worked as a shift supervisor at a call center.", True),
    ("Kept callback and parts logs in Excel for the route supervisor.", False),
    ("Advised supervisors on discipline and FMLA.", False),
])
def test_a_supervisor_manages_people(kb, text, shows):
    assert ("2.B.5.d" in _keys(extract(text, kb), "skill")) is shows


# The labelling guide's own examples (docs/labelling.md), each in a sentence: the extractor reads
# what the guide defines, not only what the labelled sets happened to say.
GUIDE_EXAMPLES = {
    'Writing': ('Wrote {} for the department.', [
        'reports', 'articles', 'stories', 'proposals', 'grant applications', 'user documentation', 'manuals',
        'SOPs', 'policies', 'procedures', 'press releases', 'marketing copy', 'scripts', 'letters', 'memos',
        'briefs', 'case notes', 'progress notes', 'incident reports', 'newsletters',
    ]),
    'Reading Comprehension': ('Reviewed {} for accuracy.', [
        'contracts', 'regulations', 'policies', 'specifications', 'manuals', 'case files', 'medical records',
        'reports',
    ]),
    'Installation': ('Installed {} in new buildings.', [
        'equipment', 'machines', 'cable', 'conduit', 'light fixtures', 'appliances', 'cabinets', 'doors',
        'windows', 'flooring', 'tile', 'panels', 'pipe', 'ductwork', 'security systems', 'software',
    ]),
    'Repairing': ('Repaired {} on site.', [
        'vehicles', 'equipment', 'appliances', 'devices', 'plumbing', 'roofs', 'engines', 'pumps',
    ]),
    'Quality Control Analysis': ('{} to meet the standard.', [
        'Inspected parts', 'Tested materials', 'Tested samples', 'Inspected work', 'Conducted quality audits',
        'Performed software testing',
    ]),
    'Equipment Maintenance': ('{} every week.', [
        'Performed routine maintenance on machines', 'Serviced vehicles', 'Lubricated equipment',
        'Calibrated instruments', 'Completed PMs', 'Maintained tools',
    ]),
    'Coordination': ('Coordinated {} for the project.', [
        'parties', 'trades', 'vendors', 'departments', 'events', 'shipments', 'logistics', 'schedules',
    ]),
    'Negotiation': ('Negotiated {} with clients.', [
        'contracts', 'rates', 'prices', 'settlements', 'leases', 'offers',
    ]),
    'Operation and Control': ('{} daily.', [
        'Operated a forklift', 'Drove a delivery truck', 'Ran the press', 'Operated the process unit',
        'Ran the DCS board', 'Operated cranes', 'Drove tractors', 'Flew aircraft', 'Piloted vessels',
        'Operated trains',
    ]),
    'Operations Monitoring': ('{} during each shift.', [
        'Monitored dials', 'Watched alarm screens', 'Monitored readings', 'Monitored dashboards',
        'Tracked system metrics', 'Stood watch at the control board',
    ]),
    'Troubleshooting': ('{} for customers.', [
        'Troubleshot equipment', 'Diagnosed machine faults', 'Diagnosed vehicle problems',
        'Troubleshot systems', 'Debugged software',
    ]),
    'Management of Material Resources': ('{} for the site.', [
        'Procured supplies', 'Ordered parts', 'Purchased materials', 'Managed equipment',
        'Managed a fleet of 20 vans', 'Managed facilities',
    ]),
    'Management of Financial Resources': ('{} each year.', [
        'Managed a $2M budget', 'Prepared the budget', 'Controlled costs', 'Cut costs by 10%',
        'Allocated funds',
    ]),
    'Customer and Personal Service': ('{} every day.', [
        'Served customers', 'Helped customers', 'Assisted clients', 'Assisted passengers',
        "Answered callers' questions", 'Handled member requests', 'Provided customer support',
        'Resolved guest complaints',
    ]),
    'Technology Design': ('Designed {} for the client.', [
        'equipment', 'machines', 'devices', 'parts', 'circuits', 'software', 'systems', 'networks', 'tools',
        'fixtures', 'products',
    ]),
    'Mechanical': ('Maintained {} at the plant.', [
        'engines', 'motors', 'pumps', 'hydraulics', 'HVAC equipment',
    ]),
    'Speaking': ('{} to large audiences.', [
        'Gave talks', 'Gave briefings', 'Led tours', 'Delivered lectures', 'Gave speeches', 'Presented',
        'Pitched',
    ]),
    'Persuasion': ('{} this year.', [
        'Closed deals', 'Converted prospects', 'Won support for the bond measure', 'Led advocacy',
    ]),
    'Instructing': ('{} on site.', [
        'Trained new hires', 'Taught lessons', 'Educated patients on insulin',
        'Showed customers how to use the app', 'Coached staff',
    ]),
    'Monitoring': ('{} weekly.', [
        "Monitored contractors' compliance", "Tracked students' progress against goals",
        'Assessed staff performance',
    ]),
    'Economics and Accounting': ('Handled {} for the firm.', [
        'payables and receivables', 'the general ledger', 'financial models', 'financial audits',
        'credit analysis',
    ]),
}


@pytest.mark.parametrize("element, sentence", [(element, template.format(item))
                                                for element, (template, items) in GUIDE_EXAMPLES.items()
                                                for item in items])
def test_the_labelling_guides_examples_are_read(kb, element, sentence):
    assert element in {e.name for e in extract(sentence, kb).items}
