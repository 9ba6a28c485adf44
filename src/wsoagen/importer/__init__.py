"""Bring an existing plan into wsoagen: a Word WSOA (.docx) or an Excel action tracker (.xlsx).

In: the source file and a new plan folder. Out: the folder's files (plan.yaml and one file per
workstream, laid out as `wsoagen fmt` lays them out) and a list of `Note`s: every part of the
source that could not be mapped, with its place ("table 3, row 5, cell 2", "paragraph 41",
"Sheet1!F14"), and every placeholder the officer must fill in.

- word_blocks: the .docx as headings, paragraphs and tables (merges expanded, shading kept)
- action_table: an action table's rows -> outcomes, actions, milestones with statuses
- word_plan: the whole Word document -> plan.yaml's tree and the workstreams
- excel_tracker: a one-row-per-milestone Excel tracker -> the workstreams
- plan_writer: the trees -> files
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Note:
    """Something the officer should look at: where in the source, and what."""

    place: str
    message: str
    level: str = "warning"

    def line(self, source: str) -> str:
        return f"{source}:{self.place}: {self.level}: {self.message}"


@dataclass
class Result:
    written: list[Path]
    notes: list[Note]


def import_plan(source: Path, folder: Path) -> Result:
    """Read `source` (.docx or .xlsx) into the new plan folder `folder`."""
    from wsoagen.diagnostics import UsageError

    suffix = source.suffix.lower()
    if suffix == ".docx":
        from wsoagen.importer.word_import import read_word
        plan, workstreams, notes = read_word(source)
    elif suffix in (".xlsx", ".xlsm"):
        from wsoagen.importer.excel_tracker import read_tracker
        plan, workstreams, notes = read_tracker(source)
    else:
        raise UsageError(f"{source}: not a Word (.docx) or Excel (.xlsx) file: wsoagen import reads those two")
    from wsoagen.importer.plan_writer import write_plan

    written, placeholders = write_plan(folder, plan, workstreams, source.name)
    for key in placeholders:
        notes.append(Note("1", f"{key} not found: a placeholder stands in the plan folder, marked CHECK"))
    return Result(written, notes)
