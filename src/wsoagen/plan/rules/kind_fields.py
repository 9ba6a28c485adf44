"""kind-fields: what plan.yaml says about the inspection fits the plan's kind.

A written statement of action and an accelerated progress plan answer a 2016-framework
inspection, which had no outcome category; a priority action plan and an improvement plan answer
a 2023-framework inspection; only a written statement of action has a `statement_due`.
"""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.model.kinds import KINDS
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, text

ID = "kind-fields"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "the inspection's framework, outcome and statement_due fit the plan's `kind`"


def check(sources: Sources) -> Iterator[Problem]:
    src, data = sources.plan, sources.plan_data
    kind_id = text(data, "kind") or "wsoa"
    insp = data.get("inspection")
    if src is None or kind_id not in KINDS or not isinstance(insp, dict):
        return  # an unknown kind or a missing inspection is the schema's to report
    kind = KINDS[kind_id]
    framework = text(insp, "framework") or (kind.framework if kind.framework != "any" else None)
    if text(insp, "framework") and kind.framework not in ("any", framework):
        yield problem(src, ("inspection", "framework"),
                      f"{_a(kind.in_text)} answers a {kind.framework}-framework inspection, not a {framework} one")
    if text(insp, "outcome") and framework == "2016":
        yield problem(src, ("inspection", "outcome"),
                      f"a 2016-framework inspection has no outcome category; `outcome` is for a 2023 area SEND inspection"
                      f" (is this plan's `kind`, {kind_id}, right?)", key=True)
    if "statement_due" in insp and not kind.due_field:
        yield problem(src, ("inspection", "statement_due"),
                      f"`statement_due` is the date a written statement of action was due; {_a(kind.in_text)} has none", key=True)


def _a(phrase: str) -> str:
    return f"{'an' if phrase[:1] in 'aeiou' else 'a'} {phrase}"
