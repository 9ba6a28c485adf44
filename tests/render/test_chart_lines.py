"""Metric charts stay scaled to the data: an undated target or comparator is a line across when
it is near the values, and is left off (the legend says so) when it would flatten them."""

from __future__ import annotations

from datetime import date

from wsoagen.data.status import metric_progress
from wsoagen.plan.dates import parse_when
from wsoagen.plan.model import DataPoint, Metric
from wsoagen.plan.model.metrics import Figure
from wsoagen.render.charts.metric import metric_spec

AS_AT = date(2024, 11, 30)


def _spec(metric: Metric) -> dict:
    points = [DataPoint(date=parse_when(d), value=Figure.of(v), source="t") for d, v in [("Jul 2023", "4.17"), ("Nov 2024", "4.63")]]
    return metric_spec(metric, metric_progress(metric, points, AS_AT), AS_AT)


def _domain(spec: dict) -> list[float]:
    return spec["layer"][0]["encoding"]["y"]["scale"]["domain"]


def _legend(spec: dict) -> str:
    return next(layer for layer in spec["layer"] if "shape" in layer.get("encoding", {}))["encoding"]["shape"]["legend"]["labelExpr"]


def test_a_far_undated_target_is_left_off_and_the_legend_says_so():
    spec = _spec(Metric(id="x", title="X", unit="%", better="monitor only", baseline={"value": 3.99, "date": "Jan 2023"},
                        target={"value": 30.8, "label": "national SEN2 2022"}))
    assert _domain(spec)[1] < 6  # the axis fits 3.99% to 4.63%, not 0 to 35%
    assert not any(layer.get("mark", {}).get("strokeDash") == [6, 4] for layer in spec["layer"] if isinstance(layer.get("mark"), dict))
    assert "30.8% (national SEN2 2022) (beyond this chart's scale)" in _legend(spec)


def test_a_near_undated_target_and_comparator_are_lines_in_range():
    spec = _spec(Metric(id="x", title="X", unit="%", target={"value": 4, "label": "England average"},
                        comparators=[{"label": "Statistical neighbours", "value": "3.8"}]))
    lo, hi = _domain(spec)
    assert lo <= 3.8 and hi >= 4.63
    dashes = [layer["mark"]["strokeDash"] for layer in spec["layer"] if isinstance(layer.get("mark"), dict) and layer["mark"].get("type") == "rule"
              and "strokeDash" in layer["mark"]]
    assert [6, 4] in dashes
    assert any(layer["mark"].get("color") == "#912b88" for layer in spec["layer"] if isinstance(layer.get("mark"), dict))  # the comparator's line
    assert "Statistical neighbours: 3.8%" in _legend(spec)
