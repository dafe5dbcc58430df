"""HTML pages: home, search, explore, pathway (+ personalize, save, exports), saved guides."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from rapidfuzz import fuzz, process
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from careerpath.codes import ONET
from careerpath.engine import Guide
from careerpath.engine.inputs import Inputs
from careerpath.engine.recommend import KIND_WORDS
from careerpath.engine.sidebyside import MAX_TARGETS, MIN_TARGETS, side_by_side
from careerpath.kb import UnknownOccupation
from careerpath.service import MAX_SKILLS_TEXT, AmbiguousRole, InputError, RoleNotFound, resolve_role
from careerpath.store import StoreUnavailable

from . import cache, pathways, plans, public
from .context import Context, ctx
from .errors import RateLimited, error_response, status_for
from .explore import destinations
from .security import CSRF_FIELD, MAX_BODY_BYTES, csrf_ok, csrf_token, set_csrf_cookie

router = APIRouter(include_in_schema=False)

MAX_TITLE = 100
MAX_SKILLS = MAX_SKILLS_TEXT
MAX_LOCATION = 100
TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
MAX_ALSO = 60  # four O*NET codes and their commas
CHOICE = re.compile(rf"({ONET})(?:\|([a-z_]{{1,40}}))?")
EXPORTS = {
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
}


# A per-visitor page reads what a cacheable one does, plus the owner's link of a saved guide.
PAGE_DEFAULTS: dict[str, object] = {**public.DEFAULTS, "owner_url": None, "cacheable": False}


def page(request: Request, template: str, status: int = 200, **values) -> HTMLResponse:
    c = ctx(request)
    token, new = csrf_token(request.cookies)
    values = {**PAGE_DEFAULTS, **values}
    html = c.env.get_template(template).render(csrf=token, path=request.url.path, max_skills=MAX_SKILLS, **values)
    response = HTMLResponse(html, status_code=status)
    if new:
        set_csrf_cookie(response, token, c.secure_cookies(request))
    return response


def limit(request: Request) -> None:
    """Spend one guide generation from this client's bucket, or refuse with 429."""
    c = ctx(request)
    allowed, wait = c.limiter.allow(c.client(request))
    if not allowed:
        raise RateLimited(wait)


def limit_page(request: Request) -> None:
    """Spend one uncached public page from this client's (much larger) page bucket, or 429.

    Crawler-friendly: a cacheable GET that is a cache hit or a 304 never spends anything, and
    a miss spends from a bucket sized for a polite crawler (CAREERPATH_PAGE_RATE_PER_MINUTE,
    default 600, burst 120), not from the guide-generation bucket tailored guides and PDFs use."""
    c = ctx(request)
    allowed, wait = request.app.state.page_limiter.allow(c.client(request))
    if not allowed:
        raise RateLimited(wait)


# -- cacheable pages: the same bytes for everyone (see cache.py) ----------------------------


def public_html(request: Request, template: str, **values) -> str:
    """A page with no per-visitor content: no CSRF token, no live count, no cookie."""
    return public.render(ctx(request).env, template, request.url.path, **values)


def cache_key(request: Request) -> tuple[str, str]:
    return request.url.path, request.url.query


async def cached_page(request: Request, render) -> Response:
    """Serve a cacheable page: 304 if the client has it, else from the page cache, else render().

    render is an async function returning the page's HTML, or a Response (an error page, never cached)."""
    path, query = cache_key(request)
    etag = cache.etag_for(path, query)
    if cache.matches(request, etag):
        return cache.not_modified(etag)
    pages = request.app.state.pages
    key = f"{path}?{query}"
    hit = pages.get(key)
    if hit is None:
        result = await render()
        if isinstance(result, Response):
            return result
        hit = pages.put(key, cache.CachedPage(etag, result.encode()))
    return cache.respond(request, hit)


# -- home, search, explore ------------------------------------------------------------------

_popular_cache: dict[int, tuple[float, list]] = {}


