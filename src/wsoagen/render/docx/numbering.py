"""Word numbering for an HTML <ol>: its own count, in the letters or numerals the HTML asks for.

In: an <ol> (its `type` attribute, its class `letters` or `roman`, its style's
`list-style-type`, its `start`), the python-docx Document and the list paragraph style that
numbers it (List Number, List Number 2, ...). Out: the id of a new w:num for the list, so that
each <ol> counts from its start again, on the style's own list definition when it counts 1, 2,
3, else on a copy of it counting a, b, c (lowerLetter), A, B, C, i, ii, iii (lowerRoman) or
I, II, III, marked "a." as the PDF marks them; copies are made once per style and format.
A chair who says "recommendation (b)" finds (b) in Word.
"""

from __future__ import annotations

from copy import deepcopy

from docx.oxml.ns import qn
from lxml import etree

from wsoagen.render.docx.subset import ReferenceUnusable, classes, css, unsupported, whole_number

# CSS list-style-type: Word's w:numFmt
FORMATS = {
    "decimal": "decimal",
    "lower-alpha": "lowerLetter", "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter", "upper-latin": "upperLetter",
    "lower-roman": "lowerRoman", "upper-roman": "upperRoman",
}
TYPE_ATTRIBUTE = {"1": "decimal", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}
CLASSES = {"letters": "lower-alpha", "roman": "lower-roman"}
NSID_BASE = 0x57534F00  # "WSO\0": the copies' w:nsid, one per copy, the same on every run


def list_style_type(ol: etree._Element) -> str:
    """The CSS list-style-type of an <ol>: its style, else its class, else its type attribute."""
    declared = css(ol).get("list-style-type")
    if declared is not None:
        value = declared.strip().lower()
        if value not in FORMATS:
            raise unsupported(ol, f"<ol> list-style-type {declared!r} is not one of {', '.join(FORMATS)}")
        return value
    for name in sorted(classes(ol) & CLASSES.keys()):
        return CLASSES[name]
    kind = (ol.get("type") or "1").strip()
    if kind not in TYPE_ATTRIBUTE:
        raise unsupported(ol, f"<ol> type must be one of {', '.join(TYPE_ATTRIBUTE)}")
    return TYPE_ATTRIBUTE[kind]


class Numbering:
    """The document's numbering part, to which each <ol> adds a w:num."""

    def __init__(self, doc):
        self.doc = doc
        self._copies: dict[tuple[str, str], str] = {}  # (abstractNumId, numFmt): the copy's id

    def restart(self, style: str, ol: etree._Element) -> int | None:
        """A new w:num for `ol` on the numbering of paragraph style `style` (None if it has none)."""
        ppr = self.doc.styles[style].element.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            return None
        numbering = self.doc.part.numbering_part.element
        abstract_id = str(numbering.num_having_numId(numpr.numId.val).abstractNumId.val)
        num_fmt = FORMATS[list_style_type(ol)]
        if num_fmt != _num_fmt(_abstract(numbering, abstract_id)):
            abstract_id = self._copy(numbering, abstract_id, num_fmt)
        num = numbering.add_num(int(abstract_id))
        num.add_lvlOverride(ilvl=0).add_startOverride(whole_number(ol, "start", 10**6))
        return num.numId

    def _copy(self, numbering, abstract_id: str, num_fmt: str) -> str:
        key = (abstract_id, num_fmt)
        if key not in self._copies:
            copy = deepcopy(_abstract(numbering, abstract_id))
            ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
            new_id = str(max(ids) + 1)
            copy.set(qn("w:abstractNumId"), new_id)
            for child in copy.findall(qn("w:nsid")):
                child.set(qn("w:val"), f"{NSID_BASE + int(new_id):08X}")
            for tag in ("w:tmpl", "w:styleLink", "w:numStyleLink"):
                for child in copy.findall(qn(tag)):
                    copy.remove(child)
            for lvl in copy.findall(qn("w:lvl")):
                for pstyle in lvl.findall(qn("w:pStyle")):  # the style keeps its own list
                    lvl.remove(pstyle)
                if lvl.get(qn("w:ilvl")) == "0":  # the level the writer's paragraphs are on
                    _set_num_fmt(lvl, num_fmt)
            # every w:abstractNum comes before the first w:num
            numbering.insert_element_before(copy, "w:num", "w:numIdMacAtCleanup")
            self._copies[key] = new_id
        return self._copies[key]


def _abstract(numbering, abstract_id: str):
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == abstract_id:
            return abstract
    raise ReferenceUnusable(f"its numbering.xml has no w:abstractNum {abstract_id}")


def _set_num_fmt(lvl, num_fmt: str) -> None:
    fmt = lvl.find(qn("w:numFmt"))
    if fmt is None:  # its place: first, or after w:start
        fmt = etree.Element(qn("w:numFmt"))
        lvl.insert(1 if lvl.find(qn("w:start")) is not None else 0, fmt)
    fmt.set(qn("w:val"), num_fmt)


def _num_fmt(abstract) -> str:
    lvl = abstract.find(qn("w:lvl"))
    fmt = lvl.find(qn("w:numFmt")) if lvl is not None else None
    return fmt.get(qn("w:val")) if fmt is not None else "decimal"
