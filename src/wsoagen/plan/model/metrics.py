"""Metrics in plan.yaml: what is measured, its unit and direction, baseline, targets, and the
actual values read from data files (`DataPoint`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from wsoagen.plan.model.fields import FuzzyDate, Id, Ref, Strict, Text


class Measure(Strict):
    """A value of a metric at a date or for a period."""

    value: float
    """The number (a percentage as 39 for 39%)."""
    date: FuzzyDate | None = None
    """When it was measured or is due, e.g. "Jan 2019" or "April 2021"."""
    label: Text | None = None
    """Words for the period or benchmark, e.g. "academic year 21/22", "England average"."""


class DataPoint(BaseModel):
    """One actual value of a metric, read from a data file in the plan's `data/` folder."""

    model_config = ConfigDict(extra="forbid")

    date: FuzzyDate
    """When it was measured (a day or a month)."""
    value: float
    """The value."""
    note: str | None = None
    """A note from the data file."""
    source: str
    """Where it came from: file and row."""


class Metric(Strict):
    """A measure that evidences impact: baseline, target and the data that follows."""

    id: Id
    """Short identifier that impact statements and data files use, e.g. `ehcp-20-weeks`."""
    title: Text
    """What is measured, in plain words."""
    unit: Literal["%", "count", "days", "weeks", "months", "score"] = "count"
    """The unit of every value."""
    better: Literal["higher", "lower"] = "higher"
    """Which direction is better."""
    baseline: Measure | None = None
    """Where we started."""
    target: Measure | None = None
    """Where we promise to be, and by when."""
    interim_targets: list[Measure] = []
    """Milestone targets on the way."""
    source: Text | None = None
    """Where the data comes from."""
    evidences: list[Ref] = []
    """Refs of the outcomes this metric evidences, e.g. ["2.2"]."""
    illustrative: bool = False
    """True if the figures are made up for illustration (documents say so)."""
