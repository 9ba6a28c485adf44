"""An HTML <figure> as Word paragraphs: the picture inline, then its caption.

In: the writer and a <figure> holding <img> (a PNG or JPEG data: URI, or an SVG with a
data-png fallback; alt required; optional width and height in pixels) and <figcaption>.
Out: a paragraph with the picture sized in EMU and capped to the text width, its alt text as
the drawing's description and title (python-docx has no API for those: docPr attributes set
here), kept with a following Caption paragraph.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from docx.image.exceptions import UnrecognizedImageError
from docx.image.image import Image
from docx.oxml.shape import CT_Inline
from docx.shared import Twips

from wsoagen.render.docx.subset import elements, image_bytes, px, unsupported

if TYPE_CHECKING:
    from lxml import etree

    from wsoagen.render.docx.context import Ctx
    from wsoagen.render.docx.writer import Writer

EMU_PER_PX = 9525  # 914400 EMU per inch / 96 px per inch


def write_figure(writer: Writer, el: etree._Element, ctx: Ctx) -> None:
    children = list(elements(el))
    for index, child in enumerate(children):
        if child.tag == "img":
            captioned = any(c.tag == "figcaption" for c in children[index + 1 :])
            _picture(writer, child, ctx, keep_next=captioned)
        elif child.tag == "figcaption":
            writer.paragraph(ctx, "Caption", writer.pieces([child], ctx.fmt, inner=True))
        else:
            why = f"<{child.tag}> is not allowed in <figure> (only <img> and <figcaption>)"
            raise unsupported(child, why)


def _picture(writer: Writer, img: etree._Element, ctx: Ctx, keep_next: bool) -> None:
    alt = img.get("alt")
    if alt is None:
        raise unsupported(img, "<img> needs an alt attribute (alt=\"\" if decorative)")
    blob = image_bytes(img)
    try:
        image = Image.from_blob(blob)
    except UnrecognizedImageError:
        raise unsupported(img, "<img> data is not a readable PNG or JPEG") from None
    width_px = px(img, "width") or image.px_width
    height_px = px(img, "height") or width_px * image.px_height / image.px_width
    cx, cy = width_px * EMU_PER_PX, height_px * EMU_PER_PX
    max_cx = Twips(writer.text_width())  # in EMU
    if cx > max_cx:
        cx, cy = max_cx, cy * max_cx / cx
    part = writer.doc.part
    rid, image = part.get_or_add_image(io.BytesIO(blob))
    inline = CT_Inline.new_pic_inline(part.next_id, rid, image.filename, int(cx), int(cy))
    inline.docPr.set("descr", alt)
    inline.docPr.set("title", alt)
    p = writer.start_paragraph(ctx, None, keep_next)
    p.add_r().add_drawing(inline)
    writer.end_paragraph(p)
