"""Word paragraphs and runs written through python-docx's element classes.

In: a w:p (CT_P) and what goes in it: a paragraph style id, keep-with-next, a page break,
list numbering, bookmarks, run pieces from `inline`, a field instruction. Out: the children
added to the w:p. CT_PPr, CT_RPr, CT_R and CT_Hyperlink put their children in schema order
themselves; what python-docx does not model (bookmarks, field characters, w:szCs, the cs font,
w:hyperlink/@w:history) is written by hand, each place saying so.
"""

from __future__ import annotations

import hashlib
from copy import deepcopy

from docx.enum.text import WD_UNDERLINE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Pt, RGBColor, Twips
from lxml import etree

from wsoagen.render.docx.inline import Fmt, Link, Piece
from wsoagen.render.docx.ooxml import RPR, add_in_order

LINK_BLUE = "1D70B8"  # only when reference.docx lacks a "Hyperlink" character style


def bookmark_name(html_id: str) -> str:
    """The bookmark for an HTML id: Word truncates names to 40 characters, so long ids get a hash."""
    if len(html_id) <= 40:
        return html_id
    return html_id[:31] + "_" + hashlib.sha1(html_id.encode()).hexdigest()[:8]


def set_paragraph_properties(p, style_id: str | None, keep_next: bool = False, page_break: bool = False,
                             num_id: int | None = None, space_before: int | None = None) -> None:
    """w:pPr with what is given (space before in twips); none at all for a plain Normal paragraph."""
    if style_id is None and not keep_next and not page_break and num_id is None and space_before is None:
        return
    ppr = p.get_or_add_pPr()
    if style_id is not None:
        ppr.style = style_id
    if keep_next:
        ppr.keepNext_val = True
    if page_break:
        ppr.pageBreakBefore_val = True
    if num_id is not None:
        numpr = ppr.get_or_add_numPr()
        numpr.get_or_add_ilvl().val = 0
        numpr.get_or_add_numId().val = num_id
    if space_before is not None:
        ppr.get_or_add_spacing().before = Twips(space_before)


def add_bookmark_start(p, bookmark_id: int, name: str) -> None:
    # python-docx has no element class for bookmarks: they are content, appended in order
    p.append(OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name}))


def add_bookmark_end(p, bookmark_id: int) -> None:
    p.append(OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)}))


class RunWriter:
    """Writes run pieces into paragraphs, with the character style of links from the reference.

    Each formatting's w:rPr is built once through CT_RPr and copied for every run that uses it:
    python-docx's schema-ordered inserts cost ~150 µs a w:rPr, a copy ~2 µs.
    """

    def __init__(self, hyperlink_style: str | None):
        self.hyperlink_style = hyperlink_style
        self._rprs: dict[Fmt, etree._Element] = {}

    def write(self, p, pieces: list[Piece]) -> None:
        """Runs for the pieces; consecutive pieces of one link share a w:hyperlink."""
        parent, current = p, None
        for text, fmt, link in pieces:
            if link is not current:
                parent, current = (p if link is None else _hyperlink(p, link)), link
            r = parent.add_r()
            if fmt != Fmt():
                r._insert_rPr(self._rpr(fmt))
            if text is None:
                r.add_br()
            else:
                t = r._add_t(text=text)
                # only ASCII spaces need keeping (CT_R.add_t would also mark text ending in U+00A0)
                if text[0] == " " or text[-1] == " ":
                    t.set(qn("xml:space"), "preserve")

    def _rpr(self, fmt: Fmt):
        if fmt not in self._rprs:
            rpr = OxmlElement("w:rPr")
            _run_properties(rpr, fmt, self.hyperlink_style)
            self._rprs[fmt] = rpr
        return deepcopy(self._rprs[fmt])


def _hyperlink(p, link: Link):
    h = p.add_hyperlink()
    if link.rid:
        h.rId = link.rid
    else:
        h.anchor = link.anchor
    # python-docx takes an absent w:history as true and would leave it out; Word reads it as false
    h.set(qn("w:history"), "1")
    return h


def _run_properties(rpr, fmt: Fmt, hyperlink_style: str | None) -> None:
    plain_link = fmt.link and hyperlink_style is None
    if fmt.link and not plain_link:
        rpr.style = hyperlink_style
    if fmt.code:
        fonts = rpr.get_or_add_rFonts()
        fonts.ascii = "Courier New"
        fonts.hAnsi = "Courier New"
        fonts.set(qn("w:cs"), "Courier New")  # CT_Fonts models no w:cs
    if fmt.bold:
        rpr.get_or_add_b()
        rpr.get_or_add_bCs()
    if fmt.italic:
        rpr.get_or_add_i()
        rpr.get_or_add_iCs()
    color = fmt.color or (LINK_BLUE if plain_link else None)
    if color:
        rpr.get_or_add_color().val = RGBColor.from_string(color)
    if fmt.size:
        _set_size(rpr, fmt.size)
    if plain_link:
        rpr.u_val = WD_UNDERLINE.SINGLE
    if fmt.vert:
        rpr.get_or_add_vertAlign().val = fmt.vert


def _set_size(rpr, half_points: int) -> None:
    rpr.sz_val = Pt(half_points / 2)
    add_in_order(rpr, "w:szCs", RPR, val=str(half_points))  # CT_RPr declares no complex-script size


def add_text_run(p, text: str) -> None:
    """A plain run whose spaces at either end are kept."""
    p.add_r().add_t(text)


def add_field(p, instruction: str, result: str | None = None) -> None:
    """A complex field: begin, instruction, separate, and (with `result`) its cached text and end."""
    add_field_begin(p, instruction)
    if result is not None:
        p.add_r().add_t(result)
        add_field_end(p)


def add_field_begin(p, instruction: str) -> None:
    # python-docx has no element classes for fields: w:fldChar and w:instrText by hand
    _fld_char(p, "begin")
    instr = OxmlElement("w:instrText")
    instr.text = instruction
    instr.set(qn("xml:space"), "preserve")
    p.add_r().append(instr)
    _fld_char(p, "separate")


def add_field_end(p) -> None:
    _fld_char(p, "end")


def _fld_char(p, kind: str) -> None:
    p.add_r().append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
