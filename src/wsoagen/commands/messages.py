"""Diagnostics and counts as the console shows them, and the exit codes every command returns.

In: `Diagnostics` and counts. Out: lines on stderr (`path:line:col: level: message`, or GitHub
Actions annotations) and exit codes: 0 success, 1 the plan or data has errors, 2 usage or I/O.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from wsoagen.diagnostics import Diagnostics

EXIT_OK, EXIT_PLAN, EXIT_USAGE = 0, 1, 2


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
