"""The model core's output: raw counts of one replication as plain numpy arrays.

Nothing here knows about files or pandas; :mod:`lsmitoitus.results` turns these into tidy frames.
Every column of an array is named by its ``(unit, measure)`` pair, the same pair the tidy rows
carry, with the measure from the registry :data:`lsmitoitus.measures.MEASURES`. Flows are counts
during a month; stocks and pool measures are values at the end of the month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, NamedTuple

import numpy as np

from ..text.measures import MEASURES
from ..vocabulary import ALL, COST_CATEGORIES, DURING_YEAR_GROUPS, GROUP_UNIT, PLACEMENT_TYPES, STATES

Key = tuple[str, str]  # (unit, measure)

#: Per area, counted during each month.
FLOWS: Final[tuple[Key, ...]] = (
    ("kasittely", "notifications"),
    ("kasittely", "new_children"),
    ("kasittely", "decisions"),
    ("kasittely", "decisions_late"),
    ("arviointi", "assessments_started"),
    ("arviointi", "assessments_started_late"),
    ("arviointi", "assessments_completed"),
    ("arviointi", "assessments_completed_late"),
    ("sijaishuolto", "care_orders"),
    ("kiireellinen_sijoitus", "extensions"),
    ("sijaishuolto", "reunifications"),
    ("sijaishuolto", "care_ended_at_18"),
    (ALL, "exits"),
    *((s, "entries") for s in STATES),
    *((p, "placements_started") for p in PLACEMENT_TYPES),
    ("laitoshoito_ostettu", "overflow_from_own_beds"),
    *((c, "placement_days") for c in COST_CATEGORIES),
    ("arviointi", "assessment_wait_days"),
    ("arviointi", "assessments_by_extra_capacity"),
    ("avohuolto", "intake_refused"),
    ("avohuolto", "intake_wait_days"),
)
FLOW: Final = {key: i for i, key in enumerate(FLOWS)}

#: Per area, at the end of each month.
STOCKS: Final[tuple[Key, ...]] = (
    *((s, "children") for s in STATES),
    ("arviointi", "queue"),
    *((p, "children") for p in PLACEMENT_TYPES),
    (ALL, "entered_total"),
    (ALL, "exited_total"),
    ("laitoshoito_oma", "beds_occupied"),
    ("avohuolto", "intake_queue"),
)
STOCK: Final = {key: i for i, key in enumerate(STOCKS)}


class PoolObservation(NamedTuple):
    """A team of workers at one moment (see :meth:`lsmitoitus.model.caseload.WorkerPool.observe`)."""

    clients: int
    clients_counted: int
    workers_in_post: int
    vacancies: int
    max_children_per_worker: int
    workers_over_limit: int
    unassigned_children: int
    workers_absent: int
    lead_cover: int
    fte_in_post: float


#: Per team and unit, at the end of each month (child_days_over_limit: during the month).
POOL_MEASURES: Final[tuple[str, ...]] = (
    "clients",
    "clients_counted",
    "workers_in_post",
    "vacancies",
    "max_children_per_worker",
    "workers_over_limit",
    "child_days_over_limit",
    "unassigned_children",
    "limit",
    "workers_absent",
    "lead_cover",
    "fte_in_post",
)
POOL: Final = {name: i for i, name in enumerate(POOL_MEASURES)}

#: During-the-year groups, per area and year.
GROUPS: Final[tuple[str, ...]] = tuple(DURING_YEAR_GROUPS)
GROUP_KEYS: Final[tuple[Key, ...]] = tuple((GROUP_UNIT[g], g) for g in GROUPS)

#: Per team and unit on THL's monitoring days (second Tuesday of April and October).
POINT_MEASURES: Final[tuple[str, ...]] = ("workers_in_post", "clients_counted", "workers_over_limit", "limit")
#: lists on THL's monitoring days, for the distribution of list lengths: P10, P50, P90, mean, share over 35
LIST_MEASURES: Final[tuple[str, ...]] = ("list_p10", "list_p50", "list_p90", "list_mean", "share_lists_over_35")

assert all(m in MEASURES for _, m in (*FLOWS, *STOCKS, *GROUP_KEYS)), "raw columns are registered measures"
assert all(m in MEASURES for m in (*POOL_MEASURES, *POINT_MEASURES, *LIST_MEASURES))


@dataclass(frozen=True)
class RawReplication:
    """All counts of one replication; arrays are indexed [month, area, …], [month, pool, …] or
    [year, area, group]. Pools are the teams of each unit, named by ``pool_keys`` (unit, team)."""

    replication: int
    month_ends: tuple[dt.date, ...]
    areas: tuple[str, ...]
    flows: np.ndarray  # (n_months, n_areas, len(FLOWS))
    stocks: np.ndarray  # (n_months, n_areas, len(STOCKS))
    pool_keys: tuple[tuple[str, str], ...]  # (unit, team) of each pool
    pools: np.ndarray  # (n_months, n_pools, len(POOL_MEASURES))
    years: tuple[int, ...]
    during_year: np.ndarray  # (n_years, n_areas, len(GROUPS))
    point_dates: tuple[dt.date, ...]
    point_in_time: np.ndarray  # (n_dates, n_pools, len(POINT_MEASURES) + len(LIST_MEASURES))
    events: int
    parameters: dict[str, float]  # this replication's drawn parameter multipliers and yearly changes
