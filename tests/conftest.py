"""Shared fixtures: small plans, the CLI called in-process, the example built once, external tools.

Markers (registered in pyproject.toml) are applied here from the fixtures a test uses, so test
files need no decorators: `example_build` or `example_run` -> slow; `soffice` -> libreoffice;
`pdftoppm` -> poppler; `axe` or `chromium` -> chromium. `make test-fast` leaves out slow,
libreoffice and chromium.

External tools have one policy, `require_tool`: a missing tool skips the test with the Debian
package to install, and fails it instead when CI is set (CI must test everything).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from wsoagen.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "plans" / "peterborough"
EXAMPLE_AS_AT = "2019-11-15"
A11Y = ROOT / "tests" / "a11y"

MINI_PLAN = """\
title: Testshire SEND Written Statement of Action
local_area: Testshire
inspection:
  start: 2019-06-10
  end: 2019-06-14
people:
  - id: ann-smith
    name: Ann Smith
    role: Director of Children's Services
organisations:
  - id: family-voice
    name: Testshire Family Voice
    kind: parent-carer-forum
"""

MINI_WORKSTREAM = """\
number: 1
title: Joint commissioning
sponsors: [ann-smith]
delivery_partners:
  - organisation: family-voice
weakness: Joint planning is not well established.
outcomes:
  - ref: "1.1"
    text: A joint commissioning strategy is in place.
    impact:
      - Increase from 39% to 50% by April 2021
    actions:
      - ref: 1.1a
        text: Coproduce the strategy.
        resource: ER
        lead: ann-smith
        milestones:
          - text: Needs assessment agreed
            deadline: Nov 2019
            status: Blue
            status_date: Nov 2019
          - text: Strategy in place
            deadline: June 2020 to April 2021
"""


# ---------------------------------------------------------------- markers

# A test that uses one of these fixtures (directly or through another fixture) gets the marker.
FIXTURE_MARKERS = {
    "example_run": "slow",
    "example_build": "slow",
    "soffice": "libreoffice",
    "pdftoppm": "poppler",
    "chromium": "chromium",
    "axe": "chromium",
}
# Slow tests in files this conftest does not own that build the example themselves, not through
# example_build (switching them to the fixture makes this entry unnecessary, and saves ~20 s).
SLOW_TESTS: set[str] = set()  # node ids marked slow though they use no slow fixture


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        for marker in sorted({m for f, m in FIXTURE_MARKERS.items() if f in names}):
            item.add_marker(marker)
        if item.nodeid.split("[")[0] in SLOW_TESTS:
            item.add_marker("slow")


@pytest.fixture(autouse=True)
def not_under_github_actions(monkeypatch):
    """Under GitHub Actions the CLI prints annotations by default: tests see the plain text unless they set it."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


# ---------------------------------------------------------------- external tools

# The Debian package that provides each tool (.ci/run installs them all).
DEBIAN_PACKAGES = {
    "soffice": "libreoffice-writer-nogui",
    "pdftoppm": "poppler-utils",
    "chromium": "chromium",
    "node": "nodejs",
    "npm": "npm",
}


def in_ci() -> bool:
    """CI is set (GitHub Actions and .ci/run set CI=true); "", 0, false and no mean not CI."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def missing(message: str) -> NoReturn:
    """Something a test needs is not installed: fail in CI, where everything must run; else skip."""
    if in_ci():
        pytest.fail(f"{message} (CI is set, so this fails rather than skips)", pytrace=False)
    pytest.skip(message)


def require_tool(name: str, package: str | None = None) -> str:
    """The path of executable `name`, or fail (CI) / skip saying which Debian package to install."""
    path = shutil.which(name)
    if path is None:
        package = package or DEBIAN_PACKAGES.get(name, name)
        missing(f"{name} is not installed: install the Debian package {package} (.ci/run does)")
    return path


@pytest.fixture(scope="session")
def soffice() -> str:
    """LibreOffice's soffice (Debian libreoffice-writer-nogui). Run it with its own profile:
    [soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless", ...]."""
    return shutil.which("soffice") or shutil.which("libreoffice") or require_tool("soffice", "libreoffice-writer-nogui")


@pytest.fixture(scope="session")
def pdftoppm() -> str:
    """poppler's pdftoppm (Debian poppler-utils)."""
    return require_tool("pdftoppm", "poppler-utils")


@pytest.fixture(scope="session")
def chromium() -> str:
    """Chromium (Debian chromium), the browser the accessibility check drives."""
    return require_tool("chromium", "chromium")


@pytest.fixture(scope="session")
def axe(chromium):
    """axe(*html_files) -> {file: [violation, ...]}: axe-core's WCAG 2.2 A/AA rules in headless Chromium.

    Needs node (Debian nodejs) and the npm packages in tests/a11y (`make test` installs them).
    """
    import json
    import subprocess

    node = require_tool("node", "nodejs")
    if not (A11Y / "node_modules" / "axe-core").is_dir() or not (A11Y / "node_modules" / "playwright-core").is_dir():
        missing("the accessibility check's npm packages are not installed: run `npm ci --prefix tests/a11y` (make test does)")

    def run(*files: Path) -> dict[str, list[dict]]:
        done = subprocess.run([node, str(A11Y / "check.mjs"), *map(str, files)], capture_output=True, text=True,
                              timeout=300, env={**os.environ, "CHROMIUM": chromium})
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout)

    return run


