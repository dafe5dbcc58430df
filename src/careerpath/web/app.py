"""The careerpath web app: FastAPI + Jinja2 around the same engine as the CLI.

uvicorn careerpath.web.app:create_app --factory      # or: careerpath serve
"""

from __future__ import annotations

import gc
import importlib.util
import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.gzip import GZipMiddleware

from careerpath.kb import KnowledgeBase
from careerpath.render.html import guide_css
from careerpath.store import StoreUnavailable

from . import api, errors, pages, sitemap
from .cache import CachedPages, PageCache, build_version
from .context import Context, Settings, _env_float
from .security import BodyLimit, RateLimiter, SecurityHeaders

log = logging.getLogger("careerpath.web")
STATIC = Path(__file__).parent / "static"
DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>careerpath API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
<link rel="icon" href="/favicon.ico"></head>
<body><div id="swagger-ui"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="/static/api-docs.js"></script></body></html>
"""


def swagger_ui_assets() -> Path | None:
    """Swagger UI's files from the swagger-ui-py package (a dependency of the web extra), or None.

    Located, not imported: the package's own Python code (framework handlers) is not needed."""
    spec = importlib.util.find_spec("swagger_ui")
    if spec is None or spec.origin is None:
        return None
    static = Path(spec.origin).parent / "static"
    return static if (static / "swagger-ui-bundle.js").is_file() else None


def warm() -> None:
    """Load the KB, resolver, slug map and title index before the first person waits for them."""
    from careerpath.resolve import Resolver

    from . import explore, pathways, suggest

    Resolver.default()
    pathways._parts()
    suggest._index()
    explore.warm()
    build_version()


def create_app(settings: Settings | None = None, warm_up: bool = True) -> FastAPI:
    context = Context(settings or Settings())

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            context.store.upgrade()
        except StoreUnavailable as exc:
            # Pages still render; counters and saving say they are unavailable and retry later.
            log.warning("store not ready at startup: %s", exc)
        if warm_up:
            warm()
        # The KB arrays, indexes and templates live as long as the process: keep them out of
        # the cyclic GC's scans so collections stay short under load.
        gc.collect()
        gc.freeze()
        context.views.start()
        yield
        context.views.close()  # writes the views still waiting: a clean shutdown loses none
        context.store.dispose()

    meta = KnowledgeBase.default().meta  # the schema names the releases the knowledge base was built from
    app = FastAPI(
        title="careerpath",
        version="1",
        summary=f"Career transition guides computed from O*NET {meta['onet_version']} and BLS data.",
        description=f"Data: O*NET {meta['onet_version']} (USDOL/ETA, CC BY 4.0), BLS OEWS {meta['oews_release']}, "
        f"BLS Employment Projections {meta['projections_release']}. "
        'Errors are JSON: {"error": {"status": int, "message": str}}.',
        openapi_url="/api/v1/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.ctx = context
    # Cacheable pages (cache.py): rendered once per process, validated by ETag. Their misses
    # spend from a bucket sized for a polite crawler, not the guide-generation bucket.
    app.state.pages = PageCache()
    app.state.page_limiter = RateLimiter(
        _env_float("CAREERPATH_PAGE_RATE_PER_MINUTE", 600), int(_env_float("CAREERPATH_PAGE_RATE_BURST", 120))
    )
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(sitemap.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    assets = swagger_ui_assets()
    if assets is not None:
        app.mount("/api/docs/assets", StaticFiles(directory=assets), name="swagger-ui")

    @app.get("/api/docs", include_in_schema=False)
    def api_docs():
        if assets is None:
            return PlainTextResponse(
                "The interactive API docs need the swagger-ui-py package (pip install "
                "'careerpath[web]'); the schema is at /api/v1/openapi.json.",
                status_code=404,
            )
        return HTMLResponse(DOCS_PAGE)

    @app.get("/static-guide.css", include_in_schema=False)
    def shared_css():
        # The guide's own styles live with the renderer so the export and the page match.
        return Response(guide_css(), media_type="text/css", headers={"Cache-Control": "public, max-age=3600"})

    @app.get("/healthz", include_in_schema=False)
    def health():
        return {"ok": True, "store": context.store.available}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return FileResponse(
            STATIC / "favicon.ico",
            media_type="image/vnd.microsoft.icon",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/robots.txt", include_in_schema=False)
    def robots(request: Request):
        # PDFs cost a second of CPU each and say what the page says: not for crawlers.
        return PlainTextResponse(
            "User-agent: *\nDisallow: /saved/\nDisallow: /api/\nDisallow: /*.pdf$\n"
            f"Sitemap: {sitemap.base_url(request)}/sitemap.xml\n"
        )

    # Everything else worth compressing (JSON, CSS, JS); cacheable pages arrive already
    # compressed (cache.py) and pass through untouched. PDFs are compressed already.
    app.add_middleware(CachedPages, pages=app.state.pages)  # innermost: headers below still apply
    app.add_middleware(GZipMiddleware, minimum_size=1024, exclude_content_types=("application/pdf",))
    app.add_middleware(BodyLimit)
    app.add_middleware(SecurityHeaders, https=context.is_https, hsts_seconds=context.settings.hsts_seconds)
    return app
