"""The template context is declared in code and documented in docs/templates.md: the two agree."""

from __future__ import annotations

import inspect
import re
import typing

from conftest import ROOT
from wsoagen.render.context import Context, TemplateVars
from wsoagen.render.html import environment

DOC = (ROOT / "docs" / "templates.md").read_text(encoding="utf-8")


def documented(name: str) -> bool:
    return re.search(rf"`{re.escape(name)}[`(.| ]", DOC) is not None


def test_every_top_level_variable_is_documented():
    assert [n for n in typing.get_type_hints(TemplateVars, include_extras=False) if not documented(n)] == []


def test_every_public_context_member_is_documented():
    members = set(typing.get_type_hints(Context)) | {n for n, _ in inspect.getmembers(Context, callable) if not n.startswith("_")}
    assert sorted(m for m in members if not documented(f"ctx.{m}")) == []


def test_every_filter_is_documented():
    default = ROOT / "src" / "wsoagen" / "templates" / "default"
    ours = set(environment((default,)).filters) - set(environment.__wrapped__.__globals__["jinja2"].Environment().filters)
    assert sorted(f for f in ours if not documented(f)) == []
