"""Turn a job title as people type it into comparable tokens.

The same functions normalise the query and every title in the knowledge base, so
whatever they do (stemming, abbreviations, compounds) only has to be consistent, not
linguistically perfect. Two strengths exist:

- ``light``: case, punctuation, plurals, abbreviations, compounds. Keeps every word, so a
  title whose head noun looks like noise ("General Contractor", "School Principal",
  "Wait Staff") still matches itself exactly.
- ``full`` (the default): also drops seniority, level and employment words ("Senior",
  "II", "Intern", "Contract", "Remote") when something else remains.

The resolver tries both and keeps the better match. Normalisation never raises: input
validation lives in the resolver, so this module can be property-tested on any text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Words that say how senior, which level or which contract, never which occupation.
QUALIFIERS = frozenset(
    """
    senior sr snr junior jr jnr mid midlevel level entry experienced lead principal staff
    head chief i ii iii iv v vi 1 2 3 4 5 associate trainee apprentice
    intern internship contract contractor freelance freelancer temporary temp seasonal
    parttime fulltime perdiem remote hybrid onsite wfh coop graduate grad new
    urgent urgently immediate immediately hiring needed wanted job opening position role
    night day weekend shift m f d w x h
    """.split()
)
# "chief", "head", "associate", "apprentice", "trainee" and "graduate" carry meaning in
# some titles ("Chief Executive", "Associate Professor"); that is fine because the light
# form, which keeps them, is always tried too.

# "or" is not a stopword: in titles it is the operating room ("OR Nurse").
STOPWORDS = frozenset("a an and the of for in on to with at by from our your".split())

# Abbreviations people type. Keys and values are in normalised (lowercase, stemmed)
# form, so expanding is a fixed point and normalisation stays idempotent.
ABBREVIATIONS: dict[str, str] = {
    # health
    "rn": "registered nurse",
    "lpn": "licensed practical nurse",
    "lvn": "licensed vocational nurse",
    "cna": "certified nursing assistant",
    "np": "nurse practitioner",
    "crna": "nurse anesthetist",
    "emt": "emergency medical technician",
    "cma": "medical assistant",
    "rdh": "dental hygienist",
    "slp": "speech language pathologist",
    "ot": "occupational therapist",
    "rt": "respiratory therapist",
    "cpht": "pharmacy technician",
    "phlebotomist": "phlebotomist",
    # tech
    "dba": "database admin",
    "sre": "site reliability engineer",
    "swe": "software engineer",
    "sde": "software development engineer",
    "sdet": "software test engineer",
    "qa": "quality assurance",
    "qc": "quality control",
    "ux": "user experience",
    "ui": "user interface",
    "it": "information technology",
    "sysadmin": "system admin",
    "dev": "developer",
    "eng": "engineer",
    "engr": "engineer",
    "sw": "software",
    "ops": "operation",
    "bi": "business intelligence",
    # office, business
    "pm": "project manager",
    "cpa": "certified public accountant",
    "hr": "human resource",
    "mgr": "manager",
    "asst": "assistant",
    "coord": "coordinator",
    "rep": "representative",
    "csr": "customer service representative",
    "sdr": "sales development representative",
    "bdr": "business development representative",
    "ba": "business analyst",
    "vp": "vice president",
    "dir": "director",
    "exec": "executive",
    "mktg": "marketing",
    "acct": "accountant",
    "para": "paraprofessional",
    "ta": "teaching assistant",
    "cdl": "commercial driver",
}

# Spellings that mean the same word; both sides map to the left-hand value's target.
SYNONYMS: dict[str, str] = {
    "administrator": "admin",
    "administrative": "admin",
    "administration": "admin",
    "technical": "tech",
    "programer": "programmer",
    "centre": "center",
    "labour": "labor",
    "organisation": "organization",
    "organisational": "organizational",
}

# Words written apart, hyphenated or together; always joined into one token.
COMPOUNDS: dict[tuple[str, ...], str] = {
    ("back", "end"): "backend",
    ("front", "end"): "frontend",
    ("full", "stack"): "fullstack",
    ("e", "commerce"): "ecommerce",
    ("dev", "op"): "devop",
    ("developer", "operation"): "devop",
    ("data", "base"): "database",
    ("health", "care"): "healthcare",
    ("fork", "lift"): "forklift",
    ("book", "keeper"): "bookkeeper",
    ("web", "master"): "webmaster",
    ("part", "time"): "parttime",
    ("full", "time"): "fulltime",
    ("per", "diem"): "perdiem",
    ("co", "op"): "coop",
    ("mid", "level"): "midlevel",
    ("work", "from", "home"): "wfh",
    ("sys", "admin"): "sysadmin",
    ("head", "of"): "director of",
    ("lead", "of"): "director of",
}
_MAX_COMPOUND = max(len(k) for k in COMPOUNDS)
_COMPOUND_FIRST = frozenset(k[0] for k in COMPOUNDS)

_PARENS = re.compile(r"[\(\[\{]([^\)\]\}]*)[\)\]\}]?")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
# "Host/Hostess", "Waiter/Waitress", "UI/UX": the words either side of a slash are
# alternatives, and one of them is enough.
_SLASH_PAIR = re.compile(r"\b([a-z0-9]+)(?:\s*/\s*[a-z0-9]+\b)+")
# Separators that end the role part of a job-board title: "Nurse - ICU", "Chef | Hotel X".
_SEGMENT = re.compile(r"\s[-\u2013\u2014]\s|[|,;:\u2013\u2014]|\s@\s|\sat\s")


@dataclass(frozen=True, slots=True)
class Normalized:
    tokens: tuple[str, ...]
    head: str  # the head noun: what the person *is* ("writer" in "technical writer")

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def stem(token: str) -> str:
    """Strip English plural endings, conservatively ("nurses" -> "nurse", "class" kept)."""
    if len(token) <= 3 or not token.endswith("s"):
        return token
    if token.endswith("ies") and len(token) > 4:
        return token[:-3] + "y"
    if token.endswith("sses"):
        return token[:-2]
    if token.endswith(("xes", "ches", "shes")):
        return token[:-2]
    if token.endswith(("ss", "us", "is")):
        return token
    return token[:-1]


def fold(text: str) -> str:
    """Lowercase ASCII folding: accents off, anything unreadable becomes a space."""
    if text.isascii():  # nearly every title: skip the Unicode work
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return text.lower()


def split_hints(text: str) -> tuple[str, list[str]]:
    """Take bracketed asides out: "Backend Engineer (Python)" -> ("Backend Engineer ", ["Python"])."""
    hints = [h.strip() for h in _PARENS.findall(text) if h.strip()]
    rest = _PARENS.sub(" ", text)
    if not rest.strip() and hints:  # the whole title was in brackets: it is the title
        return " ".join(hints), []
    return rest, hints


_EXCEPT = re.compile(r",?\s*\b(except|including)\b.*$|,\s*all other\b", re.IGNORECASE)


def occupation_title(title: str) -> str:
    """O*NET occupation titles invert and qualify ("Cooks, Restaurant", "Secondary School
    Teachers, Except Special ..."); put them in the order people write them."""
    title = _EXCEPT.sub("", title)
    parts = [p.strip() for p in title.split(",") if p.strip()]
    return " ".join(parts[1:] + parts[:1])


def segments(text: str) -> list[str]:
    """Job-board titles put the role first and qualifiers after a separator."""
    parts = [p for p in _SEGMENT.split(text) if p.strip()]
    return parts or [text]


def _tokens(text: str) -> list[str]:
    text = _SLASH_PAIR.sub(r"\1", fold(text).replace("'", "").replace("&", " and "))
    out: list[str] = []
    for tok in _NON_ALNUM.split(text):
        mapped = _WORD_CACHE.get(tok)
        if mapped is None:
            mapped = _WORD_CACHE[tok] = _map_word(tok)
        out.extend(mapped)
    return out


_WORD_CACHE: dict[str, tuple[str, ...]] = {}


def _map_word(tok: str) -> tuple[str, ...]:
    """One raw word -> its normalised token(s): stemmed, synonyms merged, abbreviations expanded."""
    # Years, salaries and requisition ids go; short numbers can name the job ("911
    # Dispatcher", "411 Operator"), and the resolver ignores those the index lacks.
    if not tok or tok.isdigit() and len(tok) > 3:
        return ()
    tok = stem(tok)
    tok = SYNONYMS.get(tok, tok)
    expansion = ABBREVIATIONS.get(tok)
    return tuple(expansion.split()) if expansion else (tok,)


def words(text: str) -> frozenset[str]:
    """Plain words of running text (descriptions): folded and stemmed, no abbreviations,
    since prose uses "it" and "ot" as words, not as IT and OT."""
    out = set()
    for tok in _NON_ALNUM.split(fold(text)):
        if tok and tok not in STOPWORDS:
            tok = stem(tok)
            out.add(SYNONYMS.get(tok, tok))
    return frozenset(out)


def _compound(tokens: list[str]) -> list[str]:
    if _COMPOUND_FIRST.isdisjoint(tokens):  # the common case: nothing to join
        return tokens
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(_MAX_COMPOUND, 1, -1):
            joined = COMPOUNDS.get(tuple(tokens[i : i + n]))
            if joined:
                out.extend(joined.split())
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def _finish(tokens: list[str]) -> Normalized:
    # The head noun comes before "of"/"for"/"to" ("Director of Nursing", "Assistant to the
    # CEO"), else it is the last word.
    head_tokens = tokens
    for i, tok in enumerate(tokens):
        if tok in ("of", "for", "to") and i > 0:
            head_tokens = tokens[:i]
            break
    # "Tech" as the head noun is a technician ("Surgical Tech"); before it, it is the
    # adjective ("Tech Writer", already "tech" for "technical").
    if tokens and tokens[-1] == "tech":
        tokens = [*tokens[:-1], "technician"]
        if head_tokens and head_tokens[-1] == "tech" and len(head_tokens) == len(tokens):
            head_tokens = tokens
    content = [t for t in tokens if t not in STOPWORDS]
    head_content = [t for t in head_tokens if t not in STOPWORDS]
    if not content:
        return Normalized(tuple(tokens), tokens[-1] if tokens else "")
    return Normalized(tuple(content), head_content[-1] if head_content else content[-1])


@lru_cache(maxsize=131072)
def _prepare(text: str) -> tuple[str, ...]:
    raw = _tokens(text)
    tokens = _compound(raw)
    if tokens is raw:  # nothing was joined, so there is nothing new to expand
        return tuple(tokens)
    # A second pass lets a compound feed an abbreviation and vice versa ("sys admin").
    return tuple(_compound([t for tok in tokens for t in (ABBREVIATIONS.get(tok) or tok).split()]))


@lru_cache(maxsize=131072)
def normalize_light(text: str) -> Normalized:
    """Keep every word; only case, punctuation, plurals, abbreviations and compounds change."""
    return _finish(list(_prepare(text)))


@lru_cache(maxsize=131072)
def normalize(text: str) -> Normalized:
    """Light normalisation, then seniority, level and employment words are dropped."""
    tokens = _prepare(text)
    kept = [t for t in tokens if t not in QUALIFIERS]
    # Dropping can bring words together ("back senior end"); compound again so a second
    # normalisation finds nothing left to do.
    kept = _compound(kept)
    if not [t for t in kept if t not in STOPWORDS]:
        kept = list(tokens)
    return _finish(kept)
