"""How wide a table cell's content is, measured from the HTML before any Word XML is written.

In: a <td> or <th> in the subset, the table's text size in half-points and the indent of one list
level in twips. Out: an `Extent`: `least`, the widest unbreakable word (with its list indent),
below which Word and LibreOffice would break the word mid-way; `most`, the widest paragraph set
on one line, which the column never needs to exceed. Cell padding is not included.

Words break only where both Word and LibreOffice may break them: at spaces, and after a hyphen
followed by a letter ("co-|production", not "18-25"); a no-break space joins. <th> and
<strong>/<b> are bold, <code> is Courier New, <p class="small"> is 10 pt (as the writer sets
them); widths come from `metrics`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from lxml import etree

from wsoagen.render.docx import metrics
from wsoagen.render.docx.inline import Fmt, Link, Piece, pieces, split_flow
from wsoagen.render.docx.subset import IGNORED, classes

SMALL = 20  # <p class="small">, in half-points (the writer's size for it)


@dataclass(frozen=True)
class Extent:
    least: float  # twips: the widest word
    most: float  # twips: the widest line


def cell_lines(cell: etree._Element, size: int, list_indent: int, width: float) -> int:
    """About how many lines `cell`'s content takes in a column `width` twips wide (text as wide as
    the column fills it; enough to tell a table that fits a page from one that does not)."""
    lines = 0
    for level, line in _paragraphs(cell, Fmt(bold=cell.tag == "th"), 0):
        room = max(width - level * list_indent, 1.0)
        for text_line in _split_breaks(line):
            lines += max(1, math.ceil(_words(text_line, size)[1] / room))
    return max(lines, 1)


def cell_extent(cell: etree._Element, size: int, list_indent: int) -> Extent:
    """The narrowest and widest the content of `cell` can usefully be set, in twips."""
    least = most = 0.0
    fmt = Fmt(bold=cell.tag == "th")
    for level, line in _paragraphs(cell, fmt, 0):
        indent = level * list_indent
        for text_line in _split_breaks(line):
            words, width = _words(text_line, size)
            least = max(least, indent + max(words, default=0.0))
            most = max(most, indent + width)
    return Extent(least, most)


def _no_link(a: etree._Element) -> Link:
    return Link()


def _paragraphs(el: etree._Element, fmt: Fmt, level: int):
    """(list level, pieces) for each paragraph Word will hold for `el`'s content."""
    for part in split_flow(el):
        if isinstance(part, list):
            yield level, pieces(part, fmt, _no_link)
        else:
            yield from _block(part, fmt, level)


def _block(el: etree._Element, fmt: Fmt, level: int):
    if el.tag in ("ul", "ol"):
        for li in el:
            if isinstance(li.tag, str) and li.tag not in IGNORED:
                yield from _paragraphs(li, fmt, level + 1)
    else:
        small = el.tag == "p" and "small" in classes(el)
        yield from _paragraphs(el, replace(fmt, size=SMALL) if small else fmt, level)


def _split_breaks(line: list[Piece]):
    """The lines of a paragraph: <br> (a piece without text) starts a new one."""
    current: list[Piece] = []
    for piece in line:
        if piece[0] is None:
            yield current
            current = []
        else:
            current.append(piece)
    yield current


def _words(line: list[Piece], size: int) -> tuple[list[float], float]:
    """The widths of the line's unbreakable words, and of the whole line."""
    chars = [(char, fmt) for text, fmt, _ in line for char in text]
    words, word, total = [], 0.0, 0.0
    for index, (char, fmt) in enumerate(chars):
        width = metrics.twips(char, fmt.size or size, fmt.bold, fmt.code)
        total += width
        if char == " ":
            words.append(word)
            word = 0.0
            continue
        word += width
        following = chars[index + 1][0] if index + 1 < len(chars) else ""
        if char == "-" and following.isalpha():
            words.append(word)
            word = 0.0
    words.append(word)
    return words, total
