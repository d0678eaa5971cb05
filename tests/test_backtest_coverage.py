"""Back-tests that measure honesty: on synthetic histories with a conversion change the model is
not told about, the nominal 80 % bands hold about 80 % of the held-out values."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.calibration.approx import PathwayApproximation
from lsmitoitus.calibration.fit import Calibrator
from lsmitoitus.runner import replication_scenario
from lsmitoitus.scenario.files import deep_merge

pytestmark = pytest.mark.integration

FIT_YEARS, TEST_YEARS = [2016, 2017, 2018, 2019], [2020, 2021, 2022]
RANGE = (-0.10, 0.05)  # the model's rule for the years after the data (the default's)
HISTORIES, DRAWS = 50, 30


def base() -> Scenario:
    """A quarter-size county (fast), notifications flat, conversion known to 2019, then the rule."""
    data = load_scenario().model_dump()
    return Scenario.model_validate(
        deep_merge(
            data,
            {
                "name": "synteettinen",
                "demand": {"notifications": {2016: 1600.0}, "series": {}, "growth_per_year": 0.0},
                "conversion": {
                    "notification_elasticity": 0.0,
                    "avohuolto": {"values": {2019: 1.0}, "year_factors": {}, "after": "range",
                                  "range_per_year": list(RANGE), "range_years": None},
                },
                "uncertainty": {"parameters": {}, "correlation": {}},
                "simulation": {"start": "2016-01-01", "end": "2022-12-31"},
            },
        )
    )


def history(truth: Scenario, seed: int) -> pd.DataFrame:
    """One synthetic county: the truth's indicators with their own randomness (one copy)."""
    values = PathwayApproximation(truth, TEST_YEARS[-1], seed=seed, copies=1).indicators(truth, FIT_YEARS + TEST_YEARS)
    rows = [{"indicator": i, "year": y, "unit": "count", "value": v} for (i, y), v in values.items()]
    return pd.DataFrame(rows)


def test_nominal_80_percent_bands_hold_70_to_90_percent_of_held_out_values() -> None:
    rng = np.random.default_rng(2026)
    model = base()
    inside, total = 0, 0
    for h in range(HISTORIES):
        change = rng.uniform(*RANGE)  # the truth's yearly change after 2019: the model is not told
        truth = Scenario.model_validate(
            deep_merge(
                model.model_dump(),
                {"conversion": {"avohuolto": {"values": {2019: 1.0}, "after": "trend", "trend_per_year": change}}},
            )
        )
        observed = history(truth, seed=1000 + h)
        fit = Calibrator(
            model,
            observed,
            fit=["arviointi.p_avohuolto", "sijaishuolto.duration.mean_days"],
            years=FIT_YEARS,
            rounds=0,
        ).run()
        predictions = []
        for d in range(DRAWS):
            seed = np.random.SeedSequence(h, spawn_key=(d,))
            drawn, _ = replication_scenario(fit.scenario, seed)
            approx = PathwayApproximation(drawn, TEST_YEARS[-1], seed=50_000 + 100 * h + d, copies=1)
            predictions.append(approx.indicators(drawn, TEST_YEARS, rep_seed=seed))
        for key in predictions[0]:
            values = np.array([p[key] for p in predictions])
            low, high = np.quantile(values, [0.1, 0.9])
            real = float(observed[(observed["indicator"] == key[0]) & (observed["year"] == key[1])]["value"].iloc[0])
            inside += int(low <= real <= high)
            total += 1
    share = inside / total
    assert 0.70 <= share <= 0.90, f"{inside}/{total} = {share:.2f}"
