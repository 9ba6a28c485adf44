"""Turn python-docx's default template into templates/default/reference.docx, wsoagen's house style.

Every style the DOCX writer uses comes from this file (pandoc's reference-doc idea): Arial 12pt,
dark headings, Title, Subtitle, Caption, Quote, bullet and numbered lists two levels deep,
Hyperlink, Table Grid, TOC entries, header and footer, an A4 page with 2 cm margins, en-GB.
A council restyles its documents by editing a copy of the output in Word, not this script.

Run:  .venv/bin/python templates/make_reference_docx.py [OUTPUT [HEADING_COLOUR]]
e.g.  .venv/bin/python templates/make_reference_docx.py templates/sefton/reference.docx 5A2D82
The output is deterministic: the same python-docx gives the same bytes.
"""

from __future__ import annotations

import io
import sys
from datetime import datetime
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement
from docx.shared import Pt, RGBColor, Twips

from wsoagen.render.docx import normalise_zip

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
OUT = Path(__file__).resolve().parent / "default" / "reference.docx"

FONT = "Arial"
TEXT = "0B0C0C"  # GOV.UK text colour
HEADING = "1D3557"  # dark blue: 12:1 contrast on white
SECONDARY = "505A5F"  # GOV.UK secondary text: 7:1 on white
LINK = "1D70B8"  # GOV.UK link blue: 5.2:1 on white
LANG = "en-GB"
A4 = (Twips(11906), Twips(16838))
MARGIN = Twips(1134)  # 2 cm
CREATED = datetime(2000, 1, 1)
HEADINGS = {1: 20, 2: 16, 3: 14, 4: 12}  # level: size in points


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
    title = doc.styles["Title"]
    _remove(title.element.pPr, "w:pBdr")
    _font(title, 28, bold=True, colour=HEADING)
    title.paragraph_format.space_after = Pt(12)
    subtitle = doc.styles["Subtitle"]
    _remove(subtitle.element.pPr, "w:numPr")  # the template's Subtitle joins a list
    _font(subtitle, 16, bold=False, italic=False, colour=SECONDARY)
    subtitle.paragraph_format.space_after = Pt(18)
    toc_heading = doc.styles["TOC Heading"]
    _font(toc_heading, HEADINGS[2], bold=True, colour=HEADING)


def captions_and_quotes(doc) -> None:
    caption = doc.styles["Caption"]
    _font(caption, 11, bold=True, italic=False, colour=TEXT)
    caption.paragraph_format.space_before = Pt(6)
    caption.paragraph_format.space_after = Pt(6)
    quote = doc.styles["Quote"]
    _font(quote, italic=True, colour=TEXT)
    quote.paragraph_format.left_indent = Twips(567)  # 1 cm
    quote.paragraph_format.right_indent = Twips(567)


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


def character_and_table_styles(doc) -> None:
    link = doc.styles.add_style("Hyperlink", WD_STYLE_TYPE.CHARACTER)
    link.base_style = doc.styles["Default Paragraph Font"]
    link.font.color.rgb = RGBColor.from_string(LINK)
    link.font.underline = True
    link.unhide_when_used = True
    link.priority = 99
    grid = doc.styles["Table Grid"]  # already single 0.5pt borders all round and inside
    borders = grid.element.find(qn("w:tblPr")).find(qn("w:tblBorders"))
    for edge in borders:
        edge.set(qn("w:color"), TEXT)
    for level in (1, 2):
        toc = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        toc.base_style = doc.styles["Normal"]
        toc.next_paragraph_style = doc.styles["Normal"]
        toc.unhide_when_used = True
        toc.priority = 39
        toc.paragraph_format.space_after = Pt(4)
        toc.paragraph_format.left_indent = Twips(240 * (level - 1))
    footer = doc.styles["Footer"]
    _font(footer, 10, colour=SECONDARY)
    header = doc.styles["Header"]
    _font(header, 10, colour=SECONDARY)
    for style in (header, footer):  # tab stops for an A4 text width of 17 cm
        tabs = style.paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Twips(4819), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Twips(9638), WD_TAB_ALIGNMENT.RIGHT)


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
    character_and_table_styles(doc)
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
