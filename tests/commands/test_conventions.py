"""Command-line conventions: plans found without naming them, fmt --diff, help with examples,
annotations by default under GitHub Actions, whole-file problems without a 0:0 position."""

from __future__ import annotations

import subprocess

import pytest

from wsoagen.cli import COMMANDS, _parser
from wsoagen.diagnostics import Diagnostic

UNFORMATTED = "title:   Testshire\nlist: [a,b]\n"


def test_validate_with_no_folder_checks_the_current_plan(make_plan, cli, monkeypatch):
    monkeypatch.chdir(make_plan())
    assert cli("validate", "-v")[2].startswith("wsoagen: validating . ...\n")


def test_validate_with_no_folder_checks_every_plan_under_plans(tmp_path, make_plan, cli, monkeypatch):
    from conftest import write_plan

    write_plan(tmp_path / "plans" / "b-shire")
    write_plan(tmp_path / "plans" / "a-shire")
    (tmp_path / "plans" / "notes.md").write_text("not a plan", encoding="utf-8")
    (tmp_path / "plans" / ".hidden").mkdir()
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("validate", "-v")
    assert code == 0
    assert [line for line in err.splitlines() if " ..." in line] == [
        "wsoagen: validating plans/a-shire ...", "wsoagen: validating plans/b-shire ..."]
    assert err.endswith("wsoagen: 2 plans: 0 errors, 0 warnings\n")


def test_a_folder_under_plans_that_is_no_plan_is_reported_by_name(tmp_path, make_plan, cli, monkeypatch):
    (tmp_path / "plans" / "drafts").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("validate")
    assert code == 1
    assert err.startswith("plans/drafts/plan.yaml: error: missing plan.yaml: ")


@pytest.mark.parametrize("command", ["validate", "build"])
def test_no_plan_anywhere_is_a_usage_error_that_says_what_to_do(tmp_path, cli, monkeypatch, command):
    monkeypatch.chdir(tmp_path)
    assert cli(command) == (2, "", "wsoagen: error: no plan found: plan.yaml and plans/*/ do not exist; name the plan "
                                   f"folders (`wsoagen {command} PLAN_DIR`), or start one with `wsoagen init`\n")


def test_build_with_no_folder_builds_every_plan(tmp_path, make_plan, cli, monkeypatch, fake_renderers):
    make_plan(name="plans/testshire")
    monkeypatch.chdir(tmp_path)
    code, _, err = cli("build", "-o", "out", "-q")
    assert code == 0, err
    assert (tmp_path / "out" / "testshire" / "wsoa.pdf").is_file()


# ---------------------------------------------------------------- fmt --diff


def test_fmt_diff_prints_a_patch_and_changes_nothing(tmp_path, cli, monkeypatch):
    (tmp_path / "plan.yaml").write_text(UNFORMATTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = cli("fmt", "--diff", "plan.yaml")
    assert code == 0
    assert out == ("--- a/plan.yaml\n+++ b/plan.yaml\n@@ -1,2 +1,2 @@\n"
                   "-title:   Testshire\n-list: [a,b]\n+title: Testshire\n+list: [a, b]\n")
    assert err == "wsoagen: 1 file, 1 would be reformatted, 0 already formatted\n"
    assert (tmp_path / "plan.yaml").read_text(encoding="utf-8") == UNFORMATTED
    git = subprocess.run(["git", "apply", "-"], input=out, text=True, capture_output=True, cwd=tmp_path)
    assert git.returncode == 0, git.stderr  # the diff is a patch git applies
    assert cli("fmt", "--check", "plan.yaml")[0] == 0


def test_fmt_diff_with_check_fails_and_a_formatted_file_prints_nothing(tmp_path, cli):
    (tmp_path / "a.yaml").write_text(UNFORMATTED, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("title: Testshire\n", encoding="utf-8")
    code, out, _ = cli("fmt", "--diff", "--check", tmp_path / "a.yaml")
    assert code == 1 and out.startswith("--- a/")
    assert cli("fmt", "--diff", tmp_path / "b.yaml")[:2] == (0, "")


def test_fmt_diff_marks_a_missing_final_newline():
    from wsoagen.commands.fmt import unified_diff

    assert unified_diff("a: 1", "a: 1\n", "x.yaml").splitlines()[-3:] == ["-a: 1", "\\ No newline at end of file", "+a: 1"]


# ---------------------------------------------------------------- help, annotations, positions


@pytest.mark.parametrize("command", [*sorted(COMMANDS), "tracker export", "tracker import"])
def test_every_command_has_examples_in_its_help(command, capsys):
    with pytest.raises(SystemExit):
        _parser().parse_args([*command.split(), "--help"])
    text = capsys.readouterr().out
    assert "\nexamples:\n" in text
    assert f"  wsoagen {command}" in text


def test_under_github_actions_annotations_need_no_flag(make_plan, cli, monkeypatch):
    folder = make_plan(workstreams={})
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert cli("validate", folder)[2].splitlines()[0] == (
        f"::warning file={folder}/workstreams,title=workstream-files::this plan has no workstream files yet")
    assert cli("validate", "--error-format", "text", folder)[2].splitlines()[0] == (
        f"{folder}/workstreams: warning: this plan has no workstream files yet [workstream-files]")


def test_a_whole_file_problem_names_the_file_without_a_position():
    d = Diagnostic("plans/x/plan.yaml", 0, 0, "error", "missing plan.yaml", "schema")
    assert str(d) == "plans/x/plan.yaml: error: missing plan.yaml [schema]"
    assert d.github() == "::error file=plans/x/plan.yaml,title=schema::missing plan.yaml"
    assert str(Diagnostic("a.yaml", 3, 5, "error", "m")) == "a.yaml:3:5: error: m"


def test_a_whole_line_problem_has_no_column():
    d = Diagnostic("templates/x/wsoa.html.j2", 4, 0, "error", "template error: boom", "house-style")
    assert str(d) == "templates/x/wsoa.html.j2:4: error: template error: boom [house-style]"
    assert d.github() == "::error file=templates/x/wsoa.html.j2,line=4,title=house-style::template error: boom"


def test_every_example_in_the_help_parses():
    import re
    import shlex

    from wsoagen.cli import EXAMPLES

    lines = [line.strip() for text in EXAMPLES.values() for line in text.splitlines() if line.startswith("  wsoagen ")]
    assert len(lines) > 20
    for line in lines:
        command = re.split(r" {2,}|\s[>|]\s", line)[0]  # drop the description and any redirection
        if "COMMAND" in command:
            continue
        try:
            _parser().parse_args(shlex.split(command)[1:])
        except SystemExit:
            pytest.fail(f"the help's example does not parse: {command}")
