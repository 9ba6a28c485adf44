"""The plan document for each kind and structure: its words, its inspection facts, the grid less
its empty columns, the record layout with the plan's own fields, owners, dates, criteria, updates."""

from __future__ import annotations

import re
from datetime import date

import pytest
from lxml import html as lxml_html

from conftest import EXAMPLE, MINI_PLAN, MINI_WORKSTREAM
from wsoagen.data.metrics import read_plan
from wsoagen.plan.model import KINDS, STEMS
from wsoagen.render.html import render_html

AS_AT = date(2024, 6, 1)
OTHER = MINI_PLAN.replace("Written Statement of Action", "Improvement Plan")
MONTH_ONLY = OTHER.replace("  start: 2019-06-10\n  end: 2019-06-14\n", "  start: March 2023\n  outcome: widespread-failings\n")
OWN = """\
layout: record
action_label: What we will do
own_fields:
  - label: What we want
    before: true
  - label: Where are we now
  - label: Area note
    on: [area]
"""
DIRECT = """\
number: 2
weakness: Waiting times for neurodevelopmental assessment are too long.
fields:
  Area note: Agreed with the parent carer forum.
actions:
  - text: Commission extra assessment capacity.
    due: March 2024
    officers: [ann-smith, bob-jones]
    sro: ann-smith
    fields:
      What we want: Shorter waits.
      Where are we now: Families wait over a year.
    success_criteria: [Median wait under 18 weeks]
    updates:
      - date: 2024-05-01
        by: ann-smith
        text: Contract signed.
      - date: 2024-09-01
        text: A later update, not yet shown.
"""
PEOPLE = "  - id: bob-jones\n    name: Bob Jones\n    role: Head of Commissioning\norganisations:\n"


def page(make_plan, plan: str, workstreams: dict[str, str]) -> str:
    folder = make_plan(plan=plan, workstreams=workstreams)
    found, diags = read_plan(folder)
    assert not diags.errors, [d.message for d in diags.items]
    return render_html(found, "wsoa", AS_AT, folder)


def text(html: str) -> str:
    return re.sub(r"\s+", " ", lxml_html.fromstring(html).text_content())


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "wsoa"])
def test_other_kinds_never_say_wsoa(make_plan, kind):
    words = text(page(make_plan, f"kind: {kind}\n" + MONTH_ONLY.replace("widespread-failings", "inconsistent")
                      if KINDS[kind].framework != "2016" else f"kind: {kind}\n" + OTHER, {"1.yaml": MINI_WORKSTREAM}))
    assert "Written Statement of Action" not in words and "written statement of action" not in words
    assert KINDS[kind].name in words
    assert KINDS[kind].areas[:1].upper() + KINDS[kind].areas[1:] in words


def test_a_priority_action_plan_prints_its_month_and_outcome(make_plan):
    words = text(page(make_plan, "kind: priority-action-plan\n" + MONTH_ONLY, {"1.yaml": MINI_WORKSTREAM}))
    assert "Priority action plan in response to the Ofsted and CQC SEND local area inspection of March 2023" in words
    assert "In March 2023, Ofsted and CQC carried out" in words
    assert "The inspection found that there are widespread and/or systemic failings leading to significant concerns" in words
    assert "Area for priority action 1: Joint commissioning" in words
    assert "areas of significant weakness" not in words and "1 March 2023" not in words


def test_the_wsoa_keeps_its_words(make_plan):
    words = text(page(make_plan, MINI_PLAN, {"1.yaml": MINI_WORKSTREAM}))
    assert "Written Statement of Action in response to the Ofsted and CQC SEND local area inspection of 10 June 2019 to 14 June 2019" in words
    assert "Between 10 June 2019 and 14 June 2019" in words and "identified 1 area of significant weakness" in words
    assert "Workstream 1: Joint commissioning" in words


