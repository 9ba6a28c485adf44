"""Run render jobs (HTML -> PDF or DOCX bytes) in worker processes, the biggest first.

In: jobs, each a module-level function, its arguments and a size (how long it will take: the
length of its HTML), submitted as the build produces its HTML. Out: a `Future` per job, holding
the function's result or the exception it raised.

`Workers(jobs)`: `jobs` processes (None: one per core), started with **spawn** (vl-convert, which
the build uses in this process, hangs a forked child) and only when the first job worth one
arrives: a small job (a short document) before that runs here, as does everything with one job.
A dispatcher thread keeps each worker busy with one job at a time, the largest waiting first, so
the long documents (board packs) start early and short ones fill the gaps; jobs are the same
function on the same arguments wherever they run, so outputs are byte-identical to `-j 1`; what
a job logs (WeasyPrint's warnings) is logged again here, as if it had run here.

Failure stays with its job: an exception goes to that job's future only; a worker that dies (a
crash, the kernel's OOM killer) takes the jobs it was running with it, so those are run again,
one at a time, and only a job that kills its worker on its own fails, with `WorkerDied`.
Workers ignore Ctrl-C and leave when this process does: leaving the `with` block by an exception
(KeyboardInterrupt: `wsoagen.cli` turns SIGINT and SIGTERM into it) terminates them at once, and
the exception goes on. Workers write no files: this process writes what they return.
"""

from __future__ import annotations

import heapq
import itertools
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from wsoagen.diagnostics import UsageError

SMALL = 200_000  # characters of HTML: under this, a job runs here until a worker has started


class WorkerDied(RuntimeError):
    """The worker process rendering a job stopped (crashed or was killed), twice."""


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _sendable(fn: Callable) -> bool:
    """Can a worker import `fn` by name? (A stand-in defined inside a test cannot: it runs here.)"""
    module = sys.modules.get(getattr(fn, "__module__", None) or "")
    return module is not None and getattr(module, getattr(fn, "__qualname__", ""), None) is fn


