"""metrics: the widths of Word's typeface, checked against the font files the PDF uses."""

from __future__ import annotations

from pathlib import Path

import pytest

import wsoagen
from wsoagen.render.docx import metrics

FONTS = Path(wsoagen.__file__).parent / "fonts"


@pytest.mark.parametrize(("face", "table", "bold"), [("Regular", metrics.REGULAR, False), ("Bold", metrics.BOLD, True)])
def test_every_width_is_the_fonts_own(face, table, bold):
    ttlib = pytest.importorskip("fontTools.ttLib")  # installed with WeasyPrint
    font = ttlib.TTFont(FONTS / f"LiberationSans-{face}.ttf")
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    assert font["head"].unitsPerEm == metrics.UNITS_PER_EM
    assert {char: hmtx[cmap[ord(char)]][0] for char in table} == table
    assert metrics.units("".join(table), bold=bold) == sum(table.values())
    # italic sets as wide as upright: the widths serve both
    italic = ttlib.TTFont(FONTS / f"LiberationSans-{'Italic' if face == 'Regular' else 'BoldItalic'}.ttf")
    italic_cmap, italic_hmtx = italic.getBestCmap(), italic["hmtx"]
    assert {char: italic_hmtx[italic_cmap[ord(char)]][0] for char in table} == table


def test_twips_at_a_size():
    # "Resource" bold at 10.5 pt: R 1479 + e 1139 + s 1139 + o 1251 + u 1251 + r 797 + c 1139 + e 1139 units
    assert metrics.units("Resource", bold=True) == 9334
    assert metrics.twips("Resource", 21, bold=True) == pytest.approx(9334 * 210 / 2048)  # 957 twips, 47.9 pt
    assert metrics.twips("Green", 24) == pytest.approx((1593 + 682 + 1139 * 3) * 240 / 2048)


def test_characters_not_listed_count_a_whole_em_and_code_is_monospaced():
    assert metrics.units("€") == 1139 and metrics.units("✓") == metrics.UNITS_PER_EM
    assert metrics.units("iiii", code=True) == metrics.units("MMMM", code=True) == 4 * metrics.CODE
