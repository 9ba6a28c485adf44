"""Check the house styles a plan folder supplies, as part of the plan: `validate` and `build` both run it.

In: the validated plan, its folder and the as-at date. Out: diagnostics [house-style], each at
the line a person must change (`templates/x/report.html.j2:12:5`, `templates/x/house.css:3:1`,
`templates/x/reference.docx`). Only the plan's own templates (templates/<style>/ and
templates/default/ in the plan folder) are checked: wsoagen's built-in styles and installed
house-style packages are tested where they are made, and checking them would slow every validate.

For each house style a document uses:
- the style folder is inside the plan's templates/ folder (not a link out);
- every template in it compiles: syntax, UTF-8, no link out, a regular file, not too big;
- every CSS file fetches nothing: no `@import`, `url()` only `data:` (never the network, `file:`,
  a path outside, nor a file beside it: documents are self-contained), and no `</` (it is
  inlined in <style>);
- each document the plan builds in that style renders to HTML (undefined variables, refused
  attributes, includes without end), with the charts as stand-ins: nothing is drawn;
- each kind of document fetches nothing (no <script>, <iframe>, <link>, <base> or refresh; every
  src, srcset and url() a data: URL) and, written once to Word with the reference.docx the build
  would use, is in the writer's subset (docs/html-subset.md); reference.docx opens.
No PDF is made: the check costs a fraction of a second per document.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import tinycss2

from wsoagen.data import status
from wsoagen.data.changes import compare, since
from wsoagen.diagnostics import Diagnostic, PlanError
from wsoagen.plan.model import Plan, Report
from wsoagen.render import charts
from wsoagen.render.docx import UnsupportedHtml, html_to_docx
from wsoagen.render.html import BUILTIN_TEMPLATES, environment, house_style, render_html, template_dirs
from wsoagen.render.sandbox import RULE, FolderLoader, TemplateRefused, locate

TEMPLATE_SUFFIXES = (".j2", ".jinja", ".jinja2", ".html", ".htm")
# A 1x1 PNG and an empty SVG stand in for every chart: what a template does with them is checked, not the drawing.
_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGP4DwABAQEAG7buVgAAAABJRU5ErkJggg==")
_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="620" height="300"></svg>'


class _StandIn(charts.ChartRenderer):
    """Charts with their real alt text, caption and table, but not drawn."""

    def __init__(self) -> None:
        super().__init__(None)

    def draw(self, chart_spec):
        return "stand-in", _SVG, _PNG


def check_house_styles(plan: Plan, folder: Path, as_at: date) -> list[Diagnostic]:
    """Every problem of the house styles `plan`'s documents use that the plan folder supplies."""
    found: list[Diagnostic] = []
    templates = folder / "templates"
    if templates.is_symlink() or not templates.resolve().is_relative_to(folder.resolve()):
        return [Diagnostic(str(templates), 0, 0, "error", "templates/ is a link to a folder outside the plan folder: "
                           "copy the house style in instead", RULE)]
    styles = dict.fromkeys([house_style(plan), *(house_style(plan, r) for r in plan.reports)])
    checked: set[Path] = set()
    for style in styles:
        for d in _own(folder, style):
            if d not in checked:
                checked.add(d)
                found += _folder(templates, d)
    if any(d.is_symlink() or not d.resolve().is_relative_to(templates.resolve()) for d in checked):
        return found  # nothing in a folder that links out is read
    if checked:
        css_faults = any(d.path.endswith(".css") for d in found)  # already reported at their CSS line
        found += [d for d in _documents(plan, folder, as_at) if not (css_faults and d.message.startswith("<style>"))]
    return list(dict.fromkeys(found))


def _own(folder: Path, style: str) -> list[Path]:
    """The plan folder's own template folders among those `style` is looked up in."""
    templates = folder / "templates"
    return [d for d in template_dirs(folder, style) if d.parent == templates]


# ---------------------------------------------------------------- files: the folder, templates, CSS


def _folder(templates: Path, d: Path) -> list[Diagnostic]:
    if d.is_symlink() or not d.resolve().is_relative_to(templates.resolve()):
        return [Diagnostic(str(d), 0, 0, "error", f"the house style folder {d.name} is a link to a folder outside the plan's "
                           "templates/ folder: copy the files in instead", RULE)]
    found: list[Diagnostic] = []
    env = environment((d,))  # the filters documents have
    for name in _files(d):
        if name.endswith(TEMPLATE_SUFFIXES):
            try:
                env.get_template(name)
            except Exception as exc:  # noqa: BLE001 (anything a template file does wrong is reported at it)
                found.append(locate(exc, BUILTIN_TEMPLATES))
        elif name.endswith(".css"):
            try:
                source, path, _ = FolderLoader([d]).get_source(env, name)
            except TemplateRefused as exc:
                found.append(locate(exc, BUILTIN_TEMPLATES))
                continue
            found += css_problems(source, path, d)
        elif name == "reference.docx" and not (d / name).resolve().is_relative_to(d.resolve()):
            found.append(Diagnostic(str(d / name), 0, 0, "error", "reference.docx is a link to a file outside the house style "
                                    "folder: copy the file in instead", RULE))
    return found


