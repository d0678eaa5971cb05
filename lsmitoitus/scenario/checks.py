"""Whether a valid scenario can be run: plausibility checks made before any simulation starts.

The schema (:mod:`.schema`) checks each value on its own; these checks catch combinations that
validate but would crash a run or make it run for hours: a reported period without a year end
(yearly results and THL's indicators are per calendar year), a county without children, and
demand far beyond anything observed. Each problem gets one line of a :class:`ScenarioError`.

Pure Python on purpose: ``lsmitoitus validate`` runs these checks and must start quickly, so
the demand projection of :mod:`lsmitoitus.model.demand` is restated here without numpy (a test
keeps the two equal).
"""

from __future__ import annotations

import datetime as dt

from ..text.formats import Formatted, date, integer, number, significant
from ..text.i18n import Msg, echo
from .demand_inputs import county_notifications, county_population
from .errors import ScenarioError
from .schema import Scenario

#: Most notifications per child aged 0–17 per year accepted: ten times the national level of
#: 2023 (214,638 notifications for about 1.08 million children, ≈ 0.2).
MAX_NOTIFICATIONS_PER_CHILD = 2.0
#: Most notifications simulated in one replication (warm-up included): about three times a
#: national 20-year run, which takes a minute per replication.
MAX_NOTIFICATIONS_PER_REPLICATION = 20_000_000


def simulated_years(scenario: Scenario) -> range:
    """Calendar years the model simulates, warm-up included."""
    sim = scenario.simulation
    return range(sim.start.year - sim.warmup_years, sim.end.year + 1)


def _when(years: list[int]) -> Msg:
    """The years as words: in 2024, or in 2022–2024 (the span is what matters)."""
    return Msg("in_years", first=years[0], last=years[-1]) if len(years) > 1 else Msg("in_year", year=years[0])


def problems(scenario: Scenario) -> list[Msg]:
    """Everything that keeps a valid scenario from running, one message each (empty: runnable)."""
    found: list[Msg] = []
    sim = scenario.simulation
    first_year_end = dt.date(sim.start.year, 12, 31)
    if sim.end < first_year_end:
        found.append(Msg("check_horizon", start=Formatted(date, sim.start), end=Formatted(date, sim.end)))
    empty = [name for name, area in scenario.areas.items() if not area.population_0_17]
    if empty:
        found.append(Msg("check_population_empty", areas=echo(", ".join(empty), plain=True)))
        return found  # nothing below can be computed without a population
    years = simulated_years(scenario)
    zero = [y for y in years if county_population(scenario, y) <= 0.0]
    if zero:
        found.append(Msg("check_population_zero", when=_when(zero)))
        return found
    ratio, year = max((county_notifications(scenario, y) / county_population(scenario, y), y) for y in years)
    if ratio > MAX_NOTIFICATIONS_PER_CHILD:
        found.append(
            Msg(
                "check_demand_per_child",
                year=year,
                notifications=Formatted(integer, county_notifications(scenario, year)),
                children=Formatted(integer, county_population(scenario, year)),
                ratio=Formatted(significant, ratio, digits=3),
                limit=Formatted(number, MAX_NOTIFICATIONS_PER_CHILD),
            )
        )
    total = sum(county_notifications(scenario, y) for y in years)
    if total > MAX_NOTIFICATIONS_PER_REPLICATION:
        found.append(
            Msg(
                "check_demand_total",
                total=Formatted(integer, total),
                first=years[0],
                last=years[-1],
                limit=Formatted(integer, MAX_NOTIFICATIONS_PER_REPLICATION),
            )
        )
    return found


def check_runnable(scenario: Scenario, source: str = "<scenario>") -> None:
    """Raise :class:`ScenarioError` listing every reason ``scenario`` cannot be run, if any."""
    found = problems(scenario)
    if found:
        raise ScenarioError([Msg("not_runnable", source=source), *found])
