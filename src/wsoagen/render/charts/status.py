"""The status chart: milestones by status, one stacked bar per area, its total at the end.

In: the status picture as at a date (`data.status.Summary`, whose scheme says what each status
is called, means and looks like) and a renderer. Out: a `Chart` whose legend says what each
colour means in words ("Blue: complete", "Red: not started / at risk", "Not rated: no status
recorded yet"), in the scheme's key order; areas named as the plan names them ("1. Joint
planning", or "Recommendation 1" where an area has no title) and wrapped onto as many lines as
they need beside their bars (never cut short); a count axis from zero with whole-number
ticks; the alt text with the figures (`data.wording`) and the counts as a table whose first
column is headed with the plan's word for an area.
"""

from __future__ import annotations

from typing import Any

from wsoagen.data.status import Summary, capital
from wsoagen.data.wording import number, progress
from wsoagen.plan.statuses import NOT_RATED
from wsoagen.render.charts import text
from wsoagen.render.charts.draw import INK, MUTED, SIZE, WIDTH, Chart, ChartRenderer, legend, spec
from wsoagen.render.charts.scales import value_axis

NAME_WIDTHS = (190, 230, 270)  # px for the names beside the bars: the narrowest that needs at most MAX_LINES
MAX_LINES = 3
LINE = 13  # px between the lines of a wrapped name
BAR = 20  # px: a bar's thickness, however many lines its name takes


def _named(status: Any, sid: str) -> tuple[str, str | None]:
    """A status's label and what it means: "Blue", "complete" (no meaning when it adds nothing to the label)."""
    if status is None:
        return sid, None
    meaning = (status.meaning or "").strip()
    return status.label, meaning if meaning and meaning.lower() != status.label.lower() else None


def status_spec(summary: Summary, order: list[str], labels: dict[str, str], words: dict[str, str]) -> dict[str, Any]:
    """The Vega-Lite spec: `order` the status ids in key order, `labels`/`words` their names and legend words."""
    scheme = summary.scheme
    names = [ws.name for ws in summary.workstreams]
    for limit in NAME_WIDTHS:
        lines = {name: text.wrap(name, limit, SIZE) for name in names}
        if max((len(v) for v in lines.values()), default=1) <= MAX_LINES:
            break
    left = max(text.width(line, SIZE) for name in names for line in lines[name]) + 12 if names else 0
    band = max(BAR + 8, LINE * max((len(v) for v in lines.values()), default=1) + 8)
    values = [{"workstream": name, "status": labels[sid], "n": ws.counts[sid], "order": i}
              for name, ws in zip(names, summary.workstreams, strict=True) for i, sid in enumerate(order) if ws.counts.get(sid)]
    axis = value_axis([ws.total for ws in summary.workstreams], "count")
    y = {"field": "workstream", "type": "nominal", "title": None, "sort": None, "scale": {"domain": names, "paddingInner": 0, "paddingOuter": 0},
         "axis": {"labelExpr": text.lookup(lines), "labelOffset": {"expr": f"-(length({text.lookup(lines)}) - 1) * {LINE / 2}"},
                  "ticks": False, "labelPadding": 6}}
    x = {"field": "n", "type": "quantitative", "aggregate": "sum", "title": "Milestones",
         "scale": {"domain": [axis.lo, axis.hi], "nice": False}, "axis": {"values": axis.ticks, "labelExpr": text.lookup(axis.labels)}}
    colours = [(scheme.resolve(sid).colour if scheme.resolve(sid) else MUTED) for sid in order]
    bars = {"data": {"values": values}, "mark": {"type": "bar", "stroke": "white", "strokeWidth": 1, "height": BAR}, "encoding": {
        "y": y, "x": x, "order": {"field": "order", "type": "quantitative"},
        "color": {"field": "status", "type": "nominal", "title": "Status",
                  "scale": {"domain": [labels[s] for s in order], "range": colours},
                  "legend": legend([words[s] for s in order], [labels[s] for s in order], WIDTH - left, title="Status")},
    }}
    totals = {"data": {"values": [{"workstream": name, "total": ws.total, "label": number(ws.total)}
                                  for name, ws in zip(names, summary.workstreams, strict=True)]},
              "mark": {"type": "text", "align": "left", "dx": 4, "baseline": "middle", "color": INK, "fontSize": SIZE},
              "encoding": {"y": {k: v for k, v in y.items() if k != "axis"}, "x": {"field": "total", "type": "quantitative", "scale": x["scale"]},
                           "text": {"field": "label", "type": "nominal"}}}
    return spec([bars, totals], band * max(len(names), 1))


def status_chart(summary: Summary, renderer: ChartRenderer) -> Chart:
    """Milestones by status, one bar per area; alt text and table with the same counts."""
    scheme = summary.scheme
    # The whole key, then any percentages ("75%") counted, then not rated: as the scheme orders them.
    order = scheme.ordered([*(s.id for s in scheme.declared), *(sid for ws in summary.workstreams for sid in ws.counts), NOT_RATED])
    named = {sid: _named(scheme.resolve(sid), sid) for sid in order}
    labels = {sid: label for sid, (label, _) in named.items()}
    words = {sid: f"{label}: {meaning}" if meaning else label for sid, (label, meaning) in named.items()}
    said = {sid: f"{label} ({meaning})" if meaning else label for sid, (label, meaning) in named.items()}
    key, svg, png = renderer.draw(status_spec(summary, order, labels, words))
    head = [capital(summary.area)] + [labels[s] for s in order] + ["Total"]
    rows = [[ws.name] + [number(ws.counts.get(s, 0)) for s in order] + [number(ws.total)] for ws in summary.workstreams]
    totals = summary.totals
    alt_text = (f"Milestones by status: {progress(summary.complete, summary.total, len(summary.overdue), summary.as_at)}. "
                + "; ".join(f"{said[s]} {number(totals.get(s, 0))}" for s in order) + ".")
    return Chart(key, svg, png, alt_text, f"Milestones by status and {summary.area}", head, rows)

