"""Turn metrics and the status picture into charts: Altair specs -> SVG (PDF, HTML) and PNG (Word).

Each chart comes with an alt text that states its finding and a small data table, because
ARIA inside an SVG is ignored by the PDF renderer and a picture is never the only carrier of a
fact. Rendering (vl-convert) is cached by a hash of the spec and the converter's version in
`cache_dir`: an unchanged chart is not redrawn. The charts use the document's font
(Liberation Sans, metric-compatible with Arial) so text in the PDF matches the body.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from importlib.metadata import version
from pathlib import Path
from typing import Any

import altair as alt

from wsoagen.data import evidence
from wsoagen.data.status import MetricProgress, Summary, metric_progress
from wsoagen.data.wording import count, long_date, number, point_date, progress
from wsoagen.plan.model import Metric, Plan
from wsoagen.plan.statuses import NOT_RATED

FONT = "Liberation Sans"
FONT_DIRS = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"]
INK, MUTED, GRID = "#0b0c0c", "#505a5f", "#dddddd"


@dataclass
class Chart:
    """A drawn chart and what a reader without sight of it needs."""

    key: str
    svg: str
    png: bytes
    alt: str
    caption: str
    table_head: list[str]
    table_rows: list[list[str]] = field(default_factory=list)

    @property
    def svg_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")

    @property
    def png_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


class ChartRenderer:
    """Draws Vega-Lite specs with vl-convert, reusing earlier drawings from `cache_dir`."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self.drawn = 0  # charts actually rendered (not from cache), for the build summary
        self._ready = False

    def _start(self) -> Any:
        import vl_convert as vlc

        if not self._ready:
            for d in FONT_DIRS:
                if Path(d).is_dir():
                    vlc.register_font_directory(d)
            self._ready = True
        return vlc

    def draw(self, spec: dict[str, Any]) -> tuple[str, str, bytes]:
        """(key, svg, png) for a spec."""
        blob = json.dumps(spec, sort_keys=True, separators=(",", ":"))
        key = hashlib.sha256(f"{version('vl-convert-python')}\n{blob}".encode()).hexdigest()[:24]
        if self.cache_dir:
            svg_path, png_path = self.cache_dir / f"{key}.svg", self.cache_dir / f"{key}.png"
            if svg_path.is_file() and png_path.is_file():
                return key, svg_path.read_text(encoding="utf-8"), png_path.read_bytes()
        vlc = self._start()
        svg = vlc.vegalite_to_svg(spec)
        png = vlc.vegalite_to_png(spec, scale=2)
        self.drawn += 1
        if self.cache_dir:
            from wsoagen.output import write_atomic

            write_atomic(self.cache_dir / f"{key}.svg", svg.encode("utf-8"))
            write_atomic(self.cache_dir / f"{key}.png", png)
        return key, svg, png


def _config(chart: alt.TopLevelMixin) -> dict[str, Any]:
    spec = chart.configure(font=FONT, background="white").configure_axis(
        labelFont=FONT, titleFont=FONT, labelColor=INK, titleColor=INK, gridColor=GRID, labelFontSize=11, titleFontSize=11,
        labelOverlap=False,  # a hidden label stays in the SVG as invisible text: tick counts are chosen to fit instead
    ).configure_legend(labelFont=FONT, titleFont=FONT, labelFontSize=11, titleFontSize=11).configure_view(stroke=None).to_dict(
        validate=False)  # our specs are fixed code, and Altair's schema check costs more than drawing
    spec.pop("$schema", None)
    return spec


def _iso(d: date) -> str:
    return d.isoformat()


def _mid(d0: date, d1: date) -> date:
    return d0 + (d1 - d0) / 2


