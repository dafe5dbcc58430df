"""What carries over and what is missing, from the two occupations' O*NET profiles.

An element the target relies on (importance ≥ RELEVANT_IMPORTANCE) is transferable when
the source's level is within LEVEL_TOLERANCE of the target's. A gap is an element the
person lacks that the target is distinctively hired for (relevance.py). Nothing can be both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from careerpath import yamlcache
from careerpath.kb import KnowledgeBase, Technology
from careerpath.kb.products import product_of

from . import effort
from .model import LearnKind, Origin, TransferableSkill
from .profiles import Profiles
from .relevance import Distinctiveness, element_relevance, technology_relevance

WORK_STYLE_RELIANCE = 1.5  # O*NET work-style impact (-3..3) from which a role relies on a style
MAX_TRANSFERABLE_ELEMENTS = 6
MAX_TRANSFERABLE_STYLES = 2
MAX_TRANSFERABLE_TECH = 4
MAX_TECH_TO_LEARN = 6
# Below the core plan's threshold (engine/guide.py): a tool postings do not ask for is "also useful".
NOT_IN_DEMAND_SCORE = 1.0


@dataclass
class Gap:
    """An item to learn, before the plan picks its core."""

    kind: LearnKind
    key: str
    name: str
    hours: int
    why: str
    score: float  # relevance: how much it moves the person towards the target
    source_level: float | None = None
    target_level: float | None = None
    target_importance: float | None = None
    order: int = 0  # foundations first: knowledge, basic skills, topics, ...
    origin: Origin = "occupation"
    learn: str | None = None  # a credential or resource id where to learn it (route items)


@dataclass
class Known:
    """What the person brings beyond their occupation's average profile."""

    items: frozenset[tuple[str, str]] = frozenset()  # (kind, key)
    topics: frozenset[str] = frozenset()  # from a source specialization
    technologies: frozenset[str] = frozenset()  # products: kb.products.product_of names
    products: dict[str, str] = field(default_factory=dict)  # technology name -> product name

    def has(self, kind: str, key: str) -> bool:
        return (
            (kind, key) in self.items
            or (kind == "technology" and self.products.get(key, key) in self.technologies)
            or (kind == "topic" and key in self.topics)
        )


@dataclass
class Comparison:
    transferable: list[TransferableSkill] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    covered: set[tuple[str, str]] = field(default_factory=set)  # every transferable (kind, key), listed or not


@lru_cache(maxsize=1)
def _task_words() -> tuple[dict[str, tuple[str, ...]], tuple[int, ...], frozenset[str]]:
    """Which elements each stem speaks for, the stem lengths, and the multi-word stems (matched
    as phrases, not prefixes)."""
    words = yamlcache.load(Path(__file__).resolve().parents[1] / "catalog" / "task_words.yaml")
    elements_of: dict[str, list[str]] = {}
    for element, stems in words.items():
        for stem in stems:
            elements_of.setdefault(stem.lower(), []).append(element)
    lengths = tuple(sorted({len(stem) for stem in elements_of if " " not in stem}))
    phrases = frozenset(stem for stem in elements_of if " " in stem)
    return {stem: tuple(e) for stem, e in elements_of.items()}, lengths, phrases


def _example_tasks(p: Profiles, code: str) -> dict[str, str]:
    """For every element, the occupation's task that uses the most of its stems: one pass over
    the tasks, once per occupation. Tasks come core and most-reported first, so ties keep the
    better task."""
    key = ("examples", code)
    if key not in p.evidence_cache:
        elements_of, lengths, phrases = _task_words()
        best: dict[str, tuple[int, str]] = {}
        for task in p.kb.tasks(code):
            text = task.text.lower()
            found = {w[:n] for w in re.findall(r"[a-z]+", text) for n in lengths if n <= len(w)} & elements_of.keys()
            found |= {ph for ph in phrases if ph in text}
            hits: dict[str, int] = {}
            for stem in found:
                for element in elements_of[stem]:
                    hits[element] = hits.get(element, 0) + 1
            for element, count in hits.items():
                if count > best.get(element, (0, ""))[0]:
                    best[element] = (count, task.text)
        p.evidence_cache[key] = {element: _short(text.rstrip(".")) for element, (_, text) in best.items()}
    examples: dict[str, str] = p.evidence_cache[key]
    return examples


def example_task(p: Profiles, code: str, element_id: str) -> str | None:
    """The occupation's task that most plainly exercises an element, by the words O*NET's task
    statements use for it (catalog/task_words.yaml); None when no task mentions them."""
    return _example_tasks(p, code).get(element_id)


