"""Turn a YAML file into a plain tree (dicts, lists, scalars) plus the position of every value.

Built from ruamel.yaml's event stream rather than its constructors, so that:
- every key and value keeps its `line:col` for diagnostics (`Positions`);
- dates stay the text people wrote (an impossible date cannot crash the loader);
- numbers keep their source text (`ref: 1.10` is "1.10", not 1.1) via `YamlInt`/`YamlFloat`;
- anchors, aliases, tags, duplicate keys, deep nesting and huge files are refused with a position
  instead of expanding into huge objects or silently overwriting.
Problems are added to a `Diagnostics`; `load_file` returns None when the file cannot be used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from wsoagen.diagnostics import Diagnostics
from wsoagen.files import Refused, read_inside, unshowable

# Limits that keep one file within a few seconds and 100 MB (ruamel parses some 25,000 values a
# second on a busy machine): a plan's largest file is some 20 KB and 1,500 values; these are 50 times that.
MAX_FILE_BYTES = 1024 * 1024
MAX_VALUES = 50_000
MAX_DEPTH = 24
MAX_PROBLEMS = 50  # per file: past this, a file of mistakes (or of 700,000 aliases) is not read further

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]


class YamlInt(int):
    """An integer that remembers how it was written."""

    raw: str

    def __new__(cls, value: int, raw: str):
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj


class YamlFloat(float):
    """A float that remembers how it was written (`1.10` stays "1.10" where text is wanted)."""

    raw: str

    def __new__(cls, value: float, raw: str):
        obj = super().__new__(cls, value)
        obj.raw = raw
        return obj


@dataclass
class Positions:
    """Where each value (and each mapping key) of one file starts, by its path in the tree."""

    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)

    def of(self, path: Path_, *, key: bool = False) -> Pos:
        """The best position for `path`: itself, else its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


@dataclass
class LoadedFile:
    path: Path
    display: str  # the path as it appears in diagnostics
    data: Any
    positions: Positions


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


def _plain_scalar(text: str) -> Any:
    """YAML 1.2 core schema for unquoted scalars, minus timestamps (they stay text)."""
    if _NULL.match(text):
        return None
    if _BOOL.match(text):
        return text.lower() == "true"
    if _INT.match(text):
        return YamlInt(int(text), text)
    if _FLOAT.match(text) and any(ch.isdigit() for ch in text):
        return YamlFloat(float(text), text)
    return text


def _pos(event: Any) -> Pos:
    m = event.start_mark
    return (m.line + 1, m.column + 1)


def _source_line(text: str, line: int) -> str:
    lines = text.splitlines()
    return lines[line - 1] if 0 < line <= len(lines) else ""


def load_file(path: Path, display: str, diags: Diagnostics, root: Path | None = None) -> LoadedFile | None:
    """Read and parse one YAML file; None (with diagnostics added) if it cannot be used.

    Only a regular file inside `root` (the plan folder; default: the file's own folder) of at most
    MAX_FILE_BYTES is read: a link to outside, a pipe, a device or a folder is refused (`wsoagen.files`).
    """
    try:
        raw = read_inside(path, path.parent if root is None else root, MAX_FILE_BYTES)
    except Refused as exc:
        diags.error(display, (1, 1), str(exc))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        diags.error(display, (line, 1), "file is not UTF-8 text: save it as UTF-8")
        return None
    cache = _parsed.get()
    if cache is None:
        return load_text(text, path, display, diags)
    key = str(path)
    if key not in cache or cache[key][:2] != (display, text):
        found = Diagnostics()
        cache[key] = (display, text, load_text(text, path, display, found), found.items)
    diags.extend(cache[key][3])
    return cache[key][2]


_parsed: ContextVar[dict | None] = ContextVar("wsoagen_parsed", default=None)


@contextmanager
def reusing_parses(cache: dict) -> Iterator[None]:
    """Within this block, a file whose text is the same as when it was last read (into `cache`) is
    not parsed again: for `wsoagen preview`, which reads the whole plan after every save. Safe
    because nothing changes a `LoadedFile` once it is made (validation builds models from it)."""
    token = _parsed.set(cache)
    try:
        yield
    finally:
        _parsed.reset(token)


def load_text(text: str, path: Path, display: str, diags: Diagnostics) -> LoadedFile | None:
    """Parse YAML text; None (with diagnostics added) if it has a syntax or structure problem."""
    before = len(diags.errors)
    builder = _TreeBuilder(display, text, diags)
    yaml = YAML(typ="rt")
    try:
        for event in yaml.parse(text):
            builder.feed(event)
            if builder.stop:
                break
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        src = _source_line(text, line)
        caret = " " * (col - 1) + "^"
        diags.error(display, (line, col), f"YAML syntax error: {problem}\n    {src}\n    {caret}")
        return None
    except YAMLError as exc:  # pragma: no cover - ruamel raises marked errors for syntax
        diags.error(display, (1, 1), f"YAML syntax error: {exc}")
        return None
    if len(diags.errors) > before:
        return None
    data = builder.root if builder.root is not None else {}
    return LoadedFile(path, display, data, builder.positions)


