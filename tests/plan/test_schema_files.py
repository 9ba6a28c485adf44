"""The published JSON Schemas accept what wsoagen accepts and refuse what it refuses, as an
independent validator (check-jsonschema, what editors' and CI's checks are like) reads them.

Files: every plan file of every example plan under plans/, a new plan with every example key
uncommented, and small files on either side of each gap between pydantic's own schema and
wsoagen's input (numbers for text, shorthands, YAML's numbers for dates, lax booleans and integers).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from check_jsonschema import main as check_jsonschema_main
from click.testing import CliRunner
from pydantic import ValidationError

from conftest import ROOT
from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.load import load_text
from wsoagen.plan.scaffold import plan_texts
from wsoagen.plan.schema import SCHEMAS, packaged_dir

KINDS = {"plan": "plan.yaml", "workstream": "workstreams/*.yaml", "report": "reports/*.yaml"}

WORKSTREAM = """\
number: {number}
title: {title}
sponsors: [ann-smith]
delivery_partners:
  - organisation: family-voice
weakness: Joint planning is not well established.
outcomes:
  - ref: {ref}
    text: A joint commissioning strategy is in place.
    impact:
      - {impact}
    actions:
      - ref: 1.1a
        text: Coproduce the strategy.
        lead: {lead}
        milestones:
          - text: Needs assessment agreed
            deadline: {deadline}
            status: {status}
"""
W = {"number": "1", "title": "Joint commissioning", "ref": '"1.1"', "impact": "{text: Increase to 50%}", "lead": "ann-smith",
     "deadline": "Nov 2019", "status": "Blue"}

REPORT = """\
board: SEND Executive Board
meeting: 2020-01-21
as_at: 2020-01-14
title: Progress
summary: A summary.
exempt: {exempt}
implications: {implications}
appendices:
  - {appendix}
"""
R = {"exempt": "false", "implications": "{legal: None.}", "appendix": "{document: recommendations-tracker}"}

PLAN = """\
title: Testshire SEND Written Statement of Action
local_area: Testshire
inspection:
  start: {start}
  end: 2019-06-14
stale_after: {stale}
resource_flags:
  - code: {code}
    meaning: Additional resource is or may be required
status_scheme:
  statuses:
    - id: {status}
      label: Done
      meaning: complete
      colour: "{colour}"
      complete: {complete}
"""
P = {"start": "2019-06-10", "stale": "3 months", "code": "AR", "status": "done", "colour": "#1d70b8", "complete": "true"}

# (name, kind, template, defaults, changes): wsoagen accepts each of these ...
ACCEPTED = [
    ("impact-as-text", "workstream", WORKSTREAM, W, {"impact": "Increase from 39% to 50% by April 2021"}),
    ("impact-as-number", "workstream", WORKSTREAM, W, {"impact": "50"}),
    ("ref-as-number", "workstream", WORKSTREAM, W, {"ref": "1.1"}),
    ("ref-with-trailing-zero", "workstream", WORKSTREAM, W, {"ref": "1.10"}),
    ("title-as-number", "workstream", WORKSTREAM, W, {"title": "2020"}),
    ("number-quoted", "workstream", WORKSTREAM, W, {"number": '"1"'}),
    ("id-as-number", "workstream", WORKSTREAM, W, {"lead": "123"}),
    ("id-with-spaces-around", "workstream", WORKSTREAM, W, {"lead": '" ann-smith "'}),
    ("deadline-a-year", "workstream", WORKSTREAM, W, {"deadline": "2020"}),
    ("deadline-iso", "workstream", WORKSTREAM, W, {"deadline": "2020-06-01"}),
    ("status-as-number", "workstream", WORKSTREAM, W, {"status": "75"}),
    ("exempt-yes", "report", REPORT, R, {"exempt": "yes"}),
    ("exempt-Off", "report", REPORT, R, {"exempt": "Off"}),
    ("implications-as-text", "report", REPORT, R, {"implications": "None."}),
    ("appendix-as-title", "report", REPORT, R, {"appendix": "The inspection letter"}),
    ("plan", "plan", PLAN, P, {}),
    ("complete-yes", "plan", PLAN, P, {"complete": "yes"}),
    ("status-id-as-number", "plan", PLAN, P, {"status": "1"}),
    ("start-in-words", "plan", PLAN, P, {"start": "10 June 2019"}),
]
# ... and refuses each of these.
REFUSED = [
    ("unknown-key", "workstream", WORKSTREAM, W, {"status": "Blue\n            colour: blue"}),
    ("ref-with-capital", "workstream", WORKSTREAM, W, {"ref": '"1.1A"'}),
    ("ref-negative", "workstream", WORKSTREAM, W, {"ref": "-1"}),
    ("number-too-big", "workstream", WORKSTREAM, W, {"number": "100"}),
    ("number-a-fraction", "workstream", WORKSTREAM, W, {"number": "1.5"}),
    ("title-only-spaces", "workstream", WORKSTREAM, W, {"title": '"   "'}),
    ("title-true", "workstream", WORKSTREAM, W, {"title": "true"}),
    ("id-with-spaces", "workstream", WORKSTREAM, W, {"lead": "Ann Smith"}),
    ("id-a-fraction", "workstream", WORKSTREAM, W, {"lead": "1.5"}),
    ("deadline-a-list", "workstream", WORKSTREAM, W, {"deadline": "[Nov 2019]"}),
    ("deadline-a-fraction", "workstream", WORKSTREAM, W, {"deadline": "2020.5"}),
    ("impact-empty", "workstream", WORKSTREAM, W, {"impact": '""'}),
    ("exempt-maybe", "report", REPORT, R, {"exempt": "maybe"}),
    ("exempt-2", "report", REPORT, R, {"exempt": "2"}),
    ("implications-a-number", "report", REPORT, R, {"implications": "5"}),
    ("appendix-a-number", "report", REPORT, R, {"appendix": "5"}),
    ("colour-a-name", "plan", PLAN, P, {"colour": "blue"}),
    ("resource-code-lowercase", "plan", PLAN, P, {"code": "ar"}),
    ("resource-code-a-number", "plan", PLAN, P, {"code": "1"}),
    ("complete-perhaps", "plan", PLAN, P, {"complete": "perhaps"}),
    ("stale-after-a-number", "plan", PLAN, P, {"stale": "3"}),
    ("stale-after-words", "plan", PLAN, P, {"stale": "a while"}),
]


def run_check_jsonschema(*args: object) -> tuple[int, str]:
    """check-jsonschema's command line, run in this process (its own imports cost a second a run)."""
    result = CliRunner().invoke(check_jsonschema_main, [str(a) for a in args])
    return result.exit_code, result.output


