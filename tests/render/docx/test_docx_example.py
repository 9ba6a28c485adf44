"""The example's Word documents as a board would receive them: whole words in every table
column (read back from the written XML, and as LibreOffice sets them), lists lettered as in
the PDF, no prompt to update fields on opening."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn

from wsoagen.render.docx import metrics

DOCUMENTS = ["wsoa", "recommendations-tracker", "report-2020-01-21-send-executive-board",
             "report-2020-03-10-health-and-wellbeing-board"]


class Reader:
    """What decides how wide a cell's words are, read from a .docx as Word would: the table
    style's text size and cell margins, run sizes and boldness, paragraph indents."""

    def __init__(self, doc):
        self.doc = doc
        styles = doc.styles.element
        default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
        grid = doc.styles["Table Grid"].element
        size = grid.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        self.size = int((size if size is not None else default).get(qn("w:val")))
        margins = grid.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
        self.padding = sum(int(margins.find(qn(f"w:{side}")).get(qn("w:w"))) for side in ("left", "right"))
        numbering = doc.part.numbering_part.element
        self._num = {int(n.get(qn("w:numId"))): n.abstractNumId.val for n in numbering.num_lst}
        self._abstract = {int(a.get(qn("w:abstractNumId"))): a for a in numbering.findall(qn("w:abstractNum"))}

    def indent(self, p) -> int:
        """The left indent of a paragraph: its own, its style's, or its list level's."""
        ppr = p.pPr
        for source in (ppr, self._style_ppr(ppr)):
            ind = source.find(qn("w:ind")) if source is not None else None
            if ind is not None and ind.get(qn("w:left")):
                return int(ind.get(qn("w:left")))
            num_id = source.find(f"{qn('w:numPr')}/{qn('w:numId')}") if source is not None else None
            if num_id is not None:
                lvl_ind = self._abstract[self._num[int(num_id.get(qn("w:val")))]].find(f"{qn('w:lvl')}/{qn('w:pPr')}/{qn('w:ind')}")
                return int(lvl_ind.get(qn("w:left")))
        return 0

    def _style_ppr(self, ppr):
        if ppr is None or ppr.pStyle is None:
            return None
        return self.doc.styles.get_by_id(ppr.pStyle.val, WD_STYLE_TYPE.PARAGRAPH).element.pPr

    def lines(self, p):
        """Each line of a paragraph (split at w:br) as (character, bold, half-points)."""
        line = []
        for r in p.iter(qn("w:r")):
            rpr = r.rPr
            bold = rpr is not None and rpr.b is not None and rpr.b.val is not False
            size = int(rpr.sz_val.pt * 2) if rpr is not None and rpr.sz_val is not None else self.size
            for child in r:
                if child.tag == qn("w:br"):
                    yield line
                    line = []
                elif child.tag == qn("w:t"):
                    line.extend((char, bold, size) for char in child.text or "")
        yield line


def words(line) -> list[list]:
    """Unbreakable words of a line: split at spaces, and after a hyphen followed by a letter."""
    out, word = [], []
    for index, item in enumerate(line):
        char = item[0]
        if char == " ":
            out.append(word)
            word = []
            continue
        word.append(item)
        following = line[index + 1][0] if index + 1 < len(line) else ""
        if char == "-" and following.isalpha():
            out.append(word)
            word = []
    out.append(word)
    return [w for w in out if w]


def too_narrow(path: Path) -> list[str]:
    """Each table cell word wider than the room its cell leaves it, as text for the failure."""
    doc = docx.Document(str(path))
    reader = Reader(doc)
    faults = []
    for t, tbl in enumerate(doc.element.body.iter(qn("w:tbl"))):
        for r, tr in enumerate(tbl.tr_lst):
            for tc in tr.tc_lst:
                room = int(tc.tcPr.tcW.get(qn("w:w"))) - reader.padding
                for p in tc.p_lst:
                    available = room - reader.indent(p)
                    for line in reader.lines(p):
                        for word in words(line):
                            width = sum(metrics.twips(char, size, bold) for char, bold, size in word)
                            if width > available:
                                text = "".join(item[0] for item in word)
                                faults.append(f"{path.stem} table {t} row {r}: {text!r} is {width:.0f} twips, its cell leaves {available}")
    return faults


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_table_column_is_narrower_than_its_widest_word(example_build, name):
    assert too_narrow(example_build / f"{name}.docx") == []


def test_libreoffice_sets_every_word_whole(example_build, soffice, tmp_path):
    """No word of the LibreOffice PDF is a piece of a word of the .docx ("Resou", "Gree")."""
    sources = [example_build / f"{name}.docx" for name in DOCUMENTS]
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, sources)],
                   check=True, capture_output=True, timeout=400)
    for source in sources:
        text = " ".join(t.text or "" for t in docx.Document(str(source)).element.body.iter(qn("w:t")))
        known = set(re.findall(r"\w+", text)) | {"Page", "of"}
        # a compound broken at its hyphen comes back from pdftotext joined: "co-producing" -> "coproducing"
        known |= {a + b for a, b in re.findall(r"(\w+)-(\w+)", text)}
        pdf = subprocess.run(["pdftotext", str(tmp_path / f"{source.stem}.pdf"), "-"],
                             capture_output=True, text=True, check=True).stdout
        pdf = re.sub(r"(?m)^\s*(?:[a-zA-Z]{1,5}|\d+)\.\s", " ", pdf)  # list labels: "a. ", "ii. ", "3. "
        pieces = {w for w in re.findall(r"\w+", pdf) if w not in known and not w.isdigit()}
        assert pieces == set(), source.name
        if source.stem == "wsoa":
            flat = " ".join(pdf.split())
            assert "Resource required" in flat and re.search(r"\bGreen\b", flat)


def test_example_lists_are_lettered_and_word_does_not_ask_to_update_fields(example_build):
    report = docx.Document(str(example_build / "report-2020-01-21-send-executive-board.docx"))
    numbering = report.part.numbering_part.element
    formats = {lvl.find(qn("w:numFmt")).get(qn("w:val")) for lvl in numbering.iter(qn("w:lvl"))}
    assert "lowerLetter" in formats  # "Members are asked to: a. ... b. ..."
    for name in DOCUMENTS:
        doc = docx.Document(str(example_build / f"{name}.docx"))
        assert doc.settings.element.find(qn("w:updateFields")) is None, name
    wsoa = docx.Document(str(example_build / "wsoa.docx"))
    contents = [p.text for p in wsoa.paragraphs if p.style.name == "TOC 1"]
    assert contents[:2] == ["Foreword", "Introduction"]  # the cached entries read right unopened
