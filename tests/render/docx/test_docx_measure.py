"""measure: a cell's widest unbreakable word and widest line, from the HTML, in twips."""

from __future__ import annotations

import lxml.html
import pytest

from wsoagen.render.docx import metrics
from wsoagen.render.docx.measure import cell_extent

SIZE = 21  # 10.5 pt
INDENT = 360


def extent(html: str):
    return cell_extent(lxml.html.fragment_fromstring(html), SIZE, INDENT)


def w(text: str, bold: bool = False, size: int = SIZE) -> float:
    return metrics.twips(text, size, bold)


def test_the_widest_word_and_the_whole_line():
    got = extent("<td>Resource required</td>")
    assert got.least == pytest.approx(w("Resource")) and got.most == pytest.approx(w("Resource required"))
    assert extent("<th>Resource required</th>").least == pytest.approx(w("Resource", bold=True))


def test_inline_formatting_counts_where_it_applies():
    got = extent("<td><strong>Green</strong><br>16 December 2019</td>")
    assert got.least == pytest.approx(w("December")) and w("Green", bold=True) < w("December")
    assert got.most == pytest.approx(w("16 December 2019"))  # <br> starts a new line
    assert extent("<td>Gr<strong>een</strong></td>").least == pytest.approx(w("Gr") + w("een", bold=True))
    assert extent('<td><p class="small">Source</p></td>').least == pytest.approx(w("Source", size=20))


def test_words_break_at_spaces_and_after_a_hyphen_before_a_letter_only():
    assert extent("<td>co-production</td>").least == pytest.approx(w("production"))
    assert extent("<td>aged 18-25</td>").least == pytest.approx(w("18-25"))
    assert extent("<td>Ogle-Welbourn</td>").least == pytest.approx(w("Welbourn"))
    assert extent("<td>Nov\u00a02019</td>").least == pytest.approx(w("Nov\u00a02019"))  # a no-break space joins


def test_list_items_are_indented_by_their_level():
    got = extent("<td><p>Impact</p><ul><li>Services<ul><li>commissioned</li></ul></li></ul></td>")
    assert got.least == pytest.approx(2 * INDENT + w("commissioned"))
    assert got.most == pytest.approx(2 * INDENT + w("commissioned"))
    assert extent("<td></td>").least == extent("<td></td>").most == 0
