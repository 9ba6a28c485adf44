"""Turn HTML in wsoagen's documented subset into the bytes of a Word document (.docx).

The Jinja2 templates render one HTML document; WeasyPrint makes the PDF from it and this
package makes the DOCX from the same tree, taking every style from a reference.docx (pandoc's
reference-doc idea). The subset is described in docs/html-subset.md. Anything outside it
raises `UnsupportedHtml` instead of being dropped, so that Word and PDF say the same thing.

In: the HTML page as a string, the path of a reference.docx and whether Word should update
fields on opening (off: it would ask first). Out: .docx bytes, identical for identical input. The modules, in the order the work flows:

- `subset`: what HTML is allowed; parsing, <head> metadata, checks, `UnsupportedHtml`
- `inline`: inline HTML as run pieces (text, formatting, link), whitespace collapsed
- `metrics`, `measure`: how wide text is in Arial (Liberation Sans), how wide a cell's words are
- `layout`: pure table layout: the cell grid from rowspans and colspans, column widths
- `reference`: the table look and list indent the reference.docx gives
- `writer`: the walk over <body>: paragraphs, lists, bookmarks, landscape sections
- `numbering`: each <ol> its own count, in letters or numerals as the HTML asks
- `tables`, `figures`, `contents`: <table>, <figure> and <nav class="toc"> as Word XML
- `paragraphs`, `ooxml`: paragraph and run XML through python-docx's element classes
- `parts`: running header and footer, language, field updates (on request)
- `package`: core properties and reproducible zip bytes
"""

from __future__ import annotations

from pathlib import Path

from wsoagen.render.docx import package, parts
from wsoagen.render.docx.context import Ctx
from wsoagen.render.docx.package import normalise_zip
from wsoagen.render.docx.subset import BODY_BLOCKS, UnsupportedHtml, parse, read_head
from wsoagen.render.docx.writer import Writer

__all__ = ["UnsupportedHtml", "html_to_docx", "normalise_zip"]


def html_to_docx(html: str, reference: Path, update_fields: bool = False) -> bytes:
    """Turn `html` (the documented subset) into .docx bytes styled by `reference`.

    `update_fields`: ask Word to update the fields on opening, which fills in the contents' page
    numbers but makes Word ask first ("This document contains fields that may refer to other
    files..."). Off by default: the contents carry their headings without page numbers, and
    "Update field" in Word adds them.
    """
    root = parse(html)
    meta = read_head(root)
    writer = Writer(Path(reference))
    body = root.find("body")
    if body is not None:
        writer.flow(body, Ctx(container=None, blocks=BODY_BLOCKS))
    writer.finish()
    doc = writer.doc
    if meta.running_header is not None:
        parts.add_running_header(doc, meta.running_header)
    if meta.lang:
        parts.set_language(doc, meta.lang)
    if update_fields and writer.has_toc:
        parts.update_fields_on_open(doc)
    package.set_core_properties(doc, meta)
    return package.docx_bytes(doc)
