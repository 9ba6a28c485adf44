"""refs and duplicate-ids: refs fit their parents and are unique; ids in plan.yaml are unique."""

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM

WS = "workstreams/1.yaml"


def test_refs_that_do_not_fit(make_plan):
    text = MINI_WORKSTREAM.replace('ref: "1.1"', 'ref: "2.1"').replace("ref: 1.1a", "ref: 1.2a")
    assert found(make_plan(workstreams={"1.yaml": text})) == [
        f'{WS}:8:10: error: outcome ref "2.1" does not fit workstream 1: write it as 1.1, 1.2, ... [refs]',
        f'{WS}:13:14: error: action ref "1.2a" does not fit its outcome "2.1": write it as "2.1" or "2.1" with a letter, e.g. "2.1a" [refs]',
    ]


def test_an_action_may_share_its_outcomes_ref(make_plan):
    assert found(make_plan(workstreams={"1.yaml": MINI_WORKSTREAM.replace("ref: 1.1a", "ref: 1.1")})) == []


def test_duplicates_within_a_file_name_the_line(make_plan):
    text = MINI_WORKSTREAM + '  - ref: "1.1"\n    text: Again.\n    impact: [By 2021, 50%]\n'
    assert found(make_plan(workstreams={"1.yaml": text})) == [
        f'{WS}:24:10: error: duplicate outcome ref "1.1" (also on line 8) [refs]',
    ]


def test_duplicates_across_files_name_the_file(make_plan):
    folder = make_plan(workstreams={"1-a.yaml": MINI_WORKSTREAM, "1-b.yaml": MINI_WORKSTREAM})
    assert found(folder) == [
        "workstreams/1-b.yaml:1:9: error: workstream number 1 is also used by workstreams/1-a.yaml [refs]",
        'workstreams/1-b.yaml:8:10: error: duplicate outcome ref "1.1" (also on workstreams/1-a.yaml line 8) [refs]',
        'workstreams/1-b.yaml:13:14: error: duplicate action ref "1.1a" (also on workstreams/1-a.yaml line 13) [refs]',
    ]


def test_duplicate_ids_in_plan_yaml(make_plan):
    plan = MINI_PLAN.replace("organisations:\n", "  - id: ann-smith\n    name: Ann Smythe\norganisations:\n") + (
        "resource_flags:\n  - {code: AR, meaning: a}\n  - {code: ER, meaning: b}\n  - {code: ER, meaning: c}\n")
    assert found(make_plan(plan=plan)) == [
        'plan.yaml:10:9: error: duplicate person id "ann-smith" (first on line 7) [duplicate-ids]',
        'plan.yaml:19:12: error: duplicate resource code "ER" (first on line 18) [duplicate-ids]',
    ]
