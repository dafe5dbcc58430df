"""Typed, read-only access to the knowledge base.

Opened once per process (`KnowledgeBase.default()`): the small tables and the rating
matrices are read into memory at open; per-occupation lists (tasks, technologies, wages)
are read on demand by primary key, which SQLite answers in microseconds.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sqlite3
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast, overload

import numpy as np

from careerpath.cachedir import cache_dir
from careerpath.shipped import MANIFEST_NAME, SHIPPED_NAME

NATIONAL = "0000000"
TOP_CODED = "5"  # OEWS footnote: the wage is at or above BLS's top code

DOMAINS = ("skills", "knowledge", "work_styles", "work_values", "interests")


class UnknownOccupation(KeyError):
    def __init__(self, code: str):
        super().__init__(code)
        self.code = code

    def __str__(self) -> str:
        return f"no O*NET-SOC occupation {self.code!r} (codes look like 15-1252.00)"


@dataclass(frozen=True, slots=True)
class Occupation:
    code: str
    title: str
    description: str
    job_zone: int | None
    has_ratings: bool
    wage_soc: str | None
    wage_soc_level: str | None  # detailed | broad | minor
    projection_soc: str | None
    projection_soc_level: str | None


@dataclass(frozen=True, slots=True)
class Title:
    code: str
    title: str
    kind: str  # occupation | alternate | short | reported


@dataclass(frozen=True, slots=True)
class Element:
    id: str
    domain: str
    name: str
    description: str


@dataclass(frozen=True, slots=True)
class Technology:
    name: str
    commodity_code: str
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class Tool:
    name: str
    commodity_code: str
    commodity_title: str


@dataclass(frozen=True, slots=True)
class Task:
    task_id: int
    text: str
    task_type: str | None  # Core | Supplemental | None
    incumbents_responding: int | None


@dataclass(frozen=True, slots=True)
class Area:
    code: str
    kind: str  # national | state | metro
    state_code: str
    name: str


@dataclass(frozen=True, slots=True)
class Wage:
    """OEWS May 2025 estimates for one SOC code in one area (cross-industry)."""

    soc: str
    area: Area
    employment: int | None
    annual_mean: int | None
    annual_p10: int | None
    annual_p25: int | None
    annual_median: int | None
    annual_p75: int | None
    annual_p90: int | None
    hourly_mean: float | None
    hourly_p10: float | None
    hourly_p25: float | None
    hourly_median: float | None
    hourly_p75: float | None
    hourly_p90: float | None
    source: str  # the release, from the knowledge base's metadata: "BLS OEWS May 2025"
    top_coded: frozenset[str] = field(default_factory=frozenset)  # fields at/above BLS's top code


@dataclass(frozen=True, slots=True)
class Outlook:
    """BLS Employment Projections 2024-34 for one SOC code."""

    soc: str
    title: str
    employment_2024: int | None  # people
    employment_2034: int | None
    change_numeric: int | None
    change_percent: float | None
    annual_openings: int | None
    self_employed_percent: float | None
    median_wage_2024: int | None
    median_wage_2024_top_coded: bool
    education: str | None
    work_experience: str | None
    on_the_job_training: str | None
    labor_force_exit_rate: float | None
    occupational_transfer_rate: float | None
    source: str  # the release, from the knowledge base's metadata: "BLS Employment Projections 2024-34"


@dataclass(frozen=True, slots=True)
class EducationShare:
    category: int
    description: str
    percent: float


_WAGE_FIELDS = (
    "employment",
    "hourly_mean_cents",
    "annual_mean",
    "hourly_p10_cents",
    "hourly_p25_cents",
    "hourly_median_cents",
    "hourly_p75_cents",
    "hourly_p90_cents",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
)
# OEWS datatype numbers, as kept in wage.footnotes, for the fields a guide prints.
_DATATYPE_FIELD = {
    "04": "annual_mean",
    "11": "annual_p10",
    "12": "annual_p25",
    "13": "annual_median",
    "14": "annual_p75",
    "15": "annual_p90",
    "08": "hourly_median",
}


_P = ParamSpec("_P")
_R = TypeVar("_R")


class _PerInstanceCache(Generic[_P, _R]):
    """A method's lru_cache kept on each KnowledgeBase, not on the class.

    `functools.lru_cache` on a method is one class-wide cache keyed on `self`, so it would keep
    every KnowledgeBase ever opened (and its SQLite connection and matrices) alive for the life of
    the process (ruff B019). This builds the cache on first use and stores it in the instance's
    `__dict__` under the method's name, like `functools.cached_property`: later lookups find it
    there directly, and it goes away with the instance.
    """

    def __init__(self, func: Callable[Concatenate[KnowledgeBase, _P], _R], maxsize: int) -> None:
        self._func = func
        self._maxsize = maxsize
        self._name = func.__name__
        self.__doc__ = func.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _PerInstanceCache[_P, _R]: ...
    @overload
    def __get__(self, obj: KnowledgeBase, owner: type | None = None) -> Callable[_P, _R]: ...
    def __get__(
        self, obj: KnowledgeBase | None, owner: type | None = None
    ) -> _PerInstanceCache[_P, _R] | Callable[_P, _R]:
        if obj is None:
            return self
        bound = lru_cache(maxsize=self._maxsize)(self._func.__get__(obj, type(obj)))
        # setdefault: if two threads race on first use, both get the one cache that was stored.
        return cast(Callable[_P, _R], obj.__dict__.setdefault(self._name, bound))


def _cached(
    maxsize: int,
) -> Callable[[Callable[Concatenate[KnowledgeBase, _P], _R]], _PerInstanceCache[_P, _R]]:
    """Decorator: cache a KnowledgeBase method per instance (see _PerInstanceCache)."""

    def decorate(func: Callable[Concatenate[KnowledgeBase, _P], _R]) -> _PerInstanceCache[_P, _R]:
        return _PerInstanceCache(func, maxsize)

    return decorate


def _thousands(value: float | None) -> int | None:
    return None if value is None else round(value * 1000)


class KnowledgeBase:
    def __init__(self, path: Path | str):
        self.path = Path(path)
        # immutable=1: the file never changes under us, so SQLite skips locking entirely.
        uri = f"file:{self.path}?mode=ro&immutable=1"
        self._db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self.meta: dict[str, str] = dict(self._db.execute("SELECT key, value FROM meta"))
        rows = self._db.execute(
            "SELECT code, title, description, job_zone, has_ratings, wage_soc, wage_soc_level, "
            "projection_soc, projection_soc_level FROM occupation ORDER BY code"
        ).fetchall()
        self._occupations = {r[0]: Occupation(r[0], r[1], r[2], r[3], bool(r[4]), *r[5:]) for r in rows}
        self.codes: tuple[str, ...] = tuple(self._occupations)
        self.index: dict[str, int] = {code: i for i, code in enumerate(self.codes)}
        self._elements = {
            r[0]: Element(*r) for r in self._db.execute("SELECT id, domain, name, description FROM element")
        }
        self._matrices: dict[str, tuple[tuple[str, ...], np.ndarray]] = {}
        for name, n_rows, n_cols, columns, data in self._db.execute("SELECT * FROM matrix"):
            array = np.frombuffer(data, dtype=np.float32).reshape(n_rows, n_cols)
            self._matrices[name] = (tuple(columns.split("\t")), array)
        keys = ("id", "name", "release", "publisher", "license", "url")
        self._sources = [
            dict(zip(keys, r, strict=True))
            for r in self._db.execute(f"SELECT {', '.join(keys)} FROM source ORDER BY id")
        ]
        self._areas = {
            r[0]: Area(*r) for r in self._db.execute("SELECT code, kind, state_code, name FROM area ORDER BY code")
        }

    # -- opening -------------------------------------------------------------------

    @classmethod
    def default(cls) -> KnowledgeBase:
        """The shipped knowledge base (or $CAREERPATH_KB), opened once per process."""
        return _default_kb()

    def _query(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    # -- occupations ---------------------------------------------------------------

    @property
    def content_hash(self) -> str:
        return self.meta["content_hash"]

    @property
    def wage_source(self) -> str:
        """How this knowledge base's wages are cited, e.g. "BLS OEWS May 2025" (its own metadata,
        so a rebuilt knowledge base labels its own figures)."""
        return f"BLS OEWS {self.meta['oews_release']}"

    @property
    def projection_source(self) -> str:
        """How its projections are cited, e.g. "BLS Employment Projections 2024-34"."""
        return f"BLS Employment Projections {self.meta['projections_release']}"

    def occupation(self, code: str) -> Occupation:
        try:
            return self._occupations[code]
        except KeyError:
            raise UnknownOccupation(code) from None

    def occupations(self) -> list[Occupation]:
        return list(self._occupations.values())

    def titles(self) -> list[Title]:
        return [Title(*r) for r in self._query("SELECT code, title, kind FROM title ORDER BY code, kind, title")]

    def counts(self) -> dict[str, int]:
        tables = [t for (t,) in self._query("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: self._query(f"SELECT count(*) FROM {t}")[0][0] for t in tables}

    def sources(self) -> list[dict[str, str]]:
        return [dict(source) for source in self._sources]

    # -- ratings -------------------------------------------------------------------

    def element(self, element_id: str) -> Element:
        return self._elements[element_id]

    def elements(self, domain: str) -> list[Element]:
        """Elements of a domain in the column order of its rating matrices."""
        if domain not in DOMAINS:
            raise ValueError(f"unknown domain {domain!r}; one of {DOMAINS}")
        scale = {"skills": "IM", "knowledge": "IM", "work_styles": "WI", "work_values": "EX", "interests": "OI"}
        columns, _ = self._matrices[f"{domain}.{scale[domain]}"]
        return [self._elements[c] for c in columns]

    def ratings(self, domain: str, scale: str) -> np.ndarray:
        """float32 array (len(codes), len(elements(domain))); NaN = not rated or suppressed.

        Skills/knowledge: IM importance 1-5, LV level 0-7. Work styles: WI impact -3..3,
        DR distinctiveness rank 0-10. Work values: EX extent 1-7. Interests: OI 1-7.
        The array is shared and read-only.
        """
        try:
            return self._matrices[f"{domain}.{scale}"][1]
        except KeyError:
            raise ValueError(f"no rating matrix {domain}.{scale}") from None

    def rating_columns(self, domain: str, scale: str) -> tuple[str, ...]:
        return self._matrices[f"{domain}.{scale}"][0]

    # -- per-occupation lists --------------------------------------------------------

    @_cached(maxsize=4096)
    def technologies(self, code: str) -> tuple[Technology, ...]:
        self.occupation(code)
        return tuple(
            Technology(r[0], r[1], r[2], bool(r[3]), bool(r[4]))
            for r in self._query(
                "SELECT name, commodity_code, commodity_title, hot, in_demand FROM technology "
                "WHERE code = ? ORDER BY hot DESC, in_demand DESC, name",
                (code,),
            )
        )

    @_cached(maxsize=1)
    def technology_names(self) -> dict[str, frozenset[str]]:
        """Every occupation's technology names, in one query (not one per occupation)."""
        listing: dict[str, set[str]] = {}
        for code, name in self._query("SELECT code, name FROM technology"):
            listing.setdefault(code, set()).add(name)
        return {code: frozenset(names) for code, names in listing.items()}

    @_cached(maxsize=1)
    def hot_technology_counts(self) -> dict[str, int]:
        """How many occupations mark each technology as a Hot Technology."""
        return dict(self._query("SELECT name, count(*) FROM technology WHERE hot = 1 GROUP BY name"))

    @_cached(maxsize=4096)
    def tools(self, code: str) -> tuple[Tool, ...]:
        self.occupation(code)
        return tuple(
            Tool(*r)
            for r in self._query(
                "SELECT name, commodity_code, commodity_title FROM tool WHERE code = ? ORDER BY name", (code,)
            )
        )

    @_cached(maxsize=4096)
    def tasks(self, code: str) -> tuple[Task, ...]:
        """Task statements, core before supplemental, most-reported first."""
        self.occupation(code)
        return tuple(
            Task(*r)
            for r in self._query(
                "SELECT task_id, text, task_type, incumbents_responding FROM task WHERE code = ? "
                "ORDER BY task_type IS NULL, task_type, incumbents_responding IS NULL, "
                "incumbents_responding DESC, task_id",
                (code,),
            )
        )

    @_cached(maxsize=4096)
    def task_dwas(self, code: str) -> dict[int, tuple[str, ...]]:
        """Detailed work activity ids for each task of an occupation."""
        self.occupation(code)
        links: dict[int, list[str]] = {}
        for task_id, dwa_id in self._query("SELECT task_id, dwa_id FROM task_dwa WHERE code = ?", (code,)):
            links.setdefault(task_id, []).append(dwa_id)
        return {k: tuple(v) for k, v in links.items()}

    @_cached(maxsize=1)
    def dwa_titles(self) -> dict[str, str]:
        return dict(self._query("SELECT id, title FROM dwa"))

    @_cached(maxsize=1)
    def dwa_activities(self) -> dict[str, str]:
        """The O*NET work activity (4.A...) each detailed work activity belongs to."""
        return dict(self._query("SELECT id, element_id FROM dwa"))

    @_cached(maxsize=1)
    def skill_activities(self) -> dict[str, frozenset[str]]:
        """Work activities O*NET links to each skill (Skills to Work Activities)."""
        links: dict[str, set[str]] = {}
        for skill_id, activity_id in self._query("SELECT skill_id, activity_id FROM skill_activity"):
            links.setdefault(skill_id, set()).add(activity_id)
        return {k: frozenset(v) for k, v in links.items()}

    @_cached(maxsize=4096)
    def emerging_tasks(self, code: str) -> tuple[str, ...]:
        self.occupation(code)
        return tuple(t for (t,) in self._query("SELECT text FROM emerging_task WHERE code = ? ORDER BY text", (code,)))

    @_cached(maxsize=4096)
    def education(self, code: str, element_id: str = "2.D.1") -> tuple[EducationShare, ...]:
        """Share of respondents per category: 2.D.1 education, 3.A.1 experience, 3.A.3 OJT."""
        self.occupation(code)
        return tuple(
            EducationShare(*r)
            for r in self._query(
                "SELECT e.category, c.description, e.percent FROM education e JOIN education_category c "
                "ON c.element_id = e.element_id AND c.scale = e.scale AND c.category = e.category "
                "WHERE e.code = ? AND e.element_id = ? AND e.recommend_suppress = 0 ORDER BY e.category",
                (code, element_id),
            )
        )

    # -- BLS -------------------------------------------------------------------------

    def areas(self) -> list[Area]:
        return list(self._areas.values())

    def area(self, code: str) -> Area:
        return self._areas[code]

    @_cached(maxsize=8192)
    def wages(self, code: str, area: str = NATIONAL) -> Wage | None:
        """OEWS wages for an occupation in an area (OEWS area code; default national)."""
        occupation = self.occupation(code)
        if occupation.wage_soc is None or area not in self._areas:
            return None
        rows = self._query(
            f"SELECT {', '.join(_WAGE_FIELDS)}, footnotes FROM wage WHERE soc = ? AND area_code = ?",
            (occupation.wage_soc, area),
        )
        if not rows:
            return None
        values = dict(zip(_WAGE_FIELDS, rows[0][:-1], strict=True))
        notes = dict(pair.split(":") for pair in rows[0][-1].split(",") if pair)
        top_coded = frozenset(
            _DATATYPE_FIELD[d] for d, note in notes.items() if note == TOP_CODED and d in _DATATYPE_FIELD
        )
        cents: dict[str, Any] = {
            k.removesuffix("_cents"): (None if v is None else v / 100)
            for k, v in values.items()
            if k.endswith("_cents")
        }
        plain: dict[str, Any] = {k: v for k, v in values.items() if not k.endswith("_cents")}
        return Wage(
            soc=occupation.wage_soc,
            area=self._areas[area],
            top_coded=top_coded,
            source=self.wage_source,
            **plain,
            **cents,
        )

    def wage_footnote(self, code: str) -> str:
        """BLS's wording for an OEWS footnote code, e.g. what "top coded" means."""
        text: str = self._query("SELECT text FROM wage_footnote WHERE code = ?", (code,))[0][0]
        return text

    @_cached(maxsize=4096)
    def outlook(self, code: str) -> Outlook | None:
        occupation = self.occupation(code)
        return None if occupation.projection_soc is None else self.projection(occupation.projection_soc)

    @_cached(maxsize=2048)
    def projection(self, soc: str) -> Outlook | None:
        """A BLS projections row by its own code, e.g. 00-0000 for all occupations."""
        rows = self._query(
            "SELECT soc, title, employment_2024, employment_2034, change_numeric, change_percent, "
            "annual_openings, self_employed_percent, median_wage_2024, median_wage_2024_top_coded, "
            "education, work_experience, on_the_job_training, labor_force_exit_rate, "
            "occupational_transfer_rate FROM projection WHERE soc = ?",
            (soc,),
        )
        if not rows:
            return None
        r = rows[0]
        return Outlook(
            soc=r[0],
            title=r[1],
            employment_2024=_thousands(r[2]),
            employment_2034=_thousands(r[3]),
            change_numeric=_thousands(r[4]),
            change_percent=r[5],
            annual_openings=_thousands(r[6]),
            self_employed_percent=r[7],
            median_wage_2024=r[8],
            median_wage_2024_top_coded=bool(r[9]),
            education=r[10],
            work_experience=r[11],
            on_the_job_training=r[12],
            labor_force_exit_rate=r[13],
            occupational_transfer_rate=r[14],
            source=self.projection_source,
        )


