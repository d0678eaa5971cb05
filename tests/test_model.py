"""The model core on small scenarios: invariants and checks against queueing theory."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario, simulate
from lsmitoitus.model.posts import unit_posts
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.raw import POOL_MEASURES
from lsmitoitus.simulation.results import tidy_monthly
from lsmitoitus.simulation.runner import run_replication
from lsmitoitus.vocabulary import AGE_BANDS, STATES, UNITS

pytestmark = pytest.mark.integration
CLIENT_STATES = ["avohuolto", "avohuollon_sijoitus", "kiireellinen_sijoitus", "sijaishuolto", "jalkihuolto"]


def scenario_with(edit: Any) -> Scenario:
    """The bundled scenario's data, edited in place by ``edit(data)``, validated."""
    data = load_scenario().model_dump()
    edit(data)
    return Scenario.model_validate(data)


def only_infants(data: dict[str, Any]) -> None:
    data["demand"]["age_at_notification"] = {b: (1.0 if b == "0-2" else 0.0) for b in AGE_BANDS}


def flat_demand(data: dict[str, Any], notifications: float) -> None:
    """Level demand with no yearly conversion factors and no parameter uncertainty, one child per
    family: every year is the same Poisson process, so queueing theory applies as written."""
    data.pop("conversion", None)
    data.pop("uncertainty", None)
    data["demand"]["family_size_mean"] = 1.0
    data["demand"]["notifications"] = {2021: notifications}
    data["demand"]["series"] = {}
    data["demand"]["growth_per_year"] = 0.0
    data["demand"]["population_growth_per_year"] = 0.0
    data["demand"]["seasonality"] = [1.0] * 12
    for area in data["areas"].values():
        area["population_0_17"] = {2021: 1000.0}


def wide(df: pd.DataFrame, unit: str | None = None) -> pd.DataFrame:
    """(replication, date, area) × measure, optionally for one unit."""
    part = df if unit is None else df[df["unit"] == unit]
    return part.pivot_table(index=["replication", "date", "area"], columns="measure", values="value", observed=True)


@pytest.fixture(scope="module")
def short_results(short_scenario: Scenario) -> Any:
    return simulate(short_scenario, jobs=1)


def test_conservation_every_child_in_one_state_or_exited(short_results: Any) -> None:
    m = short_results.monthly
    children = m[(m["measure"] == "children") & m["unit"].isin(STATES)]
    in_states = children.groupby(["replication", "date", "area"], observed=True)["value"].sum()
    totals = wide(m, "kaikki")
    assert (in_states.reindex(totals.index) + totals["exited_total"]).equals(totals["entered_total"])
    assert totals["entered_total"].min() > 1000  # the warm-up really filled the system


def pool_rows(m: pd.DataFrame, unit: str) -> pd.DataFrame:
    """(replication, date, team) × worker-list measure for one unit; teams sit in the area column."""
    part = m[(m["unit"] == unit) & m["measure"].isin(POOL_MEASURES)]
    return part.pivot_table(index=["replication", "date", "area"], columns="measure", values="value", observed=True)


def test_worker_lists_agree_with_pathway_states(short_results: Any) -> None:
    """Every child in a client state is on exactly one list: the county's list total equals the
    county's client-state total (lists are per team, states per area, so compare county totals)."""
    m = short_results.monthly
    clients = m[(m["measure"] == "clients") & m["unit"].isin(UNITS)].groupby(["replication", "date"])["value"].sum()
    in_client_states = (
        m[(m["measure"] == "children") & m["unit"].isin(CLIENT_STATES) & (m["area"] != "koko_alue")]
        .groupby(["replication", "date"])["value"]
        .sum()
    )
    assert clients.equals(in_client_states)
    by_type = m[(m["measure"] == "children") & m["unit"].isin(["perhehoito", "ammatillinen_perhekoti", "laitoshoito"])]
    placed = by_type.groupby(["replication", "date", "area"], observed=True)["value"].sum()
    care = m[(m["measure"] == "children") & (m["unit"] == "sijaishuolto")].set_index(["replication", "date", "area"])
    assert placed.equals(care["value"].reindex(placed.index))


