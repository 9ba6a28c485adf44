"""`wsoagen tracker export`: the workbook's sheets, rows, drop-downs, colours, protection and keys; same plan, same bytes."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook
from tracker_support import make_tracker_plan

from wsoagen.tracker import layout as lay


@pytest.fixture
def tracker_plan(make_plan):
    return make_tracker_plan(make_plan)


def export(cli, plan, tmp_path, *options):
    out = tmp_path / "tracker.xlsx"
    code, stdout, stderr = cli("tracker", "export", plan, "-o", out, *options)
    assert code == 0, stderr
    assert stdout == f"wrote {out}\n"
    return out


def test_one_sheet_per_workstream_one_row_per_milestone(cli, tracker_plan, tmp_path):
    wb = load_workbook(export(cli, tracker_plan, tmp_path))
    assert wb.sheetnames == ["Instructions", "Workstream 1", "Workstream 2", "wsoagen"]
    ws = wb["Workstream 1"]
    assert ws["A1"].value == "Workstream 1: Joint commissioning"
    assert [c.value for c in ws[lay.HEADER_ROW]] == [c.header for c in lay.COLUMNS]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=lay.FIRST_ROW)]
    assert [r[:8] for r in rows] == [
        ["1.1a", "Coproduce the strategy that will:", "Needs assessment agreed", "Nov 2019", "Ann Smith", "Blue", "Nov 2019", None],
        ["1.1a", "Coproduce the strategy that will:", "Strategy in place", "June 2020 to April 2021", "Ann Smith", None, None, None],
        ["1.1a", "Coproduce the strategy that will:", "Strategy published", "May 2021", "Ann Smith", None, None, None],
        ["1.1b", "Review the equipment service.", "Review complete", "Jan 2020", "Bo Jones", "Green", "Dec 2019", None],
    ]
    assert [r[10] for r in rows] == [lay.make_key(1, "1.1a", 1, "Needs assessment agreed", "Nov 2019"),
                                     lay.make_key(1, "1.1a", 2, "Strategy in place", "June 2020 to April 2021"),
                                     lay.make_key(1, "1.1a", 3, "Strategy published", "May 2021"),
                                     lay.make_key(1, "1.1b", 1, "Review complete", "Jan 2020")]
    assert wb["wsoagen"].sheet_state == "veryHidden"


def test_status_drop_down_colours_and_protection(cli, tracker_plan, tmp_path):
    wb = load_workbook(export(cli, tracker_plan, tmp_path))
    ws = wb["Workstream 1"]
    (dv,) = [d for d in ws.data_validations.dataValidation if d.type == "list"]
    assert dv.formula1 == lay.STATUS_NAME and str(dv.sqref) == "H4:H7" and dv.showErrorMessage
    assert wb.defined_names[lay.STATUS_NAME].attr_text == "Instructions!$A$14:$A$17"
    assert [wb["Instructions"][f"A{r}"].value for r in range(14, 18)] == ["Blue", "Green", "Amber", "Red"]
    rules = {str(rng.sqref): [r.formula[0] for r in rng.rules] for rng in ws.conditional_formatting}
    assert rules == {"F4:F7 H4:H7": ['"Blue"', '"Green"', '"Amber"', '"Red"']}
    blue = next(iter(ws.conditional_formatting)).rules[0].dxf
    assert blue.fill.fgColor.rgb.endswith("1D70B8") and blue.font.color.rgb.endswith("FFFFFF")
    assert ws.protection.sheet and not ws.protection.password and not ws.protection.autoFilter
    assert ws.column_dimensions["K"].hidden
    editable = {c.column_letter for c in ws[lay.FIRST_ROW] if not c.protection.locked}
    assert editable == {"H", "I", "J"}
    assert wb.security.lockStructure and not wb.security.workbookPassword
    assert ws.auto_filter.ref == "A3:K7" and ws.freeze_panes == "B4"


def test_same_plan_same_bytes_and_fixed_times(cli, tracker_plan, tmp_path):
    first = export(cli, tracker_plan, tmp_path).read_bytes()
    second = export(cli, tracker_plan, tmp_path).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / "tracker.xlsx") as z:
        core = z.read("docProps/core.xml").decode()
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert "2000-01-01T00:00:00Z" in core


def test_plan_text_is_never_a_formula(cli, tracker_plan, tmp_path):
    wb = load_workbook(export(cli, tracker_plan, tmp_path))
    cell = wb["Workstream 2"]["C5"]
    assert cell.value == '=HYPERLINK("http://example.com","click")' and cell.data_type == "s"
    with zipfile.ZipFile(tmp_path / "tracker.xlsx") as z:
        assert b"<f>" not in z.read("xl/worksheets/sheet3.xml")


def test_one_workstream_or_one_lead(cli, tracker_plan, tmp_path):
    wb = load_workbook(export(cli, tracker_plan, tmp_path, "--workstream", "2"))
    assert wb.sheetnames == ["Instructions", "Workstream 2", "wsoagen"]
    wb = load_workbook(export(cli, tracker_plan, tmp_path, "--lead", "bo-jones"))
    assert wb.sheetnames == ["Instructions", "Actions led by Bo Jones", "wsoagen"]
    assert [c.value for c in wb["Actions led by Bo Jones"]["C"][lay.HEADER_ROW:]] == ["Review complete"]


def test_bad_options_are_usage_errors(cli, tracker_plan, tmp_path):
    code, _, err = cli("tracker", "export", tracker_plan, "-o", tmp_path / "t.xlsx", "--workstream", "7")
    assert code == 2 and "the plan has no workstream 7 (it has 1, 2)" in err
    code, _, err = cli("tracker", "export", tracker_plan, "-o", tmp_path / "t.xlsx", "--lead", "ann-smyth")
    assert code == 2 and 'no person "ann-smyth" in plan.yaml `people`: did you mean "ann-smith"?' in err
    code, _, err = cli("tracker", "export", tracker_plan, "-o", tmp_path / "t.csv")
    assert code == 2 and "ending .xlsx" in err
    assert not (tmp_path / "t.xlsx").exists()


def test_a_plan_with_errors_exports_nothing(cli, make_plan, tmp_path):
    plan = make_plan(workstreams={"1.yaml": "number: 1\ntitle: x\n"})
    code, _, err = cli("tracker", "export", plan, "-o", tmp_path / "t.xlsx")
    assert code == 1 and "the plan must validate first" in err and not (tmp_path / "t.xlsx").exists()


def test_the_lead_column_falls_back_to_responsible_officers(cli, make_plan, tmp_path):
    from tracker_support import TRACKER_PLAN, TRACKER_WORKSTREAM

    ws = TRACKER_WORKSTREAM.replace("        lead: bo-jones\n", "        officers: [bo-jones, ann-smith]\n")
    plan = make_plan(TRACKER_PLAN, {"1.yaml": ws})
    wb = load_workbook(export(cli, plan, tmp_path))
    assert [c.value for c in wb["Workstream 1"]["E"][lay.HEADER_ROW:]] == ["Ann Smith"] * 3 + ["Bo Jones, Ann Smith"]
