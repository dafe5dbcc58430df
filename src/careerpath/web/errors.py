"""One error shape for the API ({"error": {"status", "message"}}) and helpful HTML pages elsewhere."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException
from starlette.routing import Match

from careerpath.kb import UnknownOccupation
from careerpath.service import AmbiguousRole, InputError, RoleNotFound

from .context import ctx


class ErrorDetail(BaseModel):
    status: int
    message: str
    candidates: list[dict] | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail


Responses = dict[int | str, dict[str, Any]]  # FastAPI's `responses=` shape
API_ERRORS: Responses = {code: {"model": ErrorBody} for code in (400, 404, 409, 422, 429)}


class RateLimited(Exception):
    def __init__(self, retry_after: float):
        self.retry_after = max(1, int(retry_after + 0.999))


def is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def status_for(exc: Exception) -> int:
    if isinstance(exc, (RoleNotFound, UnknownOccupation)):
        return 404
    if isinstance(exc, AmbiguousRole):
        return 409
    return 400


def error_response(request: Request, status: int, message: str, candidates=None, headers=None):
    if is_api(request):
        detail = {"status": status, "message": message}
        if candidates is not None:
            detail["candidates"] = candidates
        return JSONResponse({"error": detail}, status_code=status, headers=headers)
    c = ctx(request)
    html = c.env.get_template("error.html").render(
        status=status,
        message=message,
        candidates=candidates,
        values={},
        suggestion=getattr(request.state, "suggestion", None),
    )
    return HTMLResponse(html, status_code=status, headers=headers)


METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


def allowed_methods(request: Request) -> list[str]:
    """Every method some route serves at this request's path (HEAD wherever GET is): asked of
    the router itself, method by method, so included routers and mounts answer for themselves."""
    routes = request.app.router.routes
    methods = [m for m in METHODS if any(r.matches({**request.scope, "method": m})[0] == Match.FULL for r in routes)]
    return methods + ["HEAD"] * ("GET" in methods)


def install(app) -> None:
    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and message == "Not Found":
            message = "There is no page at this address."
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            message = "This address does not accept that method."
            # Starlette names only the first route that matched the path; list every one's methods.
            allowed = allowed_methods(request)
            if allowed:
                headers = {**(headers or {}), "Allow": ", ".join(allowed)}
        return error_response(request, exc.status_code, message, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts = []
        for err in exc.errors()[:5]:
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path", "form"))
            parts.append(f"{where or 'input'}: {err.get('msg', 'invalid')}")
        return error_response(request, 422, "; ".join(parts) or "invalid input")

    @app.exception_handler(InputError)
    async def input_error(request: Request, exc: InputError):
        candidates = None
        if isinstance(exc, AmbiguousRole):
            candidates = [{"code": c.code, "title": c.title, "score": round(c.score, 3)} for c in exc.candidates]
        return error_response(request, status_for(exc), str(exc), candidates)

    @app.exception_handler(UnknownOccupation)
    async def unknown_occupation(request: Request, exc: UnknownOccupation):
        return error_response(request, 404, str(exc))

    @app.exception_handler(RateLimited)
    async def rate_limited(request: Request, exc: RateLimited):
        return error_response(
            request,
            429,
            f"Too many guides generated from your address; try again in {exc.retry_after} s.",
            headers={"Retry-After": str(exc.retry_after)},
        )
