"""The discrete-event model of the child-protection pathway (SimPy): the state machine.

Design for speed: no SimPy process per child. Each child has exactly one pending SimPy event at
any time—its next state change. The child itself is that event (see :mod:`.events`): no event
object is built per state change, and the callback dispatches on the child's state.
Notifications and processing, which need no events, are drawn a year at a time by the
:class:`~.arrivals.ArrivalProcess`; only children whose path goes on (an emergency placement,
or an assessment) become events. This module and the other per-event modules are compiled with
mypyc where a C compiler is available (:mod:`._compiled`): same source, same results. Counting is the
:class:`~.trackers.Recorder`'s job, staff events the :class:`~.staffing.StaffScheduler`'s, the
clients the model starts with come from :mod:`.initial_state`, and every parameter comes from
:class:`~.parameters.ModelParameters` under the scenario's own name.

Random numbers: every child draws its own (:mod:`.randomness`), in the order its path needs
them, so a change that alters one child's path cannot shift any other child's draws.

Time is in days since ``origin`` (midnight), which is ``warmup_years`` before the first
reported day. Results are recorded only from ``simulation.start`` on.
"""

from __future__ import annotations

import datetime as dt
import gc
import heapq
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any, Final, cast

import numpy as np
import simpy
from simpy.events import Timeout

from ..scenario.checks import EVENT_BUDGET
from ..scenario.schema import Scenario
from ..vocabulary import UNITS, CostCategory, Outcome, Placement, State
from .arrivals import EVENT_SLOT, U_CLIENT, ArrivalProcess, EventChildren
from .assessment import Assessed, AssessmentQueues, AssessmentRecord
from .calendar import calendar_for
from .caseload import Client, Clock, PoolOp, PoolRules, WorkerPool
from .demand import daily_notification_rates
from .environment import ModelEnvironment
from .events import Entry, push, run_until
from .initial_state import Pipeline, initial_clients
from .law import Schedule, aftercare_end, limit_on
from .parameters import AVOHUOLTO_OUTCOMES, NO_UNIT, ModelParameters, Rationing
from .posts import PostSpec, unit_posts
from .randomness import (
    Sampler,
    child_identity,
    counter_uniform,
    counter_uniforms,
    cumulative,
    purpose_generator,
    sample_array,
    stream_key,
)
from .raw import FLOW, GROUPS, STOCK, RawReplication
from .rules import ADULT_DAYS, BAND_UPPER_DAYS, band_of, client_after_assessment, emergency_home_cap
from .staffing import PostTimeline, StaffScheduler, post_timelines
from .trackers import Recorder

ARRIVAL_BLOCK_DAYS: Final = 365
LAST_BAND: Final = len(BAND_UPPER_DAYS) - 1
EVENT_DRAWS: Final = 12  # a child's event draws made at once (most paths need fewer); more come one at a time

# flow columns counted by the state handlers
F_REFUSED: Final = FLOW[("avohuolto", "intake_refused")]
F_INTAKE_WAIT: Final = FLOW[("avohuolto", "intake_wait_days")]
F_CARE_ORDERS: Final = FLOW[("sijaishuolto", "care_orders")]
F_EXTENSIONS: Final = FLOW[("kiireellinen_sijoitus", "extensions")]
F_REUNIFICATIONS: Final = FLOW[("sijaishuolto", "reunifications")]
F_CARE_ENDED_AT_18: Final = FLOW[("sijaishuolto", "care_ended_at_18")]
F_OVERFLOW: Final = FLOW[("laitoshoito_ostettu", "overflow_from_own_beds")]
F_EXITS: Final = FLOW[("kaikki", "exits")]
S_KASITTELY: Final = STOCK[("kasittely", "children")]
S_ARVIOINTI: Final = STOCK[("arviointi", "children")]
S_EXITED: Final = STOCK[("kaikki", "exited_total")]
G_ARVIOINNISSA: Final = GROUPS.index("arvioinnissa")
AVOHUOLTO_UNIT: Final = UNITS.index("avohuolto")


class Child(Client):
    """A child (entity), listed in a team as a :class:`~.caseload.Client`. Holds no personal
    data: an area, a birth time, the current episode and the child's own random numbers. It is
    also its own pending event (``callbacks``; see :meth:`PathwayModel._at`)."""

    __slots__ = (
        "area",
        "assessment_pool",
        "birth",
        "callbacks",
        "cost_cat",
        "draws",
        "identity",
        "j",
        "key",
        "marks",
        "next",
        "opened",
        "placed_at",
        "placement",
        "placement_ended",
        "state",
        "t18",
        "u_client",
        "until",
        "waiting_since",
    )

    def __init__(
        self,
        serial: int,
        identity: int,
        key: int,
        area: int,
        birth: float,
        opened: int,
        family: int,
        draws: list[float],
        u_client: float,
    ) -> None:
        super().__init__(serial, family)
        self.identity = identity
        self.key = key
        self.area = area
        self.birth = birth
        self.t18 = birth + ADULT_DAYS
        self.opened = opened  # day index the case opened (notification day)
        self.draws = draws
        self.j = 1  # next of the child's draws (draw 0 is the assessment's working time)
        self.u_client = u_client  # the family's draw for the client decision after assessment
        self.state: int = Outcome.NONE
        self.next: int = Outcome.NONE  # what follows the current state (a State or an Outcome)
        self.until = 0.0  # end of aftercare
        self.placed_at = 0.0  # start of the current placement
        self.placement_ended = 0.0  # end of the last placement
        self.placement: int = -1  # Placement of the current care order
        self.cost_cat = -1  # placement-day cost category while placed, else -1
        self.assessment_pool: WorkerPool | None = None  # open-care team holding an overflow assessment
        self.waiting_since = 0.0
        self.marks = [-1] * len(GROUPS)  # last year counted in each during-year group
        self.callbacks: list[Callable[[Any], None]] | None = None


