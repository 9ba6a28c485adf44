"""Turn a metric's values into sentences: evidence for reports and alt text for charts.

Figures in the text always come from the data, worded by `data.wording` in seed 000's style:
"a reduction from **155** on 26/02/2019 to **5** on 22/07/2019" (Markdown, figures in bold),
and "New EHC plans issued within 20 weeks rose from 9% in January 2019 to 96% in June 2019,
against a target of 90%." (plain text, for alt attributes).
"""

from __future__ import annotations

from wsoagen.data.status import MetricProgress
from wsoagen.data.wording import against_target, baseline, course, figure_at, number, point_date, target
from wsoagen.plan.model import Metric


def evidence_sentence(metric: Metric, progress: MetricProgress) -> str | None:
    """'an increase from **9%** in January 2019 to **96%** in June 2019' (Markdown), or None."""
    first, latest = progress.first, progress.latest
    if latest is None:
        return None
    if first is None or first is latest:
        return figure_at(latest, metric.unit, bold=True)
    change = "an increase from" if latest.value > first.value else "a reduction from"
    if latest.value == first.value:
        change = "no change from"
    return f"{change} {figure_at(first, metric.unit, bold=True)} to {figure_at(latest, metric.unit, bold=True)}"


def alt_text(metric: Metric, progress: MetricProgress) -> str:
    """One to three sentences that state what the chart shows, for its alt attribute."""
    unit = metric.unit
    first, latest = progress.first, progress.latest
    if latest is None:
        sentences = [f"{metric.title}: no data yet."]
        if metric.baseline:
            sentences.append(f"The baseline is {baseline(metric.baseline, unit)}.")
        if metric.target:
            sentences.append(f"The target is {target(metric.target, unit)}.")
        return " ".join(sentences)
    if first is None or first is latest:
        sentence = f"{metric.title} was {figure_at(latest, unit)}"
    elif latest.value == first.value:
        sentence = f"{metric.title} stayed at {number(latest.value, unit)} from {point_date(first.date)} to {point_date(latest.date)}"
    else:
        verb = "rose" if latest.value > first.value else "fell"
        sentence = f"{metric.title} {verb} from {figure_at(first, unit)} to {figure_at(latest, unit)}"
    if metric.target:
        sentence += f", {against_target(metric)}"
    sentence += "."
    if progress.on_course is not None and progress.target_now is not None:
        sentence += f" This is {course(progress.on_course)}."
    return sentence
