"""Staffing dimensioning: how many responsible social workers each team needs, year by year, and
how many assessment workers each area needs.

For every replication the event model runs once and records each team's client operations and
each area's assessments. Staffing decides only who holds each list, not which children there
are, so teams are independent given their clients: for each, candidate post counts are replayed
(:mod:`lsmitoitus.model.replay`) with the same clients and post histories (common random
numbers), and per month the smallest count that complies is kept.

A month complies when no worker's counted list exceeds the target in force (the list's limit
scales with a part-time post's FTE) and no counted child is without a worker. Before the law
(1.1.2022) nothing is a breach. The target is the statutory limit, and from a chosen date (by
default 1 January of the first projected year, never earlier) a stricter planning target if one
is given. The aftercare unit is dimensioned with every client counted, 18+ included, against
``caseload.jalkihuolto_planning_target``, so its answer reflects the workload and is never a
silent zero.

**The yearly requirement** (the figure a budget uses): the posts that keep every month of the
year compliant, at the chosen confidence over replications. Per replication it is the largest
monthly requirement of the year; its P50 and its quantile at the confidence are reported. The
worst month of the year is kept as detail.

**Decomposition**: the same search with staff dynamics switched off gives the requirement of
demand alone (every post always filled, no absences), then with vacancies, then with absences
too (the full answer); and with each unit's posts pooled into one county-wide team, the part
that comes from splitting the unit into teams.

**Assessment staff**: per area and year, the fewest assessment workers (in steps of half an FTE)
with which the target share of assessments both start by the 7th working day and are completed
within 3 months, replaying the area's assessments first come first served.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Any

import numpy as np
import pandas as pd

from ..model.calendar import calendar_for
from ..model.caseload import ADD, RECOUNT, LogEntry
from ..model.demand import first_projected_year
from ..model.law import Schedule
from ..model.parameters import ModelParameters
from ..model.pathway import ModelRun, PathwayModel, _cached_month_deadlines
from ..model.posts import PostSpec, posts_on, unit_posts
from ..model.raw import POOL
from ..model.replay import merged_log, replay_assessments, replay_pool
from ..model.staffing import StaffSwitches
from ..scenario.schema import Scenario
from ..simulation.results import build_results, tidy_pools
from ..simulation.runner import (
    ProgressCallback,
    default_jobs,
    map_replications,
    replication_scenario,
    with_run_settings,
)
from ..vocabulary import UNITS
from .dimensioning_tables import DimensioningResult, ReplicationRequirement, assemble

N_OVER = POOL["workers_over_limit"]
UNASSIGNED = POOL["unassigned_children"]
LIMIT = POOL["limit"]
COUNTED = POOL["clients_counted"]
CLIENTS = POOL["clients"]
VARIANTS = ("demand", "vacancies", "full")  # requirement with staff dynamics switched on step by step
SWITCHES = {
    "demand": StaffSwitches(vacancies=False, absences=False),
    "vacancies": StaffSwitches(vacancies=True, absences=False),
    "full": StaffSwitches(),
}
POOLED = "koko_alue"


def planning_start(scenario: Scenario, target_from: dt.date | None = None) -> dt.date:
    """First day of a planning target: the chosen date or the scenario's, but never before the
    first projected year (a target is a plan, not a verdict on the past)."""
    first = dt.date(first_projected_year(scenario), 1, 1)
    chosen = target_from or scenario.caseload.planning_target_from or first
    return max(chosen, first)


def target_schedule(limit: Schedule, target: float | None, from_day: float) -> Schedule:
    """The statutory limit steps, replaced by ``target`` from ``from_day`` on (if given)."""
    if target is None:
        return list(limit)
    before = [(t, v) for t, v in limit if t < from_day]
    return [*before, (from_day, float(target))]


def _all_counted(log: list[LogEntry]) -> list[LogEntry]:
    """The log with every client counted (aftercare workload: 18+ included)."""
    return [(t, op, s, True if op in (ADD, RECOUNT) else c, f, u1, u2) for t, op, s, c, f, u1, u2 in log]


def _compliant(rows: np.ndarray) -> np.ndarray:
    """Months that comply: no limit in force, or nobody over it and nobody without a worker."""
    no_limit = np.isnan(rows[:, LIMIT])
    return no_limit | ((rows[:, N_OVER] == 0) & (rows[:, UNASSIGNED] == 0))


def candidate_specs(base: list[PostSpec], n: int) -> list[PostSpec]:
    """``n`` full-time posts existing throughout, in the order of the team's own posts (then more
    in its first area), with the team's leads: the staffing a requirement search replays."""
    ordinary = [p for p in base if not p.lead]
    leads = [p for p in base if p.lead]
    first = ordinary[0] if ordinary else (leads[0] if leads else None)
    if first is None:
        raise ValueError("a team needs at least one post or lead to be dimensioned")
    out = [
        PostSpec(
            ordinary[i].area if i < len(ordinary) else first.area,
            1.0,
            None,
            None,
            False,
            ordinary[i].staff if i < len(ordinary) else first.staff,
        )
        for i in range(n)
    ]
    return out + [PostSpec(p.area, 1.0, None, None, True, p.staff) for p in leads]


