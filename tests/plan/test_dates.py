from datetime import date

import pytest

from wsoagen.plan.dates import parse_when


@pytest.mark.parametrize(
    "text, start, end, precision, kind",
    [
        ("Nov 2019", date(2019, 11, 1), date(2019, 11, 30), "month", "by"),
        ("Sept 2019", date(2019, 9, 1), date(2019, 9, 30), "month", "by"),
        ("January 2020", date(2020, 1, 1), date(2020, 1, 31), "month", "by"),
        ("Feb 2020", date(2020, 2, 1), date(2020, 2, 29), "month", "by"),
        ("31 March 2024", date(2024, 3, 31), date(2024, 3, 31), "day", "by"),
        ("31st March 2024", date(2024, 3, 31), date(2024, 3, 31), "day", "by"),
        ("31/03/2024", date(2024, 3, 31), date(2024, 3, 31), "day", "by"),
        ("2019-06-10", date(2019, 6, 10), date(2019, 6, 10), "day", "by"),
        ("From Feb 2020", date(2020, 2, 1), None, "month", "from"),
        ("Ongoing from March 2020", date(2020, 3, 1), None, "month", "ongoing"),
        ("Nov 2019-", date(2019, 11, 1), None, "month", "from"),
        ("June 2020 to April 2021", date(2020, 6, 1), date(2021, 4, 30), "month", "range"),
        ("June 2020 - April 2021", date(2020, 6, 1), date(2021, 4, 30), "month", "range"),
        ("2020-06", date(2020, 6, 1), date(2020, 6, 30), "month", "by"),
        ("By March 2020", date(2020, 3, 1), date(2020, 3, 31), "month", "by"),
        ("Q1 2021", date(2021, 1, 1), date(2021, 3, 31), "quarter", "by"),
        ("Spring 2020", date(2020, 3, 1), date(2020, 5, 31), "quarter", "by"),
        ("2021", date(2021, 1, 1), date(2021, 12, 31), "year", "by"),
        ("  nov   2019 ", date(2019, 11, 1), date(2019, 11, 30), "month", "by"),
    ],
)
def test_forms_people_write(text, start, end, precision, kind):
    when = parse_when(text)
    assert (when.start, when.end, when.precision, when.kind) == (start, end, precision, kind)
    assert when.text == text  # the author's words are kept for display


@pytest.mark.parametrize(
    "text, message",
    [
        ("soon", 'cannot read "soon" as a date; write it like "Nov 2019", "31 March 2024", "From Feb 2020" or "June 2020 to April 2021"'),
        ("31 February 2020", '"31 February 2020": 31 February 2020 is not a real date'),
        ("2020-13", '"2020-13": month 13 does not exist'),
        ("April 2021 to June 2020", '"April 2021 to June 2020" ends before it starts'),
        ("Smarch 2020", 'cannot read "Smarch 2020" as a date; write it like "Nov 2019", "31 March 2024", "From Feb 2020" or "June 2020 to April 2021"'),
        ("", 'a date is needed here, e.g. "Nov 2019", "31 March 2024", "From Feb 2020" or "June 2020 to April 2021"'),
    ],
)
def test_unreadable_dates_say_why(text, message):
    with pytest.raises(ValueError) as exc:
        parse_when(text)
    assert str(exc.value) == message
