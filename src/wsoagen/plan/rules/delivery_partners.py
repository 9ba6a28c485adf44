"""delivery-partner: each delivery partner is exactly one person, organisation or group."""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, items, problem

ID = "delivery-partner"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "each delivery partner names exactly one of `person`, `organisation` or `group`"


def check(sources: Sources) -> Iterator[Problem]:
    for src in sources.workstreams:
        for i, partner in items(src.data, "delivery_partners"):
            given = [k for k in ("person", "organisation", "group") if partner.get(k) is not None]
            if len(given) != 1:
                yield problem(src, ("delivery_partners", i),
                              "a delivery partner needs exactly one of `person`, `organisation` or `group`"
                              + (f" (this one has {' and '.join(given)})" if given else ""))
