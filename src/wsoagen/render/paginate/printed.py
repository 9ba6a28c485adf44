"""Write bands as the print table: rows without spans, parts of a cell joined, labels on new pages.

In: the parsed document, its grids and bands, and the bands that open a page. Out: `print_html`,
the document's HTML for WeasyPrint: each spanning table with its columns as wide as measured (so
its text breaks into the same lines), a <tr> per band as high as measured (and room for the
labels where it opens a page), the parts of a spanning cell joined by a hidden border
(`wsoagen-cont`), and where a band opens a page, the cell's `data-continued` text at its top.
"""

from __future__ import annotations

import copy

from lxml import html as lxml_html

from wsoagen.render.paginate.bands import Band
from wsoagen.render.paginate.cut import add_class, cut
from wsoagen.render.paginate.grid import Grid, Span, number
from wsoagen.render.paginate.measure import CELL, ROW, SLACK, TABLE, add_style, serialise

BAND = "data-wsoagen-band"
PRINT_CSS = f"""
tr[{BAND}] {{ break-inside: avoid; }}
td.wsoagen-cont, th.wsoagen-cont {{ border-top-style: hidden !important; padding-top: 0 !important; }}
td.wsoagen-more, th.wsoagen-more {{ padding-bottom: 0 !important; }}
.wsoagen-head {{ margin-bottom: 0 !important; padding-bottom: 0 !important; }}
.wsoagen-lead {{ margin-top: 0 !important; padding-top: 0 !important; }}
.wsoagen-rest {{ margin-top: 0 !important; padding-top: 0 !important; text-indent: 0 !important; }}
li.wsoagen-rest {{ list-style-type: none !important; }}
li.wsoagen-rest::marker {{ content: none; }}
p.wsoagen-continued {{ font-style: italic; font-weight: normal; color: #505a5f; margin: 0 0 2pt; overflow-wrap: break-word; }}
"""


def _piece(span: Span, part: tuple[int, int, float] | None, first: bool, opens_page: bool):
    """The part of a spanning cell shown in one band. After the first, its text goes in a
    div.wsoagen-piece placed where the endless page had it (a line across the border is drawn
    up into the band above), or, on a new page, at the top below the cell's label."""
    cell = cut(span.cell, part[0], part[1]) if part else None
    if cell is None:
        cell = lxml_html.Element(span.cell.tag, dict(span.cell.attrib))
    for name in ("rowspan", "data-merge", CELL, *(() if first else ("id",))):
        cell.attrib.pop(name, None)
    classes = [c for c in (cell.get("class") or "").split() if c not in ("wsoagen-head", "wsoagen-rest")]
    cell.set("class", " ".join(classes)) if classes else cell.attrib.pop("class", None)
    if first:
        return cell
    piece = lxml_html.Element("div", {"class": "wsoagen-piece"})
    piece.text, cell.text = cell.text, None
    for child in list(cell):
        piece.append(child)
    _lead(piece)
    if opens_page and span.cell.get("data-continued"):
        p = lxml_html.Element("p", {"class": "wsoagen-continued"})
        p.text = span.cell.get("data-continued")
        cell.append(p)
    elif not opens_page and part and part[2]:
        piece.set("style", f"margin-top: {part[2]:.2f}px")
    cell.append(piece)
    return cell


def _lead(element) -> None:
    """Mark the elements that open a piece (wsoagen-lead: no top margin or padding), so that its
    first line starts at its top."""
    while not (element.text or "").strip():
        children = [c for c in element if isinstance(c.tag, str)]
        if not children:
            return
        element = add_class(children[0], "wsoagen-lead")


def _end(element) -> None:
    """Mark the elements that close a piece continued in the next band (wsoagen-head: no bottom
    margin or padding), so that it ends with its last line."""
    while (children := [c for c in element if isinstance(c.tag, str)]) and not (children[-1].tail or "").strip():
        element = add_class(children[-1], "wsoagen-head")