@dataclass(frozen=True)
class ModelRun:
    """What one replication leaves behind: its raw counts, and what a replay of its worker
    pools and assessment queues needs (see :mod:`.replay` and :mod:`lsmitoitus.dimensioning`)."""

    raw: RawReplication
    pool_keys: tuple[tuple[str, str], ...]  # (unit, team) of each pool
    pool_logs: tuple[list[PoolOp] | None, ...]
    assessment_logs: tuple[list[AssessmentRecord], ...]  # per area
    limit: Schedule
    month_boundaries: tuple[int, ...]
    monitoring_days: tuple[float, ...]  # THL's monitoring days as model times (the day + 0.5)
    report_start: int
    origin: dt.date
    end_day: int


ChildRow = tuple[int, int, float, int, int, float]  # identity, area, birth, opened, family, u_client


def _child_rows(children: EventChildren, index: np.ndarray) -> list[ChildRow]:
    """Plain Python values of the children at ``index``: converted once per block, not per child."""
    return list(
        zip(
            children.identity[index].tolist(),
            children.area[index].tolist(),
            children.birth[index].tolist(),
            children.opened[index].tolist(),
            children.family[index].tolist(),
            children.u_client[index].tolist(),
            strict=True,
        )
    )


class PathwayModel:
    """One replication of one scenario. Call :meth:`run` once."""

    def __init__(
        self,
        scenario: Scenario,
        rep_seed: np.random.SeedSequence,
        replication: int = 0,
        record_pool_logs: bool = False,
        parameters: dict[str, float] | None = None,
        trace: list[tuple[int, int, float, int]] | None = None,
    ) -> None:
        """``record_pool_logs`` keeps each pool's client operations and each area's assessments
        (see :mod:`.replay`); ``parameters`` are the replication's drawn multipliers (recorded);
        ``trace``, when given, receives every state change of a child in the event model as
        (stream key, identity, time, new state) — for tests of common random numbers only: it
        holds no personal data, and is never written anywhere."""
        self.trace = trace
        self.scenario = scenario
        self.replication = replication
        sim = scenario.simulation
        self.origin = dt.date(sim.start.year - sim.warmup_years, sim.start.month, 1)
        self.end_day = (sim.end - self.origin).days + 1  # run through the last reported day
        self.report_start = (sim.start - self.origin).days
        self.calendar = calendar_for(self.origin, self.end_day)
        self.env = ModelEnvironment()
        # shared: SimPy never mutates the list
        self._child_callbacks: list[Callable[[Any], None]] = [self._on_child_event]
        self.n_areas = len(scenario.areas)
        self.params = ModelParameters.from_scenario(scenario, self.origin, rep_seed)
        self.day_year_index = np.clip(self.calendar.year - self.origin.year, 0, len(self.params.demand.p_new_child) - 1)
        self._year_of_day: list[int] = self.day_year_index.tolist()  # plain ints: read per event
        self._last_day = len(self._year_of_day) - 1
        # inverse-transform tables and samplers, derived once from the parameters
        p = self.params
        self.avohuolto_cumulative = p.avohuolto.outcome_cumulative
        self.avohuolto_after_placement = p.avohuolto.after_placement_cumulative
        self.placement_cumulative = p.sijaishuolto.placement_type_cumulative
        # the samplers' bare inverse CDFs (uniform → days), called once per episode
        self.sample_arviointi = Sampler.of(p.arviointi.duration).draw
        self.sample_avohuolto = Sampler.of(p.avohuolto.duration).draw
        self.sample_avohuollon_sijoitus = Sampler.of(p.avohuollon_sijoitus.duration).draw
        self.sample_kiireellinen_home = Sampler.of(p.kiireellinen_sijoitus.home_duration).draw
        self.sample_kiireellinen_until_care_order = Sampler.of(p.kiireellinen_sijoitus.until_care_order).draw
        self.sample_sijaishuolto = Sampler.of(p.sijaishuolto.duration).draw
        self.sample_jalkihuolto = Sampler.of(p.jalkihuolto.duration).draw
        self._seed = rep_seed
        self.parameters = parameters or {}
        self.record_logs = record_pool_logs
        self.serial = 0
        self.events = 0
        self.active: set[Child] = set()
        self.assessment_logs: list[list[AssessmentRecord]] = [[] for _ in range(self.n_areas)]
        self._setup_deadlines()
        # calendar events first: at equal times SimPy runs events in scheduling order, so a
        # month-end snapshot precedes staff events (e.g. posts opening on the 1st) at that instant
        self._setup_calendar_events()
        self.recorder = Recorder(
            self.n_areas, self.origin.year, sim.start.year, self.report_start, len(self.month_boundaries)
        )
        self.staff = StaffScheduler(self.env)
        self._setup_pools()
        self.intake_queue: dict[int, deque[Child]] = {id(pool): deque() for pool in self.pools}
        self._setup_arrivals()
        with collector_paused():  # a thousand children, each with its own lists: see run()
            self._seed_initial_clients()
        # what ends each state, and what starts a target state, by name
        self._end_of: dict[int, Callable[[Child], None]] = {
            State.AVOHUOLTO: self._end_avohuolto,
            State.AVOHUOLLON_SIJOITUS: self._end_avohuollon_sijoitus,
            State.KIIREELLINEN_SIJOITUS: self._end_kiireellinen_sijoitus,
            State.SIJAISHUOLTO: self._end_sijaishuolto,
            State.JALKIHUOLTO: self._end_jalkihuolto,
        }
        self._start_of: dict[int, Callable[[Child], None]] = {
            State.AVOHUOLTO: self._admit_to_avohuolto,
            State.AVOHUOLLON_SIJOITUS: self._start_avohuollon_sijoitus,
            State.KIIREELLINEN_SIJOITUS: self._start_kiireellinen_sijoitus,
            State.SIJAISHUOLTO: self._start_sijaishuolto,
        }

    # ------------------------------------------------------------------ setup

    def _setup_deadlines(self) -> None:
        """Statutory deadlines as day-index lookups by the day the case opened."""
        p = self.params
        self.decision_deadline_day = np.asarray(
            self.calendar.working_day_row(p.kasittely.decision_deadline_working_days)
        )
        self.start_deadline_day = self.calendar.working_day_row(p.arviointi.start_deadline_working_days)
        self.completion_deadline_day = _cached_month_deadlines(
            self.origin, self.end_day, p.arviointi.completion_deadline_months
        )

    def _setup_calendar_events(self) -> None:
        """Month, monitoring-day and limit boundaries are scheduled first, so at equal times they
        run before any child event (SimPy breaks ties by scheduling order): month-end snapshots,
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
        sim = self.scenario.simulation
        self.monitoring_times: list[float] = []
        for day_index, date in thl_monitoring_days(sim.start, sim.end, self.origin):
            ev = Timeout(env, day_index + 0.5, date)  # during the day, after its arrivals
            ev.callbacks.append(self._on_monitoring_day)
            self.monitoring_times.append(day_index + 0.5)
        # after the month ends: a snapshot of 31.12. still shows the limit in force that day
        for step_start, _ in self.params.caseload.limit:
            if 0 < step_start < self.end_day:
                ev = Timeout(env, step_start, step_start)
                ev.callbacks.append(self._on_limit_change)

    def _setup_pools(self) -> None:
        """A worker pool per team of each unit, with its posts' staff events scheduled."""
        s, caseload = self.scenario, self.params.caseload
        limit = limit_on(caseload.limit, 0.0)
        self.pools: list[WorkerPool] = []
        self.pool_keys: list[tuple[str, str]] = []
        self.pool_of: list[list[WorkerPool]] = []  # [unit][area]
        for unit in UNITS:
            by_area: dict[str, WorkerPool] = {}
            teams = s.organisation.team_areas(unit, s.area_names)
            for team, specs in unit_posts(s, unit).items():
                timelines = post_timelines(unit, specs, self._seed, self.origin, self.end_day)
                pool = build_pool(specs, timelines, limit, caseload.pool_rules, self.env)
                if self.record_logs:
                    pool.log = []
                self.staff.start(pool, timelines)
                self.pools.append(pool)
                self.pool_keys.append((unit, team))
                for area in teams[team]:
                    by_area[area] = pool
            self.pool_of.append([by_area[a] for a in s.area_names])
        # the team responsible for each state, by area, for minors and for adults (None: no team)
        self._minor_pool = [self._pools_by_area(caseload.responsible_unit_under_18[state]) for state in State]
        self._adult_pool = [self._pools_by_area(caseload.responsible_unit_adult[state]) for state in State]
        self._count_adults = caseload.count_jalkihuolto_18_plus

    def _pools_by_area(self, unit: int) -> list[WorkerPool | None]:
        """The team of ``unit`` for each area (None for every area when the state has no unit)."""
        return [None] * self.n_areas if unit == NO_UNIT else list(self.pool_of[unit])

    def _setup_arrivals(self) -> None:
        """The arrival process and a yearly event that draws each block of arrivals."""
        s = self.scenario
        n_days = self.calendar.n_days
        rates = np.zeros((n_days, self.n_areas))
        rates[: self.end_day] = daily_notification_rates(s, self.origin, self.end_day)
        uniforms = np.stack(
            [purpose_generator(self._seed, f"arrivals/{area}").random((n_days, 2)) for area in s.area_names], axis=1
        )
        month_of_day = np.searchsorted(np.asarray(self.month_boundaries), np.arange(n_days), side="right")
        self.child_key = stream_key(self._seed, "children")
        self.arrivals = ArrivalProcess(
            self.params,
            rates,
            uniforms,
            self.child_key,
            self.calendar.cumulative,
            self.decision_deadline_day,
            self.day_year_index,
            month_of_day,
            self.recorder.pre_flows,
            self.recorder.pre_stocks,
        )
        years = range(self.origin.year, self.scenario.simulation.end.year + 2)
        year_start_day = np.array([(dt.date(y, 1, 1) - self.origin).days for y in years])
        self.assessments = AssessmentQueues(
            self.params.arviointi.slots,
            self.params.arviointi.when_short,
            self.start_deadline_day,
            self.completion_deadline_day,
            month_of_day,
            self.day_year_index,
            year_start_day,
            self.recorder.pre_flows,
            self.recorder.pre_stocks,
            self.recorder.pre_during,
        )
        for first in range(0, self.end_day, ARRIVAL_BLOCK_DAYS):
            ev = Timeout(self.env, first, first)
            ev.callbacks.append(self._on_block)

    def _seed_initial_clients(self) -> None:
        """The clients at day 0, each in the state and with the remaining time the vectorised
        pathway gave it (see :mod:`.initial_state`)."""
        start = initial_clients(self.scenario, self.params, self._seed, self.day_year_index)
        key = stream_key(self._seed, "initial_children")
        ids = np.arange(start.area.size, dtype=np.uint64)
        draws = counter_uniforms(key, ids, EVENT_SLOT, EVENT_DRAWS).tolist()
        for i in range(start.area.size):
            self.serial += 1
            area = int(start.area[i])
            child = Child(self.serial, i, key, area, float(start.birth[i]), 0, -1 - i, draws[i], 0.0)
            self.active.add(child)
            self.recorder.initial_client(area)
            state, end, nxt = int(start.state[i]), float(start.end[i]), int(start.nxt[i])
            self._set_state(child, state)
            aged = end >= child.t18 - 1e-9
            if state == State.AVOHUOLTO:
                child.next = nxt if nxt >= 0 else Outcome.NONE
            elif state in (State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS):
                self.recorder.place(child, _PLACEMENT_COST[state], 0.0)
                child.placed_at = float(start.start[i])
                child.next = Outcome.AT_18 if aged else (nxt if nxt >= 0 else State.AVOHUOLTO)
            elif state == State.SIJAISHUOLTO:
                self._place_in_care(child, self._band_at(child, float(start.start[i])))
                child.next = Outcome.AT_18 if aged else Outcome.REUNIFY
            else:  # jälkihuolto
                self.recorder.place(child, CostCategory.JALKIHUOLTO, 0.0)
                child.until = end
                child.placement_ended = float(start.start[i])
                end = child.t18 if 0 < child.t18 < end else end
            self._at(end, child)
        self._seed_pipeline(start.pipeline)

    def _seed_pipeline(self, pipeline: Pipeline) -> None:
        """The children in processing or in an assessment at day 0.

        Steps: each is an arrival of its own day before the origin (its identity and draws
        follow from that, as for any arrival); one in processing whose decision opens an
        assessment joins the area's assessment queue on its decision day, like the children of
        the first block; one in an assessment holds its slot until the assessment ends and is
        then decided like any assessed child. Their cases opened before day 0, so deadlines
        count from day 0 (the warm-up's timeliness only). Stocks and entries are counted.
        """
        n = pipeline.area.size
        if n == 0:
            return
        day = np.floor(pipeline.arrival).astype(np.int64)
        same = np.concatenate([[False], (day[1:] == day[:-1]) & (pipeline.area[1:] == pipeline.area[:-1])])
        run_start = np.maximum.accumulate(np.where(same, 0, np.arange(n)))
        identity = child_identity(pipeline.area, day, np.arange(n) - run_start)
        u_client = counter_uniforms(self.child_key, identity, U_CLIENT, 1)[:, 0]
        children = EventChildren(
            time=pipeline.end.copy(),
            urgent=np.zeros(n, dtype=bool),
            area=pipeline.area.astype(np.int64),
            identity=identity,
            family=identity,
            birth=pipeline.birth,
            opened=np.zeros(n, dtype=np.int64),
            u_client=u_client,
        )
        recorder, month_of_end = self.recorder, self._month_of(pipeline.end)
        for i, area in enumerate(children.area.tolist()):
            recorder.initial_client(area)
            column = S_KASITTELY if pipeline.state[i] == State.KASITTELY else S_ARVIOINTI
            recorder.pre_stocks[0, area, column] += 1
            recorder.pre_stocks[month_of_end[i], area, column] -= 1
        processing = pipeline.in_state(State.KASITTELY)
        to_assess = processing[pipeline.nxt[processing] == State.ARVIOINTI]
        leaving = processing[pipeline.nxt[processing] != State.ARVIOINTI]
        for i in leaving.tolist():
            recorder.pre_flows[month_of_end[i], children.area[i], F_EXITS] += 1
            recorder.pre_stocks[month_of_end[i], children.area[i], S_EXITED] += 1
        queued = _subset(children, np.isin(np.arange(n), to_assess))
        work_u = counter_uniforms(self.child_key, queued.identity, EVENT_SLOT, 1)[:, 0]
        self.assessments.add(queued, sample_array(self.params.arviointi.duration, work_u))
        assessing = pipeline.in_state(State.ARVIOINTI)
        for i in assessing.tolist():
            heapq.heappush(self.assessments.busy[children.area[i]], float(pipeline.end[i]))
            recorder.pre_during[0, children.area[i], G_ARVIOINNISSA] += 1
        under_way = _subset(children, np.isin(np.arange(n), assessing))
        started, ended = pipeline.start[assessing], pipeline.end[assessing]
        none = np.zeros(assessing.size, dtype=bool)
        done = Assessed(under_way, started, started, ended, ended - started, none, none)
        self._after_assessments(done, record=False)

    def _month_of(self, t: np.ndarray) -> np.ndarray:
        """Index of the month (since the origin) each model time falls in."""
        return np.searchsorted(np.asarray(self.month_boundaries), np.floor(t), side="right")

    # ------------------------------------------------------------------ calendar events

    def _on_block(self, ev: simpy.Event) -> None:
        """A new block of days: draw its arrivals and processing; work through the assessments
        that open before the next block; schedule the children whose path goes on."""
        first = cast(int, ev.value)
        self.events += 1
        last = min(first + ARRIVAL_BLOCK_DAYS, self.end_day)
        block = self.arrivals.block(first, last)
        urgent = block.urgent
        assessed = _subset(block, ~urgent)
        work_u = counter_uniforms(self.child_key, assessed.identity, EVENT_SLOT, 1)[:, 0]
        self.assessments.add(assessed, sample_array(self.params.arviointi.duration, work_u))
        done = self.assessments.work_through(before=last if last < self.end_day else np.inf)
        emergencies = _subset(block, urgent)
        draws = counter_uniforms(self.child_key, emergencies.identity, EVENT_SLOT, EVENT_DRAWS).tolist()
        rows = _child_rows(emergencies, np.arange(emergencies.time.size))
        for t, row, child_draws in zip(emergencies.time.tolist(), rows, draws, strict=True):
            push(self.env, t, Entry((row, child_draws), self._on_emergency))
        if done is not None:
            self._after_assessments(done)

    def _after_assessments(self, done: Assessed, record: bool = True) -> None:
        """Assessments worked through: record them for a replay (unless they started before day
        0); decide who needs a client relationship (the family's shared draw, the probability of
        the year and age at the end); count the others' exits; schedule the clients, and the
        overflow assessments' lists."""
        children = done.children
        if self.record_logs and record:
            for area, joined, opened, work in zip(
                children.area.tolist(), done.joined.tolist(), children.opened.tolist(), done.work.tolist(), strict=True
            ):
                self.assessment_logs[area].append(AssessmentRecord(joined, opened, work))
        last = len(self.day_year_index) - 1
        year = self.day_year_index[np.minimum(done.end.astype(np.int64), last)]
        band = band_of(done.end - children.birth)
        client = client_after_assessment(
            np.asarray(self.params.arviointi.p_avohuolto), year, band, children.u_client, done.end, children.birth
        )
        self.assessments.count_exits(done, ~client)
        going_on = np.flatnonzero(client | done.overflow)
        draws = counter_uniforms(self.child_key, children.identity[going_on], EVENT_SLOT, EVENT_DRAWS).tolist()
        rows = _child_rows(children, going_on)
        is_client = client[going_on].tolist()
        overflow = done.overflow[going_on].tolist()
        starts, ends = done.start[going_on].tolist(), done.end[going_on].tolist()
        for row, child_draws, is_c, over, start, end in zip(
            rows, draws, is_client, overflow, starts, ends, strict=True
        ):
            if over:
                push(self.env, start, Entry((row, child_draws, is_c, end), self._on_overflow_assessment))
            else:
                push(self.env, end, Entry((row, child_draws), self._on_client))

    def _new_child(self, row: ChildRow, draws: list[float]) -> Child:
        """The event model's entity for a child of a block (``row`` from :func:`_child_rows`)."""
        self.serial += 1
        identity, area, birth, opened, family, u_client = row
        child = Child(self.serial, identity, self.child_key, area, birth, opened, family, draws, u_client)
        self.active.add(child)
        return child

    def _on_emergency(self, ev: Entry) -> None:
        """A child whose notification leads at once to an emergency placement."""
        row, draws = cast(tuple[ChildRow, list[float]], ev.value)
        self.events += 1
        self._start_kiireellinen_sijoitus(self._new_child(row, draws))

    def _on_client(self, ev: Entry) -> None:
        """An assessment ends and the child needs an open-care client relationship."""
        row, draws = cast(tuple[ChildRow, list[float]], ev.value)
        self.events += 1
        self._admit_to_avohuolto(self._new_child(row, draws))

    def _on_overflow_assessment(self, ev: Entry) -> None:
        """An assessment beyond the slots starts, done by an open-care worker: the child is on
        that worker's list until it ends."""
        row, draws, client, end = cast(tuple[ChildRow, list[float], bool, float], ev.value)
        self.events += 1
        child = self._new_child(row, draws)
        pool = self.pool_of[AVOHUOLTO_UNIT][child.area]
        pool.add(child, True, self._u(child), self._u(child))
        child.assessment_pool = pool
        child.next = State.AVOHUOLTO if client else Outcome.NONE
        done = Timeout(self.env, end - self.env.now, child)
        done.callbacks.append(self._on_overflow_done)

    def _on_overflow_done(self, ev: simpy.Event) -> None:
        """An overflow assessment ends: off the open-care worker's list; a client, or gone."""
        child = cast(Child, ev.value)
        self.events += 1
        self._leave_pool(child)
        child.assessment_pool = None
        if child.next == State.AVOHUOLTO:
            self._admit_to_avohuolto(child)
        else:
            self.active.discard(child)

    def _on_limit_change(self, ev: simpy.Event) -> None:
        """The statutory limit changes (35 on 1.1.2022, 30 on 1.1.2024) for every worker."""
        limit = limit_on(self.params.caseload.limit, cast(float, ev.value))
        for pool in self.pools:
            pool.set_limit(limit)

    def _on_month(self, ev: simpy.Event) -> None:
        """A month ends: the recorder closes it with the queues."""
        self.recorder.close_month(
            cast(dt.date, ev.value), self.env.now, self.pools, self._intake_queue_by_area(), self.active
        )

    def _intake_queue_by_area(self) -> list[int]:
        counts = [0] * self.n_areas
        for queue in self.intake_queue.values():
            for child in queue:
                counts[child.area] += 1
        return counts

    def _on_monitoring_day(self, ev: simpy.Event) -> None:
        """THL's monitoring day: the recorder counts workers and lists."""
        self.recorder.monitoring_day(cast(dt.date, ev.value), self.pools)

    # ------------------------------------------------------------------ child bookkeeping

    def _u(self, child: Child) -> float:
        """The child's next random number."""
        j = child.j
        child.j = j + 1
        if j < EVENT_DRAWS:
            return child.draws[j]
        return counter_uniform(child.key, child.identity, EVENT_SLOT + j)

    def _at(self, t: float, child: Child) -> None:
        """Schedule ``child``'s next state change at time ``t`` (the child is the event)."""
        child.callbacks = self._child_callbacks
        push(self.env, t, child)

    def _on_child_event(self, child: Child) -> None:
        """A child's current state ends: dispatch to that state's end handler."""
        self.events += 1
        self._end_of[child.state](child)

    def _band_at(self, child: Child, t: float) -> int:
        """The child's age band at time ``t``: the first whose upper age bound is above its age."""
        return min(bisect_right(BAND_UPPER_DAYS, t - child.birth), LAST_BAND)

    def _band(self, child: Child) -> int:
        """The child's age band now."""
        return min(bisect_right(BAND_UPPER_DAYS, self.env.now - child.birth), LAST_BAND)

    def _year(self) -> int:
        """Index of the current year in the by-year parameter tables."""
        return self._year_of_day[min(int(self.env.now), self._last_day)]

    def _set_state(self, child: Child, new: int) -> None:
        """Move ``child`` into state ``new``.

        Steps: the recorder counts the move (stocks, entries, during-year marks, end of any
        placement days); the child is handed to the responsible team of the new state (its own
        area's team of the unit), keeping its worker when the team does not change.
        """
        now = self.env.now
        self.recorder.enter(child, new, now)
        if self.trace is not None:
            self.trace.append((child.key, child.identity, now, new))
        if now >= child.t18:
            pool = self._adult_pool[new][child.area]
            counted = self._count_adults
        else:
            pool = self._minor_pool[new][child.area]
            counted = True
        if child.pool is not pool:
            self._leave_pool(child)
            if pool is not None:
                pool.add(child, counted, self._u(child), self._u(child))

    def _leave_pool(self, child: Child) -> None:
        pool = child.pool
        if pool is not None:
            pool.remove(child)
            if self.intake_queue.get(id(pool)):
                self._admit_waiting(pool)

    def _exit(self, child: Child) -> None:
        """``child`` leaves child protection: counted, off its worker's list, forgotten."""
        self.recorder.exit(child, self.env.now)
        if self.trace is not None:
            self.trace.append((child.key, child.identity, self.env.now, Outcome.NONE))
        self._leave_pool(child)
        child.state = Outcome.NONE
        self.active.discard(child)

    def _go(self, child: Child, target: int) -> None:
        """Start ``target`` (a state), or exit when the target is :attr:`Outcome.NONE`."""
        if target == Outcome.NONE:
            self._exit(child)
        else:
            self._start_of[target](child)

    # ------------------------------------------------------------------ pathway

    def _admit_to_avohuolto(self, child: Child) -> None:
        """A child needs an open-care client relationship.

        Steps: with rationing off, or while the team's workers are below the threshold, start
        open care; when the team is at the limit, turn the child away (counted as unmet need) or
        put it in the team's queue for a client relationship.
        """
        caseload = self.params.caseload
        if caseload.rationing != Rationing.OFF:
            pool = self.pool_of[AVOHUOLTO_UNIT][child.area]
            if pool.mean_counted_per_present() >= caseload.rationing_threshold * pool.limit:
                if caseload.rationing == Rationing.TURN_AWAY:
                    self.recorder.flow[child.area][F_REFUSED] += 1
                    self._exit(child)
                else:
                    self.recorder.hold(child, self.env.now)
                    self._leave_pool(child)
                    child.waiting_since = self.env.now
                    self.intake_queue[id(pool)].append(child)
                return
        self._start_avohuolto(child)

    def _admit_waiting(self, pool: WorkerPool) -> None:
        """Room in a team: children queueing for a client relationship start open care."""
        queue = self.intake_queue[id(pool)]
        threshold = self.params.caseload.rationing_threshold * pool.limit
        while queue and pool.mean_counted_per_present() < threshold:
            child = queue.popleft()
            self.recorder.flow[child.area][F_INTAKE_WAIT] += self.env.now - child.waiting_since
            if self.env.now >= child.t18:
                self.recorder.release(child)
                child.state = Outcome.NONE
                self.active.discard(child)
                continue
            self._start_avohuolto(child)

    def _start_avohuolto(self, child: Child) -> None:
        """An open-care episode starts.

        Steps: enter the state; choose what ends it (placement, emergency placement, care order
        or exit) with the year's probabilities (a first episode's, or those of an episode that
        follows a placement), the escalation lever cutting the placements; draw its length; an
        episode still running at 18 ends then with an exit.
        """
        after_placement = child.state in (State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS)
        self._set_state(child, State.AVOHUOLTO)
        tables = self.avohuolto_after_placement if after_placement else self.avohuolto_cumulative
        cum = tables[self._year()][self._band(child)]
        levers = self.params.levers
        if levers.avohuolto_escalation_reduction:
            keep = 1.0 - levers.avohuolto_escalation_reduction * levers.ramp(self.env.now)  # fewer placements
            cum = [c * keep for c in cum[:-1]] + [1.0]
        child.next = AVOHUOLTO_OUTCOMES[bisect_right(cum, self._u(child))]
        end = self.env.now + self.sample_avohuolto(self._u(child))
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
        child.next = State.SIJAISHUOLTO if self._u(child) < p_care else State.AVOHUOLTO
        end = now + self.sample_avohuollon_sijoitus(self._u(child))
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
        to_care, extended, u_length = self._u(child), self._u(child), self._u(child)
        if to_care < kiireellinen_sijoitus.p_huostaanotto[self._band(child)]:
            child.next = State.SIJAISHUOLTO
            end = now + self.sample_kiireellinen_until_care_order(
                u_length
            )  # continues while the application is pending
        else:
            child.next = State.AVOHUOLTO
            length = min(self.sample_kiireellinen_home(u_length), emergency_home_cap(kiireellinen_sijoitus, extended))
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

        Steps: enter the state; count the care order; place the child (type by age band, the
        family-care lever raising perhehoito; cost category); draw the length until
        reunification (the reunification lever shortening it); care ends at 18 at the latest.
        """
        self._set_state(child, State.SIJAISHUOLTO)
        self.recorder.flow[child.area][F_CARE_ORDERS] += 1
        self._place_in_care(child, self._band(child))
        length = self.sample_sijaishuolto(self._u(child))
        levers = self.params.levers
        if levers.reunification_speedup:
            length *= 1.0 - levers.reunification_speedup * levers.ramp(self.env.now)
        end = self.env.now + length
        child.next = Outcome.REUNIFY
        if end >= child.t18:
            end, child.next = child.t18, Outcome.AT_18  # a care order ends at 18 at the latest
        self._at(end, child)

    def _place_in_care(self, child: Child, band: int) -> None:
        """Choose the placement type of a care order and start its placement days."""
        levers = self.params.levers
        cum = self.placement_cumulative[band] if levers.perhehoito_share_target is None else self._perhehoito_cum(band)
        # both draws are made whatever the type, so the type never shifts the child's later draws
        u_type, u_special = self._u(child), self._u(child)
        placement = min(bisect_right(cum, u_type), len(Placement) - 1)
        child.placement = placement
        self.recorder.placement_started(child.area, placement)
        self.recorder.place(child, self._cost_category(child, placement, u_special), self.env.now)

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

    def _cost_category(self, child: Child, placement: int, u_special: float) -> int:
        """Family care and professional homes keep their type; an institutional placement is
        special-level with the scenario's share (the child's draw ``u_special``), else takes a
        free own bed or overflows to a purchased place."""
        if placement == Placement.PERHEHOITO:
            return CostCategory.PERHEHOITO
        if placement == Placement.AMMATILLINEN_PERHEKOTI:
            return CostCategory.AMMATILLINEN_PERHEKOTI
        if u_special < self.params.costs.special_level_share:
            return CostCategory.ERITYISTASON_LAITOSHOITO
        area = child.area
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
        if self._u(child) < self.params.jalkihuolto.uptake:
            self._start_jalkihuolto(child)
        else:
            self._exit(child)

    def _start_jalkihuolto(self, child: Child) -> None:
        """Aftercare starts.

        Steps: enter the state and start its support days; its end is the wanted length or the
        age limit in force (with the 2024 transition), whichever comes first (the 5-year rule
        counts from the last client contact, so it does not cut the episode unless the scenario
        reads it from the end of the placement); a minor's aftercare is part of open care, so an
        event at 18 hands the young person over.
        """
        self._set_state(child, State.JALKIHUOLTO)
        now = self.env.now
        self.recorder.place(child, CostCategory.JALKIHUOLTO, now)
        jalkihuolto = self.params.jalkihuolto
        wanted = self.sample_jalkihuolto(self._u(child))
        child.until = aftercare_end(
            now,
            wanted,
            child.placement_ended,
            jalkihuolto.max_years_after_last_client,
            child.birth,
            jalkihuolto.age_limit,
        )
        self._at(child.t18 if now < child.t18 < child.until else child.until, child)

    def _end_jalkihuolto(self, child: Child) -> None:
        """Aftercare's event: at 18 the young person moves to the adults' team and its counting
        rule; at the end of aftercare the young person exits."""
        if self.env.now < child.until:
            self.recorder.mark(child, self.env.now)  # now an adult in aftercare: its during-year group
            caseload = self.params.caseload
            adult_pool = self.pool_of[caseload.responsible_unit_adult[State.JALKIHUOLTO]][child.area]
            if child.pool is adult_pool:
                adult_pool.recount(child, caseload.count_jalkihuolto_18_plus)
            else:
                self._leave_pool(child)
                adult_pool.add(child, caseload.count_jalkihuolto_18_plus, self._u(child), self._u(child))
            self._at(child.until, child)
        else:
            self._exit(child)

    # ------------------------------------------------------------------ run

    def run(self) -> ModelRun:
        """Simulate from the origin through the last reported day; return the counts and what a
        replay of the worker pools and assessment queues needs."""
        with collector_paused():
            # the month event at end_day closes the last month (and the year, if it ends 31.12.)
            run_until(self.env, self.end_day + 0.5, EVENT_BUDGET)
        raw = self.recorder.raw(
            self.replication,
            tuple(self.scenario.areas),
            tuple(self.pool_keys),
            self.events + self.staff.events,
            self.parameters,
        )
        return ModelRun(
            raw=raw,
            pool_keys=tuple(self.pool_keys),
            pool_logs=tuple(pool.log for pool in self.pools),
            assessment_logs=tuple(self.assessment_logs),
            limit=self.params.caseload.limit,
            month_boundaries=tuple(self.month_boundaries),
            monitoring_days=tuple(self.monitoring_times),
            report_start=self.report_start,
            origin=self.origin,
            end_day=self.end_day,
        )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector inside the block; restore it after, also when the
    block fails (a caller who paused it already keeps it paused).

    A replication allocates millions of short-lived objects (events, children, their lists, the
    replays' lists), almost all freed by reference counting; the collector would only rescan the
    live ones again and again (a tenth of a replication's time in the event model; 7–8 % of the
    staffing search's replays, measured). What it could free is a replication's own structures,
    which live to its end anyway: they are collected once the block is over, so peak memory
    does not grow (national case 309 MiB either way, benchmarks/RESULTS.md). The event model
    pauses it for its run, :mod:`lsmitoitus.simulation.runner` and the staffing search for the
    whole replication."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_PLACEMENT_COST: dict[int, CostCategory] = {
    State.AVOHUOLLON_SIJOITUS: CostCategory.AVOHUOLLON_SIJOITUS,
    State.KIIREELLINEN_SIJOITUS: CostCategory.KIIREELLINEN_SIJOITUS,
}


def build_pool(
    specs: list[PostSpec],
    timelines: list[PostTimeline],
    limit: float,
    rules: PoolRules,
    clock: Clock,
) -> WorkerPool:
    """A team's pool with its posts' initial statuses (shared by the event model and the replay)."""
    return WorkerPool(
        [s.fte for s in specs], [s.lead for s in specs], [t.initial_status for t in timelines], limit, rules, clock
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


__all__ = ["Child", "ModelRun", "PathwayModel", "build_pool"]


def _subset(children: EventChildren, mask: np.ndarray) -> EventChildren:
    """The children of a block selected by ``mask``, in the same order."""
    return EventChildren(**{f: getattr(children, f)[mask] for f in EventChildren.__dataclass_fields__})
