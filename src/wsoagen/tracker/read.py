"""Read a filled-in tracker workbook: a file in, the rows leads filled in out, each with its cells.

A file that cannot be read at all (missing, damaged, password-protected, an old .xls) raises
`TrackerFileError`. A workbook that reads but is not the tracker this plan exported, a sheet
renamed, a column missing: `Problems` at their sheet. Rows are found by the header row holding
the Key column and columns by their headers, so a row or column moved (after unprotecting the
sheet) still reads. Values come as the spreadsheet stored them (text, numbers, dates); `apply`
judges them.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wsoagen.tracker import layout as lay
from wsoagen.tracker.problems import WORKBOOK, Problems, TrackerFileError

MAX_BYTES = 50 * 1024 * 1024
HEADER_SEARCH = 20  # rows searched for the header row
INPUT = ("new_status", "new_date", "update")
NEEDED = ("key", "milestone", "deadline", *INPUT)


@dataclass
class Entry:
    """One milestone row of a sheet: its key and what the lead typed, with the column of each value."""

    sheet: str
    row: int
    cols: dict[str, int]  # column id -> column number in this sheet
    values: dict[str, Any]

    @property
    def key(self) -> str:
        value = self.values.get("key")
        return str(value).strip() if value is not None else ""

    def given(self, column: str) -> Any:
        """The value typed in `column`, None when empty (blank text counts as empty)."""
        value = self.values.get(column)
        return None if value is None or (isinstance(value, str) and not value.strip()) else value

    @property
    def filled(self) -> bool:
        return any(self.given(c) is not None for c in INPUT)


@dataclass
class Tracker:
    """What a workbook holds: its sheets in order and the rows with a key or anything typed."""

    sheets: list[str] = field(default_factory=list)
    lead: str | None = None  # the person id a lead's tracker was exported for
    entries: list[Entry] = field(default_factory=list)


def open_workbook(path: Path) -> Any:
    """The workbook (openpyxl, cached values of any formulas), or TrackerFileError saying plainly why not."""
    from openpyxl import load_workbook

    try:
        size = path.stat().st_size
        if not path.is_file():
            raise TrackerFileError(f"{path}: not a file")
        if size > MAX_BYTES:
            raise TrackerFileError(f"{path}: {size // (1024 * 1024)} MB is too large for a tracker (at most {MAX_BYTES // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError:
        raise TrackerFileError(f"{path}: no such file") from None
    except OSError as exc:
        raise TrackerFileError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE compound file: what Office writes for encrypted workbooks and old .xls
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise TrackerFileError(f"{path}: the workbook is protected by a password (encrypted), so it cannot be read: "
                                   "open it, remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password) and save it")
        raise TrackerFileError(f"{path}: an old-style .xls workbook: open it and save it as an Excel Workbook (.xlsx)")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TrackerFileError(f"{path}: not an Excel workbook (.xlsx), or the file is damaged")
    try:
        with warnings.catch_warnings():  # openpyxl warns about parts it drops (extensions Calc or Excel add): not the lead's business
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on damaged parts: one message for all
        raise TrackerFileError(f"{path}: the workbook is damaged and cannot be read ({type(exc).__name__}: {exc})") from None


def read(wb: Any, expected_plan: str, problems: Problems) -> Tracker | None:
    """The tracker's rows; None (with problems) when the workbook is not this plan's tracker."""
    problems.sheet_order.update({name: i for i, name in enumerate(wb.sheetnames, start=1)})
    meta = _meta(wb)
    if meta is None:
        problems.error("", 0, 0, "this workbook is not a wsoagen tracker (it has no hidden `wsoagen` sheet): "
                       "export one with `wsoagen tracker export` and fill that in", WORKBOOK)
        return None
    made_for, sheets, lead = meta
    if made_for != expected_plan:
        problems.error("", 0, 0, f'this tracker was exported from the plan for {made_for}, not {expected_plan}', WORKBOOK)
        return None
    tracker = Tracker(sheets=list(wb.sheetnames), lead=lead)
    missing = [s for s in sheets if s not in wb.sheetnames]
    renamed = False
    for name in wb.sheetnames:
        if name in (lay.META_SHEET, lay.INSTRUCTIONS):
            continue
        ws = wb[name]
        header = _header_row(ws)
        if name not in sheets:
            if header is not None:
                renamed = True
                was = f' (was it "{missing[0]}"?)' if len(missing) == 1 else ""
                problems.error(name, 0, 0, f'sheet "{name}" is not one this tracker was exported with{was}: '
                               "give it back its name (sheets must keep the names they were exported with)", WORKBOOK)
            else:
                problems.warning(name, 0, 0, f'sheet "{name}" is not part of the tracker: it is not read', WORKBOOK)
            continue
        if header is None:
            problems.error(name, 0, 0, f'no header row with a "{lay.KEY_HEADER}" column: the sheet was changed too much to be read; '
                           "copy its updates into a newly exported tracker", WORKBOOK)
            continue
        cols = _columns(ws, header)
        lost = [next(c.header for c in lay.COLUMNS if c.id == cid) for cid in NEEDED if cid not in cols]
        if lost:
            problems.error(name, header, 0, f"the column{'s' if len(lost) > 1 else ''} {', '.join(repr(x) for x in lost)} "
                           "cannot be found in the header row: put back the tracker's headers", WORKBOOK)
            continue
        tracker.entries += _entries(ws, name, header, cols)
    for name in [] if renamed else missing:
        problems.warning("", 0, 0, f'sheet "{name}" was deleted from the workbook: nothing in it is imported', WORKBOOK)
    return tracker


def _meta(wb: Any) -> tuple[str, list[str], str | None] | None:
    """(the plan's local area, the sheet titles, the lead) from the hidden sheet, or None if there is none."""
    if lay.META_SHEET not in wb.sheetnames:
        return None
    ws = wb[lay.META_SHEET]
    if ws.cell(1, 1).value != lay.FORMAT:
        return None
    plan, sheets, lead = "", [], None
    for kind, value in ws.iter_rows(min_row=2, max_col=2, values_only=True):
        if kind == "plan":
            plan = str(value or "")
        elif kind == "sheet" and value:
            sheets.append(str(value))
        elif kind == "lead" and value:
            lead = str(value)
    return plan, sheets, lead


def _header_row(ws: Any) -> int | None:
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH, values_only=True), start=1):
        if any(isinstance(v, str) and v.strip() == lay.KEY_HEADER for v in row):
            return r
    return None


def _columns(ws: Any, header: int) -> dict[str, int]:
    cols: dict[str, int] = {}
    for c, value in enumerate(next(ws.iter_rows(min_row=header, max_row=header, values_only=True)), start=1):
        cid = lay.HEADERS.get(value.strip()) if isinstance(value, str) else None
        if cid and cid not in cols:
            cols[cid] = c
    return cols


def _entries(ws: Any, sheet: str, header: int, cols: dict[str, int]) -> list[Entry]:
    found = []
    for r, row in enumerate(ws.iter_rows(min_row=header + 1, values_only=True), start=header + 1):
        values = {cid: (row[c - 1] if c - 1 < len(row) else None) for cid, c in cols.items()}
        entry = Entry(sheet, r, cols, values)
        if entry.key or entry.filled:
            found.append(entry)
    return found
