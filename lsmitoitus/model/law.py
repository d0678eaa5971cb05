"""Legal time rules as pure functions of model time (days since the model origin).

Kept apart from the event code so that each rule can be tested on its own.

* The caseload limit (lastensuojelulaki 13 b §) is a dated schedule; before its first step
  (1.1.2022) there is no limit, so nothing before it can be a breach.
* The aftercare age limit (75 §) is a dated schedule whose steps may carry a transition: when
  the limit fell from 25 to 23 on 1.1.2024, young people then aged 23 or 24 kept aftercare
  until 30.6.2024 (still ending at 25 if that came first).
* The 5-year rule counts from when the young person was last a client after the placement;
  aftercare is client status, so an ongoing aftercare episode is not cut by it (the older
  reading, 5 years from the end of the placement, is a scenario option).
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence

import numpy as np

from ..vocabulary import DAYS_PER_YEAR

#: A dated schedule: (first day the value applies, value), in increasing order of day.
Schedule = Sequence[tuple[float, float]]
#: Aftercare age limits: (first day, limit in years, last day of the transition or -inf).
AgeSchedule = Sequence[tuple[float, float, float]]
NO_LIMIT = math.inf


def value_on(schedule: Schedule, t: float, before: float | None = None) -> float:
    """The schedule's value in force at time t. Before the first step: ``before`` if given,
    else the first step's value."""
    i = bisect_right([start for start, _ in schedule], t) - 1
    if i < 0:
        return schedule[0][1] if before is None else before
    return schedule[i][1]


def limit_on(schedule: Schedule, t: float) -> float:
    """The caseload limit in force at t; :data:`NO_LIMIT` before the law's first step."""
    return value_on(schedule, t, before=NO_LIMIT)


def age_limit_reached(age_limits: AgeSchedule, birth: float, now: float) -> float:
    """First time ≥ now at which the person's age reaches the age limit in force at that time.

    A lowered limit (25 → 23 on 1.1.2024) ends aftercare on the day it takes effect for those
    already older than the new limit, unless the step has a transition: then those under the
    previous limit keep aftercare until the transition's last day (or the previous limit).
    """
    for i, (start, limit, transition_until) in enumerate(age_limits):
        stop = age_limits[i + 1][0] if i + 1 < len(age_limits) else math.inf
        t = max(start, now, birth + limit * DAYS_PER_YEAR)
        if t < stop:
            if i > 0 and t == start and transition_until > start:
                previous = birth + age_limits[i - 1][1] * DAYS_PER_YEAR
                if previous > start:  # under the previous limit when the new one took effect
                    return max(now, min(transition_until, previous))
            return t
    return math.inf


def aftercare_end(
    now: float,
    wanted_days: float,
    placement_ended: float,
    max_years_after: float,
    birth: float,
    age_limits: AgeSchedule,
) -> float:
    """When aftercare that starts ``now`` ends: the young person's wanted length, or the age limit,
    or ``max_years_after`` years after ``placement_ended`` (pass ``inf`` for the current reading of
    the 5-year rule, under which it does not cut an ongoing episode), whichever comes first."""
    return min(
        now + wanted_days,
        placement_ended + max_years_after * DAYS_PER_YEAR,
        age_limit_reached(age_limits, birth, now),
    )


def aftercare_end_array(
    now: np.ndarray,
    wanted_days: np.ndarray,
    placement_ended: np.ndarray,
    max_years_after: float,
    birth: np.ndarray,
    age_limits: AgeSchedule,
) -> np.ndarray:
    """Vectorised :func:`aftercare_end` (the same rule for many young people at once)."""
    return np.minimum(
        np.minimum(now + wanted_days, placement_ended + max_years_after * DAYS_PER_YEAR),
        age_limit_reached_array(age_limits, birth, now),
    )


def age_limit_reached_array(age_limits: AgeSchedule, birth: np.ndarray, now: np.ndarray) -> np.ndarray:
    """Vectorised :func:`age_limit_reached` (the same rule for many people at once)."""
    result = np.full(np.shape(birth), math.inf)
    found = np.zeros(np.shape(birth), dtype=bool)
    for i, (start, limit, transition_until) in enumerate(age_limits):
        stop = age_limits[i + 1][0] if i + 1 < len(age_limits) else math.inf
        t = np.maximum(np.maximum(start, now), birth + limit * DAYS_PER_YEAR)
        hit = ~found & (t < stop)
        if i > 0 and transition_until > start:
            previous = birth + age_limits[i - 1][1] * DAYS_PER_YEAR
            kept = hit & (t == start) & (previous > start)
            t = np.where(kept, np.maximum(now, np.minimum(transition_until, previous)), t)
        result[hit] = t[hit]
        found |= hit
    return result
