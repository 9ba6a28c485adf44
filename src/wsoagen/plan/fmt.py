"""Turn plan files into their one normal layout, keeping every comment, key order and quote.

In: YAML files (or folders holding them). Out: the same files rewritten, atomically, only where
the layout differs: two spaces per mapping level, list dashes indented two spaces under their key
(`indent(mapping=2, sequence=4, offset=2)`), single spaces in flow collections, UTF-8 without a
byte order mark, `\\n` line ends, no trailing blank lines, one final newline. Long lines are never
wrapped and quotes stay as written. A file that is already formatted is left byte for byte.

Safety: a file with a YAML problem (as `wsoagen validate` reports it) is reported and left alone;
so is a file whose reformatted text would read back differently or lose a comment. Everything
above an explicit `---` line (the editor modeline, say) is kept exactly as written. Only regular
files inside the folder named (or beside the file named) are read and rewritten: a link that
leads outside it, a pipe or a device stops the run (exit 2) before any file is changed.
"""

from __future__ import annotations

import io
import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml import events as ev

from wsoagen import files
from wsoagen.diagnostics import Diagnostics, UsageError
from wsoagen.output import write_atomic
from wsoagen.plan.load import MAX_FILE_BYTES, YamlFloat, YamlInt, load_file, load_text

YAML_SUFFIXES = (".yaml", ".yml")
BOM = "\ufeff"


@dataclass
class FileResult:
    """What formatting one file found: its new text if it changes, and where the first change is."""

    path: Path
    changed: bool = False
    text: str | None = None
    first_change: int = 0  # line number, from 1


@dataclass
class FormatRun:
    results: list[FileResult] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    @property
    def changed(self) -> list[FileResult]:
        return [r for r in self.results if r.changed]


def yaml_files(paths: Iterable[Path]) -> list[Path]:
    """The YAML files named, and those under the folders named (hidden folders skipped), in order."""
    return list(_files_and_roots(paths))


def _files_and_roots(paths: Iterable[Path]) -> dict[Path, Path]:
    """Each YAML file to format, and the folder it must stay inside: the folder named, or the
    named file's own folder. A YAML name that is not a regular file inside that folder (a link
    leading outside it, a pipe, a device) is a usage error (exit 2) before anything is formatted."""
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if p.suffix in YAML_SUFFIXES and (p.is_symlink() or not p.is_dir()) \
                        and not any(part.startswith(".") for part in p.relative_to(path).parts):
                    found.setdefault(p, path)
        elif path.exists() or path.is_symlink():
            if path.suffix not in YAML_SUFFIXES:
                raise UsageError(f"{path}: not a YAML file (.yaml or .yml)")
            found.setdefault(path, path.parent)
        else:
            raise UsageError(f"{path}: no such file or folder")
    for p, root in found.items():
        try:
            files.check(p, root)
        except files.Refused as exc:
            raise UsageError(f"{p}: {exc}; nothing was formatted") from None
    return found


def format_files(paths: Iterable[Path], *, check: bool = False) -> FormatRun:
    """Format every file (unless `check`); return what changed and every problem found."""
    run = FormatRun()
    for path, root in _files_and_roots(paths).items():
        result = format_file(path, run.diagnostics, root)
        if result is None:
            continue
        run.results.append(result)
        if result.changed and not check:
            # Through a link that stays inside the folder, not over it (`format_file` refused the others).
            target = Path(os.path.realpath(path))
            if files.escapes(target, root):  # pragma: no cover - swapped for a link since it was read
                raise UsageError(f"{path}: became a link to outside {root} while it was being formatted")
            mode = stat.S_IMODE(target.stat().st_mode)
            write_atomic(target, result.text.encode("utf-8"))
            os.chmod(target, mode)  # keep the file's permissions
    return run


def format_file(path: Path, diags: Diagnostics, root: Path | None = None) -> FileResult | None:
    """How `path` would look formatted; None (with a diagnostic) if it must be left alone.
    Only a regular file inside `root` (default: its own folder) is read."""
    display = str(path)
    root = path.parent if root is None else root
    if load_file(path, display, diags, root) is None:
        return None  # load_file said why: a link to outside, a pipe, unreadable, not UTF-8, too large, a YAML problem
    try:
        raw = files.read_inside(path, root, MAX_FILE_BYTES)
    except files.Refused as exc:  # pragma: no cover - changed since load_file read it
        diags.error(display, (1, 1), str(exc))
        return None
    text = raw.decode("utf-8")
    new = format_text(text, display, diags)
    if new is None:
        return FileResult(path)
    new_bytes = new.encode("utf-8")
    if new_bytes == raw:
        return FileResult(path)
    return FileResult(path, changed=True, text=new, first_change=_first_difference(text, new))


