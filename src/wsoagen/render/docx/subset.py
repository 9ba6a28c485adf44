"""What HTML the Word writer accepts (docs/html-subset.md), and the checks that refuse the rest.

In: the HTML page as a string, then lxml elements of it. Out: the parsed page, the document's
metadata from <head> (`Meta`), an element's children that may be there, its style properties
checked against the subset, colours as RRGGBB, whole numbers and pixel sizes from attributes,
PNG or JPEG bytes from an <img> data: URI, and a <table> split into caption, column widths and
row groups. Anything outside the subset raises `UnsupportedHtml`, whose message names the tag,
the line and a snippet of the element, so that Word and PDF never silently differ.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import lxml.html
from lxml import etree

# HTML collapses these (not U+00A0, which must survive as a no-break space).
WS = re.compile(r"[ \t\n\r\f]+")

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
    "ol": frozenset({"list-style-type"}),
    "table": ROW_BREAK_CSS,
    "thead": ROW_BREAK_CSS,
    "tbody": ROW_BREAK_CSS,
    "tr": ROW_BREAK_CSS,
}
DEFAULT_CREATED = datetime(2000, 1, 1)


class UnsupportedHtml(ValueError):
    """The HTML uses something outside the subset; the message names the tag and quotes it.
    `tag` and `attrs` are the element's, so that a house-style check can find the template line
    that wrote it (render/house_check.py)."""

    tag: str | None = None
    attrs: dict[str, str] = {}


class ReferenceUnusable(ValueError):
    """reference.docx lacks something the writer needs (a style, a list definition)."""


# --------------------------------------------------------------------------- elements


def parse(html: str) -> etree._Element:
    """The <html> root of a whole page."""
    try:
        root = lxml.html.document_fromstring(html)
    except etree.ParserError as exc:  # e.g. an empty document
        raise UnsupportedHtml(f"<html> could not be parsed: {exc}") from None
    if root.tag != "html":
        raise unsupported(root, f"<{root.tag}> the document must be a whole <html> page")
    return root


def snippet(el: etree._Element, limit: int = 100) -> str:
    text = lxml.html.tostring(el, encoding=str, with_tail=False)
    text = WS.sub(" ", text).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def unsupported(el: etree._Element, why: str | None = None) -> UnsupportedHtml:
    """The error to raise for `el`: `why` (or "not in the subset"), its line and a snippet."""
    what = why or f"<{el.tag}> is not in the wsoagen HTML subset (docs/html-subset.md)"
    line = f" at line {el.sourceline}" if el.sourceline else ""
    exc = UnsupportedHtml(f"{what}{line}: {snippet(el)}")
    exc.tag, exc.attrs = str(el.tag), {str(k): str(v) for k, v in el.attrib.items()}
    return exc


def elements(el: etree._Element):
    """Child elements of a structural element whose text must be whitespace only."""
    for text in (el.text, *(child.tail for child in el)):
        if text and text.strip():
            raise unsupported(el, f"<{el.tag}> may not contain text {text.strip()[:40]!r} here")
    for child in el:
        if isinstance(child.tag, str) and child.tag not in IGNORED:  # skips comments
            yield child


def classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def css(el: etree._Element) -> dict[str, str]:
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
            raise unsupported(el, f"<{el.tag}> style property {prop!r} is not in the subset")
        out[prop] = value.strip()
    return out


def colour(el: etree._Element, value: str) -> str:
    """`#rrggbb` or `#rgb` as RRGGBB."""
    m = re.fullmatch(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", value.strip())
    if not m:
        raise unsupported(el, f"<{el.tag}> colour {value!r} must be #rrggbb or #rgb")
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return digits.upper()


def whole_number(el: etree._Element, name: str, limit: int) -> int:
    """A whole-number attribute such as colspan (1 when absent), capped at `limit`."""
    value = (el.get(name) or "1").strip()
    if not value.isdigit():
        raise unsupported(el, f"<{el.tag}> {name} must be a whole number")
    return min(int(value), limit)


def px(el: etree._Element, name: str) -> int | None:
    """A size attribute in pixels ("300" or "300px"), None when absent."""
    value = el.get(name)
    if value is None:
        return None
    if not re.fullmatch(r"\s*\d+\s*(px)?\s*", value):
        raise unsupported(el, f"<{el.tag}> {name} must be a number of pixels")
    return int(value.strip().removesuffix("px"))


# --------------------------------------------------------------------------- head


@dataclass
class Meta:
    """What <html> and <head> say about the document."""

    lang: str | None = None
    title: str = ""
    author: str = ""
    created: datetime = DEFAULT_CREATED
    running_header: str | None = None


def read_head(root: etree._Element) -> Meta:
    """The document's metadata; refuses <script> anywhere and unknown <head> elements."""
    meta = Meta(lang=root.get("lang") or None)
    for el in root.iter("script"):
        raise unsupported(el)
    head = root.find("head")
    for el in head if head is not None else ():
        if not isinstance(el.tag, str) or el.tag in ("style", "link"):
            continue
        if el.tag == "title":
            meta.title = WS.sub(" ", el.text_content()).strip()
        elif el.tag == "meta":
            _read_meta(el, meta)
        else:
            raise unsupported(el)
    return meta


