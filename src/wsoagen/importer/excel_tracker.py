"""An Excel action tracker in the common layout (one row per milestone) read into workstreams.

In: the path of an .xlsx whose sheets hold a header row (in the first 10 rows) naming columns
such as Workstream / Priority, Ref, Outcome, Action, Lead, Milestone, Deadline, Status (RAG),
Status date, Update — worded loosely, in any order. Out: plan.yaml's tree (people for the
leads, BRAG statuses), one workstream tree per workstream (by a Workstream column, else one per
sheet), and a note for every column or cell that could not be mapped, with its place
("Sheet1!F14").

Statuses are the cell's words read against the usual BRAG words, or its fill colour; dates in
date cells are written as the cell shows them (a month-only format gives "January 2020").
"""

from __future__ import annotations

import re
import zipfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from wsoagen.diagnostics import UsageError
from wsoagen.importer import Note
from wsoagen.importer.plan_writer import PLACEHOLDER
from wsoagen.importer.word_plan import DEFAULT_FILLS, person_id

COLUMNS: dict[str, tuple[str, ...]] = {
    "workstream": ("workstream", "priority", "area"),
    "ref": ("ref", "no.", "number", "id"),
    "outcome": ("outcome", "objective"),
    "action": ("action", "what we will do", "activity"),
    "lead": ("lead", "owner", "responsible"),
    "milestone": ("milestone", "task"),
    "deadline": ("deadline", "due", "by when", "target date", "timescale"),
    "status": ("status", "rag", "brag"),
    "status_date": ("status date", "date of status", "last updated", "updated on"),
    "update": ("update", "progress", "comment", "commentary"),
    "resource": ("resource",),
}
STATUS_WORDS = {"blue": "blue", "complete": "blue", "completed": "blue", "green": "green", "on track": "green",
                "amber": "amber", "red": "red", "not started": "red"}
_WORKSTREAM = re.compile(r"^(?:Workstream|Priority|Area)?\s*(\d{1,2})\s*[:.\-–]?\s*(.*)$", re.I)


