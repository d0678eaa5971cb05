"""Replaying one unit's clients against another staffing.

Which children a unit has, and when, does not depend on its staffing (staff only decide who
holds each list), and the pathway's random streams are separate from the staffing streams. So
the discrete-event run records each pool's client operations once, and any number of posts can
be replayed against exactly the same clients with the same ``WorkerPool`` code and the unit's
own post streams. Replaying with the scenario's own posts reproduces the run exactly (tested).

Ordering at equal times follows the event model: month-end snapshot, then limit change, then
staff and client events in time order.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence

import numpy as np

from ..scenario.schema import UnitStaffing
from .caseload import ADD, RECOUNT, REMOVE, WorkerPool
from .law import value_on
from .randomness import uniform_stream
from .staffing import PostDynamics, apply_staff_event

PoolLog = Sequence[tuple[float, int, int, bool]]


class _Client:
    __slots__ = ("counted", "pool", "post", "serial")

    def __init__(self, serial: int) -> None:
        self.serial = serial
        self.pool: WorkerPool | None = None
        self.post = -1
        self.counted = False


def replay_pool(
    log: PoolLog,
    n_posts: int,
    staff: UnitStaffing,
    rep_seed: np.random.SeedSequence,
    key: str,
    allocation: str,
    rebalance_on_hire: bool,
    limit_steps: Sequence[tuple[float, float]],
    boundaries: Sequence[int],
    report_start: int,
    opens_at: Sequence[float] = (),
) -> np.ndarray:
    """Month-end pool measures (``raw.POOL_MEASURES`` order) of every reported month.

    ``boundaries`` are the day indices of the first day of each month after the origin;
    snapshots at boundaries up to ``report_start`` belong to the warm-up and are discarded.
    """
    clock = [0.0]
    dynamics = PostDynamics(staff, n_posts, rep_seed, key, opens_at)
    pool = WorkerPool(
        n_posts,
        dynamics.initially_filled,
        int(value_on(limit_steps, 0.0)),
        allocation,
        rebalance_on_hire,
        lambda: clock[0],
        uniform_stream(rep_seed, f"{key}/allocation"),
        closed=dynamics.initially_closed,
    )
    order = 0
    staff_events: list[tuple[float, int, int, bool | None]] = []
    for post in range(n_posts):
        first = dynamics.first_event(post)
        if first is not None:
            staff_events.append((first[0], order, post, first[1]))
            order += 1
    heapq.heapify(staff_events)
    limit_changes = [t for t, _ in limit_steps[1:] if t > 0]
    clients: dict[int, _Client] = {}
    rows: list[tuple[float, ...]] = []
    i = j = k = 0
    n_log, n_bound = len(log), len(boundaries)
    while j < n_bound:
        t_bound = boundaries[j]
        t_limit = limit_changes[k] if k < len(limit_changes) else math.inf
        t_staff = staff_events[0][0] if staff_events else math.inf
        t_log = log[i][0] if i < n_log else math.inf
        if t_bound <= min(t_limit, t_staff, t_log):
            clock[0] = t_bound
            snapshot = pool.snapshot()
            if t_bound > report_start:
                rows.append(snapshot)
            j += 1
        elif t_limit <= min(t_staff, t_log):
            clock[0] = t_limit
            pool.set_limit(int(value_on(limit_steps, t_limit)))
            k += 1
        elif t_staff <= t_log:
            t, _, post, state = heapq.heappop(staff_events)
            clock[0] = t
            delay, new_state = apply_staff_event(pool, dynamics, post, state)
            if delay is not None:
                heapq.heappush(staff_events, (t + delay, order, post, new_state))
                order += 1
        else:
            t, op, serial, counted = log[i]
            clock[0] = t
            if op == ADD:
                child = clients[serial] = _Client(serial)
                pool.add(child, counted)
            elif op == REMOVE:
                pool.remove(clients.pop(serial))
            elif op == RECOUNT:
                pool.recount(clients[serial], counted)
            i += 1
    return np.array(rows, dtype=float)
