"""Write the tracker workbook a lead fills in: a validated `Plan` in, .xlsx bytes out.

Sheets: Instructions (what to fill in, the status key, the dates accepted), then one sheet per
workstream (or one for a lead's actions; see `layout`), then a very hidden `wsoagen` sheet naming
the plan and the sheets. Each milestone row: ref, action, milestone, deadline, lead, current
status and its date (grey, locked), then New status (a drop-down of the plan's statuses, BRAG
colours by conditional formatting), New status date and Update (pale yellow, unlocked), then the
hidden key. Sheets and the workbook's structure are protected without a password, so nobody
changes a locked column or renames a sheet by accident; filtering is allowed.

Same plan, same bytes: the document properties carry a fixed date and the zip entries a fixed
time (openpyxl would stamp both with the current time). Text from the plan is always written as
text, never as a formula, with characters Excel does not allow removed.
"""

from __future__ import annotations

import io
import zipfile
from copy import copy
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from wsoagen.plan.model import Plan, Status
from wsoagen.plan.statuses import Statuses
from wsoagen.tracker import layout as lay

FIXED_TIME = datetime(2000, 1, 1)  # the workbook's created/modified date: the same plan gives the same bytes
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
GREY, YELLOW, HEADER = "F3F2F1", "FFF7BF", "DEE0E2"
THIN = Side(style="thin", color="B1B4B6")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
TOP = Alignment(vertical="top", wrap_text=True)


def _font(**style) -> Font:
    """Calibri (LibreOffice shows Carlito), as the rest of the workbook: a font without a name prints in a serif."""
    return Font(name="Calibri", **{"size": 11, **style})


DATE_EXAMPLES = "15 January 2020, 15/01/2020, Jan 2020 or Q1 2020"


def export(plan: Plan, workstream: int | None = None, lead: str | None = None) -> bytes:
    """The tracker workbook for `plan` (one workstream, or one lead's actions, if asked)."""
    sheets = lay.sheets(plan, workstream, lead)
    scheme = Statuses.of(plan.file)
    choices = status_choices(scheme)
    wb = Workbook()
    try:
        instructions = wb.active
        instructions.title = lay.INSTRUCTIONS
        first, last = _write_instructions(instructions, plan, scheme, choices, sheets)
        wb.defined_names[lay.STATUS_NAME] = DefinedName(lay.STATUS_NAME, attr_text=f"{lay.INSTRUCTIONS}!$A${first}:$A${last}")
        for sheet in sheets:
            _write_sheet(wb.create_sheet(sheet.title), sheet, scheme, choices)
        _write_meta(wb.create_sheet(lay.META_SHEET), plan, sheets, lead)
    finally:
        _forget(wb)
    wb.security = WorkbookProtection(lockStructure=True)  # no password: sheets cannot be renamed, moved or deleted by accident
    props = wb.properties
    props.creator, props.title = "wsoagen", f"{plan.file.local_area}: action tracker"
    props.created = props.modified = FIXED_TIME
    return _to_bytes(wb)


def _forget(wb: Workbook) -> None:
    for key in [k for k in _STYLED if k[0] == id(wb)]:
        del _STYLED[key]


def status_choices(scheme: Statuses) -> list[str]:
    """The drop-down's words: the key's labels, or steps of 10% for a percentage scheme without one."""
    if scheme.declared:
        return [s.label for s in scheme.declared]
    return [f"{n}%" for n in range(0, 101, 10)]


def text(value: str) -> str:
    """Plan text made safe for a cell: no characters XML cannot carry, at most Excel's 32,767."""
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:32767]


# Styles already applied once, by the identity of the style objects: openpyxl hashes every style
# object on every assignment, which was two thirds of the export's time; a cell given the same
# styles as an earlier one takes a copy of that cell's style indexes instead (as openpyxl's own
# copy_worksheet does). The objects are kept with their indexes, so their ids stay theirs.
_STYLED: dict[tuple, tuple[StyleArray, tuple]] = {}


def _put(ws: Worksheet, row: int, col: int, value: str | None, **style) -> None:
    cell = ws.cell(row, col)
    if value:
        cell.value = text(value)
        cell.data_type = "s"  # "=..." in a plan is words, never a formula
    if not style:
        return
    key = (id(ws.parent), *sorted((name, id(v)) for name, v in style.items()))
    done = _STYLED.get(key)
    if done is not None:
        cell._style = copy(done[0])
        return
    for name, v in style.items():
        setattr(cell, name, v)
    _STYLED[key] = (copy(cell._style), (ws.parent, *style.values()))


# ---------------------------------------------------------------- the milestone sheets


