"""A workstream file: one area (weakness, area for priority action, recommendation, ...), its
sponsors, delivery partners, outcomes with impact, actions with refs, owners, due dates and
resource flags, milestones with deadlines and statuses, and the plan's own labelled fields.

The outcome layer is optional: actions written directly under an area are held, once
validated, in one outcome without ref or text (`Outcome.bare`), so that everything reading
`outcomes` sees them; templates leave a bare outcome's cell out.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    PrivateAttr,
    model_validator,
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


OwnFields = dict[Text, Markdown]
"""The plan's own labelled fields, by label as declared in plan.yaml `own_fields`."""


class Action(Strict):
    """An action ("implementation"): what will be done."""

    ref: Ref | None = None
    """Reference as printed, e.g. 1.1a (or the outcome's ref when it has one action); leave it
    out where the plan does not number its actions."""
    text: Markdown
    """What will be done (Markdown; bullets welcome)."""
    resource: Text | None = None
    """Resource flag, e.g. AR or ER."""
    due: FuzzyDate | None = None
    """When the action as a whole is due, as written ("March 2024", "Summer 2024")."""
    lead: Id | None = None
    """Id of the action lead."""
    officers: list[Id] = []
    """Ids of the responsible officers, where an action has several."""
    sro: Id | None = None
    """Id of the senior responsible officer (SRO)."""
    accountable: Id | None = None
    """Id of the accountable officer."""
    fields: OwnFields = {}
    """The plan's own labelled fields for this action, e.g. `Where are we now: ...`."""
    success_criteria: list[Markdown] = []
    """How we will know it worked."""
    updates: list[Update] = []
    """Dated progress updates, oldest first."""
    milestones: list[Milestone] = []
    """The key milestones, in order."""


class Outcome(Strict):
    """An outcome ("what we intend to achieve") with its impact statements and actions."""

    ref: Ref | None = None
    """Reference, e.g. 1.1."""
    text: Markdown | None = None
    """The outcome statement (Markdown)."""
    impact: list[Annotated[Impact, BeforeValidator(_impact)]] = []
    """Impact statements: plain text, or `text` with `metrics` ids."""
    fields: OwnFields = {}
    """The plan's own labelled fields for this outcome."""
    actions: list[Action] = []
    """The actions that deliver it."""

    @property
    def bare(self) -> bool:
        """True for the outcome that holds actions written directly under their area."""
        return self.text is None and self.ref is None and not self.impact and not self.fields


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
    """A workstream file: one area (of significant weakness, for priority action, for improvement,
    a recommendation, a priority) and the plan to address it."""

    number: Annotated[int, Field(ge=1, le=99)]
    """Workstream number: the area's order, and the start of its outcome refs."""
    ref: Annotated[str, Field(pattern=r"^[A-Z]$")] | None = None
    """The area's letter where the plan letters its areas (A, B, ...); documents print it instead of the number."""
    title: Text | None = None
    """The workstream's title; leave it out where the plan names an area only by its number ("Recommendation 1")."""
    sponsors: list[Id] = []
    """Ids of the senior accountable sponsor(s)."""
    delivery_partners: list[DeliveryPartner] = []
    """People, organisations and groups delivering it."""
    weakness: Markdown
    """The inspectors' words, verbatim, without quotation marks: the weakness, area for priority
    action, area for improvement or recommendation."""
    fields: OwnFields = {}
    """The plan's own labelled fields for this area."""
    outcomes: list[Outcome] = []
    """The outcomes, in order."""
    actions: list[Action] = []
    """Actions directly under the area, for plans without outcomes (held in a bare outcome once validated)."""
    updates: list[Update] = []
    """Dated progress updates on the area as a whole, oldest first."""

    @model_validator(mode="after")
    def _hold_direct_actions(self) -> Workstream:
        if self.actions:
            self.outcomes = [*self.outcomes, Outcome(actions=self.actions)]
            self.actions = []
        return self

    @property
    def label(self) -> str:
        """The area's number or letter as printed."""
        return self.ref or str(self.number)
