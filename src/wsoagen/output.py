"""Write output files atomically: every reader, and every later build, sees the old complete file
or the new complete file, never part of one.

In: a path and bytes. Out: the file, replaced in one rename from a temporary file beside it
(`.NAME.PID.RANDOM.tmp`). An error, Ctrl-C or SIGTERM removes the temporary file on the way out.
A process killed outright (`kill -9`, an out-of-memory kill) cannot, so the next write into the
same folder removes the temporary files of processes that no longer run. Concurrent builds into
one folder each replace whole files; the last rename wins.

A problem writing (a read-only or full disk, a file where a folder must be) raises `OSError`,
which the command line turns into exit code 2 with one line (`wsoagen.cli`).
"""

from __future__ import annotations

import os
import re
import secrets
from pathlib import Path

_TEMP = re.compile(r"^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$")
_swept: set[Path] = set()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write `data` to `path` so that readers see the old file or the new one, never half."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError(exc.errno, f"cannot make this folder: {exc.strerror}", exc.filename) from exc
    _sweep(path.parent)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o644)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
            os.fchmod(fd, 0o644)  # whatever the umask: outputs are published
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, f"cannot write this file: {exc.strerror}", str(path)) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def _sweep(folder: Path) -> None:
    """Remove temporary files left in `folder` by writers that were killed (once per process)."""
    if folder in _swept:
        return
    _swept.add(folder)
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if (m := _TEMP.match(name)) and not _running(int(m.group(1))):
            (folder / name).unlink(missing_ok=True)


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it runs, as another user
        return True
    return True
