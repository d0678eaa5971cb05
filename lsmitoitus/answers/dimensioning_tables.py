"""The tables of a dimensioning answer, assembled from the replications' requirements.

Every figure "at the confidence" is the Harrell–Davis quantile over replications of a team's
yearly requirement (:mod:`.quantiles`); a unit's or the county's is the sum of its teams' (posts
cannot move between teams), with its Monte-Carlo standard error from a bootstrap over whole
replications. P50 and mean totals are those of the per-replication sums.

The answer's records live here too (:class:`ReplicationRequirement`, one replication's answer,
and :class:`DimensioningResult`, the whole answer): :mod:`.dimensioning` imports this module,
never the reverse.

**Decomposition** (the headline, per year and unit): on the replications that carry it, means of
paired quantities that telescope to the headline, each part with a plain meaning —
the mean-list need (the year's mean of counted ÷ limit), month-to-month variation (the reading
days' largest counted ÷ limit over the mean), whole posts per team (each team rounded up on its
worst day), vacancies (managed lists with vacancies over whole posts), absences (managed lists
with absences too), uneven lists (the headline practice over managed lists) and the confidence
margin (the quantile over the mean). Every part but the last two is non-negative by
construction; the last two are differences the answer explains in words.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..model.posts import posts_on
from ..model.raw import RawReplication
from ..scenario.schema import Scenario
from ..simulation.results import SimulationResults, pool_block, tidy_frame
from ..vocabulary import ALL
from .costs import price_index
from .quantiles import (
    BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED,
    can_carry,
    harrell_davis,
    harrell_davis_weights,
    quantile_interval,
)
from .requirement import COMPARE, FULL, HEADLINE, MANAGED, VACANCIES, TeamRequirement, pigeonhole

READINGS = ("monitoring_days", "month_ends", "mean_list")
ANY = "kaikki"  # the practice of the mean-list reading (no list is checked)
PARTS = ("mean_list", "month_to_month", "whole_posts", "vacancies", "absences", "uneven_lists", "confidence")


@dataclass(frozen=True)
class ReplicationRequirement:
    """One replication's answer: per team the counted children, the searches' answers on every
    reading day, the funded posts' compliance; the assessment requirement per area and year."""

    raw: RawReplication
    replication: int
    teams: tuple[TeamRequirement, ...]
    assessment: dict[int, dict[int, dict[str, float]]]  # area -> year -> measures
    decomposed: bool
    month_dates: tuple[dt.date, ...]
    day_dates: tuple[dt.date, ...]

    @property
    def capped(self) -> bool:
        return any(f.capped for team in self.teams for f in team.found.values())

    @property
    def replays(self) -> int:
        return sum(f.replays for team in self.teams for f in team.found.values())

    def months(self, label: str = HEADLINE) -> np.ndarray:
        """(months, teams): the fewest complying posts at each month end under a practice."""
        return np.column_stack([t.found[(label, FULL)].months for t in self.teams])


@dataclass
class DimensioningResult:
    """The answer of a dimensioning run, as tidy-ish tables for reports and workbooks."""

    scenario: Scenario
    target: int | None
    target_from: dt.date
    confidence: float
    results: SimulationResults
    monthly: pd.DataFrame  # the headline reading's days: date, unit, team, funded, required p50/conf, compliance
    yearly: pd.DataFrame  # the headline: year, unit, team, funded_posts, required_posts_p50/conf/se, gap, costs
    units: pd.DataFrame  # unit, team, funded_posts, first_breach, months_in_breach, required (first/last year)
    decomposition: pd.DataFrame  # year, unit, the PARTS and required_posts_conf (they add up to it)
    assessment: pd.DataFrame  # year, area, funded/required workers, on-time shares, waiting
    requirement: pd.DataFrame  # tidy: replication, date, area (team), unit, measure, value
    capped: bool
    readings: pd.DataFrame = field(default_factory=pd.DataFrame)  # every reading × practice, tidy
    continuity: pd.DataFrame = field(default_factory=pd.DataFrame)  # worker changes per child per year
    precision: pd.DataFrame = field(default_factory=pd.DataFrame)  # the county headline's error by year
    per_replication: pd.DataFrame = field(default_factory=pd.DataFrame)  # replication, year, unit, team, required
    reading: str = "monitoring_days"
    practices: dict[str, str] = field(default_factory=dict)  # HEADLINE/COMPARE -> allocation name
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def extra_posts(self) -> int:
        """Posts to add in the last year, summed over teams (never negative per team)."""
        last = self.yearly[self.yearly["year"] == self.yearly["year"].max()]
        teams = last[(last["unit"] != ALL) & (last["team"] != ALL)]  # totals would count teams twice
        return int(np.clip(np.ceil(teams["gap_posts"] - 1e-9), 0, None).sum())


