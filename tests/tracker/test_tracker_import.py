"""`wsoagen tracker import`: export, fill in with openpyxl as a lead would, import; the YAML diff is exactly the expected lines."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tracker_support import TRACKER_WORKSTREAM, diff, fill, make_tracker_plan, row_of


@pytest.fixture
def plan(make_plan) -> Path:
    return make_tracker_plan(make_plan)


@pytest.fixture
def blank(cli, plan, tmp_path) -> Path:
    out = tmp_path / "tracker.xlsx"
    assert cli("tracker", "export", plan, "-o", out)[0] == 0
    return out


def ws1(plan: Path) -> str:
    return (plan / "workstreams" / "1-joint.yaml").read_text(encoding="utf-8")


def test_round_trip_changes_exactly_the_expected_lines(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {
        "Strategy in place": ("Amber", "Feb 2020", "Consultation delayed by the election."),
        "Strategy published": ("green", datetime.datetime(2020, 2, 3), "Draft shared with the forum.\nFeedback due in March."),
        "Review complete": ("Blue", "31/01/2020", None),
    })
    before = ws1(plan)
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 0, err
    assert diff(before, ws1(plan)) == [
        "+            status: amber",
        "+            status_date: Feb 2020",
        "+            updates:",
        "+              - date: Feb 2020",
        "+                text: Consultation delayed by the election.",
        "+                status: amber",
        "+            status: green",
        "+            status_date: 3 February 2020",
        "+                status: green",  # difflib pairs the old update's last line with the new one's
        "+              - date: 3 February 2020",
        "+                text: |",
        "+                  Draft shared with the forum.",
        "+                  Feedback due in March.",
        "-            status: green  # as reported in December",
        "-            status_date: Dec 2019",
        "+            status: blue   # as reported in December",
        "+            status_date: 31/01/2020",
    ]
    assert out.splitlines() == [
        f"Workstream 1 ({plan / 'workstreams' / '1-joint.yaml'}): changed 3 milestones",
        '  1.1a "Strategy in place": Not rated -> Amber (Feb 2020); update added',
        '  1.1a "Strategy published": Not rated -> Green (3 February 2020); update added',
        '  1.1b "Review complete": Green (Dec 2019) -> Blue (31/01/2020)',
    ]
    assert "3 milestones changed, 3 rows with nothing new; wrote 1 workstream file" in err
    # every comment where it was, the layout standard, the plan valid
    new = ws1(plan)
    assert ("""\
          - text: Strategy published
            deadline: May 2021
            status: green
            status_date: 3 February 2020
            updates:
              - date: Jan 2020
                text: |
                  Drafting started.
                  Consultation planned.
                status: green
              - date: 3 February 2020
                text: |
                  Draft shared with the forum.
                  Feedback due in March.
                status: green
            # published on the Local Offer
