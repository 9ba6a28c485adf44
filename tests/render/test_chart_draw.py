"""Drawing: the package's own font, byte-identical drawings run to run whatever the machine's
time zone, inline data only, and a cache key that changes with what changes a drawing."""

import hashlib
import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest

from conftest import EXAMPLE
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import charts
from wsoagen.render.charts import draw, text

AS_AT = date(2020, 1, 14)

# Draws every chart of the example in a fresh process and prints a hash of each SVG and PNG.
DRAW_ALL = f"""
import hashlib, json
from datetime import date
from pathlib import Path
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import charts
plan, _ = read_plan(Path({str(EXAMPLE)!r}))
as_at = date.fromisoformat({AS_AT.isoformat()!r})
figures = charts.draw_all(plan, status.summary(plan, as_at), as_at, charts.ChartRenderer(None))
drawn = [figures.status, figures.timeline, *(v.chart for v in figures.metrics)]
print(json.dumps([[hashlib.sha256(c.svg.encode()).hexdigest(), hashlib.sha256(c.png).hexdigest()] for c in drawn]))
"""


def _hashes(tz: str) -> list[list[str]]:
    done = subprocess.run([sys.executable, "-c", DRAW_ALL], capture_output=True, text=True, check=True, timeout=300,
                          env={**os.environ, "TZ": tz})
    return json.loads(done.stdout)


@pytest.mark.slow  # two fresh processes draw every chart: about 10 s
def test_drawings_are_byte_identical_run_to_run_in_any_time_zone():
    plan, _ = read_plan(EXAMPLE)
    figures = charts.draw_all(plan, status.summary(plan, AS_AT), AS_AT, charts.ChartRenderer(None))
    here = [[hashlib.sha256(c.svg.encode()).hexdigest(), hashlib.sha256(c.png).hexdigest()]
            for c in [figures.status, figures.timeline, *(v.chart for v in figures.metrics)]]
    assert _hashes("America/Los_Angeles") == here
    assert _hashes("Pacific/Kiritimati") == here  # UTC+14: a date at midnight UTC would be the next day here


def test_text_is_in_the_shipped_liberation_sans(monkeypatch, tmp_path):
    import vl_convert

    registered = []
    monkeypatch.setattr(draw, "_FONTS_REGISTERED", False)
    monkeypatch.setattr(vl_convert, "register_font_directory", registered.append)
    plan, _ = read_plan(EXAMPLE)
    chart = charts.status_chart(status.summary(plan, AS_AT), charts.ChartRenderer(tmp_path))
    assert registered == [str(text.FONT_DIR)]  # the package's fonts, not the system's
    assert set(re.findall(r'font-family="([^"]+)"', chart.svg)) == {"Liberation Sans"}
    assert chart.png.startswith(b"\x89PNG")


def test_specs_fetch_nothing(tmp_path):
    spec = {"data": {"url": "https://example.org/data.csv"}, "mark": "point"}
    with pytest.raises(ValueError, match="not allowed"):
        charts.ChartRenderer(tmp_path).draw(spec)


def test_the_cache_key_covers_the_fonts(monkeypatch):
    spec = draw.spec([], 100)
    before = charts.ChartRenderer.key(spec)
    monkeypatch.setattr(draw, "font_fingerprint", lambda: "other fonts")
    assert charts.ChartRenderer.key(spec) != before


def test_every_chart_is_as_wide_as_the_figure_that_prints_it():
    assert draw.spec([], 100)["width"] == charts.WIDTH == 620
    assert draw.spec([], 100)["autosize"] == {"type": "fit-x", "contains": "padding"}