def _sum_of_quantiles(values: np.ndarray, q: float) -> tuple[float, float]:
    """(reps, teams) → the sum over teams of each team's Harrell–Davis ``q`` quantile (teams that
    are all NaN left out), and its bootstrap standard error (whole replications resampled)."""
    keep = ~np.isnan(values).all(axis=0)
    x = values[:, keep]
    if x.shape[1] == 0:
        return np.nan, np.nan
    x = np.where(np.isnan(x), 0.0, x)
    n = x.shape[0]
    w = harrell_davis_weights(n, q)
    estimate = float((w @ np.sort(x, axis=0)).sum())
    if n < 2:
        return estimate, np.nan
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    idx = rng.integers(0, n, (BOOTSTRAP_RESAMPLES, n))
    draws = np.einsum("r,brk->b", w, np.sort(x[idx], axis=1))
    return estimate, float(np.std(draws, ddof=1))


def _year_reduce(values: np.ndarray, years: np.ndarray, year: int, how: str) -> np.ndarray:
    """(reps, days, teams) → (reps, teams): the largest (``max``) or mean (``mean``) over the
    year's days, NaN where none has a value."""
    part = values[:, years == year, :]
    if part.shape[1] == 0:
        return np.full((values.shape[0], values.shape[2]), np.nan)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # all-NaN: days before the law
        return np.nanmax(part, axis=1) if how == "max" else np.nanmean(part, axis=1)


@dataclass(frozen=True)
class _Arrays:
    """The replications' arrays (reps, days, teams) the tables are built from. Every replication
    carries the headline practice; the practice shown beside it, the decomposition's variants and
    the assessment requirement are carried by the first replications only (``reps_of``)."""

    counted_m: np.ndarray
    limit_m: np.ndarray
    counted_d: np.ndarray
    limit_d: np.ndarray
    found: dict[tuple[str, str, str], np.ndarray]  # (label, variant, days kind) -> (its reps, days, teams)
    ok: dict[tuple[str, str], np.ndarray]  # (label, days kind) -> funded posts comply, (its reps, days, teams)
    reassigned: dict[str, np.ndarray]  # label -> (its reps, months, teams)
    reps_of: dict[tuple[str, str], np.ndarray]  # (label, variant) -> the replications (positions) carrying it

    @classmethod
    def of(cls, reps: Sequence[ReplicationRequirement]) -> _Arrays:
        def stack(get: Any, rows: Sequence[ReplicationRequirement]) -> np.ndarray:
            return np.stack([np.column_stack([get(t) for t in r.teams]) for r in rows])

        keys = sorted({k for r in reps for t in r.teams for k in t.found})
        found, reps_of = {}, {}
        for label, variant in keys:
            carrying = [i for i, r in enumerate(reps) if all((label, variant) in t.found for t in r.teams)]
            rows = [reps[i] for i in carrying]
            reps_of[(label, variant)] = np.array(carrying)
            found[(label, variant, "months")] = stack(lambda t, k=(label, variant): t.found[k].months, rows)
            found[(label, variant, "days")] = stack(lambda t, k=(label, variant): t.found[k].days, rows)
        labels = sorted({label for r in reps for t in r.teams for label in t.funded_ok})
        ok, reassigned = {}, {}
        for label in labels:
            rows = [r for r in reps if label in r.teams[0].funded_ok]
            for i, kind in enumerate(("months", "days")):
                ok[(label, kind)] = stack(lambda t, label=label, i=i: t.funded_ok[label][i], rows)
            reassigned[label] = stack(lambda t, label=label: t.reassignments[label], rows)
        return cls(
            counted_m=stack(lambda t: t.counted[0], reps),
            limit_m=stack(lambda t: t.limit[0], reps),
            counted_d=stack(lambda t: t.counted[1], reps),
            limit_d=stack(lambda t: t.limit[1], reps),
            found=found,
            ok=ok,
            reassigned=reassigned,
            reps_of=reps_of,
        )

    def rows(self, label: str, variant: str, kind: str, positions: np.ndarray) -> np.ndarray:
        """The found array's rows of the replications at ``positions`` (all must carry it)."""
        carrying = list(self.reps_of[(label, variant)])
        return self.found[(label, variant, kind)][[carrying.index(p) for p in positions]]


