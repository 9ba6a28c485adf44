"""Judge what leads typed against the plan: entries in, the changes to make (or problems at their cells) out.

For each row with a new status, status date or update: its key must find a milestone that still
has the text and deadline the lead saw (else it is a conflict, reported with both versions and
never applied); the status must be one of the plan's, the date one the plan can read (an Excel
date or the plan's own forms), the update safe Markdown. Every bad cell of every row is reported
in one run. Only what differs from the plan becomes a `Change`, so importing the same workbook
twice changes nothing the second time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan import markdown
from wsoagen.plan.dates import EXAMPLES, parse_when
from wsoagen.plan.model import Milestone, Plan
from wsoagen.plan.statuses import Statuses
from wsoagen.tracker import layout as lay
from wsoagen.tracker.export import status_choices
from wsoagen.tracker.problems import CELL, CONFLICT, KEY, Problems
from wsoagen.tracker.read import Entry, Tracker

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Change:
    """What one row changes in one milestone: a new status and its date, an update, or both."""

    row: lay.MilestoneRow
    status: str | None  # the status id to write, with `date` as its status_date; None: leave them
    date: str  # the status date the lead gave (written with the status, and on the update)
    update: str | None  # the update's text to append to the milestone's updates; None: none
    update_status: str | None  # the status recorded on the update
    by: str | None  # who wrote the update: the lead a lead's tracker was made for
    label: str | None  # the status's label ("Amber"), for a file that writes labels rather than ids
    before: str  # the milestone's status and date as they were, for the summary
    after: str


@dataclass
class Judged:
    changes: list[Change]
    unchanged: int  # rows with nothing new, or only what the plan already says


def judge(plan: Plan, tracker: Tracker, problems: Problems) -> Judged:
    scheme = Statuses.of(plan.file)
    rows = [r for s in lay.sheets(plan) for r in s.rows]
    by_place = {(r.workstream, r.ref, r.path[2] + 1): r for r in rows}
    by_hash: dict[tuple[int, str], list[lay.MilestoneRow]] = {}
    for r in rows:
        by_hash.setdefault((r.workstream, lay.fingerprint(r.milestone, r.deadline)), []).append(r)
    seen: dict[str, Entry] = {}
    found: list[Change] = []
    unchanged = 0
    for entry in tracker.entries:
        if not entry.filled:
            seen.setdefault(entry.key, entry)
            unchanged += 1
            key = lay.parse_key(entry.key)
            row = by_place.get((key.workstream, key.ref, key.number)) if key else None
            if row is not None and lay.fingerprint(row.milestone, row.deadline) == key.hash:
                _grey_columns_kept(entry, row, problems)
            continue
        row = _locate(entry, by_place, by_hash, seen, plan, problems)
        values = _values(entry, scheme, problems)
        if row is not None:
            _grey_columns_kept(entry, row, problems)
        if row is None or values is None:
            continue
        change = _change(row, _milestone(plan, row), *values, scheme, entry, problems, tracker.lead)
        if change is None:
            unchanged += 1
        else:
            found.append(change)
    return Judged(found, unchanged)


def _at(entry: Entry, column: str) -> tuple[str, int, int]:
    return entry.sheet, entry.row, entry.cols.get(column, 0)


def _first_input(entry: Entry) -> str:
    return next(c for c in ("new_status", "new_date", "update") if entry.given(c) is not None)


# ---------------------------------------------------------------- which milestone


def _locate(entry: Entry, by_place: dict, by_hash: dict, seen: dict[str, Entry], plan: Plan, problems: Problems) -> lay.MilestoneRow | None:
    key_col = get_column_letter(entry.cols["key"])
    if not entry.key:
        problems.error(*_at(entry, _first_input(entry)), f"this row has no key (the hidden column {key_col} is empty): a row added by hand, "
                       "or its key deleted; write the update in the milestone's own row", KEY)
        return None
    key = lay.parse_key(entry.key)
    if key is None:
        problems.error(*_at(entry, "key"), f'"{entry.key}" is not a tracker key: the hidden column {key_col} was changed; '
                       "copy the row's update into a newly exported tracker", KEY)
        return None
    if entry.key in seen:
        first = seen[entry.key]
        problems.error(*_at(entry, _first_input(entry)), f"this row has the same key as {first.sheet}!{key_col}{first.row}: "
                       "a copied row; give each milestone one row, with one update", KEY)
        return None
    seen[entry.key] = entry
    row = by_place.get((key.workstream, key.ref, key.number))
    if row is not None and lay.fingerprint(row.milestone, row.deadline) == key.hash:
        return row
    moved = by_hash.get((key.workstream, key.hash), [])
    if len(moved) == 1:  # the milestone is still there, word for word, at another place (reordered or renumbered)
        return moved[0]
    tracker_side = _version(entry.values.get("milestone"), entry.values.get("deadline"))
    if row is None:
        plan_side = f"no milestone {key.number} of action {key.ref} in workstream {key.workstream}"
    else:
        ms = _milestone(plan, row)
        plan_side = f"{_version(row.milestone, row.deadline)} ({ms.where[0]}:{ms.where[1]})"
    problems.error(*_at(entry, "milestone"), f"the plan changed since this tracker was exported: the tracker has {tracker_side}, "
                   f"the plan now has {plan_side}; nothing in this row is imported: check it against the plan, "
                   "then enter it in the plan or in a newly exported tracker", CONFLICT)
    return None


def _grey_columns_kept(entry: Entry, row: lay.MilestoneRow, problems: Problems) -> None:
    """A warning where a lead changed a milestone's words or deadline in the tracker: only the plan changes them."""
    for column, plan_value in (("milestone", row.milestone), ("deadline", row.deadline)):
        typed = entry.values.get(column)
        if typed is not None and " ".join(str(typed).split()) != " ".join(plan_value.split()):
            problems.warning(*_at(entry, column), f'the tracker says "{" ".join(str(typed).split())}" where the plan says "{plan_value}": '
                             "changes to the grey columns are not imported; if the plan is wrong, change it there", CELL)


