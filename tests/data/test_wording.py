"""One form for each figure, date and count, whichever document or module words it."""

from datetime import date

from wsoagen.data.wording import (
    a_or_an,
    against_target,
    baseline,
    count,
    course,
    exact,
    figure_at,
    join_and,
    long_date,
    number,
    point_date,
    progress,
    target,
    weekday_date,
)
from wsoagen.plan.dates import parse_when
from wsoagen.plan.model import DataPoint, Measure, Metric


def point(when: str, value: float) -> DataPoint:
    return DataPoint(date=parse_when(when), value=value, source="t.csv:1")


def test_numbers_as_reports_print_them():
    assert [number(12, "weeks"), number(1, "weeks"), number(1234, "count"), number(96.5, "%"), number(96.55, "%"),
            number(3, "score")] == ["12 weeks", "1 week", "1,234", "96.5%", "96.5%", "3"]
    assert [exact(150), exact(-3), exact(1234.56), exact(10 * 1024 * 1024)] == ["150", "-3", "1,234.56", "10,485,760"]


def test_dates():
    assert long_date(date(2019, 6, 10)) == "10 June 2019" and long_date(None) == ""
    assert [point_date(parse_when(w)) for w in ("26/02/2019", "2019-02-26", "Jan 2019", "2019-01")] == [
        "26/02/2019", "26/02/2019", "January 2019", "January 2019"]


def test_a_figure_at_its_date_has_one_form():
    assert figure_at(point("26/02/2019", 155), "count") == "155 on 26/02/2019"
    assert figure_at(point("Oct 2019", 90), "%", bold=True) == "**90%** in October 2019"


def test_baselines_and_targets_as_the_plan_states_them():
    metric = Metric(id="ptt", title="Part-time timetables", unit="count", better="lower",
                    baseline=Measure(value=120, date=parse_when("Feb 2020")),
                    target=Measure(value=84, date=parse_when("July 2021"), label="30% reduction"))
    assert baseline(metric.baseline, metric.unit) == "120 in February 2020"  # a figure at its date, like the data's
    assert baseline(Measure(value=155, date=parse_when("26/02/2019")), "count") == "155 on 26/02/2019"
    assert baseline(Measure(value=10.9, label="academic year 21/22"), "%") == "10.9% in academic year 21/22"  # the period, once
    assert target(metric.target, metric.unit) == "84 by July 2021 (30% reduction)"  # a deadline, as the plan writes it
    assert against_target(metric) == "against a target of 84 by July 2021 (30% reduction)"
    assert against_target(Metric(id="x", title="X", unit="%")) == ""
    assert [course(True), course(False), course(None)] == ["on course", "not on course", ""]


def test_counts_and_progress():
    assert [count(1, "outcome"), count(3, "outcome"), count(2, "area"), count(1204, "milestone")] == [
        "1 outcome", "3 outcomes", "2 areas", "1,204 milestones"]
    as_at = date(2020, 3, 31)
    assert progress(11, 106, 35, as_at) == "11 of 106 milestones are complete and 35 are overdue, as at 31 March 2020"
    assert progress(1, 2, 0, as_at) == "1 of 2 milestones is complete and 0 are overdue, as at 31 March 2020"
    assert progress(0, 1, 1, as_at) == "0 of 1 milestone is complete and 1 is overdue, as at 31 March 2020"


def test_words_around_data():
    assert weekday_date(date(2020, 1, 21)) == "Tuesday 21 January 2020"
    assert [a_or_an("area SEND inspection"), a_or_an("SEND local area inspection"), a_or_an("unit"), a_or_an("hour"),
            a_or_an("EHC plan")] == ["an area SEND inspection", "a SEND local area inspection", "a unit", "an hour", "an EHC plan"]
    assert [join_and([]), join_and(["1"]), join_and(["1", "3"]), join_and(["1", "3", "4"])] == ["", "1", "1 and 3", "1, 3 and 4"]
