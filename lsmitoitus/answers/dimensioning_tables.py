"""The tables of a dimensioning answer, assembled from the replications' requirements.

Every quantile over replications is taken of a per-replication quantity (a team's yearly
requirement, a unit's or the county's sum of them), so a county total is the total's quantile,
not a sum of quantiles.

The answer's records live here too (:class:`ReplicationRequirement`, one replication's answer,
and :class:`DimensioningResult`, the whole answer): :mod:`.dimensioning` imports this module,
never the reverse.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..model.posts import posts_on
from ..model.raw import RawReplication
from ..scenario.schema import Scenario
from ..simulation.results import SimulationResults, tidy_pools
from ..vocabulary import ALL, UNITS
from .costs import price_index


@dataclass(frozen=True)
class ReplicationRequirement:
    """One replication's answer: the smallest complying posts per month and team for each
    variant of staff dynamics, per unit when pooled, whether the funded posts comply, and the
    assessment requirement per area and year."""

    raw: RawReplication
    required: dict[str, np.ndarray]  # variant -> (months, pools)
    pooled: np.ndarray  # (months, units): the unit as one county-wide team (full dynamics)
    compliant_funded: np.ndarray  # (months, pools) bool
    assessment: dict[int, dict[int, dict[str, float]]]  # area -> year -> measures
    capped: bool


@dataclass
class DimensioningResult:
    """The answer of a dimensioning run, as tidy-ish tables for reports and workbooks."""

    scenario: Scenario
    target: int | None
    target_from: dt.date
    confidence: float
    results: SimulationResults
    monthly: pd.DataFrame  # date, unit, team, funded_posts, required_posts_p50/conf, gap, compliance_probability
    yearly: pd.DataFrame  # year, unit, team, funded_posts, required_posts_p50/conf, gap, worst_month, costs
    units: pd.DataFrame  # unit, team, funded_posts, first_breach, months_in_breach, required (first/last year)
    decomposition: pd.DataFrame  # year, unit, demand, vacancies, absences, organisation, total (conf)
    assessment: pd.DataFrame  # year, area, funded/required workers, on-time shares, waiting
    requirement: pd.DataFrame  # tidy: replication, date, area (team), unit, measure, value
    capped: bool
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def extra_posts(self) -> int:
        """Posts to add in the last year, summed over teams (never negative per team)."""
        last = self.yearly[self.yearly["year"] == self.yearly["year"].max()]
        teams = last[(last["unit"] != ALL) & (last["team"] != ALL)]  # totals would count teams twice
        return int(np.clip(teams["gap_posts"], 0, None).sum())


def _quantile(values: np.ndarray, q: float, axis: int = 0) -> np.ndarray:
    """The replications' quantile (the 'higher' value: a number of posts that was needed)."""
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN: months before the law, answered NaN
        return np.nanquantile(values, q, axis=axis, method="higher")


def _year_max(required: np.ndarray, years: np.ndarray, year: int) -> np.ndarray:
    """(reps, months, k) → (reps, k): the largest monthly requirement in ``year`` (NaN if none)."""
    part = required[:, years == year, :]
    with np.errstate(all="ignore"):
        out = np.nanmax(np.where(np.isnan(part), -np.inf, part), axis=1)
    return np.where(np.isinf(out), np.nan, out)


