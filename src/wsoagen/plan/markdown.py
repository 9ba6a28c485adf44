"""Turn Markdown from plan files into the HTML subset, safely.

Plan text is untrusted: raw HTML is shown as text, images are refused (they would make the
renderer fetch something), and links may only point to http(s), mailto or #anchors.
`problems(text)` lists what is not allowed (validation reports them at the field's position);
`to_html(text)` renders what is allowed.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markupsafe import Markup

_render = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).disable("image")
_inspect = MarkdownIt("commonmark", {"html": True})
_SAFE_LINK = re.compile(r"^(?:https?://|mailto:|#)", re.I)
# Links markdown-it itself refuses (file:, data:, javascript:) never become tokens: catch them here.
_UNSAFE_TARGET = re.compile(r"\]\(\s*<?((?!https?://|mailto:|#)[a-z][a-z0-9+.-]*:[^)\s>]*)", re.I)


def problems(text: str) -> list[str]:
    """What in `text` may not appear in a published document, in plain words."""
    found: list[str] = []
    for token in _walk(_inspect.parse(text)):
        if token.type == "image":
            found.append(f'images are not allowed in plan text ("{token.attrs.get("src", "")}"): charts come from metrics')
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            if not _SAFE_LINK.match(href):
                found.append(f'links may only go to http(s) or mailto addresses, not "{href}"')
        elif token.type in ("html_inline", "html_block") and re.search(r"<\s*(img|object|embed|iframe|link|a\b[^>]*rel)", token.content, re.I):
            found.append("HTML tags are shown as text, not rendered: write Markdown instead")
    for url in _UNSAFE_TARGET.findall(text):
        message = f'links may only go to http(s) or mailto addresses, not "{url}"'
        if message not in found:
            found.append(message)
    return found


def _walk(tokens):
    for token in tokens:
        yield token
        if token.children:
            yield from _walk(token.children)


def to_html(text: str | None) -> Markup:
    """Markdown -> HTML subset (paragraphs, emphasis, lists, links); raw HTML is escaped."""
    if not text:
        return Markup("")
    return Markup(_render.render(text).strip())


def to_inline_html(text: str | None) -> Markup:
    """Markdown for a single line (a title or a table cell of one paragraph): no <p> wrapper."""
    if not text:
        return Markup("")
    return Markup(_render.renderInline(text))