def popular(c: Context, count: int = 8) -> list[dict] | None:
    """Most viewed pathways (None when the store is down); cached for 10 s."""
    hit = _popular_cache.get(id(c))
    if hit and time.monotonic() - hit[0] < 10:
        return hit[1]
    try:
        rows = c.store.popular(count * 2)
    except StoreUnavailable:
        return None
    items = []
    for slug, views in rows:
        p = pathways.parse(slug)
        if p:
            items.append(
                {
                    "slug": slug,
                    "label": p.label,
                    "source": p.source.label,
                    "target": p.target.label,
                    "views": views,
                    "url": f"/pathways/{slug}",
                }
            )
    items = items[:count]
    _popular_cache[id(c)] = (time.monotonic(), items)
    return items


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return page(request, "home.html", popular=popular(ctx(request)))


def _choice(value: str):
    """A title, or 'code|specialization' picked from a list of candidates."""
    return _choice_and_alternatives(value)[0]


def _choice_and_alternatives(value: str) -> tuple[pathways.End, tuple[str, ...]]:
    """The occupation a title means and the codes of the others it could mean (none for a code)."""
    m = CHOICE.fullmatch(value.strip())
    if m:
        try:
            return pathways.end_for(m.group(1), m.group(2) or None), ()
        except UnknownOccupation:
            raise RoleNotFound(f"{m.group(1)!r} is not an occupation code we know") from None
    r = resolve_role(value)
    return pathways.End(r.code, r.title, r.specialty.id if r.specialty else None), tuple(a.code for a in r.alternatives)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    from_: str = Query("", alias="from", max_length=MAX_TITLE),
    to: str = Query("", max_length=MAX_TITLE),
):
    if not from_.strip() or not to.strip():
        return page(
            request,
            "home.html",
            400,
            popular=popular(ctx(request)),
            values={"from": from_, "to": to},
            error="Type both titles: the job you have and the one you want.",
        )
    sides: dict[str, pathways.End] = {}
    also: dict[str, tuple[str, ...]] = {}
    errors: dict[str, dict[str, Any]] = {}
    for name, text in (("from", from_), ("to", to)):
        try:
            sides[name], also[name] = _choice_and_alternatives(text)
        except AmbiguousRole as exc:
            errors[name] = {"message": str(exc), "text": text, "candidates": exc.candidates, "status": 409}
        except InputError as exc:
            errors[name] = {"message": str(exc), "text": text, "candidates": [], "status": status_for(exc)}
    if errors:
        status = max(e["status"] for e in errors.values())
        return page(request, "choose.html", status, errors=errors, values={"from": from_, "to": to})
    p = pathways.make_pathway(sides["from"], sides["to"])
    # Titles never block (issue #15): the best match's pathway, naming what else the words could mean.
    query = urlencode({f"{name}_also": ",".join(codes) for name, codes in also.items() if codes})
    return RedirectResponse(f"/pathways/{p.slug}" + (f"?{query}" if query else ""), status_code=303)


@router.get("/explore", response_class=HTMLResponse)
async def explore(request: Request, from_: str = Query("", alias="from", max_length=MAX_TITLE)):
    if not from_.strip():
        return page(
            request,
            "home.html",
            400,
            popular=popular(ctx(request)),
            error="Type the job you have to see where it can lead.",
            values={"explore": from_},
        )

    def render_sync():
        try:
            source = _choice(from_)
        except InputError as exc:
            candidates = exc.candidates if isinstance(exc, AmbiguousRole) else []
            return page(
                request,
                "choose.html",
                status_for(exc),
                values={"from": from_, "explore": True},
                errors={"from": {"message": str(exc), "text": from_, "candidates": candidates}},
            )

        def link(d):
            return f"/pathways/{pathways.make_pathway(source, pathways.end_for(d.code)).slug}"

        return public_html(
            request,
            "explore.html",
            source=source,
            destinations=destinations(source.code),
            link=link,
            kind_words=KIND_WORDS,
        )

    async def render():
        limit_page(request)  # any text makes a new address: misses spend the page bucket
        return await run_in_threadpool(render_sync)

    return await cached_page(request, render)


