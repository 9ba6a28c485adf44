"""writer: headings, paragraphs, bookmarks, lists, page breaks and landscape sections."""

from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx_helpers import open_body, render, styles

from wsoagen.render.docx import UnsupportedHtml


def test_headings_title_subtitle_and_paragraph_styles():
    doc = open_body(
        '<header><h1 class="title">The plan</h1><p class="subtitle">In response</p></header>'
        "<main><h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><p>Body</p>"
        '<blockquote><p>Said</p></blockquote><p class="small">Fine print</p></main>'
    )
    assert styles(doc) == [
        ("Title", "The plan"), ("Subtitle", "In response"), ("Heading 1", "One"), ("Heading 2", "Two"),
        ("Heading 3", "Three"), ("Heading 4", "Four"), ("Normal", "Body"), ("Quote", "Said"),
        ("Normal", "Fine print"),
    ]
    assert doc.paragraphs[-1].runs[0].font.size.pt == 10


def test_heading_ids_become_bookmarks_and_anchor_links_target_them():
    doc = open_body('<h2 id="governance">Governance</h2><p><a href="#governance">See governance</a></p>')
    start = doc.paragraphs[0]._p.find(qn("w:bookmarkStart"))
    assert start.get(qn("w:name")) == "governance"
    assert doc.paragraphs[0]._p.find(qn("w:bookmarkEnd")).get(qn("w:id")) == start.get(qn("w:id"))
    link = doc.paragraphs[1].hyperlinks[0]
    assert (link.fragment, link.text) == ("governance", "See governance")


def test_link_to_a_missing_id_is_refused():
    with pytest.raises(UnsupportedHtml, match=r"<a> links to '#nowhere'"):
        render('<p><a href="#nowhere">x</a></p>')


def test_lists_styles_levels_and_numbering_restart():
    doc = open_body(
        "<ul><li>one</li><li><p>two</p><p>two more</p><ul><li>nested</li></ul></li></ul>"
        "<ol><li>first<ol><li>sub</li></ol></li><li>second</li></ol>"
        '<ol start="5"><li>fifth</li></ol>'
    )
    assert styles(doc) == [
        ("List Bullet", "one"), ("List Bullet", "two"), ("List Continue", "two more"),
        ("List Bullet 2", "nested"), ("List Number", "first"), ("List Number 2", "sub"),
        ("List Number", "second"), ("List Number", "fifth"),
    ]
    num_ids = [p._p.pPr.numPr.numId.val if p._p.pPr.numPr is not None else None for p in doc.paragraphs]
    assert num_ids[4] == num_ids[6] and num_ids[7] != num_ids[4]  # each <ol> counts from its start
    numbering = doc.part.numbering_part.element
    override = numbering.num_having_numId(num_ids[7]).find(f".//{qn('w:startOverride')}")
    assert override.get(qn("w:val")) == "5"


def test_new_page_class_breaks_before_its_first_paragraph():
    doc = open_body('<p>Cover</p><section class="new-page"><h2>Next</h2><p>Text</p></section>')
    assert [p.paragraph_format.page_break_before for p in doc.paragraphs] == [None, True, None]


def test_landscape_section_then_portrait_resumes():
    doc = open_body(
        "<h1>Portrait</h1>"
        '<section class="landscape"><h2>Wide</h2><table><tr><td>x</td></tr></table></section>'
        "<p>Portrait again</p>"
    )
    sections = doc.sections
    assert len(sections) == 3
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert sections[1].page_width == sections[0].page_height
    assert sections[1].page_height == sections[0].page_width
    assert sections[2].page_width == sections[0].page_width
    # the landscape table is as wide as the landscape text
    cols = doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    assert int(cols[0].get(qn("w:w"))) == 16838 - 2 * 1134


def test_document_may_end_landscape_without_a_blank_page():
    doc = open_body('<p>Intro</p><section class="landscape"><h2>Wide</h2><p>x</p></section>')
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]


def test_trailing_br_adds_no_empty_line_and_first_page_needs_no_break():
    doc = open_body('<section class="new-page"><p>a<br></p><p>b<br><br></p></section>')
    assert [p.text for p in doc.paragraphs] == ["a", "b\n"]
    assert doc.paragraphs[0].paragraph_format.page_break_before is None


def test_new_page_after_a_landscape_section_gives_one_break_not_two():
    doc = open_body(
        '<p>a</p><section class="landscape"><h2>Wide</h2></section>'
        '<section class="new-page"><h2>Next</h2></section>'
        '<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>'
    )
    next_heading = next(p for p in doc.paragraphs if p.text == "Next")
    assert next_heading.paragraph_format.page_break_before is None
    assert len(doc.sections) == 3 and len(doc.tables) == 2  # adjacent tables stay apart
    body = [child.tag.split("}")[1] for child in doc.element.body]
    assert body[-5:] == ["tbl", "p", "tbl", "p", "sectPr"]



def test_the_paragraph_after_a_table_keeps_the_pdfs_space_below_it():
    """Word has no space after a table: the next paragraph gets 14 pt before it (CSS table
    margin-bottom), unless its style has as much (headings) or it starts a page."""
    doc = open_body(
        "<table><tr><td>a</td></tr></table><p>After</p><p>Next</p>"
        "<table><tr><td>b</td></tr></table><h2>Heading</h2>"
        '<table><tr><td>c</td></tr></table><p class="new-page">New page</p>'
        "<table><tr><td>d</td></tr></table><table><caption>Second</caption><tr><td>e</td></tr></table>"
    )
    before = {p.text: p.paragraph_format.space_before for p in doc.paragraphs}
    assert before == {"After": 280 * 635, "Next": None, "Heading": None, "New page": None, "Second": 280 * 635,
                      "": None}  # the paragraph closing the body adds no space (nor a page)
