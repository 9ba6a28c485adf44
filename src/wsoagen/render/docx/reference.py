"""What the writer takes from reference.docx besides style names: how its tables and lists look.

In: the python-docx Document opened on the reference. Out: `TableLook` of the "Table Grid" style:
its text size (so that columns can be measured), its cells' left and right margins, and the
shading, text colour and boldness of its header row (the style's `firstRow` conditional
formatting), which the writer repeats on every <thead> cell because LibreOffice and other
readers do not all apply conditional formatting, and a Normal text colour would hide it in Word;
and `list_indent`, the indent of one list level. Missing parts fall back to Word's defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml.ns import qn

TABLE_STYLE = "Table Grid"
WORD_CELL_MARGIN = 108  # twips, Word's default left and right cell margin
WORD_LIST_INDENT = 360


@dataclass(frozen=True)
class TableLook:
    size: int = 24  # half-points of the table's text
    padding: int = 2 * WORD_CELL_MARGIN  # left plus right cell margin, twips
    header_fill: str | None = None  # RRGGBB
    header_color: str | None = None
    header_bold: bool = True


def table_look(doc) -> TableLook:
    style = _style(doc, TABLE_STYLE)
    if style is None:
        return TableLook(size=_default_size(doc))
    size = _size(style.find(qn("w:rPr"))) or _default_size(doc)
    header = style.find(f"{qn('w:tblStylePr')}[@{qn('w:type')}='firstRow']")
    fill = color = None
    bold = True
    if header is not None:
        fill = _attr(header, "w:tcPr/w:shd", "w:fill")
        color = _attr(header, "w:rPr/w:color", "w:val")
        b = header.find(f"{qn('w:rPr')}/{qn('w:b')}")
        bold = b is None or b.get(qn("w:val"), "true") not in ("0", "false", "off")
    return TableLook(size, _padding(style), _colour(fill), _colour(color), bold)


def list_indent(doc) -> int:
    """The left indent, in twips, of the first level of the "List Bullet" style's numbering."""
    style = _style(doc, "List Bullet")
    num_id = _attr(style, "w:pPr/w:numPr/w:numId", "w:val") if style is not None else None
    if num_id is None:
        return WORD_LIST_INDENT
    numbering = doc.part.numbering_part.element
    abstract_id = numbering.num_having_numId(int(num_id)).abstractNumId.val
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == str(abstract_id):
            left = _attr(abstract, "w:lvl/w:pPr/w:ind", "w:left")
            return int(left) if left and left.isdigit() else WORD_LIST_INDENT
    return WORD_LIST_INDENT


def _style(doc, name: str):
    try:
        return doc.styles[name].element
    except KeyError:
        return None


def _path(el, path: str):
    for tag in path.split("/"):
        el = el.find(qn(tag)) if el is not None else None
    return el


def _attr(el, path: str, name: str) -> str | None:
    found = _path(el, path)
    return found.get(qn(name)) if found is not None else None


def _size(rpr) -> int | None:
    value = _attr(rpr, "w:sz", "w:val") if rpr is not None else None
    return int(value) if value and value.isdigit() else None


def _default_size(doc) -> int:
    rpr = _path(doc.styles.element, "w:docDefaults/w:rPrDefault/w:rPr")
    return (_size(rpr) if rpr is not None else None) or 24


def _padding(style) -> int:
    """Left plus right cell margin in twips (w:start and w:end are their bidi-aware names)."""
    margins = _path(style, "w:tblPr/w:tblCellMar")
    total = 0
    for side, other in (("w:left", "w:start"), ("w:right", "w:end")):
        width = None
        if margins is not None:
            width = _attr(margins, side, "w:w") or _attr(margins, other, "w:w")
        total += int(width) if width and width.isdigit() else WORD_CELL_MARGIN
    return total


def _colour(value: str | None) -> str | None:
    return value.upper() if value and value.lower() != "auto" else None
