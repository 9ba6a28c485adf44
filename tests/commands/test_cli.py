"""The command line as officers and CI see it: quiet, verbose, plain logs, the build summary."""

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI_WORKSTREAM, ROOT
from wsoagen import __version__
from wsoagen.commands import progress
from wsoagen.data.metrics import read_plan
from wsoagen.diagnostics import PlanError

AS_AT = "2019-11-15"
NO_LEAD = MINI_WORKSTREAM.replace("        lead: ann-smith\n", "")  # one warning: action 1.1a has no owner
BAD_STATUS = MINI_WORKSTREAM.replace("status: Blue", "status: Purple")  # one error


def problems(folder: Path, github: bool = False) -> str:
    """The lines `wsoagen validate` prints for `folder`'s problems (their wording is validate.py's)."""
    try:
        _, diags = read_plan(folder)
    except PlanError as exc:
        diags = exc.diagnostics
    return "".join((d.github() if github else str(d)) + "\n" for d in diags.sorted())


def timings(text: str) -> str:
    """Timings vary: 1.23 s -> N s."""
    return re.sub(r"\d+\.\d\d s\b", "N s", text)


@pytest.fixture(autouse=True)
def not_in_ci(monkeypatch):
    """Tests see what a person would, whatever CI sets; a test that wants CI sets it."""
    monkeypatch.delenv("CI", raising=False)


@pytest.fixture(autouse=True)
def stand_in_renderers(fake_renderers):
    """These tests are about what the command prints and returns: the pipeline runs for real but
    PDF and Word bytes are stand-ins (the renderers are tested in render/, builds in test_pipeline)."""


# ---------------------------------------------------------------- validate


def test_validate_default_output_is_unchanged(make_plan, cli):
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    code, out, err = cli("validate", folder)
    assert (code, out) == (0, "")
    warning = (f"{folder}/workstreams/1.yaml:13:14: warning: action 1.1a has no owner: add `lead`, `officers`, `sro` or `accountable`"
               " (person ids) [action-owner]\n")
    assert err == warning + "wsoagen: 1 plan: 0 errors, 1 warning\n"


def test_validate_quiet_prints_only_errors_and_the_summary(make_plan, cli):
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    code, out, err = cli("validate", "--quiet", folder)
    assert (code, out, err) == (0, "", "wsoagen: 1 plan: 0 errors, 1 warning\n")

    bad = make_plan(workstreams={"1.yaml": NO_LEAD.replace("status: Blue", "status: Purple")})
    code, out, err = cli("validate", "-q", bad)
    assert code == 1
    warning, error = problems(bad).splitlines(keepends=True)
    assert error.startswith(f"{bad}/workstreams/1.yaml:19:21: error: ") and ": warning: " in warning
    assert err == error + "wsoagen: 1 plan: 1 error, 1 warning\n"


def test_validate_quiet_strict_keeps_the_warnings_that_fail(make_plan, cli):
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    code, _, err = cli("validate", "--quiet", "--strict", folder)
    assert code == 1
    assert err == problems(folder) + "wsoagen: 1 plan: 0 errors, 1 warning\n"


def test_validate_verbose_times_each_plan(make_plan, cli):
    a, b = make_plan(), make_plan()
    code, out, err = cli("validate", "--verbose", a, b)
    assert (code, out) == (0, "")
    assert timings(err) == (f"wsoagen: validating {a} ...\n"
                            f"wsoagen: {a}: valid in N s\n"
                            f"wsoagen: validating {b} ...\n"
                            f"wsoagen: {b}: valid in N s\n"
                            "wsoagen: total N s\n"
                            "wsoagen: 2 plans: 0 errors, 0 warnings\n")


def test_quiet_and_verbose_together_is_a_usage_error(make_plan, cli):
    code, _, err = cli("validate", "-q", "-v", make_plan())
    assert code == 2
    assert err.endswith("wsoagen validate: error: argument -v/--verbose: not allowed with argument -q/--quiet\n")


def test_a_missing_folder_stops_before_any_work(make_plan, cli, tmp_path):
    good = make_plan()
    code, out, err = cli("build", good, tmp_path / "nope", "-o", tmp_path / "out")
    assert (code, out) == (2, "")
    assert err == f"wsoagen: error: {tmp_path / 'nope'}: no such plan folder\n"
    assert not (tmp_path / "out").exists()


# ---------------------------------------------------------------- build


def wrote(out: str) -> list[Path]:
    assert all(line.startswith("wrote ") for line in out.splitlines()), out
    return [Path(line[len("wrote "):]) for line in out.splitlines()]


def test_build_plain_output_and_summary(make_plan, cli, tmp_path):
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    out_dir = tmp_path / "out"
    code, out, err = cli("build", folder, "-o", out_dir, "--as-at", AS_AT)
    assert code == 0, err
    files = wrote(out)
    assert files[:4] == [out_dir / "testshire" / name for name in ("plan.json", "wsoa.html", "wsoa.pdf", "wsoa.docx")]
    assert all(p.is_file() for p in files)
    names = ", ".join(p.name for p in files)
    assert err == (f"wsoagen: building {folder} ...\n"
                   + problems(folder) +
                   f"wsoagen: wrote {out_dir}/testshire/: {names} (1 warning)\n"
                   "wsoagen: 1 plan: 0 errors, 1 warning\n")


