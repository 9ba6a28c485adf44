"""What kind a plan is, and what follows from it: the words documents use, the output file
names, what an area is called and which inspection framework applies.

In: the `kind` written in plan.yaml (`wsoa` when omitted). Out: a `Kind`, whose fields the
templates (through `ctx.kind`), the pipeline (`stem`) and the `kind-fields` rule read. The WSOA
is the 2016 framework's plan; the 2023 area SEND framework's plans are the priority action plan
(answering "areas for priority action") and the improvement plan ("areas for improvement"); the
DfE imposes an accelerated progress plan after a 2016-framework revisit; many partnerships
publish a strategic action plan after any inspection.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

KindId = Literal["wsoa", "priority-action-plan", "improvement-plan", "accelerated-progress-plan", "strategic-action-plan"]

OUTCOMES_2023 = {
    "positive": "the local area partnership's arrangements typically lead to positive experiences and outcomes for children and young "
    "people with SEND",
    "inconsistent": "the local area partnership's arrangements lead to inconsistent experiences and outcomes for children and young "
    "people with SEND",
    "widespread-failings": "there are widespread and/or systemic failings leading to significant concerns about the experiences and "
    "outcomes of children and young people with SEND",
}
"""The three outcomes of a 2023-framework inspection, as the inspection report words them."""


@dataclass(frozen=True)
class Kind:
    """One kind of plan and the words that go with it."""

    id: str
    name: str
    """As a title: "Written Statement of Action", "Priority action plan"."""
    in_text: str
    """As it reads mid-sentence: "written statement of action", "priority action plan"."""
    stem: str
    """The output files' name: wsoa.pdf, priority-action-plan.pdf."""
    area: str
    """What one area is called mid-sentence: "area of significant weakness"."""
    areas: str
    """The plural: "areas of significant weakness"."""
    framework: Literal["2016", "2023", "any"]
    """The inspection framework this kind answers; "any" for plans written after either."""
    due_field: bool
    """Whether the inspection's `statement_due` applies (the WSOA's 70 working days)."""


KINDS: dict[str, Kind] = {
    k.id: k
    for k in (
        Kind("wsoa", "Written Statement of Action", "written statement of action", "wsoa",
             "area of significant weakness", "areas of significant weakness", "2016", True),
        Kind("priority-action-plan", "Priority action plan", "priority action plan", "priority-action-plan",
             "area for priority action", "areas for priority action", "2023", False),
        Kind("improvement-plan", "Improvement plan", "improvement plan", "improvement-plan",
             "area for improvement", "areas for improvement", "2023", False),
        Kind("accelerated-progress-plan", "Accelerated progress plan", "accelerated progress plan", "accelerated-progress-plan",
             "area of significant weakness", "areas of significant weakness", "2016", False),
        Kind("strategic-action-plan", "Strategic action plan", "strategic action plan", "strategic-action-plan",
             "priority", "priorities", "any", False),
    )
}

STEMS = tuple(k.stem for k in KINDS.values())
"""Every kind's output name, for the pipeline's clean-up of old outputs."""


def kind_of(kind_id: str | None) -> Kind:
    """The kind with this id; the WSOA when none is given."""
    return KINDS[kind_id or "wsoa"]
