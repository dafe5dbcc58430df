"""`careerpath resources ITEM`: learning resources the catalog offers for a skill, technology or topic.

The item lookup and the JSON rows live with the catalog (careerpath/catalog/cli.py); this is the
command around them, with the shared output and error helpers.
"""

from __future__ import annotations

from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from .output import JSON_ALIAS, fail, format_option, out, output_format, print_json


def resources(
    item: str = typer.Argument(..., help="O*NET element id or name, technology, specialization id or topic id."),
    fmt: str = format_option(),
    json_alias: bool = JSON_ALIAS,
    budget: Optional[str] = typer.Option(None, "--budget", help="'free' to list only free resources."),
) -> None:
    """Learning resources for a skill, knowledge area, technology or topic.

    Examples:

      careerpath resources "Technical Writing"

      careerpath resources Python --budget free --format json
    """
    from rapidfuzz import process

    from careerpath.catalog import Catalog
    from careerpath.catalog.cli import _candidates, _resolve, _row

    fmt = output_format(fmt, json_alias)
    if budget not in (None, "free"):
        raise fail(f"--budget must be 'free' (got {budget!r})")
    catalog = Catalog.default()
    found = _resolve(catalog, item)
    if found is None:
        close = [m for m, score, _ in process.extract(item, _candidates(catalog), limit=5) if score >= 60]
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise fail(f"no skill, knowledge area, technology or topic called {item!r}.{hint}")
    kind, key, label = found
    found_resources = catalog.resources_for(kind, key, budget=budget)
    if fmt == "json":
        print_json([_row(r) for r in found_resources])
        return
    if not found_resources:
        out.print(f"The catalog has no {'free ' if budget else ''}resources for {escape(label)} yet.")
        return
    table = Table(title=f"Learning resources for {escape(label)} ({kind})")
    for column in ("Name", "Provider", "Cost", "Format", "Hours", "Level", "URL"):
        table.add_column(column, overflow="fold")
    for r in found_resources:
        table.add_row(escape(r.name), escape(r.provider), r.cost, r.format, str(r.hours), r.level, r.url)
    out.print(table)
