"""Which posts of responsible social workers exist, and from when: the one rule that the event
model, the replay and the dimensioning all use.

Funded posts (``staffing.<unit>.<area>.social_workers``) exist from the beginning; the balancing
programme's extra open-care posts (``levers.avohuolto_extra_posts``) exist from ``levers.start``.
"""

from __future__ import annotations

import datetime as dt

from ..scenario.schema import Scenario


def post_opening_dates(scenario: Scenario, unit: str, area: str) -> list[dt.date | None]:
    """The day each post of a unit starts to exist, in post order; None: from the beginning."""
    base: list[dt.date | None] = [None] * scenario.staffing[unit][area].social_workers  # type: ignore[index]
    levers = scenario.levers
    extra = levers.avohuolto_extra_posts.get(area, 0) if unit == "avohuolto" else 0
    return base + [levers.start] * extra


def post_opening_days(scenario: Scenario, unit: str, area: str, origin: dt.date) -> list[float]:
    """:func:`post_opening_dates` as model days since ``origin`` (0: open from the start)."""
    return [
        0.0 if opens is None else float(max(0, (opens - origin).days))
        for opens in post_opening_dates(scenario, unit, area)
    ]


def posts_on(scenario: Scenario, unit: str, area: str, day: dt.date) -> int:
    """Posts of a unit that exist on ``day``."""
    return sum(1 for opens in post_opening_dates(scenario, unit, area) if opens is None or opens <= day)
