"""`wsoagen fmt [--check] PATH...`: lay plan files out the standard way (see `wsoagen.plan.fmt`)."""

from __future__ import annotations

import argparse
import sys

from wsoagen.commands.messages import EXIT_OK, EXIT_PLAN, plural, report
from wsoagen.commands.progress import QUIET, Reporter
from wsoagen.diagnostics import Diagnostics


def run(args: argparse.Namespace) -> int:
    from wsoagen.plan import fmt

    quiet = args.verbosity == QUIET
    reporter = Reporter(args.verbosity, fancy=False)
    run = fmt.format_files(args.paths, check=args.check)
    problems = Diagnostics(list(run.diagnostics.items))
    for result in run.results:
        if not result.changed:
            reporter.detail(f"{result.path}: already formatted")
        elif args.check:
            problems.error(result.path, (result.first_change, 1), f"not formatted: run `wsoagen fmt {result.path}`")
        elif not quiet:
            print(f"formatted {result.path}")
    report(problems, args.error_format, quiet=quiet)
    errors = len({d.path for d in run.diagnostics.errors})  # files left alone because of errors
    counts = [plural(len(run.results) + errors, "file")]
    counts.append(f"{len(run.changed)} {'would be reformatted' if args.check else 'reformatted'}")
    counts.append(f"{len(run.results) - len(run.changed)} already formatted")
    if errors:
        counts.append(f"{errors} with errors")
    reporter.total()
    print(f"wsoagen: {', '.join(counts)}", file=sys.stderr)
    return EXIT_PLAN if errors or (args.check and run.changed) else EXIT_OK


