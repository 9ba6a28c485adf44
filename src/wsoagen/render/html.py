"""Turn a validated plan into HTML in the documented subset (docs/html-subset.md).

Templates see `TemplateVars` (render/context.py, documented in docs/templates.md).

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
from datetime import date
from pathlib import Path

import jinja2

from wsoagen.data import status, wording
from wsoagen.data.changes import Changes
from wsoagen.data.status import Summary
from wsoagen.plan.markdown import to_html, to_inline_html
from wsoagen.plan.model import Plan, Report
from wsoagen.render import house_styles
from wsoagen.render.charts import Figures
from wsoagen.render.context import Context, TemplateVars, text_on
from wsoagen.render.sandbox import FolderLoader, render_template, sandboxed_environment

BUILTIN_TEMPLATES = house_styles.builtin_root()  # inside the package


def house_style(plan: Plan, report: Report | None = None) -> str:
    """The report's own house style if it names one, else the plan's."""
    return (report.house_style if report else None) or plan.file.house_style


def template_dirs(plan_folder: Path | None, style: str) -> list[Path]:
    """Where templates are looked up, most specific first: the plan's own, installed house-style packages, built in."""
    return house_styles.style_dirs(plan_folder, style)


@functools.lru_cache(maxsize=16)
def environment(dirs: tuple[Path, ...]) -> jinja2.Environment:
    """One sandboxed Jinja2 environment per template search path (render/sandbox.py), so
    templates compile once a run."""
    # "default/x.html.j2" always names the built-in default, so a house style's x.html.j2 can
    # extend the default x.html.j2 without finding itself.
    env = sandboxed_environment(FolderLoader(list(dirs), {"default": BUILTIN_TEMPLATES / "default"}))
    env.filters.update(md=to_html, md_inline=to_inline_html, text_on=text_on, long_date=wording.long_date,
                       number=wording.number, figure_at=wording.figure_at, baseline=wording.baseline, target=wording.target,
                       against_target=wording.against_target, course=wording.course, count=wording.count,
                       a_or_an=wording.a_or_an)
    return env


def render_html(plan: Plan, kind: str, as_at: date, plan_folder: Path | None = None, figures: Figures | None = None,
                report: Report | None = None, summary: Summary | None = None, changes: Changes | None = None,
                changes_since: str | None = None) -> str:
    """The document `kind` (a template `<kind>.html.j2`) for `plan`, as one HTML string.

    `summary` is the status picture as at `as_at`, the one the figures were drawn from; callers
    that have none (a single document, tests) get it worked out here."""
    if summary is None:
        summary = status.summary(plan, as_at)
    elif summary.as_at != as_at:
        raise ValueError(f"the status picture is as at {summary.as_at}, the document as at {as_at}")
    env = environment(tuple(template_dirs(plan_folder, house_style(plan, report))))
    ctx = Context(plan, summary, figures, report)
    variables = TemplateVars(ctx=ctx, plan=plan.file, workstreams=plan.workstreams, as_at=as_at, figures=figures,
                             report=report, changes=changes, changes_since=changes_since)
    return render_template(env, f"{kind}.html.j2", variables, BUILTIN_TEMPLATES)
