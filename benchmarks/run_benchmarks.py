"""Benchmarks: time and peak memory of one replication, printed as a table.

    python benchmarks/run_benchmarks.py            # all cases
    python benchmarks/run_benchmarks.py --case national

Cases (each in a fresh subprocess, so peak memory is the case's own):
  kanta-hame     the bundled default: 10 reported years after a 1-year warm-up
  national       about 215,000 notifications a year in 21 areas, 10 years (+1 warm-up)
  national-20y   the same with a 20-year reported horizon: peak memory should stay about the
                 same (it follows the number of active clients, not elapsed time)
Columns: "first s" is the first replication in a fresh process (one-off imports and tables
included); "s/rep" the mean of later replications in the same process (kanta-hame: 3).
Targets: issue 2, kanta-hame < 1 s per replication, national < 60 s and < 2 GiB; issue 14,
three times faster than before it (benchmarks/compare_baseline.py), national < 20 s and < 1 GiB.
A replication is what a worker process does: draw the replication's parameter set, build the
model (initial state included) and run it.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.model import PathwayModel
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.simulation.runner import replication_scenario

NATIONAL_AREAS = 21  # wellbeing services counties; equal shares (a benchmark, not a forecast)
SCALE = 1_080_000 / 32_500  # national / Kanta-Häme population aged 0–17


def national(end_year: int = 2030) -> Scenario:
    """A national-scale scenario built from the bundled one: THL national notifications
    2021–2023, staff scaled from Kanta-Häme by child population, 21 equal areas."""
    data: dict[str, Any] = load_scenario().model_dump()
    names = [f"hva{i:02d}" for i in range(1, NATIONAL_AREAS + 1)]
    share = 1.0 / NATIONAL_AREAS
    data["name"] = "koko-maa-benchmark"
    data["areas"] = {n: {"notification_share": share, "population_0_17": {2021: 1_080_000 * share}} for n in names}
    data["areas"][names[-1]]["notification_share"] = 1.0 - share * (NATIONAL_AREAS - 1)
    data["demand"]["notifications"] = {2021: 173_466, 2022: 186_253, 2023: 214_638}
    total_assessors = sum(data["arviointi"]["workers"].values()) * SCALE
    data["arviointi"]["workers"] = {n: total_assessors * share for n in names}
    for unit, by_area in data["staffing"].items():
        template = next(iter(by_area.values()))
        posts = round(sum(s["social_workers"] for s in by_area.values()) * SCALE * share)
        data["staffing"][unit] = {n: {**template, "social_workers": posts} for n in names}
    data["costs"]["own_institutions"] = {}  # area-keyed tables of the county do not apply
    data["costs"]["other_staff"] = {}
    data["levers"]["avohuolto_extra_posts"] = {}
    # every area is a county of its own: each unit's teams by area, leads scaled like the posts
    data["organisation"]["teams"] = {unit: "area" for unit in data["staffing"]}
    data["organisation"]["leads"] = {unit: round(n * SCALE) for unit, n in data["organisation"]["leads"].items()}
    data["simulation"]["end"] = f"{end_year}-12-31"
    return Scenario.model_validate(data)


REPLICATIONS = {"kanta-hame": 4, "national": 1, "national-20y": 1}


def run_case(case: str) -> dict[str, Any]:
    """Time replications one after another in this process. The first pays one-off costs
    (importing the holiday calendar, building working-day tables); later ones show the cost
    per replication in a worker process that runs several."""
    makers: dict[str, Callable[[], Scenario]] = {
        "kanta-hame": load_scenario,
        "national": national,
        "national-20y": lambda: national(2040),
    }
    scenario = makers[case]()
    n = REPLICATIONS[case]
    seeds = replication_seeds(scenario.simulation.seed, n)
    times, events, children, run_seconds = [], 0, 0, 0.0
    for r in range(n):
        started = time.perf_counter()
        drawn, multipliers = replication_scenario(scenario, seeds[r])  # as a worker process does
        model = PathwayModel(drawn, seeds[r], r, parameters=multipliers)
        setup_done = time.perf_counter()
        raw = model.run().raw
        finished = time.perf_counter()
        times.append(finished - started)
        events, children, run_seconds = raw.events, model.serial, finished - setup_done
    sim = scenario.simulation
    return {
        "case": case,
        "years": sim.end.year - sim.start.year + 1,
        "warmup_years": sim.warmup_years,
        "first_seconds": times[0],
        "seconds": sum(times[1:]) / (n - 1) if n > 1 else times[0],
        "events": events,
        "events_per_second": events / run_seconds,
        "children": children,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--case", choices=["kanta-hame", "national", "national-20y"])
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case)))
        return
    print(
        f"{'case':<14}{'years':>6}{'warm-up':>8}{'first s':>9}{'s/rep':>8}{'events':>12}{'events/s':>11}"
        f"{'children':>11}{'peak MiB':>10}"
    )
    for case in ("kanta-hame", "national", "national-20y"):
        out = subprocess.run([sys.executable, __file__, "--case", case], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(
            f"{r['case']:<14}{r['years']:>6}{r['warmup_years']:>8}{r['first_seconds']:>9.2f}{r['seconds']:>8.2f}"
            f"{r['events']:>12,}{r['events_per_second']:>11,.0f}{r['children']:>11,}{r['peak_rss_mib']:>10.0f}"
        )


if __name__ == "__main__":
    main()
