"""model/rules.py: the pathway's rules both models apply, on numbers and on arrays alike."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from lsmitoitus import load_scenario
from lsmitoitus.model.parameters import ModelParameters
from lsmitoitus.model.rules import (
    ADULT_DAYS,
    BAND_UPPER_DAYS,
    ages_from,
    band_of,
    client_after_assessment,
    emergency_home_cap,
)
from lsmitoitus.vocabulary import AGE_BAND_BOUNDS, AGE_BANDS, DAYS_PER_YEAR

pytestmark = pytest.mark.unit


def test_age_bands_and_18() -> None:
    assert ADULT_DAYS == 18 * DAYS_PER_YEAR
    assert BAND_UPPER_DAYS[-1] == ADULT_DAYS
    lows = np.array([lo for lo, _ in AGE_BAND_BOUNDS]) * DAYS_PER_YEAR
    assert band_of(lows).tolist() == list(range(len(AGE_BANDS)))  # a band starts at its lower bound
    assert band_of(lows[1:] - 1e-6).tolist() == list(range(len(AGE_BANDS) - 1))
    assert band_of(np.array([30 * DAYS_PER_YEAR])).tolist() == [len(AGE_BANDS) - 1]  # older: the last band


def test_ages_at_notification_fall_in_the_drawn_band() -> None:
    rng = np.random.default_rng(1)
    shares = (0.1, 0.2, 0.3, 0.2, 0.2)
    u_band, u_age = rng.random(10_000), rng.random(10_000)
    ages = ages_from(shares, u_band, u_age)
    bands = band_of(ages)
    assert np.array_equal(bands, np.searchsorted(np.cumsum(shares), u_band, side="right"))
    assert np.bincount(bands, minlength=5) / bands.size == pytest.approx(shares, abs=0.02)


def test_a_client_after_an_assessment_is_a_minor_below_the_probability() -> None:
    table = np.array([[0.5] * len(AGE_BANDS)])
    birth = np.zeros(4)
    end = np.array([100.0, 100.0, ADULT_DAYS, ADULT_DAYS - 1.0])
    u = np.array([0.4, 0.6, 0.1, 0.1])
    year, band = np.zeros(4, dtype=int), band_of(end - birth)
    assert client_after_assessment(table, year, band, u, end, birth).tolist() == [True, False, False, True]


def test_the_emergency_cap_is_the_same_rule_for_one_child_and_for_many() -> None:
    """The legal maximum, extended with probability p_extension: the event model passes one
    draw, the vectorised pathway an array."""
    p = ModelParameters.from_scenario(load_scenario(), dt.date(2020, 1, 1)).kiireellinen_sijoitus
    u = np.random.default_rng(2).random(1000)
    many = emergency_home_cap(p, u)
    one = [emergency_home_cap(p, x) for x in u.tolist()]
    assert many.tolist() == one
    assert set(one) == {p.max_days, p.max_days + p.extension_max_days}
    assert np.mean(many > p.max_days) == pytest.approx(p.p_extension, abs=0.05)
