"""contents: <nav class="toc"> as a TOC field whose cached entries read right without updating."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx_helpers import REFERENCE, open_body, page, read, styles

from wsoagen.render.docx import html_to_docx

CONTENTS = (
    '<nav class="toc new-page"><h2 id="contents">Contents</h2><ol>'
    '<li><a href="#intro">Introduction</a><ol><li><a href="#why">Why</a></li></ol></li>'
    '<li><a href="#plan">The plan</a></li></ol></nav>'
    '<h2 id="intro">Introduction</h2><h3 id="why">Why</h3><h2 id="plan">The plan</h2>'
)


def test_contents_becomes_a_toc_field():
    doc = open_body(CONTENTS)
    assert styles(doc)[:4] == [("TOC Heading", "Contents"), ("TOC 1", "Introduction"),
                               ("TOC 2", "Why"), ("TOC 1", "The plan")]
    instr = [t.text for t in doc.element.body.iter(qn("w:instrText"))]
    assert instr == [' TOC \\o "1-2" \\h \\z \\u ']
    kinds = [f.get(qn("w:fldCharType")) for f in doc.element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [h.fragment for p in doc.paragraphs[1:4] for h in p.hyperlinks] == ["intro", "why", "plan"]
    # no w:updateFields: Word would ask on opening whether it may update "fields that may refer
    # to other files"; the cached entries are the headings' text, without page numbers
    assert doc.settings.element.find(qn("w:updateFields")) is None


def test_field_update_on_opening_only_when_asked():
    doc = read(html_to_docx(page(CONTENTS), REFERENCE, update_fields=True))
    update = doc.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"
    without_contents = read(html_to_docx(page("<p>x</p>"), REFERENCE, update_fields=True))
    assert without_contents.settings.element.find(qn("w:updateFields")) is None

