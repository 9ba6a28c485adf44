"""Lay out a document whose tables have spanning cells: measure, band, guess the pages, check.

In: HTML and a render function. Out: `layout(html, render)`, the laid-out Document. The bands
that open pages are worked out from where each table starts and how high its bands are
(`predict`), then the document is laid out with labels there; if other bands open pages, it is
laid out again with those (a label makes its band higher) until they agree.
"""

from __future__ import annotations

from lxml import html as lxml_html
from weasyprint import Document
from weasyprint.formatting_structure import boxes

from wsoagen.render.paginate.bands import Band, bands_of
from wsoagen.render.paginate.flow import Flow
from wsoagen.render.paginate.grid import Grid, build_grid
from wsoagen.render.paginate.measure import TABLE, Place, Render, add_style, find_places, found_boxes, mark, serialise, skeleton, tall_pages_css, walk
from wsoagen.render.paginate.printed import BAND, PRINT_CSS, print_html

MAX_ROUNDS = 6


def opening_bands(document: Document) -> frozenset[str]:
    """The bands that open a page: the first body row of a table continued from an earlier page,
    unless WeasyPrint split it (a band taller than a page) and it is there already."""
    opening, seen, tables = set(), set(), set()
    for page in document.pages:
        shown = set()
        for box in walk(page._page_box):
            if isinstance(box, boxes.TableBox) and box.element is not None:
                rows = [r for g in box.children if isinstance(g, boxes.TableRowGroupBox) and not g.is_header
                        for r in g.children if r.element is not None]
                name = rows[0].element.get(BAND) if rows else None
                if name is not None and name not in seen and box.element.get(TABLE) in tables:
                    opening.add(name)
                tables.add(box.element.get(TABLE))
                shown |= {r.element.get(BAND) for r in rows}
        seen |= shown
    return frozenset(opening)


def predict(grids: list[Grid], bands: list[list[list[Band]]], places: dict[str, Place]) -> frozenset[str]:
    """The bands that will open pages, bands being as high as `flow` makes them, from where each
    table starts. Only a first guess: layout checks it."""
    opening = set()
    for t, grid in enumerate(grids):
        place = places.get(str(t))
        if place is None:
            continue
        flow = Flow.of(grid, bands[t])
        y = place.first
        for n, band in enumerate(flow.bands):
            opens = n > 0 and y + round(band.height, 2) > place.bottom * (1 + 1e-9)  # WeasyPrint's test
            if opens:
                opening.add(f"{t}.{n}")
                y = place.after
            y += flow.advance(n, opens)
    return frozenset(opening)


def layout(html: str, render: Render) -> Document:
    """Lay the document out with spanning tables broken into labelled bands (see the module docstring)."""
    doc = lxml_html.document_fromstring(html)
    grids = [g for g in (build_grid(t) for t in doc.iter("table")) if g.spans]
    if not grids:
        return render(html)
    mark(grids)
    places = find_places(render(serialise(skeleton(doc, grids, empty=True))))
    measure = skeleton(doc, grids, empty=False)
    add_style(measure, PRINT_CSS, first=True)
    add_style(measure, tall_pages_css(places), first=False)
    found = found_boxes(render(serialise(measure)))
    bands = [bands_of(grid, t, found) for t, grid in enumerate(grids)]
    opening = predict(grids, bands, places)
    for _ in range(MAX_ROUNDS):
        document = render(print_html(doc, grids, bands, opening))
        now = opening_bands(document)
        if now == opening:
            break
        opening = now
    return document
