"""Entry routes: how people really get into an occupation.

O*NET rates skills; it does not say that a lawyer needs law school and the bar exam, or an
electrician a registered apprenticeship and a journeyman licence. That knowledge is public
(BLS Occupational Outlook Handbook "How to become one", licensing boards, certifying bodies)
and curated here, one entry per BLS detailed occupation (6-digit SOC), in
``catalog/routes/*.yaml``; the credentials those routes name (exams, licences,
certifications) are defined once each in ``catalog/credentials/*.yaml`` with the authority
that grants them. Every entry carries its sources and a verification record.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from careerpath import codes, yamlcache

__all__ = [
    "Alternative",
    "Credential",
    "DegreeLevel",
    "EntryRoute",
    "HiredFor",
    "RouteCatalog",
    "Step",
    "Verification",
    "DEGREE_RANK",
]

_HERE = Path(__file__).resolve().parent

DegreeLevel = Literal["none", "high_school", "postsecondary", "associate", "bachelor", "master", "doctoral"]
# Ordered as BLS's "typical education needed for entry" categories.
DEGREE_RANK: dict[str, int] = {
    "none": 0,
    "high_school": 1,
    "postsecondary": 2,
    "associate": 3,
    "bachelor": 4,
    "master": 5,
    "doctoral": 6,
}
StepKind = Literal[
    "prerequisite",  # courses, admission tests, background checks needed before a program
    "degree",  # a degree program
    "program",  # a non-degree program: certificate, academy, flight school, police academy
    "exam",  # an exam to pass (NCLEX, bar, SIE, PANCE)
    "licence",  # the state or federal licence itself, once exams and hours are done
    "certification",  # a certification employers expect (not a legal requirement)
    "supervised",  # supervised practice: clinical hours, residency, student teaching, internship
    "apprenticeship",  # a registered apprenticeship or an employer's paid training
    "experience",  # years of work in a related job first (often a bridge job)
    "job_search",  # applying to the employers that hire into the role (airlines, firms)
]
Pace = Literal["full_time", "part_time"]
Status = Literal["verified", "corrected", "well-known", "unverified"]

ONET_OR_SOC = rf"^{codes.SOC_OR_ONET}$"
URL = r"^https://[^\s/]+\.[^\s/]+(/\S*)?$"


def midpoint(months: tuple[int, int]) -> float:
    """The typical length of a step or alternative given as a range of months, for the
    timeline; the range itself is shown to the reader."""
    return (months[0] + months[1]) / 2


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)


class Verification(_Frozen):
    """How an entry was checked. `verified`: a search look-up confirmed it (evidence says
    where); `corrected`: a look-up showed the real name or address and the entry was fixed;
    `well-known`: a long-established authority's own page, not looked up. Tests reject
    `unverified`: when unsure, leave it out."""

    status: Status
    evidence: str = Field(min_length=10)


class Credential(_Frozen):
    """An exam, licence or certification, defined once and named by routes."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str  # as the authority names it: "NCLEX-RN"
    kind: Literal["exam", "licence", "certification"]
    authority: str  # who grants or sets it
    url: str = Field(pattern=URL)  # the authority's own address
    summary: str  # one plain sentence: what it is, who needs it
    cost: str | None = None  # only where public, e.g. "$200 exam fee"
    prep_hours: int | None = Field(default=None, gt=0)  # typical study time for a career changer
    source: str = Field(pattern=URL)
    verification: Verification


class Step(_Frozen):
    """One thing to do on the way in, in order."""

    kind: StepKind
    name: str  # plain words: "Pass the NCLEX-RN"
    detail: str | None = None  # one or two sentences a person can act on
    credential: str | None = None  # a Credential id
    # A full-time step (a degree, an apprenticeship, years of experience) runs on its own
    # calendar: `months` is its typical length and study hours per week do not change it.
    # A part-time step (exam prep, a short course) is `hours` of study, scaled by the
    # person's hours per week.
    pace: Pace
    months: tuple[int, int] | None = None  # typical range, full-time steps
    hours: int | None = Field(default=None, gt=0)  # study hours, part-time steps
    cost: str | None = None  # only where public
    degree_level: DegreeLevel | None = None  # degree steps: the level
    any_field: bool = False  # degree steps: any field will do (then an
    # equal or higher degree already satisfies it)
    satisfied_by: tuple[str, ...] = ()  # SOC codes (or prefixes) whose holders already have it
    optional: bool = False  # common and useful, not required

    @model_validator(mode="after")
    def _duration(self) -> Step:
        if self.pace == "full_time" and self.months is None:
            raise ValueError(f"full-time step {self.name!r} needs months: [min, max]")
        if self.pace == "part_time" and self.hours is None:
            raise ValueError(f"part-time step {self.name!r} needs hours")
        if self.months is not None and not 0 <= self.months[0] <= self.months[1]:
            raise ValueError(f"step {self.name!r}: months must be [min, max] with 0 <= min <= max")
        if self.kind == "degree" and self.degree_level is None:
            raise ValueError(f"degree step {self.name!r} needs degree_level")
        return self

    @property
    def typical_months(self) -> float:
        assert self.months is not None
        return midpoint(self.months)


class HiredFor(_Frozen):
    """Something the target is concretely hired for: a method, standard, code set or tool
    that a career counsellor would name ("ICD-10-CM and CPT coding", "routing and switching")."""

    name: str
    hours: int = Field(gt=0)  # study and practice for a career changer
    learn: str | None = None  # where: a Credential id or a resource id
    known_by: tuple[str, ...] = ()  # SOC codes (or prefixes) who already do it


class Alternative(_Frozen):
    name: str
    months: tuple[int, int] | None = None
    detail: str