@router.get("/compare", response_class=HTMLResponse)
async def compare(
    request: Request,
    from_: str = Query("", alias="from", max_length=MAX_TITLE),
    to: list[str] = Query([], max_length=MAX_TARGETS + 1),
):
    """Two to four targets side by side for one person (engine/sidebyside.py)."""
    targets = [t for t in to if t.strip()]
    if not from_.strip() or not MIN_TARGETS <= len(targets) <= MAX_TARGETS:
        return page(
            request,
            "compare.html",
            400,
            result=None,
            source_code=from_.strip() or None,
            error=f"Pick {MIN_TARGETS} to {MAX_TARGETS} jobs to compare, and the job you have.",
        )
    try:
        source = _choice(from_)
        ends = [_choice(t[:MAX_TITLE]) for t in targets]
    except InputError as exc:
        return page(request, "compare.html", status_for(exc), result=None, source_code=from_, error=str(exc))
    limit(request)
    try:
        result = await run_in_threadpool(side_by_side, Inputs.default(), source.code, [e.code for e in ends])
    except ValueError as exc:
        return page(request, "compare.html", 400, result=None, source_code=source.code, error=str(exc))

    def link(o):
        return f"/pathways/{pathways.make_pathway(source, pathways.end_for(o.code)).slug}"

    return page(
        request,
        "compare.html",
        result=result,
        link=link,
        kind_words=KIND_WORDS,
        titles={o.code: o.title for o in result.options},
        error=None,
        source_code=source.code,
    )


# -- the pathway page ---------------------------------------------------------------------


def _not_found(request: Request, slug: str) -> HTMLResponse:
    """A 404 that helps: the closest pathway we can make from the words in the address."""
    suggestion = None
    if "-to-" in slug and len(slug) <= pathways.MAX_SLUG_LENGTH:
        left, _, right = slug.partition("-to-")
        keys = list(pathways._parts())
        a = process.extractOne(left, keys, scorer=fuzz.ratio, score_cutoff=60)
        b = process.extractOne(right, keys, scorer=fuzz.ratio, score_cutoff=60)
        if a and b:
            p = pathways.parse(f"{a[0]}-to-{b[0]}")
            if p:
                suggestion = {"url": f"/pathways/{p.slug}", "label": p.label}
    request.state.suggestion = suggestion
    return error_response(request, 404, "We have no pathway at this address.")


stone_url = public.stone_url


def _body(c: Context, guide: Guide, pathway: pathways.Pathway, plan: plans.Plan | None = None) -> str:
    return public.guide_body(c.env, guide, pathway, plan)


async def _cached_guide(request: Request, pathway: pathways.Pathway, spend=limit) -> tuple[Guide, str]:
    c = ctx(request)
    hit = c.bodies.get(pathway.slug)
    if hit is not None:
        return hit
    if pathway.slug not in c.guides:
        spend(request)
    guide = await run_in_threadpool(c.guides.get, pathway)
    entry = (guide, _body(c, guide, pathway))
    c.bodies.put(pathway.slug, entry)
    return entry


async def _count(request: Request, slug: str) -> int | None:
    c = ctx(request)
    address, agent = c.client(request), request.headers.get("user-agent")
    if not c.views.needs_database(slug, address, agent):
        return c.views.visit(slug, address, agent)  # memory only: a new visit waits for the batch writer
    return await run_in_threadpool(c.views.visit, slug, address, agent)


@router.get("/pathways/{slug}.{fmt}")
async def pathway_export(
    request: Request, slug: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH), fmt: str = PathParam(max_length=4)
):
    pathway = pathways.parse(slug)
    if pathway is None or fmt not in EXPORTS:
        return _not_found(request, slug)
    if fmt == "pdf":  # a second of CPU: guide-generation bucket, not cached here
        guide, _ = await _cached_guide(request, pathway)
        return await export(request, guide, slug, fmt)
    # Markdown, JSON and HTML are as public and deterministic as the page: validators, page bucket.
    etag = cache.etag_for(request.url.path)
    if cache.matches(request, etag):
        return cache.not_modified(etag)
    guide, _ = await _cached_guide(request, pathway, spend=limit_page)
    response = await export(request, guide, slug, fmt)
    response.headers.update(cache.headers(etag))
    return response


