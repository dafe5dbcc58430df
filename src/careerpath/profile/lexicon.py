"""What the extractor matches against, built once per knowledge base.

Three vocabularies, all traceable to data:
- technology aliases: every O*NET technology name, plus forms derived from it (vendor
  dropped, "software" dropped, an expanded acronym's letters) and the curated nicknames
  in technologies.yaml;
- element patterns: skill and knowledge names plus the curated phrases in elements.yaml;
- work language: O*NET's detailed work activity (DWA) titles, each linked to the skills
  O*NET ties to its work activity (Skills to Work Activities), kept only where the skill
  is clearly more important than usual in the occupations that perform the DWA.

An alias that is an ordinary English word ("Word", "Access", "Go", "R") is dangerous in
prose. "Ordinary" is measured, not listed: a word is common when it appears in lower case
in O*NET's own task statements. Such aliases need their exact capitalisation and, for the
shortest ones, a list context.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
import tempfile
import warnings
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from careerpath import yamlcache
from careerpath.cachedir import cache_dir
from careerpath.kb import KnowledgeBase
from careerpath.kb.products import without_software

TOKEN = re.compile(r"(?<![A-Za-z0-9])\.?[A-Za-z0-9]+(?:[.\-'][A-Za-z0-9]+)*(?:\+\+|#)?")

# Vendors whose name people drop ("Excel", not "Microsoft Excel").
VENDORS = (
    "The MathWorks",
    "Dassault Systemes",
    "Red Hat",
    "Microsoft",
    "Adobe",
    "Oracle",
    "Google",
    "Autodesk",
    "Atlassian",
    "Apache",
    "IBM",
    "Intuit",
    "Apple",
    "Amazon",
    "Trimble",
    "StataCorp",
    "ESRI",
    "Epic",
    "Salesforce.com",
    "Cisco Systems",
    "Cisco",
    "SAP",
    "Bentley",
    "Corel",
    "Citrix",
    "VMware",
    "Sage",
    "MathWorks",
    "Tenable",
    "Instructure",
    "Meta",
    "Thomson Reuters",
)
# Names that are mostly an employer or a web site in a résumé, not a tool someone used.
NEVER_ALONE = {"google", "amazon", "apple", "meta", "microsoft", "ibm", "oracle", "sap", "cisco", "intuit"}
OBSCURE_MAX_OCCUPATIONS = 3  # a product this few occupations list is obscure
CONTEXT_STEM = 7  # the text's words and a field's words compare by this prefix:
# 'dispatch' ~ 'dispatcher', but 'engine' is not 'engineering'
COMMON_MIN_COUNT = 3  # lower-case occurrences in task statements that make a word common
ROLE_MIN_TITLES = 5  # job titles ending in a word that make it a role noun
DWA_STOPWORDS = {
    "or",
    "and",
    "to",
    "of",
    "the",
    "a",
    "an",
    "for",
    "with",
    "in",
    "on",
    "by",
    "from",
    "at",
    "as",
    "others",
    "other",
    "related",
    "activities",
    "activity",
    "information",
    "using",
    "use",
    "their",
    "into",
    "about",
    "such",
    "through",
    "work",
    "new",
    "various",
    "specific",
    "appropriate",
    "needs",
}
DWA_SKILL_MIN_Z = 1.0  # skill importance this many SDs above average among DWA performers
# Basic skills every occupation rates: a sentence about research or records says little
# about them beyond what any job needs, so work language never evidences them on its own.
DWA_GENERIC_SKILLS = {"2.A.1.a", "2.A.1.b", "2.A.2.a", "2.A.2.b", "2.A.2.d"}
STEM_LENGTH = 5
# UNSPSC commodities of O*NET technologies that are written in, not merely used: a sentence
# that builds or writes something with one of them shows programming.
CODE_COMMODITIES = {
    "43232402",  # Development environment software (Go, Kafka, PowerShell)
    "43232405",  # Object or component oriented development software (Python, Java, R)
    "43232408",  # Web platform development software (JavaScript, React, Django)
    "43232409",  # Compiler and decompiler software
}


def stem(word: str) -> str:
    """Five-letter prefix: 'negotiated', 'negotiating', 'negotiation' agree. Crude, predictable."""
    return word.lower()[:STEM_LENGTH]


def tokens(text: str) -> list[re.Match]:
    return list(TOKEN.finditer(text))


@dataclass(frozen=True)
class Alias:
    name: str  # exact O*NET technology name
    exact: str | None  # the casing required, when the alias is also an ordinary word
    list_only: bool  # only as a whole entry of a list
    popularity: int  # occupations listing the technology: breaks ties between names
    mid_sentence: bool = False  # a capital that opens a sentence or line is grammar, not a brand
    capital_in_prose: bool = False  # "Zoom" the product; "zoom lens" in a sentence is a word
    needs_context: bool = False  # an obscure product's acronym: read only when the text backs it
    needs_domain: bool = False  # an obscure product's brand word: read only in its occupations' field


@dataclass(frozen=True)
class ElementPattern:
    kind: str  # skill | knowledge
    key: str
    name: str
    regex: re.Pattern
    list_only: bool
    joined: bool = False  # runs on the text with wrapped lines joined (see SPACE_IN_JOINED_TEXT)


@dataclass(frozen=True)
class WorkPhrase:
    dwa_id: str
    title: str
    verb: str  # stem of the DWA's first word
    stems: frozenset[str]  # content stems, verb included
    skills: tuple[str, ...]  # element ids


@dataclass(frozen=True)
class Lexicon:
    aliases: dict[tuple[str, ...], tuple[Alias, ...]]
    max_alias_tokens: int
    elements: tuple[ElementPattern, ...]
    twins: dict[tuple[str, str], tuple[str, str]]  # (kind, id) -> the element labelled with it
    work: tuple[WorkPhrase, ...]
    common: frozenset[str]
    technology_names: frozenset[str]
    code_technologies: frozenset[str]
    drawing_technologies: frozenset[str]
    map_technologies: frozenset[str]
    domains: dict[str, tuple[int, ...]]  # obscure product -> rows of the occupations listing it
    occupation_words: tuple[frozenset[str], ...]  # per occupation row: its distinctive words
    machine_nouns: frozenset[str]  # head words of operated machines and vehicles
    role_nouns: frozenset[str]  # head words of job titles ("manager", "foreman")

    def in_field(self, name: str, context: set[str]) -> bool:
        """Whether the text shares a distinctive word with an occupation that lists the product."""
        return any(self.occupation_words[row] & context for row in self.domains.get(name, ()))


def _data(name: str):
    # Through the JSON cache: elements.yaml is read by every fresh process that reads skills.
    return yamlcache.load_text(resources.files("careerpath.profile").joinpath(name).read_text(), name)


# A token written in lower case: the vocabulary of O*NET's own prose.
LOWER_TOKEN = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*(?:[.\-'][a-z0-9]+)*(?![A-Za-z0-9])")


def _common_words(kb: KnowledgeBase) -> frozenset[str]:
    """Ordinary words: lower case in task statements or DWA titles, or in occupation titles
    ("Designers" makes "designer" ordinary, so "Oracle Designer" is not read into one)."""
    counts = Counter(LOWER_TOKEN.findall("\n".join(t.text for code in kb.codes for t in kb.tasks(code))))
    counts.update(w for t in kb.dwa_titles().values() for w in t.lower().split())
    common = {w for w, n in counts.items() if n >= COMMON_MIN_COUNT}
    for occupation in kb.occupations():
        for word in _key(occupation.title):
            common.update({word, word[:-1] if word.endswith("s") else word})
    return frozenset(common)


def _rare_words(kb: KnowledgeBase, technology_names: set[str]) -> frozenset[str]:
    """Words O*NET's prose never writes in lower case: brands, not vocabulary. A brand word
    must be one, so 'Little' in 'Little Piano' or 'Western' in a company name is not read."""
    prose = [t.text for code in kb.codes for t in kb.tasks(code)]
    prose += list(kb.dwa_titles().values()) + [o.description for o in kb.occupations()]
    prose += [e.description for domain in ("skills", "knowledge") for e in kb.elements(domain)]
    seen = set(LOWER_TOKEN.findall("\n".join(prose)))
    seen.update(TOKEN.findall("\n".join(t.title for t in kb.titles()).lower()))
    return frozenset(w for w in TOKEN.findall("\n".join(technology_names).lower()) if w not in seen)


def _key(text: str) -> tuple[str, ...]:
    return tuple(m.group().lower() for m in TOKEN.finditer(text))


def _is_acronym_of(acronym: str, words: list[str]) -> bool:
    """'SQL' for 'Structured query language': letters start words of the expansion in order."""
    letters = acronym.lower()
    initials = "".join(w[0].lower() for w in words if w)
    return (
        len(letters) >= 2
        and letters[0] == initials[:1]
        and _subsequence(letters, "".join(words).lower())
        and sum(1 for c in letters if c in initials) >= max(2, len(letters) - 1)
    )


def _spells_last_words(acronym: str, words: list[str]) -> bool:
    """'PMS' closing 'MICROS Systems OPERA Property Management System': the product's own
    acronym spells the words just before it."""
    n = len(acronym)
    return len(words) > n and "".join(w[0] for w in words[-n:]).upper() == acronym.upper()


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(c in it for c in small)


def _brand_words(names: set[str]) -> list[tuple[str, str, str]]:
    """'Grafana' for 'Grafana Labs Grafana Cloud', 'Pyxis' for 'Pyxis MedStation software':
    people call a product by its brand word. Only a word that opens one product; a word
    opening several ('Cerner', 'CaseWare') is a vendor, and alone names none of them. Names
    that end alike ('PowerSchool SIS', 'PowerSchool Group PowerSchool SIS') are one product."""
    opening: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2 and re.fullmatch(r"[a-z]?[A-Z](?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{4,}", words[0]):
            opening.setdefault(words[0], []).append(name)
    return [
        (word, min(found, key=len), "brand")
        for word, found in opening.items()
        if len({name.split()[-1] for name in found}) == 1 and word not in VENDORS and word.lower() not in NEVER_ALONE
    ]


VENDOR_MIN_PRODUCTS = 3  # a leading phrase that opens this many O*NET names is a vendor


def _vendorless(names: set[str]) -> list[tuple[str, str, str]]:
    """'Sibelius' for 'Avid Technology Sibelius', 'Dentrix' for 'Henry Schein Dentrix': the
    vendors are found in the data (a leading phrase opening several names) and dropped, and
    a product's last word stands for it when no other name ends in it."""
    prefixes: Counter[str] = Counter()
    for name in names:
        words = name.split()
        for k in range(1, min(3, len(words) - 1) + 1):
            prefixes[" ".join(words[:k])] += 1
    found = []
    for name in names:
        words = without_software(name).split()
        for k in range(min(3, len(words) - 1), 0, -1):
            if prefixes[" ".join(words[:k])] >= VENDOR_MIN_PRODUCTS and re.search(r"[A-Za-z]{3}", " ".join(words[k:])):
                found.append((" ".join(words[k:]), name, "brand"))
                break
    endings: dict[str, list[str]] = {}
    for name in names:
        words = name.split()
        if (
            len(words) >= 2
            and (
                re.fullmatch(r"(?=\S*[a-z])[A-Za-z][A-Za-z0-9\-]*[A-Z][A-Za-z0-9\-]*|[A-Z][a-z]{4,}", words[-1])
                # "AutoZone ALLDATA", "Hexagon Metrology PC-DMIS": a product name in capitals
                # after a company's, not the acronym closing a description.
                or (re.fullmatch(r"[A-Z][A-Z0-9\-]{4,}", words[-1]) and all(w[:1].isupper() for w in words[:-1]))
            )
        ):
            endings.setdefault(words[-1], []).append(name)
    found += [(word, names_[0], "brand") for word, names_ in endings.items() if len(names_) == 1]
    return found


