"""duplicate-ids: each id declared in plan.yaml is declared once."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, items, problem, text

ID = "duplicate-ids"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "organisation, person, metric, risk and status ids and resource codes in plan.yaml are unique"

# (where the list is, the key that must be unique, what to call it)
LISTS = [
    (("organisations",), "id", "organisation id"),
    (("people",), "id", "person id"),
    (("metrics",), "id", "metric id"),
    (("risks",), "id", "risk id"),
    (("status_scheme", "statuses"), "id", "status id"),
    (("resource_flags",), "code", "resource code"),
]


def check(sources: Sources) -> Iterator[Problem]:
    src = sources.plan
    if src is None:
        return
    for base, attr, what in LISTS:
        node: Any = sources.plan_data
        for step in base[:-1]:
            node = node.get(step) if isinstance(node, dict) else None
        seen: dict[str, int] = {}
        for i, item in items(node, base[-1]):
            key = text(item, attr)
            if key is None:
                continue
            if key in seen:
                line = src.positions.of(base + (seen[key], attr))[0]
                yield problem(src, base + (i, attr), f'duplicate {what} "{key}" (first on line {line})')
            else:
                seen[key] = i
