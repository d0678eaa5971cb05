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