@router.get("/pathways/to/{role}", response_class=HTMLResponse)
async def hub_to(request: Request, role: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH)):
    return await _hub(request, role, "to")


@router.get("/pathways/from/{role}", response_class=HTMLResponse)
async def hub_from(request: Request, role: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH)):
    return await _hub(request, role, "from")


async def _hub(request: Request, role: str, direction: str) -> Response:
    """Pathways into (to) or out of (from) one occupation, with each one's difficulty, time and pay."""
    end = pathways._parts().get(role)
    if end is None:
        return error_response(request, 404, "We have no occupation at this address.")

    async def render():
        limit_page(request)
        c = ctx(request)
        rows = await run_in_threadpool(pathways.hub, c.guides, end, direction)
        route = pathways.hub_route(end, direction)
        return public_html(
            request,
            "hub.html",
            end=end,
            role=role,
            direction=direction,
            rows=rows,
            limit=pathways.HUB_SIZE,
            route=route,
        )

    return await cached_page(request, render)


@router.get("/pathways/{slug}", response_class=HTMLResponse)
async def pathway_page(
    request: Request,
    slug: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH),
    from_also: str = Query("", max_length=MAX_ALSO),
    to_also: str = Query("", max_length=MAX_ALSO),
):
    """The same bytes for everyone (cacheable); the count and the form token come from /visit.
    `from_also` / `to_also`: other occupations the person's words could mean (from /search),
    offered as links to their own pathways."""
    pathway = pathways.parse(slug)
    if pathway is None:
        return _not_found(request, slug)
    alternatives = {
        side: pathways.alternative_pathways(pathway, side, codes)
        for side, codes in (("from", from_also), ("to", to_also))
        if codes
    }

    async def render():
        guide, body = await _cached_guide(request, pathway, spend=limit_page)
        return public.pathway_page(ctx(request).env, guide, pathway, body, alternatives)

    return await cached_page(request, render)


@router.post("/pathways/{slug}/visit")
async def pathway_visit(request: Request, slug: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH)):
    """The per-visitor part of a pathway page, fetched by app.js: counts this visit (once per
    visitor per day, bots ignored) and hands back the count and this visitor's CSRF token."""
    if pathways.parse(slug) is None:
        raise HTTPException(404, "We have no pathway at this address.")
    views = await _count(request, slug)
    token, new = csrf_token(request.cookies)
    response = Response(
        json.dumps({"slug": slug, "views": views, "csrf": token}),
        media_type="application/json",
        headers={"Cache-Control": "no-store"},
    )
    if new:
        set_csrf_cookie(response, token, ctx(request).settings.secure_cookies)
    return response


REMOVED_ITEM = re.compile(r"^(?:skill|knowledge|technology):.{1,200}$")


def _form_values(
    skills: str, hours_per_week: str, location: str, budget: str, remove: Sequence[str] = ()
) -> dict[str, Any]:
    # Items the person ticked as read wrongly; anything not shaped like an item id matches
    # nothing, so it is dropped rather than refused.
    removed = sorted({item for item in remove if REMOVED_ITEM.match(item)})
    return {
        "skills": skills.strip(),
        "hours_per_week": hours_per_week.strip(),
        "location": location.strip(),
        "budget": budget.strip(),
        "remove": removed,
    }


def _tailor(pathway: pathways.Pathway, form: dict) -> Guide:
    hours = form["hours_per_week"] or "10"
    try:
        hours_value = float(hours)
    except ValueError:
        raise InputError("hours per week is a number, e.g. 10") from None
    if hours_value != hours_value:  # NaN
        raise InputError("hours per week is a number, e.g. 10")
    try:
        return pathways.build(
            pathway,
            hours_value,
            form["location"] or None,
            form["skills"] or None,
            form["budget"] or None,
            frozenset(form.get("remove", ())),
        )
    except ImportError:  # the skills reader ships separately; fail clearly, not with a 500
        raise InputError("reading skills is not available in this installation; leave skills empty") from None


