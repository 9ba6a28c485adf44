"""Dates that tell the truth: a plan's own as-at date, how current its statuses are, and a
deadline that passed with no status since read as one state."""

from datetime import date

import pytest

from conftest import MINI_PLAN, MINI_WORKSTREAM
from wsoagen.data import wording
from wsoagen.data.metrics import read_plan
from wsoagen.data.status import as_at_date, milestone_states, summary
from wsoagen.plan.dates import before, parse_interval, parse_when

GREEN_THEN_DUE = MINI_WORKSTREAM.replace(
    "          - text: Strategy in place\n            deadline: June 2020 to April 2021\n",
    "          - text: Strategy in place\n            deadline: Jan 2020\n            status: Green\n            status_date: Dec 2019\n")


@pytest.mark.parametrize("text, expected", [("3 months", (3, "month")), ("1 week", (1, "week")), ("90 days", (90, "day"))])
def test_intervals(text, expected):
    assert parse_interval(text) == expected


def test_an_interval_that_is_not_one_says_how_to_write_it():
    with pytest.raises(ValueError, match='"soon" is not a length of time: write it like "3 months", "6 weeks" or "90 days"'):
        parse_interval("soon")


def test_months_before_keep_to_real_days():
    assert before(date(2020, 5, 31), (3, "month")) == date(2020, 2, 29)
    assert before(date(2020, 1, 14), (2, "week")) == date(2019, 12, 31)


def test_the_plan_says_its_date_and_the_command_line_overrides_it(make_plan):
    plan, _ = read_plan(make_plan(plan=MINI_PLAN + "as_at: 2020-01-14\n"))
    assert as_at_date(plan, None) == date(2020, 1, 14)
    assert as_at_date(plan, date(2021, 5, 1)) == date(2021, 5, 1)
    undated, _ = read_plan(make_plan())
    assert as_at_date(undated, None) == date.today()


def test_validate_and_build_use_the_plans_date(make_plan, cli, tmp_path):
    folder = make_plan(plan=MINI_PLAN + "as_at: 2019-12-15\n", workstreams={"1.yaml": GREEN_THEN_DUE})
    code, _, err = cli("validate", folder)  # as at 15 December 2019 the Green milestone is not yet due
    assert code == 0 and "on-track-overdue" not in err
    code, _, err = cli("validate", folder, "--as-at", "2020-03-01")
    assert code == 0 and "[on-track-overdue]" in err


def test_a_bad_interval_is_an_error_at_its_place(make_plan, cli):
    folder = make_plan(plan=MINI_PLAN + "stale_after: a while\n")
    code, _, err = cli("validate", folder)
    assert code == 1
    assert (f'{folder}/plan.yaml:14:14: error: "stale_after": "a while" is not a length of time: '
            'write it like "3 months", "6 weeks" or "90 days" [schema]') in err


def test_statuses_are_current_or_plainly_stale(make_plan):
    plan, _ = read_plan(make_plan(workstreams={"1.yaml": GREEN_THEN_DUE}))
    fresh = summary(plan, date(2020, 1, 14))
    assert (fresh.last_recorded.text, fresh.stale) == ("Dec 2019", False)
    assert wording.status_currency(fresh.as_at, fresh.last_recorded, fresh.stale) == \
        "Statuses as at 14 January 2020, last recorded in December 2019."
    old = summary(plan, date(2026, 11, 23))
    assert old.stale is True
    assert wording.status_currency(old.as_at, old.last_recorded, old.stale) == (
        "Statuses were last updated in December 2019, well before this document's date of 23 November 2026: "
        "a milestone shown as overdue may have moved on since then.")
    assert wording.status_currency(date(2020, 1, 1), None, False) == "Statuses as at 1 January 2020: no status has been recorded yet."


def test_a_deadline_passed_with_no_later_status_is_one_state(make_plan):
    plan, _ = read_plan(make_plan(workstreams={"1.yaml": GREEN_THEN_DUE}))
    state = milestone_states(plan, date(2020, 3, 1))[1]
    assert (state.overdue, state.lapsed) == (True, True)
    assert wording.lapsed_status(state.status.label, state.status_date) == "Green at Dec 2019 · deadline passed, no later update"
    assert wording.lapsed_status(None, None) == "Not rated · deadline passed"


def test_a_status_recorded_after_the_deadline_is_news_not_lapsed(make_plan):
    updated = GREEN_THEN_DUE.replace("            status_date: Dec 2019\n",
                                     "            status_date: Dec 2019\n            updates:\n"
                                     "              - {date: Feb 2020, status: Amber, text: Running late.}\n")
    plan, _ = read_plan(make_plan(workstreams={"1.yaml": updated}))
    state = milestone_states(plan, date(2020, 3, 1))[1]
    assert (state.status.label, state.overdue, state.lapsed) == ("Amber", True, False)
    assert state.status_date == parse_when("Feb 2020")
