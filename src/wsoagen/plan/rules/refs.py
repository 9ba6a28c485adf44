"""refs: workstream numbers and outcome and action refs are unique and fit their parents.

Outcome refs start with their workstream's number (1.1, 1.2 in workstream 1), or its letter
where it has one (A.1 in area A); action refs are
their outcome's ref, or it with a letter (1.1, 1.1a). No workstream number, outcome ref or
action ref is used twice, across all the workstream files.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wsoagen.plan.load import LoadedFile
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Path_, Sources, problem, ref

ID = "refs"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "workstream numbers and outcome and action refs are unique, and each ref fits its workstream or outcome"


def check(sources: Sources) -> Iterator[Problem]:
    yield from _numbers(sources)
    claims = _Claims()
    for src, opath, outcome in sources.outcomes():
        number = _label(src)
        if (oref := ref(outcome)) is None:
            continue
        if number is not None and not re.fullmatch(rf"{re.escape(number)}\.\d+", oref):
            yield problem(src, opath + ("ref",), f'outcome ref "{oref}" does not fit workstream {number}: write it as {number}.1, {number}.2, ...')
        yield from claims.claim("outcome", oref, src, opath + ("ref",))
    for src, apath, action, oref in sources.actions():
        if (aref := ref(action)) is None:
            continue
        if oref and not re.fullmatch(re.escape(oref) + r"[a-z]?", aref):
            yield problem(src, apath + ("ref",),
                          f'action ref "{aref}" does not fit its outcome "{oref}": write it as "{oref}" or "{oref}" with a letter, e.g. "{oref}a"')
        yield from claims.claim("action", aref, src, apath + ("ref",))


def _label(src: LoadedFile) -> str | None:
    """The area's letter (`ref: A`) if it has one, else its number, as outcome refs start."""
    letter = src.data.get("ref") if isinstance(src.data, dict) else None
    if isinstance(letter, str) and letter:
        return letter
    number = _number(src)
    return None if number is None else str(number)


def _number(src: LoadedFile) -> int | None:
    number = src.data.get("number") if isinstance(src.data, dict) else None
    return number if isinstance(number, int) and not isinstance(number, bool) else None


def _numbers(sources: Sources) -> Iterator[Problem]:
    first: dict[int, LoadedFile] = {}
    for src in sources.workstreams:
        if (number := _number(src)) is None:
            continue
        if number in first:
            yield problem(src, ("number",), f"workstream number {number} is also used by {first[number].display}")
        else:
            first[number] = src


class _Claims:
    """The first place each outcome and action ref is used."""

    def __init__(self) -> None:
        self.first: dict[tuple[str, str], tuple[LoadedFile, int]] = {}

    def claim(self, what: str, ref: str, src: LoadedFile, path: Path_) -> Iterator[Problem]:
        pos = src.positions.of(path)
        if (what, ref) not in self.first:
            self.first[(what, ref)] = (src, pos[0])
            return
        other, line = self.first[(what, ref)]
        where = f"line {line}" if other is src else f"{other.display} line {line}"
        yield Problem(src.display, pos, f'duplicate {what} ref "{ref}" (also on {where})')
