"""Turn several rendered documents into one board pack: one HTML, hence one PDF.

In: the pack's title and date, and the documents' HTML (report, tracker, WSOA), each complete.
Out: one HTML document with a cover and contents page first, then each document's body in
turn. WeasyPrint then numbers pages through the whole pack and makes PDF bookmarks from the
headings. Ids and internal links are prefixed per document so that they cannot collide.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import html as lxml_html
from markupsafe import escape


@dataclass
class Part:
    title: str
    html: str


def _prefix_ids(body: lxml_html.HtmlElement, prefix: str) -> None:
    for el in body.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", prefix + el.get("id"))
        for attr in ("href", "aria-labelledby"):
            value = el.get(attr)
            if value and attr == "href" and value.startswith("#"):
                el.set(attr, "#" + prefix + value[1:])
            elif value and attr == "aria-labelledby":
                el.set(attr, " ".join(prefix + v for v in value.split()))


def combine(title: str, subtitle: str, created: str, parts: list[Part]) -> str:
    """One HTML document holding every part, after a cover and a contents page."""
    styles: list[str] = []
    bodies: list[str] = []
    for n, part in enumerate(parts, start=1):
        doc = lxml_html.document_fromstring(part.html)
        for style in doc.iter("style"):
            if style.text and style.text not in styles:
                styles.append(style.text)
        body = doc.find("body")
        _prefix_ids(body, f"part{n}-")
        inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
        bodies.append(f'<div class="pack-part new-page" id="part{n}">{inner}</div>')
    contents = "".join(
        f'<li><a href="#part{n}-top">{escape(part.title)}</a></li>' for n, part in enumerate(parts, start=1))
    style = "\n".join(styles)
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<meta name="dcterms.created" content="{escape(created)}">
<meta name="dcterms.modified" content="{escape(created)}">
<style>
{style}
</style>
</head>
<body>
<header class="cover pack-cover" role="banner">
  <h1 class="title" id="top">{escape(title)}</h1>
  <p class="subtitle">{escape(subtitle)}</p>
</header>
<nav class="toc new-page" aria-labelledby="pack-contents">
  <h2 id="pack-contents">Contents of this pack</h2>
  <ol>{contents}</ol>
</nav>
{"".join(bodies)}
</body>
</html>
"""
