"""people and delivery-partner: people and organisations named by id are declared; each
delivery partner is exactly one person, organisation or group."""

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM

REPORT = "board: B\nmeeting: 2019-12-10\nas_at: 2019-12-02\nsummary: S\nauthors: [ann-smith, anne-smith]\ncontacts: [x]\nboard_lead: y\n"


def test_unknown_people_and_organisations_in_every_file(make_plan):
    plan = MINI_PLAN.replace("    role: Director of Children's Services\n",
                             "    role: Director of Children's Services\n    organisation: testshire-council\n") + (
        "foreword:\n  text: We are sorry.\n  signatories: [ann-smith, bob-jones]\n"
        "risks:\n  - {id: capacity, description: Not enough staff, owner: ann-smyth}\n")
    folder = make_plan(plan=plan, workstreams={"1.yaml": MINI_WORKSTREAM.replace("lead: ann-smith", "accountable: bob")})
    (folder / "reports").mkdir()
    (folder / "reports" / "r.yaml").write_text(REPORT)
    assert found(folder) == [
        'plan.yaml:10:19: error: unknown organisation "testshire-council" (add it to `organisations` in plan.yaml) [people]',
        'plan.yaml:17:28: error: unknown person "bob-jones" (add it to `people` in plan.yaml) [people]',
        'plan.yaml:19:58: error: unknown person "ann-smyth": did you mean "ann-smith"? [people]',
        'reports/r.yaml:5:22: error: unknown person "anne-smith": did you mean "ann-smith"? [people]',
        'reports/r.yaml:6:12: error: unknown person "x" (add it to `people` in plan.yaml) [people]',
        'reports/r.yaml:7:13: error: unknown person "y" (add it to `people` in plan.yaml) [people]',
        'workstreams/1.yaml:16:22: error: unknown person "bob" (add it to `people` in plan.yaml) [people]',
    ]


def test_sponsors_and_partners(make_plan):
    text = MINI_WORKSTREAM.replace("sponsors: [ann-smith]", "sponsors: [anne-smith]").replace(
        "organisation: family-voice", "organisation: parent-forum")
    assert found(make_plan(workstreams={"1.yaml": text})) == [
        'workstreams/1.yaml:3:12: error: unknown person "anne-smith": did you mean "ann-smith"? [people]',
        'workstreams/1.yaml:5:19: error: unknown organisation "parent-forum" (add it to `organisations` in plan.yaml) [people]',
    ]


def test_a_delivery_partner_is_one_thing(make_plan):
    text = MINI_WORKSTREAM.replace("  - organisation: family-voice\n",
                                   "  - organisation: family-voice\n    person: ann-smith\n  - role: Someone\n  - group: Schools\n")
    assert found(make_plan(workstreams={"1.yaml": text})) == [
        "workstreams/1.yaml:5:5: error: a delivery partner needs exactly one of `person`, `organisation` or `group` "
        "(this one has person and organisation) [delivery-partner]",
        "workstreams/1.yaml:7:5: error: a delivery partner needs exactly one of `person`, `organisation` or `group` [delivery-partner]",
    ]
