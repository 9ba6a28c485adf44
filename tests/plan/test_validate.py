"""Each error class, with its exact message and position, through the real CLI."""

from conftest import MINI_PLAN, MINI_WORKSTREAM


def errors_of(err: str) -> list[str]:
    return [line for line in err.splitlines() if ": error: " in line or ": warning: " in line]


def test_mini_plan_is_valid(make_plan, cli):
    code, _, err = cli("validate", make_plan())
    assert code == 0, err
    assert err.strip().endswith("wsoagen: 1 plan: 0 errors, 0 warnings")


def run_ws(make_plan, cli, text: str, plan: str = MINI_PLAN):
    folder = make_plan(plan=plan, workstreams={"1-joint.yaml": text})
    code, _, err = cli("validate", folder)
    ws = f"{folder}/workstreams/1-joint.yaml"
    return code, [e.replace(ws, "WS").replace(f"{folder}/plan.yaml", "PLAN") for e in errors_of(err)]


def test_unknown_key_with_did_you_mean(make_plan, cli):
    code, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("sponsors:", "sponsers:"))
    assert code == 1
    assert 'WS:3:1: error: unknown key "sponsers": did you mean "sponsors"? [schema]' in errs


def test_unknown_key_lists_the_allowed_keys(make_plan, cli):
    _, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("        resource: ER\n", "        resource: ER\n        colour: red\n"))
    assert errs == ['WS:16:9: error: unknown key "colour" '
                    '(allowed here: ref, text, resource, due, lead, officers, sro, accountable, fields, success_criteria, updates, milestones) [schema]']


def test_wrong_types(make_plan, cli):
    text = MINI_WORKSTREAM.replace("number: 1", "number: one").replace("sponsors: [ann-smith]", "sponsors: ann-smith")
    code, errs = run_ws(make_plan, cli, text)
    assert code == 1
    assert errs[:2] == [
        'WS:1:9: error: "number" should be a whole number [schema]',
        'WS:3:11: error: "sponsors" should be a list (one item per line, each starting with "- ") [schema]',
    ]


def test_missing_key_points_at_its_parent(make_plan, cli):
    text = MINI_WORKSTREAM.replace("        text: Coproduce the strategy.\n", "")
    _, errs = run_ws(make_plan, cli, text)
    assert errs == ['WS:13:9: error: "text" is missing here [schema]']


def test_unparseable_deadline(make_plan, cli):
    _, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("deadline: Nov 2019", "deadline: end of term"))
    assert errs == ['WS:19:23: error: "deadline": cannot read "end of term" as a date; '
                    'write it like "Nov 2019", "31 March 2024", "From Feb 2020" or "June 2020 to April 2021" [schema]']


def test_impossible_date(make_plan, cli):
    plan = MINI_PLAN.replace("start: 2019-06-10", "start: 2019-06-31")
    folder = make_plan(plan=plan)
    code, _, err = cli("validate", folder)
    assert code == 1
    assert errors_of(err) == [f'{folder}/plan.yaml:4:10: error: "start": "2019-06-31": 31 June 2019 is not a real date [schema]']


def test_unknown_status_and_flag(make_plan, cli):
    text = MINI_WORKSTREAM.replace("status: Blue", "status: Blu").replace("resource: ER", "resource: XR")
    _, errs = run_ws(make_plan, cli, text)
    assert errs == [
        'WS:15:19: error: unknown resource flag "XR" (this plan\'s flags are: AR, ER) [resource-flags]',
        'WS:20:21: error: unknown status "Blu": did you mean "blue"? (this plan\'s statuses are: blue, green, amber, red) [statuses]',
    ]


