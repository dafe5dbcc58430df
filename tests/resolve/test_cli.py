"""`careerpath resolve` through Typer's test runner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careerpath.cli import app

runner = CliRunner()


def test_human_output():
    result = runner.invoke(app, ["resolve", "AI Technical Writer"])
    assert result.exit_code == 0, result.output
    assert "Technical Writers" in result.output
    assert "AI Technical Writer (ai_technical_writer)" in result.output  # a modern role


def test_json_output_and_top():
    result = runner.invoke(app, ["resolve", "Registered Nurse", "--json", "--top", "2"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert set(data) == {"query", "candidates", "specialization", "ambiguous"}
    assert len(data["candidates"]) == 2
    assert set(data["candidates"][0]) == {"code", "title", "score", "matched"}
    assert data["candidates"][0]["code"] == "29-1141.00"


def test_invalid_title_exits_2_with_message_on_stderr():
    result = runner.invoke(app, ["resolve", "   "])
    assert result.exit_code == 2
    assert "empty title" in result.stderr
    assert result.stdout == ""


def test_stdin_stream_one_json_object_per_line_and_errors_inline():
    lines = "DBA\n\nbackend dev\n" + "x" * 300 + "\n\x00bin\nAI Copywriter\n"
    result = runner.invoke(app, ["resolve", "-", "--top", "3"], input=lines.encode())
    assert result.exit_code == 0
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 6
    assert out[0]["candidates"][0]["code"] == "15-1242.00"
    assert "error" in out[1] and "error" in out[3] and "error" in out[4]
    assert out[5]["specialization"] == {"id": "ai_ml", "name": "AI / Machine Learning"}  # a modifier
    assert all(len(o["candidates"]) <= 3 for o in out if "candidates" in o)


def test_stdin_invalid_utf8_is_an_error_line_not_a_crash():
    result = runner.invoke(app, ["resolve", "-"], input=b"\xff\xfe\xfa\n")
    assert result.exit_code == 0
    assert "error" in json.loads(result.stdout)
