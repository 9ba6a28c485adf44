"""Turn command lines into pipeline calls, and problems into messages and exit codes.

Exit codes: 0 success, 1 the plan or data has errors, 2 usage or I/O problem.
Diagnostics go to stderr as `path:line:col: error|warning: message`.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Sequence

from wsoagen import __version__
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
    sub = p.add_subparsers(dest="command", required=True)

    def diag_options(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sp.add_argument("--error-format", choices=["text", "github"], default="text",
                        help="github: GitHub Actions annotations")

    v = sub.add_parser("validate", help="check plan folders and report every problem")
    v.add_argument("plans", nargs="+", type=Path, metavar="PLAN_DIR")
    diag_options(v)

    b = sub.add_parser("build", help="validate and render plan folders")
    b.add_argument("plans", nargs="+", type=Path, metavar="PLAN_DIR")
    b.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="OUT")
    b.add_argument("--as-at", type=_as_at, default=None, metavar="YYYY-MM-DD",
                   help="report status as at this date (default: today)")
    diag_options(b)

    s = sub.add_parser("schema", help="print the JSON Schema of plan files")
    s.add_argument("kind", nargs="?", choices=["plan", "workstream"], default="plan")
    s.add_argument("--write", type=Path, metavar="DIR", help="write every schema into DIR instead")
    return p


def _report(diags: Diagnostics, fmt: str) -> None:
    for d in diags.sorted():
        print(d.github() if fmt == "github" else str(d), file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    try:
        if args.command == "schema":
            return _schema(args)
        return _run(args)
    except UsageError as exc:
        print(f"wsoagen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"wsoagen: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE


def _run(args: argparse.Namespace) -> int:
    from wsoagen.validate import validate_plan

    if args.command == "build":  # the renderers load slowly: validate does without them
        from wsoagen import pipeline
    total = Diagnostics()
    failed = False
    for folder in args.plans:
        try:
            if args.command == "validate":
                _, diags = validate_plan(folder)
            else:
                result = pipeline.build(folder, args.output, args.as_at or date.today())
                diags = result.diagnostics
                for path in result.written:
                    print(f"wrote {path}")
        except PlanError as exc:
            diags = exc.diagnostics
            failed = True
        _report(diags, args.error_format)
        total.extend(diags.items)
    if args.strict and total.warnings:
        failed = True
    print(f"wsoagen: {len(args.plans)} plan{'s' if len(args.plans) != 1 else ''}: {total.summary()}", file=sys.stderr)
    return EXIT_PLAN if failed else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from wsoagen.schema import SCHEMAS, schema_json

    if args.write:
        args.write.mkdir(parents=True, exist_ok=True)
        for kind in SCHEMAS:
            path = args.write / f"{kind}.schema.json"
            path.write_text(schema_json(kind), encoding="utf-8")
            print(f"wrote {path}")
        return EXIT_OK
    sys.stdout.write(schema_json(args.kind))
    return EXIT_OK
