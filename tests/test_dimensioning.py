"""Dimensioning: known answers (pigeonhole, pooling, Erlang C), the yearly definition, the law's
dates, the aftercare workload, and monotonicity in demand."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.answers.comparison import compare
from lsmitoitus.answers.dimensioning import DimensioningResult, dimension
from lsmitoitus.answers.dimensioning_tables import PARTS
from lsmitoitus.answers.quantiles import harrell_davis
from lsmitoitus.model.replay import fifo_starts
from lsmitoitus.reports.answer import uncertainty_line
from lsmitoitus.scenario.files import deep_merge
from lsmitoitus.vocabulary import AGE_BANDS

NO_ABSENCES = {"summer_leave_days": 0.0, "sick_leave_spells_per_year": 0.0, "parental_leave_per_year": 0.0}


def stable_open_care(stock: float = 300.0, teams: str = "county") -> Scenario:
    """Open care only: new clients at rate λ with mean stay D = stock / λ (M/G/∞, Poisson stock);
    nobody escalates; every post always filled, nobody absent, lists perfectly balanced."""
    data = load_scenario().model_dump()
    data.pop("conversion")  # no yearly conversion factors and no parameter draws: a stationary process
    data.pop("uncertainty")
    notifications, share, per_child = 6000.0, 0.3, 1.95
    stay = stock / (notifications * (1 - share) / per_child / 365.25)
    data["demand"].update(
        notifications={2021: notifications},
        series={},
        growth_per_year=0.0,
        population_growth_per_year=0.0,
        seasonality=[1.0] * 12,
        already_client_share=share,
        notifications_per_notified_child=per_child,
        family_size_mean=1.0,
        age_at_notification={b: (1.0 if b == "0-2" else 0.0) for b in AGE_BANDS},
    )
    data["kasittely"].update(p_arviointi=1.0, p_kiireellinen_sijoitus=0.0)
    data["arviointi"].update(p_avohuolto=1.0, concurrent_per_worker=100.0)
    data["avohuolto"].update(
        p_avohuollon_sijoitus=0.0,
        p_kiireellinen_sijoitus=0.0,
        p_huostaanotto=0.0,
        duration={"distribution": "lognormal", "mean_days": stay, "cv": 0.5},
    )
    for unit in data["staffing"].values():
        for staff in unit.values():
            staff.update(fill_rate=1.0, turnover_per_year=0.0, absences=NO_ABSENCES, ramp_up_days=0.0)
    data["caseload"].update(allocation="balanced")
    data["organisation"] = {"teams": {"avohuolto": teams}, "leads": {}}
    data["simulation"].update(start="2022-01-01", end="2023-12-31", warmup_years=1, replications=3)
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def known() -> DimensioningResult:
    return dimension(stable_open_care(), target=30, confidence=0.9, replications=3, jobs=2)


@pytest.mark.integration
def test_perfect_balance_needs_exactly_the_pigeonhole_posts(known: DimensioningResult) -> None:
    """No vacancies, no absences, lists within one of each other: a month complies with N posts
    if and only if N ≥ ⌈S/30⌉ for its S counted clients, so the requirement is exactly that."""
    rows = known.requirement
    req = rows[rows["unit"] == "avohuolto"].set_index(["replication", "date"])["value"]
    m = known.results.monthly
    counted = m[(m["unit"] == "avohuolto") & (m["measure"] == "clients_counted")]
    stock = counted.groupby(["replication", "date"], observed=True)["value"].sum()
    expected = np.ceil(stock / 30).reindex(req.index)
    pd.testing.assert_series_equal(req, expected, check_names=False)
    assert stock.mean() == pytest.approx(300, abs=4 * math.sqrt(300 / 6))  # a few independent stocks


@pytest.mark.integration
def test_the_parts_add_up_to_the_headline_and_whole_posts_per_team_cost_something() -> None:
    """Splitting the same clients into area teams cannot need fewer posts than the mean list:
    ⌈S_i/30⌉ summed over teams ≥ ΣS/30, so the "whole posts" part is positive; every part is a
    mean of paired differences, so they add up to the headline exactly."""
    result = dimension(stable_open_care(teams="area"), target=30, replications=4, jobs=2)
    rows = result.decomposition
    assert not rows.empty
    parts = rows[list(PARTS)].sum(axis=1)
    np.testing.assert_allclose(parts, rows["required_posts_conf"], rtol=1e-12)
    open_care = rows[rows["unit"].isin(["avohuolto", "kaikki"])]  # the scenario's only clients
    assert len(open_care) == 4 and (open_care["whole_posts"] > 0).all() and (rows["month_to_month"] >= 0).all()
    assert (rows["vacancies"].abs() < 1e-12).all() and (rows["absences"].abs() < 1e-12).all()  # none in this scenario


@pytest.mark.integration
def test_yearly_requirement_is_the_quantile_of_each_replications_worst_month(known: DimensioningResult) -> None:
    """Every month end: each replication's requirement in a year is its worst month; the answer is
    the Harrell–Davis quantile of those over replications (P50 and the confidence)."""
    req = known.requirement[known.requirement["unit"] == "avohuolto"]
    req = req.assign(year=pd.DatetimeIndex(req["date"]).year)
    worst = req.groupby(["year", "replication"])["value"].max()
    readings = known.readings
    month_ends = readings[
        (readings["reading"] == "month_ends") & (readings["practice"] == "headline") & (readings["unit"] == "avohuolto")
    ]
    for year, per_rep in worst.groupby(level="year"):
        row = month_ends[month_ends["year"] == year].iloc[0]
        assert row["required_conf"] == pytest.approx(harrell_davis(per_rep.to_numpy(), 0.9), rel=1e-12)
        assert row["required_p50"] == pytest.approx(harrell_davis(per_rep.to_numpy(), 0.5), rel=1e-12)


@pytest.mark.unit
@pytest.mark.parametrize(("servers", "rho"), [(4, 0.75), (10, 0.85)])
def test_first_come_first_served_queue_matches_erlang_c(servers: int, rho: float) -> None:
    """M/M/c: P(wait > d) = C(c, a)·exp(−(cμ − λ)d) with Erlang C's C. Successive waits are
    correlated, so the standard error of the simulated share comes from batch means (20 batches of
    10,000 customers, each far longer than the queue's memory); tolerance 4 standard errors."""
    rng = np.random.default_rng(17)
    mu, n, d = 1.0, 200_000, 0.5
    lam = rho * servers * mu
    joined = np.cumsum(rng.exponential(1 / lam, n))
    work = rng.exponential(1 / mu, n)
    waits = np.array(fifo_starts(joined.tolist(), work.tolist(), servers)) - joined
    a = lam / mu
    terms = sum(a**k / math.factorial(k) for k in range(servers))
    last = a**servers / math.factorial(servers) / (1 - rho)
    erlang_c = last / (terms + last)
    expected = 1 - erlang_c * math.exp(-(servers * mu - lam) * d)
    batches = (waits <= d).reshape(20, -1).mean(axis=1)
    observed, se = float(batches.mean()), float(batches.std(ddof=1) / math.sqrt(len(batches)))
    assert abs(observed - expected) < 4 * se, (observed, expected, se)


@pytest.mark.integration
def test_no_requirement_or_breach_before_the_law_and_aftercare_by_the_law() -> None:
    """Nothing complies or breaches before 1.1.2022; aftercare clients aged 18+ never count toward
    the legal limit, so the aftercare unit needs no posts by law; a county's own workload target
    for aftercare is answered (every client counted) and flagged as its own choice."""
    base = load_scenario().model_dump()
    data = deep_merge(
        base, {"simulation": {"start": "2021-01-01", "end": "2022-12-31", "warmup_years": 1, "replications": 2}}
    )
    result = dimension(Scenario.model_validate(data), replications=2, jobs=2, decompose=False)
    m = result.monthly
    in_2021 = m[m["date"] < "2022-01-01"]
    assert in_2021["required_posts_conf"].isna().all()
    assert (result.units["first_breach"].dropna() >= pd.Timestamp("2022-01-01")).all()
    yearly = result.yearly
    assert yearly[yearly["year"] == 2021].empty  # nothing to comply with
    aftercare = yearly[(yearly["unit"] == "jalkihuolto") & (yearly["year"] == 2022)]["required_posts_conf"]
    assert len(aftercare) > 0 and (aftercare == 0).all()
    counted = result.results.monthly
    counted = counted[(counted["unit"] == "jalkihuolto") & (counted["measure"] == "clients")]
    assert counted["value"].sum() > 0  # it has clients, none of whom the law counts
    own = deep_merge(data, {"caseload": {"jalkihuolto_planning_target": 30}})
    workload = dimension(Scenario.model_validate(own), replications=2, jobs=2, decompose=False)
    row = workload.yearly[(workload.yearly["unit"] == "jalkihuolto") & (workload.yearly["year"] == 2022)]
    assert (row["required_posts_conf"] > 0).all()


@pytest.mark.integration
def test_planning_target_applies_only_from_the_first_projected_year() -> None:
    base = load_scenario().model_dump()
    data = deep_merge(
        base, {"simulation": {"start": "2023-01-01", "end": "2024-12-31", "warmup_years": 1, "replications": 2}}
    )
    scenario = Scenario.model_validate(data)
    result = dimension(scenario, target=25, replications=2, jobs=2, decompose=False)
    assert result.target_from == pd.Timestamp("2024-01-01").date()  # data to 2023: 2024 is the first projected year
    law = dimension(scenario, replications=2, jobs=2, decompose=False)
    y23 = result.yearly[(result.yearly["year"] == 2023) & (result.yearly["unit"] == "avohuolto")]
    y23_law = law.yearly[(law.yearly["year"] == 2023) & (law.yearly["unit"] == "avohuolto")]
    assert y23["required_posts_conf"].tolist() == y23_law["required_posts_conf"].tolist()
    y24 = result.yearly[(result.yearly["year"] == 2024) & (result.yearly["team"] == "kaikki")]
    y24_law = law.yearly[(law.yearly["year"] == 2024) & (law.yearly["team"] == "kaikki")]
    assert (y24["required_posts_conf"].to_numpy() >= y24_law["required_posts_conf"].to_numpy()).all()


@pytest.mark.integration
def test_required_posts_rise_with_demand() -> None:
    base = load_scenario().with_overrides(start="2024-01-01", end="2026-12-31", warmup_years=1)
    # more children: under the default's rules clients and placements follow the child population
    # (more notifications per child alone would not raise them: conversion.notification_elasticity)
    scenarios = [
        Scenario.model_validate(
            deep_merge(base.model_dump(), {"name": f"g{g}", "demand": {"population_growth_per_year": g}})
        )
        for g in (0.0, 0.15)
    ]
    results = compare(scenarios, target=30, confidence=0.9, replications=3, jobs=2)
    totals = [
        float(r.yearly[(r.yearly["unit"] == "kaikki") & (r.yearly["year"] == 2026)]["required_posts_conf"].iloc[0])
        for r in results
    ]
    assert totals[0] < totals[1], totals


@pytest.mark.unit
def test_growth_scenarios_extend_the_base() -> None:
    """Each bundled growth or staffing scenario states only what differs from the base."""
    base = load_scenario()
    checks: dict[str, Any] = {
        "kasvu-5": lambda s: s.demand.growth_per_year == 0.05,
        "kasvu-15": lambda s: s.demand.growth_per_year == 0.15,
        "vaesto-laskee": lambda s: s.demand.population_growth_per_year == -0.02,
        "tayttoaste-matala": lambda s: all(st.fill_rate == 0.75 for u in s.staffing.values() for st in u.values()),
    }
    for name, check in checks.items():
        scenario = load_scenario(name)
        assert check(scenario) and scenario.demand.notifications == base.demand.notifications


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["fi", "en"])
def test_every_table_of_the_answer_has_translated_headers(known: DimensioningResult, lang: str) -> None:
    """``t`` is strict: a column without a text in either language raises here, not in a meeting."""
    from lsmitoitus.reports.dimensioning_report import tables

    sheets = tables(known, lang)  # type: ignore[arg-type]
    for frame in sheets.values():
        assert all(str(c).strip() for c in frame.columns)
    if lang == "fi":  # no internal column name leaks into a Finnish sheet
        internal = {
            c
            for name in ("units", "yearly", "monthly", "decomposition", "assessment")
            for c in getattr(known, name).columns
        }
        shown = {str(c) for frame in sheets.values() for c in frame.columns}
        assert not (internal - {"P10", "P50", "P90"}) & shown


@pytest.mark.integration
def test_replications_are_added_until_the_precision_goal_or_the_cap(budget_scenario: Scenario) -> None:
    """The adaptive run (no fixed number): it starts with the fewest whole batches that carry a 0.9
    quantile (40), stops there when the county's headline is already known to ± the goal in every
    budget year, and otherwise adds batches of 20 until the cap, saying the goal was missed."""
    loose = dimension(budget_scenario, precision=50.0, seed=3, decompose=False)
    assert loose.results.monthly["replication"].nunique() == 40
    assert (loose.precision["goal"] == 50.0).all()

    strict = dimension(budget_scenario, precision=0.1, max_replications=80, seed=3, decompose=False)
    assert strict.results.monthly["replication"].nunique() == 80
    assert (strict.precision["replications"] == 80).all()
    budget = strict.precision[strict.precision["year"] >= strict.target_from.year]
    assert not budget.empty and (budget["half_width"] > 0.1).any()  # missed, and the answer says so
    assert "tavoitteeseen ±0,1 ei päästy 80 toistolla" in uncertainty_line(strict, "fi")
