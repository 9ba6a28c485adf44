"""What a template sees: the declared, typed context every document template renders with.

In: a validated `Plan`, the status picture as at the document's date (`Summary`), the charts
(`Figures`) and, for a board report, the `Report` and what changed since the previous one.
Out: `TemplateVars`, the top-level variables of every template, whose `ctx` is a `Context`:
lookups (people, statuses, metrics), wording helpers and paragraph numbering. House-style
authors program against this and nothing else; docs/templates.md documents every name, and a
test keeps the two in step.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TypedDict

from lxml import html as lxml_html
from markupsafe import Markup, escape

from wsoagen.data import wording
from wsoagen.data.changes import Changes
from wsoagen.data.status import MilestoneState, Summary, WorkstreamSummary
from wsoagen.plan.dates import When
from wsoagen.plan.markdown import to_html
from wsoagen.plan.model import (
    CITATION,
    KINDS,
    Action,
    DeliveryPartner,
    Metric,
    Milestone,
    Outcome,
    Person,
    Plan,
    PlanFile,
    Report,
    Risk,
    Status,
    Workstream,
)
from wsoagen.plan.model.kinds import OUTCOMES_2023, Kind
from wsoagen.plan.statuses import Statuses
from wsoagen.render.charts import Figures, MetricView


class TemplateVars(TypedDict):
    """The top-level variables of every document template."""

    ctx: Context
    """Lookups and helpers for this document (below)."""
    plan: PlanFile
    """plan.yaml as validated: title, local_area, inspection, people, metrics, risks, ..."""
    workstreams: list[Workstream]
    """The workstreams in number order, each with its outcomes, actions and milestones."""
    as_at: date
    """The date statuses and figures are shown as at."""
    figures: Figures | None
    """Every chart as at `as_at`: `figures.status`, `figures.timeline`, `figures.metrics`."""
    report: Report | None
    """The board report being rendered (report templates), else None."""
    changes: Changes | None
    """What moved since the previous report (report templates with `previous:`), else None."""
    changes_since: str | None
    """How the previous report is named in the text, e.g. "the report to the SEND Executive Board on 21 January 2020"."""


def _luminance(colour: str) -> float:
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def text_on(colour: str) -> str:
    """Black or white, whichever reads better on `colour` (WCAG contrast)."""
    lum = _luminance(colour)
    return "#0b0c0c" if (lum + 0.05) / (_luminance("#0b0c0c") + 0.05) >= 1.05 / (lum + 0.05) else "#ffffff"


# ---------------------------------------------------------------- the action table's row structure


@dataclass
class MilestoneRow:
    milestone: Milestone | None
    first: bool  # first row of its action: the action's cells start here


@dataclass
class ActionGroup:
    action: Action
    rows: list[MilestoneRow]

    @property
    def rowspan(self) -> int:
        return len(self.rows)


@dataclass
class OutcomeGroup:
    outcome: Outcome
    actions: list[ActionGroup]

    @property
    def rowspan(self) -> int:
        return sum(a.rowspan for a in self.actions) or 1


def action_table(ws: Workstream) -> list[OutcomeGroup]:
    """Outcome cells span their actions' rows; action cells span their milestones' rows."""
    groups = []
    for outcome in ws.outcomes:
        actions = []
        for action in outcome.actions:
            rows = [MilestoneRow(ms, i == 0) for i, ms in enumerate(action.milestones)] or [MilestoneRow(None, True)]
            actions.append(ActionGroup(action, rows))
        groups.append(OutcomeGroup(outcome, actions))
    return groups


# ---------------------------------------------------------------- the action plan's columns and records


@dataclass(frozen=True)
class Column:
    id: str
    header: str
    width: int  # percent of the table, as seed 003's grid


GRID = (
    Column("outcome", "Outcomes (what we intend to achieve)", 23),
    Column("ref", "Ref", 5),
    Column("action", "Implementation (actions: what we are going to do)", 24),
    Column("resource", "Resource required", 7),
    Column("milestone", "Key milestones (action tracker)", 22),
    Column("deadline", "Deadline", 9),
    Column("status", "{scheme} + date", 10),
)


def grid_columns(ws: Workstream, scheme: str) -> list[Column]:
    """Seed 003's seven columns, less those this area leaves empty (no outcomes, refs, resource
    flags or milestones); the widths of those kept are scaled to fill the table."""
    actions = [a for o in ws.outcomes for a in o.actions]
    filled = {
        "outcome": any(not o.bare for o in ws.outcomes),
        "ref": any(a.ref for a in actions),
        "action": True,
        "resource": any(a.resource or any(ms.resource for ms in a.milestones) for a in actions),
        "milestone": any(a.milestones for a in actions),
    }
    filled["deadline"] = any(ms.deadline for a in actions for ms in a.milestones)
    filled["status"] = filled["milestone"]
    kept = [c for c in GRID if filled[c.id]]
    total = sum(c.width for c in kept)
    return [Column(c.id, c.header.format(scheme=scheme), round(c.width * 100 / total)) for c in kept]


# ---------------------------------------------------------------- the context templates see


class Context:
    """What templates can ask of a plan beyond the model itself (`ctx` in every template)."""

    plan: Plan
    """The whole plan: `plan.file` (plan.yaml), `plan.workstreams`, `plan.series`, `plan.reports`."""
    report: Report | None
    """The board report being rendered, else None."""
    summary: Summary
    """The status picture as at the document's date: counts per workstream, overdue, due soon."""
    as_at: date
    """The document's date."""
    scheme: Statuses
    """The plan's status scheme: `scheme.resolve(id)`, `scheme.label(id)`, `scheme.ordered(ids)`."""
    figures: Figures | None
    """The charts, as in the top-level `figures`."""
    numbering: Numbering
    """Section and paragraph numbers (5, 5.2, 5.2.1); `ctx.numbering.disable()` turns them off."""
    people: dict[str, Person]
    """plan.yaml's people by id."""
    metrics: dict[str, Metric]
    """plan.yaml's metrics by id."""

    def __init__(self, plan: Plan, summary: Summary, figures: Figures | None = None, report: Report | None = None):
        self.plan = plan
        self.report = report
        self.numbering = Numbering()
        self.summary = summary
        self.as_at = summary.as_at
        self.scheme = summary.scheme
        self.people = {p.id: p for p in plan.file.people}
        self._orgs = {o.id: o for o in plan.file.organisations}
        self._states = {id(s.milestone): s for s in self.summary.states}
        self.figures = figures
        self.metrics = {m.id: m for m in plan.file.metrics}

    # -- report narrative: figures cited from the data, numbered paragraphs

    def cite(self, text: str | None) -> str:
        """Replace {evidence:id} and {latest:id} with sentences from the metric's data."""
        if not text:
            return ""
        views = {v.metric.id: v for v in self.figures.metrics} if self.figures else {}

        def one(match: re.Match[str]) -> str:
            kind, mid = match.groups()
            view = views.get(mid)
            if view is None or view.progress.latest is None:
                return "(no data yet)"
            if kind == "latest":
                return wording.figure_at(view.progress.latest, view.metric.unit, bold=True)
            return view.sentence or "(no data yet)"

        return CITATION.sub(one, text)

    def md_numbered(self, text: str | None) -> Markup:
        """Markdown with figures cited, each top-level paragraph numbered (5.2.1) as in seed 000."""
        html = to_html(self.cite(text))
        if not html:
            return Markup("")
        parts = []
        for node in lxml_html.fragments_fromstring(str(html)):
            if isinstance(node, str):
                parts.append(str(escape(node)))
                continue
            if node.tag == "p" and self.numbering.enabled:
                span = lxml_html.Element("span", {"class": "pnum"})
                span.text = self.numbering.para()
                span.tail = " " + (node.text or "")
                node.text = None
                node.insert(0, span)
            parts.append(lxml_html.tostring(node, encoding="unicode"))
        return Markup("\n".join(parts))

    # -- the plan's kind: its words, its areas, its inspection

    @property
    def kind(self) -> Kind:
        """The plan's kind (`kind.name` "Priority action plan", `kind.in_text`, `kind.framework`),
        with `area` and `areas` as this plan calls them (plan.yaml `area_name` over the kind's words)."""
        kind = KINDS[self.plan.file.kind]
        if name := self.plan.file.area_name:
            return Kind(kind.id, kind.name, kind.in_text, kind.stem, name.singular, name.plural, kind.framework, kind.due_field)
        return kind

    def framework(self) -> str:
        """"2016" or "2023": the inspection's own, else its kind's ("any" when neither says)."""
        return self.plan.file.inspection.framework or self.kind.framework

    def outcome_words(self) -> str | None:
        """A 2023-framework inspection's outcome as its report words it, or None."""
        outcome = self.plan.file.inspection.outcome
        return OUTCOMES_2023[outcome] if outcome else None

    @staticmethod
    def when(value: When | date | None) -> str:
        """A day as "10 June 2019", a month as "March 2023": never a day that was not written."""
        if value is None:
            return ""
        if isinstance(value, When):
            return wording.long_date(value.start) if value.precision == "day" else f"{value.start:%B %Y}"
        return wording.long_date(value)

    def inspection_span(self) -> str:
        """"10 June 2019 to 14 June 2019"; "March 2023" when only the month is known."""
        insp = self.plan.file.inspection
        return f"{self.when(insp.start)} to {self.when(insp.end)}" if insp.end else self.when(insp.start)

    def inspection_when(self) -> str:
        """How the introduction opens: "Between 10 June 2019 and 14 June 2019" or "In March 2023"."""
        insp = self.plan.file.inspection
        if insp.end:
            return f"Between {self.when(insp.start)} and {self.when(insp.end)}"
        return f"{'On' if insp.start.precision == 'day' else 'In'} {self.when(insp.start)}"

    def is_wsoa(self) -> bool:
        return self.plan.file.kind == "wsoa"

    def area_heading(self, ws: Workstream) -> str:
        """"Workstream 1: Joint planning" in a WSOA; "Area for priority action 1: ..." or
        "Recommendation 1" in other kinds."""
        name = "Workstream" if self.is_wsoa() else self.kind.area[:1].upper() + self.kind.area[1:]
        return f"{name} {ws.label}: {ws.title}" if ws.title else f"{name} {ws.label}"

    def area_short(self, ws: Workstream) -> str:
        """How the text refers to one area: "workstream 1", "recommendation 1"."""
        return f"{'workstream' if self.is_wsoa() else self.kind.area} {ws.label}"

    # -- what the plan holds, so that empty columns, keys and charts are left out

    def has_milestones(self) -> bool:
        return any(a.milestones for w in self.plan.workstreams for o in w.outcomes for a in o.actions)

    def has_resources(self) -> bool:
        return any(a.resource or any(ms.resource for ms in a.milestones) for w in self.plan.workstreams for o in w.outcomes for a in o.actions)

    def has_outcomes(self) -> bool:
        return any(not o.bare for w in self.plan.workstreams for o in w.outcomes)

    def has_sponsors(self) -> bool:
        return any(w.sponsors for w in self.plan.workstreams)

    def grid_columns(self, ws: Workstream) -> list[Column]:
        """The action grid's columns for one area: seed 003's, less the empty ones."""
        return grid_columns(ws, self.plan.file.status_scheme.name)

    def own_fields(self, values: dict[str, str], before: bool | None = None) -> list[tuple[str, str]]:
        """(label, text) of a node's own labelled fields, in the order plan.yaml declares them;
        `before` picks those printed before (True) or after (False) the node's own text."""
        declared = [f for f in self.plan.file.own_fields if before is None or f.before == before]
        return [(f.label, values[f.label]) for f in declared if f.label in values]

    def labelled(self, label: str, text: str | None) -> Markup:
        """A record's labelled field: "**Label:** text" when the text is one paragraph, else the
        label as its own paragraph above the text's paragraphs and lists."""
        html = str(to_html(text or ""))
        if html.count("<p>") == 1 and html.startswith("<p>") and html.rstrip().endswith("</p>"):
            inner = html.strip()[3:-4]
            return Markup(f'<p class="field"><strong>{escape(label)}:</strong> {inner}</p>')
        return Markup(f'<p class="field field-label"><strong>{escape(label)}</strong></p>{html}')

    def plan_size(self) -> str:
        """"This plan has 5 workstreams, 10 outcomes, 30 actions and 106 milestones.", naming only
        the layers the plan has."""
        c = self.counts()
        n = len(self.plan.workstreams)
        parts = [wording.count(n, "workstream") if self.is_wsoa() else wording.count(n, self.kind.area, self.kind.areas)]
        if self.has_outcomes():
            parts.append(wording.count(c["outcomes"], "outcome"))
        parts.append(wording.count(c["actions"], "action"))
        if self.has_milestones():
            parts.append(wording.count(c["milestones"], "milestone"))
        return f"This plan has {wording.join_and(parts)}."

    def tracked_actions(self) -> list[tuple[Workstream, Action]]:
        """(area, action) for each action with success criteria or an update as at the document's date."""
        return [(w, a) for w in self.plan.workstreams for o in w.outcomes for a in o.actions
                if a.success_criteria or any(u.date.start <= self.as_at for u in a.updates)]

    def organisation_name(self, oid: str | None) -> str:
        """The organisation's name, or "" for none."""
        return self._orgs[oid].name if oid else ""

    def people_labels(self, pids: list[str]) -> str:
        """"Name (role); Name (role)"."""
        return "; ".join(self.person_label(p) for p in pids)

    def workstream(self, number_: int) -> Workstream:
        """The workstream with this number."""
        return next(w for w in self.plan.workstreams if w.number == number_)

    def summary_of(self, number_: int) -> WorkstreamSummary:
        """One workstream's part of the status picture."""
        return next(w for w in self.summary.workstreams if w.number == number_)

    def summary_sentence(self, number_: int | None = None) -> str:
        """'11 of 106 milestones are complete and 35 are overdue, as at 31 March 2020.', for the plan
        or one workstream."""
        s = self.summary_of(number_) if number_ is not None else self.summary
        return wording.progress(s.complete, s.total, len(s.overdue), self.as_at) + "."

    def report_risks(self) -> list[Risk]:
        """The risks a report shows: those it names, else all of the plan's."""
        wanted = self.report.risks if self.report else []
        return [r for r in self.plan.file.risks if not wanted or r.id in wanted]

    def view(self, mid: str) -> MetricView:
        """A metric's progress, evidence sentence and chart, as at the document's date."""
        return next(v for v in self.figures.metrics if v.metric.id == mid)

    def status_currency(self) -> str:
        """'Statuses as at 14 January 2020, last recorded in January 2020.', or, when the latest
        status is older than the plan's `stale_after`, a plain sentence saying when it was."""
        return wording.status_currency(self.as_at, self.summary.last_recorded, self.summary.stale)

    def lapsed_words(self, state: MilestoneState) -> str:
        """'Green at Jan 2020 · deadline passed, no later update': a milestone whose deadline passed
        with no status recorded since, as one state."""
        return wording.lapsed_status(state.status.label if state.status else None, state.status_date)

    def state(self, ms: Milestone) -> MilestoneState:
        """The milestone's status as at the document's date, and whether it is overdue."""
        return self._states[id(ms)]

    def person(self, pid: str) -> Person:
        """The person with this id."""
        return self.people[pid]

    def person_label(self, pid: str, role: str | None = None) -> str:
        """'Name (role)': the role given, else the person's own."""
        person = self.people[pid]
        role = role or person.role
        return f"{person.name} ({role})" if role else person.name

    def partner_label(self, dp: DeliveryPartner) -> str:
        """A delivery partner as the plan names it: a person with role, an organisation or a group."""
        if dp.person:
            text = self.person_label(dp.person, dp.role)
        elif dp.organisation:
            text = self._orgs[dp.organisation].name
        else:
            text = dp.group
        return f"{text} {dp.note}" if dp.note else text

    def status(self, sid: str | None) -> Status | None:
        """The scheme's status for an id; percentages get a generated one."""
        return self.scheme.resolve(sid)

    def status_style(self, sid: str | None) -> Markup:
        """The CSS for a status cell: its colour, and black or white text on it."""
        status = self.status(sid)
        if not status:
            return Markup("")
        return Markup(f"background-color:{status.colour};color:{text_on(status.colour)}")

    def resource(self, action: Action, milestone: Milestone | None) -> str:
        """The resource flag of a milestone's row: its own, else its action's."""
        return (milestone.resource if milestone and milestone.resource else None) or action.resource or ""

    def counts(self, ws: Workstream | None = None) -> dict[str, int]:
        """Number of outcomes, actions and milestones, for one workstream or the plan."""
        streams = [ws] if ws else self.plan.workstreams
        actions = [a for w in streams for o in w.outcomes for a in o.actions]
        return {
            "outcomes": sum(1 for w in streams for o in w.outcomes if not o.bare),
            "actions": len(actions),
            "milestones": sum(len(a.milestones) for a in actions),
            # complete as at the document's date (dated updates count, later statuses do not)
            "complete": self.summary_of(ws.number).complete if ws else self.summary.complete,
        }

    @staticmethod
    def action_table(ws: Workstream) -> list[OutcomeGroup]:
        """A workstream's action table rows: outcome groups holding action groups holding milestone rows."""
        return action_table(ws)


class Numbering:
    """Section and paragraph numbers as council reports print them: 5, 5.2, 5.2.1."""

    def __init__(self) -> None:
        self.levels = [0]
        self.enabled = True

    def disable(self) -> str:
        """For house styles that do not number paragraphs (Sefton): every number is ''."""
        self.enabled = False
        return ""

    def section(self) -> str:
        self.levels = [self.levels[0] + 1, 0]
        return str(self.levels[0]) if self.enabled else ""

    def sub(self) -> str:
        second = self.levels[1] + 1  # after any paragraphs of the section itself
        self.levels = [self.levels[0], second, 0]
        return f"{self.levels[0]}.{second}" if self.enabled else ""

    def para(self) -> str:
        self.levels[-1] += 1
        return ".".join(str(n) for n in self.levels) if self.enabled else ""
