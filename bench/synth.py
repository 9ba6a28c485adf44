"""Make synthetic plans N times the size of the example, for the benchmark.

In: the example plan folder and a factor N. Out: a new plan folder whose workstreams are the
example's repeated N times, renumbered (1..5N) with refs to match, so it validates cleanly.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
from pathlib import Path

from ruamel.yaml import YAML


def _renumber(ws: dict, number: int) -> dict:
    ws = copy.deepcopy(ws)
    old = str(ws["number"])
    ws["number"] = number
    for outcome in ws.get("outcomes", []):
        outcome["ref"] = re.sub(rf"^{old}\.", f"{number}.", str(outcome["ref"]))
        for action in outcome.get("actions", []):
            action["ref"] = re.sub(rf"^{old}\.", f"{number}.", str(action["ref"]))
    return ws


def make_synthetic(example: Path, factor: int, target: Path) -> Path:
    """Write a plan `factor` times the example's size into `target`; return it."""
    if target.exists():
        shutil.rmtree(target)
    (target / "workstreams").mkdir(parents=True)
    shutil.copy(example / "plan.yaml", target / "plan.yaml")
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    sources = [yaml.load(p.read_text(encoding="utf-8")) for p in sorted((example / "workstreams").glob("*.yaml"))]
    number = 0
    for _ in range(factor):
        for ws in sources:
            number += 1
            buf = io.StringIO()
            yaml.dump(_renumber(ws, number), buf)
            (target / "workstreams" / f"{number:03d}.yaml").write_text(buf.getvalue(), encoding="utf-8")
    return target
