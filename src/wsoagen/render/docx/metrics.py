"""How wide text is in Word's typeface, so that table columns can be made wide enough for it.

In: a string, whether it is bold or in code, and a size in half-points. Out: its width in twips
(1/20 pt) when set in Arial, which Word names, or Liberation Sans, which LibreOffice and the PDF
use: the two share every advance width. The widths below are Liberation Sans's own (2048 units
to the em; italic sets as wide as upright, bold italic as bold), grouped by width; a character
not listed counts a whole em, wider than any listed, so that a column is never too narrow. Code
is in Courier New, 0.6 em a character. No kerning: Word and LibreOffice do not kern by default.
"""

from __future__ import annotations

UNITS_PER_EM = 2048
UNKNOWN = UNITS_PER_EM
CODE = 1229  # Courier New: every character 0.6 em

# width in font units: the characters of that width (tests/render/docx/test_docx_metrics.py
# checks every one against the font files in wsoagen/fonts)
_REGULAR = {
    384: "′", 391: "'", 455: "ijl‘’", 532: "|¦",
    569: " !,./:;I[\\]ft\xa0ÌÍÎÏìíîï", 682: "()-`r¡¨\xad²³´·¸¹‐“”", 684: "{}", 717: "•", 725: "″",
    727: '"', 748: "º", 758: "ª", 797: "*", 819: "°", 961: "^", 1024: "Jcksvxyzçýÿ", 1100: "¶",
    1124: "±÷", 1131: "¯", 1139: "#$0123456789?L_abdeghnopqu¢£¤¥§«»àáâãäåèéêëðñòóôõöùúûüþ–€",
    1180: "µ", 1196: "+<=>~¬×−", 1251: "FTZ¿ßø", 1366: "&ABEKPSVXYÀÁÂÃÄÅÈÉÊËÝÞ",
    1479: "CDHNRUwÇÐÑÙÚÛÜ", 1509: "©®", 1593: "GOQÒÓÔÕÖØ", 1706: "Mm", 1708: "¼½¾", 1821: "%æ",
    1933: "Wœ", 2048: "ÆŒ—…™", 2079: "@",
}
_BOLD = {
    487: "'", 491: "′", 569: " ,./I\\ijl\xa0ÌÍÎÏìíîï‘’", 573: "|¦", 682: "!()-:;[]`ft¡¨\xad²³´·¸¹‐",
    717: "•", 748: "º", 758: "ª", 797: "*r{}", 819: "°", 971: '"', 981: "″", 1024: "z“”",
    1124: "±÷", 1131: "¯", 1139: "#$0123456789J_aceksvxy¢£¤¥§«¶»àáâãäåçèéêëýÿ–€", 1180: "µ",
    1196: "+<=>^~¬×−", 1251: "?FLTZbdghnopqu¿ßðñòóôõöøùúûüþ", 1366: "EPSVXYÈÉÊËÝÞ",
    1479: "&ABCDHKNRUÀÁÂÃÄÅÇÐÑÙÚÛÜ", 1509: "©®", 1593: "GOQwÒÓÔÕÖØ", 1706: "M", 1708: "¼½¾",
    1821: "%mæ", 1933: "Wœ", 1997: "@", 2048: "ÆŒ—…™",
}


def _by_char(table: dict[int, str]) -> dict[str, int]:
    return {char: width for width, chars in table.items() for char in chars}


REGULAR = _by_char(_REGULAR)
BOLD = _by_char(_BOLD)


def units(text: str, bold: bool = False, code: bool = False) -> int:
    """The advance width of `text` in font units (UNITS_PER_EM to the em)."""
    if code:
        return CODE * len(text)
    widths = BOLD if bold else REGULAR
    return sum(widths.get(char, UNKNOWN) for char in text)


def twips(text: str, half_points: int, bold: bool = False, code: bool = False) -> float:
    """The width of `text` set at `half_points` (24 is 12 pt), in twips."""
    return units(text, bold, code) * half_points * 10 / UNITS_PER_EM
