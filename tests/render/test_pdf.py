"""The PDF: tagged, titled, landscape action tables, page x of y, safe fetching, reproducible."""

import io
from datetime import date
from pathlib import Path

import pikepdf
import pytest
from pypdf import PdfReader

from conftest import EXAMPLE, EXAMPLE_AS_AT, ROOT
from wsoagen.render.pdf import FetchRefused, html_to_pdf, render

TEMPLATES = ROOT / "src" / "wsoagen" / "templates" / "default"
AS_AT = date.fromisoformat(EXAMPLE_AS_AT)


@pytest.fixture(scope="module")
def example_pdf(example_run, example_build):
    """The example's WSOA as the build wrote it, and what WeasyPrint warned about in the whole build."""
    return (example_build / "wsoa.pdf").read_bytes(), example_run.warnings


def test_no_renderer_warnings(example_pdf):
    assert example_pdf[1] == []


def test_tagged_with_title_and_language(example_pdf):
    with pikepdf.open(io.BytesIO(example_pdf[0])) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert "/StructTreeRoot" in pdf.Root
        assert str(pdf.Root.Lang) == "en-GB"
        assert str(pdf.open_metadata()["dc:title"]) == "Peterborough Special Educational Needs Written Statement of Action"


def test_action_tables_are_landscape_with_page_numbers(example_pdf):
    reader = PdfReader(io.BytesIO(example_pdf[0]))
    pages = reader.pages
    landscape = [i for i, p in enumerate(pages) if p.mediabox.width > p.mediabox.height]
    assert len(landscape) >= 5 and landscape[0] > 5
    texts = [" ".join(p.extract_text().split()) for p in pages]
    assert f"Page 2 of {len(pages)}" in texts[1]
    first_ws = next(i for i, t in enumerate(texts) if "Workstream 1: Joint planning" in t and i in landscape)
    assert "Outcomes (what we intend to achieve)" in texts[first_ws + 1]  # header row repeats
    contents = texts[1]
    assert "Workstream 1: Joint planning and commissioning including intervention" in contents
    assert f"{first_ws + 1}" in contents  # contents carry page numbers


def test_same_html_same_bytes(example_pdf, example_build):
    # Rendered again here from the HTML the build wrote: the build's PDF cache relies on this.
    html = (example_build / "wsoa.html").read_text(encoding="utf-8")
    assert html_to_pdf(html, TEMPLATES, [EXAMPLE], AS_AT) == example_pdf[0]


SMALL = '<html lang="en-GB"><head><title>t</title>{head}</head><body><p>x</p>{body}</body></html>'


@pytest.mark.parametrize(
    "head, body, url",
    [
        ("", '<img src="http://127.0.0.1:9/x.png" alt="x">', "http://127.0.0.1:9/x.png"),
        ("", '<img src="file:///etc/passwd" alt="x">', "file:///etc/passwd"),
        ("", '<img src="/dev/zero" alt="x">', "file:///dev/zero"),
        ('<link rel="stylesheet" href="https://example.org/x.css">', "", "https://example.org/x.css"),
        ('<link rel="attachment" href="file:///etc/hostname">', "", "file:///etc/hostname"),
        ("", '<a rel="attachment" href="/etc/hostname">x</a>', "file:///etc/hostname"),
    ],
)
def test_nothing_outside_the_allowed_folders_is_fetched(head, body, url):
    with pytest.raises(FetchRefused) as exc:
        html_to_pdf(SMALL.format(head=head, body=body), TEMPLATES, [], AS_AT)
    assert str(exc.value) == f'the document tried to load "{url}": only files in the plan and template folders may be used'


def test_files_in_allowed_folders_and_data_urls_are_fine(tmp_path: Path):
    (tmp_path / "extra.css").write_text("p { color: #333; }")
    body = '<img alt="dot" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==">'
    pdf = html_to_pdf(SMALL.format(head='<link rel="stylesheet" href="extra.css">', body=body), tmp_path, [], AS_AT)
    assert pdf.startswith(b"%PDF")


def test_continued_outcomes_and_actions_say_so(example_pdf):
    # The action tables run over many pages; where an outcome or action goes on to a new page, it
    # says so there (render/paginate).
    reader = PdfReader(io.BytesIO(example_pdf[0]))
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    first_ws = next(i for i, t in enumerate(texts) if "Workstream 1: Joint planning" in t and i > 2)
    assert "1.1 (continued)" in texts[first_ws + 1]
    assert sum(t.count("(continued)") for t in texts) >= 20


def test_render_gives_the_pages_the_pdf_has(example_pdf, example_build):
    # The layout tests read `render`'s pages: they must be the pages the PDF is written from.
    html = (example_build / "wsoa.html").read_text(encoding="utf-8")
    assert len(render(html, TEMPLATES, [EXAMPLE]).pages) == len(PdfReader(io.BytesIO(example_pdf[0])).pages)


def test_a_link_inside_an_allowed_folder_to_a_file_outside_it_is_refused(tmp_path: Path):
    import os

    (tmp_path / "secret.css").write_text("p { color: red; }")
    allowed = tmp_path / "style"
    allowed.mkdir()
    os.symlink(tmp_path / "secret.css", allowed / "house.css")
    os.mkfifo(allowed / "pipe.css")
    for name in ("house.css", "pipe.css"):
        with pytest.raises(FetchRefused):
            html_to_pdf(SMALL.format(head=f'<link rel="stylesheet" href="{name}">', body=""), allowed, [], AS_AT)
