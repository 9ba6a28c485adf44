"""Print everything that is entered: every text value in an example plan's YAML files appears in
at least one of the documents its build makes (the plan document, the recommendations tracker,
each board report). A field that no template shows fails here, naming the file and the key path.

The documents are rendered as HTML (what the PDF and Word files are made from), with charts, each
as at its own date as `wsoagen build` does; values are compared as text, Markdown rendered, case
and spacing ignored. Values that are not text for a reader are left out: ids (shown as names),
status ids (shown as labels), enumerations, ISO dates of the build's own settings, colours.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from conftest import ROOT
from wsoagen.check import check
from wsoagen.data import status
from wsoagen.data.changes import compare, since
from wsoagen.data.checks import PreviousPlans
from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.dates import parse_when
from wsoagen.plan.load import load_file
from wsoagen.plan.markdown import to_html
from wsoagen.render import charts
from wsoagen.render.html import render_html
from wsoagen.render.pack import Meeting, Part, combine

PLANS = sorted(p for p in (ROOT / "plans").iterdir() if (p / "plan.yaml").is_file())

# Keys whose values are settings or codes, not words a reader is meant to see as written.
SKIP_KEYS = {"id", "kind", "layout", "framework", "outcome", "on", "better", "unit", "colour", "house_style", "as_at",
             "stale_after", "rules", "status", "board_lead", "authors", "contacts", "previous", "document", "file",
             "revision", "direction", "format"}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CITATION = re.compile(r"\{(?:evidence|latest):[^}\s]*\}")  # replaced by figures from the data


def words(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", text).strip().casefold()


def document_text(page: str) -> str:
    tree = lxml_html.fromstring(page)
    alts = " ".join(tree.xpath("//img/@alt"))
    return words(tree.text_content() + " " + alts)


def values(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], str]]:
    """(key path, text) for every text value worth finding in a document."""
    if isinstance(node, dict):
        return [v for key, value in node.items() if key not in SKIP_KEYS for v in values(value, path + (key,))]
    if isinstance(node, list):
        return [v for i, value in enumerate(node) for v in values(value, path + (i,))]
    if isinstance(node, str):
        text = node.strip()
        if not text or ID.match(text) or ISO_DAY.match(text):
            return []
        return [(path, text)]
    return []


def pieces(text: str, key: Any) -> list[list[str]]:
    """The value as a reader sees it, one block (paragraph, list item) at a time, each block cut
    at its figure citations ({evidence:id} becomes a sentence from the data); a date may be
    printed in the documents' one form for dates ("January 2019" for "Jan 2019"): each is a list
    of the forms any one of which will do."""
    if key in ("date", "deadline", "status_date", "start", "end", "report_published", "published"):
        try:
            when = parse_when(text)
        except ValueError:
            return [[words(text)]]
        forms = [text, f"{when.start:%B %Y}", f"{when.start:%d/%m/%Y}", f"{when.start.day} {when.start:%B %Y}"]
        return [[words(f) for f in forms]]
    tree = lxml_html.fragment_fromstring(str(to_html(text)), create_parent="div")
    blocks = tree.xpath(".//p|.//li[not(.//p)]|.//td|.//th") or [tree]
    return [[w] for b in blocks for part in CITATION.split(b.text_content()) if (w := words(part))]


def rendered(folder: Path, out: Path) -> str:
    """The text of every document the build makes, each as at its own date."""
    plan, diags = check(folder, None, PreviousPlans())
    assert not diags.errors
    drawer = charts.ChartRenderer(out / "charts")

    def page(kind: str, as_at, report=None, **extra) -> str:
        summary = status.summary(plan, as_at)
        figures = charts.draw_all(plan, summary, as_at, drawer)
        return render_html(plan, kind, as_at, folder, figures, report=report, summary=summary, **extra)

    as_at = status.as_at_date(plan, None)
    pages = [page("wsoa", as_at)]
    if plan.file.recommendations:
        pages.append(page("tracker", as_at))
    for report in plan.reports:
        found = since(report, plan.reports)
        changes = compare(plan, plan, report.as_at, found.as_at) if found else None
        html = page("report", report.as_at, report, changes=changes, changes_since=found.words if found else None)
        meeting = Meeting(report.board, plan.file.local_area, report.meeting, report.time, report.venue)
        pages.append(combine(meeting, [Part(report.title, html)], "2020-01-01T00:00:00Z"))  # the pack's front sheet
    return " ".join(document_text(p) for p in pages)


@pytest.mark.slow
@pytest.mark.parametrize("folder", PLANS, ids=[p.name for p in PLANS])
def test_every_text_value_is_printed(folder, tmp_path):
    text = rendered(folder, tmp_path)
    files = [folder / "plan.yaml", *sorted((folder / "workstreams").glob("*.yaml")), *sorted((folder / "reports").glob("*.yaml"))]
    missing = []
    for path in files:
        src = load_file(path, str(path.relative_to(folder)), Diagnostics())
        for key_path, value in values(src.data):
            lost = [forms[0] for forms in pieces(value, key_path[-1]) if not any(f in text for f in forms)]
            if lost:
                missing.append(f"{path.relative_to(folder)}: {'.'.join(map(str, key_path))}: {lost[0][:80]!r}")
    assert missing == [], "\n".join(missing)
