"""Read the files of a plan folder as an untrusted source: only regular files inside the folder.

In: a path, the folder it must stay inside (the plan folder) and a size limit. Out: the file's
bytes, or `Refused` with a sentence a plan author understands. Refused, and never opened or read:
a symbolic link (to the file, or to a folder on its way) that leads outside the folder, a named
pipe (FIFO, which would block a read forever), a device (`/dev/zero` never ends), a socket, a
folder where a file is expected, and a file larger than the limit. A plan folder is edited by
many people and built by CI with secrets in reach, so nothing outside it may reach a document or
a diagnostic, and nothing in it may hang or exhaust the build.

The checks are made on the resolved path before opening it, then again with `fstat` on the open
descriptor (opened non-blocking), so a file swapped for a pipe in between cannot block either.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path


class Refused(Exception):
    """A file of the plan folder that wsoagen will not read; the message says why, in words."""


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    return "not a regular file"


def escapes(path: Path, root: Path) -> str | None:
    """Why `path` leads outside `root` (a link, named), or None if it stays inside."""
    real_root = Path(os.path.realpath(root))
    if Path(os.path.realpath(path)).is_relative_to(real_root):
        return None
    # Name the first link on the way that leads out, as the author sees it.
    try:
        parts = Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).parts
    except ValueError:
        return "this file is not inside the plan folder: wsoagen reads only files inside it"
    step = Path(root)
    for part in parts:
        step = step / part
        if step.is_symlink() and not Path(os.path.realpath(step)).is_relative_to(real_root):
            what = "this file" if step == Path(path) and not step.is_dir() else f"{part}/"
            return f"{what} is a symbolic link to a place outside the plan folder: wsoagen reads only files inside it"
    return "this file leads outside the plan folder: wsoagen reads only files inside it"


def check(path: Path, root: Path | None = None) -> os.stat_result:
    """The file's status if wsoagen may read it (regular, inside `root`), else `Refused`."""
    if root is not None and (why := escapes(path, root)):
        raise Refused(why)
    try:
        st = os.stat(path)
    except OSError as exc:
        raise Refused(f"cannot read file: {exc.strerror or exc}") from None
    if (kind := _kind(st.st_mode)) is not None:
        raise Refused(f"this is {kind}: wsoagen reads only ordinary files")
    return st


def read_inside(path: Path, root: Path | None, limit: int) -> bytes:
    """The bytes of `path`, a regular file inside `root` of at most `limit` bytes; else `Refused`.

    `root` None: no folder to stay in (a file named on the command line), the other checks apply.
    """
    st = check(path, root)
    if st.st_size > limit:
        raise Refused(_too_large(st.st_size, limit))
    try:
        fd = os.open(os.path.realpath(path), os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
    except OSError as exc:
        raise Refused(f"cannot read file: {exc.strerror or exc}") from None
    try:
        if (kind := _kind(os.fstat(fd).st_mode)) is not None:  # swapped since the check
            raise Refused(f"this is {kind}: wsoagen reads only ordinary files")
        chunks, size = [], 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew since the check
                raise Refused(_too_large(None, limit))
        return b"".join(chunks)
    except OSError as exc:
        raise Refused(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def listing(folder: Path, root: Path) -> list[Path]:
    """The entries of `folder` (a folder of the plan), sorted; `Refused` if it leads outside `root`
    or is not a folder. A missing folder has no entries."""
    if not os.path.lexists(folder):
        return []
    if why := escapes(folder, root):
        raise Refused(why)
    if not folder.is_dir():
        raise Refused(f"this is {_kind(os.stat(folder).st_mode) or 'a file'}, where a folder is expected")
    return sorted(folder.iterdir())


def _too_large(size: int | None, limit: int) -> str:
    what = f"{size:,} bytes; " if size is not None else ""
    return f"file is too large ({what}the limit is {limit:,}): split it into smaller files"


# Characters that no document can hold, though a YAML escape (`"\ud800"`, `"\x1b"`, `"\0"`) or a
# data file can carry them: lone surrogates cannot be written as UTF-8, and XML (Word, HTML) has no
# place for C0 controls other than tab and line ends, nor for U+FFFE/U+FFFF. Refused where they are
# read, they never reach a renderer (which would fail) or a terminal (where ESC starts a control sequence).
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def unshowable(text: str) -> str | None:
    """What is wrong with `text` if it holds a character no document can show, in words; else None."""
    if not (bad := _UNSHOWABLE.search(text)):
        return None
    code = ord(bad.group())
    shown = f"\\u{code:04x}" if code > 0xFF else f"\\x{code:02x}"
    what = "half of a surrogate pair, not a character" if 0xD800 <= code <= 0xDFFF else "a control character"
    return f"holds {shown} ({what}), which no document can show: remove it, or write the character itself"
