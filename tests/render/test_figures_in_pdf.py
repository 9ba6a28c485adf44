"""Every figure in the example plans' data files and plan.yaml metrics appears in the built PDF
exactly as written: 28.92 as 28.92, 0.97% as 0.97, 15.50% as 15.50, never rounded."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from wsoagen.cli import main
from wsoagen.data.metrics import read_plan

PLANS = sorted(p for p in (Path(__file__).parents[2] / "plans").iterdir() if (p / "plan.yaml").is_file())


def _written(folder: Path) -> dict[str, str]:
    """Each figure as written -> where: CSV cells as their text, plan.yaml and Excel figures as their digits."""
    found: dict[str, str] = {}
    for path in sorted((folder / "data").glob("*.csv")):
        rows = [r for r in csv.reader(path.read_text(encoding="utf-8-sig").splitlines()) if r and not r[0].startswith("#")]
        head = [h.strip().lower() for h in rows[0]]
        columns = [head.index("value")] if "value" in head and "date" in head else range(1, len(head))
        for n, row in enumerate(rows[1:], start=2):
            for c in columns:
                if c < len(row) and row[c].strip():
                    found[row[c].strip().removesuffix("%")] = f"{path.name} row {n}"
    plan, _ = read_plan(folder)
    for mid, points in plan.series.items():
        for p in points:
            found.setdefault(f"{p.value.exact:,}", f"{mid} at {p.source}")
    for m in plan.file.metrics:
        for name, measure in [("baseline", m.baseline), ("target", m.target), *(("milestone", t) for t in m.interim_targets),
                              *(("comparator", c) for c in m.comparators)]:
            if measure is not None:
                found.setdefault(f"{measure.value.exact:,}", f"plan.yaml {m.id} {name}")
    return found


@pytest.mark.slow
@pytest.mark.parametrize("folder", PLANS, ids=[p.name for p in PLANS])
def test_every_figure_appears_in_the_pdf_exactly_as_written(folder, tmp_path):
    assert main(["build", str(folder), "-o", str(tmp_path), "--quiet"]) == 0
    text = " ".join(page.extract_text() or "" for pdf in sorted(tmp_path.rglob("*.pdf")) for page in PdfReader(str(pdf)).pages)
    missing = {figure: where for figure, where in _written(folder).items()
               if not re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d]|\.\d|,\d)", text)}
    assert not missing, f"figures not in the PDF as written: {missing}"
