"""Responsible social workers of one team of one unit, and the children on their lists.

A team has posts (full- or part-time) and possibly lead social workers. A post is closed (does
not exist yet, or any more), vacant, or filled by a worker who is present or absent. An absent
worker's list either waits for the worker or has moved to colleagues or a lead. A
child-protection client is always on exactly one list, or—when no worker is present and no lead
has room—on the team's unassigned list, which is itself a breach of the law. Children are never
refused here: overload shows as lists longer than the limit.

Allocation of a new client (:class:`Allocation`, the head of service's practice): a sibling
already on a present worker's list in the team brings the child to that worker (families are
held by one worker); otherwise, with ``LEAST_LOADED`` (today's uneven practice), a share
``balancing`` of new clients go to the worker with the shortest list relative to the worker's
capacity (FTE, reduced for a new worker), and the rest to a present worker chosen at random (duty
rotas, areas within a team, specialised roles). ``MANAGED`` lists: every new client goes to the
worker with the shortest list (a sibling's worker only while it has room), and whenever a
worker's list is over the limit a child moves to the colleague with the most room, as long as
any present colleague has room: so nobody is over the limit while the team has room. Every move
of a child from one worker to another is counted (``reassignments``): continuity matters.
Leads take no new clients; they hold the lists of vacant or absent workers up to a cap.

Counters are updated when a list changes, never by polling:

* ``counted[p]`` children on list p that count toward the statutory limit;
* ``over_sum`` = Σ counted[p] over lists with counted[p] > the list's limit (the legal limit,
  scaled by the post's FTE), and ``n_over`` their number;
* ``child_days_over`` = ∫ over_sum dt, the child-days spent on the list of a worker over the
  limit (Valvira: one worker over the limit puts every child on that list at risk).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Final, NamedTuple, Protocol

from .raw import PoolObservation

# Final: a compiled build (mypyc) reads these as constants, not by name on every use
INF: Final = math.inf
# status of a post
CLOSED: Final = 0
VACANT: Final = 1
PRESENT: Final = 2
ABSENT_WAIT: Final = 3
ABSENT_AWAY: Final = 4
# operations in a pool's log
ADD: Final = 0
REMOVE: Final = 1
RECOUNT: Final = 2
NO_POST: Final = -1
NEW_COVER: Final = -2  # cover_from of a new client a lead holds while nobody in the team is present


class Allocation(IntEnum):
    """How a team gives a new client a named worker (``caseload.allocation`` in the schema)."""

    LEAST_LOADED = 0
    BALANCED = 1
    ROUND_ROBIN = 2
    RANDOM = 3
    MANAGED = 4


# plain ints for the compiled hot path
LEAST_LOADED: Final = 0
BALANCED: Final = 1
ROUND_ROBIN: Final = 2
MANAGED: Final = 4


class Cover(IntEnum):
    """Who holds an absent worker's list (``staffing.<unit>.<area>.absences.cover`` in the schema):
    it waits for the worker, or moves to colleagues, or to a lead up to the cap (the rest to
    colleagues)."""

    WAIT = 0
    COLLEAGUES = 1
    LEAD = 2


# plain ints for the compiled hot path
WAIT: Final = 0
COLLEAGUES: Final = 1
LEAD: Final = 2


@dataclass(frozen=True)
class PoolRules:
    """A team's practice: the allocation rule, the share of new clients balanced under
    ``LEAST_LOADED``, whether a new hire takes children up to the team mean, and how many covered
    children one lead may hold."""

    allocation: Allocation
    balancing: float
    rebalance_on_hire: bool
    lead_cap: int


class PoolOp(NamedTuple):
    """One client operation of a team, recorded so that other staffings can be replayed against
    the same clients (:mod:`.replay`): a new client's own allocation draws ``u1``, ``u2``."""

    time: float
    op: int  # ADD, REMOVE or RECOUNT
    serial: int
    counted: bool
    family: int
    u1: float
    u2: float


LogEntry = PoolOp


class Clock(Protocol):
    """What a pool needs to know the time: ``now`` in days (the model's
    :class:`~.environment.ModelEnvironment` is one; a replay uses a :class:`ManualClock`). An
    attribute, not a call: pools read it on every change."""

    now: float


class ManualClock:
    """A clock set by hand (replays and tests)."""

    __slots__ = ("now",)

    def __init__(self, now: float = 0.0) -> None:
        self.now = now


