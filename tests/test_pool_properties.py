"""Property-based tests of the worker pool (Hypothesis): any sequence of adds, removals,
recounts, leavers, hires, limit changes and time steps keeps the pool's books exact."""

from __future__ import annotations

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from lsmitoitus.model.caseload import VACANT, WorkerPool

pytestmark = pytest.mark.unit


class Kid:
    def __init__(self, serial: int) -> None:
        self.serial = serial
        self.pool: WorkerPool | None = None
        self.post = -1
        self.counted = False


class PoolMachine(RuleBasedStateMachine):
    """The pool against a reference model: which children exist and whether they count."""

    @initialize(
        n_posts=st.integers(1, 5),
        filled=st.lists(st.booleans(), min_size=5, max_size=5),
        limit=st.integers(0, 6),
        rule=st.sampled_from(["least_loaded", "round_robin", "random"]),
        rebalance=st.booleans(),
        u=st.floats(0.0, 0.999),
    )
    def setup(self, n_posts: int, filled: list[bool], limit: int, rule: str, rebalance: bool, u: float) -> None:
        self.now = 0.0
        self.pool = WorkerPool(n_posts, filled[:n_posts], limit, rule, rebalance, lambda: self.now, lambda: u)
        self.kids: dict[int, Kid] = {}
        self.serial = 0
        self.expected_days = 0.0
        self.recorded_days = 0.0

    def _over_sum(self) -> int:
        p = self.pool
        return sum(c for post, c in enumerate(p.counted) if p.filled[post] and c > p.limit)

    @rule(counted=st.booleans())
    def add(self, counted: bool) -> None:
        self.serial += 1
        kid = Kid(self.serial)
        self.kids[kid.serial] = kid
        self.pool.add(kid, counted)

    @precondition(lambda self: bool(self.kids))
    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        serial = data.draw(st.sampled_from(sorted(self.kids)))
        self.pool.remove(self.kids.pop(serial))

    @precondition(lambda self: bool(self.kids))
    @rule(data=st.data(), counted=st.booleans())
    def recount(self, data: st.DataObject, counted: bool) -> None:
        serial = data.draw(st.sampled_from(sorted(self.kids)))
        self.pool.recount(self.kids[serial], counted)

    @rule(data=st.data())
    def leave(self, data: st.DataObject) -> None:
        filled = [p for p, f in enumerate(self.pool.filled) if f]
        if filled:
            self.pool.worker_leaves(data.draw(st.sampled_from(filled)))

    @rule(data=st.data())
    def hire(self, data: st.DataObject) -> None:
        vacant = [p for p, f in enumerate(self.pool.filled) if not f]
        if vacant:
            self.pool.worker_hired(data.draw(st.sampled_from(vacant)))

    @rule(limit=st.integers(0, 6))
    def change_limit(self, limit: int) -> None:
        self.pool.set_limit(limit)

    @rule(dt=st.floats(0.0, 10.0))
    def advance(self, dt: float) -> None:
        self.expected_days += self._over_sum() * dt  # the integrand is constant between events
        self.now += dt

    @rule()
    def take_days(self) -> None:
        self.recorded_days += self.pool.take_child_days_over()

    @invariant()
    def every_child_on_exactly_one_list_or_unassigned(self) -> None:
        p = self.pool
        seen: list[int] = []
        for post, children in enumerate(p.children):
            assert not children or p.filled[post], "a vacant post holds children"
            for kid in children:
                assert kid.post == post and kid.pool is p
            seen += [k.serial for k in children]
        for kid in p.unassigned:
            assert kid.post == -1 and kid.pool is p
        seen += [k.serial for k in p.unassigned]
        assert sorted(seen) == sorted(self.kids)
        assert not p.unassigned or not any(p.filled), "children wait unassigned only when every post is vacant"

    @invariant()
    def counted_lists_sum_to_counted_clients(self) -> None:
        p = self.pool
        for post, children in enumerate(p.children):
            assert p.counted[post] == sum(1 for k in children if k.counted)
            assert p.load[post] == (len(children) if p.filled[post] else VACANT)
        seen = p.observe()
        assert seen.clients == len(self.kids)
        assert seen.clients_counted == sum(1 for k in self.kids.values() if k.counted)
        assert sum(p.counted) == seen.clients_counted - sum(1 for k in p.unassigned if k.counted)

    @invariant()
    def over_limit_counters_match_the_lists(self) -> None:
        p = self.pool
        over = [c for post, c in enumerate(p.counted) if p.filled[post] and c > p.limit]
        assert (p.n_over, p.over_sum) == (len(over), sum(over))

    @invariant()
    def child_days_over_the_limit_integrate_exactly(self) -> None:
        total = self.recorded_days + self.pool.take_child_days_over()
        self.recorded_days = total
        assert total == pytest.approx(self.expected_days, rel=1e-9, abs=1e-9)


PoolMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=60, deadline=None)
test_worker_pool_keeps_exact_books = PoolMachine.TestCase