""") in new
    assert "          # the next one slipped once already\n          - text: Strategy in place" in new
    assert "                status: green\n            # published on the Local Offer\n      - ref: 1.1b" in new
    assert new.endswith("            status_date: 31/01/2020\n        # more milestones to follow\n")
    assert cli("fmt", "--check", plan)[0] == 0
    assert cli("validate", plan)[0] == 0


def test_importing_twice_changes_nothing_more(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {"Strategy in place": ("Amber", "Feb 2020", "Delayed.")})
    assert cli("tracker", "import", plan, filled)[0] == 0
    once = ws1(plan)
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 0 and out == "" and ws1(plan) == once
    assert "0 milestones changed, 6 rows with nothing new; nothing to write" in err


def test_what_the_plan_already_says_is_no_change(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {
        "Needs assessment agreed": ("BLUE", "Nov 2019", None),
        "Review complete": ("green", "Dec 2019", None),
    })
    before = ws1(plan)
    code, out, _ = cli("tracker", "import", plan, filled)
    assert code == 0 and out == "" and ws1(plan) == before


def test_dry_run_writes_nothing(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {"Strategy in place": ("Amber", "Feb 2020", None)})
    code, out, err = cli("tracker", "import", plan, filled, "--dry-run")
    assert code == 0 and "would change 1 milestone" in out and "nothing written (--dry-run)" in err
    assert ws1(plan) == TRACKER_WORKSTREAM


def test_every_bad_cell_is_reported_at_its_place_and_nothing_is_written(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {
        "Needs assessment agreed": ("Amberish", "Jan 2020", None),
        "Strategy in place": ("Green", "31/02/2020", None),
        "Strategy published": ("Sparkly", None, "See ![chart](http://example.com/x.png)"),
        "Review complete": ("Green", "Feb 2020", None),  # good, but not written: the others are bad
    })
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 1 and out == ""
    assert err.splitlines() == [
        f'{filled}:Workstream 1!H4: error: "Amberish" is not a status of this plan (did you mean "Amber"?) [tracker-cell]',
        f'{filled}:Workstream 1!I5: error: "31/02/2020": 31 February 2020 is not a real date [tracker-cell]',
        f'{filled}:Workstream 1!H6: error: "Sparkly" is not a status of this plan (choose one of: Blue, Green, Amber, Red) [tracker-cell]',
        f'{filled}:Workstream 1!I6: error: a new status date is needed with a new status or an update, e.g. "Nov 2019", '
        '"31 March 2024", "From Feb 2020" or "June 2020 to April 2021" [tracker-cell]',
        f'{filled}:Workstream 1!J6: error: images are not allowed in plan text ("http://example.com/x.png"): charts come from metrics [tracker-cell]',
        f"wsoagen: {filled}: 5 errors, 0 warnings: nothing written",
    ]
    assert ws1(plan) == TRACKER_WORKSTREAM


def test_sorted_and_moved_rows_still_find_their_milestones(cli, plan, blank, tmp_path):
    wb = load_workbook(blank)
    ws = wb["Workstream 1"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=4, max_row=7)]
    for r, values in enumerate(reversed(rows), start=4):  # sorted the other way round
        for c, value in enumerate(values, start=1):
            ws.cell(r, c).value = value
    ws[f"H{row_of(ws, 'Review complete')}"] = "Red"
    ws[f"I{row_of(ws, 'Review complete')}"] = "Feb 2020"
    wb.save(tmp_path / "sorted.xlsx")
    code, out, err = cli("tracker", "import", plan, tmp_path / "sorted.xlsx")
    assert code == 0, err
    assert '1.1b "Review complete": Green (Dec 2019) -> Red (Feb 2020)' in out


def test_a_milestone_changed_since_export_is_a_conflict_with_both_versions(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {
        "Strategy in place": ("Amber", "Feb 2020", None),
        "Review complete": ("Blue", "Feb 2020", None),
    })
    path = plan / "workstreams" / "1-joint.yaml"
    edited = TRACKER_WORKSTREAM.replace("deadline: June 2020 to April 2021", "deadline: June 2020 to July 2021")
    path.write_text(edited, encoding="utf-8")
    code, _, err = cli("tracker", "import", plan, filled)
    assert code == 1
    assert (f'{filled}:Workstream 1!C5: error: the plan changed since this tracker was exported: the tracker has "Strategy in place" '
            f'(deadline June 2020 to April 2021), the plan now has "Strategy in place" (deadline June 2020 to July 2021) ({path}:22'
            ) in err
    assert path.read_text(encoding="utf-8") == edited


def test_a_milestone_moved_in_the_plan_is_still_found(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "filled.xlsx", "Workstream 1", {"Strategy published": ("Amber", "Feb 2020", None)})
    path = plan / "workstreams" / "1-joint.yaml"
    new_first = "          - text: Scoping agreed\n            deadline: Oct 2019\n"
    path.write_text(TRACKER_WORKSTREAM.replace("        milestones:\n", "        milestones:\n" + new_first, 1), encoding="utf-8")
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 0, err
    assert '"Strategy published": Not rated -> Amber (Feb 2020)' in out


def test_keys_deleted_damaged_or_copied(cli, plan, blank, tmp_path):
    wb = load_workbook(blank)
    ws = wb["Workstream 1"]
    a, b, c = row_of(ws, "Needs"), row_of(ws, "Strategy in place"), row_of(ws, "Review")
    ws[f"K{a}"] = None
    ws[f"H{a}"], ws[f"I{a}"] = "Red", "Feb 2020"
    ws[f"K{b}"] = "1|1.1a|2|not-a-hash"
    ws[f"H{b}"], ws[f"I{b}"] = "Red", "Feb 2020"
    for col in "ABCDEFGK":  # the Review complete row copied below the table for a second update
        ws[f"{col}9"] = ws[f"{col}{c}"].value
    ws["J9"], ws["I9"] = "Second update", "Feb 2020"
    wb.save(tmp_path / "keys.xlsx")
    code, _, err = cli("tracker", "import", plan, tmp_path / "keys.xlsx")
    assert code == 1
    assert "Workstream 1!H4: error: this row has no key (the hidden column K is empty)" in err
    assert 'Workstream 1!K5: error: "1|1.1a|2|not-a-hash" is not a tracker key' in err
    assert "Workstream 1!I9: error: this row has the same key as Workstream 1!K7: a copied row" in err


def test_a_renamed_or_deleted_sheet(cli, plan, blank, tmp_path):
    wb = load_workbook(blank)
    wb["Workstream 1"].title = "My actions"
    wb.save(tmp_path / "renamed.xlsx")
    code, _, err = cli("tracker", "import", plan, tmp_path / "renamed.xlsx")
    assert code == 1
    assert ('renamed.xlsx:My actions: error: sheet "My actions" is not one this tracker was exported with (was it "Workstream 1"?): '
            "give it back its name") in err
    wb = load_workbook(blank)
    del wb["Workstream 2"]
    wb.save(tmp_path / "deleted.xlsx")
    code, _, err = cli("tracker", "import", plan, tmp_path / "deleted.xlsx")
    assert code == 0 and 'deleted.xlsx: warning: sheet "Workstream 2" was deleted from the workbook: nothing in it is imported' in err


def test_a_workbook_that_is_not_the_tracker(cli, plan, tmp_path, make_plan):
    from openpyxl import Workbook

    Workbook().save(tmp_path / "other.xlsx")
    code, _, err = cli("tracker", "import", plan, tmp_path / "other.xlsx")
    assert code == 1 and "other.xlsx: error: this workbook is not a wsoagen tracker" in err
    other = make_plan(name="otherplace")
    (other / "plan.yaml").write_text((other / "plan.yaml").read_text().replace("local_area: Testshire", "local_area: Otherplace"))
    assert cli("tracker", "export", other, "-o", tmp_path / "o.xlsx")[0] == 0
    code, _, err = cli("tracker", "import", plan, tmp_path / "o.xlsx")
    assert code == 1 and "this tracker was exported from the plan for Otherplace, not Testshire" in err


def test_files_that_cannot_be_read_exit_2(cli, plan, blank, tmp_path):
    (tmp_path / "corrupt.xlsx").write_bytes(blank.read_bytes()[:2000])
    (tmp_path / "text.xlsx").write_text("ref,status\n")
    # An encrypted workbook is an OLE compound file holding an EncryptionInfo stream.
    (tmp_path / "locked.xlsx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "EncryptionInfo".encode("utf-16-le"))
    expected = {
        "corrupt.xlsx": "not an Excel workbook (.xlsx), or the file is damaged",
        "text.xlsx": "not an Excel workbook (.xlsx), or the file is damaged",
        "locked.xlsx": "the workbook is protected by a password (encrypted)",
        "missing.xlsx": "no such file",
    }
    for name, message in expected.items():
        code, _, err = cli("tracker", "import", plan, tmp_path / name)
        assert code == 2 and f"wsoagen: error: {tmp_path / name}: {message}" in err, err
        assert "Traceback" not in err
    damaged = tmp_path / "damaged.xlsx"
    shutil.copy(blank, damaged)
    import zipfile

    with zipfile.ZipFile(blank) as src, zipfile.ZipFile(damaged, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, b"<broken" if item.filename == "xl/workbook.xml" else src.read(item))
    code, _, err = cli("tracker", "import", plan, damaged)
    assert code == 2 and "the workbook is damaged and cannot be read" in err


def test_percentages_typed_as_numbers(cli, make_plan, tmp_path):
    from conftest import MINI_PLAN, MINI_WORKSTREAM

    plan = make_plan(MINI_PLAN + "status_scheme:\n  name: Per cent complete\n  percent: true\n",
                     {"1.yaml": MINI_WORKSTREAM.replace("status: Blue", "status: 100%")})
    assert cli("tracker", "export", plan, "-o", tmp_path / "t.xlsx")[0] == 0
    filled = fill(tmp_path / "t.xlsx", tmp_path / "f.xlsx", "Workstream 1", {"Strategy in place": (0.75, "Feb 2020", None)})
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 0, err
    assert "Not rated -> 75% (Feb 2020)" in out
    assert "status: 75%" in (plan / "workstreams" / "1.yaml").read_text()


DIRECT = """\
number: 1
title: Leadership
weakness: Leaders are not yet empowered.
actions:
  - text: Implement revised governance arrangements.
    lead: ann-smith
    milestones:
      - text: Terms of reference agreed  # first
        deadline: March 2024
  # a second action, without a ref
  - text: Publish the plan.
    milestones:
      - text: Published
        deadline: May 2024
