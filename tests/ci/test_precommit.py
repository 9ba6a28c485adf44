"""pre-commit: a plan repository made by `wsoagen init` passes its own hooks (local hooks that run
the wsoagen requirements.txt installs: offline), the formatter hook fixes files in place, and this
repository's .pre-commit-hooks.yaml works with `pre-commit try-repo`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from ci_support import init_repo

from conftest import ROOT, missing

VENV_BIN = Path(sys.executable).parent
GIT_ENV = {"GIT_AUTHOR_NAME": "Drafting group", "GIT_AUTHOR_EMAIL": "send@example.org",
           "GIT_COMMITTER_NAME": "Drafting group", "GIT_COMMITTER_EMAIL": "send@example.org"}
UNFORMATTED = ("number:   1\n", "number: 1\n")


@pytest.fixture
def pre_commit(tmp_path):
    """pre_commit(repo, *args) -> CompletedProcess, with its own cache folder and this run's wsoagen on PATH."""
    exe = VENV_BIN / "pre-commit"
    if not exe.exists():
        missing("pre-commit is not installed: `pip install -e '.[test]'` (make test does)")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
           "PATH": os.pathsep.join([str(VENV_BIN), os.environ["PATH"]]), "PRE_COMMIT_COLOR": "never"}

    def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(exe), *args], cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    return run


@pytest.fixture
def repo(tmp_path, capsys) -> Path:
    return init_repo(tmp_path, capsys)


def test_a_new_plan_repository_passes_its_own_hooks(repo, pre_commit):
    done = pre_commit(repo, "run", "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    assert [line.split("...")[0] for line in done.stdout.splitlines()] == ["wsoagen validate", "wsoagen fmt"]
    assert all(line.endswith("Passed") for line in done.stdout.splitlines())


def test_the_fmt_hook_lays_out_a_file_in_place_and_then_passes(repo, pre_commit):
    ws = repo / "plans/testshire/workstreams/1-ehc-plans.yaml"
    ws.write_text(ws.read_text(encoding="utf-8").replace(*reversed(UNFORMATTED)), encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    done = pre_commit(repo, "run", "wsoagen-fmt", "--all-files")
    assert done.returncode == 1
    assert "files were modified by this hook" in done.stdout
    assert UNFORMATTED[1] in ws.read_text(encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    assert pre_commit(repo, "run", "--all-files").returncode == 0


def test_the_validate_hook_stops_a_commit_with_a_plan_error(repo, pre_commit):
    ws = repo / "plans/testshire/workstreams/1-ehc-plans.yaml"
    ws.write_text(ws.read_text(encoding="utf-8").replace("lead: head-of-send", "lead: nobody"), encoding="utf-8")
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    done = pre_commit(repo, "run", "wsoagen-validate", "--all-files")
    assert done.returncode == 1
    assert "plans/testshire/workstreams/1-ehc-plans.yaml:" in done.stdout
    assert '"nobody"' in done.stdout


@pytest.mark.slow
def test_this_repositorys_hooks_work_with_try_repo(repo, pre_commit):
    """pre-commit installs wsoagen from this checkout into its own environment (from the package
    index: it needs the network, as any pre-commit hook of `language: python` does)."""
    subprocess.run(["git", "-C", str(repo), "commit", "-qm", "Start the plan"], check=True, env={**os.environ, **GIT_ENV})
    done = pre_commit(repo, "try-repo", str(ROOT), "--all-files")
    assert done.returncode == 0, done.stdout + done.stderr
    ran = [line.split("...")[0] for line in done.stdout.splitlines() if line.endswith(("Passed", "Failed"))]
    assert sorted(ran) == ["wsoagen fmt", "wsoagen validate"]
