"""Write bands as the print table: rows without spans, parts of a cell joined, labels on new pages.

In: the parsed document, its grids and bands, and the bands that open a page. Out: `print_html`,
the document's HTML for WeasyPrint: each spanning table with its columns as wide as measured (so
its text breaks into the same lines), a <tr> per band as high as measured (and room for the
labels where it opens a page), the parts of a spanning cell in blocks that take no room, placed
where the endless page had them and joined by a hidden border (`wsoagen-cont`), and where a band
opens a page, the cell's `data-continued` text at its top.
"""

from __future__ import annotations

import copy

from lxml import html as lxml_html

from wsoagen.render.paginate.bands import Band
from wsoagen.render.paginate.cut import add_class, cut
from wsoagen.render.paginate.flow import Flow
from wsoagen.render.paginate.grid import Grid, Span, number
from wsoagen.render.paginate.measure import CELL, ROW, TABLE, add_style, serialise

BAND = "data-wsoagen-band"
PRINT_CSS = f"""
tr[{BAND}] {{ break-inside: avoid; }}
td.wsoagen-cont, th.wsoagen-cont {{ border-top-style: hidden !important; padding-top: 0 !important; }}
div.wsoagen-piece {{ height: 0; overflow: visible; }}
.wsoagen-head {{ margin-bottom: 0 !important; padding-bottom: 0 !important; }}
.wsoagen-lead {{ margin-top: 0 !important; padding-top: 0 !important; }}
.wsoagen-rest {{ margin-top: 0 !important; padding-top: 0 !important; text-indent: 0 !important; }}
li.wsoagen-rest {{ list-style-type: none !important; }}
li.wsoagen-rest::marker {{ content: none; }}
p.wsoagen-continued {{ font-style: italic; font-weight: normal; color: #505a5f; margin: 0 0 2pt; overflow-wrap: break-word; }}
"""


def _piece(span: Span, part: tuple[int, int, float], first: bool, opens_page: bool):
    """The part of a spanning cell shown in one band: characters [start, end), in a div that
    takes no room (the band's height is set) placed where the endless page had them (`part`'s
    third item: how far below the band's top), or at the top below the cell's label."""
    cell = cut(span.cell, part[0], part[1])
    if cell is None:
        cell = lxml_html.Element(span.cell.tag, dict(span.cell.attrib))
    for name in ("rowspan", "data-merge", CELL, *(() if first else ("id",))):
        cell.attrib.pop(name, None)
    classes = [c for c in (cell.get("class") or "").split() if c not in ("wsoagen-head", "wsoagen-rest")]
    cell.set("class", " ".join(classes)) if classes else cell.attrib.pop("class", None)
    piece = lxml_html.Element("div", {"class": "wsoagen-piece wsoagen-first" if first else "wsoagen-piece"})
    piece.text, cell.text = cell.text, None
    for child in list(cell):
        piece.append(child)
    if not first:
        _lead(piece)
    if opens_page and not first and span.cell.get("data-continued"):
        p = lxml_html.Element("p", {"class": "wsoagen-continued"})
        p.text = span.cell.get("data-continued")
        cell.append(p)
    elif not opens_page and not first and part[2]:
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


def _band_row(grid: Grid, band: Band, name: str, opens_page: bool, height: float, parts: dict[int, tuple[int, int, float] | None]):
    """One <tr> of the print table, `height` high (see `flow`); `parts` gives each spanning
    cell's part here."""
    tr = lxml_html.Element("tr", {k: v for k, v in grid.rows[band.owner].attrib.items()
                                  if k != ROW and (k != "id" or band.row is not None)})
    tr.set(BAND, name)
    tr.set("style", ";".join(filter(None, [tr.get("style"), f"height: {height}px"])))
    col = 0
    while col < grid.columns:
        span = next((k for k in grid.beside(band.owner) if grid.spans[k].col == col), None)
        own = grid.plain[band.owner].get(col)
        if span is not None:
            s = grid.spans[span]
            first = band.row == s.first
            cell = _piece(s, parts.get(span) or (0, 0, 0.0), first, opens_page)
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
    flow = Flow.of(grid, bands)
    names = [f"{t}.{n}" for n in range(len(flow.bands))]
    heights = [flow.advance(n, name in opening) for n, name in enumerate(names)]
    parts = flow.parts()
    n = 0
    for group in bands:
        tbody = lxml_html.Element("tbody")
        for band in group:
            tbody.append(_band_row(grid, band, names[n], names[n] in opening, heights[n], parts[n]))
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
