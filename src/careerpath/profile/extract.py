"""From a skills list or a pasted résumé to the knowledge-base items it evidences.

Every item carries the words that evidence it, so the person can confirm or remove it;
nothing is inferred that the text does not show. Skills and knowledge are read as the
labelling guide (docs/labelling.md) defines them. Five channels, in order of precision:
1. technologies, by O*NET name, derived alias or curated nickname (lexicon.py);
2. skill and knowledge names and curated phrases (elements.yaml);
3. O*NET work language: a sentence that carries every content word of a DWA title
   ("Negotiated contracts with suppliers" ~ "Negotiate contracts") evidences the skills
   that DWA is linked to;
4. operating a machine: running or driving any machine or vehicle O*NET lists as a tool
   ("ran the loader") evidences operation and control (lexicon.py);
5. making with a class of tool: a prose sentence that builds or writes something with a
   technology O*NET files as development software ("I write Go and Bash") evidences
   programming and computer knowledge; one that designs or draws in CAD software, design;
   one that maps in map software, geography.
Pure: no I/O beyond reading the knowledge base and the package's data files; the text
is not kept anywhere.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal, cast

from careerpath.kb import KnowledgeBase
from careerpath.kb.products import product_names

from .lexicon import CONTEXT_STEM, Lexicon, head_word, lexicon_for, stem, tokens

Kind = Literal["skill", "knowledge", "technology"]

# A text reads as a list (not prose) when its entries are this short.
LIST_ENTRY_MAX_WORDS = 6
DWA_MIN_COVERAGE = 1.0  # share of a DWA title's content words the sentence must carry
DWA_LONG_TITLE = 5  # titles with more content words than this may miss one
ENTRY_SPLIT = re.compile(r"[^,;\n|•·]+")
SENTENCE_SPLIT = re.compile(r"[^.!?\n;•]+")
LIST_JOIN = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b)\s*(?:and\s+)?")
LABEL_PREFIX = re.compile(r"^\s*(?:[-*–]\s*)?(?:[A-Z][\w ]{0,30}:\s*)?")
# After a brand word: a capitalised word, or a place's state ("Lancaster PA", "Phoenix, AZ")
# or a machine's model code ("Vestas V110", "Mazak QTN 250"), none of them part of a software name.
US_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM "
    "NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
).split()
PROPER_NAME_NEXT = re.compile(
    r"(?:[ \t]+|,[ \t]*(?=(?:%s)(?![\w\-])))"
    r"([A-Z][a-z]\w*|(?:%s)(?![\w\-])|[A-Z]+-?\d[\w\-]*|[A-Z]{2,5}(?=[ \t]+\d)|[A-Z]{2,}(?![\w\-]))"
    % ("|".join(US_STATES), "|".join(US_STATES))
)
PROPER_NAME_BEFORE = re.compile(r"(?<![.!?•·\n:]\s)(?<![.!?•·\n:])\b([A-Z][a-z]\w*)[ \t]+\Z")
NAME_LOOKBACK = 60  # characters: longer than any word before a brand
TOOL_BEFORE = re.compile(r"\b(?:in|using|through|via)\s+\Z")
CODING_VERB = re.compile(
    r"\b(?:built|build|builds|building|wrote|write|writes|writing|developed|develop|develops|developing|"
    r"implemented|implement|implements|coded|code|codes|coding|programmed|programs|scripted|scripting|"
    r"shipped|ships|engineered|automated|automate|automates|refactored)\b",
    re.IGNORECASE,
)
DATE_RANGE = re.compile(r"\b(?:19|20)\d{2}\s*(?:–|—|-|to)\s*(?:present|current|now|today)\b", re.IGNORECASE)
DRAWING_VERB = re.compile(
    r"\b(?:designed|designs|design|drafted|drafts|drafting|drew|draws|drawn|modeled|modelled|modeling|modelling|"
    r"models|detailed|laid out|lays out|produced|produce|produces|surfaced|rendered|rectified|built|build|builds)\b",
    re.IGNORECASE,
)
MAPPING_VERB = re.compile(r"\b(?:mapped|maps|map|mapping|digitized|digitised|georeferenced|compiled)\b", re.IGNORECASE)
PROGRAMMING, COMPUTERS, DESIGN, GEOGRAPHY = "2.B.3.e", "2.C.3.a", "2.C.3.c", "2.C.4.g"
MEDICINE, BIOLOGY = "2.C.5.a", "2.C.4.d"
# Health care given to animals is biology, not medicine (O*NET's and the labelling guide's line).
ANIMAL_CARE = re.compile(
    r"\b(?:animals?|vets?|veterinar\w+|livestock|cattle|cows?|calves|heifers|herds?|horses?|equine|dogs?|cats?|"
    r"canine|feline|pets?|primates?|zoo|poultry|hogs|swine|sheep|goats|wildlife|exotics)\b",
    re.IGNORECASE,
)
TOOL_REACH_WORDS = 8
# What the person lacks or wishes for is not shown (labelling guide, rule 5): "no sales
# experience", "never used Excel" for the few words after; "want to learn SQL", "studying for
# the CPA exam" to the end of the clause.
NEGATION = re.compile(r"\b(?:no|not|never|without|lacks?|lacking)\b(?![-.])", re.IGNORECASE)
NEGATION_REACH = re.compile(r"(?:\W*\w+){0,4}")  # the few words a negation covers
# "without errors using QuickBooks": what follows "without" ends where the sentence goes on.
WITHOUT_ENDS = re.compile(
    r"\s(?:using|via|in|on|for|by|and|while|across|through|after|before|during|to|with)\b", re.IGNORECASE
)
WISH = re.compile(
    r"\b(?:(?:want|wants|wanted|hope|hopes|hoping|plan|plans|planning|aim|aiming|eager|looking|would like|"
    r"aspire|aspiring) to|interested in|studying for|preparing for|working towards?|enrolled in|"
    r"(?:currently|now) (?:learning|studying|taking)|taking an? (?:\w+ ){0,2}(?:course|class))\b",
    re.IGNORECASE,
)
SOMEONE_ELSE_BEFORE = re.compile(r"\b(?:who|they|that|which|he|she|we|clients|customers)\s+\Z", re.IGNORECASE)
CLAUSE_END = re.compile(r"[.;!?\n]|\bbut\b", re.IGNORECASE)
# Only the person's own role shows its subject (labelling guide, rule 2): "Built reports for the
# operations manager" or "worked with engineers" names someone else's.
OTHERS_ROLE_BEFORE = re.compile(
    r"\b(?:for|with|under|by|from|supporting|supported|supports|assisting|assisted|assists|"
    r"(?:reporting|reported|reports|report|assistant|escalated|presented) to)\s+"
    r"(?:(?:the|our|my|an?|their|its|each|all|other|site|senior)\s+)?\Z",
    re.IGNORECASE,
)
CUE_LOOKBACK = 40  # characters: longer than any cue before a role or a wish
# An employer's name is not a skill or a product: "Bright Spark Electric" is no Apache Spark,
# "Harbor Logistics Inc." no transportation knowledge. A name is a run of capitalised words
# that ends in a company designator (anywhere), or in a trade word where a job heading names
# an employer: on a line with a year, after "at" or "@", or heading its line.
_NAME_WORD = r"[A-Z][A-Za-z0-9'’\-]*"
_DESIGNATORS = (
    r"Inc|Incorporated|LLC|L\.L\.C|LLP|Ltd|Limited|Corp|Corporation|Co|Company|PLC|GmbH|"
    r"Group|Holdings|Enterprises|Industries|Partners|Associates|& Sons|and Sons"
)
_TRADES = (
    r"Electric|Electrical|Plumbing|Heating|Roofing|Logistics|Freight|Trucking|Transport|Moving|Construction|"
    r"Contractors|Builders|Homes|Landscaping|Motors|Automotive|Foods|Farms?|Dairy|Bakery|Caf[eé]|Restaurant|"
    r"Grill|Catering|Hospital|Clinic|Dental|Healthcare|Pharmacy|Realty|Properties|Insurance|Bank|Financial|"
    r"Capital|Consulting|Marketing|Media|Studios?|Labs|Manufacturing|Machining|Metals|Steel|Fabrication|"
    r"Solar|Energy|Utilities|Telecom|Communications|Staffing|Cleaning|Janitorial|Services|Solutions|"
    r"Systems|Technologies|Academy|Foundation|Alliance|Outfitters|Supply|Distributors?|Warehousing"
)
ORGANISATION = re.compile(
    rf"(?<![\w&])(?:{_NAME_WORD}[ \t]+(?:(?:&|and|of|the)[ \t]+)?){{1,5}}"
    rf"(?:(?P<designator>{_DESIGNATORS})|(?P<trade>{_TRADES}))(?![\w\-])\.?"
    # ... where the name ends: not "Registered Dental Hygienist", "Policy Services Representative"
    # (a title goes on with another capitalised word) or "AV Systems:" (a label).
    r"(?![ \t]+[A-Z]|[ \t]*[:/])"
)
# A name heading its line is an employer when a separator follows it ("Bright Spark Electric —
# Apprentice"), not a word ("ABYC Marine Systems certified").
HEADING_NAME_ENDS = re.compile(r"[ \t]*(?:[—–|,(]|-[ \t]|$)", re.M)
EMPLOYER_BEFORE = re.compile(r"(?:\bat|@)[ \t]+\Z")
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class Evidence:
    kind: Kind
    key: str  # O*NET element id or exact O*NET technology name
    name: str  # display name
    phrase: str  # the words in the text that evidence it


@dataclass(frozen=True)
class ExtractedProfile:
    items: list[Evidence] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)  # list entries we could not map
    years: dict[str, float] = field(default_factory=dict)  # role phrase -> years, when stated

    def known(self) -> frozenset[tuple[str, str]]:
        """(kind, key) pairs, the form the engine's Person.known takes."""
        return frozenset((e.kind, e.key) for e in self.items)