class EntryRoute(_Frozen):
    soc: str = Field(pattern=ONET_OR_SOC)  # 6-digit SOC; an O*NET code overrides its SOC's entry
    title: str  # BLS or O*NET title, for people reading the file
    summary: str  # the way in, in one or two plain sentences
    licensed: bool = False  # most states require a licence to practise
    state_varies: str | None = None  # what varies by state, when it does
    degree: DegreeLevel  # what employers or the law expect at entry
    degree_field: str | None = None  # "nursing", "any field", "law (JD)"
    degree_required: bool = True  # False: usual, but people get in without it
    steps: tuple[Step, ...]
    hired_for: tuple[HiredFor, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    bridge_jobs: tuple[str, ...] = ()  # SOC codes of jobs people usually hold first
    cost: str | None = None  # total, where public
    sources: tuple[str, ...] = Field(min_length=1)
    verification: Verification

    @model_validator(mode="after")
    def _codes(self) -> EntryRoute:
        import re

        for code in self.bridge_jobs:
            if not re.fullmatch(codes.SOC, code):
                raise ValueError(f"{self.soc}: bridge job {code!r} is not a 6-digit SOC code")
        for url in self.sources:
            if not re.match(URL, url):
                raise ValueError(f"{self.soc}: source {url!r} is not an https address")
        return self

    @property
    def six_digit(self) -> str:
        return self.soc[:7]


COMPILED = _HERE / "routes.json"


def _read_yaml(folder: Path, sub: str) -> list[dict]:
    items: list[dict] = []
    for path in sorted((folder / sub).glob("*.yaml")):
        items += yamlcache.parse(path.read_text(encoding="utf-8")) or []
    return items


def source_data(folder: Path = _HERE) -> dict[str, list[dict]]:
    """The curated YAML as plain data, in file order: what routes.json is compiled from."""
    return {"routes": _read_yaml(folder, "routes"), "credentials": _read_yaml(folder, "credentials")}


def compile_routes(folder: Path = _HERE, target: Path = COMPILED) -> Path:
    """Write routes.json from the YAML: a process reads 1 MB of JSON in milliseconds where the
    same YAML takes a third of a second. tests/catalog/test_routes.py checks they agree."""
    catalog = RouteCatalog.from_data(source_data(folder))
    data = {
        "routes": [r.model_dump(mode="json", exclude_defaults=True) for r in catalog.routes.values()],
        "credentials": [c.model_dump(mode="json", exclude_defaults=True) for c in catalog.credentials.values()],
    }
    tmp = target.with_suffix(".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(target)
    return target


class RouteCatalog:
    """Entry routes by code and credentials by id. Built from plain data; each entry is
    validated the first time it is asked for, so a guide pays for the two routes it reads."""

    def __init__(self, routes: list[dict], credentials: list[dict]) -> None:
        self._raw_routes: dict[str, dict] = {}
        for r in routes:
            if r["soc"] in self._raw_routes:
                raise ValueError(f"entry route {r['soc']} is defined twice")
            self._raw_routes[r["soc"]] = r
        self._raw_credentials: dict[str, dict] = {}
        for c in credentials:
            if c["id"] in self._raw_credentials:
                raise ValueError(f"credential {c['id']!r} is defined twice")
            self._raw_credentials[c["id"]] = c
        self._routes: dict[str, EntryRoute] = {}
        self._credentials: dict[str, Credential] = {}

    @classmethod
    def from_data(cls, data: dict[str, list[dict]]) -> RouteCatalog:
        """Validated in full: every entry, and every credential a step names."""
        catalog = cls(data["routes"], data["credentials"])
        for soc in catalog._raw_routes:
            route = catalog._route(soc)
            for step in route.steps:
                if step.credential and step.credential not in catalog._raw_credentials:
                    raise ValueError(f"{soc}: step {step.name!r} names unknown credential {step.credential!r}")
        for id in catalog._raw_credentials:
            catalog.credential(id)
        return catalog

    @classmethod
    def load(cls, folder: Path = _HERE) -> RouteCatalog:
        """From the curated YAML, validated in full (tests, and after editing the YAML)."""
        return cls.from_data(source_data(folder))

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> RouteCatalog:
        """The compiled routes.json shipped with the package."""
        with open(COMPILED, encoding="utf-8") as f:
            data = json.load(f)
        return RouteCatalog(data["routes"], data["credentials"])

    def _route(self, soc: str) -> EntryRoute:
        if soc not in self._routes:
            self._routes[soc] = EntryRoute.model_validate(self._raw_routes[soc])
        return self._routes[soc]

    @property
    def routes(self) -> dict[str, EntryRoute]:
        return {soc: self._route(soc) for soc in self._raw_routes}

    @property
    def credentials(self) -> dict[str, Credential]:
        return {id: self.credential(id) for id in self._raw_credentials}

    def has_credential(self, id: str) -> bool:
        return id in self._raw_credentials

    def route_for(self, code: str) -> EntryRoute | None:
        """The O*NET code's own entry if curated, else its 6-digit SOC's — except that an
        "All Other" SOC's route does not speak for the distinct jobs O*NET files under it
        (IT project managers and web administrators under "Computer Occupations, All Other")."""
        if code in self._raw_routes:
            return self._route(code)
        if code[:7] not in self._raw_routes:
            return None
        route = self._route(code[:7])
        if "all other" in route.title.lower() and not code.endswith(".00"):
            return None
        return route

    def credential(self, id: str) -> Credential:
        if id not in self._credentials:
            self._credentials[id] = Credential.model_validate(self._raw_credentials[id])
        return self._credentials[id]


if __name__ == "__main__":
    print(compile_routes())