def test_limit_switch_and_over_limit_consistency(short_scenario: Scenario, short_results: Any) -> None:
    m = short_results.monthly
    for unit in UNITS:
        w = pool_rows(m, unit).reset_index()
        assert len(w) > 0
        before = w[w["date"] < "2024-01-01"]
        after = w[w["date"] >= "2024-01-01"]
        assert set(before["limit"]) == {35.0} and set(after["limit"]) == {30.0}
        over = w["max_children_per_worker"] > w["limit"]
        assert ((w["workers_over_limit"] > 0) == over).all()
        # a worker over the limit at month end has been over it for part of the month at least
        assert (w.loc[over, "child_days_over_limit"] > 0).all()
        teams = unit_posts(short_scenario, unit)
        posts = {team: sum(1 for p in specs if not p.lead) for team, specs in teams.items()}
        filled_or_vacant = w["workers_in_post"] + w["workers_absent"] + w["vacancies"]
        assert (filled_or_vacant == w["area"].astype(str).map(posts)).all()


def test_no_limit_and_no_breach_before_the_law() -> None:
    """13 b § came into force on 1.1.2022: a 2021 month has no limit and nobody over it."""

    def edit(d: dict[str, Any]) -> None:
        d["simulation"].update(start="2021-01-01", end="2022-12-31", warmup_years=1, replications=1)
        for unit in d["staffing"].values():
            for staff in unit.values():
                staff["social_workers"] = 1  # far too few: every month from 2022 is a breach

    m = simulate(scenario_with(edit), jobs=1).monthly
    caseload = m[m["unit"].isin(UNITS)]
    w = wide(caseload).reset_index()
    in_2021, in_2022 = w[w["date"] < "2022-01-01"], w[w["date"] >= "2022-01-01"]
    assert in_2021["limit"].isna().all() and (in_2021["workers_over_limit"] == 0).all()
    assert (in_2021["child_days_over_limit"] == 0).all()
    assert set(in_2022["limit"]) == {35.0} and (in_2022["workers_over_limit"] > 0).any()


def test_during_year_counts_bounded_by_stocks_and_entries(short_results: Any) -> None:
    m, y = short_results.monthly, short_results.yearly
    care = m[(m["measure"] == "children") & (m["unit"] == "sijaishuolto")]
    entries = m[(m["measure"] == "entries") & (m["unit"] == "sijaishuolto")]
    during = y[y["measure"] == "huostassa_0_17"].set_index(["replication", "area", "date"])["value"]
    for (rep, area, date), count in during.items():
        year = pd.Timestamp(date).year
        in_year = care[
            (care["replication"] == rep) & (care["area"] == area) & (pd.DatetimeIndex(care["date"]).year == year)
        ]
        assert count >= in_year["value"].max()
        previous = care[(care["replication"] == rep) & (care["area"] == area) & (care["date"] == f"{year - 1}-12-31")]
        if not previous.empty:
            new = entries[
                (entries["replication"] == rep)
                & (entries["area"] == area)
                & (pd.DatetimeIndex(entries["date"]).year == year)
            ]["value"].sum()
            assert count <= previous["value"].iloc[0] + new


def test_open_care_stock_matches_infinite_server_theory() -> None:
    """M/G/∞: with Poisson arrivals at rate λ and mean stay D, the stock is Poisson(λD).

    Every new child is assessed (ample slots) and becomes an open-care client who leaves after a
    lognormal stay with mean 100 days, so λ = N(1 − s)/(n·365.25) per day. Year-end stocks one
    year apart are practically independent (P(stay > 365 d) ≈ 0), so the mean of K snapshots
    has standard error √(λD/K); the tolerance is 4 standard errors.
    """
    notifications, share, per_child, stay = 5000.0, 0.3, 1.95, 100.0

    def edit(d: dict[str, Any]) -> None:
        flat_demand(d, notifications)
        only_infants(d)
        d["demand"].update(already_client_share=share, notifications_per_notified_child=per_child)
        d["kasittely"].update(p_arviointi=1.0, p_kiireellinen_sijoitus=0.0)
        d["arviointi"].update(p_avohuolto=1.0, concurrent_per_worker=100.0)
        d["avohuolto"].update(
            p_avohuollon_sijoitus=0.0,
            p_kiireellinen_sijoitus=0.0,
            p_huostaanotto=0.0,
            duration={"distribution": "lognormal", "mean_days": stay, "cv": 0.5},
        )
        d["simulation"].update(start="2021-01-01", end="2026-12-31", warmup_years=1, replications=8, seed=11)

    results = simulate(scenario_with(edit), jobs=1)
    m = results.monthly
    stock = m[(m["measure"] == "children") & (m["unit"] == "avohuolto")]
    stock = stock[pd.DatetimeIndex(stock["date"]).month == 12]
    per_snapshot = stock.groupby(["replication", "date"], observed=True)["value"].sum()
    expected = notifications * (1 - share) / per_child / 365.25 * stay
    tolerance = 4 * math.sqrt(expected / len(per_snapshot))
    assert abs(per_snapshot.mean() - expected) < tolerance, (per_snapshot.mean(), expected, tolerance)
    # the assessment stage with ample slots is an infinite server too: nobody ever queues
    assert m[m["measure"] == "queue"]["value"].max() == 0


