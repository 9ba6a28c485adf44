"""report-appendices: every appendix a report lists is attached.

An appendix is a document the build makes (`document: recommendations-tracker`, which needs the
plan's `recommendations`) or a Markdown file of the plan folder (`file:`, safe Markdown like
every plan text). One that is only named (a bare title) would be listed but not attached: the
board would look for it in vain. A document named but not attached is a background paper.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wsoagen.plan import markdown
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Sources, problem, text

ID = "report-appendices"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "each appendix a report lists is attached: a `document:` the build makes or a Markdown `file:` of the plan folder"

MAX_APPENDICES = 25  # B to Z, after the action tracker (Appendix A)
MAX_FILE_BYTES = 1_000_000


def check(sources: Sources) -> Iterator[Problem]:
    has_tracker = bool(sources.plan_data.get("recommendations"))
    for src in sources.reports:
        listed = src.data.get("appendices") if isinstance(src.data, dict) else None
        if not isinstance(listed, list):
            continue
        if len(listed) > MAX_APPENDICES:
            yield problem(src, ("appendices",), f"a report can attach at most {MAX_APPENDICES} appendices "
                                                "(B to Z, after the action tracker)", key=True)
        for i, item in enumerate(listed):
            message = _unattached(sources.folder, item, has_tracker)
            if message:
                yield problem(src, ("appendices", i), message)


def _unattached(folder: Path, item: Any, has_tracker: bool) -> str | None:
    """Why the appendix `item` (raw) would not be attached, or None."""
    if isinstance(item, str):
        return (f'the appendix "{item}" is named but not attached: give it a `file:` (Markdown in the plan '
                "folder) or a `document:`, or list it under `background_papers`")
    if not isinstance(item, dict):
        return None  # the schema's to report
    document, file = text(item, "document"), text(item, "file")
    if bool(document) == bool(file):
        return "an appendix needs exactly one of `document:` or `file:`"
    if document == "recommendations-tracker" and not has_tracker:
        return "this plan has no `recommendations`, so there is no recommendations tracker to attach"
    return _file_problem(folder, file) if file else None  # another document: the schema's to report


def _file_problem(folder: Path, name: str) -> str | None:
    """What stops the Markdown file `name` (relative to the plan folder) being attached, or None."""
    root = folder.resolve()
    path = (folder / name).resolve()
    if Path(name).is_absolute() or not path.is_relative_to(root):
        return f'"{name}" is not in the plan folder: an appendix file is named relative to it, e.g. appendices/terms.md'
    if path.suffix.lower() != ".md":
        return f'"{name}" is not a Markdown file (.md): an appendix file is attached as Markdown text'
    if not path.is_file():
        return f'there is no file "{name}" in the plan folder'
    if path.stat().st_size > MAX_FILE_BYTES:
        return f'"{name}" is larger than {MAX_FILE_BYTES:,} bytes'
    try:
        found = markdown.problems(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return f'"{name}" is not UTF-8 text'
    return f'"{name}": {"; ".join(found)}' if found else None
