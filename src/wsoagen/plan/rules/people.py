"""people: every person and organisation named by id is declared in plan.yaml.

Looks at plan.yaml (a person's organisation, foreword signatories, risk and recommendation
owners), workstream files (sponsors, delivery partners, action leads, responsible, senior responsible and
accountable officers, the authors of updates)
and reports (authors, contacts, board lead).
"""

from __future__ import annotations

from collections.abc import Iterator

from wsoagen.plan.load import LoadedFile
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Path_, Sources, items, present, text, texts

ID = "people"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "every person and organisation named by id is declared in plan.yaml's `people` and `organisations`"


def check(sources: Sources) -> Iterator[Problem]:
    found: list[Problem | None] = []
    if sources.plan:
        found += _plan_file(sources, sources.plan)
    for src in sources.workstreams:
        found += _workstream(sources, src)
    for src, apath, action, _ in sources.actions():
        found += [_person(sources, src, apath + (key,), pid) for key in ("lead", "sro", "accountable") if (pid := text(action, key))]
        found += [_person(sources, src, apath + ("officers", i), pid) for i, pid in texts(action, "officers")]
        found += [_person(sources, src, apath + ("updates", i, "by"), pid) for i, u in items(action, "updates") if (pid := text(u, "by"))]
    for src in sources.reports:
        found += [_person(sources, src, (key, i), pid) for key in ("authors", "contacts") for i, pid in texts(src.data, key)]
        if pid := text(src.data, "board_lead"):
            found.append(_person(sources, src, ("board_lead",), pid))
    return present(found)


def _person(sources: Sources, src: LoadedFile, path: Path_, pid: str) -> Problem | None:
    return sources.declared.unknown(src, path, "person", pid, sources.declared.people)


def _organisation(sources: Sources, src: LoadedFile, path: Path_, oid: str) -> Problem | None:
    return sources.declared.unknown(src, path, "organisation", oid, sources.declared.orgs)


def _plan_file(sources: Sources, src: LoadedFile) -> list[Problem | None]:
    data = sources.plan_data
    found = [_organisation(sources, src, ("people", i, "organisation"), org)
             for i, person in items(data, "people") if (org := text(person, "organisation"))]
    found += [_person(sources, src, ("foreword", "signatories", i), pid) for i, pid in texts(data.get("foreword"), "signatories")]
    found += [_person(sources, src, (key, i, "owner"), owner)
              for key in ("risks", "recommendations") for i, item in items(data, key) if (owner := text(item, "owner"))]
    return found


def _workstream(sources: Sources, src: LoadedFile) -> list[Problem | None]:
    found = [_person(sources, src, ("sponsors", i), pid) for i, pid in texts(src.data, "sponsors")]
    found += [_person(sources, src, ("updates", i, "by"), pid) for i, u in items(src.data, "updates") if (pid := text(u, "by"))]
    for i, partner in items(src.data, "delivery_partners"):
        if pid := text(partner, "person"):
            found.append(_person(sources, src, ("delivery_partners", i, "person"), pid))
        if oid := text(partner, "organisation"):
            found.append(_organisation(sources, src, ("delivery_partners", i, "organisation"), oid))
    return found
