"""`careerpath recommend FROM`: where an occupation can go next, for people and for pipes.

With "-" it is a filter: one FROM (title or O*NET-SOC code) per input line, one JSON object
per output line; a line we cannot read yields {"input", "error"} so a long stream is never
lost to one bad line.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Optional

import typer
from rich.markup import escape
from rich.table import Table

from .output import JSON_ALIAS, format_option, input_errors, out, output_format, print_json

if TYPE_CHECKING:
    from careerpath.engine.recommend import Recommendation


def recommend(
    source: str = typer.Argument(
        ..., metavar="FROM", help="Current job title or O*NET-SOC code; '-' reads one per stdin line."
    ),
    top: int = typer.Option(10, "--top", min=1, max=100, help="How many targets."),
    fmt: str = format_option(),
    json_alias: bool = JSON_ALIAS,
    min_wage: Optional[float] = typer.Option(
        None, "--min-wage", min=0, help="Only targets whose median annual wage is at least this."
    ),
    max_difficulty: Optional[str] = typer.Option(None, "--max-difficulty", help="Easy, Moderate, Challenging or Hard."),
    location: Optional[str] = typer.Option(
        None, "--location", "-l", help="State or metro area for wages (default: national)."
    ),
    max_months: Optional[float] = typer.Option(
        None,
        "--max-months",
        min=0,
        help="Only moves job-ready within this many months (route plus study at 10 h/week).",
    ),
    no_degree: bool = typer.Option(
        False, "--no-degree", help="Only moves that need no new associate's degree or higher."
    ),
    long_term: bool = typer.Option(
        False,
        "--long-term",
        help="Also list long-term moves (2+ years of school or training first), apart, with their years.",
    ),
) -> None:
    """Where you can go from FROM: lateral moves, steps up and moves that pay less, ranked by a
    feasibility-aware transition score (docs/recommend.md), each explained in a sentence or two.

    Examples:

      careerpath recommend "Registered Nurse"

      careerpath recommend Cashier --no-degree --max-months 6

      careerpath recommend 53-3032.00 --long-term --format json

      cut -f1 roles.txt | careerpath recommend -
    """
    from careerpath.api import InputError, difficulty_named, occupation_code
    from careerpath.api import recommend as rank
    from careerpath.engine.inputs import Inputs
    from careerpath.engine.recommend import SHORT_KINDS
    from careerpath.engine.recommend import recommend as rank_code
    from careerpath.kb.api import NATIONAL
    from careerpath.service import find_area

    fmt = output_format(fmt, json_alias)
    with input_errors():  # the options are checked once, before any line is read
        difficulty = difficulty_named(max_difficulty)
        area = find_area(location) if location else None

    if source == "-":
        inputs = Inputs.default()
        kb = inputs.kb
        for raw in sys.stdin.buffer:
            line = raw.decode("utf-8", errors="replace").strip()
            if not line:
                continue
            try:
                code, title = occupation_code(line, kb)

                # The engine directly, as recommend() does, without the reasons: a stream wants speed.
                def ranked(kinds: tuple[str, ...] = SHORT_KINDS, code: str = code) -> list[Recommendation]:
                    return rank_code(
                        inputs,
                        code,
                        top=top,
                        min_wage=min_wage,
                        max_difficulty=difficulty,
                        area=area.code if area else NATIONAL,
                        with_reasons=False,
                        kinds=kinds,
                        max_months=max_months,
                        no_degree=no_degree,
                    )

                recs = ranked()
                record = {
                    "from": {"code": code, "title": title},
                    "recommendations": [
                        {"code": r.code, "title": r.title, "score": r.score, "kind": r.kind} for r in recs
                    ],
                }
                if long_term:
                    record["long_term"] = [
                        {"code": r.code, "title": r.title, "score": r.score, "kind": r.kind}
                        for r in ranked(("long_term",))
                    ]
            except InputError as exc:
                record = {"input": line[:200], "error": str(exc)}
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        return

    with input_errors():
        code, title = occupation_code(source)
        filters = dict(
            top=top,
            min_wage=min_wage,
            max_difficulty=difficulty,
            location=location,
            max_months=max_months,
            no_degree=no_degree,
        )
        recs = rank(code, **filters)  # type: ignore[arg-type]
        later = rank(code, long_term=True, **filters) if long_term else []  # type: ignore[arg-type]
    if fmt == "json":
        payload = {
            "from": {"code": code, "title": title},
            "area": area.name if area else "National",
            "recommendations": [r.to_json_dict() for r in recs],
        }
        if long_term:
            payload["long_term"] = [r.to_json_dict() for r in later]
        print_json(payload)
        return
    where = area.name if area else "national"
    _print(f"Where {escape(title)} ({code}) can go next without a new degree or years of training", where, recs)
    if long_term:
        out.print()
        _print(f"Long-term moves from {escape(title)}: a degree, licence or years of training first", where, later)


def _print(heading: str, area: str, recs: list[Recommendation]) -> None:
    from careerpath.engine.narrative import money
    from careerpath.engine.recommend import KIND_WORDS
    from careerpath.kb import KnowledgeBase

    meta = KnowledgeBase.default().meta  # the releases the knowledge base was built from
    if not recs:
        out.print(f"{heading}: no occupation passes those filters.")
        return
    table = Table(
        title=heading,
        title_justify="left",
        caption=f"Wages: BLS OEWS {meta['oews_release']}, {area}. Growth: BLS projections "
        f"{meta['projections_release']}. Ready: months to job-ready at 10 h/week. Score: docs/recommend.md",
        caption_justify="left",
    )
    for name, justify in (
        ("#", "right"),
        ("occupation", "left"),
        ("kind", "left"),
        ("median wage", "right"),
        ("change", "right"),
        ("growth", "right"),
        ("difficulty", "left"),
        ("ready", "right"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for i, r in enumerate(recs, 1):
        table.add_row(
            str(i),
            f"{escape(r.title)} [dim]{r.code}[/]",
            KIND_WORDS[r.kind],
            money(r.median_wage, "—"),
            "—" if r.wage_change_pct is None else f"{r.wage_change_pct:+d}%",
            "—" if r.growth_pct is None else f"{r.growth_pct:+.1f}%",
            r.difficulty,
            f"{r.months_to_ready} mo",
        )
    out.print(table)
    for i, r in enumerate(recs, 1):
        out.print(f"[bold]{i}. {escape(r.title)}[/] — {escape(r.explanation)}")
        if r.stepping_stones:
            out.print(
                "   On the way: "
                + "; ".join(f"{escape(s.title)} ({s.difficulty.lower()} from here)" for s in r.stepping_stones)
            )
