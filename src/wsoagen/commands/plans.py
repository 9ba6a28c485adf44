"""`wsoagen validate` and `wsoagen build`: run each plan folder named, report, count, exit.

In: the parsed arguments (plan folders, output folder, as-at date, strictness, verbosity); with
no plan folder named, the current folder if it is a plan, else every folder under plans/.
Out: diagnostics on stderr, `wrote PATH` lines on stdout, a summary line, and the exit code.
Both commands run the same rules as at the same date (`wsoagen.check.check`), so they print the
same warnings; `build` then renders.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from pathlib import Path

from wsoagen import freshness
from wsoagen.commands.messages import EXIT_OK, EXIT_PLAN, plural, report
from wsoagen.commands.progress import QUIET, VERBOSE, Reporter, seconds
from wsoagen.commands.repository import stale_schemas
from wsoagen.diagnostics import Diagnostics, PlanError, UsageError
from wsoagen.plan.rules.sources import PLAN_FILE

Outcome = tuple[Path, list[Path] | None, Diagnostics]  # (plan, files written or None, diagnostics)


def run(args: argparse.Namespace) -> int:
    from wsoagen.check import check

    as_at = args.as_at  # None: each plan's own `as_at`, else today (both commands alike)
    building = args.command == "build"
    args.plans = plan_folders(args.plans, command=args.command)
    for folder in args.plans:  # a typo in the third folder should not wait for two builds
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such plan folder")
        _check_name(folder)
    quiet = args.verbosity == QUIET
    reporter = Reporter(args.verbosity, fancy=None if building else False)  # validate is too quick for a display
    total = Diagnostics()
    failed = False
    outcomes: list[Outcome] = []
    with reporter, ExitStack() as stack:
        stale = stale_schemas(args.plans)  # the repository's editor schemas are another version's
        report(stale, args.error_format, quiet=quiet, strict=args.strict, emit=reporter.emit)
        total.extend(stale.items)
        one = _builder(args, as_at, reporter, stack) if building else (lambda folder: (None, check(folder, as_at)[1]))
        for folder in args.plans:
            written: list[Path] | None = None
            with reporter.step("building" if building else "validating", folder,
                               announce=building or args.verbosity >= VERBOSE) as step:
                try:
                    written, diags = one(folder)
                    step.outcome = "built" if building else "valid"
                except PlanError as exc:
                    diags = exc.diagnostics
                    failed = True
                    step.outcome = f"{'failed' if building else 'invalid'} ({plural(len(diags.errors), 'error')})"
            reporter.detail(f"{folder}: {step.outcome} in {seconds(step.elapsed)}")
            if written and not quiet and not reporter.stdout_is_shown_elsewhere:
                for path in written:
                    print(f"wrote {path}", flush=True)
            report(diags, args.error_format, quiet=quiet, strict=args.strict, emit=reporter.emit)
            total.extend(diags.items)
            outcomes.append((folder, written, diags))
    if building:
        for line in _build_summary(outcomes):
            reporter.note(line)
    if args.strict and total.warnings:
        failed = True
    reporter.total()
    print(f"wsoagen: {plural(len(args.plans), 'plan')}: {total.summary()}", file=sys.stderr)
    return EXIT_PLAN if failed else EXIT_OK


def _builder(args: argparse.Namespace, as_at, reporter: Reporter, stack: ExitStack) -> Callable[[Path], tuple[list[Path], Diagnostics]]:
    """build(folder) -> (files written, diagnostics), PlanError if it fails. A plan whose inputs and
    outputs are as at its last build is not built again (wsoagen.freshness): when no plan needs
    building, the renderers are not even loaded."""
    prints = {f: freshness.fingerprint(f, as_at, args.output) for f in args.plans}
    done = {f: found for f in args.plans if (found := freshness.fresh(args.output, f, prints[f])) is not None}
    to_build = [f for f in args.plans if f not in done]
    if to_build:  # the renderers load slowly
        with reporter.step("loading", "the renderers", announce=False, keep=False) as step:
            from wsoagen import pipeline
        reporter.detail(f"renderers loaded in {seconds(step.elapsed)}")
        # One set of worker processes for every plan; leaving by Ctrl-C stops them at once.
        workers = stack.enter_context(pipeline.Workers(args.jobs))
        builds = pipeline.Builds(to_build, args.output, as_at, workers)

    def build(folder: Path) -> tuple[list[Path], Diagnostics]:
        if folder in done:
            return done[folder]
        result = builds.build(to_build.index(folder))
        written = list(result.written)
        if prints[folder] is not None:
            freshness.record(args.output, folder, prints[folder], written, result.diagnostics)
        return written, result.diagnostics

    return build


def plan_folders(named: list[Path], here: Path = Path("."), command: str = "validate") -> list[Path]:
    """The folders named; with none, `here` if it is a plan, else every folder under plans/."""
    if named:
        return named
    if (here / PLAN_FILE).is_file():
        return [here]
    plans = here / "plans"
    found = sorted(p for p in plans.iterdir() if p.is_dir() and not p.name.startswith(".")) if plans.is_dir() else []
    if not found:
        raise UsageError(f"no plan found: {(here / PLAN_FILE).as_posix()} and {plans.as_posix()}/*/ do not exist; "
                         f"name the plan folders (`wsoagen {command} PLAN_DIR`), or start one with `wsoagen init`")
    return found


def _build_summary(outcomes: list[Outcome]) -> list[str]:
    """One line per output folder with the names written, or per plan that was not built."""
    lines = []
    for folder, written, diags in outcomes:
        warnings = f" ({plural(len(diags.warnings), 'warning')})" if diags.warnings else ""
        if written is None:
            lines.append(f"{folder}: not built: {diags.summary()}")
            continue
        by_dir: dict[Path, list[str]] = defaultdict(list)
        for path in written:
            by_dir[path.parent].append(path.name)
        for i, (where, names) in enumerate(by_dir.items()):
            lines.append(f"wrote {where}/: {', '.join(names)}{warnings if i == 0 else ''}")
    return lines


def _check_name(folder: Path) -> None:
    """The folder's name is the plan's name in its documents and plan.json, so it must be text:
    a name that is not valid UTF-8 (held as surrogate escapes) is refused before any work."""
    name = folder.resolve().name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        raise UsageError(f'{folder}: the plan folder\'s name ("{shown}") is not valid UTF-8 text, and it is the plan\'s '
                         "name in its documents: rename the folder") from None
