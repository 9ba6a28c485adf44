"""Turn a plan folder into its documents: the one place where the stages are chained.

load + validate + merge metric data -> status as at a date -> charts -> HTML -> PDF and DOCX

Per plan: the WSOA as at the build's date (wsoa.*), the recommendations tracker if the plan
has recommendations, and for each board report in reports/: the report as at its own date,
and a board pack (report, tracker, WSOA, one PDF). Everything is rendered in memory first,
then each file is written atomically to `OUT/<plan folder name>/`, so a failed build leaves
the previous outputs intact. PDF and DOCX are cached under `OUT/.cache/` by a hash of their
self-contained HTML (and reference.docx and renderer versions): an unchanged document is not
rendered again, and any change to plan, data, template or version changes the HTML or key.

This process checks the plan and writes the HTML; the PDF and DOCX renders are jobs for
`Workers` (render/workers.py: worker processes, the biggest job first), shared by every plan of
a build: `start` submits a plan's jobs and returns at once, `finish` waits for them, so the next
plan's HTML is made while this one's PDFs render. A document whose render fails is reported as
an error of its plan (nothing of that plan is written); the others are still rendered, into the
cache, so the next build reuses them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import jinja2

from wsoagen.check import check
from wsoagen.data import status
from wsoagen.data.changes import Changes, compare, since
from wsoagen.data.checks import PreviousPlans
from wsoagen.diagnostics import Diagnostics, PlanError
from wsoagen.files import Refused, read_inside
from wsoagen.output import write_atomic
from wsoagen.plan.markdown import to_html
from wsoagen.plan.model import STEMS, Plan, Report
from wsoagen.render import charts
from wsoagen.render.docx import UnsupportedHtml, html_to_docx
from wsoagen.render.html import house_style, render_html, template_dirs
from wsoagen.render.pack import Meeting, Part, attach, combine, embed
from wsoagen.render.pdf import FetchRefused, html_to_pdf
from wsoagen.render.workers import WorkerDied, Workers

CHART_CACHE = Path(".cache") / "charts"  # under the output folder, shared by every plan
DOCUMENT_CACHE = Path(".cache") / "documents"
APPENDIX_LETTERS = "BCDEFGHIJKLMNOPQRSTUVWXYZ"  # after the action tracker, Appendix A
OUTPUT_NAMES = re.compile(rf"^(plan\.json|{'|'.join(STEMS)}\.|recommendations-tracker\.|report-|board-pack-)")


def _renderer_versions() -> str:
    """What besides the HTML decides the PDF and DOCX bytes: the renderers' versions, and the
    code and fonts of wsoagen's own renderers (so an edited writer never serves a stale file)."""
    from importlib.metadata import version

    from wsoagen import __version__

    code = hashlib.sha256()
    package = Path(__file__).parent
    for path in sorted([*(package / "render").rglob("*.py"), *(package / "fonts").iterdir()]):
        code.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return (f"wsoagen {__version__} ({code.hexdigest()[:16]}); weasyprint {version('weasyprint')}; "
            f"python-docx {version('python-docx')}")


@dataclass
class BuildResult:
    plan: Plan
    diagnostics: Diagnostics
    reused: int = 0  # PDF and DOCX files taken from the cache: their HTML had not changed
    charts_drawn: int = 0  # charts drawn afresh (the rest came from the cache)
    written: list[Path] = field(default_factory=list)


CACHE_LIMIT = 1 << 30  # bytes: no document wsoagen makes is near this


def cached_file(path: Path, cache: Path) -> bytes | None:
    """A cached output's bytes, or None when there is none, or what is there is not a file of the
    cache (a link out of it, a pipe): the output folder may be committed to the repository, so it
    is as untrusted as the plan, and a refused entry is simply made again."""
    try:
        return read_inside(path, cache, CACHE_LIMIT) if os.path.lexists(path) else None
    except Refused:
        return None


