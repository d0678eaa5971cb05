"""Parquet results: the tidy tables read back equal to the frames in memory (values, dates,
categories, types), and each file carries the resolved scenario and the run's metadata, from
which the scenario is rebuilt exactly."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario, scenario_from_dict, simulate
from lsmitoitus.reports.parquet import read_parquet
from lsmitoitus.reports.run_folder import write_run
from lsmitoitus.scenario.files import deep_merge, scenario_to_toml

TINY = {"simulation": {"start": "2024-01-01", "end": "2024-12-31", "warmup_years": 1, "replications": 2, "seed": 7}}


@pytest.fixture(scope="module")
def tiny() -> Scenario:
    return Scenario.model_validate(deep_merge(load_scenario().model_dump(), TINY))


@pytest.mark.integration
def test_parquet_tables_read_back_equal_and_carry_the_scenario(tiny: Scenario, tmp_path: Path) -> None:
    results = simulate(tiny, jobs=1)
    target = write_run(results, tmp_path / "tulos", source="pieni.toml", table_format="parquet")
    assert not (target / "monthly.csv").exists() and (target / "summary_monthly.csv").exists()
    for name, frame in (
        ("monthly", results.monthly),
        ("yearly", results.yearly),
        ("thl_point_in_time", results.point_in_time),
    ):
        back = read_parquet(target / f"{name}.parquet")
        pd.testing.assert_frame_equal(back.frame, frame, check_exact=True)
        assert scenario_from_dict(tomllib.loads(back.scenario_toml)) == results.scenario
        assert back.run["seed"] == 7 and back.run["replications"] == 2 and back.run["source"] == "pieni.toml"
        assert back.run["lsmitoitus"] and back.run["numpy"] and back.run["events"] == results.events
    assert isinstance(results.monthly["measure"].dtype, pd.CategoricalDtype)  # the check above covers categories


@pytest.mark.e2e
def test_run_format_parquet_from_the_command_line(tiny: Scenario, tmp_path: Path) -> None:
    scenario = tmp_path / "pieni.toml"
    scenario.write_text(scenario_to_toml(tiny), encoding="utf-8")
    args = ["run", str(scenario), "--format", "parquet", "--out", str(tmp_path / "out"), "--no-progress", "-j", "1"]
    done = subprocess.run(
        [sys.executable, "-m", "lsmitoitus", *args], cwd=tmp_path, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr
    back = read_parquet(tmp_path / "out" / "monthly.parquet")
    pd.testing.assert_frame_equal(back.frame, simulate(tiny, jobs=1).monthly, check_exact=True)