def _same_origin(request: Request) -> bool:
    """The browser says the form came from this site: Fetch Metadata, else the Origin header."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site == "same-origin"
    origin = request.headers.get("origin")
    return (
        origin is not None and origin not in ("", "null") and origin.split("://", 1)[-1] == request.headers.get("host")
    )


def _check_csrf(request: Request, token: str) -> None:
    # The token (cookie + field, filled in by app.js from /visit on cacheable pages) or, for a
    # form sent without JavaScript from a cached page that carries no token, the browser's own
    # word that the request is same-origin (OWASP: verifying origin with standard headers).
    if not csrf_ok(request.cookies, token) and not _same_origin(request):
        raise HTTPException(403, "This form has expired or came from another site. Reload the page and try again.")


FormText = lambda n: Form("", max_length=n)


# The skills box takes anything the body limit lets through: text over MAX_SKILLS comes back in
# the box with the error (service.read_skills says the limit), instead of a bare 422 that loses it.
def _personal_form(
    skills: str = FormText(MAX_BODY_BYTES),
    hours_per_week: str = FormText(8),
    location: str = FormText(MAX_LOCATION),
    budget: str = FormText(8),
    remove: list[str] = Form([]),
) -> dict:
    """The personalization form's fields, shared by personalize and save."""
    return _form_values(skills, hours_per_week, location, budget, remove)


@router.post("/pathways/{slug}/personalize", response_class=HTMLResponse)
def personalize(
    request: Request,
    slug: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH),
    csrf_token_: str = Form("", alias=CSRF_FIELD, max_length=64),
    form: dict = Depends(_personal_form),
):
    pathway = pathways.parse(slug)
    if pathway is None:
        return _not_found(request, slug)
    _check_csrf(request, csrf_token_)
    c = ctx(request)
    try:
        limit(request)
        guide = _tailor(pathway, form)
    except InputError as exc:
        return _form_error(request, pathway, form, exc)
    return page(
        request,
        "pathway.html",
        guide=guide,
        pathway=pathway,
        body=_body(c, guide, pathway),
        views=c.views.count(slug),
        form=form,
        tailored=True,
        exports_base=None,
    )


def _form_error(request: Request, pathway: pathways.Pathway, form: dict, exc: InputError) -> HTMLResponse:
    """The untailored page again, the person's answers still in the form, and what to change."""
    c = ctx(request)
    base = c.guides.get(pathway)
    return page(
        request,
        "pathway.html",
        status_for(exc),
        guide=base,
        pathway=pathway,
        body=_body(c, base, pathway),
        views=c.views.count(pathway.slug),
        form=form,
        form_error=str(exc),
        exports_base=f"/pathways/{pathway.slug}",
    )


@router.post("/pathways/{slug}/save")
def save(
    request: Request,
    slug: str = PathParam(max_length=pathways.MAX_SLUG_LENGTH),
    csrf_token_: str = Form("", alias=CSRF_FIELD, max_length=64),
    form: dict = Depends(_personal_form),
):
    pathway = pathways.parse(slug)
    if pathway is None:
        return _not_found(request, slug)
    _check_csrf(request, csrf_token_)
    c = ctx(request)
    limit(request)
    try:
        guide = _tailor(pathway, form)
    except InputError as exc:
        return _form_error(request, pathway, form, exc)
    secret, secret_hash = plans.new_owner_secret()
    try:
        token = c.store.save_guide(slug, form, guide.to_json_dict(), owner_hash=secret_hash)
    except StoreUnavailable:
        return page(
            request,
            "pathway.html",
            503,
            guide=guide,
            pathway=pathway,
            body=_body(c, guide, pathway),
            views=None,
            form=form,
            tailored=True,
            exports_base=None,
            form_error="Saving is unavailable right now (the database cannot be reached). "
            "Your tailored guide is below; try saving again in a minute.",
        )
    response = RedirectResponse(f"/saved/{token}", status_code=303)
    set_owner_cookie(request, response, token, secret)
    return response


