"""Plausibility checks of valid scenarios (lsmitoitus/scenario/checks.py): every bundled scenario
passes, each kind of unrunnable scenario is refused before anything is simulated, and the checks'
pure-Python demand projection equals the model's."""

from __future__ import annotations

import datetime as dt

import pytest

from lsmitoitus import Scenario, ScenarioError, load_scenario, scenario_from_dict, simulate
from lsmitoitus.model import demand
from lsmitoitus.scenario import checks
from lsmitoitus.scenario.files import bundled_scenarios, deep_merge


def changed(changes: dict[str, object], base: str = "kanta-hame") -> dict[str, object]:
    return deep_merge(load_scenario(base).model_dump(), changes)


@pytest.mark.unit
@pytest.mark.parametrize("name", bundled_scenarios())
def test_every_bundled_scenario_is_runnable(name: str) -> None:
    scenario = load_scenario(name)
    assert checks.problems(scenario) == []


@pytest.mark.unit
@pytest.mark.parametrize("name", bundled_scenarios())
def test_the_checks_project_demand_exactly_as_the_model(name: str) -> None:
    scenario = load_scenario(name)
    data = scenario.model_dump()
    data["areas"]["Forssa"]["population_0_17"] = {2021: 6000, 2023: 6300, 2026: 5000}  # interpolation too
    data["demand"]["series"] = {2027: 7000}
    for variant in (scenario, Scenario.model_validate(data)):
        for year in checks.simulated_years(variant):
            # the model's daily rates (what it draws notifications from) add up to the year the
            # checks judge
            first = dt.date(year, 1, 1)
            days = (dt.date(year + 1, 1, 1) - first).days
            model_year = float(demand.daily_notification_rates(variant, first, days).sum())
            assert checks.county_notifications(variant, year) == pytest.approx(model_year)


UNRUNNABLE = [
    ("under-a-year", {"simulation": {"start": "2023-01-01", "end": "2023-11-30"}}, "vuodenvaihdetta"),
    ("under-a-month", {"simulation": {"start": "2023-05-01", "end": "2023-05-20"}}, "vuodenvaihdetta"),
    (
        "population-0",
        {"areas": {a: {"population_0_17": {2021: 0, 2022: 0}} for a in ("Forssa", "Hämeenlinna", "Riihimäki")}},
        "0–17-vuotiaiden määrä on 0 vuosina 2020–2030",
    ),
    ("absurd-demand", {"demand": {"notifications": {2021: 1e7, 2022: 1e7, 2023: 1e7}}}, "ilmoitusta lasta kohden"),
    (
        "hours-long",  # plausible per child, but a national population over a long horizon
        {
            "simulation": {"warmup_years": 40, "end": "2100-12-31"},
            "areas": {a: {"population_0_17": {2021: 1e6}} for a in ("Forssa", "Hämeenlinna", "Riihimäki")},
            "demand": {"notifications": {2021: 1e6, 2022: 1e6, 2023: 1e6}, "population_growth_per_year": 0.0},
        },
        "yksi toisto simuloisi",
    ),
]


@pytest.mark.unit
@pytest.mark.parametrize(("changes", "fragment"), [u[1:] for u in UNRUNNABLE], ids=[u[0] for u in UNRUNNABLE])
def test_unrunnable_scenarios_are_refused_with_a_message(changes: dict[str, object], fragment: str) -> None:
    with pytest.raises(ScenarioError) as err:
        scenario_from_dict(changed(changes), "s.toml")
    assert err.value.text().startswith("s.toml: skenaariota ei voi ajaa (mitään ei simuloitu):")
    assert fragment in str(err.value)
    assert err.value.text("en").startswith("s.toml: the scenario cannot be run")


@pytest.mark.unit
def test_an_empty_population_table_is_refused() -> None:
    data = load_scenario().model_dump()
    data["areas"]["Forssa"]["population_0_17"] = {}
    with pytest.raises(ScenarioError, match="alueiden Forssa population_0_17-taulukko on tyhjä"):
        scenario_from_dict(data)


@pytest.mark.integration
def test_a_year_that_is_not_a_whole_calendar_year_still_runs() -> None:
    """The horizon rule is what the results need, not stricter: twelve months across a year end
    run (the check refuses only periods without a year end, which crashed before)."""
    scenario = scenario_from_dict(
        changed({"simulation": {"start": "2023-07-01", "end": "2024-06-30", "warmup_years": 1}})
    )
    results = simulate(scenario, replications=1, jobs=1)
    assert set(results.yearly["date"].astype(str)) == {"2023-12-31"}
