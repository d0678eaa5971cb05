"""No drift: with flat inputs every stock is stationary from the first reported year."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario, simulate
from lsmitoitus.scenario.files import deep_merge

pytestmark = pytest.mark.integration


def test_every_stock_drifts_less_than_two_percent_a_year() -> None:
    """Flat notifications, flat population, conversion held: the least-squares slope of each
    stock's monthly mean over replications, relative to its mean, stays under 2 % a year."""
    base = load_scenario().model_dump()
    flat = deep_merge(
        base,
        {
            "name": "tasainen",
            "demand": {
                "notifications": {2021: 6000},
                "series": {},
                "growth_per_year": 0.0,
                "population_growth_per_year": 0.0,
            },
            "simulation": {"start": "2021-01-01", "end": "2032-12-31", "replications": 6, "seed": 3},
        },
    )
    flat["demand"]["notifications_per_notified_child"] = 1.95
    # replaced, not merged: the default's fitted 2022 conversion would be a step change
    flat["conversion"]["avohuolto"] = {"values": {2021: 1.0}, "after": "held"}
    gone = [k for k in flat["uncertainty"]["parameters"] if k.startswith("conversion.avohuolto.")]
    for name in gone:
        del flat["uncertainty"]["parameters"][name]
    flat["uncertainty"]["correlation"] = {
        k: v for k, v in flat["uncertainty"]["correlation"].items() if not set(k.split("|")) & set(gone)
    }
    for area in flat["areas"].values():
        area["population_0_17"] = {2021: area["population_0_17"][2021]}
    results = simulate(Scenario.model_validate(flat), jobs=2)
    m = results.monthly
    stocks = m[m["measure"] == "children"].groupby(["date", "unit"], observed=True)["value"].sum().unstack("unit") / 6
    years = (pd.DatetimeIndex(stocks.index) - pd.Timestamp("2021-01-01")).days.to_numpy() / 365.25
    checked = 0
    for unit in stocks.columns:
        series = stocks[unit].to_numpy()
        if series.mean() < 10:  # a handful of children: no meaningful trend
            continue
        slope = np.polyfit(years, series, 1)[0]
        assert abs(slope) / series.mean() < 0.02, f"{unit}: {100 * slope / series.mean():+.2f} %/year"
        checked += 1
    assert checked >= 8
