"""Turn an empty folder into a new plan that validates at once and shows every main key.

`wsoagen new plans/testshire` writes:
  plan.yaml                     the plan as a whole, with commented examples of every main key
  workstreams/1-ehc-plans.yaml  one workstream: an outcome with a measurable impact linked to a
                                metric, an action with a lead and two milestones
  data/example.csv              the metric's figures, long form, with comment lines
  README.md                     what the files are and the commands to run

Example lines are written as comments (`# key: ...`); removing the `# ` gives valid plan text
(a test uncomments all of them and validates the result). Dates are set around today so the
example reads like a plan in progress. Each YAML file starts with the yaml-language-server
modeline pointing at the JSON Schemas: `schema/` of the repository the folder is in, else the
schemas inside the installed wsoagen package, else where `wsoagen schema --write` should put them.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from wsoagen.diagnostics import UsageError
from wsoagen.output import write_atomic
from wsoagen.plan.model.kinds import KINDS
from wsoagen.plan.schema import packaged_dir

SCHEMA_DIR = "schema"
SCHEMA_FILES = ("plan.schema.json", "workstream.schema.json")
WORKSTREAM_FILE = "1-ehc-plans.yaml"
EXAMPLE = "#: "  # marks an example line in the templates below: written as a comment
COMMENT_COLUMN = 43  # where trailing comments start, when the line leaves room


@dataclass
class SchemaLocation:
    """Where the modelines point: a folder holding the schema files, and whether it exists."""

    folder: Path
    exists: bool


def find_schema_dir(target: Path) -> SchemaLocation:
    """The schema folder for a plan folder at `target` (which need not exist yet)."""
    target = target.resolve()
    for ancestor in target.parents:
        if _has_schemas(ancestor / SCHEMA_DIR):
            return SchemaLocation(ancestor / SCHEMA_DIR, True)
    packaged = packaged_dir()
    if _has_schemas(packaged):
        return SchemaLocation(packaged, True)
    root = next((a for a in target.parents if (a / ".git").exists()), target.parent)
    return SchemaLocation(root / SCHEMA_DIR, False)


def _has_schemas(folder: Path) -> bool:
    return all((folder / name).is_file() for name in SCHEMA_FILES)


def _schema_ref(schema_dir: Path, file_dir: Path, name: str) -> str:
    """Relative from the file's folder when both are in one tree, else absolute."""
    try:
        common = Path(os.path.commonpath([schema_dir, file_dir]))
    except ValueError:  # different drives
        return (schema_dir / name).as_posix()
    if common == Path(common.anchor):  # nothing shared but the root: an absolute path reads better
        return (schema_dir / name).as_posix()
    return Path(os.path.relpath(schema_dir / name, file_dir)).as_posix()


def area_from_folder(folder: Path) -> str:
    """`plans/north-somerset` -> "North Somerset"."""
    words = re.split(r"[-_\s]+", folder.resolve().name)
    return " ".join(w[:1].upper() + w[1:] for w in words if w) or "Testshire"


