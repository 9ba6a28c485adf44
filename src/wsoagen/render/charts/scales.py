"""Axes chosen from the data: a value axis with round ticks, a date axis with month ticks.

- `value_axis(values, unit)`: the range of the value axis and its ticks, from every value the
  chart draws (the series, baseline, interim targets, target). Counts start at zero (a count
  is a size, read against nothing), and so does any series reaching down to within a sixth of
  its top ("1% to 16%" gets 0 to 20%, not 0 to 100%); a series bunched high up ("88% to 96%")
  gets a window round it. Percentages stay within 0 to 100% unless a value is outside. Ticks
  are 1, 2, 2.5 or 5 times a power of ten apart (whole numbers for counts, and for percentages spanning more than a few points), at
  most seven intervals, and the outer ticks clear the values by a little so no mark sits on
  the edge. Tick labels come from `data.wording` ("20%", "1,200", "£500"; a rate's words go in
  the axis title, not on every tick).
- `date_window(dates, as_at)`: the dates a time axis covers: the chart's own dates, padded.
  The as-at date widens it only when it is close (within a quarter of the span, or three
  months); an as-at date far after (or before) every date the chart draws is noted at the
  edge (`Window.as_at_side`) instead of squeezing the data into a corner.
- `month_ticks(window, room)`: ticks on the first of a month, 1, 2, 3, 6, 12, 24 or 60 months
  apart (quarters on January, April, July, October), as few as fit `room` labels.

Dates are day numbers (`date.toordinal()`) on a linear scale, not Vega time scales, so a chart
never depends on the time zone of the machine that draws it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from wsoagen.data.wording import number

MAX_INTERVALS = 7
STEPS = (1, 2, 2.5, 5, 10)
MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60)
Side = Literal["inside", "after", "before"]


@dataclass(frozen=True)
class Axis:
    """A value axis: its range, its ticks and their labels."""

    lo: float
    hi: float
    ticks: list[float]
    labels: dict[float, str]


def _step(raw: float, whole: bool) -> float:
    """The smallest round step (1, 2, 2.5, 5 x 10^k) at least `raw`; a whole number if `whole`."""
    raw = max(raw, 1.0) if whole else max(raw, 1e-9)
    power = 10.0 ** math.floor(math.log10(raw))
    return next(m * power for m in STEPS if m * power >= raw * (1 - 1e-12) and (not whole or float(m * power).is_integer()))


def _clean(x: float) -> float:
    """A tick value without float noise (0.30000000000000004 -> 0.3), an int when whole."""
    x = round(x, 9)
    return int(x) if x.is_integer() else x


def value_axis(values: list[float], unit: str) -> Axis:
    """The value axis for a metric chart drawing `values` in `unit` (see the module docstring)."""
    if not values:
        values = [0.0, 100.0] if unit == "%" else [0.0, 10.0]
    lo, hi = min(values), max(values)
    from_zero = unit == "count" or (lo >= 0 and hi - lo >= hi / 6)
    if from_zero:
        lo, hi = min(lo, 0.0), max(hi, 0.0)
    span = hi - lo or abs(hi) or 1.0
    top = hi + span * 0.05
    bottom = lo if from_zero and lo == 0 else lo - span * 0.05
    # Whole steps for counts, and for percentages unless they span only a few points (0.5% to 1.3%).
    step = _step((top - bottom) / MAX_INTERVALS, whole=unit == "count" or (unit == "%" and top - bottom > MAX_INTERVALS))
    first, last = math.floor(bottom / step + 1e-9), math.ceil(top / step - 1e-9)
    ticks = [_clean(i * step) for i in range(first, last + 1)]
    if unit == "%":  # within 0..100% unless a value is outside; a round step divides 100, so 100% stays a tick
        ticks = [t for t in ticks if (lo < 0 or t >= 0) and (hi > 100 or t <= 100)]
    return Axis(ticks[0], ticks[-1], ticks, {t: number(t, unit if unit in ("%", "£") else "count") for t in ticks})


@dataclass(frozen=True)
class Window:
    """The dates a time axis covers, and where the as-at date is: on the axis or beyond one edge."""

    start: date
    end: date
    as_at: date
    as_at_side: Side

    @property
    def lo(self) -> int:
        return self.start.toordinal()

    @property
    def hi(self) -> int:
        return self.end.toordinal()

    def fraction(self, d: date) -> float:
        """Where `d` falls along the axis, 0 at the start and 1 at the end."""
        return (d.toordinal() - self.lo) / max(self.hi - self.lo, 1)


def date_window(dates: list[date], as_at: date) -> Window:
    """The dates an axis covers for a chart drawing `dates`, as at `as_at` (see the module docstring)."""
    if not dates:
        return Window(as_at - timedelta(days=92), as_at + timedelta(days=92), as_at, "inside")
    lo, hi = min(dates), max(dates)
    slack = timedelta(days=max((hi - lo).days // 4, 92))
    side: Side = "inside"
    if as_at > hi:
        hi, side = (as_at, "inside") if as_at - hi <= slack else (hi, "after")
    elif as_at < lo:
        lo, side = (as_at, "inside") if lo - as_at <= slack else (lo, "before")
    pad = timedelta(days=max((hi - lo).days * 3 // 100, 12))
    return Window(lo - pad, hi + pad, as_at, side)


def _months(d: date) -> int:
    return d.year * 12 + d.month - 1


def _first_of(months: int) -> date:
    return date(months // 12, months % 12 + 1, 1)


def month_ticks(window: Window, room: int) -> dict[int, str]:
    """Day number -> "Jan 2020" for ticks on the first of a month, at most `room` of them (at least 2)."""
    first, last = _months(window.start - timedelta(days=1)) + 1, _months(window.end)
    ticks: list[int] = []
    for step in MONTH_STEPS:
        ticks = [m for m in range(first, last + 1) if m % step == 0]
        if len(ticks) <= max(room, 2):
            break
    return {_first_of(m).toordinal(): f"{_first_of(m):%b %Y}" for m in ticks}
