"""Turn HTML in wsoagen's documented subset into the bytes of a Word document (.docx).

The Jinja2 templates render one HTML document; WeasyPrint makes the PDF from it and this
package makes the DOCX from the same tree, taking every style from a reference.docx (pandoc's
reference-doc idea). The subset is described in docs/html-subset.md. Anything outside it
raises `UnsupportedHtml` instead of being dropped, so that Word and PDF say the same thing.
A reference.docx that cannot be opened or lacks a style the writer needs (a house style's is
code from the plan repository) is a `PlanError` positioned at that file [house-style].

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

import zipfile
from pathlib import Path

from docx.opc.exceptions import OpcError
from lxml import etree

from wsoagen.diagnostics import Diagnostics, PlanError
from wsoagen.render.docx import package, parts
from wsoagen.render.docx.context import Ctx
from wsoagen.render.docx.package import normalise_zip
from wsoagen.render.docx.subset import BODY_BLOCKS, ReferenceUnusable, UnsupportedHtml, parse, read_head
from wsoagen.render.docx.writer import Writer

HOUSE_STYLE = "house-style"  # the rule id of a house style's faults

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
    try:
        writer = Writer(Path(reference))
    except (OpcError, zipfile.BadZipFile, etree.LxmlError, KeyError, AttributeError, ValueError, OSError) as exc:
        # python-docx fails in many ways on a file that is not a whole .docx: empty, random, a
        # part missing or cut short.
        raise unusable(reference, _unreadable(Path(reference), exc)) from None
    body = root.find("body")
    try:
        if body is not None:
            writer.flow(body, Ctx(container=None, blocks=BODY_BLOCKS))
        writer.finish()
    except ReferenceUnusable as exc:
        raise unusable(reference, str(exc)) from None
    doc = writer.doc
    if meta.running_header is not None:
        parts.add_running_header(doc, meta.running_header)
    if meta.lang:
        parts.set_language(doc, meta.lang)
    if update_fields and writer.has_toc:
        parts.update_fields_on_open(doc)
    package.set_core_properties(doc, meta)
    return package.docx_bytes(doc)


def _unreadable(reference: Path, exc: Exception) -> str:
    try:
        if reference.stat().st_size == 0:
            return "it is empty"
        if not zipfile.is_zipfile(reference):
            return "it is not a Word (.docx) file"
    except OSError as err:
        return f"it cannot be read ({err.strerror or err})"
    return f"a part of it is missing or damaged ({type(exc).__name__}: {str(exc)[:120]})"


def unusable(reference: Path | str, why: str) -> PlanError:
    """The error for a reference.docx the writer cannot use: at the file, saying why."""
    diags = Diagnostics()
    diags.error(reference, (0, 0), f"{Path(reference).name} cannot be used to write Word documents: {why}; "
                "start from wsoagen's own (templates/default/reference.docx) and change its styles", HOUSE_STYLE)
    return PlanError(diags)
