"""The two round trips end to end, for the command line and the benchmark.

`export_tracker(folder, ...)`: a plan folder in, the workbook's bytes and its sheets out.
`import_tracker(folder, xlsx, ...)`: a plan folder and a filled-in workbook in; every problem,
the changes per workstream file and (unless a dry run, or anything is wrong) the files written.
Nothing is written when a cell, a row or a file has an error: all edits are worked out first.
The plan must validate (plan-stage rules) before either: PlanError says why not.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from wsoagen.check import REGISTRY
from wsoagen.diagnostics import Diagnostics, PlanError, UsageError, did_you_mean
from wsoagen.output import write_atomic
from wsoagen.plan.model import Plan
from wsoagen.plan.validate import validate
from wsoagen.tracker import layout as lay
from wsoagen.tracker.apply import Change, by_file, judge
from wsoagen.tracker.export import export
from wsoagen.tracker.problems import WORKBOOK, Problems
from wsoagen.tracker.read import open_workbook, read
from wsoagen.tracker.yamledit import EditError, edit


def load_plan(folder: Path) -> tuple[Plan, Diagnostics]:
    """The validated plan and its warnings; PlanError when it has errors (the tracker needs a sound plan)."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such plan folder")
    done = validate(folder, REGISTRY)
    if done.plan is None:
        raise PlanError(done.diagnostics)
    return done.plan, done.diagnostics


@dataclass
class Exported:
    data: bytes
    sheets: list[lay.Sheet]
    diagnostics: Diagnostics


def export_tracker(folder: Path, workstream: int | None = None, lead: str | None = None) -> Exported:
    plan, diags = load_plan(folder)
    numbers = [w.number for w in plan.workstreams]
    if workstream is not None and workstream not in numbers:
        have = f"it has {', '.join(map(str, numbers))}" if numbers else "it has none"
        raise UsageError(f"--workstream {workstream}: the plan has no workstream {workstream} ({have})")
    if lead is not None:
        people = [p.id for p in plan.file.people]
        if lead not in people:
            raise UsageError(f'--lead {lead}: no person "{lead}" in plan.yaml `people`{did_you_mean(lead, people)}')
    sheets = lay.sheets(plan, workstream, lead)
    if lead is not None and not sheets[0].rows:
        raise UsageError(f'--lead {lead}: {lead} leads no action with milestones in this plan (an action names its lead with `lead:`)')
    return Exported(export(plan, workstream, lead), sheets, diags)


@dataclass
class FileEdit:
    path: Path
    area: str
    changes: list[Change]
    text: str
    was_formatted: bool


@dataclass
class Imported:
    problems: Problems
    plan_diagnostics: Diagnostics
    edits: list[FileEdit] = field(default_factory=list)
    unchanged: int = 0
    written: list[Path] = field(default_factory=list)


def import_tracker(folder: Path, workbook: Path, *, dry_run: bool = False, display: str | None = None) -> Imported:
    """Read, judge, edit and (when all is well and not `dry_run`) write. TrackerFileError for an unreadable file."""
    plan, plan_diags = load_plan(folder)
    problems = Problems(display or str(workbook))
    result = Imported(problems, plan_diags)
    tracker = read(open_workbook(workbook), plan.file.local_area, problems)
    if tracker is None:
        return result
    judged = judge(plan, tracker, problems)
    result.unchanged = judged.unchanged
    if problems.errors:
        return result
    for path, changes in by_file(judged.changes).items():
        try:
            text = path.read_text(encoding="utf-8")
            new, was_formatted = edit(text, changes, str(path))
        except (EditError, OSError, UnicodeDecodeError) as exc:
            problems.error("", 0, 0, f"{path}: cannot be edited safely: {exc}", WORKBOOK)
            continue
        result.edits.append(FileEdit(path, changes[0].row.area, changes, new, was_formatted))
    if problems.errors or dry_run:
        return result
    for fe in result.edits:
        if fe.text != fe.path.read_text(encoding="utf-8"):
            write_atomic(fe.path.resolve(), fe.text.encode("utf-8"))
            result.written.append(fe.path)
    return result
