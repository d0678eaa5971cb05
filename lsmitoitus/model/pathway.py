"""The discrete-event model of the child-protection pathway (SimPy).

Design for speed: no SimPy process per child. Each child has exactly one pending SimPy event at
any time—its next state change—scheduled as a bare :class:`simpy.events.Timeout` whose callback
dispatches on the child's state. Outcomes and durations are drawn on entry to a state from
buffered per-purpose streams, and every counter is updated on state change, so month-end
recording only reads counters. Cost is a few microseconds per state change and memory grows
with the number of active children, not with elapsed time.

Time is in days since ``origin`` (midnight), which is ``warmup_years`` before the first
reported day. Results are recorded only from ``simulation.start`` on.
"""

from __future__ import annotations

import datetime as dt
import gc
import math
from bisect import bisect_right
from collections import deque
from collections.abc import Callable
from functools import lru_cache
from itertools import pairwise
from typing import cast

import numpy as np
import simpy
from simpy.events import Timeout

from ..calendar import calendar_for
from ..randomness import (
    cumulative,
    duration_stream,
    purpose_generator,
    uniform_stream,
    working_day_stream,
)
from ..scenario import Scenario, by_age
from ..vocabulary import (
    AGE_BAND_BOUNDS,
    AGE_BANDS,
    AMMATILLINEN,
    ARVIOINTI,
    AVOHUOLLON_DAYS,
    AVOHUOLLON_SIJOITUS,
    AVOHUOLTO,
    COST_CATEGORIES,
    DAYS_PER_YEAR,
    DURING_YEAR_GROUPS,
    ERITYISTASO,
    JALKIHUOLTO,
    JALKIHUOLTO_DAYS,
    KASITTELY,
    KIIREELLINEN_DAYS,
    KIIREELLINEN_SIJOITUS,
    LAITOS_OMA,
    LAITOS_OSTETTU,
    PERHEHOITO,
    PLACEMENT_TYPES,
    SIJAISHUOLTO,
    STATES,
    UNITS,
)
from .caseload import WorkerPool
from .demand import daily_notification_rates
from .law import aftercare_end, value_on
from .raw import FLOW, FLOWS, GROUPS, POINT_MEASURES, POOL_MEASURES, STOCK, STOCKS, RawReplication
from .staffing import PostDynamics, apply_staff_event, pool_key

EXIT = -1  # outcome code: leaves child protection
AT_18 = -2  # outcome code: a placement ends because the child turns 18
REUNIFY = -3  # outcome code: care order ends and the child returns home
ADULT_DAYS = 18 * DAYS_PER_YEAR


class Child:
    """A child (entity). Holds no personal data: an area, a birth time and the current episode."""

    __slots__ = (
        "area",
        "birth",
        "cost_cat",
        "counted",
        "marks",
        "next",
        "opened",
        "placed_at",
        "placement_ended",
        "pool",
        "post",
        "ptype",
        "serial",
        "state",
        "t18",
        "until",
    )

    def __init__(self, serial: int, area: int, birth: float, opened: int, n_groups: int) -> None:
        self.serial = serial
        self.area = area
        self.birth = birth
        self.t18 = birth + ADULT_DAYS
        self.opened = opened  # day index the case opened (notification day)
        self.state = -1
        self.next = EXIT
        self.until = 0.0
        self.placed_at = 0.0
        self.placement_ended = 0.0
        self.ptype = -1
        self.cost_cat = -1  # placement-day cost category while placed, else -1
        self.pool: WorkerPool | None = None
        self.post = -1
        self.counted = False
        self.marks = [-1] * n_groups  # last year counted in each during-year group