def plan_json(plan: Plan) -> bytes:
    """The validated model as the renderers see it (like dbt's manifest)."""
    return (json.dumps(plan.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


@dataclass
class _Job:
    """A PDF or DOCX on its way: its future, where the cache keeps it, whose problem a failure is."""

    future: Future
    cache: Path | None  # None: it came from the cache
    blame: Path  # the template folder a failure is reported at
    name: str = ""


Output = bytes | _Job


class _Renderer:
    """Renders documents of one plan as at given dates, collecting problems as diagnostics."""

    def __init__(self, plan: Plan, folder: Path, out: Path, diags: Diagnostics, workers: Workers):
        self.plan, self.folder, self.diags, self.workers = plan, folder, diags, workers
        self.charts = charts.ChartRenderer(out / CHART_CACHE)
        self.cache = out / DOCUMENT_CACHE
        self.versions = _renderer_versions()
        self.reused = 0  # documents taken from the cache, for the build summary
        self._pictures: dict[date, status.Summary] = {}
        self._figures: dict[date, charts.Figures] = {}

    def _cached(self, suffix: str, inputs: list[bytes], blame: Path, render: Callable[..., bytes], *args: object) -> _Job:
        """The output made earlier from the same inputs (HTML, reference.docx, versions), else a
        job rendering it; `inputs[0]` is the HTML, whose length says how long the job takes."""
        digest = hashlib.sha256(self.versions.encode())
        for part in inputs:
            digest.update(hashlib.sha256(part).digest())
        path = self.cache / f"{digest.hexdigest()[:32]}{suffix}"
        if (data := cached_file(path, self.cache)) is not None:
            self.reused += 1
            done: Future = Future()
            done.set_result(data)
            return _Job(done, None, blame)
        return _Job(self.workers.submit(render, *args, size=len(inputs[0]), key=str(path)), path, blame)

    def picture(self, as_at: date) -> status.Summary:
        """The status picture as at a date, worked out once for every chart and document that shows it."""
        if as_at not in self._pictures:
            self._pictures[as_at] = status.summary(self.plan, as_at)
        return self._pictures[as_at]

    def figures(self, as_at: date) -> charts.Figures:
        """Every chart as at a date, drawn once however many documents show them."""
        if as_at not in self._figures:
            self._figures[as_at] = charts.draw_all(self.plan, self.picture(as_at), as_at, self.charts)
        return self._figures[as_at]

    def dirs(self, report: Report | None = None) -> list[Path]:
        return template_dirs(self.folder, house_style(self.plan, report))

    def html(self, kind: str, as_at: date, report: Report | None = None, **extra: object) -> str | None:
        try:
            return render_html(self.plan, kind, as_at, self.folder, self.figures(as_at), report=report,
                               summary=self.picture(as_at), **extra)
        except PlanError as exc:  # a template failing at its line (render.sandbox): kept with the warnings so far
            self.diags.extend(exc.diagnostics.items)
        except jinja2.TemplateSyntaxError as exc:
            self.diags.error(exc.filename or exc.name or "template", (exc.lineno or 0, 0), f"template error: {exc.message}")
        except jinja2.TemplateError as exc:
            self.diags.error(self.dirs(report)[0] / f"{kind}.html.j2", (0, 0), f"template error: {exc}")
        return None

    def pdf(self, html: str, as_at: date, report: Report | None = None) -> _Job:
        dirs = self.dirs(report)
        # The HTML is self-contained (CSS inlined, charts as data: URLs), so it and the
        # as-at date (the PDF's timestamps) decide the bytes.
        return self._cached(".pdf", [html.encode("utf-8"), as_at.isoformat().encode()], dirs[0],
                            html_to_pdf, html, dirs[0], [self.folder, *dirs], as_at)

    def docx(self, html: str, report: Report | None = None) -> _Job:
        dirs = self.dirs(report)
        reference = next(d / "reference.docx" for d in dirs if (d / "reference.docx").is_file())
        return self._cached(".docx", [html.encode("utf-8"), reference.read_bytes()], dirs[0], html_to_docx, html, reference)

    def document(self, name: str, kind: str, as_at: date, report: Report | None = None, **extra: object) -> dict[str, Output]:
        """name.html, name.pdf and name.docx for one document."""
        html = self.html(kind, as_at, report, **extra)
        if html is None:
            return {}
        return {f"{name}.html": html.encode("utf-8"), f"{name}.pdf": self.pdf(html, as_at, report),
                f"{name}.docx": self.docx(html, report)}

    def resolve(self, files: dict[str, Output]) -> dict[str, bytes]:
        """Wait for every job; cache what was rendered, report what failed (and leave it out)."""
        done = {}
        for name, item in files.items():
            if isinstance(item, bytes):
                done[name] = item
                continue
            try:
                data = item.future.result()
            except (FetchRefused, UnsupportedHtml) as exc:
                self.diags.error(item.blame, (0, 0), str(exc))
                continue
            except WorkerDied as exc:
                self.diags.error(item.blame, (0, 0), f"{name} could not be made: {exc}")
                continue
            if item.cache is not None and not item.cache.is_file():
                write_atomic(item.cache, data)
            done[name] = data
        return done


@dataclass
class Started:
    """A plan whose documents are being rendered: `finish()` waits for them and writes them."""

    renderer: _Renderer
    out: Path
    files: dict[str, Output]

    def finish(self) -> BuildResult:
        r = self.renderer
        files = r.resolve(self.files)
        if r.diags.errors:
            raise PlanError(r.diags)
        target = self.out / r.plan.name
        result = BuildResult(r.plan, r.diags, reused=r.reused, charts_drawn=r.charts.drawn)
        for name, data in files.items():
            path = target / name
            if not (path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data):
                write_atomic(path, data)  # unchanged files keep their time, as make expects
            result.written.append(path)
        for old in target.iterdir():  # outputs of reports since removed would mislead: remove them
            if old.is_file() and old.name not in files and OUTPUT_NAMES.match(old.name):
                old.unlink()
        return result


def build(folder: Path, out: Path, as_at: date | None = None, workers: Workers | None = None) -> BuildResult:
    """Check `folder` (the rules `validate` runs) and write its documents under `out/<name>/`,
    as at `as_at` (None: the plan's own `as_at`, else today); PlanError if anything fails.
    Renders in `workers` (None: here, in this process)."""
    if workers is None:
        with Workers(1) as here:
            return start(folder, out, as_at, here).finish()
    return start(folder, out, as_at, workers).finish()


class Builds:
    """Several plans built with one set of workers, in order: while plan i's PDFs render, plan
    i+1 is checked and its HTML made, so that the workers never wait between plans."""

    def __init__(self, folders: list[Path], out: Path, as_at: date | None, workers: Workers):
        self.folders, self.out, self.as_at, self.workers = folders, out, as_at, workers
        self._started: dict[int, Started | PlanError] = {}

    def _start(self, i: int) -> None:
        if i < len(self.folders) and i not in self._started:
            try:
                self._started[i] = start(self.folders[i], self.out, self.as_at, self.workers)
            except PlanError as exc:
                self._started[i] = exc

    def build(self, i: int) -> BuildResult:
        """Plan i built (PlanError if it has errors)."""
        self._start(i)
        if self.workers.size > 1:  # with one process, starting plan i+1 would render it now
            self._start(i + 1)
        started = self._started.pop(i)
        if isinstance(started, PlanError):
            raise started
        return started.finish()


def start(folder: Path, out: Path, as_at: date | None, workers: Workers) -> Started:
    """Check the plan, make its HTML and hand its PDF and DOCX renders to `workers`; PlanError
    if the plan has errors (then nothing is rendered)."""
    previous = PreviousPlans()  # the plans reports compare with, read once for the check and the build
    plan, diags = check(folder, as_at, previous)
    as_at = status.as_at_date(plan, as_at)
    r = _Renderer(plan, folder, out, diags, workers)

    files: dict[str, Output] = {"plan.json": plan_json(plan)}
    files |= r.document(plan.kind.stem, "wsoa", as_at)  # wsoa.*, priority-action-plan.*, ... (the plan's kind)
    if plan.file.recommendations:
        files |= r.document("recommendations-tracker", "tracker", as_at)
    for report in plan.reports:
        files |= _report_files(r, folder, report, previous)
    if diags.errors:
        r.resolve(files)  # what was rendered is cached; nothing is written
        raise PlanError(diags)
    return Started(r, out, files)


def _report_files(r: _Renderer, folder: Path, report: Report, previous: PreviousPlans) -> dict[str, Output]:
    """A board report as at its own date, its appendices attached, and the board pack around it."""
    changes, words = _changes(r, folder, report, previous)
    html = r.html("report", report.as_at, report, changes=changes, changes_since=words)
    if html is None:
        return {}
    html = attach(html, _attachments(r, folder, report))
    name = f"report-{report.name}"
    files: dict[str, Output] = {f"{name}.html": html.encode("utf-8"), f"{name}.pdf": r.pdf(html, report.as_at, report),
                                f"{name}.docx": r.docx(html, report)}
    if (pack := _pack(r, report, html)) is not None:
        files[f"board-pack-{report.name}.html"] = pack.encode("utf-8")
        files[f"board-pack-{report.name}.pdf"] = r.pdf(pack, report.as_at, report)
    return files


def _changes(r: _Renderer, folder: Path, report: Report, previous: PreviousPlans) -> tuple[Changes | None, str | None]:
    """What moved since the previous report, and how the report names that report (None, None: the first)."""
    found = since(report, r.plan.reports)
    if found is None:
        return None, None
    old = r.plan
    if report.previous and (report.previous.revision or report.previous.date):
        # The check's `report-previous` rule has read this plan already, and stopped the build
        # (at the report's `previous:`) if it could not.
        old, _ = previous.get(folder, report.previous)
    return compare(old, r.plan, report.as_at, found.as_at), found.words


def _attachments(r: _Renderer, folder: Path, report: Report) -> dict[str, str]:
    """Each appendix's content by letter (B, C, ...; A is the action tracker), as the template lists them.
    The `report-appendices` rule has checked that each one can be attached."""
    out = {}
    for letter, appendix in zip(APPENDIX_LETTERS, report.appendices, strict=False):
        prefix = f"appendix-{letter.lower()}-"
        if appendix.document == "recommendations-tracker":
            out[letter] = embed(r.html("tracker", report.as_at, report) or "", prefix)
        elif appendix.file:
            out[letter] = str(to_html((folder / appendix.file).read_text(encoding="utf-8")))
    return out


def _pack(r: _Renderer, report: Report, report_html: str) -> str | None:
    """The board pack: the report, the recommendations tracker unless the report attaches it, the WSOA."""
    parts = [Part(report.title, report_html, exempt=report.exempt)]
    attached = {a.document for a in report.appendices}
    if r.plan.file.recommendations and "recommendations-tracker" not in attached:
        parts.append(Part("Recommendations tracker", r.html("tracker", report.as_at, report) or ""))
    parts.append(Part(r.plan.file.title, r.html("wsoa", report.as_at, report) or ""))
    if not all(p.html for p in parts):
        return None
    meeting = Meeting(report.board, r.plan.file.local_area, report.meeting, report.time, report.venue)
    return combine(meeting, parts, f"{report.as_at.isoformat()}T00:00:00Z")
