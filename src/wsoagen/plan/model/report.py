"""A board report file (reports/*.yaml): meeting, purpose, narrative citing figures, progress per
workstream, sections, appendices, and the previous report to compare with.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field

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
    """The previous report, for "what changed since": an earlier report in `reports/`, and where
    the plan then is only in git, the revision or date of the plan it was made from."""

    report: Id | None = None
    """An earlier report in this plan's `reports/` folder, by the name its documents carry (its
    meeting date and board: `2020-01-21-send-executive-board`) or by its meeting date
    (`2020-01-21`). The report says "since the report to <its board> on <its meeting>" and
    compares the statuses and figures with those as at that report's `as_at`."""
    revision: Text | None = None
    """A git revision of the plan repository (hash, tag, HEAD~1): compare with the plan as it was
    committed there. For earlier reports that are not in `reports/`; never printed."""
    date: Day | None = None
    """The date of the previous report: compare with the plan as last committed on or before
    that day (git). Printed as the previous report's date."""
    board: Text | None = None
    """The board the previous report went to, if it is not in `reports/` and not this report's board."""


class Implications(Strict):
    """The implications of the proposals, in general or under the usual headings."""

    text: Markdown | None = None
    """The implications in general, or all of them in one text (Markdown)."""
    resource: Markdown | None = None
    """Resource implications: financial, IT, staffing and assets."""
    legal: Markdown | None = None
    """Legal implications."""
    equality: Markdown | None = None
    """Equality implications."""
    risk: Markdown | None = None
    """Risk implications."""


def _implications(value: Any) -> Any:
    """`implications: some text` is the general text."""
    return {"text": value} if isinstance(value, str) else value


APPENDIX_DOCUMENTS = {"recommendations-tracker": "Recommendations tracker"}
"""Documents the build makes that a report can attach, and their titles."""


class Appendix(Strict):
    """An appendix attached to the report (after the action tracker, which is always Appendix A):
    a document the build makes, or a Markdown file of the plan folder."""

    title: Text | None = None
    """The appendix's title as the report lists it; the document's own title if omitted."""
    document: Literal["recommendations-tracker"] | None = None
    """A document the build makes, attached whole: `recommendations-tracker` (the plan's `recommendations`)."""
    file: Text | None = None
    """A Markdown file in the plan folder, attached as written, e.g. `appendices/terms-of-reference.md`."""

    @property
    def heading(self) -> str:
        return self.title or APPENDIX_DOCUMENTS.get(self.document or "", "") or (self.file or "")


def _appendix(value: Any) -> Any:
    """A bare title names an appendix without attaching it: the `report-appendices` rule says so."""
    return {"title": value} if isinstance(value, str) else value


# How report narrative cites figures ({evidence:metric-id}, {latest:metric-id}), so that they
# always come from the data: validation checks the ids, documents put in the words.
CITATION = re.compile(r"\{(evidence|latest):([^}\s]*)\}")
CITATION_KINDS = ("evidence", "latest")
# What might be meant as a citation: a brace, a word, perhaps a colon and an id, perhaps a closing
# brace (groups: kind, colon, id, close). Where CITATION does not match at the same place, the
# `citations` rule decides whether it is a malformed one, which a document would print as written.
CITATION_LIKE = re.compile(r"\{\s*([A-Za-z][\w-]*)\s*(:)?\s*([^\s{}]*)\s*(\})?")


def report_name(meeting: date, board: str) -> str:
    """2020-01-21-send-executive-board: the meeting date, then the board; the name its documents
    carry (report-<name>.pdf) and `previous: report:` uses."""
    return f"{meeting.isoformat()}-{re.sub(r'[^a-z0-9]+', '-', board.lower()).strip('-')}"


class Report(Strict):
    """A progress report to a board, one file per meeting in the plan's `reports/` folder."""

    board: Text
    """The board or committee it goes to, e.g. "Health and Wellbeing Board"."""
    meeting: Day
    """Date of the meeting."""
    as_at: Day
    """Status and figures are reported as at this day."""
    time: Text | None = None
    """When the meeting starts, as the agenda gives it, e.g. "2.00 pm" (board pack front sheet)."""
    venue: Text | None = None
    """Where the meeting is held, e.g. "Sand Martin House, Peterborough" (board pack front sheet)."""
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
    """Ids of the contact officers: name, role, telephone and email (from plan.yaml `people`) are printed."""
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
    """Exempt or confidential report? The board pack marks it "Exempt: not for publication"."""
    purpose: Purpose = Purpose(information=True)
    """Is this report for information, discussion or decision?"""
    why: Markdown | None = None
    """Why the report is being brought to the board."""
    considered_by: Markdown | None = None
    """Has the report been considered at any other committee, board or meeting? (Cheshire East's executive summary)"""
    benefits: Markdown | None = None
    """If the recommendations are adopted, how will residents benefit? (Cheshire East's executive summary)"""
    summary: Markdown
    """Report summary."""
    recommendations: list[Markdown] = []
    """What the board is asked to do, one item each."""
    reasons: Markdown | None = None
    """Reasons for the recommendations."""
    priorities: Markdown | None = None
    """How the report bears on the board's strategy priorities (Cheshire East: "Impact on Health
    and Wellbeing Strategy Priorities")."""
    alternative_options: Markdown | None = None
    """Alternative options considered and rejected."""
    costs: Markdown | None = None
    """What will it cost and how will it be financed?"""
    implications: Annotated[Implications, BeforeValidator(_implications)] | None = None
    """Implications of the proposals: one text, or `resource`, `legal`, `equality`, `risk` (Markdown each)."""
    core_purpose: Markdown | None = None
    """Contribution to the council's core purpose (Sefton)."""
    consultations: Markdown | None = None
    """Consultations and engagement: who was consulted, and when."""
    implementation_date: Text | None = None
    """When a decision takes effect (Sefton: "Implementation Date for the Decision"), e.g.
    "Immediately following the meeting"."""
    background: Markdown | None = None
    """Introduction and background."""
    previous: Previous | None = None
    """The previous report, to list what changed since; without it the report says it is the first."""
    next_meeting: Day | None = None
    """Date of the next meeting: the report lists milestones due before it."""
    workstreams: list[WorkstreamProgress] = []
    """Progress per workstream."""
    risks: list[Id] = []
    """Ids of the plan's risks to show (all of them if empty)."""
    sections: list[Section] = []
    """Further sections, e.g. "Preparation for the revisit"."""
    appendices: list[Annotated[Appendix, BeforeValidator(_appendix)]] = []
    """Further appendices, attached after the action tracker (Appendix A): `document:
    recommendations-tracker`, or `file:` a Markdown file of the plan folder, each with an
    optional `title`. A document that is only named, not attached, is a background paper."""
    background_papers: list[Text] = []
    """Documents the report draws on that are not attached (a previous report, an inspection
    letter), listed by title: readers ask the contact officer for them."""

    @property
    def name(self) -> str:
        """2020-01-21-send-executive-board: what its documents are called, and how `previous:` names it."""
        return report_name(self.meeting, self.board)
