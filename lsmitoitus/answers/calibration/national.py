"""The national back-test: the default's rules run on national inputs for 2021–2024.

Nationally, notifications rose by a third from 2021 to 2024 and open-care clients fell by a
tenth in 2024, while emergency placements, children in care and new care orders stayed level
(THL, Lastensuojelu 2021–2024). What placements follow when notifications and the conversion to
a client relationship change (``conversion.placements_follow``) is decided here by those data,
not by default: for each rule the national scenario's levels are fitted to 2023 (the year THL
gives as counts), and the model's 2021, 2022 and 2024 are compared with THL's figures.

The national scenario is the default with national inputs: the child population, notifications,
notifications per notified child and the open-care clients by year (the conversion to a client
relationship follows the observed clients); assessment workers scaled with the population. It
runs at :data:`SCALE` of the national size (every rate per child unchanged; counts are scaled
back), so that it runs in seconds; staffing does not change which children there are (no
rationing), so one area with nominal posts stands for the country.

Observed figures given as rounded percentages are intervals (0.4 % is 0.35–0.45 %); "within
±5 %" means within 5 % of the interval.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from ...scenario.files import load_scenario, scenario_from_dict
from ...scenario.schema import Scenario
from ...simulation.runner import simulate
from ..indicators import simulated_indicators
from .fit import Calibrator

Rule = Literal["child_population", "notified_children", "clients"]
RULES: tuple[Rule, ...] = ("child_population", "notified_children", "clients")
YEARS = (2021, 2022, 2023, 2024)
SCALE = 0.1
TOLERANCE = 0.05

# THL Lastensuojelu 2021–2024 (docs/sources.md §10). The population aged 0–17 follows THL's
# notified-children counts and shares (98,634 = 9.1 % in 2022, 110,269 = 10.2 % in 2023, 115,000 =
# 10.7 % in 2024); 2021 continues the trend.
POPULATION = {2021: 1_088_000, 2022: 1_084_000, 2023: 1_081_000, 2024: 1_075_000}
NOTIFICATIONS = {2021: 173_466, 2022: 186_253, 2023: 214_638, 2024: 230_000}
PER_NOTIFIED_CHILD = {2022: 186_253 / 98_634, 2023: 214_638 / 110_269, 2024: 230_000 / 115_000}
OPEN_CARE = {2021: ("percent", 3.6), 2022: ("percent", 3.6), 2023: ("count", 38_531), 2024: ("count", 34_900)}

#: observed (indicator, year) -> (low, high) in children: a count (rounded as THL rounds it), or a
#: rounded percentage of the 0–17 population as its interval
OBSERVED: dict[tuple[str, int], tuple[float, float]] = {}


def _interval(kind: str, value: float, year: int, rounding: float) -> tuple[float, float]:
    if kind == "percent":
        return ((value - rounding) / 100 * POPULATION[year], (value + rounding) / 100 * POPULATION[year])
    return (value - rounding, value + rounding)


for _year, _pct in ((2021, 0.4), (2022, 0.4)):
    OBSERVED[("kiireellisesti_sijoitetut_0_17", _year)] = _interval("percent", _pct, _year, 0.05)
OBSERVED[("kiireellisesti_sijoitetut_0_17", 2023)] = (4_873, 4_873)
OBSERVED[("kiireellisesti_sijoitetut_0_17", 2024)] = _interval("count", 4_900, 2024, 50)
OBSERVED[("huostassa_0_17", 2021)] = _interval("percent", 1.1, 2021, 0.05)
OBSERVED[("huostassa_0_17", 2022)] = _interval("percent", 1.0, 2022, 0.05)
OBSERVED[("huostassa_0_17", 2023)] = _interval("count", 11_300, 2023, 50)
OBSERVED[("huostassa_0_17", 2024)] = _interval("count", 11_300, 2024, 50)
OBSERVED[("huostaanotot", 2023)] = (1_785, 1_785)
OBSERVED[("huostaanotot", 2024)] = _interval("count", 1_800, 2024, 50)

#: 2023, the fitting year: counts THL gives (placed outside the home as its rounded share)
FIT_ROWS = (
    ("avohuollon_asiakkaat_0_17", 2023, "count", 38_531),
    ("kiireellisesti_sijoitetut_0_17", 2023, "count", 4_873),
    ("huostassa_0_17", 2023, "count", 11_300),
    ("kodin_ulkopuolelle_sijoitetut_0_17", 2023, "percent_of_0_17", 1.6),
    ("huostaanotot", 2023, "count", 1_785),
)
FIT = (
    "arviointi.p_avohuolto",
    "avohuolto.p_kiireellinen_sijoitus",
    "sijaishuolto.duration.mean_days",
    "avohuolto.p_avohuollon_sijoitus",
    "kiireellinen_sijoitus.p_huostaanotto",
)


def national_scenario(rule: Rule, base: Scenario | None = None) -> Scenario:
    """The default's rules on national inputs (at :data:`SCALE`), placements following ``rule``."""
    data: dict[str, Any] = (base or load_scenario()).model_dump()
    ref_population = sum(a["population_0_17"][min(a["population_0_17"])] for a in data["areas"].values())
    area = "koko_maa"
    data["name"] = f"koko-maa-{rule.replace('_', '-')}"
    data["description"] = "National back-test: THL's national inputs 2021–2024 (docs/sources.md §10)."
    data["areas"] = {
        area: {"notification_share": 1.0, "population_0_17": {y: p * SCALE for y, p in POPULATION.items()}}
    }
    data["demand"]["notifications"] = {y: n * SCALE for y, n in NOTIFICATIONS.items()}
    data["demand"]["series"] = {}
    data["demand"]["growth_per_year"] = 0.0
    data["demand"]["notifications_per_notified_child"] = {"values": PER_NOTIFIED_CHILD, "after": "held"}
    assessors = sum(data["arviointi"]["workers"].values()) * POPULATION[2021] * SCALE / ref_population
    data["arviointi"]["workers"] = {area: assessors}
    # nominal posts: staffing decides who holds each list, not which children there are
    template = next(iter(data["staffing"]["avohuolto"].values()))
    data["staffing"] = {unit: {area: {**template, "social_workers": 1}} for unit in data["staffing"]}
    data["organisation"] = {"teams": {unit: "county" for unit in data["staffing"]}, "leads": {}}
    data["costs"]["own_institutions"] = {}
    data["costs"]["other_staff"] = {}
    data["levers"]["avohuolto_extra_posts"] = {}
    data["staffing_plan"] = []
    data["conversion"] = {
        "notification_elasticity": 0.0,
        "placements_follow": rule,
        "avohuolto": {"values": _open_care_conversion(), "after": "held"},
    }
    data["uncertainty"] = {"parameters": {}, "correlation": {}}
    data["provenance"] = {}
    data["simulation"].update(start="2021-01-01", end="2024-12-31")
    return scenario_from_dict(data, "national back-test")


