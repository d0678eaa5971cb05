"""Per-year answers in euros for budget planners, from a dimensioning answer.

For each year, team, unit and the county: the posts needed (at the answer's stated level and at
the median), the funded or planned posts, the gap and the shortfall, whether every reading day
complies, and the euros. **The yearly requirement** is the number of posts that keeps every
reading day of the year (THL's monitoring days, or every month end, under the headline's reading)
within the target with the chosen probability: per replication the year's hardest day, then the
quantile over replications (:mod:`lsmitoitus.answers.dimensioning`); with too few replications to
carry that quantile, the median (:mod:`lsmitoitus.answers.staffing_answer`).

Euros, in each year's prices: a post costs ``costs.social_worker_per_fte`` a full-time year,
raised by the price index (``(1 + costs.price_index_per_year) ** (year - costs.base_year)``).
The funded or planned posts are paid for the months they exist: their FTE-years are the mean
over the year's month ends of the posts that exist (a post added on 1 March counts 10 of 12
months). The required posts are paid the whole year. The other costs the model has (placements,
own institutions, other staff, the cover of vacant posts; :func:`lsmitoitus.answers.costs.cost_frame`)
are the county's P50 over replications; their social-worker category counts workers in post, so it
is left out here, where posts are budgeted whether filled or not, and of the cover of vacant posts
only what it costs beyond the vacant posts' salaries is added (those are in the budgeted posts).
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
from .costs import TOTAL, cost_frame, price_index, vacant_salaries
from .requirement import HEADLINE
from .staffing_answer import CONF, MEAN, P50, Z95, StaffingAnswer, answer_of

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
    """Per year, the county's costs other than the budgeted posts (P10/P50/P90 over replications
    of each replication's sum), in euros of the year: the cover of vacant posts counts only beyond
    the salaries of those posts, which the budgeted posts already pay."""
    frame = cost_frame(result.results)
    county = frame[(frame["area"] == ALL) & (frame["category"] != TOTAL) & (frame["category"] != SOCIAL_WORKERS)]
    per_rep = county.groupby(["year", "replication"])["value"].sum()
    per_rep = per_rep.sub(vacant_salaries(result.results), fill_value=0.0)
    grouped = per_rep.groupby("year")
    stats = {f"other_costs_p{round(100 * q)}": grouped.quantile(q) for q in (0.1, 0.5, 0.9)}
    return pd.DataFrame(stats).reset_index()


def budget_years(result: DimensioningResult, answer: StaffingAnswer | None = None) -> pd.DataFrame:
    """One row per year and team, unit total (team ``kaikki``) and county (unit ``kaikki``): the
    yearly requirement at the answer's stated level (:mod:`.staffing_answer`: the confidence
    quantile when the replications carry it, else the median; the mean for the mean-list reading)
    with its P50 and its 95 % Monte-Carlo error, the funded or planned posts, the gap and the
    shortfall, the whole posts the teams lack (a team's surplus covers no other), the probability
    that every reading day complies and the reading days that fail, and the euros."""
    answer = answer_of(result) if answer is None else answer
    scenario = result.scenario
    column = {CONF: "required_posts_conf", P50: "required_posts_p50", MEAN: "required_posts_mean"}[answer.level]
    monthly = result.monthly.assign(year=pd.DatetimeIndex(result.monthly["date"]).year)
    below = monthly[monthly["compliance_probability"].notna() & (monthly["compliance_probability"] < answer.threshold)]
    if answer.reading == "mean_list":
        below = below.iloc[0:0]  # the mean list reads no day
    below_team = list(zip(below["unit"], below["team"], strict=True))
    missing = {(x.unit, x.team, y): n for x in answer.teams for y, n in x.missing}
    others = other_costs(result).set_index("year")["other_costs_p50"]
    half_widths = _half_widths(result, answer)
    rows = []
    for row in result.yearly.to_dict("records"):
        year, unit, team = int(row["year"]), str(row["unit"]), str(row["team"])
        members = _members(scenario, unit, team)
        days = [pd.Timestamp(d).date() for d in month_ends(year)]
        fte = fte_years(scenario, members, days)
        # reading days in which some member team complies with less than the stated level
        short = below[(below["year"] == year).to_numpy() & np.array([k in members for k in below_team], dtype=bool)]
        required, required_p50 = float(row[column]), float(row["required_posts_p50"])
        gap = required - float(row["funded_posts"])
        county = unit == ALL
        rows.append(
            {
                "year": year,
                "unit": unit,
                "team": team,
                "required_posts": required,
                "required_posts_p50": required_p50,
                "required_posts_conf": float(row["required_posts_conf"]),
                "required_half_width": half_widths.get((year, unit, team), np.nan),
                "funded_posts": float(row["funded_posts"]),
                "funded_fte_years": fte,
                "gap_posts": gap,
                "shortfall_posts": max(0.0, gap) if not np.isnan(gap) else np.nan,
                "extra_posts": float(sum(n for (u, t, y), n in missing.items() if y == year and (u, t) in members)),
                "compliance_probability": row["compliance_probability"],
                "failing_days": int(short["date"].nunique()),
                "required_cost_p50": post_cost(scenario, required_p50, year),
                "required_cost": post_cost(scenario, required, year),
                "funded_cost": post_cost(scenario, fte, year),
                "gap_cost": post_cost(scenario, required, year) - post_cost(scenario, fte, year),
                "other_costs_p50": float(others.get(year, np.nan)) if county else np.nan,
            }
        )
    out = pd.DataFrame(rows)
    out["total_cost_funded"] = out["funded_cost"] + out["other_costs_p50"]
    out["total_cost_required"] = out["required_cost"] + out["other_costs_p50"]
    return out


def _half_widths(result: DimensioningResult, answer: StaffingAnswer) -> dict[tuple[int, str, str], float]:
    """The 95 % Monte-Carlo half-width of each yearly figure at the stated level (none for a
    median, whose error the tables do not estimate)."""
    if answer.level == P50:
        return {}
    readings = result.readings
    head = readings[(readings["reading"] == answer.reading) & (readings["practice"] == HEADLINE)]
    return {
        (int(r["year"]), str(r["unit"]), str(r["team"])): Z95 * float(r["required_se"]) for r in head.to_dict("records")
    }