def _search(
    replay: Any, counted: np.ndarray, limit: np.ndarray, funded_rows: np.ndarray | None, n_funded: int
) -> tuple[np.ndarray, bool]:
    """Per month the fewest posts whose replay complies, stepping up from the pigeonhole bound."""
    with np.errstate(invalid="ignore", divide="ignore"):
        bound = np.where(np.isnan(limit), 0.0, np.ceil(counted / np.where(np.isnan(limit), 1.0, limit)))
    needed = ~np.isnan(limit)
    found = np.where(needed, -1, np.nan)
    if not needed.any():
        return found, False
    n = max(0, int(np.nanmin(np.where(needed, bound, np.inf))) - 1)
    cap = 3 * max(n_funded, int(np.nanmax(np.where(needed, bound, 0)))) + 10
    while (found == -1).any() and n <= cap:
        rows = funded_rows if (n == n_funded and funded_rows is not None) else replay(n)
        ok = _compliant(rows) if n > 0 else (counted == 0)
        newly = (found == -1) & ok & needed
        found[newly] = n
        n += 1
    capped = bool((found == -1).any())
    found[found == -1] = cap
    return found, capped


def requirement_for_replication(
    scenario: Scenario,
    rep_seed: np.random.SeedSequence,
    replication: int,
    target: int | None = None,
    target_from: dt.date | None = None,
    decompose: bool = True,
) -> ReplicationRequirement:
    """Run one replication and find, per team, variant and month, the smallest complying posts."""
    drawn, multipliers = replication_scenario(scenario, rep_seed)
    run = PathwayModel(drawn, rep_seed, replication, record_pool_logs=True, parameters=multipliers).run()
    raw = run.raw
    params = ModelParameters.from_scenario(drawn, run.origin, rep_seed)
    from_day = float((planning_start(scenario, target_from) - run.origin).days)
    n_months = raw.pools.shape[0]
    variants = VARIANTS if decompose else ("full",)
    required = {v: np.full((n_months, len(run.pool_keys)), np.nan) for v in variants}
    compliant = np.zeros((n_months, len(run.pool_keys)), dtype=bool)
    capped = False
    teams_of: dict[str, dict[str, list[PostSpec]]] = {unit: unit_posts(drawn, unit) for unit in UNITS}
    logs_of_unit: dict[str, list[list[LogEntry]]] = {u: [] for u in UNITS}
    for p, (unit, team) in enumerate(run.pool_keys):
        log = run.pool_logs[p]
        assert log is not None
        aftercare = unit == "jalkihuolto"
        if aftercare:
            log = _all_counted(log)
        logs_of_unit[unit].append(log)
        goal = drawn.caseload.jalkihuolto_planning_target if aftercare else target or drawn.caseload.planning_target
        steps = target_schedule(run.limit, goal, from_day)
        base = teams_of[unit][team]
        replayer = functools.partial(
            _replay, log, unit, rep_seed, run, params, drawn.organisation.lead_cover_cap, steps
        )
        funded_rows = replayer(base, StaffSwitches())
        compliant[:, p] = _compliant(funded_rows)
        counted = funded_rows[:, CLIENTS if aftercare else COUNTED]
        limit = funded_rows[:, LIMIT]
        n_funded = sum(1 for s in base if not s.lead)
        for variant in variants:

            def replay_n(
                n: int, variant: str = variant, base: list[PostSpec] = base, replayer: Any = replayer
            ) -> np.ndarray:
                return replayer(candidate_specs(base, n), SWITCHES[variant])

            found, hit_cap = _search(replay_n, counted, limit, None, n_funded)
            required[variant][:, p] = found
            capped |= hit_cap
    pooled = np.full((n_months, len(UNITS)), np.nan)
    if decompose:
        for u, unit in enumerate(UNITS):
            teams = teams_of[unit]
            if len(teams) == 1:
                pooled[:, u] = required["full"][:, next(k for k, (un, _) in enumerate(run.pool_keys) if un == unit)]
                continue
            log = merged_log(logs_of_unit[unit])
            aftercare = unit == "jalkihuolto"
            goal = drawn.caseload.jalkihuolto_planning_target if aftercare else target or drawn.caseload.planning_target
            steps = target_schedule(run.limit, goal, from_day)
            base = [s for team_specs in teams.values() for s in team_specs]
            replayer = functools.partial(
                _replay, log, unit, rep_seed, run, params, drawn.organisation.lead_cover_cap, steps
            )
            rows = replayer(base, StaffSwitches())
            counted = rows[:, CLIENTS if aftercare else COUNTED]
            n_funded = sum(1 for s in base if not s.lead)

            def replay_pooled(n: int, base: list[PostSpec] = base, replayer: Any = replayer) -> np.ndarray:
                return replayer(candidate_specs(base, n), StaffSwitches())

            pooled[:, u], hit_cap = _search(replay_pooled, counted, rows[:, LIMIT], None, n_funded)
            capped |= hit_cap
    assessment = _assessment_requirement(drawn, run, params)
    return ReplicationRequirement(raw, required, pooled, compliant, assessment, capped)


