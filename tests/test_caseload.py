"""Responsible-worker pools: allocation, siblings, vacancies, absences, leads, the limit and the
child-days integral."""

from __future__ import annotations

import math

import pytest

from lsmitoitus.model.caseload import (
    ABSENT_WAIT,
    CLOSED,
    COLLEAGUES,
    LEAD,
    PRESENT,
    VACANT,
    WAIT,
    Allocation,
    Client,
    PoolRules,
    WorkerPool,
)
from lsmitoitus.model.raw import POOL

pytestmark = pytest.mark.unit


def Kid(serial: int, family: int | None = None) -> Client:
    """A child for a pool: its own family unless told."""
    return Client(serial, serial if family is None else family)


class Clock:
    """A pool's clock (see caseload.Clock) with a readable name for the tests: ``t`` is the time
    in days. Not a subclass of ManualClock: that class may be compiled (mypyc), and a Python
    class cannot inherit from a compiled one."""

    def __init__(self) -> None:
        self.now = 0.0

    @property
    def t(self) -> float:
        return self.now

    @t.setter
    def t(self, value: float) -> None:
        self.now = value


def pool(
    n: int,
    filled: list[bool] | None = None,
    limit: float = 30,
    rule: str = "least_loaded",
    rebalance: bool = True,
    clock: Clock | None = None,
    leads: int = 0,
    lead_cap: int = 0,
    fte: list[float] | None = None,
    balancing: float = 1.0,
) -> WorkerPool:
    status = [PRESENT if f else VACANT for f in (filled or [True] * n)] + [PRESENT] * leads
    return WorkerPool(
        (fte or [1.0] * n) + [1.0] * leads,
        [False] * n + [True] * leads,
        status,
        limit,
        PoolRules(Allocation[rule.upper()], balancing, rebalance, lead_cap),
        clock or Clock(),
    )


def lists(p: WorkerPool) -> list[int]:
    return [len(s) for s in p.children]


def test_least_loaded_keeps_lists_within_one() -> None:
    p = pool(4)
    for i in range(23):
        p.add(Kid(i), counted=True)
    assert sorted(lists(p)) == [5, 6, 6, 6]
    assert sum(p.counted) == 23


def test_imperfect_balancing_sends_the_rest_to_a_random_worker() -> None:
    """u1 ≥ balancing: the child goes to the present worker chosen by u2, whatever the loads."""
    p = pool(3, balancing=0.5)
    kids = [Kid(i) for i in range(6)]
    for k in kids:
        p.add(k, True, u1=0.9, u2=0.99)  # always the last present worker
    assert lists(p) == [0, 0, 6]
    p.add(Kid(99), True, u1=0.1, u2=0.99)  # balanced: the least loaded
    assert lists(p) == [1, 0, 6]


def test_part_time_posts_take_lists_in_proportion_and_have_a_proportional_limit() -> None:
    p = pool(2, fte=[1.0, 0.5], limit=10)
    for i in range(30):
        p.add(Kid(i), counted=True)
    assert lists(p) == [20, 10]
    assert p.n_over == 2 and p.over_sum == 30  # 20 > 10 and 10 > 5


def test_siblings_are_held_by_one_worker() -> None:
    p = pool(3)
    first = Kid(1, family=7)
    p.add(first, True)
    for i in range(2, 5):
        p.add(Kid(i), True)  # others fill the other lists
    sibling = Kid(9, family=7)
    p.add(sibling, True)
    assert sibling.post == first.post


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
    assert p.status == [PRESENT, VACANT, PRESENT]
    assert lists(p) == [15, 0, 15]
    assert all(k.post in (0, 2) for k in kids)


def test_a_lead_covers_a_leavers_list_up_to_the_cap_and_gives_it_back() -> None:
    p = pool(2, leads=1, lead_cap=4)
    kids = [Kid(i) for i in range(10)]
    for k in kids:
        p.add(k, counted=True)
    p.worker_leaves(0)
    assert lists(p) == [0, 6, 4]  # the lead holds 4 of the 5, the colleague the fifth
    p.worker_hired(0)
    assert len(p.children[2]) == 0 and len(p.children[0]) >= 4  # the covered children come back


def test_all_vacant_children_wait_unassigned_then_go_to_the_new_worker() -> None:
    p = pool(2, [False, False])
    kids = [Kid(i) for i in range(5)]
    for k in kids:
        p.add(k, counted=True)
    assert len(p.unassigned) == 5 and sum(p.counted) == 0
    assert p.observe().unassigned_children == 5
    p.worker_hired(1)
    assert lists(p) == [0, 5] and p.counted == [0, 5] and not p.unassigned


def test_new_hire_takes_children_up_to_the_mean_and_a_starter_takes_less() -> None:
    p = pool(3, [True, True, False])
    for i in range(40):
        p.add(Kid(i), counted=True)
    p.worker_hired(2)
    assert sorted(lists(p)) == [13, 13, 14]
    q = pool(3, [True, True, False])
    for i in range(40):
        q.add(Kid(i), counted=True)
    q.worker_hired(2, capacity=0.5)  # half a list while starting
    assert len(q.children[2]) == 8  # 40 × 0.5 / 2.5


def test_absence_cover_rules() -> None:
    p = pool(3)
    kids = [Kid(i) for i in range(9)]
    for k in kids:
        p.add(k, counted=True)
    p.absence_starts(0, WAIT)
    assert p.status[0] == ABSENT_WAIT and lists(p) == [3, 3, 3]  # the list waits
    p.add(Kid(50), True)
    assert lists(p)[0] == 3  # an absent worker gets no new children
    p.absence_ends(0)
    p.absence_starts(1, COLLEAGUES)
    assert lists(p)[1] == 0 and sum(lists(p)) == 10
    assert p.observe().workers_absent == 1 and p.observe().workers_in_post == 2


def test_absence_to_a_lead() -> None:
    p = pool(2, leads=1, lead_cap=10)
    for i in range(8):
        p.add(Kid(i), counted=True)
    p.absence_starts(0, LEAD)
    assert lists(p) == [0, 4, 4] and p.observe().lead_cover == 4
    p.absence_ends(0)
    assert lists(p)[2] == 0 and lists(p)[0] == 4


def test_closing_a_post_moves_its_list() -> None:
    p = pool(2)
    for i in range(6):
        p.add(Kid(i), counted=True)
    p.close_post(1)
    assert p.status[1] == CLOSED and lists(p) == [6, 0]
    assert p.observe().vacancies == 0  # a closed post is not a vacancy


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


def test_no_limit_before_the_law_and_the_switch_from_35_to_30() -> None:
    p = pool(2, limit=math.inf)
    for i in range(64):
        p.add(Kid(i), counted=True)
    assert p.n_over == 0 and math.isnan(p.snapshot()[POOL["limit"]])
    p.set_limit(35)
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
