"""Measure spanning tables: where their tables start, and how they lay out on endless pages.

In: the parsed document and its grids, and a render function. Out: names on the tables, rows and
cells (`mark`) to find their boxes; the document with the tables' body rows left out
(`skeleton(empty=True)`), whose layout gives each table's `Place` on the pages; the tables alone
on pages as wide as theirs and too tall to break (`tall_pages_css`), whose layout gives each
spanning cell's lines (`cell_lines`), padding and label height, and each row's position.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from lxml import html as lxml_html
from weasyprint import Document
from weasyprint.formatting_structure import boxes

from wsoagen.render.paginate.cut import chars
from wsoagen.render.paginate.grid import Grid, Line

Render = Callable[[str], Document]

TABLE, ROW, CELL = (f"data-wsoagen-{n}" for n in ("table", "row", "cell"))
PROBE = "wsoagen-probe"  # a hidden label at the top of a spanning cell, measured
TALL = 100_000  # CSS px: a page no table breaks on
SLACK = 1.0  # CSS px: rounding in WeasyPrint's layout


def mark(grids: list[Grid]) -> None:
    """Name the tables, rows and cells, so that their boxes can be found after layout."""
    for t, grid in enumerate(grids):
        grid.table.set(TABLE, str(t))
        for r, tr in enumerate(grid.rows):
            tr.set(ROW, f"{t}.{r}")
            for col, cell in grid.plain[r].items():
                cell.set(CELL, f"{t}.{r}.{col}")
        for k, span in enumerate(grid.spans):
            span.cell.set(CELL, f"{t}.s{k}")


def _normalised(grid: Grid, probes: bool = False):
    """The table as plain HTML tables are: one <tbody> per group, spans as rowspans; with
    `probes`, a spanning cell's label is laid out at its top, hidden and taking no room."""
    table = copy.copy(grid.table)
    for child in list(table):
        if child.tag in ("tbody", "tr", "tfoot"):
            table.remove(child)
    for group in grid.groups():
        tbody = lxml_html.Element("tbody")
        for r in group:
            tr = lxml_html.Element("tr", dict(grid.rows[r].attrib))
            starting = {s.col: s for s in grid.spans if s.first == r}
            for col in sorted({*starting, *grid.plain[r]}):
                if col in starting:
                    cell = copy.deepcopy(starting[col].cell)
                    cell.set("rowspan", str(starting[col].last - r + 1))
                    cell.attrib.pop("data-merge", None)
                    if probes and cell.get("data-continued"):
                        _probe(cell)
                else:
                    cell = copy.deepcopy(grid.plain[r][col])
                tr.append(cell)
            tbody.append(tr)
        table.append(tbody)
    return table


def _probe(cell) -> None:
    """Put the cell's label in a hidden block of no height at its top, to be measured."""
    probe = lxml_html.Element("div", {"class": PROBE, "style": "height: 0; visibility: hidden"})
    label = lxml_html.Element("p", {"class": "wsoagen-continued"})
    label.text = cell.get("data-continued")
    probe.append(label)
    probe.tail, cell.text = cell.text, None
    cell.insert(0, probe)


def skeleton(doc, grids: list[Grid], empty: bool):
    """A copy of the document with the spanning tables as plain HTML has them. `empty`: the whole
    document, the tables without body rows (where they start, how high their header is); else
    only the tables and the elements around them, which give them their width and styles."""
    skeleton = copy.deepcopy(doc)
    tables = {t.get(TABLE): t for t in skeleton.iter("table") if t.get(TABLE) is not None}
    for t, grid in enumerate(grids):
        old = tables[str(t)]
        new = _normalised(grid, probes=not empty)
        if empty:
            for child in [c for c in new if c.tag == "tbody"]:
                new.remove(child)
        old.getparent().replace(old, new)
    if empty:
        return skeleton
    keep = {a for t in skeleton.iter("table") if t.get(TABLE) is not None for a in t.iterancestors()}
    for parent in keep:
        parent.text = None
        for child in list(parent):
            if not isinstance(child.tag, str) or (child not in keep and child.get(TABLE) is None and child.tag != "head"):
                parent.remove(child)
    return skeleton


