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
   spanning cells run on past its own cells, one per two lines or so of their text, each as high
   as on the endless page;
3. flow: a spanning cell's text is cut between lines, each band showing the lines that start
   beside it, in a block that takes no room, where the endless page had them; the parts are
   joined by a hidden border, so the table looks as it did, and no row is ever split. A band
   that opens a page starts each continued cell with its `data-continued` text ("1.2
   (continued)") and is made taller for it;
4. pages: the bands that open pages are worked out, and the document laid out; if other bands
   opened pages (a label makes its band taller), it is laid out again with those, until they agree.

A document without such tables is laid out once, from its HTML as given. A cell whose text the
layout shows differently from its source (generated text, text-transform) moves as a whole, and
a band taller than a page is left to WeasyPrint to split. The modules, in order:

- `grid`: an HTML table's grid (rowspan, colspan, data-merge="up")
- `cut`: a cell's content cut between two characters
- `measure`: names on tables, rows and cells; the two measuring layouts and what they give
- `bands`: rows without spans from the measured table
- `flow`: each band's height and part of each spanning cell, given the bands that open pages
- `printed`: the print table's HTML
- `pages`: the layouts chained, the bands that open pages guessed and checked
"""

from wsoagen.render.paginate.pages import layout

__all__ = ["layout"]