def assemble(
    scenario: Scenario,
    target: int | None,
    target_from: dt.date,
    confidence: float,
    results: SimulationResults,
    reps: Sequence[ReplicationRequirement],
    raws: Sequence[RawReplication],
) -> DimensioningResult:
    """All tables of the answer."""
    pool_keys = raws[0].pool_keys
    months = [pd.Timestamp(d) for d in raws[0].month_ends]
    years = np.array([m.year for m in months])
    full = np.stack([r.required["full"] for r in reps])  # (reps, months, pools)
    compliant = np.stack([r.compliant_funded for r in reps])
    cost_per_fte = scenario.costs.social_worker_per_fte

    funded = np.array([[posts_on(scenario, u, t, m.date()) for (u, t) in pool_keys] for m in months])
    monthly_rows = []
    p50, conf = _quantile(full, 0.5), _quantile(full, confidence)
    # no limit in force (before 13 b §): nothing to comply with, so no probability either
    compliance = np.where(np.isnan(conf), np.nan, compliant.mean(axis=0))
    for m, date in enumerate(months):
        for p, (unit, team) in enumerate(pool_keys):
            monthly_rows.append(
                {
                    "date": date,
                    "unit": unit,
                    "team": team,
                    "funded_posts": funded[m, p],
                    "required_posts_p50": p50[m, p],
                    "required_posts_conf": conf[m, p],
                    "gap_posts": conf[m, p] - funded[m, p],
                    "compliance_probability": compliance[m, p],
                }
            )
    monthly = pd.DataFrame(monthly_rows)

    # yearly: teams, unit totals and the county total (P50: the median of the per-replication sums;
    # at the confidence: the sum of the teams' requirements)
    groups: list[tuple[str, str, list[int]]] = [(u, t, [p]) for p, (u, t) in enumerate(pool_keys)]
    for unit in UNITS:
        members = [p for p, (u, _) in enumerate(pool_keys) if u == unit]
        if len(members) > 1:
            groups.append((unit, ALL, members))
    groups.append((ALL, ALL, list(range(len(pool_keys)))))
    yearly_rows = []
    for year in sorted(set(years.tolist())):
        in_year = years == year
        per_rep = _year_max(full, years, year)  # (reps, pools)
        index = price_index(scenario, year)
        for unit, team, members in groups:
            summed = np.where(np.isnan(per_rep[:, members]).all(axis=1), np.nan, np.nansum(per_rep[:, members], axis=1))
            posts_end = funded[in_year][-1, members].sum()
            fte_mean = funded[in_year][:, members].sum(axis=1).mean()
            req_p50 = float(_quantile(summed, 0.5)) if not np.isnan(summed).all() else np.nan
            if len(members) == 1:
                req_conf = float(_quantile(summed, confidence)) if not np.isnan(summed).all() else np.nan
            else:
                # posts cannot move between teams: a total is what its teams need, each at the
                # confidence (the plan a planner funds), not the quantile of the summed need
                team_conf = [_quantile(per_rep[:, [m]].ravel(), confidence) for m in members]
                known = [float(v) for v in team_conf if not np.isnan(v)]
                req_conf = float(sum(known)) if known else np.nan
            monthly_conf = conf[in_year][:, members].sum(axis=1)
            worst = int(np.nanargmax(monthly_conf)) if not np.isnan(monthly_conf).all() else None
            in_force = ~np.isnan(conf[in_year][:, members]).all(axis=1)
            ok_all_months = (
                compliant[:, in_year][:, in_force][:, :, members].all(axis=(1, 2)).mean() if in_force.any() else np.nan
            )
            yearly_rows.append(
                {
                    "year": year,
                    "unit": unit,
                    "team": team,
                    "funded_posts": posts_end,
                    "required_posts_p50": req_p50,
                    "required_posts_conf": req_conf,
                    "gap_posts": req_conf - posts_end,
                    "compliance_probability": ok_all_months,
                    "worst_month": months[int(np.flatnonzero(in_year)[worst])] if worst is not None else pd.NaT,
                    "worst_month_required": float(monthly_conf[worst]) if worst is not None else np.nan,
                    "funded_cost": fte_mean * cost_per_fte * index,
                    "required_cost_conf": req_conf * cost_per_fte * index,
                    "required_cost_p50": req_p50 * cost_per_fte * index,
                    "gap_cost": (req_conf - fte_mean) * cost_per_fte * index,
                }
            )
    yearly = pd.DataFrame(yearly_rows)

    first_projected = target_from.year
    last_year = int(years.max())
    unit_rows = []
    for unit, team in pool_keys:
        part = monthly[(monthly["unit"] == unit) & (monthly["team"] == team)]
        in_force = part["required_posts_conf"].notna()
        breach = part[in_force & (part["compliance_probability"] < confidence)]
        row_first = yearly[
            (yearly["unit"] == unit)
            & (yearly["team"] == team)
            & (yearly["year"] == max(first_projected, int(years.min())))
        ]
        row_last = yearly[(yearly["unit"] == unit) & (yearly["team"] == team) & (yearly["year"] == last_year)]
        unit_rows.append(
            {
                "unit": unit,
                "team": team,
                "funded_posts": float(part["funded_posts"].iloc[-1]),
                "first_breach": breach["date"].iloc[0] if not breach.empty else pd.NaT,
                "months_in_breach": len(breach),
                "required_first_projected": float(row_first["required_posts_conf"].iloc[0])
                if not row_first.empty
                else np.nan,
                "required_last_year": float(row_last["required_posts_conf"].iloc[0]),
                "extra_posts": max(0.0, float(row_last["gap_posts"].iloc[0])),
            }
        )
    units = pd.DataFrame(unit_rows)

    decomposition = _decomposition(reps, pool_keys, years, confidence)
    assessment = _assessment_table(scenario, reps, confidence)
    requirement = pd.concat(
        [
            tidy_pools(r.required["full"][:, :, None], raw.replication, raw.month_ends, pool_keys, ["required_posts"])
            for r, raw in zip(reps, raws, strict=True)
        ],
        ignore_index=True,
    )
    return DimensioningResult(
        scenario=scenario,
        target=target,
        target_from=target_from,
        confidence=confidence,
        results=results,
        monthly=monthly,
        yearly=yearly,
        units=units,
        decomposition=decomposition,
        assessment=assessment,
        requirement=requirement,
        capped=any(r.capped for r in reps),
    )


