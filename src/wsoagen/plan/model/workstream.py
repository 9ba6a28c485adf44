"""A workstream file: the area's weakness, sponsors, delivery partners, outcomes with impact,
actions with refs and resource flags, milestones with deadlines and statuses.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
)

from wsoagen.plan.load import YamlFloat, YamlInt
from wsoagen.plan.model.fields import FuzzyDate, Id, Markdown, Ref, Strict, Text
from wsoagen.plan.model.plan_file import Update

# ---------------------------------------------------------------- a workstream file


class Impact(Strict):
    """An impact statement: what families will see, ideally measurable."""

    text: Markdown
    """The statement."""
    metrics: list[Id] = []
    """Ids of metrics (from plan.yaml `metrics`) that measure it."""


def _impact(value: Any) -> Any:
    return {"text": value} if isinstance(value, (str, YamlInt, YamlFloat)) else value


class Milestone(Strict):
    """A dated step of an action ("key milestone", "action tracker")."""

    text: Text
    """What will have happened."""
    deadline: FuzzyDate | None = None
    """When, as written: "Nov 2019", "From Feb 2020", "June 2020 to April 2021"."""
    status: Text | None = None
    """Current status from the plan's scheme, e.g. blue."""
    status_date: FuzzyDate | None = None
    """When that status was recorded, or the milestone completed."""
    resource: Text | None = None
    """Resource flag for this milestone, where it differs from its action's."""
    updates: list[Update] = []
    """Dated progress updates, oldest first."""
    _where: tuple[str, int, int] = PrivateAttr(default=("", 0, 0))
    # (file, line, column) of this milestone, set by validation for diagnostics after it.

    @property
    def where(self) -> tuple[str, int, int]:
        return self._where


class Action(Strict):
    """An action ("implementation"): what will be done."""

    ref: Ref
    """Reference as printed, e.g. 1.1a (or the outcome's ref when it has one action)."""
    text: Markdown
    """What will be done (Markdown; bullets welcome)."""
    resource: Text | None = None
    """Resource flag, e.g. AR or ER."""
    lead: Id | None = None
    """Id of the action lead."""
    accountable: Id | None = None
    """Id of the accountable officer."""
    success_criteria: list[Markdown] = []
    """How we will know it worked."""
    updates: list[Update] = []
    """Dated progress updates, oldest first."""
    milestones: list[Milestone] = []
    """The key milestones, in order."""


class Outcome(Strict):
    """An outcome ("what we intend to achieve") with its impact statements and actions."""

    ref: Ref
    """Reference, e.g. 1.1."""
    text: Markdown
    """The outcome statement (Markdown)."""
    impact: list[Annotated[Impact, BeforeValidator(_impact)]] = []
    """Impact statements: plain text, or `text` with `metrics` ids."""
    actions: list[Action] = []
    """The actions that deliver it."""


class DeliveryPartner(Strict):
    """One delivery partner: exactly one of `person`, `organisation` or `group`."""

    person: Id | None = None
    """Id of a person from plan.yaml `people`."""
    organisation: Id | None = None
    """Id of an organisation from plan.yaml `organisations`."""
    group: Text | None = None
    """A body or unnamed role, as free text."""
    role: Text | None = None
    """The person's role as this workstream words it, if different."""
    note: Text | None = None
    """Words shown after the name, e.g. "representative"."""


class Workstream(Strict):
    """A workstream file: one area of significant weakness and the plan to address it."""

    number: Annotated[int, Field(ge=1, le=99)]
    """Workstream number; outcome refs start with it."""
    title: Text
    """The workstream's title."""
    sponsors: list[Id] = []
    """Ids of the senior accountable sponsor(s)."""
    delivery_partners: list[DeliveryPartner] = []
    """People, organisations and groups delivering it."""
    weakness: Markdown
    """The inspectors' words, verbatim, without quotation marks."""
    outcomes: list[Outcome] = []
    """The outcomes, in order."""
