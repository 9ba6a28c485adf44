"""previous-report, report-appendices and report-contact: what a report names is there. The
previous report it compares with is an earlier report of the plan; every appendix it lists is
attached; its contacts can be reached."""

from rulecheck import found

from conftest import MINI_PLAN

REPORT = "board: Health and Wellbeing Board\nmeeting: 2020-03-10\nas_at: 2020-03-02\nsummary: S\n"
EARLIER = "board: SEND Executive Board\nmeeting: 2020-01-21\nas_at: 2020-01-14\nsummary: S\n"


def with_reports(make_plan, plan: str = MINI_PLAN, **reports: str):
    folder = make_plan(plan=plan)
    (folder / "reports").mkdir()
    for name, text in reports.items():
        (folder / "reports" / f"{name}.yaml").write_text(text)
    return folder


def test_the_previous_report_is_an_earlier_report_of_the_plan(make_plan):
    folder = with_reports(make_plan, a=EARLIER, b=EARLIER.replace("SEND Executive", "Schools Forum"),
                          c=REPORT + "previous:\n  report: 2020-01-21-send-executive-bord\n",
                          d=REPORT.replace("03-10", "03-11") + "previous:\n  report: 2020-01-21\n",
                          e=REPORT.replace("03-10", "03-12") + "previous:\n  report: 2020-03-12-health-and-wellbeing-board\n",
                          f=EARLIER.replace("01-21", "01-20") + "previous:\n  report: 2020-03-10\n",
                          g=REPORT.replace("03-10", "03-13") + "previous: {}\n")
    assert found(folder, rule="previous-report") == [
        'reports/c.yaml:6:11: error: there is no report "2020-01-21-send-executive-bord" in reports/: '
        'did you mean "2020-01-21-send-executive-board"? [previous-report]',
        'reports/d.yaml:6:11: error: two reports have their meeting on 2020-01-21: name one with its board, '
        'e.g. "2020-01-21-schools-forum-board" [previous-report]',
        "reports/e.yaml:6:11: error: a report cannot compare with itself: name the report before it [previous-report]",
        "reports/f.yaml:6:11: error: \"2020-03-10\" is not an earlier report: its meeting is on 2020-03-10, "
        "this report's on 2020-01-20 [previous-report]",
        "reports/g.yaml:5:1: error: `previous:` names nothing: give the earlier report (`report:`), or the git "
        "`revision:` or `date:` of the plan then [previous-report]",
    ]


def test_an_earlier_report_in_reports_needs_no_git(make_plan):
    folder = with_reports(make_plan, a=EARLIER, b=REPORT + "previous:\n  report: 2020-01-21-send-executive-board\n")
    assert found(folder) == []  # not in git, and no report-previous error: the plan then is the plan now


def test_every_appendix_listed_is_attached(make_plan, tmp_path):
    report = REPORT + """\
appendices:
  - Terms of reference
  - {title: Letter, file: appendices/letter.md, document: recommendations-tracker}
  - {file: appendices/missing.md}
  - {file: ../outside.md}
  - {file: appendices/letter.pdf}
  - {file: appendices/picture.md}
  - {document: recommendations-tracker}
  - {title: Fine, file: appendices/letter.md}
"""
    folder = with_reports(make_plan, r=report)
    (folder / "appendices").mkdir()
    (folder / "appendices" / "letter.md").write_text("Dear Board,\n")
    (folder / "appendices" / "letter.pdf").write_bytes(b"%PDF")
    (folder / "appendices" / "picture.md").write_text("![chart](chart.png)\n")
    assert found(folder, rule="report-appendices") == [
        'reports/r.yaml:6:5: error: the appendix "Terms of reference" is named but not attached: give it a `file:` '
        "(Markdown in the plan folder) or a `document:`, or list it under `background_papers` [report-appendices]",
        "reports/r.yaml:7:5: error: an appendix needs exactly one of `document:` or `file:` [report-appendices]",
        'reports/r.yaml:8:5: error: there is no file "appendices/missing.md" in the plan folder [report-appendices]',
        'reports/r.yaml:9:5: error: "../outside.md" is not in the plan folder: an appendix file is named relative '
        "to it, e.g. appendices/terms.md [report-appendices]",
        'reports/r.yaml:10:5: error: "appendices/letter.pdf" is not a Markdown file (.md): an appendix file is '
        "attached as Markdown text [report-appendices]",
        'reports/r.yaml:11:5: error: "appendices/picture.md": images are not allowed in plan text ("chart.png"): '
        "charts come from metrics [report-appendices]",
        "reports/r.yaml:12:5: error: this plan has no `recommendations`, so there is no recommendations tracker "
        "to attach [report-appendices]",
    ]


def test_a_contact_without_email_or_phone_is_warned_about(make_plan):
    plan = MINI_PLAN.replace("organisations:\n", "  - id: bob-jones\n    name: Bob Jones\n    phone: 01733 747474\norganisations:\n")
    folder = with_reports(make_plan, plan=plan, r=REPORT + "contacts: [ann-smith, bob-jones, nobody]\n")
    assert found(folder, rule="report-contact") == [
        'reports/r.yaml:5:12: warning: the contact "ann-smith" (Ann Smith) has no `email` or `phone` in plan.yaml: '
        "readers of the report cannot reach them [report-contact]",
    ]
    (folder / "plan.yaml").write_text(plan + "rules:\n  report-contact: off\n")
    assert found(folder, rule="report-contact") == []
