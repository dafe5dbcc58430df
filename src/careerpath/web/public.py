"""Public (cacheable) pages rendered without a request: the same bytes the server sends for
an address, so `careerpath export` writes exactly what /pathways/{slug} serves.

No FastAPI here: the export's Dask workers import this and the templates, nothing more.
"""

from __future__ import annotations

from pathlib import Path

from careerpath.service import MAX_SKILLS_TEXT

from . import pathways

TEMPLATES = Path(__file__).parent / "templates"
# Every name a site template may read, as a cacheable page has it: nothing about the visitor.
DEFAULTS: dict[str, object] = {
    "alternatives": {},
    "values": {},
    "error": None,
    "form": {},
    "form_error": None,
    "tailored": False,
    "saved": False,
    "saved_url": None,
    "views": None,
    "popular": None,
    "exports_base": None,
    "plan": None,
    "progress": None,
    "cacheable": True,
}


def environment():
    """The site's Jinja environment (its own templates first, then the guide's)."""
    from careerpath.render.html import environment as guide_environment

    return guide_environment(str(TEMPLATES))


def stone_url(pathway: pathways.Pathway, stone) -> str:
    """The pathway from where the person is to a stop on a stepping-stone route."""
    code = stone["code"] if isinstance(stone, dict) else stone.code
    return f"/pathways/{pathways.make_pathway(pathway.source, pathways.end_for(code)).slug}"


def guide_values(guide, pathway: pathways.Pathway, plan=None) -> dict:
    return {"guide": guide, "pathway": pathway, "web": {"stone_url": lambda s: stone_url(pathway, s), "plan": plan}}


def guide_body(env, guide, pathway: pathways.Pathway, plan=None) -> str:
    """The guide's own sections (render/templates/guide.html) with the site's links."""
    return env.get_template("guide.html").render(**guide_values(guide, pathway, plan))


def render(env, template: str, path: str, **values) -> str:
    return env.get_template(template).render(csrf="", path=path, max_skills=MAX_SKILLS_TEXT, **{**DEFAULTS, **values})


def pathway_page(
    env, guide, pathway: pathways.Pathway, body: str | None = None, alternatives: dict | None = None
) -> str:
    """The whole pathway page as /pathways/{slug} serves it to everyone; `alternatives` names the
    other occupations the person's words could mean ({"from"|"to": [(title, url), ...]})."""
    body = guide_body(env, guide, pathway) if body is None else body
    return render(
        env,
        "pathway.html",
        f"/pathways/{pathway.slug}",
        guide=guide,
        pathway=pathway,
        body=body,
        form={},
        exports_base=f"/pathways/{pathway.slug}",
        alternatives=alternatives or {},
    )
