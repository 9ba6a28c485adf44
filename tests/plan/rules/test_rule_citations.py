"""citations: a citation the documents would print as written, braces and all, is an error at its text."""

import pytest
from rulecheck import found

from conftest import MINI_PLAN
from wsoagen.plan.rules.citations import malformed

PLAN = MINI_PLAN + "metrics:\n  - id: backlog\n    title: Backlog\n"
REPORT = """\
board: B
meeting: 2019-12-10
as_at: 2019-12-02
summary: The backlog is {latest:backlog}, {evidence:backlog}.
why: "The backlog is {evidence:backlog"
sections:
  - title: More
    body: |
      The target is {target:backlog}.
      Then {Evidence:backlog} and {evidence: backlog}.
"""


def test_malformed_citations_are_errors_at_their_text(make_plan):
    folder = make_plan(plan=PLAN)
    (folder / "reports").mkdir()
    (folder / "reports" / "r.yaml").write_text(REPORT)
    assert found(folder, rule="citations") == [
        'reports/r.yaml:5:6: error: the citation "{evidence:backlog" is not closed: write "{evidence:backlog}" [citations]',
        'reports/r.yaml:8:11: error: "{target:backlog}" is not a citation: cite figures as {evidence:metric-id} or {latest:metric-id} [citations]',
        'reports/r.yaml:8:11: error: no spaces inside a citation: write "{evidence:backlog}", not "{evidence: backlog}" [citations]',
        'reports/r.yaml:8:11: error: write the citation "{Evidence:backlog}" in lower case: "{evidence:backlog}" [citations]',
    ]


@pytest.mark.parametrize("text", [
    "{evidence:backlog} and {latest:backlog}.",
    "Figures {like this} and {note: see the appendix} are not citations.",
    "A set {a, b} and an empty {} and JSON {\"a\": 1}.",
    "",
])
def test_well_formed_citations_and_ordinary_braces_pass(text):
    assert list(malformed(text)) == []


@pytest.mark.parametrize("text, words", [
    ("see {evidence:backlog.", 'the citation "{evidence:backlog." is not closed: write "{evidence:backlog}"'),
    ("{latest}", 'the citation "{latest}" names no metric'),
    ("{latest:}", 'the citation "{latest:}" names no metric'),
    ("{ evidence:backlog}", 'no spaces inside a citation: write "{evidence:backlog}"'),
    ("{LATEST:backlog}", 'write the citation "{LATEST:backlog}" in lower case'),
    ("{evidance:backlog}", '"{evidance:backlog}" is not a citation: did you mean "evidence"?'),
])
def test_each_kind_of_fault_says_what_to_write(text, words):
    (message,) = malformed(text)
    assert message.startswith(words)
