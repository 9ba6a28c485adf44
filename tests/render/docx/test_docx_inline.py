"""inline and paragraphs: inline HTML as runs (formatting, links, line breaks), whitespace as in HTML."""

from __future__ import annotations

import docx
from docx_helpers import open_body


def test_inline_formatting_runs_and_links():
    doc = open_body(
        '<p>Plain <strong>bold <em>both</em></strong> <i>it</i> <a href="https://example.org/a">'
        'a <b>bold link</b></a> <code>code</code> x<sup>2</sup> H<sub>2</sub>O '
        '<span style="color:#d4351c">red</span><br>next line</p>'
    )
    p = doc.paragraphs[0]
    runs = {r.text: r for r in p.iter_inner_content() if isinstance(r, docx.text.run.Run)}
    scripts = [r for r in p.runs if r.text == "2"]
    assert [(r.font.superscript, r.font.subscript) for r in scripts] == [(True, False), (False, True)]
    assert runs["bold "].bold and not runs["bold "].italic
    assert runs["both"].bold and runs["both"].italic
    assert runs["it"].italic
    assert runs["code"].font.name == "Courier New"
    assert str(runs["red"].font.color.rgb) == "D4351C"
    link = p.hyperlinks[0]
    assert link.url == "https://example.org/a" and link.text == "a bold link"
    assert [r.bold for r in link.runs] == [None, True]
    assert all(r.style.name == "Hyperlink" for r in link.runs)
    assert p._p.xpath("count(.//w:br)") == 1
    assert p.text == "Plain bold both it a bold link code x2 H2O red\nnext line"


def test_whitespace_collapses_as_in_html():
    doc = open_body("<p>\n   Two   <b> spaces </b>  here\n  <br>  \n after the   break \n</p><div>\n  loose text  \n</div>")
    assert [p.text for p in doc.paragraphs] == ["Two spaces here\nafter the break", "loose text"]
    assert doc.paragraphs[0].runs[1].text == "spaces "

