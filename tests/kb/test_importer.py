"""The importer: reproducible from the raw releases, strict about its input, never destructive."""

import json
import shutil
from pathlib import Path

import pytest

from careerpath.kb.api import shipped_manifest
from careerpath.kb.importer import STEPS, ImportFailed, build
from careerpath.shipped import SHIPPED_NAME

PROJECTIONS = "bls/ep_2024_34/ep_2024_34_table_1_2_occupational_projections.csv"
OEWS = "bls/oews/oews-2025.sqlite.gz"


def _build(shared: Path, out: Path, onet: Path | None = None, projections: Path | None = None, **kw):
    return build(onet or shared / "onet", shared / OEWS, projections or shared / PROJECTIONS, out, **kw)


@pytest.fixture(scope="module")
def rebuilt(shared_data, tmp_path_factory):
    out = tmp_path_factory.mktemp("kb") / SHIPPED_NAME
    steps = []
    report = _build(shared_data, out, progress=steps.append)
    return report, steps


def test_rebuild_matches_the_shipped_knowledge_base(rebuilt):
    report, _ = rebuilt
    assert report.content_hash == shipped_manifest()["content_hash"], (
        "the shipped knowledge base is stale: run `careerpath kb build` and commit the result"
    )


def test_shipped_file_carries_the_hash_of_its_own_content(kb):
    from careerpath.kb.importer import content_hash

    assert content_hash(kb._db) == kb.content_hash == shipped_manifest()["content_hash"]


def test_build_reports_every_step_and_writes_its_manifest(rebuilt):
    report, steps = rebuilt
    assert len(steps) == STEPS
    manifest = json.loads(report.path.with_name(report.path.name + ".json").read_text())
    assert manifest["content_hash"] == report.content_hash
    assert manifest["counts"]["occupation"] == 1016


# -- error paths, on a three-occupation cut of the releases (tests/kb/tiny, made by
# make_tiny_release.py): each test breaks one thing in otherwise well-formed input. ------------

TINY = Path(__file__).resolve().parent / "tiny"
TINY_PROJECTIONS = TINY / "bls" / "ep_2024_34_table_1_2_occupational_projections.csv"


def _build_tiny(out: Path, onet: Path | None = None, projections: Path | None = None):
    return build(onet or TINY / "onet", TINY / "bls" / "oews-2025.sqlite.gz", projections or TINY_PROJECTIONS, out)


def test_the_tiny_release_builds(tmp_path):
    report = _build_tiny(tmp_path / "kb.sqlite")
    assert report.counts["occupation"] == 3 and report.counts["wage"] > 0 and report.counts["projection"] == 3


def _onet_copy(tmp: Path, altered: str, transform) -> Path:
    """A copy of the tiny O*NET folder with one file rewritten."""
    folder = tmp / "onet"
    shutil.copytree(TINY / "onet", folder)
    path = folder / altered
    path.write_text(transform(path.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


def _assert_failure_leaves_target_alone(tmp_path, onet, match, projections=None):
    out = tmp_path / "kb.sqlite"
    out.write_bytes(b"the previous knowledge base")
    with pytest.raises(ImportFailed, match=match):
        _build_tiny(out, onet=onet, projections=projections)
    assert out.read_bytes() == b"the previous knowledge base"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["kb.sqlite"]


def test_changed_header_names_file_and_line(tmp_path):
    onet = _onet_copy(tmp_path, "Job Zones.txt", lambda t: t.replace("Job Zone", "Zone", 1))
    _assert_failure_leaves_target_alone(tmp_path, onet, r"Job Zones\.txt:1: header changed")


def test_malformed_row_names_file_and_line(tmp_path):
    def break_line_5(text):
        lines = text.splitlines(keepends=True)
        lines[4] = lines[4].replace("\t", " ", 1)
        return "".join(lines)

    onet = _onet_copy(tmp_path, "Task Statements.txt", break_line_5)
    _assert_failure_leaves_target_alone(
        tmp_path, onet, r"Task Statements\.txt:5: expected 7 tab-separated fields, found 6"
    )


def test_non_numeric_rating_is_refused(tmp_path):
    def spell_out_line_2(text):
        lines = text.splitlines(keepends=True)
        fields = lines[1].split("\t")
        fields[4] = "four"  # Data Value
        lines[1] = "\t".join(fields)
        return "".join(lines)

    onet = _onet_copy(tmp_path, "Skills.txt", spell_out_line_2)
    _assert_failure_leaves_target_alone(tmp_path, onet, r"Skills\.txt:2: not a number: 'four'")


def test_unknown_occupation_code_is_named(tmp_path):
    onet = _onet_copy(tmp_path, "Job Zones.txt", lambda t: t.replace("27-3042.00", "27-3049.00", 1))
    _assert_failure_leaves_target_alone(tmp_path, onet, r"Job Zones\.txt:\d+: unknown O\*NET-SOC code '27-3049.00'")


def test_missing_file_is_named(tmp_path):
    folder = tmp_path / "onet"
    shutil.copytree(TINY / "onet", folder, ignore=shutil.ignore_patterns("Tools Used.txt"))
    _assert_failure_leaves_target_alone(tmp_path, folder, r"Tools Used\.txt: file not found")


def test_missing_projections_file(tmp_path):
    with pytest.raises(ImportFailed, match="file not found"):
        _build_tiny(tmp_path / "kb.sqlite", projections=tmp_path / "nope.csv")


def test_malformed_projection_code_is_named(tmp_path):
    bls = tmp_path / "bls"
    shutil.copytree(TINY / "bls", bls)
    projections = bls / TINY_PROJECTIONS.name
    projections.write_text(projections.read_text(encoding="utf-8").replace("15-1252", "151252", 1), encoding="utf-8")
    (tmp_path / "out").mkdir()
    _assert_failure_leaves_target_alone(
        tmp_path / "out", None, r"projections\.csv:\d+: malformed SOC code", projections=projections
    )
