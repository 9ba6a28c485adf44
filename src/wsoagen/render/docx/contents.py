"""<nav class="toc"> as a Word table-of-contents field.

In: the writer and a <nav class="toc"> holding an optional heading and an <ol> of entries
`<li><a href="#id">Title</a> [<ol>...</ol>]</li>`, two levels deep at most. Out: the heading in
TOC Heading (so the contents do not list themselves), then one paragraph per entry in TOC 1 or
TOC 2 linking to the entry's bookmark, all inside one TOC field (begin in the first paragraph,
end in the last) whose cached result they are: the contents read right without updating, with
no page numbers until "Update field" in Word (or `update_fields`, which sets w:updateFields in
the settings when `writer.has_toc`) adds them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from wsoagen.render.docx.inline import Fmt
from wsoagen.render.docx.paragraphs import add_field_begin, add_field_end
from wsoagen.render.docx.subset import HEADINGS, elements, unsupported

if TYPE_CHECKING:
    from lxml import etree

    from wsoagen.render.docx.context import Ctx
    from wsoagen.render.docx.writer import Writer

TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '


def write_contents(writer: Writer, nav: etree._Element, ctx: Ctx) -> None:
    heading, ol = None, None
    for child in elements(nav):
        if child.tag in HEADINGS and heading is None and ol is None:
            heading = child
        elif child.tag == "ol" and ol is None:
            ol = child
        else:
            raise unsupported(child, f"<{child.tag}> is not allowed in <nav class=\"toc\">")
    if heading is not None:
        _heading(writer, heading, ctx)
    entries = list(_entries(writer, ol, 1)) if ol is not None else []
    if not entries:
        entries = [(1, [])]
    for index, (level, pieces) in enumerate(entries):
        style = f"TOC {level}" if writer.style_id(f"TOC {level}", required=False) else None
        p = writer.start_paragraph(ctx, style)
        if index == 0:
            add_field_begin(p, TOC_INSTRUCTION)
        writer.write_runs(p, pieces)
        if index == len(entries) - 1:
            add_field_end(p)
        writer.end_paragraph(p)
    writer.has_toc = True


def _heading(writer: Writer, heading: etree._Element, ctx: Ctx) -> None:
    writer.mark(heading)
    style = "TOC Heading"  # so that the contents do not list their own heading
    if writer.style_id(style, required=False) is None:
        style = f"Heading {HEADINGS[heading.tag]}"
    writer.paragraph(ctx, style, writer.pieces([heading], ctx.fmt, inner=True))


def _entries(writer: Writer, ol: etree._Element, level: int):
    """(level, pieces) for each <li><a href="#id">Title</a> [<ol>...</ol>]</li>."""
    if level > 2:
        raise unsupported(ol, "<ol> the contents list goes two levels deep at most")
    for li in elements(ol):
        if li.tag != "li":
            raise unsupported(li, f"<{li.tag}> is not allowed in the contents list")
        links = [c for c in elements(li) if c.tag == "a"]
        others = [c for c in elements(li) if c.tag not in ("a", "ol")]
        if len(links) != 1 or others or not (links[0].get("href") or "").startswith("#"):
            raise unsupported(li, "<li> a contents entry is one <a href=\"#id\"> and an optional <ol>")
        pieces = writer.pieces(links, Fmt())
        # TOC entries look like Word's own (\h links without the Hyperlink style)
        yield level, [(t, replace(f, link=False), lk) for t, f, lk in pieces]
        for sub in (c for c in elements(li) if c.tag == "ol"):
            yield from _entries(writer, sub, level + 1)
