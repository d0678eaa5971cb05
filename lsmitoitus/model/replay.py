"""Replaying a team's clients against another staffing, and an area's assessments against
another number of slots.

Which children a team has, and when, does not depend on its staffing (staff only decide who
holds each list; the one exception, rationing, is held fixed: the admitted clients are
replayed), and the pathway's random numbers are separate from the staffing streams. So the
event model records each team's client operations once (with each new client's own allocation
draws), and any set of posts can be replayed against exactly the same clients with the same
``WorkerPool`` code and the posts' own timelines. Replaying with the scenario's own posts
reproduces the event model exactly (tested).

Ordering at equal times follows the event model: month-end snapshot (or a monitoring-day
reading), then limit change, then staff events, then client operations. A replay may stop early
(``stop_after``): what it records up to then does not depend on anything later.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

from ..vocabulary import DAYS_PER_YEAR
from ._compiled import POLL_EVERY, yield_to_signals
from .assessment import AssessmentRecord
from .caseload import ADD, INF, RECOUNT, REMOVE, Client, ManualClock, PoolOp, PoolRules, WorkerPool
from .law import Schedule, limit_on
from .posts import PostSpec
from .raw import POOL_MEASURES
from .staffing import NOT_REPLAYED, StaffStream, StaffSwitches, apply_staff_event, post_timelines, staff_stream


class Replayed(NamedTuple):
    """A replay's records in ``raw.POOL_MEASURES`` order: every reported month end, and every
    monitoring day asked for (integrals NaN), up to where the replay stopped."""

    months: np.ndarray
    days: np.ndarray


class LogColumns(NamedTuple):
    """A team's client operations as columns, built once and read by every replay of the team
    (compiled, a typed list is read directly, a record's field through a generic lookup).
    ``slots`` numbers the clients densely in order of first appearance, so a replay keeps its
    clients in a list rather than a dict keyed by serial."""

    times: list[float]
    ops: list[int]
    serials: list[int]
    slots: list[int]
    counted: list[bool]
    families: list[int]
    u1: list[float]
    u2: list[float]
    n_clients: int


def log_columns(log: Sequence[PoolOp]) -> LogColumns:
    """The columns of ``log`` (:class:`LogColumns`)."""
    slot_of: dict[int, int] = {}
    times: list[float] = []
    ops: list[int] = []
    serials: list[int] = []
    slots: list[int] = []
    counted: list[bool] = []
    families: list[int] = []
    u1: list[float] = []
    u2: list[float] = []
    for entry in log:
        serial = entry.serial
        slot = slot_of.get(serial, -1)
        if slot < 0:
            slot = slot_of[serial] = len(slot_of)
        times.append(entry.time)
        ops.append(entry.op)
        serials.append(serial)
        slots.append(slot)
        counted.append(entry.counted)
        families.append(entry.family)
        u1.append(entry.u1)
        u2.append(entry.u2)
    return LogColumns(times, ops, serials, slots, counted, families, u1, u2, len(slot_of))


def replay_pool(
    log: Sequence[PoolOp] | LogColumns,
    unit: str,
    specs: Sequence[PostSpec],
    rep_seed: np.random.SeedSequence,
    origin: dt.date,
    end_day: int,
    rules: PoolRules,
    limit_steps: Schedule,
    boundaries: Sequence[int],
    report_start: int,
    switches: StaffSwitches | None = None,
    extra_key: str = "",
    monitoring: Sequence[float] = (),
    stop_after: float = math.inf,
    staff: StaffStream | None = None,
) -> Replayed:
    """Month-end records of every reported month, and records at the ``monitoring`` times.

    ``boundaries`` are the day indices of the first day of each month after the origin;
    snapshots at boundaries up to ``report_start`` belong to the warm-up and are discarded.
    ``monitoring`` are THL's monitoring days as model times (the day + 0.5, as the event model
    reads them), sorted. The replay stops after the last record at or before ``stop_after`` (a
    requirement search needs no later one): records up to then equal those of a full replay.
    ``extra_key`` names posts added beyond the scenario's (candidate staffings), so that they
    draw from streams of their own. ``staff`` gives the posts' staff events already drawn (a
    search replays many staffings of the same posts: :func:`~.staffing.for_posts`); without it
    they are drawn from ``specs``' own streams. ``log`` may be given as its
    :func:`log_columns` (a search replays the same log many times).
    """
    columns = log if isinstance(log, LogColumns) else log_columns(log)
    l_times, l_ops, l_serials, l_slots = columns.times, columns.ops, columns.serials, columns.slots
    l_counted, l_families, l_u1, l_u2 = columns.counted, columns.families, columns.u1, columns.u2
    bounds = [float(b) for b in boundaries]
    days = [float(t) for t in monitoring]
    if staff is None:
        # no event after the last record, or after ``stop_after``, is ever carried out
        horizon = min(max(bounds[-1] if bounds else 0.0, days[-1] if days else 0.0), stop_after)
        timelines = post_timelines(unit, specs, rep_seed, origin, end_day, switches or StaffSwitches(), extra_key)
        staff = staff_stream(timelines, horizon)
    clock = ManualClock()
    pool = WorkerPool(
        [s.fte for s in specs],
        [s.lead for s in specs],
        staff.initial,
        limit_on(limit_steps, 0.0),
        rules,
        clock,
    )
    s_times, s_posts, s_events = staff.times, staff.posts, staff.events
    n_staff = len(s_times)
    limit_changes = [float(t) for t, _ in limit_steps if t > 0]
    n_log, n_bound, n_days, n_limits = len(l_times), len(bounds), len(days), len(limit_changes)
    clients: list[Client | None] = [None] * columns.n_clients
    rows: list[tuple[float, ...]] = []
    day_rows: list[tuple[float, ...]] = []
    # the next time of each kind of event, kept up to date as each advances (read every step)
    i = j = k = d = 0
    s = _next_replayed(s_posts, 0)
    t_log: float = l_times[0] if n_log else INF
    t_bound: float = bounds[0] if n_bound else INF
    t_day: float = days[0] if n_days else INF
    t_limit: float = limit_changes[0] if n_limits else INF
    t_staff: float = s_times[s] if s < n_staff else INF
    steps = 0
    while j < n_bound or d < n_days:
        steps += 1
        if steps % POLL_EVERY == 0:
            yield_to_signals()  # Ctrl-C and SIGTERM stop a long replay at once
        t_record = t_bound if t_bound <= t_day else t_day
        if t_record > stop_after:
            break
        if t_record <= t_limit and t_record <= t_staff and t_record <= t_log:
            clock.now = t_record
            if t_bound <= t_day:
                snapshot = pool.snapshot()
                if t_bound > report_start:
                    rows.append(snapshot)
                j += 1
                t_bound = bounds[j] if j < n_bound else INF
            else:
                day_rows.append(pool.snapshot(take=False))
                d += 1
                t_day = days[d] if d < n_days else INF
        elif t_limit <= t_staff and t_limit <= t_log:
            clock.now = t_limit
            pool.set_limit(limit_on(limit_steps, t_limit))
            k += 1
            t_limit = limit_changes[k] if k < n_limits else INF
        elif t_staff <= t_log:
            clock.now = t_staff
            apply_staff_event(pool, s_posts[s], s_events[s])
            s = _next_replayed(s_posts, s + 1)
            t_staff = s_times[s] if s < n_staff else INF
        else:
            clock.now = t_log
            op = l_ops[i]
            slot = l_slots[i]
            if op == ADD:
                child = Client(l_serials[i], l_families[i])
                clients[slot] = child
                pool.add(child, l_counted[i], l_u1[i], l_u2[i])
            else:
                listed = clients[slot]
                assert listed is not None  # a client is added before it leaves or is recounted
                if op == REMOVE:
                    pool.remove(listed)
                    clients[slot] = None
                elif op == RECOUNT:
                    pool.recount(listed, l_counted[i])
            i += 1
            t_log = l_times[i] if i < n_log else INF
    width = len(POOL_MEASURES)
    return Replayed(np.array(rows, dtype=float).reshape(-1, width), np.array(day_rows, dtype=float).reshape(-1, width))


def _next_replayed(posts: list[int], at: int) -> int:
    """The first event from ``at`` on whose post the staffing replayed has."""
    n = len(posts)
    while at < n and posts[at] == NOT_REPLAYED:
        at += 1
    return at


def merged_log(logs: Sequence[Sequence[PoolOp]]) -> list[PoolOp]:
    """Several teams' client operations as one team's, in time order (a stable merge: at equal
    times the order within each log is kept)."""
    return list(heapq.merge(*logs, key=lambda entry: entry.time))


def fifo_starts(joined: Sequence[float], work: Sequence[float], slots: int) -> list[float]:
    """Start times of jobs joining at ``joined`` (in order) with ``work`` each, on ``slots``
    identical servers, first come first served (an M/G/c queue's discipline)."""
    busy: list[float] = []
    starts: list[float] = []
    for t, w in zip(joined, work, strict=True):
        while busy and busy[0] <= t:
            heapq.heappop(busy)
        start = t if len(busy) < slots else heapq.heappop(busy)
        heapq.heappush(busy, start + w)
        starts.append(start)
    return starts


class AssessmentYear(NamedTuple):
    """A year's assessments in a replay (:func:`replay_assessments`): how many started that year,
    how many of them started and were completed on time, and the days they waited in total."""

    assessments: int
    started_on_time: int
    completed_on_time: int
    wait_days: float


def replay_assessments(
    log: Sequence[AssessmentRecord],
    slots: int,
    start_deadline: Sequence[int],
    completion_deadline: Sequence[int],
    year_of_day: np.ndarray,
) -> dict[int, AssessmentYear]:
    """An area's assessments with ``slots`` slots, first come first served, per calendar year of
    the start."""
    ordered = sorted(log, key=_joined)
    joined = [e.joined for e in ordered]
    work = [e.work for e in ordered]
    opened = [e.opened for e in ordered]
    starts = fifo_starts(joined, work, slots)
    # typed lists, and counters per year in lists: compiled, this loop then runs without a
    # single generic lookup (it runs a few dozen times per replication)
    years: list[int] = [int(y) for y in year_of_day.tolist()]
    start_by: list[int] = list(start_deadline)
    done_by: list[int] = list(completion_deadline)
    if not years:
        return {}
    first, last = years[0], len(years) - 1
    n_years = years[-1] - first + 1
    count, started, completed = [0] * n_years, [0] * n_years, [0] * n_years
    waited = [0.0] * n_years
    for k in range(len(starts)):
        start = starts[k]
        day = int(start)
        y = years[day if day < last else last] - first
        count[y] += 1
        if day <= start_by[opened[k]]:
            started[y] += 1
        if int(start + work[k]) <= done_by[opened[k]]:
            completed[y] += 1
        waited[y] += start - joined[k]
    kept = [y for y in range(n_years) if count[y]]
    return {first + y: AssessmentYear(count[y], started[y], completed[y], waited[y]) for y in kept}


def _joined(record: AssessmentRecord) -> float:
    return record.joined


__all__ = [
    "DAYS_PER_YEAR",
    "AssessmentYear",
    "LogColumns",
    "Replayed",
    "fifo_starts",
    "log_columns",
    "merged_log",
    "replay_assessments",
    "replay_pool",
]