def serialise(doc) -> str:
    return lxml_html.tostring(doc, encoding="unicode", doctype="<!DOCTYPE html>")


def add_style(doc, css: str, first: bool) -> None:
    head = doc.find("head")
    style = lxml_html.Element("style")
    style.text = css
    head.insert(0, style) if first else head.append(style)


def walk(box) -> Iterator:
    """The box and what it holds, in order, without running heads, list markers and probes."""
    yield box
    for child in getattr(box, "children", None) or []:
        if isinstance(child, boxes.MarginBox) or "::" in (child.element_tag or ""):
            continue
        if child.element is not None and child.element_tag == "div" and child.element.get("class") == PROBE:
            continue
        yield from walk(child)


def label_height(cell) -> float:
    """The height of the label measured at the top of a laid-out spanning cell (0 if none)."""
    for child in cell.children:
        if child.element is not None and child.element.get("class") == PROBE:
            return sum(c.margin_height() for c in child.children)
    return 0.0


@dataclass
class Place:
    """Where a table's rows go on the pages: its first page (number, kind of page, width), the
    top of its first row there, the top of the first row on the pages after (below the repeated
    header), and the lowest its rows may reach."""

    page: int
    kind: str
    width: float
    first: float
    after: float
    bottom: float


def find_places(document: Document) -> dict[str, Place]:
    """Each spanning table's Place, from the document laid out with the tables' body rows left out."""
    places: dict[str, Place] = {}
    for number, page in enumerate(document.pages):
        box = page._page_box
        for table in (b for b in walk(box) if isinstance(b, boxes.TableBox) and b.element is not None):
            name = table.element.get(TABLE)
            if name is None or name in places:
                continue
            head = [g for g in table.children if isinstance(g, boxes.TableRowGroupBox) and g.is_header]
            height = sum(g.margin_height() for g in head)
            first = head[0].position_y + height if head else table.position_y
            after = box.content_box_y() + table.border_top_width + height  # a continued table has no top margin
            places[name] = Place(number, box.page_type.name, page.width, first, after, box.content_box_y() + box.height)
    return places


def tall_pages_css(places: dict[str, Place]) -> str:
    """@page rules giving every kind of page a table sits on its own width and endless height."""
    widths = {p.kind: p.width for p in sorted(places.values(), key=lambda p: p.page, reverse=True)}
    return "\n".join(f"@page {name} {{ size: {width}px {TALL}px !important; }}" for name, width in sorted(widths.items()))


def found_boxes(document: Document) -> dict[str, object]:
    """The box of each named table, row and cell."""
    found: dict[str, object] = {}
    for page in document.pages:
        for box in walk(page._page_box):
            if isinstance(box, (boxes.TableBox, boxes.TableCellBox, boxes.TableRowBox)) and box.element is not None:
                for attr in (TABLE, ROW, CELL):
                    if (name := box.element.get(attr)) is not None:
                        found.setdefault(f"{attr}={name}", box)
    return found


def cell_lines(cell, element) -> list[Line]:
    """The lines of a laid-out cell; one line for all of it if its text is not its source's."""
    lines, count = [], 0
    for line in (b for b in walk(cell) if isinstance(b, boxes.LineBox)):
        n = sum(chars(b.text) for b in walk(line) if isinstance(b, boxes.TextBox))
        lines.append(Line(line.position_y, line.position_y + line.height, count, count + n))
        count += n
    total = chars("".join(element.itertext()))
    if not lines or count != total:
        top, bottom = ink(cell)
        return [Line(top, bottom, 0, total)]
    return lines


def ink(box) -> tuple[float, float]:
    """The top and bottom of what the box shows (its lines and pictures)."""
    marks = [b for b in walk(box) if isinstance(b, (boxes.LineBox, boxes.ReplacedBox))]
    if not marks:
        return box.content_box_y(), box.content_box_y()
    return min(b.position_y for b in marks), max(b.position_y + b.height for b in marks)
