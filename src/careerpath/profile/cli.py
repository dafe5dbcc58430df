"""`careerpath recommend`: where an occupation can go next, for people and for pipes.

Registered on the main app in careerpath/cli.py. With "-" it is a filter: one FROM (title
or O*NET-SOC code) per input line, one JSON object per output line; a line we cannot
read yields {"input", "error"} so a long stream is never lost to one bad line.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from careerpath.engine.recommend import DIFFICULTIES, KIND_WORDS, Recommendation, recommend
from careerpath.kb import KnowledgeBase
from careerpath.kb.api import NATIONAL

CODE = re.compile(r"^\d{2}-\d{4}(?:\.\d{2})?$")


def _occupation(text: str, kb: KnowledgeBase) -> tuple[str, str]:
    """(code, title) for a code or a free-text title; raises service.InputError."""
    from careerpath.service import RoleNotFound, resolve_role

    text = text.strip()
    if CODE.match(text):
        code = text if "." in text else text + ".00"
        if code not in kb.index:
            raise RoleNotFound(f"no O*NET-SOC occupation {code!r}")
        return code, kb.occupation(code).title
    role = resolve_role(text)   # the best reading; the output names it
    return role.code, role.title


def recommend_command(
    source: str = typer.Argument(..., metavar="FROM", help="Current job title or O*NET-SOC code; '-' reads one per stdin line."),
    top: int = typer.Option(10, "--top", min=1, max=100, help="How many targets."),
    json_output: bool = typer.Option(False, "--json", help="Machine-readable output."),
    min_wage: Optional[float] = typer.Option(None, "--min-wage", min=0, help="Only targets whose median annual wage is at least this."),
    max_difficulty: Optional[str] = typer.Option(None, "--max-difficulty", help="Easy, Moderate, Challenging or Hard."),
    location: Optional[str] = typer.Option(None, "--location", help="State or metro area for wages (default: national)."),
    max_months: Optional[float] = typer.Option(None, "--max-months", min=0, help="Only moves job-ready within this many months (route plus study at 10 h/week)."),
    no_degree: bool = typer.Option(False, "--no-degree", help="Only moves that need no new associate's degree or higher."),
    long_term: bool = typer.Option(False, "--long-term", help="Also list long-term moves (2+ years of school or training, or a master's/doctoral degree), apart, with their years."),
) -> None:
    """Where you can go from here: lateral moves, steps up and moves that pay less, ranked by a feasibility-aware
    transition score (docs/recommend.md), each explained in a sentence or two.

    Examples:

      careerpath recommend "Registered Nurse"

      careerpath recommend Cashier --no-degree --max-months 6

      careerpath recommend 53-3032.00 --long-term --json
    """
    from careerpath.service import InputError, find_area

    err = Console(stderr=True)
    kb = KnowledgeBase.default()
    if max_difficulty is not None:
        matches = [d for d in DIFFICULTIES if d.lower() == max_difficulty.strip().lower()]
        if not matches:
            err.print(f"[bold red]error:[/] --max-difficulty is one of {', '.join(DIFFICULTIES)}")
            raise typer.Exit(2)
        max_difficulty = matches[0]
    try:
        area = find_area(location, kb) if location else None
    except InputError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    area_code = area.code if area else NATIONAL
    options = dict(top=top, min_wage=min_wage, max_difficulty=max_difficulty, area=area_code, max_months=max_months,
                   no_degree=no_degree)

    if source == "-":
        for raw in sys.stdin.buffer:
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            try:
                code, title = _occupation(line, kb)
                recs = recommend(kb, code, with_reasons=False, **options)
                record = {"from": {"code": code, "title": title},
                          "recommendations": [{"code": r.code, "title": r.title, "score": r.score, "kind": r.kind}
                                              for r in recs]}
                if long_term:
                    record["long_term"] = [{"code": r.code, "title": r.title, "score": r.score, "kind": r.kind}
                                           for r in recommend(kb, code, with_reasons=False, kinds=("long_term",),
                                                              **options)]
            except InputError as exc:
                record = {"input": line[:200], "error": str(exc)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return

    try:
        code, title = _occupation(source, kb)
    except InputError as exc:
        err.print(f"[bold red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from None
    recs = recommend(kb, code, **options)
    later = recommend(kb, code, kinds=("long_term",), **options) if long_term else []
    if json_output:
        payload = {"from": {"code": code, "title": title}, "area": area.name if area else "National",
                   "recommendations": [r.to_json_dict() for r in recs]}
        if long_term:
            payload["long_term"] = [r.to_json_dict() for r in later]
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
        return
    console = Console()
    where = area.name if area else "national"
    _print(console, f"Where {escape(title)} ({code}) can go next without a new degree or years of training", where, recs)
    if long_term:
        console.print()
        _print(console, f"Long-term moves from {escape(title)}: a degree, licence or years of training first",
               where, later)


def _money(value: int | None) -> str:
    return "—" if value is None else f"${value:,}"


def _print(console: Console, heading: str, area: str, recs: list[Recommendation]) -> None:
    if not recs:
        console.print(f"{heading}: no occupation passes those filters.")
        return
    table = Table(title=heading, title_justify="left",
                  caption=f"Wages: BLS OEWS May 2025, {area}. Growth: BLS projections 2024-34. Ready: months to "
                          "job-ready at 10 h/week. Score: docs/recommend.md", caption_justify="left")
    for name, justify in (("#", "right"), ("occupation", "left"), ("kind", "left"), ("median wage", "right"),
                          ("change", "right"), ("growth", "right"), ("difficulty", "left"), ("ready", "right")):
        table.add_column(name, justify=justify)
    for i, r in enumerate(recs, 1):
        table.add_row(str(i), f"{escape(r.title)} [dim]{r.code}[/]", KIND_WORDS[r.kind], _money(r.median_wage),
                      "—" if r.wage_change_pct is None else f"{r.wage_change_pct:+d}%",
                      "—" if r.growth_pct is None else f"{r.growth_pct:+.1f}%", r.difficulty,
                      f"{r.months_to_ready} mo")
    console.print(table)
    for i, r in enumerate(recs, 1):
        console.print(f"[bold]{i}. {escape(r.title)}[/] — {escape(r.explanation)}")
        if r.stepping_stones:
            console.print("   On the way: " + "; ".join(
                f"{escape(s.title)} ({s.difficulty.lower()} from here)" for s in r.stepping_stones))
