"""Notice when a file of the plan (or of its house style) is saved.

In: the folders to watch. Out: `Snapshot`s (every regular file's path, size and modification
time) that compare unequal when anything was saved, added or removed. Polling, not inotify: it
works the same on every system and in containers, and a plan folder is small (the example's
walk takes about a millisecond). Hidden folders (.git, .cache) are not watched.
"""

from __future__ import annotations

import os
from pathlib import Path

Snapshot = frozenset[tuple[str, int, int]]


def snapshot(folders: list[Path]) -> Snapshot:
    seen: set[tuple[str, int, int]] = set()
    for folder in folders:
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in files:
                if name.startswith(".") or name.endswith("~"):
                    continue  # editors' swap and backup files
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue  # saved and moved away while we looked
                seen.add((path, st.st_size, st.st_mtime_ns))
    return frozenset(seen)
