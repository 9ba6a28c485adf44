import os
import threading
from pathlib import Path

import pytest

from wsoagen.files import Refused, listing, read_inside


def refusal(path: Path, root: Path | None, limit: int = 1000) -> str:
    with pytest.raises(Refused) as exc:
        read_inside(path, root, limit)
    return str(exc.value)


def test_a_regular_file_inside_is_read(tmp_path):
    (tmp_path / "a.yaml").write_text("a: 1\n")
    (tmp_path / "b.yaml").symlink_to("a.yaml")  # a link that stays inside is fine
    assert read_inside(tmp_path / "a.yaml", tmp_path, 100) == b"a: 1\n"
    assert read_inside(tmp_path / "b.yaml", tmp_path, 100) == b"a: 1\n"


def test_links_that_lead_outside(tmp_path):
    root = tmp_path / "plan"
    (root / "ws").mkdir(parents=True)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "x.yaml").write_text("secret\n")
    (root / "f.yaml").symlink_to(tmp_path / "outside" / "x.yaml")
    (root / "linked").symlink_to(tmp_path / "outside")
    (root / "up.yaml").symlink_to("../outside/x.yaml")
    assert refusal(root / "f.yaml", root) == "this file is a symbolic link to a place outside the plan folder: wsoagen reads only files inside it"
    assert refusal(root / "up.yaml", root).startswith("this file is a symbolic link to a place outside")
    assert refusal(root / "linked" / "x.yaml", root).startswith("linked/ is a symbolic link to a place outside")
    with pytest.raises(Refused):
        listing(root / "linked", root)


def test_devices_pipes_and_folders_are_never_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "dir.yaml").mkdir()
    (tmp_path / "zero.csv").symlink_to("/dev/zero")
    done = threading.Event()

    def read_pipe():  # would block forever if it were opened for reading without O_NONBLOCK
        assert refusal(tmp_path / "pipe.yaml", tmp_path) == "this is a named pipe (FIFO), not a file: wsoagen reads only ordinary files"
        done.set()

    threading.Thread(target=read_pipe, daemon=True).start()
    assert done.wait(5)
    assert refusal(tmp_path / "dir.yaml", tmp_path) == "this is a folder, not a file: wsoagen reads only ordinary files"
    assert refusal(tmp_path / "zero.csv", None) == "this is a device, not a file: wsoagen reads only ordinary files"
    assert refusal(tmp_path / "zero.csv", tmp_path).startswith("this file is a symbolic link to a place outside")


def test_size_limit(tmp_path):
    (tmp_path / "big").write_bytes(b"x" * 101)
    assert refusal(tmp_path / "big", tmp_path, 100) == "file is too large (101 bytes; the limit is 100): split it into smaller files"
    assert refusal(tmp_path / "missing", tmp_path).startswith("cannot read file: No such file")


def test_listing(tmp_path):
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws" / "b").write_text("")
    (tmp_path / "ws" / "a").write_text("")
    assert [p.name for p in listing(tmp_path / "ws", tmp_path)] == ["a", "b"]
    assert listing(tmp_path / "none", tmp_path) == []
