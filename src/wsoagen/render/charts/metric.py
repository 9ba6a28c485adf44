"""A metric's chart: the values recorded up to the as-at date against its baseline and targets.

In: the metric, its progress as at the date (`data.status.metric_progress`), the date and a
renderer. Out: a `Chart`: the series as a line with a point per value, the baseline, interim
targets and target as marks (the target also as a dashed line across), each comparator
(England, statistical neighbours) as a hollow mark of its own, apart from the targets, the
as-at marker; a legend that says what each mark is and its figure as the plan states it, every
digit kept ("Baseline: 9% in January 2019", "Target: 85% by March 2020", "England: 24.6% in
2022/23"); a baseline for a period ("academic year 21/22") sits at the middle of the period;
the value axis chosen from all of those
(`scales.value_axis`), the time axis from their dates (`scales.date_window`); the alt text
stating the finding (`data.evidence.alt_text`) and the values as a table.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from wsoagen.data import evidence
from wsoagen.data.status import MetricProgress
from wsoagen.data.wording import baseline, comparator, number, point_date, target
from wsoagen.plan.model import Metric
from wsoagen.render.charts import text
from wsoagen.render.charts.draw import MUTED, WIDTH, Chart, ChartRenderer, legend, spec
from wsoagen.render.charts.scales import Axis, date_window, value_axis
from wsoagen.render.charts.timeaxis import as_at_layers, x_encoding, y_area

HEIGHT = 170
UNIT_TITLES = {"count": "Number", "days": "Days", "weeks": "Weeks", "months": "Months", "score": "Score"}  # %, £ need none: ticks say it
# What each kind of mark looks like: shape, colour, size.
STYLES = {
    "Recorded values": ("circle", "#1d3557", 45),
    "Baseline": ("square", MUTED, 110),
    "Interim target": ("diamond", "#8a6220", 110),
    "Target": ("triangle-up", "#00703c", 130),
}
# Comparators are hollow marks in their own colours, so none is mistaken for a target.
COMPARATOR_STYLES = [("cross", "#912b88", 110), ("diamond", "#005ea5", 110), ("square", "#6f777b", 110), ("circle", "#b58840", 110)]


def unit_title(unit: str) -> str | None:
    """The value axis title: "Number", "Rate per 10,000 pupils"; none for % and £ (the ticks say it)."""
    return f"Rate {unit}" if unit.startswith("per ") else UNIT_TITLES.get(unit)


def _style(kind: str, comparators: list[str]) -> tuple[str, str, int]:
    if kind in STYLES:
        return STYLES[kind]
    return COMPARATOR_STYLES[comparators.index(kind) % len(COMPARATOR_STYLES)]


def _mid(when: Any) -> date:
    start, end = when.start, when.end or when.start
    return start + (end - start) / 2


def _marks(metric: Metric, progress: MetricProgress) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Every point drawn (x is a day number), and the legend's words for each kind drawn."""
    unit = metric.unit
    rows = [{"x": _mid(p.date).toordinal(), "value": float(p.value), "kind": "Recorded values"} for p in progress.points]
    words = {"Recorded values": "Recorded values"} if rows else {}
    if metric.baseline is not None and metric.baseline.date:
        when = metric.baseline.date
        x = when.start if when.precision in ("day", "month") else _mid(when)  # a period's baseline at its middle
        rows.append({"x": x.toordinal(), "value": float(metric.baseline.value), "kind": "Baseline"})
        words["Baseline"] = f"Baseline: {baseline(metric.baseline, unit)}"
    interim = [t for t in metric.interim_targets if t.date]
    for t in interim:
        rows.append({"x": (t.date.end or t.date.start).toordinal(), "value": float(t.value), "kind": "Interim target"})
    if interim:
        words["Interim target"] = f"Interim target{'s' if len(interim) > 1 else ''}: " + "; ".join(target(t, unit) for t in interim)
    if metric.target is not None and metric.target.date:
        rows.append({"x": (metric.target.date.end or metric.target.date.start).toordinal(), "value": float(metric.target.value), "kind": "Target"})
        words["Target"] = f"Target: {target(metric.target, unit)}"
    elif metric.target is not None:  # no date: drawn only as the dashed line across, and the legend says so
        words["Target"] = f"Target: {target(metric.target, unit)}"
    for c in metric.comparators:
        if c.date:
            rows.append({"x": _mid(c.date).toordinal(), "value": float(c.value), "kind": c.label})
        words[c.label] = f"{c.label}: {comparator(c, unit).removesuffix(f' ({c.label})')}"
    return rows, words


OFF_SCALE = 3  # a line this many times the data's spread beyond it would flatten the data: left off, the legend says so


def _lines(metric: Metric, values: list[float]) -> tuple[dict[str, float], list[str]]:
    """What is drawn only as a line across (an undated target or comparator): those the value axis
    takes in (kind -> value), and those so far beyond the plotted values that the chart leaves
    them off to stay scaled to the data."""
    lines = ([("Target", float(metric.target.value))] if metric.target is not None and not metric.target.date else [])
    lines += [(c.label, float(c.value)) for c in metric.comparators if c.date is None]
    if not values:
        return dict(lines), []
    lo, hi = min(values), max(values)
    spread = max(hi - lo, abs(hi) / 4, 1e-9)
    drawn = {k: v for k, v in lines if lo - OFF_SCALE * spread <= v <= hi + OFF_SCALE * spread}
    return drawn, [k for k, _ in lines if k not in drawn]


