"""parts: the running header and "Page X of Y" footer in every section but on the first page."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx_helpers import open_body


def test_running_header_and_page_x_of_y_footer_in_every_section():
    doc = open_body(
        '<p>One</p><section class="landscape"><h2>Two</h2></section><p>Three</p>',
        head='<meta name="wsoagen:running-header" content="Testshire WSOA">',
    )
    for section in doc.sections:
        assert section.header.paragraphs[0].text == "Testshire WSOA"
        footer = section.footer.paragraphs[0]
        instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert footer.text.startswith("Page ") and " of " in footer.text



def test_first_page_has_no_header_or_footer_as_in_the_pdf():
    doc = open_body(
        '<h1 class="title">Cover</h1><p class="new-page">Two</p><section class="landscape"><h2>Three</h2></section>',
        head='<meta name="wsoagen:running-header" content="Testshire WSOA">',
    )
    first, *later = doc.sections
    assert first.different_first_page_header_footer
    assert [p.text for p in first.first_page_header.paragraphs] == [""]
    assert [p.text for p in first.first_page_footer.paragraphs] == [""]
    assert first.header.paragraphs[0].text == "Testshire WSOA"
    assert later and not any(s.different_first_page_header_footer for s in later)
