"""contents: <nav class="toc"> as a TOC field that Word updates on opening."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx_helpers import open_body, styles


def test_contents_becomes_a_toc_field():
    doc = open_body(
        '<nav class="toc new-page"><h2 id="contents">Contents</h2><ol>'
        '<li><a href="#intro">Introduction</a><ol><li><a href="#why">Why</a></li></ol></li>'
        '<li><a href="#plan">The plan</a></li></ol></nav>'
        '<h2 id="intro">Introduction</h2><h3 id="why">Why</h3><h2 id="plan">The plan</h2>'
    )
    assert styles(doc)[:4] == [("TOC Heading", "Contents"), ("TOC 1", "Introduction"),
                               ("TOC 2", "Why"), ("TOC 1", "The plan")]
    instr = [t.text for t in doc.element.body.iter(qn("w:instrText"))]
    assert instr == [' TOC \\o "1-2" \\h \\z \\u ']
    kinds = [f.get(qn("w:fldCharType")) for f in doc.element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [h.fragment for p in doc.paragraphs[1:4] for h in p.hyperlinks] == ["intro", "why", "plan"]
    update = doc.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"

