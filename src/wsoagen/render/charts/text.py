"""Text in the charts' font: how wide a string is, lines wrapped to a width, labels for Vega.

In: a string, a font size in px, bold or not. Out: its advance width in px, read from the
Liberation Sans files the package ships (wsoagen/fonts/, the font the charts are drawn in;
kerning is ignored, so the width is if anything a little more than drawn); or the string
broken at spaces into lines that each fit a width. `lookup` writes a Vega expression that
turns an axis value into the label we worded for it, so tick labels come from `data.wording`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = "Liberation Sans"
FONT_DIR = Path(str(files("wsoagen") / "fonts"))
_FILES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}


@cache
def _advances(bold: bool) -> tuple[dict[int, int], int, int]:
    """Advance width per code point, units per em, and the width of a missing glyph."""
    font = TTFont(FONT_DIR / _FILES[bold], lazy=True)
    metrics = font["hmtx"].metrics
    widths = {cp: metrics[name][0] for cp, name in font.getBestCmap().items()}
    return widths, font["head"].unitsPerEm, metrics[".notdef"][0]


def width(text: str, size: float, bold: bool = False) -> float:
    """The advance width of `text` in px at font size `size`."""
    widths, per_em, missing = _advances(bold)
    return sum(widths.get(ord(ch), missing) for ch in text) * size / per_em


def wrap(text: str, limit: float, size: float, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines no wider than `limit` px; a word wider than that on its
    own is broken between letters (the words are unchanged: only where the lines end)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if width(candidate, size, bold) <= limit:
            line = candidate
            continue
        if line:
            lines.append(line)
        pieces = _pieces(word, limit, size, bold)
        lines += pieces[:-1]
        line = pieces[-1]
    if line:
        lines.append(line)
    return lines or [""]


def _pieces(word: str, limit: float, size: float, bold: bool) -> list[str]:
    """A word in pieces that each fit `limit` px (at least one letter each)."""
    pieces, piece = [], ""
    for ch in word:
        if piece and width(piece + ch, size, bold) > limit:
            pieces.append(piece)
            piece = ""
        piece += ch
    return [*pieces, piece]


@cache
def font_fingerprint() -> str:
    """A hash of the font files, part of each chart's cache key: other fonts, other drawings."""
    digest = hashlib.sha256()
    for path in sorted(FONT_DIR.glob("*.ttf")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def js_key(value: float | str) -> str:
    """A value as JavaScript writes it as an object key: 20 (not 20.0), 2.5, a string as it is."""
    if isinstance(value, str):
        return value
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def lookup(labels: Mapping[float, str | list[str]] | Mapping[str, str | list[str]], field: str = "datum.value") -> str:
    """A Vega expression mapping a value to its label (a list of strings draws one line each)."""
    table = json.dumps({js_key(k): v for k, v in labels.items()}, sort_keys=True)
    return f"{table}[{field}]"