def _read_meta(el: etree._Element, meta: Meta) -> None:
    name, content = el.get("name"), el.get("content") or ""
    if name == "author":
        meta.author = content
    elif name == "dcterms.created":
        try:
            created = datetime.fromisoformat(content)
        except ValueError:
            raise unsupported(el, "<meta> dcterms.created must be an ISO 8601 date") from None
        if created.tzinfo is not None:
            created = created.astimezone(UTC).replace(tzinfo=None)
        meta.created = created
    elif name == "wsoagen:running-header":
        meta.running_header = content


# --------------------------------------------------------------------------- images


def _data_uri(el: etree._Element, uri: str) -> tuple[str, bytes]:
    m = re.fullmatch(r"data:([\w.+-]+/[\w.+-]+)((?:;[^,;]*)*?)(;base64)?,(.*)", uri.strip(), re.S)
    if not m:
        raise unsupported(el, "<img> src must be a data: URI (files and the network are never read)")
    mime, is_base64, payload = m.group(1).lower(), m.group(3), m.group(4)
    if not is_base64:
        return mime, payload.encode()
    try:
        return mime, base64.b64decode(re.sub(r"\s+", "", payload), validate=True)
    except binascii.Error:
        raise unsupported(el, "<img> data: URI is not valid base64") from None


def image_bytes(img: etree._Element) -> bytes:
    """PNG or JPEG bytes for an <img>; an SVG must carry a PNG fallback in data-png."""
    mime, data = _data_uri(img, img.get("src") or "")
    if mime == "image/svg+xml":
        fallback = img.get("data-png")
        if not fallback:
            raise unsupported(img, "<img> an SVG needs a data-png attribute (Word takes no SVG)")
        mime, data = _data_uri(img, fallback)
    if mime == "image/png" and data.startswith(b"\x89PNG\r\n\x1a\n"):
        return data
    if mime in ("image/jpeg", "image/jpg") and data.startswith(b"\xff\xd8\xff"):
        return data
    raise unsupported(img, f"<img> must be PNG or JPEG data (got {mime})")


# --------------------------------------------------------------------------- tables


def table_parts(table: etree._Element):
    """Split a <table> into caption, column widths (% or None) and row groups.

    Row groups are (is_header, [<tr>, ...]): each <thead> and <tbody>, and each run of rows
    straight under <table>.
    """
    caption, cols, groups = None, [], []
    loose = None  # rows straight under <table> form a group of their own
    for child in elements(table):
        tag = child.tag
        if tag != "tr":
            loose = None
        if tag == "caption" and caption is None and not cols and not groups:
            caption = child
        elif tag in ("colgroup", "col") and not groups:
            cols.extend(_colgroup(child) if tag == "colgroup" else _col(child))
        elif tag in ("thead", "tbody") and (tag == "tbody" or not groups):
            css(child)
            groups.append((tag == "thead", list(_rows(child))))
        elif tag == "tr":
            if loose is None:
                loose = []
                groups.append((False, loose))
            css(child)
            loose.append(child)
        else:
            raise unsupported(child, f"<{tag}> is not allowed here in a table (docs/html-subset.md)")
    return caption, cols, groups


def _colgroup(colgroup: etree._Element) -> list[float | None]:
    cols = list(elements(colgroup))
    if not cols:
        return [None] * whole_number(colgroup, "span", 1000)
    out = []
    for col in cols:
        if col.tag != "col":
            raise unsupported(col)
        out.extend(_col(col))
    return out


def _col(col: etree._Element) -> list[float | None]:
    width = css(col).get("width")
    pct = None
    if width is not None:
        m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*%", width)
        if not m:
            raise unsupported(col, "<col> width must be a percentage")
        pct = float(m.group(1))
    return [pct] * whole_number(col, "span", 1000)


def _rows(group: etree._Element):
    for tr in elements(group):
        if tr.tag != "tr":
            raise unsupported(tr, f"<{tr.tag}> is not allowed in <{group.tag}>")
        css(tr)
        yield tr
