"""Costs and the balancing programme's levers."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from lsmitoitus import Scenario, SimulationResults, load_scenario, scenario_to_toml, simulate
from lsmitoitus.answers.costs import cost_difference, cost_frame
from lsmitoitus.vocabulary import ALL

BASE_CHANGES = {"start": "2024-01-01", "end": "2027-12-31", "warmup_years": 6, "replications": 4, "seed": 7}


def variant(**levers_and_costs: Any) -> Scenario:
    data = load_scenario().model_dump()
    data["simulation"].update(BASE_CHANGES)
    for section, values in levers_and_costs.items():
        data[section].update(values)
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def base() -> SimulationResults:
    return simulate(variant(), jobs=2)


def monthly_value(
    results: SimulationResults, measure: str, unit: str | None = None, years: tuple[int, ...] = ()
) -> float:
    m = results.monthly
    mask = m["measure"] == measure
    if unit is not None:
        mask &= m["unit"] == unit
    if years:
        mask &= pd.DatetimeIndex(m["date"]).year.isin(years)
    return float(m[mask]["value"].sum())


@pytest.mark.unit
def test_cost_arithmetic_on_a_hand_computed_month() -> None:
    scenario = load_scenario()
    date = pd.Timestamp("2025-01-31")  # 31 days, one year after the 2024 price level
    rows = [
        ("perhehoito", "placement_days", 31.0),  # one child in family care all month
        ("laitoshoito_oma", "placement_days", 62.0),  # two children in own beds: paid by the fixed cost
        ("laitoshoito_ostettu", "placement_days", 10.0),
        ("avohuolto", "fte_in_post", 2.0),  # social workers are paid by the FTE in post
    ]
    monthly = pd.DataFrame(
        [{"replication": 0, "date": date, "area": "Forssa", "unit": u, "measure": m, "value": v} for u, m, v in rows]
    )
    results = SimulationResults(scenario, monthly, pd.DataFrame(), pd.DataFrame(), events=0, seconds=0.0)
    frame = cost_frame(results)
    got = frame[frame["area"] == "Forssa"].set_index("category")["value"]
    index = 1.025
    assert got["perhehoito"] == pytest.approx(31 * 105 * index)
    assert got["laitoshoito_ostettu"] == pytest.approx(10 * 350 * index)
    assert "laitoshoito_oma" not in got.index
    assert got["omat_laitokset"] == pytest.approx(7 * 300 * 31 * index)
    assert got["sosiaalityontekijat"] == pytest.approx(2 * 63000 / 12 * index)
    assert got["muu_henkilosto"] == pytest.approx((7.8 + 1.33 + 1.71) * 50000 / 12 * index)
    expected_total = 31 * 105 + 10 * 350 + 7 * 300 * 31 + 2 * 63000 / 12 + (7.8 + 1.33 + 1.71) * 50000 / 12
    assert got["yhteensa"] == pytest.approx(expected_total * index)
    county = frame[(frame["area"] == ALL) & (frame["category"] == "yhteensa")]["value"].iloc[0]
    assert county == pytest.approx(expected_total * index)


@pytest.mark.integration
def test_stronger_open_care_lowers_placements_and_their_costs(base: SimulationResults) -> None:
    lever = simulate(variant(levers={"avohuolto_escalation_reduction": 0.5}), jobs=2)
    years = (2026, 2027)
    for unit in ("kiireellinen_sijoitus", "avohuollon_sijoitus", "sijaishuolto"):
        assert monthly_value(lever, "entries", unit, years) < monthly_value(base, "entries", unit, years), unit
    diff = cost_difference(base, lever)
    placement = diff[
        diff["category"].isin(["perhehoito", "laitoshoito_ostettu", "kiireellinen_sijoitus", "avohuollon_sijoitus"])
        & (diff["year"] == 2027)
    ]
    assert (placement["p50"] < 0).all()
    before = diff[(diff["year"] == 2024) & (diff["category"] == "yhteensa")]["p50"].iloc[0]
    assert before == 0  # before the lever starts the paired runs are identical


@pytest.mark.integration
def test_full_own_beds_overflow_to_purchased_places() -> None:
    none = simulate(variant(costs={"own_institutions": {}}), jobs=2)
    one = simulate(
        variant(costs={"own_institutions": {a: {"beds": 1} for a in ("Forssa", "Hämeenlinna", "Riihimäki")}}), jobs=2
    )
    plenty = simulate(
        variant(
            costs={
                "own_institutions": {a: {"beds": 500} for a in ("Forssa", "Hämeenlinna", "Riihimäki")},
                "special_level_share": 0.0,
            }
        ),
        jobs=2,
    )
    assert monthly_value(none, "placement_days", "laitoshoito_oma") == 0
    assert monthly_value(plenty, "placement_days", "laitoshoito_ostettu") == 0
    assert monthly_value(one, "overflow_from_own_beds") > 0
    m = one.monthly
    own_days = m[(m["measure"] == "placement_days") & (m["unit"] == "laitoshoito_oma")]
    assert (own_days["value"] <= pd.DatetimeIndex(own_days["date"]).day + 1e-9).all()  # one bed: ≤ days in month
    # the same institutional placements are only shifted between own and purchased places
    total = lambda r: sum(monthly_value(r, "placement_days", u) for u in ("laitoshoito_oma", "laitoshoito_ostettu"))  # noqa: E731
    assert total(none) == pytest.approx(total(one))


@pytest.mark.integration
def test_family_care_target_raises_the_share_of_family_care(base: SimulationResults) -> None:
    target = simulate(variant(levers={"perhehoito_share_target": 0.8}), jobs=2)

    def share(r: SimulationResults) -> float:
        started = {
            u: monthly_value(r, "placements_started", u, (2026, 2027))
            for u in ("perhehoito", "ammatillinen_perhekoti", "laitoshoito")
        }
        return started["perhehoito"] / sum(started.values())

    assert share(base) < 0.75
    assert share(target) >= 0.78  # ≥ 80 % in every band; a little slack for sampling


@pytest.mark.integration
def test_aftercare_to_25_keeps_more_young_people_in_aftercare(base: SimulationResults) -> None:
    longer = simulate(variant(levers={"jalkihuolto_age_limit": 25}), jobs=2)
    assert monthly_value(longer, "children", "jalkihuolto", (2027,)) > monthly_value(
        base, "children", "jalkihuolto", (2027,)
    )


@pytest.mark.integration
def test_extra_open_care_posts_open_at_the_lever_start(base: SimulationResults) -> None:
    lever = simulate(
        variant(levers={"avohuolto_extra_posts": {"Hämeenlinna": 3}, "start": "2026-01-01", "full": "2026-01-01"}),
        jobs=2,
    )
    m = lever.monthly
    hml = m[
        (m["area"] == "Hämeenlinna")
        & (m["unit"] == "avohuolto")
        & m["measure"].isin(["workers_in_post", "vacancies", "workers_absent"])
    ]
    posts = hml.groupby(["replication", "date"], observed=True)["value"].sum().reset_index()
    before = posts[posts["date"] < "2026-01-01"]["value"]
    after = posts[posts["date"] >= "2026-01-01"]["value"]
    assert set(before) == {17.0} and set(after) == {20.0}
    assert monthly_value(lever, "workers_in_post", "avohuolto", (2027,)) > monthly_value(
        base, "workers_in_post", "avohuolto", (2027,)
    )


@pytest.mark.unit
def test_levers_round_trip_through_toml(tmp_path: Any) -> None:
    scenario = variant(
        levers={"perhehoito_share_target": 0.75, "jalkihuolto_age_limit": 25, "avohuolto_extra_posts": {"Forssa": 1}}
    )
    path = tmp_path / "s.toml"
    path.write_text(scenario_to_toml(scenario), encoding="utf-8")
    assert load_scenario(path) == scenario
    assert load_scenario() == Scenario.model_validate(scenario_to_toml_data(load_scenario()))


def scenario_to_toml_data(scenario: Scenario) -> dict[str, Any]:
    import tomllib

    return tomllib.loads(scenario_to_toml(scenario))
