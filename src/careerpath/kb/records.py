"""Plain, JSON-ready records of knowledge-base content, shared by the CLI and the web API.

Field names are snake_case and stable: they are documented in docs/json.md.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from .api import NATIONAL, KnowledgeBase, Outlook, Wage


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 2)


def rated_elements(kb: KnowledgeBase, code: str, domain: str) -> list[dict[str, Any]]:
    """Skill or knowledge ratings of one occupation, most important first."""
    row = kb.index[code]
    importance = kb.ratings(domain, "IM")[row]
    level = kb.ratings(domain, "LV")[row]
    records = [
        {"id": element.id, "name": element.name, "importance": _number(importance[j]), "level": _number(level[j])}
        for j, element in enumerate(kb.elements(domain))
        if not (np.isnan(importance[j]) and np.isnan(level[j]))
    ]
    return sorted(records, key=lambda r: (-(r["importance"] or 0), r["id"]))


def _single_scale(kb: KnowledgeBase, code: str, domain: str, scale: str, key: str) -> list[dict[str, Any]]:
    row = kb.index[code]
    values = kb.ratings(domain, scale)[row]
    records = [
        {"id": e.id, "name": e.name, key: _number(values[j])}
        for j, e in enumerate(kb.elements(domain))
        if not np.isnan(values[j])
    ]
    return sorted(records, key=lambda r: (-r[key], r["id"]))


def wage_record(wage: Wage | None, soc_level: str | None) -> dict[str, Any] | None:
    if wage is None:
        return None
    return {
        "soc": wage.soc,
        "soc_level": soc_level,
        "area": {"code": wage.area.code, "kind": wage.area.kind, "name": wage.area.name},
        "employment": wage.employment,
        "annual": {
            "p10": wage.annual_p10,
            "p25": wage.annual_p25,
            "median": wage.annual_median,
            "p75": wage.annual_p75,
            "p90": wage.annual_p90,
            "mean": wage.annual_mean,
        },
        "hourly": {
            "p10": wage.hourly_p10,
            "p25": wage.hourly_p25,
            "median": wage.hourly_median,
            "p75": wage.hourly_p75,
            "p90": wage.hourly_p90,
            "mean": wage.hourly_mean,
        },
        "top_coded": sorted(wage.top_coded),
        "source": wage.source,
    }


def outlook_record(outlook: Outlook | None, soc_level: str | None) -> dict[str, Any] | None:
    if outlook is None:
        return None
    return {
        "soc": outlook.soc,
        "soc_level": soc_level,
        "bls_title": outlook.title,
        "employment_2024": outlook.employment_2024,
        "employment_2034": outlook.employment_2034,
        "change_numeric": outlook.change_numeric,
        "change_percent": outlook.change_percent,
        "annual_openings": outlook.annual_openings,
        "self_employed_percent": outlook.self_employed_percent,
        "median_wage_2024": outlook.median_wage_2024,
        "typical_education": outlook.education,
        "work_experience": outlook.work_experience,
        "on_the_job_training": outlook.on_the_job_training,
        "source": outlook.source,
    }


def occupation_record(kb: KnowledgeBase, code: str, area: str = NATIONAL) -> dict[str, Any]:
    occupation = kb.occupation(code)
    return {
        "code": occupation.code,
        "title": occupation.title,
        "description": occupation.description,
        "job_zone": occupation.job_zone,
        "has_ratings": occupation.has_ratings,
        "skills": rated_elements(kb, code, "skills"),
        "knowledge": rated_elements(kb, code, "knowledge"),
        "work_styles": _single_scale(kb, code, "work_styles", "WI", "impact"),
        "work_values": _single_scale(kb, code, "work_values", "EX", "extent"),
        "interests": _single_scale(kb, code, "interests", "OI", "score"),
        "technologies": [
            {"name": t.name, "category": t.commodity_title, "hot": t.hot, "in_demand": t.in_demand}
            for t in kb.technologies(code)
        ],
        "tasks": [{"task_id": t.task_id, "text": t.text, "task_type": t.task_type} for t in kb.tasks(code)],
        "wages": wage_record(kb.wages(code, area), occupation.wage_soc_level),
        "outlook": outlook_record(kb.outlook(code), occupation.projection_soc_level),
        "sources": kb.sources(),
    }
