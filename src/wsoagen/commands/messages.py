"""Diagnostics and counts as the console shows them, and the exit codes every command returns.

In: `Diagnostics` and counts, or the exception a command stopped with. Out: lines on stderr
(`path:line:col: level: message`, or GitHub Actions annotations; one line for a failure that is
not the plan's) and exit codes: 0 success, 1 the plan or data has errors, 2 usage or I/O (not
the plan's fault: a missing folder, an unwritable output, a full disk), 3 an internal error (a bug
in wsoagen: the line asks for a report; `-v` or WSOAGEN_TRACEBACK=1 prints the traceback),
130 interrupted (Ctrl-C, SIGINT or SIGTERM).
"""

from __future__ import annotations

import os
import re
import sys
import traceback
from collections.abc import Callable

from wsoagen.diagnostics import Diagnostics

EXIT_OK, EXIT_PLAN, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
TRACEBACK_ENV = "WSOAGEN_TRACEBACK"


def stderr(line: str) -> None:
    print(line, file=sys.stderr)


def report(diags: Diagnostics, fmt: str, *, quiet: bool = False, strict: bool = False,
           emit: Callable[[str], None] = stderr) -> None:
    """Diagnostics to stderr, in reading order; --quiet keeps only what fails the run."""
    for d in diags.sorted():
        if quiet and d.level == "warning" and not strict:
            continue
        emit(d.github() if fmt == "github" else str(d))


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def printable(text: object) -> str:
    """`text` with nothing a terminal would obey: control characters but line breaks as escapes
    (a file name or an exception may hold anything)."""
    return re.sub(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", lambda m: f"\\x{ord(m.group()):02x}", str(text))


def one_line(text: object) -> str:
    """`text` printable and on one line (line breaks and tabs become spaces)."""
    return printable(" ".join(str(text).split()))


def io_problem(exc: OSError) -> str:
    """One line for a file-system failure: `wsoagen: error: PATH: what went wrong`."""
    what = exc.strerror or str(exc) or type(exc).__name__
    where = exc.filename if exc.filename is not None else None
    if where is not None and exc.filename2 is not None:
        where = f"{where} -> {exc.filename2}"
    return one_line(f"wsoagen: error: {where}: {what}" if where is not None else f"wsoagen: error: {what}")


def internal_error(exc: BaseException, show_traceback: bool) -> str:
    """The lines for an unexpected exception: one asking for a bug report, the traceback if asked."""
    said = one_line(exc)[:300]
    line = (f"wsoagen: internal error: {type(exc).__name__}: {said} -- this is a bug in wsoagen, not in your plan: "
            f"please report it at {_issues_url()} with the command you ran"
            + ("" if show_traceback else f" (run it with -v or {TRACEBACK_ENV}=1 to see the traceback)"))
    if show_traceback:
        return "".join(traceback.format_exception(exc)) + line
    return line


def wants_traceback(verbosity: int | None) -> bool:
    return (verbosity or 0) > 0 or os.environ.get(TRACEBACK_ENV, "") not in ("", "0")


def _issues_url() -> str:
    try:
        from importlib.metadata import metadata

        for entry in metadata("wsoagen").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() in ("issues", "bug tracker"):
                return url.strip()
    except Exception:  # no metadata (run from a checkout): the generic words will do
        pass
    return "the wsoagen issue tracker"
