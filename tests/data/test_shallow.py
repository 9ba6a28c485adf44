"""A shallow clone (CI checks out one commit by default) says how to fetch the history a report's
`previous:` needs, instead of only that the revision does not exist."""

from __future__ import annotations

from datetime import date

import pytest
from test_changes import git, history  # noqa: F401  (history is a fixture)

from wsoagen.data.changes import previous_plan
from wsoagen.diagnostics import UsageError

HINT = ("; the history is shallow (only the latest commits were fetched): fetch it with `git fetch --unshallow`, "
        "or in CI set `fetch-depth: 0` (GitHub actions/checkout) or `GIT_DEPTH: 0` (GitLab)")


@pytest.fixture
def shallow(history, tmp_path):  # noqa: F811
    folder, _, _ = history
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", (folder.parents[1]).as_uri(), str(clone))
    return clone


def test_a_revision_beyond_a_shallow_history_says_how_to_fetch_it(shallow):
    with pytest.raises(UsageError) as exc:
        previous_plan(shallow / "plans" / "testshire", revision="HEAD~1")
    assert str(exc.value) == f"revision 'HEAD~1' does not exist in {shallow.resolve()}{HINT}"


def test_a_date_beyond_a_shallow_history_says_how_to_fetch_it(shallow):
    with pytest.raises(UsageError) as exc:
        previous_plan(shallow / "plans" / "testshire", before=date(2019, 12, 1))
    assert str(exc.value) == f"no commit of {shallow / 'plans' / 'testshire'} on or before 2019-12-01{HINT}"


def test_once_unshallowed_the_comparison_works(shallow):
    git(shallow, "fetch", "-q", "--unshallow")
    _, described = previous_plan(shallow / "plans" / "testshire", revision="HEAD~1")
    assert described.endswith("(2019-11-15)")


def test_a_full_history_gets_no_hint(history):  # noqa: F811
    folder, _, _ = history
    with pytest.raises(UsageError) as exc:
        previous_plan(folder, revision="HEAD~5")
    assert "shallow" not in str(exc.value)


def test_build_in_a_shallow_checkout_says_what_to_do(tmp_path, cli, fake_renderers):
    from conftest import write_plan

    repo = tmp_path / "repo"
    plan = write_plan(repo / "plans" / "testshire")
    git(repo, "init", "-q", "-b", "main")
    for config in (("user.name", "Officer"), ("user.email", "officer@example.org")):
        git(repo, "config", *config)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Plan as agreed", day="2019-11-15")
    (plan / "reports").mkdir()
    (plan / "reports" / "r.yaml").write_text("board: B\nmeeting: 2019-12-10\nas_at: 2019-12-02\nsummary: S\n"
                                             "previous:\n  revision: HEAD~1\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "December report", day="2019-12-02")
    clone = tmp_path / "checkout"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    code, _, err = cli("build", clone / "plans" / "testshire", "-o", tmp_path / "out")
    assert code == 1
    assert (f"{clone}/plans/testshire/reports/r.yaml:6:13: error: cannot work out what changed: revision 'HEAD~1' "
            f"does not exist in {clone.resolve()}{HINT} [report-previous]") in err.splitlines()
