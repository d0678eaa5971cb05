"""Responsible social workers of one unit in one area, and the children on their lists.

Each post is either filled by a named worker or vacant. A child-protection client is always on
exactly one filled post's list, or—when every post of the unit is vacant—on the unit's
unassigned list until someone is hired. Children are never refused: overload shows as lists
longer than the limit.

Counters are updated when a list changes, never by polling:

* ``counted[p]`` children on post p that count toward the statutory limit;
* ``over_sum`` = Σ counted[p] over posts with counted[p] > limit, and ``n_over`` their number;
* ``child_days_over`` = ∫ over_sum dt, the child-days spent on the list of a worker over the
  limit (Valvira: one worker over the limit puts every child on that list at risk).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from .raw import PoolObservation

VACANT = 1 << 40  # load of a vacant post: larger than any list
ADD, REMOVE, RECOUNT = 0, 1, 2  # operations in a pool's log


class Client(Protocol):
    """What a pool needs of a child: an identity for stable ordering, and where it is listed."""

    serial: int
    pool: WorkerPool | None
    post: int
    counted: bool


class WorkerPool:
    """The posts of one unit in one area and the lists of the workers who fill them."""

    __slots__ = (
        "_next_rr",
        "allocation",
        "child_days_over",
        "children",
        "closed",
        "counted",
        "filled",
        "limit",
        "load",
        "log",
        "n_over",
        "now",
        "over_sum",
        "rebalance_on_hire",
        "t_last",
        "unassigned",
        "uniform",
    )

    def __init__(
        self,
        n_posts: int,
        filled: list[bool],
        limit: int,
        allocation: str,
        rebalance_on_hire: bool,
        now: Callable[[], float],
        uniform: Callable[[], float],
        log: list[tuple[float, int, int, bool]] | None = None,
        closed: list[bool] | None = None,
    ) -> None:
        self.children: list[set[Client]] = [set() for _ in range(n_posts)]
        self.counted: list[int] = [0] * n_posts
        self.filled: list[bool] = list(filled)
        # list length per post, VACANT for a vacant post, so min()/index() pick the least
        # loaded filled post in C (ties: lowest post number)
        self.load: list[int] = [0 if f else VACANT for f in self.filled]
        # posts that do not exist yet (opened later by a policy lever): not vacancies
        self.closed: list[bool] = list(closed) if closed is not None else [False] * n_posts
        self.unassigned: set[Client] = set()
        self.limit = limit
        self.allocation = allocation
        self.rebalance_on_hire = rebalance_on_hire
        self.now = now
        self.uniform = uniform
        self.over_sum = 0
        self.n_over = 0
        self.child_days_over = 0.0
        self.t_last = 0.0
        self._next_rr = 0
        # (time, operation, child serial, counted) of every add/remove/recount from outside,
        # so that other staffings can be replayed against the same clients (see replay.py)
        self.log = log

    # --- bookkeeping of the over-limit integral ---------------------------------------------

    def _flush(self) -> None:
        t = self.now()
        self.child_days_over += self.over_sum * (t - self.t_last)
        self.t_last = t

    def _set_counted(self, post: int, new: int) -> None:
        old = self.counted[post]
        if old == new:
            return
        self._flush()
        limit = self.limit
        if old > limit:
            self.over_sum -= old
            self.n_over -= 1
        if new > limit:
            self.over_sum += new
            self.n_over += 1
        self.counted[post] = new

    def set_limit(self, limit: int) -> None:
        """Apply a new statutory limit (e.g. 35 → 30 on 2024-01-01) to the running counters."""
        self._flush()
        self.limit = limit
        over = [c for p, c in enumerate(self.counted) if self.filled[p] and c > limit]
        self.over_sum = sum(over)
        self.n_over = len(over)

    # --- choosing a worker ------------------------------------------------------------------

    def _choose(self) -> int:
        """A filled post for a new child by the allocation rule, or -1 if none is filled."""
        if self.allocation == "least_loaded":
            least = min(self.load, default=VACANT)
            return -1 if least >= VACANT else self.load.index(least)
        candidates = [p for p, f in enumerate(self.filled) if f]
        if not candidates:
            return -1
        if self.allocation == "random":
            return candidates[int(self.uniform() * len(candidates))]
        # round robin over post numbers
        n = len(self.filled)
        for step in range(n):
            p = (self._next_rr + step) % n
            if p in candidates:
                self._next_rr = p + 1
                return p
        return candidates[0]

    # --- children joining and leaving -------------------------------------------------------

    def add(self, child: Client, counted: bool) -> None:
        """A new client for this unit: a worker is chosen by the allocation rule."""
        if self.log is not None:
            self.log.append((self.now(), ADD, child.serial, counted))
        self._add(child, counted)

    def remove(self, child: Client) -> None:
        """The client leaves this unit."""
        if self.log is not None:
            self.log.append((self.now(), REMOVE, child.serial, child.counted))
        self._remove(child)

    def _add(self, child: Client, counted: bool) -> None:
        post = self._choose()
        child.pool = self
        child.post = post
        child.counted = counted
        if post < 0:
            self.unassigned.add(child)
            return
        self.children[post].add(child)
        self.load[post] += 1
        if counted:
            self._set_counted(post, self.counted[post] + 1)

    def _remove(self, child: Client) -> None:
        post = child.post
        child.pool = None
        if post < 0:
            self.unassigned.discard(child)
            return
        self.children[post].discard(child)
        self.load[post] -= 1
        if child.counted:
            self._set_counted(post, self.counted[post] - 1)

    def recount(self, child: Client, counted: bool) -> None:
        """Change whether a child on this pool counts toward the limit (e.g. at 18 in aftercare)."""
        if child.counted == counted:
            return
        if self.log is not None:
            self.log.append((self.now(), RECOUNT, child.serial, counted))
        child.counted = counted
        if child.post >= 0:
            self._set_counted(child.post, self.counted[child.post] + (1 if counted else -1))

    def _move(self, child: Client, to_post: int) -> None:
        counted = child.counted
        self._remove(child)
        child.pool = self
        child.post = to_post
        self.children[to_post].add(child)
        self.load[to_post] += 1
        if counted:
            self._set_counted(to_post, self.counted[to_post] + 1)

    # --- staff turnover ---------------------------------------------------------------------

    def worker_leaves(self, post: int) -> None:
        """The worker on ``post`` leaves: the post becomes vacant and the list is reassigned."""
        leaving = sorted(self.children[post], key=_stable_order)
        for child in leaving:
            self._remove(child)
        self.filled[post] = False
        self.load[post] = VACANT
        for child in leaving:
            self._add(child, child.counted)  # the post is vacant now, so it is not chosen

    def worker_hired(self, post: int) -> None:
        """A new worker fills ``post``: takes unassigned children and, if set, rebalances."""
        self.filled[post] = True
        self.load[post] = 0
        for child in sorted(self.unassigned, key=_stable_order):
            self.unassigned.discard(child)
            child.post = post
            self.children[post].add(child)
            self.load[post] += 1
            if child.counted:
                self._set_counted(post, self.counted[post] + 1)
        if not self.rebalance_on_hire:
            return
        filled = [p for p, f in enumerate(self.filled) if f]
        target = sum(len(self.children[p]) for p in filled) // len(filled)
        while len(self.children[post]) < target:
            donor = max(filled, key=lambda p: len(self.children[p]))
            if len(self.children[donor]) <= len(self.children[post]) + 1:
                break
            child = min(self.children[donor], key=_stable_order)
            self._move(child, post)

    # --- observation ------------------------------------------------------------------------

    def observe(self) -> PoolObservation:
        """The pool at this moment: clients, counted clients, workers in post, vacancies,
        largest counted list, workers over the limit, unassigned children."""
        filled = [p for p, f in enumerate(self.filled) if f]
        clients = sum(len(s) for s in self.children) + len(self.unassigned)
        counted = sum(self.counted) + sum(1 for c in self.unassigned if c.counted)
        max_list = max((self.counted[p] for p in filled), default=0)
        vacancies = len(self.filled) - len(filled) - sum(self.closed)
        return PoolObservation(clients, counted, len(filled), vacancies, max_list, self.n_over, len(self.unassigned))

    def open_post(self, post: int) -> None:
        """A new post starts to exist (vacant until its first hire)."""
        self.closed[post] = False

    def take_child_days_over(self) -> float:
        """Child-days over the limit accumulated since the previous call (then reset)."""
        self._flush()
        days = self.child_days_over
        self.child_days_over = 0.0
        return days

    def snapshot(self) -> tuple[float, ...]:
        """Month-end record in the order of ``raw.POOL_MEASURES``: :meth:`observe`, the
        child-days over the limit since the last snapshot, and the limit in force."""
        seen = self.observe()
        return (
            seen.clients,
            seen.clients_counted,
            seen.workers_in_post,
            seen.vacancies,
            seen.max_children_per_worker,
            seen.workers_over_limit,
            self.take_child_days_over(),
            seen.unassigned_children,
            self.limit,
        )


def _stable_order(child: Client) -> int:
    """Children are ordered by their serial number so that reassignment is reproducible
    (sets of objects iterate in memory-address order, which differs between runs)."""
    return child.serial
