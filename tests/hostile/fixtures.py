"""Fixtures of the hostile-input corpus: a small plan made by `wsoagen new` (copied per case), and
wsoagen run in-process with a time limit, so that a case that blocks (a FIFO read) fails instead
of hanging the test run. Imported by the test modules here: a conftest.py in this folder would
take the name `conftest` from tests/conftest.py, which the other tests import from."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from wsoagen.cli import main


@pytest.fixture(scope="session")
def small_plan(tmp_path_factory) -> Path:
    """A plan as `wsoagen new` scaffolds it: plan.yaml, one workstream, data/example.csv. Read only."""
    folder = tmp_path_factory.mktemp("hostile") / "small"
    assert main(["new", str(folder), "--local-area", "Testshire"]) == 0
    return folder


@pytest.fixture
def plan_copy(small_plan, tmp_path) -> Path:
    """A copy of the small plan to mutate, at tmp_path/plan (tmp_path is outside it)."""
    return Path(shutil.copytree(small_plan, tmp_path / "plan"))


@pytest.fixture
def wsoagen(capsys):
    """wsoagen(*args, timeout=30) -> (exit code, stdout, stderr), run in-process on a watched thread."""

    def run(*args: object, timeout: float = 30) -> tuple[int, str, str]:
        result: dict[str, object] = {}

        def target() -> None:
            try:
                result["code"] = main([str(a) for a in args])
            except BaseException as exc:  # noqa: BLE001 - reported below, as the test's failure
                result["raised"] = exc

        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        thread.join(timeout)
        out, err = capsys.readouterr()
        assert not thread.is_alive(), f"wsoagen {' '.join(map(str, args))} still runs after {timeout} s (blocked?)\n{err}"
        assert "raised" not in result, f"wsoagen raised {result.get('raised')!r}\n{err}"
        return int(result["code"]), out, err  # type: ignore[arg-type]

    return run
