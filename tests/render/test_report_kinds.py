"""Board reports, status charts and the status picture for plans of other kinds: the kind's
words and each area's label (number or letter, never "None" for an untitled area), actions
without refs named by their place, and the Southend example's report (a strategic action plan
without milestones) built from its own words."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html

from conftest import MINI_PLAN, MINI_WORKSTREAM, ROOT, write_plan
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import charts
from wsoagen.render.html import render_html

AS_AT = date(2024, 6, 1)
SOUTHEND = ROOT / "plans" / "southend-strategic-action-plan"

PAP = "kind: priority-action-plan\n" + MINI_PLAN.replace("Written Statement of Action", "Priority Action Plan").replace(
    "  start: 2019-06-10\n  end: 2019-06-14\n", "  start: March 2023\n  outcome: widespread-failings\n")
# Area A has a title, outcomes and refs; area B has neither title nor refs, its actions straight under it.
LETTERED = MINI_WORKSTREAM.replace("number: 1\n", "number: 1\nref: A\n").replace('"1.1"', '"A.1"').replace("1.1a", "A.1a")
UNTITLED = """\
number: 2
ref: B
weakness: Waiting times for neurodevelopmental assessment are too long.
actions:
  - text: Commission extra assessment capacity.
    milestones:
      - text: Contract let
        deadline: Jan 2024
      - text: Waiting list halved
        deadline: March 2024
  - text: Publish waiting times every month.
    milestones:
      - text: First monthly figures published
        deadline: Feb 2024
        status: Blue
        status_date: Feb 2024
"""
REPORT = """\
board: SEND Improvement Board
meeting: 2024-06-20
as_at: {as_at}
house_style: {style}
summary: Progress since the last meeting.
next_meeting: 2024-09-30
workstreams:
  - number: 1
    gone_well: The strategy was agreed.
  - number: 2
    could_be_better: Waits are still long.
"""
WSOA_WORDS = ("Written Statement of Action", "written statement of action", "significant weakness", "Workstream", "workstream")


def text(html: str) -> str:
    """The visible words of a document's body, one space between the texts of elements."""
    return " ".join(" ".join(lxml_html.fromstring(html).find("body").itertext()).split())


def report_page(folder: Path, charts_dir: Path) -> str:
    """The plan's first board report, as HTML, with its charts drawn into `charts_dir`."""
    plan, diags = read_plan(folder)
    assert not diags.errors, [d.message for d in diags.items]
    report = plan.reports[0]
    summary = status.summary(plan, report.as_at)
    figures = charts.draw_all(plan, summary, report.as_at, charts.ChartRenderer(charts_dir))
    return render_html(plan, "report", report.as_at, folder, figures, report=report, summary=summary)


@pytest.fixture(scope="module")
def pap(tmp_path_factory):
    """A priority action plan with a lettered, titled area and a lettered area with no title and no refs."""
    folders = {}

    def make(style: str) -> Path:
        if style not in folders:
            folder = write_plan(tmp_path_factory.mktemp(style) / "testshire", PAP, {"1.yaml": LETTERED, "2.yaml": UNTITLED})
            (folder / "reports").mkdir()
            (folder / "reports" / "2024-06-20.yaml").write_text(REPORT.format(style=style, as_at=AS_AT.isoformat()))
            folders[style] = folder
        return folders[style]
    return make


@pytest.mark.parametrize("style", ["default", "cheshire-east", "sefton"])
def test_a_priority_action_plan_report_uses_its_kind_and_labels(pap, style, tmp_path):
    words = text(report_page(pap(style), tmp_path))
    for wsoa in WSOA_WORDS:
        assert wsoa not in words, wsoa
    assert "None" not in words.replace("None.", "")  # Sefton's form says "None." for a section left empty
    assert "SEND priority action plan: progress update" in words  # the default title follows the kind
    assert "Area for priority action A: Joint commissioning" in words
    # an untitled area's heading is its label alone, then what it is about in the inspectors' words
    assert "Area for priority action B Ofsted and CQC said: “Waiting times for neurodevelopmental assessment are too long.”" in words
    # the overdue milestones of actions without refs, named by their place; the area with most overdue by its letter
    assert "Action 1 of area for priority action B Contract let Jan 2024" in words
    assert "Area for priority action B has the most overdue milestones: 2 of its 3." in words
    assert "Appendix A: action tracker, Area for priority action A: Joint commissioning" in words


