"""package: reference.docx, core properties and language, byte-identical reproducible files."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile

import docx
from docx.oxml.ns import qn
from docx_helpers import REFERENCE, STATUS_TABLE, open_body, page, png_uri, read

from conftest import ROOT
from wsoagen.render.docx import html_to_docx


def test_reference_docx_has_the_house_styles():
    doc = docx.Document(str(REFERENCE))
    names = {s.name for s in doc.styles}
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4",
                 "Caption", "Quote", "List Bullet", "List Bullet 2", "List Number", "List Number 2",
                 "Hyperlink", "Table Grid", "TOC 1", "TOC 2", "TOC Heading", "Header", "Footer"):
        assert name in names, name
    assert doc.styles["Heading 1"].font.bold and doc.styles["Heading 1"].font.size.pt == 20
    assert doc.styles["Title"].font.size.pt == 28
    caption = doc.styles["Caption"].font
    assert caption.bold and not caption.italic and caption.size.pt == 11
    borders = doc.styles["Table Grid"].element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    # the PDF's table borders: 0.75 pt (6 eighths) #505a5f
    assert {(b.get(qn("w:val")), b.get(qn("w:sz")), b.get(qn("w:color"))) for b in borders} == {("single", "6", "505A5F")}
    assert len(borders) == 6
    h2_rule = doc.styles["Heading 2"].element.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert (h2_rule.get(qn("w:sz")), h2_rule.get(qn("w:color"))) == ("16", "1D3557")  # the PDF's 2 pt rule under h2
    quote = doc.styles["Quote"].element.pPr
    assert quote.find(f"{qn('w:pBdr')}/{qn('w:left')}").get(qn("w:sz")) == "32"  # the PDF's 4 pt rule
    assert quote.find(qn("w:shd")).get(qn("w:fill")) == "F3F2F1"
    assert doc.styles["Subtitle"].font.size.pt == 14
    for name in ("Title", "Subtitle"):  # not letter-spaced, as in the PDF
        assert doc.styles[name].element.rPr.find(qn("w:spacing")) is None
    for level in (1, 2):  # page numbers after dots at the right margin, once Word updates the contents
        tab = doc.styles[f"TOC {level}"].paragraph_format.tab_stops[0]
        assert (tab.position, str(tab.leader)) == (9638 * 635, "DOTS (1)")
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Arial"}
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    section = doc.sections[0]
    assert (section.page_width, section.page_height) == (11906 * 635, 16838 * 635)
    assert section.left_margin == section.right_margin == section.top_margin == 1134 * 635
    assert doc.core_properties.language == "en-GB"
    assert doc.paragraphs == [] and doc.tables == []


def test_reference_names_no_font_but_arial_and_courier_new():
    """No theme font (Calibri, Cambria) or symbol font sneaks in through a style Word may use."""
    with zipfile.ZipFile(REFERENCE) as z:
        styles, theme, fonts = (z.read(f"word/{name}").decode() for name in ("styles.xml", "theme/theme1.xml", "fontTable.xml"))
        numbering = z.read("word/numbering.xml").decode()
    fonts_elements = re.findall(r"<w:rFonts ([^>]*)/>", styles + numbering)
    named = {name for attrs in fonts_elements for name in re.findall(r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]*)"', attrs)}
    assert named == {"Arial", "Courier New"}
    assert "Theme=" not in styles and "theme=" not in styles
    assert re.findall(r'<a:latin typeface="([^"]*)"', theme) == ["Arial", "Arial"]
    assert re.findall(r'w:name="([^"]*)"', fonts) == ["Arial", "Courier New"]


def test_reference_script_is_deterministic():
    spec = importlib.util.spec_from_file_location("make_reference_docx", ROOT / "src" / "wsoagen" / "templates" / "make_reference_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first, second = module.build(), module.build()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in z.namelist()


def test_core_properties_and_language():
    doc = open_body(
        "<p>x</p>",
        head='<title>Testshire WSOA</title><meta name="author" content="Testshire partnership">'
             '<meta name="dcterms.created" content="2019-11-15T00:00:00">',
    )
    core = doc.core_properties
    assert (core.title, core.language, core.author) == ("Testshire WSOA", "en-GB", "Testshire partnership")
    assert core.created.isoformat().startswith("2019-11-15T00:00:00")
    assert core.modified == core.created and core.revision == 1 and core.last_modified_by == ""
    welsh = read(html_to_docx(page("<p>x</p>", lang="cy-GB"), REFERENCE))
    assert welsh.core_properties.language == "cy-GB"
    lang = welsh.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "cy-GB"


def test_same_html_gives_identical_bytes():
    html = page(STATUS_TABLE + f'<figure><img src="{png_uri()}" alt="x"></figure><p><a href="https://a.example">a</a></p>',
                head="<title>T</title>")
    first, second = html_to_docx(html, REFERENCE), html_to_docx(html, REFERENCE)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert read(first).core_properties.created.year == 2000  # no meta: a fixed date

