"""From people's words to a Guide: resolve titles and places, then call the engine.

The CLI and the web app both go through here, so a title, a location or a skills list
means the same thing wherever it is typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from careerpath.engine import Guide, GuideRequest, Inputs, Person, Specialty
from careerpath.engine.model import Experience, RoleChoice, SkillRead
from careerpath.engine.tailor import personalize
from careerpath.kb import Area, KnowledgeBase
from careerpath.kb.api import NATIONAL
from careerpath.resolve import Candidate, InvalidTitle, Resolver

MAX_SKILLS_TEXT = 12_000  # a pasted résumé of three or four pages
MAX_HOURS_PER_WEEK = 80

# USPS abbreviations for the areas OEWS publishes as states (incl. DC and territories).
STATE_ABBREVIATIONS = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "GU": "Guam",
    "PR": "Puerto Rico",
    "VI": "Virgin Islands",
}


class InputError(ValueError):
    """Something the person typed that we cannot use; the message says what to do."""


class RoleNotFound(InputError):
    pass


class AmbiguousRole(InputError):
    def __init__(self, query: str, candidates: list[Candidate]):
        self.query = query
        self.candidates = candidates
        choices = "; ".join(f"{c.title} ({c.code})" for c in candidates)
        super().__init__(
            f"{query!r} could mean several occupations: {choices}. Type a more specific title or one of the codes."
        )


class UnknownArea(InputError):
    pass


@dataclass(frozen=True)
class ResolvedRole:
    code: str
    title: str
    specialty: Specialty | None
    matched: str
    score: float
    words: str = ""  # as the person typed it
    alternatives: tuple[RoleChoice, ...] = ()  # what else the words could mean


# Candidates whose scores differ by less than this are a genuine tie: only then may a person
# at a terminal be asked which one they mean.
TIED_SCORE = 0.005
MAX_ALTERNATIVES = 4


def resolve_role(text: str, ask_when_tied: bool = False) -> ResolvedRole:
    """The occupation a title means: the best match, with the alternatives when the title could
    mean several, so a script, the API and the site always get a guide. Raises RoleNotFound,
    or AmbiguousRole only when `ask_when_tied` and the top candidates are genuinely tied."""
    try:
        resolution = Resolver.default().resolve(text, top=5)
    except InvalidTitle as exc:
        raise RoleNotFound(str(exc)) from None
    if not resolution.candidates:
        raise RoleNotFound(f"no occupation matches {text!r}; try a common job title or an O*NET-SOC code")
    candidates = _most_common_first(resolution.candidates)
    best = candidates[0]
    others = [c for c in candidates[1:] if c.code != best.code]
    if ask_when_tied and resolution.ambiguous and others and best.score - others[0].score < TIED_SCORE:
        raise AmbiguousRole(text, candidates[:5])
    spec = resolution.specialization
    specialty = Specialty.of(spec) if spec else None
    alternatives = (
        tuple(RoleChoice(code=c.code, title=c.title) for c in others[:MAX_ALTERNATIVES]) if resolution.ambiguous else ()
    )
    return ResolvedRole(
        code=best.code,
        title=best.title,
        specialty=specialty,
        matched=best.matched,
        score=best.score,
        words=text.strip(),
        alternatives=alternatives,
    )


def _most_common_first(candidates: list[Candidate]) -> list[Candidate]:
    """Among candidates tied for the best score, the occupation most people hold comes first:
    "Teacher" means an elementary or secondary teacher far more often than a preschool
    special-education teacher (BLS 2024 employment)."""
    kb = KnowledgeBase.default()
    top = candidates[0].score
    tied = [c for c in candidates if top - c.score < TIED_SCORE]

    def employment(c: Candidate) -> int:
        outlook = kb.outlook(c.code) if c.code in kb.index else None
        return (outlook.employment_2024 or 0) if outlook else 0

    return sorted(tied, key=lambda c: -employment(c)) + candidates[len(tied) :]


def find_area(text: str, kb: KnowledgeBase | None = None) -> Area:
    """A state (name or USPS code) or metro area (OEWS name, fuzzy) from what a person typed."""
    kb = kb or KnowledgeBase.default()
    query = text.strip()
    if not query or len(query) > 100:
        raise UnknownArea("a location is a U.S. state (e.g. 'CA' or 'Texas') or a metro area (e.g. 'Austin')")
    areas = [a for a in kb.areas() if a.code != NATIONAL]
    name = STATE_ABBREVIATIONS.get(query.upper(), query)
    for area in areas:
        if area.name.lower() == name.lower():
            return area
    names = {a.code: a.name for a in areas}
    # Metro names read "Austin-Round Rock-San Marcos, TX": match on the words people type.
    matches = process.extract(query, names, scorer=fuzz.WRatio, limit=3)
    if matches and matches[0][1] >= 86 and (len(matches) == 1 or matches[0][1] - matches[1][1] >= 3):
        return kb.area(matches[0][2])
    hints = ", ".join(m[0] for m in matches[:3])
    raise UnknownArea(f"no OEWS state or metro area matches {text!r}" + (f"; did you mean: {hints}?" if hints else ""))


MAX_REMOVED_ITEMS = 500


def item_id(kind: str, key: str) -> str:
    """How the person names an item they want removed: 'technology:Python', 'skill:2.A.1.c'."""
    return f"{kind}:{key}"


@dataclass(frozen=True)
class SkillsRead:
    known: frozenset = frozenset()  # (kind, key) counted as known
    recognised: tuple[str, ...] = ()  # labels of the counted items, with their words
    not_recognised: tuple[str, ...] = ()  # list entries nothing matched
    items: tuple[SkillRead, ...] = ()  # everything read, removed ones marked
    experience: tuple[Experience, ...] = ()  # years per role, where the text states them


def read_skills(text: str | None, kb: KnowledgeBase | None = None, removed: frozenset[str] = frozenset()) -> SkillsRead:
    """What a skills list or a pasted résumé shows, read by careerpath.profile.extract
    (docs/extraction.md). Each label names the words it was read from; list entries nothing
    matched are reported back; years of experience are kept per role when stated.
    Items in `removed` (ids such as "technology:Python" or names such as "Writing", which
    the person said were read wrongly) are shown but not known.
    """
    if not text or not text.strip():
        return SkillsRead()
    if len(text) > MAX_SKILLS_TEXT:
        raise InputError(f"the skills text is longer than {MAX_SKILLS_TEXT:,} characters")
    if len(removed) > MAX_REMOVED_ITEMS:
        raise InputError(f"at most {MAX_REMOVED_ITEMS} items can be removed")
    from careerpath.profile import extract  # the profile extractor owns the matching rules

    found = extract(text, kb or KnowledgeBase.default())
    # The site sends ids; a person at the command line types names ("Django", "skill:Writing").
    wrong = {r.casefold() for r in removed}
    read = tuple(
        SkillRead(
            kind=item.kind,
            key=item.key,
            name=item.name,
            phrase=item.phrase,
            removed=bool(
                wrong
                & {
                    item_id(item.kind, item.key).casefold(),
                    item.name.casefold(),
                    item_id(item.kind, item.name).casefold(),
                }
            ),
        )
        for item in found.items
    )
    kept = [item for item in read if not item.removed]
    known = frozenset((item.kind, item.key) for item in kept)
    # Mathematics is both a skill and a knowledge area: the kind keeps the labels distinct.
    recognised = tuple(f"{item.name} ({item.kind}, from “{item.phrase}”)" for item in kept)
    experience = tuple(Experience(role=role, years=years) for role, years in found.years.items())
    return SkillsRead(known, recognised, tuple(found.unrecognised), read, experience)


def person_for(
    hours_per_week: float,
    location: str | None,
    skills: str | None,
    budget: str | None,
    kb: KnowledgeBase,
    removed: frozenset[str] = frozenset(),
) -> Person:
    """The person's answers, checked and read: what both the CLI and the site tailor with."""
    if not 1 <= hours_per_week <= MAX_HOURS_PER_WEEK:
        raise InputError(f"hours per week must be between 1 and {MAX_HOURS_PER_WEEK}")
    if budget not in (None, "", "free", "any"):
        raise InputError("budget is 'free' or 'any'")
    area = find_area(location, kb) if location and location.strip() else None
    read = read_skills(skills, kb, removed)
    return Person(
        hours_per_week=hours_per_week,
        area_code=area.code if area else None,
        known=read.known,
        recognised=read.recognised,
        not_recognised=read.not_recognised,
        read=read.items,
        experience=read.experience,
        budget="free" if budget == "free" else None,
    )


def plan_guide(
    source: str,
    target: str,
    hours_per_week: float = 10.0,
    location: str | None = None,
    skills: str | None = None,
    budget: str | None = None,
    removed: frozenset[str] = frozenset(),
    ask_when_tied: bool = False,
) -> Guide:
    inputs = Inputs.default()
    kb = inputs.kb
    person = person_for(hours_per_week, location, skills, budget, kb, removed)
    source_role = resolve_role(source, ask_when_tied)
    target_role = resolve_role(target, ask_when_tied)
    request = GuideRequest(
        source_role.code,
        target_role.code,
        source_role.specialty,
        target_role.specialty,
        person,
        source_words=source_role.words,
        target_words=target_role.words,
        source_alternatives=source_role.alternatives,
        target_alternatives=target_role.alternatives,
    )
    return personalize(request, inputs)


def pathway_slug(guide: Guide) -> str:
    """A readable, stable URL part: software-developers-to-technical-writers[-ai-ml]."""

    def part(title: str, spec: str | None) -> str:
        text = (f"{spec} " if spec else "") + title
        return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")

    return f"{part(guide.from_.title, guide.from_.specialization_id)}-to-{part(guide.to.title, guide.to.specialization_id)}"