def _decomposition(
    reps: Sequence[ReplicationRequirement], pool_keys: tuple[tuple[str, str], ...], years: np.ndarray, confidence: float
) -> pd.DataFrame:
    """Per year and unit: the requirement at the confidence (the sum of its teams', as in the
    yearly table) split into the posts vacancies add, the posts absences add and demand (the rest),
    and the posts the split into teams adds over one county-wide team.

    Each part is the mean over replications of a paired difference (the same clients replayed with
    staff dynamics switched on step by step, or pooled): a difference of two 90 % quantiles of
    20 replications would be mostly noise, and could even come out negative."""
    if "demand" not in reps[0].required:
        return pd.DataFrame()
    rows = []
    for year in sorted(set(years.tolist())):
        for u, unit in enumerate(UNITS):
            members = [p for p, (un, _) in enumerate(pool_keys) if un == unit]
            per_rep = {}
            for variant in ("demand", "vacancies", "full"):
                stacked = np.stack([r.required[variant] for r in reps])
                per_team = _year_max(stacked, years, year)[:, members]  # (reps, teams)
                per_rep[variant] = np.where(np.isnan(per_team).all(axis=1), np.nan, np.nansum(per_team, axis=1))
                if variant == "full":
                    # posts do not move between teams: the unit needs each team's own requirement
                    known = [float(_quantile(per_team[:, [k]].ravel(), confidence)) for k in range(len(members))]
                    known = [v for v in known if not np.isnan(v)]
                    total = float(sum(known)) if known else np.nan
            pooled = np.stack([r.pooled[:, u] for r in reps])[:, :, None]
            pooled_rep = _year_max(pooled, years, year)[:, 0]
            if np.isnan(total) or np.isnan(pooled_rep).all():
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                vacancies = float(np.nanmean(per_rep["vacancies"] - per_rep["demand"]))
                absences = float(np.nanmean(per_rep["full"] - per_rep["vacancies"]))
                organisation = float(np.nanmean(per_rep["full"] - pooled_rep))
            rows.append(
                {
                    "year": year,
                    "unit": unit,
                    "demand": total - vacancies - absences,
                    "vacancies": vacancies,
                    "absences": absences,
                    "required_posts_conf": total,
                    "pooled_required": float(_quantile(pooled_rep, confidence)),
                    "organisation": organisation,
                }
            )
    return pd.DataFrame(rows)


def _assessment_table(scenario: Scenario, reps: Sequence[ReplicationRequirement], confidence: float) -> pd.DataFrame:
    """Per area and year: funded and required assessment workers, on-time shares at the funded
    workers (P50 over replications), and the mean wait."""
    rows = []
    areas = scenario.area_names
    for a, area in enumerate(areas):
        years = sorted(reps[0].assessment.get(a, {}))
        for year in years:
            values = [r.assessment[a][year] for r in reps if year in r.assessment.get(a, {})]
            required = np.array([v["required_workers"] for v in values], dtype=float)

            def median(key: str, values: list[dict[str, float]] = values) -> float:
                return float(np.nanmedian([v[key] for v in values]))

            rows.append(
                {
                    "year": year,
                    "area": area,
                    "funded_workers": values[0]["funded_workers"],
                    "required_workers_p50": float(_quantile(required, 0.5)),
                    "required_workers_conf": float(_quantile(required, confidence)),
                    "assessments": median("assessments"),
                    "started_on_time": median("started_on_time"),
                    "completed_on_time": median("completed_on_time"),
                    "mean_wait_days": median("mean_wait_days"),
                    "best_started_on_time": median("best_started_on_time"),
                    "best_completed_on_time": median("best_completed_on_time"),
                }
            )
    return pd.DataFrame(rows)
