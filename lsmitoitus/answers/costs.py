"""Costs per year, area and category, in euros of each year (the price index applied).

* Client days by cost category (placements, and aftercare support) × the scenario's price per
  day. Own institutional beds are a fixed cost (every bed, every day, used or not); a placement
  in an own bed adds nothing more,
  one that overflows to a purchased place costs the purchased price.
* Social workers: workers in post at each month end × cost per FTE-year / 12.
* Cover of vacant posts: a vacant post's work is done by the team's overtime, purchased social
  work or temporary staff, at ``costs.vacancy_cover_factor`` (at least 1) × the cost of a filled
  post: vacant FTE at each month end × that price / 12. So a lower fill rate never looks cheaper:
  the salary a vacancy saves is paid again, and more, for its cover. (Cover staff hold no named
  clients: the caseloads are those without cover.)
* Other child-protection staff: the scenario's FTE × cost per FTE-year / 12 per month.

Differences between scenarios are taken replication by replication: with the same seed the
replications share their random numbers (common random numbers), so the spread of the
differences is the uncertainty of the difference, not of either scenario alone.
"""

from __future__ import annotations

import pandas as pd

from ..memo import RecentByIdentity
from ..model.posts import unit_posts
from ..scenario.schema import Scenario
from ..simulation.results import SimulationResults, quantile_summary
from ..vocabulary import ALL, UNITS

CATEGORIES = (
    "perhehoito",
    "ammatillinen_perhekoti",
    "laitoshoito_ostettu",
    "erityistason_laitoshoito",
    "omat_laitokset",
    "kiireellinen_sijoitus",
    "avohuollon_sijoitus",
    "jalkihuolto",
    "sosiaalityontekijat",
    "vakanssien_paikkaus",
    "muu_henkilosto",
)
TOTAL = "yhteensa"
#: The cost category of covering vacant posts.
VACANCY_COVER = "vakanssien_paikkaus"


def price_index(scenario: Scenario, year: int) -> float:
    costs = scenario.costs
    return float((1.0 + costs.price_index_per_year) ** (year - costs.base_year))


def _day_price(scenario: Scenario) -> dict[str, float]:
    day = scenario.costs.placement_day
    return {
        "perhehoito": day.perhehoito,
        "ammatillinen_perhekoti": day.ammatillinen_perhekoti,
        "laitoshoito_ostettu": day.laitoshoito,
        "erityistason_laitoshoito": day.erityistason_laitoshoito,
        "laitoshoito_oma": 0.0,  # paid through the fixed cost of own beds
        "kiireellinen_sijoitus": day.kiireellinen_sijoitus,
        "avohuollon_sijoitus": day.avohuollon_sijoitus,
        "jalkihuolto": day.jalkihuolto,
    }


def vacant_fte(results: SimulationResults) -> pd.DataFrame:
    """Vacant FTE per replication, month end, team (the ``area`` column) and unit: the team's
    vacant posts × the mean size of its ordinary posts that day (a half-time post left vacant is
    half a vacant FTE; leads are never vacant)."""
    scenario = results.scenario
    m = results.monthly
    vacant = m[(m["measure"] == "vacancies") & m["unit"].isin(UNITS)]
    days = list(pd.DatetimeIndex(vacant["date"].unique()))  # converted once, not once per team
    dates = [day.date() for day in days]
    sizes = []
    for unit in UNITS:
        for team, posts in unit_posts(scenario, unit).items():
            ordinary = [p for p in posts if not p.lead]
            for day, date in zip(days, dates, strict=True):
                here = [p.fte for p in ordinary if p.exists_on(date)]
                sizes.append((unit, team, day, sum(here) / len(here) if here else 1.0))
    size = pd.DataFrame(sizes, columns=["unit", "area", "date", "size"])
    frame = vacant.assign(
        unit=vacant["unit"].astype(str), area=vacant["area"].astype(str), date=pd.DatetimeIndex(vacant["date"])
    ).merge(size, on=["unit", "area", "date"], how="left")
    return frame.assign(value=frame["value"] * frame["size"].fillna(1.0))[
        ["replication", "date", "area", "unit", "value"]
    ]