def _start_worker(parent: int) -> None:
    """In each worker: Ctrl-C is for the parent to handle; leave as soon as the parent is gone."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class Workers:
    """A pool of render processes shared by every plan of a build; a context manager."""

    def __init__(self, jobs: int | None = None):
        if jobs is not None and jobs < 1:
            raise UsageError(f"-j/--jobs must be at least 1, not {jobs}")
        self.size = jobs if jobs is not None else cores()
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Condition()
        self._waiting: list[tuple[int, int, Callable, tuple, Future]] = []  # a heap, largest first
        self._suspects: list[tuple[Callable, tuple, Future]] = []  # jobs a dying worker was running
        self._running: dict[Future, tuple[Callable, tuple, Future, bool]] = {}  # executor's -> ours
        self._by_key: dict[str, Future] = {}
        self._order = itertools.count()
        self._closed = False
        self._terminated = False
        self._broken = False  # a worker died: start a new executor before the next job
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        return self._executor is not None

    # ------------------------------------------------------------ the whole build

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, kind: type | None, *exc: object) -> None:
        self.close(terminate=kind is not None)

    def close(self, terminate: bool = False) -> None:
        """Wait for every job and stop the workers; `terminate`: stop them now, jobs unfinished."""
        with self._lock:
            self._closed = True
            self._terminated = terminate
            if terminate:
                for _, _, _, _, future in self._waiting:
                    future.cancel()
                self._waiting.clear()
            self._lock.notify_all()
        executor = self._executor
        if executor is None:
            return
        if terminate:
            processes = list((getattr(executor, "_processes", None) or {}).values())
            for process in processes:
                process.terminate()  # Python 3.14 has executor.terminate_workers(); 3.11 does not
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.join(timeout=5)
            if self._thread is not None:
                self._thread.join(timeout=5)
            return
        if self._thread is not None:
            self._thread.join()
        executor.shutdown(wait=True)

    # ------------------------------------------------------------ jobs

    def submit(self, fn: Callable[..., Any], *args: Any, size: int = 0, key: str | None = None) -> Future:
        """Run `fn(*args)` (a worker imports `fn` by name); the same `key` twice gives the same job."""
        if key is not None and key in self._by_key:
            return self._by_key[key]
        future: Future = Future()
        if key is not None:
            self._by_key[key] = future
        if self.size == 1 or not _sendable(fn) or (not self.started and size < SMALL):
            _run_here(future, fn, args)
            return future
        with self._lock:
            if self._closed:
                raise RuntimeError("the workers have been closed")
            if self._executor is None:
                self._start()
            heapq.heappush(self._waiting, (-size, next(self._order), fn, args, future))
            self._lock.notify_all()
        return future

    def _start(self) -> None:
        self._executor = _executor(self.size)
        self._thread = threading.Thread(target=self._dispatch, name="wsoagen-workers", daemon=True)
        self._thread.start()

    def _dispatch(self) -> None:
        """Hand the largest waiting job to each free worker; after a worker died, its jobs alone."""
        with self._lock:
            while True:
                if self._closed and not self._waiting and not self._suspects and not self._running:
                    return
                if self._suspects and not self._running:
                    fn, args, future = self._suspects.pop(0)
                    self._send(fn, args, future, alone=True)
                elif not self._suspects and self._waiting and len(self._running) < self.size:
                    _, _, fn, args, future = heapq.heappop(self._waiting)
                    if future.set_running_or_notify_cancel():
                        self._send(fn, args, future, alone=False)
                else:
                    self._lock.wait()

    def _send(self, fn: Callable, args: tuple, future: Future, alone: bool) -> None:
        for _ in range(2):
            if self._broken or self._executor is None:  # a worker died: the executor refuses jobs, so start a new one
                old, self._executor, self._broken = self._executor, _executor(self.size), False
                if old is not None:
                    old.shutdown(wait=False)
            try:
                sent = self._executor.submit(_call, fn, args)
            except BrokenProcessPool:  # it broke before its jobs came back to say so
                self._broken = True
                continue
            except Exception as exc:  # never let the dispatcher die: whoever waits would wait for ever
                future.set_exception(exc)
                return
            self._running[sent] = (fn, args, future, alone)
            sent.add_done_callback(self._finished)
            return
        future.set_exception(WorkerDied("no worker process could be started"))

    def _finished(self, sent: Future) -> None:
        """A job came back (in the executor's thread): pass its outcome on, or run it again."""
        with self._lock:
            fn, args, future, alone = self._running.pop(sent)
            error = None if sent.cancelled() else sent.exception()
            if sent.cancelled() or (self._terminated and isinstance(error, BrokenProcessPool)):
                future.set_exception(KeyboardInterrupt())  # terminated: nobody will read it
            elif isinstance(error, BrokenProcessPool):
                self._broken = True
                if alone:
                    future.set_exception(WorkerDied(f"the worker process stopped while rendering ({error})"))
                else:
                    self._suspects.append((fn, args, future))
            elif error is not None:
                future.set_exception(error)
            else:
                result, records = sent.result()
                for record in records:  # as if the job had run here (tests watch WeasyPrint's warnings)
                    logging.getLogger(record.name).handle(record)
                future.set_result(result)
            self._lock.notify_all()


class _Keep(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]):
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
        self.records.append(record)


def _call(fn: Callable, args: tuple) -> tuple[Any, list[logging.LogRecord]]:
    """In a worker: the job's result, and the warnings it logged, for the parent to log."""
    records: list[logging.LogRecord] = []
    keep = _Keep(records)
    logging.getLogger().addHandler(keep)
    try:
        return fn(*args), records
    finally:
        logging.getLogger().removeHandler(keep)


def _executor(size: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(size, mp_context=context, initializer=_start_worker, initargs=(os.getpid(),))


def _run_here(future: Future, fn: Callable, args: tuple) -> None:
    future.set_running_or_notify_cancel()
    try:
        future.set_result(fn(*args))
    except Exception as exc:  # the job's failure, for whoever reads the future (KeyboardInterrupt goes on)
        future.set_exception(exc)
