"""Cut a cell's content between two characters, keeping its structure.

In: an element (lxml) and a range of its characters, white space not counted (the count a
laid-out line gives). Out: `cut(element, start, end)`, a copy holding just those characters in
copies of the elements around them. What is cut in two is marked: `wsoagen-head` for the part
that goes on (no bottom margin), `wsoagen-rest` for the part that ends it (no top margin, and a
list item no second bullet); a cut <ol> numbers on.
"""

from __future__ import annotations

from lxml import html as lxml_html

from wsoagen.render.paginate.grid import number


def chars(text: str | None) -> int:
    return sum(not c.isspace() for c in text or "")


def cut(element, start: int, end: int, at: int = 0):
    """A copy of `element` with only its characters [start, end) (white space not counted; `at`
    is the count before it), or None if it has none of them. Copies holding the end of something
    cut are marked wsoagen-rest (no bullet, no top margin), the start of something cut wsoagen-head."""
    size = chars("".join(element.itertext()))
    if not (at < end and at + size > start) and not (size == 0 and start <= at < end):
        return None
    copy_ = lxml_html.Element(element.tag, dict(element.attrib))
    if at < start:
        copy_.attrib.pop("id", None)
        add_class(copy_, "wsoagen-rest")
    if at + size > end:
        add_class(copy_, "wsoagen-head")
    copy_.text = _text_part(element.text, start - at, end - at)
    pos = at + chars(element.text)
    first_item = None
    for child in element:
        if isinstance(child.tag, str):
            part = cut(child, start, end, pos)
            pos += chars("".join(child.itertext()))
            if part is not None:
                first_item = child if first_item is None else first_item
                copy_.append(part)
        tail = _text_part(child.tail, start - pos, end - pos)
        pos += chars(child.tail)
        _append_text(copy_, tail)
    if at + size > end:  # cut inside: no space at the end (a line ending in one may wrap early)
        if len(copy_):
            copy_[-1].tail = copy_[-1].tail.rstrip() if copy_[-1].tail else copy_[-1].tail
        elif copy_.text:
            copy_.text = copy_.text.rstrip()
    if element.tag == "ol" and first_item is not None:
        items = [li for li in element if li.tag == "li"]
        if first_item in items and items.index(first_item):
            copy_.set("start", str(number(element, "start") + items.index(first_item)))
    return copy_


def _text_part(text: str | None, start: int, end: int) -> str | None:
    """The part of `text` from its start-th to (not including) its end-th non-space character;
    white space where it is cut goes (a line ending in a space can wrap where the whole did not)."""
    if not text:
        return text
    where = [i for i, c in enumerate(text) if not c.isspace()]
    if not where:
        return text if start <= 0 < end else None
    begin = 0 if start <= 0 else (where[start] if start < len(where) else len(text))
    stop = len(text) if end >= len(where) else (where[end - 1] + 1 if end > 0 else 0)
    return text[begin:stop] if begin < stop else None


def _append_text(element, text: str | None) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def add_class(element, name: str):
    element.set("class", " ".join([*(element.get("class") or "").split(), name]))
    return element


def lead_in_ends(cell) -> set[int]:
    """Where, counting characters as `cut` does, each paragraph of the cell that introduces a
    list (a <p> just before a <ul> or <ol>, such as "Impact") ends."""
    ends: set[int] = set()

    def end_of(element, at: int) -> int:
        pos = at + chars(element.text)
        for child in element:
            if isinstance(child.tag, str):
                end = end_of(child, pos)
                after = child.getnext()
                if child.tag == "p" and after is not None and after.tag in ("ul", "ol"):
                    ends.add(end)
                pos = end
            pos += chars(child.tail)
        return pos

    end_of(cell, 0)
    return ends
