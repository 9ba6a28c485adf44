"""measurable-impact: each outcome has an impact statement with a figure, or one linked to a metric.

A statement is measurable if it has a digit in it ("from 39% to 50% by April 2021") or names
`metrics`. Ofsted sends plans back for outcomes that cannot be measured.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, ref, text, texts

ID = "measurable-impact"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = "each outcome has an impact statement with a figure and a date, or one linked to a metric"

_MEASURABLE = re.compile(r"\d")


def check(sources: Sources) -> Iterator[Problem]:
    for src, opath, outcome in sources.outcomes():
        oref = ref(outcome)
        impacts = outcome.get("impact")
        if oref and not any(_measurable(i) for i in (impacts if isinstance(impacts, list) else [])):
            yield problem(src, opath + ("ref",),
                          f"outcome {oref} has no measurable impact: add an impact statement with a figure and a date, or link a metric")


def _measurable(impact: Any) -> bool:
    if isinstance(impact, dict):
        return bool(texts(impact, "metrics")) or bool(_MEASURABLE.search(text(impact, "text") or ""))
    return isinstance(impact, str) and bool(_MEASURABLE.search(impact))