def _open_care_conversion() -> dict[int, float]:
    """The conversion to a client relationship by year, relative to 2023, as the observed clients
    per newly notified child say (notified children in 2021 from the 2022 ratio)."""
    per_child = {2021: PER_NOTIFIED_CHILD[2022], **PER_NOTIFIED_CHILD}

    def clients(year: int) -> float:
        kind, value = OPEN_CARE[year]
        return value / 100 * POPULATION[year] if kind == "percent" else value

    rate = {y: clients(y) / (NOTIFICATIONS[y] / per_child[y]) for y in YEARS}
    return {y: rate[y] / rate[2023] for y in YEARS}


def _fit_history() -> pd.DataFrame:
    rows = [(i, y, u, v * SCALE if u == "count" else v) for i, y, u, v in FIT_ROWS]
    return pd.DataFrame(rows, columns=["indicator", "year", "unit", "value"])


@dataclass(frozen=True)
class BacktestRow:
    """One rule's figure against THL's: indicator, year, simulated (national scale), observed interval."""

    rule: str
    indicator: str
    year: int
    simulated: float
    low: float
    high: float

    @property
    def relative_error(self) -> float:
        """Distance from the observed interval relative to it (0 inside it)."""
        if self.simulated < self.low:
            return self.simulated / self.low - 1.0
        if self.simulated > self.high:
            return self.simulated / self.high - 1.0
        return 0.0

    @property
    def within(self) -> bool:
        return abs(self.relative_error) <= TOLERANCE


def national_backtest(
    rules: Sequence[Rule] = RULES, replications: int = 8, seed: int = 2021, jobs: int | None = None
) -> pd.DataFrame:
    """For each rule: fit the levels to 2023 (the approximation with two discrete-event rounds), run
    the discrete-event model 2021–2024, and compare emergency placements, children in care and new
    care orders with THL's figures. One row per rule, indicator and year."""
    rows = []
    for rule in rules:
        base = national_scenario(rule)
        calibrated = Calibrator(
            base, _fit_history(), fit=FIT, years=[2023], replications=6, rounds=2, jobs=jobs, evidence=False, copies=1
        )
        fitted = calibrated.run(explain=False).scenario.model_dump()
        fitted["uncertainty"] = {"parameters": {}, "correlation": {}}  # the fitted point, like the fit's check
        scenario = scenario_from_dict(fitted, "national back-test").with_overrides(replications=replications, seed=seed)
        results = simulate(scenario, jobs=jobs)
        groups = simulated_indicators(results)
        groups = groups[groups["unit"] == "count"]
        for (indicator, year), (low, high) in sorted(OBSERVED.items()):
            part = groups[(groups["indicator"] == indicator) & (groups["year"] == year)]
            values = part["value"].to_numpy()
            rows.append(BacktestRow(rule, indicator, year, float(np.mean(values)) / SCALE, low, high))
    frame = pd.DataFrame([{**r.__dict__, "relative_error": r.relative_error, "within": r.within} for r in rows])
    return frame


if __name__ == "__main__":  # pragma: no cover - the table of docs/sources.md §10
    table = national_backtest()
    print(table.to_string(index=False))
