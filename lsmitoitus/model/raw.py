"""The model core's output: raw counts of one replication as plain numpy arrays.

Nothing here knows about files or pandas; :mod:`lsmitoitus.results` turns these into tidy frames.
Flows are counts during a month; stocks and pool measures are values at the end of the month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..vocabulary import COST_CATEGORIES, DURING_YEAR_GROUPS, PLACEMENT_TYPES, STATES

# Per area, counted during each month.
FLOWS: tuple[str, ...] = (
    "notifications",
    "notified_new_children",
    "decisions",
    "decisions_late",
    "assessments_started",
    "assessments_started_late",
    "assessments_completed",
    "assessments_completed_late",
    "care_orders",
    "emergency_extensions",
    "reunifications",
    "care_ended_at_18",
    "exits",
    *(f"entries_{s}" for s in STATES),
    *(f"placements_started_{p}" for p in PLACEMENT_TYPES),
    "institutional_overflow",
    *(f"placement_days_{c}" for c in COST_CATEGORIES),
)
FLOW = {name: i for i, name in enumerate(FLOWS)}

# Per area, at the end of each month.
STOCKS: tuple[str, ...] = (
    *(f"children_{s}" for s in STATES),
    "assessment_queue",
    *(f"in_placement_{p}" for p in PLACEMENT_TYPES),
    "entered_total",
    "exited_total",
    "own_beds_occupied",
)
STOCK = {name: i for i, name in enumerate(STOCKS)}

# Per area and unit, at the end of each month (child_days_over_limit: during the month).
POOL_MEASURES: tuple[str, ...] = (
    "clients",
    "clients_counted",
    "workers_in_post",
    "vacancies",
    "max_children_per_worker",
    "workers_over_limit",
    "child_days_over_limit",
    "unassigned_children",
    "limit",
)
POOL = {name: i for i, name in enumerate(POOL_MEASURES)}

GROUPS: tuple[str, ...] = tuple(DURING_YEAR_GROUPS)

# Per area and unit on THL's monitoring days (second Tuesday of April and October).
POINT_MEASURES: tuple[str, ...] = ("workers_in_post", "clients_counted", "workers_over_limit", "limit")


@dataclass(frozen=True)
class RawReplication:
    """All counts of one replication; arrays are indexed [month, area, …] or [year, area, group]."""

    replication: int
    month_ends: tuple[dt.date, ...]
    areas: tuple[str, ...]
    flows: np.ndarray  # (n_months, n_areas, len(FLOWS))
    stocks: np.ndarray  # (n_months, n_areas, len(STOCKS))
    pools: np.ndarray  # (n_months, n_areas, n_units, len(POOL_MEASURES))
    years: tuple[int, ...]
    during_year: np.ndarray  # (n_years, n_areas, len(GROUPS))
    point_dates: tuple[dt.date, ...]
    point_in_time: np.ndarray  # (n_dates, n_areas, n_units, len(POINT_MEASURES))
    events: int
