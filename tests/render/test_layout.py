"""Pages as a board member gets them: for every document the example builds, and for a plan made
to break pages, nothing runs out of a cell, no sliver of a row opens a page, no heading or
lead-in is left at the foot of a page, small key-value tables stay whole, no page holds two
lines before a forced break, covers carry no running head, and a continued outcome or action
says so where a page opens. The fault finder itself is tested first, on pages made to fail."""

from __future__ import annotations

import io
import re
import textwrap
from datetime import date

import pytest
from layout_faults import faults, walk
from lxml import html as lxml_html
from pypdf import PdfReader
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from conftest import EXAMPLE, ROOT, write_plan
from wsoagen.data.metrics import read_plan
from wsoagen.render.html import render_html
from wsoagen.render.paginate.measure import TABLE
from wsoagen.render.paginate.measure import walk as shown
from wsoagen.render.paginate.printed import BAND
from wsoagen.render.pdf import render

TEMPLATES = ROOT / "src" / "wsoagen" / "templates" / "default"
REPORTS = sorted(p.stem for p in (EXAMPLE / "reports").glob("*.yaml"))
DOCUMENTS = ["wsoa", "recommendations-tracker", *(f"report-{r}" for r in REPORTS), *(f"board-pack-{r}" for r in REPORTS)]
SMALL = "@page {{ size: 148mm 105mm; margin: 10mm; @bottom-right {{ content: counter(page); }} }} {css}"


def kinds(html: str, css: str = "") -> set[str]:
    """The kinds of fault WeasyPrint alone makes of a small page."""
    page = f'<html lang="en-GB"><head><title>t</title><style>{SMALL.format(css=css)}</style></head><body>{html}</body></html>'
    return {f.kind for f in faults(HTML(string=page).render())}


def para(n: int) -> str:
    return "<p>" + " ".join(f"word{i}" for i in range(n)) + "</p>"


# ---------------------------------------------------------------- the finder finds what it says


def test_finds_a_spanning_cell_running_out_of_its_table():
    rows = "".join(f"<tr><td>m{i}</td></tr>" for i in range(1, 6))
    cell = f'<td rowspan="5">{para(400)}</td>'
    table = f"<table><tbody><tr>{cell}<td>m0</td></tr>{rows}</tbody></table>"
    assert "overflow" in kinds(table)


def test_finds_a_sliver_of_a_row():
    table = f'<table style="border-collapse: collapse"><tbody><tr><td style="padding: 6px">{para(300)}</td></tr></tbody></table>'
    assert "sliver" not in kinds(table)
    assert "sliver" in kinds('<table><tbody><tr><td style="height: 2px; padding: 0"></td></tr></tbody></table>')


def space(mm: int) -> str:
    return f'<div style="height: {mm}mm"></div>'


TALL_TABLE = '<table><tr><td style="height: 30mm">x</td></tr></table>'


def test_finds_a_heading_or_a_lead_in_at_the_foot_of_a_page():
    assert "stranded" in kinds(space(75) + '<h2 style="break-after: auto">Heading</h2>' + TALL_TABLE, "h2 { margin: 0 }")
    assert "stranded" not in kinds(space(75) + "<h2>Heading</h2>" + TALL_TABLE, "h2 { margin: 0; break-after: avoid }")
    lead = space(75) + "<p>This table shows:</p>" + TALL_TABLE
    assert "stranded" in kinds(lead, "p { margin: 0 }")
    assert "stranded" not in kinds(lead, "p { margin: 0 } p:has(+ table) { break-after: avoid }")


def test_finds_a_small_key_value_table_over_two_pages():
    table = "<table>" + "".join(f'<tr><th scope="row">Key {i}</th><td>Value</td></tr>' for i in range(8)) + "</table>"
    assert "split-table" in kinds(space(60) + table)
    assert "split-table" not in kinds(space(60) + table, "table { break-inside: avoid }")


def test_finds_a_page_of_two_lines_before_a_forced_break():
    short = space(84) + '<p>One line<br>and another</p><p style="break-before: page">After</p>'
    assert "short-page" in kinds(short, "p { margin: 0 }")
    assert "short-page" not in kinds(para(40) + '<p style="break-before: page">After</p>' + para(40), "p { margin: 0 }")


