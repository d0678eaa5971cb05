"""The deterministic demand inputs of a scenario: 0–17 population and expected notifications by
area and year. Plain Python (no numpy), so that `lsmitoitus validate` can check them without the
numerical stack; the model (``model/demand.py``) uses the same functions."""

from __future__ import annotations

from .schema import Scenario


def area_population(scenario: Scenario, area: str, year: int) -> float:
    """0–17 population of an area: given years as is, interpolated between them, the first value
    before them, trended by ``demand.population_growth_per_year`` a year after them."""
    table = scenario.areas[area].population_0_17
    years = sorted(table)
    if year > years[-1]:
        return float(table[years[-1]]) * (1.0 + scenario.demand.population_growth_per_year) ** (year - years[-1])
    if year <= years[0]:
        return float(table[years[0]])
    later = next(y for y in years if y >= year)
    earlier = max(y for y in years if y <= year)
    if later == earlier:
        return float(table[year])
    weight = (year - earlier) / (later - earlier)
    return float(table[earlier]) + weight * (float(table[later]) - float(table[earlier]))


def county_population(scenario: Scenario, year: int) -> float:
    """0–17 population of the whole county in ``year``."""
    return sum(area_population(scenario, a, year) for a in scenario.areas)


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
