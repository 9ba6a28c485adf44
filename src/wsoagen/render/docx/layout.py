"""Table layout as HTML does it, computed before any Word XML is written.

In: a table's row groups as `subset.table_parts` gives them ((is_header, [<tr>, ...]), ...),
and for widths the column percentages, the text width and cell padding in twips and a function
measuring a cell's content (`measure.cell_extent`). Out: `grid()` gives each row's slots (one
per Word cell: a cell's first row, or a vMerge continuation of it, with its column and span)
and the number of grid columns; `pad()` fills short rows; `column_widths()` gives whole twips
per column summing to the text width, wide enough for every column's widest word;
`col_widths()` turns percentages into twips. Pure functions: no python-docx here, and the HTML
elements are only read (an overlapping or misplaced cell raises UnsupportedHtml).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from wsoagen.render.docx.measure import Extent
from wsoagen.render.docx.subset import elements, unsupported, whole_number


@dataclass
class Cell:
    el: etree._Element | None  # None: padding for a short row
    col: int
    span: int
    rows: int = 1  # rows covered, after clamping to the row group
    header: bool = False


@dataclass
class Slot:
    """One w:tc: the cell's first row, or a vMerge continuation of it."""

    cell: Cell
    first: bool


class Row(NamedTuple):
    tr: etree._Element
    header: bool
    slots: list[Slot]


@dataclass
class _Span:
    """A cell reaching down from a row above, and how many more rows it covers."""

    cell: Cell
    left: int


def grid(groups) -> tuple[list[Row], int]:
    """Lay the cells out on a grid, HTML's way: one pass, rowspans end with their row group.

    A cell marked data-merge="up" continues the cell above it instead (Word merges it in):
    that is how a rowspan reaches across <tbody> groups, which HTML does not allow.
    """
    rows, ncols = [], 0
    above: dict[int, Slot] = {}  # the previous row's slots by column
    for header, trs in groups:
        active: dict[int, _Span] = {}  # by start column
        for index, tr in enumerate(trs):
            slots, taken = _continue_spans(active)
            active = {col: span for col, span in active.items() if span.left > 0}
            _place_cells(tr, header, len(trs) - index, above, slots, taken, active)
            slots.sort(key=lambda s: s.cell.col)
            ncols = max(ncols, max(taken, default=-1) + 1)
            rows.append(Row(tr, header, slots))
            above = taken
    return rows, ncols


def _continue_spans(active: dict[int, _Span]) -> tuple[list[Slot], dict[int, Slot]]:
    """Continuation slots of the cells spanning into this row, and the columns they take."""
    slots, taken = [], {}
    for col, span in active.items():
        slot = Slot(span.cell, first=False)
        span.cell.rows += 1
        span.left -= 1
        slots.append(slot)
        for c in range(col, col + span.cell.span):
            taken[c] = slot
    return slots, taken


def _place_cells(tr, header: bool, rows_to_group_end: int, above: dict[int, Slot],
                 slots: list[Slot], taken: dict[int, Slot], active: dict[int, _Span]) -> None:
    """Put the row's <td>/<th> in the first free columns (adds to slots, taken and active)."""
    col = 0
    for td in elements(tr):
        if td.tag not in ("td", "th"):
            raise unsupported(td, f"<{td.tag}> is not allowed in <tr>")
        while col in taken:
            col += 1
        span = max(whole_number(td, "colspan", 1000), 1)
        rowspan = whole_number(td, "rowspan", 65534) or rows_to_group_end  # 0: to group end
        if any(c in taken for c in range(col, col + span)):
            raise unsupported(td, f"<{td.tag}> overlaps a cell spanning from a row above")
        if td.get("data-merge") == "up":
            cell = merge_up(td, above.get(col), col, span, header)
            slot = Slot(cell, first=False)
        else:
            cell = Cell(td, col, span, header=header)
            slot = Slot(cell, first=True)
        slots.append(slot)
        for c in range(col, col + span):
            taken[c] = slot
        if rowspan > 1:
            active[col] = _Span(cell, rowspan - 1)
        col += span


def merge_up(td: etree._Element, above: Slot | None, col: int, span: int, header: bool) -> Cell:
    """The cell above, one row longer, for an empty data-merge="up" cell of the same columns."""
    if above is None or above.cell.el is None or above.cell.col != col or above.cell.span != span:
        raise unsupported(td, f'<{td.tag}> data-merge="up" needs a cell of the same columns above it')
    if above.cell.header != header:
        raise unsupported(td, f'<{td.tag}> data-merge="up" cannot merge a body cell into the header')
    if len(td) or (td.text or "").strip():
        raise unsupported(td, f'<{td.tag}> data-merge="up" cells must be empty (they join the cell above)')
    above.cell.rows += 1
    return above.cell


