"""Turn a plan folder into its documents: the one place where the stages are chained.

load + validate + merge metric data -> status as at a date -> charts -> HTML -> PDF and DOCX
Everything is rendered in memory first, then each file is written atomically to
`OUT/<plan folder name>/`, so a failed build leaves the previous outputs intact.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from wsoagen import charts, status
from wsoagen.diagnostics import Diagnostics, PlanError
from wsoagen.model import Plan
from wsoagen.output import write_atomic
from wsoagen.render.docx import UnsupportedHtml, html_to_docx
from wsoagen.render.html import render_html, template_dirs
from wsoagen.render.pdf import FetchRefused, html_to_pdf
from wsoagen.validate import validate_plan

DOCUMENTS = ("wsoa",)
CHART_CACHE = Path(".cache") / "charts"  # under the output folder, shared by every plan


@dataclass
class BuildResult:
    plan: Plan
    diagnostics: Diagnostics
    written: list[Path] = field(default_factory=list)


def plan_json(plan: Plan) -> bytes:
    """The validated model as the renderers see it (like dbt's manifest)."""
    return (json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build(folder: Path, out: Path, as_at: date) -> BuildResult:
    """Validate `folder` and write its documents under `out/<name>/`; PlanError if anything fails."""
    plan, diags = validate_plan(folder)
    status.check(plan, as_at, diags)
    picture = status.summary(plan, as_at)
    figures = charts.draw_all(plan, picture, as_at, charts.ChartRenderer(out / CHART_CACHE))
    dirs = template_dirs(folder, plan.plan.house_style)

    files: dict[str, bytes] = {"plan.json": plan_json(plan)}
    for kind in DOCUMENTS:
        try:
            html = render_html(plan, kind, as_at, folder, figures)
            files[f"{kind}.html"] = html.encode("utf-8")
            files[f"{kind}.pdf"] = html_to_pdf(html, dirs[0], [folder, *dirs], as_at)
            files[f"{kind}.docx"] = html_to_docx(html, _reference_docx(dirs))
        except jinja2.TemplateSyntaxError as exc:
            diags.error(exc.filename or exc.name or "template", (exc.lineno or 0, 0), f"template error: {exc.message}")
        except jinja2.TemplateError as exc:
            diags.error(dirs[0] / f"{kind}.html.j2", (0, 0), f"template error: {exc}")
        except (FetchRefused, UnsupportedHtml) as exc:
            diags.error(dirs[0] / f"{kind}.html.j2", (0, 0), str(exc))
    if diags.errors:
        raise PlanError(diags)

    target = out / plan.name
    result = BuildResult(plan, diags)
    for name, data in files.items():
        result.written.append(write_atomic(target / name, data))
    return result


def _reference_docx(dirs: list[Path]) -> Path:
    """The house style's reference.docx, else the default one."""
    return next(d / "reference.docx" for d in dirs if (d / "reference.docx").is_file())
