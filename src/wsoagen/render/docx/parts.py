"""Document-wide settings outside the body: running header and footer, language, field update.

In: the python-docx Document once the body is written, and what <head> asked for. Out: a
header paragraph and a "Page X of Y" footer on the first section (later sections inherit
them), none on the first page (the cover, as in the PDF); the language in the styles' default
run properties; and, only when asked, w:updateFields in the settings, with which Word offers to
update the contents (and their page numbers) on opening, asking first whether it may.
"""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from wsoagen.render.docx.ooxml import RPR, add_in_order
from wsoagen.render.docx.paragraphs import add_field, add_text_run

# CT_Settings children that must follow w:updateFields (schema order); python-docx's
# CT_Settings models only w:evenAndOddHeaders.
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "w:shapeDefaults",
    "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)


def add_running_header(doc, text: str) -> None:
    """Header text and "Page X of Y" on the first section; later ones inherit them. The first
    page has an empty header and footer, as the PDF's first page has none."""
    section = doc.sections[0]
    header, footer = section.header, section.footer
    for story in (header, footer):
        _empty(story)
    section.different_first_page_header_footer = True
    for story, style in ((section.first_page_header, "Header"), (section.first_page_footer, "Footer")):
        _empty(story)
        story.add_paragraph(style=style)  # a header or footer holds one paragraph at least
    header.add_paragraph(text, style="Header")
    p = footer.add_paragraph(style="Footer")._p
    add_text_run(p, "Page ")
    add_field(p, " PAGE ", result="1")  # a cached result, which Word and LibreOffice refresh
    add_text_run(p, " of ")
    add_field(p, " NUMPAGES ", result="1")


def _empty(story) -> None:
    """A header or footer of this section's own, with nothing in it."""
    story.is_linked_to_previous = False
    for child in story._element.xpath("w:p|w:tbl"):
        story._element.remove(child)


def set_language(doc, lang: str) -> None:
    """w:lang in w:docDefaults/w:rPrDefault/w:rPr, made if missing."""
    styles = doc.styles.element
    # python-docx models neither w:docDefaults (the first child of w:styles) nor
    # w:rPrDefault (the first of w:docDefaults, whose only child is w:rPr)
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang_el = rpr.find(qn("w:lang"))
    if lang_el is None:
        lang_el = add_in_order(rpr, "w:lang", RPR)  # CT_RPr has no lang property
    lang_el.set(qn("w:val"), lang)


def update_fields_on_open(doc) -> None:
    settings = doc.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    update = OxmlElement("w:updateFields", {qn("w:val"): "true"})
    settings.insert_element_before(update, *_AFTER_UPDATE_FIELDS)
