import os
import subprocess
import sys

import pytest

from wsoagen import output
from wsoagen.output import write_atomic


def test_writes_whole_files_readable_by_all(tmp_path):
    path = write_atomic(tmp_path / "a" / "b.txt", b"new")
    assert path.read_bytes() == b"new" and oct(path.stat().st_mode & 0o777) == "0o644"
    write_atomic(path, b"newer")
    assert path.read_bytes() == b"newer" and os.listdir(path.parent) == ["b.txt"]


def test_a_link_in_the_way_is_replaced_not_followed(tmp_path):
    (tmp_path / "elsewhere").write_bytes(b"keep")
    (tmp_path / "out.txt").symlink_to(tmp_path / "elsewhere")
    write_atomic(tmp_path / "out.txt", b"new")
    assert not (tmp_path / "out.txt").is_symlink() and (tmp_path / "elsewhere").read_bytes() == b"keep"


def test_temporary_files_of_killed_writers_are_swept(tmp_path, monkeypatch):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    (tmp_path / f".wsoa.pdf.{dead_pid}.0123abcd.tmp").write_bytes(b"half")  # left by a kill -9
    (tmp_path / f".wsoa.pdf.{os.getppid()}.0123abcd.tmp").write_bytes(b"being written")  # a writer still running
    (tmp_path / ".notes.tmp").write_bytes(b"not ours")
    monkeypatch.setattr(output, "_swept", set())
    write_atomic(tmp_path / "wsoa.html", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [f".wsoa.pdf.{os.getppid()}.0123abcd.tmp", ".notes.tmp", "wsoa.html"])


def test_a_failed_write_names_the_file_and_leaves_nothing(tmp_path, monkeypatch):
    (tmp_path / "out.txt").write_bytes(b"old")

    def full(fd, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "write", full)
    with pytest.raises(OSError) as exc:
        write_atomic(tmp_path / "out.txt", b"new")
    assert (exc.value.filename, exc.value.strerror) == (str(tmp_path / "out.txt"), "cannot write this file: No space left on device")
    assert os.listdir(tmp_path) == ["out.txt"] and (tmp_path / "out.txt").read_bytes() == b"old"


def test_a_file_where_the_folder_must_be(tmp_path):
    (tmp_path / "out").write_bytes(b"")
    with pytest.raises(OSError) as exc:
        write_atomic(tmp_path / "out" / "plan" / "wsoa.pdf", b"x")
    assert exc.value.strerror == "cannot make this folder: Not a directory"
