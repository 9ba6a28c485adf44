"""The tracker's test plan (comments in awkward places, updates, a lead) and helpers to fill a workbook as a lead would.

Not a conftest.py: a second module of that name beside tests/conftest.py makes `from conftest import` ambiguous.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from openpyxl import load_workbook

from conftest import MINI_PLAN, missing

TRACKER_PLAN = MINI_PLAN.replace("organisations:", "  - id: bo-jones\n    name: Bo Jones\n    role: Head of SEND\norganisations:")

# fmt-formatted, with comments above, between and after milestones, and an update in a block scalar.
TRACKER_WORKSTREAM = """\
# yaml-language-server: $schema=../../../schema/workstream.schema.json
number: 1
title: Joint commissioning
sponsors: [ann-smith]
weakness: Joint planning is not well established.
outcomes:
  - ref: "1.1"
    text: A joint commissioning strategy is in place.
    actions:
      - ref: 1.1a
        text: |
          Coproduce the strategy that will:

          - be based on **identified** needs
        lead: ann-smith
        milestones:
          - text: Needs assessment agreed  # by the board
            deadline: Nov 2019
            status: blue
            status_date: Nov 2019
          # the next one slipped once already
          - text: Strategy in place
            deadline: June 2020 to April 2021
          - text: Strategy published
            deadline: May 2021
            updates:
              - date: Jan 2020
                text: |
                  Drafting started.
                  Consultation planned.
                status: green
            # published on the Local Offer
      - ref: 1.1b
        text: Review the equipment service.
        lead: bo-jones
        milestones:
          - text: Review complete
            deadline: Jan 2020
            status: green  # as reported in December
            status_date: Dec 2019
        # more milestones to follow
"""

WS2 = """\
number: 2
title: Quality assurance
weakness: There is no quality assurance framework.
outcomes:
  - ref: "2.1"
    text: Leaders know how well the area is doing.
    actions:
      - ref: "2.1"
        text: Coproduce a quality assurance framework.
        milestones:
          - text: QA post agreed
            deadline: Sept 2019
          - text: =HYPERLINK("http://example.com","click")
            deadline: Oct 2019
"""


def make_tracker_plan(make_plan) -> Path:
    return make_plan(TRACKER_PLAN, {"1-joint.yaml": TRACKER_WORKSTREAM, "2-qa.yaml": WS2})


def row_of(ws, milestone: str) -> int:
    """The row of the milestone whose text starts with `milestone` (rows may have moved)."""
    for row in ws.iter_rows(min_row=1):
        if isinstance(row[2].value, str) and row[2].value.startswith(milestone):
            return row[0].row
    raise AssertionError(f"no row for {milestone!r}")


def fill(source: Path, target: Path, sheet: str, entries: dict[str, tuple]) -> Path:
    """Fill New status, New status date and Update (None: leave empty) of the rows whose milestone starts with each key."""
    wb = load_workbook(source)
    ws = wb[sheet]
    for milestone, values in entries.items():
        r = row_of(ws, milestone)
        for col, value in zip(("H", "I", "J"), values, strict=True):
            if value is not None:
                ws[f"{col}{r}"] = value
    wb.save(target)
    return target


def diff(before: str, after: str) -> list[str]:
    """The changed lines, as `git diff` shows them: '+line' or '-line'."""
    return [line.rstrip("\n") for line in difflib.unified_diff(before.splitlines(True), after.splitlines(True), n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def calc(soffice: str) -> str:
    """soffice with LibreOffice Calc (Debian libreoffice-calc-nogui), which opens workbooks."""
    program = Path(soffice).resolve().parent
    if not (program / "libsclo.so").exists():
        missing("LibreOffice Calc is not installed: install the Debian package libreoffice-calc-nogui")
    return soffice
