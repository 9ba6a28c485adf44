"""statuses and resource-flags: statuses are in the plan's scheme; resource flags are declared."""

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM

UPDATES = """\
        updates:
          - {date: Oct 2019, text: Started., status: greem}
"""


def test_every_place_a_status_is_written(make_plan):
    text = MINI_WORKSTREAM.replace("        milestones:\n", UPDATES + "        milestones:\n").replace("status: Blue", "status: Blu") + (
        "            updates:\n              - {date: Dec 2019, text: Late., status: Purple}\n")
    assert found(make_plan(workstreams={"1.yaml": text})) == [
        'workstreams/1.yaml:18:54: error: unknown status "greem": did you mean "green"? (this plan\'s statuses are: blue, green, amber, red) [statuses]',
        'workstreams/1.yaml:22:21: error: unknown status "Blu": did you mean "blue"? (this plan\'s statuses are: blue, green, amber, red) [statuses]',
        'workstreams/1.yaml:27:55: error: unknown status "Purple" (this plan\'s statuses are: blue, green, amber, red) [statuses]',
    ]


def test_labels_match_ignoring_case(make_plan):
    assert found(make_plan(workstreams={"1.yaml": MINI_WORKSTREAM.replace("status: Blue", "status: BLUE")})) == []


def test_percent_scheme(make_plan):
    plan = MINI_PLAN + "status_scheme:\n  percent: true\n"
    assert found(make_plan(plan=plan, workstreams={"1.yaml": MINI_WORKSTREAM.replace("status: Blue", "status: 100 %")})) == []
    assert found(make_plan(plan=plan, workstreams={"1.yaml": MINI_WORKSTREAM.replace("status: Blue", "status: 101%")})) == [
        'workstreams/1.yaml:20:21: error: status "101%" should be a percentage from 0% to 100% [statuses]',
    ]


def test_resource_flags_on_actions_and_milestones(make_plan):
    text = MINI_WORKSTREAM.replace("resource: ER", "resource: EX").replace("            status: Blue\n", "            status: Blue\n            resource: ZZ\n")
    assert found(make_plan(workstreams={"1.yaml": text})) == [
        'workstreams/1.yaml:15:19: error: unknown resource flag "EX" (this plan\'s flags are: AR, ER) [resource-flags]',
        'workstreams/1.yaml:21:23: error: unknown resource flag "ZZ" (this plan\'s flags are: AR, ER) [resource-flags]',
    ]
