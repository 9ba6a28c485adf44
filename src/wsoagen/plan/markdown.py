"""Turn Markdown from plan files into the HTML subset, safely.

Plan text is untrusted: raw HTML is shown as text, images are refused (they would make the
renderer fetch something), and links may only point to http(s), mailto or #anchors: validation
reports any other, and `to_html` leaves it as text whatever validation said (a `javascript:`,
`file:` or relative link never becomes an <a>). Links carry no `title` attribute (a title is
read by few and its quotes are one more way out of an attribute).
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
# Raw HTML that would do something if it were rendered: reported, since the reader would see it as text.
_RAW_TAG = re.compile(r"<\s*(img|object|embed|iframe|link|a|script|style|form|svg|math|base|meta)\b", re.I)
_render.validateLink = lambda url: bool(_SAFE_LINK.match(url))  # markdown-it's own refuses only javascript:, vbscript:, file:, data:


def _link_open(self, tokens, idx, options, env) -> str:
    tokens[idx].attrs.pop("title", None)
    return self.renderToken(tokens, idx, options, env)


_render.add_render_rule("link_open", _link_open)
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
        elif token.type in ("html_inline", "html_block") and _RAW_TAG.search(token.content):
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
