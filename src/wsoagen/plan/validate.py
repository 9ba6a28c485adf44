"""Turn a plan folder into a validated `Plan`, collecting every problem in every file.

In: a folder holding `plan.yaml`, `workstreams/*.yaml`, and optionally `data/*.csv|xlsx`
(metric values, read by `metrics.py`) and `reports/*.yaml` (board reports).
Out: a `Plan` with the data merged, or `PlanError` carrying every diagnostic (`file:line:col`)
at once. Schema errors come from pydantic and are translated into plain English at the
position of the offending key or value; the rules that span files (refs, people, statuses,
metrics cited in reports) follow here and read the raw trees, so they run even on a file
with schema errors.
"""

from __future__ import annotations

import re
import types
import typing
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from wsoagen.data.metrics import load_series
from wsoagen.diagnostics import Diagnostics, PlanError, UsageError, did_you_mean
from wsoagen.plan import model as m
from wsoagen.plan.load import LoadedFile, load_file

PLAN_FILE = "plan.yaml"
WORKSTREAM_DIR = "workstreams"
REPORT_DIR = "reports"
# How report narrative cites figures, so that they always come from the data.
CITATION = re.compile(r"\{(evidence|latest):([^}\s]*)\}")


def _yaml_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.y*ml") if p.suffix in (".yaml", ".yml")) if folder.is_dir() else []


def plan_files(folder: Path) -> tuple[Path, list[Path]]:
    """plan.yaml and the workstream files of a plan folder, in a stable order."""
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such plan folder")
    return folder / PLAN_FILE, _yaml_files(folder / WORKSTREAM_DIR)


def report_files(folder: Path) -> list[Path]:
    """The board report files of a plan folder, in a stable order."""
    return _yaml_files(folder / REPORT_DIR)


def validate_plan(folder: Path) -> tuple[m.Plan, Diagnostics]:
    """The validated plan and its warnings; raise PlanError if there is any error."""
    diags = Diagnostics()
    plan_path, ws_paths = plan_files(folder)
    if not plan_path.is_file():
        diags.error(plan_path, (0, 0), f"missing {PLAN_FILE}: every plan folder needs one (`wsoagen new` makes a start)")
        raise PlanError(diags)

    # Schema checks per file, then the rules that span files. Both run on every file that
    # parsed, even one with schema errors, so that one run reports every problem.
    plan_src = load_file(plan_path, str(plan_path), diags)
    plan_file = _check_model(plan_src, m.PlanFile, diags) if plan_src else None
    ws_srcs = [src for path in ws_paths if (src := load_file(path, str(path), diags))]
    workstreams = [_check_model(src, m.Workstream, diags) for src in ws_srcs]
    for src, ws in zip(ws_srcs, workstreams):
        if ws is not None:
            _remember_places(src, ws)
    if not ws_paths:
        diags.warning(folder / WORKSTREAM_DIR, (0, 0), "this plan has no workstream files yet")

    refs = _Refs(plan_src)
    if plan_src:
        _check_plan_file(plan_src, refs, diags)
    outcome_refs = _check_workstreams(ws_srcs, refs, diags)
    if plan_src:
        _check_metrics(plan_src, outcome_refs, diags)
    series = load_series(folder, refs.metric_units, diags)
    report_srcs = [src for path in report_files(folder) if (src := load_file(path, str(path), diags))]
    reports = [_check_model(src, m.Report, diags) for src in report_srcs]
    numbers = {w.get("number") for w in (src.data for src in ws_srcs) if isinstance(w, dict)}
    risks = [t for _, r in _items(plan_src.data if plan_src else None, "risks") if (t := _text(r, "id"))]
    for src in report_srcs:
        _check_report(src, refs, numbers, risks, diags)

    if diags.errors or plan_file is None or None in workstreams or None in reports:
        raise PlanError(diags)
    ordered = sorted(workstreams, key=lambda w: w.number)
    for ws in ordered:
        _canonical_statuses(ws, refs)
    reports = sorted(reports, key=lambda r: r.meeting)
    return m.Plan(name=folder.resolve().name, file=plan_file, workstreams=ordered, series=series, reports=reports), diags


