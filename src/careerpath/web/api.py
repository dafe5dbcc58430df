"""JSON API under /api/v1: the same code paths as the pages, as data."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi import Path as PathParam
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from careerpath.api import occupation_with_route
from careerpath.codes import is_soc_or_onet_code
from careerpath.engine import Guide
from careerpath.kb import KnowledgeBase
from careerpath.resolve import InvalidTitle, Resolver, resolution_dict
from careerpath.service import MAX_HOURS_PER_WEEK, MAX_REMOVED_ITEMS, InputError, RoleNotFound
from careerpath.store import StoreUnavailable

from . import pathways, plans
from .context import ctx
from .errors import API_ERRORS, Responses
from .pages import (
    MAX_LOCATION,
    MAX_SKILLS,
    MAX_TITLE,
    NO_SAVED,
    _choice,
    _store_down,
    delete_plan,
    limit,
    load_plan,
    owned_plan,
    popular,
)
from .suggest import suggest

MAX_SKILLS_IN_URL = 2000  # longer text goes in the body of POST /guide, out of URLs and logs

router = APIRouter(prefix="/api/v1", tags=["v1"], responses=API_ERRORS)
EXAMPLE_SLUG = "software-developers-to-technical-writers"


class CandidateOut(BaseModel):
    code: str
    title: str
    score: float
    matched: str


class SpecializationOut(BaseModel):
    id: str
    name: str


class ResolutionOut(BaseModel):
    query: str
    candidates: list[CandidateOut]
    specialization: SpecializationOut | None
    ambiguous: bool


class SuggestionOut(BaseModel):
    title: str
    code: str
    occupation: str


class PopularOut(BaseModel):
    slug: str
    label: str
    views: int
    url: str


class ViewsOut(BaseModel):
    slug: str
    views: int | None
    available: bool


class PathwayGuideOut(BaseModel):
    slug: str
    url: str
    guide: Guide


@router.get("/resolve", response_model=ResolutionOut, summary="Free-text job title to O*NET occupations")
def resolve(
    q: str = Query(
        ...,
        min_length=1,
        max_length=MAX_TITLE,
        description="A job title as people type it",
        examples=["Sr. Backend Engineer"],
    ),
    top: int = Query(5, ge=1, le=20),
):
    try:
        r = Resolver.default().resolve(q, top=top)
    except InvalidTitle as exc:
        raise InputError(str(exc)) from None
    # The CLI's JSON shape; the query is echoed as sent (the resolver's copy is stripped).
    return ResolutionOut.model_validate({**resolution_dict(r), "query": q})


@router.get("/suggest", response_model=list[SuggestionOut], summary="Title autocomplete (word prefixes)")
def suggestions(q: str = Query(..., max_length=MAX_TITLE), limit_: int = Query(8, alias="limit", ge=1, le=20)):
    return [SuggestionOut(title=s.title, code=s.code, occupation=s.occupation) for s in suggest(q, limit_)]


@router.get("/occupations/{code}", summary="One occupation: ratings, technologies, tasks, wages, outlook")
def occupation(
    code: str = PathParam(..., max_length=12, description="O*NET-SOC code, e.g. 15-1252.00", examples=["15-1252.00"]),
):
    if not is_soc_or_onet_code(code):
        raise HTTPException(404, f"{code!r} is not an O*NET-SOC code (they look like 15-1252.00)")
    if len(code) == 7:
        code += ".00"
    return occupation_with_route(KnowledgeBase.default(), code)


@router.get("/guide", response_model=PathwayGuideOut, summary="The guide for two titles, optionally tailored")
async def guide(
    request: Request,
    from_: str = Query(
        ...,
        alias="from",
        min_length=1,
        max_length=MAX_TITLE,
        description="The job you have (title or O*NET-SOC code)",
        examples=["Software Developer"],
    ),
    to: str = Query(
        ..., min_length=1, max_length=MAX_TITLE, description="The job you want", examples=["Technical Writer"]
    ),
    hours_per_week: float | None = Query(None, ge=1, le=MAX_HOURS_PER_WEEK),
    location: str | None = Query(None, max_length=MAX_LOCATION, description="U.S. state or metro area"),
    skills: str | None = Query(
        None,
        max_length=MAX_SKILLS_IN_URL,
        description="Comma-separated skills you have (POST /guide keeps them out of the URL)",
    ),
    budget: Literal["free", "any"] | None = Query(None),
):
    return await _guide(request, from_, to, hours_per_week, location, skills, budget)


class GuideIn(BaseModel):
    """The same answers as GET /guide, in a body: skills text sent this way stays out of URLs
    (and so out of proxy logs and browser history). Nothing here is stored."""

    from_: str = Field(..., alias="from", min_length=1, max_length=MAX_TITLE, examples=["Software Developer"])
    to: str = Field(..., min_length=1, max_length=MAX_TITLE, examples=["Technical Writer"])
    hours_per_week: float | None = Field(None, ge=1, le=MAX_HOURS_PER_WEEK)
    location: str | None = Field(None, max_length=MAX_LOCATION)
    skills: str | None = Field(None, max_length=MAX_SKILLS, description="Skills you have, in your own words")
    budget: Literal["free", "any"] | None = None
    remove: list[str] = Field(
        default_factory=list,
        max_length=MAX_REMOVED_ITEMS,
        description="Items read from `skills` that are wrong, as personalization.skills_read "
        "names them: kind:key, e.g. technology:Python",
    )


@router.post("/guide", response_model=PathwayGuideOut, summary="The guide for two titles, tailored from a JSON body")
async def guide_post(request: Request, body: GuideIn):
    return await _guide(
        request,
        body.from_,
        body.to,
        body.hours_per_week,
        body.location,
        body.skills,
        body.budget,
        frozenset(body.remove),
    )


async def _guide(
    request: Request,
    from_: str,
    to: str,
    hours_per_week: float | None,
    location: str | None,
    skills: str | None,
    budget: str | None,
    removed: frozenset[str] = frozenset(),
) -> PathwayGuideOut:
    source, target = await run_in_threadpool(_choice, from_), await run_in_threadpool(_choice, to)
    pathway = pathways.make_pathway(source, target)
    tailored = any(v not in (None, "") for v in (hours_per_week, location, skills, budget))
    c = ctx(request)
    if tailored:
        limit(request)
        try:
            result = await run_in_threadpool(pathways.build, pathway, hours_per_week, location, skills, budget, removed)
        except ImportError:
            raise InputError("reading skills is not available in this installation; leave skills empty") from None
    else:
        if pathway.slug not in c.guides:
            limit(request)
        result = await run_in_threadpool(c.guides.get, pathway)
    return PathwayGuideOut(slug=pathway.slug, url=f"/pathways/{pathway.slug}", guide=result)


@router.get("/recommend", summary="Where you can go from a job: moves ranked by the transition score, each explained")
async def recommend_moves(
    from_: str = Query(..., alias="from", min_length=1, max_length=MAX_TITLE, examples=["Registered Nurse"]),
    top: int = Query(10, ge=1, le=50),
    kinds: list[Literal["lateral", "step_up", "step_down", "long_term"]] = Query(
        ["lateral", "step_up", "step_down"], description="Long-term moves only when asked for"
    ),
    min_wage: float | None = Query(None, ge=0),
    max_months: float | None = Query(None, ge=0),
    max_difficulty: Literal["Easy", "Moderate", "Challenging", "Hard"] | None = Query(None),
    no_degree: bool = Query(False, description="Only moves that need no new associate's degree or higher"),
    location: str | None = Query(None, max_length=MAX_LOCATION, description="U.S. state or metro area"),
):
    from careerpath.engine.inputs import Inputs
    from careerpath.engine.recommend import recommend
    from careerpath.kb.api import NATIONAL
    from careerpath.service import find_area

    source = await run_in_threadpool(_choice, from_)
    inputs = Inputs.default()
    area = find_area(location, inputs.kb) if location and location.strip() else None
    recs = await run_in_threadpool(
        recommend,
        inputs,
        source.code,
        top,
        min_wage,
        max_difficulty,
        area.code if area else NATIONAL,
        True,
        tuple(dict.fromkeys(kinds)),
        max_months,
        no_degree,
    )
    return {
        "from": {"code": source.code, "title": source.title},
        "area": area.name if area else "National",
        "recommendations": [r.to_json_dict() for r in recs],
    }


@router.get("/compare", summary="Two to four target jobs side by side for one person")
async def compare_targets(
    request: Request,
    from_: str = Query(..., alias="from", min_length=1, max_length=MAX_TITLE, examples=["Registered Nurse"]),
    to: list[str] = Query(..., min_length=2, max_length=4, examples=[["Nurse Practitioner", "11-9111.00"]]),
    hours_per_week: float | None = Query(None, ge=1, le=MAX_HOURS_PER_WEEK),
):
    from careerpath.engine.guide import DEFAULT_HOURS_PER_WEEK, Person
    from careerpath.engine.inputs import Inputs
    from careerpath.engine.sidebyside import side_by_side

    source = await run_in_threadpool(_choice, from_)
    ends = [await run_in_threadpool(_choice, t[:MAX_TITLE]) for t in to]
    limit(request)
    try:
        result = await run_in_threadpool(
            side_by_side,
            Inputs.default(),
            source.code,
            [e.code for e in ends],
            Person(hours_per_week=hours_per_week or DEFAULT_HOURS_PER_WEEK),
        )
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None
    return result.to_json_dict()


@router.get("/pathways/popular", response_model=list[PopularOut], summary="Most viewed pathways")
def popular_pathways(request: Request, limit_: int = Query(10, alias="limit", ge=1, le=50)):
    items = popular(ctx(request), limit_)
    if items is None:
        raise HTTPException(503, "the view store is unavailable; try again shortly")
    return [PopularOut(slug=i["slug"], label=i["label"], views=i["views"], url=i["url"]) for i in items]


@router.get("/pathways/{slug}", response_model=PathwayGuideOut, summary="The untailored guide for a pathway URL")
async def pathway_guide(
    request: Request, slug: str = PathParam(..., max_length=pathways.MAX_SLUG_LENGTH, examples=[EXAMPLE_SLUG])
):
    pathway = pathways.parse(slug)
    if pathway is None:
        raise RoleNotFound(f"no pathway {slug!r}; build one with /api/v1/guide?from=...&to=...")
    c = ctx(request)
    if slug not in c.guides:
        limit(request)
    result = await run_in_threadpool(c.guides.get, pathway)
    return PathwayGuideOut(slug=slug, url=f"/pathways/{slug}", guide=result)


@router.get("/views/{slug}", response_model=ViewsOut, summary="How many people viewed a pathway")
def views(request: Request, slug: str = PathParam(..., max_length=pathways.MAX_SLUG_LENGTH, examples=[EXAMPLE_SLUG])):
    if pathways.parse(slug) is None:
        raise RoleNotFound(f"no pathway {slug!r}")
    count = ctx(request).views.count(slug)
    return ViewsOut(slug=slug, views=count, available=count is not None)


# -- saved plans: the token in the path reads; changing or deleting also takes the owner secret in
# the X-Owner-Key header (a header, not a cookie, so there is no CSRF to forge) -------------------

TokenParam = PathParam(..., max_length=64, description="The 43-character token from the saved guide's link")


class PhaseProgressOut(BaseModel):
    phase: int
    title: str
    done: int
    total: int
    weeks: int
    remaining_weeks: int


class ProgressOut(BaseModel):
    done_tasks: int
    total_tasks: int
    learned_items: int
    total_items: int
    learned_hours: int
    remaining_hours: int
    percent: int
    remaining_weeks: int
    remaining_months: int
    phases: list[PhaseProgressOut]
    next_tasks: list[str]


class SavedPlanOut(BaseModel):
    token: str
    url: str
    pathway: str
    created_at: datetime
    inputs: dict[str, str]
    done_tasks: list[str] = Field(description="Checked roadmap task ids (engine.progress.task_id)")
    learned: list[str] = Field(description='Skills marked known, as "<kind>:<key>" of skills_to_learn')
    progress: ProgressOut
    guide: Guide


class ProgressIn(BaseModel):
    """Each field given replaces that whole set; leave a field out to keep it. Unknown ids are ignored."""

    done_tasks: list[str] | None = Field(None, max_length=1000)
    learned: list[str] | None = Field(None, max_length=1000)


def _plan_out(plan: plans.Plan) -> SavedPlanOut:
    p = plan.progress()
    return SavedPlanOut(
        token=plan.token,
        url=f"/saved/{plan.token}",
        pathway=plan.slug,
        created_at=plan.created_at,
        inputs={k: str(v) for k, v in plan.params.items()},
        done_tasks=sorted(plan.done),
        learned=sorted(f"{k}:{v}" for k, v in plan.learned),
        progress=ProgressOut.model_validate(p, from_attributes=True),
        guide=plan.guide,
    )


SAVED_ERRORS: Responses = {503: {"model": API_ERRORS[404]["model"]}}
OWNER_ERRORS: Responses = {
    **SAVED_ERRORS,
    403: {"model": API_ERRORS[404]["model"], "description": "Missing or wrong X-Owner-Key header"},
}


@router.get(
    "/saved/{token}",
    response_model=SavedPlanOut,
    responses=SAVED_ERRORS,
    summary="A saved plan: its guide, what is ticked off, and progress",
)
def saved_plan(request: Request, token: str = TokenParam):
    return _plan_out(load_plan(request, token))


@router.patch(
    "/saved/{token}/progress",
    response_model=SavedPlanOut,
    responses=OWNER_ERRORS,
    summary="Tick roadmap tasks and known skills on a saved plan",
)
def saved_plan_progress(request: Request, body: ProgressIn, token: str = TokenParam):
    plan = owned_plan(request, token)
    tasks = None if body.done_tasks is None else {t[:64] for t in body.done_tasks}
    learned = None if body.learned is None else {k[:300] for k in body.learned}
    try:
        if not plans.update(ctx(request).store, plan, tasks, learned):
            raise HTTPException(404, NO_SAVED)
    except StoreUnavailable:
        raise _store_down() from None
    return _plan_out(load_plan(request, token))


@router.get(
    "/saved/{token}/export",
    responses=SAVED_ERRORS,
    summary="Everything stored about a saved plan: inputs, guide, ticks with timestamps, progress",
)
def saved_plan_export(request: Request, token: str = TokenParam) -> dict:
    return load_plan(request, token).export()


@router.delete(
    "/saved/{token}",
    status_code=204,
    responses=OWNER_ERRORS,
    summary="Delete a saved plan, its progress and the profile text it holds",
)
def saved_plan_delete(request: Request, token: str = TokenParam):
    delete_plan(request, token)
    return Response(status_code=204)
