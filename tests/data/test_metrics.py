"""Metric data files: both layouts, CSV and Excel, every bad cell at file:row:col."""

from datetime import date

from openpyxl import Workbook

from conftest import MINI_PLAN

METRICS = MINI_PLAN + """\
metrics:
  - id: ehcp-20-weeks
    title: New EHC plans issued within 20 weeks
    unit: "%"
    baseline: {value: 9, date: Jan 2019}
    target: {value: 90, date: June 2019}
  - id: backlog
    title: EHC needs assessments over 20 weeks
    unit: count
    better: lower
"""


def plan_with_data(make_plan, files: dict[str, str | bytes]):
    folder = make_plan(plan=METRICS)
    (folder / "data").mkdir()
    for name, content in files.items():
        path = folder / "data" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def test_long_and_wide_csv_are_merged(make_plan):
    from wsoagen.data.metrics import read_plan

    folder = plan_with_data(make_plan, {
        "long.csv": "# real figures from seed 000\nmetric,date,value,note\nbacklog,26/02/2019,155,real\nbacklog,22/07/2019,5,real\n",
        "wide.csv": "metric,Jan 2019,Feb 2019,Mar 2019\nehcp-20-weeks,9%,,34%\n",
    })
    plan, diags = read_plan(folder)
    assert diags.errors == []
    assert [(p.date.start, p.value, p.note) for p in plan.series["backlog"]] == [
        (date(2019, 2, 26), 155, "real"), (date(2019, 7, 22), 5, "real")]
    assert [(p.date.text, p.value) for p in plan.series["ehcp-20-weeks"]] == [("Jan 2019", 9), ("Mar 2019", 34)]
    assert plan.series["backlog"][0].source.endswith("long.csv:3")


def test_every_bad_cell_in_one_run(make_plan, cli):
    folder = plan_with_data(make_plan, {
        "long.csv": ("metric,date,value\n"
                     "backlg,26/02/2019,155\n"
                     "backlog,31/02/2019,10\n"
                     "backlog,22/07/2019,five\n"
                     "backlog,22/07/2019,5\n"
                     "backlog,23/07/2019,5\n"
                     "backlog,23/07/2019,4\n"
                     "backlog,24/07/2019,-3\n"),
        "wide.csv": "metric,Jan 2019,Smarch 2019\nehcp-20-weeks,120%,50%\n",
    })
    code, _, err = cli("validate", folder)
    assert code == 1
    long, wide = f"{folder}/data/long.csv", f"{folder}/data/wide.csv"
    lines = [line for line in err.splitlines() if ": error: " in line]
    assert lines == [
        f'{long}:2:1: error: unknown metric "backlg": did you mean "backlog"? [data-files]',
        f'{long}:3:2: error: "31/02/2019": 31 February 2019 is not a real date [data-files]',
        f'{long}:4:3: error: "five" is not a number [data-files]',
        f'{long}:7:2: error: a second value for "backlog" on 23/07/2019 (the first is at {long}:6) [data-files]',
        f"{long}:8:3: error: -3 cannot be negative for a count measure [data-files]",
        f'{wide}:1:3: error: cannot read "Smarch 2019" as a date; write it like "Nov 2019", "31 March 2024", "From Feb 2020" or '
        '"June 2020 to April 2021" [data-files]',
        f"{wide}:2:2: error: 120% is not a percentage between 0 and 100 [data-files]",
    ]


def test_excel_long_form_with_positions(make_plan, cli):
    book = Workbook()
    sheet = book.active
    sheet.title = "Tracker"
    for row in [["metric", "date", "value"], ["backlog", date(2019, 2, 26), 155], ["backlog", "Mar 2019", "lots"]]:
        sheet.append(row)
    folder = plan_with_data(make_plan, {})
    book.save(folder / "data" / "tracker.xlsx")
    code, _, err = cli("validate", folder)
    assert code == 1
    assert f"{folder}/data/tracker.xlsx:3:3: error: sheet 'Tracker': \"lots\" is not a number" in err
    (folder / "data" / "tracker.xlsx").unlink()
    sheet.delete_rows(3)
    book.save(folder / "data" / "tracker.xlsx")
    from wsoagen.data.metrics import read_plan

    plan, _ = read_plan(folder)
    assert [(p.date.start, p.value) for p in plan.series["backlog"]] == [(date(2019, 2, 26), 155)]


def test_header_must_start_with_metric(make_plan, cli):
    folder = plan_with_data(make_plan, {"x.csv": "measure,date,value\nbacklog,Jan 2019,3\n"})
    code, _, err = cli("validate", folder)
    assert code == 1
    assert f'{folder}/data/x.csv:1:1: error: the first column must be headed "metric"' in err


def test_metric_evidences_must_name_outcomes(make_plan, cli):
    folder = make_plan(plan=METRICS.replace("    better: lower\n", "    better: lower\n    evidences: [\"1.1\", \"1.9\"]\n"))
    code, _, err = cli("validate", folder)
    assert code == 1
    assert f'{folder}/plan.yaml:24:24: error: unknown outcome "1.9": did you mean "1.1"?' in err
