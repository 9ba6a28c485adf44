"""The KPI table, in the form councils publish their performance measures.

In: each metric with its progress as at the date (`MetricView`s, in plan order). Out: a
`KpiTable`: measures grouped by their `section` (in the order sections first appear), and the
columns Measure, Baseline, one per milestone target (headed by its label, or its date when it
has none, with the period under the label when every measure in the column shares it), Target,
Latest, Progress and one per comparator ("England", "Statistical neighbours"). A milestone's
cell gives the actual recorded in its period under its target, as councils publish "Milestone 1
- Jul 23" beside "Actual Jul 23"; Latest is then only for a newer value no milestone shows. A
cell's lines are separated by newlines. Every figure is
worded by `data.wording` with the digits it was written with; a rate's words ("per 100 pupils")
follow the measure's name once instead of every figure. A column with no entry in any
row is left out; so is Progress for plans whose measures are all "monitor only" or untargeted.
More than `MAX_MILESTONE_COLUMNS` distinct milestones read better as one list in one column.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from wsoagen.data.wording import baseline, course, figure_at, number, target
from wsoagen.plan.model import DataPoint, Measure, Metric
from wsoagen.plan.model.metrics import Comparator
from wsoagen.render.charts import text

if TYPE_CHECKING:
    from wsoagen.render.charts.figures import MetricView

MAX_MILESTONE_COLUMNS = 5
OTHER = "Other measures"
# Sizes in px of the chart font at 96 dpi (text.width's unit): the table's text is 9 pt in the PDF
# and 10 pt in Word ("small"), measured at Word's 10 pt (13.3 px) so that both fit; a cell's
# padding and border about 16 px; the A4 portrait text block about 640 px. A table whose columns'
# longest words do not fit across a portrait page gets a landscape page of its own (`landscape`).
SIZE = 13.3
PADDING = 16
TABLE_WIDTH = 640
LANDSCAPE_WIDTH = 1000  # A4 landscape's text block
MEASURE_MAX = 260


@dataclass
class KpiGroup:
    title: str | None
    rows: list[list[str]] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)  # the metric id of each row, for links


@dataclass
class KpiTable:
    head: list[str]
    groups: list[KpiGroup]
    illustrative: bool

    @property
    def width(self) -> int:
        return len(self.head)

    @property
    def landscape(self) -> bool:
        """Whether the table needs a landscape page: its columns' longest words do not fit across a portrait one."""
        return sum(self._least()) > TABLE_WIDTH

    def _columns(self) -> list[list[str]]:
        return [[self.head[i], *(row[i] for g in self.groups for row in g.rows)] for i in range(self.width)]

    def _least(self) -> list[float]:
        """Each column's longest word (the heading's in bold), in px: narrower, a word would break."""
        return [max(text.width(w, SIZE, bold=(n == 0)) for n, cell in enumerate(col) for w in cell.split()) + PADDING
                for col in self._columns()]

    def _wanted(self) -> list[float]:
        """Each column's longest line unwrapped (the measure's name up to MEASURE_MAX), at least its longest word."""
        wanted = [max(text.width(line, SIZE) for cell in col[1:] for line in cell.split("\n")) + PADDING for col in self._columns()]
        wanted[0] = min(wanted[0], MEASURE_MAX)
        return [max(w, lo) for w, lo in zip(wanted, self._least(), strict=True)]

    @property
    def widths(self) -> list[float]:
        """Each column's share of the table's width in per cent, for the <colgroup> (PDF and Word):
        every column at least as wide as its longest word, so no word is broken between letters,
        the room left given where text would otherwise wrap most, the measure's name first."""
        least, wanted = self._least(), self._wanted()
        width = LANDSCAPE_WIDTH if self.landscape else TABLE_WIDTH
        room = width - sum(least)
        if room <= 0:
            shares = least
        else:
            extra = [w - lo for w, lo in zip(wanted, least, strict=True)]
            scale = min(1.0, room / sum(extra)) if sum(extra) else 0.0
            shares = [lo + e * scale for lo, e in zip(least, extra, strict=True)]
            shares[0] += width - sum(shares)  # what is left goes to the measure's name
        total = sum(shares)
        return [round(100 * w / total, 1) for w in shares]


def _key(m: Measure) -> str:
    return m.label or (m.date.text if m.date else "Milestone")


