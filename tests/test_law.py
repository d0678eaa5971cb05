"""Legal time rules: the dated caseload limit and the end of aftercare."""

from __future__ import annotations

import datetime as dt

import pytest

from lsmitoitus.model.law import NO_LIMIT, aftercare_end, age_limit_reached, limit_on, value_on
from lsmitoitus.vocabulary import DAYS_PER_YEAR

pytestmark = pytest.mark.unit
ORIGIN = dt.date(2010, 1, 1)


def day(d: dt.date) -> float:
    return float((d - ORIGIN).days)


def years(n: float) -> float:
    return n * DAYS_PER_YEAR


NONE = float("-inf")
TRANSITION = day(dt.date(2024, 6, 30))
LAW = [
    (day(dt.date(1900, 1, 1)), 21.0, NONE),
    (day(dt.date(2020, 1, 1)), 25.0, NONE),
    (day(dt.date(2024, 1, 1)), 23.0, TRANSITION),
]
NO_TRANSITION = [*LAW[:2], (day(dt.date(2024, 1, 1)), 23.0, NONE)]
COUNTY_25 = [*LAW[:2], (day(dt.date(2024, 1, 1)), 25.0, NONE)]
LIMIT = [(day(dt.date(2022, 1, 1)), 35.0), (day(dt.date(2024, 1, 1)), 30.0)]


def test_no_limit_before_2022_then_35_then_30() -> None:
    assert limit_on(LIMIT, day(dt.date(2021, 12, 31))) == NO_LIMIT
    assert limit_on(LIMIT, day(dt.date(2022, 1, 1))) == 35
    assert limit_on(LIMIT, day(dt.date(2023, 12, 31))) == 35
    assert limit_on(LIMIT, day(dt.date(2024, 1, 1))) == 30
    assert limit_on(LIMIT, day(dt.date(2030, 6, 1))) == 30
    assert value_on(LIMIT, day(dt.date(2021, 1, 1))) == 35  # a schedule read without "before" repeats its first step


def test_aftercare_ends_at_23_from_2024() -> None:
    birth = day(dt.date(2004, 5, 1))
    now = day(dt.date(2025, 1, 1))
    assert age_limit_reached(LAW, birth, now) == pytest.approx(birth + years(23))


def test_lowered_limit_without_a_transition_ends_aftercare_on_the_day_it_takes_effect() -> None:
    birth = day(dt.date(2000, 6, 1))  # 23.6 years on 1.1.2024, allowed until 25 under the 2020–2023 law
    now = day(dt.date(2022, 1, 1))
    assert age_limit_reached(NO_TRANSITION, birth, now) == day(dt.date(2024, 1, 1))


def test_transition_keeps_those_aged_23_or_24_until_30_june_2024() -> None:
    """Amending act of 2024: those who had turned 23 or 24 on 1.1.2024 kept aftercare until
    30.6.2024; one who turned 25 before that still left at 25."""
    now = day(dt.date(2022, 1, 1))
    aged_23 = day(dt.date(2000, 6, 1))
    assert age_limit_reached(LAW, aged_23, now) == TRANSITION
    turns_25_in_march = day(dt.date(1999, 3, 1))
    assert age_limit_reached(LAW, turns_25_in_march, now) == pytest.approx(turns_25_in_march + years(25))
    aged_22 = day(dt.date(2001, 6, 1))  # 22.6 on 1.1.2024: the new limit of 23 applies
    assert age_limit_reached(LAW, aged_22, now) == pytest.approx(aged_22 + years(23))


def test_limit_25_applied_in_2020_to_2023() -> None:
    birth = day(dt.date(1997, 3, 1))  # 25 on 1.3.2022
    assert age_limit_reached(LAW, birth, day(dt.date(2021, 1, 1))) == pytest.approx(birth + years(25))


def test_limit_21_before_2020() -> None:
    birth = day(dt.date(1995, 3, 1))  # 21 on 1.3.2016
    assert age_limit_reached(LAW, birth, day(dt.date(2015, 1, 1))) == pytest.approx(birth + years(21))


def test_county_may_keep_25() -> None:
    birth = day(dt.date(2004, 5, 1))
    assert age_limit_reached(COUNTY_25, birth, day(dt.date(2025, 1, 1))) == pytest.approx(birth + years(25))


def test_five_years_after_placement_comes_first_for_a_young_leaver_under_the_older_reading() -> None:
    birth = day(dt.date(2010, 1, 1))
    ended = day(dt.date(2024, 1, 1))  # reunified at 14
    end = aftercare_end(ended, years(12), ended, 5.0, birth, LAW)
    assert end == pytest.approx(ended + years(5))
    # the current wording counts the 5 years from the last client contact: no cut while in aftercare
    assert aftercare_end(ended, years(12), ended, float("inf"), birth, LAW) == pytest.approx(birth + years(23))


def test_wanted_length_comes_first_when_short() -> None:
    birth = day(dt.date(2006, 1, 1))
    now = day(dt.date(2024, 1, 1))
    assert aftercare_end(now, 200.0, now, 5.0, birth, LAW) == pytest.approx(now + 200.0)


def test_age_limit_comes_first_for_an_18_year_old_leaver() -> None:
    birth = day(dt.date(2006, 1, 1))
    now = birth + years(18)  # care ended at 18; 5 years would reach 23 exactly, limit is 23 too
    assert aftercare_end(now, years(10), now, 5.0, birth, LAW) == pytest.approx(birth + years(23))
    assert aftercare_end(now, years(10), now, 5.0, birth, COUNTY_25) == pytest.approx(now + years(5))


def test_vectorised_age_limit_equals_the_scalar_rule() -> None:
    import numpy as np

    from lsmitoitus.model.law import age_limit_reached_array

    rng = np.random.default_rng(3)
    births = day(dt.date(1995, 1, 1)) + rng.random(500) * years(15)
    nows = day(dt.date(2012, 1, 1)) + rng.random(500) * years(16)
    births = np.concatenate([births, [day(dt.date(2000, 6, 1)), day(dt.date(1999, 3, 1))]])
    nows = np.concatenate([nows, [day(dt.date(2022, 1, 1))] * 2])
    for schedule in (LAW, NO_TRANSITION, COUNTY_25):
        vector = age_limit_reached_array(schedule, births, nows)
        assert vector.tolist() == [age_limit_reached(schedule, b, n) for b, n in zip(births, nows, strict=True)]


def test_vectorised_aftercare_end_equals_the_scalar_rule() -> None:
    """The vectorised pathway's aftercare end is the event model's rule, bit for bit, under both
    readings of the 5-year rule."""
    import numpy as np

    from lsmitoitus.model.law import aftercare_end_array

    rng = np.random.default_rng(4)
    births = day(dt.date(1995, 1, 1)) + rng.random(500) * years(15)
    nows = np.maximum(births + years(17), day(dt.date(2012, 1, 1)) + rng.random(500) * years(16))
    ended = nows - rng.random(500) * years(2)
    wanted = rng.exponential(years(3), 500)
    for schedule in (LAW, NO_TRANSITION, COUNTY_25):
        for max_years in (5.0, float("inf")):
            vector = aftercare_end_array(nows, wanted, ended, max_years, births, schedule)
            scalar = [
                aftercare_end(n, w, e, max_years, b, schedule)
                for n, w, e, b in zip(nows.tolist(), wanted.tolist(), ended.tolist(), births.tolist(), strict=True)
            ]
            assert vector.tolist() == scalar