class Client:
    """What a pool keeps of a child: an identity for stable ordering, its family, and where it is
    listed. A concrete class, not a protocol: compiled, the pool then reads and writes these
    fields directly instead of looking them up by name on every list change (the model's
    children extend it; a replay's clients are plain ones)."""

    __slots__ = ("counted", "cover_from", "family", "pool", "post", "serial")

    def __init__(self, serial: int, family: int) -> None:
        self.serial = serial
        self.family = family
        self.pool: WorkerPool | None = None
        self.post = NO_POST
        self.counted = False
        self.cover_from = NO_POST


class WorkerPool:
    """The posts of one team of one unit and the lists of the workers who fill them."""

    __slots__ = (
        "allocation",
        "balancing",
        "cap",
        "child_days_over",
        "children",
        "clock",
        "counted",
        "family_count",
        "family_post",
        "fte",
        "is_lead",
        "lead_cap",
        "leads",
        "limit",
        "load",
        "log",
        "n_over",
        "next_rr",
        "over_sum",
        "present",
        "reassignments",
        "rebalance_on_hire",
        "status",
        "t_last",
        "unassigned",
        "workers",
    )

    def __init__(
        self,
        fte: Sequence[float],
        is_lead: Sequence[bool],
        status: Sequence[int],
        limit: float,
        rules: PoolRules,
        clock: Clock,
        log: list[PoolOp] | None = None,
    ) -> None:
        n = len(fte)
        self.fte = list(fte)
        self.is_lead = list(is_lead)
        self.status = list(status)
        self.cap = list(self.fte)  # capacity now: FTE, reduced while a new worker starts
        self.children: list[set[Client]] = [set() for _ in range(n)]
        self.counted: list[int] = [0] * n
        self.load: list[float] = [0.0] * n
        self.workers = [p for p in range(n) if not self.is_lead[p]]
        self.leads = [p for p in range(n) if self.is_lead[p]]
        # present non-lead workers in post order, kept as statuses change (rarely), so that
        # choosing among them for each new client costs nothing
        self.present = [p for p in self.workers if self.status[p] == PRESENT]
        for p in range(n):
            self._refresh_load(p)
        self.unassigned: set[Client] = set()
        self.family_post: dict[int, int] = {}
        self.family_count: dict[int, int] = {}
        self.limit = limit
        self.allocation = int(rules.allocation)
        self.balancing = rules.balancing
        self.rebalance_on_hire = rules.rebalance_on_hire
        self.lead_cap = rules.lead_cap
        self.next_rr = 0
        self.reassignments = 0  # moves of a child from one worker to another since the last snapshot
        self.clock = clock
        self.over_sum = 0
        self.n_over = 0
        self.child_days_over = 0.0
        self.t_last = 0.0
        # every add/remove/recount from outside, so that other staffings can be replayed against
        # the same clients (replay.py)
        self.log = log

    # --- bookkeeping ------------------------------------------------------------------------

    def _refresh_load(self, p: int) -> None:
        """Load of a post for allocation: list length over capacity for a present worker, else ∞."""
        self.load[p] = len(self.children[p]) / self.cap[p] if self.status[p] == PRESENT and not self.is_lead[p] else INF

    def _post_limit(self, p: int) -> float:
        return self.limit * self.fte[p]

    def _set_status(self, post: int, status: int) -> None:
        """Change a post's status, keeping the list of present workers in order."""
        was_present = self.status[post] == PRESENT
        self.status[post] = status
        if self.is_lead[post] or was_present == (status == PRESENT):
            return
        if status == PRESENT:
            self.present.append(post)
            self.present.sort()
        else:
            self.present.remove(post)

    def _flush(self) -> None:
        t = self.clock.now
        self.child_days_over += self.over_sum * (t - self.t_last)
        self.t_last = t

    def _set_counted(self, post: int, new: int) -> None:
        old = self.counted[post]
        if old == new:
            return
        self._flush()
        limit = self.limit * self.fte[post]
        if old > limit:
            self.over_sum -= old
            self.n_over -= 1
        if new > limit:
            self.over_sum += new
            self.n_over += 1
        self.counted[post] = new

    def _recompute_over(self) -> None:
        over = [c for p, c in enumerate(self.counted) if c > self._post_limit(p)]
        self.over_sum = sum(over)
        self.n_over = len(over)

    def set_limit(self, limit: float) -> None:
        """Apply a new statutory limit (e.g. 35 → 30 on 1.1.2024) to the running counters; managed
        lists then relieve every list over the new limit, a waiting absent worker's too."""
        self._flush()
        self.limit = limit
        self._recompute_over()
        if self.allocation == MANAGED:
            self._relieve_all()

    # --- placing children -------------------------------------------------------------------

    def _place(self, child: Client, post: int) -> None:
        child.pool = self
        child.post = post
        if post == NO_POST:
            self.unassigned.add(child)
            return
        self.children[post].add(child)
        self._refresh_load(post)
        if child.counted:
            self._set_counted(post, self.counted[post] + 1)
        if not self.is_lead[post]:
            self.family_post[child.family] = post

    def _unplace(self, child: Client) -> None:
        post = child.post
        if post == NO_POST:
            self.unassigned.discard(child)
            return
        self.children[post].discard(child)
        self._refresh_load(post)
        if child.counted:
            self._set_counted(post, self.counted[post] - 1)

    def _even_out(self, post: int) -> None:
        """Perfect balance (allocation ``balanced``): after a list shortens, a child moves from
        the longest list if the two differ by more than one, so lists never differ by more."""
        if self.status[post] != PRESENT or self.is_lead[post]:
            return
        longest = max(self.workers, key=lambda p: (self.load[p] if self.load[p] != INF else -1.0, -p))
        if self.load[longest] != INF and len(self.children[longest]) - len(self.children[post]) > 1:
            self._move(min(self.children[longest], key=_stable_order), post)

    def _least_loaded(self) -> int:
        """The first post with the smallest load, or none (an explicit loop: compiled, a builtin
        ``min`` is a generic call, and this runs for most new clients)."""
        best, least = NO_POST, INF
        load = self.load
        for p in range(len(load)):
            if load[p] < least:
                best, least = p, load[p]
        return best

    def _room(self, post: int) -> float:
        """Children the worker on ``post`` may still take under the limit (legal, by FTE)."""
        return self.limit * self.fte[post] - self.counted[post]

    def _most_room(self, besides: int) -> int:
        """The present worker other than ``besides`` with the most room (at least one child), or none."""
        best, best_room = NO_POST, 1.0
        for p in self.present:
            if p != besides:
                room = self._room(p)
                if room >= best_room + (1e-9 if best != NO_POST else 0.0):
                    best, best_room = p, room
        return best

    def _relieve(self, post: int) -> None:
        """Managed lists: while ``post``'s list is over the limit, its newest counted child moves to
        the present colleague with the most room, if any has room."""
        while self.counted[post] > self._post_limit(post):
            target = self._most_room(post)
            if target == NO_POST:
                return
            newest = max((c for c in self.children[post] if c.counted), key=_stable_order)
            newest.cover_from = NO_POST
            self._move(newest, target)

    def _relieve_all(self) -> None:
        """Managed lists: relieve every worker over the limit (present, or absent with a waiting list)."""
        if self.n_over:
            for post in self.workers:
                if self.status[post] in (PRESENT, ABSENT_WAIT):
                    self._relieve(post)

    def _choose(self, child: Client, u1: float, u2: float) -> int:
        """A present worker for a new client: the sibling's worker (under managed lists only while
        it has room), else by the allocation rule."""
        sibling = self.family_post.get(child.family, NO_POST)
        if (
            sibling != NO_POST
            and self.status[sibling] == PRESENT
            and (self.allocation != MANAGED or self._room(sibling) >= 1.0)
        ):
            return sibling
        allocation = self.allocation
        if allocation in (BALANCED, MANAGED) or (allocation == LEAST_LOADED and u1 < self.balancing):
            return self._least_loaded()
        present = self.present
        if not present:
            return NO_POST
        if allocation == ROUND_ROBIN:  # the next present worker after the previous choice
            chosen = present[0]
            for p in present:
                if p >= self.next_rr:
                    chosen = p
                    break
            self.next_rr = chosen + 1
            return chosen
        return present[min(int(u2 * len(present)), len(present) - 1)]

    def _lead_with_room(self) -> int:
        """The lead holding the fewest covered children, if any has room under the cap."""
        best, best_n = NO_POST, self.lead_cap
        for p in self.leads:
            if self.status[p] != PRESENT:
                continue
            n = 0
            for c in self.children[p]:
                if c.cover_from != NO_POST:
                    n += 1
            if n < best_n:
                best, best_n = p, n
        return best

    # --- children joining and leaving -------------------------------------------------------

    def add(self, child: Client, counted: bool, u1: float = 0.0, u2: float = 0.0) -> None:
        """A new client for this team; ``u1``, ``u2`` are the child's own uniforms for the
        allocation rule (recorded, so a replay allocates exactly alike)."""
        if self.log is not None:
            self.log.append(PoolOp(self.clock.now, ADD, child.serial, counted, child.family, u1, u2))
        child.counted = counted
        child.cover_from = NO_POST
        post = self._choose(child, u1, u2)
        if post == NO_POST:
            lead = self._lead_with_room()
            if lead != NO_POST:
                child.cover_from = NEW_COVER
                post = lead
        self._place(child, post)
        self.family_count[child.family] = self.family_count.get(child.family, 0) + 1
        if self.allocation == MANAGED and post != NO_POST:
            self._relieve(post)

    def remove(self, child: Client) -> None:
        """The client leaves this team."""
        if self.log is not None:
            self.log.append(PoolOp(self.clock.now, REMOVE, child.serial, child.counted, child.family, 0.0, 0.0))
        post = child.post
        self._unplace(child)
        child.pool = None
        if self.allocation == BALANCED and post != NO_POST:
            self._even_out(post)
        elif self.allocation == MANAGED:
            self._relieve_all()  # room on this list for a colleague over the limit
        left = self.family_count[child.family] - 1
        if left:
            self.family_count[child.family] = left
        else:
            del self.family_count[child.family]
            self.family_post.pop(child.family, None)

    def recount(self, child: Client, counted: bool) -> None:
        """Change whether a child on this team counts toward the limit (e.g. at 18 in aftercare)."""
        if child.counted == counted:
            return
        if self.log is not None:
            self.log.append(PoolOp(self.clock.now, RECOUNT, child.serial, counted, child.family, 0.0, 0.0))
        child.counted = counted
        if child.post != NO_POST:
            self._set_counted(child.post, self.counted[child.post] + (1 if counted else -1))
            if counted and self.allocation == MANAGED:
                self._relieve(child.post)

    def _move(self, child: Client, to_post: int) -> None:
        """A child already on a list in the team changes worker (a reassignment when both are posts)."""
        if child.post != NO_POST and to_post != NO_POST and child.post != to_post:
            self.reassignments += 1
        self._unplace(child)
        self._place(child, to_post)

    # --- staff events -------------------------------------------------------------------------

    def _evacuate(self, post: int, cover: int) -> None:
        """Move a list away from ``post``: to leads (``cover == LEAD``) up to their cap, then to
        the least-loaded colleagues, siblings together; with nobody present, to unassigned."""
        leaving = sorted(self.children[post], key=_stable_order)
        for child in leaving:
            self._unplace(child)
        for family in {c.family for c in leaving}:
            if self.family_post.get(family) == post:
                del self.family_post[family]
        for child in leaving:
            target = NO_POST
            if cover == LEAD:
                target = self._lead_with_room()
                if target != NO_POST:
                    child.cover_from = post
            if target == NO_POST:
                sibling = self.family_post.get(child.family, NO_POST)
                target = sibling if sibling != NO_POST and self.status[sibling] == PRESENT else self._least_loaded()
                child.cover_from = NO_POST
            if target != NO_POST:
                self.reassignments += 1
            self._place(child, target)
        if self.allocation == MANAGED:
            self._relieve_all()

    def _take_back(self, post: int, rebalance: bool = True) -> None:
        """A worker is back on ``post``: children a lead covered for it, and unassigned children,
        come to it; with rebalancing, it takes children from the longest lists up to the mean."""
        for lead in self.leads:
            back = sorted((c for c in self.children[lead] if c.cover_from in (post, NEW_COVER)), key=_stable_order)
            for child in back:
                child.cover_from = NO_POST
                self._move(child, post)
        for child in sorted(self.unassigned, key=_stable_order):
            self._move(child, post)
        if self.allocation == MANAGED:
            self._relieve_all()  # the worker back, or new, has room for colleagues over the limit
        if not (rebalance and self.rebalance_on_hire):
            return
        present = self.present
        total_cap = sum(self.cap[p] for p in present)
        target = sum(len(self.children[p]) for p in present) * self.cap[post] / total_cap
        while len(self.children[post]) < math.floor(target):
            donor = max(present, key=lambda p: (len(self.children[p]) / self.cap[p], -p))
            if (
                donor == post
                or len(self.children[donor]) / self.cap[donor] <= (len(self.children[post]) + 1) / self.cap[post]
            ):
                break
            self._move(min(self.children[donor], key=_stable_order), post)

    def open_post(self, post: int) -> None:
        """A new post starts to exist (vacant until its first hire)."""
        self._set_status(post, VACANT)

    def close_post(self, post: int) -> None:
        """A post ends: a worker on it leaves and the list moves to colleagues."""
        if self.status[post] != CLOSED:
            self._set_status(post, CLOSED)
            self._refresh_load(post)
            self._evacuate(post, COLLEAGUES)

    def worker_leaves(self, post: int) -> None:
        """The worker on ``post`` leaves: the post becomes vacant and the list is reassigned
        (to leads up to their cap first, when the team has leads)."""
        self._set_status(post, VACANT)
        self._refresh_load(post)
        self._evacuate(post, LEAD if self.leads else COLLEAGUES)

    def worker_hired(self, post: int, capacity: float = 1.0) -> None:
        """A new worker fills ``post`` with a reduced capacity at first (share of a full list)."""
        self._set_status(post, PRESENT)
        self.cap[post] = self.fte[post] * capacity
        self._refresh_load(post)
        self._take_back(post)

    def capacity_restored(self, post: int) -> None:
        """A new worker's starting period ends: full capacity."""
        self.cap[post] = self.fte[post]
        self._refresh_load(post)

    def absence_starts(self, post: int, cover: int) -> None:
        """The worker on ``post`` is absent: the list waits, or moves to colleagues or a lead."""
        if self.status[post] != PRESENT:
            return
        if cover == WAIT:
            self._set_status(post, ABSENT_WAIT)
            self._refresh_load(post)
        else:
            self._set_status(post, ABSENT_AWAY)
            self._refresh_load(post)
            self._evacuate(post, cover)

    def absence_ends(self, post: int) -> None:
        """The worker on ``post`` is back."""
        status = self.status[post]
        if status not in (ABSENT_WAIT, ABSENT_AWAY):
            return
        self._set_status(post, PRESENT)
        self._refresh_load(post)
        # back from an absence whose list waited: no rebalancing, but anyone left without a
        # worker meanwhile comes to this one
        self._take_back(post, rebalance=status == ABSENT_AWAY)

    # --- observation ------------------------------------------------------------------------

    def observe(self) -> PoolObservation:
        """The team at this moment (see :class:`PoolObservation`)."""
        status, children, counted = self.status, self.children, self.counted
        in_post = vacancies = absent = 0
        fte_in_post = 0.0
        for p in self.workers:  # one pass over the posts (a month end of every team)
            s = status[p]
            if s == PRESENT:
                in_post += 1
                fte_in_post += self.fte[p]
            elif s == VACANT:
                vacancies += 1
            elif s in (ABSENT_WAIT, ABSENT_AWAY):
                absent += 1
        unassigned_counted = sum(1 for c in self.unassigned if c.counted)
        return PoolObservation(
            clients=sum(map(len, children)) + len(self.unassigned),
            clients_counted=sum(counted) + unassigned_counted,
            workers_in_post=in_post,
            vacancies=vacancies,
            max_children_per_worker=max((counted[p] for p in range(len(status)) if children[p]), default=0),
            workers_over_limit=self.n_over,
            unassigned_children=unassigned_counted,
            workers_absent=absent,
            lead_cover=sum(1 for p in self.leads for c in children[p] if c.cover_from != NO_POST),
            fte_in_post=fte_in_post,
        )

    def mean_counted_per_present(self) -> float:
        """Counted clients per present worker (FTE); ∞ when nobody is present."""
        fte = sum(self.fte[p] for p in self.present)
        return INF if fte == 0 else (sum(self.counted) + len(self.unassigned)) / fte

    def take_child_days_over(self) -> float:
        """Child-days over the limit accumulated since the previous call (then reset)."""
        self._flush()
        days = self.child_days_over
        self.child_days_over = 0.0
        return days

    def snapshot(self, take: bool = True) -> tuple[float, ...]:
        """Month-end record in the order of ``raw.POOL_MEASURES``; ``take`` reads and resets the
        month's integrals (child-days over the limit, reassignments), else they are NaN (a
        reading within the month, such as THL's monitoring day)."""
        seen = self.observe()
        return (
            seen.clients,
            seen.clients_counted,
            seen.workers_in_post,
            seen.vacancies,
            seen.max_children_per_worker,
            seen.workers_over_limit,
            self.take_child_days_over() if take else math.nan,
            seen.unassigned_children,
            self.limit if self.limit != INF else math.nan,
            seen.workers_absent,
            seen.lead_cover,
            seen.fte_in_post,
            self.take_reassignments() if take else math.nan,
        )

    def take_reassignments(self) -> int:
        """Children moved from one worker to another since the previous call (then reset)."""
        moved = self.reassignments
        self.reassignments = 0
        return moved


def _stable_order(child: Client) -> int:
    """Children are ordered by their serial number so that reassignment is reproducible
    (sets of objects iterate in memory-address order, which differs between runs)."""
    return child.serial
