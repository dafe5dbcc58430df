"""Build the knowledge base from the raw public releases.

The build is deterministic: rows are inserted in sorted order and the content hash is
computed over the rows themselves (not the file's bytes), so two builds of the same
input agree even if SQLite lays pages out differently. The new file is written beside
the target and renamed over it only when complete, so a failed build never leaves a
half-written knowledge base where a good one was.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .schema import DDL, SCHEMA_VERSION

ONET_VERSION = "30.1"
OEWS_RELEASE = "May 2025"
PROJECTIONS_RELEASE = "2024-34"

Progress = Callable[[str], None]


class ImportFailed(Exception):
    """A raw file is missing or not what we expect; the message names file and line."""


@dataclass(frozen=True)
class BuildReport:
    path: Path
    content_hash: str
    counts: dict[str, int]


# --- reading raw files ------------------------------------------------------------


def _onet_rows(onet_dir: Path, name: str, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    path = onet_dir / name
    if not path.is_file():
        raise ImportFailed(f"{path}: file not found (expected O*NET {ONET_VERSION} text file)")
    with path.open(encoding="utf-8", newline="") as handle:
        first = handle.readline().rstrip("\r\n").split("\t")
        if tuple(first) != header:
            raise ImportFailed(f"{path}:1: header changed; expected {list(header)}, found {first}")
        for line_no, line in enumerate(handle, start=2):
            line = line.rstrip("\r\n")
            if not line:
                continue
            fields = line.split("\t")
            if len(fields) != len(header):
                raise ImportFailed(
                    f"{path}:{line_no}: expected {len(header)} tab-separated fields, found {len(fields)}"
                )
            yield line_no, fields


def _number(value: str, path: Path | str, line_no: int, kind: Callable[[str], Any] = float) -> Any:
    try:
        return kind(value)
    except ValueError:
        raise ImportFailed(f"{path}:{line_no}: not a number: {value!r}") from None


def _optional(value: str) -> str | None:
    return None if value in ("n/a", "", "—") else value


# --- O*NET ------------------------------------------------------------------------

RATING_FILES = {
    "skills": "Skills.txt",
    "knowledge": "Knowledge.txt",
}
RATED_HEADER = (
    "O*NET-SOC Code",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
)
PLAIN_RATING_FILES = {
    "work_styles": "Work Styles.txt",
    "work_values": "Work Values.txt",
    "interests": "Interests.txt",
}
PLAIN_HEADER = ("O*NET-SOC Code", "Element ID", "Element Name", "Scale ID", "Data Value", "Date", "Domain Source")

# Which (domain, scale) pairs become dense matrices, and the element-id prefix that
# keeps high-point pseudo-elements (e.g. "First Interest High-Point") out of them.
SKILL_PREFIXES = ("2.A", "2.B")  # basic and cross-functional skills
MATRICES = {
    ("skills", "IM"): SKILL_PREFIXES,
    ("skills", "LV"): SKILL_PREFIXES,
    ("knowledge", "IM"): ("2.C",),
    ("knowledge", "LV"): ("2.C",),
    ("work_styles", "WI"): ("1.D",),
    ("work_styles", "DR"): ("1.D",),
    ("work_values", "EX"): ("1.B.2",),
    ("interests", "OI"): ("1.B.1",),
}


def _load_onet(db: sqlite3.Connection, onet_dir: Path, progress: Progress) -> None:
    progress("O*NET occupations")
    occupations = []
    for _line_no, (code, title, description) in _onet_rows(
        onet_dir, "Occupation Data.txt", ("O*NET-SOC Code", "Title", "Description")
    ):
        occupations.append((code, title, description))
    if not occupations:
        raise ImportFailed(f"{onet_dir / 'Occupation Data.txt'}: no occupations")
    known = {code for code, _, _ in occupations}

    def check_code(code: str, file: str, line_no: int) -> None:
        if code not in known:
            raise ImportFailed(f"{onet_dir / file}:{line_no}: unknown O*NET-SOC code {code!r}")

    job_zones = {}
    for line_no, (code, zone, _date, _src) in _onet_rows(
        onet_dir, "Job Zones.txt", ("O*NET-SOC Code", "Job Zone", "Date", "Domain Source")
    ):
        check_code(code, "Job Zones.txt", line_no)
        job_zones[code] = _number(zone, onet_dir / "Job Zones.txt", line_no, int)

    progress("O*NET titles")
    titles = {(code, "occupation", title) for code, title, _ in occupations}
    for line_no, (code, alt, short, _src) in _onet_rows(
        onet_dir, "Alternate Titles.txt", ("O*NET-SOC Code", "Alternate Title", "Short Title", "Source(s)")
    ):
        check_code(code, "Alternate Titles.txt", line_no)
        titles.add((code, "alternate", alt))
        if _optional(short):
            titles.add((code, "short", short))
    for line_no, (code, reported, _shown) in _onet_rows(
        onet_dir, "Sample of Reported Titles.txt", ("O*NET-SOC Code", "Reported Job Title", "Shown in My Next Move")
    ):
        check_code(code, "Sample of Reported Titles.txt", line_no)
        titles.add((code, "reported", reported))
    db.executemany("INSERT INTO title(code, kind, title) VALUES (?,?,?)", sorted(titles))

    progress("O*NET content model")
    descriptions = {}
    for _line_no, (element_id, _name, description) in _onet_rows(
        onet_dir, "Content Model Reference.txt", ("Element ID", "Element Name", "Description")
    ):
        descriptions[element_id] = description

    progress("O*NET ratings")
    elements: dict[str, tuple[str, str]] = {}
    ratings = []
    for domain, file in RATING_FILES.items():
        for line_no, f in _onet_rows(onet_dir, file, RATED_HEADER):
            code, element_id, name, scale, value = f[0], f[1], f[2], f[3], f[4]
            check_code(code, file, line_no)
            elements[element_id] = (domain, name)
            ratings.append(
                (
                    code,
                    element_id,
                    scale,
                    _number(value, onet_dir / file, line_no),
                    None if _optional(f[5]) is None else _number(f[5], onet_dir / file, line_no, int),
                    int(f[9] == "Y"),
                    int(f[10] == "Y"),
                    f[11],
                    f[12],
                )
            )
    for domain, file in PLAIN_RATING_FILES.items():
        for line_no, (code, element_id, name, scale, value, date, src) in _onet_rows(onet_dir, file, PLAIN_HEADER):
            check_code(code, file, line_no)
            elements[element_id] = (domain, name)
            ratings.append((code, element_id, scale, _number(value, onet_dir / file, line_no), None, 0, 0, date, src))
    ratings.sort()
    db.executemany("INSERT INTO rating VALUES (?,?,?,?,?,?,?,?,?)", ratings)
    db.executemany(
        "INSERT INTO element VALUES (?,?,?,?)",
        sorted((eid, domain, name, descriptions.get(eid, "")) for eid, (domain, name) in elements.items()),
    )
    rated = {r[0] for r in ratings if r[1].startswith(SKILL_PREFIXES)}
    codes = sorted(known)
    _store_matrices(db, codes, ratings, elements)

    db.executemany(
        "INSERT INTO occupation(code, title, description, job_zone, has_ratings) VALUES (?,?,?,?,?)",
        sorted(
            (code, title, description, job_zones.get(code), int(code in rated))
            for code, title, description in occupations
        ),
    )

    progress("O*NET technology and tools")
    tech_header = ("O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title", "Hot Technology", "In Demand")
    technologies = {}
    for line_no, (code, name, ccode, ctitle, hot, demand) in _onet_rows(onet_dir, "Technology Skills.txt", tech_header):
        check_code(code, "Technology Skills.txt", line_no)
        technologies[(code, name)] = (code, name, ccode, ctitle, int(hot == "Y"), int(demand == "Y"))
    db.executemany("INSERT INTO technology VALUES (?,?,?,?,?,?)", sorted(technologies.values()))
    tools = {}
    for line_no, (code, name, ccode, ctitle) in _onet_rows(
        onet_dir, "Tools Used.txt", ("O*NET-SOC Code", "Example", "Commodity Code", "Commodity Title")
    ):
        check_code(code, "Tools Used.txt", line_no)
        tools[(code, name)] = (code, name, ccode, ctitle)
    db.executemany("INSERT INTO tool VALUES (?,?,?,?)", sorted(tools.values()))

    progress("O*NET tasks")
    tasks = []
    task_header = ("O*NET-SOC Code", "Task ID", "Task", "Task Type", "Incumbents Responding", "Date", "Domain Source")
    for line_no, (code, task_id, text, task_type, incumbents, _d, _s) in _onet_rows(
        onet_dir, "Task Statements.txt", task_header
    ):
        check_code(code, "Task Statements.txt", line_no)
        tasks.append(
            (
                code,
                _number(task_id, onet_dir / "Task Statements.txt", line_no, int),
                text,
                _optional(task_type),
                None
                if _optional(incumbents) is None
                else _number(incumbents, onet_dir / "Task Statements.txt", line_no, int),
            )
        )
    db.executemany("INSERT INTO task VALUES (?,?,?,?,?)", sorted(tasks))
    dwas = []
    for _line_no, (element_id, iwa_id, dwa_id, title) in _onet_rows(
        onet_dir, "DWA Reference.txt", ("Element ID", "IWA ID", "DWA ID", "DWA Title")
    ):
        dwas.append((dwa_id, iwa_id, element_id, title))
    db.executemany("INSERT INTO dwa VALUES (?,?,?,?)", sorted(dwas))
    skill_links = set()
    for _line_no, (skill_id, _skill, activity_id, _activity) in _onet_rows(
        onet_dir,
        "Skills to Work Activities.txt",
        ("Skills Element ID", "Skills Element Name", "Work Activities Element ID", "Work Activities Element Name"),
    ):
        skill_links.add((skill_id, activity_id))
    db.executemany("INSERT INTO skill_activity VALUES (?,?)", sorted(skill_links))
    links = set()
    for line_no, (code, task_id, dwa_id, _d, _s) in _onet_rows(
        onet_dir, "Tasks to DWAs.txt", ("O*NET-SOC Code", "Task ID", "DWA ID", "Date", "Domain Source")
    ):
        check_code(code, "Tasks to DWAs.txt", line_no)
        links.add((code, _number(task_id, onet_dir / "Tasks to DWAs.txt", line_no, int), dwa_id))
    db.executemany("INSERT INTO task_dwa VALUES (?,?,?)", sorted(links))
    emerging = {}
    for line_no, (code, text, category, original_id, _orig, _d, _s) in _onet_rows(
        onet_dir,
        "Emerging Tasks.txt",
        ("O*NET-SOC Code", "Task", "Category", "Original Task ID", "Original Task", "Date", "Domain Source"),
    ):
        check_code(code, "Emerging Tasks.txt", line_no)
        original = _optional(original_id)
        emerging[(code, text)] = (
            code,
            text,
            category,
            None if original is None else _number(original, onet_dir / "Emerging Tasks.txt", line_no, int),
        )
    db.executemany("INSERT INTO emerging_task VALUES (?,?,?,?)", sorted(emerging.values()))

    progress("O*NET education, training and experience")
    education = []
    ete_file = "Education, Training, and Experience.txt"
    for line_no, f in _onet_rows(
        onet_dir,
        ete_file,
        (
            "O*NET-SOC Code",
            "Element ID",
            "Element Name",
            "Scale ID",
            "Category",
            "Data Value",
            "N",
            "Standard Error",
            "Lower CI Bound",
            "Upper CI Bound",
            "Recommend Suppress",
            "Date",
            "Domain Source",
        ),
    ):
        check_code(f[0], ete_file, line_no)
        if _optional(f[4]) is None:  # the IM rows rate importance, not a category share
            continue
        education.append(
            (
                f[0],
                f[1],
                f[3],
                _number(f[4], onet_dir / ete_file, line_no, int),
                _number(f[5], onet_dir / ete_file, line_no),
                int(f[10] == "Y"),
            )
        )
    db.executemany("INSERT INTO education VALUES (?,?,?,?,?,?)", sorted(education))
    categories = []
    for _line_no, (element_id, _name, scale, category, description) in _onet_rows(
        onet_dir,
        "Education, Training, and Experience Categories.txt",
        ("Element ID", "Element Name", "Scale ID", "Category", "Category Description"),
    ):
        categories.append((element_id, scale, int(category), description))
    db.executemany("INSERT INTO education_category VALUES (?,?,?,?)", sorted(categories))


def _store_matrices(
    db: sqlite3.Connection, codes: list[str], ratings: list[tuple[Any, ...]], elements: dict[str, tuple[str, str]]
) -> None:
    row_of = {code: i for i, code in enumerate(codes)}
    for (domain, scale), prefixes in MATRICES.items():
        columns = sorted(
            eid
            for eid, (d, _name) in elements.items()
            if d == domain and eid.startswith(prefixes) and _is_leaf_rating(eid, domain)
        )
        col_of = {eid: j for j, eid in enumerate(columns)}
        matrix = np.full((len(codes), len(columns)), np.nan, dtype=np.float32)
        for code, eid, sc, value, _n, suppress, not_relevant, _date, _src in ratings:
            if sc != scale or eid not in col_of:
                continue
            if suppress:
                continue  # O*NET: too imprecise to use
            # "Not relevant" levels mean the occupation does not use the element at all.
            matrix[row_of[code], col_of[eid]] = 0.0 if not_relevant else value
        db.execute(
            "INSERT INTO matrix VALUES (?,?,?,?,?)",
            (f"{domain}.{scale}", len(codes), len(columns), "\t".join(columns), matrix.tobytes()),
        )


def _is_leaf_rating(element_id: str, domain: str) -> bool:
    # Interests and work values carry high-point pseudo-elements (.g/.h/.i) rated on
    # other scales; the scale filter drops them, this keeps the intent explicit.
    if domain == "interests":
        return element_id[-1] in "abcdef"
    if domain == "work_values":
        return element_id.count(".") == 3 and element_id[-1] in "abcdef"
    return True


# --- BLS OEWS ---------------------------------------------------------------------

AREA_KINDS = {"N": "national", "S": "state", "M": "metro"}
WAGE_COLUMNS = ("v01", "v03", "v04", "v06", "v07", "v08", "v09", "v10", "v11", "v12", "v13", "v14", "v15")
CENTS = "cents"
WAGE_TYPES = (int, CENTS, int, CENTS, CENTS, CENTS, CENTS, CENTS, int, int, int, int, int)


def _load_oews(db: sqlite3.Connection, oews_file: Path, progress: Progress) -> None:
    progress("BLS OEWS wages")
    if not oews_file.is_file():
        raise ImportFailed(f"{oews_file}: file not found (expected the OEWS May 2025 SQLite, .gz or plain)")
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "oews.sqlite"
        try:
            opener = gzip.open if oews_file.suffix == ".gz" else open
            with opener(oews_file, "rb") as src, plain.open("wb") as dst:
                shutil.copyfileobj(src, dst, 1 << 20)
        except (OSError, EOFError) as exc:
            raise ImportFailed(f"{oews_file}: cannot read: {exc}") from None
        oews = sqlite3.connect(plain)
        try:
            _copy_oews(db, oews, oews_file)
        except sqlite3.DatabaseError as exc:
            raise ImportFailed(f"{oews_file}: not the expected OEWS database: {exc}") from None
        finally:
            oews.close()


def _copy_oews(db: sqlite3.Connection, oews: sqlite3.Connection, oews_file: Path) -> None:
    columns = {row[1] for row in oews.execute("PRAGMA table_info(cell)")}
    missing = {"key", *WAGE_COLUMNS} - columns
    if missing:
        raise ImportFailed(f"{oews_file}: table cell lacks columns {sorted(missing)}")
    meta = dict(oews.execute("SELECT name, value FROM meta"))
    if meta.get("release") != OEWS_RELEASE:
        raise ImportFailed(f"{oews_file}: release {meta.get('release')!r}, expected {OEWS_RELEASE!r}")
    areas = []
    for code, kind, state, name in oews.execute("SELECT area_code, areatype_code, state_code, area_name FROM area"):
        if kind not in AREA_KINDS:
            raise ImportFailed(f"{oews_file}: area {code}: unknown area type {kind!r}")
        areas.append((code, AREA_KINDS[kind], state, name))
    db.executemany("INSERT INTO area VALUES (?,?,?,?)", sorted(areas))

    db.executemany(
        "INSERT INTO wage_footnote VALUES (?,?)",
        sorted(oews.execute("SELECT footnote_code, footnote_text FROM footnote")),
    )
    footnote_columns = [f"f{c[1:]}" for c in WAGE_COLUMNS]
    rows = []
    # key = OEU + areatype(1) + area(7) + industry(6) + SOC(6); 000000 = all industries.
    query = (
        f"SELECT key, {', '.join(WAGE_COLUMNS)}, {', '.join(footnote_columns)} FROM cell "
        "WHERE substr(key, 12, 6) = '000000'"
    )
    for row in oews.execute(query):
        key = row[0]
        if len(key) != 23 or not key.startswith("OEU"):
            raise ImportFailed(f"{oews_file}: cell {key!r}: malformed series key")
        values: list[int | None] = []
        for raw, kind in zip(row[1:14], WAGE_TYPES, strict=True):
            if raw in (None, "-", "*", "#", ""):
                values.append(None)
            else:
                try:
                    number = float(raw)
                    values.append(round(number * 100) if kind is CENTS else int(number))
                except ValueError:
                    raise ImportFailed(f"{oews_file}: cell {key}: not a number: {raw!r}") from None
        notes = ",".join(f"{column[1:]}:{note}" for column, note in zip(WAGE_COLUMNS, row[14:], strict=True) if note)
        soc = f"{key[17:19]}-{key[19:23]}"
        rows.append((soc, key[4:11], *values, notes))
    rows.sort()
    db.executemany(f"INSERT INTO wage VALUES ({','.join('?' * 16)})", rows)


# --- BLS Employment Projections -----------------------------------------------------

PROJECTION_HEADER = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment distribution, percent, 2024",
    "Employment distribution, percent, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Percent self employed, 2024",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
    "Related Occupational Outlook Handbook (OOH) content xlsx",
)
SEPARATIONS_HEADER = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Labor force exit rate, 2024–34 annual average",
    "Occupational transfer rate, 2024–34 annual average",
    "Total occupational separations rate, 2024–34 annual average",
    "Labor force exits, 2024–34 annual average",
    "Occupational transfers, 2024–34 annual average",
    "Total occupational separations, 2024–34 annual average",
    "Occupational openings, 2024–34 annual average",
)
TOP_CODED_WAGE = ">=$239,200"


def _csv_rows(path: Path, header: tuple[str, ...]) -> Iterator[tuple[int, list[str]]]:
    if not path.is_file():
        raise ImportFailed(f"{path}: file not found")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        first = next(reader, None)
        if first is None or tuple(first) != header:
            raise ImportFailed(f"{path}:1: header changed; expected {list(header)}, found {first}")
        for row in reader:
            if not row:
                continue
            if len(row) != len(header):
                raise ImportFailed(f"{path}:{reader.line_num}: expected {len(header)} fields, found {len(row)}")
            yield reader.line_num, row


def _load_projections(db: sqlite3.Connection, projections: Path, separations: Path, progress: Progress) -> None:
    progress("BLS employment projections")

    def num(value: str, path: Path, line_no: int) -> float | None:
        return None if _optional(value) is None else _number(value, path, line_no)

    rates = {}
    for line_no, row in _csv_rows(separations, SEPARATIONS_HEADER):
        rates[row[1]] = (num(row[7], separations, line_no), num(row[8], separations, line_no))
    rows = []
    for line_no, row in _csv_rows(projections, PROJECTION_HEADER):
        soc = row[1]
        if len(soc) != 7 or soc[2] != "-":
            raise ImportFailed(f"{projections}:{line_no}: malformed SOC code {soc!r}")
        top_coded = row[11] == TOP_CODED_WAGE
        wage = None if top_coded else num(row[11], projections, line_no)
        rows.append(
            (
                soc,
                row[0],
                row[2],
                num(row[3], projections, line_no),
                num(row[4], projections, line_no),
                num(row[7], projections, line_no),
                num(row[8], projections, line_no),
                num(row[9], projections, line_no),
                num(row[10], projections, line_no),
                None if wage is None else int(wage),
                int(top_coded),
                _optional(row[12]),
                _optional(row[13]),
                _optional(row[14]),
                *rates.get(soc, (None, None)),
            )
        )
    db.executemany(f"INSERT INTO projection VALUES ({','.join('?' * 16)})", sorted(rows))


# --- linking O*NET codes to BLS codes ----------------------------------------------------


def _broader(soc: str) -> list[tuple[str, str]]:
    """The SOC code itself, then its broad group, then its minor group."""
    return [(soc, "detailed"), (soc[:6] + "0", "broad"), (soc[:4] + "000", "minor")]


def _link_bls(db: sqlite3.Connection, progress: Progress) -> None:
    progress("Linking O*NET to BLS codes")
    national_wages = {
        soc
        for (soc,) in db.execute(
            "SELECT soc FROM wage WHERE area_code = '0000000' AND (annual_median IS NOT NULL "
            "OR hourly_median_cents IS NOT NULL OR footnotes LIKE '%:5%')"
        )
    }
    projected = {soc for (soc,) in db.execute("SELECT soc FROM projection")}
    for (code,) in db.execute("SELECT code FROM occupation").fetchall():
        soc = code[:7]
        wage = next(((s, level) for s, level in _broader(soc) if s in national_wages), (None, None))
        proj = next(((s, level) for s, level in _broader(soc) if s in projected), (None, None))
        db.execute(
            "UPDATE occupation SET wage_soc=?, wage_soc_level=?, projection_soc=?, projection_soc_level=? WHERE code=?",
            (*wage, *proj, code),
        )


# --- the build --------------------------------------------------------------------------

SOURCES = [
    (
        "onet",
        "O*NET Database",
        ONET_VERSION,
        "National Center for O*NET Development for USDOL/ETA",
        "CC BY 4.0",
        "https://www.onetcenter.org/database.html",
    ),
    (
        "oews",
        "Occupational Employment and Wage Statistics (OEWS)",
        OEWS_RELEASE,
        "U.S. Bureau of Labor Statistics",
        "Public domain (U.S. government work)",
        "https://www.bls.gov/oes/",
    ),
    (
        "projections",
        "Employment Projections",
        PROJECTIONS_RELEASE,
        "U.S. Bureau of Labor Statistics",
        "Public domain (U.S. government work)",
        "https://www.bls.gov/emp/",
    ),
]

ATTRIBUTION = (
    "This product includes information from the O*NET 30.1 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. Wages: U.S. Bureau of Labor Statistics, "
    "OEWS May 2025. Outlook: U.S. Bureau of Labor Statistics, Employment Projections 2024–34."
)


def content_hash(db: sqlite3.Connection) -> str:
    """SHA-256 over every row of every table except meta, in key order."""
    digest = hashlib.sha256()
    tables = [
        t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' AND name != 'meta' ORDER BY name")
    ]
    for table in tables:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        digest.update(f"\x00table {table} {columns}\x00".encode())
        order = ", ".join(f"{i}" for i in range(1, len(columns) + 1))
        for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def table_counts(db: sqlite3.Connection) -> dict[str, int]:
    tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


STEPS = 12  # calls to progress() during a build, for the progress bar's total


def build(
    onet_dir: Path,
    oews_file: Path,
    projections_file: Path,
    out: Path,
    separations_file: Path | None = None,
    progress: Progress = lambda step: None,
) -> BuildReport:
    """Import the raw releases into a knowledge base at `out` (gzip-compressed if it ends in .gz)."""
    onet_dir, oews_file, projections_file, out = map(Path, (onet_dir, oews_file, projections_file, out))
    if separations_file is None:
        separations_file = projections_file.with_name("ep_2024_34_table_1_10_separations_openings.csv")
    if not onet_dir.is_dir():
        raise ImportFailed(f"{onet_dir}: not a directory (expected the O*NET {ONET_VERSION} text files)")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".building", dir=out.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    packed = tmp.with_suffix(".gz-building")
    sidecar = out.with_name(out.name + ".json")  # content hash and counts, readable without unpacking
    sidecar_tmp = tmp.with_suffix(".json-building")
    try:
        db = sqlite3.connect(tmp)
        try:
            db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
            db.executescript(DDL)
            _load_onet(db, onet_dir, progress)
            _load_oews(db, oews_file, progress)
            _load_projections(db, projections_file, Path(separations_file), progress)
            _link_bls(db, progress)
            db.executemany("INSERT INTO source VALUES (?,?,?,?,?,?)", SOURCES)
            progress("Hashing content")
            digest = content_hash(db)
            counts = table_counts(db)
            meta = {
                "schema_version": str(SCHEMA_VERSION),
                "onet_version": ONET_VERSION,
                "oews_release": OEWS_RELEASE,
                "projections_release": PROJECTIONS_RELEASE,
                "content_hash": digest,
                "attribution": ATTRIBUTION,
            }
            db.executemany("INSERT INTO meta VALUES (?,?)", sorted(meta.items()))
            db.commit()
            progress("Compacting")
            db.execute("VACUUM")
        finally:
            db.close()
        manifest = {"content_hash": digest, **{k: v for k, v in meta.items() if k != "content_hash"}, "counts": counts}
        sidecar_tmp.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
        if out.suffix == ".gz":
            with tmp.open("rb") as src, packed.open("wb") as raw:
                # mtime=0 and no file name: the same content gives the same bytes.
                with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            os.replace(packed, out)
        else:
            os.replace(tmp, out)
        os.replace(sidecar_tmp, sidecar)
    finally:
        tmp.unlink(missing_ok=True)
        packed.unlink(missing_ok=True)
        sidecar_tmp.unlink(missing_ok=True)
    return BuildReport(path=out, content_hash=digest, counts=counts)