# ---------------------------------------------------------------- schema errors in plain English


def _check_model(src: LoadedFile, model: type[BaseModel], diags: Diagnostics) -> Any:
    if not isinstance(src.data, dict):
        diags.error(src.display, src.positions.of(()), "this file should hold keys and values (like `title: ...`), not a list or a single value")
        src.data = {}
        return None
    try:
        return model.model_validate(src.data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            loc = tuple(err["loc"])
            pos, message = _explain(err, loc, src, model)
            diags.error(src.display, pos, message)
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


# ---------------------------------------------------------------- reading raw trees defensively
# The cross-file rules read the raw trees, not the models, so they still run on a file that
# has schema errors elsewhere; wrong types are the schema's to report, so they are skipped here.


def _items(node: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, mapping) for each mapping in the list `node[key]`."""
    value = node.get(key) if isinstance(node, dict) else None
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


_REF = re.compile(r"^\d+(\.\d+)*[a-z]?$")


def _ref(node: Any) -> str | None:
    """The node's ref if it is well formed (a malformed one is the schema's to report)."""
    ref = _text(node, "ref")
    return ref if ref and _REF.match(ref) else None


def _text(node: Any, key: str) -> str | None:
    value = node.get(key) if isinstance(node, dict) else None
    value = m._as_text(value)
    return value if isinstance(value, str) and value else None


def _texts(node: Any, key: str) -> list[tuple[int, str]]:
    value = node.get(key) if isinstance(node, dict) else None
    if not isinstance(value, list):
        return []
    return [(i, t) for i, v in enumerate(value) if isinstance(t := m._as_text(v), str) and t]


# ---------------------------------------------------------------- what plan.yaml declares


def what_plural(what: str) -> str:
    return {"person": "people", "organisation": "organisations", "metric": "metrics"}.get(what, what + "s")


class _Refs:
    """Lookups of what plan.yaml declares; with no readable plan.yaml, references go unchecked."""

    def __init__(self, src: LoadedFile | None):
        data = src.data if src and isinstance(src.data, dict) else None
        self.ok = data is not None
        self.people = [t for _, p in _items(data, "people") if (t := _text(p, "id"))]
        self.orgs = [t for _, o in _items(data, "organisations") if (t := _text(o, "id"))]
        self.metrics = [t for _, x in _items(data, "metrics") if (t := _text(x, "id"))]
        self.metric_units = {t: _text(x, "unit") or "count" for _, x in _items(data, "metrics") if (t := _text(x, "id"))}
        scheme = data.get("status_scheme") if data else None
        scheme = scheme if isinstance(scheme, dict) else {}
        self.percent = scheme.get("percent") is True
        statuses = [(s.get("id"), s.get("label")) for _, s in _items(scheme, "statuses")]
        if not statuses:
            statuses = [(s.id, s.label) for s in m.DEFAULT_STATUSES]
        self.status_ids = [str(i) for i, _ in statuses if i]
        self.status_by_word = {str(w).lower(): str(i) for i, label in statuses for w in (i, label) if i and w}
        flags = [t for _, f in _items(data, "resource_flags") if (t := _text(f, "code"))]
        self.flags = flags or [f.code for f in m.DEFAULT_RESOURCE_FLAGS]

    def _check(self, src: LoadedFile, path: tuple[Any, ...], what: str, value: str, known: list[str], diags: Diagnostics) -> None:
        if not self.ok or value in known:
            return
        hint = did_you_mean(value, known)
        where = "" if hint else f" (add it to `{what_plural(what)}` in {PLAN_FILE})"
        diags.error(src.display, src.positions.of(path), f'unknown {what} "{value}"{hint}{where}')

    def person(self, src: LoadedFile, path: tuple[Any, ...], pid: str, diags: Diagnostics) -> None:
        self._check(src, path, "person", pid, self.people, diags)

    def organisation(self, src: LoadedFile, path: tuple[Any, ...], oid: str, diags: Diagnostics) -> None:
        self._check(src, path, "organisation", oid, self.orgs, diags)

    def metric(self, src: LoadedFile, path: tuple[Any, ...], mid: str, diags: Diagnostics) -> None:
        self._check(src, path, "metric", mid, self.metrics, diags)

    def canonical_status(self, word: str) -> str | None:
        """The scheme's id for `word` (by id or label, ignoring case), or None."""
        if self.percent:
            mt = re.fullmatch(r"(\d{1,3})\s*%", word)
            return f"{int(mt.group(1))}%" if mt and int(mt.group(1)) <= 100 else None
        return self.status_by_word.get(word.lower())

    def status(self, src: LoadedFile, path: tuple[Any, ...], word: str, diags: Diagnostics) -> None:
        if self.canonical_status(word) is not None:
            return
        if self.percent:
            message = f'status "{word}" should be a percentage from 0% to 100%'
        else:
            message = (f'unknown status "{word}"{did_you_mean(word.lower(), self.status_by_word)} '
                       f'(this plan\'s statuses are: {", ".join(self.status_ids)})')
        diags.error(src.display, src.positions.of(path), message)

    def flag(self, src: LoadedFile, path: tuple[Any, ...], code: str, diags: Diagnostics) -> None:
        if code not in self.flags:
            diags.error(src.display, src.positions.of(path),
                        f'unknown resource flag "{code}"{did_you_mean(code, self.flags)} (this plan\'s flags are: {", ".join(self.flags)})')


