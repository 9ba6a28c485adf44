"""The timeline read as a board member reads it: every milestone seen or counted, an axis the
plan's own dates decide, the as-at date marked."""

from datetime import date

import pytest
from test_chart_svg import axis, distinct, faults, points, texts, view_box, workstream

from conftest import EXAMPLE, MINI_PLAN
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import charts


@pytest.fixture(scope="module")
def example():
    plan, _ = read_plan(EXAMPLE)
    return plan


def _chart(plan, tmp_path, as_at):
    return charts.timeline_chart(status.summary(plan, as_at), charts.ChartRenderer(tmp_path))


def _more(svg):
    """The "+n" labels: milestones counted rather than drawn."""
    return sum(int(t.words[1:]) for t in texts(svg) if t.words.startswith("+"))


@pytest.mark.parametrize("as_at", [date(2019, 11, 15), date(2020, 1, 14), date(2024, 6, 1)])
def test_every_milestone_of_the_example_is_a_mark_of_its_own(example, tmp_path, as_at):
    svg = _chart(example, tmp_path, as_at).svg
    assert distinct(points(svg)) + _more(svg) == 106  # workstream 1's 36 milestones are 36 marks, not 14
    assert view_box(svg)[0] == charts.WIDTH
    assert faults(svg) == []


def test_the_axis_follows_the_deadlines_not_a_late_as_at_date(example, tmp_path):
    late = date(2024, 6, 1)
    svg = _chart(example, tmp_path, late).svg
    lo, hi, ticks = axis(svg, "X")
    assert date.fromordinal(int(hi)) < date(2021, 10, 1)  # the last deadline is July 2021; the axis does not run on to 2024
    assert ticks[0] == "Oct 2019" and ticks[-1] == "Jul 2021"
    assert "As at 1 June 2024, after the dates shown →" in [t.words for t in texts(svg)]
    near = _chart(example, tmp_path, date(2020, 1, 14)).svg
    assert "As at 14 January 2020" in [t.words for t in texts(near)]


def test_a_crowded_month_is_counted(make_plan, tmp_path):
    crowded = [("April 2020", None)] * 12 + [("Nov 2019", "Blue"), (None, None)]
    plan, _ = read_plan(make_plan(plan=MINI_PLAN, workstreams={"1.yaml": workstream(1, "Crowded", crowded)}))
    chart = _chart(plan, tmp_path, date(2020, 1, 14))
    assert distinct(points(chart.svg)) + _more(chart.svg) == 13
    assert _more(chart.svg) == 5  # 7 marks and "+5"
    assert faults(chart.svg) == []
    legend_title = [t.words for t in texts(chart.svg) if "role-legend-title" in t.classes]
    assert legend_title == ["Each mark is one milestone, at the month of its deadline; +n: more milestones due that month"]
    assert chart.alt.endswith("1 complete, 0 overdue, 12 still to come. 1 milestone with no deadline is not shown.")
    assert chart.table_head == ["Workstream", "Complete", "Overdue", "To come", "No deadline"]
    assert chart.table_rows == [["Workstream 1", "1", "0", "12", "1"]]


def test_states_are_told_apart_in_words(example, tmp_path):
    svg = _chart(example, tmp_path, date(2020, 1, 14)).svg
    legend = [t.words for t in texts(svg) if "role-legend-label" in t.classes]
    assert legend == ["Complete", "Overdue: deadline passed, not complete", "To come"]


def test_milestones_without_deadlines_are_said_not_drawn(make_plan, tmp_path):
    files = {"1.yaml": workstream(1, "No dates", [(None, None)]), "2.yaml": workstream(2, "Undated too", [(None, "Blue")])}
    plan, _ = read_plan(make_plan(plan=MINI_PLAN, workstreams=files))
    chart = _chart(plan, tmp_path, date(2020, 1, 14))
    assert points(chart.svg) == [] and faults(chart.svg) == []
    assert chart.alt.endswith("0 complete, 0 overdue, 0 still to come. 2 milestones with no deadline are not shown.")
    assert chart.table_rows == [["Workstream 1", "0", "0", "0", "1"], ["Workstream 2", "0", "0", "0", "1"]]
