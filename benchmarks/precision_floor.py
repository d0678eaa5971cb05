"""Why the ±1-post answer takes more than a minute on this machine (issue 21): how many
replications ±1 needs, what a replication costs, and how much of the headline's Monte-Carlo
error the drawn parameters could remove at most.

    python benchmarks/precision_floor.py                     # 200 replications (about a minute)
    python benchmarks/precision_floor.py --replications 120

1. ``dimension`` of the default at a fixed number of replications; were the worst budget year's
   95 % half-width h to fall as 1/√n, ±``goal`` would need about n·(h/goal)² (see 4).
2. The cost of a replication, timed serially: a full one (the headline, the practice beside it,
   the assessment workers; the first 40 of a run) and a headline-only one (the rest). With the
   machine's cores that gives the wall time of the ±1 answer, and the floor if the requirement
   search cost nothing (the event model alone).
3. Variance reduction on the parameter draws (Latin hypercube or quasi-Monte Carlo draws,
   control variates on the multipliers) can remove at most the part of the headline's error that
   the drawn parameters explain. The headline is a 0.9 quantile, so its error is that of the
   indicator "the replication's requirement exceeds the quantile"; the script fits that
   indicator (and the requirement itself) on the replications' drawn multipliers — the logs
   linearly, and each log as a cubic, added up — and prints the 10-fold cross-validated R²: the
   share stratifying or controlling the draws could remove, out of sample.
4. Why the half-width stops falling as 1/√n: a team's requirement is a whole number of posts, so
   its distribution function F is a staircase. Where F(k) is within a binomial standard error of
   the confidence for some k, the 0.9 quantile sits on a step: the Harrell–Davis estimate moves
   between k and k + 1 from one set of replications to the next, and its error shrinks only once
   n resolves F(k) − 0.9 (n ≈ 0.09 / (F(k) − 0.9)²). The script prints, per team, the k whose
   F(k) is nearest the confidence, with its binomial standard error.
"""

from __future__ import annotations

import argparse
import math
import os
import time

import numpy as np
import pandas as pd

from lsmitoitus.answers.dimensioning import (
    DECOMPOSITION_REPLICATIONS,
    FULL_REPLICATIONS,
    PRECISION,
    dimension,
    planning_start,
    requirement_for_replication,
)
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.scenario.files import load_scenario
from lsmitoitus.vocabulary import ALL

FOLDS = 10


def cross_validated_r2(x: np.ndarray, y: np.ndarray, seed: int = 1) -> float:
    """Out-of-sample R² of a least-squares fit of ``y`` on ``x`` (with an intercept), ``FOLDS``-fold."""
    n = y.size
    folds = np.random.default_rng(seed).permutation(n) % FOLDS
    design = np.column_stack([np.ones(n), x])
    residual = np.empty(n)
    for k in range(FOLDS):
        test = folds == k
        coef, *_ = np.linalg.lstsq(design[~test], y[~test], rcond=None)
        residual[test] = y[test] - design[test] @ coef
    return float(1.0 - residual.var() / y.var())


def standardised_logs(parameters: pd.DataFrame) -> np.ndarray:
    """Each multiplier's log, standardised (a column per parameter)."""
    logs = np.log(parameters.to_numpy(dtype=float))
    return (logs - logs.mean(axis=0)) / logs.std(axis=0)


def additive_cubic(parameters: pd.DataFrame) -> np.ndarray:
    """Each multiplier's standardised log and its square and cube, side by side."""
    z = standardised_logs(parameters)
    return np.column_stack([z, z**2, z**3])


def seconds_per_replication(replications: range, full: bool) -> float:
    scenario = load_scenario()
    seeds = replication_seeds(scenario.simulation.seed, max(replications) + 1)
    start = planning_start(scenario)
    began = time.perf_counter()
    for r in replications:
        requirement_for_replication(
            scenario, seeds[r], r, target_from=start, decompose=r < DECOMPOSITION_REPLICATIONS, headline_only=not full
        )
    return (time.perf_counter() - began) / len(replications)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--replications", type=int, default=200)
    args = parser.parse_args()
    n = args.replications

    began = time.perf_counter()
    result = dimension(load_scenario(), replications=n)
    took = time.perf_counter() - began
    budget = result.precision[result.precision["year"] >= result.target_from.year]
    worst = int(np.argmax(budget["half_width"].to_numpy()))
    year, half_width = int(budget["year"].iloc[worst]), float(budget["half_width"].iloc[worst])
    needed = math.ceil(n * (half_width / PRECISION) ** 2)
    print(f"dimension, {n} replications: {took:.1f} s; worst budget year {year}: ±{half_width:.2f} (95 %)")
    print(f"if h² fell as 1/n, ±{PRECISION:g} would need about {needed} replications (not on a step: see below)")

    full = seconds_per_replication(range(0, 4), full=True)
    head = seconds_per_replication(range(FULL_REPLICATIONS, FULL_REPLICATIONS + 8), full=False)
    cores = os.cpu_count() or 1
    cpu = FULL_REPLICATIONS * full + max(0, needed - FULL_REPLICATIONS) * head
    print(f"a replication, serially: full {full:.2f} s, headline only {head:.2f} s")
    print(f"those on {cores} cores: about {cpu / cores:.0f} s (replications only)")

    per = result.per_replication
    per = per[(per["year"] == year) & (per["unit"] != ALL) & (per["team"] != ALL)]
    county = per.groupby("replication")["required"].sum().sort_index().to_numpy()
    parameters = result.results.parameters.pivot(index="replication", columns="parameter", values="value").sort_index()
    q = result.confidence
    print(f"{year}, per team: the posts k whose share of replications needing at most k is nearest {q:.0%}")
    for (unit, team), group in per.groupby(["unit", "team"]):
        values = group["required"].to_numpy(dtype=float)
        if np.isnan(values).all():
            continue
        shares = {int(k): float(np.mean(values <= k)) for k in np.unique(values)}
        k = min(shares, key=lambda x: abs(shares[x] - q))
        se = math.sqrt(q * (1 - q) / values.size)
        step = "on a step" if abs(shares[k] - q) < 2 * se else "clear"
        print(f"  {unit:13s} {team:12s} k {k:3d}: {shares[k]:.3f} (± {se:.3f}, one standard error): {step}")

    above = (county > np.quantile(county, result.confidence)).astype(float)
    print(f"share explained by the {parameters.shape[1]} drawn multipliers ({FOLDS}-fold cross-validated R²):")
    for name, x in (("linear", standardised_logs(parameters)), ("additive cubic", additive_cubic(parameters))):
        print(
            f"  {name:15s} requirement {cross_validated_r2(x, county):5.2f}   "
            f"above its {result.confidence:.0%} quantile (the headline's error) {cross_validated_r2(x, above):5.2f}"
        )


if __name__ == "__main__":
    main()