def _remember_places(src: LoadedFile, ws: m.Workstream) -> None:
    """Give each milestone its file position, for diagnostics raised after validation."""
    for oi, outcome in enumerate(ws.outcomes):
        for ai, action in enumerate(outcome.actions):
            for mi, ms in enumerate(action.milestones):
                ms._where = (src.display, *src.positions.of(("outcomes", oi, "actions", ai, "milestones", mi)))


def _canonical_statuses(ws: m.Workstream, refs: _Refs) -> None:
    """Write every status as the scheme's id ("Blue" -> "blue"); validation has checked them."""
    for outcome in ws.outcomes:
        for action in outcome.actions:
            for holder in [*action.updates, *action.milestones, *(u for ms in action.milestones for u in ms.updates)]:
                if holder.status:
                    holder.status = refs.canonical_status(holder.status) or holder.status


# ---------------------------------------------------------------- rules within plan.yaml


def _dupes(src: LoadedFile, base: tuple[str, ...], attr: str, what: str, diags: Diagnostics) -> None:
    node: Any = src.data
    for step in base[:-1]:
        node = node.get(step) if isinstance(node, dict) else None
    seen: dict[str, int] = {}
    for i, item in _items(node, base[-1]):
        key = _text(item, attr)
        if key is None:
            continue
        if key in seen:
            line = src.positions.of(base + (seen[key], attr))[0]
            diags.error(src.display, src.positions.of(base + (i, attr)), f'duplicate {what} "{key}" (first on line {line})')
        else:
            seen[key] = i


def _check_plan_file(src: LoadedFile, refs: _Refs, diags: Diagnostics) -> None:
    data = src.data
    _dupes(src, ("organisations",), "id", "organisation id", diags)
    _dupes(src, ("people",), "id", "person id", diags)
    _dupes(src, ("metrics",), "id", "metric id", diags)
    _dupes(src, ("risks",), "id", "risk id", diags)
    _dupes(src, ("status_scheme", "statuses"), "id", "status id", diags)
    _dupes(src, ("resource_flags",), "code", "resource code", diags)
    for i, person in _items(data, "people"):
        if org := _text(person, "organisation"):
            refs.organisation(src, ("people", i, "organisation"), org, diags)
    for i, pid in _texts(data.get("foreword"), "signatories"):
        refs.person(src, ("foreword", "signatories", i), pid, diags)
    for key in ("risks", "recommendations"):
        for i, item in _items(data, key):
            if owner := _text(item, "owner"):
                refs.person(src, (key, i, "owner"), owner, diags)