def format_text(text: str, display: str = "<text>", diags: Diagnostics | None = None) -> str | None:
    """The formatted text; None if the text must stay as it is (a warning in `diags` says why)."""
    diags = diags if diags is not None else Diagnostics()
    source = text[1:] if text.startswith(BOM) else text
    source = source.replace("\r\n", "\n").replace("\r", "\n")
    preamble, body = split_preamble(source)
    if body is None:  # content on the `---` line itself: rare, and not worth the risk
        return None
    if _is_empty(body):
        new_body = tidy_end(body) if body.strip() else ""
    else:
        try:
            new_body = tidy_end(_dump(body))
        except Exception as exc:  # a ruamel limitation: keep the file rather than fail the run
            diags.warning(display, (1, 1), f"left as it is: wsoagen fmt cannot lay this file out ({type(exc).__name__}: {exc})")
            return None
    new = preamble + new_body
    if not new.strip():
        return new.strip("\n")  # an empty file stays empty
    problem = _lost(source, new)
    if problem:
        line, what = problem
        diags.warning(display, (line, 1), f"left as it is: formatting would {what}")
        return None
    return new


# ---------------------------------------------------------------- the layout


def layout_yaml() -> YAML:
    """The ruamel.yaml round-trip settings every plan file is laid out with (`wsoagen fmt`, tracker import)."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    return yaml


def _dump(text: str) -> str:
    yaml = layout_yaml()
    data = yaml.load(text)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def tidy_end(text: str) -> str:
    """No trailing blank lines, one final newline, no `...` end marker that was not asked for."""
    return text.rstrip("\n") + "\n"


_START = re.compile(r"^---[ \t]*(?:#.*)?$")


def split_preamble(text: str) -> tuple[str, str | None]:
    """Split off everything up to and including an explicit `---` line, to keep it verbatim.

    ruamel drops both the `---` and any comment above it (where a modeline often sits).
    Returns (preamble, body); body is None when the `---` line carries content.
    """
    yaml = YAML(typ="rt")
    try:
        for event in yaml.parse(text):
            if isinstance(event, ev.DocumentStartEvent):
                if not event.explicit:
                    return "", text
                line = event.start_mark.line
                lines = text.split("\n")
                if not _START.match(lines[line]):
                    return "", None
                return "\n".join(lines[: line + 1]) + "\n", "\n".join(lines[line + 1:])
    except Exception:  # load_text has already accepted it; be safe all the same
        return "", None
    return "", text


def _is_empty(text: str) -> bool:
    """Only comments and blank lines: ruamel would write `null`."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n"))


# ---------------------------------------------------------------- safety checks


def _lost(old: str, new: str) -> tuple[int, str] | None:
    """(line, what) if `new` would read back differently from `old` or lose a comment."""
    before, after = Diagnostics(), Diagnostics()
    a = load_text(old, Path("old"), "old", before)
    b = load_text(new, Path("new"), "new", after)
    if a is None or b is None or _canonical(a.data) != _canonical(b.data):
        return 1, "change what the file says (please report this)"
    for number, tail in _comment_tails(old):
        if tail not in new:
            return number, f"drop the comment on this line ({tail})"
    return None


def _canonical(value: Any) -> Any:
    """The tree with numbers as written, so `1.10` and `1.1` differ."""
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, (YamlInt, YamlFloat)):
        return (type(value).__name__, value.raw)
    return (type(value).__name__, value)


def _comment_tails(text: str) -> list[tuple[int, str]]:
    """Each line's text from its first `#` that may start a comment, to the end of the line.

    Some of these are inside strings rather than comments; they survive formatting as well,
    so checking that every tail is still somewhere in the output is a safe test for lost comments.
    """
    tails = []
    for number, line in enumerate(text.split("\n"), start=1):
        m = re.search(r"(?:^|[ \t])(#.*)$", line)
        if m:
            tails.append((number, m.group(1).rstrip()))
    return tails


def _first_difference(old: str, new: str) -> int:
    a, b = old.split("\n"), new.split("\n")
    for number, (x, y) in enumerate(zip(a, b, strict=False), start=1):
        if x != y:
            return number
    return min(len(a), len(b))
