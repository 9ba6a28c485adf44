"""The status chart read as a board member reads it: names whole, counts whole, colours named."""

from datetime import date

import pytest
from test_chart_svg import axis, faults, texts, view_box, workstream

from conftest import EXAMPLE, MINI_PLAN
from wsoagen.data import status
from wsoagen.data.metrics import read_plan
from wsoagen.render import charts

AS_AT = date(2020, 1, 14)


@pytest.fixture(scope="module")
def example():
    plan, _ = read_plan(EXAMPLE)
    return plan


def _chart(plan, tmp_path, as_at=AS_AT):
    return charts.status_chart(status.summary(plan, as_at), charts.ChartRenderer(tmp_path))


def _names(svg):
    """The y axis labels, each as one string however many lines it was drawn on (spaces left out:
    a word too long for a line is broken across two)."""
    return ["".join(t.words.split()) for t in texts(svg) if "role-axis-label" in t.classes and not t.words.isdigit()]


def test_the_example_reads_whole_at_its_printed_size(example, tmp_path):
    svg = _chart(example, tmp_path).svg
    assert view_box(svg)[0] == charts.WIDTH  # drawn at the width it prints at: not squeezed
    assert faults(svg) == []
    names = [f"{ws.number}. {ws.title}" for ws in example.workstreams]
    # every name in full, long ones wrapped ("5. Provision and opportunities for young adults aged 18 - 25")
    assert _names(svg) == ["".join(n.split()) for n in names]
    wrapped = next(t for t in texts(svg) if t.words == names[4])
    assert len(wrapped.lines) == 2


def test_counts_have_whole_ticks_from_zero(example, tmp_path):
    lo, hi, ticks = axis(_chart(example, tmp_path).svg, "X")
    assert lo == 0 and hi >= 36
    assert ticks and all(t.isdigit() for t in ticks), ticks


def test_the_legend_says_what_each_status_means(example, tmp_path):
    svg = _chart(example, tmp_path).svg
    legend = [t.words for t in texts(svg) if "role-legend-label" in t.classes]
    scheme = status.summary(example, AS_AT).scheme
    assert legend == [f"{s.label}: {s.meaning}" for s in scheme.declared] + ["Not rated: no status recorded yet"]
    assert "Blue: complete" in legend and "Amber: behind schedule" in legend


def test_long_names_and_many_workstreams_stay_inside(make_plan, tmp_path):
    titles = ["Provision and opportunities for young adults aged 18 to 25 preparing for adulthood, employment and independent living",
              "Supercalifragilisticexpialidociousnessworkstreamwithoutspaces", *(f"Area {n}" for n in range(3, 13))]
    files = {f"{n}.yaml": workstream(n, title, [("Nov 2019", "Blue"), ("Feb 2020", None)] * n) for n, title in enumerate(titles, start=1)}
    plan, _ = read_plan(make_plan(plan=MINI_PLAN, workstreams=files))
    svg = _chart(plan, tmp_path).svg
    assert view_box(svg)[0] == charts.WIDTH
    assert faults(svg) == []
    assert _names(svg) == ["".join(f"{n}. {t}".split()) for n, t in enumerate(titles, start=1)]
    assert all(t.box[2] < charts.WIDTH / 2 for t in texts(svg) if "role-axis-label" in t.classes and not t.words.isdigit())


def test_alt_text_and_table_give_the_counts(example, tmp_path):
    chart = _chart(example, tmp_path)
    assert chart.alt.startswith("Milestones by status: 18 of 106 milestones are complete and 6 are overdue, as at 14 January 2020. ")
    assert "Blue (complete) 18; Green (on track) 2;" in chart.alt
    assert chart.table_head == ["Workstream", "Blue", "Green", "Amber", "Red", "Not rated", "Total"]
    assert chart.table_rows[0] == ["1. Joint planning and commissioning including intervention", "7", "1", "1", "0", "27", "36"]
