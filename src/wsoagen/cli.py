"""Turn command lines into command calls (wsoagen.commands), and failures into exit codes.

Exit codes: 0 success, 1 the plan or data has errors, 2 usage or I/O problem (not the plan's
fault: a missing folder, an output folder that cannot be written), 3 internal error (a bug in
wsoagen: one line asks for a bug report; -v or WSOAGEN_TRACEBACK=1 shows the traceback),
130 interrupted by Ctrl-C, SIGINT or SIGTERM (files written before stay whole, no temporary files).
Diagnostics go to stderr as `path:line:col: error|warning: message`, then a one-line summary.
Results go to stdout (`wrote PATH`); progress goes to stderr (see `wsoagen.commands.progress`).
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import signal
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from wsoagen import __version__
from wsoagen.commands.messages import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_USAGE, internal_error, io_problem, printable, wants_traceback
from wsoagen.commands.progress import NORMAL, QUIET, VERBOSE
from wsoagen.diagnostics import UsageError

# Each verb's code lives in wsoagen/commands/<module>.py as `run(args) -> exit code`, imported
# only when used: validate, new, fmt and schema never load the renderers.
COMMANDS = {"validate": "plans", "build": "plans", "new": "new", "init": "init", "fmt": "fmt", "schema": "schema",
            "tracker": "tracker", "import": "importer", "preview": "preview"}


def _as_at(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f'"{text}" is not a date: write it as YYYY-MM-DD') from None


# Examples under each command's --help (argparse keeps their layout with RawDescriptionHelpFormatter).
EXAMPLES = {
    "wsoagen": """\
