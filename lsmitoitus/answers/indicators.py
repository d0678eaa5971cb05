"""Simulated counterparts of THL's indicators, side by side with the observed history.

* ``lastensuojeluilmoitukset``: notifications during the year (count);
* the four "during the year" groups of children aged 0–17 (count, and percent of the 0–17
  population of the scenario for that year).
"""

from __future__ import annotations

import pandas as pd

from ..scenario.demand_inputs import county_population
from ..simulation.results import SimulationResults, quantile_summary

GROUP_INDICATORS = (
    "avohuollon_asiakkaat_0_17",
    "huostassa_0_17",
    "kiireellisesti_sijoitetut_0_17",
    "kodin_ulkopuolelle_sijoitetut_0_17",
)


def simulated_indicators(results: SimulationResults) -> pd.DataFrame:
    """Per replication, year, indicator and unit (count / percent_of_0_17): the county value."""
    monthly, yearly = results.monthly, results.yearly
    notes = monthly[monthly["measure"] == "notifications"]
    notes = notes.assign(year=pd.DatetimeIndex(notes["date"]).year)
    months_per_year = notes.groupby("year")["date"].nunique()
    full_years = months_per_year[months_per_year == 12].index  # a partial year is not comparable
    counts = [
        notes[notes["year"].isin(full_years)]
        .groupby(["replication", "year"], observed=True)["value"]
        .sum()
        .reset_index()
        .assign(indicator="lastensuojeluilmoitukset")
    ]
    groups = yearly[yearly["measure"].isin(GROUP_INDICATORS)]
    groups = groups.assign(year=pd.DatetimeIndex(groups["date"]).year)
    counts.append(
        groups.groupby(["replication", "year", "measure"], observed=True)["value"]
        .sum()
        .reset_index()
        .rename(columns={"measure": "indicator"})
    )
    count = pd.concat(counts, ignore_index=True).assign(unit="count")
    percent = count[count["indicator"] != "lastensuojeluilmoitukset"].copy()
    population = {int(y): county_population(results.scenario, int(y)) for y in percent["year"].unique()}
    percent["value"] = 100.0 * percent["value"] / percent["year"].map(population)
    percent["unit"] = "percent_of_0_17"
    out = pd.concat([count, percent], ignore_index=True)
    out["indicator"] = out["indicator"].astype(str)
    return out[["replication", "year", "indicator", "unit", "value"]]


def indicator_table(results: SimulationResults, observed: pd.DataFrame | None = None) -> pd.DataFrame:
    """P10/P50/P90 of each simulated indicator per year and unit, with the observed value and
    the relative difference of P50 from it where the history has one."""
    sim = simulated_indicators(results)
    table = quantile_summary(sim, ["indicator", "unit", "year"], mean=False)
    if observed is not None and not observed.empty:
        obs = observed.rename(columns={"value": "observed"})[["indicator", "unit", "year", "observed"]]
        table = table.merge(obs, on=["indicator", "unit", "year"], how="left")
        table["p50_vs_observed"] = table["p50"] / table["observed"] - 1.0
    else:
        table["observed"] = float("nan")
        table["p50_vs_observed"] = float("nan")
    return table.sort_values(["indicator", "unit", "year"]).reset_index(drop=True)


def late_assessment_shares(results: SimulationResults) -> pd.DataFrame:
    """Per replication and year, the county's shares of assessments started after the start
    deadline and completed after the completion deadline (columns started_late, completed_late)."""
    m = results.monthly
    m = m[m["unit"] == "arviointi"]
    m = m.assign(year=pd.DatetimeIndex(m["date"]).year)
    per = m.groupby(["replication", "year", "measure"], observed=True)["value"].sum().unstack("measure")
    return pd.DataFrame(
        {
            "started_late": per["assessments_started_late"] / per["assessments_started"],
            "completed_late": per["assessments_completed_late"] / per["assessments_completed"],
        }
    ).reset_index()
