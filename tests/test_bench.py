"""`make bench` stays runnable: its script imports (the benchmark itself is too slow for tests)."""

import importlib.util

from conftest import ROOT


def test_the_benchmark_script_imports():
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert callable(module.bench_validate)
