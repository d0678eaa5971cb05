"""The model core against a hand-written ``heapq`` event loop of the same work (issue 21, item 4).

    nice python benchmarks/heapq_yardstick.py              # 3 rounds: table, event counts, verdict
    nice python benchmarks/heapq_yardstick.py --rounds 5

Target: the core's marginal time per replication ≤ 1.5 × that of a plain-Python event loop on a
``heapq`` that does the same work for the bundled default (``lsmitoitus.load_scenario()``).

Measured: the marginal time per replication, time(n=6) − time(n=2) over 4, of
``lsmitoitus.simulate(scenario, replications=n, seed=…, jobs=1)`` and of the loop below (same n,
same seed), each n in a fresh subprocess, core and loop alternately (which of them goes first
alternates by round), so imports, the holiday calendar and other one-off costs cancel and a busy
machine slows both alike. Both wall-clock and CPU time are reported; the medians of the rounds
give the ratio core / loop. The event counts per replication (the same difference over 4) must
agree within ±5 % (asserted), or the loop is not doing the core's work.

What the loop does, per replication, in its own code (plain Python on a ``heapq`` of
``(time, sequence, kind, payload)``; numpy for the year blocks of arrivals, as the core):

* the same parameter set: the core's own draw of the uncertain parameters
  (``replication_scenario``) and ``ModelParameters.from_scenario``, so replication r of the loop
  has the same parameters as replication r of the core;
* arrivals a year block at a time: notifications per day and area (Poisson, the core's daily
  rates with seasonality), newly notified children (binomial with the year's share), siblings
  (geometric families that share urgency, delay and decisions), age at notification by band,
  urgency (emergency placement at once, by year and band), processing delay in working days on
  the Finnish calendar, the decision on an assessment by year and band at the decision; counted
  by month (notifications, new children, entries, decisions, late decisions, exits, stocks);
* assessments: each area's slots first come first served (a heap of busy slots per area, no
  events, as the core), lognormal working times, starts / late starts / completions / late
  completions / waiting / queue and stock by month, distinct children in assessment per year;
  then the client decision (by year and band at the end, the family's draw);
* one event per child state change, as the core: open care (what it leads to by year and band,
  a first episode's table or the one after a placement), open-care placement, emergency
  placement (care order or home within the legal maximum, the extension), care order and
  substitute care (placement type by band, special-level, own bed or purchased place),
  aftercare (uptake, wanted length cut by the age limit with its 2024 transition, the hand-over
  at 18 to the adults' team); every end at 18 as the core;
* the responsible-worker lists of every team (3 open-care area teams, the county's substitute-care
  and aftercare teams, leads): a child is put on a worker's list in its unit's team on entry
  (a sibling's worker, else the next present worker in turn, else a lead with room, else
  unassigned) and taken off on exit or a change of team; counted lists, workers over the limit
  and child-days over it, the limit's changes (35 in 2022, 30 in 2024);
* staff events of every post, one event each, as the core: leavers (lists to leads up to their
  cap, then the least-loaded colleague), hires (a reduced list for the first months, children
  back from leads and unassigned, taken up to the team mean), summer leave, sick leave and
  parental leave (lists wait, or move to colleagues), returns;
* the recorder: stocks, entries, exits and flows per area, placement days by cost category,
  distinct children per during-year group (every active child marked at each new year),
  month-end snapshots of flows, stocks and every team (clients, counted, workers in post,
  vacancies, longest list, over the limit, …), THL's monitoring days (list quantiles);
* its replications' arrays go through the core's own ``build_results`` (the tidy frames
  ``simulate`` returns), so the output work is the same too.

Calls into the package, the same calls with the same arguments the core makes (so they cost the
same on both sides; the loop reports their time apart): the parameter draw and
``ModelParameters``, the core's vectorised initial state (``initial_clients``: who is a client
or in the pipeline on day 0; the loop then seeds its own children from it), the daily
notification rates, the working-day calendar (cached per process by both) and ``build_results``.

Not mirrored (stated in the output too): the loop's random numbers are ``random.Random`` and numpy
streams, not the core's counter-based per-child draws (so no common random numbers between
scenarios, and the two do not give the same numbers, only the same distributions); a vacancy is
drawn directly as a gamma time with the mean that gives the fill rate (the core draws the
recruitment time from the notice on and solves for its mean); the allocation uniforms and the
replay logs the default's rule does not use are not drawn or kept. The core's per-child hashes and
its exact inverse CDFs are work the loop does not do, so the comparison leans against the core.
Only the default's settings are mirrored (round-robin allocation, no rationing, assessments queue,
no levers, no staffing plan): the loop refuses any other scenario. Checked against the core on 12
replications with the same seeds: events per replication −0.5 % (± 0.6 %), child state changes
and staff events each within one standard error, stocks of every state within 0–1.5 %.
"""

from __future__ import annotations

import argparse
import datetime as dt
import heapq
import itertools
import json
import math
import random
import statistics
import subprocess
import sys
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

import lsmitoitus
from lsmitoitus import Scenario, load_scenario
from lsmitoitus.model import CORE
from lsmitoitus.model.calendar import calendar_for
from lsmitoitus.model.caseload import Allocation, Cover
from lsmitoitus.model.demand import daily_notification_rates
from lsmitoitus.model.initial_state import initial_clients
from lsmitoitus.model.parameters import NO_UNIT, ModelParameters, Rationing, StaffingParameters, WhenShort
from lsmitoitus.model.posts import unit_posts
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.raw import FLOW, FLOWS, GROUPS, LIST_MEASURES, STOCK, STOCKS, RawReplication
from lsmitoitus.scenario.schema import Duration, WorkingDayDelay
from lsmitoitus.simulation.results import SimulationResults, build_results
from lsmitoitus.simulation.runner import replication_scenario, with_run_settings
from lsmitoitus.vocabulary import (
    AGE_BAND_BOUNDS,
    COST_CATEGORIES,
    DAYS_PER_YEAR,
    DURING_YEAR_GROUPS,
    UNITS,
    Ages,
    CostCategory,
    Outcome,
    Placement,
    State,
)

TARGET = 1.5  # core / loop, marginal time per replication
EVENT_TOLERANCE = 0.05
SMALL_N, LARGE_N = 2, 6
BLOCK_DAYS = 365

# states, outcomes, cost categories and placements as plain ints (the loop's hot path)
NONE, AT_18, REUNIFY = int(Outcome.NONE), int(Outcome.AT_18), int(Outcome.REUNIFY)
KASITTELY, ARVIOINTI = int(State.KASITTELY), int(State.ARVIOINTI)
AVOHUOLTO, AVOHUOLLON_SIJOITUS = int(State.AVOHUOLTO), int(State.AVOHUOLLON_SIJOITUS)
KIIREELLINEN, SIJAISHUOLTO, JALKIHUOLTO = (
    int(State.KIIREELLINEN_SIJOITUS),
    int(State.SIJAISHUOLTO),
    int(State.JALKIHUOLTO),
)
OUTCOMES = (AVOHUOLLON_SIJOITUS, KIIREELLINEN, SIJAISHUOLTO, NONE)  # open care's cumulative table order
C_PERHE, C_AMMATILLINEN = int(CostCategory.PERHEHOITO), int(CostCategory.AMMATILLINEN_PERHEKOTI)
C_OMA, C_OSTETTU = int(CostCategory.LAITOSHOITO_OMA), int(CostCategory.LAITOSHOITO_OSTETTU)
C_ERITYIS, C_KIIREELLINEN = int(CostCategory.ERITYISTASON_LAITOSHOITO), int(CostCategory.KIIREELLINEN_SIJOITUS)
C_AVO_SIJOITUS, C_JALKIHUOLTO = int(CostCategory.AVOHUOLLON_SIJOITUS), int(CostCategory.JALKIHUOLTO)
N_PLACEMENTS = len(Placement)
ADULT_DAYS = 18 * DAYS_PER_YEAR
BAND_UPPER = [hi * DAYS_PER_YEAR for _, hi in AGE_BAND_BOUNDS]
BAND_UPPER_ARRAY = np.array(BAND_UPPER)
LAST_BAND = len(BAND_UPPER) - 1
MINORS, ADULTS = int(Ages.MINORS), int(Ages.ADULTS)

