"""The pages a person reads: every guide section present, counts, forms, exports, errors."""

import re
import time

import pytest
from markupsafe import escape

from careerpath.service import pathway_slug, plan_guide
from careerpath.web import pathways

from .conftest import BROWSER, SLUG, csrf, make_client, visit, visitor


def test_home_has_both_search_boxes_labelled_and_explore(client):
    html = client.get("/").text
    for label, field in (("I am a…", "from"), ("I want to become…", "to"), ("My current job", "explore-from")):
        assert f'<label for="{field}">{label}</label>' in html
    assert 'action="/explore"' in html and "Popular pathways" in html
    assert "CC BY 4.0" in html


def test_search_redirects_to_the_readable_pathway_url(client):
    r = client.get("/search", params={"from": "Software Developer", "to": "Technical Writer"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == f"/pathways/{SLUG}"
    r = client.get("/search", params={"from": "Backend developer", "to": "AI technical writer"}, follow_redirects=False)
    assert r.headers["location"].endswith("-to-ai-technical-writer-technical-writers")  # a modern role


def test_an_ambiguous_title_still_leads_to_a_pathway(client):
    # Titles never block (issue #15): the best match is used.
    r = client.get("/search", params={"from": "Software Developer", "to": "writer"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/pathways/software-developers-to-")


def test_pathway_page_shows_every_section_of_the_guide(client):
    html = client.get(f"/pathways/{SLUG}").text
    guide = plan_guide("Software Developers", "Technical Writers")
    assert f"<h1>{guide.title}</h1>" in html
    for heading in (
        "Difficulty",
        "Timeline",
        "Salary change",
        "Demand",
        "Overview",
        "Your transferable skills",
        "Skills you’ll need to learn",
        "Your learning roadmap",
        "Reality check",
        "What you’ll love",
        "What you might miss",
        "Biggest challenges",
        "This week",
        "This month",
        "Next 90 days",
        "Frequently asked questions",
        "Make it yours",
        "Sources and notes on the data",
    ):
        assert heading in html, heading
    for item in guide.transferable_skills + guide.skills_to_learn:
        assert item.name.replace("&", "&amp;") in html
    for phase in guide.roadmap:
        assert phase.title.replace("&", "&amp;") in html
    for faq in guide.faq:
        assert faq.question.replace("'", "&#39;").replace("&", "&amp;") in html or faq.question in html
    assert guide.attribution in html
    assert f"{guide.salary_change_pct:+d}%" in html
    assert 'href="https://' in html  # resources carry links


def test_view_counter_counts_people_once_a_day_and_ignores_bots(client):
    def views(agent, address="testclient"):
        person = visitor(client, address)
        assert person.get(f"/pathways/{SLUG}", headers={"user-agent": agent}).status_code == 200
        return visit(person, SLUG, agent)  # the page is the same for all; app.js counts the visit

    first = views(BROWSER)
    assert views(BROWSER) == first  # same person, same day
    assert views(BROWSER + " other") == first  # a new user agent is not a new person
    assert views(BROWSER, "198.51.100.7") == first + 1  # another address is
    assert views("Googlebot/2.1 (+http://www.google.com/bot.html)", "198.51.100.8") == first + 1
    assert views("curl/8.0", "198.51.100.9") == first + 1
    assert client.get(f"/api/v1/views/{SLUG}").json() == {"slug": SLUG, "views": first + 1, "available": True}
    client.app.state.ctx.views.flush()  # popular reads the stored totals; visits are written in batches
    popular = client.get("/api/v1/pathways/popular").json()
    assert popular[0]["slug"] == SLUG and popular[0]["views"] == first + 1


def test_personalize_save_and_reopen(client):
    token = csrf(client)
    form = {"csrf_token": token, "skills": "", "hours_per_week": "20", "location": "TX", "budget": "free"}
    r = client.post(f"/pathways/{SLUG}/personalize", data=form)
    assert r.status_code == 200
    assert "Tailored to you" in r.text and "Texas" in r.text and "Save this guide" in r.text
    changed = r.text.split("What changed from the standard guide")[1].split("</ul>")[0]
    assert "20 hours a week instead of 10" in changed and "Texas" in changed and "free" in changed
    r = client.post(f"/pathways/{SLUG}/save", data=form, follow_redirects=False)
    assert r.status_code == 303
    link = r.headers["location"]
    assert re.fullmatch(r"/saved/[A-Za-z0-9_-]{43}", link)
    saved = client.get(link)
    assert saved.status_code == 200 and "Saved." in saved.text and "Texas" in saved.text
    assert client.get(link + ".json").json()["personalization"]["location"] == "Texas"
    assert client.get("/saved/" + "A" * 43).status_code == 404


def test_forms_need_the_csrf_token(client):
    r = client.post(f"/pathways/{SLUG}/personalize", data={"hours_per_week": "20"})
    assert r.status_code == 403
    r = client.post(f"/pathways/{SLUG}/save", data={"csrf_token": "x" * 30, "hours_per_week": "20"})
    assert r.status_code == 403


def test_a_pasted_resume_is_read_shown_with_its_evidence_and_can_be_corrected(client):
    resume = (
        "Senior Software Engineer, Northwind (2018 - present)\n"
        "- Built REST APIs in Python and Django; wrote the API reference docs in Markdown\n"
        "- Mentored four junior engineers and ran our on-call rotation\n"
    ) * 12  # ~2,800 characters
    form = {"csrf_token": csrf(client), "skills": resume}
    r = client.post(f"/pathways/{SLUG}/personalize", data=form)
    assert r.status_code == 200 and "Tailored to you" in r.text
    read = r.text.split("What we read from your words")[1].split("</ul>")[0]
    assert "<strong>Django</strong>" in read and "from “Django”" in read
    assert "<strong>Instructing</strong>" in read and "from “Mentored four junior engineers”" in read
    assert 'name="remove" value="technology:Django" form="personalize-form">' in read  # offered, not ticked
    assert "Experience you stated:</strong> Senior Software Engineer (" in r.text  # once, though pasted 12 times

    r = client.post(f"/pathways/{SLUG}/personalize", data={**form, "remove": ["technology:Django", "bogus"]})
    read = r.text.split("What we read from your words")[1].split("</ul>")[0]
    assert 'value="technology:Django" form="personalize-form" checked>' in read and "removed by you" in read
    assert '<input type="hidden" name="remove" value="technology:Django">' in r.text  # kept when saving
    js = client.post(
        "/api/v1/guide",
        json={
            "from": "Software Developers",
            "to": "Technical Writers",
            "skills": resume,
            "remove": ["technology:Django"],
        },
    ).json()
    personalization = js["guide"]["personalization"]
    django = [s for s in personalization["skills_read"] if s["key"] == "Django"]
    assert django and django[0]["removed"] is True
    assert not any("Django" in label for label in personalization["skills_recognised"])


def test_bad_answers_are_explained_on_the_page(client):
    token = csrf(client)
    r = client.post(f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "hours_per_week": "500"})
    assert r.status_code == 400 and "hours per week must be between" in r.text
    r = client.post(f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "location": "Atlantis"})
    assert r.status_code == 400 and "Atlantis" in r.text
    r = client.post(f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "skills": "x" * 13_000})
    assert r.status_code == 400 and "12,000 characters" in r.text and "x" * 13_000 in r.text  # kept in the box


def test_exports(client):
    md = client.get(f"/pathways/{SLUG}.md")
    assert md.status_code == 200 and md.text.startswith("*Software Developers → Technical Writers*")
    assert "Resolved to: Software Developers (15-1252.00)" in md.text and "## Overview" in md.text
    js = client.get(f"/pathways/{SLUG}.json").json()
    assert js["to"]["title"] == "Technical Writers"
    html = client.get(f"/pathways/{SLUG}.html").text
    assert "<style>" in html and "@media print" in html
    pdf = client.get(f"/pathways/{SLUG}.pdf")
    assert pdf.headers["content-type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert client.get(f"/pathways/{SLUG}.exe").status_code == 404


def test_404_helps(client):
    r = client.get("/pathways/software-developer-to-technical-writer")
    assert r.status_code == 404
    assert f'href="/pathways/{SLUG}"' in r.text and 'action="/search"' in r.text
    assert client.get("/no/such/page").status_code == 404


def test_security_headers_and_escaping(client):
    r = client.get("/search", params={"from": "<script>alert(1)</script>", "to": "Technical Writer"})
    assert "<script>alert(1)</script>" not in r.text
    for header in ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy"):
        assert header in r.headers
    client.cookies.clear()
    page = client.get(f"/pathways/{SLUG}")
    assert "set-cookie" not in page.headers and not re.search(r'name="csrf_token" value="[^"]', page.text)
    first = client.post(f"/pathways/{SLUG}/visit")  # what app.js asks for: the count and the form token
    cookie = first.headers["set-cookie"]
    attributes = {part.strip().lower() for part in cookie.split(";")}
    assert cookie.startswith("cp_csrf=") and {"samesite=strict", "httponly", "path=/"} <= attributes
    token = cookie.split(";")[0].split("=", 1)[1]
    assert first.json()["csrf"] == token  # the answer repeats the cookie's token for the form
    assert "set-cookie" not in client.post(f"/pathways/{SLUG}/visit").headers  # kept, not renewed
    form = {"hours_per_week": "5"}
    assert client.post(f"/pathways/{SLUG}/personalize", data={**form, "csrf_token": token}).status_code == 200
    assert client.post(f"/pathways/{SLUG}/personalize", data={**form, "csrf_token": "x" * 32}).status_code == 403


def test_rate_limit_on_guide_generation(tmp_path):
    with make_client(f"sqlite:///{tmp_path / 'r.sqlite'}", rate_per_minute=1, rate_burst=2) as c:
        token = csrf(c)
        statuses = [
            c.post(f"/pathways/{SLUG}/personalize", data={"csrf_token": token, "hours_per_week": "5"}).status_code
            for _ in range(4)
        ]
        assert statuses[-1] == 429 and statuses.count(429) >= 2
        api = c.get("/api/v1/guide", params={"from": "nurse practitioner", "to": "pharmacist", "hours_per_week": 5})
        assert api.status_code == 429 and "Retry-After" in api.headers and "error" in api.json()
        assert c.get(f"/pathways/{SLUG}").status_code == 200  # cached pages cost nothing


def test_page_renders_when_the_database_is_down(tmp_path):
    with make_client("postgresql://nobody:x@127.0.0.1:9/none") as c:
        r = c.get(f"/pathways/{SLUG}")
        assert r.status_code == 200 and "Your learning roadmap" in r.text
        assert visit(c) is None  # app.js then says "View counter unavailable"
        assert "Popular pathways are unavailable" in c.get("/").text
        token = csrf(c)
        r = c.post(f"/pathways/{SLUG}/save", data={"csrf_token": token, "hours_per_week": "12"})
        assert r.status_code == 503 and "Saving is unavailable" in r.text and "Tailored to you" in r.text
        assert c.get("/api/v1/views/" + SLUG).json()["available"] is False


def test_every_occupation_slug_parses_back(kb):
    for occupation in kb.occupations()[::7]:
        end = pathways.End(occupation.code, occupation.title)
        p = pathways.make_pathway(end, pathways.End("27-3042.00", "Technical Writers", "ai_ml"))
        assert pathways.parse(p.slug) == p


def test_slugs_agree_with_the_service():
    guide = plan_guide("Backend developer", "AI technical writer")
    p = pathways.parse(pathway_slug(guide))
    assert p is not None and (p.source.code, p.target.code, p.target.specialization_id) == (
        guide.from_.code,
        guide.to.code,
        guide.to.specialization_id,
    )


def test_pathway_page_shows_whole_stepping_stone_routes_with_links(client):
    slug = "cooks-restaurant-to-registered-nurses"
    html = client.get(f"/pathways/{slug}").text
    guide = plan_guide("Cooks, Restaurant", "Registered Nurses")
    section = html[html.index('id="stepping-stones"') :]
    section = section[: section.index("</section>")]
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", section))
    assert guide.stepping_stones
    for stone in guide.stepping_stones:
        stops = [guide.from_.title] + [r.title for r in stone.route] + [guide.to.title]
        legs = [f"{round(leg * 100)}%" for leg in stone.legs]
        line = " ".join(f"{stop} → {leg}" for stop, leg in zip(stops, legs, strict=False)) + f" {stops[-1]}"
        assert re.sub(r"\s+", " ", line.replace("&", "&amp;")) in text, line
        for stop in stone.route:
            url = f"/pathways/{pathways.make_pathway(pathways.end_for(guide.from_.code), pathways.end_for(stop.code)).slug}"
            assert f'href="{url}"' in section
            assert client.get(url).status_code == 200


def test_explore_ranks_by_the_transition_score_with_kinds_and_explanations(client, inputs):
    from careerpath.engine.recommend import recommend

    r = client.get("/explore", params={"from": "Registered Nurse"})
    assert r.status_code == 200
    best = recommend(inputs, "29-1141.00", top=12)
    titles = re.findall(r'<h3><a href="/pathways/registered-nurses-to-[^"]+">([^<]+)</a></h3>', r.text)
    assert titles[:12] == [b.title.replace("&", "&amp;") for b in best]
    assert str(escape(best[0].explanation)) in r.text
    ups = [
        b for b in recommend(inputs, "29-1141.00", top=20, kinds=("step_up",)) if b.code not in {x.code for x in best}
    ]
    assert titles[12 : 12 + len(ups[:8])] == [b.title.replace("&", "&amp;") for b in ups[:8]]
    long_term = recommend(inputs, "29-1141.00", top=8, kinds=("long_term",))
    assert titles[-len(long_term) :] == [b.title.replace("&", "&amp;") for b in long_term]
    assert "Nurse Practitioners" in titles[-len(long_term) :]  # a master's: shown apart
    assert "Long-term" in r.text and 'action="/compare"' in r.text


def test_compare_page_shows_each_target_and_what_they_share(client):
    r = client.get(
        "/compare", params=[("from", "29-1141.00"), ("to", "29-1171.00"), ("to", "11-9111.00"), ("to", "29-2061.00")]
    )
    assert r.status_code == 200
    for title in ("Nurse Practitioners", "Medical and Health Services Managers", "Licensed Practical"):
        assert title in r.text
    for row in (
        "Difficulty",
        "The way in",
        "Job-ready in",
        "Early career",
        "Demand",
        "To learn",
        "Learn once, counts for several",
    ):
        assert row in r.text
    assert 'href="/pathways/registered-nurses-to-nurse-practitioners"' in r.text


@pytest.mark.parametrize(
    "params",
    [
        [("from", "29-1141.00"), ("to", "29-1171.00")],
        [("from", "29-1141.00")]
        + [("to", c) for c in ("29-1171.00", "11-9111.00", "29-2061.00", "29-1126.00", "29-1071.00")],
        [("to", "29-1171.00"), ("to", "11-9111.00")],
    ],
)
def test_compare_page_asks_for_two_to_four(client, params):
    r = client.get("/compare", params=params)
    assert r.status_code in (400, 422) and ("2 to 4" in r.text or r.status_code == 422)


def test_views_are_written_in_batches_exactly_and_none_lost_on_shutdown(tmp_path):
    from careerpath.store import Store

    url = f"sqlite:///{tmp_path / 'batch.sqlite'}"
    slug = "registered-nurses-to-medical-and-health-services-managers"
    with make_client(url) as c:
        views = c.app.state.ctx.views
        views.flush_seconds = 3600  # only the shutdown will write
        views._wake.set()
        for i in range(40):
            for _ in range(2):  # each person twice: counted once
                views_now = visit(visitor(c, f"10.0.0.{i}"), slug)
            assert views_now == i + 1  # a person sees their own view at once
        assert c.get(f"/api/v1/views/{slug}").json()["views"] == 40
    store = Store(url)
    assert store.views(slug) == 40  # written at shutdown, exactly once each
    store.dispose()
    with make_client(url) as c:
        views = c.app.state.ctx.views
        views.flush_rows = 10  # a full batch wakes the writer at once
        for i in range(25):
            visit(visitor(c, f"10.0.1.{i}"), slug)
        deadline = time.monotonic() + 5
        while c.app.state.ctx.store.views(slug) < 60 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert c.app.state.ctx.store.views(slug) >= 60
    store = Store(url)
    assert store.views(slug) == 65
    store.dispose()


def test_api_recommend_and_compare(client, inputs):
    from careerpath.engine.recommend import recommend

    r = client.get("/api/v1/recommend", params={"from": "Registered Nurse", "top": 5})
    assert r.status_code == 200
    data = r.json()
    assert [x["code"] for x in data["recommendations"]] == [x.code for x in recommend(inputs, "29-1141.00", top=5)]
    assert all(x["explanation"] and x["kind"] != "long_term" for x in data["recommendations"])
    r = client.get("/api/v1/recommend", params=[("from", "29-1141.00"), ("kinds", "long_term"), ("top", 3)])
    assert r.status_code == 200 and all(x["kind"] == "long_term" for x in r.json()["recommendations"])
    r = client.get("/api/v1/compare", params=[("from", "29-1141.00"), ("to", "29-1171.00"), ("to", "11-9111.00")])
    assert r.status_code == 200
    assert [o["code"] for o in r.json()["options"]] == ["29-1171.00", "11-9111.00"]
    assert client.get("/api/v1/compare", params=[("from", "29-1141.00"), ("to", "29-1171.00")]).status_code == 422


def test_an_ambiguous_title_leads_to_the_best_match_naming_the_others(client):
    r = client.get("/search", params={"from": "Teacher", "to": "School Principal"}, follow_redirects=False)
    assert r.status_code == 303 and "from_also=" in r.headers["location"]
    page = client.get(r.headers["location"])
    assert page.status_code == 200 and "Your current job could also mean:" in page.text
    links = re.findall(r'<p class="note alternatives">.*?</p>', page.text, re.S)[0]
    assert re.findall(r'href="/pathways/[a-z0-9-]+-to-education-administrators', links)
    crafted = client.get(r.headers["location"].split("?")[0] + "?from_also=99-9999.00,<x>")
    assert crafted.status_code == 200 and "could also mean" not in crafted.text