def _groups(pool_keys: Sequence[tuple[str, str]]) -> list[tuple[str, str, list[int]]]:
    """Teams, units of more than one team, and the county: (unit, team, member columns)."""
    groups = [(u, t, [p]) for p, (u, t) in enumerate(pool_keys)]
    for unit in dict.fromkeys(u for u, _ in pool_keys):
        members = [p for p, (u, _) in enumerate(pool_keys) if u == unit]
        if len(members) > 1:
            groups.append((unit, ALL, members))
    groups.append((ALL, ALL, list(range(len(pool_keys)))))
    return groups


def _per_rep(
    arrays: _Arrays, reading: str, label: str, years_m: np.ndarray, years_d: np.ndarray, year: int
) -> np.ndarray:
    """(reps, teams): each replication's requirement in ``year`` under a reading and practice."""
    if reading == "mean_list":
        with np.errstate(all="ignore"):
            return _year_reduce(arrays.counted_m / arrays.limit_m, years_m, year, "mean")
    kind, years = ("months", years_m) if reading == "month_ends" else ("days", years_d)
    return _year_reduce(arrays.found[(label, FULL, kind)], years, year, "max")


def _complies(
    arrays: _Arrays, reading: str, label: str, years_m: np.ndarray, years_d: np.ndarray, year: int, funded: np.ndarray
) -> np.ndarray:
    """(reps, teams): whether the funded posts meet the reading in every reading day of the year."""
    if reading == "mean_list":
        return np.asarray(_per_rep(arrays, reading, label, years_m, years_d, year) <= funded[None, :] + 1e-9)
    kind, years = ("months", years_m) if reading == "month_ends" else ("days", years_d)
    limit = (arrays.limit_m if kind == "months" else arrays.limit_d)[arrays.reps_of[(label, FULL)]]
    in_force = ~np.isnan(limit[:, years == year, :])
    ok = arrays.ok[(label, kind)][:, years == year, :]
    return np.asarray(np.where(in_force, ok, True).all(axis=1))


def headline_precision(
    scenario: Scenario, reps: Sequence[ReplicationRequirement], confidence: float, target_from: dt.date
) -> float:
    """The largest 95 % half-width (1.96 × bootstrap standard error) of the county's headline over
    the budget years: how precisely the replications so far pin the answer down."""
    arrays = _Arrays.of(reps)
    years_m = np.array([d.year for d in reps[0].month_dates])
    years_d = np.array([d.year for d in reps[0].day_dates])
    worst = 0.0
    for year in range(target_from.year, scenario.simulation.end.year + 1):
        per_rep = _per_rep(arrays, scenario.caseload.reading, HEADLINE, years_m, years_d, year)
        _, se = _sum_of_quantiles(per_rep, confidence)
        if not np.isnan(se):
            worst = max(worst, 1.96 * se)
    return worst


