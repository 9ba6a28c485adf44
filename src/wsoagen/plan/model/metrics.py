"""Metrics in plan.yaml: what is measured, its unit and direction, baseline, targets,
comparators, and the actual values read from data files (`DataPoint`).

In: values as `load` reads them (numbers keep the digits they were written with). Out: validated
metrics whose every figure is a `Figure`: a float that also keeps its written digits, so 28.92
stays 28.92 and 12.10 stays 12.10 in every document, chart label and table (`data.wording.number`).
"""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, PlainSerializer, PlainValidator, WithJsonSchema, model_validator

from wsoagen.plan.dates import parse_when
from wsoagen.plan.load import YamlFloat, YamlInt
from wsoagen.plan.model.fields import FuzzyDate, Id, Ref, Strict, Text


class TooLarge(ValueError):
    """A figure past `LARGEST`."""


class Figure(float):
    """A number and the digits it was written with: `Figure.of("28.92")` is 28.92 with `places` 2.

    It is a float for sums and comparisons; `exact` (a Decimal) and `places` say how to print it.
    `marked` is True when the author wrote a per cent sign or the Excel cell was formatted as a
    percentage, so 0.97% is known to mean 0.97 and not a fraction for 97%.
    """

    exact: Decimal
    places: int
    marked: bool

    def __new__(cls, exact: Decimal, marked: bool = False) -> Figure:
        if not exact.is_finite() or abs(exact) >= LARGEST:
            raise TooLarge(f"{exact} is too large for a figure in a plan (the limit is a thousand million million): check it")
        obj = super().__new__(cls, float(exact))
        obj.exact = exact
        obj.places = max(0, -int(exact.as_tuple().exponent))  # type: ignore[arg-type]
        obj.marked = marked
        return obj

    def __reduce__(self) -> tuple[Any, ...]:
        return (Figure, (self.exact, self.marked))

    @classmethod
    def of(cls, text: str, marked: bool = False) -> Figure:
        """'28.92' -> 28.92 (2 places); '1,204' -> 1204; ValueError if it is not a number."""
        digits = text.strip()
        if not NUMBER.match(digits):
            raise ValueError(f'"{text}" is not a number')
        return cls(Decimal(digits.replace(",", "")), marked)

    @classmethod
    def from_float(cls, value: float, marked: bool = False) -> Figure:
        """A number held as a float (an Excel cell, a YAML number): its shortest digits, without
        float noise (0.12099999999999999 -> 0.121); 12 significant digits at most."""
        if isinstance(value, Figure):
            return value
        d = Decimal(repr(float(value)))
        if d != 0:
            d = round(d, max(0, 11 - d.adjusted()))
        d = d.normalize()
        return cls(d.quantize(Decimal(1)) if d == d.to_integral_value() else d, marked)

    def scaled(self, power: int) -> Figure:
        """The figure times 10**power, digits kept: a percent-formatted 0.121 -> 12.1."""
        d = self.exact.scaleb(power)
        if d == d.to_integral_value() and d.as_tuple().exponent > 0:  # type: ignore[operator]
            d = d.quantize(Decimal(1))
        return Figure(d, self.marked)


LARGEST = Decimal(10) ** 15  # past this no count, rate or sum of money in a plan is real, and charts fail

NUMBER = re.compile(r"^[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
"""A number as people write it: 1204, 1,204, 28.92, -3 (no spaces, no exponent)."""


def parse_figure(value: Any) -> Figure:
    """A figure from plan.yaml: a number (its digits as written), or text such as "0.97%" or "1,204"."""
    if isinstance(value, Figure):
        return value
    if isinstance(value, _Fraction):
        raise ValueError(value.message)
    if isinstance(value, bool):
        raise ValueError("a number is needed here, e.g. 28.92 or 12%")
    if isinstance(value, (YamlInt, YamlFloat)):
        value = value.raw.replace("_", "")
    if isinstance(value, (int, float)):
        return Figure.from_float(value)
    if not isinstance(value, str):
        raise ValueError("a number is needed here, e.g. 28.92 or 12%")
    text = value.strip()
    marked = text.endswith("%")
    digits = text[:-1].strip() if marked else text.lstrip("£")
    try:
        return Figure.of(digits, marked)
    except TooLarge:
        raise
    except (ValueError, InvalidOperation):
        raise ValueError(f'"{value}" is not a number; write it like 28.92, 1,204 or "0.97%"') from None


def _dump_figure(figure: float) -> float | int | str:
    """A figure in plan.json: a JSON number when that keeps its digits (28.92, 155), else its text ("15.50")."""
    if not isinstance(figure, Figure):
        return figure
    if figure.places == 0:
        return int(figure.exact)
    return float(figure) if repr(float(figure)) == str(figure.exact) else str(figure.exact)


FigureValue = Annotated[
    Figure,
    PlainValidator(parse_figure),
    PlainSerializer(lambda f: _dump_figure(f)),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "string", "pattern": r"^[-+]?£?[\d,]+(\.\d+)?%?$"}],
                    "description": 'A number, kept with the digits written: 28.92, 1204, or "0.97%" to say it is a percentage.'}),
]

