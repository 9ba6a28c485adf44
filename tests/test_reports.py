"""Board reports, the recommendations tracker and the board pack, end to end."""

import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html
from pypdf import PdfReader

from conftest import MINI_PLAN, MINI_WORKSTREAM, write_plan
from wsoagen.cli import main

PLAN = MINI_PLAN.replace("    role: Director of Children's Services\n",
                         "    role: Director of Children's Services\n    email: ann.smith@example.org\n") + """\
metrics:
  - id: backlog
    title: EHC needs assessments over 20 weeks
    unit: count
    better: lower
    target: {value: 0, date: March 2020}
risks:
  - id: capacity
    description: Not enough caseworkers
    likelihood: high
    impact: high
    mitigation: Agency staff while posts are filled
    owner: ann-smith
recommendations:
  - ref: "1"
    text: Publish the strategy.
    updates:
      - {date: Dec 2019, text: Draft published for consultation.}
    status: Ongoing
"""
DATA = "metric,date,value\nbacklog,26/02/2019,155\nbacklog,22/07/2019,5\n"
REPORT = """\
board: Health and Wellbeing Board
meeting: 2019-12-10
as_at: 2019-12-02
house_style: {style}
written_by: Testshire SEND Partnership
contacts: [ann-smith]
board_lead: ann-smith
purpose: {{information: true, decision: true}}
summary: |
  The backlog shows {{evidence:backlog}}.

  A second paragraph.
recommendations:
  - Note the progress.
  - Agree the mitigations.
next_meeting: 2020-03-01
workstreams:
  - number: 1
    gone_well: The latest backlog is {{latest:backlog}}.
    metrics: [backlog]
"""


def words(path: Path) -> str:
    """The visible text of an HTML document, words separated by single spaces."""
    body = lxml_html.fromstring(path.read_bytes()).find("body")
    return " ".join(" ".join(body.itertext()).split())


def add_report(folder: Path, style: str = "cheshire-east", report: str | None = None) -> Path:
    """Give a plan folder (written with PLAN) its data file and one board report."""
    (folder / "data").mkdir()
    (folder / "data" / "backlog.csv").write_text(DATA)
    (folder / "reports").mkdir()
    (folder / "reports" / "2019-12-10.yaml").write_text(report or REPORT.format(style=style))
    return folder


def make_report_plan(make_plan, style: str = "cheshire-east", report: str | None = None, name: str = "testshire") -> Path:
    return add_report(make_plan(plan=PLAN, name=name), style, report)


@pytest.fixture(scope="module")
def report_out(tmp_path_factory) -> Path:
    """One output folder for this module's builds (each plan has its own name): its build cache
    means a document that comes out the same as in an earlier build is not rendered again."""
    return tmp_path_factory.mktemp("reports-out")


def test_report_references_are_checked(make_plan, cli):
    bad = REPORT.format(style="cheshire-east").replace("contacts: [ann-smith]", "contacts: [anne-smith]").replace(
        "{latest:backlog}", "{latest:backlogs}").replace("  - number: 1\n", "  - number: 7\n") + "risks: [capacty]\n"
    folder = make_report_plan(make_plan, report=bad)
    code, _, err = cli("validate", folder)
    r = f"{folder}/reports/2019-12-10.yaml"
    assert code == 1
    assert [line for line in err.splitlines() if ": error: " in line] == [
        f'{r}:6:12: error: unknown person "anne-smith": did you mean "ann-smith"? [people]',
        f"{r}:18:13: error: there is no workstream 7 in this plan [reports]",
        f'{r}:19:16: error: unknown metric "backlogs": did you mean "backlog"? [metrics]',
        f'{r}:21:9: error: unknown risk "capacty": did you mean "capacity"? [reports]',
    ]


@pytest.fixture(scope="module")
def built_report(tmp_path_factory, report_out):
    """built_report(style) -> the outputs of the report plan in that house style, built once per module."""
    built: dict[str, Path] = {}

    def build(style: str) -> Path:
        if style not in built:
            folder = add_report(write_plan(tmp_path_factory.mktemp("plans") / f"testshire-{style}", PLAN), style)
            assert main(["build", str(folder), "-o", str(report_out), "--as-at", "2019-12-02", "--quiet"]) == 0
            built[style] = report_out / folder.name
        return built[style]
    return build