def assemble(
    scenario: Scenario,
    target: int | None,
    target_from: dt.date,
    confidence: float,
    results: SimulationResults,
    reps: Sequence[ReplicationRequirement],
    raws: Sequence[RawReplication],
    precision_goal: float | None = None,
) -> DimensioningResult:
    """All tables of the answer."""
    pool_keys = raws[0].pool_keys
    arrays = _Arrays.of(reps)
    month_dates, day_dates = reps[0].month_dates, reps[0].day_dates
    years_m = np.array([d.year for d in month_dates])
    years_d = np.array([d.year for d in day_dates])
    headline_reading = scenario.caseload.reading
    labels: dict[str, str] = {HEADLINE: scenario.caseload.allocation}
    if (COMPARE, "months") in arrays.ok:
        labels[COMPARE] = scenario.caseload.compare_allocation
    cost_per_fte = scenario.costs.social_worker_per_fte
    groups = _groups(pool_keys)
    all_years = sorted(set(years_m.tolist()))
    n = len(reps)

    funded_end = {y: np.array([posts_on(scenario, u, t, dt.date(y, 12, 31)) for u, t in pool_keys]) for y in all_years}
    reading_rows = []
    for year in all_years:
        funded = funded_end[year]
        for reading in READINGS:
            for label, allocation in labels.items() if reading != "mean_list" else [(HEADLINE, ANY)]:
                per_rep = _per_rep(arrays, reading, label, years_m, years_d, year)
                ok = _complies(arrays, reading, label, years_m, years_d, year, funded)
                n_here = per_rep.shape[0]
                for unit, team, members in groups:
                    x = per_rep[:, members]
                    if np.isnan(x).all():
                        continue
                    total = np.nansum(x, axis=1)
                    if reading == "mean_list":  # an expected need, not a figure at the confidence
                        se_mean = float(total.std(ddof=1) / np.sqrt(n_here)) if n_here > 1 else np.nan
                        conf, se = float(total.mean()), se_mean
                        interval = None
                    else:
                        conf, se = _sum_of_quantiles(x, confidence)
                        interval = quantile_interval(total, confidence) if len(members) == 1 else None
                    reading_rows.append(
                        {
                            "year": year,
                            "unit": unit,
                            "team": team,
                            "reading": reading,
                            "allocation": allocation,
                            "practice": label,
                            "funded_posts": float(funded[members].sum()),
                            "required_mean": float(total.mean()),
                            "required_p50": harrell_davis(total, 0.5),
                            "required_conf": conf,
                            "required_se": se,
                            "interval_low": interval[0] if interval else np.nan,
                            "interval_high": interval[1] if interval else np.nan,
                            "carried": can_carry(n_here, confidence),
                            "replications": n_here,
                            "compliance_probability": float(ok[:, members].all(axis=1).mean()),
                        }
                    )
    readings = pd.DataFrame(reading_rows)
    per_replication = _per_replication(arrays, reps, headline_reading, pool_keys, years_m, years_d, all_years)

    head = readings[(readings["reading"] == headline_reading) & (readings["practice"] == HEADLINE)]
    yearly_rows = []
    for r in head.to_dict("records"):
        year, conf, p50 = int(r["year"]), float(r["required_conf"]), float(r["required_p50"])
        funded_posts = float(r["funded_posts"])
        members = next(m for u, t, m in groups if u == r["unit"] and t == r["team"])
        index = price_index(scenario, year)
        in_year = [d for d in month_dates if d.year == year]
        fte_mean = float(np.mean([sum(posts_on(scenario, *pool_keys[p], d) for p in members) for d in in_year]))
        yearly_rows.append(
            {
                "year": year,
                "unit": r["unit"],
                "team": r["team"],
                "funded_posts": funded_posts,
                "required_posts_mean": r["required_mean"],
                "required_posts_p50": p50,
                "required_posts_conf": conf,
                "required_posts_se": r["required_se"],
                "gap_posts": conf - funded_posts,
                "compliance_probability": r["compliance_probability"],
                "funded_cost": fte_mean * cost_per_fte * index,
                "required_cost_conf": conf * cost_per_fte * index,
                "required_cost_p50": p50 * cost_per_fte * index,
                "gap_cost": (conf - fte_mean) * cost_per_fte * index,
            }
        )
    yearly = pd.DataFrame(yearly_rows)

    monthly = _reading_days_table(scenario, arrays, headline_reading, pool_keys, month_dates, day_dates, confidence)
    units = _units_table(scenario, monthly, yearly, pool_keys, target_from, confidence)
    decomposition = _decomposition(arrays, reps, head, headline_reading, pool_keys, years_m, years_d, groups)
    continuity = _continuity(arrays, labels, pool_keys, years_m)
    precision = head[(head["unit"] == ALL) & (head["team"] == ALL)][["year", "required_conf", "required_se"]].copy()
    precision["half_width"] = 1.96 * precision["required_se"]
    precision["replications"] = n
    precision["goal"] = precision_goal if precision_goal is not None else np.nan
    requirement = tidy_frame(
        [
            pool_block(r.months()[:, :, None], raw.replication, raw.month_ends, pool_keys, ["required_posts"])
            for r, raw in zip(reps, raws, strict=True)
        ],
        categorical=False,
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
        assessment=_assessment_table(scenario, reps, confidence),
        requirement=requirement,
        capped=any(r.capped for r in reps),
        readings=readings,
        continuity=continuity,
        precision=precision.reset_index(drop=True),
        per_replication=per_replication,
        reading=headline_reading,
        practices=labels,
        meta={"replays": sum(r.replays for r in reps), "replications": n},
    )


