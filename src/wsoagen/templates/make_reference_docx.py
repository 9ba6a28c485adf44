"""Turn python-docx's default template into src/wsoagen/templates/default/reference.docx, wsoagen's house style.

Every style the DOCX writer uses comes from this file (pandoc's reference-doc idea): Arial 12pt,
dark headings (Heading 2 underlined like the PDF's h2), Title, Subtitle, Caption, Quote (ruled
and shaded like the PDF's blockquote), bullet and numbered lists two levels deep, Hyperlink,
Table Grid as the PDF's tables (10.5 pt text, 3 pt by 5 pt cell padding, 0.75 pt grey borders,
a header row shaded in the heading colour with white bold text), TOC entries with dotted
leaders to their page numbers, header and footer, an A4 page with 2 cm margins, en-GB. Arial
everywhere: the theme's fonts, every style and the font table name no other typeface (Courier
New for code). A council restyles its documents by editing a copy of the output in Word, not
this script.

Run:  .venv/bin/python src/wsoagen/templates/make_reference_docx.py [OUTPUT [HEADING_COLOUR]]
e.g.  .venv/bin/python src/wsoagen/templates/make_reference_docx.py src/wsoagen/templates/sefton/reference.docx 4B2A7B
      (the house styles: default 1D3557, cheshire-east 00573F, sefton 4B2A7B)
The output is deterministic: the same python-docx gives the same bytes.
"""

from __future__ import annotations

import io
import re
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Pt, RGBColor, Twips
from lxml import etree

from wsoagen.render.docx import normalise_zip
from wsoagen.render.docx.ooxml import PPR, STYLE, add_in_order

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
OUT = Path(__file__).resolve().parent / "default" / "reference.docx"

FONT = "Arial"
TEXT = "0B0C0C"  # GOV.UK text colour
HEADING = "1D3557"  # dark blue: 12:1 contrast on white
SECONDARY = "505A5F"  # GOV.UK secondary text: 7:1 on white
LINK = "1D70B8"  # GOV.UK link blue: 5.2:1 on white
BORDER = "505A5F"  # the PDF's table borders
QUOTE_GROUND = "F3F2F1"  # the PDF's blockquote background
WHITE = "FFFFFF"
CODE_FONT = "Courier New"
LANG = "en-GB"
A4 = (Twips(11906), Twips(16838))
MARGIN = Twips(1134)  # 2 cm
CREATED = datetime(2000, 1, 1)
HEADINGS = {1: 20, 2: 16, 3: 14, 4: 12}  # level: size in points
TABLE_TEXT = 10.5  # points, as the PDF's tables
CELL_PADDING = {"top": 60, "left": 100, "bottom": 60, "right": 100}  # twips: 3 pt by 5 pt, as the PDF
TEXT_WIDTH = Twips(11906 - 2 * 1134)  # portrait A4 less its margins
FONT_TABLE = {  # w:font name: (panose, family, pitch)
    FONT: ("020B0604020202020204", "swiss", "variable"),
    CODE_FONT: ("02070309020205020404", "modern", "fixed"),
}


def _set(parent, tag: str, **attrs: str):
    """Get or add child `tag` of `parent` (appended: callers add children in schema order)."""
    el = parent.find(qn(tag))
    if el is None:
        el = OxmlElement(tag)
        parent.append(el)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    return el


def _fonts(rpr, name: str = FONT) -> None:
    """Explicit fonts for every script, replacing the template's theme fonts."""
    for old in rpr.findall(qn("w:rFonts")):
        rpr.remove(old)
    fonts = OxmlElement("w:rFonts")
    for attr in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{attr}"), name)
    rpr.insert(1 if rpr.find(qn("w:rStyle")) is not None else 0, fonts)


def _font(style, size: float | None = None, bold: bool | None = None, italic: bool | None = None,
          colour: str | None = None) -> None:
    font = style.font
    _fonts(style.element.get_or_add_rPr())
    if size is not None:
        font.size = Pt(size)
        rpr = style.element.rPr
        _remove(rpr, "w:szCs")
        cs_size = OxmlElement("w:szCs")
        cs_size.set(qn("w:val"), str(int(size * 2)))
        rpr.find(qn("w:sz")).addnext(cs_size)
    if bold is not None:
        font.bold = bold
        font.cs_bold = bold
    if italic is not None:
        font.italic = italic
        font.cs_italic = italic
    if colour is not None:
        font.color.rgb = RGBColor.from_string(colour)  # also drops the theme colour


def _remove(el, *tags: str) -> None:
    for tag in tags:
        for child in el.findall(qn(tag)):
            el.remove(child)


