"""The DOCX writer: the HTML subset read back with python-docx (and raw XML where it has no API)."""

from __future__ import annotations

import base64
import importlib.util
import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from PIL import Image

from wsoagen.render.docx import UnsupportedHtml, html_to_docx

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "templates" / "default" / "reference.docx"
A4_TEXT_WIDTH_EMU = (11906 - 2 * 1134) * 635


def page(body: str, head: str = "", lang: str = "en-GB") -> str:
    return f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


def render(body: str, head: str = "") -> bytes:
    return html_to_docx(page(body, head), REFERENCE)


def read(data: bytes) -> docx.document.Document:
    return docx.Document(io.BytesIO(data))


def open_body(body: str, head: str = "") -> docx.document.Document:
    return read(render(body, head))


def png_uri(width: int = 40, height: int = 20, colour=(29, 112, 184)) -> str:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "PNG")
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode()


def styles(doc) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs]


def tc_grid(table) -> list[list[dict]]:
    """Each w:tc as {text, span, vmerge, fill} per row, straight from the XML."""
    rows = []
    for tr in table._tbl.tr_lst:
        row = []
        for tc in tr.tc_lst:
            span = tc.find(f"{qn('w:tcPr')}/{qn('w:gridSpan')}")
            vmerge = tc.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
            shd = tc.find(f"{qn('w:tcPr')}/{qn('w:shd')}")
            row.append({
                "text": "\n".join("".join(t.text for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))),
                "span": int(span.get(qn("w:val"))) if span is not None else 1,
                "vmerge": None if vmerge is None else vmerge.get(qn("w:val"), "continue"),
                "fill": shd.get(qn("w:fill")) if shd is not None else None,
            })
        rows.append(row)
    return rows


# ---------------------------------------------------------------- reference.docx


