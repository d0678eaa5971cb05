"""The staffing answer every output renders: the facts of a dimensioning run, without language.

The terminal, the workbook, the board report, the app, ``raportti.json`` and the notebooks all
render one :class:`StaffingAnswer` built by :func:`answer_of`, so they cannot disagree: which
teams are short in which year and by how much, under which reading of the law and which
allocation practice, since when at the funded posts, how precise the figure is, what the other
readings and managing lists would give, and the parts the headline is made of.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..vocabulary import ALL
from .costs import price_index
from .dimensioning_tables import PARTS, DimensioningResult
from .requirement import COMPARE, HEADLINE


def whole_posts(required: float) -> int:
    """A requirement in whole posts: rounded up (a fraction of a post is a post to fund), with a
    small tolerance so that 48.0000001 is 48."""
    return 0 if math.isnan(required) else math.ceil(required - 1e-6)


@dataclass(frozen=True)
class TeamAnswer:
    """One team under the headline: its funded posts and requirement in the last year, the budget
    years in which it is short, when the funded posts first fail the reading, and whether its
    figure is the county's own aftercare workload target rather than the law."""

    unit: str
    team: str
    funded_posts: float
    required: float
    short_years: tuple[int, ...]
    first_failing_day: dt.date | None
    extra_posts: int
    extra_cost: float
    workload_target: bool

    @property
    def first_short_year(self) -> int | None:
        return self.short_years[0] if self.short_years else None


@dataclass(frozen=True)
class StaffingAnswer:
    """The whole answer, language-free (see the module docstring)."""

    scenario: str
    reading: str  # monitoring_days, month_ends or mean_list
    practice: str  # the headline's allocation practice
    compare_practice: str | None  # the practice shown beside it
    confidence: float
    carried: bool  # whether the replications can carry a figure at the confidence
    replications: int
    precision: float  # the largest 95 % half-width of the county's headline over the budget years
    precision_goal: float | None  # what the run aimed for (None: a fixed number of replications)
    first_year: int  # the budget years: the first projected year …
    last_year: int  # … to the last simulated
    county: pd.DataFrame  # year, funded_posts, required, required_se, required_p50, gap, compliance_probability
    teams: tuple[TeamAnswer, ...]
    readings: pd.DataFrame  # the county: year, reading, allocation, required, required_se, funded_posts
    parts: pd.DataFrame  # the county's decomposition by year (PARTS, required)
    continuity: pd.DataFrame  # year, allocation, changes of worker per child on the lists
    plan: str | None  # the staffing plan the answer is about (None: the scenario's funded posts)

    def year(self, year: int) -> dict[str, float]:
        """The county's headline figures in ``year``."""
        row = self.county[self.county["year"] == year].iloc[0]
        return {str(k): float(v) for k, v in row.items()}

    @property
    def short_teams(self) -> tuple[TeamAnswer, ...]:
        """Teams short in some budget year, the earliest first."""
        short = [t for t in self.teams if t.short_years]
        return tuple(sorted(short, key=lambda t: (t.short_years[0], -t.extra_posts, t.unit, t.team)))

    def required(self, reading: str, allocation: str, year: int) -> float:
        """The county's requirement under another reading or practice (NaN if not computed)."""
        r = self.readings
        row = r[(r["reading"] == reading) & (r["allocation"] == allocation) & (r["year"] == year)]
        return float(row["required"].iloc[0]) if not row.empty else math.nan

    def rows(self) -> list[dict[str, Any]]:
        """Language-free rows for ``raportti.json``: every reading and practice of the county by
        year, and the headline's teams, each with its reading, allocation, year, unit, team,
        funded and required posts and the requirement's standard error."""
        out: list[dict[str, Any]] = []
        for r in self.readings.to_dict("records"):
            out.append(
                {
                    "reading": r["reading"],
                    "allocation": r["allocation"],
                    "year": int(r["year"]),
                    "unit": ALL,
                    "team": ALL,
                    "funded_posts": float(r["funded_posts"]),
                    "required_posts": float(r["required"]),
                    "required_posts_se": float(r["required_se"]),
                    "headline": bool(r["reading"] == self.reading and r["allocation"] == self.practice),
                }
            )
        return out


