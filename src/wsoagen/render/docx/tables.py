"""An HTML <table> as a Word table (w:tbl), written in one pass.

In: the writer and a <table> element in the subset (caption, col widths, thead/tbody/tr,
th/td with colspan, rowspan and data-merge="up", cell colours). Out: an optional Caption
paragraph and a w:tbl before the body's sectPr: Table Grid style, full width, the table's
caption as alt text, a column grid from `layout` wide enough for every word (measured by
`measure`), header rows that repeat on every page, stay with the next row and carry the
reference's header shading and text colour, rows that do not split, short tables and short
<tbody> groups after the first kept on one page, merged cells as w:gridSpan and w:vMerge, shading and text
colour.

python-docx's `table.cell()` and `merge()` rebuild the cell grid on every call (quadratic in
rows: 112 s for 500 milestones), so cells are made once through the element classes
(CT_Tbl, CT_Row, CT_TcPr, ...) and merged by their properties, then filled.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from typing import TYPE_CHECKING

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Twips

from wsoagen.render.docx.context import Ctx
from wsoagen.render.docx.inline import Fmt
from wsoagen.render.docx.layout import Row, Slot, column_widths, grid, pad
from wsoagen.render.docx.measure import Extent, cell_extent, cell_lines
from wsoagen.render.docx.ooxml import TBLPR, TCPR, TRPR, add_in_order
from wsoagen.render.docx.subset import ITEM_BLOCKS, WS, colour, css, table_parts, unsupported

if TYPE_CHECKING:
    from lxml import etree

    from wsoagen.render.docx.writer import Writer

MEASURING_SLACK = 40  # twips (2 pt) more than the widest word, for the readers' rounding
LOOK_PLAIN = 0x0600  # w:tblLook/@w:val for Word 2007: no banded rows or columns
LOOK_HEADER = 0x0620  # and the header row's formatting
KEEP_TOGETHER = 12  # rows: a table or <tbody> this short is not split across pages


def write_table(writer: Writer, el: etree._Element, ctx: Ctx) -> None:
    """The table (and its caption, or a paragraph keeping it apart) at the end of the body."""
    caption, pcts, groups = table_parts(el)
    follows_table = writer.last_was_table
    writer.before_body_block()
    if caption is not None:
        pieces = writer.pieces([caption], ctx.fmt, inner=True)
        writer.paragraph(ctx, "Caption", pieces, keep_next=True)
    elif writer.page_break or follows_table:
        # a page break needs a paragraph; adjacent tables would merge into one in Word
        writer.paragraph(ctx, None, [])
    rows, ncols = grid(groups)
    ncols = max(ncols, len(pcts))
    if not ncols:
        raise unsupported(el, "<table> has no cells")
    widths = _widths(writer, rows, ncols, pcts)
    text = WS.sub(" ", caption.text_content()).strip() if caption is not None else ""
    header = any(row.header for row in rows)
    tbl = _new_tbl(widths, writer.style_id("Table Grid"), any(p is not None for p in pcts), text, header)
    writer.sect_pr.addprevious(tbl)
    props = _Properties()
    kept = _kept_with_next(groups, _too_tall(writer, rows, widths))
    for row in rows:
        tr = tbl.add_tr()
        tr._insert_trPr(props.row(row.header))
        for slot in pad(row.slots, ncols):
            _add_tc(writer, props, tr, slot, widths, row.header)
        if row.tr in kept:  # Word's way of keeping rows together: their paragraphs keep with the next
            for p in tr.iter(qn("w:p")):
                p.get_or_add_pPr().keepNext_val = True
    writer.last_was_table = writer.after_table = True


def _too_tall(writer: Writer, rows: list[Row], widths: list[int]) -> bool:
    """True if the table would take most of a page: then its rows may split across pages however
    few they are (a KPI table of ten tall rows), so it starts under its heading."""
    look, indent = writer.table_look, writer.list_indent
    section = writer.doc.sections[-1]
    room = (section.page_height - section.top_margin - section.bottom_margin) / 635  # EMU to twips
    line = look.size * 12  # twips: half-points * 10, and a little leading
    height = 0
    for row in rows:
        lines = [cell_lines(slot.cell.el, look.size, indent, sum(widths[slot.cell.col:slot.cell.col + slot.cell.span]) - look.padding)
                 for slot in row.slots if slot.first and slot.cell.el is not None]
        height += max(lines, default=1) * line + look.padding
    return height > 0.8 * room


def _kept_with_next(groups, too_tall: bool = False) -> set:
    """The <tr>s that stay on the page of the row after them: header rows (with the first body
    row); every row but the last of a small table; of a later <tbody> of a few rows (one action
    and its milestones, as the PDF keeps them). A long table's first <tbody> may split, so that
    the table starts under its introduction rather than leaving half a page blank; so may every
    row of a table too tall for most of a page."""
    kept = {tr for header, trs in groups if header for tr in trs}
    if too_tall:
        return kept
    body = [trs for header, trs in groups if not header]
    if sum(map(len, body)) <= KEEP_TOGETHER:
        body = [[], [tr for trs in body for tr in trs]]
    for trs in body[1:]:
        if len(trs) <= KEEP_TOGETHER:
            kept.update(trs[:-1])
    return kept


def _widths(writer: Writer, rows: list[Row], ncols: int, pcts: list[float | None]) -> list[int]:
    """Column widths in twips from the cells' content, the <col> widths a hint (`layout`)."""
    look, indent = writer.table_look, writer.list_indent

    def extent(el: etree._Element) -> Extent:
        return cell_extent(el, look.size, indent)

    # MEASURING_SLACK: Word and LibreOffice round glyph positions their own ways
    return column_widths(rows, ncols, writer.text_width(), pcts, extent, look.padding + MEASURING_SLACK)


