"""Filled and vacant spells of responsible social-worker posts.

Each post alternates between filled (exponential, mean 1 / turnover) and vacant (gamma with the
unit's cv, mean set so that the long-run filled share equals ``fill_rate``). Every post has its
own random stream, so a staffing with one more post has the same history for the others:
candidate staffings are compared with common random numbers.
"""

from __future__ import annotations

import numpy as np

from ..randomness import purpose_generator
from ..scenario import UnitStaffing
from ..vocabulary import DAYS_PER_YEAR


def pool_key(area: str, unit: str) -> str:
    """The random-stream key of one area's unit: staffing draws depend on nothing else."""
    return f"staff/{area}/{unit}"


class PostDynamics:
    def __init__(self, staff: UnitStaffing, n_posts: int, seed: np.random.SeedSequence, key: str) -> None:
        self.generators = [purpose_generator(seed, f"{key}/post{p}") for p in range(n_posts)]
        self.mean_filled_days = DAYS_PER_YEAR / staff.turnover_per_year if staff.turnover_per_year > 0 else None
        self.mean_vacant_days = staff.mean_vacancy_days()
        self.vacancy_shape = 1.0 / staff.recruitment_delay_cv**2
        self.initially_filled = [bool(g.random() < staff.fill_rate) for g in self.generators]

    def next_change(self, post: int, filled: bool) -> float | None:
        """Days until ``post`` changes state (leaver or hire); None if a filled post never turns over."""
        gen = self.generators[post]
        if filled:
            return None if self.mean_filled_days is None else float(gen.exponential(self.mean_filled_days))
        if self.mean_vacant_days <= 0:
            return 0.0
        return float(gen.gamma(self.vacancy_shape, self.mean_vacant_days / self.vacancy_shape))