BASE_UNITS = ("%", "count", "days", "weeks", "months", "score", "£")
RATE = re.compile(r"^per (100|1,000|10,000|100,000)( [a-z][a-z0-9 -]*)?$")


def _unit(value: Any) -> str:
    text = " ".join(str(value).split()) if isinstance(value, str) else value
    if text in BASE_UNITS or (isinstance(text, str) and RATE.match(text)):
        return text
    raise ValueError(f'"{value}" is not a unit: use one of {", ".join(BASE_UNITS)}, or a rate such as "per 10,000 pupils"')


Unit = Annotated[
    str,
    PlainValidator(_unit),
    WithJsonSchema({"anyOf": [{"enum": list(BASE_UNITS)}, {"type": "string", "pattern": RATE.pattern}],
                    "description": 'The unit: %, count, days, weeks, months, score, £ (money), or a rate: '
                                   '"per 100", "per 1,000", "per 10,000 pupils", "per 100,000 children".'}),
]


class Measure(Strict):
    """A value of a metric at a date or for a period."""

    value: FigureValue
    """The number as published (a percentage as 39 for 39%, or "0.97%"); its digits are kept."""
    date: FuzzyDate | None = None
    """When it was measured or is due: "Jan 2019", "April 2021", "academic year 21/22", "2022/23"."""
    label: Text | None = None
    """Words for the milestone or benchmark, e.g. "Year 1", "30% reduction". A label that is a
    period ("academic year 21/22") and no date: the label is the date too, so it is plotted."""

    @model_validator(mode="after")
    def _label_as_date(self) -> Measure:
        if self.date is None and self.label:
            with contextlib.suppress(ValueError):  # words, not a period: a label only
                self.date = parse_when(self.label)
        return self


class Comparator(Strict):
    """A benchmark the metric is read against (England, statistical neighbours, the region): not a target."""

    label: Text
    """Who it is: "England", "Statistical neighbours", "North West average"."""
    value: FigureValue
    """Their figure, in the metric's unit."""
    date: FuzzyDate | None = None
    """The period it is for, e.g. "2022/23" or "January 2023"."""


class DataPoint(BaseModel):
    """One actual value of a metric, read from a data file in the plan's `data/` folder."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)

    date: FuzzyDate
    """When it was measured (a day or a month)."""
    value: FigureValue
    """The value, with the digits the data file has."""
    note: str | None = None
    """A note from the data file."""
    source: str
    """Where it came from: file and row."""


Direction = Literal["higher", "lower", "monitor only"]


class Metric(Strict):
    """A measure that evidences impact: baseline, target and the data that follows."""

    id: Id
    """Short identifier that impact statements and data files use, e.g. `ehcp-20-weeks`."""
    title: Text
    """What is measured, in plain words."""
    section: Text | None = None
    """The heading the KPI table groups it under, e.g. "Timeliness" or "Priority 1"."""
    unit: Unit = "count"
    """The unit of every value: %, count, days, weeks, months, score, £, or a rate ("per 10,000 pupils")."""
    better: Direction = "higher"
    """Which direction is better; "monitor only" for a measure watched without a target direction
    (no "on course" judgement is printed)."""
    baseline: Measure | None = None
    """Where we started."""
    target: Measure | None = None
    """Where we promise to be, and by when."""
    interim_targets: list[Measure] = []
    """Milestone targets on the way."""
    comparators: list[Comparator] = []
    """Benchmarks to read it against (England, statistical neighbours): printed and plotted apart from targets."""
    source: Text | None = None
    """Where the data comes from."""
    evidences: list[Ref] = []
    """Refs of the outcomes this metric evidences, e.g. ["2.2"]."""
    illustrative: bool = False
    """True if the figures are made up for illustration (documents say so)."""

    @model_validator(mode="before")
    @classmethod
    def _percentages_not_fractions(cls, data: Any) -> Any:
        """In a percentage measure, 0.121 is probably a fraction for 12.1%: each such value is
        marked here, and `parse_figure` reports it at its own place (the value, not the metric)."""
        if not isinstance(data, dict) or data.get("unit") != "%":
            return data
        data = dict(data)
        for key, name in (("baseline", "baseline"), ("target", "target")):
            data[key] = _mark_fraction(data.get(key), name)
        for key, name in (("interim_targets", "interim target"), ("comparators", "comparator")):
            if isinstance(data.get(key), list):
                data[key] = [_mark_fraction(m, name) for m in data[key]]
        return data


class _Fraction:
    """A value found to be a fraction in a percentage measure, to be reported by `parse_figure`."""

    def __init__(self, figure: Figure, name: str):
        percent = figure.scaled(2).exact
        self.message = (f"the {name} {figure.exact} looks like a fraction in a percentage measure: write {percent} "
                        f'for {percent}%, or "{figure.exact}%" if that is right')


def _mark_fraction(measure: Any, name: str) -> Any:
    if not isinstance(measure, dict) or "value" not in measure:
        return measure
    try:
        figure = parse_figure(measure["value"])
    except ValueError:
        return measure  # not a number: parse_figure says so in its place
    return {**measure, "value": _Fraction(figure, name)} if 0 < abs(figure) < 1 and not figure.marked else measure
