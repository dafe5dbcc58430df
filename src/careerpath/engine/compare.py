"""What carries over and what is missing, from the two occupations' O*NET profiles.

An element the target relies on (importance ≥ RELEVANT_IMPORTANCE) is transferable when
the source's level is within LEVEL_TOLERANCE of the target's, and a gap otherwise: the two
lists partition the same set, so nothing can be both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from careerpath.kb import KnowledgeBase, Technology
from careerpath.kb.products import product_of

from . import effort
from .model import TransferableSkill
from .profiles import Profiles

WORK_STYLE_RELIANCE = 1.5   # O*NET work-style impact (-3..3) from which a role relies on a style
MAX_TRANSFERABLE_ELEMENTS = 8
MAX_TRANSFERABLE_STYLES = 3
MAX_TRANSFERABLE_TECH = 6
MAX_TECH_TO_LEARN = 6
MAX_NICE_TECH_TO_LEARN = 3   # hot-but-not-in-demand tools: useful, rarely decisive


@dataclass
class Gap:
    """An item to learn, before scheduling."""
    kind: str                  # skill | knowledge | technology | topic
    key: str
    name: str
    priority: str
    hours: int
    why: str
    source_level: float | None = None
    target_level: float | None = None
    target_importance: float | None = None
    order: int = 0             # foundations first: knowledge, basic skills, topics, ...
    origin: str = "occupation"  # occupation | specialization


@dataclass
class Known:
    """What the person brings beyond their occupation's average profile."""
    items: frozenset[tuple[str, str]] = frozenset()   # (kind, key)
    topics: frozenset[str] = frozenset()              # from a source specialization
    technologies: frozenset[str] = frozenset()        # products: kb.products.product_of names
    products: dict[str, str] = field(default_factory=dict)  # technology name -> product name

    def has(self, kind: str, key: str) -> bool:
        return (kind, key) in self.items or (kind == "technology" and self.products.get(key, key) in self.technologies) or (
            kind == "topic" and key in self.topics)


@dataclass
class Comparison:
    transferable: list[TransferableSkill] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    covered: set[tuple[str, str]] = field(default_factory=set)  # every transferable (kind, key), listed or not


def _quote(text: str | None) -> str:
    return f" — e.g. “{text.rstrip('.')}”" if text else ""


def evidence_task(p: Profiles, code: str, skill_id: str) -> str | None:
    """The occupation's task that most specifically exercises a skill, via tasks → DWAs →
    work activities ← skills. Activities linked to many skills count for less."""
    key = (code, skill_id)
    if key not in p.evidence_cache:  # pure in (KB, code, skill): every guide may reuse it
        p.evidence_cache[key] = _evidence_task(p, code, skill_id)
    return p.evidence_cache[key]


def _evidence_task(p: Profiles, code: str, skill_id: str) -> str | None:
    kb = p.kb
    activities = kb.skill_activities().get(skill_id)
    if not activities:
        return None
    specificity = p.activity_specificity
    dwa_activity = kb.dwa_activities()
    links = kb.task_dwas(code)
    best, best_score = None, 0.0
    for task in kb.tasks(code):  # core and most-reported first, so ties keep the better task
        hit = {dwa_activity[d] for d in links.get(task.task_id, ()) if dwa_activity.get(d) in activities}
        score = sum(specificity[a] for a in hit)
        if score > best_score:
            best, best_score = task.text, score
    return best


def _element_order(kind: str, element_id: str) -> int:
    # Knowledge and basic skills (2.A: reading, writing, maths) underpin the
    # cross-functional skills (2.B) that build on them.
    if kind == "knowledge":
        return 0
    return 1 if element_id.startswith("2.A") else 3


def display_name(p: Profiles, element_id: str) -> str:
    """O*NET names a skill and a knowledge area both "Mathematics": say which one is meant."""
    name = p.kb.element(element_id).name
    return f"{name} ({p.kinds[p.element_ids.index(element_id)]})" if name in p.shared_names else name


