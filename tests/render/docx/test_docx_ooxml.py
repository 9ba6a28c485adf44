"""ooxml: children python-docx has no property for go where the schema puts them."""

from __future__ import annotations

from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx_helpers import xml_of

from wsoagen.render.docx.ooxml import RPR, TCPR, TRPR, add_in_order


def test_a_child_goes_before_its_successors_whatever_the_order_of_the_calls():
    tcpr = parse_xml(f'<w:tcPr {nsdecls("w")}><w:tcW w:w="100" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>')
    add_in_order(tcpr, "w:shd", TCPR, val="clear", color="auto", fill="FFBF47")
    assert xml_of(tcpr) == (
        '<w:tcPr><w:tcW w:w="100" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="FFBF47"/>'
        '<w:vAlign w:val="center"/></w:tcPr>'
    )
    trpr = parse_xml(f"<w:trPr {nsdecls('w')}/>")
    add_in_order(trpr, "w:tblHeader", TRPR)
    add_in_order(trpr, "w:cantSplit", TRPR)
    assert xml_of(trpr) == "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"


def test_language_goes_before_the_east_asian_layout():
    rpr = parse_xml(f'<w:rPr {nsdecls("w")}><w:sz w:val="24"/><w:eastAsianLayout w:id="1"/></w:rPr>')
    add_in_order(rpr, "w:lang", RPR, val="en-GB")
    add_in_order(rpr, "w:szCs", RPR, val="24")
    assert xml_of(rpr) == (
        '<w:rPr><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-GB"/><w:eastAsianLayout w:id="1"/></w:rPr>'
    )
