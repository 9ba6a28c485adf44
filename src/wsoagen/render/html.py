"""Turn a validated plan into HTML in the documented subset (docs/html-subset.md).

In: a `Plan`, a document kind ("wsoa") and the as-at date. Out: one self-contained HTML
string (CSS inlined) that WeasyPrint prints to PDF and `render.docx` writes to Word, and that
is published as the accessible web edition. Templates come from the plan's house style folder
(templates/<house_style>/), falling back to templates/default/: a council overrides blocks,
CSS and reference.docx, never code. Everything from YAML is autoescaped; Markdown goes through
`render.markdown`, which emits no raw HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from wsoagen.charts import Figures
from wsoagen.evidence import number
from wsoagen.model import Action, Milestone, Outcome, Person, Plan, Status, Workstream
from wsoagen.render.markdown import to_html, to_inline_html
from wsoagen.status import MilestoneState, summary

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def template_dirs(plan_folder: Path | None, house_style: str) -> list[Path]:
    """Where templates are looked up, most specific first: the plan's own, then built in."""
    roots = [r for r in ((plan_folder / "templates") if plan_folder else None, BUILTIN_TEMPLATES) if r and r.is_dir()]
    return [root / style for root in roots for style in dict.fromkeys((house_style, "default")) if (root / style).is_dir()]


def environment(dirs: list[Path]) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=to_html, md_inline=to_inline_html, long_date=long_date, text_on=text_on, number=number)
    return env


def long_date(d: date | None) -> str:
    """10 June 2019 (no leading zero, as council documents write it)."""
    return f"{d.day} {d:%B %Y}" if d else ""


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


# ---------------------------------------------------------------- the context templates see


class Context:
    """What templates can ask of a plan, beyond the model itself."""

    def __init__(self, plan: Plan, as_at: date, figures: Figures | None = None):
        self.plan = plan
        self.p = plan.plan
        self.as_at = as_at
        self.people = {p.id: p for p in self.p.people}
        self.orgs = {o.id: o for o in self.p.organisations}
        self.statuses = {s.id: s for s in plan.statuses()}
        self.summary = summary(plan, as_at)
        self._states = {id(s.milestone): s for s in self.summary.states}
        self.figures = figures
        self.metrics = {m.id: m for m in self.p.metrics}

    def state(self, ms: Milestone) -> MilestoneState:
        """The milestone's status as at the document's date, and whether it is overdue."""
        return self._states[id(ms)]

    def outcome_title(self, ref: str) -> str:
        return next((f"{o.ref} {o.text.splitlines()[0]}" for w in self.plan.workstreams for o in w.outcomes if o.ref == ref), ref)

    def person(self, pid: str) -> Person:
        return self.people[pid]

    def person_label(self, pid: str, role: str | None = None) -> str:
        person = self.people[pid]
        role = role or person.role
        return f"{person.name} ({role})" if role else person.name

    def partner_label(self, dp: Any) -> str:
        if dp.person:
            text = self.person_label(dp.person, dp.role)
        elif dp.organisation:
            text = self.orgs[dp.organisation].name
        else:
            text = dp.group
        return f"{text} {dp.note}" if dp.note else text

    def status(self, sid: str | None) -> Status | None:
        """The scheme's status for an id; percentages get a generated one."""
        if not sid:
            return None
        if sid in self.statuses:
            return self.statuses[sid]
        if sid.endswith("%"):
            done = sid == "100%"
            return Status(id="p", label=sid, meaning="complete" if done else "in progress",
                          colour="#1d70b8" if done else "#f3f2f1", complete=done)
        return None

    def status_style(self, sid: str | None) -> Markup:
        status = self.status(sid)
        if not status:
            return Markup("")
        return Markup(f"background-color:{status.colour};color:{text_on(status.colour)}")

    def resource(self, action: Action, milestone: Milestone | None) -> str:
        return (milestone.resource if milestone and milestone.resource else None) or action.resource or ""

    def counts(self, ws: Workstream | None = None) -> dict[str, int]:
        """Number of outcomes, actions and milestones, for one workstream or the plan."""
        streams = [ws] if ws else self.plan.workstreams
        actions = [a for w in streams for o in w.outcomes for a in o.actions]
        milestones = [m for a in actions for m in a.milestones]
        return {
            "outcomes": sum(len(w.outcomes) for w in streams),
            "actions": len(actions),
            "milestones": len(milestones),
            "complete": sum(1 for m in milestones if (s := self.status(m.status)) and s.complete),
        }

    action_table = staticmethod(action_table)


def render_html(plan: Plan, kind: str, as_at: date, plan_folder: Path | None = None, figures: Figures | None = None) -> str:
    """The document `kind` (a template `<kind>.html.j2`) for `plan`, as one HTML string."""
    dirs = template_dirs(plan_folder, plan.plan.house_style)
    env = environment(dirs)
    template = env.get_template(f"{kind}.html.j2")
    ctx = Context(plan, as_at, figures)
    return template.render(ctx=ctx, plan=plan.plan, workstreams=plan.workstreams, as_at=as_at, figures=figures)
