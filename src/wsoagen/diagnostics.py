"""Turn problems found anywhere in a plan into messages a council officer can act on.

A `Diagnostic` is one problem at one place (`path:line:col: error|warning: message [rule-id]`,
the id naming the rule that found it: see `wsoagen.plan.rules`); `Diagnostics` collects them
so every problem in every file is reported in one run.
`PlanError` is the one exception type that carries diagnostics up to the command line.
Values quoted in messages come from untrusted files: `printable` shows control characters (an
ESC that would drive the terminal, a carriage return that would overwrite the line) and bidi
overrides (which reorder what a reviewer reads) as visible escapes, such as `\x1b` and `\u202e`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

Level = Literal["error", "warning"]

# C0 controls but tab and newline, DEL, C1 controls, bidi embeddings, overrides and isolates,
# and the Unicode line and paragraph separators.
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with every character that would act on a terminal or reorder a line shown as an escape."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}", text)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place. Lines and columns count from 1; 0 means "the whole file".

    `rule` is the id of the rule that found it (`action-owner`), None for problems that are no
    rule's, such as a template that fails while rendering. It is not part of the identity: the
    same message at the same place is one problem.
    """

    path: str
    line: int
    col: int
    level: Level
    message: str
    rule: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        # The id ends the first line: a message with a source excerpt under it keeps the caret last.
        first, nl, rest = printable(self.message).partition("\n")
        tag = f" [{self.rule}]" if self.rule else ""
        return f"{self.where()}: {self.level}: {first}{tag}{nl}{rest}"

    def where(self) -> str:
        """`path:line:col`; `path:line` for a whole line (col 0); `path` for a whole file or folder (line 0)."""
        path = printable(self.path)
        if not self.line:
            return path
        return f"{path}:{self.line}:{self.col}" if self.col else f"{path}:{self.line}"

    def github(self) -> str:
        """The same problem as a GitHub Actions annotation; the rule id is its title."""
        kind = "error" if self.level == "error" else "warning"
        msg = printable(self.message).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        title = f",title={self.rule}" if self.rule else ""
        place = (f",line={self.line}" + (f",col={self.col}" if self.col else "")) if self.line else ""
        return f"::{kind} file={printable(self.path)}{place}{title}::{msg}"


@dataclass
class Diagnostics:
    """Every diagnostic of a run, in the order found."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, path: str | Path, line: int, col: int, level: Level, message: str, rule: str | None = None) -> None:
        self.items.append(Diagnostic(str(path), line, col, level, message, rule))

    def error(self, path: str | Path, pos: tuple[int, int], message: str, rule: str | None = None) -> None:
        self.add(path, pos[0], pos[1], "error", message, rule)

    def warning(self, path: str | Path, pos: tuple[int, int], message: str, rule: str | None = None) -> None:
        self.add(path, pos[0], pos[1], "warning", message, rule)

    def extend(self, other: Iterable[Diagnostic]) -> None:
        self.items.extend(other)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level == "warning"]

    def sorted(self) -> list[Diagnostic]:
        """By file, then position: how a reviewer reads them."""
        return sorted(dict.fromkeys(self.items))

    def summary(self) -> str:
        e, w = len(self.errors), len(self.warnings)
        return f"{e} error{'s' if e != 1 else ''}, {w} warning{'s' if w != 1 else ''}"


class PlanError(Exception):
    """The plan or its data has errors; `diagnostics` says where."""

    def __init__(self, diagnostics: Diagnostics):
        super().__init__(diagnostics.summary())
        self.diagnostics = diagnostics

    def __reduce__(self):  # rebuilt from its diagnostics when it crosses from a worker process
        return type(self), (self.diagnostics,)


class UsageError(Exception):
    """The command was asked for something it cannot do (missing folder, bad option, I/O)."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """': did you mean "x"?' for the closest choice, or ''."""
    match = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f': did you mean "{match[0]}"?' if match else ""
