"""Turn the metric data files of a plan folder into series of values per metric.

In: `data/*.csv` and `data/*.xlsx` in a plan folder, and the metrics the plan declares
(id -> unit). Out: {metric id: [DataPoint, ...] oldest first}, and a diagnostic for every bad
cell at `file:row:col` (unknown metric, non-numeric value, impossible or duplicate date, a
percentage over 100, a negative count), all in one run.

Two layouts are read, told apart by the header row:
- long:  `metric,date,value[,note]`, one value per row;
- wide:  `metric,Jan 2019,Feb 2019,...`, one row per metric and one column per period, as
         trackers are kept. Empty cells are months without data.
Lines starting with `#` are comments (e.g. to say which figures are illustrative).
Every value is a `Figure` with the digits it was written with (28.92, 15.50): a CSV cell's
text, an Excel cell as Excel shows it (a percent-formatted 0.155 in "0.00%" is 15.50, marked as
a percentage). In a percentage measure an unmarked value between 0 and 1 is an error at its cell
(probably a fraction for a percentage). A date header whose two-digit year could be read as a
day ("May 25") gets one warning a file, naming the reading taken (`plan.dates.misreadable`).
Hand-written on the csv module and openpyxl rather than pandas, because every value must keep
its row and column for the diagnostics, and the two layouts need their own checks anyway.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from wsoagen.data.tables import Cell, Unreadable, data_files, read_tables
from wsoagen.diagnostics import Diagnostics, PlanError, did_you_mean
from wsoagen.plan.dates import When, misreadable, parse_when
from wsoagen.plan.model import DataPoint, Plan
from wsoagen.plan.model.metrics import NUMBER, Figure
from wsoagen.plan.rules import DATA_FILES, PLAN_REGISTRY, Registry
from wsoagen.plan.validate import Validated, tag, validate


def with_data(done: Validated) -> Validated:
    """The plan stage's result with the metric data files read and merged into the plan. The data
    files are read even when the plan has errors, so that one run reports every problem."""
    found = Diagnostics()
    series = load_series(done.sources.folder, done.sources.declared.metric_units, found)
    tag(found, DATA_FILES.ID, done.diagnostics)
    if done.plan is None or found.errors:
        return Validated(None, done.diagnostics, done.sources, done.settings)
    return Validated(done.plan.model_copy(update={"series": series}), done.diagnostics, done.sources, done.settings)


def read_plan(folder: Path, known: Registry = PLAN_REGISTRY) -> tuple[Plan, Diagnostics]:
    """A plan folder's validated plan with its metric data; PlanError if anything is an error."""
    done = with_data(validate(folder, known))
    if done.plan is None:
        raise PlanError(done.diagnostics)
    return done.plan, done.diagnostics


def load_series(folder: Path, units: dict[str, str], diags: Diagnostics) -> dict[str, list[DataPoint]]:
    """Every data file's values, checked against the declared metrics and their units."""
    reader = _SeriesReader(units, diags)
    for path in data_files(folder):
        display = str(path)
        try:
            tables = read_tables(path, folder)
        except Unreadable as exc:
            diags.error(display, (exc.line, 1), f"cannot read data file: {exc}")
            continue
        for sheet, rows in tables:
            reader.read_table(display, sheet, rows)
    return {mid: sorted(points, key=lambda p: p.date.start) for mid, points in reader.series.items()}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(Figure.from_float(value).exact)  # an Excel number's shortest digits: 28.92, not 28.920000000000002
    return str(value).strip()


_NUMBER = NUMBER
_PERCENT_FORMAT = re.compile(r"%(?![^\"]*\"(?:[^\"]*\"[^\"]*\")*[^\"]*$)")  # a % outside quoted literal text
_FORMAT_PLACES = re.compile(r"0\.(0+)")


def _format_places(fmt: str | None) -> int:
    """How many decimals an Excel number format shows: "0.00%" -> 2, "#,##0" -> 0."""
    m = _FORMAT_PLACES.search(fmt or "")
    return len(m.group(1)) if m else 0


def _excel_figure(value: float, fmt: str | None) -> Figure:
    """An Excel number as the cell shows it: a percent-formatted 0.121 is 12.1 (marked as a
    percentage), and trailing zeros the format shows (12.10) are kept."""
    percent = bool(fmt and _PERCENT_FORMAT.search(fmt))
    figure = Figure.from_float(value, marked=percent)
    if percent:
        figure = figure.scaled(2)
    places = _format_places(fmt)
    if places > figure.places:
        figure = Figure(figure.exact.quantize(Decimal(1).scaleb(-places)), figure.marked)
    return figure


