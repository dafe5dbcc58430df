"""One product, several names.

O*NET's Technology Skills lists some products under different names for different
occupations: "IBM Notes" for 104 occupations and "IBM Lotus Notes" for 28, "Avid Technology
Media Composer" and "Avid Media Composer". Compared by name, a film editor who uses Media
Composer would be told to learn Media Composer. ``product_names`` maps every name to the
name most occupations use, so comparisons can be made by product.

Two names are one product when they end in the same words (the product) and what comes
before is the same vendor written shorter or longer: "IBM" / "IBM Lotus", "Avid" /
"Avid Technology", "Microsoft" / "Microsoft Office", or no vendor at all before a brand
word ("JobBOSS" / "Exact Software JobBOSS"). Different vendors selling the same
product name ("Microsoft SQL Server" / "Microsoft Windows Server", "Oracle Data Integrator"
/ "SAP BusinessObjects Data Integrator") are never joined, nor are category names
("Digital databases" / "Digital image databases").

Deriving the map reads every task statement (a quarter of a second), so the package ships
it for the shipped knowledge base (``products.json``, keyed by its content hash and this
module's fingerprint; ``write_shipped_products()`` regenerates it, ``kb build`` too, and a
test checks it is what the builder makes). Any other knowledge base derives its own.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from .api import KnowledgeBase

_LOWER_WORD = re.compile(r"(?<![A-Za-z0-9])[a-z][a-z0-9]*")


def without_software(name: str) -> str:
    return re.sub(r"\s+software$", "", name)


# Words that make a company's name longer without naming another product.
COMPANY_WORDS = frozenset(
    "Technology Technologies Systems Software Corporation Corp Incorporated Inc Group "
    "Electronics Limited Ltd Company Computer Solutions".split()
)
VENDOR_MIN_PRODUCTS = 3  # a leading phrase that opens this many names is a vendor or product line


def _inserted(short: list[str], long: list[str]) -> list[str] | None:
    """The words of ``long`` left over when ``short`` is read in it in order, or None."""
    rest, i = [], 0
    for word in long:
        if i < len(short) and word == short[i]:
            i += 1
        else:
            rest.append(word)
    return rest if i == len(short) else None


def _same_product(
    a: list[str], b: list[str], generic: tuple[bool, bool], opens: Counter[str], prose: frozenset[str]
) -> bool:
    """a, b: the words of two names without a trailing "software"; generic: whether each was
    a bare "<Word> software"; opens: how many names each leading phrase opens."""
    common = 0
    while common < min(len(a), len(b)) and a[-1 - common] == b[-1 - common]:
        common += 1
    if common == 0:
        return False
    product = a[len(a) - common :]
    (short, short_generic), (long, _) = sorted(
        ((a[: len(a) - common], generic[0]), (b[: len(b) - common], generic[1])), key=lambda side: len(side[0])
    )
    inserted = _inserted(short, long)
    if inserted is None or any(not w[:1].isupper() and not w[:1].isdigit() for w in long):
        return False  # "Quest SQL Optimizer for Oracle" is not Oracle
    # What the longer name adds is the company's longer name ("Avid Technology") or a
    # product line many names open with ("Microsoft Office", "IBM Lotus"), not another
    # product's name ("Google Looker", "Kali").
    if inserted and not (all(w in COMPANY_WORDS for w in inserted) or opens[" ".join(long)] >= VENDOR_MIN_PRODUCTS):
        return False
    if not short and long:
        # Alone, only a brand stands for the product ("JobBOSS", "Bing"): not a category
        # ("Encoder software"), an acronym ("ERP") or a word of O*NET's prose ("Server").
        return not short_generic and any(
            re.search(r"[a-z]", w) and w.lower() not in prose for w in product if re.fullmatch(r"[A-Za-z][\w\-]{2,}", w)
        )
    return True


def _is_category(words: list[str], prose: frozenset[str]) -> bool:
    """'Digital image databases', 'Web design': a class of software, not a product."""
    return all(w.islower() for w in words[1:]) and words[0].lower() in prose


SHIPPED_PRODUCTS = "products.json"


def builder_fingerprint() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def shipped_products_path() -> Path:
    return Path(str(resources.files("careerpath.kb").joinpath(SHIPPED_PRODUCTS)))


def write_shipped_products(kb: KnowledgeBase | None = None, path: Path | None = None) -> Path:
    """Derive the map from the knowledge base (default: the shipped one) into the package."""
    kb = kb or KnowledgeBase.default()
    path = path or shipped_products_path()
    document = {"meta": [kb.content_hash, builder_fingerprint()], "products": derive_product_names(kb)}
    path.write_text(json.dumps(document, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@lru_cache(maxsize=4)
def product_names(kb: KnowledgeBase) -> dict[str, str]:
    """Every technology name that has another name -> the one most occupations list
    (ties: the shorter, then alphabetical). Names with a single spelling are absent."""
    try:
        shipped = json.loads(shipped_products_path().read_text(encoding="utf-8"))
        if shipped["meta"] == [kb.content_hash, builder_fingerprint()]:
            products: dict[str, str] = shipped["products"]
            return products
    except (OSError, ValueError, KeyError):
        pass  # missing or unreadable: derive it
    return derive_product_names(kb)


def derive_product_names(kb: KnowledgeBase) -> dict[str, str]:
    listed: Counter[str] = Counter()
    for code in kb.codes:
        listed.update(t.name for t in kb.technologies(code))
    prose = frozenset(_LOWER_WORD.findall("\n".join(t.text for code in kb.codes for t in kb.tasks(code))))
    words = {name: without_software(name).split() for name in listed}
    generic = {name: len(words[name]) == 1 and name.endswith(" software") for name in listed}
    opens: Counter[str] = Counter()
    for w in words.values():
        opens.update(" ".join(w[:k]) for k in range(1, len(w)))
    by_last_word: dict[str, list[str]] = {}
    for name, w in words.items():
        if w and not _is_category(w, prose):
            by_last_word.setdefault(w[-1], []).append(name)
    parent = {name: name for name in listed}

    def root(name: str) -> str:
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for names in by_last_word.values():
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if _same_product(words[a], words[b], (generic[a], generic[b]), opens, prose):
                    parent[root(a)] = root(b)
    groups: dict[str, list[str]] = {}
    for name in listed:
        groups.setdefault(root(name), []).append(name)
    canonical: dict[str, str] = {}
    for members in groups.values():
        if len(members) > 1:
            best = min(members, key=lambda n: (-listed[n], len(n), n))
            canonical.update((member, best) for member in members)
    return canonical


def product_of(kb: KnowledgeBase, name: str) -> str:
    """The name most occupations use for the product ``name`` names."""
    return product_names(kb).get(name, name)
