"""Turn a measured spanning table into bands: rows without spans, as the endless page had them.

In: a Grid and the boxes of its table, rows and cells on endless pages. Out: `bands_of(grid, t,
found)`, each group's `Band`s: one per body row, and below a row whose spanning cells run on past
its own cells, one per two lines or so of their text, each where and as high as on the endless
page; and on the grid, its column widths and each spanning cell's lines, padding and label
height. Which lines each band shows is `flow`'s work.
"""

from __future__ import annotations

from dataclasses import dataclass

from wsoagen.render.paginate.cut import lead_in_ends
from wsoagen.render.paginate.grid import Grid
from wsoagen.render.paginate.measure import CELL, ROW, SLACK, TABLE, cell_lines, ink, label_height

EPSILON = 0.01  # CSS px: a line ending this little below a band still ends in it
MIN_BAND = 36.0  # CSS px: the least height of a band below a row's own cells (two lines of 9.5pt text)


@dataclass
class Band:
    """A row of the print table: a body row's own cells (`row`), or, below them, more lines of
    the spanning cells beside that row (`row` None); `owner` is the body row either way."""

    owner: int
    row: int | None
    top: float  # where it starts on the endless page (a row's top border, or a line's top)
    height: float = 0.0  # its height there


def _cuts(grid: Grid, t: int, r: int, found: dict[str, object], below: float) -> list[tuple[float, int | None]]:
    """Where row r's bands start: (y, r) for its own cells (at its top border), then (y, None)
    at lines of the spanning cells beside it that start below its own cells' text (and padding)
    and cross no other line, at least MIN_BAND px apart (a page break wastes less than that)."""
    row = found[f"{ROW}={t}.{r}"]
    cells = [found[f"{CELL}={t}.{r}.{col}"] for col in grid.plain[r]]
    content = min((c.content_box_y() for c in cells), default=row.position_y)
    bottom = max((ink(c)[1] for c in cells), default=content) + 2 * (content - row.position_y)
    lines = [line for k in grid.beside(r) for line in grid.spans[k].lines]
    cuts: list[tuple[float, int | None]] = [(row.position_y, r)]
    for y in sorted({line.top for line in lines if bottom - SLACK <= line.top < below - SLACK}):
        if y - cuts[-1][0] >= MIN_BAND and not any(line.top + SLACK < y < line.bottom - SLACK for line in lines):
            cuts.append((y, None))
    return cuts


def bands_of(grid: Grid, t: int, found: dict[str, object]) -> list[list[Band]]:
    """Each group's bands, where and as high as on the endless page."""
    grid.widths = list(found[f"{TABLE}={t}"].column_widths)
    for k, span in enumerate(grid.spans):
        box = found[f"{CELL}={t}.s{k}"]
        span.lines, span.pad, span.label = cell_lines(box, span.cell), box.content_box_y() - box.position_y, label_height(box)
        ends = lead_in_ends(span.cell)
        for line in span.lines:
            line.keep = line.end in ends
    rows = [found[f"{ROW}={t}.{r}"] for r in range(len(grid.rows))]
    result = []
    for group in grid.groups():
        bands = [Band(r, row, y) for r in group
                 for y, row in _cuts(grid, t, r, found, rows[r + 1].position_y if r + 1 in group else float("inf"))]
        ends = [b.top for b in bands[1:]] + [rows[group[-1]].position_y + rows[group[-1]].height]
        for band, end in zip(bands, ends, strict=True):
            band.height = end - band.top
        result.append(bands)
    return result
