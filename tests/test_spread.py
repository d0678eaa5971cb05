"""Uneven lists as THL finds them (issue 11, item 3): at THL's national means the model's share of
workers over the limit matches THL's survey figures within ±5 percentage points."""

from __future__ import annotations

import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario, simulate

pytestmark = pytest.mark.integration


def survey_scenario(post_scale: float) -> Scenario:
    """The default in THL's survey years: the limit 35 throughout 2022–2023, open-care posts
    scaled by ``post_scale`` to bring the mean list to a survey's mean."""
    data = load_scenario().model_dump()
    data["caseload"]["limit"] = [{"start": "2022-01-01", "value": 35}]
    data["simulation"]["end"] = "2023-12-31"
    for staff in data["staffing"]["avohuolto"].values():
        staff["social_workers"] = round(staff["social_workers"] * post_scale * 2) / 2
    return Scenario.model_validate(data)


@pytest.mark.parametrize(
    ("post_scale", "thl_mean", "thl_shares"),
    [
        (0.9, 28.0, (0.14,)),  # November 2022: mean 28, ≈ 14 % over 35
        (0.8, 31.0, (0.20, 0.16)),  # April and October 2023: mean 31, 20 % and 16 % over 35
    ],
)
def test_share_of_workers_over_the_limit_matches_thl_at_its_means(
    post_scale: float, thl_mean: float, thl_shares: tuple[float, ...]
) -> None:
    """THL's staffing surveys (docs/sources.md §5) against the model's open-care teams on THL's
    monitoring days of 2022–2023 (second Tuesday of April and October), pooled over teams,
    replications and days as THL pools its workers: the mean counted list must be within one child
    of the survey's, and the share of workers over 35 within ±5 points of a survey at that mean
    (the issue's tolerance; at 31 THL itself found 16 % and 20 %). The binomial standard error of
    the model's share over its ~1,000 worker-days is about 1 point."""
    results = simulate(survey_scenario(post_scale), replications=10, seed=7, jobs=1, progress=False)
    p = results.point_in_time
    p = p[(p["unit"] == "avohuolto") & (pd.DatetimeIndex(p["date"]).year >= 2022)]
    wide = p.pivot_table(index=["replication", "date", "area"], columns="measure", values="value", observed=True)
    workers = float(wide["workers_in_post"].sum())
    mean = float(wide["clients_counted"].sum()) / workers
    share = float(wide["workers_over_limit"].sum()) / workers
    assert abs(mean - thl_mean) <= 1.0, f"mean list {mean:.1f} vs THL {thl_mean}"
    assert min(thl_shares) - 0.05 <= share <= max(thl_shares) + 0.05, f"{share:.3f} over the limit vs THL {thl_shares}"
