"""`wsoagen init`: a plan repository in one command, that validates from its root as it stands."""

from __future__ import annotations

import json

import pytest

from wsoagen import __version__
from wsoagen.commands import repository

FILES = [".gitattributes", ".gitignore", "requirements.txt", ".pre-commit-config.yaml", ".github/workflows/wsoagen.yml",
         ".gitlab-ci.yml", "README.md", "schema/plan.schema.json", "schema/workstream.schema.json",
         "schema/report.schema.json", "plans/testshire/plan.yaml", "plans/testshire/workstreams/1-ehc-plans.yaml",
         "plans/testshire/data/example.csv", "plans/testshire/README.md"]


@pytest.fixture
def repo(tmp_path, cli, monkeypatch):
    """A repository made by `wsoagen init` in tmp_path/testshire, which is the current folder."""
    folder = tmp_path / "testshire"
    folder.mkdir()
    monkeypatch.chdir(folder)
    code, out, err = cli("init")
    assert code == 0, err
    assert out == "".join(f"wrote {name}\n" for name in FILES)
    assert err == ("wsoagen: a plan repository for Testshire in .: edit plans/testshire/, then run `wsoagen validate`; "
                   "commit and push, and CI validates and builds it\n")
    return folder


def test_the_new_repository_validates_from_its_root_with_no_warning(repo, cli):
    assert cli("validate") == (0, "", "wsoagen: 1 plan: 0 errors, 0 warnings\n")
    assert cli("validate", "--strict") == (0, "", "wsoagen: 1 plan: 0 errors, 0 warnings\n")


def test_the_plan_files_point_at_the_repository_schemas_and_they_are_this_versions(repo, cli):
    plan = (repo / "plans/testshire/plan.yaml").read_text(encoding="utf-8")
    workstream = (repo / "plans/testshire/workstreams/1-ehc-plans.yaml").read_text(encoding="utf-8")
    assert plan.startswith("# yaml-language-server: $schema=../../schema/plan.schema.json\n")
    assert workstream.startswith("# yaml-language-server: $schema=../../../schema/workstream.schema.json\n")
    code, _, _ = cli("schema", "--write", repo / "fresh")
    assert code == 0
    for name in ("plan", "workstream", "report"):
        assert (repo / "schema" / f"{name}.schema.json").read_bytes() == (repo / "fresh" / f"{name}.schema.json").read_bytes()


def test_files_are_written_with_lf_line_endings_and_gitattributes_keeps_them(repo):
    for name in FILES:
        assert b"\r" not in (repo / name).read_bytes(), name
    assert "* text=auto eol=lf" in (repo / ".gitattributes").read_text(encoding="utf-8").splitlines()


def test_the_readme_and_ci_files_name_the_plan_and_the_version(repo):
    readme = (repo / "README.md").read_text(encoding="utf-8")
    assert readme.startswith("# Testshire SEND Written Statement of Action\n")
    assert "`plans/testshire/workstreams/`" in readme and f"wsoagen {__version__}" in readme
    for name in (".github/workflows/wsoagen.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        assert f"written by wsoagen {__version__}." in (repo / name).read_text(encoding="utf-8"), name
    assert "<<" not in "".join((repo / name).read_text(encoding="utf-8") for name in FILES)


def test_running_init_again_changes_nothing(repo, cli):
    before = {name: (repo / name).read_bytes() for name in FILES}
    code, out, err = cli("init")
    assert code == 0
    assert out == "".join(f"unchanged {name}\n" for name in FILES if not name.startswith("plans/"))
    assert err.startswith("wsoagen: the plans already here are left as they are: plans/testshire\n")
    assert {name: (repo / name).read_bytes() for name in FILES} == before


def test_init_refuses_to_overwrite_a_file_with_other_content_and_writes_nothing(tmp_path, cli, monkeypatch):
    folder = tmp_path / "north-somerset"
    (folder / ".github" / "workflows").mkdir(parents=True)
    (folder / "README.md").write_text("# Our own readme\n", encoding="utf-8")
    (folder / ".github/workflows/wsoagen.yml").write_text("name: ours\n", encoding="utf-8")
    code, out, err = cli("init", folder)
    assert (code, out) == (2, "")
    assert err == (f"wsoagen: error: {folder}: 2 files already there with other content; nothing was written "
                   f"(move them away, or start in an empty folder):\n  {folder}/.github/workflows/wsoagen.yml\n  {folder}/README.md\n")
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()) == [
        ".github/workflows/wsoagen.yml", "README.md"]