# output columns (the core's RawReplication layout, so build_results reads the loop's arrays)
F_NOTIFICATIONS, F_NEW = FLOW[("kasittely", "notifications")], FLOW[("kasittely", "new_children")]
F_DECISIONS, F_DECISIONS_LATE = FLOW[("kasittely", "decisions")], FLOW[("kasittely", "decisions_late")]
F_STARTED, F_STARTED_LATE = FLOW[("arviointi", "assessments_started")], FLOW[("arviointi", "assessments_started_late")]
F_COMPLETED = FLOW[("arviointi", "assessments_completed")]
F_COMPLETED_LATE = FLOW[("arviointi", "assessments_completed_late")]
F_WAIT, F_ENTRIES_ARVIOINTI = FLOW[("arviointi", "assessment_wait_days")], FLOW[("arviointi", "entries")]
F_ENTRIES, F_ENTRIES_KASITTELY = FLOW[("kasittely", "entries")], FLOW[("kasittely", "entries")]
F_CARE_ORDERS, F_EXTENSIONS = FLOW[("sijaishuolto", "care_orders")], FLOW[("kiireellinen_sijoitus", "extensions")]
F_REUNIFICATIONS, F_AT_18 = FLOW[("sijaishuolto", "reunifications")], FLOW[("sijaishuolto", "care_ended_at_18")]
F_OVERFLOW, F_EXITS = FLOW[("laitoshoito_ostettu", "overflow_from_own_beds")], FLOW[("kaikki", "exits")]
F_PLACEMENTS_STARTED = FLOW[("perhehoito", "placements_started")]
F_PLACEMENT_DAYS = FLOW[(COST_CATEGORIES[0], "placement_days")]
S_KASITTELY, S_ARVIOINTI = STOCK[("kasittely", "children")], STOCK[("arviointi", "children")]
S_QUEUE, S_IN_PLACEMENT = STOCK[("arviointi", "queue")], STOCK[("perhehoito", "children")]
S_ENTERED, S_EXITED = STOCK[("kaikki", "entered_total")], STOCK[("kaikki", "exited_total")]
S_OWN_BEDS = STOCK[("laitoshoito_oma", "beds_occupied")]
G_ARVIOINNISSA = GROUPS.index("arvioinnissa")
N_FLOWS, N_STOCKS, N_GROUPS, N_COSTS = len(FLOWS), len(STOCKS), len(GROUPS), len(COST_CATEGORIES)

# heap entry kinds: the first four are counted as events, as the core counts them
K_CHILD, K_STAFF, K_CLIENT, K_EMERGENCY, K_BLOCK, K_MONTH, K_MONITORING, K_LIMIT = range(8)
# post status, staff event kinds, list markers
CLOSED, VACANT, PRESENT, ABSENT_WAIT, ABSENT_AWAY = range(5)
HIRE, DEPART, ABSENT, RETURN, RAMP_END = range(5)
WAIT, COLLEAGUES, LEAD = int(Cover.WAIT), int(Cover.COLLEAGUES), int(Cover.LEAD)
NO_POST, NEW_COVER = -1, -2
SUMMER_DAYS = 92

StaffEvent = tuple[float, int, float, int]  # time, kind, capacity of a hire, cover of an absence


# ------------------------------------------------------------------------------------------- entities


class Kid:
    """A child in the event loop: area, birth, family, where it is and its worker."""

    __slots__ = (
        "area",
        "birth",
        "cost_cat",
        "counted",
        "cover_from",
        "family",
        "marks",
        "next",
        "placed_at",
        "placement",
        "placement_ended",
        "post",
        "serial",
        "state",
        "t18",
        "team",
        "until",
    )

    def __init__(self, serial: int, area: int, birth: float, family: int) -> None:
        self.serial = serial
        self.area = area
        self.birth = birth
        self.t18 = birth + ADULT_DAYS
        self.family = family
        self.state = NONE
        self.next = NONE
        self.until = 0.0
        self.placed_at = 0.0
        self.placement_ended = 0.0
        self.placement = -1
        self.cost_cat = -1
        self.team: Team | None = None
        self.post = NO_POST
        self.counted = False
        self.cover_from = NO_POST
        self.marks = [-1] * N_GROUPS


def _serial(kid: Kid) -> int:
    return kid.serial


class Clock:
    """The loop's time, read by the teams."""

    __slots__ = ("now",)

    def __init__(self) -> None:
        self.now = 0.0


