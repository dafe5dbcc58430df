"""The work one Dask task does: render a chunk of pathways to files (runs on the workers)."""

from __future__ import annotations

import json
import os
import time
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _env():
    from careerpath.web.public import environment

    return environment()


def warm() -> None:
    """Load what every page needs (knowledge base, slug map, templates) before the clock starts."""
    from careerpath.kb import KnowledgeBase
    from careerpath.web import pathways

    KnowledgeBase.default()
    pathways._parts()
    for name in ("pathway.html", "guide.html", "hub.html"):
        _env().get_template(name)


def paths(out: Path, slug: str) -> tuple[Path, Path]:
    return out / "pathways" / f"{slug}.html", out / "pathways" / f"{slug}.json"


def write_atomic(path: Path, data: bytes) -> None:
    """Write aside, then rename: the file exists only when it is complete."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def slug_for(source: str, target: str) -> str:
    from careerpath.web import pathways

    return pathways.make_pathway(pathways.end_for(source), pathways.end_for(target)).slug


def end_slug(code: str) -> str:
    from careerpath.web import pathways

    return pathways.end_for(code).slug


def done(out: Path, slug: str) -> bool:
    html, data = paths(out, slug)
    return html.exists() and data.exists()


def render_chunk(out: str, pairs: list[tuple[str, str]]) -> tuple[int, int, float]:
    """Render each (source, target) pathway not already on disk; (written, skipped, CPU seconds)."""
    from careerpath.web import pathways, public

    cpu = time.process_time()
    root = Path(out)
    (root / "pathways").mkdir(parents=True, exist_ok=True)
    env = _env()
    written = skipped = 0
    for source, target in pairs:
        pathway = pathways.make_pathway(pathways.end_for(source), pathways.end_for(target))
        html_path, json_path = paths(root, pathway.slug)
        if html_path.exists() and json_path.exists():
            skipped += 1
            continue
        guide = pathways.build(pathway)
        # JSON first: the HTML file's presence then means both are there.
        # Compact: json's C encoder (indent= falls back to the pure-Python one, a quarter of the
        # export's CPU); the same data as /pathways/{slug}.json.
        write_atomic(json_path, json.dumps(guide.to_json_dict(), ensure_ascii=False, separators=(",", ":")).encode())
        write_atomic(html_path, public.pathway_page(env, guide, pathway).encode())
        written += 1
    return written, skipped, time.process_time() - cpu


def write_assets(out: Path) -> None:
    """The stylesheets and script the pages link to, at the same addresses as on the server."""
    from careerpath.render.html import guide_css
    from careerpath.web.public import TEMPLATES

    static = TEMPLATES.parent / "static"
    (out / "static").mkdir(parents=True, exist_ok=True)
    for name in ("site.css", "app.js"):
        write_atomic(out / "static" / name, (static / name).read_bytes())
    write_atomic(out / "static-guide.css", guide_css().encode())


def hub_path(out: Path, direction: str, role: str) -> Path:
    return out / "pathways" / direction / f"{role}.html"


def render_hubs(out: str, items: list[tuple[str, str]]) -> tuple[int, int, float]:
    """Render hub pages, each (direction, occupation code); (written, skipped, CPU seconds)."""
    from careerpath.web import pathways, public

    cpu = time.process_time()
    root, env = Path(out), _env()
    guides = pathways.GuideCache(4096)
    written = skipped = 0
    for direction, code in items:
        end = pathways.end_for(code)
        path = hub_path(root, direction, end.slug)
        if path.exists():
            skipped += 1
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        rows = pathways.hub(guides, end, direction)
        html = public.render(
            env,
            "hub.html",
            f"/pathways/{direction}/{end.slug}",
            end=end,
            role=end.slug,
            direction=direction,
            rows=rows,
            limit=pathways.HUB_SIZE,
            route=pathways.hub_route(end, direction),
        )
        write_atomic(path, html.encode())
        written += 1
    return written, skipped, time.process_time() - cpu
