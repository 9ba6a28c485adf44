"""Turn HTML in wsoagen's documented subset into the bytes of a Word document (.docx).

The Jinja2 templates render one HTML document; WeasyPrint makes the PDF from it and this
module makes the DOCX from the same tree, taking every style from a reference.docx (pandoc's
reference-doc idea). The subset is described in docs/html-subset.md. Anything outside it
raises `UnsupportedHtml` instead of being dropped, so that Word and PDF say the same thing.

Tables are written as WordprocessingML in one pass (w:gridSpan and w:vMerge written here):
python-docx's `table.cell()` and `merge()` rebuild the cell grid on every call, which is
quadratic in the number of rows. Output is reproducible: the same HTML and reference give
byte-identical files (fixed core-property dates, fixed zip entry dates).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import math
import re
import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

import docx
import lxml.html
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.oxml.shape import CT_Inline
from docx.section import Section
from lxml import etree

__all__ = ["UnsupportedHtml", "html_to_docx", "normalise_zip"]

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
DEFAULT_CREATED = datetime(2000, 1, 1)
EMU_PER_PX = 9525  # 914400 EMU per inch / 96 px per inch
EMU_PER_TWIP = 635
TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '
AVERAGE_CHAR_TWIPS = 120  # a 12pt Arial character is about half an em wide
LINK_BLUE = "1D70B8"  # only when reference.docx lacks a "Hyperlink" character style

# HTML collapses these (not U+00A0, which must survive as a no-break space).
_WS = re.compile(r"[ \t\n\r\f]+")

HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4}
INLINE = frozenset({"strong", "b", "em", "i", "code", "br", "span", "a", "sup", "sub"})
CONTAINERS = frozenset({"main", "header", "footer", "section", "article", "div", "nav"})
IGNORED = frozenset({"style", "link", "meta"})  # anywhere; <script> is rejected
BODY_BLOCKS = frozenset({"p", "ul", "ol", "table", "figure", "blockquote", *HEADINGS, *CONTAINERS})
ITEM_BLOCKS = frozenset({"p", "ul", "ol", "div"})  # inside <li> and table cells
QUOTE_BLOCKS = frozenset({"p", "div"})
ROW_BREAK_CSS = frozenset({"break-inside", "page-break-inside"})  # PDF-only; rows never split in Word
CSS_ALLOWED = {
    "span": frozenset({"color"}),
    "td": frozenset({"background-color", "color"}),
    "th": frozenset({"background-color", "color"}),
    "col": frozenset({"width"}),
    "table": ROW_BREAK_CSS,
    "thead": ROW_BREAK_CSS,
    "tbody": ROW_BREAK_CSS,
    "tr": ROW_BREAK_CSS,
}
# CT_Settings children that must follow w:updateFields (schema order).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


class UnsupportedHtml(ValueError):
    """The HTML uses something outside the subset; the message names the tag and quotes it."""


# --------------------------------------------------------------------------- public API


def html_to_docx(html: str, reference: Path) -> bytes:
    """Turn `html` (the documented subset) into .docx bytes styled by `reference`."""
    root = _parse(html)
    meta = _read_head(root)
    writer = _Writer(Path(reference))
    body = root.find("body")
    if body is not None:
        writer.flow(body, _Ctx(container=None, blocks=BODY_BLOCKS))
    writer.finish(meta)
    out = io.BytesIO()
    writer.doc.save(out)
    return normalise_zip(out.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Rewrite a zip with fixed entry dates and attributes, keeping the entry order.

    python-docx stamps every entry with the current time; this makes equal input give
    byte-identical files.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 3  # Unix, whatever platform we run on
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


# --------------------------------------------------------------------------- parsing helpers


def _parse(html: str) -> etree._Element:
    try:
        root = lxml.html.document_fromstring(html)
    except etree.ParserError as exc:  # e.g. an empty document
        raise UnsupportedHtml(f"<html> could not be parsed: {exc}") from None
    if root.tag != "html":
        raise _unsupported(root, f"<{root.tag}> the document must be a whole <html> page")
    return root


def _snippet(el: etree._Element, limit: int = 100) -> str:
    text = lxml.html.tostring(el, encoding=str, with_tail=False)
    text = _WS.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unsupported(el: etree._Element, why: str | None = None) -> UnsupportedHtml:
    what = why or f"<{el.tag}> is not in the wsoagen HTML subset (docs/html-subset.md)"
    line = f" at line {el.sourceline}" if el.sourceline else ""
    return UnsupportedHtml(f"{what}{line}: {_snippet(el)}")


def _elements(el: etree._Element):
    """Child elements of a structural element whose text must be whitespace only."""
    for text in (el.text, *(child.tail for child in el)):
        if text and text.strip():
            raise _unsupported(el, f"<{el.tag}> may not contain text {text.strip()[:40]!r} here")
    for child in el:
        if isinstance(child.tag, str) and child.tag not in IGNORED:  # skips comments
            yield child


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _css(el: etree._Element) -> dict[str, str]:
    """The element's style attribute, refusing properties the subset does not define for it."""
    style = el.get("style")
    if not style:
        return {}
    allowed = CSS_ALLOWED.get(el.tag, frozenset())
    out = {}
    for decl in style.split(";"):
        if not decl.strip():
            continue
        prop, sep, value = decl.partition(":")
        prop = prop.strip().lower()
        if not sep or prop not in allowed:
            raise _unsupported(el, f"<{el.tag}> style property {prop!r} is not in the subset")
        out[prop] = value.strip()
    return out