# ---------------------------------------------------------------- rules across workstream files


_MEASURABLE = re.compile(r"\d")


def _check_metrics(src: LoadedFile, outcome_refs: set[str], diags: Diagnostics) -> None:
    """Each metric's `evidences` must name outcomes that exist."""
    for i, metric in _items(src.data, "metrics"):
        for j, ref in _texts(metric, "evidences"):
            if ref not in outcome_refs:
                diags.error(src.display, src.positions.of(("metrics", i, "evidences", j)),
                            f'unknown outcome "{ref}"{did_you_mean(ref, sorted(outcome_refs))}')


def _check_report(src: LoadedFile, refs: _Refs, numbers: set[Any], risks: list[str], diags: Diagnostics) -> None:
    """A report's references: people, workstreams, metrics (also those cited in its text), risks."""
    data = src.data
    for key in ("authors", "contacts"):
        for i, pid in _texts(data, key):
            refs.person(src, (key, i), pid, diags)
    if pid := _text(data, "board_lead"):
        refs.person(src, ("board_lead",), pid, diags)
    for i, rid in _texts(data, "risks"):
        if rid not in risks:
            diags.error(src.display, src.positions.of(("risks", i)), f'unknown risk "{rid}"{did_you_mean(rid, risks)}')
    for i, ws in _items(data, "workstreams"):
        number = ws.get("number")
        if isinstance(number, int) and number not in numbers:
            diags.error(src.display, src.positions.of(("workstreams", i, "number")), f"there is no workstream {number} in this plan")
        for j, mid in _texts(ws, "metrics"):
            refs.metric(src, ("workstreams", i, "metrics", j), mid, diags)
    for path, text in _strings(data, ()):
        for _, mid in CITATION.findall(text):
            refs.metric(src, path, mid, diags)