def _replay(
    log: list[LogEntry],
    unit: str,
    rep_seed: np.random.SeedSequence,
    run: ModelRun,
    params: ModelParameters,
    lead_cap: int,
    steps: Schedule,
    specs: list[PostSpec],
    switches: StaffSwitches,
) -> np.ndarray:
    return replay_pool(
        log,
        unit,
        specs,
        rep_seed,
        run.origin,
        run.end_day,
        params.caseload,
        lead_cap,
        steps,
        run.month_boundaries,
        run.report_start,
        switches,
    )


def _assessment_requirement(
    scenario: Scenario, run: ModelRun, params: ModelParameters
) -> dict[int, dict[int, dict[str, float]]]:
    """Per area and reported year: the fewest assessment workers (half-FTE steps) with which the
    target share start and finish on time, and the funded workers' shares and waiting."""
    cal = calendar_for(run.origin, run.end_day)
    start_deadline = cal.working_day_row(params.arviointi.start_deadline_working_days)
    completion_deadline = _cached_month_deadlines(run.origin, run.end_day, params.arviointi.completion_deadline_months)
    target = scenario.arviointi.on_time_target
    per_worker = params.arviointi.concurrent_per_worker
    first_year = scenario.simulation.start.year
    out: dict[int, dict[int, dict[str, float]]] = {}
    for area, log in enumerate(run.assessment_logs):
        funded = params.arviointi.workers[area]

        def stats(workers: float, log: list[tuple[float, int, float]] = log) -> dict[int, tuple[int, int, int, float]]:
            return replay_assessments(
                log, max(1, round(workers * per_worker)), start_deadline, completion_deadline, cal.year
            )

        at_funded = stats(funded)
        unlimited = stats(1e6)  # every assessment starts when it is opened
        last_year = scenario.simulation.end.year
        years = [y for y in sorted(at_funded) if first_year <= y <= last_year]
        result: dict[int, dict[str, float]] = {}
        goal: dict[int, float] = {}
        for y in years:
            n, started, completed, waited = at_funded[y]
            best_n, best_started, best_completed, _ = unlimited[y]
            # deadlines missed whatever the staffing (a late decision, a long assessment) are not
            # a staffing question: the goal is the target, or what unlimited slots reach if less
            goal[y] = min(target, best_started / best_n - 0.005, best_completed / best_n - 0.005)
            result[y] = {
                "funded_workers": funded,
                "assessments": n,
                "started_on_time": started / n if n else math.nan,
                "completed_on_time": completed / n if n else math.nan,
                "mean_wait_days": waited / n if n else math.nan,
                "best_started_on_time": best_started / best_n if best_n else math.nan,
                "best_completed_on_time": best_completed / best_n if best_n else math.nan,
                "required_workers": math.nan,
            }
        # Little's law: the slots busy on average are the assessments' work per day; start a
        # little below that and step up by half an FTE until every year meets its goal
        span = max(1.0, max((j for j, _, _ in log), default=0.0) - min((j for j, _, _ in log), default=0.0))
        busy = sum(w for _, _, w in log) / span
        workers = max(0.5, math.floor(2 * busy / per_worker) / 2 - 1.0)
        pending = set(years)
        while pending and workers <= max(4 * funded, 10.0) + 50:
            got = stats(workers)
            for y in list(pending):
                n, started, completed, _ = got.get(y, (0, 0, 0, 0.0))
                if n == 0 or (started / n >= goal[y] and completed / n >= goal[y]):
                    result[y]["required_workers"] = workers
                    pending.discard(y)
            workers += 0.5
        out[area] = result
    return out


