"""One replication's staffing requirement: per team, the fewest posts that comply on each reading
day, under the scenario's allocation practice and under managed lists.

Staffing decides only who holds each list, not which children there are (no rationing), so
teams are independent given their clients: the event model runs once and records each team's
client operations, and candidate post counts are replayed (:mod:`lsmitoitus.model.replay`)
against exactly the same clients and post histories (common random numbers).

**Reading days.** A day complies when no worker's counted list exceeds the target in force (a
part-time post's limit scales with its FTE) and no counted child is without a worker; before the
law (1.1.2022) nothing is a breach. The days read are every reported month end and THL's
monitoring days (the second Tuesday of April and October); the readings of the law
(``caseload.reading``) take the largest requirement of the year over one set or the other, or,
for the mean list, the year's mean of counted children ÷ limit (no search).

**The search, and why it is exact.** Per team and practice it finds, for every reading day d,
found[d] = the smallest n ≥ n₀ whose replay complies on d, where n₀ is one below the smallest
pigeonhole bound of the year's days (as the search always has). Three facts make it cheap
without changing a single answer:

* a replay at n cannot comply on d when (n + leads) × limit < counted children on d, because
  every worker and lead would have to hold at most the limit: so candidates below that bound are
  skipped for d (they would fail), and a candidate no unresolved day can use is not replayed;
* a replay is causal: what it records up to a day does not depend on anything later, so a
  candidate replays only up to the last day still waiting for it (``stop_after``);
* candidates are tried in increasing order, so the first complying one is the smallest.

So every day gets exactly the answer of replaying every candidate n₀, n₀+1, … over the whole
horizon (``tests/test_requirement.py`` compares the two on every bundled scenario), for a
fraction of the replays: most days are settled by the first few candidates, and small candidates
stop where the days that need them end.

**What a replay costs, and what is shared.** Per team and replication the log is turned into
typed columns once (:func:`~lsmitoitus.model.replay.log_columns`), and per staff variant the staff
events of the largest candidate are drawn once (:func:`~lsmitoitus.model.staffing.staff_stream`):
candidate post k has the same history in every candidate staffing, and restricting the merged
events to some posts keeps the order their own heap would give, so each replay reads its posts'
events from the shared stream (:meth:`TeamSearch.replay_candidate`, tested equal to drawing
them afresh). A replay then only moves children between lists: 4–5 ms for the default's teams,
about 19 replays per team in a full replication and 7 in a headline-only one (measured with
cProfile, 12/2026).

**Decomposition variants** (on the replications that carry the decomposition): managed lists
with vacancies but no absences; with no staff dynamics at all managed lists need exactly the
pigeonhole posts, ceil(counted ÷ limit), so that needs no replay.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cached_property

import numpy as np

from ..model.caseload import ADD, RECOUNT, Allocation, PoolOp, PoolRules
from ..model.law import Schedule
from ..model.pathway import ModelRun
from ..model.posts import PostSpec
from ..model.raw import POOL
from ..model.replay import LogColumns, Replayed, log_columns, replay_pool
from ..model.staffing import StaffStream, StaffSwitches, for_posts, holding, post_timelines, staff_stream

N_OVER = POOL["workers_over_limit"]
UNASSIGNED = POOL["unassigned_children"]
LIMIT = POOL["limit"]
COUNTED = POOL["clients_counted"]
CLIENTS = POOL["clients"]
REASSIGNED = POOL["reassignments"]

DAYS = ("month_ends", "monitoring_days")  # the reading days the searches answer for
HEADLINE, COMPARE, MANAGED = "headline", "compare", "managed"
FULL, VACANCIES = "full", "vacancies"
SWITCHES = {FULL: StaffSwitches(), VACANCIES: StaffSwitches(vacancies=True, absences=False)}


def compliant(rows: np.ndarray) -> np.ndarray:
    """Reading days that comply: no limit in force, or nobody over it and nobody without a worker."""
    no_limit = np.isnan(rows[:, LIMIT])
    return no_limit | ((rows[:, N_OVER] == 0) & (rows[:, UNASSIGNED] == 0))


def all_counted(log: list[PoolOp]) -> list[PoolOp]:
    """The log with every client counted (the county's own aftercare workload target: 18+ included)."""
    return [e._replace(counted=True) if e.op in (ADD, RECOUNT) else e for e in log]


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


def pigeonhole(counted: np.ndarray, limit: np.ndarray) -> np.ndarray:
    """ceil(counted ÷ limit) where a limit is in force (0 where none): the posts that could hold
    the counted children at the limit (NaN where no limit)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(np.isnan(limit), np.nan, np.ceil(counted / np.where(np.isnan(limit), 1.0, limit)))


@dataclass(frozen=True)
class Found:
    """A search's answer: the fewest complying posts on each month end and monitoring day, whether
    the search hit its cap, and how many replays it ran."""

    months: np.ndarray
    days: np.ndarray
    capped: bool
    replays: int


def fewest_posts(
    replay: Callable[[int, float], Replayed],
    counted: tuple[np.ndarray, np.ndarray],
    limit: tuple[np.ndarray, np.ndarray],
    times: tuple[np.ndarray, np.ndarray],
    lower: np.ndarray,
    funded: int,
) -> Found:
    """Per reading day the fewest posts whose replay complies (see the module docstring):
    ``replay(n, stop_after)`` replays n candidate posts; ``counted``, ``limit`` and ``times`` are
    (month ends, monitoring days) arrays; ``lower`` (over both) the posts below which a day cannot
    comply (:meth:`TeamSearch.capacity_bound`)."""
    n_months = counted[0].size
    c, lim, t = (np.concatenate(pair) for pair in (counted, limit, times))
    needed = ~np.isnan(lim)
    found = np.where(needed, -1.0, np.nan)
    if not needed.any():
        return Found(found[:n_months], found[n_months:], False, 0)
    bound = pigeonhole(c, lim)
    lower = np.where(needed, lower, np.inf)
    n = max(0, int(np.min(bound[needed])) - 1)
    cap = 3 * max(funded, int(np.max(bound[needed]))) + 10
    replays = 0
    while (found == -1).any() and n <= cap:
        waiting = found == -1
        useful = waiting & (lower <= n)
        if not useful.any():
            n = max(n + 1, int(np.min(lower[waiting])))
            continue
        if n == 0:
            ok = c == 0
        else:
            stop = float(np.max(t[useful]))
            rec = replay(n, stop)
            replays += 1
            ok = np.zeros(c.size, dtype=bool)
            ok[: rec.months.shape[0]] = compliant(rec.months)
            ok[n_months : n_months + rec.days.shape[0]] = compliant(rec.days)
            ok &= t <= stop
        found[waiting & ok & needed] = n
        n += 1
    capped = bool((found == -1).any())
    found[found == -1] = cap
    return Found(found[:n_months], found[n_months:], capped, replays)


@dataclass(frozen=True)
class TeamRequirement:
    """One team of one replication: counted children and the limit in force on each reading day
    (month ends, monitoring days); per practice, whether the funded posts comply there and how
    many children changed worker in each month; the searches' answers by (practice, variant)."""

    counted: tuple[np.ndarray, np.ndarray]
    limit: tuple[np.ndarray, np.ndarray]
    funded_ok: dict[str, tuple[np.ndarray, np.ndarray]]
    reassignments: dict[str, np.ndarray]  # per month, at the funded posts
    found: dict[tuple[str, str], Found]
    workload_target: bool  # the county's own aftercare workload target, not the law


@dataclass(frozen=True)
class TeamSearch:
    """What a search of one team needs: its log, posts, the limit steps and the run."""

    log: list[PoolOp]
    unit: str
    base: list[PostSpec]
    steps: Schedule
    run: ModelRun
    rep_seed: np.random.SeedSequence
    rules: PoolRules
    # per staff switches, the staff events of the first N candidate posts and the leads, drawn
    # once (every candidate staffing of up to N posts is some of these: see candidate_specs)
    streams: dict[StaffSwitches, tuple[int, StaffStream]] = field(default_factory=dict, compare=False, repr=False)

    def replay(
        self,
        specs: list[PostSpec],
        rules: PoolRules,
        switches: StaffSwitches,
        stop: float,
        staff: StaffStream | None = None,
    ) -> Replayed:
        """A replay of the team's clients with ``specs`` (their staff events drawn from their own
        streams, or given as ``staff``)."""
        run = self.run
        return replay_pool(
            self.columns,
            self.unit,
            specs,
            self.rep_seed,
            run.origin,
            run.end_day,
            rules,
            self.steps,
            run.month_boundaries,
            run.report_start,
            switches,
            monitoring=run.monitoring_days,
            stop_after=stop,
            staff=staff,
        )

    @cached_property
    def columns(self) -> LogColumns:
        """The log as columns, built once for all of the team's replays."""
        return log_columns(self.log)

    def replay_candidate(self, n: int, cap: int, rules: PoolRules, switches: StaffSwitches, stop: float) -> Replayed:
        """A replay of ``n`` ≤ ``cap`` candidate posts (:func:`candidate_specs`), their staff
        events taken from those of the first N ≥ n candidate posts drawn once (N twice the first
        candidate asked, drawn again for twice a larger one): post k's history is the same in
        every candidate staffing (its own stream), and the stream keeps each subset's order
        (:func:`~lsmitoitus.model.staffing.staff_stream`), so the records are those of
        :meth:`replay` with ``candidate_specs(base, n)`` (tested)."""
        built = self.streams.get(switches)
        if built is None or built[0] < n:
            size = max(n, min(cap, 2 * n))
            run = self.run
            horizon = float(max([*run.month_boundaries, *run.monitoring_days], default=0.0))
            timelines = post_timelines(
                self.unit, candidate_specs(self.base, size), self.rep_seed, run.origin, run.end_day, switches
            )
            built = self.streams[switches] = (size, staff_stream(timelines, horizon))
        size, stream = built
        leads = sum(1 for s in self.base if s.lead)
        kept = [*range(n), *range(size, size + leads)]
        return self.replay(candidate_specs(self.base, n), rules, switches, stop, for_posts(stream, kept))

    def capacity_bound(
        self, counted: np.ndarray, limit: np.ndarray, times: np.ndarray, cap: int, switches: StaffSwitches
    ) -> np.ndarray:
        """Per reading day the fewest candidate posts that could hold the counted children at all:
        every worker who holds a list (present, or absent with the list waiting) and every lead
        can hold at most the limit (a lead at most its cover cap), so a day with fewer cannot
        comply, however the children are spread. Candidate post k's staff history is the same in
        every candidate staffing (its own stream), so the bound needs no replay."""
        specs = candidate_specs(self.base, cap)
        ordinary = [s for s in specs if not s.lead]
        run = self.run
        timelines = post_timelines(self.unit, ordinary, self.rep_seed, run.origin, run.end_day, switches)
        order = np.argsort(times, kind="stable")
        holds = np.zeros((len(timelines), times.size))
        for k, timeline in enumerate(timelines):
            holds[k, order] = holding(timeline, times[order].tolist())
        capacity = np.cumsum(holds, axis=0)  # row n-1: the first n posts' workers holding a list
        with np.errstate(invalid="ignore"):
            lead_room = sum(1 for s in specs if s.lead) * np.minimum(limit, self.rules.lead_cap)
            room = np.vstack([np.zeros(times.size), capacity]) * limit[None, :] + lead_room[None, :]
        enough = room >= counted[None, :]
        first = np.where(enough.any(axis=0), enough.argmax(axis=0), cap + 1)
        return first.astype(float)

    def team(self, practices: dict[str, Allocation], decompose: bool, workload_target: bool) -> TeamRequirement:
        """Replay the funded posts under every practice; search every practice with full staff
        dynamics, and (``decompose``) managed lists with full dynamics and with vacancies only."""
        at_funded = {
            label: self.replay(self.base, replace(self.rules, allocation=allocation), StaffSwitches(), math.inf)
            for label, allocation in practices.items()
        }
        funded = at_funded[HEADLINE]
        column = CLIENTS if workload_target else COUNTED
        counted = (funded.months[:, column], funded.days[:, column])
        limit = (funded.months[:, LIMIT], funded.days[:, LIMIT])
        run = self.run
        times = (
            np.array([b for b in run.month_boundaries if b > run.report_start], dtype=float),
            np.array(run.monitoring_days, dtype=float),
        )
        leads = sum(1 for s in self.base if s.lead)
        n_funded = len(self.base) - leads
        c, lim, t = (np.concatenate(pair) for pair in (counted, limit, times))
        bound = pigeonhole(c, lim)
        cap = 3 * max(n_funded, int(np.nanmax(bound, initial=0))) + 10
        finite = np.where(np.isnan(lim), np.inf, lim)
        searches = [(label, allocation, FULL) for label, allocation in practices.items()]
        if decompose:
            searches += [(MANAGED, Allocation.MANAGED, FULL), (MANAGED, Allocation.MANAGED, VACANCIES)]
        variants = {variant for _, _, variant in searches}
        lower = {v: self.capacity_bound(c, finite, t, cap, SWITCHES[v]) for v in variants}
        found: dict[tuple[str, str], Found] = {}
        by_rules: dict[tuple[Allocation, str], Found] = {}
        for label, allocation, variant in searches:
            key = (allocation, variant)
            if key not in by_rules:  # a practice named twice (headline = managed) is searched once
                rules = replace(self.rules, allocation=allocation)

                def replay_n(n: int, stop: float, rules: PoolRules = rules, variant: str = variant) -> Replayed:
                    return self.replay_candidate(n, cap, rules, SWITCHES[variant], stop)

                by_rules[key] = fewest_posts(replay_n, counted, limit, times, lower[variant], n_funded)
            found[(label, variant)] = by_rules[key]
        return TeamRequirement(
            counted=counted,
            limit=limit,
            funded_ok={label: (compliant(r.months), compliant(r.days)) for label, r in at_funded.items()},
            reassignments={label: r.months[:, REASSIGNED] for label, r in at_funded.items()},
            found=found,
            workload_target=workload_target,
        )


def planning_schedule(limit: Schedule, target: float | None, from_day: float) -> Schedule:
    """The statutory limit steps, replaced by ``target`` from ``from_day`` on (if given)."""
    if target is None:
        return list(limit)
    before = [(t, v) for t, v in limit if t < from_day]
    return [*before, (from_day, float(target))]


def day_dates(run: ModelRun) -> tuple[list[dt.date], list[dt.date]]:
    """Dates of the reading days: each reported month's last day, and the monitoring days."""
    months = [run.origin + dt.timedelta(days=b - 1) for b in run.month_boundaries if b > run.report_start]
    days = [run.origin + dt.timedelta(days=int(t)) for t in run.monitoring_days]
    return months, days
