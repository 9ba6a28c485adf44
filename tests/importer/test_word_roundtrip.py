"""Importing wsoagen's own Word edition of a plan gives the plan back.

For every example plan under plans/: render its plan document to Word (HTML -> python-docx,
no PDF), `wsoagen import` it into a new folder, and compare the two plans workstream by
workstream. What Word cannot carry back, and so is not compared (each a documented loss):
- ids: people and organisations get ids from their names (their roles, organisations,
  descriptions and partner flags come back from the "Who's who" tables);
- Markdown emphasis and link targets (the words are kept); metric links of impact statements;
- a milestone's dated updates come back as its status and status date (the latest one shown);
- plan.yaml's metrics, risks, recommendations and prose sections other than the foreword.
Plans in the record layout (each action a block of labelled paragraphs) come back as records: the
action's words from its label ("What we will do"), the other labels as the plan's own fields.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from wsoagen.check import check
from wsoagen.cli import main
from wsoagen.data import status
from wsoagen.importer import import_plan
from wsoagen.plan.model import Plan
from wsoagen.render.docx import html_to_docx
from wsoagen.render.html import render_html, template_dirs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p for p in (ROOT / "plans").iterdir() if (p / "plan.yaml").is_file())


def plan_docx(folder: Path, target: Path) -> Path:
    """The plan document of `folder` as .docx, the way `wsoagen build` writes it (less the charts)."""
    plan, _ = check(folder, None)
    as_at = status.as_at_date(plan, None)
    html = render_html(plan, "wsoa", as_at, folder)
    reference = next(d / "reference.docx" for d in template_dirs(folder, plan.file.house_style) if (d / "reference.docx").is_file())
    target.write_bytes(html_to_docx(html, reference))
    return target


def words(text: object) -> str:
    """Text as Word shows it: emphasis marks and link targets gone, spacing collapsed."""
    s = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", str(text or ""))
    s = re.sub(r"(\*\*|__|\*|_)(\S.*?\S|\S)\1", r"\2", s)
    s = re.sub(r"^\s*(?:[-*]|\d+\.)\s+", "", s, flags=re.M)
    return " ".join(s.split())


def shape(plan: Plan) -> list[dict]:
    """What both plans must agree on, workstream by workstream (updates dated after the document's
    as-at date are not printed, so not compared)."""
    as_at = status.as_at_date(plan, None)
    names = {p.id: p.name for p in plan.file.people}
    orgs = {o.id: o.name for o in plan.file.organisations}
    out = []
    for ws in plan.workstreams:
        partners = [names.get(p.person) or orgs.get(p.organisation) or p.group for p in ws.delivery_partners]
        outcomes = []
        for o in ws.outcomes:
            actions = []
            for a in o.actions:
                milestones = []
                for m in a.milestones:
                    latest = next((u for u in reversed(m.updates) if u.status), None)
                    shown = [(str(u.date), words(u.text)) for u in m.updates if u.date.start <= as_at]
                    milestones.append((words(m.text), shown, str(m.deadline or ""), (latest.status if latest else m.status) or "",
                                       str((latest.date if latest else m.status_date) or ""), m.resource or a.resource or ""))
                owners = [names.get(p) for p in (a.lead, *a.officers, a.sro, a.accountable) if p]
                details = (str(a.due or ""), owners, [words(c) for c in a.success_criteria],
                           [(str(u.date), words(u.text)) for u in a.updates if u.date.start <= as_at])
                fields = {label: words(text) for label, text in a.fields.items()}
                actions.append((str(a.ref or ""), words(a.text), details, fields, milestones))
            outcomes.append((str(o.ref or ""), words(o.text), [words(i.text) for i in o.impact], actions))
        out.append({"updates": [(str(u.date), words(u.text)) for u in ws.updates if u.date.start <= as_at],
                    "number": ws.number, "ref": ws.ref, "title": words(ws.title or ""), "weakness": words(ws.weakness),
                    "sponsors": [names[s] for s in ws.sponsors], "partners": [words(p) for p in partners], "outcomes": outcomes})
    return out


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_importing_our_own_word_output_gives_the_plan_back(example, tmp_path):
    original, _ = check(example, None)
    result = import_plan(plan_docx(example, tmp_path / "plan.docx"), tmp_path / "imported")
    assert not [n for n in result.notes if n.level == "error"]
    imported, diags = check(tmp_path / "imported", None)  # it validates
    assert not diags.errors
    assert main(["fmt", "--check", str(tmp_path / "imported")]) == 0  # and is laid out as fmt lays it out
    want, got = shape(original), shape(imported)
    for w, g in zip(want, got, strict=True):
        # organisation partners come back as groups whose words start with the organisation's name
        g["partners"] = [next((p for p in w["partners"] if q.startswith(p)), q) for q in g["partners"]]
        assert g == w
    assert imported.file.title == original.file.title
    assert imported.file.kind == original.file.kind
    if any(o.actions for w in original.workstreams for o in w.outcomes):  # a plan with no actions shows no layout
        assert (imported.file.layout, imported.file.action_label) == (original.file.layout, original.file.action_label)
    assert {(f.label, f.before) for f in imported.file.own_fields} <= {(f.label, f.before) for f in original.file.own_fields}
    assert imported.file.inspection.start == original.file.inspection.start
    assert [(o.name, o.partner, words(o.description)) for o in imported.file.organisations] == \
        [(o.name, o.partner, words(o.description)) for o in original.file.organisations]
    roles = {p.name: (p.role, p.organisation and next(o.name for o in imported.file.organisations if o.id == p.organisation))
             for p in imported.file.people}
    orgs = {o.id: o.name for o in original.file.organisations}
    assert roles == {p.name: (p.role, orgs.get(p.organisation)) for p in original.file.people}
    if original.file.foreword:
        assert words(imported.file.foreword.text) == words(original.file.foreword.text)
        signed = [p.name for p in imported.file.people if p.id in imported.file.foreword.signatories]
        assert signed == [next(p.name for p in original.file.people if p.id == s) for s in original.file.foreword.signatories]