def test_custom_status_scheme(make_plan, cli):
    plan = MINI_PLAN + """\
status_scheme:
  name: Progress
  statuses:
    - {id: complete, label: COMPLETE, meaning: done, complete: true}
    - {id: suspended, label: SUSPENDED, meaning: paused}
    - {id: reprogrammed, label: REPROGRAMMED, meaning: re-dated}
"""
    code, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("status: Blue", "status: SUSPENDED"), plan=plan)
    assert (code, errs) == (0, [])
    code, errs = run_ws(make_plan, cli, MINI_WORKSTREAM, plan=plan)
    assert errs == ['WS:20:21: error: unknown status "Blue" (this plan\'s statuses are: complete, suspended, reprogrammed) [statuses]']


def test_percent_scheme(make_plan, cli):
    plan = MINI_PLAN + "status_scheme:\n  name: Percentage complete\n  percent: true\n"
    code, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("status: Blue", "status: 75%"), plan=plan)
    assert (code, errs) == (0, [])
    _, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("status: Blue", "status: 120%"), plan=plan)
    assert errs == ['WS:20:21: error: status "120%" should be a percentage from 0% to 100% [statuses]']


def test_unknown_person_and_organisation(make_plan, cli):
    text = MINI_WORKSTREAM.replace("sponsors: [ann-smith]", "sponsors: [anne-smith]").replace(
        "organisation: family-voice", "organisation: parent-forum").replace("lead: ann-smith", "lead: bob-jones")
    _, errs = run_ws(make_plan, cli, text)
    assert errs == [
        'WS:3:12: error: unknown person "anne-smith": did you mean "ann-smith"? [people]',
        'WS:5:19: error: unknown organisation "parent-forum" (add it to `organisations` in plan.yaml) [people]',
        'WS:16:15: error: unknown person "bob-jones" (add it to `people` in plan.yaml) [people]',
    ]


def test_unknown_metric(make_plan, cli):
    text = MINI_WORKSTREAM.replace("      - Increase from 39% to 50% by April 2021\n",
                                   "      - text: Increase from 39% to 50% by April 2021\n        metrics: [ahc-uptake]\n")
    _, errs = run_ws(make_plan, cli, text)
    assert errs == ['WS:12:19: error: unknown metric "ahc-uptake" (add it to `metrics` in plan.yaml) [metrics]']


def test_refs_that_do_not_fit_their_parent(make_plan, cli):
    text = MINI_WORKSTREAM.replace('ref: "1.1"', 'ref: "2.1"').replace("ref: 1.1a", "ref: 1.2a")
    _, errs = run_ws(make_plan, cli, text)
    assert errs == [
        'WS:8:10: error: outcome ref "2.1" does not fit workstream 1: write it as 1.1, 1.2, ... [refs]',
        'WS:13:14: error: action ref "1.2a" does not fit its outcome "2.1": write it as "2.1" or "2.1" with a letter, e.g. "2.1a" [refs]',
    ]


def test_bad_ref_form(make_plan, cli):
    _, errs = run_ws(make_plan, cli, MINI_WORKSTREAM.replace("ref: 1.1a", "ref: one-a"))
    assert errs == ['WS:13:14: error: "one-a" is not a valid ref: write it like 1.1 for an outcome or 1.1a for an action [schema]']


def test_unquoted_refs_keep_their_digits(make_plan, cli):
    text = MINI_WORKSTREAM.replace('ref: "1.1"', "ref: 1.10").replace("ref: 1.1a", "ref: 1.10a")
    code, errs = run_ws(make_plan, cli, text)
    assert (code, errs) == (0, [])


def test_duplicate_refs_across_files(make_plan, cli):
    folder = make_plan(workstreams={"1-a.yaml": MINI_WORKSTREAM, "1-b.yaml": MINI_WORKSTREAM})
    code, _, err = cli("validate", folder)
    assert code == 1
    assert errors_of(err) == [
        f"{folder}/workstreams/1-b.yaml:1:9: error: workstream number 1 is also used by {folder}/workstreams/1-a.yaml [refs]",
        f'{folder}/workstreams/1-b.yaml:8:10: error: duplicate outcome ref "1.1" (also on {folder}/workstreams/1-a.yaml line 8) [refs]',
        f'{folder}/workstreams/1-b.yaml:13:14: error: duplicate action ref "1.1a" (also on {folder}/workstreams/1-a.yaml line 13) [refs]',
    ]


