"""Run document templates as the untrusted code they are: sandboxed, kept in their folders, errors positioned.

A house style in a plan repository is code anyone with commit rights can change, built by CI
with secrets in reach. So every template (the built-in ones too: it costs 10 to 20 ms a
document, against seconds for its PDF) runs in Jinja2's `ImmutableSandboxedEnvironment`: it
sees only the variables wsoagen passes, and attributes such as `__class__`, `__globals__` or
`_TemplateReference__context` are refused (a `SecurityError`), so it cannot reach `os`, `open`
or the interpreter; nor may `*` or `**` build something that fills the memory.

`FolderLoader` reads `{% include %}`, `{% extends %}` and `{% import %}` targets only from the
template folders: a name with `..`, an absolute path or a backslash is refused, and so is a file
that resolves (through a symlink) outside its folder, one that is not a regular file (a FIFO
would hang the build, a device never ends), one over `MAX_TEMPLATE_BYTES`, or one that is not UTF-8.

`render_template(env, name, variables, builtin)` renders, and turns any failure of the template (syntax, an
undefined variable, a refused attribute, includes that never end) into a `PlanError` carrying one
positioned diagnostic, `templates/x/report.html.j2:LINE:COL: error: ... [house-style]`, at the
line a person must change: the innermost line of a plan's own template if one is involved.
"""

from __future__ import annotations

import os
import re
import stat
import traceback
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from wsoagen.diagnostics import Diagnostic, Diagnostics, PlanError

RULE = "house-style"
MAX_TEMPLATE_BYTES = 1024 * 1024  # a template or house.css; the built-in report template is 20 KB
_UNSAFE_NAME = re.compile(r"(^|/)\.\.(/|$)|^/|\\|^[A-Za-z]:")


class TemplateRefused(jinja2.TemplateError):
    """A template name or file the loader will not read; `where` is (path, line, col) if the fault is in a file."""

    def __init__(self, message: str, where: tuple[str, int, int] | None = None):
        super().__init__(message)
        self.where = where


