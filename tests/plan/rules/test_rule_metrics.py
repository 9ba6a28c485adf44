"""metrics and reports: metric ids are declared wherever they are named or cited, metrics evidence
outcomes that exist, and reports name workstreams and risks of the plan."""

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM

PLAN = MINI_PLAN + """\
metrics:
  - id: backlog
    title: Backlog
    evidences: ["1.1", "1.9"]
risks:
  - {id: capacity, description: Not enough staff}
"""
WORKSTREAM = MINI_WORKSTREAM.replace("      - Increase from 39% to 50% by April 2021\n",
                                     "      - text: Fewer families wait\n        metrics: [backlog, backlg]\n")
REPORT = """\
board: B
meeting: 2019-12-10
as_at: 2019-12-02
summary: The backlog is {latest:backlog}; see {evidence:nope}.
risks: [capacity, capacty]
workstreams:
  - number: 1
    gone_well: "{latest:backlogs}"
  - number: 7
    metrics: [backlog, waits]
"""


def test_metrics_and_report_references(make_plan):
    folder = make_plan(plan=PLAN, workstreams={"1.yaml": WORKSTREAM})
    (folder / "reports").mkdir()
    (folder / "reports" / "r.yaml").write_text(REPORT)
    assert found(folder) == [
        'plan.yaml:17:24: error: unknown outcome "1.9": did you mean "1.1"? [metrics]',
        'reports/r.yaml:4:10: error: unknown metric "nope" (add it to `metrics` in plan.yaml) [metrics]',
        'reports/r.yaml:5:19: error: unknown risk "capacty": did you mean "capacity"? [reports]',
        'reports/r.yaml:8:16: error: unknown metric "backlogs": did you mean "backlog"? [metrics]',
        'reports/r.yaml:9:13: error: there is no workstream 7 in this plan [reports]',
        'reports/r.yaml:10:24: error: unknown metric "waits" (add it to `metrics` in plan.yaml) [metrics]',
        'workstreams/1.yaml:12:28: error: unknown metric "backlg": did you mean "backlog"? [metrics]',
    ]


def test_a_linked_metric_makes_an_impact_measurable(make_plan):
    folder = make_plan(plan=PLAN.replace(', "1.9"', ""), workstreams={"1.yaml": WORKSTREAM.replace(", backlg", "")})
    assert found(folder) == []
