"""Turn the HTML subset into a tagged PDF (PDF/UA-1) with WeasyPrint, safely and reproducibly.

In: an HTML string, the folders it may read from (templates, the plan), a fixed timestamp.
Out: PDF bytes. Only `data:` URLs and files inside the allowed folders are fetched; anything
else (http:, file:///etc/passwd, /dev, attachments elsewhere) stops the render with
`FetchRefused`. The same HTML gives byte-identical PDF: SOURCE_DATE_EPOCH is fixed while
rendering (fontTools stamps subset fonts with the time) and the HTML carries fixed dcterms dates.
The body font, Liberation Sans, ships inside the package (wsoagen/fonts/) and is declared with
@font-face here, so a PDF never depends on the fonts the machine happens to have.
Tables whose cells span rows are laid out by `paginate` (rows WeasyPrint breaks cleanly, with
"(continued)" labels), which lays the document out more than once; `render` gives the laid-out
pages, which the layout tests read.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib.resources import files
from pathlib import Path
from urllib.parse import unquote, urlparse

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError, URLFetcher

from wsoagen.render import paginate

FONTS = Path(str(files("wsoagen") / "fonts"))
FONT_FAMILY = "Liberation Sans"
_FACES = {"Regular": ("normal", "normal"), "Bold": ("bold", "normal"), "Italic": ("normal", "italic"),
          "BoldItalic": ("bold", "italic")}
FONT_CSS = "\n".join(
    f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight}; font-style: {style}; '
    f'src: url("{(FONTS / f"LiberationSans-{face}.ttf").as_uri()}"); }}'
    for face, (weight, style) in _FACES.items())


class FetchRefused(FatalURLFetchingError):
    """The document asked for something outside the plan and template folders."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url

    def __str__(self) -> str:
        return f'the document tried to load "{self.url}": only files in the plan and template folders may be used'


class SafeFetcher(URLFetcher):
    """Fetch `data:` URLs and regular files under `roots`; refuse everything else."""

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = [r.resolve() for r in roots]

    def fetch(self, url, headers=None):
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlparse(url).path)).resolve()
            if path.is_file() and any(path.is_relative_to(root) for root in self.roots):
                return super().fetch(url, headers)
        raise FetchRefused(url)


@contextmanager
def _fixed_time(when: date):
    """SOURCE_DATE_EPOCH for the duration of a render (restored afterwards)."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(datetime(when.year, when.month, when.day, tzinfo=UTC).timestamp()))
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "attachments": [], "uncompressed_pdf": False}


def render(html: str, base_dir: Path, roots: list[Path]) -> Document:
    """Lay `html` out on pages (relative URLs resolve against `base_dir`), spanning tables included."""
    fetcher = SafeFetcher([base_dir, *roots, FONTS])
    fonts = FontConfiguration()
    font_faces = CSS(string=FONT_CSS, font_config=fonts, url_fetcher=fetcher)

    def once(text: str) -> Document:
        document = HTML(string=text, base_url=str(base_dir.resolve()) + "/", url_fetcher=fetcher)
        return document.render(font_config=fonts, stylesheets=[font_faces], **PDF_OPTIONS)

    return paginate.layout(html, once)


def html_to_pdf(html: str, base_dir: Path, roots: list[Path], when: date) -> bytes:
    """Render `html` (relative URLs resolve against `base_dir`) to tagged PDF bytes."""
    with _fixed_time(when):
        return render(html, base_dir, roots).write_pdf(**PDF_OPTIONS)
