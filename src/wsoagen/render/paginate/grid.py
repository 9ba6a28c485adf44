"""Turn an HTML table into its grid: body rows, the cells covering one row, the cells spanning rows.

In: a <table> (lxml). Out: `build_grid(table)`, a `Grid`: rows as HTML lays them out (a rowspan
ends with its <tbody>, rowspan="0" runs to it), and as docs/html-subset.md extends them (a
data-merge="up" cell continues the cell above it, across <tbody>s). A cell marked
`data-continued` counts as spanning even in one row: its text may be cut between pages too.
`Line` and `Span` carry what the measuring adds.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass
class Line:
    """A line of a spanning cell's text on the endless page: where, and which characters
    (counted without white space, from the cell's start)."""

    top: float
    bottom: float
    start: int
    end: int
    keep: bool = False  # the last line of a lead-in to a list: never the last on a page


@dataclass
class Span:
    """A cell covering body rows first..last (rowspan, or continued by data-merge="up" cells), or
    a cell of one row whose text may be cut between pages (data-continued)."""

    cell: object
    col: int
    first: int
    last: int
    lines: list[Line] = field(default_factory=list)  # its text on the endless page
    pad: float = 0.0  # its top border and padding there (which its parts after the first go without)
    label: float = 0.0  # the height of its label there

    @property
    def colspan(self) -> int:
        return number(self.cell, "colspan")


@dataclass
class Grid:
    """A table's body rows, the cells covering one row (by column) and the spanning cells."""

    table: object
    rows: list = field(default_factory=list)
    plain: list[dict[int, object]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)  # its columns on the endless page (CSS px)

    @property
    def columns(self) -> int:
        ends = [c + number(cell, "colspan") for row in self.plain for c, cell in row.items()]
        return max(ends + [s.col + s.colspan for s in self.spans], default=0)

    def groups(self) -> list[range]:
        """Runs of rows joined by spanning cells (each a <tbody> in print)."""
        ends = [0] * len(self.rows)
        for s in self.spans:
            ends[s.first] = max(ends[s.first], s.last)
        runs, start, end = [], 0, -1
        for r in range(len(self.rows)):
            if r > end and r > start:
                runs.append(range(start, r))
                start = r
            end = max(end, ends[r], r)
        return runs + ([range(start, len(self.rows))] if self.rows else [])

    def beside(self, r: int) -> list[int]:
        """The spanning cells covering row r (indices into spans)."""
        return [k for k, s in enumerate(self.spans) if s.first <= r <= s.last]


def number(cell, name: str) -> int:
    value = (cell.get(name) or "1").strip()
    return int(value) if value.isdigit() else 1


def _row_groups(table) -> Iterator[list]:
    """The <tr>s of each <tbody>, and of each run of <tr>s directly in the table; <thead>/<tfoot> left out."""
    loose: list = []
    for child in table:
        if child.tag == "tr":
            loose.append(child)
            continue
        if loose:
            yield loose
            loose = []
        if child.tag == "tbody":
            yield [tr for tr in child if tr.tag == "tr"]
    if loose:
        yield loose


def build_grid(table) -> Grid:
    """The table's grid, as HTML lays it out (rowspans end with their <tbody>) and as
    docs/html-subset.md extends it (a data-merge="up" cell continues the cell above)."""
    grid = Grid(table)
    above: dict[int, object] = {}  # column -> the Span or (row, cell) there in the row above
    for rows in _row_groups(table):
        busy: dict[int, tuple[Span, int]] = {}  # column -> (span, last row) of rowspans in this group
        for i, tr in enumerate(rows):
            r = len(grid.rows)
            grid.rows.append(tr)
            grid.plain.append({})
            here = {c: s for c, (s, last) in busy.items() if last >= r}
            col = 0
            for cell in (c for c in tr if c.tag in ("td", "th")):
                while col in here:
                    col += 1
                span = _place(grid, cell, col, r, len(rows) - i, above)
                for c in range(col, col + number(cell, "colspan")):
                    here[c] = span or (r, cell)
                    if span is not None:
                        busy[c] = (span, r + min(_rowspan(cell, len(rows) - i), len(rows) - i) - 1)
                col += number(cell, "colspan")
            above = here
    return grid


def _rowspan(cell, to_end: int) -> int:
    value = (cell.get("rowspan") or "1").strip()
    return to_end if value == "0" else (int(value) if value.isdigit() else 1)


def _place(grid: Grid, cell, col: int, r: int, to_end: int, above: dict[int, object]) -> Span | None:
    """Record a cell of row r; the Span it starts or continues, or None for a one-row cell."""
    rows = min(_rowspan(cell, to_end), to_end)
    if cell.get("data-merge") == "up" and col in above:
        span = above[col]
        if not isinstance(span, Span):
            row, first_cell = span
            grid.plain[row].pop(col, None)
            span = Span(first_cell, col, row, row)
            grid.spans.append(span)
        span.last = max(span.last, r + rows - 1)
        return span
    if rows > 1 or cell.get("data-continued") is not None:
        span = Span(cell, col, r, r + rows - 1)
        grid.spans.append(span)
        return span
    grid.plain[r][col] = cell
    return None
