"""report-previous: a report's `previous:` names a commit where the plan was valid; problems are
reported at the report's `previous:` (its revision or date), and the plan then is read once."""

import subprocess
from datetime import date
from pathlib import Path

import pytest
from rulecheck import found

from conftest import ROOT
from wsoagen.data import checks

REPORT = "board: B\nmeeting: 2019-12-10\nas_at: 2019-12-02\nsummary: S\n"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture
def committed(make_plan):
    """A plan folder committed once, with a report whose `previous:` the test writes."""
    folder = make_plan()
    (folder / "reports").mkdir()
    repo = folder.parent
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "t@example.org")
    git(repo, "config", "user.name", "Test")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first", "--date", "2019-11-15T12:00:00")

    def with_previous(previous: str) -> Path:
        (folder / "reports" / "r.yaml").write_text(REPORT + previous)
        return folder
    return with_previous


def test_a_revision_that_does_not_exist(committed):
    folder = committed("previous:\n  revision: nosuchrev\n")
    assert found(folder) == [
        f"reports/r.yaml:6:13: error: cannot work out what changed: revision 'nosuchrev' does not exist in {folder.parent.resolve()} [report-previous]",
    ]


def test_a_date_before_the_first_commit(committed):
    folder = committed("previous:\n  date: 2019-01-31\n")
    assert found(folder) == [
        f"reports/r.yaml:6:9: error: cannot work out what changed: no commit of {folder} on or before 2019-01-31 [report-previous]",
    ]


def test_a_revision_and_a_date_point_at_the_key(committed):
    folder = committed("previous:\n  revision: HEAD\n  date: 2019-11-30\n")
    assert found(folder) == [
        "reports/r.yaml:5:1: error: cannot work out what changed: give a revision or a date to compare with, not both [report-previous]",
    ]


def test_a_good_revision_is_read_once_for_check_and_build(committed, monkeypatch, tmp_path):
    from wsoagen.pipeline import build

    folder = committed("previous:\n  revision: HEAD\n")
    reads = []
    real = checks.previous_plan
    monkeypatch.setattr(checks, "previous_plan", lambda *a, **k: reads.append(k) or real(*a, **k))
    result = build(folder, tmp_path / "out", date(2019, 12, 2))
    assert [d for d in result.diagnostics.items if d.rule == "report-previous"] == []
    assert reads == [{"revision": "HEAD", "before": None}]
    assert (tmp_path / "out" / folder.name / "report-2019-12-10-b.html").is_file()


def test_the_example_compares_with_a_commit_in_this_repository():
    assert found(ROOT / "plans" / "peterborough", rule="report-previous") == []
