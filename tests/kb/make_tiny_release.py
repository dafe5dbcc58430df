"""Write tests/kb/tiny/: the raw releases cut down to three occupations, for the importer's
error-path tests (they need well-formed input around the one thing they break, not 60 MB of it).

    python tests/kb/make_tiny_release.py ../shared/data

Rows keyed by an O*NET-SOC code keep only the three occupations; reference tables are kept
whole; the OEWS database keeps the national and California cells of their SOC codes.
"""

from __future__ import annotations

import csv
import gzip
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

CODES = ("15-1252.00", "27-3042.00", "29-1141.00")
SOCS = tuple(c[:7] for c in CODES)
AREAS = ("0000000", "0600000")
HERE = Path(__file__).resolve().parent / "tiny"
# The O*NET files the importer reads (careerpath/kb/importer.py); the others are not needed.
ONET_FILES = (
    "Occupation Data.txt",
    "Job Zones.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Content Model Reference.txt",
    "Skills.txt",
    "Knowledge.txt",
    "Work Styles.txt",
    "Work Values.txt",
    "Interests.txt",
    "Technology Skills.txt",
    "Tools Used.txt",
    "Task Statements.txt",
    "DWA Reference.txt",
    "Skills to Work Activities.txt",
    "Tasks to DWAs.txt",
    "Emerging Tasks.txt",
    "Education, Training, and Experience.txt",
    "Education, Training, and Experience Categories.txt",
)
PROJECTIONS = ("ep_2024_34_table_1_2_occupational_projections.csv", "ep_2024_34_table_1_10_separations_openings.csv")


def cut_onet(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in ONET_FILES:
        lines = (source / name).read_text(encoding="utf-8").splitlines(keepends=True)
        keyed = lines[0].startswith("O*NET-SOC Code\t")
        kept = [lines[0]] + [line for line in lines[1:] if not keyed or line.startswith(CODES)]
        (target / name).write_text("".join(kept), encoding="utf-8")


def cut_oews(source: Path, target: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plain, small = Path(tmp) / "full.sqlite", Path(tmp) / "tiny.sqlite"
        with gzip.open(source, "rb") as src, plain.open("wb") as dst:
            shutil.copyfileobj(src, dst)
        db = sqlite3.connect(small)
        db.execute("ATTACH ? AS full", (str(plain),))
        for (sql,) in db.execute("SELECT sql FROM full.sqlite_master WHERE type = 'table'").fetchall():
            db.execute(sql)
        for (table,) in db.execute("SELECT name FROM full.sqlite_master WHERE type = 'table'").fetchall():
            where = ""
            if table == "cell":
                socs = ",".join(f"'{s.replace('-', '')}'" for s in SOCS)
                areas = ",".join(f"'{a}'" for a in AREAS)
                where = f" WHERE substr(key, 5, 7) IN ({areas}) AND substr(key, 18, 6) IN ({socs})"
            elif table == "area":
                where = f" WHERE area_code IN ({','.join(repr(a) for a in AREAS)})"
            db.execute(f"INSERT INTO main.{table} SELECT * FROM full.{table}{where}")
        db.commit()
        db.execute("DETACH full")
        db.execute("VACUUM")
        db.close()
        with small.open("rb") as src, gzip.GzipFile(target, "wb", mtime=0) as dst:
            shutil.copyfileobj(src, dst)


def cut_projections(source: Path, target: Path) -> None:
    target.mkdir(parents=True, exist_ok=True)
    for name in PROJECTIONS:
        with (source / name).open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        kept = [rows[0]] + [r for r in rows[1:] if len(r) > 1 and r[1] in SOCS]
        with (target / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(kept)


def main(shared: Path) -> None:
    cut_onet(shared / "onet", HERE / "onet")
    (HERE / "bls").mkdir(parents=True, exist_ok=True)
    cut_oews(shared / "bls" / "oews" / "oews-2025.sqlite.gz", HERE / "bls" / "oews-2025.sqlite.gz")
    cut_projections(shared / "bls" / "ep_2024_34", HERE / "bls")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