@pytest.mark.parametrize(("mean_working_days", "late"), [(6.5, False), (7.5, True)])
def test_decisions_after_seven_working_days_are_late(mean_working_days: float, late: bool) -> None:
    def edit(d: dict[str, Any]) -> None:
        flat_demand(d, 2000.0)
        d["kasittely"]["delay"] = {"distribution": "gamma", "mean_working_days": mean_working_days, "cv": 0.01}
        d["simulation"].update(start="2024-01-01", end="2024-12-31", warmup_years=0, replications=1)

    m = simulate(scenario_with(edit), jobs=1).monthly
    decisions = m[m["measure"] == "decisions"]["value"].sum()
    late_count = m[m["measure"] == "decisions_late"]["value"].sum()
    assert decisions > 500
    assert late_count == (decisions if late else 0)


@pytest.mark.parametrize(("days", "late"), [(60.0, False), (100.0, True)])
def test_assessments_over_three_months_are_late(days: float, late: bool) -> None:
    def edit(d: dict[str, Any]) -> None:
        flat_demand(d, 2000.0)
        d["kasittely"]["delay"] = {"distribution": "gamma", "mean_working_days": 4.5, "cv": 0.01}  # 5 days
        d["arviointi"].update(
            concurrent_per_worker=100.0, duration={"distribution": "gamma", "mean_days": days, "cv": 0.01}
        )
        d["simulation"].update(start="2024-01-01", end="2024-12-31", warmup_years=1, replications=1)

    m = simulate(scenario_with(edit), jobs=1).monthly
    completed = m[m["measure"] == "assessments_completed"]["value"].sum()
    late_count = m[m["measure"] == "assessments_completed_late"]["value"].sum()
    assert completed > 300
    assert late_count == (completed if late else 0)
    # decisions within 7 working days and slots always free: every assessment starts in time
    assert m[m["measure"] == "assessments_started_late"]["value"].sum() == 0


def test_scarce_assessment_slots_make_a_queue_and_late_starts() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["arviointi"]["concurrent_per_worker"] = 2.0
        d["simulation"].update(start="2023-01-01", end="2023-12-31", warmup_years=1, replications=1)

    m = simulate(scenario_with(edit), jobs=1).monthly
    assert m[m["measure"] == "queue"]["value"].max() > 50
    assert m[m["measure"] == "assessments_started_late"]["value"].sum() > 100


def test_care_orders_end_at_18_at_the_latest() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["demand"]["age_at_notification"] = {b: (1.0 if b == "16-17" else 0.0) for b in AGE_BANDS}
        d["sijaishuolto"]["duration"] = {"distribution": "gamma", "mean_days": 20000.0, "cv": 0.1}
        d["simulation"].update(start="2022-01-01", end="2024-12-31", warmup_years=2, replications=1)

    m = simulate(scenario_with(edit), jobs=1).monthly
    assert m[m["measure"] == "reunifications"]["value"].sum() == 0
    assert m[m["measure"] == "care_ended_at_18"]["value"].sum() > 10


def test_vacancies_match_the_fill_rate() -> None:
    """Each post alternates filled (exponential, mean 1/turnover) and vacant spells whose mean is
    derived from the fill rate, so a post is filled with probability f at any time. Posts and
    replications are independent, so the filled share over n post-snapshots has standard error
    √(f(1−f)/n); snapshots 5 years apart (> 5 cycles) are treated as independent."""
    fill = 0.7

    def edit(d: dict[str, Any]) -> None:
        flat_demand(d, 200.0)
        for unit in d["staffing"].values():
            for staff in unit.values():
                staff.update(fill_rate=fill, turnover_per_year=1.0, social_workers=10, notice_days=30.0)
        d["simulation"].update(start="2020-01-01", end="2025-01-31", warmup_years=3, replications=10, seed=5)

    m = simulate(scenario_with(edit), jobs=1).monthly
    part = m[
        m["measure"].isin(["workers_in_post", "workers_absent", "vacancies"])
        & m["date"].isin(pd.to_datetime(["2020-01-31", "2025-01-31"]))
    ]
    totals = part.groupby("measure", observed=True)["value"].sum()
    posts = totals.sum()
    share = (totals["workers_in_post"] + totals["workers_absent"]) / posts  # filled: in post or absent
    assert posts == 2 * 10 * 9 * 10
    assert abs(share - fill) < 4 * math.sqrt(fill * (1 - fill) / posts)


