"""`wsoagen tracker export|import`: the Excel tracker action leads fill in (see `wsoagen.tracker`).

export: the plan folder in; the workbook written atomically, `wrote PATH` on stdout.
import: the plan folder and the filled-in workbook in; on stdout what changed per workstream
(each milestone: its status before and after, updates added); on stderr every problem at its
cell and a summary. Exit 0 when imported (or nothing to import), 1 for the plan's or the
tracker's content (nothing is written then), 2 for a file that cannot be read or bad options.
"""

from __future__ import annotations

import argparse
import sys

from wsoagen.commands.messages import EXIT_OK, EXIT_PLAN, plural, report
from wsoagen.commands.progress import QUIET, Reporter
from wsoagen.diagnostics import PlanError, UsageError


def run(args: argparse.Namespace) -> int:
    try:
        return export(args) if args.tracker_command == "export" else import_(args)
    except PlanError as exc:
        report(exc.diagnostics, args.error_format, quiet=args.verbosity == QUIET)
        print(f"wsoagen: {args.plan}: {exc.diagnostics.summary()}: the plan must validate first (`wsoagen validate {args.plan}`)",
              file=sys.stderr)
        return EXIT_PLAN


def export(args: argparse.Namespace) -> int:
    from wsoagen.output import write_atomic
    from wsoagen.tracker.run import export_tracker

    if args.output.suffix.lower() != ".xlsx":
        raise UsageError(f"{args.output}: the tracker is an Excel workbook: give it a name ending .xlsx")
    with Reporter(args.verbosity, fancy=False) as reporter:
        done = export_tracker(args.plan, args.workstream, args.lead)
        write_atomic(args.output, done.data)
        reporter.total()
    quiet = args.verbosity == QUIET
    report(done.diagnostics, args.error_format, quiet=True)  # the plan's warnings are validate's business
    if not quiet:
        print(f"wrote {args.output}")
    rows = sum(len(s.rows) for s in done.sheets)
    print(f"wsoagen: tracker with {plural(len(done.sheets), 'sheet')}, {plural(rows, 'milestone')}: "
          f"send it to the action leads, then `wsoagen tracker import {args.plan} {args.output}`", file=sys.stderr)
    return EXIT_OK


def import_(args: argparse.Namespace) -> int:
    from wsoagen.tracker.run import import_tracker

    with Reporter(args.verbosity, fancy=False) as reporter:
        done = import_tracker(args.plan, args.workbook, dry_run=args.dry_run, display=str(args.workbook))
        reporter.total()
    quiet = args.verbosity == QUIET
    for problem in done.problems.sorted():
        if quiet and problem.level == "warning":
            continue
        print(problem.github() if args.error_format == "github" else str(problem), file=sys.stderr)
    errors, warnings = len(done.problems.errors), len(done.problems.warnings)
    counts = f"{plural(errors, 'error')}, {plural(warnings, 'warning')}"
    if errors:
        print(f"wsoagen: {args.workbook}: {counts}: nothing written", file=sys.stderr)
        return EXIT_PLAN
    verb = "would change" if args.dry_run else "changed"
    for fe in done.edits:
        if not quiet:
            print(f"{fe.area} ({fe.path}): {verb} {plural(len(fe.changes), 'milestone')}")
            for change in fe.changes:
                print(f"  {_describe(change)}")
        if not fe.was_formatted:
            print(f"wsoagen: {fe.path}: note: the file was not in the standard layout (`wsoagen fmt`); "
                  "the import lays out the whole file", file=sys.stderr)
    milestones = sum(len(fe.changes) for fe in done.edits)
    files = "nothing written (--dry-run)" if args.dry_run else (
        f"wrote {plural(len(done.written), 'workstream file')}" if done.written else "nothing to write")
    print(f"wsoagen: {args.workbook}: {plural(milestones, 'milestone')} {verb}, {plural(done.unchanged, 'row')} with nothing new; "
          f"{files} ({counts})", file=sys.stderr)
    return EXIT_OK


def _describe(change) -> str:
    row = change.row
    what = []
    if change.status is not None:
        what.append(f"{change.before} -> {change.after}")
    if change.update is not None:
        what.append("update added")
    text = row.milestone if len(row.milestone) <= 60 else row.milestone[:59].rstrip() + "…"
    return f'{row.ref} "{text}": {"; ".join(what)}'
