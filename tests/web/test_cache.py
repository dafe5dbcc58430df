"""Cacheable pages: same bytes for everyone, validators, compression; hubs; the sitemap."""

import gzip
import re

import pytest

from careerpath.web import cache, sitemap

from .conftest import BROWSER, SLUG, make_client, visit, visitor

PAGE = f"/pathways/{SLUG}"


def test_a_pathway_page_is_cacheable_and_revalidates_with_304(client):
    first = client.get(PAGE, headers={"accept-encoding": "gzip"})
    assert first.status_code == 200
    assert first.headers["cache-control"].startswith("public, max-age=")
    assert first.headers["content-encoding"] == "gzip" and "accept-encoding" in first.headers["vary"].lower()
    assert "set-cookie" not in first.headers
    etag = first.headers["etag"]
    again = client.get(PAGE, headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get(PAGE, headers={"if-none-match": 'W/"something-else"'}).status_code == 200
    # The strong form of the same tag (some proxies drop W/) still validates.
    assert client.get(PAGE, headers={"if-none-match": etag.removeprefix("W/")}).status_code == 304


def test_the_page_body_has_nothing_about_the_visitor(tmp_path):
    with make_client(f"sqlite:///{tmp_path / 'a.sqlite'}") as a:
        one = a.get(PAGE, headers={"accept-encoding": "identity"})
        a.post(f"{PAGE}/visit")  # a counted view must not change the page
        two = a.get(PAGE, headers={"accept-encoding": "identity", "user-agent": BROWSER + " someone else"})
    with make_client(f"sqlite:///{tmp_path / 'b.sqlite'}") as b:  # another process, another store
        three = b.get(PAGE, headers={"accept-encoding": "identity"})
    assert one.content == two.content == three.content
    assert one.headers["etag"] == three.headers["etag"]
    html = one.text
    assert 'name="csrf_token" value=""' in html and 'data-views=""' in html and f'data-visit="{PAGE}/visit"' in html


def test_compressed_bodies_are_the_same_page(client):
    plain = client.get(PAGE, headers={"accept-encoding": "identity"})
    assert "content-encoding" not in plain.headers
    gz = client.get(PAGE, headers={"accept-encoding": "gzip"})
    assert gz.headers["content-encoding"] == "gzip" and gz.content == plain.content  # httpx decodes
    assert int(gz.headers["content-length"]) < len(plain.content) / 3
    if cache.brotli is not None:
        br = client.get(PAGE, headers={"accept-encoding": "br, gzip"})
        assert br.headers["content-encoding"] == "br" and br.content == plain.content
    other = client.get(PAGE, headers={"accept-encoding": "deflate"})
    assert "content-encoding" not in other.headers and other.content == plain.content


def test_the_etag_follows_the_page_inputs(client):
    assert cache.etag_for(PAGE) != cache.etag_for("/pathways/technical-writers-to-software-developers")
    assert cache.etag_for("/explore", "from=nurse") != cache.etag_for("/explore", "from=teacher")
    assert client.get(PAGE).headers["etag"] == cache.etag_for(PAGE)
    assert gzip.decompress(cache.CachedPage("x", b"a" * 600).encode("gzip")) == b"a" * 600


def test_visit_counts_once_a_day_and_hands_out_a_form_token(client):
    first = client.post(f"{PAGE}/visit")
    assert first.headers["cache-control"] == "no-store" and "cp_csrf" in first.headers["set-cookie"]
    body = first.json()
    assert body["views"] == 1 and len(body["csrf"]) >= 20
    assert visit(client) == 1  # same person, same day
    assert visit(client, agent=BROWSER + " other") == 1  # a new user agent is not a new person
    assert visit(visitor(client, "198.51.100.20")) == 2  # another address is
    assert visit(visitor(client, "198.51.100.21"), agent="Googlebot/2.1") == 2  # bots are not counted
    assert client.post("/pathways/no-such-thing-to-nowhere/visit").status_code == 404


def test_a_form_from_a_cached_page_works_without_javascript_but_not_cross_site(client):
    form = {"hours_per_week": "20", "location": "TX"}  # no token: the page carried none
    same = client.post(f"{PAGE}/personalize", data=form, headers={"sec-fetch-site": "same-origin"})
    assert same.status_code == 200 and "tailored to your answers" in same.text
    assert "no-store" in same.headers["cache-control"]
    origin = client.post(f"{PAGE}/personalize", data=form, headers={"origin": "http://testserver"})
    assert origin.status_code == 200
    assert client.post(f"{PAGE}/personalize", data=form, headers={"sec-fetch-site": "cross-site"}).status_code == 403
    assert client.post(f"{PAGE}/personalize", data=form, headers={"origin": "https://evil.example"}).status_code == 403
    assert client.post(f"{PAGE}/personalize", data=form).status_code == 403


def test_hub_pages_list_pathways_in_and_out_with_their_figures(client):
    into = client.get("/pathways/to/technical-writers")
    assert into.status_code == 200 and into.headers["cache-control"].startswith("public")
    rows = re.findall(r'<a href="(/pathways/[a-z0-9-]+-to-technical-writers)">', into.text)
    assert len(rows) == 30 and len(set(rows)) == 30
    assert "Difficulty" in into.text and "Timeline" in into.text and "Pay change" in into.text
    assert "The way in" in into.text and "style guide" in into.text.lower()  # the route, as on the occupation
    out = client.get("/pathways/from/software-developers").text
    targets = re.findall(r'<a href="/pathways/software-developers-to-([a-z0-9-]+)">', out)
    assert len(targets) == 30 and "software-developers" not in targets
    # Each row's figures are that pathway's own guide figures.
    first = client.get(f"/api/v1/pathways/software-developers-to-{targets[0]}").json()["guide"]
    row = out[out.index(f"software-developers-to-{targets[0]}") :].split("</tr>", 1)[0]
    assert f"({first['difficulty_score']}/100)" in row and f"{first['timeline_months']} month" in row
    assert client.get("/pathways/to/no-such-job").status_code == 404
    assert 'href="/pathways/from/software-developers"' in client.get(PAGE).text  # pages link to hubs


def test_sitemap_is_an_index_of_files_within_the_protocol_limits(client):
    index = client.get("/sitemap.xml")
    assert index.status_code == 200 and index.headers["content-type"].startswith("application/xml")
    files = re.findall(r"<loc>http://testserver(/sitemaps/[^<]+)</loc>", index.text)
    assert files[0] == "/sitemaps/hubs.xml" and len(files) == 1 + sitemap.file_count()
    assert sitemap.pathway_count() == len(sitemap.rated_parts()) * (len(sitemap.rated_parts()) - 1)
    last = client.get(files[-1]).text
    urls = re.findall(r"<loc>([^<]+)</loc>", last)
    assert 0 < len(urls) <= sitemap.PER_FILE
    assert (len(files) - 2) * sitemap.PER_FILE + len(urls) == sitemap.pathway_count()
    hubs = client.get("/sitemaps/hubs.xml").text
    assert "http://testserver/pathways/to/technical-writers</loc>" in hubs
    assert client.get(f"/sitemaps/pathways-{sitemap.file_count() + 1}.xml").status_code == 404
    assert "Sitemap: http://testserver/sitemap.xml" in client.get("/robots.txt").text
    again = client.get("/sitemap.xml", headers={"if-none-match": index.headers["etag"]})
    assert again.status_code == 304


@pytest.mark.slow
def test_every_pathway_in_a_sitemap_file_parses(client):
    from careerpath.web import pathways

    slugs = sitemap.pathway_slugs(1)
    assert len(slugs) == sitemap.PER_FILE and len(set(slugs)) == len(slugs)
    assert all(pathways.parse(s) is not None for s in slugs[::97])


def test_crawlers_are_not_refused_by_the_guide_generation_limit(tmp_path):
    # Guide generation allows 2; uncached public pages have their own, larger bucket.
    with make_client(f"sqlite:///{tmp_path / 'r.sqlite'}", rate_per_minute=1, rate_burst=2) as c:
        slugs = sitemap.pathway_slugs(1)[:12]
        assert [c.get(f"/pathways/{s}").status_code for s in slugs] == [200] * 12
        limiter = c.app.state.page_limiter  # now a tiny page bucket: one more, then 429
        limiter._buckets.clear()
        limiter.burst, limiter.rate = 1.0, 0.0
        statuses = [c.get(f"/pathways/{s}").status_code for s in sitemap.pathway_slugs(2)[:3]]
        assert statuses[0] == 200 and statuses[-1] == 429
        assert c.get(f"/pathways/{slugs[0]}").status_code == 200  # a cache hit spends nothing


def test_errors_are_never_cached_or_validated(client):
    missing = "/pathways/software-developer-to-technical-writer"
    for _ in range(2):  # the second would be a cache hit
        r = client.get(missing, headers={"if-none-match": cache.etag_for(missing)})
        assert r.status_code == 404 and "public" not in r.headers.get("cache-control", "")
    unknown = client.get("/explore", params={"from": "qzxv wqk"})  # no such occupation
    assert unknown.status_code == 404 and "etag" not in unknown.headers


def test_text_exports_are_cacheable_but_pdfs_are_not_for_crawlers(client):
    md = client.get(f"{PAGE}.md")
    assert (
        md.status_code == 200
        and md.headers["cache-control"].startswith("public")
        and "attachment" in md.headers["content-disposition"]
    )
    assert client.get(f"{PAGE}.md", headers={"if-none-match": md.headers["etag"]}).status_code == 304
    assert md.headers["etag"] != client.get(f"{PAGE}.json").headers["etag"]
    assert "Disallow: /*.pdf$" in client.get("/robots.txt").text
