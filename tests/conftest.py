"""Shared fixtures: small plans written into tmp_path, and the CLI called in-process."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from wsoagen.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "plans" / "peterborough"

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


@pytest.fixture(scope="session")
def example_build(tmp_path_factory) -> Path:
    """The example plan built once per test run: build/peterborough/ with every document."""
    out = tmp_path_factory.mktemp("build")
    assert main(["build", str(EXAMPLE), "-o", str(out), "--as-at", "2019-11-15", "--quiet"]) == 0
    return out / "peterborough"


@pytest.fixture
def make_plan(tmp_path: Path):
    """make_plan(plan=..., workstreams={"1.yaml": ...}) -> the plan folder."""

    made: list[Path] = []

    def make(plan: str = MINI_PLAN, workstreams: dict[str, str] | None = None, name: str = "testshire") -> Path:
        folder = tmp_path / (name if not made else f"{name}-{len(made)}")
        made.append(folder)
        (folder / "workstreams").mkdir(parents=True)
        (folder / "plan.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
        for fname, text in (workstreams if workstreams is not None else {"1-joint.yaml": MINI_WORKSTREAM}).items():
            (folder / "workstreams" / fname).write_text(textwrap.dedent(text), encoding="utf-8")
        return folder

    return make


@pytest.fixture
def cli(capsys):
    """cli("validate", path) -> (exit code, stdout, stderr)."""

    def run(*args: object) -> tuple[int, str, str]:
        code = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return code, out, err

    return run