def document_defaults(doc) -> None:
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _fonts(rpr)
    _set(rpr, "w:sz", val="24")
    _set(rpr, "w:szCs", val="24")
    _set(rpr, "w:lang", val=LANG, eastAsia=LANG, bidi="ar-SA")
    # Spacing lives in the defaults, not in Normal, so Table Grid's zero spacing wins in cells.
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    _set(ppr, "w:spacing", after="160", line="276", lineRule="auto")
    normal = doc.styles["Normal"]
    _font(normal, colour=TEXT)


def headings(doc) -> None:
    for level, size in HEADINGS.items():
        style = doc.styles[f"Heading {level}"]
        _font(style, size, bold=True, italic=False, colour=HEADING)
        fmt = style.paragraph_format
        fmt.space_before = Pt(size)  # more room above than below keeps a heading with its text
        fmt.space_after = Pt(6)
        fmt.keep_with_next = True
    # the PDF underlines h2 with a 2 pt rule in the heading colour
    borders = add_in_order(doc.styles["Heading 2"].element.get_or_add_pPr(), "w:pBdr", PPR)
    _set(borders, "w:bottom", val="single", sz="16", space="4", color=HEADING)
    title = doc.styles["Title"]
    _remove(title.element.pPr, "w:pBdr")
    _font(title, 28, bold=True, colour=HEADING)
    title.paragraph_format.space_after = Pt(12)
    subtitle = doc.styles["Subtitle"]
    _remove(subtitle.element.pPr, "w:numPr")  # the template's Subtitle joins a list
    _font(subtitle, 14, bold=False, italic=False, colour=TEXT)  # as the PDF's p.subtitle
    subtitle.paragraph_format.space_after = Pt(18)
    for style in (title, subtitle):  # the template letter-spaces them; the PDF does not
        _remove(style.element.rPr, "w:spacing")
    toc_heading = doc.styles["TOC Heading"]
    _font(toc_heading, HEADINGS[2], bold=True, colour=HEADING)


def captions_and_quotes(doc) -> None:
    caption = doc.styles["Caption"]
    _font(caption, 11, bold=True, italic=False, colour=TEXT)
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(6)
    quote = doc.styles["Quote"]  # as the PDF's blockquote: a rule on the left, a light grey ground
    _font(quote, italic=True, colour=TEXT)
    quote.paragraph_format.left_indent = Twips(240)
    quote.paragraph_format.right_indent = Twips(0)
    ppr = quote.element.get_or_add_pPr()
    _set(add_in_order(ppr, "w:pBdr", PPR), "w:left", val="single", sz="32", space="8", color=HEADING)
    add_in_order(ppr, "w:shd", PPR, val="clear", color="auto", fill=QUOTE_GROUND)


def lists(doc) -> None:
    """Bullets as Arial "•" (the template's Symbol-font glyph depends on a font mapping)."""
    numbering = doc.part.numbering_part.element
    for abstract in numbering.findall(qn("w:abstractNum")):
        for lvl in abstract.findall(qn("w:lvl")):
            if lvl.find(qn("w:numFmt")).get(qn("w:val")) != "bullet":
                continue
            lvl.find(qn("w:lvlText")).set(qn("w:val"), "•")
            rpr = lvl.find(qn("w:rPr"))
            _remove(rpr, "w:rFonts")
            _fonts(rpr)
    for name in ("List Bullet", "List Bullet 2", "List Number", "List Number 2"):
        doc.styles[name].paragraph_format.space_after = Pt(4)


def character_styles(doc) -> None:
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = doc.styles["Default Paragraph Font"]
    link.font.color.rgb = RGBColor.from_string(LINK)
    link.font.underline = True
    link.unhide_when_used = True
    link.priority = 99
    for level in (1, 2):
        toc = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = doc.styles["Normal"]
        toc.next_paragraph_style = doc.styles["Normal"]
        toc.unhide_when_used = True
        toc.priority = 39
        toc.paragraph_format.space_after = Pt(4)
        toc.paragraph_format.left_indent = Twips(240 * (level - 1))
        # when Word updates the contents, page numbers go to the right margin after dots
        toc.paragraph_format.tab_stops.add_tab_stop(TEXT_WIDTH, WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    footer = doc.styles["Footer"]
    _font(footer, 10, colour=SECONDARY)
    header = doc.styles["Header"]
    _font(header, 10, colour=SECONDARY)
    for style in (header, footer):  # tab stops for an A4 text width of 17 cm
        tabs = style.paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Twips(4819), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Twips(9638), WD_TAB_ALIGNMENT.RIGHT)


