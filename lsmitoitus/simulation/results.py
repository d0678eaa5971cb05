"""Tidy results: one row per replication × date × area × unit × measure, and their summaries.

``unit`` names the part of the service a measure is about: a responsible-worker unit
(avohuolto, sijaishuolto, jalkihuolto) for caseload measures, a pathway stage (kasittely,
arviointi, kiireellinen_sijoitus, …) for flows and stocks of children, a placement type for
placements, and ``kaikki`` for whole-pathway totals. Measures and their labels are in the one
registry :data:`lsmitoitus.text.measures.MEASURES`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .._version import __version__
from ..model.raw import FLOWS, GROUP_KEYS, LIST_MEASURES, POINT_MEASURES, POOL, POOL_MEASURES, STOCKS, RawReplication
from ..scenario.schema import Scenario
from ..text.measures import additive_measures
from ..vocabulary import ALL

COLUMNS = ["replication", "date", "area", "unit", "measure", "value"]
QUANTILES = {"p10": 0.1, "p50": 0.5, "p90": 0.9}


def tidy_long(
    values: np.ndarray, rep: int, dates: Sequence[object], areas: Sequence[str], keys: Sequence[tuple[str, str]]
) -> pd.DataFrame:
    """Flatten an array (date, area, key) into tidy rows; ``keys`` are (unit, measure) pairs."""
    n_d, n_a, n_k = values.shape
    return pd.DataFrame(
        {
            "replication": np.full(n_d * n_a * n_k, rep, dtype=np.int32),
            "date": np.repeat(np.asarray(dates, dtype="datetime64[D]"), n_a * n_k),
            "area": np.tile(np.repeat(np.asarray(areas, dtype=object), n_k), n_d),
            "unit": np.tile(np.asarray([u for u, _ in keys], dtype=object), n_d * n_a),
            "measure": np.tile(np.asarray([m for _, m in keys], dtype=object), n_d * n_a),
            "value": values.reshape(-1).astype(float),
        }
    )


def tidy_pools(
    values: np.ndarray, rep: int, dates: Sequence[object], pool_keys: Sequence[tuple[str, str]], measures: Sequence[str]
) -> pd.DataFrame:
    """Flatten an array (date, pool, measure) into tidy rows: ``unit`` is the pool's unit and
    ``area`` its team (an area's name when teams are areas)."""
    n_d, n_p, n_k = values.shape
    return pd.DataFrame(
        {
            "replication": np.full(n_d * n_p * n_k, rep, dtype=np.int32),
            "date": np.repeat(np.asarray(dates, dtype="datetime64[D]"), n_p * n_k),
            "area": np.tile(np.repeat(np.asarray([t for _, t in pool_keys], dtype=object), n_k), n_d),
            "unit": np.tile(np.repeat(np.asarray([u for u, _ in pool_keys], dtype=object), n_k), n_d),
            "measure": np.tile(np.asarray(measures, dtype=object), n_d * n_p),
            "value": values.reshape(-1).astype(float),
        }
    )


def per_worker(numerator: np.ndarray, workers: np.ndarray) -> np.ndarray:
    """numerator / workers in post, NaN where nobody is in post."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(workers > 0, numerator / workers, np.nan)


def _pool_frame(raw: RawReplication) -> np.ndarray:
    """Pool measures plus the derived per-worker ratios, shape (months, pools, k)."""
    pools = raw.pools
    workers = pools[..., POOL["workers_in_post"]]
    # an absent worker keeps a post and, under the "wait" cover rule, the list: the mean and the
    # share are per worker in a filled post, present or absent (per present worker the mean would
    # jump to 70+ every summer, when half a team is on leave with its lists waiting)
    holders = workers + pools[..., POOL["workers_absent"]]
    mean = per_worker(pools[..., POOL["clients_counted"]], holders)
    share = np.minimum(per_worker(pools[..., POOL["workers_over_limit"]], holders), 1.0)
    everyone = per_worker(pools[..., POOL["clients"]], holders)
    return np.concatenate([pools, mean[..., None], share[..., None], everyone[..., None]], axis=-1)


POOL_KEYS = (*POOL_MEASURES, "mean_children_per_worker", "share_workers_over_limit", "mean_clients_per_worker")


def tidy_monthly(raws: Sequence[RawReplication]) -> pd.DataFrame:
    frames = []
    for raw in raws:
        dates = raw.month_ends
        frames.append(tidy_long(raw.flows, raw.replication, dates, raw.areas, FLOWS))
        frames.append(tidy_long(raw.stocks, raw.replication, dates, raw.areas, STOCKS))
        frames.append(tidy_pools(_pool_frame(raw), raw.replication, dates, raw.pool_keys, POOL_KEYS))
    return _categorical(pd.concat(frames, ignore_index=True))


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float) for c in COLUMNS})


def tidy_yearly(raws: Sequence[RawReplication]) -> pd.DataFrame:
    frames = []
    for raw in raws:
        if not raw.years:
            continue
        dates = [f"{y}-12-31" for y in raw.years]
        frames.append(tidy_long(raw.during_year, raw.replication, dates, raw.areas, GROUP_KEYS))
    return _categorical(pd.concat(frames, ignore_index=True)) if frames else _empty()


def tidy_point_in_time(raws: Sequence[RawReplication]) -> pd.DataFrame:
    """THL's monitoring days: per area and unit, workers in post, counted clients, the mean
    per worker and the number and share of workers over the limit."""
    frames = []
    keys = (*POINT_MEASURES, *LIST_MEASURES, "mean_children_per_worker", "share_workers_over_limit")
    for raw in raws:
        if not raw.point_dates:
            continue
        values = raw.point_in_time
        workers = values[..., POINT_MEASURES.index("workers_in_post")]
        mean = per_worker(values[..., POINT_MEASURES.index("clients_counted")], workers)
        share = per_worker(values[..., POINT_MEASURES.index("workers_over_limit")], workers)
        full = np.concatenate([values, mean[..., None], share[..., None]], axis=-1)
        frames.append(tidy_pools(full, raw.replication, raw.point_dates, raw.pool_keys, keys))
    return _categorical(pd.concat(frames, ignore_index=True)) if frames else _empty()


def _categorical(df: pd.DataFrame) -> pd.DataFrame:
    for col in ("area", "unit", "measure"):
        df[col] = df[col].astype("category")
    return df


def quantile_summary(df: pd.DataFrame, by: Sequence[str], value: str = "value", mean: bool = True) -> pd.DataFrame:
    """Mean (optional) and P10/P50/P90 of ``value`` over the rows of each group of ``by``
    (replications, usually): the one place these bands are computed."""
    grouped = df.groupby(list(by), observed=True, sort=True)[value]
    quantiles = grouped.quantile(list(QUANTILES.values())).unstack(-1)  # type: ignore[arg-type]  # stubs lag pandas
    quantiles.columns = list(QUANTILES)
    if mean:
        quantiles = pd.concat([grouped.mean().rename("mean"), quantiles], axis=1)
    return quantiles.reset_index()


def summarise(df: pd.DataFrame, by: Sequence[str] = ("date", "area", "unit", "measure")) -> pd.DataFrame:
    """Mean and P10/P50/P90 over replications for every (date, area, unit, measure)."""
    return quantile_summary(df, by)


def county_totals(df: pd.DataFrame) -> pd.DataFrame:
    """Additive measures summed over areas (area = 'kaikki'), per replication and date."""
    part = df[df["measure"].isin(additive_measures())]
    total = (
        part.groupby(["replication", "date", "unit", "measure"], observed=True, sort=False)["value"].sum().reset_index()
    )
    total["area"] = ALL
    return total[COLUMNS]


def parameter_frame(raws: Sequence[RawReplication]) -> pd.DataFrame:
    """The parameter set each replication drew: replication, parameter, multiplier (or yearly change)."""
    rows = [(raw.replication, name, value) for raw in raws for name, value in sorted(raw.parameters.items())]
    return pd.DataFrame(rows, columns=["replication", "parameter", "value"])


@dataclass
class SimulationResults:
    """Everything one run produced: the scenario that made it, tidy frames of results, and the
    parameter set every replication drew (empty when no parameter is uncertain)."""

    scenario: Scenario
    monthly: pd.DataFrame
    yearly: pd.DataFrame
    point_in_time: pd.DataFrame
    events: int
    seconds: float
    jobs: int = 1
    meta: dict[str, object] = field(default_factory=dict)
    parameters: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["replication", "parameter", "value"])
    )

    @property
    def uncertainty_kinds(self) -> tuple[str, ...]:
        """What the P10–P90 bands hold: the simulation's randomness, and parameter uncertainty
        when some parameter is drawn per replication."""
        drawn = bool(self.scenario.uncertainty.parameters) or any(
            s.after == "range"
            for s in (
                self.scenario.conversion.arviointi,
                self.scenario.conversion.avohuolto,
                self.scenario.conversion.sijoitus,
            )
        )
        return ("random", "parameters") if drawn else ("random",)

    def summary(self, frame: str = "monthly") -> pd.DataFrame:
        return summarise(self.monthly if frame == "monthly" else self.yearly)


def build_results(scenario: Scenario, raws: Sequence[RawReplication], seconds: float, jobs: int) -> SimulationResults:
    """Tidy results of raw replications, carrying the scenario and the run's metadata."""
    return SimulationResults(
        scenario=scenario,
        monthly=tidy_monthly(raws),
        yearly=tidy_yearly(raws),
        point_in_time=tidy_point_in_time(raws),
        events=sum(r.events for r in raws),
        seconds=seconds,
        jobs=jobs,
        parameters=parameter_frame(raws),
        meta={
            "version": __version__,
            "seed": scenario.simulation.seed,
            "replications": scenario.simulation.replications,
            "jobs": jobs,
        },
    )
