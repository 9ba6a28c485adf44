"""reports: the workstreams and risks a board report names are in the plan.

(The people and metrics a report names are checked by the `people` and `metrics` rules.)
"""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan.model.kinds import KINDS
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, items, problem, texts

ID = "reports"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "each workstream number and risk id a report names is in the plan"


def check(sources: Sources) -> Iterator[Problem]:
    numbers = {ws.data.get("number") for ws in sources.workstreams if isinstance(ws.data, dict)}
    area = _area_word(sources.plan_data)
    risks = sources.declared.risks
    for src in sources.reports:
        for i, rid in texts(src.data, "risks"):
            if rid not in risks:
                yield problem(src, ("risks", i), f'unknown risk "{rid}"{did_you_mean(rid, risks)}')
        for i, ws in items(src.data, "workstreams"):
            number = ws.get("number")
            if isinstance(number, int) and number not in numbers:
                yield problem(src, ("workstreams", i, "number"), f"there is no {area} {number} in this plan")


def _area_word(plan: dict) -> str:
    """What the plan calls an area, for the message: "workstream" in a WSOA, else its `area_name` or
    its kind's word, numbered as the report numbers it ("there is no recommendation 7 ...")."""
    name = plan.get("area_name")
    if isinstance(name, dict) and isinstance(name.get("singular"), str):
        return name["singular"]
    kind = plan.get("kind")
    return KINDS[kind].area if isinstance(kind, str) and kind in KINDS and kind != "wsoa" else "workstream"