def _files(d: Path) -> Iterator[str]:
    """Names of the files under `d`, relative and with "/", without following links to folders."""
    for root, dirs, files in os.walk(d):
        dirs.sort()
        for name in sorted(files):
            yield (Path(root) / name).relative_to(d).as_posix()


def css_problems(css: str, path: str, folder: Path) -> list[Diagnostic]:
    """What in a house style's CSS would fetch something, or break out of the <style> it is inlined in."""
    found = []
    if (at := css.find("</")) >= 0:
        line, col = css.count("\n", 0, at) + 1, at - (css.rfind("\n", 0, at) + 1) + 1
        found.append(Diagnostic(path, line, col, "error", 'CSS may not contain "</": it is inlined in the document\'s <style>', RULE))
    for node, url in _urls(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)):
        where = (path, node.source_line, node.source_column)
        if url is None:
            found.append(Diagnostic(*where, "error", "@import is not allowed in a house style: put the rules in this file "
                                    "(documents fetch nothing)", RULE))
        elif (why := _refused(url, folder)) is not None:
            found.append(Diagnostic(*where, "error", f'url({url}) is refused: {why}', RULE))
    return found


def _urls(nodes) -> Iterator[tuple[object, str | None]]:
    """(node, URL) for each URL in a stylesheet; (node, None) for each @import."""
    for node in nodes or ():
        kind = getattr(node, "type", "")
        if kind == "at-rule" and node.lower_at_keyword == "import":
            yield node, None
            continue
        if kind == "url":
            yield node, node.value
        elif kind == "function" and node.lower_name in ("url", "src", "image-set", "-webkit-image-set", "image"):
            yield from ((node, arg.value) for arg in node.arguments if arg.type == "string")
        for part in ("prelude", "content", "arguments"):  # rules, blocks and functions hold tokens
            if isinstance(getattr(node, part, None), list):
                yield from _urls(getattr(node, part))


def _refused(url: str, folder: Path) -> str | None:
    """Why a URL in house CSS may not be used, or None: only `data:` URLs (a document is one
    self-contained file, the web edition too, so even a file in the style folder is embedded)."""
    url = url.strip()
    if url.lower().startswith("data:") or url.startswith("#"):
        return None
    if re.match(r"^[a-z][a-z0-9+.-]*:|^//", url, re.I):
        return "a house style may not fetch from the network or elsewhere on the machine: embed the file as a data: URL"
    target = folder / unquote(re.split(r"[?#]", url, maxsplit=1)[0])
    if url.startswith("/") or not target.resolve().is_relative_to(folder.resolve()):
        return "it points outside the house style folder"
    return "a document is one self-contained file (the web edition too): embed the file as a data: URL"


# ---------------------------------------------------------------- the documents: HTML, then Word


def _documents(plan: Plan, folder: Path, as_at: date) -> list[Diagnostic]:
    """Render every document the build makes from the plan's own templates; write each kind to Word once."""
    found: list[Diagnostic] = []
    stand_in = _StandIn()
    figures: dict[date, charts.Figures] = {}
    word: set[tuple[str, str]] = set()
    styles: set[str] = set()
    for style, kind, day, report in _renders(plan, as_at):
        if not _own(folder, style):
            continue
        styles.add(style)
        if day not in figures:
            figures[day] = charts.draw_all(plan, status.summary(plan, day), day, stand_in)
        extra: dict[str, object] = {}
        if kind == "report" and report is not None and (found_since := since(report, plan.reports)) is not None:
            extra = {"changes": compare(plan, plan, report.as_at, found_since.as_at), "changes_since": found_since.words}
        try:
            html = render_html(plan, kind, day, folder, figures[day], report=report, **extra)
        except PlanError as exc:
            found += exc.diagnostics.items
            continue
        if (style, kind) not in word:
            word.add((style, kind))
            fetches = [_blame(tag, attrs, why, _own(folder, style), kind) for tag, attrs, why in fetched(html)]
            found += fetches or _word(html, folder, style, kind)
    for style in sorted(styles):  # a reference.docx no document reached (its templates failed) must still open
        if not any(s == style for s, _ in word):
            found += _word(_MINIMAL, folder, style, "wsoa")
    return found


