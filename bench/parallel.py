"""`make bench`'s build-speed figures: the example built as a user builds it, on every core and on one.

Prints, in one run, as ratios against the single-process floor (bare WeasyPrint writing the
build's own HTML documents to PDF one after another, in one warm process):
- a cold `wsoagen build` at the default (one worker per core), target at most 0.6 on 2 cores;
- the same with `-j 1`, target at most 1.15;
- an unchanged rebuild, target at most 0.05 of the cold build;
- the peak memory of the whole process tree (wsoagen and its workers), target under 1 GiB,
  sampled from /proc every 20 ms (the sum over processes at each moment; the largest sum wins).
Each build is a fresh `python -m wsoagen build` process, so start-up counts as a user sees it.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "plans" / "peterborough"
PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(pid: int) -> dict[int, int]:
    """`pid` and every process descended from it, each with its parent (from /proc: Linux only)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    found, todo = {pid: 0}, [pid]
    while todo:
        p = todo.pop()
        for child in children.get(p, []):
            found[child] = p
            todo.append(child)
    return found


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def _is_worker(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            return b"spawn_main" in fh.read()
    except OSError:
        return False


def timed_build(out: Path, *options: str) -> tuple[float, int, int]:
    """Wall time of `wsoagen build EXAMPLE -o out *options`, the peak RSS summed over its process
    tree, and how many worker processes it started."""
    command = [sys.executable, "-m", "wsoagen", "build", str(EXAMPLE), "-o", str(out), "--quiet", *options]
    peak, workers = 0, set()
    t0 = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            pids = _tree(process.pid)
            peak = max(peak, sum(_rss(p) for p in pids))
            # workers are the build's own children (a worker's forks to run gcc, which WeasyPrint's
            # library lookup does, briefly carry the same command line)
            workers.update(p for p, parent in pids.items() if parent == process.pid and _is_worker(p))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, err = process.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"wsoagen build failed ({process.returncode}):\n{err.decode()}")
    return wall, peak, len(workers)


def floor(built: Path) -> tuple[float, int]:
    """Bare WeasyPrint on each HTML document the build wrote (one per PDF), one after another."""
    from weasyprint import HTML

    htmls = [p.read_text(encoding="utf-8") for p in sorted(built.glob("*.html"))]
    base = str(ROOT / "src" / "wsoagen" / "templates" / "default")
    HTML(string="<p>warm</p>").write_pdf()  # fonts and imports loaded before the clock starts
    t0 = time.perf_counter()
    for html in htmls:
        HTML(string=html, base_url=base).write_pdf(pdf_variant="pdf/ua-1")
    return time.perf_counter() - t0, len(htmls)


def bench_parallel(tmp: Path) -> None:
    """The example's cold build on every core and on one, an unchanged rebuild, peak memory."""
    from wsoagen.render.workers import cores

    cold, peak, processes = timed_build(tmp / "parallel-cold")
    again, _, _ = timed_build(tmp / "parallel-cold")
    one, peak_one, _ = timed_build(tmp / "parallel-one", "-j", "1")
    bare, documents = floor(tmp / "parallel-cold" / "peterborough")
    mib = 1024 * 1024
    print(f"\nbuild speed: the example (WSOA, tracker, two reports, two board packs), {cores()} cores, one run each")
    print(f"  floor: bare WeasyPrint on the build's {documents} HTML documents, one process, {bare:.2f}s")
    print(f"  cold build, default -j ({processes} workers)   {cold:6.2f}s = {cold / bare:.2f} of the floor (target at most 0.6 on 2 cores)")
    print(f"  cold build, -j 1               {one:6.2f}s = {one / bare:.2f} of the floor (target at most 1.15)")
    print(f"  unchanged rebuild              {again:6.2f}s = {again / cold:.3f} of the cold build (target at most 0.05)")
    print(f"  peak memory of the process tree: {peak / mib:.0f} MiB at the default, {peak_one / mib:.0f} MiB with -j 1"
          f" (target under 1024 MiB)")