def test_finds_a_running_head_on_a_cover():
    cover = '<header class="cover"><h1>Title</h1></header><p style="break-before: page">Body</p>'
    assert "cover-page-number" in kinds(cover)
    assert "cover-page-number" not in kinds(cover, "@page :first { @bottom-right { content: none } }")


# ---------------------------------------------------------------- every document of the example


@pytest.fixture(scope="module")
def laid_out(example_build):
    """document name -> (its laid-out pages, the PDF the build wrote), each laid out once."""
    done: dict[str, tuple] = {}

    def lay_out(name: str):
        if name not in done:
            html = (example_build / f"{name}.html").read_text(encoding="utf-8")
            done[name] = render(html, TEMPLATES, [EXAMPLE]), (example_build / f"{name}.pdf").read_bytes()
        return done[name]

    return lay_out


def allowed(name: str, fault) -> bool:
    """A board pack numbers its items' covers on purpose: the agenda cites their pages (pack.py)."""
    return name.startswith("board-pack-") and fault.kind == "cover-page-number" and fault.page > 1


@pytest.mark.parametrize("name", DOCUMENTS)
def test_the_example_lays_out_without_faults(laid_out, name: str):
    document, pdf = laid_out(name)
    assert len(document.pages) == len(PdfReader(io.BytesIO(pdf)).pages)  # these are the published pages
    assert [str(f) for f in faults(document) if not allowed(name, f)] == []


@pytest.mark.parametrize("name", ["wsoa", f"board-pack-{REPORTS[0]}"])
def test_the_example_says_where_an_outcome_or_action_continues(laid_out, name: str):
    document, _ = laid_out(name)
    opened = check_labels(document)
    assert len(opened) >= 10  # its action tables run over many pages


# ---------------------------------------------------------------- a plan made to break pages

LONG = "Joint commissioning, co-production with parent carer forums and the alignment of education, health and care plans"
UPDATES = "".join(f"      - date: {month} 2019\n        text: {' '.join([LONG] * 3)}\n" for month in ("Aug", "Sept", "Oct"))
RECOMMENDATIONS = "".join(
    f'  - ref: "{i}"\n    text: {LONG} (recommendation {i}), with a long explanation of what the inspectors asked for.\n'
    f"    updates:\n{UPDATES}    status: Ongoing\n" for i in range(1, 9))
PLAN = f"""\
title: Stressbury Written Statement of Action for children and young people with special educational needs and disabilities
local_area: Stressbury
inspection:
  start: 2019-06-10
  end: 2019-06-14
people:
  - id: ann-smith
    name: Ann Smith
    role: Director of Children's Services and Chair of the Joint Commissioning and Executive Boards
status_scheme:
  name: Progress
  statuses:
    - {{id: complete, label: COMPLETE, meaning: done, complete: true, colour: "#1d70b8"}}
    - {{id: suspended, label: SUSPENDED PENDING THE OUTCOME OF THE REVIEW, meaning: paused, colour: "#f3f2f1"}}
    - {{id: reprogrammed, label: REPROGRAMMED, meaning: re-dated, colour: "#ffdd00"}}
recommendations:
{RECOMMENDATIONS}"""


def milestone(i: int, long: bool) -> str:
    text = f"Milestone {i}: " + (" ".join([LONG] * 3) if long else "a short step")
    status = ["COMPLETE", "SUSPENDED", "REPROGRAMMED"][i % 3]
    return f"""\
          - text: "{text}"
            deadline: {["Nov 2019", "June 2020 to April 2021", "Ongoing from March 2020"][i % 3]}
            status: {status}
            status_date: Nov 2019
"""


