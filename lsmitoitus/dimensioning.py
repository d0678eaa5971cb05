"""Staffing dimensioning: how many responsible social workers each area and unit needs.

For every replication the event model runs once and records each unit's client operations.
Because staffing decides only who holds each list, not which children there are, the units are
independent given their clients: the search decomposes by area and unit. For each, candidate
post counts are replayed (:mod:`lsmitoitus.model.replay`) in increasing order from a lower bound
(fewest counted clients in a month ÷ target) until every month complies, with the unit's
allocation rule, fill rate and turnover, and the same clients and post histories for every
candidate (common random numbers). A month complies when no worker's counted list exceeds the
target.

Per replication and month this gives the smallest number of posts that complies; across
replications its P50 and the quantile at the chosen confidence are the staffing curves. The
posts that keep a unit compliant through the horizon are the largest monthly requirement at
that confidence; the first breach is the first month in which the funded posts comply with
less than that probability.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .model.law import Schedule
from .model.pathway import PathwayModel
from .model.posts import post_opening_days, posts_on
from .model.raw import POOL, RawReplication
from .model.replay import replay_pool
from .model.staffing import pool_key
from .results import SimulationResults, build_results, tidy_long
from .runner import ProgressCallback, default_jobs, map_replications, with_run_settings
from .scenario.schema import Scenario
from .vocabulary import UNITS

MAX_LIST = POOL["max_children_per_worker"]
LIMIT = POOL["limit"]
COUNTED = POOL["clients_counted"]


@dataclass(frozen=True)
class ReplicationRequirement:
    raw: RawReplication
    required: np.ndarray  # (months, areas, units): smallest complying posts
    compliant_funded: np.ndarray  # (months, areas, units) bool: funded posts comply
    capped: bool  # some month did not comply even at the search cap


def _limit_steps(limit: Schedule, target: int | None) -> Schedule:
    """The schedule a month must comply with: the statutory one, or a fixed target."""
    if target is None:
        return list(limit)
    return [(0.0, float(target))]


def requirement_for_replication(
    scenario: Scenario, rep_seed: np.random.SeedSequence, replication: int, target: int | None = None
) -> ReplicationRequirement:
    """Run one replication and find, per unit and month, the smallest complying post count."""
    run = PathwayModel(scenario, rep_seed, replication, record_pool_logs=True).run()
    raw = run.raw
    steps = _limit_steps(run.limit, target)
    n_months = raw.pools.shape[0]
    required = np.zeros((n_months, len(scenario.areas), len(UNITS)))
    compliant = np.zeros((n_months, len(scenario.areas), len(UNITS)), dtype=bool)
    capped = False
    caseload = scenario.caseload
    for a, area in enumerate(scenario.area_names):
        for u, unit in enumerate(UNITS):
            staff = scenario.staffing[unit][area]
            log = run.pool_logs[a][u]
            assert log is not None

            def replay(
                n: int, staff: Any = staff, log: Any = log, key: str = pool_key(area, unit), opens_at: Any = ()
            ) -> np.ndarray:
                rows = replay_pool(
                    log,
                    n,
                    staff,
                    rep_seed,
                    key,
                    caseload.allocation,
                    caseload.rebalance_on_hire,
                    steps,
                    run.month_boundaries,
                    run.report_start,
                    opens_at,
                )
                return rows[:, MAX_LIST] <= rows[:, LIMIT]

            funded = staff.social_workers
            opens = post_opening_days(scenario, unit, area, run.origin)  # incl. posts a lever opens later
            compliant[:, a, u] = replay(len(opens), opens_at=opens)
            limits = np.array([v for _, v in steps], dtype=float).max()
            counted = raw.pools[:, a, u, COUNTED]
            n = max(0, math.floor(counted.min() / limits))
            cap = 3 * max(funded, math.ceil(counted.max() / limits)) + 10
            found = np.full(n_months, -1)
            while (found < 0).any() and n <= cap:
                same_as_funded = n == funded == len(opens)  # the funded replay already answers this one
                ok = compliant[:, a, u] if same_as_funded else (replay(n) if n > 0 else counted == 0)
                found[(found < 0) & ok] = n
                n += 1
            capped |= bool((found < 0).any())
            required[:, a, u] = np.where(found < 0, cap, found)
    return ReplicationRequirement(raw=raw, required=required, compliant_funded=compliant, capped=capped)


@dataclass
class DimensioningResult:
    scenario: Scenario
    target: int | None
    confidence: float
    results: SimulationResults
    monthly: pd.DataFrame  # date, area, unit, funded, expected_in_post, required_p50, required_conf, gap, compliance
    yearly: pd.DataFrame  # year, area, unit, funded, required_p50, required_conf, gap
    units: pd.DataFrame  # area, unit, funded, first_breach, required_horizon, extra_posts
    requirement: pd.DataFrame  # tidy: replication, date, area, unit, measure='required_posts', value
    capped: bool

    @property
    def extra_posts(self) -> int:
        return int(self.units["extra_posts"].sum())


def dimension(
    scenario: Scenario,
    target: int | None = None,
    confidence: float = 0.9,
    *,
    replications: int | None = None,
    seed: int | None = None,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
) -> DimensioningResult:
    """Required posts per area, unit and month so that no worker exceeds ``target`` (default:
    the statutory limit in force) with probability ``confidence``."""
    if not 0.5 <= confidence < 1.0:
        raise ValueError(f"confidence must satisfy 0.5 ≤ confidence < 1, got {confidence}")
    scenario = with_run_settings(scenario, replications, seed)
    n = scenario.simulation.replications
    jobs = default_jobs(n) if jobs is None else jobs

    task = functools.partial(requirement_for_replication, target=target)  # picklable for worker processes
    reps: list[ReplicationRequirement] = map_replications(task, scenario, jobs, progress)
    raws = [r.raw for r in reps]
    results = build_results(scenario, raws, 0.0, jobs)
    required = np.stack([r.required for r in reps])  # (reps, months, areas, units)
    compliant = np.stack([r.compliant_funded for r in reps])
    months = [pd.Timestamp(d) for d in raws[0].month_ends]
    p50 = np.quantile(required, 0.5, axis=0, method="higher")
    at_conf = np.quantile(required, confidence, axis=0, method="higher")
    compliance = compliant.mean(axis=0)
    rows = []
    for m, date in enumerate(months):
        for a, area in enumerate(scenario.area_names):
            for u, unit in enumerate(UNITS):
                staff = scenario.staffing[unit][area]
                funded = posts_on(scenario, unit, area, date.date())
                rows.append(
                    {
                        "date": date,
                        "area": area,
                        "unit": unit,
                        "funded_posts": funded,
                        "expected_in_post": funded * staff.fill_rate,
                        "required_posts_p50": p50[m, a, u],
                        "required_posts_conf": at_conf[m, a, u],
                        "gap_posts": at_conf[m, a, u] - funded,
                        "compliance_probability": compliance[m, a, u],
                    }
                )
    monthly = pd.DataFrame(rows)
    monthly["year"] = pd.DatetimeIndex(monthly["date"]).year
    yearly = (
        monthly.groupby(["year", "area", "unit"], sort=False)
        .agg(
            funded_posts=("funded_posts", "last"),
            required_posts_p50=("required_posts_p50", "max"),
            required_posts_conf=("required_posts_conf", "max"),
            min_compliance=("compliance_probability", "min"),
        )
        .reset_index()
    )
    yearly["gap_posts"] = yearly["required_posts_conf"] - yearly["funded_posts"]
    monthly = monthly.drop(columns="year")
    unit_rows = []
    for keys, part in monthly.groupby(["area", "unit"], sort=False):
        area_name, unit_name = (str(k) for k in keys)
        breach = part[part["compliance_probability"] < confidence]
        horizon = int(part["required_posts_conf"].max())
        funded = int(part["funded_posts"].iloc[-1])  # posts at the end, incl. any a lever opened
        unit_rows.append(
            {
                "area": area_name,
                "unit": unit_name,
                "funded_posts": funded,
                "first_breach": breach["date"].iloc[0] if not breach.empty else pd.NaT,
                "months_in_breach": len(breach),
                "required_posts_horizon": horizon,
                "extra_posts": max(0, horizon - funded),
            }
        )
    units = pd.DataFrame(unit_rows)
    requirement = _long(required, raws, ["required_posts"])
    return DimensioningResult(
        scenario=scenario,
        target=target,
        confidence=confidence,
        results=results,
        monthly=monthly,
        yearly=yearly,
        units=units,
        requirement=requirement,
        capped=any(r.capped for r in reps),
    )


def _long(values: np.ndarray, raws: list[RawReplication], measures: list[str]) -> pd.DataFrame:
    """(replications, months, areas, units) → tidy rows like the rest of the results."""
    frames = []
    keys = [(u, m) for u in UNITS for m in measures]
    for r, raw in enumerate(raws):
        flat = values[r].reshape(values.shape[1], values.shape[2], -1)
        frames.append(tidy_long(flat, raw.replication, raw.month_ends, raw.areas, keys))
    return pd.concat(frames, ignore_index=True)


def month_label(value: Any) -> str:
    return "–" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m")


def first_of(dates: pd.Series) -> dt.date | None:
    valid = dates.dropna()
    return None if valid.empty else pd.Timestamp(valid.min()).date()
