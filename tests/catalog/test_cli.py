import json

import typer
from typer.testing import CliRunner

from careerpath.catalog.cli import resources_command

runner = CliRunner()
app = typer.Typer()
app.command()(resources_command)


def invoke(*args):
    return runner.invoke(app, list(args))


def test_skill_by_name_case_insensitive_json():
    result = invoke("writing", "--json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert rows[0]["id"] == "google-technical-writing-one"
    assert set(rows[0]) == {"id", "name", "provider", "url", "cost", "format", "hours", "level"}


def test_element_id_technology_topic_and_specialization():
    for item in ("2.C.4.a", "Python", "python", "healthcare.privacy", "ai_ml"):
        result = invoke(item, "--json")
        assert result.exit_code == 0, (item, result.output)
        assert json.loads(result.stdout), item


def test_budget_free():
    rows = json.loads(invoke("Writing", "--json", "--budget", "free").stdout)
    assert rows and {r["cost"] for r in rows} == {"free"}


def test_table_output():
    result = invoke("Writing")
    assert result.exit_code == 0
    assert "Learning resources for Writing (skill)" in result.stdout and "free" in result.stdout


def test_unknown_item_suggests_close_matches():
    result = invoke("Writting")
    assert result.exit_code == 2
    assert "Writing" in result.output


def test_bad_budget():
    assert invoke("Writing", "--budget", "cheap").exit_code == 2
