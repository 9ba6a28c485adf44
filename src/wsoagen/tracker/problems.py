"""Problems found in a tracker workbook, each at its cell: `tracker.xlsx:Workstream 2!H14: error: message [rule-id]`.

A workbook has sheets and cells, not lines and columns, so its problems are not `Diagnostic`s;
they print the same way otherwise (text or GitHub Actions annotations) and sort in reading order:
sheet by sheet as the workbook orders them, then row, then column. `TrackerFileError` is a file
that cannot be read at all (corrupt, encrypted, not a workbook): the command exits 2 for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from wsoagen.diagnostics import Level, UsageError

# Rule ids, so that a message can be looked up and CI annotations carry a title.
CELL = "tracker-cell"  # a value a lead typed that cannot be used
KEY = "tracker-key"  # a row's hidden key missing, damaged or repeated
CONFLICT = "tracker-conflict"  # the plan changed since the tracker was exported
WORKBOOK = "tracker-workbook"  # sheets renamed, missing or added; not a tracker of this plan


class TrackerFileError(UsageError):
    """The workbook cannot be read (missing, corrupt, password-protected, not .xlsx): exit 2."""


@dataclass(frozen=True)
class CellProblem:
    """One problem at one cell (row and column from 1; 0 for the whole sheet or workbook)."""

    path: str
    sheet: str
    row: int
    col: int
    level: Level
    message: str
    rule: str | None = None
    order: int = 0  # the sheet's place in the workbook, for reading order

    @property
    def where(self) -> str:
        if not self.sheet:
            return self.path
        cell = f"!{get_column_letter(self.col)}{self.row}" if self.row and self.col else (f"!{self.row}:{self.row}" if self.row else "")
        return f"{self.path}:{self.sheet}{cell}"

    def __str__(self) -> str:
        tag = f" [{self.rule}]" if self.rule else ""
        return f"{self.where}: {self.level}: {self.message}{tag}"

    def github(self) -> str:
        """As a GitHub Actions annotation: the file, with the sheet and cell leading the message."""
        kind = "error" if self.level == "error" else "warning"
        title = f",title={self.rule}" if self.rule else ""
        place = self.where[len(self.path) + 1:]
        msg = f"{place}: {self.message}" if place else self.message
        msg = msg.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::{kind} file={self.path}{title}::{msg}"


@dataclass
class Problems:
    """Every problem of one import, in the order found; `sorted()` gives reading order."""

    path: str
    items: list[CellProblem] = field(default_factory=list)
    sheet_order: dict[str, int] = field(default_factory=dict)

    def add(self, level: Level, sheet: str, row: int, col: int, message: str, rule: str) -> None:
        order = self.sheet_order.get(sheet, len(self.sheet_order) + 1)
        self.items.append(CellProblem(self.path, sheet, row, col, level, message, rule, order))

    def error(self, sheet: str, row: int, col: int, message: str, rule: str) -> None:
        self.add("error", sheet, row, col, message, rule)

    def warning(self, sheet: str, row: int, col: int, message: str, rule: str) -> None:
        self.add("warning", sheet, row, col, message, rule)

    @property
    def errors(self) -> list[CellProblem]:
        return [p for p in self.items if p.level == "error"]

    @property
    def warnings(self) -> list[CellProblem]:
        return [p for p in self.items if p.level == "warning"]

    def sorted(self) -> list[CellProblem]:
        return sorted(dict.fromkeys(self.items), key=lambda p: (p.order, p.sheet, p.row, p.col, p.message))