def _new_tbl(widths: list[int], style_id: str, fixed: bool, caption: str, header: bool):
    tbl = OxmlElement("w:tbl")
    # CT_Tbl has no adders for w:tblPr and w:tblGrid, its two required first children
    tblpr = OxmlElement("w:tblPr")
    tbl_grid = OxmlElement("w:tblGrid")
    tbl.append(tblpr)
    tbl.append(tbl_grid)
    tblpr.style = style_id
    add_in_order(tblpr, "w:tblW", TBLPR, w="5000", type="pct")  # CT_TblPr has no tblW property
    if fixed:
        tblpr.autofit = False
    # which of the style's conditional formats apply: the header row's only if there is one
    # (without w:tblLook Word would format the first row of every table as a header)
    look = LOOK_HEADER if header else LOOK_PLAIN
    add_in_order(tblpr, "w:tblLook", TBLPR, val=f"{look:04X}", firstRow=str(int(header)), lastRow="0",
                 firstColumn="0", lastColumn="0", noHBand="1", noVBand="1")
    if caption:
        add_in_order(tblpr, "w:tblCaption", TBLPR, val=caption)
        add_in_order(tblpr, "w:tblDescription", TBLPR, val=caption)
    for width in widths:
        tbl_grid.add_gridCol().w = Twips(width)
    return tbl


class _Properties:
    """w:trPr and w:tcPr built once per distinct value through the element classes, then copied.

    Building one through python-docx's schema-ordered inserts costs ~100 µs, a copy ~2 µs; a
    WSOA table has thousands of cells but a handful of distinct cell properties.
    """

    def __init__(self):
        self._made: dict[tuple, etree._Element] = {}

    def row(self, header: bool):
        return self._copy(("tr", header), lambda: _tr_properties(header))

    def cell(self, width: int, span: int, vmerge: str | None, fill: str | None):
        return self._copy(("tc", width, span, vmerge, fill), lambda: _tc_properties(width, span, vmerge, fill))

    def _copy(self, key: tuple, build):
        if key not in self._made:
            self._made[key] = build()
        return deepcopy(self._made[key])


def _tr_properties(header: bool):
    trpr = OxmlElement("w:trPr")
    # CT_TrPr has no properties for these two
    add_in_order(trpr, "w:cantSplit", TRPR)
    if header:
        add_in_order(trpr, "w:tblHeader", TRPR)  # repeats on every page
    return trpr


def _tc_properties(width: int, span: int, vmerge: str | None, fill: str | None):
    tcpr = OxmlElement("w:tcPr")
    tcw = tcpr.get_or_add_tcW()
    # not CT_TcPr.width: it sets w:type before w:w, and the bytes would change
    tcw.w = width
    tcw.type = "dxa"
    tcpr.grid_span = span
    tcpr.vMerge_val = vmerge
    if fill:
        add_in_order(tcpr, "w:shd", TCPR, val="clear", color="auto", fill=fill)  # no CT_TcPr property
    return tcpr


def _add_tc(writer: Writer, props: _Properties, tr, slot: Slot, widths: list[int], header: bool) -> None:
    cell = slot.cell
    style = css(cell.el) if cell.el is not None else {}
    look = writer.table_look
    # repeated on continuation cells so the merged cell is shaded the same throughout
    fill = colour(cell.el, style["background-color"]) if "background-color" in style else None
    # a header cell has the reference's header look unless it has a background of its own
    header_look = header and fill is None
    if header_look:
        fill = look.header_fill
    vmerge = None if cell.rows == 1 else "restart" if slot.first else "continue"
    tc = tr.add_tc()  # with the empty w:p that every cell needs
    tc._insert_tcPr(props.cell(sum(widths[cell.col : cell.col + cell.span]), cell.span, vmerge, fill))
    if slot.first and cell.el is not None:
        empty = tc.p_lst[0]
        writer.mark(cell.el)
        fmt = Fmt(bold=cell.el.tag == "th" or header)
        if header_look:
            fmt = Fmt(bold=look.header_bold, color=look.header_color)
        if "color" in style:
            fmt = replace(fmt, color=colour(cell.el, style["color"]))
        writer.flow(cell.el, Ctx(container=tc, blocks=ITEM_BLOCKS, fmt=fmt))
        if len(tc.p_lst) > 1:
            tc.remove(empty)  # the cell wrote paragraphs of its own