def _colour(el: etree._Element, value: str) -> str:
    m = re.fullmatch(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", value.strip())
    if not m:
        raise _unsupported(el, f"<{el.tag}> colour {value!r} must be #rrggbb or #rgb")
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return digits.upper()


def _bookmark_name(html_id: str) -> str:
    # Word truncates bookmark names to 40 characters; keep long ids unique with a hash.
    if len(html_id) <= 40:
        return html_id
    return html_id[:31] + "_" + hashlib.sha1(html_id.encode()).hexdigest()[:8]


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, qn(tag))
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def _el(tag: str, **attrs: str) -> etree._Element:
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


# --------------------------------------------------------------------------- head


@dataclass
class _Meta:
    lang: str | None = None
    title: str = ""
    author: str = ""
    created: datetime = DEFAULT_CREATED
    running_header: str | None = None


def _read_head(root: etree._Element) -> _Meta:
    meta = _Meta(lang=root.get("lang") or None)
    for el in root.iter("script"):
        raise _unsupported(el)
    head = root.find("head")
    for el in head if head is not None else ():
        if not isinstance(el.tag, str) or el.tag in ("style", "link"):
            continue
        if el.tag == "title":
            meta.title = _WS.sub(" ", el.text_content()).strip()
        elif el.tag == "meta":
            _read_meta(el, meta)
        else:
            raise _unsupported(el)
    return meta


def _read_meta(el: etree._Element, meta: _Meta) -> None:
    name, content = el.get("name"), el.get("content") or ""
    if name == "author":
        meta.author = content
    elif name == "dcterms.created":
        try:
            created = datetime.fromisoformat(content)
        except ValueError:
            raise _unsupported(el, "<meta> dcterms.created must be an ISO 8601 date") from None
        if created.tzinfo is not None:
            created = created.astimezone(UTC).replace(tzinfo=None)
        meta.created = created
    elif name == "wsoagen:running-header":
        meta.running_header = content


# --------------------------------------------------------------------------- images


def _data_uri(el: etree._Element, uri: str) -> tuple[str, bytes]:
    m = re.fullmatch(r"data:([\w.+-]+/[\w.+-]+)((?:;[^,;]*)*?)(;base64)?,(.*)", uri.strip(), re.S)
    if not m:
        raise _unsupported(el, "<img> src must be a data: URI (files and the network are never read)")
    mime, is_base64, payload = m.group(1).lower(), m.group(3), m.group(4)
    if not is_base64:
        return mime, payload.encode()
    try:
        return mime, base64.b64decode(re.sub(r"\s+", "", payload), validate=True)
    except binascii.Error:
        raise _unsupported(el, "<img> data: URI is not valid base64") from None


def _image_bytes(img: etree._Element) -> bytes:
    """PNG or JPEG bytes for an <img>; an SVG must carry a PNG fallback in data-png."""
    mime, data = _data_uri(img, img.get("src") or "")
    if mime == "image/svg+xml":
        fallback = img.get("data-png")
        if not fallback:
            raise _unsupported(img, "<img> an SVG needs a data-png attribute (Word takes no SVG)")
        mime, data = _data_uri(img, fallback)
    if mime == "image/png" and data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data
    if mime in ("image/jpeg", "image/jpg") and data.startswith(b"\xff\xd8\xff"):
        return data
    raise _unsupported(img, f"<img> must be PNG or JPEG data (got {mime})")


def _px(el: etree._Element, name: str) -> int | None:
    value = el.get(name)
    if value is None:
        return None
    if not re.fullmatch(r"\s*\d+\s*(px)?\s*", value):
        raise _unsupported(el, f"<{el.tag}> {name} must be a number of pixels")
    return int(value.strip().removesuffix("px"))


# --------------------------------------------------------------------------- inline pieces


@dataclass(frozen=True)
class _Fmt:
    """Run formatting inherited down the inline tree."""

    bold: bool = False
    italic: bool = False
    code: bool = False
    link: bool = False
    color: str | None = None
    vert: str | None = None  # "superscript" | "subscript"
    size: int | None = None  # half-points


class _Link:
    """One <a>: pieces sharing the same object go in one w:hyperlink."""

    __slots__ = ("rid", "anchor")

    def __init__(self, rid: str | None = None, anchor: str | None = None):
        self.rid, self.anchor = rid, anchor


# A piece is (text, fmt, link); text None is a line break.
Piece = tuple[str | None, _Fmt, _Link | None]


def _collapse(pieces: list[Piece]) -> list[Piece]:
    """Collapse whitespace as HTML does and merge neighbours with equal formatting."""
    out: list[Piece] = []
    at_line_start = True
    for text, fmt, link in pieces:
        if text is None:
            _rstrip_last(out)
            out.append((None, fmt, link))
            at_line_start = True
            continue
        text = _WS.sub(" ", text)
        if at_line_start and text.startswith(" "):
            text = text[1:]
        if not text:
            continue
        at_line_start = text.endswith(" ")
        if out and out[-1][0] is not None and out[-1][1] == fmt and out[-1][2] is link:
            out[-1] = (out[-1][0] + text, fmt, link)
        else:
            out.append((text, fmt, link))
    _rstrip_last(out)
    if out and out[-1][0] is None:
        out.pop()  # a <br> that ends a block adds no empty line in HTML
    return out


