"""Real processes stopped at random moments: a build killed with SIGKILL leaves every output as the
old complete file or the new complete file, and the next build leaves no temporary file; Ctrl-C
(SIGINT, even when inherited ignored, as a script's background job gets it) stops a build with
130; two builds into one folder at once both finish whole. Builds of the small plan, with the real
renderers: slow (some 5 s a build)."""

# ruff: noqa: F811 - the fixtures imported from fixtures.py are named as parameters, as pytest wants
from __future__ import annotations

import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fixtures import plan_copy, small_plan, wsoagen  # noqa: F401 - fixtures

pytestmark = pytest.mark.slow


def build(plan: Path, out: Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "wsoagen", "build", str(plan), "-o", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, **kwargs)


def files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def temporary(out: Path) -> list[Path]:
    return [p for p in out.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def two_versions(plan_copy, tmp_path):
    """(plan, outputs of the plan as it was, outputs of the plan as it is now)"""
    for out in ("ref-old", "ref-new"):
        done = build(plan_copy, tmp_path / out)
        assert done.wait(300) == 0, done.stderr.read()
        (plan_copy / "plan.yaml").write_text((plan_copy / "plan.yaml").read_text().replace("Testshire", "Newshire"))
    return plan_copy, files(tmp_path / "ref-old" / "plan"), files(tmp_path / "ref-new" / "plan")


def test_killed_builds_leave_old_or_new_files(two_versions, tmp_path):
    plan, old, new = two_versions
    out = tmp_path / "out"
    shutil.copytree(tmp_path / "ref-old", out, ignore=shutil.ignore_patterns(".cache"))  # a fresh render each time
    moments = random.Random(12).sample([0.5, 1, 1.5, 2, 2.5, 3, 4], 4)
    for moment in moments:
        proc = build(plan, out)
        time.sleep(moment)
        proc.kill()
        proc.wait()
        for name, data in files(out / "plan").items():
            if not name.endswith(".tmp"):
                assert data in (old.get(name), new.get(name)), f"{name} is neither the old nor the new file (killed after {moment} s)"
    done = build(plan, out)
    assert done.wait(300) == 0
    assert temporary(out) == []  # the killed builds' temporary files are gone
    assert files(out / "plan") == new


def test_two_builds_into_one_folder(two_versions, tmp_path):
    plan, _, new = two_versions
    procs = [build(plan, tmp_path / "out") for _ in range(2)]
    assert [p.wait(300) for p in procs] == [0, 0]
    assert files(tmp_path / "out" / "plan") == new and temporary(tmp_path / "out") == []


def test_ctrl_c_stops_a_build_with_130(two_versions, tmp_path):
    plan, old, new = two_versions
    out = tmp_path / "out"
    shutil.copytree(tmp_path / "ref-old", out, ignore=shutil.ignore_patterns(".cache"))
    ignore_sigint = lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)  # noqa: E731 - as `cmd &` in a script starts it
    proc = build(plan, out, preexec_fn=ignore_sigint)
    for line in proc.stderr:  # mid-build: the renderers are loaded and the plan is being built
        if line.startswith("wsoagen: building"):
            break
    proc.send_signal(signal.SIGINT)
    assert proc.wait(120) == 130
    assert "wsoagen: interrupted; files written before are whole" in proc.stderr.read()
    assert temporary(out) == []
    assert all(data in (old.get(name), new.get(name)) for name, data in files(out / "plan").items())