def test_reference_docx_has_the_house_styles():
    doc = docx.Document(str(REFERENCE))
    names = {s.name for s in doc.styles}
    for name in ("Normal", "Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "Heading 4",
                 "Caption", "Quote", "List Bullet", "List Bullet 2", "List Number", "List Number 2",
                 "Hyperlink", "Table Grid", "TOC 1", "TOC 2", "TOC Heading", "Header", "Footer"):
        assert name in names, name
    assert doc.styles["Heading 1"].font.bold and doc.styles["Heading 1"].font.size.pt == 20
    assert doc.styles["Title"].font.size.pt == 28
    caption = doc.styles["Caption"].font
    assert caption.bold and not caption.italic and caption.size.pt == 11
    borders = doc.styles["Table Grid"].element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert {b.get(qn("w:val")) for b in borders} == {"single"} and len(borders) == 6
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    assert {fonts.get(qn(f"w:{a}")) for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Arial"}
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    section = doc.sections[0]
    assert (section.page_width, section.page_height) == (11906 * 635, 16838 * 635)
    assert section.left_margin == section.right_margin == section.top_margin == 1134 * 635
    assert doc.core_properties.language == "en-GB"
    assert doc.paragraphs == [] and doc.tables == []


def test_reference_script_is_deterministic():
    spec = importlib.util.spec_from_file_location("make_reference_docx", ROOT / "templates" / "make_reference_docx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    first, second = module.build(), module.build()
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert "docProps/thumbnail.jpeg" not in z.namelist()


# ---------------------------------------------------------------- text


def test_headings_title_subtitle_and_paragraph_styles():
    doc = open_body(
        '<header><h1 class="title">The plan</h1><p class="subtitle">In response</p></header>'
        "<main><h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><p>Body</p>"
        '<blockquote><p>Said</p></blockquote><p class="small">Fine print</p></main>'
    )
    assert styles(doc) == [
        ("Title", "The plan"), ("Subtitle", "In response"), ("Heading 1", "One"), ("Heading 2", "Two"),
        ("Heading 3", "Three"), ("Heading 4", "Four"), ("Normal", "Body"), ("Quote", "Said"),
        ("Normal", "Fine print"),
    ]
    assert doc.paragraphs[-1].runs[0].font.size.pt == 10


def test_heading_ids_become_bookmarks_and_anchor_links_target_them():
    doc = open_body('<h2 id="governance">Governance</h2><p><a href="#governance">See governance</a></p>')
    start = doc.paragraphs[0]._p.find(qn("w:bookmarkStart"))
    assert start.get(qn("w:name")) == "governance"
    assert doc.paragraphs[0]._p.find(qn("w:bookmarkEnd")).get(qn("w:id")) == start.get(qn("w:id"))
    link = doc.paragraphs[1].hyperlinks[0]
    assert (link.fragment, link.text) == ("governance", "See governance")


def test_link_to_a_missing_id_is_refused():
    with pytest.raises(UnsupportedHtml, match=r"<a> links to '#nowhere'"):
        render('<p><a href="#nowhere">x</a></p>')


def test_inline_formatting_runs_and_links():
    doc = open_body(
        '<p>Plain <strong>bold <em>both</em></strong> <i>it</i> <a href="https://example.org/a">'
        'a <b>bold link</b></a> <code>code</code> x<sup>2</sup> H<sub>2</sub>O '
        '<span style="color:#d4351c">red</span><br>next line</p>'
    )
    p = doc.paragraphs[0]
    runs = {r.text: r for r in p.iter_inner_content() if isinstance(r, docx.text.run.Run)}
    scripts = [r for r in p.runs if r.text == "2"]
    assert [(r.font.superscript, r.font.subscript) for r in scripts] == [(True, False), (False, True)]
    assert runs["bold "].bold and not runs["bold "].italic
    assert runs["both"].bold and runs["both"].italic
    assert runs["it"].italic
    assert runs["code"].font.name == "Courier New"
    assert str(runs["red"].font.color.rgb) == "D4351C"
    link = p.hyperlinks[0]
    assert link.url == "https://example.org/a" and link.text == "a bold link"
    assert [r.bold for r in link.runs] == [None, True]
    assert all(r.style.name == "Hyperlink" for r in link.runs)
    assert p._p.xpath("count(.//w:br)") == 1
    assert p.text == "Plain bold both it a bold link code x2 H2O red\nnext line"


def test_whitespace_collapses_as_in_html():
    doc = open_body("<p>\n   Two   <b> spaces </b>  here\n  <br>  \n after the   break \n</p><div>\n  loose text  \n</div>")
    assert [p.text for p in doc.paragraphs] == ["Two spaces here\nafter the break", "loose text"]
    assert doc.paragraphs[0].runs[1].text == "spaces "


def test_lists_styles_levels_and_numbering_restart():
    doc = open_body(
        "<ul><li>one</li><li><p>two</p><p>two more</p><ul><li>nested</li></ul></li></ul>"
        "<ol><li>first<ol><li>sub</li></ol></li><li>second</li></ol>"
        '<ol start="5"><li>fifth</li></ol>'
    )
    assert styles(doc) == [
        ("List Bullet", "one"), ("List Bullet", "two"), ("List Continue", "two more"),
        ("List Bullet 2", "nested"), ("List Number", "first"), ("List Number 2", "sub"),
        ("List Number", "second"), ("List Number", "fifth"),
    ]
    num_ids = [p._p.pPr.numPr.numId.val if p._p.pPr.numPr is not None else None for p in doc.paragraphs]
    assert num_ids[4] == num_ids[6] and num_ids[7] != num_ids[4]  # each <ol> counts from its start
    numbering = doc.part.numbering_part.element
    override = numbering.num_having_numId(num_ids[7]).find(f".//{qn('w:startOverride')}")
    assert override.get(qn("w:val")) == "5"


def test_new_page_class_breaks_before_its_first_paragraph():
    doc = open_body('<p>Cover</p><section class="new-page"><h2>Next</h2><p>Text</p></section>')
    assert [p.paragraph_format.page_break_before for p in doc.paragraphs] == [None, True, None]


# ---------------------------------------------------------------- tables

STATUS_TABLE = """
<table class="actions">
  <caption>Workstream 1 action plan</caption>
  <colgroup><col style="width: 40%"><col style="width: 20%"><col style="width: 40%"></colgroup>
  <thead><tr><th>Outcome</th><th colspan="2">Actions and status</th></tr></thead>
  <tbody>
    <tr><td rowspan="2"><p><strong>1.1</strong></p><p>A strategy</p></td><th>1.1a</th>
        <td class="status" style="background-color:#ffbf47; color:#0b0c0c"><strong>Amber</strong><br>Nov 2019</td></tr>
    <tr><th>1.1b</th><td><ul><li>one</li><li>two</li></ul></td></tr>
  </tbody>
  <tbody><tr><td data-merge="up"></td><th>1.1c</th><td>Third</td></tr></tbody>
  <tbody><tr><td colspan="3">A note across the table</td></tr></tbody>
</table>
"""


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


def wsoa_table(milestones: int, actions: int = 5, per_action: int = 5) -> str:
    """A WSOA-like action table: 7 columns, outcomes span actions, actions span milestones."""
    rows, n, outcome = [], 0, 0
    while n < milestones:
        outcome += 1
        for a in range(1, actions + 1):
            for m in range(1, per_action + 1):
                cells = ""
                if m == 1:
                    if a == 1:
                        cells += f'<td rowspan="{actions * per_action}"><p><strong>{outcome}</strong></p><p>Outcome {outcome}</p></td>'
                    cells += f'<th rowspan="{per_action}">{outcome}.{a}</th><td rowspan="{per_action}">Action {outcome}.{a}</td>'
                cells += (f"<td>ER</td><td>Milestone {n}</td><td>Nov 2019</td>"
                          '<td style="background-color:#00703c;color:#ffffff"><strong>Green</strong><br>1 Nov</td>')
                rows.append(f"<tr>{cells}</tr>")
                n += 1
    head = "<thead><tr>" + "".join(f"<th>H{i}</th>" for i in range(7)) + "</tr></thead>"
    return f"<table><caption>Actions</caption>{head}<tbody>{''.join(rows)}</tbody></table>"


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


# ---------------------------------------------------------------- figures


def test_figure_becomes_picture_with_alt_text_and_caption():
    doc = open_body(
        f'<figure><img src="{png_uri(400, 200)}" alt="Bar chart of EHCP timeliness" width="300">'
        "<figcaption>Figure 1: <em>EHCP</em> timeliness</figcaption></figure>"
    )
    pictures = doc.inline_shapes
    assert len(pictures) == 1
    assert pictures[0].width == 300 * 9525 and pictures[0].height == 150 * 9525
    doc_pr = pictures[0]._inline.docPr
    assert doc_pr.get("descr") == doc_pr.get("title") == "Bar chart of EHCP timeliness"
    assert styles(doc)[1] == ("Caption", "Figure 1: EHCP timeliness")
    assert doc.paragraphs[0].paragraph_format.keep_with_next


def test_wide_picture_is_capped_to_the_text_width():
    doc = open_body(f'<figure><img src="{png_uri(2000, 1000)}" alt="wide"></figure>')
    shape = doc.inline_shapes[0]
    assert shape.width == A4_TEXT_WIDTH_EMU and abs(shape.height - A4_TEXT_WIDTH_EMU // 2) <= 1


def test_svg_uses_its_png_fallback():
    svg = "data:image/svg+xml;base64," + base64.b64encode(b"<svg xmlns='http://www.w3.org/2000/svg'/>").decode()
    doc = open_body(f'<figure><img src="{svg}" data-png="{png_uri()}" alt="chart"></figure>')
    assert len(doc.inline_shapes) == 1
    with pytest.raises(UnsupportedHtml, match="data-png"):
        render(f'<figure><img src="{svg}" alt="chart"></figure>')


# ---------------------------------------------------------------- sections, header, contents, metadata


def test_landscape_section_then_portrait_resumes():
    doc = open_body(
        "<h1>Portrait</h1>"
        '<section class="landscape"><h2>Wide</h2><table><tr><td>x</td></tr></table></section>'
        "<p>Portrait again</p>"
    )
    sections = doc.sections
    assert len(sections) == 3
    assert [s.orientation for s in sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    assert sections[1].page_width == sections[0].page_height
    assert sections[1].page_height == sections[0].page_width
    assert sections[2].page_width == sections[0].page_width
    # the landscape table is as wide as the landscape text
    cols = doc.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))
    assert int(cols[0].get(qn("w:w"))) == 16838 - 2 * 1134


def test_document_may_end_landscape_without_a_blank_page():
    doc = open_body('<p>Intro</p><section class="landscape"><h2>Wide</h2><p>x</p></section>')
    assert [s.orientation for s in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]


def test_running_header_and_page_x_of_y_footer_in_every_section():
    doc = open_body(
        '<p>One</p><section class="landscape"><h2>Two</h2></section><p>Three</p>',
        head='<meta name="wsoagen:running-header" content="Testshire WSOA">',
    )
    for section in doc.sections:
        assert section.header.paragraphs[0].text == "Testshire WSOA"
        footer = section.footer.paragraphs[0]
        instructions = [t.text.strip() for t in footer._p.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert footer.text.startswith("Page ") and " of " in footer.text


def test_contents_becomes_a_toc_field():
    doc = open_body(
        '<nav class="toc new-page"><h2 id="contents">Contents</h2><ol>'
        '<li><a href="#intro">Introduction</a><ol><li><a href="#why">Why</a></li></ol></li>'
        '<li><a href="#plan">The plan</a></li></ol></nav>'
        '<h2 id="intro">Introduction</h2><h3 id="why">Why</h3><h2 id="plan">The plan</h2>'
    )
    assert styles(doc)[:4] == [("TOC Heading", "Contents"), ("TOC 1", "Introduction"),
                               ("TOC 2", "Why"), ("TOC 1", "The plan")]
    instr = [t.text for t in doc.element.body.iter(qn("w:instrText"))]
    assert instr == [' TOC \\o "1-2" \\h \\z \\u ']
    kinds = [f.get(qn("w:fldCharType")) for f in doc.element.body.iter(qn("w:fldChar"))]
    assert kinds == ["begin", "separate", "end"]
    assert [h.fragment for p in doc.paragraphs[1:4] for h in p.hyperlinks] == ["intro", "why", "plan"]
    update = doc.settings.element.find(qn("w:updateFields"))
    assert update is not None and update.get(qn("w:val")) == "true"


def test_core_properties_and_language():
    doc = open_body(
        "<p>x</p>",
        head='<title>Testshire WSOA</title><meta name="author" content="Testshire partnership">'
             '<meta name="dcterms.created" content="2019-11-15T00:00:00">',
    )
    core = doc.core_properties
    assert (core.title, core.language, core.author) == ("Testshire WSOA", "en-GB", "Testshire partnership")
    assert core.created.isoformat().startswith("2019-11-15T00:00:00")
    assert core.modified == core.created and core.revision == 1 and core.last_modified_by == ""
    welsh = read(html_to_docx(page("<p>x</p>", lang="cy-GB"), REFERENCE))
    assert welsh.core_properties.language == "cy-GB"
    lang = welsh.styles.element.find(f"{qn('w:docDefaults')}//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "cy-GB"


def test_same_html_gives_identical_bytes():
    html = page(STATUS_TABLE + f'<figure><img src="{png_uri()}" alt="x"></figure><p><a href="https://a.example">a</a></p>',
                head="<title>T</title>")
    first, second = html_to_docx(html, REFERENCE), html_to_docx(html, REFERENCE)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert read(first).core_properties.created.year == 2000  # no meta: a fixed date


# ---------------------------------------------------------------- refusals


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<p>x</p><script>alert(1)</script>", r"<script> is not in the wsoagen HTML subset.*<script>alert"),
        ('<iframe src="https://example.org"></iframe>', r"<iframe> is not in the wsoagen HTML subset"),
        ('<figure><img src="http://example.org/a.png" alt="a"></figure>', r"<img> src must be a data: URI"),
        ('<figure><img src="file:///etc/passwd" alt="a"></figure>', r"<img> src must be a data: URI.*file:///etc/passwd"),
        ("<dl><dt>Term</dt><dd>Meaning</dd></dl>", r"<dl> is not in the wsoagen HTML subset"),
        ("<p>a <u>b</u></p>", r"<u> is not in"),
        ('<p><a href="javascript:alert(1)">x</a></p>', r"<a> href must be"),
        ('<p style="color:red">x</p>', r"<p> style property 'color'"),
        ('<table><tr><td style="background-color:red">x</td></tr></table>', r"<td> colour 'red' must be #rrggbb"),
        (f'<figure><img src="{png_uri()}"></figure>', r"<img> needs an alt attribute"),
        ("<ul><li><table><tr><td>x</td></tr></table></li></ul>", r"<table> is not allowed inside"),
        ("<h5>Deep</h5>", r"<h5> is not in"),
        ('<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="g"></figure>', r"PNG or JPEG"),
    ],
)
def test_outside_the_subset_is_refused(body, message):
    with pytest.raises(UnsupportedHtml, match=message):
        render(body)


def test_script_in_head_is_refused():
    with pytest.raises(UnsupportedHtml, match="<script>"):
        html_to_docx('<html><head><script src="x.js"></script></head><body><p>x</p></body></html>', REFERENCE)


def test_error_names_the_line():
    with pytest.raises(UnsupportedHtml, match=r"<iframe> .* at line 3"):
        html_to_docx("<html><body>\n<p>x</p>\n<iframe></iframe></body></html>", REFERENCE)


# ---------------------------------------------------------------- a real client: LibreOffice


EVERYTHING = f"""
<h1 class="title" id="top">Testshire SEND WSOA</h1>
<p class="subtitle">Written Statement of Action</p>
<p>Some <strong>bold</strong>, <em>italic</em> and <a href="https://www.gov.uk">linked</a> text.</p>
<table>
  <caption>Key and status</caption>
  <colgroup><col style="width: 30%"><col style="width: 20%"><col style="width: 50%"></colgroup>
  <thead><tr><th>Outcome</th><th>Ref</th><th>Status</th></tr></thead>
  <tbody>
    <tr><td rowspan="3"><strong>1.1</strong> A strategy</td><th>1.1a</th>
        <td style="background-color:#d4351c;color:#ffffff"><strong>Red</strong><br>Nov 2019</td></tr>
    <tr><th>1.1b</th><td style="background-color:#ffbf47;color:#0b0c0c"><strong>Amber</strong></td></tr>
    <tr><th>1.1c</th><td style="background-color:#00703c;color:#ffffff"><strong>Green</strong></td></tr>
    <tr><td colspan="3">Spanning all three columns</td></tr>
  </tbody>
</table>
<nav class="toc new-page"><h2>Contents</h2><ol><li><a href="#intro">Introduction</a></li><li><a href="#ws1">Workstream 1</a></li></ol></nav>
<section class="new-page"><h2 id="intro">Introduction</h2>
<ul><li>one</li><li>two<ol><li>two a</li></ol></li></ul>
<blockquote><p>A quote</p></blockquote>
<figure><img src="{png_uri(300, 150)}" alt="A blue box" width="200"><figcaption>Figure 1</figcaption></figure>
</section>
<section class="landscape"><h2 id="ws1">Workstream 1</h2>{wsoa_table(25)}</section>
<p class="small">Back in portrait. <a href="#top">Top</a></p>
"""


def test_libreoffice_converts_the_docx_to_pdf(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "everything.docx"
    source.write_bytes(render(EVERYTHING, head='<title>Everything</title>'
                                                '<meta name="wsoagen:running-header" content="Testshire WSOA">'))
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    pdf = tmp_path / "everything.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:  # a picture of page 1, for a person to look at when something seems off
        subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                       check=True, timeout=60)
        assert any(tmp_path.glob("page*.png"))


def test_trailing_br_adds_no_empty_line_and_first_page_needs_no_break():
    doc = open_body('<section class="new-page"><p>a<br></p><p>b<br><br></p></section>')
    assert [p.text for p in doc.paragraphs] == ["a", "b\n"]
    assert doc.paragraphs[0].paragraph_format.page_break_before is None


def test_new_page_after_a_landscape_section_gives_one_break_not_two():
    doc = open_body(
        '<p>a</p><section class="landscape"><h2>Wide</h2></section>'
        '<section class="new-page"><h2>Next</h2></section>'
        '<table><tr><td>1</td></tr></table><table><tr><td>2</td></tr></table>'
    )
    next_heading = next(p for p in doc.paragraphs if p.text == "Next")
    assert next_heading.paragraph_format.page_break_before is None
    assert len(doc.sections) == 3 and len(doc.tables) == 2  # adjacent tables stay apart
    body = [child.tag.split("}")[1] for child in doc.element.body]
    assert body[-5:] == ["tbl", "p", "tbl", "p", "sectPr"]