def _rstrip_last(out: list[Piece]) -> None:
    if out and out[-1][0] is not None and out[-1][0].endswith(" "):
        text = out[-1][0][:-1]
        if text:
            out[-1] = (text, *out[-1][1:])
        else:
            out.pop()


# --------------------------------------------------------------------------- tables


@dataclass
class _Cell:
    el: etree._Element | None  # None: padding for a short row
    col: int
    span: int
    rows: int = 1  # rows covered, after clamping to the row group
    header: bool = False


@dataclass
class _Slot:
    """One w:tc: the cell's first row, or a vMerge continuation of it."""

    cell: _Cell
    first: bool


def _span(td: etree._Element, name: str, limit: int) -> int:
    value = (td.get(name) or "1").strip()
    if not value.isdigit():
        raise _unsupported(td, f"<{td.tag}> {name} must be a whole number")
    return min(int(value), limit)


def _table_parts(table: etree._Element):
    """Split a <table> into caption, column widths (% or None) and row groups."""
    caption, cols, groups = None, [], []
    loose = None  # rows straight under <table> form a group of their own
    for child in _elements(table):
        tag = child.tag
        if tag != "tr":
            loose = None
        if tag == "caption" and caption is None and not cols and not groups:
            caption = child
        elif tag == "colgroup" and not groups:
            cols.extend(_colgroup(child))
        elif tag == "col" and not groups:
            cols.extend(_col(child))
        elif tag == "thead" and not groups:
            _css(child)
            groups.append((True, list(_rows(child))))
        elif tag == "tbody":
            _css(child)
            groups.append((False, list(_rows(child))))
        elif tag == "tr":
            if loose is None:
                loose = []
                groups.append((False, loose))
            _css(child)
            loose.append(child)
        else:
            raise _unsupported(child, f"<{tag}> is not allowed here in a table (docs/html-subset.md)")
    return caption, cols, groups


def _colgroup(colgroup: etree._Element) -> list[float | None]:
    cols = list(_elements(colgroup))
    if not cols:
        return [None] * _span(colgroup, "span", 1000)
    out = []
    for col in cols:
        if col.tag != "col":
            raise _unsupported(col)
        out.extend(_col(col))
    return out


def _col(col: etree._Element) -> list[float | None]:
    width = _css(col).get("width")
    pct = None
    if width is not None:
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", width)
        if not m:
            raise _unsupported(col, "<col> width must be a percentage")
        pct = float(m.group(1))
    return [pct] * _span(col, "span", 1000)


def _rows(group: etree._Element):
    for tr in _elements(group):
        if tr.tag != "tr":
            raise _unsupported(tr, f"<{tr.tag}> is not allowed in <{group.tag}>")
        _css(tr)
        yield tr


def _grid(groups) -> tuple[list[tuple[etree._Element, bool, list[_Slot]]], int]:
    """Lay the cells out on a grid, HTML's way: one pass, rowspans end with their row group.

    A cell marked data-merge="up" continues the cell above it instead (Word merges it in):
    that is how a rowspan reaches across <tbody> groups, which HTML does not allow.
    """
    rows, ncols = [], 0
    above: dict[int, _Slot] = {}  # the previous row's slots by column
    for header, trs in groups:
        active: dict[int, list] = {}  # start column -> [cell, rows still to cover]
        for index, tr in enumerate(trs):
            taken: dict[int, _Slot] = {}
            slots = []
            for col, state in active.items():
                slot = _Slot(state[0], first=False)
                state[0].rows += 1
                state[1] -= 1
                slots.append(slot)
                for c in range(col, col + state[0].span):
                    taken[c] = slot
            active = {c: s for c, s in active.items() if s[1] > 0}
            col = 0
            for td in _elements(tr):
                if td.tag not in ("td", "th"):
                    raise _unsupported(td, f"<{td.tag}> is not allowed in <tr>")
                while col in taken:
                    col += 1
                span = max(_span(td, "colspan", 1000), 1)
                rowspan = _span(td, "rowspan", 65534) or len(trs) - index  # 0: to group end
                if any(c in taken for c in range(col, col + span)):
                    raise _unsupported(td, f"<{td.tag}> overlaps a cell spanning from a row above")
                if td.get("data-merge") == "up":
                    cell = _merge_up(td, above.get(col), col, span, header)
                    slot = _Slot(cell, first=False)
                else:
                    cell = _Cell(td, col, span, header=header)
                    slot = _Slot(cell, first=True)
                slots.append(slot)
                for c in range(col, col + span):
                    taken[c] = slot
                if rowspan > 1:
                    active[col] = [cell, rowspan - 1]
                col += span
            slots.sort(key=lambda s: s.cell.col)
            ncols = max(ncols, max(taken, default=-1) + 1)
            rows.append((tr, header, slots))
            above = taken
    return rows, ncols


def _merge_up(td: etree._Element, above: _Slot | None, col: int, span: int, header: bool) -> _Cell:
    if above is None or above.cell.el is None or above.cell.col != col or above.cell.span != span:
        raise _unsupported(td, f'<{td.tag}> data-merge="up" needs a cell of the same columns above it')
    if above.cell.header != header:
        raise _unsupported(td, f'<{td.tag}> data-merge="up" cannot merge a body cell into the header')
    if len(td) or (td.text or "").strip():
        raise _unsupported(td, f'<{td.tag}> data-merge="up" cells must be empty (they join the cell above)')
    above.cell.rows += 1
    return above.cell