def _y(axis: Axis, title: str | None) -> dict[str, Any]:
    return {"field": "value", "type": "quantitative", "title": title,
            "scale": {"domain": [axis.lo, axis.hi], "nice": False, "zero": False},
            "axis": {"values": axis.ticks, "labelExpr": text.lookup(axis.labels), "grid": True}}


def metric_spec(metric: Metric, progress: MetricProgress, as_at: date) -> dict[str, Any]:
    """The Vega-Lite spec of a metric's chart."""
    rows, words = _marks(metric, progress)
    drawn, off = _lines(metric, [r["value"] for r in rows])
    for kind in off:
        words[kind] += " (beyond this chart's scale)"
    axis = value_axis([r["value"] for r in rows] + list(drawn.values()), metric.unit)
    title = unit_title(metric.unit)
    comparators = [c.label for c in metric.comparators]
    window = date_window([date.fromordinal(r["x"]) for r in rows], as_at)
    plot_width = WIDTH - y_area(list(axis.labels.values()), title)
    x, y = x_encoding(window, plot_width), _y(axis, title)
    kinds = list(words)
    # An empty layer holds the axes, so a metric with nothing to draw yet still shows its frame.
    layers: list[dict[str, Any]] = [{"data": {"values": []}, "mark": "point", "encoding": {"x": x, "y": y}},
                                    *as_at_layers(window, plot_width, x)]
    if metric.target is not None and "Target" not in off:
        layers.append({"data": {"values": [{"value": float(metric.target.value)}]}, "mark": {"type": "rule", "color": STYLES["Target"][1],
                       "strokeDash": [6, 4]}, "encoding": {"y": y}})
    for c in metric.comparators:  # a comparator for no particular date reads across the whole chart, dotted
        if c.date is None and c.label in drawn:
            layers.append({"data": {"values": [{"value": float(c.value)}]}, "mark": {"type": "rule", "color": _style(c.label, comparators)[1],
                           "strokeDash": [2, 3]}, "encoding": {"y": y}})
    if progress.points:
        layers.append({"data": {"values": [r for r in rows if r["kind"] == "Recorded values"]},
                       "mark": {"type": "line", "color": STYLES["Recorded values"][1], "strokeWidth": 2.5}, "encoding": {"x": x, "y": y}})
    if rows or comparators:
        scale = {"domain": kinds}
        # What is drawn only as a line across (an undated target or comparator) has a line in the legend.
        lined = {c.label for c in metric.comparators if c.date is None} | ({"Target"} if metric.target and not metric.target.date else set())
        styles = [("stroke", *_style(k, comparators)[1:]) if k in lined else _style(k, comparators) for k in kinds]
        key = legend([words[k] for k in kinds], kinds, plot_width)
        own = [r for r in rows if r["kind"] not in comparators]
        layers.append({"data": {"values": own}, "mark": {"type": "point", "filled": True, "opacity": 1}, "encoding": {
            "x": x, "y": y,
            "shape": {"field": "kind", "type": "nominal", "title": None, "scale": {**scale, "range": [s[0] for s in styles]}, "legend": key},
            "color": {"field": "kind", "type": "nominal", "title": None, "scale": {**scale, "range": [s[1] for s in styles]}, "legend": key},
            "size": {"field": "kind", "type": "nominal", "scale": {**scale, "range": [s[2] for s in styles]}, "legend": None},
        }})
        if len(own) < len(rows):
            layers.append({"data": {"values": [r for r in rows if r["kind"] in comparators]},
                           "mark": {"type": "point", "filled": False, "strokeWidth": 2, "opacity": 1}, "encoding": {
                "x": x, "y": y,
                "shape": {"field": "kind", "type": "nominal", "scale": {**scale, "range": [s[0] for s in styles]}, "legend": None},
                "color": {"field": "kind", "type": "nominal", "scale": {**scale, "range": [s[1] for s in styles]}, "legend": None},
                "size": {"field": "kind", "type": "nominal", "scale": {**scale, "range": [s[2] for s in styles]}, "legend": None},
            }})
    return spec(layers, HEIGHT)


def metric_chart(metric: Metric, progress: MetricProgress, as_at: date, renderer: ChartRenderer) -> Chart:
    """The chart of a metric as at a date, with its alt text and data table."""
    key, svg, png = renderer.draw(metric_spec(metric, progress, as_at))
    noted = any(p.note for p in progress.points)  # a data file's notes ("projected end of year") go with their figures
    rows = [[point_date(p.date), number(p.value, metric.unit), *([p.note or ""] if noted else [])] for p in progress.points]
    return Chart(key, svg, png, evidence.alt_text(metric, progress), metric.title, ["Date", "Value", *(["Note"] if noted else [])], rows)
