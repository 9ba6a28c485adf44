"""A real client: LibreOffice opens a .docx using every feature and converts it to PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from docx_helpers import png_uri, render, wsoa_table

EVERYTHING = f"""
<h1 class="title" id="top">Testshire SEND WSOA</h1>
<p class="subtitle">Written Statement of Action</p>
<p>Some <strong>bold</strong>, <em>italic</em> and <a href="https://www.gov.uk">linked</a> text.</p>
<table>
  <caption>Key and status</caption>
  <colgroup><col style="width: 30%"><col style="width: 20%"><col style="width: 50%"></colgroup>
  <thead><tr><th>Outcome</th><th>Ref</th><th>Status</th></tr></thead>
  <tbody>
    <tr><td rowspan="3"><strong>1.1</strong> A strategy</td><th>1.1a</th>
        <td style="background-color:#d4351c;color:#ffffff"><strong>Red</strong><br>Nov 2019</td></tr>
    <tr><th>1.1b</th><td style="background-color:#ffbf47;color:#0b0c0c"><strong>Amber</strong></td></tr>
    <tr><th>1.1c</th><td style="background-color:#00703c;color:#ffffff"><strong>Green</strong></td></tr>
    <tr><td colspan="3">Spanning all three columns</td></tr>
  </tbody>
</table>
<nav class="toc new-page"><h2>Contents</h2><ol><li><a href="#intro">Introduction</a></li><li><a href="#ws1">Workstream 1</a></li></ol></nav>
<section class="new-page"><h2 id="intro">Introduction</h2>
<ul><li>one</li><li>two<ol><li>two a</li></ol></li></ul>
<blockquote><p>A quote</p></blockquote>
<figure><img src="{png_uri(300, 150)}" alt="A blue box" width="200"><figcaption>Figure 1</figcaption></figure>
</section>
<section class="landscape"><h2 id="ws1">Workstream 1</h2>{wsoa_table(25)}</section>
<p class="small">Back in portrait. <a href="#top">Top</a></p>
"""


def test_libreoffice_converts_the_docx_to_pdf(tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    source = tmp_path / "everything.docx"
    source.write_bytes(render(EVERYTHING, head='<title>Everything</title>'
                                                '<meta name="wsoagen:running-header" content="Testshire WSOA">'))
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo-profile').as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True, capture_output=True, timeout=120,
    )
    pdf = tmp_path / "everything.pdf"
    assert pdf.exists() and pdf.stat().st_size > 0
    assert pdf.read_bytes().startswith(b"%PDF")
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:  # a picture of page 1, for a person to look at when something seems off
        subprocess.run([pdftoppm, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                       check=True, timeout=60)
        assert any(tmp_path.glob("page*.png"))

