"""Day arithmetic for the model: day indices, working days and statutory deadlines.

Time in the model is a float number of days since ``origin`` (midnight of that date). Working
days are Monday–Friday excluding Finnish public holidays as given by the maintained
``holidays`` package (which also treats Midsummer Eve and Christmas Eve as days off, as the
public sector does). The day a case opens is not counted (THL, "Lastensuojelun aikarajat").
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property, lru_cache

import holidays
import numpy as np


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day-of-month ``months`` later, clipped to the month's last day (31.1. + 1 → 28/29.2.)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    next_first = dt.date(year + (month == 12), month % 12 + 1, 1)
    return min(
        day.replace(year=year, month=month, day=1) + dt.timedelta(days=day.day - 1), next_first - dt.timedelta(days=1)
    )


class WorkingDayCalendar:
    """Working-day lookups for day indices 0..n_days-1 counted from ``origin``.

    Invariant: ``cumulative[d]`` is the number of working days among days 0..d, so the k-th
    working day after day d is the first day e > d with cumulative[e] - cumulative[d] >= k.
    """

    def __init__(self, origin: dt.date, n_days: int) -> None:
        self.origin = origin
        # margin so that deadlines of cases opened on the last day still fall inside the table
        self.n_days = n_days + 400
        last = origin + dt.timedelta(days=self.n_days)
        fi_holidays = holidays.country_holidays("FI", years=range(origin.year, last.year + 1))
        days = [origin + dt.timedelta(days=i) for i in range(self.n_days)]
        self.is_working = np.array([d.weekday() < 5 and d not in fi_holidays for d in days], dtype=bool)
        self.cumulative = np.cumsum(self.is_working)

    def date(self, day_index: int) -> dt.date:
        """The calendar date of a day index."""
        return self.origin + dt.timedelta(days=int(day_index))

    def index(self, day: dt.date) -> int:
        """The day index of a calendar date."""
        return (day - self.origin).days

    def add_working_days(self, day_index: int, k: int) -> int:
        """Day index of the k-th working day after ``day_index`` (k ≥ 1); k = 0 gives the day itself."""
        if k <= 0:
            return day_index
        target = self.cumulative[day_index] + k
        return int(np.searchsorted(self.cumulative, target, side="left"))

    def working_day_row(self, k: int) -> list[int]:
        """``row[d]`` = add_working_days(d, k) for every day d, as a list for fast lookup."""
        if k not in self._rows:
            if k <= 0:
                self._rows[k] = list(range(self.n_days))
            else:
                row = np.searchsorted(self.cumulative, self.cumulative + k, side="left")
                self._rows[k] = row.tolist()
        return self._rows[k]

    @cached_property
    def _rows(self) -> dict[int, list[int]]:
        return {}

    @cached_property
    def year(self) -> np.ndarray:
        """Calendar year of every day index."""
        years = np.array([(self.origin + dt.timedelta(days=i)).year for i in range(self.n_days)])
        return years

    def month_deadlines(self, months: int) -> list[int]:
        """Day index ``months`` calendar months after each day (e.g. the 3-month assessment limit)."""
        return [self.index(add_months(self.date(d), months)) for d in range(self.n_days)]


@lru_cache(maxsize=8)
def calendar_for(origin: dt.date, n_days: int) -> WorkingDayCalendar:
    """A shared calendar per (origin, length): replications in one process reuse its tables."""
    return WorkingDayCalendar(origin, n_days)