def _milestones(metrics: list[Metric]) -> list[str]:
    keys: list[str] = []
    for metric in metrics:
        for t in metric.interim_targets:
            if _key(t) not in keys:
                keys.append(_key(t))
    return keys


def _head(key: str, measures: list[Measure]) -> str:
    """'Year 1 (March 2023)' when every measure labelled 'Year 1' is due in March 2023, else 'Year 1'."""
    dates = {m.date.text for m in measures if m.date}
    if len(dates) == 1 and all(m.date for m in measures) and measures[0].label and measures[0].date:
        date_text = measures[0].date.text
        return key if date_text.casefold() in key.casefold() else f"{key} ({date_text})"
    return key


def _in_column(m: Measure, unit: str, head: str, points: list[DataPoint]) -> str:
    """A milestone's cell: its figure alone when the heading says its label and date, else with
    them; and on a second line the actual recorded in the milestone's period, as councils set
    "Milestone 1 - Jul 23" beside "Actual Jul 23"."""
    full = target(m, unit)
    if m.date and m.date.text.casefold() in head.casefold():
        text = number(m.value, unit)
    else:
        text = full.removesuffix(f" ({m.label})") if m.label and m.label in head else full
    actual = _actual(m, points)
    return f"{text}\nActual: {number(actual.value, unit)}" if actual else text


def _actual(m: Measure, points: list[DataPoint]) -> DataPoint | None:
    """The last value recorded within the milestone's period (its month, quarter or year), if any."""
    if m.date is None or m.date.kind != "by":
        return None
    end = m.date.end or m.date.start
    return next((p for p in reversed(points) if m.date.start <= p.date.start <= end), None)


def kpi_table(views: list[MetricView]) -> KpiTable | None:
    """The KPI table of a plan's metrics, or None if it has none."""
    if not views:
        return None
    metrics = [v.metric for v in views]
    keys = _milestones(metrics)
    listed = len(keys) > MAX_MILESTONE_COLUMNS
    by_key = {k: [t for m in metrics for t in m.interim_targets if _key(t) == k] for k in keys}
    heads = {k: _head(k, by_key[k]) for k in keys}
    comparators = list(dict.fromkeys(c.label for m in metrics for c in m.comparators))
    head = ["Measure", "Baseline", *(["Milestone targets"] if listed else [heads[k] for k in keys]), "Target", "Latest", "Progress", *comparators]
    sections = list(dict.fromkeys(m.section or OTHER for m in metrics))
    groups = {s: KpiGroup(None if sections == [OTHER] else s) for s in sections}
    for v in views:
        m = v.metric
        unit = "count" if m.unit.startswith("per ") else m.unit  # a rate's words go once, after the measure's name
        title = f"{m.title} (rate {m.unit})" if m.unit.startswith("per ") else m.title
        points = v.progress.points
        milestones = ["; ".join(target(t, unit) for t in m.interim_targets)] if listed else [
            next((_in_column(t, unit, heads[k], points) for t in m.interim_targets if _key(t) == k), "") for k in keys]
        shown = not listed and v.progress.latest is not None and any(_actual(t, points) is v.progress.latest for t in m.interim_targets)
        latest = figure_at(v.progress.latest, unit) if v.progress.latest and not shown else ""
        progress = "Monitored only" if m.better == "monitor only" else course(v.progress.on_course).capitalize()
        compared = [next((_comparator_cell(c, unit) for c in m.comparators if c.label == label), "") for label in comparators]
        row = [title, baseline(m.baseline, unit) if m.baseline else "", *milestones, target(m.target, unit) if m.target else "",
               latest, progress, *compared]
        group = groups[m.section or OTHER]
        group.rows.append(row)
        group.ids.append(m.id)
    rows = [row for g in groups.values() for row in g.rows]
    empty = ("", "Monitored only")  # a Progress column saying only that is left out too
    keep = [i for i in range(len(head)) if i == 0 or any(row[i] not in (empty if head[i] == "Progress" else ("",)) for row in rows)]
    for g in groups.values():
        g.rows = [[row[i] for i in keep] for row in g.rows]
    return KpiTable([head[i] for i in keep], list(groups.values()), any(m.illustrative for m in metrics))


def _comparator_cell(c: Comparator, unit: str) -> str:
    """'24.6% (2022/23)': the column heading names the comparator."""
    return f"{number(c.value, unit)} ({c.date.text})" if c.date else number(c.value, unit)
