"""The plan schema: what a plan folder may hold, as pydantic v2 models.

In: plain trees from `load` (one `PlanFile` for plan.yaml, one `Workstream` per workstream file).
Out: validated objects; `Plan` joins them. Each field's docstring is its description in the
JSON Schema that editors use (`wsoagen schema`), so write them for the people editing YAML.
Rules that read more than one value (refs, people, statuses against the plan's scheme, safe
Markdown) live in `rules/`, one module each.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    StringConstraints,
    WithJsonSchema,
)

from wsoagen.plan.dates import When, parse_when
from wsoagen.plan.load import YamlFloat, YamlInt


def _as_text(value: Any) -> Any:
    """Numbers written where text is expected keep the author's digits (`1.10` -> "1.10")."""
    if isinstance(value, (YamlInt, YamlFloat)):
        return value.raw
    if isinstance(value, str):
        return value.strip()
    return value


Text = Annotated[str, BeforeValidator(_as_text), StringConstraints(min_length=1)]
"""Non-empty text. Markdown is allowed where the field says so."""

Id = Annotated[
    str,
    BeforeValidator(_as_text),
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60),
]
"""A short identifier: lowercase letters, digits and hyphens, e.g. `sheelagh-sullivan`."""

Ref = Annotated[str, BeforeValidator(_as_text), StringConstraints(pattern=r"^\d+(\.\d+)*[a-z]?$")]
"""A plan reference such as `1.1` (outcome) or `1.1a` (action)."""


def _parse_when(value: Any) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, (YamlInt, YamlFloat)):
        value = value.raw
    if not isinstance(value, str):
        raise ValueError("a date is needed here, e.g. \"Nov 2019\" or \"31 March 2024\"")
    return parse_when(value)


def _dump_when(value: When) -> dict[str, Any]:
    return {
        "text": value.text,
        "start": value.start.isoformat(),
        "end": value.end.isoformat() if value.end else None,
        "precision": value.precision,
        "kind": value.kind,
    }


FuzzyDate = Annotated[
    When,
    PlainValidator(_parse_when),
    PlainSerializer(_dump_when),
    WithJsonSchema(
        {
            "type": "string",
            "description": 'A date as people write it: "Nov 2019", "31 March 2024", "From Feb 2020", '
            '"Ongoing from March 2020", "June 2020 to April 2021", "2020-06".',
        }
    ),
]


def _parse_day(value: Any) -> date:
    when = _parse_when(value)
    if when.precision != "day" or when.kind != "by":
        raise ValueError(f'"{when.text}" is not a single day; write it like 2019-06-10 or 10 June 2019')
    return when.start


Day = Annotated[
    date,
    PlainValidator(_parse_day),
    PlainSerializer(lambda d: d.isoformat()),
    WithJsonSchema({"type": "string", "description": "A day: 2019-06-10 or 10 June 2019."}),
]


class MarkdownField:
    """Marks a field as Markdown; the `markdown` rule (plan/rules/markdown.py) checks its links and images."""


Markdown = Annotated[Text, MarkdownField()]
"""Text with Markdown: paragraphs, **bold**, *italic*, lists with `- `, links. Raw HTML is shown as text."""


class Strict(BaseModel):
    """Base for every plan object: unknown keys are errors, docstrings are descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=False)


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
    """The inspection that found the areas of significant weakness."""

    bodies: list[Text] = ["Ofsted", "CQC"]
    """Who inspected."""
    kind: Text = "SEND local area inspection"
    """What kind of inspection (inspection, revisit, area SEND inspection)."""
    start: Day
    """First day of the on-site inspection."""
    end: Day
    """Last day of the on-site inspection."""
    report_published: Day | None = None
    """The day the inspection report was published."""
    statement_due: Day | None = None
    """The day the written statement of action is due."""
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

    code: Annotated[str, BeforeValidator(_as_text), StringConstraints(pattern=r"^[A-Z]{1,4}$")]
    """The code as written on actions, e.g. AR."""
    meaning: Text
    """What it means, e.g. "Additional resource is or may be required"."""


DEFAULT_RESOURCE_FLAGS = [
    ResourceFlag(code="AR", meaning="Additional resource is or may be required"),
    ResourceFlag(code="ER", meaning="Actions covered by existing resource"),
]


# ---------------------------------------------------------------- metrics


class Measure(Strict):
    """A value of a metric at a date or for a period."""

    value: float
    """The number (a percentage as 39 for 39%)."""
    date: FuzzyDate | None = None
    """When it was measured or is due, e.g. "Jan 2019" or "April 2021"."""
    label: Text | None = None
    """Words for the period or benchmark, e.g. "academic year 21/22", "England average"."""


class DataPoint(BaseModel):
    """One actual value of a metric, read from a data file in the plan's `data/` folder."""

    model_config = ConfigDict(extra="forbid")

    date: FuzzyDate
    """When it was measured (a day or a month)."""
    value: float
    """The value."""
    note: str | None = None
    """A note from the data file."""
    source: str
    """Where it came from: file and row."""


class Metric(Strict):
    """A measure that evidences impact: baseline, target and the data that follows."""

    id: Id
    """Short identifier that impact statements and data files use, e.g. `ehcp-20-weeks`."""
    title: Text
    """What is measured, in plain words."""
    unit: Literal["%", "count", "days", "weeks", "months", "score"] = "count"
    """The unit of every value."""
    better: Literal["higher", "lower"] = "higher"
    """Which direction is better."""
    baseline: Measure | None = None
    """Where we started."""
    target: Measure | None = None
    """Where we promise to be, and by when."""
    interim_targets: list[Measure] = []
    """Milestone targets on the way."""
    source: Text | None = None
    """Where the data comes from."""
    evidences: list[Ref] = []
    """Refs of the outcomes this metric evidences, e.g. ["2.2"]."""
    illustrative: bool = False
    """True if the figures are made up for illustration (documents say so)."""


