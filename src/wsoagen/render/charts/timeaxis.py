"""The time axis shared by the metric and timeline charts, and the as-at marker on it.

In: a `scales.Window` (the dates the axis covers, where the as-at date falls) and an estimate
of the plot's width in px. Out: the Vega-Lite x encoding (day numbers, month ticks labelled
"Jan 2020") and the layers that mark the as-at date: a dotted rule with "As at 14 January
2020" above the plot, on whichever side of the rule the words fit; or, when the as-at date is
far beyond the dates drawn, no rule and "As at 1 June 2024, after the dates shown →" at that
edge, so an old plan built today is not squeezed into a corner of an axis running to today.
"""

from __future__ import annotations

from typing import Any

from wsoagen.data.wording import long_date
from wsoagen.render.charts import text
from wsoagen.render.charts.draw import MUTED, SIZE, SMALL
from wsoagen.render.charts.scales import Window, month_ticks

GAP = 4  # px between the as-at rule and its label
LABEL_ROOM = 64  # px a month tick label needs ("Sep 2020" and the space around it)


def x_encoding(window: Window, plot_width: float, title: str | None = None) -> dict[str, Any]:
    """Day numbers along the window, ticks on the first of the month labelled "Jan 2020"."""
    ticks = month_ticks(window, int(plot_width // LABEL_ROOM))
    axis = {"values": list(ticks), "labelExpr": text.lookup(ticks), "title": title, "grid": True, "labelAngle": 0}
    return {"field": "x", "type": "quantitative", "scale": {"domain": [window.lo, window.hi], "nice": False, "zero": False},
            "axis": axis}


def as_at_label(window: Window) -> str:
    when = long_date(window.as_at)
    if window.as_at_side == "after":
        return f"As at {when}, after the dates shown →"
    if window.as_at_side == "before":
        return f"← As at {when}, before the dates shown"
    return f"As at {when}"


def as_at_layers(window: Window, plot_width: float, x: dict[str, Any]) -> list[dict[str, Any]]:
    """The as-at rule (when on the axis) and its label above the plot, clear of both edges; `x` is
    the chart's x encoding (`x_encoding`), so the axis is the same with or without other marks."""
    label = as_at_label(window)
    wide = text.width(label, SMALL)
    if window.as_at_side == "after":
        x, align, dx = window.hi, "right", 0
    elif window.as_at_side == "before":
        x, align, dx = window.lo, "left", 0
    else:
        x = window.as_at.toordinal()
        room_right = plot_width * (1 - window.fraction(window.as_at))
        align, dx = ("left", GAP) if room_right >= wide + GAP else ("right", -GAP)
    mark = {"type": "text", "align": align, "dx": dx, "baseline": "bottom", "color": MUTED, "fontSize": SMALL}
    layers: list[dict[str, Any]] = []
    if window.as_at_side == "inside":
        layers.append({"data": {"values": [{"x": x}]}, "mark": {"type": "rule", "color": MUTED, "strokeDash": [2, 3]},
                       "encoding": {"x": x}})
    layers.append({"data": {"values": [{"x": x, "label": label}]}, "mark": mark,
                   "encoding": {"x": x, "y": {"value": -3}, "text": {"field": "label", "type": "nominal"}}})
    return layers


def y_area(labels: list[str], title: str | None) -> float:
    """Roughly how wide a left value axis is: its longest label, tick, padding and title."""
    longest = max((text.width(s, SIZE) for s in labels), default=0)
    return longest + 12 + (SIZE + 8 if title else 0) + 10
