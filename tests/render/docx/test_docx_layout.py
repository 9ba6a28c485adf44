"""layout: the cell grid from rowspans and colspans, padding, and column widths, as whole results."""

from __future__ import annotations

import lxml.html
import pytest

from wsoagen.render.docx.layout import col_widths, column_widths, grid, pad
from wsoagen.render.docx.measure import Extent
from wsoagen.render.docx.subset import UnsupportedHtml, table_parts


def grid_of(table_html: str):
    return grid(table_parts(lxml.html.fragment_fromstring(table_html))[2])


def laid_out(table_html: str):
    """grid() of a table: rows of (text, col, span, rows, first) and the number of columns."""
    rows, ncols = grid_of(table_html)
    return [[(_text(s.cell.el), s.cell.col, s.cell.span, s.cell.rows, s.first) for s in row.slots] for row in rows], ncols


def _text(el) -> str | None:
    return None if el is None else el.text_content()


def test_grid_spans_rows_and_columns_and_merges_up_across_tbody():
    assert laid_out(
        "<table><thead><tr><th>A</th><th colspan='2'>B</th></tr></thead>"
        "<tbody><tr><td rowspan='2'>C</td><td>D</td><td>E</td></tr><tr><td>F</td><td>G</td></tr></tbody>"
        "<tbody><tr><td data-merge='up'></td><td>H</td><td>I</td></tr></tbody></table>"
    ) == ([
        [("A", 0, 1, 1, True), ("B", 1, 2, 1, True)],
        [("C", 0, 1, 3, True), ("D", 1, 1, 1, True), ("E", 2, 1, 1, True)],
        [("C", 0, 1, 3, False), ("F", 1, 1, 1, True), ("G", 2, 1, 1, True)],
        [("C", 0, 1, 3, False), ("H", 1, 1, 1, True), ("I", 2, 1, 1, True)],
    ], 3)


def test_grid_ends_rowspans_with_their_row_group():
    assert laid_out(
        "<table><tbody><tr><td rowspan='5'>A</td><td>B</td></tr><tr><td>C</td></tr></tbody>"
        "<tbody><tr><td rowspan='0'>D</td><td>E</td></tr><tr><td>F</td></tr></tbody></table>"
    ) == ([
        [("A", 0, 1, 2, True), ("B", 1, 1, 1, True)],
        [("A", 0, 1, 2, False), ("C", 1, 1, 1, True)],
        [("D", 0, 1, 2, True), ("E", 1, 1, 1, True)],
        [("D", 0, 1, 2, False), ("F", 1, 1, 1, True)],
    ], 2)


def test_grid_refuses_a_cell_overlapping_a_rowspan():
    with pytest.raises(UnsupportedHtml) as exc:
        laid_out("<table><tr><td>a</td><td rowspan='2'>b</td></tr><tr><td colspan='2'>c</td></tr></table>")
    assert str(exc.value) == '<td> overlaps a cell spanning from a row above at line 1: <td colspan="2">c</td>'


def test_pad_fills_the_gaps_of_short_rows():
    rows, ncols = grid_of("<table><tr><td>a</td><td>b</td><td rowspan='2'>c</td><td>d</td></tr><tr><td>e</td></tr></table>")
    assert [(_text(s.cell.el), s.cell.col, s.cell.span, s.first) for s in pad(rows[1].slots, ncols)] == [
        ("e", 0, 1, True), (None, 1, 1, True), ("c", 2, 1, False), (None, 3, 1, True),
    ]


def test_col_widths_share_what_is_left_and_sum_to_the_total():
    assert col_widths([40, 20, 40], 3, 9638) == [3855, 1928, 3855]
    assert col_widths([50, None, None], 3, 1000) == [500, 250, 250]
    assert col_widths([], 4, 1001) == [250, 250, 250, 251]  # the rounding goes to the last column
    assert col_widths([60, 60, None], 3, 1200) == [470, 470, 260]  # over 100%: scaled down


def by_length(el) -> Extent:
    """A stand-in measure: 10 twips a character, the longest word least, the whole text most."""
    text = " ".join(el.text_content().split())
    return Extent(10.0 * max((len(w) for w in text.split()), default=0), 10.0 * len(text))


def test_column_widths_take_the_hint_but_never_less_than_the_widest_word():
    rows, ncols = grid_of("<table><tr><td>Ref</td><td>Resource</td><td>Implementation</td></tr></table>")
    # least: 30 + 20, 80 + 20, 140 + 20; the hints 10%, 10%, 80% of 1000
    assert column_widths(rows, ncols, 1000, [10, 10, 80], by_length, 20) == [100, 100, 800]
    # of 500: 50 and 50 leave Resource (least 100) short; it takes 50 from Implementation's room
    assert column_widths(rows, ncols, 500, [10, 10, 80], by_length, 20) == [50, 100, 350]
    # hints are only hints: 0% still gets its word; the others give in proportion to their room
    # above their own words (400 and 340 of 500)
    assert column_widths(rows, ncols, 1000, [0, 50, 50], by_length, 20) == [50, 473, 477]


def test_column_widths_without_hints_run_from_the_widest_word_to_the_longest_text():
    rows, ncols = grid_of(
        "<table><tr><td>Ref</td><td>A much longer description here</td></tr>"
        "<tr><td colspan='2'>a spanning cell</td></tr></table>")
    # Ref: least = most = 30 + 20; description: least 110 + 20, most 300 + 20
    assert column_widths(rows, ncols, 740, [], by_length, 20) == [100, 640]  # room for all: most widths, scaled
    assert column_widths(rows, ncols, 250, [], by_length, 20) == [50, 200]  # between: least + a share
    assert column_widths(rows, ncols, 90, [], by_length, 20) == [25, 65]  # no room: least widths scaled down


def test_column_widths_widen_columns_for_a_spanning_cell_that_needs_more():
    rows, ncols = grid_of("<table><tr><td>ab</td><td>cd</td></tr><tr><td colspan='2'>abcdefghijklmnop</td></tr></table>")
    # single cells: 20 + 10 each; the span needs 160 + 10 = 170 over both, shared by the hints
    assert column_widths(rows, ncols, 1000, [50, None], by_length, 10) == [500, 500]
    assert column_widths(rows, ncols, 1000, [], by_length, 10) == [500, 500]
    assert column_widths(rows, ncols, 1000, [90, 10], by_length, 10) == [900, 100]
    assert column_widths(rows, ncols, 1000, [95, 5], by_length, 10) == [950, 50]  # the span fits over both
