"""What the preview shows now, and how it keeps up with the files.

In: the plan folder, a cache folder (charts), the as-at date (None: the plan's own). Out: a
`Preview` whose `editions` are the current HTML editions (or the diagnostics that stop them)
and whose `version` goes up by one each time a save changes what a page shows; `wait` blocks
until then (the pages long-poll it). `watch` polls the plan folder (and its house styles) and
re-renders after every save; `build` renders one document's PDF or Word on demand.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.load import reusing_parses
from wsoagen.preview.documents import Editions, render_editions
from wsoagen.preview.watch import Snapshot, snapshot

SETTLE = 0.05  # seconds the files must stay unchanged before a render


class Preview:
    def __init__(self, folder: Path, cache: Path, as_at: date | None = None, poll: float = 0.2):
        self.folder, self.cache, self.as_at, self.poll = folder, cache, as_at, poll
        self.version = 0
        self.editions = Editions()
        self.renders = 0  # how many times the editions were rendered (for the tests and the bench)
        self._seen: Snapshot | None = None
        self._parsed: dict = {}  # each file's last parse, reused while its text is unchanged
        self._changed = threading.Condition()
        self._stop = threading.Event()

    def refresh(self) -> bool:
        """Render again if a file changed since last time; True if what the pages show changed."""
        now = snapshot([self.folder])
        if now == self._seen:
            return False
        while self._seen is not None:  # let a save finish (editors write in steps) before rendering
            time.sleep(SETTLE)
            again = snapshot([self.folder])
            if again == now:
                break
            now = again
        self._seen = now
        with reusing_parses(self._parsed):  # only the files saved since are parsed again
            editions = render_editions(self.folder, self.cache, self.as_at, self.editions)
        self.renders += 1
        with self._changed:
            moved = bool(editions.changed) or editions.diagnostics.items != self.editions.diagnostics.items
            self.editions = editions
            if moved:
                self.version += 1
                self._changed.notify_all()
        return moved

    def watch(self) -> None:
        """Refresh after every save until `stop`; a failure to render is shown, never fatal."""
        while not self._stop.is_set():
            try:
                self.refresh()
            except Exception as exc:  # a fault of ours: say so in the page and keep watching
                self._fault(exc)
            self._stop.wait(self.poll)

    def _fault(self, exc: Exception) -> None:
        diags = Diagnostics()
        diags.error(self.folder, (0, 0), f"wsoagen could not render the preview ({type(exc).__name__}: {exc}): please report this as a bug")
        with self._changed:
            self.editions = Editions(diagnostics=diags)
            self.version += 1
            self._changed.notify_all()

    def stop(self) -> None:
        self._stop.set()
        with self._changed:
            self._changed.notify_all()

    def wait(self, version: int, timeout: float = 25.0) -> int:
        """The version, as soon as it is not `version` (or after `timeout` seconds)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while self.version == version and not self._stop.is_set():
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(left)
            return self.version

    def build(self, name: str, suffix: str) -> bytes | None:
        """The PDF or Word of document `name` as it is now; None if there is no such document."""
        from wsoagen.render.docx import html_to_docx
        from wsoagen.render.html import house_style, template_dirs
        from wsoagen.render.pdf import html_to_pdf

        editions = self.editions
        if name not in editions.documents or editions.plan is None:
            return None
        html = editions.documents[name]
        as_at, report = editions.sources[name]
        dirs = template_dirs(self.folder, house_style(editions.plan, report))
        if suffix == "pdf":
            return html_to_pdf(html, dirs[0], [self.folder, *dirs], as_at)
        reference = next(d / "reference.docx" for d in dirs if (d / "reference.docx").is_file())
        return html_to_docx(html, reference)
