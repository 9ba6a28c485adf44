"""What changed since the last report: real git repositories, exact summary lines and errors."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

import pytest

from conftest import MINI_PLAN, MINI_WORKSTREAM
from wsoagen.data.changes import Changes, compare, previous_plan
from wsoagen.data.metrics import read_plan
from wsoagen.diagnostics import UsageError

AS_AT = date(2020, 1, 31)

PLAN = MINI_PLAN + """\
metrics:
  - id: ehcp-20-weeks
    title: New EHC plans issued within 20 weeks
    unit: "%"
"""

HEAD = MINI_WORKSTREAM.split("        milestones:\n")[0] + "        milestones:\n"

V1 = HEAD + """\
          - text: Needs assessment agreed
            deadline: Nov 2019
            status: Green
            status_date: Oct 2019
          - text: Consultation held
            deadline: March 2020
          - text: Strategy in place
            deadline: June 2020 to April 2021
"""

# Blue added by an update, one milestone re-dated, one replaced, a new action.
V2 = HEAD + """\
          - text: Needs assessment agreed
            deadline: Nov 2019
            status: Green
            status_date: Oct 2019
            updates:
              - date: Dec 2019
                text: Agreed at the partnership board.
                status: Blue
          - text: Consultation held
            deadline: June 2020
          - text: Strategy published
            deadline: Sept 2020
      - ref: 1.1b
        text: Train the **panel** in the new process.
        lead: ann-smith
        milestones:
          - text: Panel trained
            deadline: Jan 2020
