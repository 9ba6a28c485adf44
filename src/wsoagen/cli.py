"""Turn command lines into command calls (wsoagen.commands), and failures into exit codes.

Exit codes: 0 success, 1 the plan or data has errors, 2 usage or I/O problem.
Diagnostics go to stderr as `path:line:col: error|warning: message`, then a one-line summary.
Results go to stdout (`wrote PATH`); progress goes to stderr (see `wsoagen.commands.progress`).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from wsoagen import __version__
from wsoagen.commands.messages import EXIT_USAGE
from wsoagen.commands.progress import NORMAL, QUIET, VERBOSE
from wsoagen.diagnostics import UsageError

# Each verb's code lives in wsoagen/commands/<module>.py as `run(args) -> exit code`, imported
# only when used: validate, new, fmt and schema never load the renderers.
COMMANDS = {"validate": "plans", "build": "plans", "new": "new", "fmt": "fmt", "schema": "schema"}


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
    v.add_argument("--as-at", type=_as_at, default=None, metavar="YYYY-MM-DD",
                   help="judge statuses and overdue milestones as at this date (default: the plan's as_at, else today)")
    output_options(v)

    b = sub.add_parser("build", help="validate and render plan folders")
    b.add_argument("plans", nargs="+", type=Path, metavar="PLAN_DIR")
    b.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="OUT",
                   help="where documents go: OUT/<plan folder name>/ (default: build)")
    b.add_argument("--as-at", type=_as_at, default=None, metavar="YYYY-MM-DD",
                   help="report status as at this date (default: the plan's as_at, else today)")
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


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    try:
        command = importlib.import_module(f"wsoagen.commands.{COMMANDS[args.command]}")
        return command.run(args)
    except UsageError as exc:
        print(f"wsoagen: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"wsoagen: error: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C: outputs already written stay whole (atomic writes)
        print("wsoagen: interrupted", file=sys.stderr)
        return 130
