"""The discrete-event model of the child-protection pathway (SimPy): the state machine.

Design for speed: no SimPy process per child. Each child has exactly one pending SimPy event at
any time—its next state change—scheduled as a bare :class:`simpy.events.Timeout` whose callback
dispatches on the child's state. Outcomes and durations are drawn on entry to a state from
buffered per-purpose streams. Counting is the :class:`~.trackers.Recorder`'s job, staff events
the :class:`~.staffing.StaffScheduler`'s, and every parameter comes from
:class:`~.parameters.ModelParameters` under the scenario's own name.

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
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import cast

import numpy as np
import simpy
from simpy.events import Timeout

from ..scenario.schema import Scenario
from ..vocabulary import (
    AGE_BAND_BOUNDS,
    AGE_BANDS,
    DAYS_PER_YEAR,
    UNITS,
    CostCategory,
    Outcome,
    Placement,
    State,
)
from .calendar import calendar_for
from .caseload import WorkerPool
from .demand import daily_notification_rates
from .law import Schedule, aftercare_end, value_on
from .parameters import NO_UNIT, ModelParameters
from .posts import post_opening_days
from .randomness import cumulative, duration_stream, purpose_generator, uniform_stream, working_day_stream
from .raw import FLOW, GROUPS, RawReplication
from .staffing import PostDynamics, StaffScheduler, pool_key
from .trackers import Recorder

ADULT_DAYS = 18 * DAYS_PER_YEAR
ARRIVAL_BLOCK_DAYS = 365
BAND_UPPER_DAYS = tuple(hi * DAYS_PER_YEAR for _, hi in AGE_BAND_BOUNDS)
MAX_TABLED_DELAY = 60  # working-day delays up to this many days are looked up, longer ones computed

# flow columns counted by the state handlers
F_DECISIONS = FLOW[("kasittely", "decisions")]
F_DECISIONS_LATE = FLOW[("kasittely", "decisions_late")]
F_STARTED = FLOW[("arviointi", "assessments_started")]
F_STARTED_LATE = FLOW[("arviointi", "assessments_started_late")]
F_COMPLETED = FLOW[("arviointi", "assessments_completed")]
F_COMPLETED_LATE = FLOW[("arviointi", "assessments_completed_late")]
F_CARE_ORDERS = FLOW[("sijaishuolto", "care_orders")]
F_EXTENSIONS = FLOW[("kiireellinen_sijoitus", "extensions")]
F_REUNIFICATIONS = FLOW[("sijaishuolto", "reunifications")]
F_CARE_ENDED_AT_18 = FLOW[("sijaishuolto", "care_ended_at_18")]
F_OVERFLOW = FLOW[("laitoshoito_ostettu", "overflow_from_own_beds")]

#: what an open-care episode leads to, in the order of its cumulative outcome table
AVOHUOLTO_OUTCOMES = (State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS, State.SIJAISHUOLTO, Outcome.NONE)


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
        "placement",
        "placement_ended",
        "pool",
        "post",
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
        self.state: int = Outcome.NONE
        self.next: int = Outcome.NONE  # what follows the current state (a State or an Outcome)
        self.until = 0.0  # end of aftercare
        self.placed_at = 0.0  # start of the current placement
        self.placement_ended = 0.0  # end of the last placement (the 5-year aftercare rule counts from it)
        self.placement: int = -1  # Placement of the current care order
        self.cost_cat = -1  # placement-day cost category while placed, else -1
        self.pool: WorkerPool | None = None
        self.post = -1
        self.counted = False
        self.marks = [-1] * n_groups  # last year counted in each during-year group


@dataclass(frozen=True)
class ModelRun:
    """What one replication leaves behind: its raw counts, and what a replay of its worker
    pools needs (see :mod:`.replay` and :mod:`lsmitoitus.dimensioning`)."""

    raw: RawReplication
    pool_logs: tuple[tuple[list[tuple[float, int, int, bool]] | None, ...], ...]  # [area][unit]
    limit: Schedule
    month_boundaries: tuple[int, ...]
    report_start: int
    origin: dt.date


class PathwayModel:
    """One replication of one scenario. Call :meth:`run` once."""

    def __init__(
        self,
        scenario: Scenario,
        rep_seed: np.random.SeedSequence,
        replication: int = 0,
        record_pool_logs: bool = False,
    ) -> None:
        """``record_pool_logs`` keeps each pool's client operations (see :mod:`.replay`)."""
        self.scenario = scenario
        self.replication = replication
        sim = scenario.simulation
        self.origin = dt.date(sim.start.year - sim.warmup_years, sim.start.month, 1)
        self.end_day = (sim.end - self.origin).days + 1  # run through the last reported day
        self.report_start = (sim.start - self.origin).days
        self.calendar = calendar_for(self.origin, self.end_day)
        self.env = simpy.Environment()
        self.n_areas = len(scenario.areas)
        self.params = ModelParameters.from_scenario(scenario, self.origin)
        # inverse-transform tables, derived once from the parameters
        self.avohuolto_cumulative = self.params.avohuolto.outcome_cumulative
        self.placement_cumulative = self.params.sijaishuolto.placement_type_cumulative
        self.recorder = Recorder(self.n_areas, self.origin.year, sim.start.year, self.report_start)
        self._seed = rep_seed
        self._setup_deadlines()
        self._setup_streams()
        self.active: set[Child] = set()
        self.serial = 0
        self.events = 0
        self.free_slots = list(self.params.arviointi.slots)
        self.queue: list[deque[Child]] = [deque() for _ in range(self.n_areas)]
        # calendar events first: at equal times SimPy runs events in scheduling order, so a
        # month-end snapshot precedes staff events (e.g. posts opening on the 1st) at that instant
        self._setup_calendar_events()
        self.staff = StaffScheduler(self.env)
        self.pools = self._setup_pools(record_pool_logs)
        # what ends each state, and what starts a target state, by name
        self._end_of: dict[int, Callable[[Child], None]] = {
            State.KASITTELY: self._end_kasittely,
            State.ARVIOINTI: self._end_arviointi,
            State.AVOHUOLTO: self._end_avohuolto,
            State.AVOHUOLLON_SIJOITUS: self._end_avohuollon_sijoitus,
            State.KIIREELLINEN_SIJOITUS: self._end_kiireellinen_sijoitus,
            State.SIJAISHUOLTO: self._end_sijaishuolto,
            State.JALKIHUOLTO: self._end_jalkihuolto,
        }
        self._start_of: dict[int, Callable[[Child], None]] = {
            State.AVOHUOLTO: self._start_avohuolto,
            State.AVOHUOLLON_SIJOITUS: self._start_avohuollon_sijoitus,
            State.KIIREELLINEN_SIJOITUS: self._start_kiireellinen_sijoitus,
            State.SIJAISHUOLTO: self._start_sijaishuolto,
        }

    # ------------------------------------------------------------------ setup

    def _setup_deadlines(self) -> None:
        """Statutory deadlines as day-index lookups by the day the case opened."""
        p = self.params
        self.decision_deadline_day = self.calendar.working_day_row(p.kasittely.decision_deadline_working_days)
        self.start_deadline_day = self.calendar.working_day_row(p.arviointi.start_deadline_working_days)
        self.completion_deadline_day = _cached_month_deadlines(
            self.origin, self.end_day, p.arviointi.completion_deadline_months
        )
        self.working_day_rows = [self.calendar.working_day_row(k) for k in range(MAX_TABLED_DELAY + 1)]

    def _setup_streams(self) -> None:
        """One random stream per purpose (named distribution), independent of all others."""
        p, seed = self.params, self._seed
        self.u_pathway = uniform_stream(seed, "pathway_choices")
        self.kasittely_delay = working_day_stream(seed, "processing_delay", p.kasittely.delay)
        self.arviointi_duration = duration_stream(seed, "assessment_duration", p.arviointi.duration)
        self.avohuolto_duration = duration_stream(seed, "avohuolto_duration", p.avohuolto.duration)
        self.avohuollon_sijoitus_duration = duration_stream(
            seed, "avohuollon_sijoitus_duration", p.avohuollon_sijoitus.duration
        )
        self.kiireellinen_sijoitus_home_duration = duration_stream(
            seed, "kiireellinen_home_duration", p.kiireellinen_sijoitus.home_duration
        )
        self.kiireellinen_sijoitus_until_care_order = duration_stream(
            seed, "kiireellinen_until_care_order", p.kiireellinen_sijoitus.until_care_order
        )
        self.sijaishuolto_duration = duration_stream(seed, "sijaishuolto_duration", p.sijaishuolto.duration)
        self.jalkihuolto_duration = duration_stream(seed, "jalkihuolto_duration", p.jalkihuolto.duration)

        # Daily notifications and newly notified children, drawn for the whole run at once.
        rates = daily_notification_rates(self.scenario, self.origin, self.end_day)
        gen = purpose_generator(seed, "arrivals")
        self.notifications = gen.poisson(rates)
        self.new_children = gen.binomial(self.notifications, p.demand.p_new_child)
        # Age and urgency of arrivals are drawn one block of days at a time (vectorised), so
        # memory follows the block, not the length of the run.
        self.age_gen = purpose_generator(seed, "age_at_notification")
        self.urgent_gen = purpose_generator(seed, "urgent_placement")
        self.age_cumulative = cumulative(p.demand.age_at_notification)
        self.arrival_age_days: list[float] = []
        self.arrival_urgent: list[bool] = []
        self.next_arrival = 0
        self.block_end = 0

    def _setup_pools(self, record_logs: bool) -> list[list[WorkerPool]]:
        """A worker pool per area and unit, with its posts' staff events scheduled."""
        s, caseload = self.scenario, self.params.caseload
        limit = int(value_on(caseload.limit, 0.0))
        now: Callable[[], float] = lambda: self.env.now  # noqa: E731
        pools = []
        for area in s.areas:
            row = []
            for unit in UNITS:
                key = pool_key(area, unit)
                opens_at = post_opening_days(s, unit, area, self.origin)
                dynamics = PostDynamics(s.staffing[unit][area], len(opens_at), self._seed, key, opens_at)
                pool = WorkerPool(
                    len(opens_at),
                    dynamics.initially_filled,
                    limit,
                    caseload.allocation,
                    caseload.rebalance_on_hire,
                    now,
                    uniform_stream(self._seed, f"{key}/allocation"),
                    log=[] if record_logs else None,
                    closed=dynamics.initially_closed,
                )
                self.staff.start(pool, dynamics)
                row.append(pool)
            pools.append(row)
        return pools

    def _setup_calendar_events(self) -> None:
        """Month, year and limit boundaries are scheduled first, so at equal times they run
        before any child event (SimPy breaks ties by scheduling order): month-end snapshots,
        then limit changes, then children."""
        env = self.env
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
        for day_index, date in thl_monitoring_days(
            self.scenario.simulation.start, self.scenario.simulation.end, self.origin
        ):
            ev = Timeout(env, day_index + 0.5, date)  # during the day, after its arrivals
            ev.callbacks.append(self._on_monitoring_day)
        # after the month ends: a snapshot of 31.12. still shows the limit in force that day
        for limit_start, _ in self.params.caseload.limit[1:]:
            if 0 < limit_start < self.end_day:
                ev = Timeout(env, limit_start, limit_start)
                ev.callbacks.append(self._on_limit_change)
        tick = Timeout(env, 0, 0)
        tick.callbacks.append(self._on_day)

    # ------------------------------------------------------------------ calendar events

    def _draw_arrival_block(self, first_day: int) -> None:
        """Ages and urgency of all arrivals on days first_day .. first_day + ARRIVAL_BLOCK_DAYS - 1."""
        self.block_end = min(first_day + ARRIVAL_BLOCK_DAYS, self.end_day)
        n = int(self.new_children[first_day : self.block_end].sum())
        band = np.minimum(
            np.searchsorted(self.age_cumulative, self.age_gen.random(n), side="right"), len(AGE_BANDS) - 1
        )
        bounds = np.asarray(AGE_BAND_BOUNDS, dtype=float)
        lo, hi = bounds[band, 0], bounds[band, 1]
        self.arrival_age_days = ((lo + (hi - lo) * self.age_gen.random(n)) * DAYS_PER_YEAR).tolist()
        p_urgent = np.asarray(self.params.kasittely.p_kiireellinen_sijoitus)
        self.arrival_urgent = (self.urgent_gen.random(n) < p_urgent[band]).tolist()
        self.next_arrival = 0

    def _on_day(self, ev: simpy.Event) -> None:
        """A new day: the day's newly notified children arrive; tomorrow is scheduled."""
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
        """The statutory limit changes (e.g. 35 → 30 on 1.1.2024) for every worker."""
        limit = int(value_on(self.params.caseload.limit, cast(float, ev.value)))
        for row in self.pools:
            for pool in row:
                pool.set_limit(limit)

    def _on_month(self, ev: simpy.Event) -> None:
        """A month ends: the recorder closes it with the month's notifications and the queues."""
        first_of_next = cast(dt.date, ev.value)
        index = (first_of_next - self.origin).days
        notifications = self.notifications[self.recorder.last_month_day : index].sum(axis=0)
        self.recorder.close_month(
            first_of_next,
            index,
            self.env.now,
            notifications,
            self.pools,
            [len(q) for q in self.queue],
            self.active,
        )

    def _on_monitoring_day(self, ev: simpy.Event) -> None:
        """THL's monitoring day: the recorder counts workers and lists."""
        self.recorder.monitoring_day(cast(dt.date, ev.value), self.pools)

    # ------------------------------------------------------------------ child bookkeeping

    def _at(self, t: float, child: Child) -> None:
        """Schedule ``child``'s next state change at time ``t``."""
        ev = Timeout(self.env, t - self.env.now, child)
        ev.callbacks.append(self._on_child_event)

    def _on_child_event(self, ev: simpy.Event) -> None:
        """A child's current state ends: dispatch to that state's end handler."""
        self.events += 1
        child = cast(Child, ev.value)
        self._end_of[child.state](child)

    def _band(self, child: Child) -> int:
        """The child's age band now."""
        age = self.env.now - child.birth
        for i, upper in enumerate(BAND_UPPER_DAYS):
            if age < upper:
                return i
        return len(BAND_UPPER_DAYS) - 1

    def _set_state(self, child: Child, new: int) -> None:
        """Move ``child`` into state ``new``.

        Steps: the recorder counts the move (stocks, entries, during-year marks, end of any
        placement days); the child is handed to the responsible unit of the new state, keeping
        its worker when the unit does not change.
        """
        now = self.env.now
        self.recorder.enter(child, new, now)
        adult = now >= child.t18
        caseload = self.params.caseload
        unit = caseload.responsible_unit_adult[new] if adult else caseload.responsible_unit_under_18[new]
        pool = self.pools[child.area][unit] if unit != NO_UNIT else None
        counted = (not adult) or caseload.count_jalkihuolto_18_plus
        if child.pool is not pool:
            if child.pool is not None:
                child.pool.remove(child)
            if pool is not None:
                pool.add(child, counted)

    def _exit(self, child: Child) -> None:
        """``child`` leaves child protection: counted, off its worker's list, forgotten."""
        self.recorder.exit(child, self.env.now)
        if child.pool is not None:
            child.pool.remove(child)
        child.state = Outcome.NONE
        self.active.discard(child)

    def _go(self, child: Child, target: int) -> None:
        """Start ``target`` (a state), or exit when the target is :attr:`Outcome.NONE`."""
        if target == Outcome.NONE:
            self._exit(child)
        else:
            self._start_of[target](child)

    # ------------------------------------------------------------------ pathway

    def _arrive(self, area: int, day: int) -> None:
        """A newly notified child arrives.

        Steps: take the next age and urgency drawn for this block; count the arrival; start an
        emergency placement at once if urgent, else processing.
        """
        i = self.next_arrival
        self.next_arrival = i + 1
        self.serial += 1
        child = Child(self.serial, area, day - self.arrival_age_days[i], day, len(GROUPS))
        self.active.add(child)
        self.recorder.arrival(area)
        if self.arrival_urgent[i]:
            self._start_kiireellinen_sijoitus(child)
        else:
            self._start_kasittely(child)

    def _start_kasittely(self, child: Child) -> None:
        """Käsittely starts.

        Steps: enter the state; draw the processing delay in working days (at least one, the
        opening day not counted); schedule the decision on that working day.
        """
        self._set_state(child, State.KASITTELY)
        k = max(1, math.ceil(self.kasittely_delay()))
        if k <= MAX_TABLED_DELAY:
            decided = self.working_day_rows[k][child.opened]
        else:
            decided = self.calendar.add_working_days(child.opened, k)
        self._at(decided, child)

    def _end_kasittely(self, child: Child) -> None:
        """The decision on an assessment is made.

        Steps: count the decision and whether it is later than the deadline; with probability
        ``kasittely.p_arviointi`` open an assessment (start it if the area has a free slot,
        else queue FIFO); otherwise the child exits.
        """
        flow = self.recorder.flow[child.area]
        flow[F_DECISIONS] += 1
        if int(self.env.now) > self.decision_deadline_day[child.opened]:
            flow[F_DECISIONS_LATE] += 1
        if self.u_pathway() < self.params.kasittely.p_arviointi[self._band(child)]:
            self._set_state(child, State.ARVIOINTI)
            area = child.area
            if self.free_slots[area] > 0:
                self.free_slots[area] -= 1
                self._begin_arviointi(child)
            else:
                self.queue[area].append(child)
        else:
            self._exit(child)

    def _begin_arviointi(self, child: Child) -> None:
        """An assessment gets a slot and starts.

        Steps: count the start and whether it is after the start deadline (working days from the
        case opening); draw the working time; schedule the end.
        """
        flow = self.recorder.flow[child.area]
        flow[F_STARTED] += 1
        if int(self.env.now) > self.start_deadline_day[child.opened]:
            flow[F_STARTED_LATE] += 1
        self._at(self.env.now + self.arviointi_duration(), child)

    def _end_arviointi(self, child: Child) -> None:
        """An assessment is completed.

        Steps: count the completion and whether it is later than the completion deadline; give
        the slot to the next queued child (or free it); a child under 18 becomes an open-care
        client with probability ``arviointi.p_avohuolto``, else exits.
        """
        area = child.area
        flow = self.recorder.flow[area]
        flow[F_COMPLETED] += 1
        if int(self.env.now) > self.completion_deadline_day[child.opened]:
            flow[F_COMPLETED_LATE] += 1
        if self.queue[area]:
            self._begin_arviointi(self.queue[area].popleft())
        else:
            self.free_slots[area] += 1
        if self.env.now < child.t18 and self.u_pathway() < self.params.arviointi.p_avohuolto[self._band(child)]:
            self._start_avohuolto(child)
        else:
            self._exit(child)

    def _start_avohuolto(self, child: Child) -> None:
        """An open-care episode starts.

        Steps: enter the state; choose what ends it (placement, emergency placement, care order
        or exit), the escalation lever cutting the placements; draw its length; an episode
        still running at 18 ends then with an exit.
        """
        self._set_state(child, State.AVOHUOLTO)
        cum = self.avohuolto_cumulative[self._band(child)]
        levers = self.params.levers
        if levers.avohuolto_escalation_reduction:
            keep = 1.0 - levers.avohuolto_escalation_reduction * levers.ramp(self.env.now)  # fewer placements
            cum = [c * keep for c in cum[:-1]] + [1.0]
        child.next = AVOHUOLTO_OUTCOMES[bisect_right(cum, self.u_pathway())]
        end = self.env.now + self.avohuolto_duration()
        if end >= child.t18:
            end, child.next = child.t18, Outcome.NONE  # open care of a child ends at 18
        self._at(end, child)

    def _end_avohuolto(self, child: Child) -> None:
        """An open-care episode ends: go where its start decided."""
        self._go(child, child.next)

    def _start_avohuollon_sijoitus(self, child: Child) -> None:
        """An open-care placement starts.

        Steps: enter the state and start its placement days; choose care order or home; draw its
        length; a placement still running at 18 ends then.
        """
        self._set_state(child, State.AVOHUOLLON_SIJOITUS)
        now = self.env.now
        self.recorder.place(child, CostCategory.AVOHUOLLON_SIJOITUS, now)
        child.placed_at = now
        p_care = self.params.avohuollon_sijoitus.p_huostaanotto[self._band(child)]
        child.next = State.SIJAISHUOLTO if self.u_pathway() < p_care else State.AVOHUOLTO
        end = now + self.avohuollon_sijoitus_duration()
        if end >= child.t18:
            end, child.next = child.t18, Outcome.AT_18
        self._at(end, child)

    def _end_avohuollon_sijoitus(self, child: Child) -> None:
        """An open-care placement ends: at 18, aftercare is offered if it lasted at least
        ``avohuollon_sijoitus.jalkihuolto_min_days``; otherwise go where its start decided."""
        if child.next == Outcome.AT_18:
            if self.env.now - child.placed_at >= self.params.avohuollon_sijoitus.jalkihuolto_min_days:
                self._offer_jalkihuolto(child)
            else:
                self._exit(child)
        else:
            self._go(child, child.next)

    def _start_kiireellinen_sijoitus(self, child: Child) -> None:
        """An emergency placement starts.

        Steps: enter the state and start its placement days; with probability
        ``kiireellinen_sijoitus.p_huostaanotto`` it continues until the care-order decision,
        otherwise the child returns home within the legal maximum (extended once with
        probability ``p_extension``); a placement still running at 18 ends then.
        """
        self._set_state(child, State.KIIREELLINEN_SIJOITUS)
        now = self.env.now
        self.recorder.place(child, CostCategory.KIIREELLINEN_SIJOITUS, now)
        child.placed_at = now
        kiireellinen_sijoitus = self.params.kiireellinen_sijoitus
        if self.u_pathway() < kiireellinen_sijoitus.p_huostaanotto[self._band(child)]:
            child.next = State.SIJAISHUOLTO
            end = now + self.kiireellinen_sijoitus_until_care_order()  # continues while the application is pending
        else:
            child.next = State.AVOHUOLTO
            extended = self.u_pathway() < kiireellinen_sijoitus.p_extension
            cap = kiireellinen_sijoitus.max_days + (kiireellinen_sijoitus.extension_max_days if extended else 0.0)
            length = min(self.kiireellinen_sijoitus_home_duration(), cap)
            if length > kiireellinen_sijoitus.max_days:
                self.recorder.flow[child.area][F_EXTENSIONS] += 1
            end = now + length
        if end >= child.t18:
            end, child.next = child.t18, Outcome.AT_18
        self._at(end, child)

    def _end_kiireellinen_sijoitus(self, child: Child) -> None:
        """An emergency placement ends: aftercare is offered at 18, else go where its start decided."""
        if child.next == Outcome.AT_18:
            self._offer_jalkihuolto(child)
        else:
            self._go(child, child.next)

    def _start_sijaishuolto(self, child: Child) -> None:
        """A care order (huostaanotto) starts substitute care.

        Steps: enter the state; count the care order; choose the placement type by age band (the
        family-care lever raising perhehoito); count the placement and start its days in the
        right cost category; draw the length until reunification (the reunification lever
        shortening it); care ends at 18 at the latest.
        """
        self._set_state(child, State.SIJAISHUOLTO)
        area = child.area
        self.recorder.flow[area][F_CARE_ORDERS] += 1
        band = self._band(child)
        levers = self.params.levers
        cum = self.placement_cumulative[band] if levers.perhehoito_share_target is None else self._perhehoito_cum(band)
        placement = min(bisect_right(cum, self.u_pathway()), len(Placement) - 1)
        child.placement = placement
        self.recorder.placement_started(area, placement)
        self.recorder.place(child, self._cost_category(area, placement), self.env.now)
        length = self.sijaishuolto_duration()
        if levers.reunification_speedup:
            length *= 1.0 - levers.reunification_speedup * levers.ramp(self.env.now)
        end = self.env.now + length
        child.next = Outcome.REUNIFY
        if end >= child.t18:
            end, child.next = child.t18, Outcome.AT_18  # a care order ends at 18 at the latest
        self._at(end, child)

    def _perhehoito_cum(self, band: int) -> list[float]:
        """Placement-type cumulative shares with the family-care target in force now: family
        care is raised to the target share, taken from institutions first, then professional
        family homes."""
        levers = self.params.levers
        assert levers.perhehoito_share_target is not None
        cum = self.placement_cumulative[band]
        shares = [cum[0]] + [b - a for a, b in pairwise(cum)]
        need = max(0.0, levers.perhehoito_share_target - shares[Placement.PERHEHOITO]) * levers.ramp(self.env.now)
        from_institutions = min(need, shares[Placement.LAITOSHOITO])
        from_homes = min(need - from_institutions, shares[Placement.AMMATILLINEN_PERHEKOTI])
        adjusted = [
            shares[Placement.PERHEHOITO] + from_institutions + from_homes,
            shares[Placement.AMMATILLINEN_PERHEKOTI] - from_homes,
            shares[Placement.LAITOSHOITO] - from_institutions,
        ]
        return cumulative(adjusted)

    def _cost_category(self, area: int, placement: int) -> int:
        """Family care and professional homes keep their type; an institutional placement is
        special-level with the scenario's share, else takes a free own bed or overflows to a
        purchased place."""
        if placement == Placement.PERHEHOITO:
            return CostCategory.PERHEHOITO
        if placement == Placement.AMMATILLINEN_PERHEKOTI:
            return CostCategory.AMMATILLINEN_PERHEKOTI
        if self.u_pathway() < self.params.costs.special_level_share:
            return CostCategory.ERITYISTASON_LAITOSHOITO
        own_beds = self.params.costs.own_beds[area]
        if self.recorder.own_beds_occupied(area) < own_beds:
            return CostCategory.LAITOSHOITO_OMA
        if own_beds > 0:
            self.recorder.flow[area][F_OVERFLOW] += 1
        return CostCategory.LAITOSHOITO_OSTETTU

    def _end_sijaishuolto(self, child: Child) -> None:
        """Substitute care ends by reunification or at 18: counted; aftercare is offered."""
        area = child.area
        self.recorder.placement_ended(area, child.placement)
        flow = self.recorder.flow[area]
        flow[F_REUNIFICATIONS if child.next == Outcome.REUNIFY else F_CARE_ENDED_AT_18] += 1
        self._offer_jalkihuolto(child)

    def _offer_jalkihuolto(self, child: Child) -> None:
        """A placement ended: the young person takes up aftercare with probability
        ``jalkihuolto.uptake``, else exits."""
        child.placement_ended = self.env.now
        if self.u_pathway() < self.params.jalkihuolto.uptake:
            self._start_jalkihuolto(child)
        else:
            self._exit(child)

    def _start_jalkihuolto(self, child: Child) -> None:
        """Aftercare starts.

        Steps: enter the state and start its support days; its end is the wanted length, 5 years
        after the placement or the age limit in force, whichever comes first; a minor's
        aftercare is part of open care, so an event at 18 hands the young person over.
        """
        self._set_state(child, State.JALKIHUOLTO)
        now = self.env.now
        self.recorder.place(child, CostCategory.JALKIHUOLTO, now)
        jalkihuolto = self.params.jalkihuolto
        wanted = self.jalkihuolto_duration()
        child.until = aftercare_end(
            now,
            wanted,
            child.placement_ended,
            jalkihuolto.max_years_after_placement,
            child.birth,
            jalkihuolto.age_limit,
        )
        self._at(child.t18 if now < child.t18 < child.until else child.until, child)

    def _end_jalkihuolto(self, child: Child) -> None:
        """Aftercare's event: at 18 the young person moves to the adults' unit and its counting
        rule; at the end of aftercare the young person exits."""
        if self.env.now < child.until:
            caseload = self.params.caseload
            adult_pool = self.pools[child.area][caseload.responsible_unit_adult[State.JALKIHUOLTO]]
            if child.pool is adult_pool:
                adult_pool.recount(child, caseload.count_jalkihuolto_18_plus)
            else:
                if child.pool is not None:
                    child.pool.remove(child)
                adult_pool.add(child, caseload.count_jalkihuolto_18_plus)
            self._at(child.until, child)
        else:
            self._exit(child)

    # ------------------------------------------------------------------ run

    def run(self) -> ModelRun:
        """Simulate from the origin through the last reported day; return the counts and what a
        replay of the worker pools needs."""
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
        raw = self.recorder.raw(self.replication, tuple(self.scenario.areas), self.events + self.staff.events)
        return ModelRun(
            raw=raw,
            pool_logs=tuple(tuple(pool.log for pool in row) for row in self.pools),
            limit=self.params.caseload.limit,
            month_boundaries=tuple(self.month_boundaries),
            report_start=self.report_start,
            origin=self.origin,
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


__all__ = ["Child", "ModelRun", "PathwayModel"]
