"""Spanning tables in print: the grid (rowspan, data-merge="up"), cutting a cell's text between
lines, and pages where nothing spills, no sliver opens a page and continued cells say so."""

import re
from datetime import date

import pytest
from layout_faults import faults, walk
from lxml import html as lxml_html
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from conftest import ROOT
from wsoagen.render.paginate import bands, cut, flow, grid, pages
from wsoagen.render.paginate.measure import walk as walk_shown
from wsoagen.render.paginate.printed import BAND
from wsoagen.render.pdf import html_to_pdf, render

TEMPLATES = ROOT / "src" / "wsoagen" / "templates" / "default"
CSS = """
@page { size: 148mm 105mm; margin: 10mm; }
body { font: 10pt/1.4 "Liberation Sans", sans-serif; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 0.75pt solid #505a5f; padding: 3pt 5pt; vertical-align: top; text-align: left; }
td p { margin: 0 0 4pt; } td ul { margin: 2pt 0 4pt; padding-left: 12pt; }
thead { display: table-header-group; }
"""


def page(body: str) -> str:
    return f'<!DOCTYPE html><html lang="en-GB"><head><title>t</title><style>{CSS}</style></head><body>{body}</body></html>'


def items(n: int, words: int = 12) -> str:
    return "".join(f"<li>Item {i}: " + " ".join(f"word{j}" for j in range(words)) + "</li>" for i in range(1, n + 1))


def spanning_table(milestones: int = 6, impact: int = 14) -> str:
    """An outcome spanning its action's rows, the action spanning its milestones, as the WSOA has them."""
    rows = []
    for i in range(milestones):
        cells = ""
        if i == 0:
            cells += (f'<td rowspan="{milestones}" data-continued="1.1 (continued)"><p><strong>1.1</strong></p>'
                      f'<p>An outcome with a long list of impact.</p><ul>{items(impact)}</ul></td>'
                      f'<th scope="row" rowspan="{milestones}">1.1a</th>'
                      f'<td rowspan="{milestones}" data-continued="1.1a (continued)"><p>The action.</p></td>')
        cells += f'<td>Milestone {i + 1}</td><td style="background-color:#1d70b8;color:#fff">Blue</td>'
        rows.append(f"<tr>{cells}</tr>")
    head = "<thead><tr><th>Outcome</th><th>Ref</th><th>Action</th><th>Milestone</th><th>Status</th></tr></thead>"
    return f"<table><caption>Actions</caption>{head}<tbody>{''.join(rows)}</tbody></table>"


def laid_out(html: str):
    return render(html, TEMPLATES, [])


def text(element) -> str:
    return re.sub(r"\s+", "", "".join(element.itertext()))


# ---------------------------------------------------------------- the grid


def test_grid_of_rowspans_and_merged_cells():
    table = lxml_html.fromstring(
        "<table><tbody><tr><td rowspan='2'>A</td><td>B</td></tr><tr><td>C</td></tr></tbody>"
        "<tbody><tr><td data-merge='up'></td><td rowspan='0'>D</td></tr><tr><td>E</td></tr></tbody>"
        "<tbody><tr><td colspan='2'>F</td></tr></tbody></table>")
    table_grid = grid.build_grid(table)
    assert [(s.cell.text, s.col, s.first, s.last) for s in table_grid.spans] == [("A", 0, 0, 2), ("D", 1, 2, 3)]
    assert [{c: cell.text for c, cell in row.items()} for row in table_grid.plain] == [{1: "B"}, {1: "C"}, {}, {0: "E"}, {0: "F"}]
    assert table_grid.columns == 2
    assert table_grid.groups() == [range(0, 4), range(4, 5)]


def test_merge_up_makes_a_one_row_cell_span():
    table = lxml_html.fromstring("<table><tbody><tr><td>A</td><td>B</td></tr></tbody>"
                                 "<tbody><tr><td data-merge='up'></td><td>C</td></tr></tbody></table>")
    table_grid = grid.build_grid(table)
    assert [(s.cell.text, s.first, s.last) for s in table_grid.spans] == [("A", 0, 1)]
    assert table_grid.groups() == [range(0, 2)]


# ---------------------------------------------------------------- cutting a cell between lines


def test_a_cut_keeps_every_character_once_and_the_list_numbering():
    cell = lxml_html.fromstring('<td><p>One <strong>two three</strong> four</p><ol start="3"><li>five six</li>'
                                '<li>seven <a href="#x">eight</a> nine</li><li>ten</li></ol></td>')
    cuts = [0, 6, 22, 27, len(text(cell)) + 1]
    parts = [lxml_html.tostring(cut.cut(cell, a, b), encoding="unicode") for a, b in zip(cuts, cuts[1:], strict=False)]
    assert parts == [
        '<td class="wsoagen-head"><p class="wsoagen-head">One <strong class="wsoagen-head">two</strong></p></td>',
        '<td class="wsoagen-rest wsoagen-head"><p class="wsoagen-rest"><strong class="wsoagen-rest">three</strong> four</p>'
        '<ol start="3" class="wsoagen-head"><li>five six</li></ol></td>',
        '<td class="wsoagen-rest wsoagen-head"><ol start="4" class="wsoagen-rest wsoagen-head"><li class="wsoagen-head">seven</li></ol></td>',
        '<td class="wsoagen-rest"><ol start="4" class="wsoagen-rest"><li class="wsoagen-rest"><a href="#x">eight</a> nine</li>'
        '<li>ten</li></ol></td>',  # the rest of item 4 (no second bullet), then item 5
    ]


