"""The building blocks of every plan file's schema: text, ids, refs, fuzzy dates, days, Markdown.

In: values as `load` reads them (numbers keep their written digits). Out: validated Python
values; each type's JSON Schema says how to write it.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    PlainSerializer,
    PlainValidator,
    StringConstraints,
    WithJsonSchema,
)

from wsoagen.plan.dates import When, parse_interval, parse_when
from wsoagen.plan.load import YamlFloat, YamlInt


def as_text(value: Any) -> Any:
    """Numbers written where text is expected keep the author's digits (`1.10` -> "1.10")."""
    if isinstance(value, (YamlInt, YamlFloat)):
        return value.raw
    if isinstance(value, str):
        return value.strip()
    return value


Text = Annotated[str, BeforeValidator(as_text), StringConstraints(min_length=1)]
"""Non-empty text. Markdown is allowed where the field says so."""

Id = Annotated[
    str,
    BeforeValidator(as_text),
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=60),
]
"""A short identifier: lowercase letters, digits and hyphens, e.g. `sheelagh-sullivan`."""

REF_PATTERN = r"^(\d+|[A-Z])(\.\d+)*[a-z]?$"
Ref = Annotated[str, BeforeValidator(as_text), StringConstraints(pattern=REF_PATTERN)]
"""A plan reference such as `1.1` (outcome) or `1.1a` (action); plans that letter their areas
write `A`, `A.1`, `A.1a`."""


def _parse_when(value: Any) -> When:
    if isinstance(value, When):
        return value
    if isinstance(value, (YamlInt, YamlFloat)):
        value = value.raw
    if not isinstance(value, str):
        raise ValueError("a date is needed here, e.g. \"Nov 2019\" or \"31 March 2024\"")
    return parse_when(value)


def _dump_when(value: When) -> dict[str, Any]:
    return {
        "text": value.text,
        "start": value.start.isoformat(),
        "end": value.end.isoformat() if value.end else None,
        "precision": value.precision,
        "kind": value.kind,
    }


FuzzyDate = Annotated[
    When,
    PlainValidator(_parse_when),
    PlainSerializer(_dump_when),
    WithJsonSchema(
        {
            "type": "string",
            "description": 'A date as people write it: "Nov 2019", "31 March 2024", "From Feb 2020", '
            '"Ongoing from March 2020", "June 2020 to April 2021", "2020-06".',
        }
    ),
]


def _parse_day(value: Any) -> date:
    when = _parse_when(value)
    if when.precision != "day" or when.kind != "by":
        raise ValueError(f'"{when.text}" is not a single day; write it like 2019-06-10 or 10 June 2019')
    return when.start


Day = Annotated[
    date,
    PlainValidator(_parse_day),
    PlainSerializer(lambda d: d.isoformat()),
    WithJsonSchema({"type": "string", "description": "A day: 2019-06-10 or 10 June 2019."}),
]


def _parse_day_or_month(value: Any) -> When:
    when = _parse_when(value)
    if when.kind != "by" or when.precision not in ("day", "month"):
        raise ValueError(f'"{when.text}" is not a day or a month; write it like 2023-03-06, 6 March 2023 or March 2023')
    return when


DayOrMonth = Annotated[
    When,
    PlainValidator(_parse_day_or_month),
    # a day as 2023-03-06, a month as 2023-03: what was written, no invented day
    PlainSerializer(lambda w: w.start.isoformat() if w.precision == "day" else w.start.isoformat()[:7]),
    WithJsonSchema({"type": "string", "description": "A day (2023-03-06, 6 March 2023) or, when only the month is known, a month (March 2023)."}),
]
"""A day, or a month when that is all that is known (an inspection "in March 2023")."""


class MarkdownField:
    """Marks a field as Markdown; the `markdown` rule (plan/rules/markdown.py) checks its links and images."""


Markdown = Annotated[Text, MarkdownField()]
"""Text with Markdown: paragraphs, **bold**, *italic*, lists with `- `, links. Raw HTML is shown as text."""


class Strict(BaseModel):
    """Base for every plan object: unknown keys are errors, docstrings are descriptions."""

    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=False)


def _parse_interval(value: Any) -> str:
    text = as_text(value)
    if not isinstance(text, str):
        raise ValueError('a length of time is needed here, e.g. "3 months"')
    parse_interval(text)
    return text


Interval = Annotated[
    str,
    PlainValidator(_parse_interval),
    WithJsonSchema({"type": "string", "pattern": r"^\s*\d{1,3}\s+(day|week|month)s?\s*$",
                    "description": 'A length of time: "3 months", "6 weeks", "90 days".'}),
]
