"""Charts: drawn once and cached by content, fonts as the document's, alt text and data tables."""

from datetime import date

from conftest import EXAMPLE
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import charts

AS_AT = date(2020, 3, 31)


def test_charts_are_cached_by_content(tmp_path):
    plan, _ = read_plan(EXAMPLE)
    picture = status.summary(plan, AS_AT)
    first = charts.ChartRenderer(tmp_path)
    figures = charts.draw_all(plan, picture, AS_AT, first)
    assert first.drawn == len(plan.file.metrics) + 2
    again = charts.ChartRenderer(tmp_path)
    figures_again = charts.draw_all(plan, picture, AS_AT, again)
    assert again.drawn == 0
    assert [c.chart.svg for c in figures.metrics] == [c.chart.svg for c in figures_again.metrics]
    later = charts.ChartRenderer(tmp_path)
    charts.draw_all(plan, status.summary(plan, date(2020, 4, 30)), date(2020, 4, 30), later)
    assert later.drawn == len(plan.file.metrics) + 1  # the as-at marker moved; the status counts did not


def test_chart_text_uses_the_document_font_and_has_alt_text(tmp_path):
    plan, _ = read_plan(EXAMPLE)
    picture = status.summary(plan, AS_AT)
    figures = charts.draw_all(plan, picture, AS_AT, charts.ChartRenderer(tmp_path))
    ehcp = next(v for v in figures.metrics if v.metric.id == "ehcp-20-weeks")
    assert "Liberation Sans" in ehcp.chart.svg and "<text" in ehcp.chart.svg
    assert ehcp.chart.png.startswith(b"\x89PNG")
    assert ehcp.chart.alt == ("New EHC plans issued within 20 weeks rose from 9% in January 2019 to 90% in October 2019, "
                              "against a target of 85% by March 2020. This is on course.")
    assert ehcp.chart.table_rows[0] == ["January 2019", "9%"]
    assert "As at 31 March 2020" in ehcp.chart.svg
    blue, green, amber, red = picture.scheme.declared
    assert figures.status.alt == ("Milestones by status: 18 of 106 milestones are complete and 28 are overdue, as at 31 March 2020. "
                                  f"Blue (complete) 18; Green (on track) 2; Amber (behind schedule) 2; Red ({red.meaning}) 1; "
                                  "Not rated (no status recorded yet) 83.")
    assert figures.timeline.alt == ("Timeline of 106 dated milestones by deadline, as at 31 March 2020: "
                                    "18 complete, 28 overdue, 60 still to come.")


def test_percentage_schemes_are_charted(make_plan, tmp_path):
    from conftest import MINI_PLAN, MINI_WORKSTREAM

    plan_text = MINI_PLAN + "status_scheme:\n  name: Per cent complete\n  percent: true\n"
    ws = MINI_WORKSTREAM.replace("status: Blue", "status: 75%") + "          - {text: Launched, deadline: May 2020, status: 100 %}\n"
    folder = make_plan(plan=plan_text, workstreams={"1.yaml": ws})
    plan, _ = read_plan(folder)
    chart = charts.status_chart(status.summary(plan, AS_AT), charts.ChartRenderer(tmp_path))
    assert chart.table_head == ["Workstream", "75%", "100%", "Not rated", "Total"]
    assert chart.table_rows == [["1. Joint commissioning", "1", "1", "1", "3"]]
    assert chart.alt.endswith("1 of 3 milestones is complete and 1 is overdue, as at 31 March 2020. "
                              "75% (in progress) 1; 100% (complete) 1; Not rated (no status recorded yet) 1.")
    assert "75%: in progress" in chart.svg and "100%: complete" in chart.svg
