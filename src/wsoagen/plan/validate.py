"""Turn a plan folder into a validated `Plan`, collecting every problem in every file.

In: a folder holding `plan.yaml`, `workstreams/*.yaml`, and optionally `data/*.csv|xlsx`
(metric values, read by `metrics.py`) and `reports/*.yaml` (board reports).
Out: a `Plan` with the data merged, or `PlanError` carrying every diagnostic (`file:line:col`)
at once. Here: loading, and schema errors from pydantic translated into plain English at the
position of the offending key or value. Then the plan-stage rules (`rules/`, one module each:
refs, people, statuses, metrics, ...) read the raw trees, so they run even on a file with
schema errors. Every problem carries its rule's id; plan.yaml's `rules:` setting switches the
configurable ones off or changes their level. `wsoagen.check` adds the rules that need a date.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from wsoagen.diagnostics import Diagnostics, PlanError, UsageError, did_you_mean
from wsoagen.files import escapes
from wsoagen.plan import model as m
from wsoagen.plan.load import LoadedFile, load_file
from wsoagen.plan.rules import PLAN_REGISTRY, PLAN_RULES, SCHEMA, SYNTAX, Registry, Settings, read_settings, run
from wsoagen.plan.rules.sources import PLAN_FILE, Declared, Sources
from wsoagen.plan.rules.workstream_files import WORKSTREAM_DIR

__all__ = ["PLAN_FILE", "REPORT_DIR", "WORKSTREAM_DIR", "Validated", "plan_files", "report_files", "validate", "validate_plan"]

REPORT_DIR = "reports"


def _yaml_files(folder: Path) -> list[Path]:
    if folder.is_dir() and escapes(folder, folder.parent):  # linked from outside: refused at the folder, not listed
        return [folder]
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml")) if folder.is_dir() else []


def plan_files(folder: Path) -> tuple[Path, list[Path]]:
    """plan.yaml and the workstream files of a plan folder, in a stable order."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such plan folder")
    return folder / PLAN_FILE, _yaml_files(folder / WORKSTREAM_DIR)


def report_files(folder: Path) -> list[Path]:
    """The board report files of a plan folder, in a stable order."""
    return _yaml_files(folder / REPORT_DIR)


@dataclass
class Validated:
    """The plan stage's result: the plan (None if it has errors), every problem found, the files
    as read (for the data stage's rules) and the plan's `rules:` setting."""

    plan: m.Plan | None
    diagnostics: Diagnostics
    sources: Sources
    settings: Settings = field(default_factory=Settings)


def validate_plan(folder: Path, known: Registry = PLAN_REGISTRY) -> tuple[m.Plan, Diagnostics]:
    """The validated plan (without its metric data: `wsoagen.data.metrics.read_plan` adds it)
    and its warnings; raise PlanError if there is any error."""
    done = validate(folder, known)
    if done.plan is None:
        raise PlanError(done.diagnostics)
    return done.plan, done.diagnostics


def validate(folder: Path, known: Registry = PLAN_REGISTRY) -> Validated:
    """Load, check against the schema and run the plan-stage rules. `known` is every rule a
    `rules:` setting may name (`wsoagen.check` passes both stages' rules)."""
    diags = Diagnostics()
    plan_path, ws_paths = plan_files(folder)
    if not (plan_path.exists() or plan_path.is_symlink()):  # a pipe or a link to outside: `_load` says why
        diags.error(plan_path, (0, 0), f"missing {PLAN_FILE}: every plan folder needs one (`wsoagen new` makes a start)", SCHEMA.ID)
        return Validated(None, diags, Sources(folder, None, workstream_paths=ws_paths))

    # Schema checks per file, then the rules that span files. Both run on every file that
    # parsed, even one with schema errors, so that one run reports every problem.
    plan_src = _load(plan_path, folder, diags)
    plan_file = _check_model(plan_src, m.PlanFile, diags) if plan_src else None
    ws_srcs = [src for path in ws_paths if (src := _load(path, folder, diags))]
    workstreams = [_check_model(src, m.Workstream, diags) for src in ws_srcs]
    report_srcs = [src for path in report_files(folder) if (src := _load(path, folder, diags))]
    reports = [_check_model(src, m.Report, diags) for src in report_srcs]
    sources = Sources(folder, plan_src, ws_srcs, report_srcs, ws_paths)

    settings, problems = read_settings(plan_src, known)
    for p in problems:
        diags.error(p.path, p.pos, p.message, SCHEMA.ID)
    run(PLAN_RULES, sources, settings, diags)

    if diags.errors or plan_file is None or None in workstreams or None in reports:
        return Validated(None, diags, sources, settings)
    for src, ws in zip(ws_srcs, workstreams, strict=True):
        _remember_places(src, ws)
        _canonical_statuses(ws, sources.declared)
    for report in reports:  # a report without a title is named after its plan's kind, not always the WSOA
        if "title" not in report.model_fields_set and plan_file.kind != "wsoa":
            report.title = f"SEND {m.KINDS[plan_file.kind].in_text}: progress update"
    plan = m.Plan(name=folder.resolve().name, file=plan_file, workstreams=sorted(workstreams, key=lambda w: w.number),
                  reports=sorted(reports, key=lambda r: r.meeting))
    return Validated(plan, diags, sources, settings)


