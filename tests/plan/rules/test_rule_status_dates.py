"""complete-without-date and on-track-overdue: statuses that contradict the dates, as at a date."""

from datetime import date

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM

MILESTONES = """\
          - {text: a, deadline: Nov 2019, status: Blue}
          - {text: b, deadline: Nov 2019, status: Green, status_date: Oct 2019}
"""
WORKSTREAM = MINI_WORKSTREAM.split("        milestones:\n")[0] + "        milestones:\n" + MILESTONES


def test_as_at_the_date(make_plan):
    folder = make_plan(workstreams={"1.yaml": WORKSTREAM})
    complete = ("workstreams/1.yaml:18:13: warning: a milestone of action 1.1a is Blue (complete) but has no `status_date`: "
                "say when it was completed [complete-without-date]")
    assert found(folder, date(2019, 11, 30)) == [complete]
    assert found(folder, date(2019, 12, 1)) == [
        complete,
        "workstreams/1.yaml:19:13: warning: a milestone of action 1.1a is Green (on track) but its deadline Nov 2019 has passed [on-track-overdue]",
    ]


def test_a_status_recorded_after_the_date_does_not_count(make_plan):
    folder = make_plan(workstreams={"1.yaml": WORKSTREAM.replace("status_date: Oct 2019", "status_date: 15 December 2019")})
    assert found(folder, date(2019, 12, 1), rule="on-track-overdue") == []


def test_percent_scheme(make_plan):
    plan = MINI_PLAN + "status_scheme:\n  percent: true\n"
    folder = make_plan(plan=plan, workstreams={"1.yaml": WORKSTREAM.replace("status: Blue", "status: 100%").replace("status: Green", "status: 50%")})
    assert found(folder, date(2020, 1, 1)) == [
        "workstreams/1.yaml:18:13: warning: a milestone of action 1.1a is 100% (complete) but has no `status_date`: "
        "say when it was completed [complete-without-date]",
    ]


def test_validate_judges_as_at_the_date_given(make_plan, cli):
    folder = make_plan(workstreams={"1.yaml": WORKSTREAM.replace("status: Blue}", "status: Blue, status_date: Nov 2019}")})
    code, _, err = cli("validate", "--as-at", "2019-11-30", folder)
    assert (code, err) == (0, "wsoagen: 1 plan: 0 errors, 0 warnings\n")
    code, _, err = cli("validate", "--as-at", "2019-12-01", folder)
    assert (code, err.count("[on-track-overdue]")) == (0, 1)
    code, _, err = cli("validate", "--as-at", "1 Dec 2019", folder)
    assert code == 2 and '"1 Dec 2019" is not a date: write it as YYYY-MM-DD' in err
