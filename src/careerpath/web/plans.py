"""Saved plans: a saved guide plus what the person has ticked off, for the page, the API and export.

The store keeps ticked items as (kind, key) rows: kind "task" with key engine.progress.task_id,
kind "learned" with key "<SkillToLearn.kind>:<SkillToLearn.key>". Everything here is a thin
layer: engine.progress does the arithmetic, the store does the keeping.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import asdict, dataclass
from datetime import UTC, datetime

from careerpath.engine import Guide
from careerpath.engine.progress import Progress, covered_by, progress, task_id, task_ids
from careerpath.store import Store

TASK, LEARNED = "task", "learned"
NEXT_COUNT = 3
EXPORT_FORMAT = "careerpath.saved-plan/1"


def learned_key(item) -> str:
    return f"{item.kind}:{item.key}"


@dataclass
class Plan:
    token: str
    slug: str
    created_at: datetime
    params: dict
    guide: Guide
    items: dict[tuple[str, str], datetime]
    owner_hash: str | None = None  # None: saved before owners existed; the link is the owner's

    # -- state ---------------------------------------------------------------------------

    @property
    def done(self) -> set[str]:
        valid = {tid for tid, _, _ in task_ids(self.guide)}
        return {key for kind, key in self.items if kind == TASK and key in valid}

    @property
    def learned(self) -> set[tuple[str, str]]:
        by_key = {learned_key(i): (i.kind, i.key) for i in self.guide.skills_to_learn}
        return {by_key[key] for kind, key in self.items if kind == LEARNED and key in by_key}

    def progress(self) -> Progress:
        return progress(self.guide, self.done, self.learned, next_count=NEXT_COUNT)

    # -- what the template asks -----------------------------------------------------------

    def task_id(self, phase, text: str) -> str:
        return task_id(phase, text)

    def task_done(self, phase, text: str) -> bool:
        return task_id(phase, text) in self.done

    def covered_by(self, text: str) -> str | None:
        """The learned skill that already checks this task off (engine.progress's rule), if any."""
        return covered_by(self.guide, self.learned, text)

    def is_learned(self, item) -> bool:
        return (item.kind, item.key) in self.learned

    # -- export ----------------------------------------------------------------------------

    def export(self) -> dict:
        """Everything stored about this plan, and what it adds up to, as plain JSON."""
        p = self.progress()
        checked = {tid: (phase, text) for tid, phase, text in task_ids(self.guide)}
        skills = {learned_key(i): i for i in self.guide.skills_to_learn}
        items = []
        for (kind, key), at in sorted(self.items.items(), key=lambda kv: (kv[1], kv[0])):
            entry: dict[str, str | int] = {"kind": kind, "key": key, "checked_at": at.isoformat()}
            if kind == TASK and key in checked:
                entry["phase"], entry["text"] = checked[key][0].phase, checked[key][1]
            elif kind == LEARNED and key in skills:
                entry["name"] = skills[key].name
            items.append(entry)
        return {
            "format": EXPORT_FORMAT,
            "token": self.token,
            "url": f"/saved/{self.token}",
            "pathway": self.slug,
            "created_at": self.created_at.isoformat(),
            "updated_at": max([self.created_at, *self.items.values()]).isoformat(),
            "inputs": self.params,
            "checked": items,
            "progress": asdict(p),
            "guide": self.guide.to_json_dict(),
        }


def owner_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8", "replace")).hexdigest()


def new_owner_secret() -> tuple[str, str]:
    """(secret for the person, hash for the store)."""
    secret = secrets.token_urlsafe(32)
    return secret, owner_hash(secret)


def is_owner(plan: Plan, secret: str | None) -> bool:
    if plan.owner_hash is None:
        return True
    return secret is not None and hmac.compare_digest(owner_hash(secret), plan.owner_hash)


def load(store: Store, token: str) -> Plan | None:
    row = store.saved_guide(token)
    if row is None:
        return None
    created = row.created_at if row.created_at.tzinfo else row.created_at.replace(tzinfo=UTC)
    return Plan(
        token=row.token,
        slug=row.slug,
        created_at=created,
        params=row.params,
        guide=Guide.model_validate(row.guide),
        items=store.plan_items(token),
        owner_hash=row.owner_hash,
    )


def update(store: Store, plan: Plan, tasks: set[str] | None = None, learned: set[str] | None = None) -> bool:
    """Store the ticked tasks and/or learned skills (each replaces its whole set); unknown ids are
    dropped. False when the plan no longer exists."""
    if tasks is not None:
        valid = {tid for tid, _, _ in task_ids(plan.guide)}
        if not store.set_plan_items(plan.token, TASK, tasks & valid):
            return False
    if learned is not None:
        valid = {learned_key(i) for i in plan.guide.skills_to_learn}
        if not store.set_plan_items(plan.token, LEARNED, learned & valid):
            return False
    return True