def _short(text: str, limit: int = 90) -> str:
    """A task statement cut at a word boundary, so an example reads as one."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;") + "…"


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


def _how_far(gap: float) -> str:
    """An O*NET level gap in words (levels run 0-7)."""
    if gap >= 2.5:
        return "it goes far beyond"
    if gap >= 1.5:
        return "it goes well beyond"
    return "it goes a step beyond"


def _how_much_more(z: float) -> str:
    return "far more than most jobs do" if z >= 2 else "more than most jobs do"


def compare_elements(p: Profiles, d: Distinctiveness, source: str, target: str, known: Known) -> Comparison:
    """Transferable: what the target relies on (importance >= 3) and the person already has.
    Gaps: what the target is distinctively hired for (relevance.py) and the person lacks."""
    kb = p.kb
    s, t = kb.index[source], kb.index[target]
    result = Comparison()
    source_one, target_title = _article(kb.occupation(source).title), kb.occupation(target).title
    target_people = people(target_title)
    # Rows as Python floats once: indexing numpy element by element costs more than the rest.
    z_t, importance_t = d.z[t].tolist(), p.importance[t].tolist()
    level_t, level_s = p.level[t].tolist(), p.level[s].tolist()
    # What the target stands out for first, then how much it relies on it.
    ranked = sorted(
        range(len(p.element_ids)),
        key=lambda j: (-max(z_t[j], 0.0) * importance_t[j], -importance_t[j], p.element_ids[j]),
    )
    for j in ranked:
        element_id, kind = p.element_ids[j], p.kinds[j]
        importance, target_level, source_level = importance_t[j], level_t[j], level_s[j]
        gap = target_level - source_level
        listed = known.has(kind, element_id)
        if importance >= effort.RELEVANT_IMPORTANCE and (gap <= effort.LEVEL_TOLERANCE or listed):
            result.covered.add((kind, element_id))
            if len(result.transferable) >= MAX_TRANSFERABLE_ELEMENTS:
                continue  # covered all the same; only the first few are explained
            target_task = example_task(p, target, element_id)
            there = f"; {target_people} use it in work like “{target_task}”" if target_task else ""
            if listed and gap > effort.LEVEL_TOLERANCE:
                why = f"You listed it yourself{there}."
                origin: Origin = "listed"
            else:
                source_task = example_task(p, source, element_id)
                here = f" — e.g. “{source_task}”" if source_task else ""
                # The O*NET levels themselves stay in the data (source_level, target_level): in
                # prose a counsellor says how the two jobs compare, not "3.1 of 7".
                enough = (
                    "your job asks for at least as much of it as the new one"
                    if gap <= 0
                    else "the new role asks for only a little more of it"
                )
                why = f"You already use it as {source_one}{here}{there}. {capitalised(enough)}."
                origin = "occupation"
            result.transferable.append(
                TransferableSkill(
                    name=display_name(p, element_id),
                    kind=kind,
                    why=why,
                    origin=origin,
                    source_level=round(source_level, 2),
                    target_level=round(target_level, 2),
                    target_importance=round(importance, 2),
                )
            )
            continue
        if listed or gap <= effort.LEVEL_TOLERANCE:
            continue
        score = element_relevance(p, d, t, j, gap)
        if score <= 0:
            continue  # the target is not distinctively hired for it: not worth months of study
        target_task = example_task(p, target, element_id)
        z = z_t[j]
        result.gaps.append(
            Gap(
                kind=kind,
                key=element_id,
                name=display_name(p, element_id),
                hours=effort.element_hours(kind, gap),
                score=score,
                why=(
                    f"{capitalised(target_people)} rely on it {_how_much_more(z)}"
                    + (f", in work like “{target_task}”" if target_task else "")
                    + f"; {_how_far(gap)} what your current job asks of you."
                ),
                source_level=round(source_level, 2),
                target_level=round(target_level, 2),
                target_importance=round(importance, 2),
                order=_element_order(kind, element_id),
            )
        )
    return result


# Plural nouns O*NET titles use as modifiers before "and" or "of" ("Insurance Claims and Policy
# Processing Clerks"): every other plural there is a job holder, conjoined with the last one.
MODIFIER_PLURALS = frozenset({"Claims", "Customs", "Operations", "Sales", "Securities", "Trades", "Vehicles"})


def _one(word: str) -> str:
    if "/" in word:  # "Engineers/Architects"
        return "/".join(map(_one, word.split("/")))
    if word.endswith(("ss", "us")) or not word.endswith("s"):
        return word  # "Fitness", "Bus": not plurals
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


@lru_cache(maxsize=4096)  # a guide writes each title into a dozen sentences
def in_sentence(title: str) -> str:
    """'Web Developers' -> 'web developers' in a sentence; acronyms ('IT') and words with digits stay."""
    return " ".join(w if w.isupper() or any(c.isdigit() for c in w) else w.lower() for w in title.split(" "))


# BLS's exclusions and residual groups: "Elementary School Teachers, Except Special Education".
_QUALIFIER = re.compile(r",\s+(?:Except\b|All Other\b).*$", re.IGNORECASE)


def capitalised(text: str) -> str:
    """The text as the start of a sentence: 'registered nurses' -> 'Registered nurses'."""
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=4096)
def people(title: str) -> str:
    """The job's holders in a sentence, without BLS's exclusions, which no one says aloud:
    'Elementary School Teachers, Except Special Education' -> 'elementary school teachers',
    'Computer Occupations, All Other' -> 'workers in computer occupations'."""
    base = _QUALIFIER.sub("", title)
    if base.split(" ")[-1].lower() == "occupations":
        return "workers in " + in_sentence(base)
    # O*NET's inverted titles read the natural way round: "Cooks, Restaurant" -> "restaurant
    # cooks", "Teachers, Postsecondary" -> "postsecondary teachers" (not "Physicians,
    # Pathologists", where both halves name the people).
    holders, comma, kind = base.partition(", ")
    if comma and ", " not in kind and holders.endswith("s") and not kind.endswith("s"):
        base = f"{kind} {holders}"
    return in_sentence(base)


# Titles that name a unit, not its people: one person in them is a soldier.
UNITS = {"Infantry": "infantry soldier", "Special Forces": "special forces soldier"}


@lru_cache(maxsize=4096)
def singular(title: str) -> str:
    """'Software Developers' -> 'software developer', for a sentence about one person.

    Every job holder in the title becomes one person: both sides of "Musicians and Singers",
    the supervisor but not the workers in "Supervisors of Helpers"."""
    if title in UNITS:
        return UNITS[title]
    words = _holders(title).split(" ")
    if words[0].startswith("Helpers--"):  # "Helpers--Carpenters": a helper to carpenters
        return "helper to " + " ".join([words[0][len("Helpers--") :], *words[1:]]).lower()
    if words[-1] == "Occupations":  # "Computer Occupations, All Other"
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
    """Ways of working both jobs depend on (O*NET work-style impact >= 1.5 of ±3 on both)."""
    kb = p.kb
    s, t = kb.index[source], kb.index[target]
    styles = kb.elements("work_styles")
    both = [
        j
        for j in range(len(styles))
        if p.work_styles[s, j] >= WORK_STYLE_RELIANCE and p.work_styles[t, j] >= WORK_STYLE_RELIANCE
    ]
    both.sort(key=lambda j: (-p.work_styles[t, j], styles[j].id))
    return [
        TransferableSkill(
            name=styles[j].name,
            kind="work_style",
            why="Both jobs depend on it, by O*NET's work-style ratings.",
        )
        for j in both[:MAX_TRANSFERABLE_STYLES]
    ]


def compare_technologies(
    kb: KnowledgeBase, d: Distinctiveness, source: str, target: str, known: Known
) -> tuple[list[TransferableSkill], list[Gap]]:
    """Shared tools that say something about the move (not Word or Excel), and the target's
    specific, in-demand tools the person lacks (relevance.technology_relevance)."""
    # Compared by product: "IBM Lotus Notes" for the source is the target's "IBM Notes".
    source_techs = {product_of(kb, t.name): t for t in kb.technologies(source)}
    have = set(source_techs) | {product_of(kb, n) for n in known.technologies}
    categories: dict[str, str] = {}
    for tech in source_techs.values():
        categories.setdefault(tech.commodity_title, tech.name)
    source_title, target_title = kb.occupation(source).title, kb.occupation(target).title
    targets: dict[str, Technology] = {}  # product -> the target's first-listed name for it
    for t in kb.technologies(target):
        targets.setdefault(product_of(kb, t.name), t)

    # A shared tool carries over when it says something about the new work: specific to the
    # target's kind of work, as a tool to learn would have to be (Facebook, a web browser or a
    # hospital records system a bookkeeper's listing happens to share do not).
    shared = [t for p, t in targets.items() if p in have and technology_relevance(d, target, t) > 0]
    shared.sort(key=lambda t: (-technology_relevance(d, target, t), not t.in_demand, t.name))
    transferable = [
        TransferableSkill(
            name=t.name,
            kind="technology",
            origin="occupation" if product_of(kb, t.name) in source_techs else "listed",
            why=(
                f"You already use {source_techs[product_of(kb, t.name)].name} as {_article(source_title)}"
                if product_of(kb, t.name) in source_techs
                else "You listed it"
            )
            + f"; {people(target_title)} use it too ({in_sentence(t.commodity_title)}"
            + (", asked for in job postings)." if t.in_demand else ")."),
        )
        for t in shared[:MAX_TRANSFERABLE_TECH]
    ]

    gaps = []
    for product, tech in targets.items():
        score = technology_relevance(d, target, tech)
        if product in have or score <= 0:
            continue
        if not tech.in_demand:
            score = min(score, NOT_IN_DEMAND_SCORE)  # useful, never what the plan is built around
        similar = categories.get(tech.commodity_title)
        hours = effort.TECHNOLOGY_HOURS_WITH_SIMILAR_TOOL if similar else effort.TECHNOLOGY_HOURS
        why = (
            f"{capitalised(people(target_title))} use it"
            + (" and job postings ask for it" if tech.in_demand else "")
            + f" ({in_sentence(tech.commodity_title)})"
        )
        why += f"; you know {similar} from the same category, which halves the effort." if similar else "."
        gaps.append(Gap(kind="technology", key=tech.name, name=tech.name, hours=hours, why=why, score=score, order=4))
    gaps.sort(key=lambda g: (-g.score, g.name))
    return transferable, gaps[:MAX_TECH_TO_LEARN]
