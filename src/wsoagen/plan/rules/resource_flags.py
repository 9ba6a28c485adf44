"""resource-flags: every resource flag on an action or milestone is one the plan declares."""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, text

ID = "resource-flags"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "every `resource` flag is one of the plan's `resource_flags` (AR and ER if it declares none)"


def check(sources: Sources) -> Iterator[Problem]:
    flags = sources.declared.flags
    holders = [(src, path, node) for src, path, node, _ in sources.actions()]
    holders += [(src, path, node) for src, path, node, _ in sources.milestones()]
    for src, path, node in holders:
        if (code := text(node, "resource")) and code not in flags:
            yield problem(src, path + ("resource",),
                          f'unknown resource flag "{code}"{did_you_mean(code, flags)} (this plan\'s flags are: {", ".join(flags)})')