def names_a_class(name: str) -> bool:
    """A description of a kind of tool ("Human machine interface HMI software"), not a product:
    apart from its acronym, only its first word has a capital."""
    # "Structured query language SQL", "Hypertext markup language HTML": a language is one thing.
    if re.search(r"\b(?:language|markup|style sheets?|notation|protocol)\b", name, re.IGNORECASE):
        return False
    words = [w for w in without_software(name).split() if not re.fullmatch(r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*", w)]
    return len(words) >= 2 and all(w.islower() for w in words[1:])


def _technology_aliases(kb: KnowledgeBase, common: frozenset[str]):
    popularity: Counter[str] = Counter()
    for code in kb.codes:
        popularity.update(t.name for t in kb.technologies(code))
    names = set(popularity)
    rare_words = _rare_words(kb, names)
    candidates: list[tuple[str, str, str]] = []  # (alias text, name, origin)
    for name in names:
        candidates.append((name, name, "name"))
        base = without_software(name)
        # "HubSpot software" -> "HubSpot", but "Help desk software" stays whole: dropping
        # "software" from a plain English phrase leaves a practice, not a product.
        # "Yardi software" -> "Yardi" too: one capitalised word O*NET's prose never uses.
        if base != name and (
            re.search(r"[A-Z0-9]", base[1:]) or (re.fullmatch(r"[A-Z][a-z]{3,}", base) and base.lower() in rare_words)
        ):
            candidates.append((base, name, "derived"))
        for vendor in VENDORS:
            if base.startswith(vendor + " "):
                candidates.append((base[len(vendor) + 1 :], name, "derived"))
        # "National Crime Information Center (NCIC) database": the acronym in brackets.
        candidates += [(acronym, name, "acronym") for acronym in re.findall(r"\(([A-Z][A-Z0-9]{1,7})\)", name)]
        words = base.split()
        if (
            len(words) >= 3
            and re.fullmatch(r"[A-Z][A-Z0-9\-]+", words[-1])
            and (_is_acronym_of(words[-1], words[:-1]) or _spells_last_words(words[-1], words[:-1]))
        ):
            candidates.append((words[-1], name, "acronym"))
            candidates.append((" ".join(words[:-1]), name, "derived"))
    candidates += _brand_words(names) + _vendorless(names)
    # "Computer aided dispatch software" is another reading of the CAD that "Computer aided
    # design CAD software" spells out; the text's other words choose between them.
    acronyms = {text for text, _, origin in candidates if origin == "acronym"}
    for name in names:
        words = without_software(name).split()
        initials = "".join(w[0] for w in words).upper()
        if len(words) >= 2 and initials in acronyms and words[0][0].isalpha() and all(w.islower() for w in words[1:]):
            candidates.append((initials, name, "acronym"))
    for alias, name in _data("technologies.yaml").items():
        if name in names:
            candidates.append((str(alias), name, "curated"))
    # "PLCs", "APIs": an acronym takes a plural like any noun.
    candidates += [
        (text + "s", name, origin)
        for text, name, origin in list(candidates)
        if re.fullmatch(r"[A-Z][A-Z0-9]{2,5}", text) and origin in ("acronym", "curated")
    ]

    aliases: dict[tuple[str, ...], dict[str, Alias]] = {}
    for text, name, origin in candidates:
        key = _key(text)
        if not key or (len(key) == 1 and key[0] in NEVER_ALONE and origin != "curated") or key == ("google",):
            continue
        ordinary = all(w in common for w in key) or (len(key) == 1 and len(key[0]) <= 2)
        if ordinary and origin == "derived" and len(key) > 1:
            continue  # "calendar management": a category, not a product
        # An acronym a name expands ("APPS") is read only in capitals; so is an alias that
        # is also an ordinary word ("Word", "Chef"), and the shortest ones only in a list.
        # A vendor-less product word ("Calendar", "Drive", "Designer") keeps its capital.
        plain_word = origin == "derived" and len(key) == 1 and re.fullmatch(r"[A-Z][a-z]+", text) is not None
        # "REDCap", "CATalyst": capitals inside a word make it a brand even where the word
        # itself is ordinary; it is then read only as written.
        odd_casing = origin == "brand" and len(key) == 1 and re.search(r"[a-z][A-Z]|[A-Z]{2}[a-z]", text) is not None
        if origin == "brand" and (ordinary or any(w not in rare_words for w in key)) and not odd_casing:
            continue  # "Advanced", "Little", "Western": words, not brands
        # A brand keeps its capital but not its inner casing: "Eaglesoft" is EagleSoft.
        # Capitals stay capitals ('HER' is not 'her'), except in a curated nickname.
        # A long brand in capitals ('MUNIS') is also written 'Munis'; the brand check still
        # wants a capital first letter.
        # A name in capitals made of words, not letters ('ASPEN PLUS'), is also written 'Aspen Plus'.
        shouted = (
            text.isupper()
            and origin != "curated"
            and not (origin == "brand" and len(text) >= 5)
            and not (origin == "name" and len(key) > 1 and all(len(w) >= 4 for w in key))
        )
        # A plural takes a small s: "PBIs" are Power BI reports, "PBIS" is another acronym.
        plural = re.fullmatch(r"[A-Z][A-Z0-9]{2,5}s", text) is not None
        exact = (
            text
            if (
                ordinary
                or origin == "acronym"
                or plain_word
                or shouted
                or plural
                or (odd_casing and any(w not in rare_words for w in key))
            )
            else None
        )
        alias = Alias(
            name=name,
            exact=exact,
            list_only=ordinary and len(key) == 1 and (len(key[0]) <= 2 or origin != "curated"),
            popularity=popularity[name],
            # "Loom Fixer", "Word of mouth": an ordinary word opening a line is no product.
            mid_sentence=origin == "brand" or (ordinary and len(key) == 1 and origin != "curated"),
            capital_in_prose=len(key) == 1 and re.fullmatch(r"[A-Z][a-z]+", text) is not None,
            needs_context=origin == "acronym" and popularity[name] <= OBSCURE_MAX_OCCUPATIONS,
            needs_domain=origin == "brand" and popularity[name] <= OBSCURE_MAX_OCCUPATIONS,
        )
        slot = aliases.setdefault(key, {})
        # The same words may name several products: a curated reading first, then the
        # most widely used product.
        if name not in slot or origin in ("curated", "name"):
            # A name written out in full means that product, before any nickname's reading.
            slot[name] = (
                Alias(
                    name,
                    exact,
                    alias.list_only,
                    {"curated": 10**6, "name": 10**7}[origin],
                    capital_in_prose=alias.capital_in_prose,
                )
                if origin in ("curated", "name")
                else alias
            )
        elif origin != "brand":
            slot[name] = alias  # the brand word is also a real alias: no restriction
    # A brand word is a fallback: where the same words are already a product's own alias
    # ("PowerShell" for Microsoft PowerShell), the brand reading is dropped.
    for key, slot in aliases.items():
        if any(not a.mid_sentence for a in slot.values()):
            aliases[key] = {n: a for n, a in slot.items() if not a.mid_sentence}
    result = {k: tuple(sorted(v.values(), key=lambda a: (-a.popularity, a.name))) for k, v in aliases.items()}
    return result, frozenset(names)


# Spaces, or one line break when the next line goes on (no bullet): "replaced\n water heaters".
SPACE_OR_WRAP = r"(?:[ \t]+|[ \t]*\n[ \t]*(?![-•*–·]))"
# The same on text whose wrapped lines were joined first (extract.join_wrapped_lines). Compiling
# SPACE_OR_WRAP at every space of 600 patterns costs a fresh process 0.35 s more than this.
SPACE_IN_JOINED_TEXT = r"(?:[ \t]+)"  # a group: "speech ?writer" makes the whole space optional
# A pattern that reads line structure itself ("\n", "^", "$", a class such as [^.\n]) must see
# the lines as written, so it keeps SPACE_OR_WRAP and runs on the raw text.
_READS_LINES = re.compile(r"\\n|\[\^|(?<!\\)[$^]")


def _spaces_match_line_breaks(pattern: str, space: str = SPACE_OR_WRAP) -> str:
    """A space in a pattern matches a wrapped line too, so a phrase broken onto the next line
    of a pasted résumé still matches, but never runs on into the next bullet; spaces inside
    [...] stay literal."""
    out, in_class, escaped = [], False, False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            in_class = True
        elif char == "]":
            in_class = False
        elif char == " " and not in_class:
            out.append(space)
            continue
        out.append(char)
    return "".join(out)


OPERATION_AND_CONTROL = "2.B.3.h"
OPERATING = (
    r"(?:operat(?:e|ed|es|ing)|ran|run|runs|running|drove|drive|drives|driving|flew|fly|flies|flying|"
    r"piloted|steered|at the controls of) (?:\S+ ){0,4}"
)


def _machine_patterns(machine_nouns: frozenset[str]) -> dict[str, list[str]]:
    """Running or driving any machine O*NET lists as a tool, or "<machine> operator", shows
    operation and control."""
    if not machine_nouns:
        return {}
    singulars = {re.escape(n[:-1] if n.endswith("s") else n) for n in machine_nouns}
    machine = rf"(?:{'|'.join(sorted(singulars, key=len, reverse=True))})(?:e?s)?"
    # "ran pump tests" ran tests, not the pump.
    return {
        OPERATION_AND_CONTROL: [
            rf"{OPERATING}{machine}(?! (?:tests?|checks?|inspections?|studies|data))",
            # The lookahead spares trying every machine at every position.
            rf"(?=[a-z]+ operators?\b){machine} operators?",
        ]
    }


def _element_patterns(kb: KnowledgeBase, data: dict, machine_nouns: frozenset[str]) -> tuple[ElementPattern, ...]:
    list_only = set(data["name_only_in_lists"])
    machine_patterns = _machine_patterns(machine_nouns)
    found = []
    for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")):
        for element in kb.elements(domain):
            name_regex = re.compile(r"(?<![\w-])" + re.escape(element.name) + r"(?![\w-])", re.IGNORECASE)
            found.append(ElementPattern(kind, element.id, element.name, name_regex, element.id in list_only))
            for pattern in [*(data["patterns"].get(element.id) or ()), *machine_patterns.get(element.id, ())]:
                joined = not _READS_LINES.search(pattern)
                space = SPACE_IN_JOINED_TEXT if joined else SPACE_OR_WRAP
                regex = r"(?<![\w-])(?:" + _spaces_match_line_breaks(pattern, space) + r")(?![\w-])"
                compiled = re.compile(regex, re.IGNORECASE)
                found.append(ElementPattern(kind, element.id, element.name, compiled, False, joined))
    return tuple(found)


def _twins(kb: KnowledgeBase, data: dict) -> dict[tuple[str, str], tuple[str, str]]:
    kind_of = {
        e.id: kind for domain, kind in (("skills", "skill"), ("knowledge", "knowledge")) for e in kb.elements(domain)
    }
    twins = {}
    for a, b in data.get("labelled_together") or ():
        twins[(kind_of[a], a)], twins[(kind_of[b], b)] = (kind_of[b], b), (kind_of[a], a)
    return twins


def _work_phrases(kb: KnowledgeBase) -> tuple[WorkPhrase, ...]:
    """DWA titles with the skills they evidence: linked through the DWA's work activity and
    clearly more important than average in the occupations whose tasks carry the DWA."""
    skills = kb.elements("skills")
    importance = kb.ratings("skills", "IM").astype(np.float64)
    mean, std = np.nanmean(importance, axis=0), np.nanstd(importance, axis=0)
    performers: dict[str, list[int]] = {}
    for row, code in enumerate(kb.codes):
        for dwa in {d for ds in kb.task_dwas(code).values() for d in ds}:
            performers.setdefault(dwa, []).append(row)
    linked: dict[str, list[int]] = {}
    column = {e.id: j for j, e in enumerate(skills)}
    for skill_id, activities in kb.skill_activities().items():
        for activity in activities:
            if skill_id in column:
                linked.setdefault(activity, []).append(column[skill_id])
    phrases = []
    for dwa_id, title in kb.dwa_titles().items():
        parent = kb.dwa_activities().get(dwa_id)
        rows = performers.get(dwa_id)
        if not rows or parent is None or parent not in linked:
            continue
        with np.errstate(invalid="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # DWAs only unrated occupations perform
            z = (np.nanmean(importance[rows], axis=0) - mean) / std
        # Only the skill most characteristic of the DWA's performers: a management DWA is
        # linked to a dozen skills, and evidencing all of them would claim too much.
        eligible = [j for j in linked[parent] if z[j] >= DWA_SKILL_MIN_Z and skills[j].id not in DWA_GENERIC_SKILLS]
        chosen = tuple(skills[j].id for j in sorted(eligible, key=lambda j: -z[j])[:1])
        words = [m.group().lower() for m in TOKEN.finditer(title)]
        content = [w for w in words if w not in DWA_STOPWORDS]
        if not chosen or len(content) < 2:
            continue
        phrases.append(WorkPhrase(dwa_id, title, stem(content[0]), frozenset(stem(w) for w in content), chosen))
    return tuple(phrases)


# Drawing and map-making software: a sentence that designs or draws something in one shows
# technical design knowledge, one that maps something in one shows geography.
DRAWING_COMMODITIES = {"43232604"}  # Computer aided design CAD software (AutoCAD, SolidWorks, Revit)
MAP_COMMODITIES = {"43233506"}  # Map creation software (ArcGIS, QGIS)


def _technologies_in(kb: KnowledgeBase, commodities: set[str]) -> frozenset[str]:
    return frozenset(t.name for code in kb.codes for t in kb.technologies(code) if t.commodity_code in commodities)


DOMAIN_MAX_SHARE = 0.05  # a word in more occupations' texts than this says no field


def _domains(kb: KnowledgeBase, names: set[str]) -> tuple[dict[str, tuple[int, ...]], tuple[frozenset[str], ...]]:
    """Where obscure products live: product -> the occupations that list it, and per
    occupation its distinctive words (title, description, tasks). "Schlumberger ECLIPSE"
    lives among reservoirs and wells, not among the radiation oncologists whose planning
    software is also called Eclipse."""
    words_of = []
    for code in kb.codes:
        occupation = kb.occupation(code)
        text = " ".join([occupation.title, occupation.description, *(t.text for t in kb.tasks(code))]).lower()
        words_of.append({sys.intern(w[:CONTEXT_STEM]) for w in re.findall(r"[a-z]{4,}", text)})
    share = Counter(w for words in words_of for w in words)
    limit = DOMAIN_MAX_SHARE * len(kb.codes)
    listers: dict[str, list[int]] = {}
    for i, code in enumerate(kb.codes):
        for t in kb.technologies(code):
            if t.name in names:
                listers.setdefault(t.name, []).append(i)
    return (
        {name: tuple(rows) for name, rows in listers.items()},
        tuple(frozenset(w for w in words if share[w] <= limit) for words in words_of),
    )


# UNSPSC segments of machinery, vehicles, and power and process plant: the things a person
# operates, drives or runs, as opposed to instruments they read, medical supplies, computers
# and office goods.
OPERATED_SEGMENTS = ("20", "21", "22", "23", "24", "25", "26", "40")
# Head words of those tools that name no machine on their own ("ran the systems", "ran sets").
NOT_MACHINES = frozenset(
    """systems units sets kits devices boards tables chairs charts screens stands pad pro
    controls switches lights doors wheels blocks forms works slips collars spools tubes liners rails crosses
    attachments buckets platforms stages rods shackles taglines drivers tanks containers cases boxes trays bins
    racks cups hooks ropes chains pedals markers radios receivers gps files levels tapes squares measures bars
    masks gloves needles scissors cuffs packs holders belts shields braces splints walkers frames filters lenses
    readers printers processors monitors equipment tools machines instruments supplies gear facilities sources
    panels cables reels testers gauges meters analyzers guides tips irons taps dies molds jigs mandrels
    electrodes wrenches hammers pliers knives sockets brushes nets traps buoys hoses valves fittings flanges
    regulators stoppers papers pots funnels cylinders manifolds drums wagons carts trolleys dollies beams falls
    slings clamps chocks cleaners elevators sweepers brooms breakers rollers planes lines tests test plants
    models software computers leads books cards writers editors stations terminals makers system tons heads
    rules grids angles arms balls bands bags caps cans stops targets tags seats rests ramps gates bridges
    centers drives spoons stones sticks weights pipes plates locks ladders dams towers tank riders trainers
    pads paddles wires horns handles grips headers counters benches slides laps dronedeploy dronelogbook efis
    phantoms printer forks levers spades spears chisels rakes shovels scoops carriers changers triers pulleys
    riggings threaders drills""".split()
)


def _machine_nouns(kb: KnowledgeBase) -> frozenset[str]:
    """Head words of O*NET tools that are operated machines or vehicles ("loaders", "bandsaws")."""
    heads: Counter[str] = Counter()
    for code in kb.codes:
        for tool in kb.tools(code):
            if str(tool.commodity_code)[:2] in OPERATED_SEGMENTS:
                heads[tool.name.lower().split()[-1]] += 1
    return frozenset(
        word
        for word, rows in heads.items()
        if rows >= 3 and word.isalpha() and len(word) > 3 and word not in NOT_MACHINES
    )


def head_word(phrase: str) -> str:
    """A phrase's last word, lower case, a final s dropped: how role nouns are kept and looked up."""
    last = phrase.lower().split()[-1]
    return last[:-1] if last.endswith("s") else last


def _role_nouns(kb: KnowledgeBase) -> frozenset[str]:
    """Head words of O*NET's job titles ("manager", "underwriter", "foreman"), kept where
    several titles end in them, so a stray title ("Case Management") adds no role."""
    heads = Counter(head_word(t.title.split(",")[0]) for t in kb.titles() if t.title.split(",")[0].strip())
    return frozenset(word for word, titles in heads.items() if titles >= ROLE_MIN_TITLES)


def _fingerprint(kb: KnowledgeBase) -> str:
    """What the derived vocabularies depend on: the knowledge base and this package's code and data."""
    digest = hashlib.sha256(kb.content_hash.encode())
    for name in ("lexicon.py", "elements.yaml", "technologies.yaml"):
        digest.update(resources.files("careerpath.profile").joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _derived(kb: KnowledgeBase) -> dict:
    common = _common_words(kb)
    aliases, names = _technology_aliases(kb, common)
    domains, occupation_words = _domains(kb, {a.name for slot in aliases.values() for a in slot if a.needs_domain})
    return {
        "aliases": aliases,
        "max_alias_tokens": max(len(k) for k in aliases),
        "work": _work_phrases(kb),
        "common": common,
        "technology_names": names,
        "code_technologies": _technologies_in(kb, CODE_COMMODITIES),
        "drawing_technologies": _technologies_in(kb, DRAWING_COMMODITIES),
        "map_technologies": _technologies_in(kb, MAP_COMMODITIES),
        "domains": domains,
        "occupation_words": occupation_words,
        "machine_nouns": _machine_nouns(kb),
        "role_nouns": _role_nouns(kb),
    }


def _cached_derived(kb: KnowledgeBase) -> dict:
    """The vocabularies take 0.7 s to derive and a few ms to load, so the first run keeps
    them in the user's cache; a cache that cannot be read or written is simply rebuilt."""
    path = cache_dir() / f"lexicon-{_fingerprint(kb)}.pickle"
    try:
        with path.open("rb") as handle:
            return pickle.load(handle)
    except Exception:  # missing, truncated or from another Python: derive afresh
        pass
    derived = _derived(kb)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".writing")
    except OSError:
        return derived  # a read-only home: run without the cache
    try:
        with os.fdopen(fd, "wb") as handle:
            pickle.dump(derived, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)  # atomic: a concurrent run never reads half a file
    except OSError:
        pass  # a full disk costs the next run 0.7 s, nothing more
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return derived


@lru_cache(maxsize=4)
def lexicon_for(kb: KnowledgeBase) -> Lexicon:
    # Element patterns are compiled here, never pickled: a pickled pattern recompiles anyway.
    derived = _cached_derived(kb)
    data = _data("elements.yaml")
    return Lexicon(elements=_element_patterns(kb, data, derived["machine_nouns"]), twins=_twins(kb, data), **derived)
