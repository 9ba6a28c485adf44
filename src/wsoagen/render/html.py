"""Turn a validated plan into HTML in the documented subset (docs/html-subset.md).

In: a `Plan`, a document kind ("wsoa"), the as-at date and the status picture as at that date
(the pipeline works it out once per date for every chart and document). Out: one self-contained HTML
string (CSS inlined) that WeasyPrint prints to PDF and `render.docx` writes to Word, and that
is published as the accessible web edition. Templates come from the plan's house style folder
(templates/<house_style>/), falling back to templates/default/: a council overrides blocks,
CSS and reference.docx, never code. Everything from YAML is autoescaped; Markdown goes through
`render.markdown`, which emits no raw HTML. Figures, dates and counts are worded by
`data.wording` (filters `number`, `figure_at`, `baseline`, `target`, `against_target`, `course`,
`count`, `long_date`), statuses by the plan's scheme (`plan.statuses`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import jinja2
from lxml import html as lxml_html
from markupsafe import Markup, escape

from wsoagen.data import status, wording
from wsoagen.data.status import MilestoneState, Summary, WorkstreamSummary
from wsoagen.plan.markdown import to_html, to_inline_html
from wsoagen.plan.model import CITATION, Action, Milestone, Outcome, Person, Plan, Report, Status, Workstream
from wsoagen.render.charts import Figures

BUILTIN_TEMPLATES = Path(__file__).resolve().parents[3] / "templates"


def house_style(plan: Plan, report: Report | None = None) -> str:
    """The report's own house style if it names one, else the plan's."""
    return (report.house_style if report else None) or plan.file.house_style


def template_dirs(plan_folder: Path | None, style: str) -> list[Path]:
    """Where templates are looked up, most specific first: the plan's own, then built in."""
    roots = [r for r in ((plan_folder / "templates") if plan_folder else None, BUILTIN_TEMPLATES) if r and r.is_dir()]
    return [root / name for root in roots for name in dict.fromkeys((style, "default")) if (root / name).is_dir()]


@functools.lru_cache(maxsize=16)
def environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    """One Jinja2 environment per template search path, so templates compile once a run."""
    # "default/x.html.j2" always names the built-in default, so a house style's x.html.j2 can
    # extend the default x.html.j2 without finding itself.
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(d) for d in dirs]),
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES / "default"))}),
    ])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(md=to_html, md_inline=to_inline_html, text_on=text_on, long_date=wording.long_date,
                       number=wording.number, figure_at=wording.figure_at, baseline=wording.baseline, target=wording.target,
                       against_target=wording.against_target, course=wording.course, count=wording.count)
    return env


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

    def __init__(self, plan: Plan, summary: Summary, figures: Figures | None = None, report: Report | None = None):
        self.plan = plan
        self.report = report
        self.numbering = Numbering()
        self.p = plan.file
        self.summary = summary
        self.as_at = summary.as_at
        self.scheme = summary.scheme
        self.people = {p.id: p for p in self.p.people}
        self.orgs = {o.id: o for o in self.p.organisations}
        self._states = {id(s.milestone): s for s in self.summary.states}
        self.figures = figures
        self.metrics = {m.id: m for m in self.p.metrics}

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

    def workstream(self, number_: int) -> Workstream:
        return next(w for w in self.plan.workstreams if w.number == number_)

    def summary_of(self, number_: int) -> WorkstreamSummary:
        return next(w for w in self.summary.workstreams if w.number == number_)

    def summary_sentence(self, number_: int | None = None) -> str:
        """'11 of 106 milestones are complete and 35 are overdue, as at 31 March 2020.', for the plan
        or one workstream."""
        s = self.summary_of(number_) if number_ is not None else self.summary
        return wording.progress(s.complete, s.total, len(s.overdue), self.as_at) + "."

    def report_risks(self) -> list[Any]:
        """The risks a report shows: those it names, else all of the plan's."""
        wanted = self.report.risks if self.report else []
        return [r for r in self.p.risks if not wanted or r.id in wanted]

    def view(self, mid: str) -> Any:
        """A metric's progress, evidence sentence and chart, as at the document's date."""
        return next(v for v in self.figures.metrics if v.metric.id == mid)

    def state(self, ms: Milestone) -> MilestoneState:
        """The milestone's status as at the document's date, and whether it is overdue."""
        return self._states[id(ms)]

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
        return self.scheme.resolve(sid)

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
        return {
            "outcomes": sum(len(w.outcomes) for w in streams),
            "actions": len(actions),
            "milestones": sum(len(a.milestones) for a in actions),
            # complete as at the document's date (dated updates count, later statuses do not)
            "complete": self.summary_of(ws.number).complete if ws else self.summary.complete,
        }

    action_table = staticmethod(action_table)


def render_html(plan: Plan, kind: str, as_at: date, plan_folder: Path | None = None, figures: Figures | None = None,
                report: Report | None = None, summary: Summary | None = None, **extra: Any) -> str:
    """The document `kind` (a template `<kind>.html.j2`) for `plan`, as one HTML string.

    `summary` is the status picture as at `as_at`, the one the figures were drawn from; callers
    that have none (a single document, tests) get it worked out here."""
    if summary is None:
        summary = status.summary(plan, as_at)
    elif summary.as_at != as_at:
        raise ValueError(f"the status picture is as at {summary.as_at}, the document as at {as_at}")
    env = environment(tuple(template_dirs(plan_folder, house_style(plan, report))))
    template = env.get_template(f"{kind}.html.j2")
    ctx = Context(plan, summary, figures, report)
    return template.render(ctx=ctx, plan=plan.file, workstreams=plan.workstreams, as_at=as_at, figures=figures,
                           report=report, **extra)


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
