"""`wsoagen fmt [--check | --diff] PATH...`: lay plan files out the standard way (see `wsoagen.plan.fmt`).

In: plan folders or YAML files. Out: the files rewritten in place (only those that change), or
with `--check` a diagnostic per file that would change, or with `--diff` a unified diff on stdout
(nothing written); a summary line on stderr. Exit 1 on YAML errors, or with `--check` when a
file would change; `--diff` alone exits 0 (as black and ruff do).
"""

from __future__ import annotations

import argparse
import difflib
import sys

from wsoagen.commands.messages import EXIT_OK, EXIT_PLAN, plural, report
from wsoagen.commands.progress import QUIET, Reporter
from wsoagen.diagnostics import Diagnostics


def run(args: argparse.Namespace) -> int:
    from wsoagen.plan import fmt

    quiet = args.verbosity == QUIET
    diff = getattr(args, "diff", False)
    reporter = Reporter(args.verbosity, fancy=False)
    run = fmt.format_files(args.paths, check=args.check or diff)
    problems = Diagnostics(list(run.diagnostics.items))
    for result in run.results:
        if not result.changed:
            reporter.detail(f"{result.path}: already formatted")
            continue
        if diff:
            sys.stdout.write(unified_diff(result.path.read_bytes().decode("utf-8"), result.text, result.path.as_posix()))
        if args.check:
            problems.error(result.path, (result.first_change, 1), f"not formatted: run `wsoagen fmt {result.path}`")
        elif not quiet and not diff:
            print(f"formatted {result.path}")
    report(problems, args.error_format, quiet=quiet)
    errors = len({d.path for d in run.diagnostics.errors})  # files left alone because of errors
    counts = [plural(len(run.results) + errors, "file")]
    counts.append(f"{len(run.changed)} {'would be reformatted' if args.check or diff else 'reformatted'}")
    counts.append(f"{len(run.results) - len(run.changed)} already formatted")
    if errors:
        counts.append(f"{errors} with errors")
    reporter.total()
    print(f"wsoagen: {', '.join(counts)}", file=sys.stderr)
    return EXIT_PLAN if errors or (args.check and run.changed) else EXIT_OK


def unified_diff(old: str, new: str, name: str) -> str:
    """`git diff`-style text from the file as it is to the file as fmt writes it (a/ and b/ prefixes)."""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}")
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