def metric_chart(metric: Metric, progress: MetricProgress, as_at: date, renderer: ChartRenderer) -> Chart:
    """The actual series with baseline, target, interim targets and an as-at marker."""
    unit_title = {"%": "Per cent", "count": "Number", "days": "Days", "weeks": "Weeks", "months": "Months", "score": "Score"}[metric.unit]
    actual = [{"date": _iso(_mid(p.date.start, p.date.end or p.date.start)), "value": p.value} for p in progress.points]
    marks = []
    if metric.baseline is not None and metric.baseline.date:
        marks.append({"date": _iso(metric.baseline.date.start), "value": metric.baseline.value, "kind": "Baseline"})
    for t in metric.interim_targets:
        if t.date:
            marks.append({"date": _iso(t.date.end or t.date.start), "value": t.value, "kind": "Interim target"})
    if metric.target is not None and metric.target.date:
        marks.append({"date": _iso(metric.target.date.end or metric.target.date.start), "value": metric.target.value, "kind": "Target"})
    dates = [date.fromisoformat(r["date"]) for r in actual + marks] + [as_at]
    start, end = min(dates) - timedelta(days=15), max(dates) + timedelta(days=15)
    x = alt.X("date:T", title=None, scale=alt.Scale(domain=[_iso(start), _iso(end)]),
              axis=alt.Axis(format="%b %Y", tickCount=6, labelAngle=0))
    ymax = 100 if metric.unit == "%" else None
    y = alt.Y("value:Q", title=unit_title, scale=alt.Scale(domain=[0, ymax] if ymax else alt.Undefined, zero=True))
    layers = []
    if actual:
        base = alt.Chart(alt.Data(values=actual))
        layers.append(base.mark_line(color="#1d3557", strokeWidth=2.5).encode(x=x, y=y))
        layers.append(base.mark_point(color="#1d3557", filled=True, size=45).encode(x=x, y=y))
    if marks:
        styles = {"Baseline": ("square", MUTED), "Interim target": ("diamond", "#b58840"), "Target": ("triangle-up", "#00703c")}
        kinds = [k for k in styles if any(m["kind"] == k for m in marks)]  # the legend names only what is drawn
        legend = alt.Legend(orient="bottom", direction="horizontal")
        shape = alt.Shape("kind:N", title=None, legend=legend, scale=alt.Scale(domain=kinds, range=[styles[k][0] for k in kinds]))
        colour = alt.Color("kind:N", title=None, legend=legend, scale=alt.Scale(domain=kinds, range=[styles[k][1] for k in kinds]))
        layers.append(alt.Chart(alt.Data(values=marks)).mark_point(filled=True, size=110).encode(x=x, y=y, shape=shape, color=colour))
    if metric.target is not None:
        layers.append(alt.Chart(alt.Data(values=[{"value": metric.target.value}])).mark_rule(
            color="#00703c", strokeDash=[6, 4]).encode(y="value:Q"))
    layers.append(alt.Chart(alt.Data(values=[{"date": _iso(as_at)}])).mark_rule(color=MUTED, strokeDash=[2, 3]).encode(x="date:T"))
    layers.append(alt.Chart(alt.Data(values=[{"date": _iso(as_at), "label": f"As at {long_date(as_at)}"}])).mark_text(
        align="left", dx=4, dy=-4, baseline="bottom", color=MUTED, fontSize=10).encode(x="date:T", y=alt.value(12), text="label:N"))
    chart = alt.layer(*layers).properties(width=520, height=170)
    key, svg, png = renderer.draw(_config(chart))
    rows = [[point_date(p.date), number(p.value, metric.unit)] for p in progress.points]
    return Chart(key, svg, png, evidence.alt_text(metric, progress), metric.title, ["Date", "Value"], rows)


