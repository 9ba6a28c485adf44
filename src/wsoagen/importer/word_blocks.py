"""A Word document as the importer reads it: headings, paragraphs and tables, in body order.

In: the path of a .docx. Out: a list of `Block`s: `Para` (style name, heading level, text as
Markdown-ish plain text) and `Grid` (a table as a full grid of `Cell`s: merged cells expanded
so every row has a cell for every column, each cell knowing its shading and whether it
continues a merge from above or the left). Nothing here knows what a plan is.

Read from the WordprocessingML directly (python-docx's element tree) rather than through
`Table.rows[i].cells`: merges and shading are what councils' Word plans carry meaning in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import docx
from docx.oxml.ns import qn

_HEADING = re.compile(r"^(?:Heading|heading)\s*(\d)$")


@dataclass
class Para:
    """A paragraph of the body: its style, heading level (0 for body text) and text."""

    style: str
    level: int
    text: str
    index: int  # paragraph number in the body, from 1: the place in messages


@dataclass
class Cell:
    """One grid cell: its text (lists as Markdown bullets), shading and merge state."""

    text: str
    fill: str | None = None  # RRGGBB upper case, None when not shaded
    merged: bool = False  # continues the cell above (vMerge) or to the left (gridSpan)


@dataclass
class Grid:
    """A table: rows of cells, every row as long as the widest."""

    rows: list[list[Cell]]
    index: int  # table number in the body, from 1
    caption: str = ""  # the paragraph just before it, when it reads as a caption

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


Block = Para | Grid


def read_blocks(path: Path) -> list[Block]:
    """The body of the .docx at `path` as blocks, in order. Raises on a file that is no .docx."""
    document = docx.Document(str(path))
    # Style names by id, read once: python-docx's Paragraph.style looks the default style up
    # afresh for every paragraph, which made a 100-page plan take seconds.
    names = {s.style_id: s.name for s in document.styles}
    default = next((s.name for s in document.styles if s.type == 1 and s.element.default), "Normal")

    def style(p) -> str:
        ppr = p.find(qn("w:pPr"))
        pstyle = ppr.find(qn("w:pStyle")) if ppr is not None else None
        return names.get(pstyle.get(qn("w:val")), default) if pstyle is not None else default

    blocks: list[Block] = []
    paras = tables = 0
    for el in document.element.body.iterchildren():
        if el.tag == qn("w:p"):
            paras += 1
            text = _paragraph_text(el)
            if text.strip():
                name = style(el)
                blocks.append(Para(name, _level(name), text.strip(), paras))
        elif el.tag == qn("w:tbl"):
            tables += 1
            blocks.append(Grid(_grid(el, style), tables))
    return _attach_captions(blocks)


def _level(style: str) -> int:
    if style == "Title":
        return 1
    m = _HEADING.match(style)
    return int(m.group(1)) if m else 0


def _paragraph_text(p) -> str:
    """Text of a paragraph (a w:p); soft line breaks become newlines."""
    parts = []
    for node in p.iter(qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:cr")):
        if node.tag == qn("w:t"):
            parts.append(node.text or "")
        elif node.tag == qn("w:tab"):
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _list_marker(p, style: str) -> str:
    """'- ' or '1. ' for a list paragraph (by style name or numbering), else ''."""
    if "Number" in style:
        return "1. "
    if "List" in style or "Bullet" in style or p.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None:
        return "- "
    return ""


def _cell_text(tc, style) -> str:
    """A cell's paragraphs as Markdown-ish text: list items as '- ', paragraphs separated by a
    blank line, list items by a single newline."""
    out: list[str] = []
    previous_list = False
    for el in tc.iterchildren(qn("w:p"), qn("w:tbl")):
        if el.tag == qn("w:tbl"):  # a nested table: its text, flattened
            for row in _grid(el, style):
                out.append(" | ".join(c.text for c in row if not c.merged))
            continue
        text = _paragraph_text(el).strip()
        if not text:
            continue
        marker = _list_marker(el, style(el))
        if out:
            out.append("\n" if marker and previous_list else "\n\n")
        out.append(marker + text)
        previous_list = bool(marker)
    return "".join(out).strip()


def _fill(tc) -> str | None:
    shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
    if shd is None:
        return None
    fill = (shd.get(qn("w:fill")) or "").upper()
    return fill if re.fullmatch(r"[0-9A-F]{6}", fill) and fill != "FFFFFF" else None


def _grid(tbl, style) -> list[list[Cell]]:
    """The table's cells with merges expanded: a gridSpan repeats the cell to its right (marked
    merged), a vMerge continuation repeats the cell above (marked merged)."""
    rows: list[list[Cell]] = []
    for tr in tbl.iterchildren(qn("w:tr")):
        row: list[Cell] = []
        for tc in tr.iterchildren(qn("w:tc")):
            pr = tc.find(qn("w:tcPr"))
            span_el = pr.find(qn("w:gridSpan")) if pr is not None else None
            span = int(span_el.get(qn("w:val"), "1")) if span_el is not None else 1
            vmerge = pr.find(qn("w:vMerge")) if pr is not None else None
            continues = vmerge is not None and vmerge.get(qn("w:val"), "continue") == "continue"
            col = len(row)
            if continues and rows and col < len(rows[-1]):
                above = rows[-1][col]
                cell = Cell(above.text, above.fill, merged=True)
            else:
                cell = Cell(_cell_text(tc, style), _fill(tc))
            row.append(cell)
            row.extend(Cell(cell.text, cell.fill, merged=True) for _ in range(span - 1))
        rows.append(row)
    width = max((len(r) for r in rows), default=0)
    for row in rows:
        row.extend(Cell("", merged=True) for _ in range(width - len(row)))
    return rows


def _attach_captions(blocks: list[Block]) -> list[Block]:
    """Give each table the short body paragraph just before it as its caption."""
    for i, block in enumerate(blocks):
        if not isinstance(block, Grid):
            continue
        before = blocks[i - 1] if i else None
        if isinstance(before, Para) and not before.level and len(before.text) < 200:
            block.caption = before.text
    return blocks
