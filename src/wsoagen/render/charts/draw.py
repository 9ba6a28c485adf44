"""Draw Vega-Lite specs as SVG (PDF, HTML) and PNG (Word), cached by content.

In: a chart's layers and size (`spec`), then the spec (`ChartRenderer.draw`). Out: the SVG
text and PNG bytes vl-convert draws, and a key: a hash of the spec, the Vega-Lite and
vl-convert versions and the font files, under which `cache_dir` keeps the drawing, so an
unchanged chart is not redrawn. Every chart is `WIDTH` px wide overall, the width the figure
macro gives it, so its text prints at the size it was set in and is never scaled down. Text
is in Liberation Sans, registered from the package's own fonts (wsoagen/fonts/), not
whatever a machine has. Specs carry their data inline and may fetch nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import Any

from wsoagen.files import Refused, read_inside
from wsoagen.render.charts import text
from wsoagen.render.charts.text import FONT, FONT_DIR, font_fingerprint

VL_VERSION = "6.4"  # the Vega-Lite the specs are written for, pinned: a vl-convert upgrade keeps its meaning
WIDTH = 620  # px: the figure macro's image width
SIZE = 11  # px: axis labels, legend labels and titles
SMALL = 10  # px: notes inside the plot (the as-at label)
INK, MUTED, GRID = "#0b0c0c", "#505a5f", "#dddddd"

CONFIG: dict[str, Any] = {
    "font": FONT,
    "background": "white",
    "view": {"stroke": None},
    "axis": {
        "labelFont": FONT, "titleFont": FONT, "labelFontSize": SIZE, "titleFontSize": SIZE,
        "labelColor": INK, "titleColor": INK, "gridColor": GRID, "tickColor": MUTED, "domainColor": MUTED,
        "labelOverlap": False,  # a hidden label stays in the SVG as invisible text: ticks are chosen to fit instead
        "labelLimit": WIDTH,  # long labels are wrapped, never cut short with an ellipsis
    },
    "legend": {
        "labelFont": FONT, "titleFont": FONT, "labelFontSize": SIZE, "titleFontSize": SIZE,
        "labelColor": INK, "titleColor": INK, "labelLimit": WIDTH, "titleLimit": WIDTH,
        "orient": "bottom", "direction": "horizontal", "symbolStrokeWidth": 1.5,
    },
    "text": {"font": FONT, "fontSize": SMALL},
}


def spec(layers: list[dict[str, Any]], height: int, **top: Any) -> dict[str, Any]:
    """A layered chart `WIDTH` px wide overall (axes and legend included) with a plot `height` px high."""
    return {"width": WIDTH, "height": height, "autosize": {"type": "fit-x", "contains": "padding"},
            "padding": 5, "config": CONFIG, "layer": layers, **top}


SYMBOL_ROOM = 24  # px a legend entry takes besides its words: the symbol and the gap after it
COLUMN_GAP = 16  # px between legend columns


def legend(words: list[str], values: list[str], room: float, title: str | None = None) -> dict[str, Any]:
    """A legend below the plot whose entries (`values`, in order) read `words`: all on one line if
    they fit the `room` px from the plot's left edge to the chart's right, else in as many equal
    columns as fit, each entry's words wrapped to the room there is."""
    room -= 10  # the chart's padding and a margin
    lines = [text.wrap(w, room - SYMBOL_ROOM, SIZE) for w in words]
    widths = [max(text.width(line, SIZE) for line in entry) + SYMBOL_ROOM for entry in lines]
    columns = len(values)
    if sum(widths) + COLUMN_GAP * (len(widths) - 1) > room:
        columns = max(1, min(len(values), int((room + COLUMN_GAP) // (max(widths, default=0) + COLUMN_GAP))))
    return {"title": title, "columns": columns, "labelExpr": text.lookup(dict(zip(values, lines, strict=True))),
            "values": values, "columnPadding": COLUMN_GAP}


@dataclass
class Chart:
    """A drawn chart and what a reader without sight of it needs."""

    key: str
    svg: str
    png: bytes
    alt: str
    caption: str
    table_head: list[str]
    table_rows: list[list[str]] = field(default_factory=list)

    @property
    def svg_uri(self) -> str:
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode("utf-8")).decode("ascii")

    @property
    def png_uri(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.png).decode("ascii")


class ChartRenderer:
    """Draws Vega-Lite specs with vl-convert, reusing earlier drawings from `cache_dir`."""

    def __init__(self, cache_dir: Path | None):
        self.cache_dir = cache_dir
        self.drawn = 0  # charts actually rendered (not from cache), for the build summary

    @staticmethod
    def _converter() -> Any:
        import vl_convert as vlc

        global _FONTS_REGISTERED
        if not _FONTS_REGISTERED:
            vlc.register_font_directory(str(FONT_DIR))
            _FONTS_REGISTERED = True
        return vlc

    @staticmethod
    def key(chart_spec: dict[str, Any]) -> str:
        blob = json.dumps(chart_spec, sort_keys=True, separators=(",", ":"))
        stamp = f"{version('vl-convert-python')}\n{VL_VERSION}\n{font_fingerprint()}\n{blob}"
        return hashlib.sha256(stamp.encode()).hexdigest()[:24]

    def draw(self, chart_spec: dict[str, Any]) -> tuple[str, str, bytes]:
        """(key, svg, png) for a spec."""
        key = self.key(chart_spec)
        if self.cache_dir:
            svg_path, png_path = self.cache_dir / f"{key}.svg", self.cache_dir / f"{key}.png"
            try:  # only files of the cache: a link out of it (the output folder may be committed) is drawn afresh
                if os.path.lexists(svg_path) and os.path.lexists(png_path):
                    svg = read_inside(svg_path, self.cache_dir, 1 << 26).decode("utf-8")
                    return key, svg, read_inside(png_path, self.cache_dir, 1 << 26)
            except (Refused, UnicodeDecodeError):
                pass
        vlc = self._converter()
        svg = vlc.vegalite_to_svg(chart_spec, vl_version=VL_VERSION, allowed_base_urls=[])
        png = vlc.vegalite_to_png(chart_spec, vl_version=VL_VERSION, scale=2, allowed_base_urls=[])
        self.drawn += 1
        if self.cache_dir:
            from wsoagen.output import write_atomic

            write_atomic(self.cache_dir / f"{key}.svg", svg.encode("utf-8"))
            write_atomic(self.cache_dir / f"{key}.png", png)
        return key, svg, png


_FONTS_REGISTERED = False  # vl-convert's font list is per process
