"""Join rendered documents: appendices into a report, and a meeting's documents into one board pack.

In: complete HTML documents (a report, the recommendations tracker, the WSOA) as the templates
wrote them. Out: HTML again, for WeasyPrint (and, for a report with appendices, the Word writer).

- `embed` turns a whole document into a fragment to attach to another: its cover dropped, its
  headings one level down, its ids prefixed so that they cannot collide.
- `attach` puts such fragments where a report template left `<div data-attach="B">`.
- `combine` makes the board pack: a front sheet (the meeting, its date, time and venue, and the
  items, each numbered and marked public or exempt), a contents page listing every item and
  the appendices each carries (elements with `data-appendix="<its contents line>"`), and ONE
  explanation of the status and resource keys: each document's key section (the section headed
  by the id `keys`) is taken out, the first one found goes after the contents, and links to the
  others lead there. Ids and internal links are prefixed per item. WeasyPrint numbers the pages
  through the whole pack and makes PDF bookmarks from the headings.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import date

from lxml import html as lxml_html
from markupsafe import escape

from wsoagen.data.wording import count, long_date, weekday_date

KEYS_ID = "keys"  # the id of the heading of a document's key section
PACK_KEYS = "pack-keys"
HEADINGS = ("h1", "h2", "h3", "h4")

# After the documents' own CSS. Every page of a pack but the front sheet is numbered, item covers
# included: the contents and the clerk's agenda cite them ("Item 2, page 33").
PACK_CSS = """
@page :nth(1 of part) {
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 9pt "Liberation Sans", Arial, sans-serif; color: #505a5f; }
}
table.pack-meeting { width: 100%; margin-top: 20mm; font-size: 12pt; }
table.pack-meeting th { width: 25%; background: #f3f2f1; }
table.pack-items { margin-top: 8mm; }
nav.pack-contents ol ol { padding-left: 14pt; }
p.pack-item { font-weight: bold; font-size: 11pt; border: 1pt solid #0b0c0c; padding: 3pt 6pt; margin: 0 0 6pt; }
p.pack-item.exempt { background: #0b0c0c; color: #ffffff; }
"""


@dataclass
class Meeting:
    """The meeting a pack is for, as its front sheet gives it."""

    board: str
    local_area: str
    date: date
    time: str | None = None
    venue: str | None = None


@dataclass
class Part:
    """One item of the pack: its contents title, its complete HTML, and whether it is exempt."""

    title: str
    html: str
    exempt: bool = False

    @property
    def marking(self) -> str:
        return "Exempt: not for publication" if self.exempt else "Public"


# ---------------------------------------------------------------- ids and fragments


def _prefix_ids(root: lxml_html.HtmlElement, prefix: str) -> None:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el.get("id"):
            el.set("id", prefix + el.get("id"))
        href = el.get("href")
        if href and href.startswith("#"):
            el.set("href", "#" + prefix + href[1:])
        if el.get("aria-labelledby"):
            el.set("aria-labelledby", " ".join(prefix + v for v in el.get("aria-labelledby").split()))


def _demote(root: lxml_html.HtmlElement) -> None:
    """Every heading one level down (h4 stays h4: the documents use no deeper level)."""
    for el in root.iter(*HEADINGS):
        el.tag = HEADINGS[min(HEADINGS.index(el.tag) + 1, len(HEADINGS) - 1)]


def embed(document: str, prefix: str) -> str:
    """The content of a whole document to attach inside another: what its <main> holds (its cover
    left out), headings one level down, ids prefixed with `prefix`."""
    doc = lxml_html.document_fromstring(document)
    body = doc.find("body")
    main = body.find(".//main")
    container = main if main is not None else body
    _prefix_ids(container, prefix)
    _demote(container)
    return "".join(lxml_html.tostring(child, encoding="unicode") for child in container)


def attach(document: str, attachments: dict[str, str]) -> str:
    """`document` with each `<div data-attach="KEY">` replaced by the fragment `attachments[KEY]`."""
    if not attachments:
        return document
    doc = lxml_html.document_fromstring(document)
    for slot in doc.xpath("//div[@data-attach]"):
        fragment = attachments.get(slot.get("data-attach"))
        if fragment is None:
            continue
        parent = slot.getparent()
        at = parent.index(slot)
        for offset, el in enumerate(lxml_html.fragments_fromstring(fragment)):
            if isinstance(el, str):  # text between elements: there is none in rendered HTML
                continue
            parent.insert(at + offset, el)
        parent.remove(slot)
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")


# ---------------------------------------------------------------- the pack


def _key_section(body: lxml_html.HtmlElement, key_id: str) -> lxml_html.HtmlElement | None:
    """The section whose heading (or which itself) carries `key_id`."""
    found = body.get_element_by_id(key_id, None)
    if found is None:
        return None
    return found if found.tag == "section" else next((a for a in found.iterancestors("section")), found)


@dataclass
class _Item:
    """An item as the pack holds it: its body, the ids of its key section (taken out), its appendices."""

    body: str
    removed: list[str]
    appendices: list[tuple[str, str]]  # (contents line, id)


def _item(part: Part, n: int, keys: list[lxml_html.HtmlElement], styles: list[str]) -> _Item:
    """Item n (prefixed ids, its key section taken out into `keys`, its styles added to `styles`)."""
    doc = lxml_html.document_fromstring(part.html)
    for style in doc.iter("style"):
        if style.text and style.text not in styles:
            styles.append(style.text)
    body = doc.find("body")
    prefix = f"part{n}-"
    _prefix_ids(body, prefix)
    removed = []
    section = _key_section(body, prefix + KEYS_ID)
    if section is not None:
        removed = [el.get("id") for el in section.iter() if isinstance(el.tag, str) and el.get("id")]
        keys.append(copy.deepcopy(section))
        section.getparent().remove(section)
    appendices = [(el.get("data-appendix"), el.get("id")) for el in body.iter()
                  if isinstance(el.tag, str) and el.get("data-appendix") and el.get("id")]
    mark = "pack-item exempt" if part.exempt else "pack-item"
    banner = f'<p class="{mark}">Item {n} · {escape(part.marking)}</p>'
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in body)
    return _Item(f'<div class="pack-part new-page" id="part{n}">{banner}{inner}</div>', removed, appendices)


def _retarget(html: str, removed: set[str]) -> str:
    """Links to a key section that was taken out lead to the pack's one key instead."""
    for rid in sorted(removed, key=len, reverse=True):
        html = html.replace(f'href="#{rid}"', f'href="#{PACK_KEYS}"')
    return html


def _keys_html(keys: list[lxml_html.HtmlElement]) -> str:
    """The pack's one key section: the first document's key, under its own heading."""
    if not keys:
        return ""
    source = keys[0]
    for el in list(source):
        if isinstance(el.tag, str) and el.tag in HEADINGS:
            source.remove(el)
            break
    for el in source.iter():
        if isinstance(el.tag, str) and el.get("id"):
            del el.attrib["id"]
    inner = "".join(lxml_html.tostring(child, encoding="unicode") for child in source)
    return (f'<section class="pack-keys" aria-labelledby="{PACK_KEYS}">\n'
            f'  <h2 id="{PACK_KEYS}">How to read the status and resource columns</h2>\n{inner}\n</section>')


def _front_sheet(meeting: Meeting, parts: list[Part]) -> str:
    rows = [("Meeting", meeting.board), ("Date", weekday_date(meeting.date)), ("Time", meeting.time), ("Venue", meeting.venue)]
    facts = "".join(f'<tr><th scope="row">{k}</th><td>{escape(v)}</td></tr>' for k, v in rows if v)
    items = "".join(f'<tr><th scope="row">{n}</th><td>{escape(p.title)}</td><td>{escape(p.marking)}</td></tr>'
                    for n, p in enumerate(parts, start=1))
    exempt = sum(p.exempt for p in parts)
    summary = f"{count(len(parts), 'item')}, {'all public' if not exempt else f'{exempt} exempt'}"
    return f"""<header class="cover pack-cover" role="banner">
  <p class="cover-area">{escape(meeting.local_area)}</p>
  <h1 class="title" id="top">{escape(meeting.board)}</h1>
  <p class="subtitle">Board pack for the meeting on {escape(weekday_date(meeting.date))}</p>
  <table class="pack-meeting">
    <caption>The meeting</caption>
    <colgroup><col style="width: 25%"><col style="width: 75%"></colgroup>
    <tbody>{facts}</tbody>
  </table>
  <table class="pack-items">
    <caption>Items: {escape(summary)}</caption>
    <colgroup><col style="width: 10%"><col style="width: 62%"><col style="width: 28%"></colgroup>
    <thead><tr><th scope="col">Item</th><th scope="col">Title</th><th scope="col">Public or exempt</th></tr></thead>
    <tbody>{items}</tbody>
  </table>
</header>"""


def _contents(parts: list[Part], items: list[_Item], has_keys: bool) -> str:
    lines = []
    if has_keys:
        lines.append(f'<li><a href="#{PACK_KEYS}">How to read the status and resource columns</a></li>')
    for n, (part, item) in enumerate(zip(parts, items, strict=True), start=1):
        appendices = "".join(f'<li><a href="#{aid}">{escape(title)}</a></li>' for title, aid in item.appendices)
        nested = f"<ol>{appendices}</ol>" if appendices else ""
        lines.append(f'<li><a href="#part{n}-top">Item {n}: {escape(part.title)} ({escape(part.marking)})</a>{nested}</li>')
    return f"""<nav class="toc pack-contents new-page" aria-labelledby="pack-contents">
  <h2 id="pack-contents">Contents</h2>
  <ol>{"".join(lines)}</ol>
</nav>"""


def combine(meeting: Meeting, parts: list[Part], created: str) -> str:
    """One HTML document: the front sheet, the contents and the key, then each item in turn."""
    styles: list[str] = []
    keys: list[lxml_html.HtmlElement] = []
    items = [_item(part, n, keys, styles) for n, part in enumerate(parts, start=1)]
    removed = {rid for item in items for rid in item.removed}
    title = f"{meeting.board}, {long_date(meeting.date)}: board pack"
    style = "\n".join([*styles, PACK_CSS])
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
{_front_sheet(meeting, parts)}
{_contents(parts, items, bool(keys))}
{_keys_html(keys)}
{_retarget("".join(item.body for item in items), removed)}
</body>
</html>
"""
