"""The guide command reads a person's skills from the command line, a file or standard input."""

import json

from typer.testing import CliRunner

from careerpath.cli import app

runner = CliRunner()
RESUME = "Senior Software Engineer (2019 - present)\n- Built REST APIs in Python and Django\n- Mentored two junior engineers\n"


def recognised(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["personalization"]["skills_recognised"]


def test_skills_file_and_stdin_read_a_resume(tmp_path):
    resume = tmp_path / "resume.txt"
    resume.write_text(RESUME, encoding="utf-8")
    from_file = recognised(runner.invoke(app, ["guide", "Backend Developer", "Technical Writer",
                                               "--skills-file", str(resume), "--format", "json"]))
    assert "Django (technology, from “Django”)" in from_file
    assert "Instructing (skill, from “Mentored two junior engineers”)" in from_file
    from_stdin = recognised(runner.invoke(app, ["guide", "Backend Developer", "Technical Writer", "--skills", "Jira",
                                                "--skills-file", "-", "--format", "json"], input=RESUME))
    assert set(from_file) < set(from_stdin) and any(label.startswith("Atlassian JIRA") for label in from_stdin)


def test_unreadable_skills_file_is_a_usage_error(tmp_path):
    missing = runner.invoke(app, ["guide", "Backend Developer", "Technical Writer", "--skills-file", str(tmp_path / "no.txt")])
    assert missing.exit_code == 2 and "cannot read" in " ".join(missing.output.split())
    binary = tmp_path / "resume.pdf"
    binary.write_bytes(b"%PDF-1.7\xff\xfe\x00")
    not_text = runner.invoke(app, ["guide", "Backend Developer", "Technical Writer", "--skills-file", str(binary)])
    assert not_text.exit_code == 2 and "not UTF-8 text" in " ".join(not_text.output.split())   # Rich wraps lines


def test_remove_takes_what_was_read_wrongly_out_of_the_profile():
    args = ["guide", "Backend Developer", "Technical Writer", "--skills", RESUME, "--format", "json"]
    kept = runner.invoke(app, args + ["--remove", "django", "--remove", "skill:Instructing"])
    assert kept.exit_code == 0, kept.output
    personalization = json.loads(kept.stdout)["personalization"]
    assert {s["name"] for s in personalization["skills_read"] if s["removed"]} == {"Django", "Instructing"}
    assert not any(label.startswith(("Django", "Instructing")) for label in personalization["skills_recognised"])


def test_an_ambiguous_title_never_blocks_a_script_and_is_asked_about_in_a_terminal_when_tied(monkeypatch):
    import careerpath.cli as cli

    scripted = runner.invoke(app, ["guide", "Teacher", "Instructional Designer", "--format", "json"])
    assert scripted.exit_code == 0, scripted.output
    guide = json.loads(scripted.stdout[scripted.stdout.index("{"):])
    # The most common of the tied occupations, with the others named.
    assert guide["from"]["code"] in ("25-2021.00", "25-2031.00") and guide["from"]["alternatives"]
    assert guide["headline"].startswith("Teacher → ")

    monkeypatch.setattr(cli, "_asks", lambda: True)
    asked = runner.invoke(app, ["guide", "Teacher", "Instructional Designer", "--format", "json"], input="3\n")
    assert asked.exit_code == 0, asked.output
    chosen = [line.split()[1] for line in asked.output.splitlines() if line.strip().startswith("3 ")][0]
    assert json.loads(asked.stdout[asked.stdout.index("{"):])["from"]["code"] == chosen

    no_answer = runner.invoke(app, ["guide", "Teacher", "Instructional Designer"], input="")
    assert no_answer.exit_code == 2
