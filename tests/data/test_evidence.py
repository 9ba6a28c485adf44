"""Words from numbers: evidence sentences in seed 000's style, and alt text stating the finding."""

from datetime import date

from wsoagen.data.evidence import alt_text, evidence_sentence
from wsoagen.data.status import metric_progress
from wsoagen.plan.dates import parse_when
from wsoagen.plan.model import DataPoint, Measure, Metric


def point(when: str, value: float) -> DataPoint:
    return DataPoint(date=parse_when(when), value=value, source="t.csv:1")


def test_seed_000_backlog_sentence():
    metric = Metric(id="backlog", title="Ongoing EHC needs assessments over 20 weeks", unit="count", better="lower")
    progress = metric_progress(metric, [point("26/02/2019", 155), point("22/07/2019", 5)], date(2019, 9, 1))
    assert evidence_sentence(metric, progress) == "a reduction from **155** on 26/02/2019 to **5** on 22/07/2019"


def test_alt_text_states_the_finding():
    metric = Metric(id="ehcp", title="New EHC plans issued within 20 weeks", unit="%",
                    target=Measure(value=90))
    progress = metric_progress(metric, [point("Jan 2019", 9), point("Mar 2019", 34), point("Jun 2019", 96)], date(2019, 7, 1))
    assert alt_text(metric, progress) == (
        "New EHC plans issued within 20 weeks rose from 9% in January 2019 to 96% in June 2019, against a target of 90%. This is on course.")
    assert evidence_sentence(metric, progress) == "an increase from **9%** in January 2019 to **96%** in June 2019"


def test_values_after_the_as_at_date_are_left_out():
    metric = Metric(id="ehcp", title="New EHC plans issued within 20 weeks", unit="%")
    progress = metric_progress(metric, [point("Jan 2019", 9), point("Jun 2019", 96)], date(2019, 3, 1))
    assert alt_text(metric, progress) == "New EHC plans issued within 20 weeks was 9% in January 2019."


def test_no_data_yet():
    metric = Metric(id="x", title="Satisfaction", unit="%", baseline=Measure(value=40, date=parse_when("Jan 2020")))
    assert alt_text(metric, metric_progress(metric, [], date(2020, 1, 1))) == "Satisfaction: no data yet. The baseline is 40% in January 2020."
    metric.target = Measure(value=84, date=parse_when("July 2021"), label="30% reduction")
    assert alt_text(metric, metric_progress(metric, [], date(2020, 1, 1))) == (
        "Satisfaction: no data yet. The baseline is 40% in January 2020. The target is 84% by July 2021 (30% reduction).")


def test_a_single_value_and_a_value_that_stayed():
    metric = Metric(id="wait", title="Average wait", unit="weeks", better="lower")
    one = metric_progress(metric, [point("22/07/2019", 1)], date(2019, 9, 1))
    assert evidence_sentence(metric, one) == "**1 week** on 22/07/2019"
    assert alt_text(metric, one) == "Average wait was 1 week on 22/07/2019."
    same = metric_progress(metric, [point("Jan 2019", 1234), point("Jun 2019", 1234)], date(2019, 9, 1))
    assert evidence_sentence(metric, same) == "no change from **1,234 weeks** in January 2019 to **1,234 weeks** in June 2019"
    assert alt_text(metric, same) == "Average wait stayed at 1,234 weeks from January 2019 to June 2019."
