"""THL indicators and point-in-time caseload figures, and reading indicator history."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, ScenarioError, simulate
from lsmitoitus.answers.indicators import indicator_table, simulated_indicators
from lsmitoitus.model.pathway import thl_monitoring_days
from lsmitoitus.model.posts import unit_posts
from lsmitoitus.scenario.demand_inputs import county_notifications, county_population
from lsmitoitus.scenario.history import load_history

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def results(short_scenario: Scenario) -> Any:
    return simulate(short_scenario.with_overrides(replications=4), jobs=1)


@pytest.mark.unit
def test_monitoring_days_are_second_tuesdays_of_april_and_october() -> None:
    days = thl_monitoring_days(dt.date(2021, 1, 1), dt.date(2030, 12, 31), dt.date(2011, 1, 1))
    assert len(days) == 20
    for index, day in days:
        assert day.weekday() == 1 and 8 <= day.day <= 14 and day.month in (4, 10)
        assert index == (day - dt.date(2011, 1, 1)).days
    assert dt.date(2023, 10, 10) in [d for _, d in days]


@pytest.mark.integration
def test_point_in_time_figures_are_consistent(results: Any, short_scenario: Scenario) -> None:
    p = results.point_in_time
    wide = p.pivot_table(
        index=["replication", "date", "area", "unit"], columns="measure", values="value", observed=True
    ).reset_index()
    assert sorted(pd.DatetimeIndex(wide["date"]).month.unique()) == [4, 10]
    has_staff = wide["workers_in_post"] > 0
    assert (
        wide.loc[has_staff, "mean_children_per_worker"]
        == wide.loc[has_staff, "clients_counted"] / wide.loc[has_staff, "workers_in_post"]
    ).all()
    posts = wide.apply(lambda r: len(unit_posts(short_scenario, r["unit"])[r["area"]]), axis=1)
    assert (wide["workers_in_post"] <= posts).all()
    assert (wide["workers_over_limit"] <= posts).all()  # every list: present, absent or a lead's


@pytest.mark.integration
def test_simulated_notifications_match_the_input_series(results: Any, short_scenario: Scenario) -> None:
    """Notifications per day are Poisson, so a year's total is Poisson(N): the mean over R
    replications is within 4·√(N/R) of N."""
    sim = simulated_indicators(results)
    notes = sim[sim["indicator"] == "lastensuojeluilmoitukset"]
    for year in sorted(set(notes["year"].tolist())):
        values = notes[notes["year"] == year]["value"]
        expected = county_notifications(short_scenario, int(year))
        assert abs(values.mean() - expected) < 4 * math.sqrt(expected / len(values))


@pytest.mark.integration
def test_percent_indicators_are_counts_over_population(results: Any, short_scenario: Scenario) -> None:
    sim = simulated_indicators(results)
    keys = ["replication", "year", "indicator"]
    both = sim[sim["unit"] == "count"].merge(sim[sim["unit"] == "percent_of_0_17"], on=keys, suffixes=("_n", "_pct"))
    assert len(both) == len(sim[sim["unit"] == "percent_of_0_17"]) > 0
    for row in both.to_dict("records"):
        population = county_population(short_scenario, int(row["year"]))
        assert row["value_pct"] == pytest.approx(100 * row["value_n"] / population)


@pytest.mark.integration
def test_indicator_table_joins_observed_values(results: Any, tmp_path: Path) -> None:
    """Bands are the replications' quantiles; observed values join on indicator, unit and year."""
    history = tmp_path / "h.csv"
    history.write_text(
        "indicator,region,year,value,unit\n"
        "huostassa_0_17,Kanta-Häme,2023,400,count\n"
        "lastensuojeluilmoitukset,Kanta-Häme,2024,6000,count\n",
        encoding="utf-8",
    )
    table = indicator_table(results, load_history(history))
    sim = simulated_indicators(results)
    for (indicator, unit, year), part in sim.groupby(["indicator", "unit", "year"]):
        row = table[(table["indicator"] == indicator) & (table["unit"] == unit) & (table["year"] == year)].iloc[0]
        assert [row["p10"], row["p50"], row["p90"]] == pytest.approx(np.quantile(part["value"], [0.1, 0.5, 0.9]))
    care = table[(table["indicator"] == "huostassa_0_17") & (table["unit"] == "count")].set_index("year")
    observed = care["observed"].to_dict()
    assert observed[2023] == 400 and math.isnan(observed[2024])
    assert float(care["p50_vs_observed"][2023]) == pytest.approx(float(care["p50"][2023]) / 400 - 1)
    notes = table[table["indicator"] == "lastensuojeluilmoitukset"].set_index("year")["observed"].to_dict()
    assert notes[2024] == 6000 and math.isnan(notes[2023])


@pytest.mark.unit
def test_history_errors_name_the_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "h.csv"
    bad.write_text("indicator,region,year,value,unit\nhuostassa_0_17,Kanta-Häme,2021,425,kpl\n")
    with pytest.raises(ScenarioError, match=r"h\.csv: rivi 2: yksikkö 'kpl'"):
        load_history(bad)
    bad.write_text("indicator,region,year,unit\nhuostassa_0_17,Kanta-Häme,2021,count\n")
    with pytest.raises(ScenarioError, match="sarakkeet puuttuvat: value"):
        load_history(bad)
    bad.write_text("indicator,region,year,value,unit\nhuostassa_0_17,Kanta-Häme,2021,x,count\n")
    with pytest.raises(ScenarioError, match="rivi 2: arvo 'x'; pitää olla äärellinen luku"):
        load_history(bad)
    with pytest.raises(ScenarioError, match="ei rivejä alueelle 'Pirkanmaa'"):
        load_history(region="Pirkanmaa")