def _band_row(grid: Grid, band: Band, name: str, opens_page: bool, more: set[int]):
    """One <tr> of the print table, as high as the band on the endless page, plus the room its
    labels take if it opens a page; `more` holds the spans continued in the next band."""
    tr = lxml_html.Element("tr", {k: v for k, v in grid.rows[band.owner].attrib.items()
                                  if k != ROW and (k != "id" or band.row is not None)})
    tr.set(BAND, name)
    tr.set("style", ";".join(filter(None, [tr.get("style"), f"height: {band_height(grid, band, opens_page)}px"])))
    col = 0
    while col < grid.columns:
        span = next((k for k in grid.beside(band.owner) if grid.spans[k].col == col), None)
        own = grid.plain[band.owner].get(col)
        if span is not None:
            s = grid.spans[span]
            first = band.row == s.first
            cell = _piece(s, band.parts.get(span), first, opens_page)
            if span in more:
                _end(cell)
                add_class(cell, "wsoagen-more")
            width, joined = s.colspan, not first
        elif own is not None and band.row is not None:
            cell, width, joined = copy.deepcopy(own), number(own, "colspan"), False
            cell.attrib.pop(CELL, None)
        else:
            width = number(own, "colspan") if own is not None else 1
            cell, joined = lxml_html.Element("td", {"colspan": str(width)} if width > 1 else {}), band.row is None
        tr.append(add_class(cell, "wsoagen-cont") if joined and not opens_page else cell)
        col += width
    return tr


def band_height(grid: Grid, band: Band, opens_page: bool) -> float:
    """The height a band is given (CSS px, rounded as written in the HTML)."""
    return round(band.height + (_label_room(grid, band) if opens_page else 0.0), 2)


def _label_room(grid: Grid, band: Band) -> float:
    """How much taller a band gets when it opens a page: its continued cells start with their
    padding and their label (as high as measured) instead of where the endless page
    had them, and the bands after it must stay where they were relative to it. A little more
    than that, so that its height is the one asked for (`predict` counts on it)."""
    room = 0.0
    for k in grid.beside(band.owner):
        span = grid.spans[k]
        if band.row != span.first and span.lines:
            # its text moves down by this much; a cell holding only its label must just fit in
            moved = span.pad + span.label - (band.parts[k][2] if k in band.parts else band.height)
            room = max(room, moved)
    return room + 2 * SLACK if room else 0.0


def _print_table(grid: Grid, t: int, bands: list[list[Band]], opening: frozenset[str]):
    """The table as print shows it: its columns as wide as on the endless page (so that its text
    breaks into the same lines), a <tbody> per group of bands."""
    table = copy.copy(grid.table)
    for child in list(table):
        if child.tag in ("tbody", "tr", "colgroup", "col"):
            table.remove(child)
    colgroup = lxml_html.Element("colgroup")
    for width in grid.widths:
        colgroup.append(lxml_html.Element("col", {"style": f"width: {width}px"}))
    table.insert(1 if len(table) and table[0].tag == "caption" else 0, colgroup)
    table.set("style", ";".join(filter(None, [table.get("style"), "table-layout: fixed", f"width: {sum(grid.widths)}px"])))
    n = 0
    for group in bands:
        tbody = lxml_html.Element("tbody")
        for i, band in enumerate(group):
            after = group[i + 1] if i + 1 < len(group) else None  # (whichever page it is on: see layout)
            more = {k for k in grid.beside(band.owner) if after is not None and after.row != grid.spans[k].first
                    and grid.spans[k].first <= after.owner <= grid.spans[k].last}
            tbody.append(_band_row(grid, band, f"{t}.{n}", f"{t}.{n}" in opening, more))
            n += 1
        table.append(tbody)
    return table


def print_html(doc, grids: list[Grid], bands: list[list[list[Band]]], opening: frozenset[str]) -> str:
    printed = copy.deepcopy(doc)
    tables = {t.get(TABLE): t for t in printed.iter("table") if t.get(TABLE) is not None}
    for t, grid in enumerate(grids):
        old = tables[str(t)]
        old.getparent().replace(old, _print_table(grid, t, bands[t], opening))
    add_style(printed, PRINT_CSS, first=True)
    return serialise(printed)
