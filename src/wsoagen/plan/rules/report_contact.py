"""report-contact: each contact a report names can be reached, by the `email` or `phone` plan.yaml gives them.

A board report prints its contact officers' telephone and email (seeds 000 and 002); a contact
with neither leaves readers no way to ask about the report or its background papers. Unknown
people are the `people` rule's to report.
"""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, items, problem, text, texts

ID = "report-contact"
LEVEL = "warning"
CONFIGURABLE = True
DESCRIPTION = "each contact a report names has an `email` or `phone` in plan.yaml's `people`"


def check(sources: Sources) -> Iterator[Problem]:
    people = {pid: person for _, person in items(sources.plan_data, "people") if (pid := text(person, "id"))}
    for src in sources.reports:
        for i, pid in texts(src.data, "contacts"):
            person = people.get(pid)
            if person is not None and not (text(person, "email") or text(person, "phone")):
                name = text(person, "name") or pid
                yield problem(src, ("contacts", i), f'the contact "{pid}" ({name}) has no `email` or `phone` in plan.yaml: '
                                                    "readers of the report cannot reach them")
