"""Word documents in the shape of councils' own WSOAs (seed 003), made with python-docx for tests.

`seed_like(path)` writes one: a title, an introduction with the inspection dates, a BRAG key whose
cells are shaded, a workstream with its sponsor and delivery partners written seed 003's way,
and its action table split in two (a page break, then the table again with its header worded
differently), with merged outcome and ref cells, statuses given only by shading, a row split
across pages (text only in the outcome column) and a note under the table.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

BLUE, GREEN, AMBER, RED = "1D70B8", "00703C", "FFBF47", "D4351C"
HEADER_1 = ["Outcomes (what we intend to achieve)", "Ref", "Implementation (Actions - what are we going to do)",
            "Resource Required", "Key milestones (Action tracker)", "Deadline", "BRAG + date"]
HEADER_2 = ["Outcome", "Ref.", "Actions", "Resource", "Milestones", "By when", "RAG"]


def shade(cell, fill: str) -> None:
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shd)


def write_cell(cell, *paragraphs: str, bullets: tuple[str, ...] = (), after: tuple[str, ...] = ()) -> None:
    cell.text = paragraphs[0] if paragraphs else ""
    for text in paragraphs[1:]:
        cell.add_paragraph(text)
    for text in bullets:
        cell.add_paragraph(text, style="List Bullet")
    for text in after:
        cell.add_paragraph(text)


def table(document, header: list[str], rows: list[list[str | None]]):
    """A 7-column table; None in a row continues the cell above (merged vertically)."""
    t = document.add_table(rows=1 + len(rows), cols=7)
    t.style = "Table Grid"
    for i, text in enumerate(header):
        t.rows[0].cells[i].text = text
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values):
            if value not in (None, "x"):  # "x": written by the caller
                t.rows[r].cells[c].text = value
            if value is None:
                top = r - 1
                while rows[top - 1][c] is None:
                    top -= 1
                t.cell(top, c).merge(t.cell(r, c))
    return t


def seed_like(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("Testshire Special Educational Needs Written Statement of Action", style="Title")
    d.add_heading("Introduction", level=1)
    d.add_paragraph("Between 10th June 2019 and 14th June 2019 Ofsted and the Care Quality Commission (CQC), conducted a "
                    "SEND inspection of Testshire local area.")
    d.add_paragraph("BRAG key")
    key = d.add_table(rows=4, cols=2)
    for row, (label, meaning, fill) in zip(key.rows, [("Blue", "Complete", BLUE), ("Green", "On track", GREEN),
                                                      ("Amber", "Some slippage", AMBER), ("Red", "Not started or at risk", RED)], strict=True):
        row.cells[0].text, row.cells[1].text = label, meaning
        shade(row.cells[0], fill)

    d.add_heading("Workstream 1: Joint planning and commissioning", level=1)
    d.add_paragraph("Senior Accountable sponsor: Wendi Ogle-Welbourn DCS & Chair of the Executive Board")
    d.add_paragraph("Delivery partners: Child Health Commissioning Board Members, Family Voice (parent-carer forum) representative, "
                    "Sheelagh Sullivan (Head of SEN and Inclusion Services), Graham Puckering (Head of 0 – 25 Service)")
    d.add_paragraph("Significant area of weakness that needs to be addressed:")
    d.add_paragraph("Ofsted and CQC said: “Joint planning is not sufficiently well established.”")
    t = table(d, HEADER_1, [
        ["x", "1.1a", "Coproduce a joint SEND commissioning strategy", "ER", "Needs assessment agreed", "Nov 2019", "x"],
        [None, None, None, "ER", "Baseline of needs recorded", "Jan 2020", "x"],
        ["x", "1.1b", "Establish an annual 'Family Voice' survey", "ER", "Baseline of family views recorded", "June 2020", ""],
        ["equipment is provided on time", "", "", "", "", "", ""],  # a row split across pages
    ])
    write_cell(t.cell(1, 0), "1.1 There is a clear joint commissioning strategy that ensures:",
               bullets=("all services play an active role", "issues raised at inspection are prioritised"),
               after=("Impact",))
    t.cell(1, 0).add_paragraph("Services are commissioned to meet agreed needs", style="List Bullet")
    write_cell(t.cell(3, 0), "Impact", bullets=("Families report that equipment arrives when",))
    t.cell(1, 6).text = ""
    shade(t.cell(1, 6), BLUE)  # a status given by colour only
    write_cell(t.cell(2, 6), "Green", "Jan 2020")
    d.add_page_break()
    t2 = table(d, HEADER_2, [
        ["1.2 Outcome: Commissioning gaps are closed", "1.2", "Review the continence pathway", "AR", "Review complete", "Dec 2019", ""],
        [None, None, None, "AR", "Revised pathway published", "May 2020", ""],
    ])
    shade(t2.cell(1, 6), AMBER)
    shade(t2.cell(2, 6), AMBER)
    d.add_paragraph("* AR = additional resource required; ER = existing resource")
    d.save(str(path))
    return path