def compare_elements(p: Profiles, source: str, target: str, known: Known) -> Comparison:
    kb = p.kb
    s, t = kb.index[source], kb.index[target]
    result = Comparison()
    source_title, target_title = kb.occupation(source).title, kb.occupation(target).title
    relevant = np.flatnonzero(p.importance[t] >= effort.RELEVANT_IMPORTANCE)
    # Rank by how much the target relies on the element: importance x required level.
    ranked = sorted(relevant, key=lambda j: (-p.importance[t, j] * p.level[t, j], p.element_ids[j]))
    for j in ranked:
        element = kb.element(p.element_ids[j])
        kind = p.kinds[j]
        importance, target_level, source_level = (float(x) for x in (p.importance[t, j], p.level[t, j], p.level[s, j]))
        gap = target_level - source_level
        estimated = " (level estimated from importance; O*NET suppressed the survey value)"
        source_note = estimated if p.level_estimated[s, j] else ""
        target_note = estimated if p.level_estimated[t, j] else ""
        target_task = evidence_task(p, target, element.id) if kind == "skill" else None
        if gap <= effort.LEVEL_TOLERANCE or known.has(kind, element.id):
            if known.has(kind, element.id) and gap > effort.LEVEL_TOLERANCE:
                why = (f"You listed it yourself. {target_title} rate it {importance:.1f}/5 in importance "
                       f"and need level {target_level:.1f}/7{_quote(target_task)}.")
            else:
                source_task = evidence_task(p, source, element.id) if kind == "skill" else None
                why = (f"As {_article(source_title)} you use it at level {source_level:.1f}/7{source_note}"
                       f"{_quote(source_task)}. {target_title} rate it {importance:.1f}/5 in importance and "
                       f"need level {target_level:.1f}/7{target_note}{_quote(target_task)}.")
            result.covered.add((kind, element.id))
            result.transferable.append(TransferableSkill(
                name=display_name(p, element.id), kind=kind, why=why, source_level=round(source_level, 2),
                target_level=round(target_level, 2), target_importance=round(importance, 2)))
            continue
        result.gaps.append(Gap(
            kind=kind, key=element.id, name=display_name(p, element.id),
            priority=effort.element_priority(importance, gap),
            hours=effort.element_hours(kind, gap),
            why=(f"{target_title} need level {target_level:.1f}/7{target_note} with importance "
                 f"{importance:.1f}/5{_quote(target_task)}; as {_article(source_title)} you work at "
                 f"{source_level:.1f}/7{source_note}: a gap of {gap:.1f} level points."),
            source_level=round(source_level, 2), target_level=round(target_level, 2),
            target_importance=round(importance, 2), order=_element_order(kind, element.id),
        ))
    result.transferable = result.transferable[:MAX_TRANSFERABLE_ELEMENTS]
    return result


# Plural nouns O*NET titles use as modifiers before "and" or "of" ("Insurance Claims and Policy
# Processing Clerks"): every other plural there is a job holder, conjoined with the last one.
MODIFIER_PLURALS = frozenset({"Claims", "Customs", "Operations", "Sales", "Securities", "Trades", "Vehicles"})