class _TreeBuilder:
    """Builds plain containers from parser events, recording positions and refusing risky YAML."""

    def __init__(self, display: str, text: str, diags: Diagnostics):
        self.display = display
        self.diags = diags
        self.positions = Positions()
        self.root: Any = None
        self.stop = False
        self.documents = 0
        self.problems = 0
        self.values = 0
        # stack of (container, path, pending_key, pending_key_pos)
        self.stack: list[list[Any]] = []

    def _error(self, event: Any, message: str) -> None:
        self.diags.error(self.display, _pos(event), message)
        self.problems += 1
        if self.problems >= MAX_PROBLEMS and not self.stop:
            self.diags.error(self.display, _pos(event), f"stopped reading this file after {MAX_PROBLEMS} problems: correct these first")
            self.stop = True

    def _child_path(self) -> tuple[Path_, bool]:
        """Path of the next value, and whether it is a mapping key."""
        container, path, key, _ = self.stack[-1]
        if isinstance(container, list):
            return path + (len(container),), False
        if key is _NO_KEY:
            return path, True
        return path + (key,), False

    def _attach(self, value: Any, event: Any) -> None:
        if not self.stack:
            self.root = value
            self.positions.values[()] = _pos(event)
            return
        frame = self.stack[-1]
        container, path, key, key_pos = frame
        if isinstance(container, list):
            self.positions.values[path + (len(container),)] = _pos(event)
            container.append(value)
            return
        if key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                self._error(event, "a key must be a simple word, not a list or mapping")
                frame[2] = _BAD_KEY
                return
            name = value.raw if isinstance(value, (YamlInt, YamlFloat)) else ("" if value is None else str(value))
            if name in container:
                first = self.positions.keys.get(path + (name,), (0, 0))[0]
                self._error(event, f'duplicate key "{name}" (first given on line {first}): remove one of them')
                frame[2] = _BAD_KEY
                return
            frame[2], frame[3] = name, _pos(event)
            return
        if key is not _BAD_KEY:
            container[key] = value
            self.positions.keys[path + (key,)] = key_pos
            self.positions.values[path + (key,)] = _pos(event)
        frame[2] = _NO_KEY

    def feed(self, event: Any) -> None:
        self.values += 1
        if self.values > MAX_VALUES:
            self._error(event, f"this file holds too many values (more than {MAX_VALUES:,}): split it into smaller files")
            self.stop = True
            return
        if isinstance(event, ev.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self._error(event, "a plan file holds one YAML document: remove the second '---'")
                self.stop = True
            return
        if isinstance(event, ev.AliasEvent):
            self._error(event, f'YAML aliases ("*{event.anchor}") are not allowed: write the value out in full')
            self._attach(None, event)
            return
        if isinstance(event, (ev.ScalarEvent, ev.MappingStartEvent, ev.SequenceStartEvent)):
            self._refuse_anchor_and_tag(event)
        if isinstance(event, ev.ScalarEvent):
            value = _scalar(event)
            if isinstance(value, str) and (why := unshowable(value)):
                self._error(event, f"this text {why}")
            self._attach(value, event)
        elif isinstance(event, (ev.MappingStartEvent, ev.SequenceStartEvent)):
            if len(self.stack) >= MAX_DEPTH:
                self._error(event, f"nesting is too deep (more than {MAX_DEPTH} levels)")
                self.stop = True
                return
            container: Any = {} if isinstance(event, ev.MappingStartEvent) else []
            path, is_key = self._child_path() if self.stack else ((), False)
            if is_key:
                self._error(event, "a key must be a simple word, not a list or mapping")
            self._attach(container, event)
            self.stack.append([container, path, _NO_KEY, None])
        elif isinstance(event, (ev.MappingEndEvent, ev.SequenceEndEvent)):
            self.stack.pop()

    def _refuse_anchor_and_tag(self, event: Any) -> None:
        if event.anchor:
            self._error(event, f'YAML anchors ("&{event.anchor}") are not allowed: write each value out in full')
        explicit_tag = event.tag and not (isinstance(event, ev.ScalarEvent) and event.implicit[0]) \
            and not (not isinstance(event, ev.ScalarEvent) and event.implicit)
        if explicit_tag and event.tag not in ("tag:yaml.org,2002:str", "!!str"):
            self._error(event, f'YAML tags ("{event.tag}") are not allowed')


def _scalar(event: Any) -> Any:
    """A scalar's value: plain ones typed (numbers keep their digits), folded ones unmarked."""
    if event.style is None and event.implicit[0]:
        return _plain_scalar(event.value)
    if event.style == ">":
        return event.value.replace("\a", "")  # ruamel marks fold points with BEL
    return event.value


_NO_KEY = object()
_BAD_KEY = object()
