"""Turn deadlines as people write them into comparable date ranges.

`parse_when("Nov 2019")` -> When(text="Nov 2019", start=2019-11-01, end=2019-11-30,
precision="month", kind="by"). The author's words stay in `text` for display; `start`/`end`
are what status logic compares with an as-at date. Accepted forms (case-insensitive):

    31 March 2024 | 31/03/2024 | 2024-03-31 | 31st March 2024     a day
    Nov 2019 | Sept 2019 | January 2020 | 2020-06 | 06/2020      a month
    2020                                                         a year
    Q1 2020 | Spring 2020                                        a quarter or season
    academic year 21/22 | 2021/22 | AY 2021-22                   an academic year (1 September to 31 August)
    financial year 2021-22 | FY 21/22                            a financial year (1 April to 31 March)
    By March 2020 | End of March 2020                            the same, "by"
    From Feb 2020 | Ongoing from March 2020 | Nov 2019-          open-ended: no end
    June 2020 to April 2021 | June 2020 - April 2021             a range

Anything else raises `ValueError` with a message for a council officer.

Two-digit years: one rule everywhere. "YY" is the year 20YY: "May 25" is May 2025, "Jul-23" is
July 2023, "01/05/25" is 1 May 2025, "21/22" in "academic year 21/22" is 2021 to 2022. Where the
words could be read another way ("May 25" as 25 May), `misreadable` says so, and whoever has a
place to report it (a data file's cell, a plan field) gives a warning naming the reading taken.
A year span written without a kind ("2021/22") is an academic year, as SEND data are reported.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

Precision = Literal["day", "month", "quarter", "year"]
Kind = Literal["by", "from", "ongoing", "range"]

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# Seasons as English councils use them in plans (meteorological).
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}

EXAMPLES = '"Nov 2019", "31 March 2024", "From Feb 2020" or "June 2020 to April 2021"'


@dataclass(frozen=True)
class When:
    """A fuzzy date: the words as written and the span of days they cover.

    `end` is None for open-ended forms ("From Feb 2020"): such a milestone is never overdue.
    """

    text: str
    start: date
    end: date | None
    precision: Precision
    kind: Kind


@dataclass(frozen=True)
class _Span:
    start: date
    end: date
    precision: Precision


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year(text: str) -> int:
    year = int(text)
    if year < 100:
        year += 2000
    if not 1990 <= year <= 2100:
        raise ValueError(f"year {year} is out of range")
    return year


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    if key not in MONTHS:
        raise KeyError(name)
    return MONTHS[key]


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ValueError(f"{day} {calendar.month_name[month]} {year} is not a real date") from None


_YEARS = re.compile(r"^(?:(academic|school|financial)\s+year\s+|(AY|FY)\s*)(\d{2}|\d{4})\s*[/-]\s*(\d{2}|\d{4})$", re.I)
_PLAIN_YEARS = re.compile(r"^()()(\d{4})\s*/\s*(\d{2}|\d{4})$")  # 2021/22: an academic year

_SINGLE_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "iso-day"),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), "iso-month"),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$"), "dmy"),
    (re.compile(r"^(\d{1,2})/(\d{4})$"), "my"),
    (re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+\.?),?\s+(\d{4})$"), "day-month-year"),
    (re.compile(r"^([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$"), "month-day-year"),
    (re.compile(r"^([A-Za-z]+\.?)\s*[,-]?\s*(\d{4}|'?\d{2})$"), "month-year"),
    (re.compile(r"^Q([1-4])\s+(\d{4})$", re.I), "quarter"),
    (re.compile(r"^(\d{4})$"), "year"),
]


def _single(text: str) -> _Span:
    """One date expression -> the span of days it covers."""
    s = " ".join(text.split())
    return _year_span(s) or _one_form(s)


def _one_form(s: str) -> _Span:
    for pattern, form in _SINGLE_FORMS:
        m = pattern.match(s)
        if not m:
            continue
        g = m.groups()
        if form == "iso-day":
            d = _day(_year(g[0]), _check_month(int(g[1])), int(g[2]))
            return _Span(d, d, "day")
        if form == "dmy":
            d = _day(_year(g[2]), _check_month(int(g[1])), int(g[0]))
            return _Span(d, d, "day")
        if form in ("iso-month", "my"):
            year, month = (_year(g[0]), int(g[1])) if form == "iso-month" else (_year(g[1]), int(g[0]))
            month = _check_month(month)
            return _Span(date(year, month, 1), _month_end(year, month), "month")
        if form == "day-month-year":
            d = _day(_year(g[2]), _month(g[1]), int(g[0]))
            return _Span(d, d, "day")
        if form == "month-day-year":
            d = _day(_year(g[2]), _month(g[0]), int(g[1]))
            return _Span(d, d, "day")
        if form == "month-year":
            word, year = g[0], _year(g[1].lstrip("'"))
            if word.lower() in SEASONS:
                first, last = SEASONS[word.lower()]
                end_year = year + 1 if last < first else year
                return _Span(date(year, first, 1), _month_end(end_year, last), "quarter")
            month = _month(word)
            return _Span(date(year, month, 1), _month_end(year, month), "month")
        if form == "quarter":
            q, year = int(g[0]), _year(g[1])
            return _Span(date(year, 3 * q - 2, 1), _month_end(year, 3 * q), "quarter")
        if form == "year":
            year = _year(g[0])
            return _Span(date(year, 1, 1), date(year, 12, 31), "year")
    raise KeyError(s)


def _year_span(s: str) -> _Span | None:
    m = _YEARS.match(s) or _PLAIN_YEARS.match(s)
    return _years(m.group(1) or m.group(2) or "", m.group(3), m.group(4)) if m else None


def _years(kind: str, first: str, second: str) -> _Span:
    """An academic (September to August) or financial (April to March) year such as 2021/22."""
    start = _year(first)
    end = _year(second) if len(second) == 4 else start - start % 100 + int(second) + (100 if int(second) < start % 100 else 0)
    if end != start + 1:
        raise ValueError(f"a year span runs from one year to the next, e.g. {start}/{str(start + 1)[2:]}")
    month = 4 if kind.lower() in ("financial", "fy") else 9
    return _Span(date(start, month, 1), _month_end(end, month - 1), "year")


_MISREADABLE = re.compile(r"^([A-Za-z]+)\.?\s*[,-]?\s*(\d{2})$")


def misreadable(text: str) -> str | None:
    """Why a date with a two-digit year could be misread, or None: "May 25" could be 25 May."""
    m = _MISREADABLE.match(" ".join(text.split()))
    if not m or m.group(1).lower().rstrip(".") not in MONTHS or int(m.group(2)) > 31:
        return None
    day, year = int(m.group(2)), 2000 + int(m.group(2))
    month = calendar.month_name[MONTHS[m.group(1).lower().rstrip(".")]]
    return (f'"{text}" is read as {month} {year} (a two-digit year is 20YY), not {day} {month}; '
            f'write "{month} {year}" to make it certain')


def _check_month(month: int) -> int:
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    return month


_FROM = re.compile(r"^(ongoing\s+)?(?:from|starting|commencing)\s+(.+)$", re.I)
_BY = re.compile(r"^(?:by|by end of|end of|by the end of)\s+(.+)$", re.I)
_RANGE = re.compile(r"^(.+?)\s*(?:\bto\b|\buntil\b|–|—|\s-\s)\s*(.+)$", re.I)


def parse_when(text: str) -> When:
    """Parse a deadline or status date as written; raise ValueError saying what is wrong."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError(f"a date is needed here, e.g. {EXAMPLES}")
    s = " ".join(text.strip().split())
    try:
        if m := _FROM.match(s):
            span = _single(m.group(2))
            return When(text, span.start, None, span.precision, "ongoing" if m.group(1) else "from")
        if s.endswith("-") and not s.endswith("--"):
            span = _single(s[:-1].strip())
            return When(text, span.start, None, span.precision, "from")
        if m := _BY.match(s):
            span = _single(m.group(1))
            return When(text, span.start, span.end, span.precision, "by")
        if (m := _RANGE.match(s)) and not re.match(r"^\d{4}-\d", s):
            first, last = _single(m.group(1)), _single(m.group(2))
            if last.end < first.start:
                raise _EndsBeforeStart
            precision = first.precision if first.precision == last.precision else "day"
            return When(text, first.start, last.end, precision, "range")
        span = _single(s)
        return When(text, span.start, span.end, span.precision, "by")
    except KeyError:
        raise ValueError(f'cannot read "{text}" as a date; write it like {EXAMPLES}') from None
    except _EndsBeforeStart:
        raise ValueError(f'"{text}" ends before it starts') from None
    except ValueError as exc:
        raise ValueError(f'"{text}": {exc}') from None


class _EndsBeforeStart(Exception):
    pass


# ---------------------------------------------------------------- intervals ("3 months")

_INTERVAL = re.compile(r"^\s*(\d{1,3})\s+(day|week|month)s?\s*$")


def parse_interval(text: str) -> tuple[int, str]:
    """'3 months' -> (3, 'month'); '6 weeks', '90 days' likewise. ValueError in plain words."""
    match = _INTERVAL.match(text)
    if not match:
        raise ValueError(f'"{text}" is not a length of time: write it like "3 months", "6 weeks" or "90 days"')
    return int(match.group(1)), match.group(2)


def before(day: date, interval: tuple[int, str]) -> date:
    """The day `interval` before `day` (a month before 31 March is the last day of February)."""
    n, unit = interval
    if unit == "day":
        return date.fromordinal(day.toordinal() - n)
    if unit == "week":
        return date.fromordinal(day.toordinal() - 7 * n)
    months = day.year * 12 + day.month - 1 - n
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
