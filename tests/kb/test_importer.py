"""The importer: reproducible from the raw releases, strict about its input, never destructive."""

import json
import shutil
from pathlib import Path

import pytest

from careerpath.kb.api import SHIPPED_NAME, shipped_manifest
from careerpath.kb.importer import STEPS, ImportFailed, build

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
        "the shipped knowledge base is stale: run `careerpath kb build` and commit the result")


def test_shipped_file_carries_the_hash_of_its_own_content(kb):
    from careerpath.kb.importer import content_hash

    assert content_hash(kb._db) == kb.content_hash == shipped_manifest()["content_hash"]


def test_build_reports_every_step_and_writes_its_manifest(rebuilt):
    report, steps = rebuilt
    assert len(steps) == STEPS
    manifest = json.loads(report.path.with_name(report.path.name + ".json").read_text())
    assert manifest["content_hash"] == report.content_hash
    assert manifest["counts"]["occupation"] == 1016


def _onet_copy(shared: Path, tmp: Path, altered: str, transform) -> Path:
    """A copy of the O*NET folder made of links, with one file rewritten."""
    folder = tmp / "onet"
    folder.mkdir()
    for f in (shared / "onet").iterdir():
        if f.name != altered:
            (folder / f.name).symlink_to(f)
    text = (shared / "onet" / altered).read_text(encoding="utf-8")
    (folder / altered).write_text(transform(text), encoding="utf-8")
    return folder


def _assert_failure_leaves_target_alone(shared, tmp_path, onet, match):
    out = tmp_path / "kb.sqlite"
    out.write_bytes(b"the previous knowledge base")
    with pytest.raises(ImportFailed, match=match):
        _build(shared, out, onet=onet)
    assert out.read_bytes() == b"the previous knowledge base"
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["kb.sqlite"]


def test_changed_header_names_file_and_line(shared_data, tmp_path):
    onet = _onet_copy(shared_data, tmp_path, "Job Zones.txt", lambda t: t.replace("Job Zone", "Zone", 1))
    _assert_failure_leaves_target_alone(shared_data, tmp_path, onet, r"Job Zones\.txt:1: header changed")


def test_malformed_row_names_file_and_line(shared_data, tmp_path):
    def break_line_5(text):
        lines = text.splitlines(keepends=True)
        lines[4] = lines[4].replace("\t", " ", 1)
        return "".join(lines)

    onet = _onet_copy(shared_data, tmp_path, "Task Statements.txt", break_line_5)
    _assert_failure_leaves_target_alone(
        shared_data, tmp_path, onet, r"Task Statements\.txt:5: expected 7 tab-separated fields, found 6")


def test_non_numeric_rating_is_refused(shared_data, tmp_path):
    onet = _onet_copy(shared_data, tmp_path, "Skills.txt",
                      lambda t: t.replace("\tIM\t4.12\t", "\tIM\tfour\t", 1))
    _assert_failure_leaves_target_alone(shared_data, tmp_path, onet, r"Skills\.txt:2: not a number: 'four'")


def test_missing_file_is_named(shared_data, tmp_path):
    folder = tmp_path / "onet"
    shutil.copytree(shared_data / "onet", folder, ignore=shutil.ignore_patterns("Tools Used.txt", "*.xlsx"))
    _assert_failure_leaves_target_alone(shared_data, tmp_path, folder, r"Tools Used\.txt: file not found")


def test_missing_projections_file(shared_data, tmp_path):
    with pytest.raises(ImportFailed, match="file not found"):
        _build(shared_data, tmp_path / "kb.sqlite", projections=tmp_path / "nope.csv")
