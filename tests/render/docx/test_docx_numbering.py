"""numbering: each <ol> counts afresh, in the letters or numerals the HTML asks for."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx_helpers import open_body

from wsoagen.render.docx import UnsupportedHtml

LISTS = """
<p>Members are asked to:</p>
<ol class="letters"><li>Note the progress</li><li>Recognise the risks<ol class="roman"><li>first</li><li>second</li></ol></li><li>Agree</li></ol>
<ol type="I"><li>one</li></ol>
<ol style="list-style-type: upper-alpha" start="3"><li>C</li></ol>
<ol class="roman" type="a" style="list-style-type: lower-alpha"><li>style wins</li></ol>
<ol type="i"><li>type</li></ol>
<ol><li>x</li></ol>
<table><tr><td><ol class="letters"><li>in a cell</li></ol></td></tr></table>
"""


def numbered(doc) -> list[tuple[str, str, str, int]]:
    """(text, paragraph style, w:numFmt, start) of each numbered paragraph, from the XML."""
    numbering = doc.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    out = []
    for p in doc.element.body.iter(qn("w:p")):
        numpr = p.pPr.numPr if p.pPr is not None else None
        if numpr is None:
            continue
        num = numbering.num_having_numId(numpr.numId.val)
        lvl = abstracts[str(num.abstractNumId.val)].find(qn("w:lvl"))
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}").get(qn("w:val"))
        text = "".join(t.text for t in p.iter(qn("w:t")))
        out.append((text, p.pPr.pStyle.val, lvl.find(qn("w:numFmt")).get(qn("w:val")), int(start)))
    return out


def test_lists_keep_their_letters_and_numerals():
    doc = open_body(LISTS)
    assert numbered(doc) == [
        ("Note the progress", "ListNumber", "lowerLetter", 1),
        ("Recognise the risks", "ListNumber", "lowerLetter", 1),
        ("first", "ListNumber2", "lowerRoman", 1),  # nested: the next level's style
        ("second", "ListNumber2", "lowerRoman", 1),
        ("Agree", "ListNumber", "lowerLetter", 1),
        ("one", "ListNumber", "upperRoman", 1),
        ("C", "ListNumber", "upperLetter", 3),
        ("style wins", "ListNumber", "lowerLetter", 1),
        ("type", "ListNumber", "lowerRoman", 1),
        ("x", "ListNumber", "decimal", 1),
        ("in a cell", "ListNumber", "lowerLetter", 1),
    ]


def test_each_list_counts_afresh_and_formats_share_one_definition():
    doc = open_body(LISTS)
    numbering = doc.part.numbering_part.element
    num_ids = [p.pPr.numPr.numId.val for p in doc.element.body.iter(qn("w:p"))
               if p.pPr is not None and p.pPr.numPr is not None]
    # one w:num per <ol>: its items share it, the next list starts again
    assert num_ids[0] == num_ids[1] == num_ids[4] != num_ids[2] == num_ids[3] and len(set(num_ids)) == 8
    copies = [a for a in numbering.findall(qn("w:abstractNum")) if a.find(qn("w:nsid")).get(qn("w:val")).startswith("57534F")]
    formats = sorted(a.find(qn("w:lvl")).find(qn("w:numFmt")).get(qn("w:val")) for a in copies)
    assert formats == ["lowerLetter", "lowerRoman", "lowerRoman", "upperLetter", "upperRoman"]  # roman: levels 1 and 2
    assert all(a.find(f".//{qn('w:pStyle')}") is None for a in copies)  # the styles keep their own lists
    children = [child.tag for child in numbering]
    assert children.index(qn("w:num")) > max(i for i, tag in enumerate(children) if tag == qn("w:abstractNum"))


@pytest.mark.parametrize(("html", "message"), [
    ('<ol style="list-style-type: disc"><li>a</li></ol>', "<ol> list-style-type 'disc' is not one of decimal, lower-alpha"),
    ('<ol type="x"><li>a</li></ol>', "<ol> type must be one of 1, a, A, i, I at line 1"),
])
def test_unknown_list_formats_are_refused(html, message):
    with pytest.raises(UnsupportedHtml) as exc:
        open_body(html)
    assert message in str(exc.value)
