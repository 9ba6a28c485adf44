"""markdown: plan text is safe to publish: no images, links only to http(s), mailto or #anchors.

Plan text is untrusted: an image or a `file:` link would make the renderer fetch something.
Checks every field the schema marks as Markdown (`model.Markdown`), in every file, and reports
what `plan.markdown.problems` finds at the field's value.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, BeforeValidator

from wsoagen.plan import markdown
from wsoagen.plan import model as m
from wsoagen.plan.rules.base import Problem
from wsoagen.plan.rules.sources import Path_, Sources, problem

ID = "markdown"
LEVEL = "error"
CONFIGURABLE = False
DESCRIPTION = "Markdown text has no images, and links only to http(s), mailto or #anchors"


def check(sources: Sources) -> Iterator[Problem]:
    files = [(sources.plan, m.PlanFile)] if sources.plan else []
    files += [(src, m.Workstream) for src in sources.workstreams] + [(src, m.Report) for src in sources.reports]
    for src, model in files:
        for path, value in markdown_values(model, src.data):
            if found := markdown.problems(value):
                name = next((str(p) for p in reversed(path) if isinstance(p, str)), "value")
                yield problem(src, path, f'"{name}": {"; ".join(found)}')


def markdown_values(tp: Any, value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, str]]:
    """(path, text) for each Markdown text in the raw tree `value`, read as the type `tp`.
    Values of the wrong type are skipped: they are the schema's to report."""
    tp, value, is_markdown = _unwrap(tp, value)
    if is_markdown:
        text = m.as_text(value)
        if isinstance(text, str) and text:
            yield path, text
    elif typing.get_origin(tp) is list and isinstance(value, list):
        (item,) = typing.get_args(tp)
        for i, v in enumerate(value):
            yield from markdown_values(item, v, path + (i,))
    elif typing.get_origin(tp) is dict and isinstance(value, dict):  # own fields: Markdown by label
        _, item = typing.get_args(tp)
        for key, v in value.items():
            yield from markdown_values(item, v, path + (key,))
    elif isinstance(tp, type) and issubclass(tp, BaseModel) and isinstance(value, dict):
        for name, info in tp.model_fields.items():
            if name in value:
                yield from markdown_values(info.rebuild_annotation(), value[name], path + (name,))


def _unwrap(tp: Any, value: Any) -> tuple[Any, Any, bool]:
    """Strip Annotated (applying its before-validators, as pydantic would) and Optional;
    and say whether the type is Markdown."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp, *meta = typing.get_args(tp)
            if any(isinstance(x, m.MarkdownField) for x in meta):
                return tp, value, True
            for x in meta:
                if isinstance(x, BeforeValidator):
                    value = x.func(value)
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp, value, False
            tp = args[0]
        else:
            return tp, value, False
