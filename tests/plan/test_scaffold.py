"""`wsoagen new`: a plan folder that validates at once, with every main key shown by example."""

from datetime import date
from pathlib import Path

import pytest

from wsoagen.data.metrics import read_plan
from wsoagen.plan import scaffold
from wsoagen.plan.scaffold import WORKSTREAM_FILE, plan_texts
from wsoagen.plan.schema import packaged_dir

FILES = ["plan.yaml", f"workstreams/{WORKSTREAM_FILE}", "data/example.csv", "README.md"]


def modeline_target(path: Path) -> Path:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema="), first
    return (path.parent / first.split("=", 1)[1]).resolve()


def test_new_plan_validates_at_once_without_warnings(cli, tmp_path):
    folder = tmp_path / "north-somerset"
    code, out, err = cli("new", folder)
    assert code == 0, err
    assert out == "".join(f"wrote {folder / name}\n" for name in FILES)
    assert err == f"wsoagen: new plan in {folder}: edit it, then run `wsoagen validate {folder}`\n"
    code, _, err = cli("validate", folder)
    assert (code, err) == (0, "wsoagen: 1 plan: 0 errors, 0 warnings\n")

    plan, _ = read_plan(folder)
    assert plan.file.local_area == "North Somerset"
    [ws] = plan.workstreams
    [outcome] = ws.outcomes
    assert outcome.impact[0].metrics == ["ehcp-20-weeks"]
    [action] = outcome.actions
    assert action.lead == "head-of-send" and len(action.milestones) == 2
    metric = plan.file.metrics[0]
    assert (metric.baseline.value, metric.target.value) == (42, 80)
    assert [p.value for p in plan.series["ehcp-20-weeks"]][:2] == [42, 46]


def test_new_plan_builds_without_warnings(cli, tmp_path):
    folder = tmp_path / "testshire"
    assert cli("new", folder)[0] == 0
    code, out, err = cli("build", "-q", folder, "-o", tmp_path / "out")
    assert (code, err) == (0, "wsoagen: 1 plan: 0 errors, 0 warnings\n")
    assert (tmp_path / "out" / "testshire" / "wsoa.pdf").is_file()


def test_new_plan_is_already_formatted(cli, tmp_path):
    folder = tmp_path / "testshire"
    cli("new", folder)
    code, _, err = cli("fmt", "--check", folder)
    assert (code, err) == (0, "wsoagen: 2 files, 0 would be reformatted, 2 already formatted\n")


def test_data_file_has_comment_lines_and_the_long_form_header(cli, tmp_path):
    folder = tmp_path / "testshire"
    cli("new", folder)
    lines = (folder / "data" / "example.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ")
    header = next(line for line in lines if not line.startswith("#"))
    assert header == "metric,date,value,note"


@pytest.mark.parametrize("today", [date(2026, 11, 22), date(2027, 1, 1), date(2028, 2, 29), date(2030, 12, 31)])
def test_every_example_uncommented_is_valid_too(tmp_path, today):
    folder = tmp_path / "testshire"
    texts, _ = plan_texts(folder, today=today, examples=True)
    for name, text in texts.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    plan, diags = read_plan(folder)
    assert diags.items == []
    p = plan.file
    assert p.foreword and p.boards and p.risks and p.recommendations and p.metrics[0].interim_targets
    assert p.inspection.inspectors and p.people[1].email
    action = plan.workstreams[0].outcomes[0].actions[0]
    assert action.accountable and action.success_criteria and action.milestones[1].updates


def test_commented_examples_are_comments(tmp_path):
    texts, _ = plan_texts(tmp_path / "testshire", today=date(2026, 11, 22))
    plan = texts["plan.yaml"]
    assert "\n# foreword:" in plan and "\n#   signatories: [director-childrens-services]" in plan
    assert "\n  # report_published: 2026-10-19" in plan
    assert "#:" not in plan and "<<" not in plan


def test_refuses_a_folder_that_is_not_empty(cli, tmp_path):
    folder = tmp_path / "testshire"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    code, out, err = cli("new", folder)
    assert (code, out) == (2, "")
    assert err == f"wsoagen: error: {folder}: folder is not empty: `wsoagen new` only starts a plan in a new or empty folder\n"
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]


