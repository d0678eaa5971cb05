"""Expected notifications and child population per area, year and day (deterministic inputs)."""

from __future__ import annotations

import calendar
import datetime as dt

import numpy as np

from ..scenario.schema import Scenario


def county_notifications(scenario: Scenario, year: int) -> float:
    """Expected notifications in the county in ``year``.

    Observed and explicit series years are used as given. Other years project from the latest
    given year before them by the per-child growth rate times the child-population trend; years
    before the first observation repeat the first observed level (used for warm-up).
    """
    demand = scenario.demand
    given = {**demand.notifications, **demand.series}
    if year in given:
        return float(given[year])
    earlier = [y for y in given if y < year]
    if not earlier:
        return float(given[min(given)])
    base = max(earlier)
    trend = (1.0 + demand.growth_per_year) ** (year - base)
    return float(given[base]) * trend * county_population(scenario, year) / county_population(scenario, base)


def area_population(scenario: Scenario, area: str, year: int) -> float:
    """0–17 population of an area: given years as is, interpolated between, trended after."""
    table = scenario.areas[area].population_0_17
    years = sorted(table)
    if year > years[-1]:
        return float(table[years[-1]]) * (1.0 + scenario.demand.population_growth_per_year) ** (year - years[-1])
    return float(np.interp(year, years, [table[y] for y in years]))


def county_population(scenario: Scenario, year: int) -> float:
    """0–17 population of the whole county in ``year``."""
    return sum(area_population(scenario, a, year) for a in scenario.areas)


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