def workstream(number: int) -> str:
    impact = "".join(f'      - "Impact {i}: {LONG}, measured every quarter against the baseline"\n' for i in range(1, 21))
    return f"""\
number: {number}
title: "{LONG}, and {LONG.lower()} (workstream {number})"
sponsors: [ann-smith]
weakness: {LONG} are not sufficiently well established.
outcomes:
  - ref: "{number}.1"
    text: An outcome whose impact runs over more than a page.
    impact:
{impact}    actions:
      - ref: {number}.1a
        text: One action beside a very long outcome.
        resource: ER
        milestones:
{milestone(1, False)}{milestone(2, False)}
  - ref: "{number}.2"
    text: An outcome with an action of fifteen milestones, some of them long.
    actions:
      - ref: {number}.2a
        text: |
          An action with fifteen milestones:

          - {LONG}
          - {LONG}
        resource: AR
        milestones:
{"".join(milestone(i, i % 4 == 0) for i in range(1, 16))}
  - ref: "{number}.3"
    text: An outcome without actions yet.
"""


@pytest.fixture(scope="module")
def stress(tmp_path_factory):
    """The stress plan's WSOA and tracker: their HTML and their laid-out pages."""
    folder = write_plan(tmp_path_factory.mktemp("stress") / "stressbury", textwrap.dedent(PLAN),
                        {f"{n}.yaml": workstream(n) for n in (1, 2)})
    plan, diags = read_plan(folder)
    assert plan is not None, diags
    out = {}
    for kind in ("wsoa", "tracker"):
        html = render_html(plan, kind, date(2019, 11, 15), folder)
        out[kind] = html, render(html, TEMPLATES, [folder])
    return out


@pytest.mark.parametrize("kind", ["wsoa", "tracker"])
def test_a_plan_made_to_break_pages_lays_out_without_faults(stress, kind: str):
    _, document = stress[kind]
    assert [str(f) for f in faults(document)] == []


def test_a_plan_made_to_break_pages_says_where_things_continue(stress):
    html, document = stress["wsoa"]
    opened = check_labels(document)
    assert any("1.1 (continued)" in labels for labels in opened)  # the impact list taller than a page
    assert any("1.2a (continued)" in labels for labels in opened)  # the fifteen milestones
    tables = lxml_html.fromstring(html).xpath("//table[contains(@class, 'actions')]")
    for t, table in enumerate(tables):  # every word of every outcome, once, in order
        outcomes = [re.sub(r"\s+", "", c.text_content()) for c in table.xpath(".//td[contains(@class, 'outcome')]")]
        assert column(document, t, 0) == "".join(outcomes)


def column(document, table: int, col: int) -> str:
    """The text of one column of a print table, page after page, labels left out."""
    texts = []
    for page in document.pages:
        for row in (b for b in walk(page._page_box) if isinstance(b, boxes.TableRowBox)
                    and (b.element.get(BAND) or "").startswith(f"{table}.")):
            texts += [b.text for b in shown(row.children[col]) if isinstance(b, boxes.TextBox)
                      and "wsoagen-continued" not in (b.element.get("class") or "")]
    return re.sub(r"\s+", "", "".join(texts))


def check_labels(document) -> list[list[str]]:
    """Check that a label opens each part of a continued cell (one with data-continued) that
    opens a page, and that no label is anywhere else; the labels of each row opening a page."""
    opened, seen = [], set()
    for number, page in enumerate(document.pages, start=1):
        for table in (b for b in walk(page._page_box) if isinstance(b, boxes.TableBox)):
            rows = [r for g in table.children if not g.is_header for r in g.children if r.element.get(BAND)]
            for i, row in enumerate(rows):
                opens = i == 0 and table.element.get(TABLE) in seen
                labels = []
                for cell in (c for c in row.element if c.tag in ("td", "th")):
                    label = [" ".join(e.itertext()) for e in cell.iter() if "wsoagen-continued" in (e.get("class") or "")]
                    part = any((e.get("class") or "").split() == ["wsoagen-piece"] for e in cell.iter())  # not the first
                    assert not label or opens, f"page {number}: a label inside the page: {label}"
                    assert label or not (opens and part and cell.get("data-continued")), f"page {number}: no label"
                    labels += label
                if opens:
                    opened.append(labels)
            seen.add(table.element.get(TABLE))
    return opened
