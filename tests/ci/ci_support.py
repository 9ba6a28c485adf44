"""What the CI tests share: a plan repository made by `wsoagen init`, its files added to git."""

from __future__ import annotations

import subprocess
from pathlib import Path

from wsoagen.cli import main


def init_repo(tmp_path: Path, capsys) -> Path:
    """A new git repository (branch main) made by `wsoagen init`, every file added, nothing committed."""
    folder = tmp_path / "testshire"
    folder.mkdir()
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    assert main(["init", str(folder)]) == 0
    capsys.readouterr()
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    return folder