class Team:
    """The posts of one team and the lists of its workers (round-robin allocation, siblings
    together, leads holding vacant posts' lists up to a cap, unassigned when nobody can)."""

    def __init__(
        self, fte: list[float], is_lead: list[bool], status: list[int], lead_cap: int, rebalance: bool, clock: Clock
    ) -> None:
        n = len(fte)
        self.fte, self.is_lead, self.status, self.cap = fte, is_lead, status, list(fte)
        self.lists: list[set[Kid]] = [set() for _ in range(n)]
        self.counted = [0] * n
        self.workers = [p for p in range(n) if not is_lead[p]]
        self.leads = [p for p in range(n) if is_lead[p]]
        self.present = [p for p in self.workers if status[p] == PRESENT]
        self.unassigned: set[Kid] = set()
        self.family_post: dict[int, int] = {}
        self.family_count: dict[int, int] = {}
        self.limit = math.inf
        self.lead_cap = lead_cap
        self.rebalance = rebalance
        self.next_rr = 0
        self.reassignments = 0
        self.over_sum = 0
        self.n_over = 0
        self.days_over = 0.0
        self.t_last = 0.0
        self.clock = clock

    # --- counters
    def _set_counted(self, post: int, new: int) -> None:
        old = self.counted[post]
        t = self.clock.now
        self.days_over += self.over_sum * (t - self.t_last)
        self.t_last = t
        limit = self.limit * self.fte[post]
        if old > limit:
            self.over_sum -= old
            self.n_over -= 1
        if new > limit:
            self.over_sum += new
            self.n_over += 1
        self.counted[post] = new

    def set_limit(self, limit: float) -> None:
        t = self.clock.now
        self.days_over += self.over_sum * (t - self.t_last)
        self.t_last = t
        self.limit = limit
        over = [c for p, c in enumerate(self.counted) if c > limit * self.fte[p]]
        self.over_sum, self.n_over = sum(over), len(over)

    # --- lists
    def _place(self, kid: Kid, post: int) -> None:
        kid.team = self
        kid.post = post
        if post == NO_POST:
            self.unassigned.add(kid)
            return
        self.lists[post].add(kid)
        if kid.counted:
            self._set_counted(post, self.counted[post] + 1)
        if not self.is_lead[post]:
            self.family_post[kid.family] = post

    def _unplace(self, kid: Kid) -> None:
        post = kid.post
        if post == NO_POST:
            self.unassigned.discard(kid)
            return
        self.lists[post].discard(kid)
        if kid.counted:
            self._set_counted(post, self.counted[post] - 1)

    def _move(self, kid: Kid, post: int) -> None:
        if kid.post != NO_POST and post != NO_POST and kid.post != post:
            self.reassignments += 1
        self._unplace(kid)
        self._place(kid, post)

    def _least_loaded(self) -> int:
        best, best_load = NO_POST, math.inf
        for p in self.present:
            load = len(self.lists[p]) / self.cap[p]
            if load < best_load:
                best, best_load = p, load
        return best

    def _lead_with_room(self) -> int:
        best, best_n = NO_POST, self.lead_cap
        for p in self.leads:
            if self.status[p] == PRESENT:
                n = sum(1 for c in self.lists[p] if c.cover_from != NO_POST)
                if n < best_n:
                    best, best_n = p, n
        return best

    def add(self, kid: Kid, counted: bool) -> None:
        """A new client: a sibling's present worker, else the next present worker in turn, else a
        lead with room, else unassigned."""
        kid.counted = counted
        kid.cover_from = NO_POST
        post = self.family_post.get(kid.family, NO_POST)
        if post == NO_POST or self.status[post] != PRESENT:
            present = self.present
            if present:
                start = self.next_rr
                post = next((p for p in present if p >= start), present[0])
                self.next_rr = post + 1
            else:
                post = self._lead_with_room()
                if post != NO_POST:
                    kid.cover_from = NEW_COVER
        self._place(kid, post)
        self.family_count[kid.family] = self.family_count.get(kid.family, 0) + 1

    def remove(self, kid: Kid) -> None:
        self._unplace(kid)
        kid.team = None
        left = self.family_count[kid.family] - 1
        if left:
            self.family_count[kid.family] = left
        else:
            del self.family_count[kid.family]
            self.family_post.pop(kid.family, None)

    def recount(self, kid: Kid, counted: bool) -> None:
        if kid.counted != counted:
            kid.counted = counted
            if kid.post != NO_POST:
                self._set_counted(kid.post, self.counted[kid.post] + (1 if counted else -1))

    # --- staff events
    def _set_status(self, post: int, status: int) -> None:
        was_present = self.status[post] == PRESENT
        self.status[post] = status
        if self.is_lead[post] or was_present == (status == PRESENT):
            return
        if status == PRESENT:
            self.present.append(post)
            self.present.sort()
        else:
            self.present.remove(post)

    def _evacuate(self, post: int, cover: int) -> None:
        leaving = sorted(self.lists[post], key=_serial)
        for kid in leaving:
            self._unplace(kid)
        for family in {k.family for k in leaving}:
            if self.family_post.get(family) == post:
                del self.family_post[family]
        for kid in leaving:
            target = NO_POST
            if cover == LEAD:
                target = self._lead_with_room()
                if target != NO_POST:
                    kid.cover_from = post
            if target == NO_POST:
                sibling = self.family_post.get(kid.family, NO_POST)
                target = sibling if sibling != NO_POST and self.status[sibling] == PRESENT else self._least_loaded()
                kid.cover_from = NO_POST
            if target != NO_POST:
                self.reassignments += 1
            self._place(kid, target)

    def _take_back(self, post: int, rebalance: bool) -> None:
        for lead in self.leads:
            for kid in sorted((c for c in self.lists[lead] if c.cover_from in (post, NEW_COVER)), key=_serial):
                kid.cover_from = NO_POST
                self._move(kid, post)
        for kid in sorted(self.unassigned, key=_serial):
            self._move(kid, post)
        if not (rebalance and self.rebalance):
            return
        present, lists, cap = self.present, self.lists, self.cap
        target = sum(len(lists[p]) for p in present) * cap[post] / sum(cap[p] for p in present)
        while len(lists[post]) < math.floor(target):
            donor = max(present, key=lambda p: (len(lists[p]) / cap[p], -p))
            if donor == post or len(lists[donor]) / cap[donor] <= (len(lists[post]) + 1) / cap[post]:
                break
            self._move(min(lists[donor], key=_serial), post)

    def staff_event(self, post: int, kind: int, capacity: float, cover: int) -> None:
        status = self.status[post]
        if kind == HIRE:
            self._set_status(post, PRESENT)
            self.cap[post] = self.fte[post] * capacity
            self._take_back(post, True)
        elif kind == DEPART:
            self._set_status(post, VACANT)
            self._evacuate(post, LEAD if self.leads else COLLEAGUES)
        elif kind == ABSENT:
            if status == PRESENT:
                self._set_status(post, ABSENT_WAIT if cover == WAIT else ABSENT_AWAY)
                if cover != WAIT:
                    self._evacuate(post, cover)
        elif kind == RETURN:
            if status in (ABSENT_WAIT, ABSENT_AWAY):
                self._set_status(post, PRESENT)
                self._take_back(post, status == ABSENT_AWAY)
        else:  # RAMP_END
            self.cap[post] = self.fte[post]

    # --- observation
    def snapshot(self, take: bool = True) -> tuple[float, ...]:
        """The month-end row, in the order of the core's POOL_MEASURES."""
        status, lists, counted = self.status, self.lists, self.counted
        in_post = vacancies = absent = 0
        fte_in_post = 0.0
        for p in self.workers:
            s = status[p]
            if s == PRESENT:
                in_post += 1
                fte_in_post += self.fte[p]
            elif s == VACANT:
                vacancies += 1
            elif s in (ABSENT_WAIT, ABSENT_AWAY):
                absent += 1
        unassigned_counted = sum(1 for c in self.unassigned if c.counted)
        days_over, moved = math.nan, math.nan
        if take:
            t = self.clock.now
            days_over = self.days_over + self.over_sum * (t - self.t_last)
            self.days_over, self.t_last = 0.0, t
            moved, self.reassignments = self.reassignments, 0
        return (
            sum(map(len, lists)) + len(self.unassigned),
            sum(counted) + unassigned_counted,
            in_post,
            vacancies,
            max((counted[p] for p in range(len(status)) if lists[p]), default=0),
            self.n_over,
            days_over,
            unassigned_counted,
            self.limit if self.limit != math.inf else math.nan,
            absent,
            sum(1 for p in self.leads for c in lists[p] if c.cover_from != NO_POST),
            fte_in_post,
            moved,
        )


# ------------------------------------------------------------------------------------------- helpers


def sampler(rng: random.Random, spec: Duration) -> Callable[[], float]:
    """Draws of a duration (days) with the spec's family, mean and cv."""
    mean, cv = spec.mean_days, spec.cv
    if spec.distribution == "exponential":
        rate = 1.0 / mean
        return lambda: rng.expovariate(rate)
    if spec.distribution == "gamma":
        shape = 1.0 / (cv * cv)
        scale = mean / shape
        return lambda: rng.gammavariate(shape, scale)
    sigma = math.sqrt(math.log1p(cv * cv))
    mu = math.log(mean) - 0.5 * sigma * sigma
    return lambda: rng.lognormvariate(mu, sigma)


def sample_array(g: np.random.Generator, family: str, mean: float, cv: float, n: int) -> np.ndarray:
    """``n`` draws of a duration with the family, mean and cv (numpy, for a block)."""
    if family == "exponential":
        return g.exponential(mean, n)
    if family == "gamma":
        shape = 1.0 / (cv * cv)
        return g.gamma(shape, mean / shape, n)
    sigma = math.sqrt(math.log1p(cv * cv))
    return g.lognormal(math.log(mean) - 0.5 * sigma * sigma, sigma, n)


def band_of(age_days: np.ndarray) -> np.ndarray:
    return np.minimum(np.searchsorted(BAND_UPPER_ARRAY, age_days, side="right"), LAST_BAND)


def add_counts(target: np.ndarray, month: np.ndarray, area: np.ndarray, weights: np.ndarray | None = None) -> None:
    n_months, n_areas = target.shape
    flat = np.bincount(month * n_areas + area, weights=weights, minlength=n_months * n_areas)
    target += flat[: n_months * n_areas].reshape(n_months, n_areas)


def age_limit_reached(limits: Sequence[tuple[float, float, float]], birth: float, now: float) -> float:
    """First time ≥ now at which the age limit in force is reached (with a step's transition)."""
    for i, (start, limit, transition_until) in enumerate(limits):
        stop = limits[i + 1][0] if i + 1 < len(limits) else math.inf
        t = max(start, now, birth + limit * DAYS_PER_YEAR)
        if t < stop:
            if i > 0 and t == start and transition_until > start:
                previous = birth + limits[i - 1][1] * DAYS_PER_YEAR
                if previous > start:
                    return max(now, min(transition_until, previous))
            return t
    return math.inf


@lru_cache(maxsize=4)
def month_deadlines(origin: dt.date, n_days: int, months: int) -> np.ndarray:
    """The day ``months`` calendar months after each day (once per process, as the core)."""
    return np.asarray(calendar_for(origin, n_days).month_deadlines(months))


def monitoring_days(start: dt.date, end: dt.date, origin: dt.date) -> list[tuple[int, dt.date]]:
    """THL's monitoring days: the second Tuesday of April and October."""
    out = []
    for year in range(start.year, end.year + 1):
        for month in (4, 10):
            first = dt.date(year, month, 1)
            day = first + dt.timedelta(days=(1 - first.weekday()) % 7 + 7)
            if start <= day <= end:
                out.append(((day - origin).days, day))
    return out


