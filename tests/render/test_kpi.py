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


def test_a_milestone_shows_the_actual_of_its_period_and_latest_is_not_repeated():
    m = Metric(id="m", title="Absence", unit="%", better="lower", baseline={"value": 10.9, "date": "academic year 21/22"},
               interim_targets=[{"value": "10.9", "date": "July 2023", "label": "Milestone 1"},
                                {"value": "10.5", "date": "November 2023", "label": "Milestone 2"}])
    table = kpi_table([_view(m, [("July 2023", "12.1"), ("November 2023", "11.3")])])
    assert table.head == ["Measure", "Baseline", "Milestone 1 (July 2023)", "Milestone 2 (November 2023)", "Progress"]
    assert table.groups[0].rows[0][2:4] == ["10.9%\nActual: 12.1%", "10.5%\nActual: 11.3%"]
    newer = kpi_table([_view(m, [("July 2023", "12.1"), ("January 2024", "11.0")])])
    assert "Latest" in newer.head and newer.groups[0].rows[0][newer.head.index("Latest")] == "11.0% in January 2024"


def test_widths_keep_words_whole_and_a_wide_table_turns_landscape():
    narrow = kpi_table([_view(Metric(id="n", title="EHC plans issued within 20 weeks", unit="%", baseline={"value": 9, "date": "Jan 2019"},
                                     target={"value": 85, "date": "March 2020"}), [("Jun 2019", "96")])])
    assert not narrow.landscape and abs(sum(narrow.widths) - 100) < 0.5
    months = ["Jul 2023", "Nov 2023", "Mar 2024", "Jul 2024", "Nov 2024"]
    wide = Metric(id="w", title="Suspension rate", unit="per 100 pupils", baseline={"value": 28.92, "date": "academic year 21/22"},
                  target={"value": 18.59, "label": "England average 21/22"},
                  interim_targets=[{"value": 28, "date": d, "label": f"Milestone {i}"} for i, d in enumerate(months, 1)])
    table = kpi_table([_view(wide, [("Jul 2023", "47.7")])])
    assert table.landscape
    least = table._least()
    assert all(w / 100 * 1000 >= lo - 0.5 for w, lo in zip(table.widths, least, strict=True))
