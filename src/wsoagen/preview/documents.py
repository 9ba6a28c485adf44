"""The HTML editions a preview shows, made by the build's own HTML stage (no PDF, no Word).

In: a plan folder, the cache folder for charts, and the editions shown last time. Out:
`Editions`: the documents by name (`wsoa`, `recommendations-tracker`, `report-<name>`), each
with its HTML, the diagnostics of the check, and which documents changed since last time. A
plan with errors gives no documents, only its diagnostics. Charts come from the build's chart
cache (drawn once per content), so an edit redraws only the charts it changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wsoagen.check import check
from wsoagen.data import status
from wsoagen.data.checks import PreviousPlans
from wsoagen.diagnostics import Diagnostics, PlanError
from wsoagen.plan.model import Plan, Report
from wsoagen.render.pack import attach


@dataclass
class Editions:
    documents: dict[str, str] = field(default_factory=dict)  # name -> HTML, in the order the index lists them
    titles: dict[str, str] = field(default_factory=dict)  # name -> title, for the index
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    changed: set[str] = field(default_factory=set)  # names whose HTML differs from the editions before
    sources: dict[str, tuple[date, Report | None]] = field(default_factory=dict)  # as at when, which report
    plan: Plan | None = None

    @property
    def failed(self) -> bool:
        return bool(self.diagnostics.errors) or not self.documents


def render_editions(folder: Path, cache: Path, as_at: date | None, before: Editions | None = None) -> Editions:
    """Check the plan and render every document's HTML, as `wsoagen build` would."""
    from wsoagen import pipeline  # the renderers load slowly: only once a preview needs them

    previous = PreviousPlans()
    try:
        plan, diags = check(folder, as_at, previous)
    except PlanError as exc:
        return Editions(diagnostics=exc.diagnostics, changed={"*"})
    try:
        out = _render(pipeline, plan, folder, cache, diags, previous, as_at)
    except PlanError as exc:  # a house-style template that fails while rendering: shown, with its line
        diags.extend(exc.diagnostics.items)
        return Editions(diagnostics=diags, changed={"*"})
    old = before.documents if before is not None else {}
    out.changed = {name for name, text in out.documents.items() if old.get(name) != text} | (set(old) - set(out.documents))
    if before is not None and before.failed:
        out.changed.add("*")  # the error page gives way to the documents
    return out


def _render(pipeline, plan: Plan, folder: Path, cache: Path, diags: Diagnostics, previous: PreviousPlans,
            as_at: date | None) -> Editions:
    when = status.as_at_date(plan, as_at)
    r = pipeline._Renderer(plan, folder, cache, diags, None)  # HTML only: no workers needed
    out = Editions(diagnostics=diags, plan=plan)
    html = r.html("wsoa", when)
    if html is not None:
        out.documents["wsoa"], out.titles["wsoa"], out.sources["wsoa"] = html, plan.file.title, (when, None)
    if plan.file.recommendations and (html := r.html("tracker", when)) is not None:
        name = "recommendations-tracker"
        out.documents[name], out.titles[name], out.sources[name] = html, "Recommendations tracker", (when, None)
    for report in plan.reports:
        changes, words = pipeline._changes(r, folder, report, previous)
        html = r.html("report", report.as_at, report, changes=changes, changes_since=words)
        if html is not None:
            name = f"report-{report.name}"
            out.documents[name] = attach(html, pipeline._attachments(r, folder, report))
            out.titles[name] = f"{report.title} ({report.board}, {report.as_at:%-d %B %Y})"
            out.sources[name] = (report.as_at, report)
    return out
