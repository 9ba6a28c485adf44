"""An Excel action tracker in the common one-row-per-milestone layout comes in as workstreams."""

from __future__ import annotations

from datetime import datetime

from openpyxl import Workbook
from openpyxl.styles import PatternFill

from wsoagen.check import check
from wsoagen.cli import main
from wsoagen.importer.excel_tracker import read_tracker

HEADER = ["Priority", "Ref", "Action", "Lead officer", "Milestone", "Due date", "RAG status", "Status date", "Progress update", "Notes"]


def tracker(path):
    book = Workbook()
    sheet = book.active
    sheet.title = "Action tracker"
    sheet["A1"] = "Testshire SEND improvement plan: action tracker"
    sheet.append([])
    sheet.append(HEADER)
    rows = [
        ["1. Waiting times", "1a", "Cut waits for assessment", "Ann Other", "Triage in place", datetime(2024, 3, 1), "Green",
         datetime(2024, 2, 12), "Triage started in February", "x"],
        ["1. Waiting times", "1a", "Cut waits for assessment", "Ann Other", "Waits under 18 weeks", datetime(2024, 9, 30), None, None, None, None],
        ["2. Transitions", "2a", "Agree a transitions protocol", "Bob Smith", "Protocol signed", datetime(2024, 6, 1), "Amberish", None, None, None],
        ["2. Transitions", "2b", "Train staff", "Bob Smith", "Training delivered", "Summer 2024", None, None, None, None],
    ]
    for row in rows:
        sheet.append(row)
    for cell in ("F4", "F5", "F6"):
        sheet[cell].number_format = "mmm-yy"
    sheet["H4"].number_format = "dd/mm/yyyy"
    sheet["G7"].fill = PatternFill("solid", fgColor="FF1D70B8")  # complete, by colour only
    book.save(path)
    return path


def test_rows_become_workstreams_actions_and_milestones(tmp_path):
    plan, workstreams, notes = read_tracker(tracker(tmp_path / "t.xlsx"))
    assert [(w["number"], w["title"]) for w in workstreams] == [(1, "Waiting times"), (2, "Transitions")]
    (a,) = workstreams[0]["actions"]
    assert (a["ref"], a["text"], a["lead"]) == ("1a", "Cut waits for assessment", "ann-other")
    first, second = a["milestones"]
    assert first == {"text": "Triage in place", "deadline": "March 2024", "status": "green", "status_date": "2024-02-12",
                     "updates": [{"date": "2024-02-12", "text": "Triage started in February"}]}
    assert second == {"text": "Waits under 18 weeks", "deadline": "September 2024"}
    assert workstreams[1]["actions"][1]["milestones"][0]["status"] == "blue"
    places = {n.place: n.message for n in notes}
    assert "not part of the plan" in places["Action tracker!J3"]
    assert "Amberish" in places["Action tracker!G6"]
    assert [p["name"] for p in plan["people"]] == ["Ann Other", "Bob Smith"]


def test_the_imported_tracker_validates(tmp_path, capsys):
    assert main(["import", str(tracker(tmp_path / "t.xlsx")), str(tmp_path / "plan")]) == 0
    plan, diags = check(tmp_path / "plan", None)
    assert not diags.errors and len(plan.workstreams) == 2
    err = capsys.readouterr().err
    assert "t.xlsx:Action tracker!G6: warning:" in err
    text = (tmp_path / "plan" / "workstreams" / "1-waiting-times.yaml").read_text()
    assert "CHECK" in text  # the area's words are not in a tracker: a marked placeholder


def test_a_workbook_that_is_not_a_tracker(tmp_path, capsys):
    (tmp_path / "x.xlsx").write_bytes(b"PK\x03\x04 not really")
    assert main(["import", str(tmp_path / "x.xlsx"), str(tmp_path / "plan")]) == 2
    assert "not an Excel workbook" in capsys.readouterr().err
