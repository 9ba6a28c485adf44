"""The rules of the data stage: those that need the validated plan and an as-at date, or git.

In: a validated `Plan`, the date statuses are judged at, the files as read (for positions) and
the run's `PreviousPlans`. Out: problems at their place, like the plan-stage rules
(`wsoagen.plan.rules`), whose protocol these follow: `ID`, `LEVEL`, `CONFIGURABLE`,
`DESCRIPTION`, `check(context)`. `DATA_RULES` lists them; `wsoagen.check` runs them after the
plan stage, for `validate` and `build` alike.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from wsoagen.data.changes import previous_plan
from wsoagen.data.status import MilestoneState, milestone_states
from wsoagen.diagnostics import UsageError
from wsoagen.plan.model import Plan, Previous
from wsoagen.plan.rules import Problem, Rule
from wsoagen.plan.rules.sources import Sources


class PreviousPlans:
    """The plans as they were at the revisions or dates reports compare with, read from git once
    per run: the `report-previous` rule reads them, the build reuses them."""

    def __init__(self) -> None:
        self._read: dict[tuple[Path, str | None, date | None], tuple[Plan, str] | UsageError] = {}

    def get(self, folder: Path, previous: Previous) -> tuple[Plan, str]:
        """The plan then and that commit ("a1b2c3d (2019-11-15)"); UsageError if it cannot be read."""
        key = (folder.resolve(), previous.revision, previous.date)
        if key not in self._read:
            try:
                self._read[key] = previous_plan(folder, revision=previous.revision, before=previous.date)
            except UsageError as exc:  # also a plan with errors then: previous_plan words it
                self._read[key] = exc
        found = self._read[key]
        if isinstance(found, UsageError):
            raise found
        return found


@dataclass
class Context:
    """What the data-stage rules read."""

    plan: Plan
    as_at: date
    sources: Sources
    previous: PreviousPlans = field(default_factory=PreviousPlans)

    @cached_property
    def states(self) -> list[MilestoneState]:
        """Every milestone's status as at the date, worked out once for all the rules."""
        return milestone_states(self.plan, self.as_at)


def _at(state: MilestoneState, message: str) -> Problem:
    path, line, col = state.milestone.where
    return Problem(path, (line, col), message)


class CompleteWithoutDate:
    ID = "complete-without-date"
    LEVEL = "warning"
    CONFIGURABLE = True
    DESCRIPTION = "a milestone complete as at the date says when it was completed (`status_date`)"

    @staticmethod
    def check(context: Context) -> Iterator[Problem]:
        for state in context.states:
            if state.complete and state.status_date is None:
                yield _at(state, f"a milestone of {_action(state)} is {state.status.label} (complete) "
                                 "but has no `status_date`: say when it was completed")


def _action(state: MilestoneState) -> str:
    """"action 1.1a"; "action 2 of recommendation 1" for an action without a ref."""
    return f"action {state.action_ref}" if state.action_ref else state.action_name


class OnTrackOverdue:
    ID = "on-track-overdue"
    LEVEL = "warning"
    CONFIGURABLE = True
    DESCRIPTION = 'a milestone "on track" as at the date is not past its deadline'

    @staticmethod
    def check(context: Context) -> Iterator[Problem]:
        for state in context.states:
            if state.overdue and state.status and state.status.on_track:
                yield _at(state, f"a milestone of {_action(state)} is {state.status.label} ({state.status.meaning}) "
                                 f"but its deadline {state.milestone.deadline.text} has passed")


class ReportPrevious:
    ID = "report-previous"
    LEVEL = "error"
    CONFIGURABLE = False
    DESCRIPTION = "a report's `previous:` revision or date names a commit at which the plan was valid"

    @staticmethod
    def check(context: Context) -> Iterator[Problem]:
        for src in context.sources.reports:
            raw = src.data.get("previous") if isinstance(src.data, dict) else None
            try:
                previous = Previous.model_validate(raw)
            except ValidationError:  # not a set of keys and values: the schema's to report
                continue
            if previous.revision is None and previous.date is None:
                continue  # an earlier report in reports/ alone needs no git (`previous-report` checks it)
            try:
                context.previous.get(context.sources.folder, previous)
            except UsageError as exc:
                given = [k for k in ("revision", "date") if getattr(previous, k) is not None]
                path = ("previous", given[0]) if len(given) == 1 else ("previous",)
                yield Problem(src.display, src.positions.of(path, key=len(given) != 1), f"cannot work out what changed: {exc}")


DATA_RULES: list[Rule] = [CompleteWithoutDate, OnTrackOverdue, ReportPrevious]
