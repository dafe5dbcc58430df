"""sitemap.xml, split as the sitemap protocol requires (sitemaps.org): an index that lists
sitemap files of at most 50,000 URLs each.

- /sitemaps/hubs.xml: the home page and every occupation's two hub pages (/pathways/to/…,
  /pathways/from/…);
- /sitemaps/pathways-{n}.xml: every ordered pair of rated occupations as a pathway page,
  50,000 to a file, in a fixed order (codes sorted), so file n always lists the same pathways
  for a given knowledge base.

URLs are absolute, as the protocol requires: CAREERPATH_PUBLIC_URL (e.g. https://careerpath.example)
or else the address the request came to. The files are cacheable like the pages (ETag, 304).
"""

from __future__ import annotations

import os
from functools import lru_cache
from xml.sax.saxutils import escape

from fastapi import APIRouter, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from starlette.exceptions import HTTPException

from careerpath.kb import KnowledgeBase

from . import cache, pathways

router = APIRouter(include_in_schema=False)
PER_FILE = 50_000
XML = "application/xml"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


@lru_cache(maxsize=1)
def rated_parts() -> tuple[str, ...]:
    """Slug halves of the rated occupations, in code order (the pathways the sitemap lists)."""
    kb = KnowledgeBase.default()
    return tuple(pathways.end_for(o.code).slug for o in sorted(kb.occupations(), key=lambda o: o.code) if o.has_ratings)


def pathway_count() -> int:
    n = len(rated_parts())
    return n * (n - 1)


def file_count() -> int:
    return -(-pathway_count() // PER_FILE)


def pathway_slugs(number: int) -> list[str]:
    """The slugs sitemap file `number` (1-based) lists: pairs (a, b), a != b, in row order."""
    parts = rated_parts()
    n = len(parts)
    start, stop = (number - 1) * PER_FILE, min(number * PER_FILE, pathway_count())
    slugs = []
    for i in range(start, stop):
        a, rest = divmod(i, n - 1)
        b = rest + (rest >= a)  # skip the diagonal
        slugs.append(f"{parts[a]}-to-{parts[b]}")
    return slugs


def base_url(request: Request) -> str:
    return (os.environ.get("CAREERPATH_PUBLIC_URL") or str(request.base_url)).rstrip("/")


def _xml(request: Request, body_of) -> Response:
    base = base_url(request)
    etag = cache.etag_for(request.url.path, base)
    if cache.matches(request, etag):
        return cache.not_modified(etag)
    page = cache.CachedPage(etag, (HEAD + body_of(base)).encode(), media_type=XML)
    return cache.respond(request, page)


def _urlset(base: str, paths) -> str:
    lines = ['<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    lines += [f"<url><loc>{escape(base + path)}</loc></url>" for path in paths]
    return "\n".join(lines) + "\n</urlset>\n"


@router.get("/sitemap.xml")
def sitemap_index(request: Request):
    def body(base):
        names = ["hubs.xml"] + [f"pathways-{n}.xml" for n in range(1, file_count() + 1)]
        items = [f"<sitemap><loc>{escape(f'{base}/sitemaps/{name}')}</loc></sitemap>" for name in names]
        return (
            "\n".join(['<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">', *items, "</sitemapindex>"])
            + "\n"
        )

    return _xml(request, body)


@router.get("/sitemaps/hubs.xml")
def sitemap_hubs(request: Request):
    def body(base):
        parts = sorted({end.slug for end in pathways._parts().values()})
        return _urlset(base, ["/", *[f"/pathways/{d}/{p}" for p in parts for d in ("to", "from")]])

    return _xml(request, body)


@router.get("/sitemaps/pathways-{number}.xml")
def sitemap_pathways(request: Request, number: int = PathParam(ge=1, le=10_000)):
    if number > file_count():
        raise HTTPException(404, "There is no sitemap file with this number.")
    return _xml(request, lambda base: _urlset(base, [f"/pathways/{s}" for s in pathway_slugs(number)]))