# ---------------------------------------------------------------- the example, built once


@dataclass(frozen=True)
class ExampleRun:
    out: Path  # the output folder: peterborough/ and the build cache .cache/
    warnings: list[str]  # WeasyPrint's warnings (and worse) while rendering every PDF


@pytest.fixture(scope="session")
def example_run(tmp_path_factory) -> ExampleRun:
    """The example plan built once per test run, as at EXAMPLE_AS_AT, with what WeasyPrint logged.

    Tests read its outputs; a test that needs a second build copies `out/.cache` (see
    `copy_build_cache`) so that only what changed is rendered again.
    """
    out = tmp_path_factory.mktemp("example-build")
    records: list[logging.LogRecord] = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        assert main(["build", str(EXAMPLE), "-o", str(out), "--as-at", EXAMPLE_AS_AT, "--quiet"]) == 0
    finally:
        logger.removeHandler(handler)
    return ExampleRun(out, [r.getMessage() for r in records])


@pytest.fixture(scope="session")
def example_build(example_run) -> Path:
    """The example's outputs, built once per test run: <out>/peterborough/ with every document. Read only."""
    return example_run.out / "peterborough"


def copy_build_cache(source_out: Path, target_out: Path, part: Path | None = None) -> None:
    """Seed `target_out`'s build cache from `source_out`'s (all of .cache, or just `part` of it)."""
    part = part or Path(".cache")
    shutil.copytree(source_out / part, target_out / part, dirs_exist_ok=True)


# ---------------------------------------------------------------- small plans and the CLI


def write_plan(folder: Path, plan: str = MINI_PLAN, workstreams: dict[str, str] | None = None) -> Path:
    """Write a plan folder: plan.yaml and workstreams/ (default: MINI_PLAN with MINI_WORKSTREAM)."""
    (folder / "workstreams").mkdir(parents=True)
    (folder / "plan.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
    for fname, text in (workstreams if workstreams is not None else {"1-joint.yaml": MINI_WORKSTREAM}).items():
        (folder / "workstreams" / fname).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


@pytest.fixture
def make_plan(tmp_path: Path):
    """make_plan(plan=..., workstreams={"1.yaml": ...}) -> the plan folder."""

    made: list[Path] = []

    def make(plan: str = MINI_PLAN, workstreams: dict[str, str] | None = None, name: str = "testshire") -> Path:
        folder = tmp_path / (name if not made else f"{name}-{len(made)}")
        made.append(folder)
        return write_plan(folder, plan, workstreams)

    return make


@pytest.fixture
def cli(capsys):
    """cli("validate", path) -> (exit code, stdout, stderr)."""

    def run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def fake_renderers(monkeypatch):
    """Stand-ins for WeasyPrint and the Word writer, for tests of what the CLI prints and returns.

    The pipeline runs as it is (validation, status, charts, HTML, cache, atomic writes); only the
    PDF and DOCX bytes are a stand-in, derived from the HTML so that equal HTML gives equal bytes.
    """
    from wsoagen import pipeline

    def stand_in(kind: bytes):
        def render(html: str, *args, **kwargs) -> bytes:
            return kind + b" stand-in " + hashlib.sha256(html.encode("utf-8")).hexdigest().encode() + b"\n"
        return render

    monkeypatch.setattr(pipeline, "html_to_pdf", stand_in(b"%PDF-1.7"))
    monkeypatch.setattr(pipeline, "html_to_docx", stand_in(b"PK"))
