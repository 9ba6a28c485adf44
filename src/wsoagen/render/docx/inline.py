"""Inline HTML (text, <strong>, <em>, <code>, <sup>, <sub>, <span>, <a>, <br>) as run pieces.

In: strings and inline elements, the formatting inherited from the block, and a function that
turns an <a> into a `Link` (the writer's: it registers hyperlinks and bookmark targets).
Out: a list of pieces (text, formatting, link), text None for a line break, with whitespace
collapsed as HTML does and neighbours of equal formatting merged. No Word XML here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from lxml import etree

from wsoagen.render.docx.subset import IGNORED, INLINE, WS, colour, css, unsupported


@dataclass(frozen=True)
class Fmt:
    """Run formatting inherited down the inline tree."""

    bold: bool = False
    italic: bool = False
    code: bool = False
    link: bool = False
    color: str | None = None
    vert: str | None = None  # "superscript" | "subscript"
    size: int | None = None  # half-points


class Link:
    """One <a>: pieces sharing the same object go in one w:hyperlink."""

    __slots__ = ("rid", "anchor")

    def __init__(self, rid: str | None = None, anchor: str | None = None):
        self.rid, self.anchor = rid, anchor


# A piece is (text, fmt, link); text None is a line break.
Piece = tuple[str | None, Fmt, Link | None]
LinkFor = Callable[[etree._Element], Link]

_TAG_FORMAT = {
    "strong": {"bold": True}, "b": {"bold": True},
    "em": {"italic": True}, "i": {"italic": True},
    "code": {"code": True},
    "sup": {"vert": "superscript"}, "sub": {"vert": "subscript"},
}


def split_flow(el: etree._Element) -> Iterator[list | etree._Element]:
    """`el`'s content as Word holds it: each run of loose inline content (text and inline
    elements, as a list; possibly empty) before each block child, the block itself, and the
    run after the last block. Ignored elements are skipped; their tails are kept."""
    loose: list = []
    if el.text:
        loose.append(el.text)
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in IGNORED:
            if tag in INLINE:
                loose.append(child)
            else:
                yield loose
                loose = []
                yield child
        if child.tail:
            loose.append(child.tail)
    yield loose


def pieces(nodes: list, fmt: Fmt, link_for: LinkFor, inner: bool = False) -> list[Piece]:
    """Inline pieces of strings and inline elements (or, `inner`, of each element's content)."""
    out: list[Piece] = []
    for node in nodes:
        if isinstance(node, str):
            out.append((node, fmt, None))
        elif inner:
            _children(node, fmt, None, link_for, out)
        else:
            _inline(node, fmt, None, link_for, out)
    return collapse(out)


def _inline(el: etree._Element, fmt: Fmt, link: Link | None, link_for: LinkFor, out: list[Piece]) -> None:
    tag = el.tag
    if tag not in INLINE:
        raise unsupported(el)
    style = css(el)
    if tag == "br":
        out.append((None, fmt, link))
        return
    if tag in _TAG_FORMAT:
        fmt = replace(fmt, **_TAG_FORMAT[tag])
    elif tag == "span" and "color" in style:
        fmt = replace(fmt, color=colour(el, style["color"]))
    elif tag == "a":
        if link is not None:
            raise unsupported(el, "<a> links may not be nested")
        link = link_for(el)
        fmt = replace(fmt, link=True, color=None)  # a link's own colour wins, as in CSS
    _children(el, fmt, link, link_for, out)


def _children(el: etree._Element, fmt: Fmt, link: Link | None, link_for: LinkFor, out: list[Piece]) -> None:
    if el.text:
        out.append((el.text, fmt, link))
    for child in el:
        if isinstance(child.tag, str) and child.tag not in IGNORED:
            _inline(child, fmt, link, link_for, out)
        if child.tail:
            out.append((child.tail, fmt, link))


def collapse(pieces: list[Piece]) -> list[Piece]:
    """Collapse whitespace as HTML does and merge neighbours with equal formatting."""
    out: list[Piece] = []
    at_line_start = True
    for text, fmt, link in pieces:
        if text is None:
            _rstrip_last(out)
            out.append((None, fmt, link))
            at_line_start = True
            continue
        text = WS.sub(" ", text)
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
