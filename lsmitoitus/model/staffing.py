"""Filled and vacant spells of responsible social-worker posts.

Each post alternates between filled (exponential, mean 1 / turnover) and vacant (gamma with the
unit's cv, mean set so that the long-run filled share equals ``fill_rate``). Every post has its
own random stream, so a staffing with one more post has the same history for the others:
candidate staffings are compared with common random numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
import simpy
from simpy.events import Timeout

from ..scenario.schema import UnitStaffing
from ..vocabulary import DAYS_PER_YEAR
from .caseload import WorkerPool
from .randomness import purpose_generator


def pool_key(area: str, unit: str) -> str:
    """The random-stream key of one area's unit: staffing draws depend on nothing else."""
    return f"staff/{area}/{unit}"


OPEN = None  # a staff event that opens a new post (it then waits for its first hire)


class PostDynamics:
    """``opens_at[p]`` > 0 makes post p a new post that exists only from that day (e.g. posts
    funded by a policy lever); before it, the post is neither filled nor vacant."""

    def __init__(
        self,
        staff: UnitStaffing,
        n_posts: int,
        seed: np.random.SeedSequence,
        key: str,
        opens_at: Sequence[float] = (),
    ) -> None:
        self.generators = [purpose_generator(seed, f"{key}/post{p}") for p in range(n_posts)]
        self.opens_at = list(opens_at) or [0.0] * n_posts
        self.mean_filled_days = DAYS_PER_YEAR / staff.turnover_per_year if staff.turnover_per_year > 0 else None
        self.mean_vacant_days = staff.mean_vacancy_days()
        self.vacancy_shape = 1.0 / staff.recruitment_delay_cv**2
        drawn = [bool(g.random() < staff.fill_rate) for g in self.generators]
        self.initially_filled = [f and self.opens_at[p] <= 0 for p, f in enumerate(drawn)]
        self.initially_closed = [t > 0 for t in self.opens_at]

    def first_event(self, post: int) -> tuple[float, bool | None] | None:
        """(time, state before the event) of a post's first staff event: opening, leaving or hire;
        None if a filled post never turns over."""
        if self.initially_closed[post]:
            return self.opens_at[post], OPEN
        delay = self.next_change(post, self.initially_filled[post])
        return None if delay is None else (delay, self.initially_filled[post])

    def next_change(self, post: int, filled: bool) -> float | None:
        """Days until ``post`` changes state (leaver or hire); None if a filled post never turns over."""
        gen = self.generators[post]
        if filled:
            return None if self.mean_filled_days is None else float(gen.exponential(self.mean_filled_days))
        if self.mean_vacant_days <= 0:
            return 0.0
        return float(gen.gamma(self.vacancy_shape, self.mean_vacant_days / self.vacancy_shape))


def apply_staff_event(
    pool: WorkerPool, dynamics: PostDynamics, post: int, state: bool | None
) -> tuple[float | None, bool]:
    """Carry out a post's staff event (open, leaver or hire) on ``pool``; return the delay to the
    post's next event (None: no further event) and the post's new state (filled or not).
    Shared by the event model and the replay so that both follow the same rules."""
    if state is OPEN:
        pool.open_post(post)
        new_state = False
    elif state:
        pool.worker_leaves(post)
        new_state = False
    else:
        pool.worker_hired(post)
        new_state = True
    return dynamics.next_change(post, new_state), new_state


class StaffScheduler:
    """Runs every post's staff events (opening, leaver, hire) as SimPy events on its pool.

    ``events`` counts the staff events carried out (part of a replication's event count).
    """

    def __init__(self, env: simpy.Environment) -> None:
        self.env = env
        self.events = 0

    def start(self, pool: WorkerPool, dynamics: PostDynamics) -> None:
        """Schedule the first staff event of every post of ``pool``."""
        for post in range(len(dynamics.opens_at)):
            first = dynamics.first_event(post)
            if first is not None:
                self._schedule(first[0], pool, dynamics, post, first[1])

    def _schedule(self, delay: float, pool: WorkerPool, dynamics: PostDynamics, post: int, state: bool | None) -> None:
        ev = Timeout(self.env, delay, (pool, dynamics, post, state))
        ev.callbacks.append(self._on_staff_change)

    def _on_staff_change(self, ev: simpy.Event) -> None:
        """A post's staff event is due: carry it out and schedule the post's next one."""
        pool, dynamics, post, state = cast(tuple[WorkerPool, PostDynamics, int, bool | None], ev.value)
        self.events += 1
        delay, new_state = apply_staff_event(pool, dynamics, post, state)
        if delay is not None:
            self._schedule(delay, pool, dynamics, post, new_state)
