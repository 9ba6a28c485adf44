"""workstream-sponsor: each workstream names a senior accountable sponsor."""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, texts

ID = "workstream-sponsor"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = "each workstream names its senior accountable sponsor(s) in `sponsors`"


def check(sources: Sources) -> Iterator[Problem]:
    for src in sources.workstreams:
        if isinstance(src.data, dict) and not texts(src.data, "sponsors") and "sponsors" not in src.data:
            yield problem(src, ("number",), "this workstream has no senior accountable sponsor", key=True)