def test_an_empty_folder_is_fine_and_a_file_is_not(cli, tmp_path):
    (tmp_path / "empty").mkdir()
    assert cli("new", tmp_path / "empty")[0] == 0
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, _, err = cli("new", tmp_path / "file")
    assert (code, err) == (2, f"wsoagen: error: {tmp_path / 'file'}: is a file, not a folder\n")


def test_local_area_option_with_awkward_characters(cli, tmp_path):
    folder = tmp_path / "x"
    assert cli("new", folder, "--local-area", "St. Helens: East # 2")[0] == 0
    plan, diags = read_plan(folder)
    assert plan.file.local_area == "St. Helens: East # 2"
    assert plan.file.title == "St. Helens: East # 2 Special Educational Needs and Disabilities Written Statement of Action"
    assert diags.items == []


def test_modeline_is_relative_inside_a_repository_with_schemas(cli, tmp_path):
    repo = tmp_path / "council-plans"
    (repo / "schema").mkdir(parents=True)
    for name in ("plan.schema.json", "workstream.schema.json"):
        (repo / "schema" / name).write_text("{}", encoding="utf-8")
    folder = repo / "plans" / "testshire"
    assert cli("new", folder)[0] == 0
    assert (folder / "plan.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../schema/plan.schema.json\n")
    assert (folder / "workstreams" / WORKSTREAM_FILE).read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../schema/workstream.schema.json\n")


def test_modeline_points_at_wsoagens_own_schemas_elsewhere(cli, tmp_path):
    folder = tmp_path / "testshire"
    assert cli("new", folder)[0] == 0
    assert modeline_target(folder / "plan.yaml") == packaged_dir().resolve() / "plan.schema.json"  # the installed package's
    assert modeline_target(folder / "workstreams" / WORKSTREAM_FILE) == packaged_dir().resolve() / "workstream.schema.json"


def test_without_any_schema_it_says_how_to_write_them(cli, tmp_path, monkeypatch):
    monkeypatch.setattr(scaffold, "packaged_dir", lambda: tmp_path / "site" / "lib" / "wsoagen" / "schemas")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    folder = repo / "plans" / "testshire"
    code, _, err = cli("new", folder)
    assert code == 0
    assert err.splitlines()[0] == f"wsoagen: note: no JSON Schema found for editors: run `wsoagen schema --write {repo / 'schema'}`"
    assert modeline_target(folder / "plan.yaml") == repo / "schema" / "plan.schema.json"
    code, _, _ = cli("schema", "--write", repo / "schema")
    assert code == 0 and modeline_target(folder / "plan.yaml").is_file()


KIND_IDS = ["wsoa", "priority-action-plan", "improvement-plan", "accelerated-progress-plan", "strategic-action-plan"]


@pytest.mark.parametrize("kind", KIND_IDS)
def test_each_kind_scaffolds_a_valid_plan_with_its_examples_too(tmp_path, kind):
    for examples in (False, True):
        folder = tmp_path / f"testshire-{examples}"
        texts, _ = plan_texts(folder, today=date(2026, 11, 22), examples=examples, kind=kind)
        for name, text in texts.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")
        plan, diags = read_plan(folder)
        assert diags.items == [], (kind, examples, [d.message for d in diags.items])
        assert plan.file.kind == kind and plan.kind.stem in ("wsoa", kind)
    words = texts["plan.yaml"]
    assert ("statement_due" in words) == (kind == "wsoa")
    assert ("Written Statement of Action" in words) == (kind == "wsoa")
    assert ("outcome: widespread-failings" in words) == (kind == "priority-action-plan")


def test_new_takes_the_kind(cli, tmp_path):
    folder = tmp_path / "testshire"
    code, _, err = cli("new", folder, "--kind", "improvement-plan")
    assert code == 0, err
    assert "kind: improvement-plan" in (folder / "plan.yaml").read_text(encoding="utf-8")
    code, _, err = cli("new", tmp_path / "other", "--kind", "nonsense")
    assert code == 2 and "invalid choice" in err
