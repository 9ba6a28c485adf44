"""markdown: images and unsafe links are refused in every Markdown field, at the field's value."""

from rulecheck import found

from conftest import MINI_PLAN, MINI_WORKSTREAM


def test_markdown_fields_of_every_file(make_plan):
    plan = MINI_PLAN + "foreword:\n  text: '![logo](logo.png)'\nintroduction: See [the report](https://example.org).\n"
    text = MINI_WORKSTREAM.replace("      - Increase from 39% to 50% by April 2021\n",
                                   "      - Increase from 39% to 50% by [April](javascript:void)\n").replace(
        "        lead: ann-smith\n", "        lead: ann-smith\n        success_criteria:\n          - Fine\n          - '[x](file:///etc/passwd)'\n")
    folder = make_plan(plan=plan, workstreams={"1.yaml": text})
    (folder / "reports").mkdir()
    (folder / "reports" / "r.yaml").write_text("board: B\nmeeting: 2019-12-10\nas_at: 2019-12-02\nsummary: '[mail](mailto:a@b.org)'\n"
                                               "sections:\n  - {title: Pictures, body: '![a](http://example.org/a.png)'}\n")
    assert found(folder) == [
        'plan.yaml:15:9: error: "text": images are not allowed in plan text ("logo.png"): charts come from metrics [markdown]',
        'reports/r.yaml:6:29: error: "body": images are not allowed in plan text ("http://example.org/a.png"): charts come from metrics [markdown]',
        'workstreams/1.yaml:11:9: error: "text": links may only go to http(s) or mailto addresses, not "javascript:void" [markdown]',
        'workstreams/1.yaml:19:13: error: "success_criteria": links may only go to http(s) or mailto addresses, not "file:///etc/passwd" [markdown]',
    ]


def test_text_that_is_not_markdown_is_not_checked(make_plan):
    text = MINI_WORKSTREAM.replace("title: Joint commissioning", "title: '![x](y.png)'")
    assert found(make_plan(workstreams={"1.yaml": text})) == []
