"""A Word WSOA laid out as councils write them (seed 003) comes in as the plan it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from seed_docx import seed_like

from wsoagen.check import check
from wsoagen.cli import main
from wsoagen.importer import import_plan
from wsoagen.importer.word_blocks import Grid, read_blocks
from wsoagen.importer.word_plan import interpret


@pytest.fixture
def imported(tmp_path):
    source = seed_like(tmp_path / "testshire.docx")
    return interpret(read_blocks(source)), source


def test_merged_cells_are_read_as_the_grid_shows_them(imported):
    _, source = imported
    grid = next(b for b in read_blocks(source) if isinstance(b, Grid) and b.width == 7)
    assert grid.rows[2][0].merged and grid.rows[2][0].text == grid.rows[1][0].text
    assert grid.rows[1][6].fill == "1D70B8" and not grid.rows[1][6].text


def test_workstream_preamble_written_seed_003s_way(imported):
    result, _ = imported
    ws = result.workstreams[0]
    assert (ws["number"], ws["title"]) == (1, "Joint planning and commissioning")
    assert ws["weakness"] == "Joint planning is not sufficiently well established."
    people = {p["id"]: p for p in result.plan["people"]}
    assert [people[s]["name"] for s in ws["sponsors"]] == ["Wendi Ogle-Welbourn"]
    assert people[ws["sponsors"][0]]["role"] == "DCS & Chair of the Executive Board"
    assert ws["delivery_partners"][:2] == [{"group": "Child Health Commissioning Board Members"},
                                           {"group": "Family Voice (parent-carer forum) representative"}]
    assert people["sheelagh-sullivan"]["role"] == "Head of SEN and Inclusion Services"
    assert result.plan["inspection"] == {"start": "2019-06-10", "end": "2019-06-14"}


def test_action_table_rows_merges_split_rows_and_repeated_headers(imported):
    result, _ = imported
    o1, o2 = result.workstreams[0]["outcomes"]
    assert o1["ref"] == "1.1" and o1["text"].startswith("There is a clear joint commissioning strategy")
    assert "- all services play an active role" in o1["text"]
    # impact from the first cell, from the next action's "Impact" cell, and the row split across pages
    assert o1["impact"] == ["Services are commissioned to meet agreed needs",
                            "Families report that equipment arrives when equipment is provided on time"]
    a, b = o1["actions"]
    assert (a["ref"], a["resource"], [m["text"] for m in a["milestones"]]) == \
        ("1.1a", "ER", ["Needs assessment agreed", "Baseline of needs recorded"])
    assert a["milestones"][0]["status"] == "blue"  # shading only, read against the key
    assert (a["milestones"][1]["status"], a["milestones"][1]["status_date"]) == ("green", "Jan 2020")
    assert b["ref"] == "1.1b" and "status" not in b["milestones"][0]
    # the second table: another header wording, "Outcome:" in the outcome cell, status by colour
    assert (o2["ref"], o2["text"]) == ("1.2", "Outcome: Commissioning gaps are closed")  # the words as written
    assert [m["status"] for m in o2["actions"][0]["milestones"]] == ["amber", "amber"]
    assert result.plan["status_scheme"]["statuses"][0] == {"id": "blue", "label": "Blue", "meaning": "Complete",
                                                          "colour": "#1d70b8", "complete": True}


def test_what_cannot_be_placed_is_reported_with_its_place(imported, tmp_path):
    _, source = imported
    result = import_plan(source, tmp_path / "plan")
    places = {n.place: n.message for n in result.notes}
    note = next(p for p, m in places.items() if "AR = additional resource" in m)
    assert note.startswith("paragraph ")


def test_the_imported_folder_validates_and_the_command_says_so(imported, tmp_path, capsys):
    _, source = imported
    assert main(["import", str(source), str(tmp_path / "plan")]) == 0
    plan, diags = check(tmp_path / "plan", None)
    assert not diags.errors and len(plan.workstreams) == 1
    err = capsys.readouterr().err
    assert "testshire.docx:paragraph" in err and "the new plan has 0 errors" in err
    assert main(["fmt", "--check", str(tmp_path / "plan")]) == 0  # laid out the standard way


def test_not_a_word_file_or_a_folder_in_use_is_a_usage_error(tmp_path, capsys):
    bad = tmp_path / "plan.docx"
    bad.write_bytes(b"not a zip")
    assert main(["import", str(bad), str(tmp_path / "a")]) == 2
    assert "not a Word document" in capsys.readouterr().err
    source = seed_like(tmp_path / "t.docx")
    (tmp_path / "used").mkdir()
    (tmp_path / "used" / "x").write_text("x")
    assert main(["import", str(source), str(tmp_path / "used")]) == 2
    assert not (tmp_path / "used" / "plan.yaml").exists()


def test_a_document_with_no_workstreams_is_an_error(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Minutes of the meeting")
    d.save(str(tmp_path / "m.docx"))
    result = import_plan(Path(tmp_path / "m.docx"), tmp_path / "plan")
    assert any(n.level == "error" and "no workstreams" in n.message for n in result.notes)


def test_lettered_and_untitled_areas(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Testshire Priority Action Plan", style="Title")
    for heading in ("Area for priority action A: Waiting times", "Area for priority action B", "Recommendation 3"):
        d.add_heading(heading, level=2)
        d.add_paragraph("Ofsted and CQC said:")
        d.add_paragraph(f"“The words of {heading[-1]}.”", style="Quote")
    d.save(str(tmp_path / "p.docx"))
    result = interpret(read_blocks(tmp_path / "p.docx"))
    assert [(w["number"], w.get("ref"), w["title"], w["weakness"]) for w in result.workstreams] == [
        (1, "A", "Waiting times", "The words of s."), (2, "B", "", "The words of B."), (3, None, "", "The words of 3.")]