def _write_sheet(ws: Worksheet, sheet: lay.Sheet, scheme: Statuses, choices: list[str]) -> None:
    ncol = len(lay.COLUMNS)
    _put(ws, lay.TITLE_ROW, 1, sheet.heading, font=_font(bold=True, size=14))
    ws.row_dimensions[lay.TITLE_ROW].height = 22
    _put(ws, lay.NOTE_ROW, 1, "Fill in the yellow columns (New status, New status date, Update) for each milestone you have news of; "
         "leave the others as they are. The Instructions sheet says how.", font=_font(italic=True))
    for col, column in enumerate(lay.COLUMNS, start=1):
        fill = PatternFill("solid", start_color=YELLOW if column.editable else HEADER, end_color=YELLOW if column.editable else HEADER)
        _put(ws, lay.HEADER_ROW, col, column.header, font=_font(bold=True), fill=fill, border=BORDER, alignment=TOP)
        ws.column_dimensions[get_column_letter(col)].width = column.width
    ws.column_dimensions[get_column_letter(lay.COL["key"])].hidden = True
    grey = PatternFill("solid", start_color=GREY, end_color=GREY)
    yellow = PatternFill("solid", start_color=YELLOW, end_color=YELLOW)
    unlocked = Protection(locked=False)
    for r, row in enumerate(sheet.rows, start=lay.FIRST_ROW):
        values = {"ref": row.ref, "action": row.action, "milestone": row.milestone, "deadline": row.deadline, "lead": row.lead,
                  "status": row.status, "status_date": row.status_date, "key": row.key}
        for column in lay.COLUMNS:
            col = lay.COL[column.id]
            if column.editable:
                _put(ws, r, col, None, fill=yellow, border=BORDER, alignment=TOP, protection=unlocked, number_format="@")
            else:
                _put(ws, r, col, values[column.id], fill=grey, border=BORDER, alignment=TOP)
        ws.row_dimensions[r].height = fit_height([(values[c.id], c.width) for c in lay.COLUMNS if c.id in values and c.id != "key"])
    last = lay.FIRST_ROW + max(len(sheet.rows), 1) - 1
    if not sheet.rows:
        _put(ws, lay.FIRST_ROW, 1, "No milestones to report on here.", font=_font(italic=True))
    else:
        _status_cells(ws, last, scheme, choices)
    ws.auto_filter.ref = f"A{lay.HEADER_ROW}:{get_column_letter(ncol)}{last}"
    ws.freeze_panes = f"B{lay.FIRST_ROW}"
    ws.print_title_rows = f"{lay.HEADER_ROW}:{lay.HEADER_ROW}"
    _print_setup(ws)
    _protect(ws)


def _status_cells(ws: Worksheet, last: int, scheme: Statuses, choices: list[str]) -> None:
    """The New status drop-down, and BRAG colours on both status columns."""
    new = get_column_letter(lay.COL["new_status"])
    cur = get_column_letter(lay.COL["status"])
    listed = ", ".join(choices)
    dv = DataValidation(type="list", formula1=lay.STATUS_NAME, allow_blank=True,
                        errorStyle="warning" if scheme.percent else "stop",
                        errorTitle="Not a status of this plan", error=f"Choose one of: {listed}"[:255],
                        promptTitle="New status", prompt=f"Choose from the list: {listed}"[:255],
                        showErrorMessage=True, showInputMessage=True)
    dv.add(f"{new}{lay.FIRST_ROW}:{new}{last}")
    ws.add_data_validation(dv)
    dates = DataValidation(allow_blank=True, promptTitle="New status date", prompt=f"When the new status was recorded, e.g. {DATE_EXAMPLES}",
                           showInputMessage=True)
    col = get_column_letter(lay.COL["new_date"])
    dates.add(f"{col}{lay.FIRST_ROW}:{col}{last}")
    ws.add_data_validation(dates)
    cells = f"{cur}{lay.FIRST_ROW}:{cur}{last} {new}{lay.FIRST_ROW}:{new}{last}"
    for status in _coloured(scheme):
        colour = status.colour.lstrip("#").upper()
        fill = PatternFill("solid", start_color=colour, end_color=colour)
        word = status.label.replace('"', '""')
        # A differential style sets colour and weight only: Excel allows no font name or size in one.
        ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=[f'"{word}"'], fill=fill,
                                                        font=Font(color=_ink(colour), bold=True)))


