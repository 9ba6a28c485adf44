"""Find what a reader would see as broken on the pages WeasyPrint laid out.

In: a laid-out `weasyprint.Document` (`HTML(...).render()`, or `wsoagen.render.pdf.render`).
Out: `faults(document)`, a list of `Fault(page, kind, detail)`, pages counted from 1. Kinds:

- `overflow`: a cell's text runs below its cell (rowspans counted, and the parts of a cell print
  joins with no border between) or out at its right side, or text runs below the page's content area.
- `overlap`: lines of text of two cells of one column drawn over each other.
- `sliver`: a table row, or the part of a split row on one page, shorter than a line of text.
- `stranded`: a heading, or a lead-in sentence whose table, figure or list starts on the next
  page, is the last thing on its page; or a table's caption and header with none of its rows.
- `split-table`: a small key-value table (at most 12 rows of a header cell and a value) on two pages.
- `short-page`: a page holding two lines or fewer before a forced page break or the end.
- `cover-running-head`, `cover-page-number`: a cover page (one with `header.cover`) carrying a
  running header (top margin), or a page number (bottom margin).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from weasyprint.formatting_structure import boxes

TOLERANCE = 1.0  # CSS px: rounding in WeasyPrint's layout
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
FORCED = {"page", "left", "right", "recto", "verso"}
SMALL_TABLE_ROWS = 12


@dataclass(frozen=True)
class Fault:
    page: int
    kind: str
    detail: str

    def __str__(self) -> str:
        return f"page {self.page}: {self.kind}: {self.detail}"


def walk(box) -> Iterator:
    """The box and its descendants in document order, margin boxes (running heads) left out."""
    yield box
    for child in getattr(box, "children", None) or []:
        if not isinstance(child, boxes.MarginBox):
            yield from walk(child)


def text_of(element, limit: int = 40) -> str:
    if element is None:
        return ""
    return " ".join("".join(element.itertext()).split())[:limit]


class Tree:
    """The document's elements (WeasyPrint's ElementTree has no parent links) and the first page
    showing each element."""

    def __init__(self, pages):
        root = pages[0].children[0].element
        self.parents = {child: parent for parent in root.iter() for child in parent}
        self.firsts: dict[object, int] = {}
        for number, page in enumerate(pages, start=1):
            for box in walk(page):
                if box.element is not None:
                    self.firsts.setdefault(box.element, number)

    def ancestors(self, element) -> Iterator:
        while element is not None:
            yield element
            element = self.parents.get(element)

    def next_sibling(self, element):
        parent = self.parents.get(element)
        siblings = list(parent) if parent is not None else []
        i = siblings.index(element) if element in siblings else -1
        return siblings[i + 1] if 0 <= i < len(siblings) - 1 else None


def faults(document) -> list[Fault]:
    found: list[Fault] = []
    pages = [page._page_box for page in document.pages]
    tree = Tree(pages)
    for number, page in enumerate(pages, start=1):
        found += [Fault(number, kind, detail) for kind, detail in page_faults(page)]
        nxt = pages[number] if number < len(pages) else None
        found += [Fault(number, kind, detail) for kind, detail in foot_faults(page, nxt, tree)]
    found += [Fault(page, "split-table", detail) for page, detail in split_tables(pages)]
    return found


def page_faults(page) -> Iterator[tuple[str, str]]:
    """Faults visible on one page by itself."""
    bottom = page.content_box_y() + page.height
    for box in walk(page):
        if isinstance(box, boxes.TableBox):
            yield from table_faults(box)
        elif isinstance(box, boxes.LineBox) and box.position_y + box.height > bottom + TOLERANCE:
            yield "overflow", f"text below the page's content area: {text_of(box.element)!r}"
    if is_cover(page):
        for margin in page.children:
            if isinstance(margin, boxes.MarginBox) and any(isinstance(b, boxes.TextBox) for b in walk(margin)):
                kind = "cover-running-head" if margin.at_keyword.startswith("@top") else "cover-page-number"
                yield kind, f"{margin.at_keyword} shows {margin_text(margin)!r}"


def margin_text(margin) -> str:
    return " ".join(b.text for b in walk(margin) if isinstance(b, boxes.TextBox))


def is_cover(page) -> bool:
    return any(b.element is not None and b.element_tag == "header" and "cover" in (b.element.get("class") or "").split()
               for b in walk(page) if isinstance(b, boxes.BlockBox))


# ---------------------------------------------------------------- tables


def line_height(table) -> float:
    """The height of one line of the table's text, CSS px."""
    heights = [b.height for b in walk(table) if isinstance(b, boxes.LineBox) and b.height]
    return min(heights) if heights else table.style["font_size"]


def table_faults(table) -> Iterator[tuple[str, str]]:
    line = line_height(table)
    groups = [g for g in table.children if isinstance(g, boxes.TableRowGroupBox)]
    for group in groups:
        rows = [r for r in group.children if isinstance(r, boxes.TableRowBox)]
        for i, row in enumerate(rows):
            if not group.is_header and row.height < line - TOLERANCE:
                yield "sliver", f"a row {row.height:.1f}px high, less than a line ({line:.1f}px)"
            for cell in row.children:
                span = rows[i:i + max(cell.rowspan, 1)] + joined(rows[i + max(cell.rowspan, 1):], cell.grid_x)
                yield from cell_faults(cell, max(r.position_y + r.height for r in span))
    yield from overlaps(groups)
    bodies = [g for g in groups if not g.is_header and not g.is_footer]
    if groups and not any(g.children for g in bodies):
        yield "stranded", f"the caption or header of a table without any of its rows: {text_of(table.element)!r}"


