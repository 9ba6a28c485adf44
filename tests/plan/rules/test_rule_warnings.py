"""The warnings Ofsted sends plans back for: workstream-sponsor, measurable-impact, action-owner,
milestone-deadline; and workstream-files for a plan that has none yet."""

from rulecheck import found

from conftest import MINI_WORKSTREAM

WEAK = MINI_WORKSTREAM.replace("sponsors: [ann-smith]\n", "").replace(
    "      - Increase from 39% to 50% by April 2021\n", "      - Families are happier\n").replace(
    "        lead: ann-smith\n", "").replace("            deadline: June 2020 to April 2021\n", "")


def test_each_warning_at_its_place(make_plan):
    assert found(make_plan(workstreams={"1.yaml": WEAK})) == [
        "workstreams/1.yaml:1:1: warning: this workstream has no senior accountable sponsor [workstream-sponsor]",
        "workstreams/1.yaml:7:10: warning: outcome 1.1 has no measurable impact: "
        "add an impact statement with a figure and a date, or link a metric [measurable-impact]",
        "workstreams/1.yaml:12:14: warning: action 1.1a has no owner: add `lead`, `officers`, `sro` or `accountable` (person ids) [action-owner]",
        "workstreams/1.yaml:20:13: warning: a milestone of action 1.1a has no deadline [milestone-deadline]",
    ]


def test_an_accountable_officer_is_an_owner_and_an_empty_sponsor_list_is_a_choice(make_plan):
    text = MINI_WORKSTREAM.replace("sponsors: [ann-smith]", "sponsors: []").replace("lead: ann-smith", "accountable: ann-smith")
    assert found(make_plan(workstreams={"1.yaml": text})) == []


def test_a_plan_without_workstreams(make_plan):
    folder = make_plan(workstreams={})
    assert found(folder) == ["workstreams: warning: this plan has no workstream files yet [workstream-files]"]
