"""Stored expected results: the regression safety net (as in pydesrap_mms's ``tests/exp_results``).

Two short scenarios (the bundled default, and the same with every balancing-programme lever
on) are simulated and dimensioned with a fixed seed and two replications. Their county totals
by year and unit, required posts by year and costs by year are compared with the CSV files
beside this module. A change that moves any of these numbers fails the test; a change that is
meant to move them regenerates the files, and the diff is part of the review:

    .venv/bin/python tests/exp_results/expected.py          # rewrite the stored files

The files are written with full float precision, so "unchanged" means unchanged to the last
digit, not within a tolerance.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent

#: name -> changes merged into the bundled default
SCENARIOS: dict[str, dict[str, object]] = {
    "perus": {},
    "vivut": {
        "levers": {
            "start": "2024-01-01",
            "full": "2024-07-01",
            "avohuolto_escalation_reduction": 0.2,
            "avohuolto_extra_posts": {"Forssa": 1, "Hämeenlinna": 2},
            "perhehoito_share_target": 0.8,
            "reunification_speedup": 0.15,
            "jalkihuolto_age_limit": 25,
        }
    },
}
SHORT = {"simulation": {"start": "2023-01-01", "end": "2025-12-31", "warmup_years": 3, "replications": 2, "seed": 7}}


def compute() -> dict[str, pd.DataFrame]:
    """The stored tables, freshly computed: file name -> frame."""
    from lsmitoitus import cost_frame, county_totals, dimension, load_scenario, scenario_from_dict
    from lsmitoitus.scenario.files import deep_merge

    frames: dict[str, list[pd.DataFrame]] = {"county_by_year": [], "required_posts": [], "costs": []}
    for name, changes in SCENARIOS.items():
        data = deep_merge(deep_merge(load_scenario().model_dump(), SHORT), changes)
        scenario = scenario_from_dict(data, name)
        result = dimension(scenario, target=None, confidence=0.9, replications=2, jobs=1)
        monthly = county_totals(result.results.monthly)
        monthly["year"] = pd.DatetimeIndex(monthly["date"]).year
        yearly = monthly.groupby(["replication", "year", "unit", "measure"], observed=True)["value"].sum().reset_index()
        during = county_totals(result.results.yearly)
        during["year"] = pd.DatetimeIndex(during["date"]).year
        both = pd.concat([yearly, during[["replication", "year", "unit", "measure", "value"]]], ignore_index=True)
        frames["county_by_year"].append(both.assign(scenario=name))
        # every reading of the law under both practices, teams, units and the county
        frames["required_posts"].append(result.readings.assign(scenario=name))
        costs = cost_frame(result.results)
        frames["costs"].append(costs[costs["area"] == "kaikki"].assign(scenario=name))
    out = {}
    for key, parts in frames.items():
        frame = pd.concat(parts, ignore_index=True)
        for col in frame.columns:
            if isinstance(frame[col].dtype, pd.CategoricalDtype):
                frame[col] = frame[col].astype(str)
        keys = [c for c in ("scenario", "replication", "year", "area", "unit", "category", "measure") if c in frame]
        frame = frame[[*keys, *[c for c in frame.columns if c not in keys]]].sort_values(keys).reset_index(drop=True)
        out[f"{key}.csv"] = frame
    return out


def stored(name: str) -> pd.DataFrame:
    return pd.read_csv(HERE / name)


def write() -> None:
    for name, frame in compute().items():
        frame.to_csv(HERE / name, index=False, float_format="%.17g")
        print(f"wrote {HERE / name} ({len(frame)} rows)")


if __name__ == "__main__":
    write()
