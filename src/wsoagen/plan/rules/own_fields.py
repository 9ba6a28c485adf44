"""own-fields: every label written under `fields:` is one plan.yaml `own_fields` declares, on a
node it is declared for (an area, an outcome or an action).

A plan's own labelled fields ("Where are we now", "The difference this will make") are declared
once in plan.yaml so that a misspelt label is caught here rather than printed as a new field.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan import model as m
from wsoagen.plan.load import LoadedFile
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import PLAN_FILE, Path_, Sources, items, problem, text

ID = "own-fields"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "each label under `fields:` is declared in plan.yaml's `own_fields` for that kind of node (area, outcome, action)"


def declared(sources: Sources) -> dict[str, list[str]]:
    """Declared labels and where each may be written."""
    out: dict[str, list[str]] = {}
    for _, field in items(sources.plan_data, "own_fields"):
        if label := text(field, "label"):
            on = field.get("on")
            out[label] = [str(x) for x in on] if isinstance(on, list) else list(m.OwnField.model_fields["on"].default)
    return out


def check(sources: Sources) -> Iterator[Problem]:
    if sources.plan is None:
        return
    labels = declared(sources)
    for src in sources.workstreams:
        yield from _node(src, (), src.data, "area", labels)
        for oi, outcome in items(src.data, "outcomes"):
            yield from _node(src, ("outcomes", oi), outcome, "outcome", labels)
    for src, apath, action, _ in sources.actions():
        yield from _node(src, apath, action, "action", labels)


def _node(src: LoadedFile, path: Path_, node: Any, level: str, labels: dict[str, list[str]]) -> Iterator[Problem]:
    fields = node.get("fields") if isinstance(node, dict) else None
    if not isinstance(fields, dict):
        return
    for label in fields:
        where = path + ("fields", label)
        if label not in labels:
            hint = did_you_mean(label, labels)
            yield problem(src, where, f'"{label}" is not one of this plan\'s own fields{hint}'
                          + ("" if hint else f" (declare it under `own_fields` in {PLAN_FILE})"), key=True)
        elif level not in labels[label]:
            yield problem(src, where, f'"{label}" is declared for {_join(labels[label])}, not for an {level}'
                          f" (add {level} to its `on` in {PLAN_FILE})", key=True)


def _join(levels: list[str]) -> str:
    words = [f"an {x}" if x[0] in "aeiou" else f"a {x}" for x in levels]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
