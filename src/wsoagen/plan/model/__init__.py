"""The plan schema: what a plan folder may hold, as pydantic v2 models.

In: plain trees from `load` (one `PlanFile` for plan.yaml, one `Workstream` per workstream file).
Out: validated objects; `Plan` joins them. Each field's docstring is its description in the
JSON Schema that editors use (`wsoagen schema`), so write them for the people editing YAML.
The models live in fields.py (value types), plan_file.py, metrics.py, workstream.py and report.py,
one per kind of file, and kinds.py (what kind of plan it is, and the words that follow); import them from here. Rules that read more than one value (refs,
people, statuses against the plan's scheme, safe Markdown) live in `rules/`, one module each.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from wsoagen.plan.model.fields import Day, DayOrMonth, FuzzyDate, Id, Markdown, MarkdownField, Ref, Strict, Text, as_text
from wsoagen.plan.model.kinds import KINDS, STEMS, Kind, kind_of
from wsoagen.plan.model.plan_file import (
    DEFAULT_RESOURCE_FLAGS,
    DEFAULT_STATUSES,
    AreaName,
    Board,
    DataPoint,
    Foreword,
    Inspection,
    Inspector,
    Measure,
    Metric,
    Organisation,
    OwnField,
    Person,
    PlanFile,
    Recommendation,
    ResourceFlag,
    Risk,
    Status,
    StatusScheme,
    Update,
)
from wsoagen.plan.model.report import (
    CITATION,
    Appendix,
    Implications,
    Previous,
    Purpose,
    Report,
    Section,
    WorkstreamProgress,
    report_name,
)
from wsoagen.plan.model.workstream import Action, DeliveryPartner, Impact, Milestone, Outcome, Workstream

__all__ = [
    "KINDS",
    "STEMS",
    "Action",
    "AreaName",
    "DayOrMonth",
    "Kind",
    "OwnField",
    "kind_of",
    "Appendix",
    "Board",
    "CITATION",
    "DEFAULT_RESOURCE_FLAGS",
    "DEFAULT_STATUSES",
    "DataPoint",
    "Day",
    "DeliveryPartner",
    "Foreword",
    "FuzzyDate",
    "Id",
    "Impact",
    "Implications",
    "Inspection",
    "Inspector",
    "Markdown",
    "MarkdownField",
    "Measure",
    "Metric",
    "Milestone",
    "Organisation",
    "Outcome",
    "Person",
    "Plan",
    "PlanFile",
    "Previous",
    "Purpose",
    "Recommendation",
    "Ref",
    "Report",
    "ResourceFlag",
    "Risk",
    "Section",
    "Status",
    "StatusScheme",
    "Strict",
    "Text",
    "Update",
    "as_text",
    "report_name",
    "Workstream",
    "WorkstreamProgress",
]


class Plan(BaseModel):
    """A whole validated plan: plan.yaml joined with its workstreams, in number order."""

    model_config = ConfigDict(extra="forbid")

    name: str
    """The plan folder's name."""
    file: PlanFile
    """plan.yaml: the plan as a whole (local area, people, inspection, status scheme, metrics, ...)."""
    workstreams: list[Workstream]
    series: dict[str, list[DataPoint]] = {}
    """Actual values per metric id, oldest first, merged from the data files."""
    reports: list[Report] = []
    """Board reports in the plan's reports/ folder, by meeting date."""

    def statuses(self) -> list[Status]:
        """The status key: the declared statuses, BRAG when none are declared (`plan.statuses` decides)."""
        from wsoagen.plan.statuses import Statuses  # it builds on this module

        return list(Statuses.of(self.file).declared)

    @property
    def kind(self) -> Kind:
        """The plan's kind and its words (`kind.name`, `kind.areas`, `kind.stem`)."""
        return kind_of(self.file.kind)

    def resource_flags(self) -> list[ResourceFlag]:
        return self.file.resource_flags or DEFAULT_RESOURCE_FLAGS
