"""The timeline: every milestone with a deadline, one mark each, in its workstream's row.

In: the status picture as at a date (`data.status.Summary`) and a renderer. Out: a `Chart`.
Each milestone is one mark at the month of its deadline (the end of a span, the start of an
open one: "From Feb 2020"); marks falling in the same month stack upwards, complete first,
then overdue, then to come, so 36 milestones show as 36 marks, not as 14 on top of each
other. A month with more than `CAP` in one row shows `CAP - 1` marks and "+n" for the rest.
Complete, overdue and to come differ in shape and fill as well as colour, and the legend
says so in words. The time axis covers the deadlines (`scales.date_window`): an as-at date far
after them is noted at the edge rather than stretching the axis. Alt text: the counts, and
how many milestones have no deadline and so are not drawn; the table: counts per area. Rows are
named as the plan names its areas ("Workstream 1", "Recommendation 1", "Area for priority action A").
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from wsoagen.data.status import MilestoneState, Summary, capital
from wsoagen.data.wording import count, long_date, number
from wsoagen.render.charts import text
from wsoagen.render.charts.draw import GRID, INK, SIZE, WIDTH, Chart, ChartRenderer, legend, spec
from wsoagen.render.charts.scales import date_window
from wsoagen.render.charts.timeaxis import as_at_layers, x_encoding

CAP = 8  # marks stacked in one month of one row at most; more show as "+n"
SLOT = 10  # px per stacked mark
STATES = {  # state -> shape, fill, stroke, legend words
    "Complete": ("circle", "#1d70b8", "#1d70b8", "Complete"),
    "Overdue": ("cross", "#d4351c", "#d4351c", "Overdue: deadline passed, not complete"),
    "To come": ("circle", "#ffffff", "#505a5f", "To come"),
}


def _state(s: MilestoneState) -> str:
    return "Complete" if s.complete else ("Overdue" if s.overdue else "To come")


def _month(s: MilestoneState) -> date:
    d = s.milestone.deadline.end or s.milestone.deadline.start
    return date(d.year, d.month, 1)


def _rows(summary: Summary, dated: list[MilestoneState]) -> tuple[list[int], dict[int, int], dict[int, int], int]:
    """Workstream numbers top to bottom, each row's slots and top slot, and the slots in all."""
    numbers = [ws.number for ws in summary.workstreams]
    deepest = Counter((s.workstream, _month(s)) for s in dated)
    slots = {n: min(max([2, *(c for (w, _), c in deepest.items() if w == n)]), CAP) for n in numbers}
    tops, at = {}, 0.5
    for n in numbers:
        tops[n], at = at, at + slots[n] + 1
    return numbers, slots, tops, int(at - 0.5)


def _marks(dated: list[MilestoneState], slots: dict[int, int], tops: dict[int, float]) -> tuple[list[dict], list[dict]]:
    """One mark per milestone (x a day number, y a slot counted from the top), and "+n" labels."""
    columns: dict[tuple[int, date], list[str]] = {}
    for s in dated:
        columns.setdefault((s.workstream, _month(s)), []).append(_state(s))
    marks, more = [], []
    for (ws, month), states in sorted(columns.items()):
        states.sort(key=list(STATES).index)
        x = (month + timedelta(days=14)).toordinal()
        shown = states if len(states) <= CAP else states[: CAP - 1]
        base = tops[ws] + slots[ws] - 0.5  # the bottom slot's centre
        marks += [{"x": x, "y": base - k, "state": state} for k, state in enumerate(shown)]
        if len(shown) < len(states):
            more.append({"x": x, "y": base - len(shown), "label": f"+{number(len(states) - len(shown))}"})
    return marks, more