def test_record_layout_with_own_fields_owners_dates_criteria_and_updates(make_plan):
    plan = "kind: improvement-plan\n" + MONTH_ONLY.replace("widespread-failings", "inconsistent").replace("organisations:\n", PEOPLE) + OWN
    tree = lxml_html.fromstring(page(make_plan, plan, {"1.yaml": MINI_WORKSTREAM, "2.yaml": DIRECT}))
    section = tree.get_element_by_id("workstream-2").getparent()
    words = re.sub(r"\s+", " ", section.text_content())
    assert section.find(".//table") is None  # records, not a grid
    expected = ["Area note: Agreed with the parent carer forum.", "What we want: Shorter waits.", "What we will do: Commission extra assessment capacity.",
                "Due: March 2024", "Responsible officers: Ann Smith (Director of Children's Services); Bob Jones (Head of Commissioning)",
                "Senior responsible officer: Ann Smith", "Where are we now: Families wait over a year.", "Success criteria", "Median wait under 18 weeks",
                "Progress updates", "2024-05-01 (Ann Smith): Contract signed."]
    positions = [words.find(e) for e in expected]
    assert -1 not in positions, [e for e, p in zip(expected, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert "A later update" not in words  # after the document's date


def test_grid_leaves_out_empty_columns(make_plan):
    ws = DIRECT.replace("number: 2", "number: 1").replace("fields:\n  Area note: Agreed with the parent carer forum.\n", "")
    plan = MINI_PLAN.replace("organisations:\n", PEOPLE) + OWN.replace("layout: record\n", "").replace("    on: [area]\n", "")
    tree = lxml_html.fromstring(page(make_plan, plan, {"1.yaml": ws}))
    [table] = tree.xpath("//table[@class='actions']")
    assert [th.text_content() for th in table.xpath(".//thead//th")] == ["Implementation (actions: what we are going to do)"]
    assert table.xpath(".//col/@style") == ["width: 100%"]
    keys = tree.xpath("//section[@aria-labelledby='keys']")
    assert keys == []  # no milestones and no resource flags: no keys
    summary = [th.text_content() for th in tree.xpath("//table[@class='summary']//th")]
    assert summary == ["Workstream", "Actions"]  # no sponsors, no outcomes, no milestones
    assert "What we want: Shorter waits." in text(lxml_html.tostring(table, encoding="unicode"))


def test_an_area_without_actions_has_no_empty_table(make_plan):
    ws = "number: 1\ntitle: Strategy\nsponsors: [ann-smith]\nweakness: Plans are not understood.\n"
    tree = lxml_html.fromstring(page(make_plan, MINI_PLAN, {"1.yaml": ws}))
    assert tree.xpath("//table[@class='actions']") == []


def test_the_example_keeps_seed_003s_seven_columns():
    plan, _ = read_plan(EXAMPLE)
    tree = lxml_html.fromstring(render_html(plan, "wsoa", date(2020, 1, 14), EXAMPLE))
    table = tree.xpath("//table[@class='actions']")[0]
    assert [c for c in table.xpath(".//col/@style")] == [f"width: {w}%" for w in (23, 5, 24, 7, 22, 9, 10)]
    assert len(table.xpath(".//thead//th")) == 7


def test_every_kind_has_its_own_output_name():
    assert STEMS == ("wsoa", "priority-action-plan", "improvement-plan", "accelerated-progress-plan", "strategic-action-plan")


def test_the_tracker_shows_actions_success_criteria_and_updates(make_plan):
    plan = MINI_PLAN.replace("organisations:\n", PEOPLE) + "recommendations:\n  - ref: R1\n    text: Do better.\n"
    direct = DIRECT.replace("fields:\n  Area note: Agreed with the parent carer forum.\n", "")
    direct = direct.replace("    fields:\n      What we want: Shorter waits.\n      Where are we now: Families wait over a year.\n", "")
    folder = make_plan(plan=plan, workstreams={"1.yaml": MINI_WORKSTREAM, "2.yaml": direct})
    found, diags = read_plan(folder)
    assert not diags.errors, [d.message for d in diags.items]
    words = text(render_html(found, "tracker", AS_AT, folder))
    assert "Actions: success criteria and progress" in words
    assert "Median wait under 18 weeks" in words and "2024-05-01: Contract signed." in words and "A later update" not in words


@pytest.mark.slow
def test_a_build_names_its_files_after_the_kind_and_clears_the_old_ones(cli, tmp_path):
    folder = tmp_path / "testshire"
    assert cli("new", folder, "--kind", "wsoa")[0] == 0
    out = tmp_path / "out"
    assert cli("build", "-q", folder, "-o", out)[0] == 0
    assert (out / "testshire" / "wsoa.pdf").is_file()
    plan = folder / "plan.yaml"
    text = plan.read_text(encoding="utf-8").replace("kind: wsoa", "kind: improvement-plan").replace('framework: "2016"', 'framework: "2023"')
    plan.write_text(text.replace("Written Statement of Action", "Improvement Plan"), encoding="utf-8")
    code, _, err = cli("build", "-q", folder, "-o", out)
    assert code == 0, err
    names = sorted(p.name for p in (out / "testshire").iterdir())
    assert names == ["improvement-plan.docx", "improvement-plan.html", "improvement-plan.pdf", "plan.json"]
