"""reference: the table look and list indent the writer takes from each house's reference.docx."""

from __future__ import annotations

import docx
import pytest

from conftest import ROOT
from wsoagen.render.docx.reference import TableLook, list_indent, table_look


@pytest.mark.parametrize(("house", "fill"), [("default", "1D3557"), ("cheshire-east", "00573F"), ("sefton", "4B2A7B")])
def test_each_house_reference_gives_the_pdfs_table_look(house, fill):
    doc = docx.Document(str(ROOT / "src" / "wsoagen" / "templates" / house / "reference.docx"))
    # as the house CSS: 10.5 pt text, 5 pt padding each side, thead in the heading colour, white bold
    assert table_look(doc) == TableLook(size=21, padding=200, header_fill=fill, header_color="FFFFFF", header_bold=True)
    assert list_indent(doc) == 360


def test_a_reference_without_them_falls_back_to_words_defaults():
    doc = docx.Document()  # python-docx's own template: Table Grid with no header format or size
    assert table_look(doc) == TableLook(size=22, padding=216, header_fill=None, header_color=None, header_bold=True)
    assert list_indent(doc) == 360