def _strings(node: Any, path: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], str]]:
    """Every text value in a raw tree, with its path."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _strings(value, path + (i,))
    elif isinstance(node, str):
        yield path, node


def _check_workstreams(sources: list[LoadedFile], refs: _Refs, diags: Diagnostics) -> set[str]:
    """Check the rules that span workstream files; return the outcome refs found."""
    numbers: dict[int, LoadedFile] = {}
    claimed: dict[tuple[str, str], tuple[LoadedFile, int]] = {}

    def claim(what: str, ref: str, src: LoadedFile, path: tuple[Any, ...]) -> None:
        pos = src.positions.of(path)
        if (what, ref) in claimed:
            other, line = claimed[(what, ref)]
            where = f"line {line}" if other is src else f"{other.display} line {line}"
            diags.error(src.display, pos, f'duplicate {what} ref "{ref}" (also on {where})')
        else:
            claimed[(what, ref)] = (src, pos[0])

    for src in sources:
        ws = src.data
        number = ws.get("number")
        if isinstance(number, int) and not isinstance(number, bool):
            if number in numbers:
                diags.error(src.display, src.positions.of(("number",)), f"workstream number {number} is also used by {numbers[number].display}")
            else:
                numbers[number] = src
        else:
            number = None
        for i, pid in _texts(ws, "sponsors"):
            refs.person(src, ("sponsors", i), pid, diags)
        if not _texts(ws, "sponsors") and "sponsors" not in ws:
            diags.warning(src.display, src.positions.of(("number",), key=True), "this workstream has no senior accountable sponsor")
        for i, dp in _items(ws, "delivery_partners"):
            given = [k for k in ("person", "organisation", "group") if dp.get(k) is not None]
            if len(given) != 1:
                diags.error(src.display, src.positions.of(("delivery_partners", i)),
                            "a delivery partner needs exactly one of `person`, `organisation` or `group`"
                            + (f" (this one has {' and '.join(given)})" if given else ""))
            if pid := _text(dp, "person"):
                refs.person(src, ("delivery_partners", i, "person"), pid, diags)
            if oid := _text(dp, "organisation"):
                refs.organisation(src, ("delivery_partners", i, "organisation"), oid, diags)
        for oi, outcome in _items(ws, "outcomes"):
            _check_outcome(src, ("outcomes", oi), outcome, number, refs, claim, diags)
    return {ref for what, ref in claimed if what == "outcome"}


def _check_outcome(src: LoadedFile, opath: tuple[Any, ...], outcome: dict[str, Any], number: int | None,
                   refs: _Refs, claim: Any, diags: Diagnostics) -> None:
    oref = _ref(outcome)
    if oref:
        if number is not None and not re.fullmatch(rf"{number}\.\d+", oref):
            diags.error(src.display, src.positions.of(opath + ("ref",)),
                        f'outcome ref "{oref}" does not fit workstream {number}: write it as {number}.1, {number}.2, ...')
        claim("outcome", oref, src, opath + ("ref",))
    measurable = False
    for ii, impact in enumerate(outcome.get("impact") or [] if isinstance(outcome.get("impact"), list) else []):
        if isinstance(impact, dict):
            for mi, mid in _texts(impact, "metrics"):
                refs.metric(src, opath + ("impact", ii, "metrics", mi), mid, diags)
            measurable |= bool(_texts(impact, "metrics")) or bool(_MEASURABLE.search(_text(impact, "text") or ""))
        elif isinstance(impact, str):
            measurable |= bool(_MEASURABLE.search(impact))
    if oref and not measurable:
        diags.warning(src.display, src.positions.of(opath + ("ref",)),
                      f"outcome {oref} has no measurable impact: add an impact statement with a figure and a date, or link a metric")
    for ai, action in _items(outcome, "actions"):
        apath = opath + ("actions", ai)
        aref = _ref(action)
        label = f"action {aref}" if aref else "this action"
        if aref and oref and not re.fullmatch(re.escape(oref) + r"[a-z]?", aref):
            diags.error(src.display, src.positions.of(apath + ("ref",)),
                        f'action ref "{aref}" does not fit its outcome "{oref}": write it as "{oref}" or "{oref}" with a letter, e.g. "{oref}a"')
        if aref:
            claim("action", aref, src, apath + ("ref",))
        for key in ("lead", "accountable"):
            if pid := _text(action, key):
                refs.person(src, apath + (key,), pid, diags)
        if not _text(action, "lead") and not _text(action, "accountable"):
            diags.warning(src.display, src.positions.of(apath + ("ref",)), f"{label} has no owner: add `lead` or `accountable` (a person id)")
        if flag := _text(action, "resource"):
            refs.flag(src, apath + ("resource",), flag, diags)
        for ui, update in _items(action, "updates"):
            if word := _text(update, "status"):
                refs.status(src, apath + ("updates", ui, "status"), word, diags)
        for mi, ms in _items(action, "milestones"):
            mpath = apath + ("milestones", mi)
            if word := _text(ms, "status"):
                refs.status(src, mpath + ("status",), word, diags)
            if flag := _text(ms, "resource"):
                refs.flag(src, mpath + ("resource",), flag, diags)
            if ms.get("deadline") is None:
                diags.warning(src.display, src.positions.of(mpath), f"a milestone of {label} has no deadline")
            for ui, update in _items(ms, "updates"):
                if word := _text(update, "status"):
                    refs.status(src, mpath + ("updates", ui, "status"), word, diags)
