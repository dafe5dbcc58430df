"""`careerpath resources ITEM`: learning resources the catalog offers (careerpath/catalog/cli.py)."""

from __future__ import annotations

from typing import Optional

import typer

from .output import JSON_ALIAS, format_option, output_format


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
    from careerpath.catalog.cli import resources_command

    resources_command(item=item, json_output=output_format(fmt, json_alias) == "json", budget=budget)
