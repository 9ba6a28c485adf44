"""Status as at a date: the edges of the date logic, summaries and metric progress."""

from datetime import date

import pytest

from conftest import MINI_PLAN, MINI_WORKSTREAM
from wsoagen.check import check
from wsoagen.data.metrics import read_plan
from wsoagen.data.status import metric_progress, milestone_states, summary


def ws_with(milestones: str) -> str:
    head = MINI_WORKSTREAM.split("        milestones:\n")[0]
    return head + "        milestones:\n" + milestones


@pytest.fixture
def plan_of(make_plan):
    def make(milestones: str, plan: str = MINI_PLAN):
        folder = make_plan(plan=plan, workstreams={"1.yaml": ws_with(milestones)})
        return read_plan(folder)[0]
    return make


@pytest.mark.parametrize("as_at, overdue", [
    (date(2019, 11, 1), False), (date(2019, 11, 30), False), (date(2019, 12, 1), True)])
def test_month_deadline_is_overdue_from_the_next_month(plan_of, as_at, overdue):
    plan = plan_of("          - text: Step\n            deadline: Nov 2019\n")
    assert milestone_states(plan, as_at)[0].overdue is overdue


def test_day_range_and_open_ended_deadlines(plan_of):
    plan = plan_of("          - {text: a, deadline: 31 March 2024}\n"
                   "          - {text: b, deadline: June 2020 to April 2021}\n"
                   "          - {text: c, deadline: From Feb 2020}\n"
                   "          - {text: d, deadline: Ongoing from March 2020}\n")
    assert [s.overdue for s in milestone_states(plan, date(2024, 3, 31))] == [False, True, False, False]
    assert [s.overdue for s in milestone_states(plan, date(2024, 4, 1))] == [True, True, False, False]
    assert [s.overdue for s in milestone_states(plan, date(2021, 4, 30))] == [False, False, False, False]


def test_complete_is_never_overdue(plan_of):
    plan = plan_of("          - {text: a, deadline: Nov 2019, status: Blue, status_date: Dec 2019}\n")
    state = milestone_states(plan, date(2020, 6, 1))[0]
    assert (state.complete, state.overdue) == (True, False)


def test_statuses_recorded_after_the_as_at_date_are_ignored(plan_of):
    plan = plan_of(
        "          - text: a\n            deadline: June 2020\n            status: Blue\n            status_date: 15 May 2020\n"
        "            updates:\n"
        "              - {date: Jan 2020, text: started, status: Green}\n"
        "              - {date: March 2020, text: slipping, status: Amber}\n")
    labels = {d: milestone_states(plan, d)[0].status for d in
              (date(2019, 12, 31), date(2020, 1, 1), date(2020, 4, 30), date(2020, 5, 14), date(2020, 5, 15))}
    assert [s.label if s else None for s in labels.values()] == [None, "Green", "Amber", "Amber", "Blue"]


def test_warnings_for_statuses_that_contradict_dates(make_plan):
    folder = make_plan(workstreams={"1.yaml": ws_with("          - {text: a, deadline: Nov 2019, status: Blue}\n"
                                                      "          - {text: b, deadline: Nov 2019, status: Green, status_date: Oct 2019}\n")})
    _, diags = check(folder, date(2019, 12, 2))
    assert [(d.line, d.rule, d.message) for d in diags.sorted()] == [
        (18, "complete-without-date", "a milestone of action 1.1a is Blue (complete) but has no `status_date`: say when it was completed"),
        (19, "on-track-overdue", "a milestone of action 1.1a is Green (on track) but its deadline Nov 2019 has passed"),
    ]
    _, diags = check(folder, date(2019, 11, 30))  # not overdue yet
    assert [d.rule for d in diags.sorted()] == ["complete-without-date"]


def test_summary_counts_overdue_and_due(plan_of):
    plan = plan_of("          - {text: a, deadline: Nov 2019, status: Blue, status_date: Nov 2019}\n"
                   "          - {text: b, deadline: Dec 2019, status: Amber, status_date: Nov 2019}\n"
                   "          - {text: c, deadline: Feb 2020}\n")
    s = summary(plan, date(2020, 1, 15))
    assert s.workstreams[0].counts == {"blue": 1, "amber": 1, "not-rated": 1}
    assert [o.milestone.text for o in s.overdue] == ["b"]
    assert [d.milestone.text for d in s.due_between(date(2020, 1, 15), date(2020, 3, 1))] == ["c"]


def test_metric_progress_against_interim_and_final_targets(make_plan):
    plan_text = MINI_PLAN + """\
metrics:
  - id: ahc
    title: Annual health check uptake
    unit: "%"
    baseline: {value: 39, date: Nov 2019}
    interim_targets: [{value: 44, date: April 2020}]
    target: {value: 50, date: April 2021}
"""
    folder = make_plan(plan=plan_text)
    (folder / "data").mkdir()
    (folder / "data" / "d.csv").write_text("metric,date,value\nahc,Feb 2020,41\nahc,May 2020,45\nahc,May 2021,49\n")
    plan, _ = read_plan(folder)
    metric, series = plan.file.metrics[0], plan.series["ahc"]
    early = metric_progress(metric, series, date(2020, 3, 1))  # on the straight line to 44 by April?
    assert (early.latest.value, early.target_now.value, early.on_course) == (41, 44, False)
    mid = metric_progress(metric, series, date(2020, 6, 1))
    assert (mid.latest.value, mid.target_now.value, mid.on_course, mid.movement, mid.improved) == (45, 44, True, 6, True)
    late = metric_progress(metric, series, date(2021, 6, 1))
    assert (late.target_now.value, late.on_course) == (50, False)
