"""A plan's status scheme, resolved in one place for validation, status logic, charts and documents.

plan.yaml declares the scheme (`status_scheme`): its own statuses, BRAG when it declares none,
or percentages complete. `Statuses.of(plan_file)` (or `Statuses.of_yaml(...)` for plan.yaml as
read, before its schema is checked) answers every question about it:

- `canonical(word)`: the id a plan file's status word stands for, or None if the scheme has no
  such status. Declared statuses match by id or label ignoring case ("Blue" -> "blue"); in a
  percentage scheme only percentages from 0% to 100% count ("75 %" -> "75%").
- `resolve(id)`: the `Status` behind an id; percentages get a generated one (100% is complete),
  and `NOT_RATED` is the status of a milestone with none recorded.
- `label(id)`, `ordered(ids)`: how documents name statuses and in what order they list them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from wsoagen.plan.model import DEFAULT_STATUSES, PlanFile, Status

# Milestones with no status recorded are counted, charted and worded under this id and label.
NOT_RATED = "not-rated"
NOT_RATED_STATUS = Status.model_construct(id=NOT_RATED, label="Not rated", meaning="no status recorded yet",
                                          colour="#b1b4b6", complete=False, on_track=False)

_PERCENT = re.compile(r"(\d{1,3})\s*%")


class Statuses:
    """The statuses a plan may use: the declared ones in key order, and whether percentages count."""

    def __init__(self, declared: Sequence[Status], percent: bool = False):
        self.declared = tuple(declared)
        """The key: the plan's statuses, BRAG when it declares none (a percentage scheme may declare none)."""
        self.percent = percent
        self._by_id = {s.id: s for s in self.declared}
        self._by_word = {w.lower(): s.id for s in self.declared for w in (s.id, s.label) if w}

    @classmethod
    def of(cls, plan_file: PlanFile) -> Statuses:
        """The scheme plan.yaml declares."""
        scheme = plan_file.status_scheme
        return cls(scheme.statuses if scheme.statuses or scheme.percent else DEFAULT_STATUSES, scheme.percent)

    @classmethod
    def of_yaml(cls, scheme: Any) -> Statuses:
        """The scheme from plan.yaml's `status_scheme` as read, schema errors and all: only ids and labels
        count, and entries without an id are skipped (the schema check reports them)."""
        scheme = scheme if isinstance(scheme, dict) else {}
        entries = scheme.get("statuses")
        declared = [
            # Built without validation: only the words matter here, the rest is the schema check's.
            Status.model_construct(id=str(s["id"]), label=str(s.get("label") or s["id"]), meaning="")
            for s in (entries if isinstance(entries, list) else [])
            if isinstance(s, dict) and s.get("id")
        ]
        percent = scheme.get("percent") is True
        return cls(declared if declared or percent else DEFAULT_STATUSES, percent)

    def canonical(self, word: str) -> str | None:
        """The scheme's id for a status as a plan file writes it, or None if the scheme has no such status."""
        if self.percent:
            match = _PERCENT.fullmatch(word)
            return f"{int(match.group(1))}%" if match and int(match.group(1)) <= 100 else None
        return self._by_word.get(word.lower())

    def resolve(self, sid: str | None) -> Status | None:
        """The status for an id (or a plan file's word for it); None for no status or one outside the scheme."""
        if not sid:
            return None
        if sid == NOT_RATED:
            return NOT_RATED_STATUS
        cid = self.canonical(sid)
        if cid is None:
            return None
        return self._by_id.get(cid) or _percent_status(cid)

    def label(self, sid: str | None) -> str:
        """How documents name a status: its label, "Not rated" for none."""
        status = self.resolve(sid or NOT_RATED)
        return status.label if status else str(sid)

    def ordered(self, sids: Iterable[str]) -> list[str]:
        """Status ids in the order documents list them: the key, then percentages upwards, then not rated."""
        position = {s.id: i for i, s in enumerate(self.declared)}

        def key(sid: str) -> tuple[int, float, str]:
            if sid in position:
                return (0, position[sid], sid)
            if sid == NOT_RATED:
                return (3, 0, sid)
            match = _PERCENT.fullmatch(sid)
            return (1, int(match.group(1)), sid) if match else (2, 0, sid)

        return sorted(set(sids), key=key)


def _percent_status(sid: str) -> Status:
    """A generated status for a percentage ("75%"): 100% is complete."""
    done = sid == "100%"
    # Built without validation: "75%" is not an id a plan could declare, which is the point.
    return Status.model_construct(id=sid, label=sid, meaning="complete" if done else "in progress",
                                  colour="#1d70b8" if done else "#5694ca", complete=done, on_track=False)
