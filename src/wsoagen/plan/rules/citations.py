"""citations: figures in report text are cited as {evidence:metric-id} or {latest:metric-id}, exactly.

A citation the documents do not recognise is printed into the board paper as written, braces
and all: `{evidence:x` left open, `{target:x}`, `{Evidence:x}`, `{evidence: x}` or `{latest}`.
Looks at every text of every report file; the ids of well-formed citations are the `metrics`
rule's to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wsoagen.diagnostics import did_you_mean
from wsoagen.plan.model.report import CITATION, CITATION_KINDS, CITATION_LIKE
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, strings

ID = "citations"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "figures in report text are cited exactly as {evidence:metric-id} or {latest:metric-id}"

HOW = "cite figures as {evidence:metric-id} or {latest:metric-id}"


def check(sources: Sources) -> Iterator[Problem]:
    for src in sources.reports:
        for path, value in strings(src.data):
            for message in malformed(value):
                yield problem(src, path, message)


def malformed(text: str) -> Iterator[str]:
    """What is wrong with each citation in `text` that the documents would print as written."""
    for m in CITATION_LIKE.finditer(text):
        if (cited := CITATION.match(text, m.start())) and cited.group(2):
            continue  # well formed (an empty id, `{latest:}`, is reported here, not as an unknown metric "")
        kind, colon, mid, close = m.groups()
        written = _quote(m.group(0))
        known = kind.lower() in CITATION_KINDS
        mid = mid if close else mid.rstrip(".,;:!?)")  # an unclosed one runs into the sentence
        meant = "{" + (kind.lower() if known else kind) + ":" + (mid or "metric-id") + "}"
        if not colon:
            if known and close:
                yield f'the citation "{written}" names no metric: write "{{{kind.lower()}:metric-id}}"'
        elif not known:
            if close and mid and not re.search(r"\s", m.group(0)):
                hint = did_you_mean(kind, CITATION_KINDS)
                yield f'"{written}" is not a citation{hint}: {HOW}'
        elif not close:
            yield f'the citation "{_quote(m.group(0).rstrip())}" is not closed: write "{meant}"'
        elif not mid:
            yield f'the citation "{written}" names no metric: write "{{{kind.lower()}:metric-id}}"'
        elif kind != kind.lower():
            yield f'write the citation "{written}" in lower case: "{meant}"'
        else:
            yield f'no spaces inside a citation: write "{meant}", not "{written}"'


def _quote(text: str) -> str:
    return " ".join(text.split())