def test_text_parts_drop_the_space_where_they_are_cut():
    assert cut._text_part("  alpha beta gamma ", 0, 9) == "  alpha beta"
    assert cut._text_part("  alpha beta gamma ", 9, 20) == "gamma "


# ---------------------------------------------------------------- pages


def test_weasyprint_alone_spills_spanning_cells_and_opens_pages_with_slivers():
    document = HTML(string=page(spanning_table())).render()
    kinds = {f.kind for f in faults(document)}
    assert {"overflow"} <= kinds  # the fault this module exists for


def column_text(document, column: int) -> str:
    """The text of one column of the table, page after page, labels left out (no white space)."""
    texts = []
    for pg in document.pages:
        for row in (b for b in walk(pg._page_box) if isinstance(b, boxes.TableRowBox) and b.element.get(BAND)):
            cell = row.children[column]
            texts += [b.text for b in walk_shown(cell) if isinstance(b, boxes.TextBox)
                      and "wsoagen-continued" not in (b.element.get("class") or "")]
    return re.sub(r"\s+", "", "".join(texts))


def first_rows(document):
    """The first body row of the table on each page after the first."""
    for pg in document.pages[1:]:
        yield next(b for b in walk(pg._page_box) if isinstance(b, boxes.TableRowBox) and b.element.get(BAND))


def labels(row) -> list[str]:
    return [" ".join(e.itertext()) for e in row.element.iter() if "wsoagen-continued" in (e.get("class") or "")]


def test_spanning_cells_break_cleanly_and_continued_cells_say_so():
    html = page(spanning_table())
    document = laid_out(html)
    assert len(document.pages) >= 3
    assert [str(f) for f in faults(document)] == []
    for number, row in enumerate(first_rows(document), start=2):
        assert labels(row) == ["1.1 (continued)", "1.1a (continued)"], f"page {number}"
    source = lxml_html.fromstring(html).find(".//tbody/tr")
    assert column_text(document, 0) == text(source[0])  # every word of the outcome, once, in order
    assert column_text(document, 2) == text(source[2])


def test_labels_only_where_a_page_opens(monkeypatch):
    """The labels go where pages open, whatever the first guess (layout checks it)."""
    calls = []
    monkeypatch.setattr(pages, "predict", lambda *a: calls.append(1) or frozenset())
    document = laid_out(page(spanning_table()))
    assert calls and [str(f) for f in faults(document)] == []
    labelled = {b.element.get(BAND) for p in document.pages for b in walk(p._page_box)
                if isinstance(b, boxes.TableRowBox) and b.element.get(BAND) and labels(b)}
    assert labelled == {row.element.get(BAND) for row in first_rows(document)}


def test_a_document_without_spanning_tables_is_laid_out_once():
    html = page("<table><tbody><tr><td>A</td></tr></tbody></table>")
    seen = []
    assert pages.layout(html, lambda h: seen.append(h) or HTML(string=h).render()) is not None
    assert seen == [html]


@pytest.mark.parametrize("impact", [0, 1, 40])
def test_no_text_is_lost_however_long_the_cell(impact: int):
    html = page(spanning_table(milestones=3, impact=impact))
    document = laid_out(html)
    assert [str(f) for f in faults(document)] == []
    assert column_text(document, 0) == text(lxml_html.fromstring(html).find(".//tbody/tr")[0])


def test_same_html_same_pdf():
    html = page(spanning_table())
    assert html_to_pdf(html, TEMPLATES, [], date(2020, 1, 14)) == html_to_pdf(html, TEMPLATES, [], date(2020, 1, 14))


def test_a_lead_in_goes_to_the_next_page_with_its_list():
    # "Impact" (a paragraph before a list) would end a page alone: the part opening the next page
    # starts with it; the bands before keep the rest of the text.
    span = grid.Span(None, 0, 0, 1, lines=[grid.Line(0, 10, 0, 5), grid.Line(10, 20, 5, 11, keep=True),
                                           grid.Line(20, 30, 11, 20), grid.Line(30, 40, 20, 30)])
    table_grid = grid.Grid(None, rows=[None, None], plain=[{}, {}], spans=[span])
    rows = [[bands.Band(0, 0, 0.0, 25.0), bands.Band(1, 1, 25.0, 15.0)]]
    for opens, expected in [(False, [(0, 20, 0.0), (20, 31, 5.0)]), (True, [(0, 5, 0.0), (5, 31, -15.0)])]:
        table_flow = flow.Flow.of(table_grid, rows)
        table_flow.advance(0, False)
        table_flow.advance(1, opens)
        assert [p[0] for p in table_flow.parts()] == expected
