"""Inputs made to exhaust time or memory are answered within 10 s of CPU and 1 GiB, each refused
with the limit named. wsoagen runs in a process of its own, under a small parent that reports the
kernel's count of its CPU time and peak memory (wall time would only measure how busy the machine is)."""

# ruff: noqa: F811 - the fixtures imported from fixtures.py are named as parameters, as pytest wants
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from fixtures import plan_copy, small_plan, wsoagen  # noqa: F401 - fixtures
from test_corpus import billion_laughs, deep_yaml, dense_yaml, huge_yaml, million_rows, xlsx, zip_bomb

GIB = 1024 ** 3
MEASURE = """
import json, resource, subprocess, sys
done = subprocess.run([sys.executable, "-m", "wsoagen", *sys.argv[1:]], capture_output=True, text=True)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "err": done.stderr, "cpu": used.ru_utime + used.ru_stime, "rss": used.ru_maxrss * 1024}))
"""

CASES = {
    "yaml-50-mb": (huge_yaml, "plan.yaml:1:1", "file is too large"),
    "yaml-60000-values": (dense_yaml, "workstreams/2-many.yaml:", "too many values (more than 50,000)"),
    "yaml-10000-deep": (deep_yaml, "workstreams/2-deep.yaml:1:", "nesting is too deep"),
    "yaml-billion-laughs": (billion_laughs, "workstreams/2-lol.yaml:1:", "are not allowed"),
    "csv-million-rows": (million_rows, "data/rows.csv:50001:", "more than 50,000 rows"),
    "xlsx-zip-bomb": (xlsx(zip_bomb), "data/x.xlsx:1:1", "unpacks to more than 100 MB"),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_answered_within_10_s_and_1_gib(case, plan_copy, tmp_path):
    mutate, where, says = CASES[case]
    mutate(plan_copy, tmp_path)
    done = subprocess.run([sys.executable, "-c", MEASURE, "validate", str(plan_copy)], capture_output=True, text=True, timeout=300)
    got = json.loads(done.stdout)
    assert got["code"] == 1 and "Traceback" not in got["err"]
    assert f"{plan_copy}/{where}" in got["err"] and says in got["err"]
    assert got["cpu"] < 10, f"{got['cpu']:.1f} s of CPU"
    assert got["rss"] < GIB, f"{got['rss'] // 2**20} MB"