class PathwayModel:
    """One replication of one scenario. Call :meth:`run` once; it returns the raw counts."""

    def __init__(
        self,
        scenario: Scenario,
        rep_seed: np.random.SeedSequence,
        replication: int = 0,
        record_pool_logs: bool = False,
    ) -> None:
        """``record_pool_logs`` keeps each pool's client operations (see :mod:`.replay`)."""
        self.scenario = scenario
        self.record_pool_logs = record_pool_logs
        self.replication = replication
        sim = scenario.simulation
        self.start = sim.start
        self.origin = dt.date(sim.start.year - sim.warmup_years, sim.start.month, 1)
        self.end_day = (sim.end - self.origin).days + 1  # run through the last reported day
        self.calendar = calendar_for(self.origin, self.end_day)
        self.env = simpy.Environment()
        self.n_areas = len(scenario.areas)
        self._seed = rep_seed
        self._setup_parameters()
        self._setup_streams()
        self._setup_state()
        # calendar events first: at equal times SimPy runs events in scheduling order, so a
        # month-end snapshot precedes staff events (e.g. posts opening on the 1st) at that instant
        self._setup_calendar_events()
        self._setup_pools()
        # dispatch tables, built once: what ends each state, and what starts a target state
        self._end_of_state: tuple[Callable[[Child], None], ...] = (
            self._end_kasittely,
            self._end_arviointi,
            self._end_avohuolto,
            self._end_avohuollon_sijoitus,
            self._end_kiireellinen,
            self._end_sijaishuolto,
            self._end_jalkihuolto,
        )
        self._starters: dict[int, Callable[[Child], None]] = {
            AVOHUOLTO: self._start_avohuolto,
            AVOHUOLLON_SIJOITUS: self._start_avohuollon_sijoitus,
            KIIREELLINEN_SIJOITUS: self._start_kiireellinen,
            SIJAISHUOLTO: self._start_sijaishuolto,
        }

    # ------------------------------------------------------------------ setup

    def _setup_parameters(self) -> None:
        s = self.scenario
        self.p_urgent = by_age(s.processing.p_urgent_placement)
        self.p_assessment = by_age(s.processing.p_assessment)
        self.decision_deadline_day = self.calendar.working_day_row(s.processing.decision_deadline_working_days)
        # deadlines as day-index lookups by the day the case opened
        self.start_deadline_day = self.calendar.working_day_row(s.assessment.start_deadline_working_days)
        self.completion_deadline_day = _cached_month_deadlines(
            self.origin, self.end_day, s.assessment.completion_deadline_months
        )
        self.max_tabled_delay = 60
        self.working_day_rows = [self.calendar.working_day_row(k) for k in range(self.max_tabled_delay + 1)]
        self.p_client = by_age(s.assessment.p_client)
        ao = s.avohuolto
        self.avohuolto_cum = [
            cumulative([a, b, c, max(0.0, 1.0 - a - b - c)])
            for a, b, c in zip(
                by_age(ao.p_avohuollon_sijoitus),
                by_age(ao.p_kiireellinen_sijoitus),
                by_age(ao.p_huostaanotto),
                strict=True,
            )
        ]
        self.avohuolto_outcomes = (AVOHUOLLON_SIJOITUS, KIIREELLINEN_SIJOITUS, SIJAISHUOLTO, EXIT)
        self.as_p_care = by_age(s.avohuollon_sijoitus.p_huostaanotto)
        self.as_aftercare_min = s.avohuollon_sijoitus.aftercare_min_days
        ks = s.kiireellinen_sijoitus
        self.ks_p_care = by_age(ks.p_huostaanotto)
        self.ks_max, self.ks_ext, self.ks_p_ext = ks.max_days, ks.extension_max_days, ks.p_extension
        self.ptype_cum = [cumulative([s.sijaishuolto.placement_type[b][t] for t in PLACEMENT_TYPES]) for b in AGE_BANDS]
        jh = s.jalkihuolto
        self.jh_uptake = jh.uptake
        self.jh_max_years = jh.max_years_after_placement
        self.age_limit_steps = [(float((st.start - self.origin).days), float(st.value)) for st in jh.age_limit]
        self.count_18_plus = s.caseload.count_aftercare_18_plus
        levers = s.levers
        if levers.aftercare_age_limit is not None:
            # the county's choice replaces the limit from 2024; as a voluntary service it is not
            # cut by the statutory 5 years after the placement
            from_2024 = float((dt.date(2024, 1, 1) - self.origin).days)
            self.age_limit_steps = [(t, v) for t, v in self.age_limit_steps if t < from_2024]
            self.age_limit_steps.append((from_2024, float(levers.aftercare_age_limit)))
            self.jh_max_years = math.inf
        self.lever_start = float((levers.start - self.origin).days)
        self.lever_full = float((levers.full - self.origin).days)
        self.escalation_cut = levers.open_care_escalation_reduction
        self.family_target = levers.family_care_share_target
        self.reunification_speedup = levers.reunification_speedup
        self.special_share = s.costs.special_level_share
        self.own_beds = [s.costs.own_institutions[a].beds if a in s.costs.own_institutions else 0 for a in s.areas]
        unit_index = {u: i for i, u in enumerate(UNITS)}
        resp = s.caseload.responsible_unit
        # responsible unit per state for a child under 18 / 18+ (-1: no responsible worker)
        self.unit_under18 = [-1] * len(STATES)
        for st in ("avohuolto", "avohuollon_sijoitus", "kiireellinen_sijoitus", "sijaishuolto"):
            self.unit_under18[STATES.index(st)] = unit_index[resp[st]]
        self.unit_under18[JALKIHUOLTO] = unit_index[resp["jalkihuolto_alle_18"]]
        self.unit_adult = list(self.unit_under18)
        self.unit_adult[JALKIHUOLTO] = unit_index[resp["jalkihuolto"]]
        age_shares = [s.demand.age_at_notification[b] for b in AGE_BANDS]
        self.age_cum = cumulative(age_shares)
        self.groups_of_state: list[list[tuple[int, bool]]] = [[] for _ in STATES]
        for g, (states, under18) in enumerate(DURING_YEAR_GROUPS.values()):
            for st_code in states:
                self.groups_of_state[st_code].append((g, under18))

    def _setup_streams(self) -> None:
        s, seed = self.scenario, self._seed
        self.u_pathway = uniform_stream(seed, "pathway_choices")
        self.d_processing = working_day_stream(seed, "processing_delay", s.processing.delay)
        self.d_assessment = duration_stream(seed, "assessment_duration", s.assessment.duration)
        self.d_avohuolto = duration_stream(seed, "avohuolto_duration", s.avohuolto.duration)
        self.d_as = duration_stream(seed, "avohuollon_sijoitus_duration", s.avohuollon_sijoitus.duration)
        self.d_ks_home = duration_stream(seed, "kiireellinen_home_duration", s.kiireellinen_sijoitus.home_duration)
        self.d_ks_care = duration_stream(
            seed, "kiireellinen_until_care_order", s.kiireellinen_sijoitus.until_care_order
        )
        self.d_sh = duration_stream(seed, "sijaishuolto_duration", s.sijaishuolto.duration)
        self.d_jh = duration_stream(seed, "jalkihuolto_duration", s.jalkihuolto.duration)

        # Daily notifications and newly notified children, drawn for the whole run at once.
        rates = daily_notification_rates(s, self.origin, self.end_day)
        gen = purpose_generator(seed, "arrivals")
        self.notifications = gen.poisson(rates)
        p_new = (1.0 - s.demand.already_client_share) / s.demand.notifications_per_notified_child
        self.new_children = gen.binomial(self.notifications, p_new)
        # Age and urgency of arrivals are drawn one block of days at a time (vectorised), so
        # memory follows the block, not the length of the run.
        self.age_gen = purpose_generator(seed, "age_at_notification")
        self.urgent_gen = purpose_generator(seed, "urgent_placement")
        self.arrival_age_days: list[float] = []
        self.arrival_urgent: list[bool] = []
        self.next_arrival = 0
        self.block_end = 0

    def _setup_state(self) -> None:
        n_a = self.n_areas
        self.stock = [[0] * len(STOCKS) for _ in range(n_a)]
        self.flow = [[0] * len(FLOWS) for _ in range(n_a)]
        self.during = [[0] * len(GROUPS) for _ in range(n_a)]
        self.year = self.origin.year
        self.active: set[Child] = set()
        self.serial = 0
        self.events = 0
        cap = [
            max(1, round(w * self.scenario.assessment.concurrent_per_worker))
            for w in self.scenario.assessment.workers.values()
        ]
        self.free_slots = cap
        self.queue: list[deque[Child]] = [deque() for _ in range(n_a)]
        self._month_rows: list[tuple[dt.date, np.ndarray, np.ndarray, np.ndarray]] = []
        self._year_rows: list[tuple[int, np.ndarray]] = []
        self._point_rows: list[tuple[dt.date, np.ndarray]] = []
        # placement days by cost category: children placed now, and days accumulated since the
        # last month end (integrated when the count changes, like the worker over-limit days)
        self.placed = [[0] * len(COST_CATEGORIES) for _ in range(n_a)]
        self.placed_days = [[0.0] * len(COST_CATEGORIES) for _ in range(n_a)]
        self.placed_since = [[0.0] * len(COST_CATEGORIES) for _ in range(n_a)]

    def _setup_pools(self) -> None:
        s = self.scenario
        limit = self._limit_on(0.0)
        self.pools: list[list[WorkerPool]] = []
        self.dynamics: dict[int, PostDynamics] = {}  # by id of the pool
        now: Callable[[], float] = lambda: self.env.now  # noqa: E731
        for area in s.areas:
            row = []
            for unit in UNITS:
                staff = s.staffing[unit][area]
                key = pool_key(area, unit)
                opens_at = self.post_opening_times(area, unit)
                dynamics = PostDynamics(staff, len(opens_at), self._seed, key, opens_at)
                pool = WorkerPool(
                    len(opens_at),
                    dynamics.initially_filled,
                    limit,
                    s.caseload.allocation,
                    s.caseload.rebalance_on_hire,
                    now,
                    uniform_stream(self._seed, f"{key}/allocation"),
                    log=[] if self.record_pool_logs else None,
                    closed=dynamics.initially_closed,
                )
                self.dynamics[id(pool)] = dynamics
                row.append(pool)
                for post in range(len(opens_at)):
                    first = dynamics.first_event(post)
                    if first is not None:
                        self._schedule_staff_event(first[0], pool, post, first[1])
            self.pools.append(row)

    def post_opening_times(self, area: str, unit: str) -> list[float]:
        """Opening day of every post of a unit: 0 for funded posts, the lever start for extra
        open-care posts funded by the balancing programme."""
        base = [0.0] * self.scenario.staffing[unit][area].social_workers  # type: ignore[index]
        levers = self.scenario.levers
        extra = levers.open_care_extra_posts.get(area, 0) if unit == "avohuolto" else 0
        return base + [float(max(0, (levers.start - self.origin).days))] * extra

    def _schedule_staff_event(self, delay: float, pool: WorkerPool, post: int, state: bool | None) -> None:
        ev = Timeout(self.env, delay, (pool, post, state))
        ev.callbacks.append(self._on_staff_change)

    def _setup_calendar_events(self) -> None:
        """Month, year and limit boundaries are scheduled first, so at equal times they run
        before any child event (SimPy breaks ties by scheduling order): month-end snapshots,
        then limit changes, then children."""
        env = self.env
        self.report_start = (self.start - self.origin).days
        self.month_boundaries: list[int] = []  # day index of each first-of-month after the origin
        day = self.origin
        while True:
            day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            index = (day - self.origin).days
            if index > self.end_day:
                break
            self.month_boundaries.append(index)
            ev = Timeout(env, index, day)
            ev.callbacks.append(self._on_month)
        for day_index, date in thl_monitoring_days(self.start, self.scenario.simulation.end, self.origin):
            ev = Timeout(env, day_index + 0.5, date)  # during the day, after its arrivals
            ev.callbacks.append(self._on_monitoring_day)
        # after the month ends: a snapshot of 31.12. still shows the limit in force that day
        for limit_start, _ in self.scenario_limit_steps()[1:]:
            if 0 < limit_start < self.end_day:
                ev = Timeout(env, limit_start, limit_start)
                ev.callbacks.append(self._on_limit_change)
        self._last_month_day = 0
        tick = Timeout(env, 0, 0)
        tick.callbacks.append(self._on_day)

    def scenario_limit_steps(self) -> list[tuple[float, int]]:
        return [(float((st.start - self.origin).days), st.value) for st in self.scenario.caseload.limit]

    def _limit_on(self, t: float) -> int:
        return int(value_on(self.scenario_limit_steps(), t))

    # ------------------------------------------------------------------ calendar events

    def _draw_arrival_block(self, first_day: int) -> None:
        """Ages and urgency of all arrivals on days first_day .. first_day + ARRIVAL_BLOCK_DAYS - 1."""
        self.block_end = min(first_day + ARRIVAL_BLOCK_DAYS, self.end_day)
        n = int(self.new_children[first_day : self.block_end].sum())
        band = np.minimum(np.searchsorted(self.age_cum, self.age_gen.random(n), side="right"), len(AGE_BANDS) - 1)
        bounds = np.asarray(AGE_BAND_BOUNDS, dtype=float)
        lo, hi = bounds[band, 0], bounds[band, 1]
        self.arrival_age_days = ((lo + (hi - lo) * self.age_gen.random(n)) * DAYS_PER_YEAR).tolist()
        self.arrival_urgent = (self.urgent_gen.random(n) < np.asarray(self.p_urgent)[band]).tolist()
        self.next_arrival = 0

    def _on_day(self, ev: simpy.Event) -> None:
        day = cast(int, ev.value)
        self.events += 1
        if day >= self.block_end:
            self._draw_arrival_block(day)
        for area, count in enumerate(self.new_children[day].tolist()):
            for _ in range(count):
                self._arrive(area, day)
        if day + 1 < self.end_day:
            nxt = Timeout(self.env, 1, day + 1)
            nxt.callbacks.append(self._on_day)

    def _on_limit_change(self, ev: simpy.Event) -> None:
        limit = self._limit_on(cast(float, ev.value))
        for row in self.pools:
            for pool in row:
                pool.set_limit(limit)

    def _on_month(self, ev: simpy.Event) -> None:
        first_of_next = cast(dt.date, ev.value)
        index = (first_of_next - self.origin).days
        month_notifications = self.notifications[self._last_month_day : index].sum(axis=0)
        self._last_month_day = index
        if first_of_next.year != self.year:
            self._new_year(first_of_next.year)
        days = self._take_placement_days()
        if index <= self.report_start:
            # warm-up: discard flows and integrals, keep stocks
            for area in range(self.n_areas):
                self.flow[area] = [0] * len(FLOWS)
                for pool in self.pools[area]:
                    pool.snapshot()
            return
        flows = np.array(self.flow, dtype=float)
        flows[:, FLOW_DAYS : FLOW_DAYS + len(COST_CATEGORIES)] = days
        flows[:, FLOW["notifications"]] = month_notifications
        stocks = np.array(self.stock, dtype=float)
        for area in range(self.n_areas):
            stocks[area, STOCK["assessment_queue"]] = len(self.queue[area])
            self.flow[area] = [0] * len(FLOWS)
        pools = np.array([[(*pool.snapshot(), pool.limit) for pool in row] for row in self.pools], dtype=float)
        self._month_rows.append((first_of_next - dt.timedelta(days=1), flows, stocks, pools))

    def _on_monitoring_day(self, ev: simpy.Event) -> None:
        """THL's point-in-time count: workers, counted clients and workers over the limit."""
        rows = [
            [(obs[2], obs[1], obs[5], pool.limit) for pool in row for obs in (pool.observe(),)] for row in self.pools
        ]
        self._point_rows.append((cast(dt.date, ev.value), np.array(rows, dtype=float)))

    def _take_placement_days(self) -> list[list[float]]:
        """Placement days per area and cost category since the previous call (then reset)."""
        now = self.env.now
        out = []
        for area in range(self.n_areas):
            row = []
            for c in range(len(COST_CATEGORIES)):
                row.append(self.placed_days[area][c] + self.placed[area][c] * (now - self.placed_since[area][c]))
                self.placed_days[area][c] = 0.0
                self.placed_since[area][c] = now
            out.append(row)
        return out

    def _place(self, child: Child, category: int) -> None:
        area, now = child.area, self.env.now
        self.placed_days[area][category] += self.placed[area][category] * (now - self.placed_since[area][category])
        self.placed_since[area][category] = now
        self.placed[area][category] += 1
        child.cost_cat = category
        if category == LAITOS_OMA:
            self.stock[area][STOCK_OWN_BEDS] += 1

    def _unplace(self, child: Child) -> None:
        category = child.cost_cat
        if category < 0:
            return
        area, now = child.area, self.env.now
        self.placed_days[area][category] += self.placed[area][category] * (now - self.placed_since[area][category])
        self.placed_since[area][category] = now
        self.placed[area][category] -= 1
        child.cost_cat = -1
        if category == LAITOS_OMA:
            self.stock[area][STOCK_OWN_BEDS] -= 1

    def _ramp(self) -> float:
        """Share of the levers' full effect in force now (linear from start to full)."""
        now = self.env.now
        if now <= self.lever_start:
            return 0.0
        if now >= self.lever_full:
            return 1.0
        return (now - self.lever_start) / (self.lever_full - self.lever_start)

    def _new_year(self, year: int) -> None:
        """Close the during-year counts and count every active child once in the new year."""
        if year - 1 >= self.start.year:
            self._year_rows.append((year - 1, np.array(self.during, dtype=float)))
        self.during = [[0] * len(GROUPS) for _ in range(self.n_areas)]
        self.year = year
        for child in sorted(self.active, key=lambda c: c.serial):
            if child.state >= 0:
                self._mark(child)

    def _on_staff_change(self, ev: simpy.Event) -> None:
        pool, post, state = cast(tuple[WorkerPool, int, bool | None], ev.value)
        self.events += 1
        delay, new_state = apply_staff_event(pool, self.dynamics[id(pool)], post, state)
        if delay is not None:
            self._schedule_staff_event(delay, pool, post, new_state)

    # ------------------------------------------------------------------ child bookkeeping

    def _at(self, t: float, child: Child) -> None:
        ev = Timeout(self.env, t - self.env.now, child)
        ev.callbacks.append(self._on_child_event)

    def _on_child_event(self, ev: simpy.Event) -> None:
        self.events += 1
        child = cast(Child, ev.value)
        self._end_of_state[child.state](child)

    def _band(self, child: Child) -> int:
        age = self.env.now - child.birth
        for i, upper in enumerate(BAND_UPPER_DAYS):
            if age < upper:
                return i
        return len(BAND_UPPER_DAYS) - 1

    def _mark(self, child: Child) -> None:
        """Count the child once this year in every during-year group of its current state."""
        year, marks, under18 = self.year, child.marks, self.env.now < child.t18
        counts = self.during[child.area]
        for g, only_minors in self.groups_of_state[child.state]:
            if marks[g] != year and (under18 or not only_minors):
                marks[g] = year
                counts[g] += 1

    def _set_state(self, child: Child, new: int) -> None:
        area, old = child.area, child.state
        stock = self.stock[area]
        if old >= 0:
            stock[old] -= 1
        stock[new] += 1
        self.flow[area][FLOW_ENTRY + new] += 1
        child.state = new
        if child.cost_cat >= 0:
            self._unplace(child)
        self._mark(child)
        # hand the child to the responsible unit of the new state; keep the worker if unchanged
        adult = self.env.now >= child.t18
        unit = self.unit_adult[new] if adult else self.unit_under18[new]
        pool = self.pools[area][unit] if unit >= 0 else None
        counted = (not adult) or self.count_18_plus
        if child.pool is not pool:
            if child.pool is not None:
                child.pool.remove(child)
            if pool is not None:
                pool.add(child, counted)

    def _exit(self, child: Child) -> None:
        area = child.area
        if child.cost_cat >= 0:
            self._unplace(child)
        self.stock[area][child.state] -= 1
        self.stock[area][STOCK["exited_total"]] += 1
        self.flow[area][FLOW["exits"]] += 1
        if child.pool is not None:
            child.pool.remove(child)
        child.state = EXIT
        self.active.discard(child)

    # ------------------------------------------------------------------ pathway

    def _arrive(self, area: int, day: int) -> None:
        i = self.next_arrival
        self.next_arrival = i + 1
        self.serial += 1
        child = Child(self.serial, area, day - self.arrival_age_days[i], day, len(GROUPS))
        self.active.add(child)
        self.stock[area][STOCK_ENTERED] += 1
        self.flow[area][FLOW_NEW_CHILDREN] += 1
        if self.arrival_urgent[i]:
            self._start_kiireellinen(child)
        else:
            self._start_kasittely(child)

    def _start_kasittely(self, child: Child) -> None:
        self._set_state(child, KASITTELY)
        k = max(1, math.ceil(self.d_processing()))
        if k <= self.max_tabled_delay:
            decided = self.working_day_rows[k][child.opened]
        else:
            decided = self.calendar.add_working_days(child.opened, k)
        self._at(decided, child)

    def _end_kasittely(self, child: Child) -> None:
        flow = self.flow[child.area]
        flow[FLOW["decisions"]] += 1
        if int(self.env.now) > self.decision_deadline_day[child.opened]:
            flow[FLOW["decisions_late"]] += 1
        if self.u_pathway() < self.p_assessment[self._band(child)]:
            self._set_state(child, ARVIOINTI)
            area = child.area
            if self.free_slots[area] > 0:
                self.free_slots[area] -= 1
                self._begin_assessment(child)
            else:
                self.queue[area].append(child)
        else:
            self._exit(child)

    def _begin_assessment(self, child: Child) -> None:
        flow = self.flow[child.area]
        flow[FLOW["assessments_started"]] += 1
        if int(self.env.now) > self.start_deadline_day[child.opened]:
            flow[FLOW["assessments_started_late"]] += 1
        self._at(self.env.now + self.d_assessment(), child)

    def _end_arviointi(self, child: Child) -> None:
        area = child.area
        flow = self.flow[area]
        flow[FLOW["assessments_completed"]] += 1
        if int(self.env.now) > self.completion_deadline_day[child.opened]:
            flow[FLOW["assessments_completed_late"]] += 1
        if self.queue[area]:
            self._begin_assessment(self.queue[area].popleft())
        else:
            self.free_slots[area] += 1
        if self.env.now < child.t18 and self.u_pathway() < self.p_client[self._band(child)]:
            self._start_avohuolto(child)
        else:
            self._exit(child)

    def _start_avohuolto(self, child: Child) -> None:
        self._set_state(child, AVOHUOLTO)
        cum = self.avohuolto_cum[self._band(child)]
        if self.escalation_cut:
            keep = 1.0 - self.escalation_cut * self._ramp()  # stronger open care: fewer placements
            cum = [c * keep for c in cum[:-1]] + [1.0]
        child.next = self.avohuolto_outcomes[bisect_right(cum, self.u_pathway())]
        end = self.env.now + self.d_avohuolto()
        if end >= child.t18:
            end, child.next = child.t18, EXIT  # open care of a child ends at 18
        self._at(end, child)

    def _end_avohuolto(self, child: Child) -> None:
        self._go(child, child.next)

    def _start_avohuollon_sijoitus(self, child: Child) -> None:
        self._set_state(child, AVOHUOLLON_SIJOITUS)
        self._place(child, AVOHUOLLON_DAYS)
        now = self.env.now
        child.placed_at = now
        child.next = SIJAISHUOLTO if self.u_pathway() < self.as_p_care[self._band(child)] else AVOHUOLTO
        end = now + self.d_as()
        if end >= child.t18:
            end, child.next = child.t18, AT_18
        self._at(end, child)

    def _end_avohuollon_sijoitus(self, child: Child) -> None:
        if child.next == AT_18:
            if self.env.now - child.placed_at >= self.as_aftercare_min:
                self._offer_aftercare(child)
            else:
                self._exit(child)
        else:
            self._go(child, child.next)

    def _start_kiireellinen(self, child: Child) -> None:
        self._set_state(child, KIIREELLINEN_SIJOITUS)
        self._place(child, KIIREELLINEN_DAYS)
        now = self.env.now
        child.placed_at = now
        if self.u_pathway() < self.ks_p_care[self._band(child)]:
            child.next = SIJAISHUOLTO
            end = now + self.d_ks_care()  # continues while the care-order application is pending
        else:
            child.next = AVOHUOLTO
            cap = self.ks_max + (self.ks_ext if self.u_pathway() < self.ks_p_ext else 0.0)
            length = min(self.d_ks_home(), cap)
            if length > self.ks_max:
                self.flow[child.area][FLOW["emergency_extensions"]] += 1
            end = now + length
        if end >= child.t18:
            end, child.next = child.t18, AT_18
        self._at(end, child)

    def _end_kiireellinen(self, child: Child) -> None:
        if child.next == AT_18:
            self._offer_aftercare(child)
        else:
            self._go(child, child.next)

    def _start_sijaishuolto(self, child: Child) -> None:
        self._set_state(child, SIJAISHUOLTO)
        area = child.area
        self.flow[area][FLOW["care_orders"]] += 1
        band = self._band(child)
        cum = self.ptype_cum[band] if self.family_target is None else self._family_care_cum(band)
        ptype = min(bisect_right(cum, self.u_pathway()), len(PLACEMENT_TYPES) - 1)
        child.ptype = ptype
        self.flow[area][FLOW_PLACEMENT + ptype] += 1
        self.stock[area][STOCK_PLACEMENT + ptype] += 1
        self._place(child, self._cost_category(area, ptype))
        length = self.d_sh()
        if self.reunification_speedup:
            length *= 1.0 - self.reunification_speedup * self._ramp()
        end = self.env.now + length
        child.next = REUNIFY
        if end >= child.t18:
            end, child.next = child.t18, AT_18  # a care order ends at 18 at the latest
        self._at(end, child)

    def _family_care_cum(self, band: int) -> list[float]:
        """Placement-type cumulative shares with the family-care target in force now: family
        care is raised to the target share, taken from institutions first, then professional
        family homes."""
        shares = [self.ptype_cum[band][0]] + [b - a for a, b in pairwise(self.ptype_cum[band])]
        assert self.family_target is not None
        need = max(0.0, self.family_target - shares[0]) * self._ramp()
        from_institutions = min(need, shares[2])
        from_homes = min(need - from_institutions, shares[1])
        adjusted = [shares[0] + from_institutions + from_homes, shares[1] - from_homes, shares[2] - from_institutions]
        return cumulative(adjusted)

    def _cost_category(self, area: int, ptype: int) -> int:
        """Family care and professional homes keep their type; an institutional placement is
        special-level with the scenario's share, else takes a free own bed or overflows to a
        purchased place."""
        if ptype == 0:
            return PERHEHOITO
        if ptype == 1:
            return AMMATILLINEN
        if self.u_pathway() < self.special_share:
            return ERITYISTASO
        if self.stock[area][STOCK_OWN_BEDS] < self.own_beds[area]:
            return LAITOS_OMA
        if self.own_beds[area] > 0:
            self.flow[area][FLOW["institutional_overflow"]] += 1
        return LAITOS_OSTETTU

    def _end_sijaishuolto(self, child: Child) -> None:
        area = child.area
        self.stock[area][STOCK_PLACEMENT + child.ptype] -= 1
        self.flow[area][FLOW["reunifications"] if child.next == REUNIFY else FLOW["care_ended_at_18"]] += 1
        self._offer_aftercare(child)

    def _offer_aftercare(self, child: Child) -> None:
        child.placement_ended = self.env.now
        if self.u_pathway() < self.jh_uptake:
            self._start_jalkihuolto(child)
        else:
            self._exit(child)

    def _start_jalkihuolto(self, child: Child) -> None:
        self._set_state(child, JALKIHUOLTO)
        self._place(child, JALKIHUOLTO_DAYS)
        now = self.env.now
        child.until = aftercare_end(
            now, self.d_jh(), child.placement_ended, self.jh_max_years, child.birth, self.age_limit_steps
        )
        # a minor's aftercare is part of open care: hand over to the adult unit at 18
        self._at(child.t18 if now < child.t18 < child.until else child.until, child)

    def _end_jalkihuolto(self, child: Child) -> None:
        if self.env.now < child.until:
            # 18th birthday: hand over to the adults' unit and apply its counting rule
            adult_pool = self.pools[child.area][self.unit_adult[JALKIHUOLTO]]
            if child.pool is adult_pool:
                adult_pool.recount(child, self.count_18_plus)
            else:
                if child.pool is not None:
                    child.pool.remove(child)
                adult_pool.add(child, self.count_18_plus)
            self._at(child.until, child)
        else:
            self._exit(child)

    def _go(self, child: Child, target: int) -> None:
        if target == EXIT:
            self._exit(child)
        else:
            self._starters[target](child)

    # ------------------------------------------------------------------ run

    def run(self) -> RawReplication:
        # The cyclic garbage collector would rescan millions of live children again and again;
        # children hold no cycles once they exit (the child-pool link is cut), so reference
        # counting frees them and the collector can pause for the run.
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            # the month event at end_day closes the last month (and the year, if it ends 31.12.)
            self.env.run(until=self.end_day + 0.5)
        finally:
            if was_enabled:
                gc.enable()
        months, flows, stocks, pools = zip(*self._month_rows, strict=True)
        years = tuple(y for y, _ in self._year_rows)
        during = np.array([d for _, d in self._year_rows]) if years else np.zeros((0, self.n_areas, len(GROUPS)))
        return RawReplication(
            replication=self.replication,
            month_ends=tuple(months),
            areas=tuple(self.scenario.areas),
            flows=np.stack(flows),
            stocks=np.stack(stocks),
            pools=np.stack(pools),
            years=years,
            during_year=during,
            point_dates=tuple(d for d, _ in self._point_rows),
            point_in_time=(
                np.stack([a for _, a in self._point_rows])
                if self._point_rows
                else np.zeros((0, self.n_areas, len(UNITS), len(POINT_MEASURES)))
            ),
            events=self.events,
        )


