"""tables: spans as w:gridSpan and w:vMerge, header rows, shading, captions, column widths."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx_helpers import STATUS_TABLE, open_body, tc_grid, wsoa_table, xml_of


@pytest.fixture(scope="module")
def status_doc():
    return open_body(STATUS_TABLE)


def test_table_spans_are_written_as_gridspan_and_vmerge(status_doc):
    grid = tc_grid(status_doc.tables[0])
    assert [[(c["span"], c["vmerge"]) for c in row] for row in grid] == [
        [(1, None), (2, None)],
        [(1, "restart"), (1, None), (1, None)],
        [(1, "continue"), (1, None), (1, None)],
        [(1, "continue"), (1, None), (1, None)],  # data-merge="up", across <tbody>
        [(3, None)],
    ]
    assert grid[1][0]["text"] == "1.1\nA strategy" and grid[2][0]["text"] == grid[3][0]["text"] == ""
    assert grid[4] == [{"text": "A note across the table", "span": 3, "vmerge": None, "fill": None}]


def test_merge_up_continues_the_cell_above_across_tbody():
    doc = open_body(
        "<table><tbody><tr><td>Outcome</td><td>A</td></tr></tbody>"
        '<tbody><tr><td data-merge="up"></td><td>B</td></tr><tr><td>Other</td><td>C</td></tr></tbody></table>'
    )
    grid = tc_grid(doc.tables[0])
    assert [c["vmerge"] for c in (grid[0][0], grid[1][0], grid[2][0])] == ["restart", "continue", None]
    assert doc.tables[0].cell(1, 0).text == "Outcome"


def test_table_logical_cells_read_back(status_doc):
    table = status_doc.tables[0]
    assert len(table.columns) == 3 and len(table.rows) == 5
    assert table.cell(0, 1).text == "Actions and status"
    assert table.cell(0, 1)._tc is table.cell(0, 2)._tc  # colspan
    assert table.cell(1, 0).text == "1.1\nA strategy"
    assert table.cell(2, 0).text == "1.1\nA strategy"  # rowspan: the same merged cell
    assert table.cell(1, 2).text == "Amber\nNov 2019"
    assert [p.style.name for p in table.cell(2, 2).paragraphs] == ["List Bullet", "List Bullet"]
    assert table.cell(3, 0).text == "1.1\nA strategy" and table.cell(3, 1).text == "1.1c"
    assert table.cell(4, 0).text == table.cell(4, 2).text == "A note across the table"


def test_header_rows_repeat_and_no_row_splits(status_doc):
    rows = status_doc.tables[0]._tbl.tr_lst
    header = [tr.trPr.find(qn("w:tblHeader")) is not None for tr in rows]
    assert header == [True, False, False, False, False]
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    th_run = status_doc.tables[0].cell(1, 1).paragraphs[0].runs[0]
    assert th_run.text == "1.1a" and th_run.bold


def test_status_cell_shading_and_text_colour(status_doc):
    cell = status_doc.tables[0].cell(1, 2)
    tcpr = cell._tc.tcPr
    shd = tcpr.find(qn("w:shd"))
    assert (shd.get(qn("w:val")), shd.get(qn("w:fill"))) == ("clear", "FFBF47")
    order = [child.tag.split("}")[1] for child in tcpr]
    assert order == ["tcW", "shd"]
    assert all(str(r.font.color.rgb) == "0B0C0C" for r in cell.paragraphs[0].runs)


def test_caption_precedes_table_and_is_its_alt_text(status_doc):
    body = status_doc.element.body
    caption_p = body[0]
    assert caption_p.tag == qn("w:p") and body[1].tag == qn("w:tbl")
    assert status_doc.paragraphs[0].style.name == "Caption"
    assert status_doc.paragraphs[0].text == "Workstream 1 action plan"
    tblpr = status_doc.tables[0]._tbl.tblPr
    assert tblpr.find(qn("w:tblCaption")).get(qn("w:val")) == "Workstream 1 action plan"
    assert tblpr.find(qn("w:tblDescription")).get(qn("w:val")) == "Workstream 1 action plan"
    assert status_doc.tables[0].style.name == "Table Grid"
    width = tblpr.find(qn("w:tblW"))
    assert (width.get(qn("w:w")), width.get(qn("w:type"))) == ("5000", "pct")


def test_column_widths_follow_colgroup(status_doc):
    cols = status_doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    widths = [int(c.get(qn("w:w"))) for c in cols]
    assert sum(widths) == 11906 - 2 * 1134
    assert [round(w / sum(widths), 3) for w in widths] == [0.4, 0.2, 0.4]


def test_500_row_table_with_rowspans_is_built_correctly():
    doc = open_body(f'<section class="landscape"><h2>Workstream</h2>{wsoa_table(500)}</section>')
    tbl = doc.tables[0]._tbl
    grid = tc_grid(doc.tables[0])
    assert len(grid) == 501 and all(len(row) == 7 for row in grid)
    body = grid[1:]
    outcome_starts = [i for i, row in enumerate(body) if row[0]["vmerge"] == "restart"]
    assert outcome_starts == list(range(0, 500, 25))
    assert sum(row[0]["vmerge"] == "continue" for row in body) == 480
    action_starts = [i for i, row in enumerate(body) if row[1]["vmerge"] == "restart"]
    assert action_starts == list(range(0, 500, 5))
    assert all(row[2]["vmerge"] == row[1]["vmerge"] for row in body)
    assert [row[4]["text"] for row in body] == [f"Milestone {n}" for n in range(500)]
    assert {row[6]["fill"] for row in body} == {"00703C"}
    assert body[498][0]["text"] == "" and body[475][0]["text"] == "20\nOutcome 20"
    assert tbl.xpath("count(.//w:tblHeader)") == 1


def test_table_row_and_cell_properties_are_whole_and_in_schema_order():
    doc = open_body(
        '<table><caption>Key</caption><thead><tr><th colspan="2" style="background-color:#fff">h</th></tr></thead>'
        '<tr><td rowspan="2" style="background-color:#00703c">a</td><td>b</td></tr><tr><td>c</td></tr></table>'
    )
    tbl = doc.tables[0]._tbl
    assert xml_of(tbl.tblPr) == (
        '<w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>'
        '<w:tblLook w:val="0620" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>'
        '<w:tblCaption w:val="Key"/><w:tblDescription w:val="Key"/></w:tblPr>'
    )
    assert xml_of(tbl.tblGrid) == '<w:tblGrid><w:gridCol w:w="4819"/><w:gridCol w:w="4819"/></w:tblGrid>'
    assert [xml_of(tr) for tr in tbl.tr_lst] == [
        '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>'
        '<w:tc><w:tcPr><w:tcW w:w="9638" w:type="dxa"/><w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/></w:tcPr>'
        "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>h</w:t></w:r></w:p></w:tc></w:tr>",
        '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
        '<w:tc><w:tcPr><w:tcW w:w="4819" w:type="dxa"/><w:vMerge w:val="restart"/><w:shd w:val="clear" w:color="auto" w:fill="00703C"/></w:tcPr>'
        "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>a</w:t></w:r></w:p></w:tc>"
        '<w:tc><w:tcPr><w:tcW w:w="4819" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:t>b</w:t></w:r></w:p></w:tc></w:tr>',
        '<w:tr><w:trPr><w:cantSplit/></w:trPr>'
        '<w:tc><w:tcPr><w:tcW w:w="4819" w:type="dxa"/><w:vMerge/><w:shd w:val="clear" w:color="auto" w:fill="00703C"/></w:tcPr><w:p/></w:tc>'
        '<w:tc><w:tcPr><w:tcW w:w="4819" w:type="dxa"/></w:tcPr><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>',
    ]


def test_header_rows_look_like_the_pdf_and_other_rows_do_not():
    """<thead> cells: the reference's header shading and white bold text, kept with the next row;
    w:tblLook applies the style's header format only to tables that have a header."""
    doc = open_body("<table><thead><tr><th>Status</th><td>Meaning</td></tr></thead><tr><th>Blue</th><td>complete</td></tr></table>"
                    "<table><tr><th>Published</th><td>November 2019</td></tr></table>")
    with_header, without = (t._tbl for t in doc.tables)
    assert [tc_grid(t)[0][0]["fill"] for t in doc.tables] == ["1D3557", None]
    for tc in with_header.tr_lst[0].tc_lst:
        run = tc.p_lst[0].r_lst[0]
        assert (run.rPr.b is not None, run.rPr.color.val) == (True, RGBColor(0xFF, 0xFF, 0xFF))
        assert tc.p_lst[0].pPr.keepNext_val
    body_th = with_header.tr_lst[1].tc_lst[0].p_lst[0]
    assert body_th.r_lst[0].rPr.color is None and body_th.pPr is None
    looks = [t.tblPr.find(qn("w:tblLook")) for t in (with_header, without)]
    assert [(look.get(qn("w:val")), look.get(qn("w:firstRow"))) for look in looks] == [("0620", "1"), ("0600", "0")]


def test_short_tables_and_short_row_groups_stay_on_one_page():
    """Rows keep with the next (Word's way) in a table of up to 12 body rows, and within each
    <tbody> of up to 12 rows of a longer table (an action and its milestones) but the first, which
    may split so that the table starts on the page of its introduction; never the last row."""
    def kept(doc):
        return [[tr.tc_lst[0].p_lst[0].pPr is not None and bool(tr.tc_lst[0].p_lst[0].pPr.keepNext_val)
                 for tr in t._tbl.tr_lst] for t in doc.tables]

    small = open_body("<table><thead><tr><th>h</th></tr></thead>" + "<tr><td>r</td></tr>" * 3 + "</table>")
    assert kept(small) == [[True, True, True, False]]
    groups = "".join("<tbody>" + "<tr><td>m</td></tr>" * 5 + "</tbody>" for _ in range(3))
    long_table = open_body(f"<table>{groups}</table>")
    assert kept(long_table) == [[False] * 5 + ([True] * 4 + [False]) * 2]
    one_long_group = open_body("<table><tbody>" + "<tr><td>m</td></tr>" * 13 + "</tbody></table>")
    assert kept(one_long_group) == [[False] * 13]