class FolderLoader(jinja2.BaseLoader):
    """Templates from `dirs` (most specific first) and nowhere else."""

    def __init__(self, dirs: list[Path], prefixes: Mapping[str, Path] | None = None):
        self.dirs = [Path(d) for d in dirs]
        self.prefixes = {k: Path(v) for k, v in (prefixes or {}).items()}  # "default/x" names the built-in default's x

    def get_source(self, environment: jinja2.Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        if _UNSAFE_NAME.search(template):
            raise TemplateRefused(f'"{template}": templates may only name files inside their own folder (no "..", no absolute path)')
        pieces = [p for p in template.split("/") if p not in ("", ".")]
        places = [(folder, pieces) for folder in self.dirs]
        if len(pieces) > 1 and pieces[0] in self.prefixes:
            places.append((self.prefixes[pieces[0]], pieces[1:]))
        for folder, rest in places:
            candidate = folder.joinpath(*rest)
            if os.path.lexists(candidate):
                return self._read(template, folder, candidate)
        raise jinja2.TemplateNotFound(template)

    def _read(self, template: str, folder: Path, candidate: Path) -> tuple[str, str, Callable[[], bool]]:
        name = str(candidate)
        real = candidate.resolve()
        if not real.is_relative_to(folder.resolve()):
            raise TemplateRefused(f'"{template}" is a link to a file outside the template folder {folder}: copy the file in instead',
                                  (name, 0, 0))
        try:
            with open(real, "rb", opener=_no_block) as f:  # opened before it is checked: nothing can swap it between
                info = os.fstat(f.fileno())
                if not stat.S_ISREG(info.st_mode):
                    raise TemplateRefused(f'"{template}" is not a regular file', (name, 0, 0))
                if info.st_size > MAX_TEMPLATE_BYTES:
                    raise TemplateRefused(f'"{template}" is {info.st_size:,} bytes: a template may be {MAX_TEMPLATE_BYTES:,} at most', (name, 0, 0))
                data = f.read(MAX_TEMPLATE_BYTES + 1)
        except OSError as exc:
            raise TemplateRefused(f'"{template}" could not be read: {exc.strerror or exc}', (name, 0, 0)) from None
        try:
            source = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line, col = _position(data, exc.start)
            raise TemplateRefused(f'"{template}" is not UTF-8 text (byte 0x{data[exc.start]:02x}): save it as UTF-8',
                                  (name, line, col)) from None
        mtime = info.st_mtime_ns
        return source, name, lambda: _mtime(real) == mtime


def _no_block(path: str, flags: int) -> int:
    return os.open(path, flags | os.O_NONBLOCK)  # a FIFO opens at once (and is then refused) instead of waiting for a writer


def _mtime(path: Path) -> int | None:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (from 1) of byte `offset`."""
    before = data[:offset]
    return before.count(b"\n") + 1, offset - (before.rfind(b"\n") + 1) + 1


MAX_PRODUCT = 10_000_000  # items or characters `*` may make; bits `**` may make


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja2's sandbox, with `*` and `**` kept from building something that fills the memory
    ({{ "x" * 10**10 }}, {{ 9 ** (9 ** 9) }}): a template has no business making anything that big."""

    intercepted_binops = frozenset({"*", "**"})

    def call_binop(self, context, operator: str, left: Any, right: Any) -> Any:
        if operator == "*":
            sizes = [len(v) for v in (left, right) if isinstance(v, (str, list, tuple))]
            counts = [v for v in (left, right) if isinstance(v, int)]
            if sizes and counts and sizes[0] * counts[0] > MAX_PRODUCT:
                raise jinja2.exceptions.SecurityError(f"a product of {sizes[0]:,} by {counts[0]:,} is too big to make")
        elif isinstance(left, int) and isinstance(right, int) and right > 0 and max(left.bit_length(), 1) * right > MAX_PRODUCT:
            raise jinja2.exceptions.SecurityError(f"{left} ** {right} is too big to work out")
        return super().call_binop(context, operator, left, right)


def sandboxed_environment(loader: jinja2.BaseLoader) -> jinja2.Environment:
    """The sandboxed environment every document template runs in."""
    return _Sandbox(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_template(env: jinja2.Environment, name: str, variables: Mapping[str, Any], builtin: Path) -> str:
    """`name` rendered with `variables`; a failure of the template is a PlanError at its line.
    `builtin`: wsoagen's own templates folder (a fault there is wsoagen's, so it is not blamed
    on a plan's template unless none is involved)."""
    try:
        return env.get_template(name).render(variables)
    except (jinja2.TemplateError, RecursionError) as exc:
        diagnostic = locate(exc, builtin)
    except Exception as exc:  # noqa: BLE001 (a house style calling a helper wrongly; wsoagen's own faults re-raise)
        diagnostic = locate(exc, builtin)
        if diagnostic.path.startswith(str(builtin)):
            raise
    diags = Diagnostics()
    diags.extend([diagnostic])
    raise PlanError(diags) from None


def locate(exc: BaseException, builtin: Path) -> Diagnostic:
    """The diagnostic for a failed render: where, and in words a house-style author can act on."""
    if isinstance(exc, TemplateRefused) and exc.where:
        path, line, col = exc.where
        return Diagnostic(path, line, col, "error", str(exc), RULE)
    if isinstance(exc, jinja2.TemplateSyntaxError) and exc.filename:
        path, line = exc.filename, exc.lineno or 0
    else:
        path, line = _frame(exc, builtin)
    return Diagnostic(path, line, _column(path, line, exc), "error", _words(exc), RULE)


def _frame(exc: BaseException, builtin: Path) -> tuple[str, int]:
    """The innermost template line in the traceback (Jinja2 rewrites it to template lines), a
    plan's own template preferred over a built-in one."""
    frames = [(f.filename, f.lineno or 0) for f in traceback.extract_tb(exc.__traceback__)
              if not f.filename.endswith(".py") and os.path.isfile(f.filename)]
    own = [f for f in frames if not f[0].startswith(str(builtin))]
    return (own or frames or [("templates", 0)])[-1]


def _column(path: str, line: int, exc: BaseException) -> int:
    """The column of the name the message is about, else of the line's first character."""
    try:
        text = Path(path).read_text(encoding="utf-8").splitlines()[line - 1] if line > 0 else ""
    except (OSError, UnicodeDecodeError, IndexError):
        return 0
    for name in reversed(re.findall(r"'([^']+)'", str(exc))):
        if (at := text.find(name)) >= 0:
            return at + 1
    return len(text) - len(text.lstrip()) + 1 if text.strip() else 0


def _words(exc: BaseException) -> str:
    if isinstance(exc, RecursionError):
        return "templates include, extend or call each other without end"
    if isinstance(exc, jinja2.exceptions.SecurityError):
        return f"refused: {exc} (a house style sees only the variables in docs/templates.md)"
    if isinstance(exc, jinja2.UndefinedError):
        return f"{exc} (the variables a template sees are listed in docs/templates.md)"
    if isinstance(exc, jinja2.TemplateNotFound):
        return f'template "{exc.name}" not found in the house style or the default templates'
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"template syntax error: {exc.message}"
    if isinstance(exc, jinja2.TemplateError):
        return f"template error: {exc.message or exc}"
    return f"template error: {type(exc).__name__}: {exc}"
