"""The KPI table: measures grouped by section, milestone columns headed by label and period,
figures as written, empty columns left out, no judgement for monitor-only measures."""

from __future__ import annotations

from datetime import date

from wsoagen.data.status import metric_progress
from wsoagen.plan.dates import parse_when
from wsoagen.plan.model import DataPoint, Metric
from wsoagen.plan.model.metrics import Figure
from wsoagen.render.charts.figures import MetricView
from wsoagen.render.charts.kpi import kpi_table

AS_AT = date(2024, 11, 30)


def _view(metric: Metric, points: list[tuple[str, str]] = ()) -> MetricView:
    series = [DataPoint(date=parse_when(d), value=Figure.of(v), source="t") for d, v in points]
    return MetricView(metric, metric_progress(metric, series, AS_AT), None, None)  # type: ignore[arg-type]


def test_sections_milestones_and_figures_as_written():
    a = Metric(id="a", title="Suspension rate", section="Section A", unit="per 100 pupils", better="lower",
               baseline={"value": 28.92, "date": "academic year 21/22"}, target={"value": 18.59, "label": "England average 21/22"},
               interim_targets=[{"value": "28.8", "date": "Nov 23", "label": "Milestone 1"}])
    b = Metric(id="b", title="Requests", section="Section B", unit="%", better="monitor only",
               baseline={"value": "0.97%", "date": "academic year 21/22"},
               interim_targets=[{"value": "1.05%", "date": "Nov 23", "label": "Milestone 1"}],
               comparators=[{"label": "England", "value": "0.68%", "date": "2022/23"}])
    table = kpi_table([_view(a, [("Nov 2024", "3.70")]), _view(b, [("Nov 2024", "1.13")])])
    assert table.head == ["Measure", "Baseline", "Milestone 1 (Nov 23)", "Target", "Latest", "Progress", "England"]
    assert [g.title for g in table.groups] == ["Section A", "Section B"]
    row_a, row_b = table.groups[0].rows[0], table.groups[1].rows[0]
    assert row_a == ["Suspension rate (rate per 100 pupils)", "28.92 in academic year 21/22", "28.8", "18.59 (England average 21/22)",
                     "3.70 in November 2024", "On course", ""]
    assert row_b[1:3] == ["0.97% in academic year 21/22", "1.05%"]
    assert row_b[5:] == ["Monitored only", "0.68% (2022/23)"]


def test_empty_columns_are_left_out():
    m = Metric(id="m", title="Only a baseline", baseline={"value": 5, "date": "Jan 2023"}, better="monitor only")
    table = kpi_table([_view(m)])
    assert table.head == ["Measure", "Baseline"] and table.groups[0].title is None
    assert kpi_table([]) is None
