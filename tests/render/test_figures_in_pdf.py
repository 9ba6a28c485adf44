"""Every figure in the example plans' data files and plan.yaml metrics appears in the built PDFs
exactly as written: 28.92 as 28.92, 0.97% as 0.97%, 15.50% as 15.50%, never rounded.

"As written" is read here independently of wsoagen's own reader: a CSV cell's text, an Excel
cell as Excel shows it (its number format's decimals; a percent format times 100), a plan.yaml
number's digits. A percentage must appear with its % sign, so 43% is not found in "page 43". A
data value dated after every document's as-at date is in no document by design, and is skipped.
"""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook
from pypdf import PdfReader

from wsoagen.cli import main
from wsoagen.data.metrics import read_plan
from wsoagen.diagnostics import Diagnostics
from wsoagen.plan.dates import parse_when
from wsoagen.plan.load import load_file

PLANS = sorted(p for p in (Path(__file__).parents[2] / "plans").iterdir() if (p / "plan.yaml").is_file())


def _last_as_at(folder: Path, plan_as_at: date | None) -> date:
    """The latest date any of the plan's documents is as at: the plan's, or a board report's."""
    dates = [plan_as_at] if plan_as_at else []
    for path in sorted((folder / "reports").glob("*.yaml")):
        loaded = load_file(path, str(path), Diagnostics())
        if loaded and isinstance(loaded.data, dict) and loaded.data.get("as_at"):
            dates.append(parse_when(str(loaded.data["as_at"])).start)
    return max(dates) if dates else date.max


def _excel_text(value: float, fmt: str) -> str:
    """A number cell as Excel shows it: 0.155 in "0.00%" -> 15.50; 39 in "General" -> 39."""
    places = len(m.group(1)) if (m := re.search(r"0\.(0+)", fmt)) else None
    shown = value * 100 if "%" in fmt else value
    if places is not None:
        return f"{shown:,.{places}f}"
    return f"{shown:,.0f}" if float(shown).is_integer() else f"{round(shown, 10):,}"


def _rows(folder: Path) -> list[tuple[str, str, str, str]]:
    """(metric id, date text, value as written, where) for every value cell of every data file."""
    found = []
    for path in sorted((folder / "data").glob("*.csv")):
        rows = [r for r in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()) if r and not r[0].startswith("#")]
        head = [h.strip().lower() for h in rows[0]]
        long = "value" in head and "date" in head
        for n, row in enumerate(rows[1:], start=2):
            cells = [(row[head.index("date")], row[head.index("value")])] if long else list(zip(rows[0][1:], row[1:], strict=False))
            found += [(row[0], when, value.strip().removesuffix("%"), f"{path.name} row {n}") for when, value in cells if value.strip()]
    for path in sorted((folder / "data").glob("*.xlsx")):
        for sheet in load_workbook(path).worksheets:
            rows = [r for r in sheet.iter_rows() if r and isinstance(r[0].value, str) and not r[0].value.startswith("#")]
            head = [str(c.value).strip().lower() for c in rows[0]]
            for row in rows[1:]:
                when, cell = row[head.index("date")], row[head.index("value")]
                if isinstance(cell.value, (int, float)):
                    found.append((row[0].value, str(when.value), _excel_text(cell.value, cell.number_format), f"{path.name} {cell.coordinate}"))
    return found


def _written(folder: Path) -> dict[str, str]:
    """Each figure as it must appear (with % for a percentage) -> where it was written."""
    plan, _ = read_plan(folder)
    units = {m.id: m.unit for m in plan.file.metrics}
    last = _last_as_at(folder, plan.file.as_at)
    found: dict[str, str] = {}
    for mid, when, value, where in _rows(folder):
        if parse_when(when).start <= last:
            found.setdefault(value + ("%" if units[mid] == "%" else ""), where)
    for m in plan.file.metrics:
        for name, measure in [("baseline", m.baseline), ("target", m.target), *(("milestone", t) for t in m.interim_targets),
                              *(("comparator", c) for c in m.comparators)]:
            if measure is not None:
                found.setdefault(f"{measure.value.exact:,}" + ("%" if m.unit == "%" else ""), f"plan.yaml {m.id} {name}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("folder", PLANS, ids=[p.name for p in PLANS])
def test_every_figure_appears_in_the_pdf_exactly_as_written(folder, tmp_path):
    assert main(["build", str(folder), "-o", str(tmp_path), "--quiet"]) == 0
    text = " ".join(page.extract_text() or "" for pdf in sorted(tmp_path.rglob("*.pdf")) for page in PdfReader(str(pdf)).pages)
    missing = {figure: where for figure, where in _written(folder).items()
               if not re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|\.\d|,\d)", text)}
    assert not missing, f"figures not in the PDF as written: {missing}"
    _no_judgement_of_monitored_measures(folder, tmp_path)


def _no_judgement_of_monitored_measures(folder: Path, out: Path) -> None:
    """A "monitor only" measure is never said to be on course (or not) in any HTML document: its KPI row and its section."""
    plan, _ = read_plan(folder)
    watched = {m.id for m in plan.file.metrics if m.better == "monitor only"}
    for page in sorted(out.rglob("*.html")):
        tree = lxml_html.fromstring(page.read_text(encoding="utf-8"))
        for mid in watched:
            found = tree.xpath(f'//section[@id="metric-{mid}"] | //section[@aria-labelledby="metric-{mid}"] | //tr[.//a[@href="#metric-{mid}"]]')
            assert found or "accelerated" not in page.name, (page.name, mid)  # the plan document shows every measure
            for el in found:
                assert "on course" not in " ".join(el.text_content().split()).lower(), (page.name, mid)


def test_excel_cells_are_read_as_excel_shows_them():
    assert _excel_text(0.155, "0.00%") == "15.50"
    assert _excel_text(0.0097, "0.00%") == "0.97"
    assert _excel_text(39, "General") == "39"
    assert _excel_text(28.92, "General") == "28.92"
