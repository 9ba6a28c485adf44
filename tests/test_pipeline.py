"""`wsoagen build` end to end: every output, reproducible, atomic, Word and PDF agreeing."""

import base64
import json
import re
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from conftest import EXAMPLE, EXAMPLE_AS_AT, MINI_WORKSTREAM, copy_build_cache

AS_AT = EXAMPLE_AS_AT
REPORT = "report-2020-01-21-send-executive-board"
SEFTON = "report-2020-03-10-health-and-wellbeing-board"
OUTPUTS = sorted([
    "plan.json", "wsoa.docx", "wsoa.html", "wsoa.pdf",
    "recommendations-tracker.docx", "recommendations-tracker.html", "recommendations-tracker.pdf",
    f"{REPORT}.docx", f"{REPORT}.html", f"{REPORT}.pdf",
    "board-pack-2020-01-21-send-executive-board.html", "board-pack-2020-01-21-send-executive-board.pdf",
    f"{SEFTON}.docx", f"{SEFTON}.html", f"{SEFTON}.pdf",
    "board-pack-2020-03-10-health-and-wellbeing-board.html", "board-pack-2020-03-10-health-and-wellbeing-board.pdf",
])


@pytest.fixture(scope="module")
def built(example_build):
    return example_build


def test_every_output_is_written(built):
    assert sorted(p.name for p in built.iterdir()) == OUTPUTS


def test_building_twice_gives_identical_bytes(example_run, built, tmp_path):
    from wsoagen import pipeline

    # The second build starts from the first one's document cache (PDF and DOCX keyed by their
    # self-contained HTML) but draws its charts and renders its HTML afresh: every document
    # being reused proves the HTML, charts included, came out byte for byte the same. That the
    # same HTML gives the same PDF and DOCX is tested in render/ (test_pdf, test_docx).
    copy_build_cache(example_run.out, tmp_path, pipeline.DOCUMENT_CACHE)
    result = pipeline.build(EXAMPLE, tmp_path, date.fromisoformat(AS_AT))
    assert result.reused == len([n for n in OUTPUTS if n.endswith((".pdf", ".docx"))])
    assert sorted(p.name for p in result.written) == OUTPUTS
    for name in OUTPUTS:
        assert (tmp_path / "peterborough" / name).read_bytes() == (built / name).read_bytes(), name


def _words(text: str) -> Counter:
    """Words of a text; list markers (i, ii, a, b), which Word numbers itself, are left out."""
    return Counter(w for w in re.findall(r"[^\W_]+", text.lower()) if not re.fullmatch(r"[ivx]+|[a-z]", w))


def docx_text(path: Path) -> str:
    """Body text of a .docx in document order: paragraphs and the cells of tables (merged cells once)."""
    document = docx.Document(str(path))
    parts = []
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[1]
        if tag == "p":
            parts.append(_run_text(child))
        elif tag == "tbl":
            parts.append(" ".join(_run_text(p) for p in child.iter("{*}p")))
    return "\n".join(parts)


def _run_text(paragraph) -> str:
    """A paragraph's text, line breaks and tabs as spaces."""
    out = []
    for node in paragraph.iter("{*}t", "{*}br", "{*}tab"):
        out.append(node.text or "" if node.tag.endswith("}t") else " ")
    return "".join(out)


def pdf_text(path: Path, running_header: str) -> str:
    pages = []
    for number, page in enumerate(PdfReader(str(path)).pages):
        text = " ".join(page.extract_text().split())
        text = re.sub(r"Page \d+ of \d+", " ", text)
        if number:  # every page but the cover starts with the running head
            text = text.replace(running_header, " ", 1)
        pages.append(text)
    return "\n".join(pages)


def chart_words(html_path: Path) -> set[str]:
    """Words drawn inside the SVG charts: selectable text in the PDF, pixels in Word's PNG."""
    words: set[str] = set()
    for uri in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html_path.read_text(encoding="utf-8")):
        svg = base64.b64decode(uri).decode("utf-8")
        words |= set(_words(" ".join(re.findall(r">([^<>]+)</text>", svg))))
    return words


