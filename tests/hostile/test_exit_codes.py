"""Failures that are not the plan's fault exit 2 with one line; a bug in wsoagen exits 3 with one
line asking for a report (the traceback only with -v or WSOAGEN_TRACEBACK=1); an interrupted build
exits 130 and leaves every output whole. Tests run as root here and in CI, so an unwritable
output is made in ways that stop root too: a file where a folder must be, an immutable folder
(chattr +i, skipped where the file system has no such flag). A folder without write permission
stops only other users: root cannot test it, and it raises the same PermissionError (an OSError).
The builds here use stand-in PDF and Word renderers: what is tested is what happens around them."""

# ruff: noqa: F811 - the fixtures imported from fixtures.py are named as parameters, as pytest wants
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from fixtures import plan_copy, small_plan, wsoagen  # noqa: F401 - fixtures


def one_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line and not line.startswith("wsoagen: building")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_output_where_a_file_is(plan_copy, tmp_path, wsoagen, fake_renderers):
    (tmp_path / "out").write_text("a file, not a folder\n")
    code, _, err = wsoagen("build", plan_copy, "-o", tmp_path / "out", "-q")
    assert code == 2 and one_line(err).startswith(f"wsoagen: error: {tmp_path / 'out'}")


def test_plan_output_folder_is_a_file(plan_copy, tmp_path, wsoagen, fake_renderers):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "plan").write_text("in the way\n")
    code, _, err = wsoagen("build", plan_copy, "-o", tmp_path / "out", "-q")
    assert code == 2 and one_line(err) == f"wsoagen: error: {tmp_path / 'out' / 'plan'}: cannot make this folder: File exists"


def test_immutable_output_folder(plan_copy, tmp_path, wsoagen, fake_renderers):
    out = tmp_path / "out"
    assert wsoagen("build", plan_copy, "-o", out, "-q")[0] == 0
    before = {p.name: p.read_bytes() for p in (out / "plan").iterdir()}
    if subprocess.run(["chattr", "+i", str(out / "plan")], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not available here (no such flag on this file system, or no chattr)")
    try:
        (plan_copy / "plan.yaml").write_text((plan_copy / "plan.yaml").read_text().replace("Testshire", "Newshire"))
        code, _, err = wsoagen("build", plan_copy, "-o", out, "-q")
        assert code == 2 and "cannot write this file: Operation not permitted" in one_line(err)
        assert {p.name: p.read_bytes() for p in (out / "plan").iterdir()} == before
    finally:
        subprocess.run(["chattr", "-i", str(out / "plan")], check=True)


def test_plan_folder_name_not_utf8(plan_copy, tmp_path, wsoagen, fake_renderers):
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/plan-\xff"))
    shutil.move(plan_copy, bad)
    for command in (["validate", bad], ["build", bad, "-o", tmp_path / "out"]):
        code, out, err = wsoagen(*command)
        assert code == 2 and "is not valid UTF-8 text" in one_line(err)


def test_internal_error_asks_for_a_report(plan_copy, wsoagen, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("something\nwent wrong")

    monkeypatch.setattr("wsoagen.check.check", broken)
    code, _, err = wsoagen("validate", plan_copy)
    line = one_line(err)
    assert code == 3 and line.startswith("wsoagen: internal error: RuntimeError: something went wrong -- this is a bug in wsoagen")
    assert "please report it at" in line and "WSOAGEN_TRACEBACK=1" in line
    code, _, err = wsoagen("validate", plan_copy, "-v")
    assert code == 3 and "Traceback (most recent call last)" in err and 'raise RuntimeError("something' in err
    monkeypatch.setenv("WSOAGEN_TRACEBACK", "1")
    assert "Traceback" in wsoagen("validate", plan_copy)[2]


def test_io_error_without_a_file_name(plan_copy, wsoagen, monkeypatch):
    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("wsoagen.check.check", full)
    code, _, err = wsoagen("validate", plan_copy)
    assert (code, one_line(err)) == (2, "wsoagen: error: No space left on device")


def test_interrupted_build_leaves_whole_outputs(plan_copy, tmp_path, wsoagen, fake_renderers, monkeypatch):
    out = tmp_path / "out" / "plan"
    assert wsoagen("build", plan_copy, "-o", tmp_path / "out", "-q")[0] == 0
    old = {p.name: p.read_bytes() for p in out.iterdir()}
    (plan_copy / "plan.yaml").write_text((plan_copy / "plan.yaml").read_text().replace("Testshire", "Newshire"))
    real_replace, calls = os.replace, []

    def interrupted(src, dst):  # Ctrl-C as the second output file is put in place
        calls.append(dst)
        if len(calls) == 2:
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr("wsoagen.output.os.replace", interrupted)
    code, _, err = wsoagen("build", plan_copy, "-o", tmp_path / "out", "-q")
    assert code == 130 and one_line(err) == "wsoagen: interrupted; files written before are whole"
    assert sorted(p.name for p in out.iterdir()) == sorted(old)  # no temporary files
    changed = [name for name, data in old.items() if (out / name).read_bytes() != data]
    assert len(changed) <= 1  # the first file replaced whole; the rest as they were


@pytest.mark.parametrize("as_at", ["9999-12-31", "0001-01-01"])
def test_as_at_at_the_ends_of_the_calendar(as_at, plan_copy, tmp_path, wsoagen, fake_renderers):
    for command in (["validate", plan_copy], ["build", plan_copy, "-o", tmp_path / "out"]):
        code, _, err = wsoagen(*command, "--as-at", as_at, "-q")
        assert code == 0 and "Traceback" not in err and "internal error" not in err


@pytest.mark.slow
def test_output_folder_name_not_utf8(plan_copy, tmp_path):
    """`wrote PATH` prints a path that is not UTF-8 as the bytes it is (it failed at print before)."""
    import sys

    out = os.fsdecode(bytes(tmp_path) + b"/out-\xff")
    done = subprocess.run([sys.executable, "-m", "wsoagen", "build", str(plan_copy), "-o", out], capture_output=True, timeout=300)
    assert done.returncode == 0 and b"Traceback" not in done.stderr
    assert bytes(tmp_path) + b"/out-\xff/plan/plan.json" in done.stdout.splitlines()[0]


def test_one_line_messages_hold_no_terminal_controls(plan_copy, tmp_path, wsoagen):
    """A file name can hold an escape sequence: the one-line messages show it escaped."""
    named = tmp_path / "a\x1b[2Jb.yaml"
    os.mkfifo(named)
    code, _, err = wsoagen("fmt", named)
    assert code == 2 and "\x1b" not in err and "a\\x1b[2Jb.yaml" in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file whatever its permissions (tests run as root here and in CI)")
def test_unreadable_plan_file(plan_copy, wsoagen):
    ws = plan_copy / "workstreams" / "1-ehc-plans.yaml"
    ws.chmod(0)
    code, _, err = wsoagen("validate", plan_copy)
    assert code == 1 and f"{ws}:1:1: error: cannot read file: Permission denied" in err