def fit_height(values: list[tuple[str, float]], line: float = 15.0) -> float:
    """A row height (points) that shows every (text, column width) in full when wrapped.

    Spreadsheets do not grow rows to wrapped text written by a program (LibreOffice prints them
    one line high), so the height is worked out here: about 1.1 average characters per unit of
    column width in an 11-point font, and a word never split.
    """
    lines = 1
    for value, width in values:
        per_line = max(int(width * 1.1), 1)
        count = 0
        for para in value.split("\n"):
            count += max(1, -(-len(para) // per_line))
        lines = max(lines, count)
    return lines * line + 2


def _coloured(scheme: Statuses) -> list[Status]:
    if scheme.declared:
        return list(scheme.declared)
    done = scheme.resolve("100%")
    return [done] if done else []


def _ink(colour: str) -> str:
    """Black or white text, whichever reads better on `colour` (WCAG relative luminance)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(colour[i:i + 2], 16)) for i in (0, 2, 4))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "000000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "FFFFFF"


def _protect(ws: Worksheet) -> None:
    """Locked cells stay as they are; filtering, sorting and row heights are allowed. No password."""
    p = ws.protection
    p.sheet = True
    p.autoFilter = False
    p.sort = False
    p.formatRows = False


def _print_setup(ws: Worksheet) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


# ---------------------------------------------------------------- the instructions


def _write_instructions(ws: Worksheet, plan: Plan, scheme: Statuses, choices: list[str], sheets: list[lay.Sheet]) -> tuple[int, int]:
    """The instructions sheet; returns the rows of the status key (the drop-down's source)."""
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 100
    _put(ws, 1, 1, f"{plan.file.local_area}: action tracker", font=_font(bold=True, size=16))
    _put(ws, 2, 1, plan.file.title, font=_font(italic=True))
    steps = [
        ("What this is", "One row per milestone of the plan. Tell us where each milestone you lead has got to; "
                         "the plan's officers copy your answers into the plan."),
        ("1. New status", "Choose the milestone's status now from the drop-down in the New status column (the key is below)."),
        ("2. New status date", f"When that status was recorded or the milestone was completed, e.g. {DATE_EXAMPLES}. "
                               "Needed whenever you give a new status or an update."),
        ("3. Update", "A sentence or two on progress, evidence or what is in the way. It is added to the milestone's "
                      "updates, with the date and status you gave."),
        ("Leave alone", "The grey columns come from the plan: if something there is wrong, say so in Update. "
                        "Rows without anything in the yellow columns change nothing."),
        ("Sorting, filtering", "Use the filter buttons on the header row. Every row carries a hidden key, so rows may be "
                               "sorted, filtered and moved. The sheets are protected without a password (Review > Unprotect "
                               "Sheet) only so that the grey columns are not changed by accident."),
        ("Do not", "Rename or delete sheets, delete the hidden Key column, or copy a row to give two updates for one milestone."),
    ]
    row = 4
    for label, words in steps:
        _put(ws, row, 1, label, font=_font(bold=True), alignment=TOP)
        _put(ws, row, 2, words, alignment=TOP)
        ws.row_dimensions[row].height = fit_height([(words, ws.column_dimensions["B"].width)])
        row += 1
    row += 1
    _put(ws, row, 1, f"Status key ({plan.file.status_scheme.name})", font=_font(bold=True, size=12))
    _put(ws, row + 1, 1, "Status", font=_font(bold=True), fill=PatternFill("solid", start_color=HEADER, end_color=HEADER), border=BORDER)
    _put(ws, row + 1, 2, "Meaning", font=_font(bold=True), fill=PatternFill("solid", start_color=HEADER, end_color=HEADER), border=BORDER)
    first = row + 2
    meaning = {s.label: s for s in scheme.declared}
    for i, word in enumerate(choices):
        status = meaning.get(word) or scheme.resolve(word)
        colour = (status.colour if status else "#b1b4b6").lstrip("#").upper()
        fill = PatternFill("solid", start_color=colour, end_color=colour)
        _put(ws, first + i, 1, word, fill=fill, font=_font(bold=True, color=_ink(colour)), border=BORDER)
        _put(ws, first + i, 2, status.meaning if status else "", border=BORDER)
    last = first + len(choices) - 1
    if scheme.percent:
        _put(ws, last + 1, 1, "Any percentage from 0% to 100% may be typed; 100% means complete.", font=_font(italic=True))
    row = last + 3
    _put(ws, row, 1, "Sheets", font=_font(bold=True, size=12))
    for i, sheet in enumerate(sheets, start=1):
        _put(ws, row + i, 1, sheet.title)
        _put(ws, row + i, 2, f"{sheet.heading} ({len(sheet.rows)} milestone{'s' if len(sheet.rows) != 1 else ''})")
    _print_setup(ws)
    ws.protection.sheet = True
    return first, last


def _write_meta(ws: Worksheet, plan: Plan, sheets: list[lay.Sheet], lead: str | None) -> None:
    """What import checks the workbook against: the format, the plan, each sheet's title; and the
    lead it was made for, whose id import writes as the `by` of their updates."""
    ws.sheet_state = "veryHidden"
    _put(ws, 1, 1, lay.FORMAT)
    _put(ws, 2, 1, "plan")
    _put(ws, 2, 2, plan.file.local_area)
    rows = [("sheet", sheet.title) for sheet in sheets] + ([("lead", lead)] if lead else [])
    for i, (kind, value) in enumerate(rows, start=3):
        _put(ws, i, 1, kind)
        _put(ws, i, 2, value)
    ws.protection.sheet = True


# ---------------------------------------------------------------- bytes


def _to_bytes(wb: Workbook) -> bytes:
    """Save without openpyxl's `save_workbook` (it stamps the time), then give every zip entry one fixed time."""
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()
