"""What the plan-stage rules read: the raw trees of a plan folder's files, and what plan.yaml declares.

The rules read the raw trees (dicts, lists, scalars with positions), not the models, so they
still run on a file that has schema errors elsewhere; a value of the wrong type is the schema's
to report, so the helpers here skip it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan import model as m
from wsoagen.plan.load import LoadedFile
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.statuses import Statuses

PLAN_FILE = "plan.yaml"
Path_ = tuple[Any, ...]


# ---------------------------------------------------------------- reading raw trees defensively


def items(node: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list `node[key]`."""
    value = node.get(key) if isinstance(node, dict) else None
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


_REF = re.compile(m.fields.REF_PATTERN)


def ref(node: Any) -> str | None:
    """The node's ref if it is well formed (a malformed one is the schema's to report)."""
    found = text(node, "ref")
    return found if found and _REF.match(found) else None


def action_label(action: Any) -> str:
    """How messages name an action: "action 1.1a", or "this action" if its ref is unreadable."""
    aref = ref(action)
    return f"action {aref}" if aref else "this action"


def text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    value = m.as_text(value)
    return value if isinstance(value, str) and value else None


def texts(node: Any, key: str) -> list[tuple[int, str]]:
    value = node.get(key) if isinstance(node, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, t) for i, v in enumerate(value) if isinstance(t := m.as_text(v), str) and t]


def strings(node: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """Every text value in a raw tree, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from strings(value, path + (i,))
    elif isinstance(node, str):
        yield path, node


def problem(src: LoadedFile, path: Path_, message: str, *, key: bool = False) -> Problem:
    """A problem at the value (or key) at `path` in `src`."""
    return Problem(src.display, src.positions.of(path, key=key), message)


# ---------------------------------------------------------------- what plan.yaml declares


def what_plural(what: str) -> str:
    return {"person": "people", "organisation": "organisations", "metric": "metrics"}.get(what, what + "s")


class Declared:
    """Lookups of what plan.yaml declares; with no readable plan.yaml, references go unchecked."""

    def __init__(self, src: LoadedFile | None):
        data = src.data if src and isinstance(src.data, dict) else None
        self.ok = data is not None
        self.people = [t for _, p in items(data, "people") if (t := text(p, "id"))]
        self.orgs = [t for _, o in items(data, "organisations") if (t := text(o, "id"))]
        self.metrics = [t for _, x in items(data, "metrics") if (t := text(x, "id"))]
        self.metric_units = {t: text(x, "unit") or "count" for _, x in items(data, "metrics") if (t := text(x, "id"))}
        self.risks = [t for _, r in items(data, "risks") if (t := text(r, "id"))]
        self.statuses = Statuses.of_yaml(data.get("status_scheme") if data else None)
        flags = [t for _, f in items(data, "resource_flags") if (t := text(f, "code"))]
        self.flags = flags or [f.code for f in m.DEFAULT_RESOURCE_FLAGS]

    def unknown(self, src: LoadedFile, path: Path_, what: str, value: str, known: list[str]) -> Problem | None:
        """`unknown person "x"` (with a hint) if `value` is not among `known`."""
        if not self.ok or value in known:
            return None
        hint = did_you_mean(value, known)
        where = "" if hint else f" (add it to `{what_plural(what)}` in {PLAN_FILE})"
        return problem(src, path, f'unknown {what} "{value}"{hint}{where}')


# ---------------------------------------------------------------- the plan stage's context


@dataclass
class Sources:
    """A plan folder's files as read: plan.yaml (None if unreadable), the workstream files and
    report files that could be read, and every workstream file's path (read or not)."""

    folder: Path
    plan: LoadedFile | None
    workstreams: list[LoadedFile] = field(default_factory=list)
    reports: list[LoadedFile] = field(default_factory=list)
    workstream_paths: list[Path] = field(default_factory=list)

    @cached_property
    def declared(self) -> Declared:
        return Declared(self.plan)

    @property
    def plan_data(self) -> dict[str, Any]:
        return self.plan.data if self.plan and isinstance(self.plan.data, dict) else {}

    def outcomes(self) -> Iterator[tuple[LoadedFile, Path_, dict[str, Any]]]:
        """(file, path, raw outcome) for each outcome of each workstream, in file order."""
        for src in self.workstreams:
            for oi, outcome in items(src.data, "outcomes"):
                yield src, ("outcomes", oi), outcome

    def actions(self) -> Iterator[tuple[LoadedFile, Path_, dict[str, Any], str | None]]:
        """(file, path, raw action, its outcome's ref) for each action, in file order; actions
        written directly under their area come after the outcomes', with no outcome ref."""
        for src in self.workstreams:
            for oi, outcome in items(src.data, "outcomes"):
                for ai, action in items(outcome, "actions"):
                    yield src, ("outcomes", oi, "actions", ai), action, ref(outcome)
            for ai, action in items(src.data, "actions"):
                yield src, ("actions", ai), action, None

    def milestones(self) -> Iterator[tuple[LoadedFile, Path_, dict[str, Any], dict[str, Any]]]:
        """(file, path, raw milestone, its raw action) for each milestone, in file order."""
        for src, apath, action, _ in self.actions():
            for mi, ms in items(action, "milestones"):
                yield src, apath + ("milestones", mi), ms, action

    @cached_property
    def outcome_refs(self) -> set[str]:
        """Every well-formed outcome ref in the workstream files."""
        return {r for _, _, outcome in self.outcomes() if (r := ref(outcome))}


def present(found: Iterable[Problem | None]) -> Iterator[Problem]:
    """The problems among `found`, dropping the Nones of lookups that found nothing wrong."""
    return (p for p in found if p is not None)
