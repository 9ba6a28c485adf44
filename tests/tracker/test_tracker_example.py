"""The example plan's tracker, round trip on a copy: a few leads' answers in, only their lines changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tracker_support import diff, fill

from conftest import EXAMPLE


@pytest.fixture
def example(tmp_path) -> Path:
    copy = tmp_path / "peterborough"
    shutil.copytree(EXAMPLE, copy)  # never write into plans/
    return copy


@pytest.mark.slow  # about 4 s: export, import twice, fmt --check and validate of the whole example
def test_example_round_trip(cli, example, tmp_path):
    blank = tmp_path / "tracker.xlsx"
    assert cli("tracker", "export", example, "-o", blank)[0] == 0
    before = {p.name: p.read_text(encoding="utf-8") for p in (example / "workstreams").glob("*.yaml")}
    filled = fill(blank, tmp_path / "f1.xlsx", "Workstream 2", {
        "Quality assurance post holder in place": ("Amber", "Jan 2020", "Recruitment reopened after no appointment."),
    })
    filled = fill(filled, tmp_path / "f2.xlsx", "Workstream 5", {
        "All agreed PfA workstreams established": ("Green", "20 January 2020", None),
    })
    code, out, err = cli("tracker", "import", example, filled)
    assert code == 0, err
    after = {p.name: p.read_text(encoding="utf-8") for p in (example / "workstreams").glob("*.yaml")}
    changed = {name: diff(before[name], after[name]) for name in before if before[name] != after[name]}
    assert changed == {
        "2-send-quality-assurance.yaml": [
            "+            status: amber",
            "+            status_date: Jan 2020",
            "+            updates:",
            "+              - date: Jan 2020",
            "+                text: Recruitment reopened after no appointment.",
            "+                status: amber",
        ],
        "5-young-adults-18-to-25.yaml": [
            "+            status: green",
            "+            status_date: 20 January 2020",
        ],
    }
    assert out.count("changed 1 milestone") == 2
    assert cli("fmt", "--check", example)[0] == 0
    assert cli("validate", example)[0] == 0
    code, out, _ = cli("tracker", "import", example, filled)  # again: nothing more
    assert code == 0 and out == ""
    assert {p.name: p.read_text(encoding="utf-8") for p in (example / "workstreams").glob("*.yaml")} == after


def test_example_export_is_byte_identical(cli, example, tmp_path):
    assert cli("tracker", "export", example, "-o", tmp_path / "a.xlsx")[0] == 0
    assert cli("tracker", "export", EXAMPLE, "-o", tmp_path / "b.xlsx")[0] == 0
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