@dataclass(frozen=True)
class _Entry:
    start: int
    end: int
    text: str


def _entries(text: str) -> list[_Entry]:
    """Comma/line/bullet-separated entries with any "Skills:"-style label removed."""
    found = []
    for m in ENTRY_SPLIT.finditer(text):
        raw = m.group()
        label = LABEL_PREFIX.match(raw)
        offset = label.end() if label and label.end() < len(raw.rstrip()) else 0
        body = raw[offset:]
        stripped = body.strip().rstrip(".")
        if not stripped:
            continue
        start = m.start() + offset + (len(body) - len(body.lstrip()))
        found.append(_Entry(start, start + len(stripped), stripped))
    return found


def _is_list(entries: list[_Entry]) -> bool:
    return bool(entries) and all(len(e.text.split()) <= LIST_ENTRY_MAX_WORDS for e in entries)


def _whole_entry(start: int, end: int, entries: list[_Entry]) -> bool:
    return any(e.start == start and e.end == end for e in entries)


GENERIC_NAME_WORDS = {"software", "system", "systems", "management", "and", "of", "the", "for"}


def _in_other_name(neighbours: tuple[re.Match | None, ...], alias) -> bool:
    """The word runs on into, or follows, a capitalised word that is not part of its product's
    name: 'Summit Home Lending', 'Riverside Literacy Alliance' are organisations."""
    return any(m is not None and m.group(1).lower() not in alias.name.lower().split() for m in neighbours)