def check_jsonschema(kind: str, files: list[Path]) -> set[Path]:
    """The files check-jsonschema finds invalid against the packaged schema of `kind`."""
    code, output = run_check_jsonschema("--schemafile", packaged_dir() / f"{kind}.schema.json", "-o", "JSON", *files)
    assert code in (0, 1), output
    result = json.loads(output)
    assert not result.get("parse_errors"), result["parse_errors"]
    return {Path(e["filename"]) for e in result.get("errors", [])}


def wsoagen_accepts(kind: str, path: Path) -> bool:
    """What `wsoagen validate` makes of the file's keys and values (its schema check)."""
    diags = Diagnostics()
    src = load_text(path.read_text(encoding="utf-8"), path, path.name, diags)
    if src is None:
        return False
    try:
        SCHEMAS[kind].model_validate(src.data)
    except ValidationError:
        return False
    return True


def write_cases(cases: list, folder: Path) -> dict[str, list[Path]]:
    by_kind: dict[str, list[Path]] = {}
    for name, kind, template, defaults, changes in cases:
        path = folder / f"{name}.yaml"
        path.write_text(template.format(**{**defaults, **changes}), encoding="utf-8")
        by_kind.setdefault(kind, []).append(path)
    return by_kind


def example_files() -> dict[str, list[Path]]:
    return {kind: sorted((ROOT / "plans").glob(f"*/{pattern}")) for kind, pattern in KINDS.items()}


@pytest.mark.slow  # ~5 s: the example's files are long
def test_every_example_plan_file_is_valid_under_the_schemas():
    files = example_files()
    assert files["plan"] and files["workstream"] and files["report"]
    for kind, paths in files.items():
        assert [p.name for p in paths if not wsoagen_accepts(kind, p)] == []
        assert check_jsonschema(kind, paths) == set(), f"{kind}: the schema refuses files wsoagen accepts"


def test_a_new_plan_with_every_example_key_is_valid_under_the_schemas(tmp_path):
    texts, _ = plan_texts(tmp_path / "testshire", today=date(2026, 3, 2), examples=True)
    for rel, text in texts.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    assert check_jsonschema("plan", [tmp_path / "plan.yaml"]) == set()
    workstreams = sorted((tmp_path / "workstreams").glob("*.yaml"))
    assert workstreams and check_jsonschema("workstream", workstreams) == set()


@pytest.mark.parametrize(("cases", "accepted"), [(ACCEPTED, True), (REFUSED, False)], ids=["accepted", "refused"])
def test_the_schemas_draw_the_line_where_wsoagen_does(cases, accepted, tmp_path):
    for kind, paths in write_cases(cases, tmp_path).items():
        assert [p.stem for p in paths if wsoagen_accepts(kind, p) != accepted] == [], "the case list is wrong about wsoagen"
        invalid = check_jsonschema(kind, paths)
        wrong = [p.stem for p in paths if (p in invalid) == accepted]
        assert wrong == [], f"{kind}: the schema {'refuses' if accepted else 'accepts'} {wrong}"


def test_the_schemas_are_valid_json_schemas():
    files = sorted(packaged_dir().glob("*.schema.json"))
    assert len(files) == len(SCHEMAS)
    code, output = run_check_jsonschema("--check-metaschema", *files)
    assert code == 0, output
