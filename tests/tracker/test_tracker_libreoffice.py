"""LibreOffice Calc opens the tracker as it is, and a tracker a lead saved from Calc imports.

Headless Calc converts the workbook to CSV (what a lead sees in the sheet), to PDF (the sheets
print, the instructions readable) and back to .xlsx (as a lead's "Save" would write it): the
keys, the drop-down and the protection survive, and the filled-in copy imports.
"""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tracker_support import calc as calc_program
from tracker_support import fill, make_tracker_plan

from wsoagen.tracker import layout as lay


@pytest.fixture
def calc(soffice):
    return calc_program(soffice)


def convert(calc: str, source: Path, target: str, out: Path, tmp_path: Path) -> Path:
    out.mkdir(exist_ok=True)
    done = subprocess.run([calc, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", target, "--outdir", str(out), str(source)], capture_output=True, text=True, timeout=180)
    results = [p for p in out.iterdir() if p.suffix == "." + target.split(":")[0]]
    assert done.returncode == 0 and results, done.stdout + done.stderr
    return results[0]


def test_calc_opens_the_tracker_and_a_copy_saved_by_calc_imports(cli, make_plan, calc, tmp_path):
    plan = make_tracker_plan(make_plan)
    blank = tmp_path / "tracker.xlsx"
    assert cli("tracker", "export", plan, "-o", blank)[0] == 0

    # What Calc shows: the first sheet, the instructions, as CSV; the sheets as PDF.
    shown = convert(calc, blank, "csv", tmp_path / "csv", tmp_path).read_text(encoding="utf-8", errors="replace")
    assert "Testshire: action tracker" in shown and "New status" in shown
    pdf = convert(calc, blank, "pdf", tmp_path / "pdf", tmp_path)
    assert pdf.stat().st_size > 5000

    # Saved again by Calc, as a lead using LibreOffice would: everything import needs is still there.
    saved = convert(calc, blank, 'xlsx:Calc MS Excel 2007 XML', tmp_path / "saved", tmp_path)
    wb = load_workbook(saved)
    ws = wb["Workstream 1"]
    assert [c.value for c in ws[lay.HEADER_ROW]] == [c.header for c in lay.COLUMNS]
    assert ws["K4"].value == lay.make_key(1, "1.1a", 1, "Needs assessment agreed", "Nov 2019")
    assert ws.column_dimensions["K"].hidden and ws.protection.sheet
    assert any(dv.type == "list" and "H4:H7" in str(dv.sqref) for dv in ws.data_validations.dataValidation)
    assert ws.conditional_formatting and wb["wsoagen"].sheet_state in ("hidden", "veryHidden")
    filled = fill(saved, tmp_path / "filled.xlsx", "Workstream 1", {"Review complete": ("Blue", "Jan 2020", "Review signed off.")})
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 0, err
    assert ": warning:" not in err  # Calc kept every grey cell as the plan wrote it (no deadline turned into a date)
    assert '1.1b "Review complete": Green (Dec 2019) -> Blue (Jan 2020); update added' in out


# CSV, UTF-8, every sheet into its own file (token 12: -1, LibreOffice 7.2 and later)
EVERY_SHEET = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def test_calc_reads_every_sheet_as_exported(cli, make_plan, calc, tmp_path):
    plan = make_tracker_plan(make_plan)
    assert cli("tracker", "export", plan, "-o", tmp_path / "t.xlsx", "--workstream", "1")[0] == 0
    convert(calc, tmp_path / "t.xlsx", EVERY_SHEET, tmp_path / "csv", tmp_path)
    assert sorted(p.name for p in (tmp_path / "csv").iterdir()) == ["t-Instructions.csv", "t-Workstream 1.csv", "t-wsoagen.csv"]
    rows = list(csv.reader((tmp_path / "csv" / "t-Workstream 1.csv").open(encoding="utf-8")))
    assert rows[lay.HEADER_ROW - 1][:10] == [c.header for c in lay.COLUMNS][:10]
    assert [r[2] for r in rows[lay.FIRST_ROW - 1:]] == ["Needs assessment agreed", "Strategy in place", "Strategy published", "Review complete"]
    assert rows[lay.FIRST_ROW - 1][5] == "Blue"


def test_calc_reads_the_example_tracker(cli, calc, tmp_path):
    from conftest import EXAMPLE
    from wsoagen.tracker.run import load_plan

    assert cli("tracker", "export", EXAMPLE, "-o", tmp_path / "t.xlsx")[0] == 0
    convert(calc, tmp_path / "t.xlsx", EVERY_SHEET, tmp_path / "csv", tmp_path)
    counts = {}
    for n in range(1, 6):
        rows = list(csv.reader((tmp_path / "csv" / f"t-Workstream {n}.csv").open(encoding="utf-8")))
        assert rows[lay.HEADER_ROW - 1][:10] == [c.header for c in lay.COLUMNS][:10]
        counts[n] = len([r for r in rows[lay.FIRST_ROW - 1:] if r and r[2]])
    plan, _ = load_plan(EXAMPLE)
    assert counts == {s.rows[0].workstream: len(s.rows) for s in lay.sheets(plan)}  # every milestone, each in a row
