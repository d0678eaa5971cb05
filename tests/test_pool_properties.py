"""Property-based tests of the worker pool (Hypothesis): any sequence of adds (with siblings),
removals, recounts, leavers, hires, absences under every cover rule, leads, closing posts, limit
changes and time steps keeps the pool's books exact, under every allocation practice; managed
lists never leave a worker over the limit while a present colleague has room."""

from __future__ import annotations

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from lsmitoitus.model.caseload import (
    ABSENT_AWAY,
    ABSENT_WAIT,
    CLOSED,
    COLLEAGUES,
    INF,
    LEAD,
    NO_POST,
    PRESENT,
    VACANT,
    WAIT,
    Allocation,
    Client,
    ManualClock,
    PoolRules,
    WorkerPool,
)

pytestmark = pytest.mark.unit


class PoolMachine(RuleBasedStateMachine):
    """The pool against a reference model: which children exist and whether they count."""

    @initialize(
        n_posts=st.integers(1, 5),
        filled=st.lists(st.booleans(), min_size=5, max_size=5),
        part_time=st.lists(st.booleans(), min_size=5, max_size=5),
        leads=st.integers(0, 2),
        lead_cap=st.integers(0, 4),
        limit=st.integers(0, 6),
        rule=st.sampled_from(["least_loaded", "round_robin", "random", "managed"]),
        balancing=st.floats(0.0, 1.0),
        rebalance=st.booleans(),
    )
    def setup(
        self,
        n_posts: int,
        filled: list[bool],
        part_time: list[bool],
        leads: int,
        lead_cap: int,
        limit: int,
        rule: str,
        balancing: float,
        rebalance: bool,
    ) -> None:
        self.clock = ManualClock()
        fte = [0.5 if half else 1.0 for half in part_time[:n_posts]] + [1.0] * leads
        status = [PRESENT if f else VACANT for f in filled[:n_posts]] + [PRESENT] * leads
        self.pool = WorkerPool(
            fte,
            [False] * n_posts + [True] * leads,
            status,
            limit,
            PoolRules(Allocation[rule.upper()], balancing, rebalance, lead_cap),
            self.clock,
        )
        self.kids: dict[int, Client] = {}
        self.serial = 0
        self.expected_days = 0.0
        self.recorded_days = 0.0

    def _over_sum(self) -> int:
        p = self.pool
        return sum(c for post, c in enumerate(p.counted) if c > p.limit * p.fte[post])

    @rule(counted=st.booleans(), sibling=st.booleans(), u1=st.floats(0.0, 0.999), u2=st.floats(0.0, 0.999))
    def add(self, counted: bool, sibling: bool, u1: float, u2: float) -> None:
        self.serial += 1
        family = self.serial - 1 if sibling else self.serial
        kid = Client(self.serial, family)
        self.kids[kid.serial] = kid
        self.pool.add(kid, counted, u1, u2)

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

    def _posts(self, *statuses: int) -> list[int]:
        return [p for p in self.pool.workers if self.pool.status[p] in statuses]

    @rule(data=st.data())
    def leave(self, data: st.DataObject) -> None:
        filled = self._posts(PRESENT, ABSENT_WAIT, ABSENT_AWAY)
        if filled:
            self.pool.worker_leaves(data.draw(st.sampled_from(filled)))

    @rule(data=st.data(), capacity=st.sampled_from([0.5, 1.0]))
    def hire(self, data: st.DataObject, capacity: float) -> None:
        vacant = self._posts(VACANT)
        if vacant:
            self.pool.worker_hired(data.draw(st.sampled_from(vacant)), capacity)

    @rule(data=st.data())
    def ramp_ends(self, data: st.DataObject) -> None:
        present = self._posts(PRESENT)
        if present:
            self.pool.capacity_restored(data.draw(st.sampled_from(present)))

    @rule(data=st.data(), cover=st.sampled_from([WAIT, COLLEAGUES, LEAD]))
    def absent(self, data: st.DataObject, cover: int) -> None:
        present = self._posts(PRESENT)
        if present:
            self.pool.absence_starts(data.draw(st.sampled_from(present)), cover)

    @rule(data=st.data())
    def back(self, data: st.DataObject) -> None:
        away = self._posts(ABSENT_WAIT, ABSENT_AWAY)
        if away:
            self.pool.absence_ends(data.draw(st.sampled_from(away)))

    @rule(data=st.data())
    def close(self, data: st.DataObject) -> None:
        existing = self._posts(PRESENT, VACANT, ABSENT_WAIT, ABSENT_AWAY)
        if len(existing) > 1:
            self.pool.close_post(data.draw(st.sampled_from(existing)))

    @rule(limit=st.integers(0, 6))
    def change_limit(self, limit: int) -> None:
        self.pool.set_limit(limit)

    @rule(dt=st.floats(0.0, 10.0))
    def advance(self, dt: float) -> None:
        self.expected_days += self._over_sum() * dt  # the integrand is constant between events
        self.clock.now += dt

    @rule()
    def take_days(self) -> None:
        self.recorded_days += self.pool.take_child_days_over()

    @invariant()
    def every_child_on_exactly_one_list_or_unassigned(self) -> None:
        p = self.pool
        seen: list[int] = []
        for post, children in enumerate(p.children):
            if p.status[post] in (VACANT, CLOSED, ABSENT_AWAY):
                assert not children, "a post without a worker at hand holds children"
            for kid in children:
                assert kid.post == post and kid.pool is p
            seen += [k.serial for k in children]
        for kid in p.unassigned:
            assert kid.post == NO_POST and kid.pool is p
        seen += [k.serial for k in p.unassigned]
        assert sorted(seen) == sorted(self.kids)
        if p.unassigned:
            assert not self._posts(PRESENT), "children wait unassigned only when no worker is present"

    @invariant()
    def counted_lists_sum_to_counted_clients(self) -> None:
        p = self.pool
        for post, children in enumerate(p.children):
            assert p.counted[post] == sum(1 for k in children if k.counted)
            takes_new = p.status[post] == PRESENT and not p.is_lead[post]
            assert p.load[post] == (len(children) / p.cap[post] if takes_new else INF)
        seen = p.observe()
        assert seen.clients == len(self.kids)
        assert seen.clients_counted == sum(1 for k in self.kids.values() if k.counted)
        assert sum(p.counted) == seen.clients_counted - sum(1 for k in p.unassigned if k.counted)
        cover = sum(1 for lead in p.leads for k in p.children[lead] if k.cover_from != NO_POST)
        assert cover == seen.lead_cover and all(cover_count <= p.lead_cap for cover_count in self._lead_cover())

    def _lead_cover(self) -> list[int]:
        p = self.pool
        return [sum(1 for k in p.children[lead] if k.cover_from != NO_POST) for lead in p.leads]

    @invariant()
    def over_limit_counters_match_the_lists(self) -> None:
        p = self.pool
        over = [c for post, c in enumerate(p.counted) if c > p.limit * p.fte[post]]
        assert (p.n_over, p.over_sum) == (len(over), sum(over))

    @invariant()
    def managed_lists_leave_nobody_over_the_limit_while_a_colleague_has_room(self) -> None:
        p = self.pool
        if p.allocation != Allocation.MANAGED:
            return
        over = [w for w in p.workers if p.status[w] in (PRESENT, ABSENT_WAIT) and p.counted[w] > p.limit * p.fte[w]]
        room = [w for w in p.workers if p.status[w] == PRESENT and p.limit * p.fte[w] - p.counted[w] >= 1]
        assert not (over and set(room) - set(over[:1])), f"over the limit: {over}, room: {room}"

    @invariant()
    def child_days_over_the_limit_integrate_exactly(self) -> None:
        total = self.recorded_days + self.pool.take_child_days_over()
        self.recorded_days = total
        assert total == pytest.approx(self.expected_days, rel=1e-9, abs=1e-9)


PoolMachine.TestCase.settings = settings(max_examples=300, stateful_step_count=60, deadline=None, derandomize=True)
test_worker_pool_keeps_exact_books = PoolMachine.TestCase
