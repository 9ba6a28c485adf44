"""A figure too large for any plan (and for the charts) is a positioned error, in plan.yaml and in a data file."""

from __future__ import annotations

from wsoagen.cli import main


def test_too_large_figures_are_errors_at_their_place(tmp_path, capsys):
    assert main(["new", str(tmp_path / "plan")]) == 0
    plan = tmp_path / "plan" / "plan.yaml"
    data = tmp_path / "plan" / "data" / "example.csv"
    good_plan, good_data = plan.read_text(), data.read_text()
    plan.write_text(good_plan.replace("baseline: {value: 42,", "baseline: {value: 99999999999999999999999999999,"))
    capsys.readouterr()
    assert main(["validate", str(tmp_path / "plan")]) == 1
    assert "plan.yaml:84:23: error:" in capsys.readouterr().err
    plan.write_text(good_plan)
    data.write_text(good_data.replace("ehcp-20-weeks,Oct 2026,46,", "ehcp-20-weeks,Oct 2026,1000000000000000,"))
    assert main(["validate", str(tmp_path / "plan")]) == 1
    err = capsys.readouterr().err
    assert "example.csv:6:3: error: 1000000000000000 is too large for a figure in a plan" in err
    data.write_text(good_data.replace("ehcp-20-weeks,Oct 2026,46,", "ehcp-20-weeks,Oct 2026,999999999999999,"))
    assert main(["validate", str(tmp_path / "plan")]) == 1  # just under the limit: read, and judged as any other figure
    assert "999999999999999% is not a percentage between 0 and 100" in capsys.readouterr().err
