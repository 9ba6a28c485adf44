"""What the tracker workbook holds, shared by export and import: sheets, columns, row keys, rows.

In: a validated `Plan` (and an optional workstream number or lead id). Out: `Sheet`s of
`MilestoneRow`s, one row per milestone in plan order, each with its hidden key.

The key (`2|2.2a|3|5f0c1e9a2b7d`: workstream, action ref, milestone number, and a hash of the
milestone's text and deadline) is what import goes by, never the row's place: rows may be sorted,
filtered and moved. The hash tells import whether the milestone still says what the lead saw;
the hidden `wsoagen` sheet records which plan and which sheets the workbook was made for.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from wsoagen.plan.model import Action, Plan

FORMAT = "wsoagen tracker 1"  # A1 of the hidden sheet: what import recognises a tracker by
META_SHEET = "wsoagen"
INSTRUCTIONS = "Instructions"
STATUS_NAME = "Statuses"  # the defined name of the status key's labels, the drop-down's source
TITLE_ROW, NOTE_ROW, HEADER_ROW = 1, 2, 3
FIRST_ROW = HEADER_ROW + 1


@dataclass(frozen=True)
class Column:
    id: str
    header: str
    width: float
    editable: bool = False


COLUMNS = [
    Column("ref", "Ref", 8),
    Column("action", "Action", 48),
    Column("milestone", "Milestone", 40),
    Column("deadline", "Deadline", 14),
    Column("lead", "Lead", 18),
    Column("status", "Status", 11),
    Column("status_date", "Status date", 13),
    Column("new_status", "New status", 13, editable=True),
    Column("new_date", "New status date", 15, editable=True),
    Column("update", "Update", 48, editable=True),
    Column("key", "Key (do not change)", 24),
]
COL = {c.id: i for i, c in enumerate(COLUMNS, start=1)}  # column id -> column number
HEADERS = {c.header: c.id for c in COLUMNS}
KEY_HEADER = COLUMNS[-1].header


@dataclass(frozen=True)
class MilestoneRow:
    """One milestone as the tracker shows it, and where it lives in the plan."""

    workstream: int
    area: str  # how the tracker names its workstream: "Workstream 2", "Priority 1"
    file: Path  # the workstream file
    path: tuple[int, int, int]  # (outcome, action, milestone) indexes in that file
    ref: str
    action: str
    milestone: str
    deadline: str
    lead: str  # the lead's name, or ""
    status: str  # the status's label, or ""
    status_date: str

    @property
    def key(self) -> str:
        return make_key(self.workstream, self.ref, self.path[2] + 1, self.milestone, self.deadline)


@dataclass(frozen=True)
class Sheet:
    title: str
    heading: str
    rows: list[MilestoneRow]


def fingerprint(text: str, deadline: str) -> str:
    """12 hex digits that change when the milestone's text or deadline does."""
    return hashlib.sha256(f"{' '.join(text.split())}\x1f{' '.join(deadline.split())}".encode()).hexdigest()[:12]


def make_key(workstream: int, ref: str, number: int, text: str, deadline: str) -> str:
    return f"{workstream}|{ref}|{number}|{fingerprint(text, deadline)}"


_KEY = re.compile(r"^(\d{1,2})\|([0-9A-Za-z.#]{1,20})\|(\d{1,4})\|([0-9a-f]{12})$")


@dataclass(frozen=True)
class Key:
    workstream: int
    ref: str
    number: int  # the milestone's place in its action, from 1
    hash: str


def parse_key(text: str) -> Key | None:
    m = _KEY.match(text.strip())
    return Key(int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)) if m else None


def area_word(plan: Plan) -> str:
    """What the tracker calls an area: the plan's own word, "Workstream" in a WSOA, else "Area"."""
    if plan.file.area_name:
        word = str(plan.file.area_name.singular)
        return word[:1].upper() + word[1:]
    return "Workstream" if plan.file.kind == "wsoa" else "Area"


def _sheet_title(text: str) -> str:
    """At most 31 characters, none of []:*?/\\ (Excel's rules for sheet names)."""
    return re.sub(r"[\[\]:*?/\\']", " ", text).strip()[:31].rstrip() or "Sheet"


def lead_sheet(name: str) -> str:
    return _sheet_title(f"Actions led by {name}")


def headline(markdown: str, limit: int = 300) -> str:
    """An action's first paragraph as plain text (the documents print the whole action): at most `limit` characters."""
    first = plain(markdown).split("\n\n")[0].strip()
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def plain(markdown: str) -> str:
    """Plan Markdown as a spreadsheet cell shows it: bullets as •, no emphasis marks, links as text (address)."""
    text = re.sub(r"\[([^\]]*)\]\(([^)\s]+)\)", r"\1 (\2)", markdown)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?m)^(\s*)[-*+]\s+", r"\1• ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _who(action: Action, people: dict[str, str]) -> str:
    """The Lead column: the action's lead, else its responsible officers, else its SRO or accountable officer."""
    ids = [action.lead] if action.lead else list(action.officers) or [i for i in (action.sro, action.accountable) if i][:1]
    return ", ".join(people.get(i, i) for i in ids)


def sheets(plan: Plan, workstream: int | None = None, lead: str | None = None) -> list[Sheet]:
    """The tracker's sheets: one per workstream, only `workstream`, or one for `lead`'s actions."""
    people = {p.id: p.name for p in plan.file.people}
    statuses = {s.id: s.label for s in plan.statuses()}
    word = area_word(plan)
    per_ws: list[Sheet] = []
    for ws in plan.workstreams:
        if workstream is not None and ws.number != workstream:
            continue
        rows = []
        label = f"{word} {ws.label}"
        actions = [(oi, ai, action) for oi, outcome in enumerate(ws.outcomes) for ai, action in enumerate(outcome.actions)]
        for place, (oi, ai, action) in enumerate(actions, start=1):
            if lead is not None and action.lead != lead:
                continue
            ref = str(action.ref) if action.ref else f"#{place}"  # an unnumbered action: its place in the area
            for mi, ms in enumerate(action.milestones):
                rows.append(MilestoneRow(
                    workstream=ws.number, area=label, file=Path(ms.where[0]), path=(oi, ai, mi), ref=ref,
                    action=headline(str(action.text)), milestone=str(ms.text), deadline=ms.deadline.text if ms.deadline else "",
                    lead=_who(action, people),
                    status=statuses.get(ms.status, ms.status) if ms.status else "",
                    status_date=ms.status_date.text if ms.status_date else ""))
        per_ws.append(Sheet(_sheet_title(label), f"{label}: {ws.title}" if ws.title else label, rows))
    if lead is None:
        return per_ws
    name = people.get(lead, lead)
    return [Sheet(lead_sheet(name), f"Actions led by {name}", [r for s in per_ws for r in s.rows])]