_MINIMAL = '<!DOCTYPE html><html lang="en-GB"><head><title>Check</title></head><body><h1>Check</h1><p>Text</p></body></html>'


def _renders(plan: Plan, as_at: date) -> Iterator[tuple[str, str, date, Report | None]]:
    """(style, kind, date, report) for each document the build renders, as pipeline.build makes them."""
    kinds = ["wsoa", *(["tracker"] if plan.file.recommendations else [])]
    for kind in kinds:
        yield house_style(plan), kind, as_at, None
    for report in plan.reports:
        for kind in ["report", *kinds]:
            yield house_style(plan, report), kind, report.as_at, report


def _word(html: str, folder: Path, style: str, kind: str) -> list[Diagnostic]:
    dirs = template_dirs(folder, style)
    reference = next((d / "reference.docx" for d in dirs if (d / "reference.docx").is_file()), None)
    if reference is None or not reference.resolve().is_relative_to(reference.parent.resolve()):
        return []  # a link out is reported by _folder, and not read
    info = reference.stat()
    key = hashlib.sha256(f"{reference.resolve()}\0{info.st_mtime_ns}\0{info.st_size}\0{html}".encode()).hexdigest()
    if key in _WRITTEN:  # a preview checks again after every save: unchanged documents are not written again
        return []
    try:
        html_to_docx(html, reference)
    except PlanError as exc:
        return exc.diagnostics.items
    except UnsupportedHtml as exc:
        return [_blame(exc.tag, exc.attrs, f"the Word writer cannot write this: {exc}", _own(folder, style), kind)]
    _WRITTEN[key] = None
    while len(_WRITTEN) > 64:
        _WRITTEN.pop(next(iter(_WRITTEN)))
    return []


_WRITTEN: dict[str, None] = {}  # documents (with their reference.docx) written to Word without fault, oldest first


_NEVER = {"script", "iframe", "frame", "object", "embed", "applet", "base", "link", "portal"}
_FETCHING = ("src", "srcset", "poster", "data", "background", "action", "formaction", "xlink:href", "ping")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!data:)[^)'\"\s]|@import", re.I)


def fetched(html: str) -> Iterator[tuple[str, dict[str, str], str]]:
    """(tag, attributes, why) for each element of a rendered document that would make a reader's
    browser or the PDF renderer fetch something: documents carry everything in data: URLs."""
    for el in lxml.html.document_fromstring(html).iter():
        if not isinstance(el.tag, str):
            continue
        attrs = {str(k): str(v) for k, v in el.attrib.items()}
        if el.tag in _NEVER:
            yield el.tag, attrs, f"<{el.tag}> is not allowed in a document: it would load or run something"
        elif el.tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
            yield el.tag, attrs, "<meta http-equiv=\"refresh\"> is not allowed in a document"
        for name in _FETCHING:
            if name in attrs and not attrs[name].strip().lower().startswith("data:"):
                yield el.tag, attrs, f'<{el.tag}> {name}="{attrs[name][:60]}" would be fetched: documents use data: URLs only'
        if _CSS_URL.search(attrs.get("style", "")) or (el.tag == "style" and _CSS_URL.search(el.text or "")):
            yield el.tag, attrs, f"<{el.tag}> CSS would fetch something (@import or url() that is not data:)"


def _blame(tag: str | None, attrs: dict[str, str], message: str, own: list[Path], kind: str) -> Diagnostic:
    """Where in the plan's own templates an element was written: the line with its tag that
    shares most of its attribute values; else the document's template."""
    message = f"{message} (docs/html-subset.md)"
    best: tuple[int, str, int, int] | None = None
    if tag:
        start = re.compile(rf"<{re.escape(tag)}\b", re.I)
        for d in own:
            for name in _files(d):
                if not name.endswith((*TEMPLATE_SUFFIXES, ".css")):
                    continue
                try:
                    lines = (d / name).read_text(encoding="utf-8").splitlines()
                except (OSError, UnicodeDecodeError):
                    continue
                for number, text in enumerate(lines, 1):
                    if m := start.search(text):
                        score = sum(value in text for value in attrs.values() if value)
                        if best is None or score > best[0]:
                            best = (score, str(d / name), number, m.start() + 1)
    if best is not None:
        return Diagnostic(best[1], best[2], best[3], "error", message, RULE)
    path = next((d / f"{kind}.html.j2" for d in own if (d / f"{kind}.html.j2").is_file()), own[0] if own else Path("templates"))
    return Diagnostic(str(path), 0, 0, "error", message, RULE)
