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
from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np

from ..vocabulary import DAYS_PER_YEAR
from ._compiled import POLL_EVERY, yield_to_signals
from .assessment import AssessmentRecord
from .caseload import ADD, RECOUNT, REMOVE, ManualClock, PoolOp, PoolRules, WorkerPool
from .law import Schedule, limit_on
from .posts import PostSpec
from .raw import POOL_MEASURES
from .staffing import StaffEvent, StaffSwitches, apply_staff_event, post_timelines


class _Client:
    __slots__ = ("counted", "cover_from", "family", "pool", "post", "serial")

    def __init__(self, serial: int, family: int) -> None:
        self.serial = serial
        self.family = family
        self.pool: WorkerPool | None = None
        self.post = -1
        self.counted = False
        self.cover_from = -1


class Replayed(NamedTuple):
    """A replay's records in ``raw.POOL_MEASURES`` order: every reported month end, and every
    monitoring day asked for (integrals NaN), up to where the replay stopped."""

    months: np.ndarray
    days: np.ndarray


def replay_pool(
    log: Sequence[PoolOp],
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
) -> Replayed:
    """Month-end records of every reported month, and records at the ``monitoring`` times.

    ``boundaries`` are the day indices of the first day of each month after the origin;
    snapshots at boundaries up to ``report_start`` belong to the warm-up and are discarded.
    ``monitoring`` are THL's monitoring days as model times (the day + 0.5, as the event model
    reads them), sorted. The replay stops after the last record at or before ``stop_after`` (a
    requirement search needs no later one): records up to then equal those of a full replay.
    ``extra_key`` names posts added beyond the scenario's (candidate staffings), so that they
    draw from streams of their own.
    """
    clock = ManualClock()
    timelines = post_timelines(unit, specs, rep_seed, origin, end_day, switches or StaffSwitches(), extra_key)
    pool = WorkerPool(
        [s.fte for s in specs],
        [s.lead for s in specs],
        [t.initial_status for t in timelines],
        limit_on(limit_steps, 0.0),
        rules,
        clock,
    )
    order = 0
    staff: list[tuple[float, int, int, Iterator[StaffEvent], StaffEvent]] = []
    for post, timeline in enumerate(timelines):
        events = timeline.events()
        first = next(events, None)
        if first is not None:
            staff.append((first.time, order, post, events, first))
            order += 1
    heapq.heapify(staff)
    limit_changes = [t for t, _ in limit_steps if t > 0]
    clients: dict[int, _Client] = {}
    rows: list[tuple[float, ...]] = []
    day_rows: list[tuple[float, ...]] = []
    i = j = k = d = 0
    n_log, n_bound, n_days = len(log), len(boundaries), len(monitoring)
    steps = 0
    while j < n_bound or d < n_days:
        steps += 1
        if steps % POLL_EVERY == 0:
            yield_to_signals()  # Ctrl-C and SIGTERM stop a long replay at once
        t_bound = boundaries[j] if j < n_bound else math.inf
        t_day = monitoring[d] if d < n_days else math.inf
        t_record = min(t_bound, t_day)
        if t_record > stop_after:
            break
        t_limit = limit_changes[k] if k < len(limit_changes) else math.inf
        t_staff = staff[0][0] if staff else math.inf
        t_log = log[i].time if i < n_log else math.inf
        if t_record <= min(t_limit, t_staff, t_log):
            clock.now = float(t_record)
            if t_bound <= t_day:
                snapshot = pool.snapshot()
                if t_bound > report_start:
                    rows.append(snapshot)
                j += 1
            else:
                day_rows.append(pool.snapshot(take=False))
                d += 1
        elif t_limit <= min(t_staff, t_log):
            clock.now = float(t_limit)
            pool.set_limit(limit_on(limit_steps, t_limit))
            k += 1
        elif t_staff <= t_log:
            t, _, post, events, event = heapq.heappop(staff)
            clock.now = t
            apply_staff_event(pool, post, event)
            nxt = next(events, None)
            if nxt is not None:
                heapq.heappush(staff, (nxt.time, order, post, events, nxt))
                order += 1
        else:
            entry = log[i]
            clock.now = entry.time
            op = entry.op
            if op == ADD:
                child = clients[entry.serial] = _Client(entry.serial, entry.family)
                pool.add(child, entry.counted, entry.u1, entry.u2)
            elif op == REMOVE:
                pool.remove(clients.pop(entry.serial))
            elif op == RECOUNT:
                pool.recount(clients[entry.serial], entry.counted)
            i += 1
    width = len(POOL_MEASURES)
    return Replayed(np.array(rows, dtype=float).reshape(-1, width), np.array(day_rows, dtype=float).reshape(-1, width))


def merged_log(logs: Sequence[Sequence[PoolOp]]) -> list[PoolOp]:
    """Several teams' client operations as one team's, in time order (a stable merge: at equal
    times the order within each log is kept)."""
    return list(heapq.merge(*logs, key=lambda entry: entry.time))


def fifo_starts(joined: Sequence[float], work: Sequence[float], slots: int) -> list[float]:
    """Start times of jobs joining at ``joined`` (in order) with ``work`` each, on ``slots``
    identical servers, first come first served (an M/G/c queue's discipline)."""
    busy: list[float] = []
    starts = []
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
    out: dict[int, list[float]] = {}
    last = len(year_of_day) - 1
    ordered = sorted(log, key=_joined)
    starts = fifo_starts([e.joined for e in ordered], [e.work for e in ordered], slots)
    for record, start in zip(ordered, starts, strict=True):
        year = int(year_of_day[min(int(start), last)])
        row = out.setdefault(year, [0, 0, 0, 0.0])
        row[0] += 1
        row[1] += int(start) <= start_deadline[record.opened]
        row[2] += int(start + record.work) <= completion_deadline[record.opened]
        row[3] += start - record.joined
    return {y: AssessmentYear(int(r[0]), int(r[1]), int(r[2]), float(r[3])) for y, r in out.items()}


def _joined(record: AssessmentRecord) -> float:
    return record.joined


__all__ = [
    "DAYS_PER_YEAR",
    "AssessmentYear",
    "Replayed",
    "fifo_starts",
    "merged_log",
    "replay_assessments",
    "replay_pool",
]