def test_cheshire_east_report(built_report):
    out = built_report("cheshire-east")
    page = lxml_html.fromstring((out / "report-2019-12-10-health-and-wellbeing-board.html").read_bytes())
    text = words(out / "report-2019-12-10-health-and-wellbeing-board.html")
    assert "Title of Report:" in text and "Health and Wellbeing Board Lead: Ann Smith" in text
    assert "Information ☒ Discussion ☐ Decision ☒" in text
    # Numbered paragraphs, and figures taken from the data file
    assert "1.1 The backlog shows a reduction from 155 on 26/02/2019 to 5 on 22/07/2019." in text
    assert "1.2 A second paragraph." in text
    assert "3.1.1 The latest backlog is 5 on 22/07/2019." in text  # no reasons: section 3
    assert page.xpath("//strong[text()='155']")
    assert "1 of 2 milestones is complete and 0 are overdue, as at 2 December 2019." in text
    assert "This is the first report" in text
    assert "Appendix A: action tracker" in text


def test_sefton_report_has_its_header_and_no_numbers(built_report):
    out = built_report("sefton")
    text = words(out / "report-2019-12-10-health-and-wellbeing-board.html")
    for label in ("Report to: Health and Wellbeing Board", "Date of Meeting: 10 December 2019", "Wards Affected: All wards",
                  "Is this a Key Decision: N", "Exempt / Confidential Report: N", "Alternative Options Considered and Rejected",
                  "What will it cost and how will it be financed?", "Contact Officer"):
        assert label in text, label
    assert "1.1 The backlog" not in text and "The backlog shows a reduction from 155" in text
    assert "Executive Summary" not in text


def test_figures_follow_the_data(make_plan, cli, report_out):
    folder = make_report_plan(make_plan, name="testshire-figures")
    (folder / "data" / "backlog.csv").write_text(DATA + "backlog,25/11/2019,2\n")
    code, _, err = cli("build", folder, "-o", report_out, "--as-at", "2019-12-02")
    assert code == 0, err
    text = (report_out / folder.name / "report-2019-12-10-health-and-wellbeing-board.html").read_text()
    assert "a reduction from <strong>155</strong> on 26/02/2019 to <strong>2</strong> on 25/11/2019" in text


def test_tracker_and_pack(built_report):
    out = built_report("cheshire-east")
    tracker = words(out / "recommendations-tracker.html")
    assert "Ref Recommendation Update Status 1 Publish the strategy." in tracker
    assert "Dec 2019: Draft published for consultation. Ongoing" in tracker
    pack = PdfReader(str(out / "board-pack-2019-12-10-health-and-wellbeing-board.pdf"))
    pages = [" ".join(p.extract_text().split()) for p in pack.pages]
    n = len(pages)
    assert all(f"Page {i + 1} of {n}" in t for i, t in enumerate(pages[1:], start=1))
    contents = pages[1]
    assert "Contents of this pack" in contents and "Recommendations tracker" in contents
    wsoa_start = next(i for i, t in enumerate(pages) if "Testshire SEND Written Statement of Action" in t and "Contents" in t and i > 2)
    assert str(wsoa_start) in contents  # the contents page gives the page where the WSOA starts
    titles = [item.title for item in pack.outline if not isinstance(item, list)]
    assert titles[:1] == ["Board pack: Health and Wellbeing Board"] and "Recommendations tracker" in titles


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def test_what_changed_since_a_revision(make_plan, cli, report_out):
    folder = make_report_plan(make_plan, name="testshire-changes")
    repo = folder.parent
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "t@example.org")
    _git(repo, "config", "user.name", "Test")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "first")
    first = _git(repo, "rev-parse", "--short", "HEAD")
    ws = folder / "workstreams" / "1-joint.yaml"
    ws.write_text(MINI_WORKSTREAM.replace("            deadline: June 2020 to April 2021\n",
                                          "            deadline: June 2020 to April 2021\n            status: Green\n            status_date: Nov 2019\n"))
    report = folder / "reports" / "2019-12-10.yaml"
    report.write_text(report.read_text() + f"previous:\n  revision: {first}\n")
    code, _, err = cli("build", folder, "-o", report_out, "--as-at", "2019-12-02")
    assert code == 0, err
    text = words(report_out / folder.name / "report-2019-12-10-health-and-wellbeing-board.html")
    assert f"Compared with the plan as it stood at {first}" in text
    assert "1.1a: 'Strategy in place' moved from Not rated to Green (Nov 2019)" in text

    report.write_text(report.read_text().replace(f"revision: {first}", "revision: nosuchrev"))
    code, _, err = cli("build", folder, "-o", report_out, "--as-at", "2019-12-02")
    assert code == 1
    # reported at the report's previous: revision key
    assert f"{report}:22:13: error: cannot work out what changed: revision 'nosuchrev' does not exist in {repo} [report-previous]\n" in err