def test_a_wsoa_report_still_says_workstream(make_plan, tmp_path):
    folder = make_plan(workstreams={"1.yaml": MINI_WORKSTREAM})
    (folder / "reports").mkdir()
    (folder / "reports" / "2019-12-10.yaml").write_text(REPORT.format(style="default", as_at="2019-12-02").replace(
        "meeting: 2024-06-20", "meeting: 2019-12-10").replace("next_meeting: 2024-09-30", "next_meeting: 2020-03-01").replace(
        "  - number: 2\n    could_be_better: Waits are still long.\n", ""))
    words = text(report_page(folder, tmp_path / "charts"))
    assert "SEND Written Statement of Action: progress update" in words
    assert "Workstream 1: Joint commissioning" in words and "Appendix A: action tracker, Workstream 1: Joint commissioning" in words


def test_status_picture_and_charts_name_areas_as_the_plan_does(pap, tmp_path):
    plan, _ = read_plan(pap("default"))
    summary = status.summary(plan, AS_AT)
    assert (summary.area, summary.areas) == ("area for priority action", "areas for priority action")
    assert [(w.label, w.name, w.short) for w in summary.workstreams] == [
        ("A", "A. Joint commissioning", "Area for priority action A"),
        ("B", "Area for priority action B", "Area for priority action B")]
    assert [s.action_name for s in summary.states] == ["A.1a", "A.1a", "action 1 of area for priority action B",
                                                      "action 1 of area for priority action B", "action 2 of area for priority action B"]
    drawer = charts.ChartRenderer(tmp_path)
    bars = charts.status_chart(summary, drawer)
    assert bars.table_head[0] == "Area for priority action" and [r[0] for r in bars.table_rows] == ["A. Joint commissioning", "Area for priority action B"]
    assert "None" not in bars.svg and "Area for priority action B" in bars.svg and "1. None" not in bars.svg
    assert bars.caption == "Milestones by status and area for priority action"
    timeline = charts.timeline_chart(summary, drawer)
    assert [r[0] for r in timeline.table_rows] == ["Area for priority action A", "Area for priority action B"]
    assert "Workstream" not in timeline.svg and "Area for priority action B" in timeline.svg


def test_an_area_name_from_plan_yaml_labels_the_chart(make_plan, tmp_path):
    plan_yaml = "kind: strategic-action-plan\narea_name: {singular: recommendation, plural: recommendations}\n" + MINI_PLAN
    untitled = MINI_WORKSTREAM.replace("title: Joint commissioning\n", "")
    plan, diags = read_plan(make_plan(plan=plan_yaml, workstreams={"1.yaml": untitled}))
    assert not diags.errors
    chart = charts.status_chart(status.summary(plan, AS_AT), charts.ChartRenderer(tmp_path))
    assert chart.table_head[0] == "Recommendation" and chart.table_rows[0][0] == "Recommendation 1"
    assert "None" not in chart.svg and "Recommendation 1" in chart.svg


# ---------------------------------------------------------------- the Southend example


def test_the_southend_report_follows_its_plan(tmp_path):
    words = text(report_page(SOUTHEND, tmp_path))
    for wsoa in WSOA_WORDS[:-1]:  # "workstreams" is Southend's own word for its strands of work, in its text
        assert wsoa not in words, wsoa
    assert "None" not in words
    assert "SEND strategic action plan: progress update" in words
    assert "Recommendation 1 Ofsted and CQC said: “Leaders in education, health and social care" in words
    assert "Recommendation 3" in words and "Recommendation 2" not in words  # only the areas the report speaks of, by their numbers
    # no milestones: no status key, counts or overdue table; the size of the plan instead, and its action plan as Appendix A
    assert "Milestones by status" not in words and "How to read the status tables" not in words and "overdue" not in words
    assert "This plan has 2 recommendations and 4 actions." in words
    assert "Appendix A: action plan, Recommendation 1" in words and "Where are we now" in words
    assert "illustrative" in words  # what is not transcribed says so


def test_a_report_naming_an_area_the_plan_lacks_uses_the_plan_s_word(make_plan, cli):
    plan_yaml = "kind: strategic-action-plan\narea_name: {singular: recommendation, plural: recommendations}\n" + MINI_PLAN
    folder = make_plan(plan=plan_yaml, workstreams={"1.yaml": MINI_WORKSTREAM})
    (folder / "reports").mkdir()
    (folder / "reports" / "r.yaml").write_text(REPORT.format(style="default", as_at="2024-06-01"))
    code, _, err = cli("validate", folder)
    assert code == 1
    assert f"{folder}/reports/r.yaml:10:13: error: there is no recommendation 2 in this plan [reports]" in err.splitlines()