# -- saved guides and exports -----------------------------------------------------------------

NO_SAVED = "There is no saved guide at this address. If you deleted it, everything about it is gone."
ANCHOR = re.compile(r"^[a-z0-9-]{1,40}$")


def _store_down() -> HTTPException:
    return HTTPException(
        503,
        "Saved guides are unavailable right now (the database cannot be reached). "
        "Your link is still valid; try again in a minute.",
    )


OWNER_COOKIE = "cp_owner"
OWNER_HEADER = "x-owner-key"
NOT_OWNER = (
    "Only the person who saved this plan can change or delete it. Open the owner link you were "
    "given when you saved it (the plain link is for reading)."
)


def set_owner_cookie(request: Request, response: Response, token: str, secret: str) -> None:
    """The owner secret lives in a cookie for this plan's pages only: HttpOnly, SameSite=Strict."""
    response.set_cookie(
        OWNER_COOKIE,
        secret,
        max_age=400 * 24 * 3600,
        httponly=True,
        samesite="strict",
        secure=ctx(request).secure_cookies(request),
        path=f"/saved/{token}",
    )


def owner_secret(request: Request) -> str | None:
    """The owner secret the client shows: the X-Owner-Key header (API) or this plan's cookie (pages)."""
    value = request.headers.get(OWNER_HEADER) or request.cookies.get(OWNER_COOKIE)
    return value[:64] if value else None


def owned_plan(request: Request, token: str) -> plans.Plan:
    """The saved plan, if the client is its owner; else 403 (404 / 503 as load_plan)."""
    plan = load_plan(request, token)
    if not plans.is_owner(plan, owner_secret(request)):
        raise HTTPException(403, NOT_OWNER)
    return plan


def delete_plan(request: Request, token: str) -> None:
    """Delete the saved plan at this token, or 404 (bad or unknown token) / 403 (not the owner) /
    503 (store down)."""
    owned_plan(request, token)
    try:
        deleted = ctx(request).store.delete_saved(token)
    except StoreUnavailable:
        raise _store_down() from None
    if not deleted:
        raise HTTPException(404, NO_SAVED)


def load_plan(request: Request, token: str) -> plans.Plan:
    """The saved plan at this token, or 404 (bad or unknown token) / 503 (store down)."""
    if not TOKEN.match(token):
        raise HTTPException(404, NO_SAVED)
    try:
        plan = plans.load(ctx(request).store, token)
    except StoreUnavailable:
        raise _store_down() from None
    if plan is None:
        raise HTTPException(404, NO_SAVED)
    return plan


def _saved(request: Request, token: str) -> tuple[Guide, str, dict]:
    plan = load_plan(request, token)
    return plan.guide, plan.slug, plan.params


def _plan_pathway(plan: plans.Plan) -> pathways.Pathway:
    guide = plan.guide
    return pathways.parse(plan.slug) or pathways.make_pathway(
        pathways.end_for(guide.from_.code, guide.from_.specialization_id),
        pathways.end_for(guide.to.code, guide.to.specialization_id),
    )


@router.get("/saved/{token}.{fmt}")
async def saved_export(request: Request, token: str = PathParam(max_length=64), fmt: str = PathParam(max_length=4)):
    if fmt not in EXPORTS:
        raise HTTPException(404, "We can export a guide as .md, .json, .html or .pdf.")
    guide, slug, _ = await run_in_threadpool(_saved, request, token)
    return await export(request, guide, f"{slug}-saved", fmt, cache=False)


@router.get("/saved/{token}", response_class=HTMLResponse)
def saved_page(request: Request, token: str = PathParam(max_length=64)):
    plan = load_plan(request, token)
    c = ctx(request)
    pathway = _plan_pathway(plan)
    owner = plans.is_owner(plan, owner_secret(request))
    link = str(request.url.replace(query=None, fragment=None))
    secret = request.cookies.get(OWNER_COOKIE) if plan.owner_hash is not None else None
    return page(
        request,
        "pathway.html",
        guide=plan.guide,
        pathway=pathway,
        body=_body(c, plan.guide, pathway, plan if owner else None),
        views=c.views.count(plan.slug),
        form=plan.params,
        tailored=True,
        saved=True,
        saved_url=link,
        owner_url=f"{link}/own/{secret}" if owner and secret else None,
        exports_base=f"/saved/{token}",
        plan=plan,
        progress=plan.progress() if owner else None,
    )