def _pad(slots: list[_Slot], ncols: int) -> list[_Slot]:
    """Fill the gaps of a short row with empty cells (Word wants every grid column)."""
    out, col = [], 0
    for slot in [*slots, None]:
        end = slot.cell.col if slot else ncols
        if end > col:
            out.append(_Slot(_Cell(None, col, end - col), first=True))
        if slot:
            out.append(slot)
            col = slot.cell.col + slot.cell.span
    return out


def _auto_widths(rows, ncols: int, total: int) -> list[float]:
    """Column shares for a table without <col> widths, like CSS automatic table layout.

    Word sizes such columns to their content itself, LibreOffice keeps the grid as written:
    estimate in characters (the longest word is a column's minimum, its longest text the
    maximum) and share the text width out between the two, as browsers and WeasyPrint do.
    """
    mins, maxs = [3] * ncols, [3] * ncols  # 2 characters of cell padding + 1
    for _, _, slots in rows:
        for slot in slots:
            cell = slot.cell
            if not slot.first or cell.el is None or cell.span != 1:
                continue
            text = _WS.sub(" ", cell.el.text_content()).strip()
            longest_word = max((len(word) for word in text.split()), default=0)
            # a word must not break: allow for bold and wide letters, which an average misses
            mins[cell.col] = max(mins[cell.col], math.ceil(longest_word * 1.3) + 3)
            maxs[cell.col] = max(maxs[cell.col], len(text) + 2)
    maxs = [max(lo, hi) for lo, hi in zip(mins, maxs)]
    avail = total / AVERAGE_CHAR_TWIPS
    if sum(maxs) <= avail:
        return [float(m) for m in maxs]
    if sum(mins) >= avail:
        return [float(m) for m in mins]
    stretch = (avail - sum(mins)) / (sum(maxs) - sum(mins))
    return [lo + (hi - lo) * stretch for lo, hi in zip(mins, maxs)]


def _col_widths(pcts: list[float | None], ncols: int, total: int) -> list[int]:
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


# --------------------------------------------------------------------------- the writer


@dataclass
class _Item:
    """A list item: its first paragraph carries the bullet/number, the rest continue it."""

    style: str
    cont_style: str
    num_id: int | None
    used: bool = False


@dataclass
class _Ctx:
    container: etree._Element | None  # None: the document body (before its sectPr)
    blocks: frozenset[str]  # block tags allowed here
    para_style: str = "Normal"
    fmt: _Fmt = field(default_factory=_Fmt)
    item: _Item | None = None
    level: int = 0  # list nesting depth


