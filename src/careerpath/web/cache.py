"""Cacheable pages: the same bytes for everyone, validated by ETag, compressed once.

A pathway, hub or explore page depends only on the knowledge base, the code and templates
that render it, and the page's own address. So:

- its ETag is a digest of the knowledge base's content hash, a digest of the package's
  source files (engine, templates, catalog: anything that changes what a page says), and
  the path + query. It is known before anything is rendered, so a revalidation
  (`If-None-Match`) is answered with 304 for the price of a string compare;
- the page carries no per-visitor content (no CSRF token, no live view count, no cookie):
  those come from `POST /pathways/{slug}/visit` (see pages.py and static/app.js), so a
  browser, a reverse proxy or a CDN may keep it (`Cache-Control: public`);
- each process keeps the rendered page and its gzip (and, when asked for, brotli) bodies in
  an LRU, so a hit costs no rendering and no compression.

Weak ETags (W/"..."): the gzip, brotli and identity bodies are the same page, and RFC 9110
uses the weak comparison for If-None-Match, so one validator serves all three.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from threading import Lock

from starlette.requests import Request
from starlette.responses import Response

from careerpath.kb import KnowledgeBase

try:  # optional: `pip install brotli`; without it pages are offered as gzip only
    import brotli
except ImportError:  # pragma: no cover - depends on the installation
    brotli = None

PACKAGE = Path(__file__).resolve().parents[1]
SOURCE_SUFFIXES = {".py", ".html", ".css", ".js", ".yaml", ".json", ".npz"}
MAX_AGE = int(os.environ.get("CAREERPATH_PAGE_MAX_AGE", "3600"))
CACHE_CONTROL = f"public, max-age={MAX_AGE}, stale-while-revalidate=60"
GZIP_LEVEL = 6
BROTLI_QUALITY = 5  # ~ gzip's CPU cost, ~15 % smaller; 11 costs ~30x more for a few % more
HTML = "text/html; charset=utf-8"


@lru_cache(maxsize=1)
def build_version() -> str:
    """A digest of everything a cacheable page is made from, except its address: the knowledge
    base's content hash and the package's own source files (code, templates, catalog)."""
    digest = hashlib.sha256(KnowledgeBase.default().content_hash.encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix in SOURCE_SUFFIXES and "__pycache__" not in path.parts and path.is_file():
            if path.parent.name == "data" and path.parent.parent.name == "kb":
                continue  # the knowledge base itself: its content hash is already in
            digest.update(str(path.relative_to(PACKAGE)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def etag_for(path: str, query: str = "") -> str:
    key = f"{build_version()}\0{path}\0{query}".encode()
    return f'W/"{hashlib.sha256(key).hexdigest()[:20]}"'


def matches(request: Request, etag: str) -> bool:
    """Does If-None-Match name this ETag (weak comparison, any of a list, or *)?"""
    header = request.headers.get("if-none-match")
    if not header:
        return False
    bare = etag[2:]
    for candidate in header.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == bare:
            return True
    return False


def accepted(request: Request) -> str | None:
    """The best encoding the client takes: "br", "gzip" or None (q=0 refuses one)."""
    header = request.headers.get("accept-encoding", "")
    if not header:
        return None
    offered = {}
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        q = 1.0
        params = params.strip()
        if params.startswith("q="):
            try:
                q = float(params[2:])
            except ValueError:
                q = 0.0
        offered[name.strip().lower()] = q
    if brotli is not None and offered.get("br", 0) > 0:
        return "br"
    if offered.get("gzip", offered.get("*", 0)) > 0:
        return "gzip"
    return None


@dataclass
class CachedPage:
    etag: str
    body: bytes
    media_type: str = HTML
    encoded: dict[str, bytes] = field(default_factory=dict)

    def encode(self, encoding: str) -> bytes:
        data = self.encoded.get(encoding)
        if data is None:
            if encoding == "br":
                data = brotli.compress(self.body, quality=BROTLI_QUALITY)
            else:
                data = gzip.compress(self.body, GZIP_LEVEL, mtime=0)
            self.encoded[encoding] = data
        return data


def headers(etag: str) -> dict[str, str]:
    return {"ETag": etag, "Cache-Control": CACHE_CONTROL, "Vary": "Accept-Encoding"}


def not_modified(etag: str) -> Response:
    return Response(status_code=304, headers=headers(etag))


def respond(request: Request, page: CachedPage) -> Response:
    """The page in the encoding the client prefers, or 304 when it already has it."""
    if matches(request, page.etag):
        return not_modified(page.etag)
    h = headers(page.etag)
    encoding = accepted(request)
    body = page.body
    if encoding and len(body) >= 512:
        body = page.encode(encoding)
        h["Content-Encoding"] = encoding
    return Response(body, media_type=page.media_type, headers=h)


class PageCache:
    """Rendered cacheable pages by address, LRU, thread-safe; CAREERPATH_PAGE_CACHE sets the size
    (default 1024 pages: ~35 KB raw + ~8 KB gzip each, about 45 MB per worker)."""

    def __init__(self, size: int | None = None):
        self.size = size if size is not None else int(os.environ.get("CAREERPATH_PAGE_CACHE", "1024"))
        self._items: OrderedDict[str, CachedPage] = OrderedDict()
        self._lock = Lock()
        self.hits = self.misses = 0

    def get(self, key: str) -> CachedPage | None:
        with self._lock:
            page = self._items.get(key)
            if page is not None:
                self._items.move_to_end(key)
                self.hits += 1
            else:
                self.misses += 1
            return page

    def peek(self, key: str) -> CachedPage | None:
        """get() without counting a miss (the fast path asks about every GET)."""
        with self._lock:
            page = self._items.get(key)
            if page is not None:
                self._items.move_to_end(key)
                self.hits += 1
            return page

    def put(self, key: str, page: CachedPage) -> CachedPage:
        with self._lock:
            self._items[key] = page
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return page


class CachedPages:
    """ASGI fast path: a GET for a page already in the page cache is answered here (200 from
    the cached bytes, or 304), before routing and parameter validation. Only addresses the
    cache holds are served, so everything else (new pages, errors, 404s) takes the normal way."""

    def __init__(self, app, pages: PageCache):
        self.app = app
        self.pages = pages

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["method"] == "GET":
            query = scope.get("query_string", b"").decode("latin-1")
            page = self.pages.peek(f"{scope['path']}?{query}")
            if page is not None:
                return await respond(Request(scope), page)(scope, receive, send)
        return await self.app(scope, receive, send)
