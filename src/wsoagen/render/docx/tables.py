"""An HTML <table> as a Word table (w:tbl), written in one pass.

In: the writer and a <table> element in the subset (caption, col widths, thead/tbody/tr,
th/td with colspan, rowspan and data-merge="up", cell colours). Out: an optional Caption
paragraph and a w:tbl before the body's sectPr: Table Grid style, full width, the table's
caption as alt text, a column grid from `layout`, header rows that repeat on every page,
rows that do not split, merged cells as w:gridSpan and w:vMerge, shading and text colour.

python-docx's `table.cell()` and `merge()` rebuild the cell grid on every call (quadratic in
rows: 112 s for 500 milestones), so cells are made once through the element classes
(CT_Tbl, CT_Row, CT_TcPr, ...) and merged by their properties, then filled.
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import replace
from typing import TYPE_CHECKING

from docx.oxml.parser import OxmlElement
from docx.shared import Twips

from wsoagen.render.docx.context import Ctx
from wsoagen.render.docx.inline import Fmt
from wsoagen.render.docx.layout import Slot, auto_widths, col_widths, grid, pad
from wsoagen.render.docx.ooxml import TBLPR, TCPR, TRPR, add_in_order
from wsoagen.render.docx.subset import ITEM_BLOCKS, WS, colour, css, table_parts, unsupported

if TYPE_CHECKING:
    from lxml import etree

    from wsoagen.render.docx.writer import Writer


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
    total = writer.text_width()
    given = any(p is not None for p in pcts)
    widths = col_widths(pcts if given else auto_widths(rows, ncols, total), ncols, total)
    text = WS.sub(" ", caption.text_content()).strip() if caption is not None else ""
    tbl = _new_tbl(widths, writer.style_id("Table Grid"), fixed=given, caption=text)
    writer.sect_pr.addprevious(tbl)
    props = _Properties()
    for row in rows:
        tr = tbl.add_tr()
        tr._insert_trPr(props.row(row.header))
        for slot in pad(row.slots, ncols):
            _add_tc(writer, props, tr, slot, widths)
    writer.last_was_table = True


def _new_tbl(widths: list[int], style_id: str, fixed: bool, caption: str):
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


def _add_tc(writer: Writer, props: _Properties, tr, slot: Slot, widths: list[int]) -> None:
    cell = slot.cell
    style = css(cell.el) if cell.el is not None else {}
    # repeated on continuation cells so the merged cell is shaded the same throughout
    fill = colour(cell.el, style["background-color"]) if "background-color" in style else None
    vmerge = None if cell.rows == 1 else "restart" if slot.first else "continue"
    tc = tr.add_tc()  # with the empty w:p that every cell needs
    tc._insert_tcPr(props.cell(sum(widths[cell.col : cell.col + cell.span]), cell.span, vmerge, fill))
    if slot.first and cell.el is not None:
        empty = tc.p_lst[0]
        writer.mark(cell.el)
        fmt = Fmt(bold=cell.el.tag == "th")
        if "color" in style:
            fmt = replace(fmt, color=colour(cell.el, style["color"]))
        writer.flow(cell.el, Ctx(container=tc, blocks=ITEM_BLOCKS, fmt=fmt))
        if len(tc.p_lst) > 1:
            tc.remove(empty)  # the cell wrote paragraphs of its own
