"""`wsoagen build` skips a plan whose inputs and outputs are as at its last build (as make does),
says the same, and builds again as soon as anything it reads or wrote has changed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from wsoagen import freshness
from wsoagen.cli import main

CHECK = ("import sys; from wsoagen.cli import main; code = main(sys.argv[1:]); "
         "print('renderers loaded' if 'weasyprint' in sys.modules else 'renderers not loaded'); sys.exit(code)")


@pytest.fixture
def built(tmp_path, fake_renderers, capsys):
    assert main(["new", str(tmp_path / "plan")]) == 0
    capsys.readouterr()
    out = tmp_path / "out"
    assert main(["build", str(tmp_path / "plan"), "-o", str(out), "-j", "1"]) == 0
    first = capsys.readouterr()
    return tmp_path / "plan", out, first


def outputs(out):
    return {p.name: p.read_bytes() for p in (out / "plan").iterdir()}


def test_an_unchanged_rebuild_loads_no_renderer_and_says_the_same(built):
    plan, out, first = built
    run = subprocess.run([sys.executable, "-c", CHECK, "build", str(plan), "-o", str(out)], capture_output=True, text=True, check=False)
    assert run.returncode == 0 and run.stdout.endswith("renderers not loaded\n")
    assert run.stdout.removesuffix("renderers not loaded\n") == first.out  # the same `wrote` lines
    assert run.stderr == first.err  # the same warnings and summary


@pytest.mark.parametrize("change", ["plan file", "data file", "own template", "output edited", "output removed", "as-at"])
def test_anything_read_or_written_changed_builds_again(built, change, capsys):
    plan, out, _ = built
    before = outputs(out)
    args = ["build", str(plan), "-o", str(out), "-j", "1"]
    if change == "plan file":
        ws = next((plan / "workstreams").glob("*.yaml"))
        ws.write_text(ws.read_text().replace("status: Blue", "status: Green"))
    elif change == "data file":
        data = plan / "data" / "example.csv"
        data.write_text(data.read_text().replace("ehcp-20-weeks,Oct 2026,46,", "ehcp-20-weeks,Oct 2026,47,"))
    elif change == "own template":
        (plan / "templates" / "default").mkdir(parents=True)
        (plan / "templates" / "default" / "wsoa.html.j2").write_text('{% extends "default/wsoa.html.j2" %}\n')
    elif change == "output edited":
        (out / "plan" / "wsoa.html").write_text("edited by hand")
    elif change == "output removed":
        (out / "plan" / "wsoa.pdf").unlink()
    else:
        args += ["--as-at", "2027-01-04"]
    assert main(args) == 0
    after = outputs(out)
    if change in ("output edited", "output removed", "own template"):
        assert after == before  # made again, the same as before
    else:
        assert after["wsoa.html"] != before["wsoa.html"]


def test_no_fingerprint_for_what_cannot_be_told(tmp_path):
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "plan.yaml").write_text("title: x\n")
    (tmp_path / "plan" / "data").mkdir()
    (tmp_path / "plan" / "data" / "link.csv").symlink_to("/etc/hostname")
    assert freshness.fingerprint(tmp_path / "plan", None, tmp_path / "out") is None
    assert freshness.fresh(tmp_path / "out", tmp_path / "plan", None) is None
