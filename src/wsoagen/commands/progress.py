"""Turn the steps of a command into what a person at a terminal, or a CI log, should see.

Three audiences, one `Reporter`:
- a person at a terminal (stderr is a terminal and `CI` is not set): a transient `rich` display,
  one line per plan with a spinner and the time taken so far, gone when the command ends;
- a log (stderr redirected, or CI): plain lines, `wsoagen: building plans/peterborough ...`;
- `--quiet`: nothing but errors and the final summary line; `--verbose`: the time each step took.
Everything goes to stderr; stdout is left to the command's results (`wrote PATH`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

QUIET, NORMAL, VERBOSE = -1, 0, 1


def in_ci() -> bool:
    """True when a CI service runs us (they set `CI`, GitHub Actions to "true")."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def interactive(stream: TextIO | None = None) -> bool:
    """Is `stream` (default stderr) a terminal a person is watching, rather than a log?"""
    stream = stream if stream is not None else sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and not in_ci() and os.environ.get("TERM") != "dumb"


def make_console() -> Any:
    """The rich console of the live display (tests replace it with one that acts as a terminal)."""
    from rich.console import Console

    return Console(file=sys.stderr)


def seconds(elapsed: float) -> str:
    return f"{elapsed:.2f} s"


class Reporter:
    """Progress and timings for one command run; a context manager around the whole run."""

    def __init__(self, verbosity: int = NORMAL, fancy: bool | None = None):
        self.verbosity = verbosity
        self.fancy = (interactive() if fancy is None else fancy) and verbosity > QUIET
        self._progress: Any = None
        self._started = time.perf_counter()

    # ------------------------------------------------------------ the whole run

    def __enter__(self) -> Reporter:
        if self.fancy:
            from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

            console = make_console()
            # Lines printed to stderr while the display runs appear above it. stdout is routed
            # the same way only when it is the same terminal: a redirected stdout stays clean.
            self._progress = Progress(
                SpinnerColumn(finished_text=" "),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=console,
                transient=True,
                redirect_stdout=_isatty(sys.stdout),
                redirect_stderr=True,
            )
            self._progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)
            self._progress = None

    @property
    def stdout_is_shown_elsewhere(self) -> bool:
        """True when the summary on the terminal says what `wrote` lines would repeat."""
        return self.fancy and _isatty(sys.stdout)

    # ------------------------------------------------------------ messages

    def say(self, message: str) -> None:
        """A plain progress line for logs (not shown at a terminal nor with --quiet)."""
        if not self.fancy and self.verbosity > QUIET:
            self.emit(f"wsoagen: {message}")

    def note(self, message: str) -> None:
        """A line shown unless --quiet (summaries)."""
        if self.verbosity > QUIET:
            self.emit(f"wsoagen: {message}")

    def detail(self, message: str) -> None:
        """A line shown only with --verbose (timings)."""
        if self.verbosity >= VERBOSE:
            self.emit(f"wsoagen: {message}")

    def emit(self, text: str) -> None:
        """One line to stderr as it is: above the live display, never re-wrapped."""
        if self._progress is not None:
            from rich.text import Text

            self._progress.console.print(Text(text), soft_wrap=True)
        else:
            print(text, file=sys.stderr, flush=True)

    # ------------------------------------------------------------ steps

    @contextmanager
    def step(self, doing: str, target: object, *, announce: bool = True, keep: bool = True) -> Iterator[Step]:
        """One step for one target (`building plans/x`): shown while it runs, timed.

        `announce`: print a plain line for logs; `keep`: leave the finished step on the display.
        """
        step = Step()
        task = None
        if self._progress is not None:
            task = self._progress.add_task(f"{doing} {target}", total=None)
        elif announce:
            self.say(f"{doing} {target} ...")
        try:
            yield step
        finally:
            step.elapsed = time.perf_counter() - step.started
            if task is not None and not keep:
                self._progress.remove_task(task)
            elif task is not None:
                self._progress.update(task, description=f"{step.outcome or 'done'}: {target}", total=1, completed=1)
                self._progress.stop_task(task)

    def total(self) -> None:
        self.detail(f"total {seconds(time.perf_counter() - self._started)}")


class Step:
    """What a running step knows: when it started, and (after) how long it took and how it ended."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.elapsed = 0.0
        self.outcome = ""


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