"""


def test_actions_directly_under_an_area_without_refs(cli, make_plan, tmp_path):
    from conftest import MINI_PLAN

    plan = make_plan(MINI_PLAN + "kind: strategic-action-plan\narea_name: {singular: priority, plural: priorities}\n", {"1.yaml": DIRECT})
    assert cli("tracker", "export", plan, "-o", tmp_path / "t.xlsx")[0] == 0
    assert load_workbook(tmp_path / "t.xlsx").sheetnames == ["Instructions", "Priority 1", "wsoagen"]
    filled = fill(tmp_path / "t.xlsx", tmp_path / "f.xlsx", "Priority 1", {"Published": ("Green", "June 2024", "Out for consultation.")})
    code, out, err = cli("tracker", "import", plan, filled)
    assert code == 0, err
    assert out.splitlines()[1] == '  #2 "Published": Not rated -> Green (June 2024); update added'
    assert out.startswith("Priority 1 (")
    assert (plan / "workstreams" / "1.yaml").read_text() == DIRECT + """\
        status: green
        status_date: June 2024
        updates:
          - date: June 2024
            text: Out for consultation.
            status: green
"""


def test_a_leads_tracker_signs_their_updates(cli, plan, tmp_path):
    assert cli("tracker", "export", plan, "-o", tmp_path / "ann.xlsx", "--lead", "ann-smith")[0] == 0
    filled = fill(tmp_path / "ann.xlsx", tmp_path / "f.xlsx", "Actions led by Ann Smith", {"Strategy in place": (None, "Feb 2020", "Drafting.")})
    before = ws1(plan)
    assert cli("tracker", "import", plan, filled)[0] == 0
    assert diff(before, ws1(plan)) == ["+            updates:", "+              - date: Feb 2020", "+                text: Drafting.",
                                       "+                by: ann-smith"]
    assert cli("validate", plan)[0] == 0


def test_warnings_grey_columns_changed_a_lone_date_an_older_date(cli, plan, blank, tmp_path):
    wb = load_workbook(blank)
    ws = wb["Workstream 1"]
    ws[f"D{row_of(ws, 'Strategy in place')}"] = "July 2021"  # a lead "corrected" the deadline (sheet unprotected)
    ws[f"I{row_of(ws, 'Strategy published')}"] = "Feb 2020"  # a date and nothing else
    review = row_of(ws, "Review complete")
    ws[f"H{review}"], ws[f"I{review}"] = "Blue", "Nov 2019"  # before the plan's Dec 2019
    wb.save(tmp_path / "w.xlsx")
    code, out, err = cli("tracker", "import", plan, tmp_path / "w.xlsx")
    assert code == 0, err
    assert err.splitlines()[:3] == [
        f'{tmp_path / "w.xlsx"}:Workstream 1!D5: warning: the tracker says "July 2021" where the plan says "June 2020 to April 2021": '
        "changes to the grey columns are not imported; if the plan is wrong, change it there [tracker-cell]",
        f"{tmp_path / 'w.xlsx'}:Workstream 1!I6: warning: a status date without a new status or an update: nothing to record [tracker-cell]",
        f'{tmp_path / "w.xlsx"}:Workstream 1!I7: warning: "Nov 2019" is before the status date the plan already has (Dec 2019): '
        "the older status is written all the same [tracker-cell]",
    ]
    assert out.splitlines()[1] == '  1.1b "Review complete": Green (Dec 2019) -> Blue (Nov 2019)'


def test_a_status_written_as_its_label_stays_a_label(cli, make_plan, tmp_path):
    from conftest import MINI_WORKSTREAM

    plan = make_plan()  # MINI_WORKSTREAM writes `status: Blue`
    assert cli("tracker", "export", plan, "-o", tmp_path / "t.xlsx")[0] == 0
    filled = fill(tmp_path / "t.xlsx", tmp_path / "f.xlsx", "Workstream 1", {"Needs assessment agreed": ("red", "Jan 2020", "Reopened.")})
    assert cli("tracker", "import", plan, filled)[0] == 0
    assert diff(MINI_WORKSTREAM, (plan / "workstreams" / "1-joint.yaml").read_text()) == [
        "-            status: Blue", "-            status_date: Nov 2019",
        "+            status: Red", "+            status_date: Jan 2020",
        "+            updates:", "+              - date: Jan 2020", "+                text: Reopened.", "+                status: Red",
    ]


def test_a_milestone_deleted_from_the_plan_is_a_conflict(cli, plan, blank, tmp_path):
    filled = fill(blank, tmp_path / "f.xlsx", "Workstream 1", {"Strategy published": ("Amber", "Feb 2020", None)})
    path = plan / "workstreams" / "1-joint.yaml"
    start = TRACKER_WORKSTREAM.index("          - text: Strategy published")
    end = TRACKER_WORKSTREAM.index("      - ref: 1.1b")
    path.write_text(TRACKER_WORKSTREAM[:start] + TRACKER_WORKSTREAM[end:], encoding="utf-8")
    code, _, err = cli("tracker", "import", plan, filled)
    assert code == 1
    assert ('Workstream 1!C6: error: the plan changed since this tracker was exported: the tracker has "Strategy published" '
            '(deadline May 2021), the plan now has no milestone 3 of action 1.1a in workstream 1') in err
