"""`careerpath kb build` and `careerpath kb info`: the knowledge base."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.panel import Panel
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .output import JSON_ALIAS, err, fail, format_option, out, output_format, print_json

app = typer.Typer(help="Build and inspect the knowledge base.", no_args_is_help=True)

REPO_SHARED = Path("..") / "shared" / "data"
PACKAGE = Path(__file__).resolve().parents[1]


@app.command("build")
def kb_build(
    onet: Path = typer.Option(REPO_SHARED / "onet", help="Folder of O*NET 30.1 text files."),
    oews: Path = typer.Option(
        REPO_SHARED / "bls" / "oews" / "oews-2025.sqlite.gz",
        help="BLS OEWS May 2025 database (oews-2025.sqlite.gz, or unpacked).",
    ),
    projections: Path = typer.Option(
        REPO_SHARED / "bls" / "ep_2024_34" / "ep_2024_34_table_1_2_occupational_projections.csv",
        help="BLS Employment Projections 2024-34, Table 1.2 as CSV.",
    ),
    separations: Path = typer.Option(
        None, help="Table 1.10 (separations and openings) CSV; default: beside --projections."
    ),
    out_path: Path = typer.Option(
        None,
        "--out",
        help="Where to write; a name ending in .gz is compressed. "
        "Default: the knowledge base shipped inside the package.",
    ),
) -> None:
    """Import the raw public releases into one SQLite knowledge base.

    Deterministic: the same input gives the same content hash. The new file is written
    beside the target and renamed over it only when complete.
    """
    from careerpath.kb.importer import STEPS, ImportFailed, build
    from careerpath.shipped import SHIPPED_NAME

    target = out_path or PACKAGE / "kb" / "data" / SHIPPED_NAME
    with Progress(
        TextColumn("{task.description:<44}"), BarColumn(), TimeElapsedColumn(), console=err, transient=False
    ) as bar:
        task = bar.add_task("Starting", total=STEPS)

        def step(name: str) -> None:
            bar.update(task, description=name, advance=1)

        try:
            report = build(onet, oews, projections, target, separations_file=separations, progress=step)
        except ImportFailed as exc:
            raise fail(str(exc)) from None
        bar.update(task, description="Done", completed=STEPS)
    err.print(
        f"[green]Wrote[/] {report.path}  content hash {report.content_hash[:16]}…  "
        f"{report.counts['occupation']} occupations"
    )
    if out_path is None:
        # The resolver's index, the product names and the engine's derived arrays are
        # derived from the shipped KB and shipped beside it; keep them in step.
        from careerpath.engine.derived import write_shipped_derived
        from careerpath.kb import KnowledgeBase
        from careerpath.kb.api import unpacked_shipped_kb
        from careerpath.kb.products import write_shipped_products
        from careerpath.resolve.index import write_shipped_index

        built = KnowledgeBase(unpacked_shipped_kb())
        err.print(f"[green]Wrote[/] {write_shipped_index(built)}")
        err.print(f"[green]Wrote[/] {write_shipped_products(built)}")
        err.print(f"[green]Wrote[/] {write_shipped_derived(built)}")
        _refresh_semantic_embeddings(built)


def _refresh_semantic_embeddings(kb) -> None:
    """Occupation embeddings are derived from the KB too; rebuild them only when stale (~40 s)."""
    from careerpath.resolve import encoder, semantic

    path = semantic.shipped_embeddings_path()
    if semantic.load_embeddings(path, kb.content_hash, list(kb.codes)) is not None:
        return
    if not encoder.available():
        err.print(
            "[yellow]The semantic extra is not installed, so the shipped occupation embeddings were not "
            "rebuilt for this knowledge base; semantic matching stays off until they are "
            "(pip install '.[semantic]' and run careerpath kb build again).[/]"
        )
        return
    with err.status("Embedding occupation titles for semantic matching"):
        err.print(f"[green]Wrote[/] {semantic.write_shipped_embeddings(kb)}")


@app.command("info")
def kb_info(fmt: str = format_option(), json_alias: bool = JSON_ALIAS) -> None:
    """Versions, counts, content hash and the attribution the data's licence requires."""
    from careerpath.kb import KnowledgeBase

    fmt = output_format(fmt, json_alias)
    kb = KnowledgeBase.default()
    counts = kb.counts()
    info = {
        "onet_version": kb.meta["onet_version"],
        "oews_release": kb.meta["oews_release"],
        "projections_release": kb.meta["projections_release"],
        "schema_version": int(kb.meta["schema_version"]),
        "content_hash": kb.content_hash,
        "occupations": counts["occupation"],
        "rated_occupations": sum(o.has_ratings for o in kb.occupations()),
        "counts": counts,
        "sources": kb.sources(),
        "attribution": kb.meta["attribution"],
        "path": str(kb.path),
    }
    if fmt == "json":
        print_json(info)
        return
    table = Table(show_header=False, box=None)
    for key in (
        "onet_version",
        "oews_release",
        "projections_release",
        "occupations",
        "rated_occupations",
        "content_hash",
        "path",
    ):
        table.add_row(key.replace("_", " "), str(info[key]))
    for name, count in counts.items():
        table.add_row(f"rows: {name}", f"{count:,}")
    out.print(Panel(table, title="careerpath knowledge base"))
    out.print(info["attribution"], style="dim")
