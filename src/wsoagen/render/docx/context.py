"""Where the content being walked goes, and what it may be.

In: nothing; the writer makes a `Ctx` for the body, each list item, table cell and quote.
Out: the target element (None for the document body), the block tags allowed there, the
default paragraph style, the inherited run formatting, and the open list item, if any.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from wsoagen.render.docx.inline import Fmt


@dataclass
class Item:
    """A list item: its first paragraph carries the bullet/number, the rest continue it."""

    style: str
    cont_style: str
    num_id: int | None
    used: bool = False


@dataclass
class Ctx:
    container: etree._Element | None  # None: the document body (before its sectPr)
    blocks: frozenset[str]  # block tags allowed here
    para_style: str = "Normal"
    fmt: Fmt = field(default_factory=Fmt)
    item: Item | None = None
    level: int = 0  # list nesting depth