def status_chart(summary: Summary, renderer: ChartRenderer) -> Chart:
    """Milestones by status, one bar per workstream."""
    scheme = summary.scheme
    # The whole key, then any percentages ("75%") counted, then not rated: as the scheme orders them.
    order = scheme.ordered([*(s.id for s in scheme.declared), *(sid for ws in summary.workstreams for sid in ws.counts), NOT_RATED])
    shown = {sid: scheme.resolve(sid) for sid in order}
    labels = {sid: status.label if status else sid for sid, status in shown.items()}
    values = []
    for ws in summary.workstreams:
        for i, sid in enumerate(order):
            if ws.counts.get(sid):
                values.append({"workstream": f"{ws.number}. {ws.title}", "status": labels[sid], "n": ws.counts[sid], "order": i})
    colours = [status.colour if status else MUTED for status in shown.values()]
    chart = alt.Chart(alt.Data(values=values)).mark_bar(stroke="white", strokeWidth=1).encode(
        y=alt.Y("workstream:N", title=None, sort=None, axis=alt.Axis(labelLimit=330)),
        x=alt.X("sum(n):Q", title="Milestones", axis=alt.Axis(tickMinStep=1)),
        color=alt.Color("status:N", title="Status", scale=alt.Scale(domain=[labels[s] for s in order], range=colours),
                        legend=alt.Legend(orient="bottom", direction="horizontal")),
        order=alt.Order("order:Q"),
    ).properties(width=420, height=max(60, 28 * len(summary.workstreams)))
    key, svg, png = renderer.draw(_config(chart))
    head = ["Workstream"] + [labels[s] for s in order] + ["Total"]
    rows = [[f"{ws.number}. {ws.title}"] + [number(ws.counts.get(s, 0)) for s in order] + [number(ws.total)] for ws in summary.workstreams]
    totals = summary.totals
    alt_text = (f"Milestones by status: {progress(summary.complete, summary.total, len(summary.overdue), summary.as_at)}. "
                + "; ".join(f"{labels[s]} {number(totals.get(s, 0))}" for s in order) + ".")
    return Chart(key, svg, png, alt_text, "Milestones by status and workstream", head, rows)


def timeline_chart(summary: Summary, renderer: ChartRenderer) -> Chart:
    """Every dated milestone at its deadline, by workstream, marked complete, overdue or to come."""
    values = []
    for s in summary.states:
        if not s.milestone.deadline:
            continue
        d = s.milestone.deadline.end or s.milestone.deadline.start
        state = "Complete" if s.complete else ("Overdue" if s.overdue else "To come")
        values.append({"date": _iso(d), "workstream": f"Workstream {s.workstream}", "state": state})
    domain = ["Complete", "Overdue", "To come"]
    chart = alt.Chart(alt.Data(values=values)).mark_point(filled=True, size=70, opacity=0.85).encode(
        x=alt.X("date:T", title="Deadline", axis=alt.Axis(format="%b %Y", tickCount=8, labelAngle=0)),
        y=alt.Y("workstream:N", title=None),
        color=alt.Color("state:N", title=None, scale=alt.Scale(domain=domain, range=["#1d70b8", "#d4351c", "#505a5f"]),
                        legend=alt.Legend(orient="bottom")),
        shape=alt.Shape("state:N", title=None, scale=alt.Scale(domain=domain, range=["circle", "cross", "triangle-right"])),
        xOffset=alt.value(0),
    )
    rule = alt.Chart(alt.Data(values=[{"date": _iso(summary.as_at)}])).mark_rule(color=MUTED, strokeDash=[2, 3]).encode(x="date:T")
    layered = alt.layer(chart, rule).properties(width=560, height=max(60, 30 * len(summary.workstreams)))
    key, svg, png = renderer.draw(_config(layered))
    counts = {k: sum(1 for v in values if v["state"] == k) for k in domain}
    by_ws: dict[str, dict[str, int]] = {}
    for v in values:
        by_ws.setdefault(v["workstream"], {k: 0 for k in domain})[v["state"]] += 1
    rows = [[ws] + [number(c[k]) for k in domain] for ws, c in by_ws.items()]
    alt_text = (f"Timeline of {count(len(values), 'dated milestone')} by deadline, as at {long_date(summary.as_at)}: "
                f"{number(counts['Complete'])} complete, {number(counts['Overdue'])} overdue, {number(counts['To come'])} still to come.")
    return Chart(key, svg, png, alt_text, "Milestone deadlines by workstream", ["Workstream", *domain], rows)


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


def draw_all(plan: Plan, summary: Summary, as_at: date, renderer: ChartRenderer) -> Figures:
    """Every chart a plan's documents use."""
    views = []
    for metric in plan.file.metrics:
        progress = metric_progress(metric, plan.series.get(metric.id, []), as_at)
        views.append(MetricView(metric, progress, evidence.evidence_sentence(metric, progress),
                                metric_chart(metric, progress, as_at, renderer)))
    return Figures(views, status_chart(summary, renderer), timeline_chart(summary, renderer))
