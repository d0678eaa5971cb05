"""Legal time rules as pure functions of model time (days since the model origin).

Kept apart from the event code so that each rule can be tested on its own.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

import numpy as np

from ..vocabulary import DAYS_PER_YEAR

#: A dated schedule: (first day the value applies, value), in increasing order of day.
Schedule = Sequence[tuple[float, float]]


def value_on(schedule: Schedule, t: float) -> float:
    """The schedule's value in force at time t (the first step also applies before its start)."""
    i = max(0, bisect_right([start for start, _ in schedule], t) - 1)
    return schedule[i][1]


def age_limit_reached(age_limits: Schedule, birth: float, now: float) -> float:
    """First time ≥ now at which the person's age reaches the age limit in force at that time.

    A lowered limit (25 → 23 on 2024-01-01) ends aftercare on the day it takes effect for
    those already older than the new limit.
    """
    for i, (start, limit) in enumerate(age_limits):
        stop = age_limits[i + 1][0] if i + 1 < len(age_limits) else math.inf
        t = max(start, now, birth + limit * DAYS_PER_YEAR)
        if t < stop:
            return t
    return math.inf


def aftercare_end(
    now: float, wanted_days: float, placement_ended: float, max_years_after: float, birth: float, age_limits: Schedule
) -> float:
    """When aftercare that starts ``now`` ends: the young person's wanted length, or earlier at
    ``max_years_after`` years after the placement ended, or at the age limit, whichever first."""
    return min(
        now + wanted_days,
        placement_ended + max_years_after * DAYS_PER_YEAR,
        age_limit_reached(age_limits, birth, now),
    )


def age_limit_reached_array(age_limits: Schedule, birth: np.ndarray, now: np.ndarray) -> np.ndarray:
    """Vectorised :func:`age_limit_reached` (the same rule for many people at once)."""
    result = np.full(np.shape(birth), math.inf)
    found = np.zeros(np.shape(birth), dtype=bool)
    for i, (start, limit) in enumerate(age_limits):
        stop = age_limits[i + 1][0] if i + 1 < len(age_limits) else math.inf
        t = np.maximum(np.maximum(start, now), birth + limit * DAYS_PER_YEAR)
        hit = ~found & (t < stop)
        result[hit] = t[hit]
        found |= hit
    return result
