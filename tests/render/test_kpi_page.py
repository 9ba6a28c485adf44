"""A KPI table wide enough for a landscape page takes the appendix's heading and words with it:
they are never left alone on a portrait page before it (Devon's plan, in print and in Word)."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from wsoagen.cli import main

ROOT = Path(__file__).resolve().parents[2]


def heading_page(pdf: Path) -> tuple[int, list[str]]:
    pages = [p.extract_text() for p in PdfReader(pdf).pages]
    (page,) = [i for i, text in enumerate(pages) if "Appendix: measuring impact" in text and "Contents" not in text]
    return page, pages


@pytest.mark.slow
@pytest.mark.libreoffice
def test_the_appendix_heading_shares_the_landscape_page_of_its_kpi_table(tmp_path, soffice):
    assert main(["build", str(ROOT / "plans" / "devon-app-2023"), "-o", str(tmp_path), "-q"]) == 0
    out = tmp_path / "devon-app-2023"
    page, pages = heading_page(out / "accelerated-progress-plan.pdf")
    assert "Key performance indicators" in pages[page]
    width, height = PdfReader(out / "accelerated-progress-plan.pdf").pages[page].mediabox.upper_right
    assert width > height  # landscape
    document = docx.Document(io.BytesIO((out / "accelerated-progress-plan.docx").read_bytes()))
    heading = next(p for p in document.paragraphs if p.text == "Appendix: measuring impact")
    body = list(document.element.body.iterchildren())
    # the heading is in the same Word section as the KPI table: no section break between them
    start = body.index(heading._p)
    table = next(i for i, el in enumerate(body) if i > start and el.tag.endswith("}tbl"))
    assert not any(el.find(".//{*}sectPr") is not None for el in body[start:table])
    # and as Word lays it out (LibreOffice here): the table's ten tall rows may split across pages,
    # so it does not leave its heading alone to keep them together
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "word"), str(out / "accelerated-progress-plan.docx")], check=True, capture_output=True,
                   timeout=300)
    page, pages = heading_page(tmp_path / "word" / "accelerated-progress-plan.pdf")
    assert "Key performance indicators" in pages[page]
