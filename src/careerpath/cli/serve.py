"""`careerpath serve` and `careerpath db upgrade`: thin shells over the app and the store."""

from __future__ import annotations

import typer

from .output import fail

db_app = typer.Typer(
    help="The user-side database (views, saved guides): SQLite file or $DATABASE_URL.", no_args_is_help=True
)


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, max=32, help="Worker processes (each keeps its own caches)."),
    reload: bool = typer.Option(False, help="Restart on code changes (development)."),
) -> None:
    """Serve the web app and JSON API (migrations run on startup)."""
    import uvicorn

    uvicorn.run(
        "careerpath.web.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        access_log=False,
        proxy_headers=False,
    )


@db_app.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Alembic revision to migrate to.")) -> None:
    """Apply the shipped migrations to the database at $DATABASE_URL (default: a local SQLite file)."""
    from careerpath.store import Store, StoreUnavailable

    store = Store.from_env()
    try:
        store.upgrade(revision)
    except StoreUnavailable as exc:
        raise fail(str(exc)) from None
    typer.echo(f"database at {store.url.render_as_string(hide_password=True)} is at {revision}")
