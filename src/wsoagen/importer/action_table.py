"""One workstream's action table, as councils lay it out in Word, turned into outcomes.

In: `Grid`s (word_blocks) whose header row names the usual columns: outcomes, ref,
implementation/actions, resource, key milestones, deadline, BRAG/status (headers worded
loosely and in any order; a table split across pages may repeat its header), and the plan's
status key (label -> fill colour). Out: plain outcome dicts in the workstream file's shape
(`ref`, `text`, `impact`, `actions` with `ref`, `text`, `resource`, `milestones` with `text`,
`deadline`, `status`, `status_date`), and a `Skipped` note for every cell that could not be
placed, with its table, row and cell.

How rows read (seed 003, and wsoagen's own Word output): an outcome cell that starts with a ref
("1.1", "1.2 Outcome: ...", "B.2") starts an outcome; what follows "Impact" in it is the
impact list; an outcome cell that starts with "Impact" adds impact to the outcome; a row with
text only in the outcome column continues the row above (a row split across pages). A ref
cell starts an action; a merged or empty ref cell continues it. Each row with a milestone adds
one milestone; its status is the status cell's words, or its shading read against the key.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from wsoagen.importer.cells import action_cell, milestone_cell
from wsoagen.importer.word_blocks import Cell, Grid

COLUMNS: dict[str, tuple[str, ...]] = {  # column -> header words that name it, most telling first
    "outcome": ("outcome", "what we intend", "objective", "priority"),
    "ref": ("ref",),
    "action": ("implementation", "action", "what are we going to do", "what we will do"),
    "resource": ("resource",),
    "milestone": ("milestone", "tracker", "measure of success"),
    "deadline": ("deadline", "by when", "timescale", "due", "date"),
    "status": ("brag", "rag", "status", "progress"),
}
REF = re.compile(r"^\s*((?:\d{1,2}|[A-Z])(?:\.\d{1,2})*[a-z]?)\b[.:)]?\s*", re.I)
MEASURED_BY = re.compile(r"\s*\(measured by: [^()]*\)$")  # wsoagen names an impact's metrics after it
_STATUS_DATE = re.compile(r"^(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Za-z]{3,9}\.?\s+\d{2,4}$|^\d{1,2}/\d{1,2}/\d{2,4}$")
FLAGS = {"overdue", "complete", "completed", "not started", "not rated"}  # words wsoagen adds, not statuses


@dataclass
class Skipped:
    """Something in the document the importer could not place."""

    table: int
    row: int
    cell: int | None
    message: str


@dataclass
class Key:
    """The plan's status key: labels and their fill colours, for cells that say only by colour."""

    labels: dict[str, str] = field(default_factory=dict)  # lower-case label -> status id
    fills: dict[str, str] = field(default_factory=dict)  # RRGGBB -> status id

    def from_words(self, text: str) -> str | None:
        return self.labels.get(text.strip().lower())

    def from_fill(self, fill: str | None) -> str | None:
        return self.fills.get(fill) if fill else None


def header_columns(row: list[Cell]) -> dict[str, int] | None:
    """Which column holds what, if `row` reads as an action table's header; else None."""
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        words = cell.text.lower()
        for name, keys in COLUMNS.items():
            if name not in found and any(k in words for k in keys):
                if name == "deadline" and "milestone" in found and found["milestone"] == i:
                    continue
                found[name] = i
                break
    needed = {"ref", "milestone"} <= found.keys() or {"action", "milestone"} <= found.keys()
    return found if needed and len(found) >= 4 else None


