"""careerpath export on a small local Dask cluster: files, resumability, same bytes as the site."""

import json

import pytest
from typer.testing import CliRunner

pytest.importorskip("distributed")

from careerpath.cli import app
from careerpath.export.plan import pair, pair_count, rated_codes, select
from careerpath.export.render import render_chunk, render_hubs, slug_for
from careerpath.export.run import export


def test_pairs_are_every_ordered_pair_once():
    codes = rated_codes()[:7]
    assert sorted(pair(codes, i) for i in range(pair_count(codes))) == sorted(
        (a, b) for a in codes for b in codes if a != b
    )
    assert select(20) == select(20) and len(set(select(20))) == 20 and select(20, seed=2) != select(20)
    only = select(sources=["15-1252.00"])
    assert len(only) == len(rated_codes()) - 1 and {a for a, _ in only} == {"15-1252.00"}


def test_export_on_a_local_cluster_then_resume_does_no_work(tmp_path):
    out = tmp_path / "site"
    result = CliRunner().invoke(app, ["export", "--sample", "20", "--workers", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())  # rich wraps lines to the terminal width
    assert "20 written" in text and "pages/s per core" in text
    pages = sorted((out / "pathways").glob("*.html"))
    assert len(pages) == 20 and len(list((out / "pathways").glob("*.json"))) == 20
    assert not list(out.rglob("*.tmp"))  # written aside, renamed when complete
    assert (out / "static" / "app.js").exists() and (out / "static-guide.css").exists()

    # The second run finds everything on disk and submits nothing (no cluster is even started).
    again = export(out, select(20), workers=2)
    assert (again.written, again.already) == (0, 20)
    result = CliRunner().invoke(app, ["export", "--sample", "20", "--workers", "2", "--out", str(out)])
    assert result.exit_code == 0 and "0 written, 20 already there" in " ".join(result.output.split())

    # A pathway missing a file (an interrupted run) is rendered again; the others are skipped.
    slug = pages[0].stem
    (out / "pathways" / f"{slug}.json").unlink()
    written, skipped, _ = render_chunk(str(out), select(20))
    assert (written, skipped) == (1, 19)
    data = json.loads((out / "pathways" / f"{slug}.json").read_text())
    assert slug_for(data["from"]["code"], data["to"]["code"]) == slug


def test_exported_page_is_what_the_site_serves(tmp_path):
    from fastapi.testclient import TestClient

    from careerpath.web.app import create_app
    from careerpath.web.context import Settings

    pairs = [("15-1252.00", "27-3042.00")]
    render_chunk(str(tmp_path), pairs)
    assert render_hubs(str(tmp_path), [("to", "27-3042.00")])[:2] == (1, 0)
    slug = slug_for(*pairs[0])
    with TestClient(create_app(Settings(database_url=f"sqlite:///{tmp_path / 'w.sqlite'}"), warm_up=False)) as c:
        served = c.get(f"/pathways/{slug}", headers={"accept-encoding": "identity"}).content
        served_json = c.get(f"/pathways/{slug}.json").json()
        hub = c.get("/pathways/to/technical-writers", headers={"accept-encoding": "identity"}).content
    assert (tmp_path / "pathways" / f"{slug}.html").read_bytes() == served
    assert (tmp_path / "pathways" / "to" / "technical-writers.html").read_bytes() == hub
    assert json.loads((tmp_path / "pathways" / f"{slug}.json").read_text()) == served_json
