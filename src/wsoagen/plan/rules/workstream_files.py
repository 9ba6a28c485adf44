"""workstream-files: a plan has at least one workstream file."""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources

ID = "workstream-files"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = "the plan's `workstreams/` folder holds at least one workstream file"

WORKSTREAM_DIR = "workstreams"


def check(sources: Sources) -> Iterator[Problem]:
    if not sources.workstream_paths:
        yield Problem(str(sources.folder / WORKSTREAM_DIR), (0, 0), "this plan has no workstream files yet")