def dimension(
    scenario: Scenario,
    target: int | None = None,
    confidence: float = 0.9,
    *,
    target_from: dt.date | None = None,
    replications: int | None = None,
    seed: int | None = None,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    decompose: bool = True,
) -> DimensioningResult:
    """Required posts per team, unit and year so that no worker exceeds the target in force
    (the statutory limit, or ``target`` from ``target_from``) in any month of the year with
    probability ``confidence``; the assessment workers per area; the decomposition."""
    if not 0.5 <= confidence < 1.0:
        raise ValueError(f"confidence must satisfy 0.5 ≤ confidence < 1, got {confidence}")
    scenario = with_run_settings(scenario, replications, seed)
    n = scenario.simulation.replications
    jobs = default_jobs(n) if jobs is None else jobs
    start = planning_start(scenario, target_from)
    task = functools.partial(requirement_for_replication, target=target, target_from=start, decompose=decompose)
    reps: list[ReplicationRequirement] = map_replications(task, scenario, jobs, progress)
    raws = [r.raw for r in reps]
    results = build_results(scenario, raws, 0.0, jobs)
    return assemble(scenario, target, start, confidence, results, reps, raws)


def month_label(value: Any) -> str:
    """A month as YYYY-MM (a dash for none)."""
    return "–" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m")


def first_of(dates: pd.Series) -> dt.date | None:
    """The earliest date of a column (None if empty)."""
    valid = dates.dropna()
    return None if valid.empty else pd.Timestamp(valid.min()).date()


__all__ = ["DimensioningResult", "dimension", "posts_on", "tidy_pools"]
