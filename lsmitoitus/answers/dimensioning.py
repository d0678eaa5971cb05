"""Staffing dimensioning: how many responsible social workers each team needs, year by year, under
each reading of the law and each list-allocation practice, with its Monte-Carlo error; and how
many assessment workers each area needs.

The per-replication search is :mod:`.requirement`; the tables and the answer's quantiles are
:mod:`.dimensioning_tables`. The readings of lastensuojelulaki 13 b § (docs/sources.md §9):

* ``monitoring_days`` (the default headline): nobody over the limit and nobody without a worker
  on THL's monitoring days (the second Tuesday of April and October), the days on which the
  supervising authorities measure the rule;
* ``month_ends``: the same at every month end (a stricter reading of "at all times");
* ``mean_list``: counted children ÷ limit, the year's mean (how the government bill costed the
  rule and how a county reports "the limit met on average"; no list is checked).

A year's requirement per replication is the largest of its reading days' (or the mean list);
the answer is its quantile at the chosen confidence over replications (Harrell–Davis, with a
bootstrap standard error), per team; a unit's or the county's is the sum of its teams' (posts
cannot move between teams). By default replications are added until the county's headline is
known to ±1 post (95 %), up to a limit; the answer says how precise it is.

The target is the statutory limit (none before 1.1.2022), and from a chosen date (by default 1
January of the first projected year, never earlier) a stricter planning target if one is given.
Aftercare clients aged 18+ do not count toward the legal limit (``count_jalkihuolto_18_plus``),
so the aftercare unit's legal requirement counts only those who do; a county's own workload
target for aftercare (``caseload.jalkihuolto_planning_target``) is answered apart, flagged.

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
from ..model.caseload import Allocation
from ..model.demand import first_projected_year
from ..model.parameters import ModelParameters
from ..model.pathway import ModelRun, PathwayModel, _cached_month_deadlines, collector_paused
from ..model.posts import posts_on, unit_posts
from ..model.randomness import replication_seeds
from ..model.replay import AssessmentRecord, AssessmentYear, replay_assessments
from ..scenario.schema import Reading, Scenario
from ..simulation.results import build_results, tidy_pools
from ..simulation.runner import ProgressCallback, default_jobs, map_tasks, replication_scenario, with_run_settings
from .dimensioning_tables import DimensioningResult, ReplicationRequirement, assemble, headline_precision
from .quantiles import can_carry
from .requirement import COMPARE, HEADLINE, TeamSearch, all_counted, planning_schedule

#: replications the decomposition rests on, and those that also carry the practice shown beside the
#: headline and the assessment requirement (the first ones of every run, so they do not change as
#: more replications are added for the headline's precision: those carry the headline only)
DECOMPOSITION_REPLICATIONS = 20
FULL_REPLICATIONS = 40
#: replications added at a time until the headline is precise enough, and the most a run takes
BATCH = 20
MAX_REPLICATIONS = 200
#: the headline's precision a run aims for by default: ± posts (95 %)
PRECISION = 1.0


def planning_start(scenario: Scenario, target_from: dt.date | None = None) -> dt.date:
    """First day of a planning target: the chosen date or the scenario's, but never before the
    first projected year (a target is a plan, not a verdict on the past)."""
    first = dt.date(first_projected_year(scenario), 1, 1)
    chosen = target_from or scenario.caseload.planning_target_from or first
    return max(chosen, first)


def practices(scenario: Scenario) -> dict[str, Allocation]:
    """The practices an answer compares: the scenario's own (the headline's) and the one shown
    beside it (managed lists by default)."""
    caseload = scenario.caseload
    out = {HEADLINE: Allocation[caseload.allocation.upper()]}
    if caseload.compare_allocation != caseload.allocation:
        out[COMPARE] = Allocation[caseload.compare_allocation.upper()]
    return out


def team_searches(
    scenario: Scenario,
    rep_seed: np.random.SeedSequence,
    replication: int,
    target: int | None = None,
    target_from: dt.date | None = None,
) -> tuple[Scenario, ModelRun, ModelParameters, list[tuple[TeamSearch, bool]]]:
    """Run one replication (its own drawn parameters) and prepare each team's search: the scenario
    drawn, the run, its parameters, and per team the search and whether it answers the county's
    own aftercare workload target rather than the law."""
    drawn, multipliers = replication_scenario(scenario, rep_seed)
    run = PathwayModel(drawn, rep_seed, replication, record_pool_logs=True, parameters=multipliers).run()
    params = ModelParameters.from_scenario(drawn, run.origin, rep_seed)
    from_day = float((planning_start(scenario, target_from) - run.origin).days)
    caseload = drawn.caseload
    teams_of = {unit: unit_posts(drawn, unit) for unit in {u for u, _ in run.pool_keys}}
    searches = []
    for p, (unit, team) in enumerate(run.pool_keys):
        log = run.pool_logs[p]
        assert log is not None
        workload = unit == "jalkihuolto" and caseload.jalkihuolto_planning_target is not None
        if workload:
            log, goal = all_counted(log), caseload.jalkihuolto_planning_target
        else:
            goal = target or caseload.planning_target
        search = TeamSearch(
            log,
            unit,
            teams_of[unit][team],
            planning_schedule(run.limit, goal, from_day),
            run,
            rep_seed,
            params.caseload.pool_rules,
        )
        searches.append((search, workload))
    return drawn, run, params, searches


def requirement_for_replication(
    scenario: Scenario,
    rep_seed: np.random.SeedSequence,
    replication: int,
    target: int | None = None,
    target_from: dt.date | None = None,
    decompose: bool = True,
    headline_only: bool = False,
) -> ReplicationRequirement:
    """Run one replication and search, per team, the fewest complying posts on every reading day
    under each practice (and the decomposition's variants when ``decompose``); ``headline_only``
    searches only the headline's practice and skips the assessment requirement."""
    with collector_paused():
        drawn, run, params, searches = team_searches(scenario, rep_seed, replication, target, target_from)
        chosen = practices(drawn)
        if headline_only:
            chosen = {HEADLINE: chosen[HEADLINE]}
        answers = [search.team(chosen, decompose and not headline_only, workload) for search, workload in searches]
        assessment = {} if headline_only else _assessment_requirement(drawn, run, params)
    return ReplicationRequirement(
        raw=run.raw,
        replication=replication,
        teams=tuple(answers),
        assessment=assessment,
        decomposed=decompose,
        month_dates=tuple(pd.Timestamp(d).date() for d in run.raw.month_ends),
        day_dates=tuple(run.origin + dt.timedelta(days=int(t)) for t in run.monitoring_days),
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

        def stats(workers: float, log: list[AssessmentRecord] = log) -> dict[int, AssessmentYear]:
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
    reading: Reading | None = None,
    precision: float | None = None,
    max_replications: int = MAX_REPLICATIONS,
) -> DimensioningResult:
    """Required posts per team, unit and year under every reading of the law and both practices,
    so that no worker exceeds the target in force (the statutory limit, or ``target`` from
    ``target_from``) on the reading's days with probability ``confidence``; the assessment
    workers per area; the decomposition.

    ``replications`` fixes their number. Without it the run starts from the scenario's (at least
    enough to carry ``confidence``) and adds :data:`BATCH` at a time until the county's headline
    in every budget year is known to ± ``precision`` posts (95 %; default :data:`PRECISION`), or
    ``max_replications`` are run; the answer says how precise it is either way."""
    if not 0.5 <= confidence < 1.0:
        raise ValueError(f"confidence must satisfy 0.5 ≤ confidence < 1, got {confidence}")
    adaptive = replications is None
    scenario = with_run_settings(scenario, replications, seed)
    if reading is not None:
        scenario = scenario.model_copy(update={"caseload": scenario.caseload.model_copy(update={"reading": reading})})
    start = planning_start(scenario, target_from)
    task = functools.partial(requirement_for_replication, target=target, target_from=start)
    goal = PRECISION if precision is None else precision
    n = scenario.simulation.replications
    if adaptive:
        n = max(n, _enough_for(confidence))
    reps: list[ReplicationRequirement] = []
    while True:
        seeds = replication_seeds(scenario.simulation.seed, n)
        calls = [
            (scenario, seeds[r], r, r < DECOMPOSITION_REPLICATIONS and decompose, r >= FULL_REPLICATIONS)
            for r in range(len(reps), n)
        ]
        jobs_now = default_jobs(len(calls)) if jobs is None else jobs
        reps += map_tasks(_task, [(task, *call) for call in calls], jobs_now, progress)
        if not adaptive or n >= max_replications:
            break
        if headline_precision(scenario, reps, confidence, start) <= goal:
            break
        n = min(max_replications, n + BATCH)
    scenario = scenario.with_overrides(replications=len(reps))
    raws = [r.raw for r in reps]
    jobs_used = default_jobs(len(reps)) if jobs is None else jobs
    results = build_results(scenario, raws, 0.0, jobs_used)
    return assemble(scenario, target, start, confidence, results, reps, raws, precision_goal=goal if adaptive else None)


def _task(
    task: Any,
    scenario: Scenario,
    rep_seed: np.random.SeedSequence,
    replication: int,
    decompose: bool,
    headline_only: bool,
) -> ReplicationRequirement:
    """One replication's requirement (a module-level function, so worker processes can run it)."""
    return task(scenario, rep_seed, replication, decompose=decompose, headline_only=headline_only)


def _enough_for(confidence: float) -> int:
    """The fewest replications, in whole batches, that can carry a figure at ``confidence``."""
    n = BATCH
    while not can_carry(n, confidence) and n < MAX_REPLICATIONS:
        n += BATCH
    return n


def month_label(value: Any) -> str:
    """A month as YYYY-MM (a dash for none)."""
    return "–" if pd.isna(value) else pd.Timestamp(value).strftime("%Y-%m")


def first_of(dates: pd.Series) -> dt.date | None:
    """The earliest date of a column (None if empty)."""
    valid = dates.dropna()
    return None if valid.empty else pd.Timestamp(valid.min()).date()


__all__ = ["DimensioningResult", "dimension", "planning_start", "posts_on", "requirement_for_replication", "tidy_pools"]