def vacant_salaries(results: SimulationResults) -> pd.Series:
    """The salaries the county's vacant posts would have been paid (euros of each year), per year
    and replication: a budget that pays every post's salary adds only the cover beyond it."""
    vacant = vacant_fte(results)
    year = pd.DatetimeIndex(vacant["date"]).year
    fte_years = vacant["value"].groupby([year.rename("year"), vacant["replication"]]).sum() / 12.0
    index = pd.Series([price_index(results.scenario, int(y)) for y in fte_years.index.get_level_values("year")])
    return fte_years * results.scenario.costs.social_worker_per_fte * index.to_numpy()


#: cost frames of the results asked about lately: a comparison asks for each scenario's costs in
#: several tables (results are finished when built: nothing replaces their frames)
_RECENT: RecentByIdentity[pd.DataFrame] = RecentByIdentity(8)


def cost_frame(results: SimulationResults) -> pd.DataFrame:
    """Tidy euros: replication, year, area, category, value (in the year's prices)."""
    return _RECENT.get(results, None, lambda: _cost_frame(results)).copy()  # a copy: callers may change theirs


def _cost_frame(results: SimulationResults) -> pd.DataFrame:
    scenario = results.scenario
    m = results.monthly
    m = m.assign(year=pd.DatetimeIndex(m["date"]).year)
    parts = []

    days = m[m["measure"] == "placement_days"]
    prices = _day_price(scenario)
    placement = days.assign(
        value=days["value"] * days["unit"].astype(str).map(prices), category=days["unit"].astype(str)
    )
    parts.append(placement[placement["category"] != "laitoshoito_oma"])

    workers = m[(m["measure"] == "fte_in_post") & m["unit"].isin(UNITS)]
    parts.append(
        workers.assign(
            value=workers["value"] * scenario.costs.social_worker_per_fte / 12.0, category="sosiaalityontekijat"
        )
    )

    vacant = vacant_fte(results)
    cover = scenario.costs.social_worker_per_fte * scenario.costs.vacancy_cover_factor / 12.0
    parts.append(
        vacant.assign(year=pd.DatetimeIndex(vacant["date"]).year, value=vacant["value"] * cover, category=VACANCY_COVER)
    )

    months = m[["replication", "date", "year", "area"]].drop_duplicates()
    own = scenario.costs.own_institutions
    month_days = pd.DatetimeIndex(months["date"]).day  # month-end dates: the day is the month's length
    beds = months["area"].astype(str).map(lambda a: own[a].beds * own[a].bed_day_cost if a in own else 0.0)
    parts.append(months.assign(value=beds * month_days, category="omat_laitokset"))
    other = {a: sum(scenario.costs.other_staff.get(u, {}).get(a, 0.0) for u in UNITS) for a in scenario.areas}
    staff_cost = months["area"].astype(str).map(other) * scenario.costs.other_staff_per_fte / 12.0
    parts.append(months.assign(value=staff_cost, category="muu_henkilosto"))

    frame = pd.concat([p[["replication", "year", "area", "category", "value"]] for p in parts], ignore_index=True)
    frame["area"] = frame["area"].astype(str)
    yearly = frame.groupby(["replication", "year", "area", "category"], sort=False)["value"].sum().reset_index()
    index = {y: price_index(scenario, int(y)) for y in yearly["year"].unique()}
    yearly["value"] = yearly["value"] * yearly["year"].map(index)
    return _with_totals(yearly)


def _with_totals(frame: pd.DataFrame) -> pd.DataFrame:
    by_area = frame.groupby(["replication", "year", "area"], sort=False)["value"].sum().reset_index()
    by_area["category"] = TOTAL
    with_area_totals = pd.concat([frame, by_area], ignore_index=True)
    county = with_area_totals.groupby(["replication", "year", "category"], sort=False)["value"].sum().reset_index()
    county["area"] = ALL
    return pd.concat([with_area_totals, county], ignore_index=True)[
        ["replication", "year", "area", "category", "value"]
    ]


def cost_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """Mean and P10/P50/P90 over replications per year, area and category (euros)."""
    return quantile_summary(frame, ["year", "area", "category"])


def cost_difference(base: SimulationResults, other: SimulationResults) -> pd.DataFrame:
    """other − base per year and category for the whole county, paired by replication:
    mean and P10/P50/P90 of the differences (euros)."""
    a, b = cost_frame(base), cost_frame(other)
    a, b = a[a["area"] == ALL], b[b["area"] == ALL]
    paired = a.merge(b, on=["replication", "year", "area", "category"], suffixes=("_base", "_other"))
    paired["value"] = paired["value_other"] - paired["value_base"]
    return cost_summary(paired[["replication", "year", "area", "category", "value"]])