def _per_replication(
    arrays: _Arrays,
    reps: Sequence[ReplicationRequirement],
    reading: str,
    pool_keys: Sequence[tuple[str, str]],
    years_m: np.ndarray,
    years_d: np.ndarray,
    years: Sequence[int],
) -> pd.DataFrame:
    """Per replication, year and team: the headline reading's requirement under the headline
    practice (what paired differences between scenarios with the same seeds are made of)."""
    frames = []
    numbers = np.array([r.replication for r in reps])
    for year in years:
        per_rep = _per_rep(arrays, reading, HEADLINE, years_m, years_d, year)
        for p, (unit, team) in enumerate(pool_keys):
            frames.append(
                pd.DataFrame(
                    {"replication": numbers, "year": year, "unit": unit, "team": team, "required": per_rep[:, p]}
                )
            )
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


def _reading_days_table(
    scenario: Scenario,
    arrays: _Arrays,
    reading: str,
    pool_keys: Sequence[tuple[str, str]],
    month_dates: Sequence[dt.date],
    day_dates: Sequence[dt.date],
    confidence: float,
) -> pd.DataFrame:
    """Per reading day of the headline reading (month ends for the mean list) and team: funded
    posts, the required posts' P50 and quantile, and the probability that the funded posts comply."""
    if reading == "monitoring_days":
        dates, found, ok, limit = (
            day_dates,
            arrays.found[(HEADLINE, FULL, "days")],
            arrays.ok[(HEADLINE, "days")],
            arrays.limit_d,
        )
    else:
        dates, limit = month_dates, arrays.limit_m
        found = arrays.found[(HEADLINE, FULL, "months")]
        ok = arrays.ok[(HEADLINE, "months")]
        if reading == "mean_list":
            with np.errstate(all="ignore"):
                found = arrays.counted_m / arrays.limit_m
    rows = []
    for d, date in enumerate(dates):
        for p, (unit, team) in enumerate(pool_keys):
            x = found[:, d, p]
            in_force = not np.isnan(limit[:, d, p]).all()
            funded = posts_on(scenario, unit, team, date)
            rows.append(
                {
                    "date": pd.Timestamp(date),
                    "unit": unit,
                    "team": team,
                    "funded_posts": funded,
                    "required_posts_p50": harrell_davis(x, 0.5) if in_force else np.nan,
                    "required_posts_conf": harrell_davis(x, confidence) if in_force else np.nan,
                    "gap_posts": harrell_davis(x, confidence) - funded if in_force else np.nan,
                    "compliance_probability": float(ok[:, d, p].mean()) if in_force else np.nan,
                }
            )
    return pd.DataFrame(rows)


def _units_table(
    scenario: Scenario,
    days: pd.DataFrame,
    yearly: pd.DataFrame,
    pool_keys: Sequence[tuple[str, str]],
    target_from: dt.date,
    confidence: float,
) -> pd.DataFrame:
    """Per team: when the headline reading first fails at the funded posts (from the planning
    start), on how many reading days, and the requirement in the first projected and last years."""
    last_year = int(yearly["year"].max())
    first_year = max(target_from.year, int(yearly["year"].min()))
    rows = []
    for unit, team in pool_keys:
        part = days[(days["unit"] == unit) & (days["team"] == team)]
        from_start = part[part["date"] >= pd.Timestamp(target_from)]
        breach = from_start[from_start["compliance_probability"] < confidence]
        mine = yearly[(yearly["unit"] == unit) & (yearly["team"] == team)].set_index("year")
        rows.append(
            {
                "unit": unit,
                "team": team,
                "funded_posts": float(part["funded_posts"].iloc[-1]),
                "first_breach": breach["date"].iloc[0] if not breach.empty else pd.NaT,
                "months_in_breach": len(breach),
                "required_first_projected": float(mine["required_posts_conf"].get(first_year, np.nan)),
                "required_last_year": float(mine["required_posts_conf"].get(last_year, np.nan)),
                "extra_posts": max(0.0, float(np.ceil(mine["gap_posts"].get(last_year, 0.0) - 1e-9))),
            }
        )
    return pd.DataFrame(rows)


