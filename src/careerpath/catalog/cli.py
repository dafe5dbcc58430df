"""`careerpath resources ITEM`: what the catalog offers for a skill, technology or topic."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rapidfuzz import process
from rich.console import Console
from rich.table import Table

from careerpath.catalog import Catalog, Resource


def _resolve(catalog: Catalog, item: str) -> tuple[str, str, str] | None:
    """(kind, key, label) for an element id or name, technology, specialization or topic id."""
    text = item.strip()
    low = text.lower()
    if text in catalog.elements:
        e = catalog.elements[text]
        return e.kind, e.id, e.name
    for e in catalog.elements.values():
        if e.name.lower() == low:
            return e.kind, e.id, e.name
    for tech in catalog.keys("technology"):
        if tech.lower() == low:
            return "technology", tech, tech
    for topic in catalog.topics():
        if topic.id == low:
            return "topic", topic.id, topic.name
    if low in catalog.specializations():
        return "specialization", low, low
    return None


def _candidates(catalog: Catalog) -> list[str]:
    names = [e.name for e in catalog.elements.values()]
    names += sorted(catalog.keys("technology"))
    names += [t.id for t in catalog.topics()] + catalog.specializations()
    return names


def _row(r: Resource) -> dict:
    return {
        "id": r.id,
        "name": r.name,
        "provider": r.provider,
        "url": r.url,
        "cost": r.cost,
        "format": r.format,
        "hours": r.hours,
        "level": r.level,
    }


def resources_command(
    item: str = typer.Argument(..., help="O*NET element id or name, technology, specialization id or topic id."),
    json_output: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    budget: Optional[str] = typer.Option(None, "--budget", help="'free' to list only free resources."),
) -> None:
    """List the learning resources the catalog has for a skill, technology or topic."""
    if budget not in (None, "free"):
        typer.echo(f"--budget must be 'free' (got {budget!r})", err=True)
        raise typer.Exit(2)
    catalog = Catalog.default()
    found = _resolve(catalog, item)
    if found is None:
        close = [m for m, score, _ in process.extract(item, _candidates(catalog), limit=5) if score >= 60]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        typer.echo(f"No skill, knowledge area, technology or topic called {item!r}.{hint}", err=True)
        raise typer.Exit(2)
    kind, key, label = found
    resources = catalog.resources_for(kind, key, budget=budget)
    if json_output:
        typer.echo(json.dumps([_row(r) for r in resources], indent=2))
        return
    console = Console()
    if not resources:
        console.print(f"The catalog has no {'free ' if budget else ''}resources for {label} yet.")
        return
    table = Table(title=f"Learning resources for {label} ({kind})")
    for col in ("Name", "Provider", "Cost", "Format", "Hours", "Level", "URL"):
        table.add_column(col, overflow="fold")
    for r in resources:
        table.add_row(r.name, r.provider, r.cost, r.format, str(r.hours), r.level, r.url)
    console.print(table)
