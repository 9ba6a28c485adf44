"""`wsoagen preview` end to end in a real browser (headless Chromium through playwright-core):
a saved edit shows in the open page, a broken file shows its error, a fix brings the page back."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import missing, require_tool
from wsoagen.cli import main

HERE = Path(__file__).resolve().parent
A11Y = HERE.parent / "a11y"

pytestmark = pytest.mark.chromium


@pytest.fixture
def playwright(chromium) -> str:
    """node, with playwright-core from tests/a11y (make test installs it)."""
    node = require_tool("node", "nodejs")
    if not (A11Y / "node_modules" / "playwright-core").is_dir():
        missing("playwright-core is not installed: run `npm ci --prefix tests/a11y` (make test does)")
    return node


def start(folder: Path) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen([sys.executable, "-m", "wsoagen", "preview", str(folder), "--port", "0"],
                              stderr=subprocess.PIPE, text=True)
    line = server.stderr.readline()
    m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
    assert m, line
    return server, m.group(1)


def test_a_saved_edit_a_broken_file_and_its_fix_show_in_the_open_page(playwright, tmp_path):
    assert main(["new", str(tmp_path / "plan")]) == 0
    yaml = next((tmp_path / "plan" / "workstreams").glob("*.yaml"))
    server, url = start(tmp_path / "plan")
    try:
        run = subprocess.run([playwright, str(HERE / "browser.mjs"), url, str(yaml)], capture_output=True, text=True, timeout=120)
        seen = json.loads(run.stdout.strip().splitlines()[-1])
        assert run.returncode == 0, (seen, run.stderr)
    finally:
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=20)
    assert seen["before"].startswith("Blue") and seen["after"].startswith("Red") and seen["recovered"].startswith("Blue")
    # the broken file's own error, at its line and column, among the errors the page lists
    assert any(re.match(r".*/workstreams/1-[a-z-]+\.yaml:\d+:\d+: error: ", e) for e in seen["errors"]), seen["errors"]
    assert code == 0