def plan_texts(folder: Path, local_area: str | None = None, today: date | None = None,
               examples: bool = False, schema: SchemaLocation | None = None, kind: str = "wsoa") -> tuple[dict[str, str], SchemaLocation]:
    """{relative path: text} of a new plan at `folder`; `examples=True` uncomments every example;
    `schema`: where the modelines point (default: `find_schema_dir`); `kind`: the plan's kind
    (its title, inspection facts and words for an area follow)."""
    today = today or date.today()
    area = local_area or area_from_folder(folder)
    schema = schema or find_schema_dir(folder)
    target = folder.resolve()

    inspection_start = _monday_before(today - timedelta(days=70))
    baseline = _month(inspection_start)
    done = _month(_add_months(today, -1))
    values = {
        "AREA": _yaml_text(area),
        "AREA_TITLE": _yaml_text(f"{area} Special Educational Needs and Disabilities {_title_words(kind)}"),
        "KIND": kind,
        "AREA_WORDS": KINDS[kind].area,
        "COUNCIL": _yaml_text(f"{area} Council"),
        "ICB": _yaml_text(f"NHS {area} Integrated Care Board"),
        "FORUM": _yaml_text(f"{area} Parent Carer Forum"),
        "EMAIL_DOMAIN": re.sub(r"[^a-z0-9]+", "", area.lower()) or "example",
        "PUBLISHED": f"{_MONTHS[today.month - 1]} {today.year}",
        "START": inspection_start.isoformat(),
        "END": (inspection_start + timedelta(days=4)).isoformat(),
        "REPORT": (inspection_start + timedelta(days=42)).isoformat(),
        "DUE": (inspection_start + timedelta(days=42 + 70)).isoformat(),
        "BASELINE": _short(baseline),
        "TARGET": _short(_add_months(baseline, 12)),
        "TARGET_LONG": _long(_add_months(baseline, 12)),
        "INTERIM": _short(_add_months(baseline, 6)),
        "DONE": _short(done),
        "NEXT": _long(_add_months(today, 2)),
        "UPDATE": _add_months(_month(today), 1).isoformat(),
        "PLAN_SCHEMA": _schema_ref(schema.folder, target, SCHEMA_FILES[0]),
        "WS_SCHEMA": _schema_ref(schema.folder, target / "workstreams", SCHEMA_FILES[1]),
        "DATA": _data_rows(baseline, done),
        "FOLDER": folder.as_posix(),
    }
    texts = {
        "plan.yaml": PLAN.replace("<<INSPECTION>>", _inspection(kind)),
        f"workstreams/{WORKSTREAM_FILE}": WORKSTREAM,
        "data/example.csv": DATA,
        "README.md": README,
    }
    return {name: _fill(text, values, examples) for name, text in texts.items()}, schema


def create(folder: Path, local_area: str | None = None, today: date | None = None, kind: str = "wsoa") -> tuple[list[Path], SchemaLocation]:
    """Write a new plan into `folder` (absent or empty); UsageError if it holds anything."""
    if folder.exists():
        if not folder.is_dir():
            raise UsageError(f"{folder}: is a file, not a folder")
        if any(folder.iterdir()):
            raise UsageError(f"{folder}: folder is not empty: `wsoagen new` only starts a plan in a new or empty folder")
    if kind not in KINDS:
        raise UsageError(f'unknown plan kind "{kind}": choose one of {", ".join(KINDS)}')
    texts, schema = plan_texts(folder, local_area, today, kind=kind)
    return [write_atomic(folder / name, text.encode("utf-8")) for name, text in texts.items()], schema


# ---------------------------------------------------------------- helpers

# What each framework's inspection says beyond bodies and dates (the `kind-fields` rule checks it).
_INSPECTION = {
    "2016": '  kind: SEND local area inspection\n  framework: "2016"\n  #: statement_due: <<DUE>>',
    "2023": '  kind: area SEND inspection\n  framework: "2023"\n  outcome: inconsistent  # positive, inconsistent or widespread-failings',
    "any": '  kind: area SEND inspection\n  framework: "2023"  # or "2016"\n  #: outcome: inconsistent',
}


def _inspection(kind: str) -> str:
    text = _INSPECTION[KINDS[kind].framework]
    if not KINDS[kind].due_field:
        text = text.replace("\n  #: statement_due: <<DUE>>", "")
    # only an inspection with widespread or systemic failings sets areas for priority action
    return text.replace("outcome: inconsistent", "outcome: widespread-failings") if kind == "priority-action-plan" else text


def _title_words(kind: str) -> str:
    """"Written Statement of Action", "Priority Action Plan": as a document title."""
    return " ".join(w if w in ("of", "and") else w[:1].upper() + w[1:] for w in KINDS[kind].in_text.split())

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


_TRAILING = re.compile(r"^(.*?\S)( {2,})(# .*)$")


def _fill(text: str, values: dict[str, str], examples: bool) -> str:
    """Fill in <<PLACEHOLDERS>>, comment out (or not) the example lines, keep comments aligned."""
    lines = []
    for line in text.split("\n"):
        m = _TRAILING.match(line)
        content, comment = (m.group(1), m.group(3)) if m else (line, "")
        for key, value in values.items():
            content = content.replace(f"<<{key}>>", value)
        stripped = content.lstrip(" ")
        if stripped.startswith(EXAMPLE.rstrip()):
            indent = content[: len(content) - len(stripped)]
            rest = stripped[len(EXAMPLE):]
            content = indent + rest if examples else (indent + "# " + rest).rstrip()
        if comment:
            content += " " * max(2, COMMENT_COLUMN - len(content)) + comment
        lines.append(content)
    return "\n".join(lines)