def answer_of(result: DimensioningResult, plan: str | None = None) -> StaffingAnswer:
    """The answer of a dimensioning run (``plan``: the plan it evaluated, if any)."""
    scenario = result.scenario
    first, last = result.target_from.year, scenario.simulation.end.year
    yearly = result.yearly
    budget = yearly[(yearly["year"] >= first) & (yearly["year"] <= last)]
    county = budget[(budget["unit"] == ALL) & (budget["team"] == ALL)]
    county = county.rename(
        columns={
            "required_posts_conf": "required",
            "required_posts_se": "required_se",
            "required_posts_p50": "required_p50",
            "gap_posts": "gap",
        }
    )[["year", "funded_posts", "required", "required_se", "required_p50", "gap", "compliance_probability"]]
    per_post = scenario.costs.social_worker_per_fte * price_index(scenario, last)
    teams = []
    for (unit, team), rows in budget[(budget["unit"] != ALL) & (budget["team"] != ALL)].groupby(
        ["unit", "team"], sort=False
    ):
        rows = rows.sort_values("year")
        short = tuple(
            int(y)
            for y, req, funded in zip(rows["year"], rows["required_posts_conf"], rows["funded_posts"], strict=True)
            if whole_posts(float(req)) > funded + 1e-9
        )
        final = rows[rows["year"] == last].iloc[0] if (rows["year"] == last).any() else rows.iloc[-1]
        extra = max(0, whole_posts(float(final["required_posts_conf"])) - round(float(final["funded_posts"])))
        mine = result.units[(result.units["unit"] == unit) & (result.units["team"] == team)]
        breach = mine["first_breach"].iloc[0] if not mine.empty else pd.NaT
        teams.append(
            TeamAnswer(
                unit=str(unit),
                team=str(team),
                funded_posts=float(final["funded_posts"]),
                required=float(final["required_posts_conf"]),
                short_years=short,
                first_failing_day=None if pd.isna(breach) else pd.Timestamp(breach).date(),
                extra_posts=extra,
                extra_cost=extra * per_post,
                workload_target=unit == "jalkihuolto" and scenario.caseload.jalkihuolto_planning_target is not None,
            )
        )
    readings = result.readings
    county_readings = readings[(readings["unit"] == ALL) & (readings["team"] == ALL)]
    county_readings = county_readings.rename(columns={"required_conf": "required", "required_se": "required_se"})[
        ["year", "reading", "allocation", "practice", "required", "required_se", "funded_posts", "carried"]
    ]
    decomposition = result.decomposition
    parts = (
        decomposition[decomposition["unit"] == ALL][["year", *PARTS, "required_posts_conf"]].rename(
            columns={"required_posts_conf": "required"}
        )
        if not decomposition.empty
        else pd.DataFrame(columns=["year", *PARTS, "required"])
    )
    continuity = result.continuity
    if not continuity.empty:
        continuity = continuity.groupby(["year", "allocation"], as_index=False).agg(
            changes_per_child=("changes_per_child", "mean")
        )
    precision = result.precision
    head = readings[(readings["reading"] == result.reading) & (readings["practice"] == HEADLINE)]
    return StaffingAnswer(
        scenario=scenario.name,
        reading=result.reading,
        practice=result.practices.get(HEADLINE, scenario.caseload.allocation),
        compare_practice=result.practices.get(COMPARE),
        confidence=result.confidence,
        carried=bool(head["carried"].all()) if not head.empty else False,
        replications=int(result.meta.get("replications", 0)),  # type: ignore[call-overload]
        precision=float(
            np.nanmax(precision[precision["year"] >= first]["half_width"]) if not precision.empty else math.nan
        ),
        precision_goal=(
            float(precision["goal"].iloc[0]) if not precision.empty and not pd.isna(precision["goal"].iloc[0]) else None
        ),
        first_year=first,
        last_year=last,
        county=county.reset_index(drop=True),
        teams=tuple(teams),
        readings=county_readings[county_readings["year"] >= first].reset_index(drop=True),
        parts=parts[parts["year"] >= first].reset_index(drop=True),
        continuity=continuity,
        plan=plan,
    )