def test_build_summary_names_the_plans_not_built(make_plan, cli, tmp_path):
    good, bad = make_plan(), make_plan(workstreams={"1.yaml": BAD_STATUS})
    out_dir = tmp_path / "out"
    code, out, err = cli("build", good, bad, "-o", out_dir, "--as-at", AS_AT)
    assert code == 1
    names = ", ".join(p.name for p in wrote(out))
    assert err == (f"wsoagen: building {good} ...\n"
                   f"wsoagen: building {bad} ...\n"
                   + problems(bad) +
                   f"wsoagen: wrote {out_dir}/testshire/: {names}\n"
                   f"wsoagen: {bad}: not built: 1 error, 0 warnings\n"
                   "wsoagen: 2 plans: 1 error, 0 warnings\n")
    assert not (out_dir / bad.name).exists()


def test_build_quiet_prints_only_the_summary_line(make_plan, cli, tmp_path):
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    code, out, err = cli("build", "--quiet", folder, "-o", tmp_path / "out", "--as-at", AS_AT)
    assert (code, out, err) == (0, "", "wsoagen: 1 plan: 0 errors, 1 warning\n")
    assert (tmp_path / "out" / "testshire" / "wsoa.pdf").is_file()


def test_build_verbose_times_each_stage(make_plan, cli, tmp_path):
    folder = make_plan()
    out_dir = tmp_path / "out"
    code, out, err = cli("build", "-v", folder, "-o", out_dir, "--as-at", AS_AT)
    assert code == 0, err
    names = ", ".join(p.name for p in wrote(out))
    assert timings(err) == ("wsoagen: renderers loaded in N s\n"
                            f"wsoagen: building {folder} ...\n"
                            f"wsoagen: {folder}: built in N s\n"
                            f"wsoagen: wrote {out_dir}/testshire/: {names}\n"
                            "wsoagen: total N s\n"
                            "wsoagen: 1 plan: 0 errors, 0 warnings\n")


def test_build_github_annotations(make_plan, cli, tmp_path):
    folder = make_plan(workstreams={"1.yaml": BAD_STATUS.replace("        lead: ann-smith\n", "")})
    code, out, err = cli("build", "--error-format", "github", folder, "-o", tmp_path / "out", "--as-at", AS_AT)
    assert (code, out) == (1, "")
    ws = f"{folder}/workstreams/1.yaml"
    annotations = problems(folder, github=True)
    assert annotations.startswith(f"::warning file={ws},line=13,col=14,title=action-owner::action 1.1a has no owner: ")
    assert f"\n::error file={ws},line=19,col=21,title=statuses::" in annotations
    assert err == (f"wsoagen: building {folder} ...\n" + annotations
                   + f"wsoagen: {folder}: not built: 1 error, 1 warning\n"
                   "wsoagen: 1 plan: 1 error, 1 warning\n")


def test_build_strict_fails_on_warnings_but_still_writes(make_plan, cli, tmp_path):
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    code, _, err = cli("build", "--strict", "-q", folder, "-o", tmp_path / "out", "--as-at", AS_AT)
    assert code == 1
    assert err.endswith("wsoagen: 1 plan: 0 errors, 1 warning\n")


# ---------------------------------------------------------------- terminal or log


class FakeTty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_interactive_only_at_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("TERM", raising=False)
    assert progress.interactive(FakeTty()) is True
    assert progress.interactive(io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert progress.interactive(FakeTty()) is False
    monkeypatch.setenv("CI", "false")
    assert progress.interactive(FakeTty()) is True
    monkeypatch.setenv("TERM", "dumb")
    assert progress.interactive(FakeTty()) is False


def test_in_ci_the_log_gets_plain_lines(make_plan, cli, tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    folder = make_plan()
    code, _, err = cli("build", folder, "-o", tmp_path / "out", "--as-at", AS_AT)
    assert code == 0, err
    assert err.startswith(f"wsoagen: building {folder} ...\n")


def test_at_a_terminal_a_live_display_replaces_the_plain_lines(make_plan, cli, tmp_path, monkeypatch):
    from rich.console import Console

    monkeypatch.setattr(progress, "interactive", lambda stream=None: True)
    monkeypatch.setattr(progress, "make_console", lambda: Console(file=sys.stderr, force_terminal=True, width=200))
    folder = make_plan(workstreams={"1.yaml": NO_LEAD})
    out_dir = tmp_path / "out"
    code, out, err = cli("build", folder, "-o", out_dir, "--as-at", AS_AT)
    assert code == 0, err
    names = ", ".join(p.name for p in wrote(out))  # stdout is not the terminal: `wrote` lines stay
    assert "wsoagen: building" not in err
    assert problems(folder) in err  # printed above the display, in one piece
    assert err.endswith(f"wsoagen: wrote {out_dir}/testshire/: {names} (1 warning)\n"
                        "wsoagen: 1 plan: 0 errors, 1 warning\n")


# ---------------------------------------------------------------- the rest


def test_python_m_wsoagen_version():
    run = subprocess.run([sys.executable, "-m", "wsoagen", "--version"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert (run.returncode, run.stdout, run.stderr) == (0, f"wsoagen {__version__}\n", "")


def test_unknown_schema_is_a_usage_error(cli):
    code, out, err = cli("schema", "nope")
    assert (code, out) == (2, "")
    assert err.startswith('wsoagen: error: no schema "nope": choose one of plan, workstream')


def test_schema_write(cli, tmp_path):
    code, out, _ = cli("schema", "--write", tmp_path / "schema")
    assert code == 0
    assert f"wrote {tmp_path / 'schema' / 'plan.schema.json'}\n" in out
    assert (tmp_path / "schema" / "workstream.schema.json").read_text(encoding="utf-8").startswith("{")
