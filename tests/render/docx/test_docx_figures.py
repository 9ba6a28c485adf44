"""figures: pictures with alt text and captions, capped to the text width; SVG via its PNG."""

from __future__ import annotations

import base64

import pytest
from docx_helpers import A4_TEXT_WIDTH_EMU, open_body, png_uri, render, styles

from wsoagen.render.docx import UnsupportedHtml


def test_figure_becomes_picture_with_alt_text_and_caption():
    doc = open_body(
        f'<figure><img src="{png_uri(400, 200)}" alt="Bar chart of EHCP timeliness" width="300">'
        "<figcaption>Figure 1: <em>EHCP</em> timeliness</figcaption></figure>"
    )
    pictures = doc.inline_shapes
    assert len(pictures) == 1
    assert pictures[0].width == 300 * 9525 and pictures[0].height == 150 * 9525
    doc_pr = pictures[0]._inline.docPr
    assert doc_pr.get("descr") == doc_pr.get("title") == "Bar chart of EHCP timeliness"
    assert styles(doc)[1] == ("Caption", "Figure 1: EHCP timeliness")
    assert doc.paragraphs[0].paragraph_format.keep_with_next


def test_wide_picture_is_capped_to_the_text_width():
    doc = open_body(f'<figure><img src="{png_uri(2000, 1000)}" alt="wide"></figure>')
    shape = doc.inline_shapes[0]
    assert shape.width == A4_TEXT_WIDTH_EMU and abs(shape.height - A4_TEXT_WIDTH_EMU // 2) <= 1


def test_svg_uses_its_png_fallback():
    svg = "data:image/svg+xml;base64," + base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").decode()
    doc = open_body(f'<figure><img src="{svg}" data-png="{png_uri()}" alt="chart"></figure>')
    assert len(doc.inline_shapes) == 1
    with pytest.raises(UnsupportedHtml, match="data-png"):
        render(f'<figure><img src="{svg}" alt="chart"></figure>')

