"""Properties of profile extraction, and golden examples that state what must be read."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerpath.profile import extract


def _keys(profile, kind=None):
    return {e.key for e in profile.items if kind is None or e.kind == kind}


def test_every_item_is_a_knowledge_base_item_evidenced_by_words_in_the_text(kb):
    text = (
        "Senior data engineer, 2016-2024. Built ETL pipelines in Python and Airflow on AWS, "
        "negotiated vendor contracts, supervised a team of 6 engineers. Skills: SQL, k8s, Excel."
    )
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
        "Amazon Web Services AWS software",
        "Kubernetes",
        "PostgreSQL",
        "Microsoft Excel",
        "JavaScript",
        "TypeScript",
        "Google Cloud software",
        "Scikit-learn",
    }
    assert profile.unrecognised == []


def test_program_manager_is_not_programming(kb):
    profile = extract("Program manager for a hospital network; ran the vendor program and managed programs.", kb)
    assert "2.B.3.e" not in _keys(profile)


def test_ordinary_words_are_not_products(kb):
    # "word", "access", "project", "go", "designer" and "chef" are product names too.
    profile = extract(
        "I go to great lengths to get access to the project files; a designer and a chef "
        "wrote every word of the help desk calendar.",
        kb,
    )
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
    text = "5 years of experience as a registered nurse at Mercy Hospital.\nCharge Nurse, Mercy Hospital, 2019 - 2023\n"
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

    guide = plan_guide(
        "Software Developer",
        "Technical Writer",
        skills="Senior Software Engineer, Acme (2019 - 2025)\n- Built APIs in Python",
    )
    assert [(e.role, e.years) for e in guide.personalization.experience] == [("Senior Software Engineer", 6.0)]


def test_derived_vocabularies_are_cached_and_a_broken_cache_is_rebuilt(kb, tmp_path, monkeypatch):
    from careerpath.profile import lexicon

    monkeypatch.setenv("CAREERPATH_CACHE", str(tmp_path))
    first = lexicon._cached_derived(kb)
    [cached] = tmp_path.glob("lexicon-*.pickle")
    assert lexicon._cached_derived(kb)["aliases"] == first["aliases"]
    cached.write_bytes(b"not a pickle")
    assert lexicon._cached_derived(kb)["technology_names"] == first["technology_names"]
    # Rewritten, no stray temp file (yaml/ holds the curated YAML's JSON copies).
    assert [p.name for p in tmp_path.iterdir() if p.name != "yaml"] == [cached.name]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A brand word before a state or a machine's model code is a place or a machine.
        ("Shift lead at Sunnyfield Snacks in Lancaster PA; pulled herd data through PCDART", {"Lancaster DHIA PCDART"}),
        ("Climbed and serviced Vestas V110 units on a 160-turbine site", set()),
        # An acronym's plural takes a small s.
        ("Classroom: small-group instruction, PBIS, IEP goals", set()),
        ("Rebuilt the sales dashboards in Power BI and retired 40 old PBIs", {"Microsoft Power BI"}),
        # A product name in capitals after its company's name, alone.
        ("Info systems: ALLDATA, Identifix", {"AutoZone ALLDATA"}),
        # Capitals inside a word make a brand of an ordinary word, read only as written.
        (
            "Analyzed cases in SAS, built REDCap forms for interviews",
            {"SAS", "REDCap Research Electronic Data Capture"},
        ),
        ("Certified transcripts in Case CATalyst", {"Stenograph Case CATalyst"}),
        ("Acted as a catalyst for change; worked as a redcap at Union Station", set()),
    ],
)
def test_brand_words_read_by_their_writing(kb, text, expected):
    assert {e.key for e in extract(text, kb).items if e.kind == "technology"} == expected


def test_an_obscure_brand_word_is_read_only_in_its_field(kb):
    def technologies(text):
        return {e.key for e in extract(text, kb).items if e.kind == "technology"}

    # O*NET's Eclipse is reservoir-simulation software; a physicist's Eclipse is something else.
    assert technologies("Medical physicist: commissioned the linac and checked treatment plans in Eclipse") == set()
    assert technologies("Reservoir engineer: history-matched the waterflood and ran simulation in Eclipse") == {
        "Schlumberger ECLIPSE"
    }
    assert technologies("Tools: Eclipse, Petrel") == {"Schlumberger ECLIPSE"}  # a list names products


def test_a_job_heading_is_not_a_list_entry(kb):
    def technologies(text):
        return {e.key for e in extract(text, kb).items if e.kind == "technology"}

    assert (
        technologies(
            "Painter, Harbor Coatings — 2015-2023\n"
            "Prepped, primed and sprayed the interiors of offices and schools for a union contractor"
        )
        == set()
    )
    assert technologies("Painter, Photoshop, Illustrator") == {"Corel Painter", "Adobe Photoshop", "Adobe Illustrator"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Collections Specialist II, Summit Medical Billing — Phoenix, AZ | 2020 – 2024", set()),  # a place
        ("Equipment & Software: Optomap, Cirrus OCT, Humphrey visual fields", set()),  # a brand, then another name
        ("Tools: Bloomberg terminal, Allegro ETRM, Python", {"Bloomberg Professional", "Python"}),
        ("Charting in Epic. BLS current", {"Epic Systems"}),  # "Charting software" is a category
        ("Modeled a column revamp in Aspen Plus", {"ASPEN PLUS"}),  # a name in capital words
    ],
)
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


@pytest.mark.parametrize(
    "text",
    [
        "Ran the loader and the dozer on site prep.",
        "Operated a 5-axis router and the edgebander.",
        "Certified forklift operator; drove a reach truck.",
    ],
)
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
    for kind in (
        "Human machine interface HMI software",
        "Computer aided design CAD software",
        "Supervisory control and data acquisition SCADA software",
    ):
        assert kind in names and names_a_class(kind)
    for product in (
        "Microsoft Excel",
        "Amazon Web Services AWS software",
        "Structured query language SQL",
        "Hypertext markup language HTML",
        "Epic Systems",
    ):
        assert product in names and not names_a_class(product)


@pytest.mark.parametrize(
    "text, shows_management",
    [
        ("Operations manager at a regional 3PL, 2019-2024.", True),
        ("Built Excel reports on pick rates for the operations manager.", False),
        ("Reported to the plant manager on weekly yield.", False),
    ],
)
def test_only_the_persons_own_role_shows_its_subject(kb, text, shows_management):
    assert ("2.C.1.a" in _keys(extract(text, kb), "knowledge")) is shows_management


@pytest.mark.parametrize(
    "text, unread",
    [
        ("I want to learn SQL and Python.", {"Structured query language SQL", "Python"}),
        ("Never used Excel; built budgets in QuickBooks.", {"Microsoft Excel"}),
        ("No sales experience, but I ran payroll in QuickBooks.", {"Sales and Marketing"}),
        ("Currently studying for the CPA exam.", {"Economics and Accounting"}),
        ("Interested in data analysis and machine learning.", {"Computers and Electronics"}),
    ],
)
def test_what_the_person_lacks_or_wishes_for_is_not_read(kb, text, unread):
    names = {e.name for e in extract(text, kb).items}
    assert not names & unread
    if "QuickBooks" in text:
        assert "Intuit QuickBooks" in names  # the wish or lack ends with its clause


def test_someone_elses_wish_does_not_hide_what_the_person_did(kb):
    text = "Handled managers who want to argue and wrote up ejection reports after each game."
    assert "Writing" in {e.name for e in extract(text, kb).items}


@pytest.mark.parametrize(
    "text, shows",
    [
        ("Warehouse Supervisor, Midwest Foods, 2018-present", True),
        ("Worked as a shift supervisor at a call center.", True),
        ("Kept callback and parts logs in Excel for the route supervisor.", False),
        ("Advised supervisors on discipline and FMLA.", False),
    ],
)
def test_a_supervisor_manages_people(kb, text, shows):
    assert ("2.B.5.d" in _keys(extract(text, kb), "skill")) is shows


# The labelling guide's own examples (docs/labelling.md), each in a sentence: the extractor reads
# what the guide defines, not only what the labelled sets happened to say.
GUIDE_EXAMPLES = {
    "Writing": [
        "Wrote reports for the department.",
        "Wrote articles for the department.",
        "Wrote stories for the department.",
        "Wrote proposals for the department.",
        "Wrote grant applications for the department.",
        "Wrote user documentation for the department.",
        "Wrote manuals for the department.",
        "Wrote SOPs for the department.",
        "Wrote policies for the department.",
        "Wrote procedures for the department.",
        "Wrote press releases for the department.",
        "Wrote marketing copy for the department.",
        "Wrote scripts for the department.",
        "Wrote letters for the department.",
        "Wrote memos for the department.",
        "Wrote briefs for the department.",
        "Wrote case notes for the department.",
        "Wrote progress notes for the department.",
        "Wrote incident reports for the department.",
        "Wrote newsletters for the department.",
    ],
    "Reading Comprehension": [
        "Reviewed contracts for accuracy.",
        "Reviewed regulations for accuracy.",
        "Reviewed policies for accuracy.",
        "Reviewed specifications for accuracy.",
        "Reviewed manuals for accuracy.",
        "Reviewed case files for accuracy.",
        "Reviewed medical records for accuracy.",
        "Reviewed reports for accuracy.",
    ],
    "Installation": [
        "Installed equipment in new buildings.",
        "Installed machines in new buildings.",
        "Installed cable in new buildings.",
        "Installed conduit in new buildings.",
        "Installed light fixtures in new buildings.",
        "Installed appliances in new buildings.",
        "Installed cabinets in new buildings.",
        "Installed doors in new buildings.",
        "Installed windows in new buildings.",
        "Installed flooring in new buildings.",
        "Installed tile in new buildings.",
        "Installed panels in new buildings.",
        "Installed pipe in new buildings.",
        "Installed ductwork in new buildings.",
        "Installed security systems in new buildings.",
        "Installed software in new buildings.",
    ],
    "Repairing": [
        "Repaired vehicles on site.",
        "Repaired equipment on site.",
        "Repaired appliances on site.",
        "Repaired devices on site.",
        "Repaired plumbing on site.",
        "Repaired roofs on site.",
        "Repaired engines on site.",
        "Repaired pumps on site.",
    ],
    "Quality Control Analysis": [
        "Inspected parts to meet the standard.",
        "Tested materials to meet the standard.",
        "Tested samples to meet the standard.",
        "Inspected work to meet the standard.",
        "Conducted quality audits to meet the standard.",
        "Performed software testing to meet the standard.",
    ],
    "Equipment Maintenance": [
        "Performed routine maintenance on machines every week.",
        "Serviced vehicles every week.",
        "Lubricated equipment every week.",
        "Calibrated instruments every week.",
        "Completed PMs every week.",
        "Maintained tools every week.",
    ],
    "Coordination": [
        "Coordinated parties for the project.",
        "Coordinated trades for the project.",
        "Coordinated vendors for the project.",
        "Coordinated departments for the project.",
        "Coordinated events for the project.",
        "Coordinated shipments for the project.",
        "Coordinated logistics for the project.",
        "Coordinated schedules for the project.",
    ],
    "Negotiation": [
        "Negotiated contracts with clients.",
        "Negotiated rates with clients.",
        "Negotiated prices with clients.",
        "Negotiated settlements with clients.",
        "Negotiated leases with clients.",
        "Negotiated offers with clients.",
    ],
    "Operation and Control": [
        "Operated a forklift daily.",
        "Drove a delivery truck daily.",
        "Ran the press daily.",
        "Operated the process unit daily.",
        "Ran the DCS board daily.",
        "Operated cranes daily.",
        "Drove tractors daily.",
        "Flew aircraft daily.",
        "Piloted vessels daily.",
        "Operated trains daily.",
    ],
    "Operations Monitoring": [
        "Monitored dials during each shift.",
        "Watched alarm screens during each shift.",
        "Monitored readings during each shift.",
        "Monitored dashboards during each shift.",
        "Tracked system metrics during each shift.",
        "Stood watch at the control board during each shift.",
    ],
    "Troubleshooting": [
        "Troubleshot equipment for customers.",
        "Diagnosed machine faults for customers.",
        "Diagnosed vehicle problems for customers.",
        "Troubleshot systems for customers.",
        "Debugged software for customers.",
    ],
    "Management of Material Resources": [
        "Procured supplies for the site.",
        "Ordered parts for the site.",
        "Purchased materials for the site.",
        "Managed equipment for the site.",
        "Managed a fleet of 20 vans for the site.",
        "Managed facilities for the site.",
    ],
    "Management of Financial Resources": [
        "Managed a $2M budget each year.",
        "Prepared the budget each year.",
        "Controlled costs each year.",
        "Cut costs by 10% each year.",
        "Allocated funds each year.",
    ],
    "Customer and Personal Service": [
        "Served customers every day.",
        "Helped customers every day.",
        "Assisted clients every day.",
        "Assisted passengers every day.",
        "Answered callers' questions every day.",
        "Handled member requests every day.",
        "Provided customer support every day.",
        "Resolved guest complaints every day.",
    ],
    "Technology Design": [
        "Designed equipment for the client.",
        "Designed machines for the client.",
        "Designed devices for the client.",
        "Designed parts for the client.",
        "Designed circuits for the client.",
        "Designed software for the client.",
        "Designed systems for the client.",
        "Designed networks for the client.",
        "Designed tools for the client.",
        "Designed fixtures for the client.",
        "Designed products for the client.",
    ],
    "Mechanical": [
        "Maintained engines at the plant.",
        "Maintained motors at the plant.",
        "Maintained pumps at the plant.",
        "Maintained hydraulics at the plant.",
        "Maintained HVAC equipment at the plant.",
        "Repaired engines at the shop.",
        "Rebuilt motors at the shop.",
        "Serviced pumps at the shop.",
        "Worked on hydraulics at the shop.",
        "Worked on pneumatics at the shop.",
        "Repaired drivetrains at the shop.",
        "Serviced HVAC equipment at the shop.",
    ],
    "Speaking": [
        "Gave talks to large audiences.",
        "Gave briefings to large audiences.",
        "Led tours to large audiences.",
        "Delivered lectures to large audiences.",
        "Gave speeches to large audiences.",
        "Presented to large audiences.",
        "Pitched to large audiences.",
    ],
    "Persuasion": [
        "Closed deals this year.",
        "Converted prospects this year.",
        "Won support for the bond measure this year.",
        "Led advocacy this year.",
    ],
    "Instructing": [
        "Trained new hires on site.",
        "Taught lessons on site.",
        "Educated patients on insulin on site.",
        "Showed customers how to use the app on site.",
        "Coached staff on site.",
    ],
    "Monitoring": [
        "Monitored contractors' compliance weekly.",
        "Tracked students' progress against goals weekly.",
        "Assessed staff performance weekly.",
    ],
    "Economics and Accounting": [
        "Handled payables and receivables for the firm.",
        "Handled the general ledger for the firm.",
        "Handled financial models for the firm.",
        "Handled financial audits for the firm.",
        "Handled credit analysis for the firm.",
    ],
    "Science": [
        "Designed experiments for the lab.",
        "Ran experiments for the lab.",
        "Ran field studies for the lab.",
        "Tested hypotheses for the lab.",
        "Conducted research in ecology for the lab.",
        "Conducted social science research for the lab.",
    ],
    "Critical Thinking": [
        "Applied critical thinking for the team.",
        "Led root-cause analysis for the team.",
        "Ran root cause analyses for the team.",
    ],
    "Learning Strategies": [
        "Wrote lesson plans for the school.",
        "Designed the curriculum for the school.",
        "Led course design for the school.",
        "Did instructional design for the school.",
        "Used differentiated instruction for the school.",
        "Wrote IEPs for the school.",
        "Set learning objectives for the school.",
        "Used scaffolding for the school.",
        "Used formative assessment for the school.",
        "Designed a training program for the school.",
    ],
    "Social Perceptiveness": [
        "Used de-escalation with clients.",
        "Showed empathy with clients.",
        "Built rapport with clients.",
        "Used trauma-informed approaches with clients.",
    ],
    "Complex Problem Solving": ["Strong problem solving at work.", "Known for problem-solving at work."],
    "Operations Analysis": [
        "Gathered requirements for the new system.",
        "Led requirements analysis for the new system.",
        "Did user research for the new system.",
        "Performed business analysis for the new system.",
        "Ran a needs assessment for the new system.",
    ],
    "Equipment Selection": [
        "Specified pumps for each job.",
        "Selected lenses for each job.",
        "Sized the equipment for each job.",
        "Chose the tools for each job.",
    ],
    "Programming": [
        "Wrote code for the team.",
        "Wrote scripts for the team.",
        "Wrote programs for the team.",
        "Wrote SQL queries for the team.",
        "Wrote Excel macros for the team.",
        "Wrote firmware for the team.",
        "Wrote CNC programs for the team.",
        "Wrote G-code for the team.",
        "Wrote PLC ladder logic for the team.",
    ],
    "Judgment and Decision Making": ["Known for sound decision making.", "Decided whether to ground the aircraft."],
    "Time Management": ["Strong time management."],
    "Management of Personnel Resources": [
        "Supervised a crew of 6 on the night shift.",
        "Supervised 12 aides on the night shift.",
        "Managed a team of 8 on the night shift.",
        "Led 5 technicians on the night shift.",
        "Hired staff on the night shift.",
        "Scheduled staff on the night shift.",
        "Made staff assignments on the night shift.",
        "Wrote performance reviews of staff on the night shift.",
    ],
    "Administration and Management": [
        "Managed projects for the company.",
        "Managed programs for the company.",
        "Managed operations for the company.",
        "Ran the department for the company.",
        "Ran the business for the company.",
        "Led strategic planning for the company.",
        "Wrote the business plan for the company.",
        "Used Agile for the company.",
        "Ran Scrum for the company.",
        "Earned the PMP for the company.",
    ],
    "Administrative": [
        "Filed records in the office.",
        "Managed records in the office.",
        "Did data entry in the office.",
        "Scheduled appointments in the office.",
        "Scheduled meetings in the office.",
        "Managed calendars in the office.",
        "Handled correspondence in the office.",
        "Did transcription in the office.",
        "Answered multi-line phones in the office.",
        "Worked reception in the office.",
        "Ordered office supplies in the office.",
        "Did docketing in the office.",
    ],
    "Sales and Marketing": [
        "Sold memberships this year.",
        "Beat sales targets this year.",
        "Prospected new accounts this year.",
        "Upsold customers this year.",
        "Ran marketing this year.",
        "Ran advertising this year.",
        "Did SEO this year.",
        "Ran promotions this year.",
        "Did merchandising this year.",
        "Did market research this year.",
        "Did brand work this year.",
    ],
    "Personnel and Human Resources": [
        "Led recruiting for the company.",
        "Ran hiring processes for the company.",
        "Ran onboarding for the company.",
        "Administered benefits for the company.",
        "Managed compensation for the company.",
        "Handled employee relations for the company.",
        "Wrote HR policies for the company.",
        "Handled labor relations for the company.",
    ],
    "Production and Processing": [
        "Worked in manufacturing at the plant.",
        "Ran production lines at the plant.",
        "Improved throughput at the plant.",
        "Ran changeovers at the plant.",
        "Applied lean manufacturing at the plant.",
        "Managed the supply chain at the plant.",
        "Did production scheduling at the plant.",
        "Ran the packaging line at the plant.",
        "Processed raw materials at the plant.",
    ],
    "Food Production": [
        "Farmed 400 acres on the farm.",
        "Grew crops on the farm.",
        "Planted corn and soybeans on the farm.",
        "Harvested on the farm.",
        "Raised livestock on the farm.",
        "Ran the dairy on the farm.",
        "Raised poultry on the farm.",
        "Managed the orchard on the farm.",
        "Managed irrigation of crops on the farm.",
        "Studied agronomy on the farm.",
    ],
    "Computers and Electronics": [
        "Repaired computer hardware for the company.",
        "Did software development for the company.",
        "Provided IT support for the company.",
        "Managed networks for the company.",
        "Managed servers for the company.",
        "Managed databases for the company.",
        "Managed cloud systems for the company.",
        "Installed operating systems for the company.",
        "Repaired electronics for the company.",
        "Repaired circuit boards for the company.",
        "Configured systems for the company.",
        "Administered systems for the company.",
    ],
    "Engineering and Technology": [
        "Applied engineering principles on the project.",
        "Did engineering design on the project.",
        "Did engineering analysis on the project.",
        "Studied mechanical engineering on the project.",
    ],
    "Design": [
        "Drew technical plans for the project.",
        "Drew blueprints for the project.",
        "Made drawings for the project.",
        "Did drafting for the project.",
        "Made CAD drawings for the project.",
        "Drew floor plans for the project.",
        "Drew site plans for the project.",
        "Drew shop drawings for the project.",
        "Drew schematics for the project.",
        "Drew layouts for the project.",
        "Made renderings for the project.",
        "Read blueprints for the project.",
    ],
    "Building and Construction": [
        "Did framing on job sites.",
        "Did carpentry on job sites.",
        "Poured concrete on job sites.",
        "Did masonry on job sites.",
        "Did roofing on job sites.",
        "Hung drywall on job sites.",
        "Did plumbing on job sites.",
        "Did electrical work in buildings on job sites.",
        "Did remodelling on job sites.",
        "Applied building codes on job sites.",
        "Worked construction sites on job sites.",
        "Built roads on job sites.",
    ],
    "Physics": [
        "Applied physics for the design.",
        "Did stress analysis for the design.",
        "Applied thermodynamics for the design.",
        "Modeled heat transfer for the design.",
        "Modeled fluid dynamics for the design.",
        "Worked in optics for the design.",
        "Worked in acoustics for the design.",
        "Worked with radiation for the design.",
    ],
    "Chemistry": [
        "Studied chemical reactions in the lab.",
        "Did chemical analysis in the lab.",
        "Ran titrations in the lab.",
        "Ran chromatography in the lab.",
        "Ran spectroscopy in the lab.",
        "Prepared reagents in the lab.",
        "Did synthesis in the lab.",
        "Balanced pool chemistry in the lab.",
        "Managed water chemistry in the lab.",
        "Handled hazardous chemicals in the lab.",
    ],
    "Biology": [
        "Studied living organisms in the lab.",
        "Cultured cells in the lab.",
        "Processed tissues in the lab.",
        "Grew microbes in the lab.",
        "Did genetics in the lab.",
        "Extracted DNA in the lab.",
        "Studied ecology in the lab.",
        "Surveyed wildlife in the lab.",
        "Cared for animals in the lab.",
        "Processed biological samples in the lab.",
    ],
    "Psychology": [
        "Did psychological assessment for clients.",
        "Wrote behavior plans for clients.",
        "Treated mental health conditions for clients.",
        "Used cognitive behavioral therapy for clients.",
    ],
    "Sociology and Anthropology": [
        "Studied group behavior in the field.",
        "Studied sociology in the field.",
        "Studied anthropology in the field.",
    ],
    "Geography": [
        "Did mapping for the county.",
        "Surveyed land for the county.",
        "Did remote sensing for the county.",
        "Did spatial analysis for the county.",
        "Planned land use for the county.",
        "Did cartography for the county.",
    ],
    "Medicine and Dentistry": [
        "Cared for patients on the unit.",
        "Assessed patients on the unit.",
        "Treated patients on the unit.",
        "Took vital signs on the unit.",
        "Gave medications on the unit.",
        "Gave injections on the unit.",
        "Dressed wounds on the unit.",
        "Made diagnoses on the unit.",
        "Treated diseases on the unit.",
        "Assisted in surgery on the unit.",
        "Did nursing on the unit.",
        "Provided dental care on the unit.",
        "Did medical procedures on the unit.",
        "Gave first aid on the unit.",
        "Holds CPR/AED/BLS on the unit.",
    ],
    "Therapy and Counseling": [
        "Led therapy sessions for clients.",
        "Wrote treatment plans for clients.",
        "Provided rehabilitation for clients.",
        "Did crisis intervention for clients.",
        "Provided career counseling for clients.",
    ],
    "Education and Training": [
        "Taught classes at the college.",
        "Taught courses at the college.",
        "Taught lessons at the college.",
        "Wrote curricula at the college.",
        "Managed classrooms at the college.",
        "Ran training programs at the college.",
        "Delivered professional development at the college.",
    ],
    "English Language": [
        "Did editing for the magazine.",
        "Did proofreading for the magazine.",
        "Did copy-editing for the magazine.",
        "Checked grammar for the magazine.",
        "Kept the style guide for the magazine.",
        "Taught reading for the magazine.",
        "Taught English for the magazine.",
    ],
    "Foreign Language": [
        "Spoke Spanish with clients.",
        "Translated documents from French with clients.",
        "Interpreted in Mandarin with clients.",
        "Used sign language with clients.",
        "Bilingual in Spanish with clients.",
        "Fluent in Portuguese with clients.",
    ],
    "Fine Arts": [
        "Made visual art for shows.",
        "Performed music for shows.",
        "Performed dance for shows.",
        "Performed drama for shows.",
        "Made sculpture for shows.",
        "Did illustration for shows.",
        "Did graphic design for shows.",
        "Did fine art photography for shows.",
    ],
    "History and Archeology": [
        "Studied history for the museum.",
        "Did historical research for the museum.",
        "Managed archives for the museum.",
        "Did archaeology for the museum.",
        "Did historic preservation for the museum.",
    ],
    "Philosophy and Theology": [
        "Studied religion for the congregation.",
        "Led ministry for the congregation.",
        "Studied theology for the congregation.",
        "Served as chaplain for the congregation.",
        "Led prayer for the congregation.",
        "Provided spiritual care for the congregation.",
        "Taught philosophy for the congregation.",
        "Taught ethics for the congregation.",
    ],
    "Public Safety and Security": [
        "Ran the workplace safety program at the site.",
        "Enforced OSHA rules at the site.",
        "Checked PPE at the site.",
        "Did lockout/tagout at the site.",
        "Handled hazmat at the site.",
        "Led emergency response at the site.",
        "Fought fires at the site.",
        "Ran security at the site.",
        "Did loss prevention at the site.",
        "Led evacuations at the site.",
        "Used incident command at the site.",
    ],
    "Law and Government": [
        "Interpreted laws for the firm.",
        "Applied regulations for the firm.",
        "Enforced codes for the firm.",
        "Filed in courts for the firm.",
        "Drafted legal documents for the firm.",
        "Ensured compliance with regulations for the firm.",
        "Obtained permits for the firm.",
        "Tracked legislation for the firm.",
        "Analyzed public policy for the firm.",
    ],
    "Telecommunications": [
        "Installed phone systems for the carrier.",
        "Maintained phone networks for the carrier.",
        "Spliced fibre for the carrier.",
        "Maintained radio transmission for the carrier.",
        "Maintained satellite transmission for the carrier.",
        "Ran broadcast signal chains for the carrier.",
        "Deployed VoIP for the carrier.",
        "Configured network switching for the carrier.",
    ],
    "Communications and Media": [
        "Did journalism for the station.",
        "Did public relations for the station.",
        "Ran social media for the station.",
        "Made content for the station.",
        "Did publishing for the station.",
        "Did broadcasting for the station.",
        "Did video production for the station.",
        "Did podcast production for the station.",
        "Wrote newsletters for the station.",
    ],
    "Transportation": [
        "Drove routes for the company.",
        "Did trucking for the company.",
        "Moved freight for the company.",
        "Handled shipping for the company.",
        "Did dispatching for the company.",
        "Handled logistics for the company.",
        "Did navigation for the company.",
        "Worked in aviation for the company.",
        "Worked in maritime for the company.",
        "Ran delivery routes for the company.",
        "Followed DOT hours of service for the company.",
    ],
}


@pytest.mark.parametrize(
    "element, sentence",
    [(element, sentence) for element, sentences in GUIDE_EXAMPLES.items() for sentence in sentences],
)
def test_the_labelling_guides_examples_are_read(kb, element, sentence):
    assert element in {e.name for e in extract(sentence, kb).items}


# The guide's "no" cases: words that look like an element but do not show it.
GUIDE_COUNTER_EXAMPLES = {
    "Reading Comprehension": [
        "Read gauges and meters on every round.",
        "Read blueprints on site.",
        "Read to children at story time.",
    ],
    "Active Listening": [
        "Conducted interviews with applicants.",
        "Attended weekly meetings.",
        "Handled phone work for the office.",
    ],
    "Writing": [
        "Wrote Python code for the ETL jobs.",
        "Wrote unit tests.",
        "Filled in inspection forms.",
        "Logged data in the LIMS.",
        "Documented every change.",
    ],
    "Speaking": [
        "Made phone calls to customers.",
        "Talked with customers at the counter.",
        "Taught a class of 25 students.",
    ],
    "Mathematics": ["Counted cash at close.", "Entered figures into the ledger.", "Kept a spreadsheet of orders."],
    "Science": ["Ran routine tests to a fixed procedure.", "Read the lab results to the doctor."],
    "Monitoring": [
        "Watched machines on the line.",
        "Monitored screens in the control room.",
        "Monitored patients' vital signs.",
    ],
    "Technology Design": [
        "Did graphic design for flyers.",
        "Did interior design for homes.",
        "Did fashion design.",
    ],
    "Installation": ["Framed walls and poured concrete."],
    "Operations Monitoring": ["Watched the patients on the ward.", "Watched the children on the playground."],
    "Operation and Control": [
        "Ran a small business.",
        "Ran the weekly meeting.",
        "Ran the software build.",
        "Ran a cash register.",
    ],
    "Equipment Maintenance": ["Repaired a failed pump.", "Maintained patient records."],
    "Troubleshooting": ["Diagnosed patients in the ER."],
    "Repairing": ["Fixed software bugs.", "Repaired relationships with vendors."],
    "Quality Control Analysis": ["Screened passengers at the checkpoint.", "Ran financial audits."],
    "Customer and Personal Service": ["Gave clinical care to patients.", "Taught students algebra."],
    "Food Production": ["Cooked on the line in a restaurant."],
    "Computers and Electronics": ["Used Microsoft Office daily.", "Used Excel and Outlook."],
    "Medicine and Dentistry": ["Gave vaccines to dogs and cats.", "Treated horses for colic."],
    "Service Orientation": ["Served customers at the counter."],
    "Complex Problem Solving": ["Solved customer problems."],
    "Critical Thinking": ["Strong communicator and detail-oriented."],
}


@pytest.mark.parametrize(
    "element, sentence",
    [(element, sentence) for element, sentences in GUIDE_COUNTER_EXAMPLES.items() for sentence in sentences],
)
def test_the_labelling_guides_counter_examples_are_not_read(kb, element, sentence):
    assert element not in {e.name for e in extract(sentence, kb).items}


# The roles the guide lists: a job heading naming one shows its subject (rule 2).
GUIDE_ROLES = {
    "Management of Personnel Resources": [
        "Supervisor",
        "Shift Supervisor",
        "Warehouse Supervisor",
        "Foreman",
        "Crew Lead",
        "Shift Lead",
        "Charge Nurse",
        "Head Chef",
        "Production Supervisor",
        "Nurse Manager",
        "Team Lead",
    ],
    "Administration and Management": [
        "Project Manager",
        "Program Manager",
        "Operations Manager",
        "General Manager",
        "Store Manager",
        "Plant Manager",
        "Office Manager",
        "Branch Manager",
        "Owner",
    ],
    "Production and Processing": ["Production Worker", "Machine Operator"],
    "Engineering and Technology": [
        "Mechanical Engineer",
        "Civil Engineer",
        "Electrical Engineer",
        "Process Engineer",
    ],
    "Design": ["Drafter", "Interior Designer", "Product Designer", "Industrial Designer"],
    "Instructing": ["Teacher", "Instructor", "Tutor", "Professor", "Trainer", "Sports Coach"],
    "Education and Training": ["Teacher", "Instructor", "Professor", "Trainer", "Corporate Trainer"],
    "Writing": ["Writer", "Copywriter", "Technical Writer", "Journalist"],
    "Medicine and Dentistry": [
        "Registered Nurse",
        "Physician",
        "Dental Hygienist",
        "Paramedic",
        "Medical Assistant",
        "LPN",
    ],
    "Economics and Accounting": [
        "Accountant",
        "Bookkeeper",
        "Auditor",
        "Loan Officer",
        "Economist",
        "Staff Accountant",
    ],
    "Sales and Marketing": [
        "Salesperson",
        "Sales Representative",
        "Account Executive",
        "Marketing Coordinator",
        "Marketer",
    ],
    "Administrative": ["Receptionist", "Administrative Assistant", "Clerk", "Secretary"],
    "Mechanical": ["Mechanic", "Millwright", "Diesel Mechanic", "Maintenance Mechanic"],
    "Building and Construction": ["Carpenter", "Electrician", "Plumber", "Roofer", "Mason", "General Contractor"],
    "Public Safety and Security": ["Police Officer", "Firefighter", "Security Officer", "EMT", "Safety Officer"],
    "Law and Government": ["Lawyer", "Paralegal", "Attorney", "Compliance Officer", "Legislative Aide"],
    "Personnel and Human Resources": ["Recruiter", "HR Generalist"],
    "Therapy and Counseling": ["Therapist", "Counselor", "Physical Therapist"],
    "Fine Arts": ["Artist", "Musician", "Graphic Designer"],
    "Repairing": ["Mechanic", "Repair Technician", "Service Technician"],
}


@pytest.mark.parametrize("element, role", [(element, role) for element, roles in GUIDE_ROLES.items() for role in roles])
def test_the_roles_the_guide_lists_are_read_from_a_job_heading(kb, element, role):
    assert element in {e.name for e in extract(f"{role}, Acme Corp, 2018-2023", kb).items}


def test_what_follows_without_ends_where_the_sentence_goes_on(kb):
    names = {e.name for e in extract("Closed the books each month without errors using QuickBooks.", kb).items}
    assert "Intuit QuickBooks" in names
    assert "Java" not in {e.name for e in extract("No experience in Java yet.", kb).items}


# -- an employer's name is not what the person knows (issue 18) --------------------------------


def _read(kb, text):
    return {(e.kind, e.name) for e in extract(text, kb).items}


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        (
            "Electrician, Bright Spark Electric (2018 - 2023)\n- Installed wiring in homes",
            ("technology", "Apache Spark"),
        ),
        ("Bright Spark Electric — Apprentice electrician\n- Bent conduit", ("technology", "Apache Spark")),
        ("Apprentice at Bright Spark Electric\n- Pulled wire", ("technology", "Apache Spark")),
        ("Dispatcher at Harbor Logistics Inc., 2019-2022\n- Answered phones", ("knowledge", "Transportation")),
        (
            "Receptionist, Harbor Logistics Inc.\n- Answered phones and greeted visitors",
            ("knowledge", "Transportation"),
        ),
    ],
)
def test_company_names_are_not_skills_or_products(kb, text, not_read):
    read = _read(kb, text)
    assert not_read not in read, read
    assert read, "the rest of the text is still read"


def test_the_same_words_outside_a_company_name_still_count(kb):
    assert ("technology", "Apache Spark") in _read(
        kb, "Built ETL pipelines in Spark and Python at Harbor Logistics Inc."
    )
    assert ("knowledge", "Transportation") in _read(
        kb, "Harbor Logistics Inc. (2019-2022)\n- Planned logistics for freight shipments"
    )
    # A title that goes on is a job, not an employer; a product's own name stays a product.
    assert ("knowledge", "Medicine and Dentistry") in _read(kb, "Registered Dental Hygienist, 2017-2024")
    assert ("technology", "DaVinci Resolve") in _read(kb, "DaVinci Resolve Studio, Baselight, Nuke")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Worked as a grant writer for the county library", "grant writer"),
        # A sentence wrapped onto the next line still reads as one phrase, quoted as written.
        ("Worked as a grant\n  writer for the county library", "grant\n  writer"),
        # A bullet or a blank line ends it: only the second line's own word is evidence.
        ("Worked as a grant\n- writer for the county library", "writer"),
        ("Worked as a grant\n\nwriter for the county library", "writer"),
    ],
)
def test_a_phrase_reads_across_a_wrapped_line_but_not_into_the_next_bullet(text, phrase):
    writing = [e.phrase for e in extract(text).items if e.key == "2.A.1.c"]
    assert writing == [phrase]
