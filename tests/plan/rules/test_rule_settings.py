"""plan.yaml's `rules:` setting, and the registry it names rules from."""

import re
from datetime import date

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM, ROOT
from wsoagen.check import REGISTRY
from wsoagen.plan.validate import validate_plan

NO_LEAD = MINI_WORKSTREAM.replace("        lead: ann-smith\n", "")
OWNER = "workstreams/1.yaml:13:14: {}: action 1.1a has no owner: add `lead`, `officers`, `sro` or `accountable` (person ids) [action-owner]"


def test_a_warning_switched_off(make_plan):
    assert found(make_plan(workstreams={"1.yaml": NO_LEAD})) == [OWNER.format("warning")]
    assert found(make_plan(plan=MINI_PLAN + "rules:\n  action-owner: off\n", workstreams={"1.yaml": NO_LEAD})) == []


def test_a_warning_raised_to_an_error(make_plan, cli):
    folder = make_plan(plan=MINI_PLAN + "rules:\n  action-owner: error\n", workstreams={"1.yaml": NO_LEAD})
    assert found(folder) == [OWNER.format("error")]
    code, _, err = cli("validate", folder)
    assert code == 1 and err.endswith("wsoagen: 1 plan: 1 error, 0 warnings\n")


def test_a_data_stage_warning_switched_off(make_plan):
    text = MINI_WORKSTREAM.replace("            status_date: Nov 2019\n", "")
    assert found(make_plan(workstreams={"1.yaml": text}), rule="complete-without-date") != []
    folder = make_plan(plan=MINI_PLAN + "rules:\n  complete-without-date: off\n", workstreams={"1.yaml": text})
    assert found(folder) == []
    validate_plan(folder)  # the plan stage alone leaves the data stage's ids to it


def test_what_a_setting_may_not_say(make_plan):
    plan = MINI_PLAN + "rules:\n  action-ownr: off\n  people: off\n  action-owner: warn\n  no-such-thing: error\n"
    assert found(make_plan(plan=plan)) == [
        'plan.yaml:15:3: error: unknown rule "action-ownr": did you mean "action-owner"? [schema]',
        'plan.yaml:16:3: error: the rule "people" cannot be switched off or changed: what it finds is always an error [schema]',
        "plan.yaml:17:17: error: \"action-owner\" must be one of: 'off', 'warning' or 'error'; got \"warn\" [schema]",
        "plan.yaml:18:3: error: unknown rule \"no-such-thing\" (the rules are listed in wsoagen's README) [schema]",
    ]


def test_the_registry():
    ids = [rule.ID for rule in REGISTRY]
    assert len(ids) == len(set(ids))
    for rule in REGISTRY:
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", rule.ID), rule.ID
        assert rule.DESCRIPTION and "\n" not in rule.DESCRIPTION
        # Warnings can be switched off or raised; errors are errors by nature.
        assert (rule.LEVEL == "warning") == rule.CONFIGURABLE, rule.ID


def test_the_readme_lists_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [rule.ID for rule in REGISTRY if f"`{rule.ID}`" not in readme] == []


def test_validate_and_build_print_the_same_warnings(make_plan, cli, tmp_path):
    text = MINI_WORKSTREAM.replace("        lead: ann-smith\n", "").replace(
        "            deadline: June 2020 to April 2021\n", "            deadline: Nov 2019\n            status: Green\n            status_date: Oct 2019\n")
    folder = make_plan(workstreams={"1.yaml": text})
    as_at = date(2019, 12, 2).isoformat()
    _, _, validated = cli("validate", "--as-at", as_at, folder)
    _, _, built = cli("build", "--as-at", as_at, folder, "-o", tmp_path / "out")
    warnings = [line for line in validated.splitlines() if ": warning: " in line]
    assert [line.rsplit(" ", 1)[-1] for line in warnings] == ["[action-owner]", "[on-track-overdue]"]
    assert [line for line in built.splitlines() if ": warning: " in line] == warnings