def _decomposition(
    arrays: _Arrays,
    reps: Sequence[ReplicationRequirement],
    head: pd.DataFrame,
    reading: str,
    pool_keys: Sequence[tuple[str, str]],
    years_m: np.ndarray,
    years_d: np.ndarray,
    groups: list[tuple[str, str, list[int]]],
) -> pd.DataFrame:
    """Per year and unit (and the county): the headline's parts (module docstring), means over
    the replications that carry the decomposition; they add up to the headline exactly."""
    chosen = np.array([r.decomposed for r in reps])
    if not chosen.any() or (MANAGED, VACANCIES, "months") not in arrays.found:
        return pd.DataFrame()
    positions = np.flatnonzero(chosen)
    rows = []
    for year in sorted(set(years_m.tolist())):
        with np.errstate(all="ignore"):
            ratio_m = (arrays.counted_m / arrays.limit_m)[chosen]
            ratio_d = (arrays.counted_d / arrays.limit_d)[chosen]
        mean_list = _year_reduce(ratio_m, years_m, year, "mean")
        if reading == "mean_list":
            worst, whole = mean_list, mean_list
        else:
            ratio, years = (ratio_m, years_m) if reading == "month_ends" else (ratio_d, years_d)
            counted = (arrays.counted_m if reading == "month_ends" else arrays.counted_d)[chosen]
            limit = (arrays.limit_m if reading == "month_ends" else arrays.limit_d)[chosen]
            worst = _year_reduce(ratio, years, year, "max")
            whole = _year_reduce(pigeonhole(counted, limit), years, year, "max")
        if reading == "mean_list":
            vac = full_managed = full_head = whole
        else:
            kind = "months" if reading == "month_ends" else "days"
            vac = _year_reduce(arrays.rows(MANAGED, VACANCIES, kind, positions), years, year, "max")
            full_managed = _year_reduce(arrays.rows(MANAGED, FULL, kind, positions), years, year, "max")
            full_head = _year_reduce(arrays.rows(HEADLINE, FULL, kind, positions), years, year, "max")
        for unit, team, members in groups:
            if team != ALL and len([1 for u, _ in pool_keys if u == unit]) > 1:
                continue  # per unit and county (single-team units are their own unit)
            line = head[(head["year"] == year) & (head["unit"] == unit) & (head["team"] == team)]
            if line.empty or np.isnan(mean_list[:, members]).all():
                continue
            steps = [
                np.nanmean(np.nansum(a[:, members], axis=1))
                for a in (mean_list, worst, whole, vac, full_managed, full_head)
            ]
            total = float(line["required_conf"].iloc[0])
            parts = np.diff([0.0, *steps, total])
            rows.append(
                {
                    "year": year,
                    "unit": unit,
                    **dict(zip(PARTS, parts.tolist(), strict=True)),
                    "required_posts_conf": total,
                }
            )
    return pd.DataFrame(rows)


def _continuity(
    arrays: _Arrays, labels: dict[str, str], pool_keys: Sequence[tuple[str, str]], years_m: np.ndarray
) -> pd.DataFrame:
    """Per year, team and practice, at the funded posts: children moved to another worker in the
    year per child on the lists (the year's mean of month-end counted children), mean over
    replications."""
    rows = []
    for label, allocation in labels.items():
        moved = arrays.reassigned.get(label)
        if moved is None:
            continue
        for year in sorted(set(years_m.tolist())):
            in_year = years_m == year
            per_year = moved[:, in_year, :].sum(axis=1)
            on_lists = arrays.counted_m[arrays.reps_of[(label, FULL)]][:, in_year, :].mean(axis=1)
            for p, (unit, team) in enumerate(pool_keys):
                with np.errstate(all="ignore"):
                    rate = per_year[:, p] / on_lists[:, p]
                rows.append(
                    {
                        "year": year,
                        "unit": unit,
                        "team": team,
                        "practice": label,
                        "allocation": allocation,
                        "changes_per_child": float(np.nanmean(rate)) if np.isfinite(rate).any() else np.nan,
                    }
                )
    return pd.DataFrame(rows)


def _assessment_table(scenario: Scenario, reps: Sequence[ReplicationRequirement], confidence: float) -> pd.DataFrame:
    """Per area and year: funded and required assessment workers, on-time shares at the funded
    workers (P50 over replications), and the mean wait."""
    rows = []
    reps = [r for r in reps if r.assessment]  # the replications that carry it
    if not reps:  # a headline-only answer (the app's first answer) has none
        return pd.DataFrame()
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
                    "required_workers_p50": harrell_davis(required, 0.5),
                    "required_workers_conf": harrell_davis(required, confidence),
                    "assessments": median("assessments"),
                    "started_on_time": median("started_on_time"),
                    "completed_on_time": median("completed_on_time"),
                    "mean_wait_days": median("mean_wait_days"),
                    "best_started_on_time": median("best_started_on_time"),
                    "best_completed_on_time": median("best_completed_on_time"),
                }
            )
    return pd.DataFrame(rows)