def pad(slots: list[Slot], ncols: int) -> list[Slot]:
    """Fill the gaps of a short row with empty cells (Word wants every grid column)."""
    out, col = [], 0
    for slot in [*slots, None]:
        end = slot.cell.col if slot else ncols
        if end > col:
            out.append(Slot(Cell(None, col, end - col), first=True))
        if slot:
            out.append(slot)
            col = slot.cell.col + slot.cell.span
    return out


def column_widths(rows: list[Row], ncols: int, total: int, pcts: list[float | None],
                  extent: Callable[[etree._Element], Extent], padding: int) -> list[int]:
    """Twips per grid column, summing to `total`, no column narrower than its widest word.

    A column's least width is its widest unbreakable word plus `padding` (a cell's left and right
    margins); what a spanning cell needs beyond its columns' is shared over them. Given <col>
    percentages are a hint: each column gets its share or its least width, whichever is more,
    and what that takes is taken back from the columns with room to spare, in proportion to that
    room. Without them the columns run from least to most width as in CSS automatic table
    layout. Only when the least widths alone overflow `total` are they scaled down (and words
    must break).
    """
    least, most, spans = _extents(rows, ncols, extent, padding)
    if any(p is not None for p in pcts):
        hints = col_widths(pcts, ncols, total)
        for cols, need, _ in spans:
            _widen(least, cols, need, hints)
        return _whole(_fit(hints, least, total), total)
    for cols, need, need_most in spans:
        _widen(least, cols, need, least)
        _widen(most, cols, need_most, most)
    most = [max(lo, hi) for lo, hi in zip(least, most, strict=True)]
    return _whole(_auto(least, most, total), total)


def _extents(rows: list[Row], ncols: int, extent, padding: int):
    """Each column's least and most width in twips from its single cells, padding included, and
    (columns, least, most) of each spanning cell."""
    least, most = [float(padding)] * ncols, [float(padding)] * ncols
    spans = []
    for row in rows:
        for slot in row.slots:
            cell = slot.cell
            if not slot.first or cell.el is None:
                continue
            size = extent(cell.el)
            if cell.span == 1:
                least[cell.col] = max(least[cell.col], size.least + padding)
                most[cell.col] = max(most[cell.col], size.most + padding)
            else:
                spans.append((range(cell.col, cell.col + cell.span), size.least + padding, size.most + padding))
    return least, most, spans


def _widen(widths: list[float], cols: range, needed: float, weights) -> None:
    """Widen columns `cols` until together they reach `needed`, in proportion to `weights`."""
    lacking = needed - sum(widths[c] for c in cols)
    if lacking > 0:
        weight = sum(weights[c] for c in cols)
        for c in cols:
            widths[c] += lacking * weights[c] / weight


def _fit(hints: list[int], least: list[float], total: int) -> list[float]:
    if sum(least) >= total:
        return least
    widths = [max(float(h), lo) for h, lo in zip(hints, least, strict=True)]
    excess = sum(widths) - total
    room = [w - lo for w, lo in zip(widths, least, strict=True)]
    return [w - excess * r / sum(room) for w, r in zip(widths, room, strict=True)]


def _auto(least: list[float], most: list[float], total: int) -> list[float]:
    """CSS automatic layout of a full-width table: most widths if they fit, else least widths
    plus a share of the rest in proportion to what each column lacks of its most width."""
    if sum(most) <= total or sum(least) >= total:
        return most if sum(most) <= total else least
    stretch = (total - sum(least)) / (sum(most) - sum(least))
    return [lo + (hi - lo) * stretch for lo, hi in zip(least, most, strict=True)]


def _whole(shares: list[float], total: int) -> list[int]:
    """Whole twips in proportion to `shares`, summing to `total` (the rounding goes last)."""
    scale = total / sum(shares)
    widths = [math.floor(share * scale) for share in shares]
    widths[-1] += total - sum(widths)
    return widths


def col_widths(pcts: list[float | None], ncols: int, total: int) -> list[int]:
    """Twips per grid column: given percentages, the rest shared equally, summing to total."""
    pcts = (pcts + [None] * ncols)[:ncols]
    known = sum(p for p in pcts if p is not None)
    unknown = pcts.count(None)
    share = (100 - known) / unknown if unknown and known < 100 else 100 / ncols
    filled = [max(p if p is not None else share, 0.1) for p in pcts]
    scale = total / sum(filled)
    widths = [round(p * scale) for p in filled]
    widths[-1] += total - sum(widths)
    return widths