"""

DATA = "metric,date,value\nehcp-20-weeks,May 2019,71\nehcp-20-weeks,Oct 2019,90\n"

V1_TO_V2 = [
    "1.1a: 'Needs assessment agreed' moved from Green to Blue (Dec 2019)",
    "1.1a: 'Consultation held' re-dated from March 2020 to June 2020",
    "New action 1.1b: 'Train the panel in the new process.'",
    "1.1a: new milestone 'Strategy published' (deadline Sept 2020)",
    "1.1b: new milestone 'Panel trained' (deadline Jan 2020)",
    "1.1a: milestone 'Strategy in place' removed (deadline June 2020 to April 2021)",
    "New EHC plans issued within 20 weeks: 90% in October 2019, the first figure reported",
]


def changes_since(folder: Path, as_at: date, **at: object) -> tuple[Changes, str]:
    """What a board report lists: the working folder against the plan at a revision or date."""
    old, commit_desc = previous_plan(folder, **at)
    return compare(old, read_plan(folder)[0], as_at), commit_desc


# ---------------------------------------------------------------- a repository with history


def git(repo: Path, *args: str, day: str | None = None) -> str:
    """Run git in `repo`, ignoring the user's config; `day` fixes the commit dates (noon UTC)."""
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+0000"
    proc = subprocess.run(["git", "-C", str(repo), *args], env=env, capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def init_repo(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q")
    git(root, "config", "user.name", "Test Officer")
    git(root, "config", "user.email", "officer@example.org")
    return root


def write_plan(folder: Path, workstream: str, plan: str = PLAN, data: str | None = None) -> None:
    (folder / "workstreams").mkdir(parents=True, exist_ok=True)
    (folder / "plan.yaml").write_text(plan, encoding="utf-8")
    (folder / "workstreams" / "1.yaml").write_text(workstream, encoding="utf-8")
    if data is not None:
        (folder / "data").mkdir(exist_ok=True)
        (folder / "data" / "d.csv").write_text(data, encoding="utf-8")


def commit(repo: Path, day: str, message: str) -> str:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, day=day)
    return git(repo, "rev-parse", "--short", "HEAD")


@pytest.fixture
def history(tmp_path: Path):
    """A repo with plans/testshire committed twice: V1 on 2019-11-15, V2 and data on 2020-01-20."""
    root = init_repo(tmp_path / "repo")
    folder = root / "plans" / "testshire"
    write_plan(folder, V1)
    first = commit(root, "2019-11-15", "Plan as agreed")
    write_plan(folder, V2, data=DATA)
    second = commit(root, "2020-01-20", "January board update")
    return folder, first, second


# ---------------------------------------------------------------- by revision and by date


@pytest.mark.parametrize("revision", ["HEAD~1", "first-hash", "full-hash", "board-nov"])
def test_changes_since_a_revision(history, revision):
    folder, first, _ = history
    git(folder, "tag", "board-nov", "HEAD~1")
    revision = {"first-hash": first, "full-hash": git(folder, "rev-parse", first)}.get(revision, revision)
    changes, commit_desc = changes_since(folder, AS_AT, revision=revision)
    assert commit_desc == f"{first} (2019-11-15)"
    assert changes.summary_lines() == V1_TO_V2


def test_changes_since_a_date_take_the_last_commit_on_or_before_it(history):
    folder, first, second = history
    changes, commit_desc = changes_since(folder, AS_AT, before=date(2019, 12, 31))
    assert commit_desc == f"{first} (2019-11-15)"
    assert changes.summary_lines() == V1_TO_V2
    assert previous_plan(folder, before=date(2019, 11, 15))[1] == f"{first} (2019-11-15)"
    assert previous_plan(folder, before=date(2020, 1, 20))[1] == f"{second} (2020-01-20)"


def test_the_fields_behind_the_lines(history):
    folder, *_ = history
    changes, _ = changes_since(folder, AS_AT, revision="HEAD~1")
    move = changes.status_moves[0]
    assert (move.action_ref, move.from_status, move.to_status, move.status_date.text) == ("1.1a", "green", "blue", "Dec 2019")
    assert [(r.old_deadline.text, r.new_deadline.text) for r in changes.redated] == [("March 2020", "June 2020")]
    assert [(a.ref, a.text) for a in changes.new_actions] == [("1.1b", "Train the **panel** in the new process.")]
    metric = changes.metric_moves[0]
    assert (metric.metric_id, metric.old, metric.new.value, metric.change, metric.improved) == ("ehcp-20-weeks", None, 90, None, None)


def test_status_is_read_as_at_the_report_date(history):
    folder, *_ = history
    changes, _ = changes_since(folder, date(2019, 11, 30), revision="HEAD~1")
    assert changes.status_moves == []  # Blue was recorded in December
    assert "New EHC plans issued within 20 weeks: 90% in October 2019, the first figure reported" in changes.summary_lines()


def test_uncommitted_changes_count_as_now(history):
    folder, *_ = history
    assert changes_since(folder, AS_AT)[0].summary_lines() == []  # a clean tree against HEAD
    (folder / "workstreams" / "1.yaml").write_text(V2.split("      - ref: 1.1b")[0], encoding="utf-8")
    (folder / "data" / "d.csv").write_text(DATA + "ehcp-20-weeks,Nov 2019,85\n", encoding="utf-8")
    changes, _ = changes_since(folder, AS_AT)
    assert changes.summary_lines() == [
        "Action 1.1b removed: 'Train the panel in the new process.'",
        "1.1b: milestone 'Panel trained' removed (deadline Jan 2020)",
        "New EHC plans issued within 20 weeks: 85% in November 2019, down from 90% in October 2019, a deterioration",
    ]


def test_a_plan_at_the_root_of_its_repository(tmp_path):
    root = init_repo(tmp_path / "testshire")
    write_plan(root, V1)
    first = commit(root, "2019-11-15", "Plan as agreed")
    write_plan(root, V2, data=DATA)
    plan, commit_desc = previous_plan(root, revision="HEAD")
    assert commit_desc == f"{first} (2019-11-15)"
    assert plan.name == "testshire"
    assert changes_since(root, AS_AT)[0].summary_lines() == V1_TO_V2
    assert changes_since(root, AS_AT, before=date(2019, 11, 15))[0].summary_lines() == V1_TO_V2


# ---------------------------------------------------------------- compare on its own


def test_compare_metrics_statuses_and_outcomes(make_plan):
    plan = PLAN + """\
  - id: backlog
    title: EHC needs assessments over 20 weeks
    better: lower
  - id: wait
    title: Average wait for a first appointment
    unit: weeks
    better: lower
status_scheme:
  name: Per cent complete
  percent: true
"""
    ws = MINI_WORKSTREAM.replace("status: Blue", "status: 50%")
    long_text = "Joint commissioning strategy agreed by the Health and Wellbeing Board and published online"
    old_folder = make_plan(plan=plan, workstreams={"1.yaml": ws + "          - text: Ongoing review\n"})
    (old_folder / "data").mkdir()
    (old_folder / "data" / "d.csv").write_text("metric,date,value\nbacklog,2019-05-22,155\nwait,May 2019,7\nehcp-20-weeks,May 2019,71\n")
    new_ws = (ws.replace("status: 50%\n            status_date: Nov 2019", "status: 100%\n            status_date: 2 December 2019")
              .replace("deadline: June 2020 to April 2021", "deadline: From June 2020")
              .replace("Strategy in place", long_text)
              + "          - text: Ongoing review\n            deadline: June 2020 to April 2021\n"
              + '  - ref: "1.2"\n    text: Families know what is on offer.\n    impact: [Half of families by 2021]\n')
    new_folder = make_plan(plan=plan, workstreams={"1.yaml": new_ws})
    (new_folder / "data").mkdir()
    (new_folder / "data" / "d.csv").write_text("metric,date,value\nbacklog,2019-05-22,155\nbacklog,2019-10-03,40\n"
                                               "wait,May 2019,7\nwait,Oct 2019,9\nehcp-20-weeks,Oct 2019,71\n")
    changes = compare(read_plan(old_folder)[0], read_plan(new_folder)[0], AS_AT)
    assert changes.summary_lines() == [
        "1.1a: 'Needs assessment agreed' moved from 50% to 100% (2 December 2019)",
        '1.1a: \'Ongoing review\' re-dated from no deadline to "June 2020 to April 2021"',
        "New outcome 1.2: 'Families know what is on offer.'",
        "1.1a: new milestone 'Joint commissioning strategy agreed by the Health and ...' (deadline From June 2020)",
        "1.1a: milestone 'Strategy in place' removed (deadline June 2020 to April 2021)",
        "New EHC plans issued within 20 weeks: 71% in October 2019, unchanged from 71% in May 2019",
        "EHC needs assessments over 20 weeks: 40 on 03/10/2019, down from 155 on 22/05/2019, an improvement",
        "Average wait for a first appointment: 9 weeks in October 2019, up from 7 weeks in May 2019, a deterioration",
    ]
    backwards = compare(read_plan(new_folder)[0], read_plan(old_folder)[0], AS_AT).summary_lines()
    assert backwards[:4] == [
        "1 milestone became overdue, of action 1.1a",  # 'Needs assessment agreed' (Nov 2019) is no longer complete
        "1.1a: 'Needs assessment agreed' moved from 100% to 50% (Nov 2019)",
        "1.1a: 'Ongoing review' re-dated from \"June 2020 to April 2021\" to no deadline",
        "1.1a: new milestone 'Strategy in place' (deadline June 2020 to April 2021)",
    ]
    assert "Outcome 1.2 removed: 'Families know what is on offer.'" in backwards


def test_a_status_taken_away_and_text_edits_that_are_only_spacing(make_plan):
    old = read_plan(make_plan())[0]
    new_ws = MINI_WORKSTREAM.replace("            status: Blue\n            status_date: Nov 2019\n", "").replace(
        "text: Strategy in place", "text: strategy  in  PLACE")
    new = read_plan(make_plan(workstreams={"1.yaml": new_ws}))[0]
    assert compare(old, new, AS_AT).summary_lines() == ["1 milestone became overdue, of action 1.1a",
                                                        "1.1a: 'Needs assessment agreed' moved from Blue to Not rated"]
    assert compare(old, old, AS_AT).summary_lines() == []


# ---------------------------------------------------------------- errors, in plain words


def test_a_folder_outside_git(make_plan, monkeypatch, tmp_path):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    folder = make_plan()
    with pytest.raises(UsageError) as exc:
        previous_plan(folder, revision="HEAD")
    assert str(exc.value) == f"{folder} is not in a git repository: 'what changed' needs the plan's history"


def test_git_not_installed(history, monkeypatch):
    folder, *_ = history
    monkeypatch.setenv("PATH", "")
    with pytest.raises(UsageError) as exc:
        previous_plan(folder)
    assert str(exc.value) == "git is not installed (or not on PATH): 'what changed' needs git to read the plan's history"


@pytest.mark.parametrize("revision", ["abc", "HEAD~5", "--output=/tmp/x"])
def test_a_revision_that_does_not_exist(history, revision):
    folder, *_ = history
    with pytest.raises(UsageError) as exc:
        previous_plan(folder, revision=revision)
    assert str(exc.value) == f"revision '{revision}' does not exist in {folder.parents[1].resolve()}"


def test_a_date_before_the_first_commit(history):
    folder, *_ = history
    with pytest.raises(UsageError) as exc:
        previous_plan(folder, before=date(2019, 1, 1))
    assert str(exc.value) == f"no commit of {folder} on or before 2019-01-01"


def test_the_folder_did_not_exist_at_the_revision(tmp_path):
    root = init_repo(tmp_path / "repo")
    (root / "README.md").write_text("Plans.\n")
    first = commit(root, "2019-11-15", "Start")
    folder = root / "plans" / "testshire"
    write_plan(folder, V1)
    commit(root, "2020-01-20", "Add the plan")
    with pytest.raises(UsageError) as exc:
        previous_plan(folder, revision="HEAD~1")
    assert str(exc.value) == f"{folder} did not exist at {first} (2019-11-15)"
    with pytest.raises(UsageError) as exc:
        previous_plan(folder, before=date(2019, 12, 1))
    assert str(exc.value) == f"no commit of {folder} on or before 2019-12-01"


def test_an_invalid_plan_at_the_revision(tmp_path):
    root = init_repo(tmp_path / "repo")
    folder = root / "testshire"
    write_plan(folder, V1.replace("status: Green", "status: Purple"))
    first = commit(root, "2019-11-15", "Plan with a typo")
    write_plan(folder, V1)
    commit(root, "2019-11-16", "Fixed")
    with pytest.raises(UsageError) as exc:
        changes_since(folder, AS_AT, revision="HEAD~1")
    assert str(exc.value) == (f"the plan at {first} (2019-11-15) has errors: {folder}/workstreams/1.yaml:20:21: "
                              "unknown status \"Purple\" (this plan's statuses are: blue, green, amber, red)")


def test_revision_and_date_together(history):
    folder, *_ = history
    with pytest.raises(UsageError, match="not both"):
        previous_plan(folder, revision="HEAD", before=AS_AT)


def test_since_names_the_previous_report_by_its_board_and_meeting(make_plan):
    from wsoagen.data.changes import since
    from wsoagen.plan.model import Report

    def report(**fields: object) -> Report:
        return Report.model_validate({"board": "Health and Wellbeing Board", "meeting": "2020-03-10", "as_at": "2020-03-02",
                                      "summary": "S", **fields})

    january = Report.model_validate({"board": "SEND Executive Board", "meeting": "2020-01-21", "as_at": "2020-01-14", "summary": "S"})
    for name in ("2020-01-21-send-executive-board", "2020-01-21"):
        found = since(report(previous={"report": name}), [january])
        assert (found.words, found.as_at) == ("the report to the SEND Executive Board on 21 January 2020", date(2020, 1, 14))
    assert since(report(), [january]) is None  # the first report: nothing to compare with
    assert since(report(previous={"revision": "a017e16"}), []).words == "the previous report"  # never the revision
    assert since(report(previous={"date": "2019-11-19"}), []).words == "the report to the Health and Wellbeing Board on 19 November 2019"


def test_compare_reads_the_old_plan_as_at_the_previous_reports_day(make_plan):
    ws = MINI_WORKSTREAM.replace("            deadline: June 2020 to April 2021\n", "            deadline: Dec 2019\n            updates:\n"
                                 "              - {date: 15 January 2020, text: Done., status: blue}\n")
    plan = read_plan(make_plan(workstreams={"1.yaml": ws}))[0]
    changes = compare(plan, plan, date(2020, 3, 2), since=date(2019, 12, 2))
    assert changes.since == date(2019, 12, 2)
    assert changes.summary_lines() == ["1.1a: 'Strategy in place' moved from Not rated to Blue (15 January 2020)"]
    overdue = compare(plan, plan, date(2020, 1, 10), since=date(2019, 12, 2)).summary_lines()
    assert overdue == ["1 milestone became overdue, of action 1.1a"]  # Dec 2019 passed, not yet done on 10 January
