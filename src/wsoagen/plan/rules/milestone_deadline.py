"""milestone-deadline: each milestone says when it is due."""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, action_label, problem

ID = "milestone-deadline"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = "each milestone has a `deadline`"


def check(sources: Sources) -> Iterator[Problem]:
    for src, mpath, ms, action in sources.milestones():
        if ms.get("deadline") is None:
            yield problem(src, mpath, f"a milestone of {action_label(action)} has no deadline")