def quantile(ordered: list[float], q: float) -> float:
    h = (len(ordered) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (h - lo) * (ordered[hi] - ordered[lo])


def check_default(scenario: Scenario, params: ModelParameters) -> None:
    """The loop mirrors the bundled default's settings only: refuse anything else."""
    c, levers = params.caseload, params.levers
    unsupported = {
        "allocation is not round_robin": c.pool_rules.allocation != Allocation.ROUND_ROBIN,
        "rationing is on": c.rationing != Rationing.OFF,
        "arviointi.when_short is not queue": params.arviointi.when_short != WhenShort.QUEUE,
        "a lever is set": bool(
            levers.avohuolto_escalation_reduction
            or levers.perhehoito_share_target is not None
            or levers.reunification_speedup
            or scenario.levers.avohuolto_extra_posts
        ),
        "a staffing plan is set": bool(scenario.staffing_plan),
    }
    wrong = [reason for reason, bad in unsupported.items() if bad]
    if wrong:
        raise SystemExit(f"heapq yardstick: only the bundled default is mirrored ({'; '.join(wrong)})")


# ------------------------------------------------------------------------------------------- one replication


class Replication:
    """One replication of the default, as a plain heapq event loop."""

    def __init__(self, scenario: Scenario, rep_seed: np.random.SeedSequence, replication: int) -> None:
        self.shared = 0.0  # seconds in the package's functions the core calls alike
        self.rep_seed = rep_seed
        started = time.perf_counter()
        drawn, self.multipliers = replication_scenario(scenario, rep_seed)
        sim = drawn.simulation
        origin = dt.date(sim.start.year - sim.warmup_years, sim.start.month, 1)
        self.origin, self.replication = origin, replication
        self.end_day = end_day = (sim.end - origin).days + 1
        self.report_start = (sim.start - origin).days
        p = self.p = ModelParameters.from_scenario(drawn, origin, rep_seed)
        self.shared += time.perf_counter() - started
        check_default(drawn, p)
        self.scenario = drawn
        self.areas = drawn.area_names
        n_areas = self.n_areas = len(self.areas)
        entropy = int(np.random.SeedSequence(rep_seed.entropy, spawn_key=(*rep_seed.spawn_key, 7)).generate_state(1)[0])
        self.rng = rng = random.Random(entropy)
        self.g = np.random.default_rng(entropy)
        self.clock = Clock()
        self.heap: list[tuple[float, int, int, Any]] = []
        self.seq = itertools.count()
        self.serial = 0
        self.next_family = 1  # families: numbered in order of arrival (negative: clients of day 0)
        self.active: set[Kid] = set()
        # calendar and tables
        cal = calendar_for(origin, end_day)
        self.day_year = np.clip(cal.year - origin.year, 0, len(p.demand.p_new_child) - 1)
        self.year_of_day: list[int] = self.day_year.tolist()
        self.working = cal.cumulative
        self.decision_deadline = np.asarray(cal.working_day_row(p.kasittely.decision_deadline_working_days))
        self.start_deadline = np.asarray(cal.working_day_row(p.arviointi.start_deadline_working_days))
        self.completion_deadline = month_deadlines(origin, end_day, p.arviointi.completion_deadline_months)
        self.first_cum = p.avohuolto.outcome_cumulative
        self.after_cum = p.avohuolto.after_placement_cumulative
        self.placement_cum = p.sijaishuolto.placement_type_cumulative
        self.draw_avohuolto = sampler(rng, p.avohuolto.duration)
        self.draw_avo_sijoitus = sampler(rng, p.avohuollon_sijoitus.duration)
        self.draw_home = sampler(rng, p.kiireellinen_sijoitus.home_duration)
        self.draw_until_order = sampler(rng, p.kiireellinen_sijoitus.until_care_order)
        self.draw_sijaishuolto = sampler(rng, p.sijaishuolto.duration)
        self.draw_jalkihuolto = sampler(rng, p.jalkihuolto.duration)
        self.own_beds = p.costs.own_beds
        # calendar events first, so that at equal times they precede the rest (as the core)
        self.month_boundaries: list[int] = []
        day = origin
        while True:
            day = (day.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
            index = (day - origin).days
            if index > end_day:
                break
            self.month_boundaries.append(index)
            self._push(index, K_MONTH, day)
        for index, date in monitoring_days(sim.start, sim.end, origin):
            self._push(index + 0.5, K_MONITORING, date)
        for step_start, value in p.caseload.limit:
            if 0 < step_start < end_day:
                self._push(step_start, K_LIMIT, value)
        # recorder
        n_months = len(self.month_boundaries)
        self.pre_flows = np.zeros((n_months + 2, n_areas, N_FLOWS))
        self.pre_stocks = np.zeros((n_months + 2, n_areas, N_STOCKS))
        self.pre_during = np.zeros((n_months // 12 + 3, n_areas, N_GROUPS))
        self.pre_stock_now = np.zeros((n_areas, N_STOCKS))
        self.stock = [[0] * N_STOCKS for _ in range(n_areas)]
        self.flow = [[0.0] * N_FLOWS for _ in range(n_areas)]
        self.during = [[0] * N_GROUPS for _ in range(n_areas)]
        self.placed = [[0] * N_COSTS for _ in range(n_areas)]
        self.placed_days = [[0.0] * N_COSTS for _ in range(n_areas)]
        self.placed_since = [[0.0] * N_COSTS for _ in range(n_areas)]
        self.groups_of_state: list[list[tuple[int, int]]] = [[] for _ in State]
        for g, (states, ages) in enumerate(DURING_YEAR_GROUPS.values()):
            for state in states:
                self.groups_of_state[state].append((g, int(ages)))
        self.month, self.year, self.first_year, self.start_year = 0, origin.year, origin.year, sim.start.year
        self.month_rows: list[tuple[dt.date, np.ndarray, np.ndarray, np.ndarray]] = []
        self.year_rows: list[tuple[int, np.ndarray]] = []
        self.point_rows: list[tuple[dt.date, np.ndarray]] = []
        self._setup_teams()
        # arrivals: a block event a year; assessment slots per area
        self.rates = daily_notification_rates(drawn, origin, end_day)
        self.month_of_day = np.searchsorted(np.asarray(self.month_boundaries), np.arange(cal.n_days), side="right")
        self.slots = p.arviointi.slots
        self.busy: list[list[float]] = [[] for _ in range(n_areas)]
        self.pending: list[tuple[np.ndarray, ...]] = []
        for first in range(0, end_day, BLOCK_DAYS):
            self._push(first, K_BLOCK, first)
        self.events = {"blocks": 0, "entries": 0, "child state changes": 0, "staff": 0}
        self._seed_initial_clients()

    def _push(self, t: float, kind: int, payload: object) -> None:
        heapq.heappush(self.heap, (t, next(self.seq), kind, payload))

    # --- setup --------------------------------------------------------------------------------

    def _setup_teams(self) -> None:
        s, c = self.scenario, self.p.caseload
        summers = [
            float((dt.date(y, 6, 1) - self.origin).days) for y in range(self.origin.year, s.simulation.end.year + 1)
        ]
        self.teams: list[Team] = []
        self.pool_keys: list[tuple[str, str]] = []
        team_of: list[list[Team]] = []  # [unit][area]
        for unit in UNITS:
            by_area: dict[str, Team] = {}
            for team_name, specs in unit_posts(s, unit).items():
                timelines = [self._post_events(spec.staff, spec.lead, summers) for spec in specs]
                status = [
                    PRESENT if spec.lead or filled else VACANT
                    for spec, (filled, _) in zip(specs, timelines, strict=True)
                ]
                team = Team(
                    [spec.fte for spec in specs],
                    [spec.lead for spec in specs],
                    status,
                    c.pool_rules.lead_cap,
                    c.pool_rules.rebalance_on_hire,
                    self.clock,
                )
                for post, (_, events) in enumerate(timelines):
                    if events:
                        self._push(events[0][0], K_STAFF, (team, post, events, 0))
                self.teams.append(team)
                self.pool_keys.append((unit, team_name))
                for area in s.organisation.team_areas(unit, self.areas)[team_name]:
                    by_area[area] = team
            team_of.append([by_area[a] for a in self.areas])

        def teams_of(unit: int) -> list[Team | None]:
            return [None] * self.n_areas if unit == NO_UNIT else list(team_of[unit])

        self.minor_team = [teams_of(c.responsible_unit_under_18[state]) for state in State]
        self.adult_team = [teams_of(c.responsible_unit_adult[state]) for state in State]
        self.count_adults = c.count_jalkihuolto_18_plus

    def _post_events(
        self, staff: StaffingParameters, lead: bool, summers: list[float]
    ) -> tuple[bool, list[StaffEvent]]:
        """Whether a post is filled on day 0, and its staff events: filled spells (exponential,
        1 / turnover) ending with the notice, a gamma vacancy whose mean gives the fill rate, a new
        worker's reduced list, and absences while filled."""
        if lead:
            return True, []
        rng, end = self.rng, float(self.end_day)
        filled = rng.random() < staff.fill_rate
        mean_filled = DAYS_PER_YEAR / staff.turnover_per_year if staff.turnover_per_year > 0 else math.inf
        vacancy = 0.0
        if staff.fill_rate < 1.0 and mean_filled < math.inf:
            vacancy = (mean_filled + staff.notice_days) * (1.0 - staff.fill_rate) / staff.fill_rate
        shape = 1.0 / staff.recruitment_delay_cv**2
        ramp = staff.ramp_up_days > 0 and staff.ramp_up_capacity < 1.0
        a = staff.absences
        out: list[StaffEvent] = []
        t, first_filled = 0.0, filled
        while t < end:
            hired = -math.inf
            if not filled:
                t += rng.gammavariate(shape, vacancy / shape) if vacancy > 0 else 0.0
                if t >= end:
                    break
                out.append((t, HIRE, staff.ramp_up_capacity if ramp else 1.0, WAIT))
                hired = t
            depart = t + rng.expovariate(1.0 / mean_filled) + staff.notice_days if mean_filled < math.inf else math.inf
            stop = min(depart, end)
            spell: list[StaffEvent] = []
            if ramp and hired > -math.inf and hired + staff.ramp_up_days < stop:
                spell.append((hired + staff.ramp_up_days, RAMP_END, 1.0, WAIT))
            spells: list[tuple[float, float, int]] = []
            for june in summers:
                begin = june + rng.random() * max(0.0, SUMMER_DAYS - a.summer_leave_days)
                if a.summer_leave_days > 0 and t < begin < stop:
                    spells.append((begin, a.summer_leave_days, int(a.cover.summer)))
            for rate, mean, rule in (
                (a.sick_leave_spells_per_year, a.sick_leave_mean_days, a.cover.sick),
                (a.parental_leave_per_year, a.parental_leave_mean_days, a.cover.parental),
            ):
                u = t
                while rate > 0:
                    u += rng.expovariate(rate / DAYS_PER_YEAR)
                    if u >= stop:
                        break
                    spells.append((u, rng.expovariate(1.0 / mean), int(rule)))
            busy_until = -math.inf
            for begin, length, cover in sorted(spells):
                if begin < busy_until:
                    continue
                busy_until = begin + length
                spell.append((begin, ABSENT, 1.0, cover))
                if busy_until < stop:
                    spell.append((busy_until, RETURN, 1.0, WAIT))
            out += sorted(spell)
            if depart >= end:
                break
            out.append((depart, DEPART, 1.0, WAIT))
            t, filled = depart, False
        return first_filled, out

    def _seed_initial_clients(self) -> None:
        """Day 0: the core's vectorised initial state (the same call the core makes), each client
        seeded as the core seeds it, and the pipeline (processing, assessments under way)."""
        started = time.perf_counter()
        start = initial_clients(self.scenario, self.p, self.rep_seed, self.day_year)
        self.shared += time.perf_counter() - started
        for i in range(start.area.size):
            self.serial += 1
            kid = Kid(self.serial, int(start.area[i]), float(start.birth[i]), -1 - i)
            self.active.add(kid)
            self.stock[kid.area][S_ENTERED] += 1
            state, end, nxt = int(start.state[i]), float(start.end[i]), int(start.nxt[i])
            self._set_state(kid, state)
            aged = end >= kid.t18 - 1e-9
            if state == AVOHUOLTO:
                kid.next = nxt if nxt >= 0 else NONE
            elif state in (AVOHUOLLON_SIJOITUS, KIIREELLINEN):
                self._place(kid, C_AVO_SIJOITUS if state == AVOHUOLLON_SIJOITUS else C_KIIREELLINEN)
                kid.placed_at = float(start.start[i])
                kid.next = AT_18 if aged else (nxt if nxt >= 0 else AVOHUOLTO)
            elif state == SIJAISHUOLTO:
                band = min(bisect_right(BAND_UPPER, float(start.start[i]) - kid.birth), LAST_BAND)
                self._place_in_care(kid, band)
                kid.next = AT_18 if aged else REUNIFY
            else:
                self._place(kid, C_JALKIHUOLTO)
                kid.until = end
                kid.placement_ended = float(start.start[i])
                end = kid.t18 if 0 < kid.t18 < end else end
            self._push(end, K_CHILD, kid)
        pipe = start.pipeline
        n = pipe.area.size
        if n == 0:
            return
        area = pipe.area.astype(np.int64)
        month_end = np.searchsorted(np.asarray(self.month_boundaries), np.floor(pipe.end), side="right")
        for i, a in enumerate(area.tolist()):
            self.stock[a][S_ENTERED] += 1
            column = S_KASITTELY if pipe.state[i] == KASITTELY else S_ARVIOINTI
            self.pre_stocks[0, a, column] += 1
            self.pre_stocks[month_end[i], a, column] -= 1
        family = -1 - start.area.size - np.arange(n)
        u_client = self.g.random(n)
        processing = pipe.state == KASITTELY
        queued = processing & (pipe.nxt == ARVIOINTI)
        leaving = np.flatnonzero(processing & ~queued)
        add_counts(self.pre_flows[:, :, F_EXITS], month_end[leaving], area[leaving])
        add_counts(self.pre_stocks[:, :, S_EXITED], month_end[leaving], area[leaving])
        q = np.flatnonzero(queued)
        self._add_assessments(pipe.end[q], area[q], pipe.birth[q], family[q], u_client[q], np.zeros(q.size, np.int64))
        assessing = np.flatnonzero(pipe.state == ARVIOINTI)
        for i in assessing.tolist():
            heapq.heappush(self.busy[area[i]], float(pipe.end[i]))
            self.pre_during[0, area[i], G_ARVIOINNISSA] += 1
        a = assessing
        self._after_assessments(pipe.end[a], area[a], pipe.birth[a], family[a], u_client[a])

    # --- arrivals and assessments (numpy a year block at a time; no events, as the core) ---------

    def _block(self, first: int) -> None:
        p, g, n_areas = self.p, self.g, self.n_areas
        last = min(first + BLOCK_DAYS, self.end_day)
        days = np.arange(first, last)
        year = self.day_year[days]
        notes = g.poisson(self.rates[first:last])
        new = g.binomial(notes, np.asarray(p.demand.p_new_child)[year][:, None])
        month = self.month_of_day[days]
        month_area = np.repeat(month, n_areas), np.tile(np.arange(n_areas), days.size)
        add_counts(self.pre_flows[:, :, F_NOTIFICATIONS], *month_area, notes.reshape(-1).astype(float))
        flat = new.reshape(-1)
        n = int(flat.sum())
        day = np.repeat(np.repeat(days, n_areas), flat)
        area = np.repeat(np.tile(np.arange(n_areas), days.size), flat)
        rank = np.arange(n) - np.repeat(np.cumsum(flat) - flat, flat)
        u = g.random((n, 6))  # urgency, age band, age, assessment, client, family
        opens = (rank == 0) | (u[:, 5] >= 1.0 - 1.0 / p.demand.family_size_mean)
        head_of = np.maximum.accumulate(np.where(opens, np.arange(n), 0))
        head = u[head_of]
        shares = np.cumsum(p.demand.age_at_notification)
        band = np.minimum(np.searchsorted(shares, u[:, 1], side="right"), LAST_BAND)
        bounds = np.asarray(AGE_BAND_BOUNDS, dtype=float)
        birth = day - (bounds[band, 0] + (bounds[band, 1] - bounds[band, 0]) * u[:, 2]) * DAYS_PER_YEAR
        head_birth = birth[head_of]
        urgent = (
            head[:, 0] < np.asarray(p.kasittely.p_kiireellinen_sijoitus)[self.day_year[day], band_of(day - head_birth)]
        )
        delay = p.kasittely.delay
        k = np.maximum(1, np.ceil(self._working_days(delay, n)))[head_of]
        decided = np.searchsorted(self.working, self.working[day] + k, side="left")
        decided = np.minimum(decided, len(self.day_year) - 1)
        p_arviointi = np.asarray(p.kasittely.p_arviointi)[self.day_year[decided], band_of(decided - head_birth)]
        assessed = ~urgent & (head[:, 3] < p_arviointi)
        processed = ~urgent
        m_arrive, m_decide = self.month_of_day[day], self.month_of_day[decided]
        pf, ps = self.pre_flows, self.pre_stocks
        add_counts(pf[:, :, F_NEW], m_arrive, area)
        add_counts(ps[:, :, S_ENTERED], m_arrive, area)
        add_counts(pf[:, :, F_ENTRIES_KASITTELY], m_arrive[processed], area[processed])
        add_counts(ps[:, :, S_KASITTELY], m_arrive[processed], area[processed])
        add_counts(ps[:, :, S_KASITTELY], m_decide[processed], area[processed], -np.ones(int(processed.sum())))
        add_counts(pf[:, :, F_DECISIONS], m_decide[processed], area[processed])
        late = processed & (decided > self.decision_deadline[day])
        add_counts(pf[:, :, F_DECISIONS_LATE], m_decide[late], area[late])
        leave = processed & ~assessed
        add_counts(pf[:, :, F_EXITS], m_decide[leave], area[leave])
        add_counts(ps[:, :, S_EXITED], m_decide[leave], area[leave])
        family = self.next_family + head_of
        self.next_family += n
        for t, a, b, f in zip(
            day[urgent].tolist(), area[urgent].tolist(), birth[urgent].tolist(), family[urgent].tolist(), strict=True
        ):
            self._push(float(t), K_EMERGENCY, (a, b, f))
        order = np.flatnonzero(assessed)[np.argsort(decided[assessed], kind="stable")]
        self._add_assessments(
            decided[order].astype(float), area[order], birth[order], family[order], head[order, 4], day[order]
        )
        self._work_through(last if last < self.end_day else math.inf)

    def _working_days(self, delay: WorkingDayDelay, n: int) -> np.ndarray:
        return sample_array(self.g, delay.distribution, delay.mean_working_days, delay.cv, n)

    def _add_assessments(
        self,
        joined: np.ndarray,
        area: np.ndarray,
        birth: np.ndarray,
        family: np.ndarray,
        u_client: np.ndarray,
        opened: np.ndarray,
    ) -> None:
        if joined.size:
            d = self.p.arviointi.duration
            work = sample_array(self.g, d.distribution, d.mean_days, d.cv, joined.size)
            self.pending.append((joined, area, birth, family, u_client, opened, work))

    def _work_through(self, before: float) -> None:
        """Every pending assessment that joins before ``before``, first come first served."""
        if not self.pending:
            return
        joined_all, *rest = (np.concatenate(parts) for parts in zip(*self.pending, strict=True))
        order = np.argsort(joined_all, kind="stable")
        now = joined_all[order] < before
        take, keep = order[now], order[~now]
        self.pending = [(joined_all[keep], *(r[keep] for r in rest))] if keep.size else []
        if take.size == 0:
            return
        joined = joined_all[take]
        area, birth, family, u_client, opened, work = (r[take] for r in rest)
        start = np.empty_like(joined)
        slots, busy_all = self.slots, self.busy
        for i, (t, a, w) in enumerate(zip(joined.tolist(), area.tolist(), work.tolist(), strict=True)):
            busy = busy_all[a]
            while busy and busy[0] <= t:
                heapq.heappop(busy)
            begin = t if len(busy) < slots[a] else heapq.heappop(busy)
            start[i] = begin
            heapq.heappush(busy, begin + w)
        end = start + work
        last = len(self.month_of_day) - 1
        m_join = self.month_of_day[np.minimum(joined.astype(np.int64), last)]
        m_start = self.month_of_day[np.minimum(start.astype(np.int64), last)]
        m_end = self.month_of_day[np.minimum(end.astype(np.int64), last)]
        pf, ps, ones = self.pre_flows, self.pre_stocks, np.ones(area.size)
        add_counts(pf[:, :, F_ENTRIES_ARVIOINTI], m_join, area)
        add_counts(pf[:, :, F_STARTED], m_start, area)
        late_start = start.astype(np.int64) > self.start_deadline[opened]
        add_counts(pf[:, :, F_STARTED_LATE], m_start[late_start], area[late_start])
        add_counts(pf[:, :, F_WAIT], m_start, area, start - joined)
        add_counts(pf[:, :, F_COMPLETED], m_end, area)
        late_end = end.astype(np.int64) > self.completion_deadline[opened]
        add_counts(pf[:, :, F_COMPLETED_LATE], m_end[late_end], area[late_end])
        add_counts(ps[:, :, S_ARVIOINTI], m_join, area)
        add_counts(ps[:, :, S_ARVIOINTI], m_end, area, -ones)
        add_counts(ps[:, :, S_QUEUE], m_join, area)
        add_counts(ps[:, :, S_QUEUE], m_start, area, -ones)
        y_first = self.day_year[np.minimum(joined.astype(np.int64), last)]
        y_last = self.day_year[np.minimum(np.ceil(end).astype(np.int64) - 1, last)]
        for offset in range(int((y_last - y_first).max(initial=0)) + 1):
            hit = y_first + offset <= y_last
            add_counts(self.pre_during[:, :, G_ARVIOINNISSA], y_first[hit] + offset, area[hit])
        self._after_assessments(end, area, birth, family, u_client)

    def _after_assessments(
        self, end: np.ndarray, area: np.ndarray, birth: np.ndarray, family: np.ndarray, u_client: np.ndarray
    ) -> None:
        """The client decision at each assessment's end; the others exit (counted); the clients
        become events at the end of their assessment."""
        last = len(self.day_year) - 1
        year = self.day_year[np.minimum(end.astype(np.int64), last)]
        p_avohuolto = np.asarray(self.p.arviointi.p_avohuolto)
        client = (end < birth + ADULT_DAYS) & (u_client < p_avohuolto[year, band_of(end - birth)])
        m_end = self.month_of_day[np.minimum(end[~client].astype(np.int64), len(self.month_of_day) - 1)]
        add_counts(self.pre_flows[:, :, F_EXITS], m_end, area[~client])
        add_counts(self.pre_stocks[:, :, S_EXITED], m_end, area[~client])
        for t, a, b, f in zip(
            end[client].tolist(), area[client].tolist(), birth[client].tolist(), family[client].tolist(), strict=True
        ):
            self._push(t, K_CLIENT, (a, b, f))

    # --- the child's states (one event per state change, as the core) -----------------------

    def _new_kid(self, row: tuple[int, float, int]) -> Kid:
        self.serial += 1
        kid = Kid(self.serial, row[0], row[1], row[2])
        self.active.add(kid)
        return kid

    def _band(self, kid: Kid) -> int:
        return min(bisect_right(BAND_UPPER, self.clock.now - kid.birth), LAST_BAND)

    def _set_state(self, kid: Kid, new: int) -> None:
        """Enter ``new``: stocks, entries, during-year marks; the new state's team takes the child."""
        now = self.clock.now
        area, old = kid.area, kid.state
        stock = self.stock[area]
        if old != NONE:
            stock[old] -= 1
        stock[new] += 1
        self.flow[area][F_ENTRIES + new] += 1
        kid.state = new
        if kid.cost_cat >= 0:
            self._unplace(kid)
        year, marks, counts = self.year, kid.marks, self.during[area]
        excluded = ADULTS if now < kid.t18 else MINORS
        for g, ages in self.groups_of_state[new]:
            if marks[g] != year and ages != excluded:
                marks[g] = year
                counts[g] += 1
        if now >= kid.t18:
            team, counted = self.adult_team[new][area], self.count_adults
        else:
            team, counted = self.minor_team[new][area], True
        if kid.team is not team:
            if kid.team is not None:
                kid.team.remove(kid)
            if team is not None:
                team.add(kid, counted)

    def _exit(self, kid: Kid) -> None:
        area = kid.area
        if kid.cost_cat >= 0:
            self._unplace(kid)
        stock = self.stock[area]
        stock[kid.state] -= 1
        stock[S_EXITED] += 1
        self.flow[area][F_EXITS] += 1
        if kid.team is not None:
            kid.team.remove(kid)
        kid.state = NONE
        self.active.discard(kid)

    def _place(self, kid: Kid, category: int) -> None:
        area, now = kid.area, self.clock.now
        self.placed_days[area][category] += self.placed[area][category] * (now - self.placed_since[area][category])
        self.placed_since[area][category] = now
        self.placed[area][category] += 1
        kid.cost_cat = category
        if category == C_OMA:
            self.stock[area][S_OWN_BEDS] += 1

    def _unplace(self, kid: Kid) -> None:
        area, category, now = kid.area, kid.cost_cat, self.clock.now
        self.placed_days[area][category] += self.placed[area][category] * (now - self.placed_since[area][category])
        self.placed_since[area][category] = now
        self.placed[area][category] -= 1
        kid.cost_cat = -1
        if category == C_OMA:
            self.stock[area][S_OWN_BEDS] -= 1

    def _go(self, kid: Kid, target: int) -> None:
        if target == NONE:
            self._exit(kid)
        elif target == AVOHUOLTO:
            self._start_avohuolto(kid)
        elif target == AVOHUOLLON_SIJOITUS:
            self._start_avo_sijoitus(kid)
        elif target == KIIREELLINEN:
            self._start_kiireellinen(kid)
        else:
            self._start_sijaishuolto(kid)

    def _start_avohuolto(self, kid: Kid) -> None:
        after_placement = kid.state in (AVOHUOLLON_SIJOITUS, KIIREELLINEN)
        self._set_state(kid, AVOHUOLTO)
        now = self.clock.now
        tables = self.after_cum if after_placement else self.first_cum
        cum = tables[self.year_of_day[min(int(now), len(self.year_of_day) - 1)]][self._band(kid)]
        rng = self.rng
        kid.next = OUTCOMES[bisect_right(cum, rng.random())]
        end = now + self.draw_avohuolto()
        if end >= kid.t18:
            end, kid.next = kid.t18, NONE
        self._push(end, K_CHILD, kid)

    def _start_avo_sijoitus(self, kid: Kid) -> None:
        self._set_state(kid, AVOHUOLLON_SIJOITUS)
        now = self.clock.now
        self._place(kid, C_AVO_SIJOITUS)
        kid.placed_at = now
        kid.next = (
            SIJAISHUOLTO
            if self.rng.random() < self.p.avohuollon_sijoitus.p_huostaanotto[self._band(kid)]
            else AVOHUOLTO
        )
        end = now + self.draw_avo_sijoitus()
        if end >= kid.t18:
            end, kid.next = kid.t18, AT_18
        self._push(end, K_CHILD, kid)

    def _start_kiireellinen(self, kid: Kid) -> None:
        self._set_state(kid, KIIREELLINEN)
        now = self.clock.now
        self._place(kid, C_KIIREELLINEN)
        kid.placed_at = now
        k, rng = self.p.kiireellinen_sijoitus, self.rng
        if rng.random() < k.p_huostaanotto[self._band(kid)]:
            kid.next = SIJAISHUOLTO
            end = now + self.draw_until_order()
        else:
            kid.next = AVOHUOLTO
            cap = k.max_days + k.extension_max_days * (rng.random() < k.p_extension)
            length = min(self.draw_home(), cap)
            if length > k.max_days:
                self.flow[kid.area][F_EXTENSIONS] += 1
            end = now + length
        if end >= kid.t18:
            end, kid.next = kid.t18, AT_18
        self._push(end, K_CHILD, kid)

    def _start_sijaishuolto(self, kid: Kid) -> None:
        self._set_state(kid, SIJAISHUOLTO)
        self.flow[kid.area][F_CARE_ORDERS] += 1
        self._place_in_care(kid, self._band(kid))
        end = self.clock.now + self.draw_sijaishuolto()
        kid.next = REUNIFY
        if end >= kid.t18:
            end, kid.next = kid.t18, AT_18
        self._push(end, K_CHILD, kid)

    def _place_in_care(self, kid: Kid, band: int) -> None:
        rng, area = self.rng, kid.area
        u_type, u_special = rng.random(), rng.random()
        placement = min(bisect_right(self.placement_cum[band], u_type), N_PLACEMENTS - 1)
        kid.placement = placement
        self.flow[area][F_PLACEMENTS_STARTED + placement] += 1
        self.stock[area][S_IN_PLACEMENT + placement] += 1
        if placement == Placement.PERHEHOITO:
            category = C_PERHE
        elif placement == Placement.AMMATILLINEN_PERHEKOTI:
            category = C_AMMATILLINEN
        elif u_special < self.p.costs.special_level_share:
            category = C_ERITYIS
        elif self.stock[area][S_OWN_BEDS] < self.own_beds[area]:
            category = C_OMA
        else:
            if self.own_beds[area] > 0:
                self.flow[area][F_OVERFLOW] += 1
            category = C_OSTETTU
        self._place(kid, category)

    def _offer_jalkihuolto(self, kid: Kid) -> None:
        now = self.clock.now
        kid.placement_ended = now
        j = self.p.jalkihuolto
        if self.rng.random() >= j.uptake:
            self._exit(kid)
            return
        self._set_state(kid, JALKIHUOLTO)
        self._place(kid, C_JALKIHUOLTO)
        wanted = self.draw_jalkihuolto()
        kid.until = min(
            now + wanted,
            kid.placement_ended + j.max_years_after_last_client * DAYS_PER_YEAR,
            age_limit_reached(j.age_limit, kid.birth, now),
        )
        self._push(kid.t18 if now < kid.t18 < kid.until else kid.until, K_CHILD, kid)

    def _on_child(self, kid: Kid) -> None:
        """A child's state ends: what follows, by the state it ends."""
        state, now = kid.state, self.clock.now
        if state == AVOHUOLTO:
            self._go(kid, kid.next)
        elif state == SIJAISHUOLTO:
            self.stock[kid.area][S_IN_PLACEMENT + kid.placement] -= 1
            self.flow[kid.area][F_REUNIFICATIONS if kid.next == REUNIFY else F_AT_18] += 1
            self._offer_jalkihuolto(kid)
        elif state == JALKIHUOLTO:
            if now < kid.until:  # 18 in aftercare: the adults' team
                year, marks, counts = self.year, kid.marks, self.during[kid.area]
                for g, ages in self.groups_of_state[JALKIHUOLTO]:
                    if marks[g] != year and ages != MINORS:
                        marks[g] = year
                        counts[g] += 1
                adult = self.adult_team[JALKIHUOLTO][kid.area]
                if kid.team is adult and adult is not None:
                    adult.recount(kid, self.count_adults)
                else:
                    if kid.team is not None:
                        kid.team.remove(kid)
                    if adult is not None:
                        adult.add(kid, self.count_adults)
                self._push(kid.until, K_CHILD, kid)
            else:
                self._exit(kid)
        elif kid.next == AT_18:  # a placement ends at 18
            if state == KIIREELLINEN or now - kid.placed_at >= self.p.avohuollon_sijoitus.jalkihuolto_min_days:
                self._offer_jalkihuolto(kid)
            else:
                self._exit(kid)
        else:
            self._go(kid, kid.next)

    # --- calendar events ------------------------------------------------------------------------

    def _close_month(self, first_of_next: dt.date) -> None:
        now = self.clock.now
        m = self.month
        self.month += 1
        self.pre_stock_now += self.pre_stocks[m]
        if first_of_next.year != self.year:
            if self.year >= self.start_year:
                during = np.array(self.during, dtype=float) + self.pre_during[self.year - self.first_year]
                self.year_rows.append((self.year, during))
            self.during = [[0] * N_GROUPS for _ in range(self.n_areas)]
            self.year = first_of_next.year
            for kid in self.active:
                if kid.state != NONE:
                    year, marks, counts = self.year, kid.marks, self.during[kid.area]
                    excluded = ADULTS if now < kid.t18 else MINORS
                    for g, ages in self.groups_of_state[kid.state]:
                        if marks[g] != year and ages != excluded:
                            marks[g] = year
                            counts[g] += 1
        days = []
        for area in range(self.n_areas):
            placed, placed_days, since = self.placed[area], self.placed_days[area], self.placed_since[area]
            days.append([placed_days[c] + placed[c] * (now - since[c]) for c in range(N_COSTS)])
            self.placed_days[area] = [0.0] * N_COSTS
            self.placed_since[area] = [now] * N_COSTS
        if now <= self.report_start:
            self.flow = [[0.0] * N_FLOWS for _ in range(self.n_areas)]
            for team in self.teams:
                team.snapshot()
            return
        flows = np.array(self.flow, dtype=float) + self.pre_flows[m]
        flows[:, F_PLACEMENT_DAYS : F_PLACEMENT_DAYS + N_COSTS] = days
        stocks = np.array(self.stock, dtype=float) + self.pre_stock_now
        self.flow = [[0.0] * N_FLOWS for _ in range(self.n_areas)]
        rows = np.array([team.snapshot() for team in self.teams], dtype=float)
        self.month_rows.append((first_of_next - dt.timedelta(days=1), flows, stocks, rows))

    def _monitoring_day(self, date: dt.date) -> None:
        rows = []
        for team in self.teams:
            seen = team.snapshot(take=False)
            lists = sorted(float(team.counted[p]) for p in team.present)
            spread: tuple[float, ...] = (math.nan,) * len(LIST_MEASURES)
            if lists:
                n = len(lists)
                spread = (
                    *(quantile(lists, q) for q in (0.1, 0.5, 0.9)),
                    sum(lists) / n,
                    sum(c > 35 for c in lists) / n,
                )
            rows.append((seen[2], seen[1], seen[5], seen[8], *spread))
        self.point_rows.append((date, np.array(rows, dtype=float)))

    # --- the loop -------------------------------------------------------------------------------

    def run(self) -> RawReplication:
        heap, clock, pop = self.heap, self.clock, heapq.heappop
        until = self.end_day + 0.5
        on_child, new_kid = self._on_child, self._new_kid
        children = staff = entries = blocks = 0
        while heap and heap[0][0] < until:
            t, _, kind, payload = pop(heap)
            clock.now = t
            if kind == K_CHILD:
                children += 1
                on_child(payload)
            elif kind == K_STAFF:
                staff += 1
                team, post, events, i = payload
                _, what, capacity, cover = events[i]
                team.staff_event(post, what, capacity, cover)
                if i + 1 < len(events):
                    self._push(events[i + 1][0], K_STAFF, (team, post, events, i + 1))
            elif kind == K_CLIENT:
                entries += 1
                self._start_avohuolto(new_kid(payload))
            elif kind == K_EMERGENCY:
                entries += 1
                self._start_kiireellinen(new_kid(payload))
            elif kind == K_MONTH:
                self._close_month(payload)
            elif kind == K_BLOCK:
                blocks += 1
                self._block(payload)
            elif kind == K_MONITORING:
                self._monitoring_day(payload)
            else:
                for team in self.teams:
                    team.set_limit(payload)
        clock.now = until
        self.events = {"blocks": blocks, "entries": entries, "child state changes": children, "staff": staff}
        months, flows, stocks, pools = zip(*self.month_rows, strict=True)
        return RawReplication(
            replication=self.replication,
            month_ends=tuple(months),
            areas=self.areas,
            flows=np.stack(flows),
            stocks=np.stack(stocks),
            pool_keys=tuple(self.pool_keys),
            pools=np.stack(pools),
            years=tuple(y for y, _ in self.year_rows),
            during_year=np.array([d for _, d in self.year_rows]),
            point_dates=tuple(d for d, _ in self.point_rows),
            point_in_time=np.stack([a for _, a in self.point_rows]),
            events=sum(self.events.values()),
            parameters=self.multipliers,
        )


def simulate_heapq(scenario: Scenario, replications: int, seed: int) -> tuple[SimulationResults, dict[str, Any]]:
    """``replications`` replications of the loop, results built as ``simulate`` builds them; also
    the events by kind and the seconds spent in the package's shared functions."""
    started = time.perf_counter()
    scenario = with_run_settings(scenario, replications, seed)
    seeds = replication_seeds(seed, replications)
    raws, shared, kinds = [], 0.0, dict.fromkeys(("blocks", "entries", "child state changes", "staff"), 0)
    for r in range(replications):
        rep = Replication(scenario, seeds[r], r)
        raws.append(rep.run())
        shared += rep.shared
        for key, value in rep.events.items():
            kinds[key] += value
    before = time.perf_counter()
    results = build_results(scenario, raws, before - started, 1)
    shared += time.perf_counter() - before
    return results, {"shared": shared, "kinds": kinds, "per_replication": [raw.events for raw in raws]}


# ------------------------------------------------------------------------------------------- measurement


def measure_here(which: str, replications: int, seed: int) -> dict[str, Any]:
    """Run ``which`` (core or heapq) in this process; seconds (wall, CPU) of the call itself."""
    scenario = load_scenario()
    extra: dict[str, Any] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    if which == "core":
        results = lsmitoitus.simulate(scenario, replications=replications, seed=seed, jobs=1)
    else:
        results, extra = simulate_heapq(scenario, replications, seed)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return {"wall": wall, "cpu": cpu, "events": results.events, "rows": len(results.monthly), **extra}


def measure(which: str, replications: int, seed: int) -> dict[str, Any]:
    """:func:`measure_here` in a fresh subprocess."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", which, "-n", str(replications), "--seed", str(seed)],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def marginal(small: dict[str, Any], large: dict[str, Any], key: str) -> float:
    return float(large[key] - small[key]) / (LARGE_N - SMALL_N)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--seed", type=int, default=load_scenario().simulation.seed)
    parser.add_argument("--child", choices=["core", "heapq"], help=argparse.SUPPRESS)
    parser.add_argument("-n", type=int, default=SMALL_N, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure_here(args.child, args.n, args.seed)))
        return 0
    spread = LARGE_N - SMALL_N
    print(f"model core: {CORE}; marginal = (time(n={LARGE_N}) - time(n={SMALL_N})) / {spread}, seed {args.seed}")
    per: dict[str, list[dict[str, float]]] = {"core": [], "heapq": []}
    last: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
    for round_no in range(1, args.rounds + 1):
        order = ("core", "heapq") if round_no % 2 else ("heapq", "core")
        runs: dict[tuple[str, int], dict[str, Any]] = {}
        for n in (SMALL_N, LARGE_N):
            for which in order:
                runs[(which, n)] = measure(which, n, args.seed)
        for which in ("core", "heapq"):
            small, large = runs[(which, SMALL_N)], runs[(which, LARGE_N)]
            last[which] = (small, large)
            per[which].append({k: marginal(small, large, k) for k in ("wall", "cpu", "events")})
        core, loop = per["core"][-1], per["heapq"][-1]
        print(
            f"round {round_no}: core {core['wall']:.3f} s/rep ({core['cpu']:.3f} CPU), "
            f"heapq {loop['wall']:.3f} s/rep ({loop['cpu']:.3f} CPU), ratio {core['wall'] / loop['wall']:.2f}",
            flush=True,
        )
    med = {w: {k: statistics.median(r[k] for r in per[w]) for k in ("wall", "cpu", "events")} for w in per}
    shared = marginal(*last["heapq"], "shared")
    kinds_small, kinds_large = last["heapq"][0]["kinds"], last["heapq"][1]["kinds"]
    kinds = {k: (kinds_large[k] - kinds_small[k]) / (LARGE_N - SMALL_N) for k in kinds_large}
    ratio, ratio_cpu = med["core"]["wall"] / med["heapq"]["wall"], med["core"]["cpu"] / med["heapq"]["cpu"]
    print()
    print(f"{'marginal per replication':<28}{'wall s':>9}{'CPU s':>9}{'events':>10}")
    for label, which in (("core (simulate, jobs=1)", "core"), ("heapq loop", "heapq")):
        m = med[which]
        print(f"{label:<28}{m['wall']:>9.3f}{m['cpu']:>9.3f}{m['events']:>10,.0f}")
    event_ratio = med["core"]["events"] / med["heapq"]["events"]
    print(f"{'ratio core / heapq':<28}{ratio:>9.2f}{ratio_cpu:>9.2f}{event_ratio:>10.3f}")
    print()
    print(
        "heapq loop's events per replication: "
        + ", ".join(f"{k} {v:,.0f}" for k, v in kinds.items())
        + " (month ends, monitoring days and limit changes are run but, as in the core, not counted)"
    )
    print(
        f"of the loop's time, {shared:.3f} s/rep (wall) is the package's own functions that the core "
        "calls alike (parameter draw, ModelParameters, vectorised initial state, build_results); "
        f"without them on both sides: core {med['core']['wall'] - shared:.3f}, "
        f"heapq {med['heapq']['wall'] - shared:.3f} s/rep, ratio "
        f"{(med['core']['wall'] - shared) / (med['heapq']['wall'] - shared):.2f}"
    )
    print(
        "not mirrored: the core's counter-based per-child random numbers (the loop draws the same "
        "distributions from its own streams); a vacancy is one gamma time with the fill rate's mean "
        "(the core solves a recruitment time from the notice on); unused allocation draws and replay logs"
    )
    deviation = med["heapq"]["events"] / med["core"]["events"] - 1.0
    assert abs(deviation) <= EVENT_TOLERANCE, f"events differ by {deviation:+.1%} (more than ±{EVENT_TOLERANCE:.0%})"
    print(f"events per replication: heapq {deviation:+.1%} against the core (within ±{EVENT_TOLERANCE:.0%})")
    verdict = "met" if ratio <= TARGET else "NOT met"
    print(f"verdict: core / heapq = {ratio:.2f} (wall; CPU {ratio_cpu:.2f}), target ≤ {TARGET}: {verdict}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
