"""Per-year answers in euros for budget planners, from a dimensioning answer.

For each year, team, unit and the county: the posts needed (P50 and at the chosen confidence),
the funded or planned posts, the gap and the shortfall, whether every month complies, and the
euros. **The yearly requirement** is the number of posts that keeps every month of the year
within the target with the chosen probability: per replication the year's worst month, then the
quantile over replications (:mod:`lsmitoitus.answers.dimensioning`); the worst month itself is detail.

Euros, in each year's prices: a post costs ``costs.social_worker_per_fte`` a full-time year,
raised by the price index (``(1 + costs.price_index_per_year) ** (year - costs.base_year)``).
The funded or planned posts are paid for the months they exist: their FTE-years are the mean
over the year's month ends of the posts that exist (a post added on 1 March counts 10 of 12
months). The required posts are paid the whole year. The other costs the model has (placements,
own institutions, other staff; :func:`lsmitoitus.answers.costs.cost_frame`) are the county's P50 over
replications; their social-worker category counts workers in post, so it is left out here,
where posts are budgeted whether filled or not.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..model.posts import pool_keys, posts_on
from ..scenario.schema import Scenario
from ..vocabulary import ALL
from .costs import TOTAL, cost_frame, price_index

if TYPE_CHECKING:
    from .dimensioning import DimensioningResult

SOCIAL_WORKERS = "sosiaalityontekijat"


def month_ends(year: int) -> list[dt.date]:
    """The last day of every month of ``year``."""
    return [dt.date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)]


def fte_years(scenario: Scenario, teams: Sequence[tuple[str, str]], days: Sequence[dt.date]) -> float:
    """FTE-years of the (ordinary) posts of ``teams`` over a year sampled at ``days`` (its month
    ends): the mean over the days of the FTE that exist."""
    return float(np.mean([sum(posts_on(scenario, u, team, d) for u, team in teams) for d in days]))


def post_cost(scenario: Scenario, fte: float, year: int) -> float:
    """Euros of ``fte`` full-time years of a social worker in ``year``'s prices."""
    return fte * scenario.costs.social_worker_per_fte * price_index(scenario, year)


def _members(scenario: Scenario, unit: str, team: str) -> list[tuple[str, str]]:
    keys = pool_keys(scenario)
    if unit == ALL:
        return keys
    if team == ALL:
        return [(u, t) for u, t in keys if u == unit]
    return [(unit, team)]


def other_costs(result: DimensioningResult) -> pd.DataFrame:
    """Per year, the county's costs other than social workers (P10/P50/P90 over replications of
    each replication's sum), in euros of the year."""
    frame = cost_frame(result.results)
    county = frame[(frame["area"] == ALL) & (frame["category"] != TOTAL) & (frame["category"] != SOCIAL_WORKERS)]
    per_rep = county.groupby(["year", "replication"])["value"].sum()
    grouped = per_rep.groupby("year")
    stats = {f"other_costs_p{round(100 * q)}": grouped.quantile(q) for q in (0.1, 0.5, 0.9)}
    return pd.DataFrame(stats).reset_index()


def budget_years(result: DimensioningResult) -> pd.DataFrame:
    """One row per year and team, unit total (team ``kaikki``) and county (unit ``kaikki``): the
    yearly requirement, the funded or planned posts, gap, shortfall, compliance and euros."""
    scenario = result.scenario
    conf = result.confidence
    monthly = result.monthly.assign(year=pd.DatetimeIndex(result.monthly["date"]).year)
    below = monthly[monthly["required_posts_conf"].notna() & (monthly["compliance_probability"] < conf)]
    below_team = list(zip(below["unit"], below["team"], strict=True))
    others = other_costs(result).set_index("year")["other_costs_p50"]
    rows = []
    for row in result.yearly.to_dict("records"):
        year, unit, team = int(row["year"]), str(row["unit"]), str(row["team"])
        members = _members(scenario, unit, team)
        days = [pd.Timestamp(d).date() for d in monthly[monthly["year"] == year]["date"].unique()]
        fte = fte_years(scenario, members, days)
        # months in which some member team complies with less than the confidence
        short = below[(below["year"] == year).to_numpy() & np.array([k in members for k in below_team], dtype=bool)]
        required_conf, required_p50 = float(row["required_posts_conf"]), float(row["required_posts_p50"])
        county = unit == ALL
        rows.append(
            {
                "year": year,
                "unit": unit,
                "team": team,
                "required_posts_p50": required_p50,
                "required_posts_conf": required_conf,
                "funded_posts": float(row["funded_posts"]),
                "funded_fte_years": fte,
                "gap_posts": float(row["gap_posts"]),
                "shortfall_posts": max(0.0, float(row["gap_posts"])) if not np.isnan(row["gap_posts"]) else np.nan,
                "compliance_probability": row["compliance_probability"],
                "months_below_confidence": int(short["date"].nunique()),
                "worst_month": row["worst_month"],
                "worst_month_required": row["worst_month_required"],
                "required_cost_p50": post_cost(scenario, required_p50, year),
                "required_cost_conf": post_cost(scenario, required_conf, year),
                "funded_cost": post_cost(scenario, fte, year),
                "gap_cost": post_cost(scenario, required_conf, year) - post_cost(scenario, fte, year),
                "other_costs_p50": float(others.get(year, np.nan)) if county else np.nan,
            }
        )
    out = pd.DataFrame(rows)
    out["total_cost_funded"] = out["funded_cost"] + out["other_costs_p50"]
    out["total_cost_required"] = out["required_cost_conf"] + out["other_costs_p50"]
    return out
