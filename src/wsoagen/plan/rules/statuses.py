"""statuses: every status written on an action, milestone or update is in the plan's scheme.

Matched by id or label, ignoring case ("Blue" is `blue`); in a percentage scheme, 0% to 100%
(`plan.statuses` decides).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan.load import LoadedFile
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Path_, Sources, items, problem, text

ID = "statuses"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "every status is one of the plan's `status_scheme` (BRAG if it declares none)"


def check(sources: Sources) -> Iterator[Problem]:
    places: list[tuple[LoadedFile, Path_, Any]] = []
    for src, apath, action, _ in sources.actions():
        places += [(src, apath + ("updates", ui), update) for ui, update in items(action, "updates")]
    for src, mpath, ms, _ in sources.milestones():
        places.append((src, mpath, ms))
        places += [(src, mpath + ("updates", ui), update) for ui, update in items(ms, "updates")]
    for src, path, holder in places:
        if (word := text(holder, "status")) and (found := _unknown(sources, src, path + ("status",), word)):
            yield found


def _unknown(sources: Sources, src: LoadedFile, path: Path_, word: str) -> Problem | None:
    scheme = sources.declared.statuses
    if scheme.canonical(word) is not None:
        return None
    if scheme.percent:
        return problem(src, path, f'status "{word}" should be a percentage from 0% to 100%')
    words = [w.lower() for s in scheme.declared for w in (s.id, s.label)]
    return problem(src, path, f'unknown status "{word}"{did_you_mean(word.lower(), words)} '
                              f'(this plan\'s statuses are: {", ".join(s.id for s in scheme.declared)})')
