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
    from_file = recognised(
        runner.invoke(
            app, ["guide", "Backend Developer", "Technical Writer", "--skills-file", str(resume), "--format", "json"]
        )
    )
    assert "Django (technology, from “Django”)" in from_file
    assert "Instructing (skill, from “Mentored two junior engineers”)" in from_file
    from_stdin = recognised(
        runner.invoke(
            app,
            [
                "guide",
                "Backend Developer",
                "Technical Writer",
                "--skills",
                "Jira",
                "--skills-file",
                "-",
                "--format",
                "json",
            ],
            input=RESUME,
        )
    )
    assert set(from_file) < set(from_stdin) and any(label.startswith("Atlassian JIRA") for label in from_stdin)


def test_unreadable_skills_file_is_a_usage_error(tmp_path):
    missing = runner.invoke(
        app, ["guide", "Backend Developer", "Technical Writer", "--skills-file", str(tmp_path / "no.txt")]
    )
    assert missing.exit_code == 2 and "cannot read" in " ".join(missing.output.split())
    binary = tmp_path / "resume.pdf"
    binary.write_bytes(b"%PDF-1.7\xff\xfe\x00")
    not_text = runner.invoke(app, ["guide", "Backend Developer", "Technical Writer", "--skills-file", str(binary)])
    assert not_text.exit_code == 2 and "not UTF-8 text" in " ".join(not_text.output.split())  # Rich wraps lines


def test_remove_takes_what_was_read_wrongly_out_of_the_profile():
    args = ["guide", "Backend Developer", "Technical Writer", "--skills", RESUME, "--format", "json"]
    kept = runner.invoke(app, args + ["--remove", "django", "--remove", "skill:Instructing"])
    assert kept.exit_code == 0, kept.output
    personalization = json.loads(kept.stdout)["personalization"]
    assert {s["name"] for s in personalization["skills_read"] if s["removed"]} == {"Django", "Instructing"}
    assert not any(label.startswith(("Django", "Instructing")) for label in personalization["skills_recognised"])


def test_an_ambiguous_title_never_blocks_a_script_and_is_asked_about_in_a_terminal_when_tied(monkeypatch):
    import careerpath.cli.guide as cli

    scripted = runner.invoke(app, ["guide", "Teacher", "Instructional Designer", "--format", "json"])
    assert scripted.exit_code == 0, scripted.output
    guide = json.loads(scripted.stdout[scripted.stdout.index("{") :])
    # The most common of the tied occupations, with the others named.
    assert guide["from"]["code"] in ("25-2021.00", "25-2031.00") and guide["from"]["alternatives"]
    assert guide["headline"].startswith("Teacher → ")

    monkeypatch.setattr(cli, "_asks", lambda: True)
    asked = runner.invoke(app, ["guide", "Teacher", "Instructional Designer", "--format", "json"], input="3\n")
    assert asked.exit_code == 0, asked.output
    chosen = [line.split()[1] for line in asked.output.splitlines() if line.strip().startswith("3 ")][0]
    assert json.loads(asked.stdout[asked.stdout.index("{") :])["from"]["code"] == chosen

    no_answer = runner.invoke(app, ["guide", "Teacher", "Instructional Designer"], input="")
    assert no_answer.exit_code == 2


# -- output files: a clear error and exit code 2, never a traceback (issue 18) -------------------


def test_output_to_a_missing_directory_or_a_directory_is_a_usage_error(tmp_path):
    for target, words in ((tmp_path / "no" / "such" / "g.md", "does not exist"), (tmp_path, "is a directory")):
        result = runner.invoke(
            app, ["guide", "Backend Developer", "Technical Writer", "-f", "markdown", "-o", str(target)]
        )
        assert result.exit_code == 2, result.output
        assert words in " ".join(result.stderr.split()) and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_text_output_to_a_file_is_the_terminal_text_without_colour_codes(tmp_path):
    target = tmp_path / "g.txt"
    result = runner.invoke(app, ["guide", "Backend Developer", "Technical Writer", "-o", str(target)])
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "Technical Writers" in text and "\x1b[" not in text


def test_dash_h_is_help_and_hours_has_its_long_name():
    for args in (["-h"], ["guide", "-h"], ["recommend", "-h"], ["kb", "info", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and "Usage" in result.output, args
    result = runner.invoke(
        app, ["guide", "Backend Developer", "Technical Writer", "--hours-per-week", "20", "--format", "json"]
    )
    assert json.loads(result.stdout)["personalization"]["hours_per_week"] == 20


def test_every_command_takes_format_json_and_the_old_json_flag():
    for args in (
        ["occupation", "15-1252.00"],
        ["resolve", "Registered Nurse"],
        ["recommend", "Cashier", "--top", "2"],
        ["kb", "info"],
        ["resources", "Writing"],
        ["guide", "15-1252.00", "27-3042.00"],
    ):
        new = runner.invoke(app, args + ["--format", "json"])
        old = runner.invoke(app, args + ["--json"])
        assert new.exit_code == 0 and old.exit_code == 0, (args, new.output, old.output)
        assert json.loads(new.stdout) == json.loads(old.stdout), args
    bad = runner.invoke(app, ["occupation", "15-1252.00", "--format", "yaml"])
    assert bad.exit_code == 2 and "--format must be one of" in bad.stderr


def test_errors_are_one_line_on_stderr_with_exit_code_2():
    for args in (
        ["recommend", "Cashier", "--max-difficulty", "impossible"],
        ["recommend", "99-9999.00"],
        ["occupation", "banana"],
        ["guide", "Backend Developer", "Technical Writer", "--location", "Atlantis"],
        ["resolve", "   "],
        ["resources", "Zzzzwriting"],
        ["resources", "Writing", "--budget", "cheap"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert result.stderr.startswith("error:") and result.stdout == "", (args, result.stderr)
