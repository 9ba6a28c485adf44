"""Turn command lines into pipeline calls, and problems into messages and exit codes.

Exit codes: 0 success, 1 the plan or data has errors, 2 usage or I/O problem.
Diagnostics go to stderr as `path:line:col: error|warning: message`, then a one-line summary.
Results go to stdout (`wrote PATH`); progress goes to stderr (see `wsoagen.commands.progress`).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from wsoagen import __version__
from wsoagen.commands.progress import NORMAL, QUIET, VERBOSE, Reporter, seconds
from wsoagen.diagnostics import Diagnostics, PlanError, UsageError

EXIT_OK, EXIT_PLAN, EXIT_USAGE = 0, 1, 2


def _as_at(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date: write it as YYYY-MM-DD') from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wsoagen", description="SEND Written Statements of Action as code.")
    p.add_argument("--version", action="version", version=f"wsoagen {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def output_options(sp: argparse.ArgumentParser, strict: bool = True) -> None:
        if strict:
            sp.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sp.add_argument("--error-format", choices=["text", "github"], default="text",
                        help="text: path:line:col: error: message (default); github: GitHub Actions annotations")
        loud = sp.add_mutually_exclusive_group()
        loud.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=QUIET, default=NORMAL,
                          help="print only errors and the final summary line")
        loud.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=VERBOSE,
                          help="also print how long each step took")

    v = sub.add_parser("validate", help="check plan folders and report every problem")
    v.add_argument("plans", nargs="+", type=Path, metavar="PLAN_DIR")
    output_options(v)

    b = sub.add_parser("build", help="validate and render plan folders")
    b.add_argument("plans", nargs="+", type=Path, metavar="PLAN_DIR")
    b.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="OUT",
                   help="where documents go: OUT/<plan folder name>/ (default: build)")
    b.add_argument("--as-at", type=_as_at, default=None, metavar="YYYY-MM-DD",
                   help="report status as at this date (default: today)")
    output_options(b)

    n = sub.add_parser("new", help="start a new plan folder with commented examples")
    n.add_argument("folder", type=Path, metavar="PLAN_DIR")
    n.add_argument("--local-area", metavar="NAME", help="the local area's name (default: from the folder name)")

    f = sub.add_parser("fmt", help="lay plan files out the one standard way, keeping comments")
    f.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="plan folders or YAML files")
    f.add_argument("--check", action="store_true",
                   help="change nothing; list the files that would change and exit 1 if any")
    output_options(f, strict=False)

    s = sub.add_parser("schema", help="print the JSON Schema of plan files")
    s.add_argument("kind", nargs="?", default="plan", help="which file's schema (plan, workstream, ...; default: plan)")
    s.add_argument("--write", type=Path, metavar="DIR", help="write every schema into DIR instead")
    return p


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def _report(diags: Diagnostics, fmt: str, *, quiet: bool = False, strict: bool = False,
            emit: Callable[[str], None] = _stderr) -> None:
    """Diagnostics to stderr, in reading order; --quiet keeps only what fails the run."""
    for d in diags.sorted():
        if quiet and d.level == "warning" and not strict:
            continue
        emit(d.github() if fmt == "github" else str(d))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    try:
        if args.command == "schema":
            return _schema(args)
        if args.command == "new":
            return _new(args)
        if args.command == "fmt":
            return _fmt(args)
        return _run(args)
    except UsageError as exc:
        print(f"wsoagen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"wsoagen: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: outputs already written stay whole (atomic writes)
        print("wsoagen: interrupted", file=sys.stderr)
        return 130


# ---------------------------------------------------------------- validate and build


def _run(args: argparse.Namespace) -> int:
    from wsoagen.plan.validate import validate_plan

    building = args.command == "build"
    for folder in args.plans:  # a typo in the third folder should not wait for two builds
        if not folder.is_dir():
            raise UsageError(f"{folder}: no such plan folder")
    quiet = args.verbosity == QUIET
    reporter = Reporter(args.verbosity, fancy=None if building else False)  # validate is too quick for a display
    total = Diagnostics()
    failed = False
    outcomes: list[tuple[Path, list[Path] | None, Diagnostics]] = []  # (plan, files written or None, diags)
    with reporter:
        if building:  # the renderers load slowly: validate does without them
            with reporter.step("loading", "the renderers", announce=False, keep=False) as step:
                from wsoagen import pipeline
            reporter.detail(f"renderers loaded in {seconds(step.elapsed)}")
        for folder in args.plans:
            written: list[Path] | None = None
            with reporter.step("building" if building else "validating", folder,
                               announce=building or args.verbosity >= VERBOSE) as step:
                try:
                    if building:
                        result = pipeline.build(folder, args.output, args.as_at or date.today())
                        diags, written = result.diagnostics, list(result.written)
                    else:
                        _, diags = validate_plan(folder)
                    step.outcome = "built" if building else "valid"
                except PlanError as exc:
                    diags = exc.diagnostics
                    failed = True
                    step.outcome = f"{'failed' if building else 'invalid'} ({_plural(len(diags.errors), 'error')})"
            reporter.detail(f"{folder}: {step.outcome} in {seconds(step.elapsed)}")
            if written and not quiet and not reporter.stdout_is_shown_elsewhere:
                for path in written:
                    print(f"wrote {path}", flush=True)
            _report(diags, args.error_format, quiet=quiet, strict=args.strict, emit=reporter.emit)
            total.extend(diags.items)
            outcomes.append((folder, written, diags))
    if building:
        for line in _build_summary(outcomes):
            reporter.note(line)
    if args.strict and total.warnings:
        failed = True
    reporter.total()
    print(f"wsoagen: {_plural(len(args.plans), 'plan')}: {total.summary()}", file=sys.stderr)
    return EXIT_PLAN if failed else EXIT_OK


def _build_summary(outcomes: list[tuple[Path, list[Path] | None, Diagnostics]]) -> list[str]:
    """One line per output folder with the names written, or per plan that was not built."""
    lines = []
    for folder, written, diags in outcomes:
        warnings = f" ({_plural(len(diags.warnings), 'warning')})" if diags.warnings else ""
        if written is None:
            lines.append(f"{folder}: not built: {diags.summary()}")
            continue
        by_dir: dict[Path, list[str]] = defaultdict(list)
        for path in written:
            by_dir[path.parent].append(path.name)
        for i, (where, names) in enumerate(by_dir.items()):
            lines.append(f"wrote {where}/: {', '.join(names)}{warnings if i == 0 else ''}")
    return lines


# ---------------------------------------------------------------- new


def _new(args: argparse.Namespace) -> int:
    from wsoagen.plan import scaffold

    written, schema = scaffold.create(args.folder, args.local_area)
    for path in written:
        print(f"wrote {path}")
    if not schema.exists:
        print(f"wsoagen: note: no JSON Schema found for editors: run `wsoagen schema --write {schema.folder}`",
              file=sys.stderr)
    print(f"wsoagen: new plan in {args.folder}: edit it, then run `wsoagen validate {args.folder}`", file=sys.stderr)
    return EXIT_OK


# ---------------------------------------------------------------- fmt


def _fmt(args: argparse.Namespace) -> int:
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
    _report(problems, args.error_format, quiet=quiet)
    errors = len({d.path for d in run.diagnostics.errors})  # files left alone because of errors
    counts = [_plural(len(run.results) + errors, "file")]
    counts.append(f"{len(run.changed)} {'would be reformatted' if args.check else 'reformatted'}")
    counts.append(f"{len(run.results) - len(run.changed)} already formatted")
    if errors:
        counts.append(f"{errors} with errors")
    reporter.total()
    print(f"wsoagen: {', '.join(counts)}", file=sys.stderr)
    return EXIT_PLAN if errors or (args.check and run.changed) else EXIT_OK


# ---------------------------------------------------------------- schema


def _schema(args: argparse.Namespace) -> int:
    from wsoagen.output import write_atomic
    from wsoagen.plan.schema import SCHEMAS, schema_json

    if args.kind not in SCHEMAS:
        raise UsageError(f'no schema "{args.kind}": choose one of {", ".join(SCHEMAS)}')
    if args.write:
        for kind in SCHEMAS:
            path = write_atomic(args.write / f"{kind}.schema.json", schema_json(kind).encode("utf-8"))
            print(f"wrote {path}")
        return EXIT_OK
    sys.stdout.write(schema_json(args.kind))
    return EXIT_OK
