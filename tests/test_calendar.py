"""Working-day deadlines across Finnish public holidays, and calendar-month limits."""

from __future__ import annotations

import datetime as dt

import pytest

from lsmitoitus.model.calendar import WorkingDayCalendar, add_months

pytestmark = pytest.mark.unit
CAL = WorkingDayCalendar(dt.date(2023, 1, 1), 3 * 366)


def seventh_working_day(opened: dt.date) -> dt.date:
    return CAL.date(CAL.add_working_days(CAL.index(opened), 7))


def test_deadline_across_christmas_and_new_year() -> None:
    # Thu 19.12.2024 opened; Christmas Eve, Christmas, Boxing Day and New Year's Day are not counted:
    # 20 (1), 23 (2), 27 (3), 30 (4), 31 (5), 2.1. (6), 3.1. (7)
    assert seventh_working_day(dt.date(2024, 12, 19)) == dt.date(2025, 1, 3)


def test_deadline_across_easter() -> None:
    # Thu 28.3.2024 opened; Good Friday 29.3. and Easter Monday 1.4. are not counted
    assert seventh_working_day(dt.date(2024, 3, 28)) == dt.date(2024, 4, 10)


def test_ordinary_week_skips_only_the_weekend() -> None:
    # Mon 7.10.2024 opened: Tue..Fri (4), Mon..Wed (7)
    assert seventh_working_day(dt.date(2024, 10, 7)) == dt.date(2024, 10, 16)


def test_opening_day_is_not_counted_even_when_it_is_a_working_day() -> None:
    opened = CAL.index(dt.date(2024, 10, 7))
    assert CAL.date(CAL.add_working_days(opened, 1)) == dt.date(2024, 10, 8)


def test_tabled_rows_agree_with_direct_lookup() -> None:
    row = CAL.working_day_row(7)
    for day in range(0, 700, 13):
        assert row[day] == CAL.add_working_days(day, 7)


@pytest.mark.parametrize(
    ("opened", "due"),
    [
        (dt.date(2024, 1, 15), dt.date(2024, 4, 15)),
        (dt.date(2023, 11, 30), dt.date(2024, 2, 29)),  # leap year
        (dt.date(2024, 11, 30), dt.date(2025, 2, 28)),
        (dt.date(2024, 10, 31), dt.date(2025, 1, 31)),
    ],
)
def test_three_months(opened: dt.date, due: dt.date) -> None:
    assert add_months(opened, 3) == due
