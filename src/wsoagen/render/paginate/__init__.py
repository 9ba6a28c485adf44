"""Turn tables whose cells span rows into rows WeasyPrint can break between, and label what continues.

In: a document's HTML and `render(html) -> weasyprint.Document` (pdf.py's: fonts, fetcher, options).
Out: `layout(html, render)`, the laid-out Document to write as PDF.

WeasyPrint lays a cell spanning rows out in its first row: when a page break falls inside the
span, the cell's text runs out of the table and a sliver of the split row opens the next page.
Word breaks merged cells well and the HTML edition has no pages, so only print changes, in a
copy of the HTML:

1. measure: the document is laid out without the tables' body rows (where each table starts),
   and the tables alone on pages as wide as theirs and too tall to break, where WeasyPrint lays
   spanning cells out well;
2. bands: each such table becomes rows without spans, one per body row and, below a row whose
   spanning cells run on past its own cells, one per two lines or so of their text. A spanning
   cell's text is cut between lines, each part going to the band it was laid out beside, and
   the parts are joined by a hidden border: the table looks as on the endless page, and its
   rows never split;
3. pages: the bands that open pages are worked out, and the document laid out with the cell's
   `data-continued` text ("1.2 (continued)") at the top of each part that opens a page; if a
   label moved a page break, it is laid out again until the bands that open pages agree.

A document without such tables is laid out once, from its HTML as given. A cell whose text the
layout shows differently from its source (generated text, text-transform) moves as a whole;
a single line or row taller than a page is left to WeasyPrint. The modules, in order:

- `grid`: an HTML table's grid (rowspan, colspan, data-merge="up")
- `cut`: a cell's content cut between two characters
- `measure`: names on tables, rows and cells; the two measuring layouts and what they give
- `bands`: rows without spans from the measured table
- `printed`: the print table's HTML
- `pages`: the layouts chained, the bands that open pages guessed and checked
"""

from wsoagen.render.paginate.pages import layout

__all__ = ["layout"]
