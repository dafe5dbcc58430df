"""`careerpath occupation`, the JSON API and the site's hub pages show the way in too (issue #14)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careerpath.cli import app

runner = CliRunner()


def test_occupation_command_shows_the_route():
    text = runner.invoke(app, ["occupation", "23-1011.00"])
    assert text.exit_code == 0, text.output
    assert "The way in" in text.output and "LSAT" in text.output and "bar exam" in text.output
    data = json.loads(runner.invoke(app, ["occupation", "29-1141", "--format", "json"]).stdout)
    route = data["route"]
    assert route["curated"] and route["licensed"]
    assert any(s["credential"] and s["credential"]["name"].startswith("NCLEX") for s in route["steps"])
    assert all(s["status"] in ("to do", "optional") for s in route["steps"])  # nobody in particular


def test_an_occupation_without_a_curated_route_says_it_is_bls_guidance():
    data = json.loads(runner.invoke(app, ["occupation", "15-1255.00", "--format", "json"]).stdout)
    assert not data["route"]["curated"] and "BLS" in data["route"]["summary"]
