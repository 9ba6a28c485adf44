"""subset: what is outside the HTML subset is refused, with the tag, the line and a snippet."""

from __future__ import annotations

import pytest
from docx_helpers import REFERENCE, png_uri, render

from wsoagen.render.docx import UnsupportedHtml, html_to_docx


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<p>x</p><script>alert(1)</script>", r"<script> is not in the wsoagen HTML subset.*<script>alert"),
        ('<iframe src="https://example.org"></iframe>', r"<iframe> is not in the wsoagen HTML subset"),
        ('<figure><img src="http://example.org/a.png" alt="a"></figure>', r"<img> src must be a data: URI"),
        ('<figure><img src="file:///etc/passwd" alt="a"></figure>', r"<img> src must be a data: URI.*file:///etc/passwd"),
        ("<dl><dt>Term</dt><dd>Meaning</dd></dl>", r"<dl> is not in the wsoagen HTML subset"),
        ("<p>a <u>b</u></p>", r"<u> is not in"),
        ('<p><a href="javascript:alert(1)">x</a></p>', r"<a> href must be"),
        ('<p style="color:red">x</p>', r"<p> style property 'color'"),
        ('<table><tr><td style="background-color:red">x</td></tr></table>', r"<td> colour 'red' must be #rrggbb"),
        (f'<figure><img src="{png_uri()}"></figure>', r"<img> needs an alt attribute"),
        ("<ul><li><table><tr><td>x</td></tr></table></li></ul>", r"<table> is not allowed inside"),
        ("<h5>Deep</h5>", r"<h5> is not in"),
        ('<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="g"></figure>', r"PNG or JPEG"),
    ],
)
def test_outside_the_subset_is_refused(body, message):
    with pytest.raises(UnsupportedHtml, match=message):
        render(body)


def test_script_in_head_is_refused():
    with pytest.raises(UnsupportedHtml, match="<script>"):
        html_to_docx('<html><head><script src="x.js"></script></head><body><p>x</p></body></html>', REFERENCE)


def test_error_names_the_line():
    with pytest.raises(UnsupportedHtml, match=r"<iframe> .* at line 3"):
        html_to_docx("<html><body>\n<p>x</p>\n<iframe></iframe></body></html>", REFERENCE)

