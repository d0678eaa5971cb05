"""Responsible-worker pools: allocation, vacancies, the limit and the child-days integral."""

from __future__ import annotations

import pytest

from lsmitoitus.model.caseload import WorkerPool
from lsmitoitus.model.raw import POOL

pytestmark = pytest.mark.unit


class Kid:
    def __init__(self, serial: int) -> None:
        self.serial = serial
        self.pool: WorkerPool | None = None
        self.post = -1
        self.counted = False


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def pool(
    n: int,
    filled: list[bool] | None = None,
    limit: int = 30,
    rule: str = "least_loaded",
    rebalance: bool = True,
    clock: Clock | None = None,
) -> WorkerPool:
    return WorkerPool(n, filled or [True] * n, limit, rule, rebalance, clock or Clock(), lambda: 0.5)


def lists(p: WorkerPool) -> list[int]:
    return [len(s) for s in p.children]


def test_least_loaded_keeps_lists_within_one() -> None:
    p = pool(4)
    for i in range(23):
        p.add(Kid(i), counted=True)
    assert sorted(lists(p)) == [5, 6, 6, 6]
    assert sum(p.counted) == 23


def test_round_robin_cycles_over_filled_posts() -> None:
    p = pool(3, [True, False, True], rule="round_robin")
    kids = [Kid(i) for i in range(4)]
    for k in kids:
        p.add(k, counted=True)
    assert [k.post for k in kids] == [0, 2, 0, 2]


def test_leaver_children_are_reassigned_and_nobody_is_lost() -> None:
    p = pool(3)
    kids = [Kid(i) for i in range(30)]
    for k in kids:
        p.add(k, counted=True)
    p.worker_leaves(1)
    assert p.filled == [True, False, True]
    assert lists(p) == [15, 0, 15]
    assert all(k.post in (0, 2) for k in kids)


def test_all_vacant_children_wait_unassigned_then_go_to_the_new_worker() -> None:
    p = pool(2, [False, False])
    kids = [Kid(i) for i in range(5)]
    for k in kids:
        p.add(k, counted=True)
    assert len(p.unassigned) == 5 and sum(p.counted) == 0
    p.worker_hired(1)
    assert lists(p) == [0, 5] and p.counted == [0, 5] and not p.unassigned


def test_new_hire_takes_children_up_to_the_mean() -> None:
    p = pool(3, [True, True, False])
    for i in range(40):
        p.add(Kid(i), counted=True)
    p.worker_hired(2)
    assert sorted(lists(p)) == [13, 13, 14]
    assert sum(p.counted) == 40


def test_over_limit_counters_and_child_days_integral() -> None:
    clock = Clock()
    p = pool(1, limit=30, clock=clock)
    kids = [Kid(i) for i in range(31)]
    for k in kids:
        p.add(k, counted=True)
    assert (p.n_over, p.over_sum) == (1, 31)
    clock.t = 10.0
    p.remove(kids[0])  # back to 30: at the limit is not over it
    assert (p.n_over, p.over_sum) == (0, 0)
    clock.t = 25.0
    days = p.snapshot()[POOL["child_days_over_limit"]]
    assert days == pytest.approx(31 * 10.0)


def test_limit_switch_from_35_to_30_reclassifies_workers() -> None:
    p = pool(2, limit=35)
    for i in range(64):
        p.add(Kid(i), counted=True)
    assert p.n_over == 0
    p.set_limit(30)
    assert (p.n_over, p.over_sum) == (2, 64)


def test_uncounted_children_do_not_load_the_limit_but_are_clients() -> None:
    p = pool(1, limit=2)
    for i in range(5):
        p.add(Kid(i), counted=False)
    seen = p.observe()
    assert (seen.clients, seen.clients_counted, seen.workers_in_post, seen.vacancies) == (5, 0, 1, 0)
    assert (seen.max_children_per_worker, seen.workers_over_limit, seen.unassigned_children) == (0, 0, 0)


def test_recount_at_18() -> None:
    p = pool(1, limit=0)
    k = Kid(1)
    p.add(k, counted=True)
    assert p.n_over == 1
    p.recount(k, False)
    assert p.n_over == 0 and p.counted == [0] and len(p.children[0]) == 1
