"""Turn a plan folder into its documents: the one place where the stages are chained.

load -> validate -> (metrics -> status as at a date -> charts) -> HTML -> PDF / DOCX
Every output goes to `OUT/<plan folder name>/`, written atomically.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from wsoagen.diagnostics import Diagnostics
from wsoagen.model import Plan
from wsoagen.output import write_atomic
from wsoagen.validate import validate_plan


@dataclass
class BuildResult:
    plan: Plan
    diagnostics: Diagnostics
    written: list[Path] = field(default_factory=list)


def plan_json(plan: Plan) -> bytes:
    """The validated model as the renderers see it (like dbt's manifest)."""
    return (json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def build(folder: Path, out: Path, as_at: date) -> BuildResult:
    """Validate `folder` and write its outputs under `out/<name>/`; PlanError if invalid."""
    plan, diags = validate_plan(folder)
    target = out / plan.name
    result = BuildResult(plan, diags)
    result.written.append(write_atomic(target / "plan.json", plan_json(plan)))
    return result