class _Writer:
    def __init__(self, reference: Path):
        self.doc = docx.Document(str(reference))
        self.reference = reference
        body = self.doc.element.body
        body.clear_content()  # like pandoc, the reference gives styles, not content
        self.sect_pr = body.get_or_add_sectPr()  # the last section's; add_section keeps it last
        self._style_ids: dict[str, str | None] = {}
        self._bookmarks: set[str] = set()
        self._pending_bookmarks: list[str] = []
        self._open_ends: list[str] = []
        self._anchors: list[tuple[str, etree._Element]] = []
        self._next_bookmark = 0
        self._page_break = False
        self._emitted = False
        self._last_was_table = False
        self._landscape = False
        self._resume_portrait = False
        self._has_toc = False
        self._hyperlink_style = self._style_id("Hyperlink", required=False)

    # ---- styles

    def _style_id(self, name: str, required: bool = True) -> str | None:
        if name not in self._style_ids:
            try:
                self._style_ids[name] = self.doc.styles[name].style_id
            except KeyError:
                self._style_ids[name] = None
        if required and self._style_ids[name] is None:
            raise ValueError(f"{self.reference} has no style named {name!r}")
        return self._style_ids[name]

    # ---- flow and blocks

    def flow(self, el: etree._Element, ctx: _Ctx) -> None:
        """Walk children: blocks become blocks, runs of inline content implicit paragraphs."""
        inline: list = []

        def flush():
            if inline:
                pieces = self._pieces(inline, ctx.fmt)
                if pieces:
                    self._paragraph(ctx, None, pieces)
                inline.clear()

        if el.text:
            inline.append(el.text)
        for child in el:
            tag = child.tag
            if isinstance(tag, str) and tag not in IGNORED:
                if tag in INLINE:
                    inline.append(child)
                else:
                    flush()
                    self._block(child, ctx)
            if child.tail:
                inline.append(child.tail)
        flush()

    def _block(self, el: etree._Element, ctx: _Ctx) -> None:
        tag = el.tag
        if tag not in ctx.blocks:
            if tag in BODY_BLOCKS:
                raise _unsupported(el, f"<{tag}> is not allowed inside this element (docs/html-subset.md)")
            raise _unsupported(el)
        _css(el)
        classes = _classes(el)
        if ctx.container is None and "new-page" in classes and self._emitted:
            self._page_break = True  # (the first page needs no break)
        self._mark(el)
        if tag == "p":
            self._p(el, ctx, classes)
        elif tag in HEADINGS:
            style = "Title" if tag == "h1" and "title" in classes else f"Heading {HEADINGS[tag]}"
            self._paragraph(ctx, style, self._pieces([el], ctx.fmt, inner=True))
        elif tag in ("ul", "ol"):
            self._list(el, ctx)
        elif tag == "table":
            self._table(el, ctx)
        elif tag == "figure":
            self._figure(el, ctx)
        elif tag == "blockquote":
            self.flow(el, replace(ctx, para_style="Quote", blocks=QUOTE_BLOCKS))
        elif tag == "section" and "landscape" in classes:
            self._landscape_section(el, ctx)
        elif tag == "nav" and "toc" in classes:
            self._toc(el, ctx)
        else:  # a transparent container
            self.flow(el, ctx)

    def _mark(self, el: etree._Element) -> None:
        """An id becomes a bookmark on the next paragraph written."""
        html_id = el.get("id")
        if not html_id:
            return
        name = _bookmark_name(html_id)
        if name in self._bookmarks:
            raise _unsupported(el, f"<{el.tag}> id {html_id!r} is used twice")
        self._bookmarks.add(name)
        self._pending_bookmarks.append(name)

    def _p(self, el: etree._Element, ctx: _Ctx, classes: set[str]) -> None:
        fmt = replace(ctx.fmt, size=20) if "small" in classes else ctx.fmt
        style = "Subtitle" if "subtitle" in classes else None
        pieces = self._pieces([el], fmt, inner=True)
        if pieces or self._pending_bookmarks:
            self._paragraph(ctx, style, pieces)

    # ---- paragraphs and runs

    def _before_body_block(self) -> None:
        if self._resume_portrait:
            self._resume_portrait = False
            self._new_section(landscape=False)
            self._page_break = False  # the section break already starts a new page
        self._emitted = True
        self._last_was_table = False

    def _paragraph(self, ctx: _Ctx, style: str | None, pieces: list[Piece], keep_next: bool = False):
        p = self._start_paragraph(ctx, style, keep_next)
        self._write_runs(p, pieces)
        self._end_paragraph(p)
        return p

    def _start_paragraph(self, ctx: _Ctx, style: str | None, keep_next: bool = False):
        if ctx.container is None:
            self._before_body_block()
        style, num_id = self._para_style(ctx, style)
        p = OxmlElement("w:p")
        ppr = _sub(p, "w:pPr")
        if style != "Normal":
            _sub(ppr, "w:pStyle", val=self._style_id(style))
        if keep_next:
            _sub(ppr, "w:keepNext")
        if ctx.container is None and self._page_break:
            _sub(ppr, "w:pageBreakBefore")
            self._page_break = False
        if num_id is not None:
            numpr = _sub(ppr, "w:numPr")
            _sub(numpr, "w:ilvl", val="0")
            _sub(numpr, "w:numId", val=str(num_id))
        if not len(ppr):
            p.remove(ppr)
        if ctx.container is None:
            self.sect_pr.addprevious(p)
        else:
            ctx.container.append(p)
        self._open_ends = []
        for name in self._pending_bookmarks:
            bid = str(self._next_bookmark)
            self._next_bookmark += 1
            _sub(p, "w:bookmarkStart", id=bid, name=name)
            self._open_ends.append(bid)
        self._pending_bookmarks = []
        return p

    def _end_paragraph(self, p) -> None:
        for bid in self._open_ends:
            _sub(p, "w:bookmarkEnd", id=bid)
        self._open_ends = []

    def _para_style(self, ctx: _Ctx, style: str | None) -> tuple[str, int | None]:
        item = ctx.item
        if style is None and item is not None:
            if not item.used:
                item.used = True
                return item.style, item.num_id
            return item.cont_style, None
        return style or ctx.para_style, None

    def _pieces(self, nodes: list, fmt: _Fmt, inner: bool = False) -> list[Piece]:
        """Inline pieces of strings and inline elements (or of one element's content)."""
        pieces: list[Piece] = []
        for node in nodes:
            if isinstance(node, str):
                pieces.append((node, fmt, None))
            elif inner:
                self._inline_children(node, fmt, None, pieces)
            else:
                self._inline(node, fmt, None, pieces)
        return _collapse(pieces)

    def _inline(self, el: etree._Element, fmt: _Fmt, link: _Link | None, pieces: list) -> None:
        tag = el.tag
        if tag not in INLINE:
            raise _unsupported(el)
        css = _css(el)
        if tag == "br":
            pieces.append((None, fmt, link))
            return
        if tag in ("strong", "b"):
            fmt = replace(fmt, bold=True)
        elif tag in ("em", "i"):
            fmt = replace(fmt, italic=True)
        elif tag == "code":
            fmt = replace(fmt, code=True)
        elif tag in ("sup", "sub"):
            fmt = replace(fmt, vert="superscript" if tag == "sup" else "subscript")
        elif tag == "span" and "color" in css:
            fmt = replace(fmt, color=_colour(el, css["color"]))
        elif tag == "a":
            if link is not None:
                raise _unsupported(el, "<a> links may not be nested")
            link = self._link(el)
            fmt = replace(fmt, link=True, color=None)  # a link's own colour wins, as in CSS
        self._inline_children(el, fmt, link, pieces)

    def _inline_children(self, el, fmt: _Fmt, link: _Link | None, pieces: list) -> None:
        if el.text:
            pieces.append((el.text, fmt, link))
        for child in el:
            if isinstance(child.tag, str) and child.tag not in IGNORED:
                self._inline(child, fmt, link, pieces)
            if child.tail:
                pieces.append((child.tail, fmt, link))

    def _link(self, a: etree._Element) -> _Link:
        href = (a.get("href") or "").strip()
        if href.startswith("#") and len(href) > 1:
            name = _bookmark_name(href[1:])
            self._anchors.append((name, a))
            return _Link(anchor=name)
        if re.match(r"(?i)(https?://|mailto:|tel:)", href):
            return _Link(rid=self.doc.part.relate_to(href, RT.HYPERLINK, is_external=True))
        raise _unsupported(a, "<a> href must be #id, http://, https://, mailto: or tel:")

    def _write_runs(self, p, pieces: list[Piece]) -> None:
        parent, current = p, None
        for text, fmt, link in pieces:
            if link is not current:
                parent, current = (p if link is None else self._hyperlink(p, link)), link
            r = _sub(parent, "w:r")
            rpr = self._rpr(fmt)
            if rpr is not None:
                r.append(rpr)
            if text is None:
                _sub(r, "w:br")
            else:
                t = _sub(r, "w:t")
                t.text = text
                if text[0] == " " or text[-1] == " ":
                    t.set(qn("xml:space"), "preserve")

    def _hyperlink(self, p, link: _Link):
        h = _sub(p, "w:hyperlink")
        if link.rid:
            h.set(qn("r:id"), link.rid)
        else:
            h.set(qn("w:anchor"), link.anchor)
        h.set(qn("w:history"), "1")
        return h

    def _rpr(self, fmt: _Fmt):
        if fmt == _Fmt():
            return None
        rpr = OxmlElement("w:rPr")  # children in schema order
        plain_link = fmt.link and self._hyperlink_style is None
        if fmt.link and not plain_link:
            _sub(rpr, "w:rStyle", val=self._hyperlink_style)
        if fmt.code:
            _sub(rpr, "w:rFonts", ascii="Courier New", hAnsi="Courier New", cs="Courier New")
        if fmt.bold:
            _sub(rpr, "w:b")
            _sub(rpr, "w:bCs")
        if fmt.italic:
            _sub(rpr, "w:i")
            _sub(rpr, "w:iCs")
        color = fmt.color or (LINK_BLUE if plain_link else None)
        if color:
            _sub(rpr, "w:color", val=color)
        if fmt.size:
            _sub(rpr, "w:sz", val=str(fmt.size))
            _sub(rpr, "w:szCs", val=str(fmt.size))
        if plain_link:
            _sub(rpr, "w:u", val="single")
        if fmt.vert:
            _sub(rpr, "w:vertAlign", val=fmt.vert)
        return rpr

    # ---- lists

    def _list(self, el: etree._Element, ctx: _Ctx) -> None:
        if ctx.item is not None and not ctx.item.used:
            self._paragraph(ctx, None, [])  # an item that opens with a nested list
        level = ctx.level + 1
        kind = "Bullet" if el.tag == "ul" else "Number"
        suffix = "" if level == 1 else f" {level}"
        style = f"List {kind}{suffix}"
        if self._style_id(style, required=False) is None:
            raise _unsupported(el, f"<{el.tag}> nested {level} deep: reference.docx has no {style!r}")
        cont = f"List Continue{suffix}"
        if self._style_id(cont, required=False) is None:
            cont = style
        num_id = self._restart_numbering(style, el) if el.tag == "ol" else None
        for li in _elements(el):
            if li.tag != "li":
                raise _unsupported(li, f"<{li.tag}> is not allowed in <{el.tag}>")
            _css(li)
            self._mark(li)
            item = _Item(style, cont, num_id)
            item_ctx = _Ctx(ctx.container, ITEM_BLOCKS, cont, ctx.fmt, item, level)
            self.flow(li, item_ctx)
            if not item.used:
                self._paragraph(item_ctx, None, [])

    def _restart_numbering(self, style: str, ol: etree._Element) -> int | None:
        """A new w:num on the style's list, so that each <ol> counts from its start again."""
        ppr = self.doc.styles[style].element.pPr
        numpr = ppr.numPr if ppr is not None else None
        if numpr is None or numpr.numId is None:
            return None
        numbering = self.doc.part.numbering_part.element
        abstract = numbering.num_having_numId(numpr.numId.val).abstractNumId.val
        num = numbering.add_num(abstract)
        start = _span(ol, "start", 10**6)
        num.add_lvlOverride(ilvl=0).add_startOverride(start)
        return num.numId

    # ---- tables

    def _table(self, el: etree._Element, ctx: _Ctx) -> None:
        caption, pcts, groups = _table_parts(el)
        follows_table = self._last_was_table
        self._before_body_block()
        if caption is not None:
            self._paragraph(ctx, "Caption", self._pieces([caption], ctx.fmt, inner=True), keep_next=True)
        elif self._page_break or follows_table:
            # a page break needs a paragraph; adjacent tables would merge into one in Word
            self._paragraph(ctx, None, [])
        rows, ncols = _grid(groups)
        ncols = max(ncols, len(pcts))
        if not ncols:
            raise _unsupported(el, "<table> has no cells")
        total = self._text_width()
        given = any(p is not None for p in pcts)
        widths = _col_widths(pcts if given else _auto_widths(rows, ncols, total), ncols, total)
        text = _WS.sub(" ", caption.text_content()).strip() if caption is not None else ""
        tbl = self._tbl(widths, fixed=given, caption=text)
        self.sect_pr.addprevious(tbl)
        for tr, header, slots in rows:
            w_tr = _sub(tbl, "w:tr")
            trpr = _sub(w_tr, "w:trPr")
            _sub(trpr, "w:cantSplit")
            if header:
                _sub(trpr, "w:tblHeader")
            for slot in _pad(slots, ncols):
                self._tc(w_tr, slot, widths)
        self._last_was_table = True

    def _tbl(self, widths: list[int], fixed: bool, caption: str):
        tbl = OxmlElement("w:tbl")
        tblpr = _sub(tbl, "w:tblPr")
        _sub(tblpr, "w:tblStyle", val=self._style_id("Table Grid"))
        _sub(tblpr, "w:tblW", w="5000", type="pct")
        if fixed:
            _sub(tblpr, "w:tblLayout", type="fixed")
        if caption:
            _sub(tblpr, "w:tblCaption", val=caption)
            _sub(tblpr, "w:tblDescription", val=caption)
        grid = _sub(tbl, "w:tblGrid")
        for width in widths:
            _sub(grid, "w:gridCol", w=str(width))
        return tbl

    def _tc(self, w_tr, slot: _Slot, widths: list[int]) -> None:
        cell = slot.cell
        css = _css(cell.el) if cell.el is not None else {}
        tc = _sub(w_tr, "w:tc")
        tcpr = _sub(tc, "w:tcPr")  # children in schema order: tcW, gridSpan, vMerge, shd
        _sub(tcpr, "w:tcW", w=str(sum(widths[cell.col : cell.col + cell.span])), type="dxa")
        if cell.span > 1:
            _sub(tcpr, "w:gridSpan", val=str(cell.span))
        if cell.rows > 1:
            vmerge = _sub(tcpr, "w:vMerge")
            if slot.first:
                vmerge.set(qn("w:val"), "restart")
        if "background-color" in css:
            # repeated on continuation cells so the merged cell is shaded the same throughout
            fill = _colour(cell.el, css["background-color"])
            _sub(tcpr, "w:shd", val="clear", color="auto", fill=fill)
        if slot.first and cell.el is not None:
            self._mark(cell.el)
            fmt = _Fmt(bold=cell.el.tag == "th")
            if "color" in css:
                fmt = replace(fmt, color=_colour(cell.el, css["color"]))
            self.flow(cell.el, _Ctx(container=tc, blocks=ITEM_BLOCKS, fmt=fmt))
        if tc.find(qn("w:p")) is None:
            _sub(tc, "w:p")  # every cell needs a paragraph

    # ---- figures

    def _figure(self, el: etree._Element, ctx: _Ctx) -> None:
        children = list(_elements(el))
        for index, child in enumerate(children):
            if child.tag == "img":
                captioned = any(c.tag == "figcaption" for c in children[index + 1 :])
                self._picture(child, ctx, keep_next=captioned)
            elif child.tag == "figcaption":
                self._paragraph(ctx, "Caption", self._pieces([child], ctx.fmt, inner=True))
            else:
                why = f"<{child.tag}> is not allowed in <figure> (only <img> and <figcaption>)"
                raise _unsupported(child, why)

    def _picture(self, img: etree._Element, ctx: _Ctx, keep_next: bool) -> None:
        alt = img.get("alt")
        if alt is None:
            raise _unsupported(img, "<img> needs an alt attribute (alt=\"\" if decorative)")
        blob = _image_bytes(img)
        try:
            image = Image.from_blob(blob)
        except UnrecognizedImageError:
            raise _unsupported(img, "<img> data is not a readable PNG or JPEG") from None
        width_px = _px(img, "width") or image.px_width
        height_px = _px(img, "height") or width_px * image.px_height / image.px_width
        cx, cy = width_px * EMU_PER_PX, height_px * EMU_PER_PX
        max_cx = self._text_width() * EMU_PER_TWIP
        if cx > max_cx:
            cx, cy = max_cx, cy * max_cx / cx
        part = self.doc.part
        rid, image = part.get_or_add_image(io.BytesIO(blob))
        inline = CT_Inline.new_pic_inline(part.next_id, rid, image.filename, int(cx), int(cy))
        inline.docPr.set("descr", alt)
        inline.docPr.set("title", alt)
        p = self._start_paragraph(ctx, None, keep_next)
        _sub(_sub(p, "w:r"), "w:drawing").append(inline)
        self._end_paragraph(p)

    # ---- sections

    def _text_width(self) -> int:
        """Twips between the margins of the section being written."""
        section = Section(self.sect_pr, self.doc.part)
        return (section.page_width - section.left_margin - section.right_margin) // EMU_PER_TWIP

    def _landscape_section(self, el: etree._Element, ctx: _Ctx) -> None:
        if ctx.container is not None or self._landscape:
            raise _unsupported(el, "<section class=\"landscape\"> must be at the top level, not nested")
        if self._resume_portrait or self._emitted:
            self._resume_portrait = False
            self._new_section(landscape=True)
        else:  # nothing written yet: turn the first section instead of leaving a blank page
            self._orient(Section(self.sect_pr, self.doc.part), landscape=True)
        self._page_break = False  # the section break starts a new page already
        self._landscape = True
        self.flow(el, ctx)
        self._landscape = False
        self._resume_portrait = True  # lazily, so a document may end landscape

    def _new_section(self, landscape: bool) -> None:
        self._orient(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        self._last_was_table = False

    @staticmethod
    def _orient(section: Section, landscape: bool) -> None:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        if (width < height) == landscape:
            section.page_width, section.page_height = height, width

    # ---- contents

    def _toc(self, nav: etree._Element, ctx: _Ctx) -> None:
        heading, ol = None, None
        for child in _elements(nav):
            if child.tag in HEADINGS and heading is None and ol is None:
                heading = child
            elif child.tag == "ol" and ol is None:
                ol = child
            else:
                raise _unsupported(child, f"<{child.tag}> is not allowed in <nav class=\"toc\">")
        if heading is not None:
            self._mark(heading)
            style = "TOC Heading"  # so that the contents do not list their own heading
            if self._style_id(style, required=False) is None:
                style = f"Heading {HEADINGS[heading.tag]}"
            self._paragraph(ctx, style, self._pieces([heading], ctx.fmt, inner=True))
        entries = list(self._toc_entries(ol, 1)) if ol is not None else []
        if not entries:
            entries = [(1, [])]
        for index, (level, pieces) in enumerate(entries):
            style = f"TOC {level}" if self._style_id(f"TOC {level}", required=False) else None
            p = self._start_paragraph(ctx, style)
            if index == 0:
                self._field_begin(p, TOC_INSTRUCTION)
            self._write_runs(p, pieces)
            if index == len(entries) - 1:
                _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="end")
            self._end_paragraph(p)
        self._has_toc = True

    def _toc_entries(self, ol: etree._Element, level: int):
        """(level, pieces) for each <li><a href="#id">Title</a> [<ol>...</ol>]</li>."""
        if level > 2:
            raise _unsupported(ol, "<ol> the contents list goes two levels deep at most")
        for li in _elements(ol):
            if li.tag != "li":
                raise _unsupported(li, f"<{li.tag}> is not allowed in the contents list")
            links = [c for c in _elements(li) if c.tag == "a"]
            others = [c for c in _elements(li) if c.tag not in ("a", "ol")]
            if len(links) != 1 or others or not (links[0].get("href") or "").startswith("#"):
                raise _unsupported(li, "<li> a contents entry is one <a href=\"#id\"> and an optional <ol>")
            pieces = self._pieces(links, _Fmt())
            # TOC entries look like Word's own (\h links without the Hyperlink style)
            yield level, [(t, replace(f, link=False), lk) for t, f, lk in pieces]
            for sub in (c for c in _elements(li) if c.tag == "ol"):
                yield from self._toc_entries(sub, level + 1)

    @staticmethod
    def _field_begin(p, instruction: str) -> None:
        _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="begin")
        instr = _sub(_sub(p, "w:r"), "w:instrText")
        instr.text = instruction
        instr.set(qn("xml:space"), "preserve")
        _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="separate")

    # ---- finishing

    def finish(self, meta: _Meta) -> None:
        for name, a in self._anchors:
            if name not in self._bookmarks:
                raise _unsupported(a, f"<a> links to {a.get('href')!r} but no block element has that id")
        if self._last_was_table or self._pending_bookmarks or not self._emitted:
            self._resume_portrait = False  # no blank portrait page after a closing landscape table
            self._paragraph(_Ctx(container=None, blocks=BODY_BLOCKS), None, [])
        if meta.running_header is not None:
            self._running_header(meta.running_header)
        if meta.lang:
            self._set_language(meta.lang)
        if self._has_toc:
            self._update_fields_on_open()
        core = self.doc.core_properties
        core.title = meta.title
        core.author = meta.author
        if meta.lang:
            core.language = meta.lang
        core.created = core.modified = meta.created
        core.revision = 1
        core.last_modified_by = ""

    def _running_header(self, text: str) -> None:
        """Header text and "Page X of Y" on the first section; later ones inherit them."""
        section = self.doc.sections[0]
        header, footer = section.header, section.footer
        for story in (header, footer):
            story.is_linked_to_previous = False
            for child in story._element.xpath("w:p|w:tbl"):
                story._element.remove(child)
        header.add_paragraph(text, style="Header")
        p = footer.add_paragraph(style="Footer")._p
        for kind, value in (("t", "Page "), ("f", " PAGE "), ("t", " of "), ("f", " NUMPAGES ")):
            if kind == "t":
                t = _sub(_sub(p, "w:r"), "w:t")
                t.text = value
                t.set(qn("xml:space"), "preserve")
            else:  # a field with a cached result, which Word and LibreOffice refresh
                self._field_begin(p, value)
                _sub(_sub(p, "w:r"), "w:t").text = "1"
                _sub(_sub(p, "w:r"), "w:fldChar", fldCharType="end")

    def _set_language(self, lang: str) -> None:
        styles = self.doc.styles.element
        defaults = styles.find(qn("w:docDefaults"))
        if defaults is None:
            defaults = _el("w:docDefaults")
            styles.insert(0, defaults)
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is None:
            rpr_default = _el("w:rPrDefault")
            defaults.insert(0, rpr_default)
        rpr = rpr_default.find(qn("w:rPr"))
        if rpr is None:
            rpr = _sub(rpr_default, "w:rPr")
        lang_el = rpr.find(qn("w:lang"))
        if lang_el is None:
            lang_el = _sub(rpr, "w:lang")
        lang_el.set(qn("w:val"), lang)

    def _update_fields_on_open(self) -> None:
        settings = self.doc.settings.element
        if settings.find(qn("w:updateFields")) is not None:
            return
        update = _el("w:updateFields", val="true")
        for tag in _AFTER_UPDATE_FIELDS:
            successor = settings.find(qn(tag))
            if successor is not None:
                successor.addprevious(update)
                return
        settings.append(update)
