"""layout: the cell grid from rowspans and colspans, padding, and column widths, as whole results."""

from __future__ import annotations

import lxml.html
import pytest

from wsoagen.render.docx.layout import auto_widths, col_widths, grid, pad
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


def test_auto_widths_run_from_the_longest_word_to_the_longest_text():
    rows, ncols = grid_of(
        "<table><tr><td>Ref</td><td>A much longer description here</td></tr>"
        "<tr><td colspan='2'>a spanning cell counts for neither column, however long it is</td></tr></table>")
    # Ref: word 3 -> min ceil(3 * 1.3) + 3 = 7, text 3 + 2 = 5; description: min 18, max 32
    assert auto_widths(rows, ncols, 120 * 100) == [7.0, 32.0]  # room for every text
    assert auto_widths(rows, ncols, 120 * 30) == [7.0, 23.0]  # between: the slack shared by max - min
    assert auto_widths(rows, ncols, 120 * 20) == [7.0, 18.0]  # no room: the minimums