class _SeriesReader:
    def __init__(self, units: dict[str, str], diags: Diagnostics):
        self.units = units
        self.diags = diags
        self.series: dict[str, list[DataPoint]] = {}
        self.seen: dict[tuple[str, date], str] = {}
        self.warned: set[str] = set()  # files already warned about a two-digit year

    def error(self, display: str, sheet: str | None, cell: Cell, message: str) -> None:
        prefix = f"sheet '{sheet}': " if sheet else ""
        self.diags.error(display, (cell.row, cell.col), prefix + message)

    def read_table(self, display: str, sheet: str | None, rows: list[list[Cell]]) -> None:
        rows = [r for r in rows if any(_text(c.value) for c in r) and not _text(r[0].value).startswith("#")]
        if not rows:
            return
        header = [_text(c.value).lower() for c in rows[0]]
        if header[:1] != ["metric"]:
            self.error(display, sheet, rows[0][0], 'the first column must be headed "metric" '
                       '(then "date", "value" and optionally "note"; or one column per month)')
            return
        if "value" in header and "date" in header:
            self._read_long(display, sheet, rows, header)
        else:
            self._read_wide(display, sheet, rows)

    def _metric(self, display: str, sheet: str | None, cell: Cell) -> str | None:
        mid = _text(cell.value)
        if mid in self.units:
            return mid
        hint = did_you_mean(mid, self.units) or " (declare it under `metrics` in plan.yaml)"
        self.error(display, sheet, cell, f'unknown metric "{mid}"{hint}')
        return None

    def _read_long(self, display: str, sheet: str | None, rows: list[list[Cell]], header: list[str]) -> None:
        at = {name: header.index(name) for name in ("metric", "date", "value", "note") if name in header}
        for row in rows[1:]:
            def cell(name: str, row: list[Cell] = row) -> Cell:
                i = at[name]
                return row[i] if i < len(row) else Cell(row[0].row, i + 1, None)

            mid = self._metric(display, sheet, cell("metric"))
            when = self._date(display, sheet, cell("date"))
            value = self._value(display, sheet, cell("value"), mid, required=True)
            note = _text(cell("note").value) or None if "note" in at else None
            if mid and when and value is not None:
                self._add(display, sheet, cell("date"), mid, when, value, note)

    def _read_wide(self, display: str, sheet: str | None, rows: list[list[Cell]]) -> None:
        periods = [self._date(display, sheet, c) for c in rows[0][1:]]
        for row in rows[1:]:
            mid = self._metric(display, sheet, row[0])
            for cell, when in zip(row[1:], periods, strict=False):  # a row may be shorter or longer than the header
                value = self._value(display, sheet, cell, mid, required=False)
                if mid and when and value is not None:
                    self._add(display, sheet, cell, mid, when, value, None)

    def _date(self, display: str, sheet: str | None, cell: Cell) -> When | None:
        value = cell.value
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            return When(value.isoformat(), value, value, "day", "by")
        text = _text(value)
        try:
            when = parse_when(text)
        except ValueError as exc:
            self.error(display, sheet, cell, str(exc))
            return None
        if when.kind != "by" or when.precision not in ("day", "month"):
            self.error(display, sheet, cell, f'"{text}" should be a day or a month, e.g. 22/07/2019 or Jan 2019')
            return None
        if (doubt := misreadable(text)) and display not in self.warned:
            self.warned.add(display)  # once a file: its other headers follow the same pattern
            prefix = f"sheet '{sheet}': " if sheet else ""
            self.diags.warning(display, (cell.row, cell.col), prefix + doubt)
        return when

    def _figure(self, display: str, sheet: str | None, cell: Cell, raw: Any, required: bool) -> Figure | None:
        """The cell's number as written (None, with an error, if it holds none)."""
        if isinstance(raw, (int, float)):
            return _excel_figure(float(raw), cell.format)
        text = _text(raw)
        if not text:
            if required:
                self.error(display, sheet, cell, "a value is needed here")
            return None
        marked = text.endswith("%")
        digits = text[:-1].strip() if marked else text
        if not _NUMBER.match(digits):
            self.error(display, sheet, cell, f'"{text}" is not a number')
            return None
        return Figure.of(digits, marked)

    def _value(self, display: str, sheet: str | None, cell: Cell, mid: str | None, required: bool) -> Figure | None:
        raw = cell.value
        if isinstance(raw, bool):
            raw = str(raw)
        try:
            number = self._figure(display, sheet, cell, raw, required)
        except ValueError as exc:  # past Figure's largest (TooLarge), or a float Excel cannot hold
            self.error(display, sheet, cell, str(exc))
            return None
        if number is None:
            return None
        unit = self.units.get(mid or "")
        if unit == "%" and not 0 <= number <= 100:
            self.error(display, sheet, cell, f"{number.exact}% is not a percentage between 0 and 100")
            return None
        if unit == "%" and 0 < number < 1 and not number.marked:
            self.error(display, sheet, cell, f"{number.exact} looks like a fraction in a percentage measure: write {number.scaled(2).exact}% "
                       f"if it means {number.scaled(2).exact}%, or {number.exact}% if that is right")
            return None
        if unit in ("count", "days", "weeks", "months") and number < 0:
            self.error(display, sheet, cell, f"{number.exact} cannot be negative for a {unit} measure")
            return None
        return number

    def _add(self, display: str, sheet: str | None, cell: Cell, mid: str, when: When, value: Figure, note: str | None) -> None:
        where = f"{display}:{cell.row}"
        key = (mid, when.start)
        if key in self.seen:
            self.error(display, sheet, cell, f'a second value for "{mid}" on {when.text} (the first is at {self.seen[key]})')
            return
        self.seen[key] = where
        self.series.setdefault(mid, []).append(DataPoint(date=when, value=value, note=note, source=where))