def test_init_names_the_plan_after_the_local_area(tmp_path, cli):
    code, out, err = cli("init", tmp_path / "repo", "--local-area", "North Somerset")
    assert code == 0, err
    assert f"wrote {(tmp_path / 'repo/plans/north-somerset/plan.yaml').as_posix()}\n" in out
    assert "local_area: North Somerset\n" in (tmp_path / "repo/plans/north-somerset/plan.yaml").read_text(encoding="utf-8")
    assert f"cd {(tmp_path / 'repo').as_posix()} && wsoagen validate" in err


def test_init_on_a_file_is_a_usage_error(tmp_path, cli):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert cli("init", tmp_path / "file") == (2, "", f"wsoagen: error: {tmp_path}/file: is a file, not a folder\n")


def test_a_stale_editor_schema_is_a_warning_until_refreshed(repo, cli):
    (repo / "schema/report.schema.json").write_text("{}\n", encoding="utf-8")
    code, out, err = cli("validate")
    assert (code, out) == (0, "")
    assert err == (f"schema/report.schema.json: warning: the editor schema is not wsoagen {__version__}'s: "
                   "refresh it with `wsoagen schema --write schema` [editor-schema]\nwsoagen: 1 plan: 0 errors, 1 warning\n")
    assert cli("validate", "--strict")[0] == 1
    assert cli("schema", "--write", "schema")[0] == 0
    assert cli("validate") == (0, "", "wsoagen: 1 plan: 0 errors, 0 warnings\n")


# ---------------------------------------------------------------- the wsoagen that requirements.txt names


@pytest.mark.parametrize(("direct_url", "line"), [
    (None, f"wsoagen=={__version__}"),
    ({"url": "https://github.com/council/wsoagen", "vcs_info": {"vcs": "git", "commit_id": "abc123", "requested_revision": "v1"}},
     "wsoagen @ git+https://github.com/council/wsoagen@abc123"),
    ({"url": "https://files.example.org/wsoagen-1.0-py3-none-any.whl", "archive_info": {}},
     "wsoagen @ https://files.example.org/wsoagen-1.0-py3-none-any.whl"),
], ids=["index", "git", "wheel"])
def test_requirements_pin_the_installed_wsoagen(monkeypatch, direct_url, line):
    class Dist:
        def read_text(self, name):
            return None if direct_url is None else json.dumps(direct_url)

    monkeypatch.setattr(repository.metadata, "distribution", lambda name: Dist())
    assert repository.requirement() == line


def test_a_wsoagen_installed_from_a_folder_asks_for_a_place_ci_can_reach(monkeypatch):
    class Dist:
        def read_text(self, name):
            return json.dumps({"url": "file:///home/me/wsoagen", "dir_info": {"editable": True}})

    monkeypatch.setattr(repository.metadata, "distribution", lambda name: Dist())
    lines = repository.requirement().splitlines()
    assert lines[-1] == f"wsoagen=={__version__}"
    assert all(line.startswith("# ") for line in lines[:-1])
    assert "/home/me" not in "\n".join(lines)


def test_every_template_is_package_data():
    import tomllib

    from conftest import ROOT

    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"]["wsoagen"]
    assert "repo/*" in package_data
    shipped = sorted(p.name for p in (ROOT / "src/wsoagen/repo").iterdir())
    assert shipped == sorted(repository.FILES)
    assert not any(name.startswith(".") for name in shipped)  # setuptools' globs skip hidden files


def test_in_a_repository_with_plans_init_adds_only_what_is_around_them(tmp_path, cli, make_plan):
    from conftest import write_plan

    folder = tmp_path / "council"
    plan = write_plan(folder / "plans" / "north-somerset")
    before = {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()}
    code, out, err = cli("init", folder)
    assert code == 0, err
    assert out == "".join(f"wrote {(folder / name).as_posix()}\n" for name in FILES if not name.startswith("plans/"))
    assert err.startswith(f"wsoagen: the plans already here are left as they are: plans/north-somerset\n"
                          f"wsoagen: a plan repository for North Somerset in {folder}: edit plans/north-somerset/")
    assert {p: p.read_bytes() for p in plan.rglob("*") if p.is_file()} == before
    assert "`plans/north-somerset/workstreams/`" in (folder / "README.md").read_text(encoding="utf-8")
