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


@dataclass(frozen=True)
class TidyBlock:
    """One replication's (date, column) array and what its rows are: each column's area, unit and
    measure; rows run date by date, the columns in order within a date."""

    replication: int
    dates: np.ndarray  # datetime64[D], one per row of ``values``
    areas: Sequence[str]
    units: Sequence[str]
    measures: Sequence[str]
    values: np.ndarray  # (dates, columns)


def long_block(
    values: np.ndarray, rep: int, dates: Sequence[object], areas: Sequence[str], keys: Sequence[tuple[str, str]]
) -> TidyBlock:
    """An array (date, area, key) as a block; ``keys`` are (unit, measure) pairs."""
    n_d, n_a, n_k = values.shape
    return TidyBlock(
        rep,
        np.asarray(dates, dtype="datetime64[D]"),
        [a for a in areas for _ in range(n_k)],
        [u for _ in range(n_a) for u, _ in keys],
        [m for _ in range(n_a) for _, m in keys],
        values.reshape(n_d, n_a * n_k),
    )


def pool_block(
    values: np.ndarray, rep: int, dates: Sequence[object], pool_keys: Sequence[tuple[str, str]], measures: Sequence[str]
) -> TidyBlock:
    """An array (date, pool, measure) as a block: ``unit`` is the pool's unit and ``area`` its
    team (an area's name when teams are areas)."""
    n_d, n_p, n_k = values.shape
    return TidyBlock(
        rep,
        np.asarray(dates, dtype="datetime64[D]"),
        [t for _, t in pool_keys for _ in range(n_k)],
        [u for u, _ in pool_keys for _ in range(n_k)],
        [m for _ in range(n_p) for m in measures],
        values.reshape(n_d, n_p * n_k),
    )


def tidy_frame(blocks: Sequence[TidyBlock], categorical: bool = True) -> pd.DataFrame:
    """The blocks' rows, one after the other, as one tidy frame; ``categorical`` makes area, unit
    and measure categories (their values sorted, as ``astype("category")`` makes them).

    Built from whole columns at once: a frame per replication, concatenated, spent most of its
    time turning the same few labels into strings again for every replication."""
    rows = [b.values.size for b in blocks]
    n_cols = [b.values.shape[1] for b in blocks]
    columns: dict[str, object] = {
        "replication": np.repeat(np.array([b.replication for b in blocks], dtype=np.int32), rows),
        "date": np.concatenate([np.repeat(b.dates, k) for b, k in zip(blocks, n_cols, strict=True)]),
    }
    for name in ("area", "unit", "measure"):
        per_block = [getattr(b, name + "s") for b in blocks]
        if categorical:
            categories = sorted({label for labels in per_block for label in labels})
            code = {label: i for i, label in enumerate(categories)}
            codes = np.concatenate(
                [
                    np.tile(np.array([code[x] for x in labels], dtype=np.int32), b.values.shape[0])
                    for b, labels in zip(blocks, per_block, strict=True)
                ]
            )
            columns[name] = pd.Categorical.from_codes(codes, categories=pd.Index(categories))
        else:
            columns[name] = np.concatenate(
                [
                    np.tile(np.asarray(labels, dtype=object), b.values.shape[0])
                    for b, labels in zip(blocks, per_block, strict=True)
                ]
            )
    columns["value"] = np.concatenate([b.values.reshape(-1).astype(float) for b in blocks])
    return pd.DataFrame(columns)


def tidy_long(
    values: np.ndarray, rep: int, dates: Sequence[object], areas: Sequence[str], keys: Sequence[tuple[str, str]]
) -> pd.DataFrame:
    """Flatten an array (date, area, key) into tidy rows; ``keys`` are (unit, measure) pairs."""
    return tidy_frame([long_block(values, rep, dates, areas, keys)], categorical=False)


def tidy_pools(
    values: np.ndarray, rep: int, dates: Sequence[object], pool_keys: Sequence[tuple[str, str]], measures: Sequence[str]
) -> pd.DataFrame:
    """Flatten an array (date, pool, measure) into tidy rows: ``unit`` is the pool's unit and
    ``area`` its team (an area's name when teams are areas)."""
    return tidy_frame([pool_block(values, rep, dates, pool_keys, measures)], categorical=False)


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
    blocks = []
    for raw in raws:
        dates = raw.month_ends
        blocks.append(long_block(raw.flows, raw.replication, dates, raw.areas, FLOWS))
        blocks.append(long_block(raw.stocks, raw.replication, dates, raw.areas, STOCKS))
        blocks.append(pool_block(_pool_frame(raw), raw.replication, dates, raw.pool_keys, POOL_KEYS))
    return tidy_frame(blocks)


def _empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=float) for c in COLUMNS})


def tidy_yearly(raws: Sequence[RawReplication]) -> pd.DataFrame:
    blocks = [
        long_block(raw.during_year, raw.replication, [f"{y}-12-31" for y in raw.years], raw.areas, GROUP_KEYS)
        for raw in raws
        if raw.years
    ]
    return tidy_frame(blocks) if blocks else _empty()


def tidy_point_in_time(raws: Sequence[RawReplication]) -> pd.DataFrame:
    """THL's monitoring days: per area and unit, workers in post, counted clients, the mean
    per worker and the number and share of workers over the limit."""
    blocks = []
    keys = (*POINT_MEASURES, *LIST_MEASURES, "mean_children_per_worker", "share_workers_over_limit")
    for raw in raws:
        if not raw.point_dates:
            continue
        values = raw.point_in_time
        workers = values[..., POINT_MEASURES.index("workers_in_post")]
        mean = per_worker(values[..., POINT_MEASURES.index("clients_counted")], workers)
        share = per_worker(values[..., POINT_MEASURES.index("workers_over_limit")], workers)
        full = np.concatenate([values, mean[..., None], share[..., None]], axis=-1)
        blocks.append(pool_block(full, raw.replication, raw.point_dates, raw.pool_keys, keys))
    return tidy_frame(blocks) if blocks else _empty()


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
