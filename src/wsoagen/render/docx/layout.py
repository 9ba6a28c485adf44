"""Table layout as HTML does it, computed before any Word XML is written.

In: a table's row groups as `subset.table_parts` gives them ((is_header, [<tr>, ...]), ...),
and for widths the column percentages and the text width in twips. Out: `grid()` gives each
row's slots (one per Word cell: a cell's first row, or a vMerge continuation of it, with its
column and span) and the number of grid columns; `pad()` fills short rows; `auto_widths()`
estimates column shares from the cells' text like CSS automatic layout; `col_widths()` turns
shares into whole twips summing to the text width. Pure functions: no python-docx here, and
the HTML elements are only read (an overlapping or misplaced cell raises UnsupportedHtml).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import NamedTuple

from lxml import etree

from wsoagen.render.docx.subset import WS, elements, unsupported, whole_number

AVERAGE_CHAR_TWIPS = 120  # a 12pt Arial character is about half an em wide


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


def auto_widths(rows: list[Row], ncols: int, total: int) -> list[float]:
    """Column shares for a table without <col> widths, like CSS automatic table layout.

    Word sizes such columns to their content itself, LibreOffice keeps the grid as written:
    estimate in characters (the longest word is a column's minimum, its longest text the
    maximum) and share the text width out between the two, as browsers and WeasyPrint do.
    """
    mins, maxs = [3] * ncols, [3] * ncols  # 2 characters of cell padding + 1
    for row in rows:
        for slot in row.slots:
            cell = slot.cell
            if not slot.first or cell.el is None or cell.span != 1:
                continue
            text = WS.sub(" ", cell.el.text_content()).strip()
            longest_word = max((len(word) for word in text.split()), default=0)
            # a word must not break: allow for bold and wide letters, which an average misses
            mins[cell.col] = max(mins[cell.col], math.ceil(longest_word * 1.3) + 3)
            maxs[cell.col] = max(maxs[cell.col], len(text) + 2)
    maxs = [max(lo, hi) for lo, hi in zip(mins, maxs, strict=True)]
    avail = total / AVERAGE_CHAR_TWIPS
    if sum(maxs) <= avail:
        return [float(m) for m in maxs]
    if sum(mins) >= avail:
        return [float(m) for m in mins]
    stretch = (avail - sum(mins)) / (sum(maxs) - sum(mins))
    return [lo + (hi - lo) * stretch for lo, hi in zip(mins, maxs, strict=True)]


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
