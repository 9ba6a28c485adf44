"""Figures, dates and counts in words: one form for each, in every document wsoagen writes.

Every number, date or count phrase in a document, an alt text, a "what changed" line or a data
diagnostic comes from here, so a report never words the same fact two ways. The forms follow
seed 000 ("a reduction from 135 assessments on 28/01/2019 to 1 assessment on 22/07/2019",
"from 4% ... in March 2019 to 82% in June 2019"):

- a figure: `number(1234, "count")` "1,234"; "96.5%", "12 weeks", "1 week", "£1,250", "4.5 per 10,000
  pupils". A figure from the plan or its data (a `Figure`) keeps every digit it was written with
  (28.92, 0.97%, 12.10); a number wsoagen works out (a count, an axis tick) has at most one decimal;
- a document's own date (as at, meeting): `long_date` "10 June 2019"; a meeting on an agenda:
  `weekday_date` "Tuesday 21 January 2020";
- the date of a figure from the data: `point_date` "26/02/2019" for a day, "January 2019" for a month;
- a figure at its date: `figure_at` "155 on 26/02/2019", "9% in January 2019" (**155** in Markdown),
  and a baseline, which is a figure at its date too: `baseline` "39% in November 2019";
- a target: `target` "90% by March 2020 (England average)", its date quoted as the plan writes
  it, like every deadline and status date the plan states; the target phrase: `against_target`
  "against a target of 90% by March 2020";
  on course or not: `course` (never for a "monitor only" measure); a comparator: `comparator`
  "24.6% in 2022/23 (England)";
- how many: `count(3, "outcome")` "3 outcomes"; milestone progress: `progress`
  "11 of 106 milestones are complete and 35 are overdue, as at 31 March 2020";
- a value echoed in a diagnostic, as the cell held it: `exact` "1,234.56";
- words around data: `a_or_an` "an area SEND inspection", `join_and` "1, 2 and 3".
"""

from __future__ import annotations

from datetime import date

from wsoagen.plan.dates import When
from wsoagen.plan.model import DataPoint, Measure, Metric
from wsoagen.plan.model.metrics import Comparator, Figure

TIME_UNITS = ("days", "weeks", "months")


def number(value: float, unit: str = "count") -> str:
    """39% / 155 / 12 weeks / 1 week / 1,234 / 96.5% / 28.92 / £1,250 / 4.5 per 10,000 pupils: as a council report prints it."""
    text = _digits(value)
    sign = "-" if value < 0 else ""
    if unit == "%":
        return f"{sign}{text}%"
    if unit == "£":
        return f"{sign}£{text}"
    text = sign + text
    if unit in TIME_UNITS:
        return f"{text} {unit[:-1] if value == 1 else unit}"
    if unit.startswith("per "):
        return f"{text} {unit}"
    return text


def _digits(value: float) -> str:
    """A figure's digits as written (a `Figure`), else at most one decimal; no sign."""
    if isinstance(value, Figure):
        return f"{abs(value.exact):,}"
    return f"{abs(value):,.0f}" if float(value).is_integer() else f"{abs(value):,.1f}"


def plain_number(value: float, unit: str) -> str:
    """A figure without a rate's words, for a table or axis whose heading names the rate: "4.5"."""
    return number(value, "count") if unit.startswith("per ") else number(value, unit)


def exact(value: float) -> str:
    """A value with every digit it has (1,234.56; 150; -3), for messages about the cell that held it."""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,}"


def long_date(d: date | When | None) -> str:
    """10 June 2019 (no leading zero, as council documents write it); a date known only to the
    month: June 2019; any other span as the plan writes it."""
    if isinstance(d, When):
        return long_date(d.start) if d.precision == "day" and d.kind == "by" else point_date(d)
    return f"{d.day} {d:%B %Y}" if d else ""


def weekday_date(d: date) -> str:
    """Tuesday 21 January 2020: a meeting's date as an agenda front sheet gives it."""
    return f"{d:%A} {long_date(d)}"


def point_date(when: When) -> str:
    """When a figure was measured: 26/02/2019 for a day, January 2019 for a month."""
    if when.precision == "day":
        return f"{when.start:%d/%m/%Y}"
    if when.precision == "month":
        return f"{when.start:%B %Y}"
    return when.text


def _at(when: When) -> str:
    """'on 26/02/2019', 'in January 2019'; 'in Q1 2020' (a span is written as the plan has it)."""
    return f"{'on' if when.precision == 'day' else 'in'} {point_date(when)}"


def figure_at(point: DataPoint, unit: str, bold: bool = False) -> str:
    """'155 on 26/02/2019', '9% in January 2019'; bold: '**155** on 26/02/2019' (Markdown)."""
    value = number(point.value, unit)
    return f"{f'**{value}**' if bold else value} {_at(point.date)}"