# ---------------------------------------------------------------- risks and recommendations


class Update(Strict):
    """A dated progress update."""

    date: FuzzyDate
    """When the update was written."""
    text: Markdown
    """What happened (Markdown)."""
    status: Text | None = None
    """The status recorded with this update, from the plan's scheme."""


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


# ---------------------------------------------------------------- the plan file


class PlanFile(Strict):
    """plan.yaml: the plan as a whole. One per plan folder."""

    title: Text
    """The document's title, e.g. "Peterborough Special Educational Needs Written Statement of Action"."""
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


# ---------------------------------------------------------------- a board report (reports/*.yaml)


class Purpose(Strict):
    """What the board is asked to do with the report (the executive summary's checkboxes)."""

    information: bool = False
    """For information."""
    discussion: bool = False
    """For discussion."""
    decision: bool = False
    """For decision."""


class WorkstreamProgress(Strict):
    """The narrative for one workstream: the three questions boards ask."""

    number: Annotated[int, Field(ge=1, le=99)]
    """Workstream number."""
    gone_well: Markdown | None = None
    """What has gone well? Cite figures as {evidence:metric-id} or {latest:metric-id}."""
    could_be_better: Markdown | None = None
    """What could be better?"""
    next: Markdown | None = None
    """What needs to happen next?"""
    metrics: list[Id] = []
    """Metrics whose evidence sentence and chart this section shows."""


class Section(Strict):
    """A further free section of a report."""

    title: Text
    """The section's heading."""
    body: Markdown
    """Its text (Markdown). Cite figures as {evidence:metric-id} or {latest:metric-id}."""


class Previous(Strict):
    """The previous report, for "what changed since": a git revision, or its date."""

    revision: Text | None = None
    """A git revision of the plan repository (hash, tag, HEAD~1)."""
    date: Day | None = None
    """The date of the previous report: the plan as last committed on or before that day."""


# How report narrative cites figures ({evidence:metric-id}, {latest:metric-id}), so that they
# always come from the data: validation checks the ids, documents put in the words.
CITATION = re.compile(r"\{(evidence|latest):([^}\s]*)\}")


class Report(Strict):
    """A progress report to a board, one file per meeting in the plan's `reports/` folder."""

    board: Text
    """The board or committee it goes to, e.g. "Health and Wellbeing Board"."""
    meeting: Day
    """Date of the meeting."""
    as_at: Day
    """Status and figures are reported as at this day."""
    title: Text = "SEND Written Statement of Action: progress update"
    """Title of the report."""
    house_style: Id | None = None
    """House style for this report (a folder under templates/); the plan's if omitted."""
    written_by: Text | None = None
    """Who wrote it, e.g. "Peterborough SEND Partnership"."""
    report_of: Text | None = None
    """Whose report it is (Sefton: "Report of"), e.g. "Director of Children's Services"."""
    authors: list[Id] = []
    """Ids of the authors."""
    contacts: list[Id] = []
    """Ids of the contact officers (name, role, email and phone are printed)."""
    board_lead: Id | None = None
    """Id of the board's lead for this item."""
    portfolio: Text | None = None
    """Cabinet portfolio (Sefton header)."""
    wards: Text = "All wards"
    """Wards affected."""
    key_decision: bool = False
    """Is this a key decision?"""
    forward_plan: bool = False
    """Included in the forward plan?"""
    exempt: bool = False
    """Exempt or confidential report?"""
    purpose: Purpose = Purpose(information=True)
    """Is this report for information, discussion or decision?"""
    why: Markdown | None = None
    """Why the report is being brought to the board."""
    summary: Markdown
    """Report summary."""
    recommendations: list[Markdown] = []
    """What the board is asked to do, one item each."""
    reasons: Markdown | None = None
    """Reasons for the recommendations."""
    alternative_options: Markdown | None = None
    """Alternative options considered and rejected."""
    costs: Markdown | None = None
    """What will it cost and how will it be financed?"""
    implications: Markdown | None = None
    """Implications of the proposals (legal, financial, equality ...)."""
    consultations: Markdown | None = None
    """Consultations and engagement."""
    background: Markdown | None = None
    """Introduction and background."""
    previous: Previous | None = None
    """The previous report, to list what changed since."""
    next_meeting: Day | None = None
    """Date of the next meeting: the report lists milestones due before it."""
    workstreams: list[WorkstreamProgress] = []
    """Progress per workstream."""
    risks: list[Id] = []
    """Ids of the plan's risks to show (all of them if empty)."""
    sections: list[Section] = []
    """Further sections, e.g. "Preparation for the revisit"."""
    appendices: list[Text] = []
    """Titles of further appendices to list (the action tracker is always appended)."""


class Plan(BaseModel):
    """A whole validated plan: plan.yaml joined with its workstreams, in number order."""

    model_config = ConfigDict(extra="forbid")

    name: str
    """The plan folder's name."""
    file: PlanFile
    """plan.yaml: the plan as a whole (local area, people, inspection, status scheme, metrics, ...)."""
    workstreams: list[Workstream]
    series: dict[str, list[DataPoint]] = {}
    """Actual values per metric id, oldest first, merged from the data files."""
    reports: list[Report] = []
    """Board reports in the plan's reports/ folder, by meeting date."""

    def statuses(self) -> list[Status]:
        """The status key: the declared statuses, BRAG when none are declared (`plan.statuses` decides)."""
        from wsoagen.plan.statuses import Statuses  # it builds on this module

        return list(Statuses.of(self.file).declared)

    def resource_flags(self) -> list[ResourceFlag]:
        return self.file.resource_flags or DEFAULT_RESOURCE_FLAGS
