"""action-owner: each action names who leads it or who is accountable for it."""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, action_label, problem, text, texts

ID = "action-owner"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = "each action names a `lead`, `officers`, an `sro` or an `accountable` person"


def check(sources: Sources) -> Iterator[Problem]:
    for src, apath, action, _ in sources.actions():
        if not any(text(action, key) for key in ("lead", "sro", "accountable")) and not texts(action, "officers"):
            yield problem(src, apath + ("ref",), f"{action_label(action)} has no owner: add `lead`, `officers`, `sro` or `accountable` (person ids)")
