"""Every chart a plan's documents use, as at one date.

In: the plan (with its metric data), the status picture as at the date (worked out once per
date by the pipeline), the date and a renderer. Out: `Figures`: each metric with its
progress, evidence sentence and chart (`metric`), the status chart (`status`), the
timeline (`timeline`) and the KPI table (`kpi`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from wsoagen.data import evidence
from wsoagen.data.status import MetricProgress, Summary, metric_progress
from wsoagen.plan.model import Metric, Plan
from wsoagen.render.charts.draw import Chart, ChartRenderer
from wsoagen.render.charts.kpi import KpiTable, kpi_table
from wsoagen.render.charts.metric import metric_chart
from wsoagen.render.charts.status import status_chart
from wsoagen.render.charts.timeline import timeline_chart


@dataclass
class MetricView:
    """A metric as a document shows it: progress, evidence sentence, chart."""

    metric: Metric
    progress: MetricProgress
    sentence: str | None
    chart: Chart


@dataclass
class Figures:
    metrics: list[MetricView]
    status: Chart
    timeline: Chart
    kpi: KpiTable | None = None
    """The metrics as one table in the council's usual form (None when the plan has no metrics)."""


def draw_all(plan: Plan, summary: Summary, as_at: date, renderer: ChartRenderer) -> Figures:
    """Every chart a plan's documents use."""
    views = []
    for metric in plan.file.metrics:
        progress = metric_progress(metric, plan.series.get(metric.id, []), as_at)
        views.append(MetricView(metric, progress, evidence.evidence_sentence(metric, progress),
                                metric_chart(metric, progress, as_at, renderer)))
    return Figures(views, status_chart(summary, renderer), timeline_chart(summary, renderer), kpi_table(views))