class TableReader:
    """Reads consecutive action tables of one workstream into outcome dicts."""

    def __init__(self, key: Key, person: Callable[[str], str] = lambda entry: entry):
        self.key, self.person = key, person
        self.outcomes: list[dict[str, Any]] = []
        self.actions: list[dict[str, Any]] = []  # actions straight under the area: no outcome layer
        self.skipped: list[Skipped] = []
        self._outcome: dict[str, Any] | None = None
        self._action: dict[str, Any] | None = None
        self._last_text: tuple[dict[str, Any], str] | None = None  # where a split row's text goes on

    def read(self, grid: Grid, columns: dict[str, int]) -> None:
        for r, row in enumerate(grid.rows, start=1):
            if header_columns(row) is not None:  # the header, or its repeat after a page break
                continue
            self._row(grid, r, row, columns)

    # ------------------------------------------------------------ one row

    def _cell(self, row: list[Cell], columns: dict[str, int], name: str) -> Cell | None:
        i = columns.get(name)
        return row[i] if i is not None and i < len(row) else None

    def _row(self, grid: Grid, r: int, row: list[Cell], columns: dict[str, int]) -> None:
        get = lambda name: self._cell(row, columns, name)  # noqa: E731
        fresh = {name: c for name in COLUMNS if (c := get(name)) is not None and not c.merged and c.text.strip()}
        shaded_only = (c := get("status")) is not None and not c.merged and not c.text.strip() and c.fill
        if not fresh and not shaded_only:
            return
        if set(fresh) == {"outcome"} and self._outcome is not None and not REF.match(fresh["outcome"].text) \
                and not fresh["outcome"].text.lower().startswith("impact"):
            self._continue_text(fresh["outcome"].text)  # a row split across pages
            return
        if "outcome" in fresh:
            self._outcome_cell(fresh["outcome"].text)
        if "ref" in fresh or ("action" in fresh and self._action is None):
            self._new_action(grid, r, fresh, columns)
        elif "action" in fresh and self._action is not None and not self._action["text"]:
            self._action["text"] = fresh["action"].text
        if "milestone" in fresh or "deadline" in fresh or shaded_only:
            self._milestone(grid, r, row, columns, fresh)
        elif "resource" in fresh and self._action is not None and "resource" not in self._action:
            self._action["resource"] = fresh["resource"].text.strip()

    def _outcome_cell(self, text: str) -> None:
        m = REF.match(text)
        head, impact = _split_impact(text)
        if m and m.group(1) and (self._outcome is None or m.group(1) != self._outcome["ref"]):
            body = head[m.end():].strip()
            self._outcome = {"ref": m.group(1), "text": body, "impact": impact, "actions": []}
            self.outcomes.append(self._outcome)
            self._action = None
            self._last_text = (self._outcome, "text") if not impact else (self._outcome, "impact")
        elif self._outcome is not None:
            if head.strip() and not (m and m.group(1) == self._outcome["ref"]):
                self._outcome["text"] = f"{self._outcome['text']}\n\n{head.strip()}".strip()
            self._outcome["impact"].extend(i for i in impact if i not in self._outcome["impact"])
            if impact:
                self._last_text = (self._outcome, "impact")

    def _continue_text(self, text: str) -> None:
        target, key = self._last_text or (self._outcome, "text")
        if key == "impact" and target["impact"]:
            target["impact"][-1] = f"{target['impact'][-1]} {text.strip()}"
        else:
            target[key] = f"{target[key]} {text.strip()}".strip()

    def _new_action(self, grid: Grid, r: int, fresh: dict[str, Cell], columns: dict[str, int]) -> None:
        ref = fresh["ref"].text.strip() if "ref" in fresh else ""
        details, other = action_cell(fresh["action"].text, self.person) if "action" in fresh else ({"text": ""}, [])
        for label, _ in other:
            self.skipped.append(Skipped(grid.index, r, columns.get("action"), f'"{label}:" in the action cell is no field of an action: '
                                        "left in the action's words"))
            details["text"] += "".join(f"\n\n{lab}: {words}" for lab, words in other if lab == label)
        self._action = {"ref": ref, **details, "milestones": []}
        if "resource" in fresh:
            self._action["resource"] = fresh["resource"].text.strip()
        (self._outcome["actions"] if self._outcome is not None else self.actions).append(self._action)

    def _milestone(self, grid: Grid, r: int, row: list[Cell], columns: dict[str, int], fresh: dict[str, Cell]) -> None:
        if self._action is None:
            self.skipped.append(Skipped(grid.index, r, columns.get("milestone"), "a milestone before any action: left out"))
            return
        milestone: dict[str, Any] = milestone_cell(fresh["milestone"].text) if "milestone" in fresh else {"text": ""}
        if "deadline" in fresh:
            milestone["deadline"] = fresh["deadline"].text.strip()
        resource = self._cell(row, columns, "resource")
        if resource is not None and resource.text.strip():
            if "resource" not in self._action:
                self._action["resource"] = resource.text.strip()
            elif resource.text.strip() != self._action["resource"]:
                milestone["resource"] = resource.text.strip()
        status = self._cell(row, columns, "status")
        if status is not None and not status.merged:
            self._status(grid, r, columns["status"], status, milestone)
        if not milestone["text"]:
            self.skipped.append(Skipped(grid.index, r, columns.get("milestone"), "a milestone row without words: kept with no text"))
        self._action["milestones"].append(milestone)

    def _status(self, grid: Grid, r: int, c: int, cell: Cell, milestone: dict[str, Any]) -> None:
        # wsoagen writes a lapsed status as "Red at December 2019 · deadline passed, no later update"
        lines = [part.strip() for line in cell.text.splitlines() for part in line.split(" · ")[:1] if part.strip()]
        if lines and (m := re.match(r"^(.+?) at (.+)$", lines[0])) and self.key.from_words(m.group(1)):
            lines[:1] = [m.group(1), m.group(2)]
        words = [w for w in lines if w.lower() not in FLAGS]
        status = self.key.from_words(words[0]) if words else None
        if status is not None:
            words = words[1:]
        elif cell.fill:
            status = self.key.from_fill(cell.fill)
            if status is None:
                self.skipped.append(Skipped(grid.index, r, c, f"shading #{cell.fill} matches no status in the key: status left out"))
        if status is not None:
            milestone["status"] = status
        if words and _STATUS_DATE.match(words[0]):
            milestone["status_date"] = words.pop(0)
        if words:
            self.skipped.append(Skipped(grid.index, r, c, f'"{" ".join(words)}" in the status cell is not a status of the key: left out'))


def _split_impact(text: str) -> tuple[str, list[str]]:
    """An outcome cell's words before "Impact", and the impact statements after it."""
    m = re.search(r"(?:^|\n)\s*Impact\s*:?\s*(?:\n|$|(?=\S))", text)
    if not m:
        return text, []
    head, tail = text[:m.start()], text[m.end():]
    items = [MEASURED_BY.sub("", re.sub(r"^\s*(?:[-•*]|\d+\.)\s*", "", line)).strip() for line in tail.splitlines()]
    return head, [i for i in items if i]
