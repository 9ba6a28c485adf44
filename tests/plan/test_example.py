"""The embedded Peterborough plan (seed 003) is complete and valid."""

import json
import shutil

from conftest import EXAMPLE
from wsoagen.data.metrics import read_plan

# Counted by hand from seed 003, workstream by workstream (outcomes, actions, milestones,
# milestones with a BRAG date).
SEED_COUNTS = {1: (4, 9, 36, 4), 2: (4, 5, 20, 4), 3: (3, 3, 14, 2), 4: (3, 6, 24, 0), 5: (2, 4, 12, 1)}


def test_example_validates_without_errors():
    plan, diags = read_plan(EXAMPLE)
    assert diags.errors == []
    # Legal but weak, as published: six outcomes without a measurable impact, and no action
    # owners, which its plan.yaml says once (`rules: action-owner: off`) rather than 27 times.
    # The published plan gives no contact details, so its reports' contacts (three) warn.
    assert sorted(w.rule for w in diags.warnings) == ["measurable-impact"] * 6 + ["report-contact"] * 3
    assert plan.file.rules == {"action-owner": "off"}


def test_example_without_its_rules_setting_warns_of_every_action(tmp_path):
    copy = tmp_path / "peterborough"
    shutil.copytree(EXAMPLE, copy)
    text = (copy / "plan.yaml").read_text(encoding="utf-8")
    (copy / "plan.yaml").write_text(text.replace("  action-owner: off\n", "  action-owner: warning\n"), encoding="utf-8")
    _, diags = read_plan(copy)
    assert len([w for w in diags.warnings if w.rule == "action-owner"]) == 27


def test_example_counts_match_seed_003():
    plan, _ = read_plan(EXAMPLE)
    counts = {}
    for ws in plan.workstreams:
        actions = [a for o in ws.outcomes for a in o.actions]
        milestones = [ms for a in actions for ms in a.milestones]
        counts[ws.number] = (len(ws.outcomes), len(actions), len(milestones), len([ms for ms in milestones if ms.status]))
    assert counts == SEED_COUNTS


def test_example_refs_in_document_order():
    plan, _ = read_plan(EXAMPLE)
    refs = [a.ref for ws in plan.workstreams for o in ws.outcomes for a in o.actions]
    assert refs == [
        "1.1a", "1.1b", "1.1c", "1.2", "1.2b", "1.2c", "1.2d", "1.3", "1.4a",
        "2.1", "2.2a", "2.2b", "2.3", "2.4",
        "3.1", "3.2", "3.3",
        "4.1a", "4.1b", "4.2", "4.3a", "4.3b", "4.3c",
        "5.1a", "5.1b", "5.2a", "5.2b",
    ]


def test_example_facts_from_the_seed():
    plan, _ = read_plan(EXAMPLE)
    p = plan.file
    assert (p.inspection.start.start.isoformat(), p.inspection.end.start.isoformat()) == ("2019-06-10", "2019-06-14")
    assert p.inspection.report_published.start.isoformat() == "2019-08-13"
    assert [i.name for i in p.inspection.inspectors] == ["Heather Yaxley", "Deborah Mason", "Paula Morgan"]
    assert "Open Government Licence v3.0" in p.source
    ws = {w.number: w for w in plan.workstreams}
    assert ws[2].sponsors == ["jon-lewis", "alison-bennett"]
    a51b = next(a for o in ws[5].outcomes for a in o.actions if a.ref == "5.1b")
    assert a51b.resource == "ER" and [m.resource for m in a51b.milestones] == [None, None, "AR"]
    a11a = ws[1].outcomes[0].actions[0]
    assert a11a.milestones[-1].deadline.text == "June 2020 to April 2021"
    assert a11a.milestones[0].status == "blue" and a11a.milestones[0].status_date.text == "Nov 2019"


def test_every_plan_file_has_the_schema_modeline():
    for path in [EXAMPLE / "plan.yaml", *sorted((EXAMPLE / "workstreams").glob("*.yaml"))]:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        kind = "plan" if path.name == "plan.yaml" else "workstream"
        assert first.startswith("# yaml-language-server: $schema=") and first.endswith(f"/{kind}.schema.json")
        target = (path.parent / first.split("=", 1)[1]).resolve()
        assert target.is_file(), target


def test_build_writes_plan_json(example_build):
    data = json.loads((example_build / "plan.json").read_text(encoding="utf-8"))
    assert data["name"] == "peterborough"
    assert len(data["workstreams"]) == 5
    first = data["workstreams"][0]["outcomes"][0]["actions"][0]["milestones"][-1]["deadline"]
    assert first == {"text": "June 2020 to April 2021", "start": "2020-06-01", "end": "2021-04-30", "precision": "month", "kind": "range"}