def _one(word: str) -> str:
    if "/" in word:                        # "Engineers/Architects"
        return "/".join(map(_one, word.split("/")))
    if word.endswith(("ss", "us")) or not word.endswith("s"):
        return word                        # "Fitness", "Bus": not plurals
    for plural, one in (("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("ies", "y")):
        if word.endswith(plural):
            return word[: -len(plural)] + one
    return word[:-1]


def _holders(title: str) -> str:
    """The title up to its job holders, without the qualifiers after them: "Teachers,
    Postsecondary" as "Teachers", "Farmers, Ranchers, and Other ..." as "Farmers", but a list of
    subjects before the holders ("Compensation, Benefits, and Job Analysis Specialists") whole."""
    parts = title.split(", ")
    if parts[0].endswith("s") and parts[0].split(" ")[-1] not in MODIFIER_PLURALS:
        return parts[0]
    closing = next((i for i, part in enumerate(parts) if part.startswith(("and ", "or "))), None)
    if closing is None:
        closing = next((i for i, part in enumerate(parts) if part.endswith("s")), 0)
    return ", ".join(parts[: closing + 1])


def singular(title: str) -> str:
    """'Software Developers' -> 'software developer', for a sentence about one person.

    Every job holder in the title becomes one person: both sides of "Musicians and Singers",
    the supervisor but not the workers in "Supervisors of Helpers"."""
    words = _holders(title).split(" ")
    if words[0].startswith("Helpers--"):   # "Helpers--Carpenters": a helper to carpenters
        return "helper to " + " ".join([words[0][len("Helpers--"):], *words[1:]]).lower()
    if words[-1] == "Occupations":         # "Computer Occupations, All Other"
        return "worker in " + " ".join(words).lower()
    last = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    for i, word in enumerate(words[: last + 1]):
        if i == last or (words[i + 1] == "and" and word not in MODIFIER_PLURALS):
            words[i] = _one(word)
    # Keep acronyms and proper names as written ("IT", "Web"); lower the rest.
    one = " ".join(w if w.isupper() or not w[:1].isupper() else w.lower() for w in words)
    # "Artists and Related Workers": one person is an artist *or* a related worker.
    return re.sub(r" and (other|related) ", r" or \1 ", one)


def _article(title: str) -> str:
    one = singular(title)
    # "a urologist" but "an usher": a u said "you" is followed by one consonant and a vowel.
    vowel_sound = one[:1] in "aeiou" and not re.match(r"u[^aeiou\W][aeiou]", one)
    return ("an " if vowel_sound else "a ") + one


def transferable_styles(p: Profiles, source: str, target: str) -> list[TransferableSkill]:
    kb = p.kb
    s, t = kb.index[source], kb.index[target]
    styles = kb.elements("work_styles")
    both = [
        j for j in range(len(styles))
        if p.work_styles[s, j] >= WORK_STYLE_RELIANCE and p.work_styles[t, j] >= WORK_STYLE_RELIANCE
    ]
    both.sort(key=lambda j: (-p.work_styles[t, j], styles[j].id))
    source_title, target_title = kb.occupation(source).title, kb.occupation(target).title
    return [
        TransferableSkill(
            name=styles[j].name, kind="work_style",
            why=(f"{styles[j].description} O*NET rates its impact on performance {p.work_styles[s, j]:+.1f} "
                 f"for {source_title} and {p.work_styles[t, j]:+.1f} for {target_title} (scale −3 to +3)."),
        )
        for j in both[:MAX_TRANSFERABLE_STYLES]
    ]


def _tech_label(tech: Technology) -> str:
    if tech.hot and tech.in_demand:
        return "a hot technology that employers' postings ask for"
    if tech.hot:
        return "a hot technology"
    return "a technology employers' postings ask for" if tech.in_demand else "a technology"


def compare_technologies(
    kb: KnowledgeBase, source: str, target: str, known: Known
) -> tuple[list[TransferableSkill], list[Gap]]:
    hot_counts = kb.hot_technology_counts()
    # Compared by product: "IBM Lotus Notes" for the source is the target's "IBM Notes".
    source_techs = {product_of(kb, t.name): t for t in kb.technologies(source)}
    have = set(source_techs) | {product_of(kb, n) for n in known.technologies}
    categories = {}
    for tech in source_techs.values():
        categories.setdefault(tech.commodity_title, tech.name)
    source_title, target_title = kb.occupation(source).title, kb.occupation(target).title
    targets: dict[str, Technology] = {}     # product -> the target's first-listed name for it
    for t in kb.technologies(target):
        targets.setdefault(product_of(kb, t.name), t)

    shared = [t for p, t in targets.items() if p in have]
    # Rarer tools first: Word and Excel carry over to most roles, JIRA says more about this move.
    shared.sort(key=lambda t: (not (t.hot and t.in_demand), not t.hot, hot_counts.get(t.name, 0), t.name))
    transferable = [
        TransferableSkill(
            name=t.name, kind="technology",
            why=(f"O*NET lists {source_techs[product_of(kb, t.name)].name} for {source_title}"
                 if product_of(kb, t.name) in source_techs else "You listed it")
            + f"; for {target_title} it is {_tech_label(t)} ({t.commodity_title.lower()}).",
        )
        for t in shared[:MAX_TRANSFERABLE_TECH]
    ]

    missing = [t for p, t in targets.items() if (t.hot or t.in_demand) and p not in have]
    missing.sort(key=lambda t: (not t.in_demand, not t.hot, -hot_counts.get(t.name, 0), t.name))
    nice = [t for t in missing if not t.in_demand][:MAX_NICE_TECH_TO_LEARN]
    missing = [t for t in missing if t.in_demand or t in nice]
    gaps = []
    for tech in missing[:MAX_TECH_TO_LEARN]:
        similar = categories.get(tech.commodity_title)
        hours = effort.TECHNOLOGY_HOURS_WITH_SIMILAR_TOOL if similar else effort.TECHNOLOGY_HOURS
        why = f"For {target_title}, {tech.name} is {_tech_label(tech)}; O*NET does not list it for {source_title}"
        why += (f", but you likely know {similar} from the same category ({tech.commodity_title.lower()}), "
                "which halves the effort." if similar else ".")
        gaps.append(Gap(kind="technology", key=tech.name, name=tech.name,
                        priority=effort.technology_priority(tech.hot, tech.in_demand),
                        hours=hours, why=why, order=4))
    return transferable, gaps