DOCUMENTS = {
    "wsoa": "Peterborough Special Educational Needs Written Statement of Action",
    REPORT: "SEND Written Statement of Action: progress update: SEND Executive Board, 21 January 2020",
    "recommendations-tracker": "Peterborough: recommendations tracker",
    SEFTON: "SEND Written Statement of Action progress",
}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_word_and_pdf_say_the_same_thing(built, name):
    running_head = " ".join(_first_h1(built / f"{name}.html").split())
    text_docx = docx_text(built / f"{name}.docx")
    text_pdf = pdf_text(built / f"{name}.pdf", running_head)
    # Print alone labels a cell continued on a new page ("1.2 (continued)", render/paginate).
    for label in set(re.findall(r'data-continued="([^"]+)"', (built / f"{name}.html").read_text(encoding="utf-8"))):
        text_pdf = text_pdf.replace(label, " ")
    words_docx, words_pdf = set(_words(text_docx)), set(_words(text_pdf))
    # Same vocabulary both ways; the PDF alone also has the charts' own text (Word has it as
    # pixels) and page numbers in the contents.
    assert words_docx - words_pdf == set()
    assert {w for w in words_pdf - words_docx if not w.isdigit()} - chart_words(built / f"{name}.html") == set()
    if name != "wsoa":
        return
    # And every milestone, in the same order, in both.
    flat_docx = " ".join(text_docx.split())
    plan = json.loads((built / "plan.json").read_text(encoding="utf-8"))
    milestones = [ms["text"] for ws in plan["workstreams"] for o in ws["outcomes"] for a in o["actions"] for ms in a["milestones"]]
    assert len(milestones) == 106
    for text in milestones:
        assert " ".join(text.split()) in flat_docx, text
    pdf_words = " ".join(_tokens(text_pdf))
    for text in milestones:
        assert " ".join(_tokens(text)) in pdf_words, text


def _first_h1(path: Path) -> str:
    """The running head is the document's first <h1> (its cover title)."""
    match = re.search(r"<h1[^>]*>(.*?)</h1>", path.read_text(encoding="utf-8"), re.S)
    return re.sub(r"<[^>]+>", "", match.group(1))


def _tokens(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def test_docx_has_heading_styles_core_properties_and_repeating_headers(built):
    document = docx.Document(str(built / "wsoa.docx"))
    styles = [p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert styles.count("Heading 2") >= 10
    assert document.core_properties.title == "Peterborough Special Educational Needs Written Statement of Action"
    assert document.core_properties.language == "en-GB"
    xml = document.element.xml
    assert xml.count("<w:tblHeader") >= 5
    assert 'w:orient="landscape"' in xml


def test_libreoffice_opens_every_docx(built, tmp_path, soffice):
    documents = sorted(built.glob("*.docx"))
    assert len(documents) == 4
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), *map(str, documents)],
        capture_output=True, text=True, timeout=400,
    )
    assert result.returncode == 0, result.stderr
    for document in documents:
        converted = tmp_path / f"{document.stem}.pdf"
        assert converted.is_file(), (document.name, result.stdout, result.stderr)
        assert len(PdfReader(str(converted)).pages) >= 1
    wsoa = PdfReader(str(tmp_path / "wsoa.pdf"))
    assert len(wsoa.pages) > 20
    assert "Joint planning and commissioning" in "".join(p.extract_text() for p in wsoa.pages[:12])


def test_failed_build_keeps_earlier_outputs(make_plan, cli, tmp_path):
    folder = make_plan()
    out = tmp_path / "out"
    code, _, err = cli("build", folder, "-o", out, "--as-at", AS_AT)
    assert code == 0, err
    before = {p.name: p.read_bytes() for p in (out / folder.name).iterdir()}
    (folder / "workstreams" / "1-joint.yaml").write_text(MINI_WORKSTREAM.replace("deadline: Nov 2019", "deadline: never"))
    code, _, err = cli("build", folder, "-o", out, "--as-at", AS_AT)
    assert code == 1 and 'cannot read "never" as a date' in err
    after = {p.name: p.read_bytes() for p in (out / folder.name).iterdir()}
    assert after == before


def test_broken_house_style_is_reported_and_writes_nothing(make_plan, cli, tmp_path):
    from conftest import MINI_PLAN

    folder = make_plan(plan=MINI_PLAN + "house_style: broken\n")
    (folder / "templates" / "broken").mkdir(parents=True)
    (folder / "templates" / "broken" / "wsoa.html.j2").write_text('{% extends "base.html.j2" %}\n{% block body %}{{ plan.nope }}{% endblock %}\n')
    code, _, err = cli("build", folder, "-o", tmp_path / "out", "--as-at", AS_AT)
    assert code == 1
    assert "wsoa.html.j2:2:" in err and "nope" in err and "[house-style]" in err
    assert not (tmp_path / "out" / folder.name).exists()  # only the chart cache may exist


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    from wsoagen import output

    target = tmp_path / "wsoa.pdf"
    output.write_atomic(target, b"old")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        output.write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["wsoa.pdf"]