def test_yaml_problems_in_plan_files(make_plan, cli):
    text = MINI_WORKSTREAM.replace("title: Joint commissioning", "title: &t Joint commissioning").replace(
        "weakness: Joint planning is not well established.", "weakness: *t\ntitle: again")
    _, errs = run_ws(make_plan, cli, text)
    assert errs == [
        'WS:2:8: error: YAML anchors ("&t") are not allowed: write each value out in full [syntax]',
        'WS:6:11: error: YAML aliases ("*t") are not allowed: write the value out in full [syntax]',
        'WS:7:1: error: duplicate key "title" (first given on line 2): remove one of them [syntax]',
    ]


def test_syntax_error_does_not_hide_other_files(make_plan, cli):
    folder = make_plan(workstreams={"1.yaml": MINI_WORKSTREAM, "2.yaml": "number: 2\ntitle: [oops\n"})
    code, _, err = cli("validate", folder)
    assert code == 1
    assert f"{folder}/workstreams/2.yaml:3:1: error: YAML syntax error" in err
    assert "0 warnings" in err


def test_every_error_in_one_run(make_plan, cli):
    plan = MINI_PLAN.replace("local_area: Testshire", "local_aera: Testshire")
    text = MINI_WORKSTREAM.replace("deadline: Nov 2019", "deadline: whenever").replace("status: Blue", "status: purple")
    folder = make_plan(plan=plan, workstreams={"1.yaml": text})
    code, _, err = cli("validate", folder)
    assert code == 1
    assert len([e for e in errors_of(err) if ": error: " in e]) == 4  # missing local_area, unknown key, date, status
    assert err.strip().endswith("wsoagen: 1 plan: 4 errors, 0 warnings")


def test_warnings_for_what_ofsted_sends_back(make_plan, cli):
    text = MINI_WORKSTREAM.replace("      - Increase from 39% to 50% by April 2021\n", "      - Families are happier\n").replace(
        "        lead: ann-smith\n", "").replace("            deadline: June 2020 to April 2021\n", "")
    folder = make_plan(workstreams={"1.yaml": text})
    code, _, err = cli("validate", folder)
    ws = f"{folder}/workstreams/1.yaml"
    assert code == 0
    assert errors_of(err) == [
        f"{ws}:8:10: warning: outcome 1.1 has no measurable impact: add an impact statement with a figure and a date, or link a metric [measurable-impact]",
        f"{ws}:13:14: warning: action 1.1a has no owner: add `lead`, `officers`, `sro` or `accountable` (person ids) [action-owner]",
        f"{ws}:21:13: warning: a milestone of action 1.1a has no deadline [milestone-deadline]",
    ]
    code, _, _ = cli("validate", "--strict", folder)
    assert code == 1


def test_missing_folder_is_a_usage_error(tmp_path, cli):
    code, _, err = cli("validate", tmp_path / "nope")
    assert code == 2
    assert err == f"wsoagen: error: {tmp_path / 'nope'}: no such plan folder\n"


def test_folder_without_plan_yaml(tmp_path, cli):
    code, _, err = cli("validate", tmp_path)
    assert code == 1
    assert f"{tmp_path}/plan.yaml: error: missing plan.yaml" in err


def test_github_annotations(make_plan, cli):
    folder = make_plan(workstreams={"1.yaml": MINI_WORKSTREAM.replace("status: Blue", "status: Blu")})
    _, _, err = cli("validate", "--error-format", "github", folder)
    assert f"::error file={folder}/workstreams/1.yaml,line=20,col=21,title=statuses::unknown status" in err
