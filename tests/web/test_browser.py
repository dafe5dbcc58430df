"""A person in a browser (Debian's chromium driven by Playwright): search two titles, read the
pathway, see the counter rise when another client visits, personalize, save, download the PDF.

Screenshots of the main pages go to test-output/screenshots/ for review.
"""

import json
import os
import re
import shutil
from pathlib import Path

import pytest

from .server import running_server

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = os.environ.get("CAREERPATH_CHROMIUM", "/usr/bin/chromium")
if not shutil.which(CHROMIUM):
    pytest.skip(f"no chromium at {CHROMIUM}", allow_module_level=True)

OUT = Path(__file__).resolve().parents[2] / "test-output"
SHOTS = OUT / "screenshots"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Two people: distinct browsers at distinct addresses. Views count addresses, so the server runs
# as behind one trusted proxy and each browser says (as that proxy would) where it is.
PERSON_A = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36"
PERSON_B = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"
)
SECTIONS = [
    "Overview",
    "Your transferable skills",
    "Skills you’ll need to learn",
    "Your learning roadmap",
    "Reality check",
    "Start your journey",
    "Frequently asked questions",
    "Make it yours",
    "Sources and notes on the data",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("browser") / "web.sqlite"
    with running_server(f"sqlite:///{db}", CAREERPATH_TRUST_PROXY="1") as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield b
        b.close()


def views(page) -> int:
    # The page is the same for everyone; app.js fetches the count from /visit and fills it in.
    page.wait_for_function("document.querySelector('#view-count').dataset.views !== ''")
    return int(page.locator("#view-count").get_attribute("data-views"))


def test_search_read_count_personalize_save_download(server, browser):
    a = browser.new_context(
        user_agent=PERSON_A,
        viewport={"width": 1280, "height": 900},
        accept_downloads=True,
        extra_http_headers={"X-Forwarded-For": "203.0.113.10"},
    )
    page = a.new_page()
    page.goto(server + "/")
    page.get_by_label("I am a…").press_sequentially("Software Dev", delay=20)
    page.locator("#from-suggestions option").first.wait_for(state="attached", timeout=5000)
    assert "Software Developers" in page.locator("#from-suggestions option").evaluate_all("os => os.map(o => o.value)")
    page.get_by_label("I am a…").fill("Software Developer")
    page.get_by_label("I want to become…").fill("Technical Writer")
    page.screenshot(path=SHOTS / "home-desktop.png", full_page=True)
    page.get_by_role("button", name="Show my guide").click()
    page.wait_for_url(re.compile(r"/pathways/software-developers-to-technical-writers$"))

    assert page.locator("h1").inner_text().startswith("From Software Developers to Technical Writers")
    for heading in SECTIONS:
        assert page.get_by_role("heading", name=heading, exact=True).is_visible(), heading
    for label in ("Difficulty", "Timeline", "Salary change", "Demand"):
        assert page.locator(".figure dt", has_text=label).is_visible()
    assert page.locator(".attribution, .site-footer").filter(has_text="CC BY 4.0").count() >= 1
    first = views(page)
    assert first >= 1
    page.screenshot(path=SHOTS / "pathway-desktop.png", full_page=True)

    b = browser.new_context(
        user_agent=PERSON_B,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        extra_http_headers={"X-Forwarded-For": "203.0.113.20"},
    )
    other = b.new_page()
    other.goto(page.url)
    assert views(other) == first + 1
    other.screenshot(path=SHOTS / "pathway-mobile.png", full_page=True)
    other.goto(server + "/")
    other.screenshot(path=SHOTS / "home-mobile.png", full_page=True)
    b.close()
    page.reload()
    assert views(page) == first + 1  # the revisit shows the other person's view, not a second own one

    page.get_by_label("My skills").fill(
        "Senior Software Engineer (2019 - present)\n"
        "- Built REST APIs in Python and Django\n- Mentored two junior engineers"
    )
    page.get_by_label("Hours per week").fill("20")
    page.get_by_label("Location for wages").fill("TX")
    page.get_by_label("Budget for courses").select_option("free")
    page.get_by_role("button", name="Tailor my guide").click()
    page.wait_for_url(re.compile(r"/personalize$"))
    tailored = page.locator("#tailored")
    assert tailored.is_visible() and "Texas" in tailored.inner_text()
    # What was read is shown with its words; ticking "not right" and tailoring again takes it out.
    django = page.locator("#tailored ul.read li", has_text="Django")
    assert "from “Django”" in django.inner_text() and "removed" not in django.inner_text()
    django.get_by_label("not right").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Tailor my guide").click()
    assert "removed by you" in page.locator("#tailored ul.read li", has_text="Django").inner_text()
    assert "removed" not in page.locator("#tailored ul.read li", has_text="Python").inner_text()
    page.locator("#tailored").screenshot(path=SHOTS / "tailored-section.png")
    page.get_by_role("button", name="Save this guide").click()
    page.wait_for_url(re.compile(r"/saved/[A-Za-z0-9_-]{43}$"))
    assert page.get_by_label("Your link").input_value() == page.url
    page.screenshot(path=SHOTS / "saved-desktop.png", full_page=False)

    with page.expect_download() as info:
        page.get_by_role("link", name="PDF").click()
    pdf = OUT / "saved-guide.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 10_000

    # Progress: tick a roadmap task (the tick saves itself), see progress rise, export, delete.
    saved_url = page.url
    percent = lambda: int(page.locator("#progress-percent").get_attribute("data-percent"))
    assert percent() == 0
    box = page.locator("#roadmap input[type=checkbox]").first
    with page.expect_navigation():
        box.check()
    # One task may be less than a week of the timeline, which is rounded in the person's disfavour.
    assert page.locator("#progress-tasks").get_attribute("data-done") == "1"
    assert page.locator("#roadmap input[type=checkbox]").first.is_checked()
    with page.expect_navigation():
        # The second item: the first one's study step is the task ticked above.
        page.get_by_label("I know this now").nth(1).check()
    assert percent() > 0 and int(page.locator("#progress-tasks").get_attribute("data-done")) > 1
    page.locator("#progress").screenshot(path=SHOTS / "saved-progress.png")
    page.locator("#roadmap").screenshot(path=SHOTS / "saved-roadmap-ticks.png")
    with page.expect_download() as info:
        page.get_by_role("link", name="Export my data (JSON)").click()
    data = OUT / "saved-plan-export.json"
    info.value.save_as(data)
    exported = json.loads(data.read_text())
    assert exported["progress"]["percent"] == percent() and len(exported["checked"]) == 2
    page.get_by_role("link", name="Delete this plan").click()
    page.wait_for_url(re.compile(r"/delete$"))
    page.screenshot(path=SHOTS / "saved-delete-confirm.png", full_page=True)
    page.get_by_role("button", name="Yes, delete everything").click()
    assert page.get_by_role("heading", name="Your saved plan is deleted").is_visible()
    assert page.goto(saved_url).status == 404

    page.goto(server + "/pathways/software-developer-to-technical-writer")
    assert page.get_by_role("link", name=re.compile("Software Developers → Technical Writers")).is_visible()
    page.screenshot(path=SHOTS / "not-found.png", full_page=True)
    page.goto(server + "/pathways/cooks-restaurant-to-registered-nurses")
    route = page.locator("#stepping-stones .route-line").first
    assert re.search(r"Cooks, Restaurant → \d+% .+ → \d+% Registered Nurses", route.inner_text())
    route.screenshot(path=SHOTS / "stepping-stones.png")
    route.get_by_role("link").first.click()
    page.wait_for_url(re.compile(r"/pathways/cooks-restaurant-to-"))
    page.goto(server + "/explore?from=Registered+Nurse")
    assert page.locator(".recommendation").count() >= 12 and page.locator(".recommendation .explanation").count() >= 12
    page.screenshot(path=SHOTS / "explore-desktop.png", full_page=True)
    a.close()


def test_keyboard_only_search(server, browser):
    context = browser.new_context(user_agent=PERSON_A)
    page = context.new_page()
    page.goto(server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.get_by_label("I am a…").focus()
    page.keyboard.type("Registered Nurse")
    page.keyboard.press("Tab")
    page.keyboard.type("Medical and Health Services Manager")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/pathways/registered-nurses-to-medical-and-health-services-managers$"))
    context.close()


def test_api_docs_render_offline(server, browser):
    """Swagger UI comes from the package: with every request off this server refused, the
    docs still render the schema (issue 18: they were blank offline)."""
    context = browser.new_context(user_agent=PERSON_A)
    page = context.new_page()
    outside = []

    def only_local(route):
        if route.request.url.startswith(server):
            return route.continue_()
        outside.append(route.request.url)
        return route.abort()

    page.route("**/*", only_local)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(server + "/api/docs")
    page.locator(".swagger-ui .info .title").wait_for(timeout=15000)
    assert page.locator(".swagger-ui .info .title").inner_text().startswith("careerpath")
    assert page.locator(".opblock-summary-path", has_text="/api/v1/guide").count() >= 2  # GET and POST
    assert outside == [] and not errors, (outside, errors)
    page.screenshot(path=SHOTS / "api-docs.png")
    context.close()