def _load(path: Path, folder: Path, diags: Diagnostics) -> LoadedFile | None:
    """One YAML file of the plan `folder` read; what is wrong with it carries the `syntax` id."""
    found = Diagnostics()
    src = load_file(path, str(path), found, root=folder)
    tag(found, SYNTAX.ID, diags)
    return src


def tag(found: Diagnostics, rule_id: str, diags: Diagnostics) -> None:
    """Copy `found` into `diags`, each marked as found by the rule `rule_id`."""
    diags.extend(dataclasses.replace(d, rule=rule_id) for d in found.items)


# ---------------------------------------------------------------- schema errors in plain English


def _check_model(src: LoadedFile, model: type[BaseModel], diags: Diagnostics) -> Any:
    if not isinstance(src.data, dict):
        diags.error(src.display, src.positions.of(()), "this file should hold keys and values (like `title: ...`), not a list or a single value", SCHEMA.ID)
        src.data = {}
        return None
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            pos, message = _explain(err, loc, src, model)
            diags.error(src.display, pos, message, SCHEMA.ID)
        return None


def _explain(err: dict[str, Any], loc: tuple[Any, ...], src: LoadedFile, model: type[BaseModel]) -> tuple[tuple[int, int], str]:
    """A position and a sentence for one pydantic error."""
    kind = err["type"]
    name = next((str(p) for p in reversed(loc) if isinstance(p, str)), "value")
    value = err.get("input")
    where = src.positions.of(loc)
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        hint = did_you_mean(loc[-1], allowed) or f" (allowed here: {', '.join(allowed)})"
        return src.positions.of(loc, key=True), f'unknown key "{loc[-1]}"{hint}'
    if kind == "missing":
        parent = loc[:-1]
        return src.positions.of(parent, key=bool(parent)), f'"{name}" is missing here'
    if value is None:
        return where, f'"{name}" needs a value'
    messages = {
        "string_type": "should be text",
        "int_type": "should be a whole number",
        "int_parsing": "should be a whole number",
        "int_from_float": "should be a whole number",
        "float_type": "should be a number",
        "float_parsing": "should be a number",
        "bool_type": "should be true or false",
        "bool_parsing": "should be true or false",
        "list_type": 'should be a list (one item per line, each starting with "- ")',
        "model_type": "should be a set of keys and values, not a single value",
        "dict_type": "should be a set of keys and values, not a single value",
        "model_attributes_type": "should be a set of keys and values, not a single value",
        "string_too_short": "must not be empty",
    }
    if kind in messages:
        return where, f'"{name}" {messages[kind]}'
    if kind == "literal_error":
        return where, f'"{name}" must be one of: {err["ctx"]["expected"]}; got "{value}"'
    if kind == "string_pattern_mismatch":
        return where, _pattern_message(name, value, err["ctx"]["pattern"])
    if kind == "value_error":
        return where, f'"{name}": {str(err["ctx"]["error"])}'
    return where, f'"{name}": {err["msg"]}'


def _pattern_message(name: str, value: Any, pattern: str) -> str:
    if "a-z0-9-" in pattern:
        return f'"{value}" is not a valid id for "{name}": use lowercase letters, digits and hyphens, e.g. "sheelagh-sullivan"'
    if "[a-z]?" in pattern:
        return f'"{value}" is not a valid ref: write it like 1.1 for an outcome or 1.1a for an action'
    if "#" in pattern:
        return f'"{name}" should be a colour like "#1d70b8"; got "{value}"'
    if "A-Z" in pattern:
        return f'"{name}" should be a short code in capitals, like AR; got "{value}"'
    return f'"{name}" has the wrong form: "{value}"'


def _fields_at(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed at `loc` in `model`, for "did you mean"."""
    current: Any = model
    for step in loc:
        current = _unwrap(current)
        if isinstance(step, int):
            args = typing.get_args(current)
            current = args[0] if args else None
        elif isinstance(current, type) and issubclass(current, BaseModel) and step in current.model_fields:
            current = current.model_fields[step].annotation
        else:
            return []
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(tp: Any) -> Any:
    """Strip Annotated and Optional: `Annotated[X | None, ...]` -> X."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


# ---------------------------------------------------------------- the validated plan


def _remember_places(src: LoadedFile, ws: m.Workstream) -> None:
    """Give each milestone its file position, for diagnostics raised after validation."""
    for oi, outcome in enumerate(ws.outcomes):
        prefix: tuple[object, ...] = () if outcome.bare else ("outcomes", oi)  # actions written under the area
        for ai, action in enumerate(outcome.actions):
            for mi, ms in enumerate(action.milestones):
                ms._where = (src.display, *src.positions.of((*prefix, "actions", ai, "milestones", mi)))


def _canonical_statuses(ws: m.Workstream, declared: Declared) -> None:
    """Write every status as the scheme's id ("Blue" -> "blue"); the `statuses` rule has checked them."""
    for outcome in ws.outcomes:
        for action in outcome.actions:
            for holder in [*action.updates, *action.milestones, *(u for ms in action.milestones for u in ms.updates)]:
                if holder.status:
                    holder.status = declared.statuses.canonical(holder.status) or holder.status
