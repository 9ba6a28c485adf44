"""The walk over <body>: HTML blocks in, Word body content out, styled by reference.docx.

In: a reference .docx (its styles, page set-up and numbering are kept, its body emptied) and
elements of the <body>, each walked with a `Ctx`. Out: `Writer.doc`, a python-docx Document
whose body holds the headings, paragraphs, quotes, lists, bookmarks and landscape sections of
the HTML in order, the first paragraph after a table spaced from it as in the PDF. Tables,
figures and the contents list are written by `tables`, `figures` and `contents`, which call
back into the writer for paragraphs and cell content; each <ol> is numbered by `numbering`.
`finish()` refuses links to ids that no block carries and closes the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.section import Section
from lxml import etree

from wsoagen.render.docx import inline
from wsoagen.render.docx.contents import write_contents
from wsoagen.render.docx.context import Ctx, Item
from wsoagen.render.docx.figures import write_figure
from wsoagen.render.docx.inline import Fmt, Link, Piece, split_flow
from wsoagen.render.docx.numbering import Numbering
from wsoagen.render.docx.paragraphs import (
    RunWriter,
    add_bookmark_end,
    add_bookmark_start,
    bookmark_name,
    set_paragraph_properties,
)
from wsoagen.render.docx.reference import list_indent, table_look
from wsoagen.render.docx.subset import (
    BODY_BLOCKS,
    HEADINGS,
    ITEM_BLOCKS,
    QUOTE_BLOCKS,
    ReferenceUnusable,
    classes,
    css,
    elements,
    unsupported,
)
from wsoagen.render.docx.tables import write_table

EMU_PER_TWIP = 635
SPACE_AFTER_TABLE = 280  # twips: 14 pt, the bottom margin of the PDF's tables


class Writer:
    """One document being written: the python-docx Document and where the walk has got to."""

    def __init__(self, reference: Path):
        self.doc = docx.Document(str(reference))
        self.reference = reference
        self.body = self.doc.element.body
        self.body.clear_content()  # like pandoc, the reference gives styles, not content
        self.sect_pr = self.body.get_or_add_sectPr()  # the last section's; add_section keeps it last
        self._style_ids: dict[str, str | None] = {}
        self._bookmarks: set[str] = set()
        self._pending_bookmarks: list[str] = []
        self._open_ends: list[int] = []
        self._anchors: list[tuple[str, etree._Element]] = []
        self._next_bookmark = 0
        self.page_break = False  # before the next body paragraph
        self._emitted = False
        self.last_was_table = False
        self.after_table = False  # the next body paragraph gets SPACE_AFTER_TABLE before it
        self._landscape = False
        self._resume_portrait = False
        self.has_toc = False
        self.runs = RunWriter(self.style_id("Hyperlink", required=False))
        self.numbering = Numbering(self.doc)
        self.table_look = table_look(self.doc)
        self.list_indent = list_indent(self.doc)

    def style_id(self, name: str, required: bool = True) -> str | None:
        """The id of the reference's style called `name` (None if absent and not required)."""
        if name not in self._style_ids:
            try:
                self._style_ids[name] = self.doc.styles[name].style_id
            except KeyError:
                self._style_ids[name] = None
        if required and self._style_ids[name] is None:
            raise ReferenceUnusable(f"it has no style named {name!r}")
        return self._style_ids[name]

    # ---- flow and blocks

    def flow(self, el: etree._Element, ctx: Ctx) -> None:
        """Walk children: blocks become blocks, runs of inline content implicit paragraphs."""
        for part in split_flow(el):
            if not isinstance(part, list):
                self._block(part, ctx)
            elif part and (pieces := self.pieces(part, ctx.fmt)):
                self.paragraph(ctx, None, pieces)

    def _block(self, el: etree._Element, ctx: Ctx) -> None:
        tag = el.tag
        if tag not in ctx.blocks:
            raise _not_allowed(el)
        css(el)
        names = classes(el)
        if ctx.container is None and "new-page" in names and self._emitted:
            self.page_break = True  # (the first page needs no break)
        self.mark(el)
        if tag == "p":
            self._p(el, ctx, names)
        elif tag in HEADINGS:
            style = "Title" if tag == "h1" and "title" in names else f"Heading {HEADINGS[tag]}"
            self.paragraph(ctx, style, self.pieces([el], ctx.fmt, inner=True))
        elif tag in ("ul", "ol"):
            self._list(el, ctx)
        elif tag == "table":
            write_table(self, el, ctx)
        elif tag == "figure":
            write_figure(self, el, ctx)
        elif tag == "blockquote":
            self.flow(el, replace(ctx, para_style="Quote", blocks=QUOTE_BLOCKS))
        elif tag == "section" and "landscape" in names:
            self._landscape_section(el, ctx)
        elif tag == "nav" and "toc" in names:
            write_contents(self, el, ctx)
        else:  # a transparent container
            self.flow(el, ctx)

    def mark(self, el: etree._Element) -> None:
        """An id becomes a bookmark on the next paragraph written."""
        html_id = el.get("id")
        if not html_id:
            return
        name = bookmark_name(html_id)
        if name in self._bookmarks:
            raise unsupported(el, f"<{el.tag}> id {html_id!r} is used twice")
        self._bookmarks.add(name)
        self._pending_bookmarks.append(name)

    def _p(self, el: etree._Element, ctx: Ctx, names: set[str]) -> None:
        fmt = replace(ctx.fmt, size=20) if "small" in names else ctx.fmt
        style = "Subtitle" if "subtitle" in names else None
        pieces = self.pieces([el], fmt, inner=True)
        if pieces or self._pending_bookmarks:
            self.paragraph(ctx, style, pieces)

    # ---- paragraphs and runs

    def before_body_block(self) -> None:
        """Bookkeeping before a paragraph or table goes into the body."""
        if self._resume_portrait:
            self._resume_portrait = False
            self._new_section(landscape=False)
            self.page_break = False  # the section break already starts a new page
        self._emitted = True
        self.last_was_table = False

    def paragraph(self, ctx: Ctx, style: str | None, pieces: list[Piece], keep_next: bool = False):
        p = self.start_paragraph(ctx, style, keep_next)
        self.write_runs(p, pieces)
        self.end_paragraph(p)
        return p

    def start_paragraph(self, ctx: Ctx, style: str | None, keep_next: bool = False):
        """A new w:p at the end of ctx's container, carrying any bookmarks waiting for one."""
        if ctx.container is None:
            self.before_body_block()
        style, num_id = self._para_style(ctx, style)
        style_id = None if style == "Normal" else self.style_id(style)
        page_break = ctx.container is None and self.page_break
        if page_break:
            self.page_break = False
        space_before = self._space_after_table(style) if ctx.container is None and not page_break else None
        p = (self.body if ctx.container is None else ctx.container).add_p()
        set_paragraph_properties(p, style_id, keep_next, page_break, num_id, space_before)
        self._open_ends = []
        for name in self._pending_bookmarks:
            add_bookmark_start(p, self._next_bookmark, name)
            self._open_ends.append(self._next_bookmark)
            self._next_bookmark += 1
        self._pending_bookmarks = []
        return p

    def _space_after_table(self, style: str) -> int | None:
        """Twips of space before the first paragraph after a table, as the PDF's table margin
        (Word has no space after a table); None if the style has as much of its own already."""
        if not self.after_table:
            return None
        self.after_table = False
        own = self.doc.styles[style].paragraph_format.space_before
        return SPACE_AFTER_TABLE if own is None or own.twips < SPACE_AFTER_TABLE else None

    def end_paragraph(self, p) -> None:
        for bookmark_id in self._open_ends:
            add_bookmark_end(p, bookmark_id)
        self._open_ends = []

    def _para_style(self, ctx: Ctx, style: str | None) -> tuple[str, int | None]:
        item = ctx.item
        if style is None and item is not None:
            if not item.used:
                item.used = True
                return item.style, item.num_id
            return item.cont_style, None
        return style or ctx.para_style, None

    def write_runs(self, p, pieces: list[Piece]) -> None:
        self.runs.write(p, pieces)

    def pieces(self, nodes: list, fmt: Fmt, inner: bool = False) -> list[Piece]:
        """Inline pieces of strings and inline elements (or of one element's content)."""
        return inline.pieces(nodes, fmt, self._link, inner)

    def _link(self, a: etree._Element) -> Link:
        href = (a.get("href") or "").strip()
        if href.startswith("#") and len(href) > 1:
            name = bookmark_name(href[1:])
            self._anchors.append((name, a))
            return Link(anchor=name)
        if re.match(r"(?i)(https?://|mailto:|tel:)", href):
            return Link(rid=self.doc.part.relate_to(href, RT.HYPERLINK, is_external=True))
        raise unsupported(a, "<a> href must be #id, http://, https://, mailto: or tel:")

    # ---- lists

    def _list(self, el: etree._Element, ctx: Ctx) -> None:
        if ctx.item is not None and not ctx.item.used:
            self.paragraph(ctx, None, [])  # an item that opens with a nested list
        level = ctx.level + 1
        kind = "Bullet" if el.tag == "ul" else "Number"
        suffix = "" if level == 1 else f" {level}"
        style = f"List {kind}{suffix}"
        if self.style_id(style, required=False) is None:
            raise unsupported(el, f"<{el.tag}> nested {level} deep: reference.docx has no {style!r}")
        cont = f"List Continue{suffix}"
        if self.style_id(cont, required=False) is None:
            cont = style
        num_id = self.numbering.restart(style, el) if el.tag == "ol" else None
        for li in elements(el):
            if li.tag != "li":
                raise unsupported(li, f"<{li.tag}> is not allowed in <{el.tag}>")
            css(li)
            self.mark(li)
            item = Item(style, cont, num_id)
            item_ctx = Ctx(ctx.container, ITEM_BLOCKS, cont, ctx.fmt, item, level)
            self.flow(li, item_ctx)
            if not item.used:
                self.paragraph(item_ctx, None, [])

    # ---- sections

    def text_width(self) -> int:
        """Twips between the margins of the section being written."""
        section = Section(self.sect_pr, self.doc.part)
        return (section.page_width - section.left_margin - section.right_margin) // EMU_PER_TWIP

    def _landscape_section(self, el: etree._Element, ctx: Ctx) -> None:
        if ctx.container is not None or self._landscape:
            raise unsupported(el, "<section class=\"landscape\"> must be at the top level, not nested")
        if self._resume_portrait or self._emitted:
            self._resume_portrait = False
            self._new_section(landscape=True)
        else:  # nothing written yet: turn the first section instead of leaving a blank page
            self._orient(Section(self.sect_pr, self.doc.part), landscape=True)
        self.page_break = False  # the section break starts a new page already
        self._landscape = True
        self.flow(el, ctx)
        self._landscape = False
        self._resume_portrait = True  # lazily, so a document may end landscape

    def _new_section(self, landscape: bool) -> None:
        self._orient(self.doc.add_section(WD_SECTION.NEW_PAGE), landscape)
        self.last_was_table = self.after_table = False

    @staticmethod
    def _orient(section: Section, landscape: bool) -> None:
        width, height = section.page_width, section.page_height
        section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
        if (width < height) == landscape:
            section.page_width, section.page_height = height, width

    # ---- finishing

    def finish(self) -> None:
        """Refuse links to missing ids; end the body with a paragraph where Word needs one."""
        for name, a in self._anchors:
            if name not in self._bookmarks:
                raise unsupported(a, f"<a> links to {a.get('href')!r} but no block element has that id")
        if self.last_was_table or self._pending_bookmarks or not self._emitted:
            self._resume_portrait = False  # no blank portrait page after a closing landscape table
            self.after_table = False  # nor a page of its own for the closing paragraph's space
            self.paragraph(Ctx(container=None, blocks=BODY_BLOCKS), None, [])


def _not_allowed(el: etree._Element):
    if el.tag in BODY_BLOCKS:
        return unsupported(el, f"<{el.tag}> is not allowed inside this element (docs/html-subset.md)")
    return unsupported(el)
