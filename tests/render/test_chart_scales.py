"""Axes from the data: value ranges and ticks, the dates a time axis covers, month ticks."""

from datetime import date

import pytest

from wsoagen.render.charts.scales import date_window, month_ticks, value_axis


@pytest.mark.parametrize(("values", "unit", "lo", "hi", "ticks"), [
    ([1, 16], "%", 0, 20, [0, 5, 10, 15, 20]),  # a 1-16% series does not sit flat on 0-100%
    ([9, 96, 85], "%", 0, 100, [0, 20, 40, 60, 80, 100]),  # never beyond 100% for values within it
    ([88, 96, 90], "%", 86, 98, [86, 88, 90, 92, 94, 96, 98]),  # bunched high up: a window round the values
    ([155, 3, 0], "count", 0, 175, [0, 25, 50, 75, 100, 125, 150, 175]),
    ([120, 84], "count", 0, 140, [0, 20, 40, 60, 80, 100, 120, 140]),  # counts start at zero
    ([3, 3], "count", 0, 4, [0, 1, 2, 3, 4]),  # no half milestones
    ([0, 0], "count", 0, 1, [0, 1]),
    ([0.2, 0.7], "weeks", 0, 0.8, [0, 0.2, 0.4, 0.6, 0.8]),
    ([5, 110], "%", 0, 120, [0, 20, 40, 60, 80, 100, 120]),  # a value over 100% stays on the axis
    ([-3, 4], "score", -4, 6, [-4, -2, 0, 2, 4, 6]),
    ([], "%", 0, 100, [0, 20, 40, 60, 80, 100]),
])
def test_value_axis_is_chosen_from_the_values(values, unit, lo, hi, ticks):
    axis = value_axis(values, unit)
    assert (axis.lo, axis.hi, axis.ticks) == (lo, hi, ticks)
    assert all(axis.lo <= v <= axis.hi for v in values)


def test_value_axis_ticks_are_whole_for_counts_and_percentages_and_worded():
    for values in ([0, 1], [0, 3], [2, 7], [1, 1234]):
        axis = value_axis(values, "count")
        assert all(isinstance(t, int) for t in axis.ticks), (values, axis.ticks)
        assert len(axis.ticks) <= 8
    for values in ([0, 10], [2, 70], [1, 99]):
        assert all(isinstance(t, int) for t in value_axis(values, "%").ticks), values


def test_percentages_spanning_a_few_points_are_scaled_to_the_data():
    axis = value_axis([0.68, 0.97, 1.26], "%")  # Devon's EHC requests as a % of population
    assert axis.hi <= 1.5 and len(axis.ticks) >= 4
    assert "0.5%" in axis.labels.values() or "0.2%" in axis.labels.values()
    assert list(value_axis([1, 16], "%").labels.values()) == ["0%", "5%", "10%", "15%", "20%"]
    assert value_axis([0, 1234], "count").labels[1400] == "1,400"


def test_the_window_covers_the_dates_and_takes_in_a_near_as_at_date():
    window = date_window([date(2019, 1, 16), date(2020, 3, 31)], date(2020, 1, 14))
    assert window.as_at_side == "inside" and window.start < date(2019, 1, 16) and window.end > date(2020, 3, 31)
    later = date_window([date(2019, 1, 16), date(2020, 3, 31)], date(2020, 6, 30))
    assert later.as_at_side == "inside" and later.end > date(2020, 6, 30)


def test_an_as_at_date_far_beyond_the_dates_does_not_stretch_the_window():
    after = date_window([date(2019, 9, 1), date(2021, 7, 31)], date(2024, 6, 1))
    assert after.as_at_side == "after" and after.end < date(2021, 10, 1)
    before = date_window([date(2022, 9, 1), date(2023, 7, 31)], date(2019, 6, 1))
    assert before.as_at_side == "before" and before.start > date(2022, 6, 1)
    assert date_window([], date(2020, 1, 14)).as_at_side == "inside"


def test_month_ticks_fit_the_room_on_quarter_days():
    window = date_window([date(2019, 9, 1), date(2021, 7, 31)], date(2020, 1, 14))
    ticks = month_ticks(window, 8)
    assert list(ticks.values()) == ["Oct 2019", "Jan 2020", "Apr 2020", "Jul 2020", "Oct 2020", "Jan 2021", "Apr 2021", "Jul 2021"]
    assert all(window.lo <= t <= window.hi for t in ticks)
    assert len(month_ticks(window, 3)) <= 3
    assert len(month_ticks(date_window([date(2010, 1, 1), date(2030, 1, 1)], date(2020, 1, 1)), 8)) <= 8
