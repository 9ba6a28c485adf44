"""Figures exactly as published: written digits kept, Excel percentages, fractions in percentage
measures, two-digit years, rates and money, monitor-only measures, comparators, period baselines."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from wsoagen.data.metrics import load_series
from wsoagen.data.status import metric_progress
from wsoagen.data.wording import baseline, comparator, direction, number, target
from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.dates import misreadable, parse_when
from wsoagen.plan.model import DataPoint, Measure, Metric
from wsoagen.plan.model.metrics import Comparator, Figure, parse_figure


def test_written_digits_are_kept():
    assert number(Figure.of("28.92"), "%") == "28.92%"
    assert number(Figure.of("12.10"), "%") == "12.10%"
    assert number(parse_figure("0.97%"), "%") == "0.97%"
    assert number(Figure.of("1,204")) == "1,204"
    assert number(Figure.of("1234.5"), "£") == "£1,234.5"
    assert Measure(value=28.92).value.places == 2  # a YAML number too
    assert number(Measure(value=28.92).value, "%") == "28.92%"


def test_computed_numbers_keep_one_decimal():
    assert number(28.9213) == "28.9"
    assert number(3.0, "%") == "3%"


def test_rates_and_money():
    assert number(Figure.of("4.5"), "per 10,000 pupils") == "4.5 per 10,000 pupils"
    assert number(Figure.of("1250"), "£") == "£1,250"
    assert Metric(id="x", title="X", unit="per 1,000").unit == "per 1,000"
    with pytest.raises(ValueError, match="not a unit"):
        Metric(id="x", title="X", unit="per cent")


def test_a_fraction_in_a_percentage_measure_is_an_error_in_plan_yaml():
    with pytest.raises(ValueError, match=r"looks like a fraction.*write 12.1 for 12.1%"):
        Metric(id="x", title="X", unit="%", baseline={"value": 0.121})
    assert Metric(id="x", title="X", unit="%", baseline={"value": "0.97%"}).baseline.value.exact.as_tuple()


def _csv(tmp_path: Path, text: str) -> Path:
    (tmp_path / "data").mkdir(exist_ok=True)
    (tmp_path / "data" / "d.csv").write_text(text, encoding="utf-8")
    return tmp_path


def test_csv_values_keep_their_digits_and_fractions_are_caught(tmp_path):
    folder = _csv(tmp_path, "metric,date,value\nrate,Jan 2023,28.92\npct,Jan 2023,0.97%\npct,Feb 2023,0.121\n")
    diags = Diagnostics()
    series = load_series(folder, {"rate": "score", "pct": "%"}, diags)
    assert number(series["rate"][0].value) == "28.92"
    assert number(series["pct"][0].value, "%") == "0.97%"
    [err] = diags.errors
    assert (err.line, err.col) == (4, 3) and "looks like a fraction" in err.message and "12.1%" in err.message


def test_excel_percent_cells_read_as_percentages(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["metric", "date", "value"])
    sheet.append(["pct", "Jan 2023", 0.121])
    sheet.append(["pct", "Feb 2023", 0.0097])
    sheet.append(["pct", "Mar 2023", 0.5])
    sheet.append(["pct", "Apr 2023", 0.121])
    sheet["C2"].number_format = "0.0%"
    sheet["C3"].number_format = "0.00%"
    sheet["C4"].number_format = "0%"  # C5 left General: a fraction in a percentage measure
    (tmp_path / "data").mkdir()
    book.save(tmp_path / "data" / "d.xlsx")
    diags = Diagnostics()
    series = load_series(tmp_path, {"pct": "%"}, diags)
    assert [number(p.value, "%") for p in series["pct"]] == ["12.1%", "0.97%", "50%"]
    [err] = diags.errors
    assert (err.line, err.col) == (5, 3) and "looks like a fraction" in err.message


def test_two_digit_years_follow_one_rule_and_warn_where_misreadable(tmp_path):
    assert parse_when("May 25").start == date(2025, 5, 1)
    assert parse_when("Jul-23").start == date(2023, 7, 1)
    assert parse_when("01/05/25").start == date(2025, 5, 1)
    assert "not 25 May" in misreadable("May 25")
    assert misreadable("May 2025") is None and misreadable("Sept '19") is None and misreadable("Jan 45") is None
    folder = _csv(tmp_path, "metric,May 25,Jun 25\nx,1,2\n")
    diags = Diagnostics()
    series = load_series(folder, {"x": "count"}, diags)
    assert [p.date.start for p in series["x"]] == [date(2025, 5, 1), date(2025, 6, 1)]
    [warning] = diags.warnings  # once a file
    assert (warning.line, warning.col) == (1, 2) and "May 2025" in warning.message


def test_academic_and_financial_years():
    ay = parse_when("academic year 21/22")
    assert (ay.start, ay.end) == (date(2021, 9, 1), date(2022, 8, 31))
    assert parse_when("2022/23").start == date(2022, 9, 1)
    fy = parse_when("financial year 2021-22")
    assert (fy.start, fy.end) == (date(2021, 4, 1), date(2022, 3, 31))
    assert parse_when("2020-06").precision == "month"  # still a month
    with pytest.raises(ValueError, match="one year to the next"):
        parse_when("2021/23")


def test_a_period_baseline_is_dated_and_the_date_is_not_printed_twice():
    m = Measure(value=10.9, label="academic year 21/22")
    assert m.date is not None and m.date.start == date(2021, 9, 1)  # so it is plotted
    assert baseline(m, "%") == "10.9% in academic year 21/22"
    assert target(Measure(value=44, date="March 2023", label="March 2023"), "%") == "44% by March 2023"
    assert target(Measure(value=44, date="March 2023", label="Year 1 (March 2023)"), "%") == "44% (Year 1 (March 2023))"


def _point(value: str, when: str) -> DataPoint:
    return DataPoint(date=parse_when(when), value=Figure.of(value), source="t")


def test_monitor_only_is_never_judged():
    metric = Metric(id="x", title="X", better="monitor only", baseline={"value": 10, "date": "Jan 2023"},
                    target={"value": 5, "date": "Dec 2023"})
    progress = metric_progress(metric, [_point("12", "Mar 2023")], date(2023, 4, 1))
    assert progress.on_course is None and progress.improved is None
    assert direction(metric) == "monitored only (no target direction)"


def test_comparators_are_not_targets():
    metric = Metric(id="x", title="X", unit="%", comparators=[{"label": "England", "value": "4.3", "date": "2022/23"}])
    assert metric.target is None
    assert comparator(metric.comparators[0], "%") == "4.3% in 2022/23 (England)"
    assert isinstance(metric.comparators[0], Comparator)


def test_plan_files_warn_of_a_misreadable_two_digit_year(make_plan, cli):
    from tests.conftest import MINI_PLAN

    folder = make_plan(MINI_PLAN.replace("local_area: Testshire\n", "local_area: Testshire\npublished: Nov 19\n"))
    code, _, err = cli("validate", str(folder))
    assert code == 0
    assert "plan.yaml:" in err and '"Nov 19" is read as November 2019' in err and "[two-digit-year]" in err


def test_a_fraction_in_plan_yaml_is_reported_at_the_value(make_plan, cli):
    from tests.conftest import MINI_PLAN

    metrics = "metrics:\n  - id: pct\n    title: P\n    unit: \"%\"\n    interim_targets:\n      - {value: 0.25, date: Jan 2020}\n"
    folder = make_plan(MINI_PLAN + metrics)
    code, _, err = cli("validate", str(folder))
    lines = MINI_PLAN.count("\n")
    assert code == 1
    assert f"plan.yaml:{lines + 6}:17: error:" in err and "the interim target 0.25 looks like a fraction" in err and "write 25 for 25%" in err


def test_plan_json_keeps_the_written_digits():
    m = Metric(id="x", title="X", unit="%", baseline={"value": "15.50%"}, target={"value": 28.92}, interim_targets=[{"value": 155}])
    dumped = m.model_dump(mode="json")
    assert (dumped["baseline"]["value"], dumped["target"]["value"], dumped["interim_targets"][0]["value"]) == ("15.50", 28.92, 155)
