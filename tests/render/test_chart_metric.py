"""Metric charts read as a board member reads them: an axis scaled to the figures, whole
counts, percentages with %, the legend saying what each mark is, nothing cut off."""

import re
from datetime import date

import pytest
from test_chart_svg import axis, faults, texts, view_box

from conftest import EXAMPLE
from wsoagen.data.metrics import read_plan
from wsoagen.data.status import metric_progress
from wsoagen.plan.model import DataPoint, Metric
from wsoagen.render import charts


@pytest.fixture(scope="module")
def example():
    plan, _ = read_plan(EXAMPLE)
    return plan


def _draw(metric, series, as_at, tmp_path):
    return charts.metric_chart(metric, metric_progress(metric, series, as_at), as_at, charts.ChartRenderer(tmp_path))


def _metric(**fields):
    return Metric.model_validate({"id": "m", "title": "A measure", **fields})


def _series(*pairs):
    return [DataPoint.model_validate({"date": d, "value": v, "source": "test"}) for d, v in pairs]


@pytest.mark.parametrize("as_at", [date(2018, 6, 1), date(2019, 11, 15), date(2020, 1, 14), date(2024, 6, 1)])
def test_the_example_charts_read_whole_at_their_printed_size(example, tmp_path, as_at):
    for metric in example.file.metrics:
        svg = _draw(metric, example.series.get(metric.id, []), as_at, tmp_path).svg
        assert view_box(svg)[0] == charts.WIDTH, metric.id
        assert faults(svg) == [], metric.id


def test_a_low_percentage_series_is_not_flat_on_0_to_100(tmp_path):
    metric = _metric(unit="%", baseline={"value": 1, "date": "Jan 2019"}, target={"value": 16, "date": "Dec 2019"})
    svg = _draw(metric, _series(("Feb 2019", 3), ("Mar 2019", 8), ("Apr 2019", 12)), date(2019, 5, 1), tmp_path).svg
    lo, hi, ticks = axis(svg, "Y")
    assert (lo, hi) == (0, 20)
    assert ticks == ["0%", "5%", "10%", "15%", "20%"]


def test_counts_have_whole_ticks_from_zero(example, tmp_path):
    backlog = next(m for m in example.file.metrics if m.id == "ehcna-backlog")
    lo, hi, ticks = axis(_draw(backlog, example.series[backlog.id], date(2020, 1, 14), tmp_path).svg, "Y")
    assert lo == 0 and hi >= 155
    assert all(t.replace(",", "").isdigit() for t in ticks), ticks
    small = _metric(unit="count", baseline={"value": 3, "date": "Jan 2019"}, target={"value": 0, "date": "Jun 2019"})
    lo, hi, ticks = axis(_draw(small, _series(("Feb 2019", 2), ("Mar 2019", 1)), date(2019, 4, 1), tmp_path).svg, "Y")
    assert ticks == ["0", "1", "2", "3", "4"]  # no half milestones or half children


def test_the_legend_gives_each_mark_its_figure(example, tmp_path):
    ehcp = next(m for m in example.file.metrics if m.id == "ehcp-20-weeks")
    svg = _draw(ehcp, example.series[ehcp.id], date(2020, 1, 14), tmp_path).svg
    legend = [t.words for t in texts(svg) if "role-legend-label" in t.classes]
    assert legend == ["Recorded values", "Baseline: 9% in January 2019", "Target: 85% by March 2020"]
    assert "As at 14 January 2020" in [t.words for t in texts(svg)]


def test_a_late_as_at_date_does_not_stretch_the_time_axis(example, tmp_path):
    ehcp = next(m for m in example.file.metrics if m.id == "ehcp-20-weeks")
    svg = _draw(ehcp, example.series[ehcp.id], date(2024, 6, 1), tmp_path).svg
    _, hi, ticks = axis(svg, "X")
    assert date.fromordinal(int(hi)) < date(2020, 6, 1) and ticks[-1] == "Mar 2020"
    assert "As at 1 June 2024, after the dates shown →" in [t.words for t in texts(svg)]


def test_the_alt_text_states_the_finding(example, tmp_path):
    ehcp = next(m for m in example.file.metrics if m.id == "ehcp-20-weeks")
    chart = _draw(ehcp, example.series[ehcp.id], date(2020, 3, 31), tmp_path)
    assert chart.alt == ("New EHC plans issued within 20 weeks rose from 9% in January 2019 to 90% in October 2019, "
                         "against a target of 85% by March 2020. This is on course.")
    assert chart.table_rows[0] == ["January 2019", "9%"]


@pytest.mark.parametrize("fields", [{"unit": "%"}, {"unit": "count", "target": {"value": 5}}])
def test_a_metric_with_nothing_to_draw_yet_keeps_a_readable_frame(tmp_path, fields):
    svg = _draw(_metric(**fields), [], date(2020, 1, 14), tmp_path).svg
    _, _, ticks = axis(svg, "X")
    assert ticks and all(re.fullmatch(r"[A-Z][a-z]{2} \d{4}", t) for t in ticks), ticks  # months, not day numbers
    assert faults(svg) == []
