"""The PDF's font ships with wsoagen: the same font on every machine, whatever fontconfig has."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pikepdf

SCRIPT = textwrap.dedent("""
    import sys
    from datetime import date
    from pathlib import Path
    from wsoagen.render.pdf import html_to_pdf
    html = ('<html lang="en"><head><title>t</title></head><body style="font-family: \\'Liberation Sans\\', sans-serif">'
            '<p>Plain <b>bold</b> <i>italic</i> <b><i>both</i></b></p></body></html>')
    Path(sys.argv[1]).write_bytes(html_to_pdf(html, Path(sys.argv[2]), [], date(2020, 1, 1)))
""")


def font_names(pdf: Path) -> set[str]:
    with pikepdf.open(pdf) as doc:
        return {str(font.BaseFont).split("+", 1)[-1] for page in doc.pages for font in page.Resources.Font.values()}


def test_pdf_uses_the_packaged_fonts_on_a_machine_without_them(tmp_path: Path):
    # A fontconfig with no font folders at all: only the packaged @font-face fonts can be used.
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><fontconfig><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>\n')
    out = tmp_path / "out.pdf"
    env = {"FONTCONFIG_FILE": str(conf), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-W", "ignore", "-c", SCRIPT, str(out), str(tmp_path)], check=True, env=env)
    assert font_names(out) == {"Liberation-Sans", "Liberation-Sans-Bold", "Liberation-Sans-Italic", "Liberation-Sans-Bold-Italic"}