def _yaml_text(text: str) -> str:
    """Plain when safe, else a double-quoted YAML scalar."""
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'()&-]*", text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def _month(day: date) -> date:
    return day.replace(day=1)


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _monday_before(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _short(day: date) -> str:
    return f"{_MONTHS[day.month - 1][:3]} {day.year}"


def _long(day: date) -> str:
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _data_rows(first: date, last: date) -> str:
    """Illustrative monthly values from the baseline (42%) towards the target."""
    rows, month, value = [], first, 42
    while month <= last and len(rows) < 12:
        note = "baseline" if month == first else ""
        rows.append(f"ehcp-20-weeks,{_short(month)},{value},{note}")
        month, value = _add_months(month, 1), min(value + 4, 100)
    return "\n".join(rows)


# ---------------------------------------------------------------- the files

PLAN = """\
# yaml-language-server: $schema=<<PLAN_SCHEMA>>
# The plan as a whole. An editor with a YAML extension completes and explains every key.
# Lines starting with # are comments: remove the "# " in front of an example to use it.
#   check it:       wsoagen validate <<FOLDER>>
#   build it:       wsoagen build <<FOLDER>>
#   tidy layout:    wsoagen fmt <<FOLDER>>
title: <<AREA_TITLE>>
kind: <<KIND>>                             # wsoa, priority-action-plan, improvement-plan, accelerated-progress-plan, strategic-action-plan
local_area: <<AREA>>
published: <<PUBLISHED>>                   # the date on the cover, as you would write it
version: "0.1"                             # quoted, so that 0.10 stays 0.10
#: source: >-                              # where the content comes from, and its licence
#:   Contains public sector information licensed under the Open Government Licence v3.0.
#: house_style: default                    # a folder under templates/ with your council's look

organisations:                             # every organisation the plan names; used by id
  - id: council
    name: <<COUNCIL>>
    kind: council                          # council, health, parent-carer-forum, provider, education, other
    partner: true                          # a statutory partner of the local area
  - id: icb
    name: <<ICB>>
    kind: health
    partner: true
  - id: parent-carer-forum
    name: <<FORUM>>
    kind: parent-carer-forum
    description: our local Parent Carer Forum

people:                                    # everyone the plan names; ids are words-with-hyphens
  - id: director-childrens-services
    name: Alex Example                     # replace with the names and roles you publish
    role: Director of Children's Services
    organisation: council
  - id: head-of-send
    name: Sam Example
    role: Head of SEND
    organisation: council
    #: email: sam.example@<<EMAIL_DOMAIN>>.gov.uk
    #: phone: 01234 567890

inspection:                                # the inspection that led to this plan
  bodies: [Ofsted, CQC]
<<INSPECTION>>
  start: <<START>>                          # days as YYYY-MM-DD, or a month ("March 2023") if that is all you know
  end: <<END>>
  #: report_published: <<REPORT>>
  #: inspectors:
  #:   - {name: A. Inspector, role: HMI, organisation: Ofsted}

#: foreword:                               # Markdown text: paragraphs, **bold**, lists with "- "
#:   text: |
#:     Leaders of the council and the NHS welcome the inspectors' report.
#:   signatories: [director-childrens-services]
#: introduction: |
#:   What the inspection looked at and what it found.
#: response: |
#:   How the area responded: coproduction with families, the workstreams.
#: governance: |
#:   Who oversees this plan, and how progress is reported.
#: boards:
#:   - name: SEND Improvement Board
#:     role: Oversees delivery of this plan
#:     reports_to: Health and Wellbeing Board
#:     frequency: monthly
#: status_scheme:                          # BRAG when left out; or `percent: true` for "75%"
#:   name: BRAG
#:   statuses:
#:     - {id: blue, label: Blue, meaning: complete, colour: "#1d70b8", complete: true}
#:     - {id: green, label: Green, meaning: on track, colour: "#00703c", on_track: true}
#:     - {id: amber, label: Amber, meaning: behind schedule, colour: "#ffdd00"}
#:     - {id: red, label: Red, meaning: not started / at risk, colour: "#d4351c"}
#: resource_flags:                         # AR and ER when left out
#:   - {code: AR, meaning: Additional resource is or may be required}
#:   - {code: ER, meaning: Actions covered by existing resource}

metrics:                                   # measures of impact; their figures go in data/*.csv
  - id: ehcp-20-weeks
    title: New EHC plans issued within 20 weeks
    unit: "%"                              # %, count, days, weeks, months or score
    better: higher                         # or lower
    baseline: {value: 42, date: <<BASELINE>>}
    target: {value: 80, date: <<TARGET>>}
    #: interim_targets:
    #:   - {value: 60, date: <<INTERIM>>}
    source: SEND case management system
    evidences: ["1.1"]                     # refs of the outcomes it evidences
    illustrative: true                     # the example figures are made up: remove this line for real ones

#: risks:
#:   - id: staffing
#:     description: Vacancies in the EHC plan team slow down assessments
#:     likelihood: medium                  # low, medium or high
#:     impact: high
#:     mitigation: Agency cover agreed until permanent staff start
#:     owner: head-of-send
#:     workstream: 1
#: recommendations:
#:   - ref: R1
#:     text: Report progress on EHC plan timeliness to scrutiny every quarter
#:     source: Children and Families Scrutiny Committee
#:     owner: head-of-send
#:     status: Ongoing
"""

WORKSTREAM = """\
# yaml-language-server: $schema=<<WS_SCHEMA>>
# One workstream: one <<AREA_WORDS>>, owned by one drafting sub-group.
# For the next one, copy this file to 2-<short-title>.yaml; its outcome refs start with 2.
number: 1
title: Timeliness and quality of education, health and care plans
sponsors: [director-childrens-services]    # senior accountable officer(s): ids from `people`
delivery_partners:                         # each one a person, an organisation or a group
  - person: head-of-send
  - organisation: parent-carer-forum
    note: representative
  - group: SENCo network
weakness: >-                               # the inspectors' words, verbatim
  Too few education, health and care plans are completed within 20 weeks, and their quality is too variable.
outcomes:
  - ref: "1.1"                             # quote refs, so that "1.10" stays 1.10
    text: Families receive a good quality EHC plan within 20 weeks of their request.
    impact:                                # what families will see: a figure and a date, or a metric
      - text: More new EHC plans issued within 20 weeks, from 42% to 80% by <<TARGET_LONG>>
        metrics: [ehcp-20-weeks]           # ids from `metrics` in plan.yaml
    actions:
      - ref: 1.1a                          # the outcome's ref with a letter
        text: |                            # Markdown: bullets welcome
          Redesign the EHC needs assessment process with families and partners:

          - agree a 20-week timeline with health and social care
          - track every assessment every week
        resource: ER                       # AR (additional resource) or ER (existing resource)
        lead: head-of-send                 # who leads it: a person id
        #: accountable: director-childrens-services
        #: success_criteria:
        #:   - Every new request has a named caseworker within 5 working days
        milestones:
          - text: New assessment process agreed with the Parent Carer Forum
            deadline: <<DONE>>                # as people write it: Nov 2026, Q1 2027, By March 2027
            status: Blue                   # Blue, Green, Amber or Red: the plan's status scheme
            status_date: <<DONE>>             # when that status was recorded
          - text: Weekly tracking of every assessment in place
            deadline: <<NEXT>>
            #: status: Green
            #: updates:
            #:   - {date: <<UPDATE>>, text: Tracker tested with two teams, status: Green}
"""

DATA = """\
# Figures for the metrics in plan.yaml, one value per row (long form): metric,date,value,note.
# Lines starting with # are comments. These figures are illustrative: replace them with yours.
# A tracker can also be kept wide, one column per month: metric,Jan 2026,Feb 2026,...
metric,date,value,note
<<DATA>>
"""

README = """\
# <<AREA>> SEND Written Statement of Action

This folder is a plan for wsoagen, which turns it into the Written Statement of Action in Word,
PDF and HTML. Edit the YAML files, then check and build them.

- `plan.yaml`: the plan as a whole: local area, organisations, people, inspection, metrics.
- `workstreams/`: one file per workstream (area of weakness), each owned by one sub-group.
- `data/`: metric figures as CSV or Excel (.xlsx); lines starting with `#` are comments.

```sh
wsoagen validate <<FOLDER>>          # every problem at once, as file:line:col
wsoagen build <<FOLDER>> -o build    # Word, PDF and HTML into build/
wsoagen fmt <<FOLDER>>               # tidy the layout, keeping comments
```

Example lines are comments: remove the `# ` in front of one to use it. The names, dates and
figures are placeholders: replace them with your own before you publish.
"""
