import json

from typer.testing import CliRunner

from careerpath.cli import app

runner = CliRunner()


def test_kb_info_json():
    result = runner.invoke(app, ["kb", "info", "--json"])
    assert result.exit_code == 0, result.output
    info = json.loads(result.stdout)
    assert info["occupations"] == 1016
    assert info["onet_version"] == "30.1"
    assert "CC BY 4.0" in info["attribution"]


def test_occupation_json():
    result = runner.invoke(app, ["occupation", "15-1252.00", "--json"])
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["title"] == "Software Developers"
    assert record["wages"]["annual"]["median"] == 135980
    assert record["outlook"]["change_percent"] == 15.8
    assert record["skills"][0]["name"] == "Programming"


def test_occupation_text_mentions_wage():
    result = runner.invoke(app, ["occupation", "27-3042"])
    assert result.exit_code == 0, result.output
    assert "Technical Writers" in result.stdout and "$90,390" in result.stdout


def test_unknown_and_malformed_codes_exit_2():
    for code in ("99-9999.00", "banana", ""):
        result = runner.invoke(app, ["occupation", code])
        assert result.exit_code == 2, (code, result.output)
        assert "Traceback" not in result.output


def test_the_help_names_the_data_releases_the_shipped_knowledge_base_records():
    from typer.testing import CliRunner

    from careerpath.cli import app
    from careerpath.kb import KnowledgeBase
    from careerpath.shipped import release_labels

    meta = KnowledgeBase.default().meta
    assert release_labels() == {
        "onet": meta["onet_version"],
        "oews": meta["oews_release"],
        "projections": meta["projections_release"],
    }
    shown = " ".join(CliRunner().invoke(app, ["--help"]).output.split())
    assert f"O*NET {meta['onet_version']}" in shown and f"BLS OEWS {meta['oews_release']}" in shown