def _heads_line(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return not text[line_start:start].strip() and bool(
        text[end : line_end if line_end >= 0 else len(text)].strip(" ,.;")
    )


def _opens_sentence(text: str, start: int) -> bool:
    """Whether only spaces and a bullet stand between `start` and the end of the last sentence."""
    i = start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i >= 0 and text[i] in "-*–":
        i -= 1
        while i >= 0 and text[i] in " \t":
            i -= 1
    return i < 0 or text[i] in ".!?•·\n"


def _title_case(word: str) -> bool:
    """'Zoom', not 'zoom' (a word) or 'ADA' (an acronym)."""
    return word[:1].isupper() and not (len(word) > 1 and word[1:].isupper())


def _context_words(lowered: list[str]) -> set[str]:
    return set(lowered) | {w[:CONTEXT_STEM] for w in lowered if len(w) >= CONTEXT_STEM}


def _support(alias, key: tuple[str, ...], context: set[str]) -> int:
    """How many of the product name's other words the text also uses."""
    words = {w.lower() for w in alias.name.split()} - set(key) - GENERIC_NAME_WORDS
    return sum((w[:CONTEXT_STEM] if len(w) >= CONTEXT_STEM else w) in context for w in words)


def _by_context(options: list, key: tuple[str, ...], context: set[str]) -> list:
    """Readings of the same words, the one whose other name words the text also uses first:
    CAD in a dispatcher's résumé is computer aided dispatch, not design."""
    return sorted(options, key=lambda a: -_support(a, key, context)) if len(options) > 1 else options


def _technologies(text: str, lex: Lexicon, entries: list[_Entry], as_list: bool) -> list[tuple[Evidence, int, int]]:
    toks = tokens(text)
    lowered = [t.group().lower() for t in toks]
    context = _context_words(lowered)
    found: list[tuple[Evidence, int, int]] = []
    pending: list[tuple[Evidence, int, int]] = []  # list-only aliases seen in prose
    i = 0
    while i < len(toks):
        for n in range(min(lex.max_alias_tokens, len(toks) - i), 0, -1):
            key = tuple(lowered[i : i + n])
            options = lex.aliases.get(key)
            if not options:
                continue
            span = toks[i : i + n]
            start, end = span[0].start(), span[-1].end()
            written = " ".join(t.group() for t in span)
            # "Painter, Seattle — 2015–2023" opens a job, not a list: in prose, the first
            # entry of a line that goes on is a heading.
            whole_entry = _whole_entry(start, end, entries) and (as_list or not _heads_line(text, start, end))
            cased = _by_context(
                [
                    a
                    for a in options
                    if (a.exact is None or a.exact == written)
                    and not (a.capital_in_prose and not whole_entry and not _title_case(written))
                    and not (a.needs_context and _support(a, key, context) == 0)
                    and not (a.needs_domain and not (whole_entry or as_list) and not lex.in_field(a.name, context))
                ],
                key,
                context,
            )
            opens_sentence = _opens_sentence(text, start)
            # "Summit Home Lending", "Harvest Snacks": a capitalised run is a proper name.
            neighbours = (
                PROPER_NAME_NEXT.match(text, end),
                PROPER_NAME_BEFORE.search(text, max(0, start - NAME_LOOKBACK), start),
            )
            alias = next(
                (
                    a
                    for a in cased
                    if (not a.list_only or whole_entry)
                    and not (
                        a.mid_sentence
                        and not whole_entry
                        and (opens_sentence or not written[:1].isupper() or _in_other_name(neighbours, a))
                    )
                ),
                None,
            )
            if alias is None:
                if cased:
                    pending.append((Evidence("technology", cased[0].name, cased[0].name, text[start:end]), start, end))
                continue
            found.append((Evidence("technology", alias.name, alias.name, text[start:end]), start, end))
            i += n
            break
        else:
            i += 1
    # "wrote the firmware in C", "cut promos in Audition": a product's name, capitalised,
    # right after in/using/through is the tool the work was done in.
    for item in list(pending):
        written = text[item[1] : item[2]]
        # A window, not the whole prefix: this runs once per candidate (see NAME_LOOKBACK).
        tool_position = TOOL_BEFORE.search(text, max(0, item[1] - NAME_LOOKBACK), item[1]) is not None
        if tool_position and (item[0].key in lex.code_technologies or _title_case(written)):
            found.append(item)
            pending.remove(item)
    # "in R and pandas", "Python, R, SQL": a short name read in prose when it sits in a run
    # of other technologies, joined only by commas, slashes or "and".
    changed = True
    while changed and pending:
        changed = False
        for item in list(pending):
            if any(LIST_JOIN.fullmatch(text[min(item[2], f[2]) : max(item[1], f[1])]) for f in found):
                found.append(item)
                pending.remove(item)
                changed = True
    return found


def _not_shown(text: str) -> list[tuple[int, int]]:
    """Spans of text that say what the person lacks or wants, not what they have."""
    spans = []
    wishes = [
        w
        for w in WISH.finditer(text)
        if not SOMEONE_ELSE_BEFORE.search(text, max(0, w.start() - CUE_LOOKBACK), w.start())
    ]
    for cue in (*NEGATION.finditer(text), *wishes):
        clause_end = CLAUSE_END.search(text, cue.end())
        end = clause_end.start() if clause_end else len(text)
        if cue.re is NEGATION:
            reach = NEGATION_REACH.match(text, cue.end(), end)
            end = reach.end() if reach else cue.end()
            if cue.group().lower() == "without":
                goes_on = WITHOUT_ENDS.search(text, cue.end(), end)
                end = goes_on.start() if goes_on else end
        spans.append((cue.start(), end))
    return spans


# A line break that only wraps a sentence: the next line goes on with text, not a bullet or a
# blank line. Replaced by a space, one character for one, so every offset stays the same.
WRAPPED_LINE_BREAK = re.compile(r"\n(?=[ \t]*[^\s\-•*–·])")


def join_wrapped_lines(text: str) -> str:
    return WRAPPED_LINE_BREAK.sub(" ", text)


def _elements(
    text: str,
    lex: Lexicon,
    entries: list[_Entry],
    technologies: list[tuple[Evidence, int, int]],
    employers: Sequence[tuple[int, int]] = (),
) -> list[tuple[Evidence, int, int]]:
    found = []
    joined = join_wrapped_lines(text)
    for pattern in lex.elements:
        for m in pattern.regex.finditer(joined if pattern.joined else text):
            words = text[m.start() : m.end()]  # as written: the joined copy has the same offsets
            if pattern.list_only and not _whole_entry(m.start(), m.end(), entries):
                continue
            # "Harbor Logistics Inc." names an employer; the pattern may still match further on.
            if any(lo <= m.start() and m.end() <= hi for lo, hi in employers):
                continue
            # "Classroom" inside "Google Classroom" names a product, not a subject.
            if any(start <= m.start() and m.end() <= end for _, start, end in technologies):
                continue
            if head_word(words) in lex.role_nouns and OTHERS_ROLE_BEFORE.search(
                text, max(0, m.start() - CUE_LOOKBACK), m.start()
            ):
                continue
            found.append((Evidence(cast(Kind, pattern.kind), pattern.key, pattern.name, words), m.start(), m.end()))
            break
    return found


def _work_language(text: str, lex: Lexicon, kb: KnowledgeBase) -> list[tuple[Evidence, int, int]]:
    found = []
    for sentence in SENTENCE_SPLIT.finditer(text):
        toks = tokens(sentence.group())
        if len(toks) < 2:
            continue
        stems: dict[str, list[re.Match]] = {}
        for t in toks:
            stems.setdefault(stem(t.group()), []).append(t)
        for phrase in lex.work:
            if phrase.verb not in stems:
                continue
            hit = phrase.stems & stems.keys()
            needed = len(phrase.stems) if len(phrase.stems) <= DWA_LONG_TITLE else len(phrase.stems) - 1
            if len(hit) < max(
                needed, DWA_MIN_COVERAGE * len(phrase.stems) if len(phrase.stems) <= DWA_LONG_TITLE else 0
            ):
                continue
            positions = [t for s in hit for t in stems[s][:1]]
            start = sentence.start() + min(t.start() for t in positions)
            end = sentence.start() + max(t.end() for t in positions)
            for skill_id in phrase.skills:
                element = kb.element(skill_id)
                found.append((Evidence("skill", skill_id, element.name, text[start:end]), start, end))
    return found


def _made_with(
    text: str, lex: Lexicon, technologies: list[tuple[Evidence, int, int]], kb: KnowledgeBase
) -> list[tuple[Evidence, int, int]]:
    rules = (
        (CODING_VERB, lex.code_technologies, (("skill", PROGRAMMING), ("knowledge", COMPUTERS))),
        (DRAWING_VERB, lex.drawing_technologies, (("knowledge", DESIGN),)),
        (MAPPING_VERB, lex.map_technologies, (("knowledge", GEOGRAPHY),)),
    )
    found = []
    for sentence in SENTENCE_SPLIT.finditer(text):
        for verb_pattern, tool_class, element_ids in rules:
            verb = verb_pattern.search(sentence.group())
            if not verb:
                continue
            start = sentence.start() + verb.start()
            # The tool must belong to what the verb made, a few words on, not to a later clause.
            made_with = [
                end
                for evidence, begin, end in technologies
                if evidence.key in tool_class
                and start < begin
                and end <= sentence.end()
                and len(tokens(text[start:begin])) <= TOOL_REACH_WORDS
            ]
            if made_with:
                end = min(made_with)
                for kind, element_id in element_ids:
                    found.append(
                        (
                            Evidence(cast(Kind, kind), element_id, kb.element(element_id).name, text[start:end]),
                            start,
                            end,
                        )
                    )
    return found


def _organisations(
    text: str, technologies: Sequence[tuple[Evidence, int, int]] = (), trades: bool = True
) -> list[tuple[int, int]]:
    """Spans of employers' names (see ORGANISATION); with trades=False only those that end in a
    company designator. A name that holds a product's name of two or more words ("DaVinci
    Resolve Studio") is the product's, not an employer's."""
    spans = []
    for m in ORGANISATION.finditer(text):
        if m.group("trade") and not trades:
            continue
        if any(
            m.start() <= start and end <= m.end() and len(evidence.phrase.split()) > 1
            for evidence, start, end in technologies
        ):
            continue
        if m.group("trade"):
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            line = text[line_start : line_end if line_end >= 0 else len(text)]
            heads_line = (
                not text[line_start : m.start()].strip(" \t-*–•") and HEADING_NAME_ENDS.match(text, m.end()) is not None
            )
            if not (YEAR.search(line) or heads_line or EMPLOYER_BEFORE.search(text, max(0, m.start() - 4), m.start())):
                continue
        spans.append(m.span())
    return spans


# -- years of experience -------------------------------------------------------------------

_NUMBER = r"(?P<n>\d+(?:\.\d+)?)\+?"
_ROLE = r"(?P<role>[A-Za-z][A-Za-z/&'\- ]{1,60}?)"
_YEARS_AS = re.compile(
    _NUMBER + r"\s*(?:years?|yrs?)\.?\s+(?:of\s+)?(?:[a-z]+\s+)?(?:experience\s+)?(?:as|working as|in the role of)\s+"
    r"(?:an?\s+)?" + _ROLE + r"(?=\s+(?:at|with|for|in|and)\b|[,.;()\n]|$)"
)
_ROLE_YEARS = re.compile(
    r"(?:^|[\n•;])\s*(?:[-*]\s*)?" + _ROLE + r"\s*(?:,|\(|–|—|-|:)\s*" + _NUMBER + r"\s*(?:years?|yrs?)\b", re.M
)
_RANGE = re.compile(
    r"(?:^|[\n•])\s*(?:[-*]\s*)?" + _ROLE + r"\s*(?:,|\bat\b|@|\||–|—|-)[^\n]*?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<y1>(?:19|20)\d{2})\s*(?:–|—|-|to)\s*"
    r"(?:[A-Z][a-z]{2,8}\.?\s+)?(?P<y2>(?:19|20)\d{2}|[Pp]resent|[Cc]urrent|[Nn]ow|[Tt]oday)",
    re.M,
)


def _years(text: str, as_of_year: int) -> dict[str, float]:
    years: dict[str, float] = {}
    claimed: list[tuple[int, int]] = []
    stated: set[str] = set()

    def add(role: str, value: float, span: tuple[int, int]) -> None:
        role = role.strip(" -–—,")
        if not role or any(s < span[1] and span[0] < e for s, e in claimed) or value <= 0 or value > 60:
            return
        claimed.append(span)
        # Two stints in one role add up; the same line pasted twice does not.
        line = " ".join(text[span[0] : span[1]].split()).lower()
        if line in stated:
            return
        stated.add(line)
        years[role] = years.get(role, 0.0) + value

    for m in _YEARS_AS.finditer(text):
        add(m.group("role"), float(m.group("n")), m.span())
    for m in _ROLE_YEARS.finditer(text):
        add(m.group("role"), float(m.group("n")), m.span())
    for m in _RANGE.finditer(text):
        end = m.group("y2")
        last = int(end) if end.isdigit() else as_of_year
        add(m.group("role"), float(last - int(m.group("y1"))), m.span())
    return years


# -- entry point ---------------------------------------------------------------------------


def extract(text: str, kb: KnowledgeBase | None = None, as_of_year: int | None = None) -> ExtractedProfile:
    """The knowledge-base items a skills list or résumé evidences, each with its words."""
    kb = kb or KnowledgeBase.default()
    if not text or not text.strip():
        return ExtractedProfile()
    lex = lexicon_for(kb)
    entries = _entries(text)
    as_list = _is_list(entries)

    technologies = _technologies(text, lex, entries, as_list)
    # Any employer's name hides the products it seems to name ("Bright Spark Electric"); only a
    # name with a company designator ("Harbor Logistics Inc.") also hides skills and knowledge:
    # "Logistics" in a trade name ("Harborline Logistics") is left to the labelled sets' verdict,
    # which counts it as evidence of the trade more often than not.
    employers = _organisations(text, technologies)
    companies = _organisations(text, technologies, trades=False)
    found = [t for t in technologies if not any(lo <= t[1] and t[2] <= hi for lo, hi in employers)]
    found += _elements(text, lex, entries, technologies, companies)
    if not as_list:
        # "2018–present" is a date, not the verb of "Present information to the public".
        undated = DATE_RANGE.sub(lambda m: " " * len(m.group()), text)
        found += _work_language(undated, lex, kb) + _made_with(text, lex, technologies, kb)
    items: dict[tuple[str, str], Evidence] = {}
    covered: list[tuple[int, int]] = []
    products = product_names(kb)
    animal_care = ANIMAL_CARE.search(text) is not None
    not_shown = _not_shown(text)
    for evidence, start, end in sorted(found, key=lambda f: f[1]):
        if any(lo <= start < hi for lo, hi in not_shown):
            continue
        if any(lo <= start and end <= hi for lo, hi in companies):
            continue
        if animal_care and evidence.key == MEDICINE:
            evidence = Evidence("knowledge", BIOLOGY, kb.element(BIOLOGY).name, evidence.phrase)
        if evidence.kind == "technology" and evidence.key in products:
            # "Lotus Notes" is read as the name most occupations list it under, "IBM Notes".
            product = products[evidence.key]
            evidence = Evidence("technology", product, product, evidence.phrase)
        items.setdefault((evidence.kind, evidence.key), evidence)
        if (evidence.kind, evidence.key) in lex.twins:
            kind, key = lex.twins[(evidence.kind, evidence.key)]
            items.setdefault((kind, key), Evidence(cast(Kind, kind), key, kb.element(key).name, evidence.phrase))
        covered.append((start, end))
    unrecognised = []
    if as_list:
        unrecognised = [e.text for e in entries if not any(s < e.end and e.start < t for s, t in covered)]
    return ExtractedProfile(
        items=list(items.values()),
        unrecognised=unrecognised,
        years=_years(text, as_of_year or datetime.date.today().year),
    )
