"""What changed, for plans whose actions have no refs: each action is known by its area and its
text (by its place where the text was edited), named by its place, and two actions' milestones
of the same wording never collide."""

from __future__ import annotations

from datetime import date

from conftest import MINI_PLAN
from wsoagen.data.changes import compare
from wsoagen.data.metrics import read_plan

AS_AT = date(2024, 6, 1)
PLAN = "kind: strategic-action-plan\narea_name: {singular: recommendation, plural: recommendations}\n" + MINI_PLAN


def area(number: int, actions: list[tuple[str, list[str]]]) -> str:
    """An untitled area whose actions, without refs, sit directly under it; each milestone as
    'text|deadline|status' (status and deadline optional)."""
    out = f"number: {number}\nweakness: Recommendation {number} of the inspection.\nactions:\n"
    for text, milestones in actions:
        out += f"  - text: {text}\n"
        if milestones:
            out += "    milestones:\n"
        for ms in milestones:
            words, deadline, state = (ms.split("|") + ["", ""])[:3]
            out += f"      - text: {words}\n" + (f"        deadline: {deadline}\n" if deadline else "")
            out += f"        status: {state}\n        status_date: May 2024\n" if state else ""
    return out


OLD = {
    "1.yaml": area(1, [("Revise the governance.", ["Plan agreed|March 2024|Green"]),
                       ("Publish monthly reports.", ["Plan agreed|July 2024|Green", "First report|Sept 2024"])]),
    "2.yaml": area(2, [("Recover annual reviews.", ["Backlog cleared|Dec 2024"]),
                       ("Audit contributions.", ["Audit done|May 2024|Blue"])]),
}
NEW = {
    # Area 1: the first action reworded where it stood, the second's "Plan agreed" now Blue.
    "1.yaml": area(1, [("Revise the governance of the SEND and AP system.", ["Plan agreed|March 2024|Green"]),
                       ("Publish monthly reports.", ["Plan agreed|July 2024|Blue", "First report|Sept 2024"])]),
    # Area 2: a new action first, the audit removed.
    "2.yaml": area(2, [("Recruit caseworkers.", ["Posts filled|Jan 2025"]),
                       ("Recover annual reviews.", ["Backlog cleared|Dec 2024"])]),
}


def plans(make_plan, old: dict[str, str], new: dict[str, str]):
    folders = [make_plan(plan=PLAN, workstreams=ws, name=name) for name, ws in (("then", old), ("now", new))]
    found = [read_plan(f) for f in folders]
    assert not any(diags.errors for _, diags in found), [d.message for _, diags in found for d in diags.items]
    return found[0][0], found[1][0]


def test_actions_without_refs_are_matched_by_text_and_place(make_plan):
    old, new = plans(make_plan, OLD, NEW)
    assert compare(old, new, AS_AT).summary_lines() == [
        "Action 2 of recommendation 1: 'Plan agreed' moved from Green to Blue (May 2024)",
        "New action in recommendation 2: 'Recruit caseworkers.'",
        "Action 1 of recommendation 2: new milestone 'Posts filled' (deadline Jan 2025)",
        "Action removed from recommendation 2: 'Audit contributions.'",
        "Action 2 of recommendation 2: milestone 'Audit done' removed (deadline May 2024)",
    ]


def test_the_same_plan_has_not_changed(make_plan):
    old, new = plans(make_plan, OLD, OLD)
    assert compare(old, new, AS_AT).summary_lines() == []


def test_milestones_of_the_same_wording_in_two_actions_do_not_collide(make_plan):
    # Both areas' first action has a milestone "Plan agreed": each is compared with its own.
    old_ws = {"1.yaml": area(1, [("Revise the governance.", ["Plan agreed|March 2024|Green"])]),
              "2.yaml": area(2, [("Recover annual reviews.", ["Plan agreed|March 2024|Green"])])}
    new_ws = {"1.yaml": old_ws["1.yaml"], "2.yaml": old_ws["2.yaml"].replace("status: Green", "status: Blue")}
    old, new = plans(make_plan, old_ws, new_ws)
    assert compare(old, new, AS_AT).summary_lines() == ["Action 1 of recommendation 2: 'Plan agreed' moved from Green to Blue (May 2024)"]


def test_newly_overdue_milestones_are_named_by_their_action_s_place(make_plan):
    ws = {"1.yaml": area(1, [("Revise the governance.", ["Plan agreed|March 2024"])]),
          "2.yaml": area(2, [("Recover annual reviews.", ["Backlog cleared|April 2024"])])}
    old, new = plans(make_plan, ws, ws)
    assert compare(old, new, AS_AT, since=date(2024, 3, 1)).summary_lines() == [
        "2 milestones became overdue, of action 1 of recommendation 1 and action 1 of recommendation 2"]


def test_outcomes_without_refs_are_matched_too(make_plan):
    def ws(outcomes: list[str]) -> dict[str, str]:
        body = "".join(f"  - text: {t}\n    actions:\n      - text: Act on it.\n" for t in outcomes)
        return {"1.yaml": "number: 1\nweakness: Recommendation 1.\noutcomes:\n" + body}
    old, new = plans(make_plan, ws(["Families are heard.", "Plans are timely."]), ws(["Plans are timely.", "Waits are short."]))
    assert compare(old, new, AS_AT).summary_lines() == [
        "New outcome in recommendation 1: 'Waits are short.'",
        "Outcome removed from recommendation 1: 'Families are heard.'",
    ]
