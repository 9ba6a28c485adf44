"""Turn metric values into words: evidence sentences for reports and alt text for charts.

Figures in the text always come from the data, in seed 000's style:
"a reduction from **155** on 26/02/2019 to **5** on 22/07/2019" (Markdown, figures in bold),
and "New EHC plans issued within 20 weeks rose from 9% in January 2019 to 96% in June 2019,
against a target of 90%." (plain text, for alt attributes).
"""

from __future__ import annotations

from wsoagen.data.status import MetricProgress
from wsoagen.plan.dates import When
from wsoagen.plan.model import DataPoint, Measure, Metric


def number(value: float, unit: str) -> str:
    """39% / 155 / 12 weeks / 1,234: as a council report prints it."""
    text = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"
    if unit == "%":
        return f"{text}%"
    if unit in ("days", "weeks", "months"):
        return f"{text} {unit[:-1] if value == 1 else unit}"
    return text


def when_words(when: When | None, label: str | None = None) -> str:
    """'on 26/02/2019' for a day, 'in January 2019' for a month; a label wins ("England average")."""
    if label:
        return f"({label})"
    if when is None:
        return ""
    if when.precision == "day":
        return f"on {when.start:%d/%m/%Y}"
    if when.precision == "month":
        return f"in {when.start:%B %Y}"
    return f"by {when.text}"


def _measure(metric: Metric, m: Measure, preposition: str = "by") -> str:
    text = number(m.value, metric.unit)
    if m.date:
        text += f" {preposition} {m.date.text}"
    if m.label:
        text += f" ({m.label})"
    return text


def evidence_sentence(metric: Metric, progress: MetricProgress) -> str | None:
    """'an increase from **9%** in January 2019 to **96%** in June 2019' (Markdown), or None."""
    first, latest = progress.first, progress.latest
    if latest is None:
        return None
    unit = metric.unit
    if first is None or first is latest:
        return f"**{number(latest.value, unit)}** {when_words(latest.date)}"
    if latest.value == first.value:
        change = "no change from"
    else:
        change = "an increase from" if latest.value > first.value else "a reduction from"
    return (f"{change} **{number(first.value, unit)}** {when_words(first.date)} "
            f"to **{number(latest.value, unit)}** {when_words(latest.date)}")


def target_words(metric: Metric, progress: MetricProgress) -> str:
    """', against a target of 90% by June 2019' or ''."""
    target = metric.target
    return f", against a target of {_measure(metric, target)}" if target else ""


def alt_text(metric: Metric, progress: MetricProgress) -> str:
    """One or two sentences that state what the chart shows, for its alt attribute."""
    unit = metric.unit
    first, latest = progress.first, progress.latest
    if latest is None:
        base = f" The baseline is {_measure(metric, metric.baseline, 'in')}." if metric.baseline else ""
        return f"{metric.title}: no data yet.{base}{target_words(metric, progress).replace(', against a', ' The')}".strip()
    if first is latest:
        sentence = f"{metric.title} was {number(latest.value, unit)} {when_words(latest.date)}"
    else:
        verb = "stayed at" if latest.value == first.value else ("rose" if latest.value > first.value else "fell")
        if verb == "stayed at":
            sentence = f"{metric.title} stayed at {number(latest.value, unit)} from {when_words(first.date)[3:]} to {when_words(latest.date)[3:]}"
        else:
            sentence = (f"{metric.title} {verb} from {number(first.value, unit)} {when_words(first.date)} "
                        f"to {number(latest.value, unit)} {when_words(latest.date)}")
    sentence += target_words(metric, progress) + "."
    if progress.on_course is not None and progress.target_now is not None:
        sentence += (" This is on course." if progress.on_course else " This is not on course.")
    return sentence


def point_words(metric: Metric, point: DataPoint) -> tuple[str, str]:
    """(date, value) as a data table shows them."""
    when = point.date
    label = f"{when.start:%d/%m/%Y}" if when.precision == "day" else f"{when.start:%B %Y}"
    return label, number(point.value, metric.unit)
