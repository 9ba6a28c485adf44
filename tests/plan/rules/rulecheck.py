"""What the rule tests share: every problem `wsoagen validate` prints for a plan folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from wsoagen.check import check
from wsoagen.diagnostics import PlanError

AS_AT = date(2019, 11, 15)


def found(folder: Path, as_at: date = AS_AT, rule: str | None = None) -> list[str]:
    """Each problem as `FILE:line:col: level: message [rule]`, FILE relative to the plan folder;
    only `rule`'s if given."""
    try:
        _, diags = check(folder, as_at)
    except PlanError as exc:
        diags = exc.diagnostics
    return [str(d).replace(f"{folder}/", "") for d in diags.sorted() if rule is None or d.rule == rule]
