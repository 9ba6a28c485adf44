"""Every figure in the example plans' data files and plan.yaml metrics appears in the built PDF
exactly as written: 28.92 as 28.92, 0.97% as 0.97, 15.50% as 15.50, never rounded."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from wsoagen.cli import main
from wsoagen.data.metrics import read_plan

PLANS = sorted(p for p in (Path(__file__).parents[2] / "plans").iterdir() if (p / "plan.yaml").is_file())


def _written(folder: Path) -> dict[str, str]:
    """Each figure as written -> where: CSV cells as their text, Excel cells as Excel shows them,
    plan.yaml figures as their digits."""
    found: dict[str, str] = {}
    for path in sorted((folder / "data").glob("*.csv")):
        rows = [r for r in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()) if r and not r[0].startswith("#")]
        head = [h.strip().lower() for h in rows[0]]
        columns = [head.index("value")] if "value" in head and "date" in head else range(1, len(head))
        for n, row in enumerate(rows[1:], start=2):
            for c in columns:
                if c < len(row) and row[c].strip():
                    found[row[c].strip().removesuffix("%")] = f"{path.name} row {n}"
    for path in sorted((folder / "data").glob("*.xlsx")):
        found.update(_shown_in_excel(path))
    plan, _ = read_plan(folder)
    for m in plan.file.metrics:
        for name, measure in [("baseline", m.baseline), ("target", m.target), *(("milestone", t) for t in m.interim_targets),
                              *(("comparator", c) for c in m.comparators)]:
            if measure is not None:
                found.setdefault(f"{measure.value.exact:,}", f"plan.yaml {m.id} {name}")
    return found


def _shown_in_excel(path: Path) -> dict[str, str]:
    """Each number cell of a workbook as Excel shows it: a percent-formatted 0.155 in "0.00%" is 15.50."""
    book = load_workbook(path)
    shown = {}
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=1):
            for cell in row:
                if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                    fmt = cell.number_format
                    places = len(m.group(1)) if (m := re.search(r"0\.(0+)", fmt)) else None
                    value = cell.value * 100 if "%" in fmt else cell.value
                    text = f"{value:,.{places}f}" if places is not None else (f"{value:,.0f}" if "%" in fmt else f"{value:,}")
                    shown[text.removesuffix(".0") if places is None else text] = f"{path.name} {sheet.title}!{cell.coordinate}"
    return shown


@pytest.mark.slow
@pytest.mark.parametrize("folder", PLANS, ids=[p.name for p in PLANS])
def test_every_figure_appears_in_the_pdf_exactly_as_written(folder, tmp_path):
    assert main(["build", str(folder), "-o", str(tmp_path), "--quiet"]) == 0
    text = " ".join(page.extract_text() or "" for pdf in sorted(tmp_path.rglob("*.pdf")) for page in PdfReader(str(pdf)).pages)
    missing = {figure: where for figure, where in _written(folder).items()
               if not re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|\.\d|,\d)", text)}
    assert not missing, f"figures not in the PDF as written: {missing}"
