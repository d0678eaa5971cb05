"""Expected notifications and child population per area, year and day (deterministic inputs)."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np

from ..scenario.demand_inputs import county_notifications
from ..scenario.schema import Scenario


def daily_notification_rates(scenario: Scenario, origin: dt.date, n_days: int) -> np.ndarray:
    """Expected notifications per day, shape (n_days, n_areas), seasonality applied.

    The seasonal weights are rescaled within each year so that the year's expected total is
    exactly ``county_notifications(year)``.
    """
    season = np.asarray(scenario.demand.seasonality, dtype=float)
    shares = np.array([a.notification_share for a in scenario.areas.values()])
    days = np.datetime64(origin, "D") + np.arange(n_days)
    year = days.astype("datetime64[Y]").astype(np.int64) + 1970
    month = days.astype("datetime64[M]").astype(np.int64) % 12  # 0 = January
    per_year = {
        int(y): county_notifications(scenario, int(y))
        / float(np.dot(season, [calendar.monthrange(int(y), m)[1] for m in range(1, 13)]))
        for y in np.unique(year)
    }
    daily = np.array([per_year[y] for y in year.tolist()]) * season[month]
    return daily[:, None] * shares[None, :]


def first_projected_year(scenario: Scenario) -> int:
    """The first year without observed notifications: where the projection begins."""
    return max(scenario.demand.notifications) + 1
