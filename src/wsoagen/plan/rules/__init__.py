"""The validation rules of the plan stage, one small module each, and the ids every problem carries.

Each module declares `ID`, `LEVEL`, `CONFIGURABLE`, `DESCRIPTION` and `check(sources)` (see
`base`); `PLAN_RULES` lists them in the order they run. The rules that need the status as at a
date live in the data stage (`wsoagen.data.checks`); `wsoagen.check` joins both stages into the
one registry that `validate` and `build` run.

Problems found while reading carry an id too, though no module checks them: `syntax` (the YAML
itself: syntax, duplicate keys, anchors, tags, size, encoding), `schema` (keys, types and
values the schema does not allow, a missing plan.yaml, a wrong `rules:` setting) and
`data-files` (the metric data files). They are errors and cannot be switched off.
"""

from __future__ import annotations

from wsoagen.plan.rules import (
    action_owner,
    citations,
    delivery_partners,
    duplicate_ids,
    kind_fields,
    markdown,
    measurable_impact,
    metrics,
    milestone_deadline,
    own_fields,
    people,
    previous_report,
    refs,
    report_appendices,
    report_contact,
    reports,
    resource_flags,
    statuses,
    two_digit_year,
    workstream_files,
    workstream_sponsor,
)
from wsoagen.plan.rules.base import Problem, Registry, Reported, Rule, Settings, read_settings, run

SYNTAX = Reported("syntax", "each file is YAML that can be read safely: no syntax errors, duplicate keys, anchors, aliases or tags")
SCHEMA = Reported("schema", "each file has only the keys the schema allows, with values of the right type and form")
DATA_FILES = Reported("data-files", "each metric data file is readable, and each value is a number for a declared metric at a real date")

PLAN_RULES: list[Rule] = [
    SYNTAX,
    SCHEMA,
    DATA_FILES,
    duplicate_ids,
    people,
    delivery_partners,
    refs,
    kind_fields,
    own_fields,
    statuses,
    resource_flags,
    metrics,
    citations,
    reports,
    previous_report,
    report_appendices,
    markdown,
    workstream_files,
    workstream_sponsor,
    measurable_impact,
    action_owner,
    milestone_deadline,
    two_digit_year,
    report_contact,
]

# The plan stage alone: settings that name another stage's rules are left to that stage.
PLAN_REGISTRY = Registry(PLAN_RULES, complete=False)

__all__ = ["PLAN_REGISTRY", "PLAN_RULES", "Problem", "Registry", "Reported", "Rule", "Settings", "read_settings", "run"]