def thl_monitoring_days(start: dt.date, end: dt.date, origin: dt.date) -> list[tuple[int, dt.date]]:
    """THL's caseload monitoring days within [start, end]: the second Tuesday of April and
    October, as (day index from origin, date)."""
    days = []
    for year in range(start.year, end.year + 1):
        for month in (4, 10):
            first = dt.date(year, month, 1)
            second_tuesday = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)
            if start <= second_tuesday <= end:
                days.append(((second_tuesday - origin).days, second_tuesday))
    return days


@lru_cache(maxsize=8)
def _cached_month_deadlines(origin: dt.date, n_days: int, months: int) -> list[int]:
    return calendar_for(origin, n_days).month_deadlines(months)


ARRIVAL_BLOCK_DAYS = 365
BAND_UPPER_DAYS = tuple(hi * DAYS_PER_YEAR for _, hi in AGE_BAND_BOUNDS)
FLOW_ENTRY = FLOW[f"entries_{STATES[0]}"]
FLOW_NEW_CHILDREN = FLOW["notified_new_children"]
FLOW_DAYS = FLOW[f"placement_days_{COST_CATEGORIES[0]}"]
STOCK_OWN_BEDS = STOCK["own_beds_occupied"]
STOCK_ENTERED = STOCK["entered_total"]
FLOW_PLACEMENT = FLOW[f"placements_started_{PLACEMENT_TYPES[0]}"]
STOCK_PLACEMENT = STOCK[f"in_placement_{PLACEMENT_TYPES[0]}"]
__all__ = ["POOL_MEASURES", "Child", "PathwayModel"]
