"""Back-tests that measure honesty: on synthetic histories with a conversion change the model is
not told about, the P10–P90 bands hold the share of held-out values that theory says they should."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.answers.calibration.approx import PathwayApproximation
from lsmitoitus.answers.calibration.fit import Calibrator
from lsmitoitus.scenario.files import deep_merge
from lsmitoitus.simulation.runner import replication_scenario

pytestmark = pytest.mark.integration

FIT_YEARS, TEST_YEARS = [2017, 2018, 2019], [2020, 2021, 2022]
RANGE = (-0.10, 0.05)  # the model's rule for the years after the data (the default's)
HISTORIES, DRAWS = 50, 19


AFTER_DATA = {"values": {2019: 1.0}, "after": "range", "range_per_year": list(RANGE), "range_years": None}


def base() -> Scenario:
    """An eighth-size county (fast), notifications flat, conversion known to 2019, then the rule;
    no parameter uncertainty but what the fit finds. Tables are replaced, not merged, so nothing of
    the default's conversion data or uncertainty is left over."""
    data = deep_merge(
        load_scenario().model_dump(),
        {
            "name": "synteettinen",
            "demand": {"notifications": {2017: 800.0}, "series": {}, "growth_per_year": 0.0},
            "simulation": {"start": "2017-01-01", "end": "2022-12-31"},
        },
    )
    data["demand"]["notifications"] = {2017: 800.0}
    data["conversion"] = {"notification_elasticity": 0.0, "avohuolto": AFTER_DATA}
    data["uncertainty"] = {}
    return Scenario.model_validate(data)


def with_trend(model: Scenario, change: float) -> Scenario:
    """The truth: the model's scenario with a conversion trend of ``change`` a year after 2019."""
    data = model.model_dump()
    data["conversion"]["avohuolto"] = {"values": {2019: 1.0}, "after": "trend", "trend_per_year": change}
    return Scenario.model_validate(data)


def history(truth: Scenario, seed: int) -> pd.DataFrame:
    """One synthetic county: the truth's indicators with their own randomness (one copy)."""
    values = PathwayApproximation(truth, TEST_YEARS[-1], seed=seed, copies=1).indicators(truth, FIT_YEARS + TEST_YEARS)
    rows = [{"indicator": i, "year": y, "unit": "count", "value": v} for (i, y), v in values.items()]
    return pd.DataFrame(rows)


def test_held_out_values_rank_uniformly_among_the_models_draws() -> None:
    """If the model's predictive distribution is right, a held-out value is exchangeable with the
    model's n draws, so its rank among them (ties broken at random) is uniform on 0…n. With
    n = 19 the central 16 ranks, 2…17, are an 80 % band: the share of held-out values ranked
    there must be 0.8. Values of one history share its truth, so the standard error comes from the
    spread of the per-history shares (independent histories, each with its own seed).

    Two checks: the issue's acceptance band (between 70 % and 90 % over at least 50 histories),
    and theory's: within 3 standard errors of 0.8 (with 50 histories the standard error is about
    0.02, so bands holding only the simulation's own randomness, far too narrow, fail both)."""
    rng = np.random.default_rng(2026)
    model = base()
    shares = []
    for h in range(HISTORIES):
        change = rng.uniform(*RANGE)  # the truth's yearly change after 2019: the model is not told
        observed = history(with_trend(model, change), seed=1000 + h)
        fit = Calibrator(
            model.with_overrides(seed=h),
            observed,
            fit=["arviointi.p_avohuolto", "sijaishuolto.duration.mean_days"],
            years=FIT_YEARS,
            rounds=0,
        ).run(explain=False)
        predictions = []
        for d in range(DRAWS):
            seed = np.random.SeedSequence(h, spawn_key=(d,))
            drawn, _ = replication_scenario(fit.scenario, seed)
            approx = PathwayApproximation(drawn, TEST_YEARS[-1], seed=50_000 + 100 * h + d, copies=1)
            predictions.append(approx.indicators(drawn, TEST_YEARS, rep_seed=seed))
        central = []
        for key in predictions[0]:
            values = np.array([p[key] for p in predictions])
            real = float(observed[(observed["indicator"] == key[0]) & (observed["year"] == key[1])]["value"].iloc[0])
            rank = int((values < real).sum()) + int(rng.integers(0, (values == real).sum() + 1))
            central.append(2 <= rank <= DRAWS - 2)
        shares.append(float(np.mean(central)))
    share = float(np.mean(shares))
    se = float(np.std(shares, ddof=1)) / np.sqrt(HISTORIES)
    assert HISTORIES >= 50
    assert 0.70 <= share <= 0.90, f"{share:.3f} outside 0.70–0.90"
    assert abs(share - 0.8) <= 3 * se, f"{share:.3f} vs 0.800 ± 3·{se:.3f}"
