"""kind-fields and own-fields: what a plan's kind allows, and the plan's own labelled fields."""

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM

WS = "workstreams/1.yaml"
OWN = "own_fields:\n  - label: Where are we now\n  - label: What we want\n    before: true\n    on: [action, area]\n"


def test_fields_not_for_the_plans_kind(make_plan):
    plan = MINI_PLAN.replace("  end: 2019-06-14\n", "  end: 2019-06-14\n  outcome: inconsistent\n")
    assert found(make_plan(plan=plan)) == [
        "plan.yaml:6:3: error: a 2016-framework inspection has no outcome category; `outcome` is for a 2023 area SEND inspection"
        " (is this plan's `kind`, wsoa, right?) [kind-fields]",
    ]
    plan = "kind: priority-action-plan\n" + MINI_PLAN.replace("  end: 2019-06-14\n", "  end: 2019-06-14\n  framework: '2016'\n  statement_due: 2019-10-01\n")
    assert found(make_plan(plan=plan)) == [
        "plan.yaml:7:14: error: a priority action plan answers a 2023-framework inspection, not a 2016 one [kind-fields]",
        "plan.yaml:8:3: error: `statement_due` is the date a written statement of action was due; a priority action plan has none [kind-fields]",
    ]


def test_a_2023_plan_with_its_outcome_and_a_month_is_clean(make_plan):
    plan = "kind: improvement-plan\n" + MINI_PLAN.replace("  start: 2019-06-10\n  end: 2019-06-14\n", "  start: March 2023\n  outcome: inconsistent\n")
    assert found(make_plan(plan=plan)) == []


def test_an_undeclared_label_is_an_error_with_a_hint(make_plan):
    text = MINI_WORKSTREAM.replace("        lead: ann-smith\n", "        lead: ann-smith\n        fields:\n          Where are we know: Not yet.\n"
                                   "          Our own idea: x\n")
    assert found(make_plan(plan=MINI_PLAN + OWN, workstreams={"1.yaml": text})) == [
        f'{WS}:18:11: error: "Where are we know" is not one of this plan\'s own fields: did you mean "Where are we now"? [own-fields]',
        f'{WS}:19:11: error: "Our own idea" is not one of this plan\'s own fields (declare it under `own_fields` in plan.yaml) [own-fields]',
    ]


def test_a_label_on_a_node_it_is_not_declared_for(make_plan):
    text = MINI_WORKSTREAM.replace("weakness:", "fields:\n  Where are we now: Early days.\n  What we want: Better plans.\nweakness:")
    assert found(make_plan(plan=MINI_PLAN + OWN, workstreams={"1.yaml": text})) == [
        f'{WS}:7:3: error: "Where are we now" is declared for an action, not for an area (add area to its `on` in plan.yaml) [own-fields]',
    ]


def test_actions_directly_under_an_area_are_checked_too(make_plan):
    text = MINI_WORKSTREAM.split("outcomes:")[0] + "actions:\n  - text: Do it.\n    lead: nobody\n    fields:\n      Wot we want: x\n"
    assert found(make_plan(plan=MINI_PLAN + OWN, workstreams={"1.yaml": text})) == [
        f'{WS}:9:11: error: unknown person "nobody" (add it to `people` in plan.yaml) [people]',
        f'{WS}:11:7: error: "Wot we want" is not one of this plan\'s own fields: did you mean "What we want"? [own-fields]',
    ]


def test_letter_refs(make_plan):
    text = MINI_WORKSTREAM.replace("number: 1\n", "number: 1\nref: A\n").replace('ref: "1.1"', 'ref: "A.1"').replace("ref: 1.1a", "ref: A.1a")
    assert found(make_plan(workstreams={"1.yaml": text})) == []
    bad = text.replace('ref: "A.1"', 'ref: "B.1"').replace("ref: A.1a", "ref: B.1a")
    assert found(make_plan(workstreams={"1.yaml": bad})) == [
        f'{WS}:9:10: error: outcome ref "B.1" does not fit workstream A: write it as A.1, A.2, ... [refs]',
    ]


def test_own_field_values_are_markdown_checked_too(make_plan):
    field = "        fields:\n          Where are we now: '[x](javascript:alert)'\n"
    text = MINI_WORKSTREAM.replace("        lead: ann-smith\n", "        lead: ann-smith\n" + field)
    problems = found(make_plan(plan=MINI_PLAN + OWN, workstreams={"1.yaml": text}))
    assert problems == [f'{WS}:18:29: error: "Where are we now": links may only go to http(s) or mailto addresses, not "javascript:alert" [markdown]']
