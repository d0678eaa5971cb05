"""A true steady state: with truly flat inputs every stock and flow is stationary from the first
reported year, because the initial state is the model's own equilibrium for the first year's inputs
(clients, and the children still in processing or assessment at the origin)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from conftest import flat_scenario as conftest_flat_scenario

from lsmitoitus import Scenario, simulate

pytestmark = pytest.mark.integration

REPLICATIONS = 20
YEARS = 15
DRIFT_LIMIT = 0.005  # relative change a year
#: the estimate must be precise enough to tell a drift of the limit from none: its standard error at
#: most half the limit (a drift of 1 %/year would then stand out by four standard errors or more)
MAX_STANDARD_ERROR = DRIFT_LIMIT / 2
STOCKS = ("kasittely", "arviointi", "avohuolto", "avohuollon_sijoitus", "sijaishuolto", "jalkihuolto")
FLOWS = (
    ("kasittely", "notifications"),
    ("kasittely", "new_children"),
    ("avohuolto", "entries"),
    ("kiireellinen_sijoitus", "entries"),
    ("sijaishuolto", "care_orders"),
    ("jalkihuolto", "entries"),
    ("kaikki", "exits"),
)


def flat_scenario() -> Scenario:
    """The default with every input held at its first year's value (conftest.flat_scenario); 15
    reported years after the default's one-year warm-up."""
    return conftest_flat_scenario(YEARS, REPLICATIONS)


def _relative_slopes(series: pd.DataFrame) -> tuple[float, float, float]:
    """Least-squares slope a year of each replication's series (rows: replication, columns: time in
    years), relative to the overall mean: their mean, its standard error, and the mean level."""
    years = series.columns.to_numpy(dtype=float)
    slopes = np.array([np.polyfit(years, row, 1)[0] for row in series.to_numpy()])
    level = float(series.to_numpy().mean())
    return slopes.mean() / level, slopes.std(ddof=1) / np.sqrt(len(slopes)) / level, level


@pytest.fixture(scope="module")
def flat_run() -> pd.DataFrame:
    """Monthly results of the flat scenario, areas only (no county totals)."""
    m = simulate(flat_scenario(), jobs=2).monthly
    return m[m["area"] != "koko_alue"]


def _stock_by_month(m: pd.DataFrame, unit: str) -> pd.DataFrame:
    """Children in ``unit`` at month ends: rows replication, columns years since the start."""
    part = m[(m["measure"] == "children") & (m["unit"] == unit)]
    by_month = part.groupby(["replication", "date"], observed=True)["value"].sum().unstack("date")
    by_month.columns = (pd.DatetimeIndex(by_month.columns) - pd.Timestamp(by_month.columns.min())).days / 365.25
    return by_month


def test_flat_inputs_give_stocks_and_flows_that_drift_under_half_a_percent_a_year(flat_run: pd.DataFrame) -> None:
    m = flat_run
    checked = []
    for unit in STOCKS:
        checked.append((f"{unit} children", *_relative_slopes(_stock_by_month(m, unit))))
    for unit, measure in FLOWS:
        part = m[(m["measure"] == measure) & (m["unit"] == unit)]
        by_year = part.groupby(["replication", pd.DatetimeIndex(part["date"]).year], observed=True)["value"].sum()
        checked.append((f"{unit} {measure}", *_relative_slopes(by_year.unstack())))
    for name, slope, standard_error, level in checked:
        assert level > 10, f"{name}: too few to test ({level:.1f})"
        assert standard_error <= MAX_STANDARD_ERROR, f"{name}: standard error {100 * standard_error:.2f} %/year"
        assert abs(slope) < DRIFT_LIMIT, f"{name}: {100 * slope:+.2f} %/year (± {100 * standard_error:.2f})"


def test_the_first_reported_year_starts_at_the_long_run_level(flat_run: pd.DataFrame) -> None:
    """No start-up transient: each stock's mean in the first reported year equals its mean over the
    last ten years within three standard errors of the paired difference (replications are
    independent), and that standard error is small enough (≤ 2 %) for a start 5 % low to show (the
    stocks that noisy replications allow: aftercare's ~130 young people give a standard error of
    about 2.3 % over 20 replications, too coarse for that)."""
    for unit in ("arviointi", "avohuolto", "sijaishuolto"):
        by_month = _stock_by_month(flat_run, unit)
        years = np.floor(by_month.columns.to_numpy(dtype=float))
        first = by_month.loc[:, years == 0].mean(axis=1)
        late = by_month.loc[:, years >= YEARS - 10].mean(axis=1)
        difference = (first - late) / late.mean()
        standard_error = difference.std(ddof=1) / np.sqrt(len(difference))
        assert standard_error <= 0.02, f"{unit}: standard error {100 * standard_error:.2f} %"
        assert abs(difference.mean()) <= 3 * standard_error, (
            f"{unit}: first year {100 * difference.mean():+.2f} % from the long run (± {100 * standard_error:.2f})"
        )
