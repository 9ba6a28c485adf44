"""previous-report: a report's `previous:` names what it compares with, and an earlier report it
names is in `reports/`.

`previous: report:` names the report by its meeting date and board (`2020-01-21-send-executive-board`,
the name its documents carry) or by its meeting date (`2020-01-21`); that report must be another,
earlier one. `previous:` with none of `report`, `revision` or `date` names nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan.load import LoadedFile
from wsoagen.plan.model.fields import _parse_day
from wsoagen.plan.model.report import report_name
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, text

ID = "previous-report"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "a report's `previous:` names an earlier report in `reports/` (or a git revision or date)"


def _meeting(data: Any) -> tuple[date, str] | None:
    """A report's meeting date and board, if both are readable (else the schema reports them)."""
    board = text(data, "board")
    try:
        day = _parse_day(data.get("meeting")) if isinstance(data, dict) else None
    except ValueError:
        return None
    return (day, board) if day and board else None


def check(sources: Sources) -> Iterator[Problem]:
    reports = [(src, m) for src in sources.reports if (m := _meeting(src.data))]
    for src in sources.reports:
        previous = src.data.get("previous") if isinstance(src.data, dict) else None
        if not isinstance(previous, dict):
            continue
        if not any(previous.get(k) is not None for k in ("report", "revision", "date")):
            yield problem(src, ("previous",), "`previous:` names nothing: give the earlier report (`report:`), "
                                               "or the git `revision:` or `date:` of the plan then", key=True)
        elif (name := text(previous, "report")) and (found := _named(src, name, reports)):
            yield found


def _named(src: LoadedFile, name: str, reports: list[tuple[LoadedFile, tuple[date, str]]]) -> Problem | None:
    """What is wrong with `previous: report: name` in `src`, if anything."""
    names = {report_name(day, board): (other, day) for other, (day, board) in reports}
    matches = [(other, day) for n, (other, day) in names.items() if name in (n, day.isoformat())]
    where = ("previous", "report")
    if not matches:
        hint = did_you_mean(name, list(names)) or f" (the reports are {', '.join(sorted(names))})"
        return problem(src, where, f'there is no report "{name}" in reports/{hint}')
    if len(matches) > 1:
        return problem(src, where, f'two reports have their meeting on {name}: name one with its board, e.g. '
                                   f'"{sorted(n for n, (_, d) in names.items() if d.isoformat() == name)[0]}"')
    other, day = matches[0]
    this = _meeting(src.data)
    if other is src:
        return problem(src, where, "a report cannot compare with itself: name the report before it")
    if this and day >= this[0]:
        return problem(src, where, f'"{name}" is not an earlier report: its meeting is on {day.isoformat()}, '
                                   f"this report's on {this[0].isoformat()}")
    return None