def table_style(doc) -> None:
    """Table Grid as the PDF draws tables: 10.5 pt text, 3 pt by 5 pt padding, 0.75 pt grey
    borders, and a header row (the style's firstRow format) in the heading colour, white, bold."""
    grid = doc.styles["Table Grid"].element
    rpr = add_in_order(grid, "w:rPr", STYLE)
    _set(rpr, "w:sz", val=str(int(TABLE_TEXT * 2)))
    _set(rpr, "w:szCs", val=str(int(TABLE_TEXT * 2)))
    tblpr = grid.find(qn("w:tblPr"))
    for edge in tblpr.find(qn("w:tblBorders")):
        edge.set(qn("w:sz"), "6")
        edge.set(qn("w:color"), BORDER)
    margins = tblpr.find(qn("w:tblCellMar"))
    for side, width in CELL_PADDING.items():
        _set(margins, f"w:{side}", w=str(width), type="dxa")
    header = add_in_order(grid, "w:tblStylePr", STYLE)
    header.set(qn("w:type"), "firstRow")
    # no element class for w:tblStylePr: its children appended in schema order (rPr, tblPr, tcPr)
    header_rpr = _set(header, "w:rPr")
    _set(header_rpr, "w:b")
    _set(header_rpr, "w:bCs")
    _set(header_rpr, "w:color", val=WHITE)
    _set(header, "w:tblPr")
    _set(_set(header, "w:tcPr"), "w:shd", val="clear", color="auto", fill=HEADING)


def fonts_everywhere(doc) -> None:
    """Arial for the theme's heading and body fonts and for every style that named them, Courier
    New for the template's Courier, and a font table naming only these two."""
    package = doc.part.package
    theme = next(part for part in package.iter_parts() if part.partname.endswith("/theme/theme1.xml"))
    theme._blob = re.sub(rb'(<a:(?:major|minor)Font>\s*<a:latin typeface=")[^"]*"', rb'\g<1>' + FONT.encode() + b'"', theme.blob)
    for fonts in list(doc.styles.element.iter(qn("w:rFonts"))):
        if any(name.endswith("Theme") or name.endswith("theme") for name in map(_local, fonts.attrib)):
            _fonts(fonts.getparent())
        elif fonts.get(qn("w:ascii")) == "Courier":
            _fonts(fonts.getparent(), CODE_FONT)
    table = next(part for part in package.iter_parts() if part.partname.endswith("/fontTable.xml"))
    table._blob = _font_table()


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _font_table() -> bytes:
    fonts = OxmlElement("w:fonts")
    for name, (panose, family, pitch) in FONT_TABLE.items():
        font = OxmlElement("w:font", {qn("w:name"): name})
        fonts.append(font)
        _set(font, "w:panose1", val=panose)
        _set(font, "w:family", val=family)
        _set(font, "w:pitch", val=pitch)
    return etree.tostring(fonts, xml_declaration=True, encoding="UTF-8", standalone=True)


def page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = A4
    for side in ("left", "right", "top", "bottom"):
        setattr(section, f"{side}_margin", MARGIN)
    section.header_distance = section.footer_distance = Twips(567)


def package(doc) -> None:
    """Drop parts that would carry the template's history, and fix the metadata."""
    doc.element.body.clear_content()
    for rid, rel in list(doc.part.package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            doc.part.package.rels.pop(rid)
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:  # a Word 2010 copy of styles.xml, now stale
            doc.part.rels.pop(rid)
    settings = doc.settings.element
    _remove(settings, "w:savePreviewPicture")  # Word would save a thumbnail of each document
    _set(settings, "w:themeFontLang").set(qn("w:val"), LANG)
    core = doc.core_properties
    core.title = core.subject = core.keywords = core.comments = core.category = ""
    core.author = "wsoagen"
    core.last_modified_by = ""
    core.language = LANG
    core.created = core.modified = CREATED
    core.revision = 1


def build() -> bytes:
    doc = docx.Document()
    document_defaults(doc)
    headings(doc)
    captions_and_quotes(doc)
    lists(doc)
    character_styles(doc)
    table_style(doc)
    fonts_everywhere(doc)
    page(doc)
    package(doc)
    out = io.BytesIO()
    doc.save(out)
    return normalise_zip(out.getvalue())


def main(argv: list[str]) -> int:
    global HEADING
    target = Path(argv[1]) if len(argv) > 1 else OUT
    if len(argv) > 2:  # a house style's heading colour, as RRGGBB
        HEADING = argv[2].lstrip("#").upper()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(build())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