@router.get("/saved/{token}/own/{secret}")
def saved_owner_link(request: Request, token: str = PathParam(max_length=64), secret: str = PathParam(max_length=64)):
    """The owner link: on any device, it hands the browser this plan's owner cookie."""
    plan = load_plan(request, token)
    if plan.owner_hash is None or not plans.is_owner(plan, secret):
        raise HTTPException(404, NO_SAVED)
    response = RedirectResponse(f"/saved/{token}", status_code=303)
    set_owner_cookie(request, response, token, secret)
    return response


@router.post("/saved/{token}/progress")
async def saved_progress(request: Request, token: str = PathParam(max_length=64)):
    """The progress form: every ticked box is sent, so the submission is the whole new state."""
    form = await request.form()
    _check_csrf(request, str(form.get(CSRF_FIELD, ""))[:64])
    plan = await run_in_threadpool(owned_plan, request, token)
    tasks = {str(v)[:64] for v in form.getlist("task")[:1000]}
    learned = {str(v)[:300] for v in form.getlist("learned")[:1000]}
    try:
        ok = await run_in_threadpool(plans.update, ctx(request).store, plan, tasks, learned)
    except StoreUnavailable:
        raise _store_down() from None
    if not ok:
        raise HTTPException(404, NO_SAVED)
    anchors = [str(a) for a in form.getlist("anchor") if ANCHOR.match(str(a))]
    return RedirectResponse(f"/saved/{token}" + (f"#{anchors[-1]}" if anchors else ""), status_code=303)


@router.get("/saved/{token}/export")
def saved_data_export(request: Request, token: str = PathParam(max_length=64)):
    """Everything stored about this saved plan, as one JSON download."""
    plan = load_plan(request, token)
    body = json.dumps(plan.export(), ensure_ascii=False, indent=2)
    return Response(
        body,
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="careerpath-saved-plan-{plan.created_at:%Y-%m-%d}.json"',
            "Cache-Control": "no-store",
        },
    )


@router.get("/saved/{token}/delete", response_class=HTMLResponse)
def saved_delete_confirm(request: Request, token: str = PathParam(max_length=64)):
    plan = owned_plan(request, token)
    return page(request, "saved_delete.html", plan=plan, pathway=_plan_pathway(plan), deleted=False)


@router.post("/saved/{token}/delete", response_class=HTMLResponse)
def saved_delete(
    request: Request,
    token: str = PathParam(max_length=64),
    csrf_token_: str = Form("", alias=CSRF_FIELD, max_length=64),
):
    _check_csrf(request, csrf_token_)
    delete_plan(request, token)
    return page(request, "saved_delete.html", deleted=True)


async def export(request: Request, guide: Guide, name: str, fmt: str, cache: bool = True) -> Response:
    headers = {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'}
    if fmt == "md":
        from careerpath.render.markdown import render_markdown

        body = render_markdown(guide)
    elif fmt == "json":
        body = json.dumps(guide.to_json_dict(), ensure_ascii=False, indent=2)
    elif fmt == "html":
        from careerpath.render.html import render_html

        body = render_html(guide)
    else:
        c = ctx(request)
        pdf: bytes | None = c.pdfs.get(name) if cache else None
        if pdf is None:
            limit(request)  # a PDF costs a second of CPU: it counts as a generation
            from careerpath.render.pdf import render_pdf

            pdf = await run_in_threadpool(render_pdf, guide)
            if cache:
                c.pdfs.put(name, pdf)
        return Response(pdf, media_type=EXPORTS[fmt], headers=headers)
    return Response(body, media_type=EXPORTS[fmt], headers=headers)