def joined(rows, column: int) -> list:
    """The rows below a cell whose cell in its column continues it with no border between (print
    joins the parts of a cell so: class wsoagen-cont, see wsoagen.render.paginate)."""
    below = []
    for row in rows:
        cell = next((c for c in row.children if c.grid_x == column), None)
        if cell is None or cell.element is None or "wsoagen-cont" not in (cell.element.get("class") or "").split():
            break
        below.append(row)
    return below


def overlaps(groups) -> Iterator[tuple[str, str]]:
    """Lines of different cells of one column that share height on the page."""
    columns: dict[int, list[tuple[float, float, object, object]]] = {}
    for group in groups:
        for row in group.children:
            for cell in row.children:
                for line in (b for b in walk(cell) if isinstance(b, boxes.LineBox)):
                    if any(isinstance(t, boxes.TextBox) and t.text.strip() for t in walk(line)):
                        columns.setdefault(round(cell.position_x), []).append((line.position_y, line.position_y + line.height, cell, line))
    for lines in columns.values():
        lines.sort(key=lambda x: x[0])
        for (_, bottom, cell, line), (top2, _, cell2, line2) in zip(lines, lines[1:], strict=False):
            if cell2 is not cell and top2 < bottom - TOLERANCE:
                yield "overlap", f"{bottom - top2:.0f}px of {text_of(line.element)!r} under {text_of(line2.element)!r}"


def cell_faults(cell, bottom: float) -> Iterator[tuple[str, str]]:
    right = cell.content_box_x() + cell.width
    lines = [b for b in walk(cell) if isinstance(b, boxes.LineBox)]
    below = max((b.position_y + b.height - bottom for b in lines), default=0)
    if below > TOLERANCE:
        yield "overflow", f"cell text {below:.0f}px below its cell: {text_of(cell.element)!r}"
    texts = [b for b in walk(cell) if isinstance(b, boxes.TextBox) and b.text.strip()]
    wide = max(texts, key=lambda b: b.position_x + b.width, default=None)
    if wide is not None and wide.position_x + wide.width > right + TOLERANCE:
        yield "overflow", f"cell text {wide.position_x + wide.width - right:.0f}px wider than its cell: {wide.text[:40]!r}"


def split_tables(pages) -> Iterator[tuple[int, str]]:
    """Small key-value tables laid out on more than one page."""
    seen: dict[int, tuple[int, object]] = {}
    reported: set[int] = set()
    for number, page in enumerate(pages, start=1):
        for box in walk(page):
            if isinstance(box, boxes.TableBox) and box.element is not None and is_small_key_value(box.element):
                key = id(box.element)
                if key in seen and seen[key][0] != number and key not in reported:
                    reported.add(key)
                    yield seen[key][0], f"{text_of(box.element)!r} runs on to page {number}"
                seen.setdefault(key, (number, box.element))


def is_small_key_value(table) -> bool:
    rows = [tr for group in table if group.tag in ("tbody", "tr") for tr in (group if group.tag == "tbody" else [group])]
    if not rows or len(rows) > SMALL_TABLE_ROWS:
        return False
    return all(len(cells := [c for c in tr if c.tag in ("th", "td")]) == 2 and cells[0].tag == "th" for tr in rows)


# ---------------------------------------------------------------- the foot of a page


def flow_lines(page) -> list:
    """Line boxes and pictures on the page, in document order (running heads left out)."""
    return [b for b in walk(page) if isinstance(b, (boxes.LineBox, boxes.ReplacedBox))]


def foot_faults(page, nxt, tree: Tree) -> Iterator[tuple[str, str]]:
    lines = flow_lines(page)
    if not lines:
        return
    if (nxt is None or forced_break(page, nxt)) and not is_cover(page):
        weight = sum(1 if isinstance(b, boxes.LineBox) else 10 for b in lines)
        if weight <= 2:
            yield "short-page", f"only {weight} line(s) before {'the end' if nxt is None else 'a page break'}: {text_of(lines[0].element)!r}"
    if nxt is None:
        return
    last = lines[-1].element
    block = next((e for e in tree.ancestors(last) if e.tag in HEADINGS), None)
    if block is not None:
        yield "stranded", f"heading at the foot of the page: {text_of(block)!r}"
    elif (lead := lead_in(last, tree)) is not None and tree.firsts.get(lead[1], 0) > tree.firsts.get(lead[0], 0):
        yield "stranded", f"lead-in at the foot of the page, its {lead[1].tag} on the next: {text_of(lead[0])!r}"


def lead_in(element, tree: Tree):
    """(paragraph, what it introduces) when the element is in a paragraph introducing a table,
    figure, or (ending with a colon) a list; else None."""
    p = next((e for e in tree.ancestors(element) if e.tag == "p"), None)
    if p is None:
        return None
    nxt = tree.next_sibling(p)
    if nxt is None:
        return None
    if nxt.tag in ("table", "figure") or (nxt.tag in ("ul", "ol") and text_of(p, 10_000).endswith(":")):
        return p, nxt
    return None


def forced_break(page, nxt) -> bool:
    """Whether the next page starts because of a forced break (or another kind of page)."""
    if page.page_type.name != nxt.page_type.name:
        return True
    box = nxt
    while getattr(box, "children", None):
        box = next((c for c in box.children if not isinstance(c, boxes.MarginBox)), None)
        if box is None:
            break
        if box.style["break_before"] in FORCED:
            return True
    return False
