"""`wsoagen import SOURCE PLAN_DIR`: a Word WSOA or an Excel action tracker into a new plan folder.

In: the parsed arguments. Out: `wrote PATH` lines on stdout; on stderr, every part of the source
that could not be mapped (`plan.docx:table 3, row 5, cell 2: warning: ...`), then the result of
validating the new folder. Exit 0 when the folder validates, 1 when it does not (or nothing
could be read), 2 when the source cannot be read or the folder is not empty.
"""

from __future__ import annotations

import argparse
import sys

from wsoagen.commands.messages import EXIT_OK, EXIT_PLAN, plural, report
from wsoagen.diagnostics import PlanError, UsageError


def run(args: argparse.Namespace) -> int:
    from wsoagen.check import check
    from wsoagen.importer import import_plan

    if not args.source.is_file():
        raise UsageError(f"{args.source}: no such file")
    result = import_plan(args.source, args.folder)
    for path in result.written:
        print(f"wrote {path}")
    for note in result.notes:
        print(note.line(str(args.source)), file=sys.stderr)
    try:
        _, diags = check(args.folder, None)
    except PlanError as exc:
        diags = exc.diagnostics
    report(diags, args.error_format, quiet=args.verbosity == "quiet")
    failed = bool(diags.errors) or any(n.level == "error" for n in result.notes)
    print(f"wsoagen: imported {args.source} into {args.folder}: {plural(len(result.notes), 'note')} on the source; "
          f"the new plan has {diags.summary()}", file=sys.stderr)
    return EXIT_PLAN if failed else EXIT_OK
