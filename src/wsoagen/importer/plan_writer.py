"""Write an imported plan as a plan folder: plan.yaml and workstreams/N-title.yaml.

In: the plan tree and workstream trees (plain dicts, as word_plan or excel_tracker read them),
the folder (absent or empty) and the source's name. Out: the files, laid out the standard way
(`wsoagen fmt` leaves them as they are), each headed by a comment saying where it came from,
and the list of facts the source did not give that the plan needs (filled with a placeholder
the officer must check, each marked `# CHECK:` in the file).
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml.scalarstring import LiteralScalarString

from wsoagen.diagnostics import UsageError
from wsoagen.output import write_atomic
from wsoagen.plan.fmt import layout_yaml

_AREA_FROM_TITLE = re.compile(r"^(.*?)\s+(?:Special Educational Needs|SEND|Written Statement|Local Area|Area SEND|Priority Action|"
                              r"Improvement Plan|Accelerated Progress|Strategic)", re.I)


PLACEHOLDER = "CHECK: the source does not give the area's words: write them here"
KEY_ORDER = ["number", "ref", "title", "text", "impact", "resource", "due", "lead", "officers", "sro", "accountable", "deadline",
             "status", "status_date", "sponsors", "delivery_partners", "person", "organisation", "group", "note", "weakness",
             "success_criteria", "fields", "updates", "outcomes", "actions", "milestones", "date"]


def write_plan(folder: Path, plan: dict[str, Any], workstreams: list[dict[str, Any]], source: str) -> tuple[list[Path], list[str]]:
    """Write the files; returns (paths written, placeholders the officer must fill in)."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(f"{folder}: not an empty folder: `wsoagen import` writes a new plan folder only")
    plan, placeholders = _complete(plan, folder)
    header = f"# Imported from {source} by `wsoagen import`: check it against the original.\n"
    texts = {"plan.yaml": header + _yaml(plan, placeholders)}
    for ws in workstreams:
        if not ws.get("weakness") or ws["weakness"] == PLACEHOLDER:
            placeholders.append(f"the words of workstream {ws['number']}")
        slug = re.sub(r"[^a-z0-9]+", "-", (ws["title"] or "area").lower()).strip("-")[:50].strip("-")
        texts[f"workstreams/{ws['number']}-{slug}.yaml"] = header + _yaml(_tidy_workstream(ws), [])
    # Dumped with the settings `wsoagen fmt` lays files out with, so it leaves them as they are (tested).
    return [write_atomic(folder / name, text.encode("utf-8")) for name, text in texts.items()], placeholders


def _complete(plan: dict[str, Any], folder: Path) -> tuple[dict[str, Any], list[str]]:
    """The plan with what validation needs, in the usual key order; placeholders listed."""
    placeholders = []
    title = plan.get("title") or f"{folder.name} plan"
    m = _AREA_FROM_TITLE.match(title)
    local_area = m.group(1).strip() if m and m.group(1).strip() else folder.name.replace("-", " ").title()
    if not m:
        placeholders.append("local_area")
    inspection = plan.get("inspection") or {}
    if "start" not in inspection:
        placeholders.append("inspection")
        inspection = {"start": "2000-01-01", "end": "2000-01-01"}
    ordered: dict[str, Any] = {"title": title}
    for key in ("kind", "layout", "action_label", "own_fields"):
        if key in plan:
            ordered[key] = plan[key]
    ordered["local_area"] = local_area
    for key in ("published", "version"):
        if key in plan:
            ordered[key] = plan[key]
    if plan.get("organisations"):
        ordered["organisations"] = plan["organisations"]
    ordered["people"] = plan.get("people", [])
    ordered["inspection"] = inspection
    for key in ("foreword", "boards", "status_scheme", "resource_flags"):
        if plan.get(key):
            ordered[key] = plan[key]
    return ordered, placeholders


def _tidy_workstream(ws: dict[str, Any]) -> dict[str, Any]:
    """Drop empty lists and blank values so the file says only what the source said."""
    def clean(value: Any) -> Any:
        if isinstance(value, dict):
            ordered = sorted(value.items(), key=lambda kv: KEY_ORDER.index(kv[0]) if kv[0] in KEY_ORDER else len(KEY_ORDER))
            return {k: clean(v) for k, v in ordered if v not in ("", [], None)}
        if isinstance(value, list):
            return [clean(v) for v in value]
        return value
    out = clean(ws)
    out.setdefault("weakness", PLACEHOLDER)
    return out


def _literal(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _literal(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_literal(v) for v in value]
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value.rstrip("\n") + "\n")
    return value


def _yaml(tree: dict[str, Any], placeholders: list[str]) -> str:
    yaml = layout_yaml()
    buffer = io.StringIO()
    yaml.dump(_literal(tree), buffer)
    text = buffer.getvalue()
    for key in (p for p in placeholders if re.fullmatch(r"\w+", p)):  # say which values are stand-ins, on the line itself
        text = re.sub(rf"^({key}:.*)$", r"\1  # CHECK: not found in the source", text, count=1, flags=re.M)
    return text
