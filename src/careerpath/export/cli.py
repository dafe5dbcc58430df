"""`careerpath export`: every pathway (or a sample, or a filter) to static HTML + JSON, on Dask."""

from __future__ import annotations

from pathlib import Path

import typer


def _codes(values: list[str]) -> list[str]:
    from careerpath.kb import KnowledgeBase, UnknownOccupation
    from careerpath.service import InputError, resolve_role

    kb, codes = KnowledgeBase.default(), []
    for value in values:
        try:
            codes.append(kb.occupation(value).code)
        except UnknownOccupation:
            try:
                codes.append(resolve_role(value).code)
            except InputError as exc:
                raise typer.BadParameter(str(exc)) from None
    return codes


def export_command(
    out: Path = typer.Option(
        Path("careerpath-export"), "--out", "-o", help="Folder to write into (created if needed)."
    ),
    sample: int = typer.Option(None, min=1, help="Export N pathways chosen at random (reproducible with --seed)."),
    seed: int = typer.Option(1, help="Seed for --sample."),
    from_: list[str] = typer.Option(
        None, "--from", help="Only pathways from this occupation (code or title); repeatable."
    ),
    to: list[str] = typer.Option(None, "--to", help="Only pathways into this occupation (code or title); repeatable."),
    workers: int = typer.Option(
        None, min=1, help="Worker processes of the embedded local Dask cluster (default: one per core)."
    ),
    scheduler: str = typer.Option(
        None,
        help="Use an existing Dask cluster, e.g. tcp://host:8786 (its workers need careerpath installed and --out reachable at the same path).",
    ),
    chunk: int = typer.Option(100, min=1, help="Pathways per Dask task."),
    hubs: bool = typer.Option(
        False,
        "--hubs",
        help="Also the hub pages (/pathways/to/… and /pathways/from/…) of every occupation the exported pathways start or end at; the pages link to them.",
    ),
) -> None:
    """Render pathway pages to static files for object storage or a CDN, on Dask distributed.

    Writes OUT/pathways/{slug}.html (the page /pathways/{slug} serves) and OUT/pathways/{slug}.json,
    plus the stylesheets and script they link to. Every ordered pair of rated occupations by
    default (about 800,000). Resumable: files are written aside and renamed, and a pathway
    already on disk is skipped, so running the same command again finishes the job.

    Examples:

      careerpath export --sample 2000 --workers 2 -o site/

      careerpath export --from "Registered Nurses" --hubs -o site/

      careerpath export --scheduler tcp://10.0.0.5:8786 -o /mnt/shared/site
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from .plan import select
    from .run import export

    try:
        import distributed  # noqa: F401
    except ImportError:
        typer.echo("error: careerpath export runs on Dask: pip install 'careerpath[export]'", err=True)
        raise typer.Exit(2) from None
    console = Console(stderr=True)
    pairs = select(sample, _codes(from_) if from_ else None, _codes(to) if to else None, seed)
    with Progress(
        TextColumn("[bold]exporting"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as bar:
        task = bar.add_task("export", total=len(pairs))

        def progress(finished: int, total: int) -> None:
            bar.update(task, completed=len(pairs) - total + finished)

        hub_codes = sorted({code for pair in pairs for code in pair}) if hubs else []
        report = export(out, pairs, workers, scheduler, chunk, progress, hub_codes)
        bar.update(task, completed=len(pairs))
    console.print(
        f"{report.selected:,} pathways in {out}: {report.written:,} written, "
        f"{report.already + report.skipped:,} already there."
        + (f" {report.hubs:,} hub pages written." if report.hubs else "")
    )
    if report.written:
        console.print(
            f"{report.seconds:.1f} s on {report.cores} worker cores (+ {report.startup:.1f} s to start "
            f"and warm the cluster): {report.per_second:.1f} pages/s, "
            f"{report.per_second_per_core:.1f} pages/s per core "
            f"({report.per_cpu_second:.1f} per CPU-second of rendering)."
        )
