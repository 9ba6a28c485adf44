"""ruff finds nothing in src, tests and bench (rules in pyproject.toml's [tool.ruff])."""

import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.lint


def test_ruff_check_is_clean():
    try:
        import ruff  # noqa: F401  (in the test extra: pip install -e '.[test]')
    except ImportError:
        pytest.fail("ruff is not installed: pip install -e '.[test]' (make test does)", pytrace=False)
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "src", "tests", "bench"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode != 2, done.stderr  # 2: ruff itself failed (bad configuration, ...)
    if done.returncode:
        pytest.fail(f"ruff check src tests bench found problems (fix, or `ruff check --fix` the safe ones):\n{done.stdout}{done.stderr}",
                    pytrace=False)
