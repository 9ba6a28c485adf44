"""metrics: every metric named by id is declared, and every outcome a metric evidences exists.

Looks at impact statements' `metrics`, each metric's `evidences`, and in reports each
workstream's `metrics` and the figures cited in the text as {evidence:id} or {latest:id}.
"""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan.load import LoadedFile
from wsoagen.plan.model import CITATION
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Path_, Sources, items, present, problem, strings, texts

ID = "metrics"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "every metric id (impact statements, reports, citations in report text) is declared; `evidences` name real outcomes"



def check(sources: Sources) -> Iterator[Problem]:
    found: list[Problem | None] = []
    for src, opath, outcome in sources.outcomes():
        for ii, impact in items(outcome, "impact"):
            found += [_metric(sources, src, opath + ("impact", ii, "metrics", mi), mid) for mi, mid in texts(impact, "metrics")]
    for src in sources.reports:
        for i, ws in items(src.data, "workstreams"):
            found += [_metric(sources, src, ("workstreams", i, "metrics", j), mid) for j, mid in texts(ws, "metrics")]
        found += [_metric(sources, src, path, mid) for path, value in strings(src.data) for _, mid in CITATION.findall(value) if mid]
    yield from present(found)
    yield from _evidences(sources)


def _metric(sources: Sources, src: LoadedFile, path: Path_, mid: str) -> Problem | None:
    return sources.declared.unknown(src, path, "metric", mid, sources.declared.metrics)


def _evidences(sources: Sources) -> Iterator[Problem]:
    if sources.plan is None:
        return
    known = sorted(sources.outcome_refs)
    for i, metric in items(sources.plan_data, "metrics"):
        for j, ref in texts(metric, "evidences"):
            if ref not in sources.outcome_refs:
                yield problem(sources.plan, ("metrics", i, "evidences", j), f'unknown outcome "{ref}"{did_you_mean(ref, known)}')
