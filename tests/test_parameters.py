"""model/parameters.py: a scenario's values under their schema names, in the forms the model
uses (age tables, by-year tables, model days, enums for modes, typed staffing)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import derived

from lsmitoitus import load_scenario
from lsmitoitus.model.parameters import ModelParameters, Rationing, WhenShort
from lsmitoitus.scenario.uncertainty import scale_data, scaled_below_one
from lsmitoitus.vocabulary import AGE_BANDS

pytestmark = pytest.mark.unit

ORIGIN = dt.date(2020, 1, 1)


def test_shares_over_one_are_scaled_down_together() -> None:
    assert scaled_below_one([0.6, 0.3, 0.3]) == pytest.approx((0.5, 0.25, 0.25))
    assert scaled_below_one([0.2, 0.3, 0.1]) == (0.2, 0.3, 0.1)  # within 1: unchanged


def test_one_normalisation_for_scaled_scenarios_and_the_models_tables() -> None:
    """A multiplier (uncertainty, calibration) that pushes open care's escalation over 1 in a band
    scales the three down together, by the same rule the model applies to its by-year tables."""
    data = load_scenario().model_dump()
    scaled = scale_data(data, {"avohuolto.p_kiireellinen_sijoitus": 6.0})["avohuolto"]
    band = "13-15"  # 0.1687 × 6 alone is over 1
    raw = (
        data["avohuolto"]["p_avohuollon_sijoitus"],
        min(1.0, data["avohuolto"]["p_kiireellinen_sijoitus"][band] * 6.0),
        data["avohuolto"]["p_huostaanotto"],
    )
    expected = scaled_below_one(raw)
    got = tuple(scaled[k][band] for k in ("p_avohuollon_sijoitus", "p_kiireellinen_sijoitus", "p_huostaanotto"))
    assert got == expected and sum(got) == pytest.approx(1.0)


def test_the_models_escalation_tables_never_sum_over_one() -> None:
    """Placements that follow the child population divide open care's escalation by the
    conversion factors; a large factor is bounded by the same rule."""
    s = derived({"conversion": {"avohuolto": {"values": {2021: 1.0, 2022: 0.05}, "after": "held"}}})
    p = ModelParameters.from_scenario(s, ORIGIN).avohuolto
    totals = [
        p.p_avohuollon_sijoitus[year][band] + p.p_kiireellinen_sijoitus[year][band] + p.p_huostaanotto[year][band]
        for year in range(len(p.p_huostaanotto))
        for band in range(len(AGE_BANDS))
    ]
    assert max(totals) <= 1.0 + 1e-12
    assert max(totals) == pytest.approx(1.0)  # the factor did push some year and band over 1
    last = p.outcome_cumulative[-1]
    assert all(row[-1] == 1.0 for row in last)


def test_modes_are_enums() -> None:
    s = derived({"caseload": {"rationing": "turn_away"}, "arviointi": {"when_short": "child_protection_workers"}})
    p = ModelParameters.from_scenario(s, ORIGIN)
    assert p.caseload.rationing is Rationing.TURN_AWAY
    assert p.arviointi.when_short is WhenShort.CHILD_PROTECTION_WORKERS


def test_values_keep_their_schema_names() -> None:
    s = load_scenario()
    p = ModelParameters.from_scenario(s, ORIGIN)
    assert p.kiireellinen_sijoitus.p_extension == s.kiireellinen_sijoitus.p_extension
    assert p.kiireellinen_sijoitus.max_days == s.kiireellinen_sijoitus.max_days
    assert p.avohuollon_sijoitus.jalkihuolto_min_days == s.avohuollon_sijoitus.jalkihuolto_min_days
    assert p.jalkihuolto.uptake == s.jalkihuolto.uptake
    assert p.arviointi.workers == tuple(s.arviointi.workers[a] for a in s.areas)
    assert p.caseload.pool_rules.lead_cap == s.organisation.lead_cover_cap
    assert p.demand.age_at_notification == tuple(s.demand.age_at_notification[b] for b in AGE_BANDS)


def test_conversion_factors_apply_year_by_year() -> None:
    """arviointi.p_avohuolto × conversion.avohuolto of each model year (2022 fitted, 2023 and
    2024 chained national factors)."""
    s = load_scenario()
    p = ModelParameters.from_scenario(s, ORIGIN)
    base = s.arviointi.p_avohuolto
    assert isinstance(base, float)
    values, steps = s.conversion.avohuolto.values, s.conversion.avohuolto.year_factors
    factors = {2020: 1.0, 2021: values[2021], 2022: values[2022]}
    factors[2023] = factors[2022] * steps[2023]
    factors[2024] = factors[2023] * steps[2024]
    for year, factor in factors.items():
        assert p.arviointi.p_avohuolto[p.year_index(year)] == pytest.approx((base * factor,) * len(AGE_BANDS))


def test_dates_become_model_days() -> None:
    s = derived({"levers": {"start": "2025-01-01", "full": "2025-07-01"}})
    p = ModelParameters.from_scenario(s, ORIGIN)
    assert p.levers.start == (dt.date(2025, 1, 1) - ORIGIN).days
    assert p.levers.ramp(p.levers.start) == 0.0 and p.levers.ramp(p.levers.full) == 1.0
    assert p.caseload.limit[0] == ((dt.date(2022, 1, 1) - ORIGIN).days, 35.0)


def test_the_countys_aftercare_age_replaces_the_law_from_2024() -> None:
    """A lever that redefines a legal rule is folded into the rule: the county's age limit from
    2024, and no 5-year cut of a voluntary service."""
    s = derived({"levers": {"jalkihuolto_age_limit": 25}, "jalkihuolto": {"five_year_rule": "from_placement_end"}})
    p = ModelParameters.from_scenario(s, ORIGIN).jalkihuolto
    assert p.age_limit[-1][:2] == ((dt.date(2024, 1, 1) - ORIGIN).days, 25.0)
    assert p.max_years_after_last_client == float("inf")


def test_posts_carry_the_typed_staffing_of_their_area() -> None:
    from lsmitoitus.model.parameters import StaffingParameters
    from lsmitoitus.model.posts import unit_posts

    s = load_scenario()
    p = ModelParameters.from_scenario(s, ORIGIN)
    for unit in s.staffing:
        for posts in unit_posts(s, unit).values():
            for post in posts:
                assert isinstance(post.staff, StaffingParameters)
                assert post.staff == p.staffing[unit][post.area]
