"""plan.yaml: the plan as a whole: local area, people, organisations, inspection, foreword,
status scheme, resource flags, metrics, risks, recommendations.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import (
    BeforeValidator,
    StringConstraints,
)

from wsoagen.plan.model.fields import Day, DayOrMonth, FuzzyDate, Id, Interval, Markdown, Strict, Text, as_text
from wsoagen.plan.model.kinds import KindId
from wsoagen.plan.model.metrics import DataPoint, Measure, Metric  # noqa: F401 (re-exported)

# ---------------------------------------------------------------- people and organisations


class Organisation(Strict):
    """An organisation of the local area: a partner, a provider, the parent carer forum."""

    id: Id
    """Short identifier used elsewhere in the plan, e.g. `family-voice`."""
    name: Text
    """The organisation's name as published."""
    kind: Literal["council", "health", "parent-carer-forum", "provider", "education", "other"] = "other"
    """What sort of organisation it is."""
    partner: bool = False
    """True for the statutory partners of the local area (council, NHS commissioners)."""
    description: Text | None = None
    """A few words that say who they are, e.g. "our local Parent Carer Forum"."""


class Person(Strict):
    """A named person: sponsor, delivery partner, action lead, signatory, contact."""

    id: Id
    """Short identifier used elsewhere in the plan, e.g. `wendi-ogle-welbourn`."""
    name: Text
    """Full name as published."""
    role: Text | None = None
    """Job title or role as published, e.g. "Head of SEN and Inclusion Services"."""
    organisation: Id | None = None
    """Id of their organisation, from `organisations`."""
    email: Text | None = None
    """Contact email, shown where the person is a report contact."""
    phone: Text | None = None
    """Contact telephone number."""


class Inspector(Strict):
    """One inspector, as named in the inspection report."""

    name: Text
    """Full name."""
    role: Text | None = None
    """E.g. HMI, Ofsted Inspector, CQC Inspector."""
    organisation: Text | None = None
    """Ofsted or CQC."""


class Inspection(Strict):
    """An inspection of the local area: who inspected, when, under which framework, with what outcome."""

    bodies: list[Text] = ["Ofsted", "CQC"]
    """Who inspected."""
    kind: Text = "SEND local area inspection"
    """What kind of inspection (inspection, revisit, area SEND inspection)."""
    framework: Literal["2016", "2023"] | None = None
    """The inspection framework: "2016" (local area SEND inspections, written statements of action)
    or "2023" (area SEND inspections, with an outcome). Taken from the plan's `kind` when omitted."""
    outcome: Literal["positive", "inconsistent", "widespread-failings"] | None = None
    """A 2023-framework inspection's outcome: `positive` (positive experiences and outcomes),
    `inconsistent` (inconsistent experiences and outcomes) or `widespread-failings` (widespread
    and/or systemic failings). Not for a 2016-framework inspection."""
    start: DayOrMonth
    """First day of the on-site inspection, or its month when that is all that is known ("March 2023")."""
    end: DayOrMonth | None = None
    """Last day of the on-site inspection."""
    report_published: DayOrMonth | None = None
    """The day (or month) the inspection report was published."""
    statement_due: Day | None = None
    """The day the written statement of action is due (WSOA only)."""
    inspectors: list[Inspector] = []
    """The inspectors, in the order the report names them."""


class Board(Strict):
    """A board or group in the plan's governance."""

    name: Text
    """The board's name."""
    role: Text | None = None
    """What it does for this plan."""
    reports_to: Text | None = None
    """Which board it reports to."""
    frequency: Text | None = None
    """How often it meets or receives reports, e.g. "bi-monthly"."""


class Foreword(Strict):
    """The foreword, signed by leaders of the local area."""

    text: Markdown
    """The foreword itself (Markdown)."""
    signatories: list[Id] = []
    """Ids of the people who sign it, from `people`."""


class Status(Strict):
    """One value of the plan's status scheme."""

    id: Id
    """What plan files write in `status`, e.g. `blue` (matched ignoring case; the label works too)."""
    label: Text
    """How documents show it, e.g. "Blue"."""
    meaning: Text
    """What it means, e.g. "complete"."""
    colour: Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")] = "#b1b4b6"
    """Fill colour for status cells (#rrggbb). Documents always show the words too."""
    complete: bool = False
    """True for the status that means the milestone is done (Blue in BRAG)."""
    on_track: bool = False
    """True for the status that claims the milestone is on track (Green in BRAG): warned when overdue."""


class StatusScheme(Strict):
    """How this plan rates progress: BRAG, RAG, percentages or its own words."""

    name: Text = "BRAG"
    """The scheme's name as documents show it."""
    statuses: list[Status] = []
    """The allowed statuses, in key order."""
    percent: bool = False
    """True if statuses are percentages complete ("75%"); 100% means complete."""


DEFAULT_STATUSES = [
    Status(id="blue", label="Blue", meaning="complete", colour="#1d70b8", complete=True),
    Status(id="green", label="Green", meaning="on track", colour="#00703c", on_track=True),
    Status(id="amber", label="Amber", meaning="behind schedule", colour="#ffbf47"),
    Status(id="red", label="Red", meaning="not started / at risk", colour="#d4351c"),
]


class ResourceFlag(Strict):
    """A resource code used in the "Resource required" column."""

    code: Annotated[str, BeforeValidator(as_text), StringConstraints(pattern=r"^[A-Z]{1,4}$")]
    """The code as written on actions, e.g. AR."""
    meaning: Text
    """What it means, e.g. "Additional resource is or may be required"."""


