"""Check a plan folder as at a date: every rule, once. `validate` and `build` both call `check`.

plan stage (`wsoagen.plan.validate`: YAML, schema, the rules in `wsoagen.plan.rules`)
-> metric data merged (`wsoagen.data.metrics`: the data files, their problems)
-> data stage (`wsoagen.data.checks`: the rules that need the status as at the date, or git)
-> house styles the plan folder supplies (`wsoagen.render.house_check`: templates, CSS,
   reference.docx; they are code from the plan repository and part of the plan)

`REGISTRY` lists every rule of all stages: the ids plan.yaml's `rules:` setting may name.
Loads no renderer unless the plan folder has its own templates/, so `validate` stays quick.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wsoagen.data.checks import DATA_RULES, Context, PreviousPlans
from wsoagen.data.metrics import with_data
from wsoagen.data.status import as_at_date
from wsoagen.diagnostics import Diagnostics, PlanError
from wsoagen.plan.model import Plan
from wsoagen.plan.rules import PLAN_RULES, Registry, Reported, run
from wsoagen.plan.validate import validate

HOUSE_STYLE = Reported("house-style", "the plan's own house styles render every document it builds: templates compile and "
                       "use only the variables documents get, CSS fetches nothing, the HTML suits the Word writer, reference.docx opens")
REGISTRY = Registry([*PLAN_RULES, *DATA_RULES, HOUSE_STYLE])


def check(folder: Path, as_at: date | None, previous: PreviousPlans | None = None) -> tuple[Plan, Diagnostics]:
    """The validated plan and its warnings as at `as_at` (None: the plan's own `as_at`, else today);
    PlanError if anything is an error.
    `previous`: the plans reports compare with, kept for the build to reuse (read from git once)."""
    done = with_data(validate(folder, REGISTRY))
    if done.plan is None:  # the data stage needs a valid plan
        raise PlanError(done.diagnostics)
    context = Context(done.plan, as_at_date(done.plan, as_at), done.sources, previous if previous is not None else PreviousPlans())
    run(DATA_RULES, context, done.settings, done.diagnostics)
    if not done.diagnostics.errors and (folder / "templates").is_dir():
        from wsoagen.render.house_check import check_house_styles  # the renderers load slowly: only plans with templates/

        done.diagnostics.extend(check_house_styles(done.plan, folder, context.as_at))
    if done.diagnostics.errors:
        raise PlanError(done.diagnostics)
    return done.plan, done.diagnostics
