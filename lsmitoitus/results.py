"""Tidy results: one row per replication × date × area × unit × measure, and their summaries.

``unit`` names the part of the service a measure is about: a responsible-worker unit
(avohuolto, sijaishuolto, jalkihuolto) for caseload measures, a pathway stage (kasittely,
arviointi, kiireellinen_sijoitus, …) for flows and stocks of children, a placement type for
placements, and ``kaikki`` for whole-pathway totals. The measure glossary is
:data:`MEASURES`; labels for people come from :mod:`lsmitoitus.i18n`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .model.raw import FLOWS, GROUPS, POINT_MEASURES, POOL, POOL_MEASURES, STOCKS, RawReplication
from .scenario import Scenario
from .vocabulary import UNITS

COLUMNS = ["replication", "date", "area", "unit", "measure", "value"]
ALL = "kaikki"


def _flow_key(name: str) -> tuple[str, str]:
    if name.startswith("entries_"):
        return name.removeprefix("entries_"), "entries"
    if name.startswith("placements_started_"):
        return name.removeprefix("placements_started_"), "placements_started"
    if name.startswith("placement_days_"):
        return name.removeprefix("placement_days_"), "placement_days"
    fixed = {
        "notifications": ("kasittely", "notifications"),
        "notified_new_children": ("kasittely", "new_children"),
        "decisions": ("kasittely", "decisions"),
        "decisions_late": ("kasittely", "decisions_late"),
        "assessments_started": ("arviointi", "assessments_started"),
        "assessments_started_late": ("arviointi", "assessments_started_late"),
        "assessments_completed": ("arviointi", "assessments_completed"),
        "assessments_completed_late": ("arviointi", "assessments_completed_late"),
        "care_orders": ("sijaishuolto", "care_orders"),
        "reunifications": ("sijaishuolto", "reunifications"),
        "care_ended_at_18": ("sijaishuolto", "care_ended_at_18"),
        "emergency_extensions": ("kiireellinen_sijoitus", "extensions"),
        "exits": (ALL, "exits"),
        "institutional_overflow": ("laitoshoito_ostettu", "overflow_from_own_beds"),
    }
    return fixed[name]


def _stock_key(name: str) -> tuple[str, str]:
    if name.startswith("children_"):
        return name.removeprefix("children_"), "children"
    if name.startswith("in_placement_"):
        return name.removeprefix("in_placement_"), "children"
    return {
        "assessment_queue": ("arviointi", "queue"),
        "entered_total": (ALL, "entered_total"),
        "exited_total": (ALL, "exited_total"),
        "own_beds_occupied": ("laitoshoito_oma", "beds_occupied"),
    }[name]


GROUP_UNIT = {
    "avohuollon_asiakkaat_0_17": "avohuolto",
    "huostassa_0_17": "sijaishuolto",
    "kiireellisesti_sijoitetut_0_17": "kiireellinen_sijoitus",
    "kodin_ulkopuolelle_sijoitetut_0_17": "sijoitukset",
    "arvioinnissa": "arviointi",
    "jalkihuollossa": "jalkihuolto",
}

#: measure -> (kind, meaning). kind: flow = count during the month; stock = value at month end;
#: year = distinct children during the year.
MEASURES: dict[str, tuple[str, str]] = {
    "notifications": ("flow", "child-protection notifications made"),
    "new_children": ("flow", "newly notified children who were not clients"),
    "decisions": ("flow", "decisions on opening an assessment"),
    "decisions_late": ("flow", "decisions made after the 7-working-day limit"),
    "assessments_started": ("flow", "service-need assessments started"),
    "assessments_started_late": ("flow", "assessments started after the 7th working day"),
    "assessments_completed": ("flow", "assessments completed"),
    "assessments_completed_late": ("flow", "assessments completed after 3 months"),
    "care_orders": ("flow", "new care orders (huostaanotto)"),
    "reunifications": ("flow", "care orders ended by the child returning home"),
    "care_ended_at_18": ("flow", "care orders ended by the child turning 18"),
    "extensions": ("flow", "emergency placements extended beyond 30 days"),
    "exits": ("flow", "children leaving child protection"),
    "entries": ("flow", "children entering the stage"),
    "placements_started": ("flow", "new substitute-care placements by type"),
    "placement_days": ("flow", "placement days by cost category (days)"),
    "overflow_from_own_beds": ("flow", "institutional placements purchased because own beds were full"),
    "beds_occupied": ("stock", "own institutional beds occupied"),
    "children": ("stock", "children in the stage or placement type"),
    "queue": ("stock", "children waiting for an assessment slot"),
    "entered_total": ("stock", "children who have entered since the start of warm-up (cumulative)"),
    "exited_total": ("stock", "children who have exited since the start of warm-up (cumulative)"),
    "clients": ("stock", "clients with a responsible worker in the unit (or unassigned)"),
    "clients_counted": ("stock", "clients who count toward the statutory limit"),
    "workers_in_post": ("stock", "responsible social workers in post"),
    "vacancies": ("stock", "vacant posts"),
    "mean_children_per_worker": ("stock", "counted clients per worker in post"),
    "mean_clients_per_worker": ("stock", "all clients per worker in post, counted toward the limit or not"),
    "max_children_per_worker": ("stock", "largest counted list of any worker"),
    "workers_over_limit": ("stock", "workers whose counted list exceeds the limit"),
    "share_workers_over_limit": ("stock", "share of workers in post over the limit"),
    "child_days_over_limit": ("flow", "child-days on the list of a worker over the limit"),
    "unassigned_children": ("stock", "clients without a worker because every post is vacant"),
    "limit": ("stock", "statutory maximum children per worker in force"),
    **{g: ("year", f"distinct children during the year: {g}") for g in GROUPS},
}


def tidy_long(
    values: np.ndarray, rep: int, dates: Sequence[object], areas: Sequence[str], keys: Sequence[tuple[str, str]]
) -> pd.DataFrame:
    """Flatten an array (date, area, key) into tidy rows."""
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


def _pool_frame(raw: RawReplication) -> np.ndarray:
    """Pool measures plus the derived per-worker ratios, shape (months, areas, units, k)."""
    pools = raw.pools
    workers = pools[..., POOL["workers_in_post"]]
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(workers > 0, pools[..., POOL["clients_counted"]] / workers, np.nan)
        share = np.where(workers > 0, pools[..., POOL["workers_over_limit"]] / workers, np.nan)
        everyone = np.where(workers > 0, pools[..., POOL["clients"]] / workers, np.nan)
    return np.concatenate([pools, mean[..., None], share[..., None], everyone[..., None]], axis=-1)


POOL_KEYS = (*POOL_MEASURES, "mean_children_per_worker", "share_workers_over_limit", "mean_clients_per_worker")


def tidy_monthly(raws: Sequence[RawReplication]) -> pd.DataFrame:
    frames = []
    for raw in raws:
        dates = raw.month_ends
        frames.append(tidy_long(raw.flows, raw.replication, dates, raw.areas, [_flow_key(n) for n in FLOWS]))
        frames.append(tidy_long(raw.stocks, raw.replication, dates, raw.areas, [_stock_key(n) for n in STOCKS]))
        pools = _pool_frame(raw)  # (m, a, u, k) -> (m, a, u*k)
        keys = [(u, k) for u in UNITS for k in POOL_KEYS]
        frames.append(
            tidy_long(pools.reshape(pools.shape[0], pools.shape[1], -1), raw.replication, dates, raw.areas, keys)
        )
    return _categorical(pd.concat(frames, ignore_index=True))


def tidy_yearly(raws: Sequence[RawReplication]) -> pd.DataFrame:
    frames = []
    keys = [(GROUP_UNIT[g], g) for g in GROUPS]
    for raw in raws:
        if not raw.years:
            continue
        dates = [f"{y}-12-31" for y in raw.years]
        frames.append(tidy_long(raw.during_year, raw.replication, dates, raw.areas, keys))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in COLUMNS})
    return _categorical(pd.concat(frames, ignore_index=True))


def tidy_point_in_time(raws: Sequence[RawReplication]) -> pd.DataFrame:
    """THL's monitoring days: per area and unit, workers in post, counted clients, the mean
    per worker and the number and share of workers over the limit."""
    frames = []
    keys = [(u, k) for u in UNITS for k in (*POINT_MEASURES, "mean_children_per_worker", "share_workers_over_limit")]
    for raw in raws:
        if not raw.point_dates:
            continue
        values = raw.point_in_time
        workers = values[..., POINT_MEASURES.index("workers_in_post")]
        with np.errstate(divide="ignore", invalid="ignore"):
            mean = np.where(workers > 0, values[..., POINT_MEASURES.index("clients_counted")] / workers, np.nan)
            share = np.where(workers > 0, values[..., POINT_MEASURES.index("workers_over_limit")] / workers, np.nan)
        full = np.concatenate([values, mean[..., None], share[..., None]], axis=-1)
        flat = full.reshape(full.shape[0], full.shape[1], -1)
        frames.append(tidy_long(flat, raw.replication, raw.point_dates, raw.areas, keys))
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in COLUMNS})
    return _categorical(pd.concat(frames, ignore_index=True))


def _categorical(df: pd.DataFrame) -> pd.DataFrame:
    for col in ("area", "unit", "measure"):
        df[col] = df[col].astype("category")
    return df


def summarise(df: pd.DataFrame, by: Sequence[str] = ("date", "area", "unit", "measure")) -> pd.DataFrame:
    """Mean and P10/P50/P90 over replications for every (date, area, unit, measure)."""
    grouped = df.groupby(list(by), observed=True, sort=True)["value"]
    quantiles = grouped.quantile([0.1, 0.5, 0.9]).unstack(-1)  # type: ignore[arg-type]  # stubs lag pandas
    quantiles.columns = ["p10", "p50", "p90"]
    return pd.concat([grouped.mean().rename("mean"), quantiles], axis=1).reset_index()


def county_totals(df: pd.DataFrame) -> pd.DataFrame:
    """Additive measures summed over areas (area = 'kaikki'), per replication and date."""
    additive = [m for m, (kind, _) in MEASURES.items() if kind in {"flow", "year"}] + [
        "children",
        "queue",
        "entered_total",
        "exited_total",
        "clients",
        "clients_counted",
        "workers_in_post",
        "vacancies",
        "workers_over_limit",
        "unassigned_children",
    ]
    part = df[df["measure"].isin(additive)]
    total = (
        part.groupby(["replication", "date", "unit", "measure"], observed=True, sort=False)["value"].sum().reset_index()
    )
    total["area"] = ALL
    return total[COLUMNS]


@dataclass
class SimulationResults:
    """Everything one run produced: the scenario that made it and tidy frames of results."""

    scenario: Scenario
    monthly: pd.DataFrame
    yearly: pd.DataFrame
    point_in_time: pd.DataFrame
    events: int
    seconds: float
    jobs: int = 1
    meta: dict[str, object] = field(default_factory=dict)

    def summary(self, frame: str = "monthly") -> pd.DataFrame:
        return summarise(self.monthly if frame == "monthly" else self.yearly)

    def measure(self, measure: str, unit: str | None = None) -> pd.DataFrame:
        """Rows of one measure (optionally one unit) from the monthly or yearly frame."""
        df = self.yearly if measure in GROUPS else self.monthly
        mask = df["measure"] == measure
        if unit is not None:
            mask &= df["unit"] == unit
        return df[mask]

