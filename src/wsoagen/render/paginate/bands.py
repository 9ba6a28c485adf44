"""Turn a measured spanning table into bands: rows without spans, as the endless page had them.

In: a Grid and the boxes of its table, rows and cells on endless pages. Out: `bands_of(grid, t,
found)`, each group's `Band`s: one per body row, and below a row whose spanning cells run on past
its own cells, one per two lines or so of their text. Each band shows of each spanning cell the
lines ending in it (a line across its top is drawn up into the band above, where the border is
hidden), so the table looks as the endless page had it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wsoagen.render.paginate.grid import Grid, Line, Span
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
    # span index -> (characters [start, end), where its first line starts below the band's top)
    parts: dict[int, tuple[int, int, float]] = field(default_factory=dict)


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
    """Each group's bands, as high as on the endless page, with the characters of each spanning
    cell they show: the lines ending in the band (a line across its top is drawn up into the band
    above, where the border is hidden)."""
    grid.widths = list(found[f"{TABLE}={t}"].column_widths)
    for k, span in enumerate(grid.spans):
        box = found[f"{CELL}={t}.s{k}"]
        span.lines, span.pad, span.label = cell_lines(box, span.cell), box.content_box_y() - box.position_y, label_height(box)
    rows = [found[f"{ROW}={t}.{r}"] for r in range(len(grid.rows))]
    result = []
    for group in grid.groups():
        bands = [Band(r, row, y) for r in group
                 for y, row in _cuts(grid, t, r, found, rows[r + 1].position_y if r + 1 in group else float("inf"))]
        ends = [b.top for b in bands[1:]] + [rows[group[-1]].position_y + rows[group[-1]].height]
        for band, end in zip(bands, ends, strict=True):
            band.height = end - band.top
        for k in {k for r in group for k in grid.beside(r)}:
            _share(grid.spans[k], [b for b in bands if grid.spans[k].first <= b.owner <= grid.spans[k].last], k)
        result.append(bands)
    return result


def _share(span: Span, bands: list[Band], k: int) -> None:
    """Give each band the characters of the span's lines ending in it, and how far below the
    band's top the first of them starts (less than nothing for a line across the border)."""
    firsts: list[Line | None] = []
    for i, band in enumerate(bands):
        below = bands[i + 1].top if i + 1 < len(bands) else float("inf")
        mine = [line for line in span.lines if (i == 0 or band.top < line.bottom - EPSILON) and line.bottom - EPSILON <= below]
        firsts.append(mine[0] if mine else None)
    end = span.lines[-1].end if span.lines else 0
    for i, (band, line) in enumerate(zip(bands, firsts, strict=True)):
        if line is None and i:
            continue
        after = next((f.start for f in firsts[i + 1:] if f is not None), end + 1)
        band.parts[k] = (0 if i == 0 else line.start, after, 0.0 if i == 0 else line.top - band.top)
