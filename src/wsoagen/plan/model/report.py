"""A board report file (reports/*.yaml): meeting, purpose, narrative citing figures, progress per
workstream, sections, and the previous report to compare with.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    Field,
)

from wsoagen.plan.model.fields import Day, Id, Markdown, Strict, Text

# ---------------------------------------------------------------- a board report (reports/*.yaml)


class Purpose(Strict):
    """What the board is asked to do with the report (the executive summary's checkboxes)."""

    information: bool = False
    """For information."""
    discussion: bool = False
    """For discussion."""
    decision: bool = False
    """For decision."""


class WorkstreamProgress(Strict):
    """The narrative for one workstream: the three questions boards ask."""

    number: Annotated[int, Field(ge=1, le=99)]
    """Workstream number."""
    gone_well: Markdown | None = None
    """What has gone well? Cite figures as {evidence:metric-id} or {latest:metric-id}."""
    could_be_better: Markdown | None = None
    """What could be better?"""
    next: Markdown | None = None
    """What needs to happen next?"""
    metrics: list[Id] = []
    """Metrics whose evidence sentence and chart this section shows."""


class Section(Strict):
    """A further free section of a report."""

    title: Text
    """The section's heading."""
    body: Markdown
    """Its text (Markdown). Cite figures as {evidence:metric-id} or {latest:metric-id}."""


class Previous(Strict):
    """The previous report, for "what changed since": a git revision, or its date."""

    revision: Text | None = None
    """A git revision of the plan repository (hash, tag, HEAD~1)."""
    date: Day | None = None
    """The date of the previous report: the plan as last committed on or before that day."""


# How report narrative cites figures ({evidence:metric-id}, {latest:metric-id}), so that they
# always come from the data: validation checks the ids, documents put in the words.
CITATION = re.compile(r"\{(evidence|latest):([^}\s]*)\}")


class Report(Strict):
    """A progress report to a board, one file per meeting in the plan's `reports/` folder."""

    board: Text
    """The board or committee it goes to, e.g. "Health and Wellbeing Board"."""
    meeting: Day
    """Date of the meeting."""
    as_at: Day
    """Status and figures are reported as at this day."""
    title: Text = "SEND Written Statement of Action: progress update"
    """Title of the report."""
    house_style: Id | None = None
    """House style for this report (a folder under templates/); the plan's if omitted."""
    written_by: Text | None = None
    """Who wrote it, e.g. "Peterborough SEND Partnership"."""
    report_of: Text | None = None
    """Whose report it is (Sefton: "Report of"), e.g. "Director of Children's Services"."""
    authors: list[Id] = []
    """Ids of the authors."""
    contacts: list[Id] = []
    """Ids of the contact officers (name, role, email and phone are printed)."""
    board_lead: Id | None = None
    """Id of the board's lead for this item."""
    portfolio: Text | None = None
    """Cabinet portfolio (Sefton header)."""
    wards: Text = "All wards"
    """Wards affected."""
    key_decision: bool = False
    """Is this a key decision?"""
    forward_plan: bool = False
    """Included in the forward plan?"""
    exempt: bool = False
    """Exempt or confidential report?"""
    purpose: Purpose = Purpose(information=True)
    """Is this report for information, discussion or decision?"""
    why: Markdown | None = None
    """Why the report is being brought to the board."""
    summary: Markdown
    """Report summary."""
    recommendations: list[Markdown] = []
    """What the board is asked to do, one item each."""
    reasons: Markdown | None = None
    """Reasons for the recommendations."""
    alternative_options: Markdown | None = None
    """Alternative options considered and rejected."""
    costs: Markdown | None = None
    """What will it cost and how will it be financed?"""
    implications: Markdown | None = None
    """Implications of the proposals (legal, financial, equality ...)."""
    consultations: Markdown | None = None
    """Consultations and engagement."""
    background: Markdown | None = None
    """Introduction and background."""
    previous: Previous | None = None
    """The previous report, to list what changed since."""
    next_meeting: Day | None = None
    """Date of the next meeting: the report lists milestones due before it."""
    workstreams: list[WorkstreamProgress] = []
    """Progress per workstream."""
    risks: list[Id] = []
    """Ids of the plan's risks to show (all of them if empty)."""
    sections: list[Section] = []
    """Further sections, e.g. "Preparation for the revisit"."""
    appendices: list[Text] = []
    """Titles of further appendices to list (the action tracker is always appended)."""