def test_absences_reduce_workers_in_post_by_the_expected_share() -> None:
    """With every post always filled, a worker is absent a share a of the time: sick spells
    (rate r, mean length l: r·l/365.25) plus the summer block (s/365.25) plus parental leave
    (rate q, mean length L: q·L/365.25), less their overlaps (small, second order). Present
    workers over post-snapshots are binomial: tolerance 4 standard errors plus the overlaps' bound."""
    rate, length, summer = 6.0, 5.0, 21.0

    def edit(d: dict[str, Any]) -> None:
        flat_demand(d, 200.0)
        for unit in d["staffing"].values():
            for staff in unit.values():
                staff.update(fill_rate=1.0, turnover_per_year=0.0, social_workers=10)
                staff["absences"] = {
                    "summer_leave_days": summer,
                    "sick_leave_spells_per_year": rate,
                    "sick_leave_mean_days": length,
                    "parental_leave_per_year": 0.0,
                }
        d["simulation"].update(start="2020-01-01", end="2029-12-31", warmup_years=1, replications=4, seed=9)

    m = simulate(scenario_with(edit), jobs=1).monthly
    months = pd.DatetimeIndex(m["date"]).month
    part = m[m["measure"].isin(["workers_in_post", "workers_absent"])]
    part = part.assign(month=months[part.index])
    for summer_month, expected in ((False, rate * length / 365.25), (True, None)):
        rows = part[part["month"].isin([6, 7]) == summer_month]
        totals = rows.groupby("measure", observed=True)["value"].sum()
        n = totals.sum()
        share = totals["workers_absent"] / n
        if expected is not None:  # outside June–July only sick leave is taken
            overlap = (rate * length / 365.25) ** 2
            assert abs(share - expected) < 4 * math.sqrt(expected * (1 - expected) / n) + overlap, (share, expected)
        else:  # at the end of June and July some are on their summer block too
            assert share > rate * length / 365.25


def test_same_seed_same_results_different_seed_different(short_scenario: Scenario, short_results: Any) -> None:
    again = simulate(short_scenario, jobs=1)
    pd.testing.assert_frame_equal(again.monthly, short_results.monthly)
    pd.testing.assert_frame_equal(again.yearly, short_results.yearly)
    other = simulate(short_scenario, seed=short_scenario.simulation.seed + 1, jobs=1)
    assert not np.array_equal(other.monthly["value"].to_numpy(), short_results.monthly["value"].to_numpy())


def test_parallel_equals_serial(short_scenario: Scenario, short_results: Any) -> None:
    parallel = simulate(short_scenario, jobs=2)
    pd.testing.assert_frame_equal(parallel.monthly, short_results.monthly)
    pd.testing.assert_frame_equal(parallel.yearly, short_results.yearly)


def test_replication_r_is_a_standalone_run_with_its_own_seed(short_scenario: Scenario, short_results: Any) -> None:
    """Replication r of a run is exactly one model run with the r-th spawned seed, whatever ran
    before it (so any replication can be rerun, or run on another machine, on its own)."""
    seeds = replication_seeds(short_scenario.simulation.seed, short_scenario.simulation.replications)
    alone = tidy_monthly([run_replication(short_scenario, seeds[1], 1)])
    part = short_results.monthly[short_results.monthly["replication"] == 1].reset_index(drop=True)
    pd.testing.assert_frame_equal(alone, part, check_categorical=False)


def test_parallel_run_from_an_unguarded_user_script(tmp_path: Any) -> None:
    """Analysts write plain scripts; a parallel run must not need a __main__ guard."""
    import subprocess
    import sys

    script = tmp_path / "analyysi.py"
    script.write_text(
        "import lsmitoitus as ls\n"
        "sc = ls.load_scenario().with_overrides(start='2024-01-01', end='2024-12-31', warmup_years=1)\n"
        "r = ls.simulate(sc, replications=2, jobs=2)\n"
        "print(sorted(r.monthly['replication'].unique().tolist()))\n"
    )
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[0, 1]"