def _version(text: Any, deadline: Any) -> str:
    text = " ".join(str(text or "").split()) or "(no text)"
    return f'"{text}" (deadline {deadline})' if deadline else f'"{text}" (no deadline)'


def _milestone(plan: Plan, row: lay.MilestoneRow) -> Milestone:
    ws = next(w for w in plan.workstreams if w.number == row.workstream)
    oi, ai, mi = row.path
    return ws.outcomes[oi].actions[ai].milestones[mi]


# ---------------------------------------------------------------- what was typed


def _values(entry: Entry, scheme: Statuses, problems: Problems) -> tuple[str | None, str | None, str | None] | None:
    """(status id, date text, update text) from the row, or None with every bad cell reported."""
    ok = True
    status = entry.given("new_status")
    sid = None
    if status is not None:
        sid = _status(status, scheme)
        if sid is None:
            ok = False
            choices = status_choices(scheme)
            hint = did_you_mean(str(status).strip(), choices)
            hint = f" ({hint[2:]})" if hint else f" (choose one of: {', '.join(choices)})"
            problems.error(*_at(entry, "new_status"), f'"{str(status).strip()}" is not a status of this plan{hint}', CELL)
    update = entry.given("update")
    text = None
    if update is not None:
        text = _CONTROL.sub("", str(update).replace("\r\n", "\n").replace("\r", "\n"))  # as a plan file may hold them
        text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
        for message in markdown.problems(text):
            ok = False
            problems.error(*_at(entry, "update"), message, CELL)
    raw = entry.given("new_date")
    when = None
    if raw is None:
        if status is not None or update is not None:
            ok = False
            problems.error(*_at(entry, "new_date"), f"a new status date is needed with a new status or an update, e.g. {EXAMPLES}", CELL)
    else:
        when, message = _date(raw)
        if message:
            ok = False
            problems.error(*_at(entry, "new_date"), message, CELL)
        elif status is None and update is None:
            problems.warning(*_at(entry, "new_date"), "a status date without a new status or an update: nothing to record", CELL)
            return None
    return (sid, when, text) if ok else None


def _status(value: Any, scheme: Statuses) -> str | None:
    """The scheme's id for a status cell: its label or id in any case, or a percentage (a number if Excel made it one)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and scheme.percent:
        percent = value * 100 if 0 <= value <= 1 and not (isinstance(value, int) and value == 1) else value
        value = f"{round(percent)}%"
    return scheme.canonical(" ".join(str(value).split()))


def _date(value: Any) -> tuple[str | None, str | None]:
    """(the date as the plan writes it, None) or (None, what is wrong)."""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {value:%B} {value.year}", None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    try:
        parse_when(text)
    except ValueError as exc:
        return None, str(exc)
    return text, None


# ---------------------------------------------------------------- what changes


def _change(row: lay.MilestoneRow, ms: Milestone, sid: str | None, when: str, text: str | None,
            scheme: Statuses, entry: Entry, problems: Problems, by: str | None) -> Change | None:
    """The change a row makes to its milestone, or None if the plan already says it all."""
    old_date = ms.status_date.text if ms.status_date else ""
    set_status = sid is not None and (scheme.canonical(ms.status or "") != sid or old_date != when)
    add_update = text is not None and not any(
        u.date.text == when and str(u.text).strip() == text and (scheme.canonical(u.status or "") if u.status else None) == sid
        for u in ms.updates)
    if not set_status and not add_update:
        return None
    if set_status and ms.status_date and _earlier(when, ms.status_date.text):
        problems.warning(*_at(entry, "new_date"), f'"{when}" is before the status date the plan already has ({old_date}): '
                         "the older status is written all the same", CELL)
    before = f"{scheme.label(ms.status)}{f' ({old_date})' if old_date else ''}"
    after = f"{scheme.label(sid)} ({when})" if set_status else before
    return Change(row, sid if set_status else None, when, text if add_update else None, sid, by if add_update else None,
                  scheme.label(sid) if sid else None, before, after)


def _earlier(new: str, old: str) -> bool:
    try:
        return parse_when(new).start < parse_when(old).start
    except ValueError:
        return False


def by_file(changes: list[Change]) -> dict[Path, list[Change]]:
    """The changes grouped per workstream file, files in workstream order."""
    grouped: dict[Path, list[Change]] = {}
    for change in sorted(changes, key=lambda c: (c.row.workstream, c.row.path)):
        grouped.setdefault(change.row.file, []).append(change)
    return grouped