DEFAULT_RESOURCE_FLAGS = [
    ResourceFlag(code="AR", meaning="Additional resource is or may be required"),
    ResourceFlag(code="ER", meaning="Actions covered by existing resource"),
]


# ---------------------------------------------------------------- risks and recommendations


class Update(Strict):
    """A dated progress update."""

    date: FuzzyDate
    """When the update was written."""
    text: Markdown
    """What happened (Markdown)."""
    status: Text | None = None
    """The status recorded with this update, from the plan's scheme."""
    by: Id | None = None
    """Id of the person who wrote it, e.g. the action lead."""


class Risk(Strict):
    """A risk to delivery, with its mitigation."""

    id: Id
    """Short identifier."""
    description: Markdown
    """The risk."""
    likelihood: Literal["low", "medium", "high"] | None = None
    """How likely it is."""
    impact: Literal["low", "medium", "high"] | None = None
    """How bad it would be."""
    mitigation: Markdown | None = None
    """What is being done about it."""
    owner: Id | None = None
    """Id of the person who owns the risk."""
    workstream: int | None = None
    """Number of the workstream it threatens, if one."""


class Recommendation(Strict):
    """A recommendation (from scrutiny, a review or the inspectors) and what was done about it."""

    ref: Text
    """Its reference as given, e.g. "1." or "R3"."""
    text: Markdown
    """The recommendation."""
    source: Text | None = None
    """Who made it, e.g. "Children and Families Overview and Scrutiny Committee"."""
    owner: Id | None = None
    """Id of the person responsible."""
    updates: list[Update] = []
    """Progress updates, oldest first."""
    status: Text | None = None
    """Current status, e.g. Complete or Ongoing."""


# ---------------------------------------------------------------- the plan's own structure


class AreaName(Strict):
    """What this plan calls an area, where it differs from its kind's usual words."""

    singular: Text
    """Mid-sentence, e.g. "recommendation"."""
    plural: Text
    """E.g. "recommendations"."""


class OwnField(Strict):
    """A labelled field the council writes on its areas, outcomes or actions ("Where are we now")."""

    label: Text
    """The label exactly as the plan prints it and as workstream files write it under `fields:`."""
    on: list[Literal["area", "outcome", "action"]] = ["action"]
    """Where it may be written: on an area (the workstream file itself), an outcome or an action."""
    before: bool = False
    """True to print it before the action's (or outcome's) own text, e.g. "What we want" before "What we will do"."""


# ---------------------------------------------------------------- the plan file


class PlanFile(Strict):
    """plan.yaml: the plan as a whole. One per plan folder."""

    title: Text
    """The document's title, e.g. "Peterborough Special Educational Needs Written Statement of Action"."""
    kind: KindId = "wsoa"
    """What kind of plan this is: `wsoa` (written statement of action, 2016 framework),
    `priority-action-plan` or `improvement-plan` (2023 framework), `accelerated-progress-plan`, or
    `strategic-action-plan`. It decides the documents' wording and file names."""
    area_name: AreaName | None = None
    """What an area is called, where the plan's words differ from its kind's ("recommendation")."""
    layout: Literal["grid", "record"] = "grid"
    """How the action plan is laid out: `grid` (one table per area, the seven columns of a WSOA) or
    `record` (each action as a block of labelled fields, as on a council's web page)."""
    action_label: Text = "What we will do"
    """In the record layout, the label of an action's text."""
    own_fields: list[OwnField] = []
    """The plan's own labelled fields ("Where are we now", "The difference this will make"),
    declared once here and written under `fields:` on areas, outcomes or actions."""
    local_area: Text
    """The local area, e.g. Peterborough."""
    published: Text | None = None
    """The date printed on the cover, as written ("November 2019")."""
    version: Text = "1.0"
    """Document version."""
    source: Markdown | None = None
    """Where the content comes from, and its licence/attribution."""
    house_style: Id = "default"
    """Which house style (a folder under templates/) renders this plan's documents."""
    as_at: Day | None = None
    """The date this plan's documents report statuses and figures at, usually the day statuses were
    last brought up to date (`2020-01-14`). `wsoagen build --as-at` overrides it; with neither,
    documents are as at the day they are built."""
    stale_after: Interval = "3 months"
    """How long after the latest recorded status a document still calls the statuses current. Past
    it, documents say plainly when statuses were last updated, so that overdue milestones are not
    read as news."""
    organisations: list[Organisation] = []
    """The organisations named in the plan."""
    people: list[Person] = []
    """Everyone named in the plan, referred to elsewhere by id."""
    inspection: Inspection
    """The inspection that led to this plan."""
    foreword: Foreword | None = None
    """The foreword, signed by leaders."""
    introduction: Markdown | None = None
    """Introduction: the inspection and what it looked at (the weaknesses are listed from the workstreams)."""
    response: Markdown | None = None
    """How the area responded: coproduction, sharing, the workstreams."""
    governance: Markdown | None = None
    """Governance and accountability."""
    boards: list[Board] = []
    """The boards and groups in the governance structure."""
    status_scheme: StatusScheme = StatusScheme()
    """The status scheme; BRAG if omitted."""
    resource_flags: list[ResourceFlag] = []
    """The resource codes; AR and ER if omitted."""
    metrics: list[Metric] = []
    """Measures with baselines and targets that impact statements refer to."""
    risks: list[Risk] = []
    """Risks to delivery."""
    recommendations: list[Recommendation] = []
    """Recommendations being tracked."""
    rules: dict[str, Literal["off", "warning", "error"]] = {}
    """Validation rules switched off or set to another level, by id: `action-owner: off`. Only
    warnings can be changed; the rule ids are listed in wsoagen's README."""