def read_tracker(source: Path) -> tuple[dict[str, Any], list[dict[str, Any]], list[Note]]:
    try:
        book = load_workbook(source, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UsageError(f"{source}: not an Excel workbook wsoagen can read ({exc})") from None
    notes: list[Note] = []
    people: dict[str, dict[str, Any]] = {}
    workstreams: dict[str, dict[str, Any]] = {}
    for sheet in book.worksheets:
        header_row, columns = _header(sheet)
        if columns is None:
            notes.append(Note(f"{sheet.title}!A1", "no header row naming milestones and deadlines: sheet left out"))
            continue
        for col, title in _unmapped(sheet, header_row, columns):
            notes.append(Note(f"{sheet.title}!{get_column_letter(col)}{header_row}", f'column "{title}" is not part of the plan: left out'))
        for row in sheet.iter_rows(min_row=header_row + 1):
            _row(sheet.title, row, columns, workstreams, people, notes)
    plan = {"title": f"{source.stem} action plan", "people": list(people.values())}
    return plan, list(workstreams.values()), notes


def _header(sheet) -> tuple[int, dict[str, int] | None]:
    for row in sheet.iter_rows(min_row=1, max_row=10):
        found: dict[str, int] = {}
        for cell in row:
            words = str(cell.value or "").strip().lower()
            if not words:
                continue
            for name in sorted(COLUMNS, key=lambda n: n != "status_date"):  # "status date" before "status"
                if name not in found and any(k in words for k in COLUMNS[name]):
                    found[name] = cell.column
                    break
        if {"milestone", "deadline"} <= found.keys() or {"action", "deadline"} <= found.keys():
            return row[0].row, found
    return 1, None


def _unmapped(sheet, header_row: int, columns: dict[str, int]) -> list[tuple[int, str]]:
    used = set(columns.values())
    return [(c.column, str(c.value)) for c in sheet[header_row] if c.value not in (None, "") and c.column not in used]


def _text(cell) -> str:
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        day = value.date() if isinstance(value, datetime) else value
        fmt = (cell.number_format or "").lower()
        if "d" not in fmt.replace("dd", "d") or fmt.startswith("mmm") and "d" not in fmt:
            return day.strftime("%B %Y")
        return day.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _row(sheet: str, row, columns: dict[str, int], workstreams: dict[str, dict[str, Any]],
         people: dict[str, dict[str, Any]], notes: list[Note]) -> None:
    cells = {name: row[col - 1] for name, col in columns.items() if col - 1 < len(row)}
    text = {name: _text(cell) for name, cell in cells.items()}
    if not any(text.values()):
        return
    ws = _workstream(sheet, text.get("workstream", ""), workstreams)
    outcome = _outcome(ws, text.get("outcome", ""), text.get("ref", ""))
    actions = outcome["actions"] if outcome is not None else ws["actions"]
    ref = text.get("ref", "")
    words = text.get("action") or text.get("milestone", "")
    action = next((a for a in actions if (a["ref"], a["text"]) == (ref, words) or ref and a["ref"] == ref), None)
    if action is None:
        action = {"ref": ref, "text": words, "milestones": []}
        if text.get("resource"):
            action["resource"] = text["resource"]
        if text.get("lead"):
            action["lead"] = person_id(text["lead"], people)
        actions.append(action)
    if not (text.get("milestone") or text.get("deadline")):
        return
    milestone: dict[str, Any] = {"text": text.get("milestone") or text.get("action", "")}
    if text.get("deadline"):
        milestone["deadline"] = text["deadline"]
    status = _status(sheet, cells.get("status"), text.get("status", ""), notes)
    if status:
        milestone["status"] = status
        if text.get("status_date"):
            milestone["status_date"] = text["status_date"]
    if text.get("update"):
        when = text.get("status_date")
        if when:
            milestone["updates"] = [{"date": when, "text": text["update"]}]
        else:
            notes.append(Note(f"{sheet}!{cells['update'].coordinate}", "an update without a date: left out (add a status date)"))
    action["milestones"].append(milestone)


def _status(sheet: str, cell, words: str, notes: list[Note]) -> str | None:
    """A status cell's BRAG status: by its words, else by its fill colour."""
    status = STATUS_WORDS.get(words.lower())
    if status is None and cell is not None:
        fill = cell.fill.fgColor.rgb if cell.fill is not None and cell.fill.fill_type else None
        status = DEFAULT_FILLS.get(str(fill)[-6:].upper()) if fill else None
        if words and status is None:
            notes.append(Note(f"{sheet}!{cell.coordinate}", f'"{words}" is not a BRAG status: left out'))
    return status


def _workstream(sheet: str, words: str, workstreams: dict[str, dict[str, Any]]) -> dict[str, Any]:
    key = words or sheet
    if key not in workstreams:
        m = _WORKSTREAM.match(key)
        number = int(m.group(1)) if m else len(workstreams) + 1
        title = (m.group(2) if m and m.group(2) else key).strip()
        workstreams[key] = {"number": number, "title": title, "weakness": PLACEHOLDER, "outcomes": [], "actions": []}
    return workstreams[key]


def _outcome(ws: dict[str, Any], words: str, ref: str) -> dict[str, Any] | None:
    """The outcome a row belongs to (by its Outcome cell, "1.2 ..."), or None: no outcome layer."""
    if not words:
        return None
    m = re.match(r"^\s*(\d{1,2}(?:\.\d{1,2})+)\s*[:.\-–]?\s*(.*)$", words, re.S)
    oref, otext = (m.group(1), m.group(2).strip()) if m else ("", words)
    for outcome in ws["outcomes"]:
        if (outcome.get("ref", ""), outcome["text"]) == (oref, otext):
            return outcome
    outcome = {"ref": oref, "text": otext, "actions": []}
    ws["outcomes"].append(outcome)
    return outcome