# -- locating the shipped file -----------------------------------------------------------


def shipped_manifest() -> dict[str, Any]:
    manifest: dict[str, Any] = json.loads(resources.files("careerpath.kb").joinpath("data", MANIFEST_NAME).read_text())
    return manifest


def unpacked_shipped_kb() -> Path:
    """Path of the shipped knowledge base, decompressed once into the user's cache.

    The package carries it gzip-compressed (13 MB instead of 42 MB); SQLite needs a
    plain file, so the first run unpacks it under a name that includes its content hash.
    """
    digest = shipped_manifest()["content_hash"]
    target = cache_dir() / f"kb-{digest[:16]}.sqlite"
    if target.exists():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    packed = resources.files("careerpath.kb").joinpath("data", SHIPPED_NAME)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".kb-", suffix=".unpacking")
    try:
        with os.fdopen(fd, "wb") as dst, packed.open("rb") as raw, gzip.GzipFile(fileobj=raw) as src:
            shutil.copyfileobj(src, dst, 1 << 20)
        os.replace(tmp, target)  # atomic: concurrent first runs never see a partial file
    finally:
        Path(tmp).unlink(missing_ok=True)
    return target


@lru_cache(maxsize=1)
def _default_kb() -> KnowledgeBase:
    override = os.environ.get("CAREERPATH_KB")
    return KnowledgeBase(Path(override) if override else unpacked_shipped_kb())