def _label(m: Measure) -> tuple[str, bool]:
    """The measure's label as printed after its figure, and whether it says the date already:
    a label that repeats the date ("academic year 21/22" for academic year 21/22) is not printed
    again, and a label holding the date ("Year 1 (March 2023)") stands in for it."""
    if not m.label:
        return "", False
    if m.date is None:
        return f" ({m.label})", False
    label, when = _norm(m.label), _norm(m.date.text)
    if label in when:
        return "", False
    return f" ({m.label})", when in label


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def baseline(m: Measure, unit: str) -> str:
    """A baseline, a figure at its date: '39% in November 2019', '10.9% in academic year 21/22'."""
    label, dated = _label(m)
    text = f"{number(m.value, unit)} {_at(m.date)}" if m.date and not dated else number(m.value, unit)
    return text + label


def target(m: Measure, unit: str) -> str:
    """A target or interim target: '90% by March 2020 (England average)', the date as the plan writes it."""
    label, dated = _label(m)
    text = f"{number(m.value, unit)} by {m.date.text}" if m.date and not dated else number(m.value, unit)
    return text + label


def comparator(c: Comparator, unit: str) -> str:
    """A benchmark: '24.6% in 2022/23 (England)', '3.1 per 10,000 pupils (statistical neighbours)'."""
    text = f"{number(c.value, unit)} {_at(c.date)}" if c.date else number(c.value, unit)
    return f"{text} ({c.label})"


def against_target(metric: Metric) -> str:
    """'against a target of 90% by March 2020', or '' if the metric has no target."""
    return f"against a target of {target(metric.target, metric.unit)}" if metric.target else ""


def course(on_course: bool | None) -> str:
    """'on course', 'not on course', or '' when there is nothing to judge against."""
    return "" if on_course is None else ("on course" if on_course else "not on course")


def direction(metric: Metric) -> str:
    """What counts as better, in words: 'higher', 'lower', 'monitored only (no target direction)'."""
    return "monitored only (no target direction)" if metric.better == "monitor only" else metric.better


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'1 outcome', '3 outcomes', '1,204 milestones'."""
    return f"{number(n)} {singular if n == 1 else (plural or singular + 's')}"


def progress(complete: int, total: int, overdue: int, as_at: date) -> str:
    """'11 of 106 milestones are complete and 35 are overdue, as at 31 March 2020' (no full stop)."""
    verb = "is" if complete == 1 or total == 1 else "are"  # "1 of 5 milestones is", "0 of 1 milestone is"
    return (f"{number(complete)} of {count(total, 'milestone')} {verb} complete "
            f"and {number(overdue)} {'is' if overdue == 1 else 'are'} overdue, as at {long_date(as_at)}")


# Words that sound as if they start with a vowel though they do not, and the reverse.
_A_BEFORE = ("one", "once", "uni", "use", "usu", "uti", "eu", "ewe")
_AN_BEFORE = ("hour", "honest", "honour", "heir")


def a_or_an(phrase: str) -> str:
    """'an area SEND inspection', 'a SEND local area inspection', 'an hour', 'a unit': the phrase
    with its indefinite article (by the first word's spelling; acronyms read as words, like SEND)."""
    word = phrase.split(" ", 1)[0].lower()
    vowel = word[:1] in ("a", "e", "i", "o", "u")
    if word.startswith(_A_BEFORE):
        vowel = False
    elif word.startswith(_AN_BEFORE):
        vowel = True
    return f"{'an' if vowel else 'a'} {phrase}"


def join_and(items: list[str]) -> str:
    """'1', '1 and 3', '1, 3 and 4'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}" if items else ""


# ---------------------------------------------------------------- how current the statuses are


def recorded_when(when: When) -> str:
    """When a status was recorded, as a sentence says it: 'on 16 December 2019', 'in January 2020'."""
    if when.precision == "day":
        return f"on {long_date(when.start)}"
    if when.precision == "month":
        return f"in {when.start:%B %Y}"
    return f"in {when.text}"


def status_currency(as_at: date, last: When | None, stale: bool) -> str:
    """The sentence every document carries about its date and how current its statuses are."""
    if last is None:
        return f"Statuses as at {long_date(as_at)}: no status has been recorded yet."
    if stale:
        return (f"Statuses were last updated {recorded_when(last)}, well before this document's date of "
                f"{long_date(as_at)}: a milestone shown as overdue may have moved on since then.")
    return f"Statuses as at {long_date(as_at)}, last recorded {recorded_when(last)}."


def lapsed_status(status_label: str | None, when: When | None) -> str:
    """A milestone whose deadline passed with no status since: one clear state, not two badges.
    'Green at Jan 2020 · deadline passed, no later update'; 'Not rated · deadline passed'."""
    if status_label is None:
        return "Not rated · deadline passed"
    at = f" at {when.text}" if when else ""
    return f"{status_label}{at} · deadline passed, no later update"