examples:
  wsoagen init                      start a plan repository in the current folder
  wsoagen validate                  check every plan (this folder if it is one, else plans/*)
  wsoagen build -o build            build every plan's documents into build/
  wsoagen COMMAND --help            what a command does, with examples
""",
    "validate": """\
With no PLAN_DIR: the current folder if it is a plan (it has plan.yaml), else every plan under plans/.

examples:
  wsoagen validate                              every plan here
  wsoagen validate plans/testshire              one plan
  wsoagen validate --strict plans/*             warnings fail the run too
  wsoagen validate --as-at 2026-03-31           statuses judged as at a date
  wsoagen validate --error-format github        annotations (the default when GITHUB_ACTIONS=true)
""",
    "build": """\
With no PLAN_DIR: the current folder if it is a plan (it has plan.yaml), else every plan under plans/.

examples:
  wsoagen build                                 every plan here, into build/<plan>/
  wsoagen build plans/testshire -o out          one plan, into out/testshire/
  wsoagen build --as-at 2026-03-31              regenerate as at a date (before a monitoring visit)
  wsoagen build -q -j 1                         errors and the summary only, one worker
""",
    "new": """\
examples:
  wsoagen new plans/testshire
  wsoagen new plans/north-somerset --local-area "North Somerset"
  wsoagen new plans/testshire --kind priority-action-plan
""",
    "init": """\
Writes .gitattributes, .pre-commit-config.yaml, .github/workflows/wsoagen.yml, .gitlab-ci.yml,
README.md, schema/ and plans/<area>/; refuses (exit 2) to overwrite a file that differs.

examples:
  mkdir testshire-wsoa && cd testshire-wsoa && git init && wsoagen init
  wsoagen init north-somerset-send --local-area "North Somerset"
""",
    "fmt": """\
examples:
  wsoagen fmt plans/testshire                   rewrite the files that need it
  wsoagen fmt --check plans                     change nothing; exit 1 if a file would change
  wsoagen fmt --diff plans/testshire/plan.yaml  change nothing; show the changes
""",
    "schema": """\
examples:
  wsoagen schema workstream > workstream.schema.json
  wsoagen schema --write schema                 every schema, for editors (the files' modelines)
""",
    "tracker": """\
examples:
  wsoagen tracker export plans/testshire -o tracker.xlsx --workstream 2
  wsoagen tracker import plans/testshire tracker.xlsx --dry-run
""",
    "tracker export": """\
examples:
  wsoagen tracker export plans/testshire -o tracker.xlsx
  wsoagen tracker export plans/testshire -o sam.xlsx --lead head-of-send
""",
    "tracker import": """\
examples:
  wsoagen tracker import plans/testshire tracker.xlsx --dry-run    see what would change
  wsoagen tracker import plans/testshire tracker.xlsx
""",
    "import": """\
examples:
  wsoagen import wsoa.docx plans/testshire
  wsoagen import action-tracker.xlsx plans/testshire
""",
    "preview": """\
examples:
  wsoagen preview plans/testshire               then open http://127.0.0.1:8000/
  wsoagen preview --port 8080
""",
}


def _default_error_format() -> str:
    """GitHub Actions sets GITHUB_ACTIONS=true: annotations there without a flag."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="wsoagen", description="SEND Written Statements of Action as code.",
                                epilog=EXAMPLES["wsoagen"], formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"wsoagen {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, **kwargs) -> argparse.ArgumentParser:
        return sub.add_parser(name, epilog=EXAMPLES[name], formatter_class=argparse.RawDescriptionHelpFormatter, **kwargs)

    def output_options(sp: argparse.ArgumentParser, strict: bool = True) -> None:
        if strict:
            sp.add_argument("--strict", action="store_true", help="treat warnings as errors")
        sp.add_argument("--error-format", choices=["text", "github"], default=_default_error_format(),
                        help="text: path:line:col: error: message; github: GitHub Actions annotations "
                             "(default: github when GITHUB_ACTIONS=true, else text)")
        loud = sp.add_mutually_exclusive_group()
        loud.add_argument("-q", "--quiet", dest="verbosity", action="store_const", const=QUIET, default=NORMAL,
                          help="print only errors and the final summary line")
        loud.add_argument("-v", "--verbose", dest="verbosity", action="store_const", const=VERBOSE,
                          help="also print how long each step took")

    v = command("validate", help="check plan folders and report every problem")
    v.add_argument("plans", nargs="*", type=Path, metavar="PLAN_DIR")
    v.add_argument("--as-at", type=_as_at, default=None, metavar="YYYY-MM-DD",
                   help="judge statuses and overdue milestones as at this date (default: the plan's as_at, else today)")
    output_options(v)

    b = command("build", help="validate and render plan folders")
    b.add_argument("plans", nargs="*", type=Path, metavar="PLAN_DIR")
    b.add_argument("-o", "--output", type=Path, default=Path("build"), metavar="OUT",
                   help="where documents go: OUT/<plan folder name>/ (default: build)")
    b.add_argument("--as-at", type=_as_at, default=None, metavar="YYYY-MM-DD",
                   help="report status as at this date (default: the plan's as_at, else today)")
    b.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                   help="render in N worker processes (default: one per core)")
    output_options(b)

    n = command("new", help="start a new plan folder with commented examples")
    n.add_argument("folder", type=Path, metavar="PLAN_DIR")
    n.add_argument("--local-area", metavar="NAME", help="the local area's name (default: from the folder name)")
    n.add_argument("--kind", default="wsoa", choices=["wsoa", "priority-action-plan", "improvement-plan", "accelerated-progress-plan",
                                                      "strategic-action-plan"], help="what kind of plan (default: wsoa)")

    f = command("fmt", help="lay plan files out the one standard way, keeping comments")
    f.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="plan folders or YAML files")
    f.add_argument("--check", action="store_true",
                   help="change nothing; list the files that would change and exit 1 if any")
    f.add_argument("--diff", action="store_true", help="change nothing; print the changes as a unified diff")
    output_options(f, strict=False)

    i = command("init", help="start a plan repository: a plan folder, CI workflows, pre-commit and a README")
    i.add_argument("folder", type=Path, nargs="?", default=Path("."), metavar="REPO_DIR",
                   help="the repository folder (default: the current folder)")
    i.add_argument("--local-area", metavar="NAME", help="the local area's name (default: from the folder name)")

    t = command("tracker", help="the Excel tracker action leads fill in: export it, import their updates")
    tsub = t.add_subparsers(dest="tracker_command", required=True, metavar="ACTION")
    te = tsub.add_parser("export", help="write the tracker workbook for a plan", epilog=EXAMPLES["tracker export"],
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    te.add_argument("plan", type=Path, metavar="PLAN_DIR")
    te.add_argument("-o", "--output", type=Path, required=True, metavar="XLSX")
    te.add_argument("--workstream", type=int, metavar="N", help="only this workstream")
    te.add_argument("--lead", metavar="ID", help="only the milestones of actions this person leads")
    ti = tsub.add_parser("import", help="write the statuses, dates and updates from a filled-in tracker into the plan",
                         epilog=EXAMPLES["tracker import"], formatter_class=argparse.RawDescriptionHelpFormatter)
    ti.add_argument("plan", type=Path, metavar="PLAN_DIR")
    ti.add_argument("workbook", type=Path, metavar="XLSX")
    ti.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    for sp in (te, ti):
        output_options(sp, strict=False)

    im = command("import", help="read an existing plan from Word (.docx) or an Excel action tracker into a plan folder")
    im.add_argument("source", type=Path, metavar="DOCX_OR_XLSX")
    im.add_argument("folder", type=Path, metavar="PLAN_DIR")
    output_options(im, strict=False)

    pv = command("preview", help="serve the plan's HTML editions locally, re-rendered and reloaded on every save")
    pv.add_argument("plan", type=Path, nargs="?", default=Path("."), metavar="PLAN_DIR")
    pv.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    pv.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")

    s = command("schema", help="print the JSON Schema of plan files")
    s.add_argument("kind", nargs="?", default="plan", help="which file's schema (plan, workstream, ...; default: plan)")
    s.add_argument("--write", type=Path, metavar="DIR", help="write every schema into DIR instead")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command line; the exit code (see the module docstring). Nothing but an internal
    error prints a traceback, and that only with -v or WSOAGEN_TRACEBACK=1."""
    _tolerant_streams()
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse: --help is 0, bad usage is 2
        return int(exc.code or 0)
    previous = _interruptible()
    try:
        command = importlib.import_module(f"wsoagen.commands.{COMMANDS[args.command]}")
        return command.run(args)
    except UsageError as exc:
        print(printable(f"wsoagen: error: {exc}"), file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:  # a read-only or full disk, a file where a folder must be: not the plan's fault
        print(io_problem(exc), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C, SIGINT or SIGTERM: outputs already written stay whole (atomic writes)
        print("wsoagen: interrupted; files written before are whole", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # a bug: one line asking for a report, not a traceback
        print(internal_error(exc, wants_traceback(getattr(args, "verbosity", None))), file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _interruptible() -> dict[int, object]:
    """SIGINT and SIGTERM raise KeyboardInterrupt in the main thread, so that a stopped command
    unwinds (temporary files removed) and exits 130. SIGINT too when it was inherited ignored,
    as a script's background job inherits it: `kill -INT` is meant to stop a build. Returns the
    handlers replaced, to put back (none when not in the main thread, as under a test runner)."""

    def stop(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous: dict[int, object] = {}
    for signum, handler in ((signal.SIGINT, signal.default_int_handler), (signal.SIGTERM, stop)):
        try:
            previous[signum] = signal.signal(signum, handler)
        except ValueError:  # not the main thread
            break
    return previous


def _tolerant_streams() -> None:
    """A path that is not valid UTF-8 (held as surrogate escapes) is printed as the bytes it is,
    instead of failing the command at `print`."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):  # replaced by a test harness, or closed
            stream.reconfigure(errors="surrogateescape" if stream is sys.stdout else "backslashreplace")
