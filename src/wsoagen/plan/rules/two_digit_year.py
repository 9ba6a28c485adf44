"""two-digit-year: a date written with a two-digit year that could be read as a day ("May 25").

Plan files are read by the one rule in `plan.dates` (YY is 20YY, so "May 25" is May 2025); where
the words could equally be 25 May, this says which reading was taken and how to make it certain.
Data files get the same warning from the data reader (`data.metrics`).
"""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.dates import misreadable
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, strings

ID = "two-digit-year"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = 'dates with a two-digit year that could be read as a day ("May 25") say which year they mean'


def check(sources: Sources) -> Iterator[Problem]:
    for src in [*([sources.plan] if sources.plan else []), *sources.workstreams, *sources.reports]:
        for path, value in strings(src.data):
            if doubt := misreadable(value):
                yield problem(src, path, doubt)