def timeline_spec(summary: Summary, dated: list[MilestoneState]) -> dict[str, Any]:
    numbers, slots, tops, total = _rows(summary, dated)
    months = [_month(s) for s in dated]
    ends = [*months, *((m + timedelta(days=31)).replace(day=1) - timedelta(days=1) for m in months)]
    window = date_window(ends, summary.as_at)
    shorts = {ws.number: ws.short for ws in summary.workstreams}
    plot_width = WIDTH - max(text.width(shorts[n], SIZE) for n in numbers) - 20 if numbers else WIDTH
    month_px = plot_width * 30.4 / max(window.hi - window.lo, 1)
    side = max(4.0, min(SLOT - 2, month_px - 2))
    marks, more = _marks(dated, slots, tops)
    x = x_encoding(window, plot_width)
    centres = {tops[n] + slots[n] / 2: shorts[n] for n in numbers}
    y_scale = {"domain": [0, total], "reverse": True, "nice": False, "zero": False}
    y = {"field": "y", "type": "quantitative", "title": None, "scale": y_scale,
         "axis": {"values": list(centres), "labelExpr": text.lookup(centres), "grid": False, "ticks": False, "domain": False}}
    kinds = list(STATES)
    overflow = "; +n: more milestones due that month" if more else ""
    key = legend([STATES[k][3] for k in kinds], kinds, plot_width, title=f"Each mark is one milestone, at the month of its deadline{overflow}")

    def channel(i: int) -> dict[str, Any]:
        return {"field": "state", "type": "nominal", "title": None, "legend": key,
                "scale": {"domain": kinds, "range": [STATES[k][i] for k in kinds]}}

    layers: list[dict[str, Any]] = [{
        "data": {"values": [{"y": tops[n] - 0.5} for n in numbers[1:]]}, "mark": {"type": "rule", "color": GRID},
        "encoding": {"y": {"field": "y", "type": "quantitative", "scale": y_scale}}}]
    layers += as_at_layers(window, plot_width, x)
    layers.append({"name": "milestones", "data": {"values": marks}, "mark": {"type": "point", "size": side * side, "strokeWidth": 1.5,
                   "opacity": 1}, "encoding": {"x": x, "y": y, "shape": channel(0), "fill": channel(1), "stroke": channel(2)}})
    if more:
        layers.append({"name": "more", "data": {"values": more}, "mark": {"type": "text", "fontSize": SIZE - 2, "color": INK},
                       "encoding": {"x": x, "y": {"field": "y", "type": "quantitative", "scale": y_scale}, "text": {"field": "label", "type": "nominal"}}})
    return spec(layers, total * SLOT)


def timeline_chart(summary: Summary, renderer: ChartRenderer) -> Chart:
    """Every dated milestone at its deadline, by workstream, marked complete, overdue or to come."""
    dated = [s for s in summary.states if s.milestone.deadline]
    undated = len(summary.states) - len(dated)
    key, svg, png = renderer.draw(timeline_spec(summary, dated))
    counts = Counter(_state(s) for s in dated)
    by_ws = {ws.number: Counter(_state(s) for s in dated if s.workstream == ws.number) for ws in summary.workstreams}
    no_deadline = Counter(s.workstream for s in summary.states if not s.milestone.deadline)
    shorts = {ws.number: ws.short for ws in summary.workstreams}
    head = [capital(summary.area), *STATES] + (["No deadline"] if undated else [])
    rows = [[shorts[n], *(number(c[k]) for k in STATES)] + ([number(no_deadline[n])] if undated else []) for n, c in by_ws.items()]
    alt_text = (f"Timeline of {count(len(dated), 'dated milestone')} by deadline, as at {long_date(summary.as_at)}: "
                f"{number(counts['Complete'])} complete, {number(counts['Overdue'])} overdue, {number(counts['To come'])} still to come.")
    if undated:
        alt_text += f" {count(undated, 'milestone')} with no deadline {'is' if undated == 1 else 'are'} not shown."
    return Chart(key, svg, png, alt_text, f"Milestone deadlines by {summary.area}", head, rows)
