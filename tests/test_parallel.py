"""Builds on every core: render jobs in worker processes, as a one-process build would make them.

The pool itself (render/workers.py) with jobs defined here (a worker imports them by name), then
the build: the same bytes with -j 1 and -j 2, one failing document reported while the other
documents and plans are still made, and a build stopped by Ctrl-C or kill leaving earlier
outputs whole, no temporary files and no workers behind.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import EXAMPLE, MINI_PLAN, ROOT
from parallel_jobs import die, dying_pdf, fail, pid_after, stand_in_docx, stand_in_pdf, warn
from wsoagen import pipeline
from wsoagen.render import workers as workers_module
from wsoagen.render.workers import WorkerDied, Workers

AS_AT = "2019-12-02"
PACK_PLAN = MINI_PLAN + """\
recommendations:
  - ref: "1"
    text: Publish the strategy.
    status: Ongoing
"""
REPORT = """\
board: Health and Wellbeing Board
meeting: 2019-12-10
as_at: 2019-12-02
written_by: Testshire SEND Partnership
contacts: [ann-smith]
board_lead: ann-smith
purpose: {information: true}
summary: The strategy is drafted.
recommendations:
  - Note the progress.
"""


@pytest.fixture
def in_workers(monkeypatch):
    """Every job goes to a worker, however small its document."""
    monkeypatch.setattr(workers_module, "SMALL", 0)


@pytest.fixture
def pack_plan(make_plan):
    """A plan with a recommendations tracker and a board report: every kind of document, a pack too."""
    folder = make_plan(plan=PACK_PLAN)
    (folder / "reports").mkdir()
    (folder / "reports" / "2019-12-10-hwb.yaml").write_text(REPORT)
    return folder


# ---------------------------------------------------------------- the pool


def test_workers_keep_each_failure_with_its_job(in_workers):
    with Workers(2) as pool:
        good = [pool.submit(pid_after, 0.2, size=1000) for _ in range(4)]
        bad = pool.submit(fail, "no", size=1000)
        crash = pool.submit(die, size=2000)
        pids = {f.result() for f in good}
        assert isinstance(bad.exception(), ValueError)
        assert isinstance(crash.exception(), WorkerDied)
    assert os.getpid() not in pids and len(pids) >= 1


def test_what_a_job_logs_is_logged_here(in_workers, caplog):
    with Workers(2) as pool:
        assert pool.submit(warn, "font missing", size=1).result() == "font missing"
    assert [(r.name, r.levelname, r.getMessage()) for r in caplog.records] == [("weasyprint", "WARNING", "font missing, in a worker")]


def test_small_jobs_before_any_worker_and_stand_ins_run_here():
    pool = Workers(2)
    assert pool.submit(pid_after, 0, size=10).result() == os.getpid()
    assert pool.submit(lambda: os.getpid(), size=10**9).result() == os.getpid()  # a worker cannot import it
    assert not pool.started
    assert pool.submit(pid_after, 0, key="k") is pool.submit(pid_after, 0, key="k")  # the same document once
    pool.close()


def test_leaving_by_an_exception_stops_the_workers_at_once(in_workers):
    started = time.perf_counter()
    with pytest.raises(KeyboardInterrupt), Workers(2) as pool:
        pids = [pool.submit(pid_after, 0, size=1).result() for _ in range(2)]
        slow = [pool.submit(pid_after, 60, size=1) for _ in range(3)]
        raise KeyboardInterrupt
    assert time.perf_counter() - started < 30
    assert all(f.cancelled() or f.exception() is not None for f in slow)
    assert not any(_alive(pid) for pid in set(pids))


# ---------------------------------------------------------------- the build


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and ".cache" not in p.parts}


@pytest.mark.slow  # renders every kind of document twice (about 10 s)
def test_one_worker_and_two_give_the_same_bytes(pack_plan, cli, tmp_path, in_workers):
    one, two = tmp_path / "one", tmp_path / "two"
    assert cli("build", pack_plan, "-o", one, "--as-at", AS_AT, "-j", "1", "-q")[0] == 0
    assert cli("build", pack_plan, "-o", two, "--as-at", AS_AT, "-j", "2", "-q")[0] == 0
    made = outputs(one)
    assert sorted(made) == [f"testshire/{n}" for n in [
        "board-pack-2019-12-10-health-and-wellbeing-board.html", "board-pack-2019-12-10-health-and-wellbeing-board.pdf",
        "plan.json", "recommendations-tracker.docx", "recommendations-tracker.html", "recommendations-tracker.pdf",
        "report-2019-12-10-health-and-wellbeing-board.docx", "report-2019-12-10-health-and-wellbeing-board.html",
        "report-2019-12-10-health-and-wellbeing-board.pdf", "wsoa.docx", "wsoa.html", "wsoa.pdf"]]
    assert outputs(two) == made


@pytest.mark.parametrize("renderer, message", [
    (stand_in_pdf, 'error: the document tried to load "file:///etc/hostname"'),
    (dying_pdf, "error: board-pack-2019-12-10-health-and-wellbeing-board.pdf could not be made: the worker process stopped"),
])
def test_one_failing_document_loses_nothing_else(pack_plan, make_plan, cli, tmp_path, monkeypatch, in_workers, renderer, message):
    monkeypatch.setattr(pipeline, "html_to_pdf", renderer)
    monkeypatch.setattr(pipeline, "html_to_docx", stand_in_docx)
    other = make_plan()
    out = tmp_path / "out"
    code, _, err = cli("build", pack_plan, other, "-o", out, "--as-at", AS_AT, "-j", "2")
    assert code == 1
    assert message in err
    assert f"wsoagen: {pack_plan}: not built: 1 error" in err
    assert sorted(p.name for p in (out / other.name).iterdir()) == ["plan.json", "wsoa.docx", "wsoa.html", "wsoa.pdf"]
    assert not (out / pack_plan.name).exists()  # a plan with errors writes nothing ...
    # ... but its other documents were made and kept: the next build takes them from the cache
    cached = sorted(p.suffix for p in (out / pipeline.DOCUMENT_CACHE).iterdir())
    assert cached == [".docx"] * 3 + [".pdf"] * 3  # its WSOA (the other plan's too: the same HTML), tracker and report


def test_jobs_must_be_positive(make_plan, cli, tmp_path):
    code, _, err = cli("build", make_plan(), "-o", tmp_path / "out", "-j", "0")
    assert (code, err) == (2, "wsoagen: error: -j/--jobs must be at least 1, not 0\n")


# ---------------------------------------------------------------- stopping a build


def _workers(pid: int) -> list[int]:
    """The worker processes of the build `pid` (its children started by multiprocessing's spawn)."""
    found = []
    for entry in os.listdir("/proc"):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
            command = Path(f"/proc/{entry}/cmdline").read_bytes()
        except (OSError, ValueError):
            continue
        if entry.isdigit() and int(stat[stat.rindex(")") + 2:].split()[1]) == pid and b"spawn_main" in command:
            found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.slow  # starts building the example (a few seconds) to stop it
@pytest.mark.parametrize("how", ["ctrl-c", "kill"])
def test_a_stopped_build_leaves_earlier_outputs_and_nothing_else(tmp_path, how):
    plan = tmp_path / "peterborough"
    shutil.copytree(EXAMPLE, plan)
    out = tmp_path / "out"
    (out / "peterborough").mkdir(parents=True)
    earlier = out / "peterborough" / "wsoa.pdf"
    earlier.write_bytes(b"an earlier build's PDF")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-m", "wsoagen", "build", str(plan), "-o", str(out), "-j", "2"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)
    deadline = time.monotonic() + 120
    while len(_workers(process.pid)) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.1)  # until the workers render
    workers = _workers(process.pid)
    assert len(workers) >= 2, process.stderr.read().decode() if process.poll() is not None else "no workers"
    time.sleep(1)
    if how == "ctrl-c":  # a terminal sends SIGINT to every process of the foreground group
        os.killpg(process.pid, signal.SIGINT)
    else:
        process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err.decode()
    assert "wsoagen: interrupted" in err.decode()
    assert "Traceback" not in err.decode()
    assert earlier.read_bytes() == b"an earlier build's PDF"
    assert [p for p in out.rglob("*") if p.name.endswith(".tmp")] == []
    deadline = time.monotonic() + 5
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [pid for pid in workers if _alive(pid)] == []
