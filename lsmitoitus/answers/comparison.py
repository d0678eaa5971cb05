"""Several scenarios side by side, with common random numbers.

Every scenario runs with the same seed and number of replications. Because each purpose has its
own random stream, what the scenarios share (arrivals, pathway choices, staff histories of
unchanged posts) is drawn identically, so differences come from the scenarios, not from noise.
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..scenario.schema import Scenario
from ..simulation.runner import ProgressCallback
from ..vocabulary import ALL, UNITS
from .costs import TOTAL, cost_difference, cost_frame
from .dimensioning import DimensioningResult, dimension, first_of
from .indicators import late_assessment_shares


def assessment_timeliness(result: DimensioningResult, year: int) -> tuple[float, float]:
    """County shares of assessments started late and completed late in ``year`` (P50)."""
    shares = late_assessment_shares(result.results)
    shares = shares[shares["year"] == year]
    return float(shares["started_late"].median()), float(shares["completed_late"].median())


def cost_numbers(results: Sequence[DimensioningResult]) -> list[dict[str, float]]:
    """Per scenario: the last-year county total cost (P50, euros) and its difference to the first
    scenario, paired by replication (P10, P50, P90 of the difference, euros)."""
    out = []
    base = results[0]
    for result in results:
        last = result.scenario.simulation.end.year
        frame = cost_frame(result.results)
        total = frame[(frame["area"] == ALL) & (frame["category"] == TOTAL) & (frame["year"] == last)]["value"]
        diff = cost_difference(base.results, result.results)
        d = diff[(diff["category"] == TOTAL) & (diff["year"] == last)].iloc[0]
        out.append(
            {
                "cost_last_year_p50": float(total.median()),
                "cost_difference_p50": float(d["p50"]),
                "cost_difference_p10": float(d["p10"]),
                "cost_difference_p90": float(d["p90"]),
            }
        )
    return out


def comparison_table(results: Sequence[DimensioningResult]) -> pd.DataFrame:
    """One row per scenario: clients, funded and required posts, shortage, breaches, timeliness
    and costs in the last year of the horizon (numbers; the first breach a date)."""
    rows = []
    for result, costs in zip(results, cost_numbers(results), strict=True):
        last = result.scenario.simulation.end.year
        m = result.results.monthly
        counted = m[
            (m["measure"] == "clients_counted") & m["unit"].isin(UNITS) & (pd.DatetimeIndex(m["date"]).year == last)
        ]
        clients = counted.groupby(["replication", "date"], observed=True)["value"].sum().groupby("replication").mean()
        started_late, completed_late = assessment_timeliness(result, last)
        units = result.units
        rows.append(
            {
                "scenario": result.scenario.name,
                "clients_last_year": round(float(clients.median())),
                "funded_posts": int(units["funded_posts"].sum()),
                "required_last_year": int(units["required_last_year"].sum()),
                "extra_posts": result.extra_posts,
                "units_in_breach": int(units["first_breach"].notna().sum()),
                "first_breach": pd.Timestamp(first) if (first := first_of(units["first_breach"])) else pd.NaT,
                "assessments_started_late_share": started_late,
                "assessments_completed_late_share": completed_late,
                **costs,
            }
        )
    return pd.DataFrame(rows)


def compare(
    scenarios: Sequence[Scenario],
    target: int | None = None,
    confidence: float = 0.9,
    replications: int | None = None,
    seed: int | None = None,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
    decompose: bool = True,
) -> list[DimensioningResult]:
    """Dimension every scenario with the first scenario's seed and replications (CRN);
    ``decompose=False`` skips the parts of the requirement (half the time).
    ``progress(done, total)`` counts replications over all scenarios."""
    first = scenarios[0].simulation
    replications = replications or first.replications
    seed = first.seed if seed is None else seed
    out = []
    for i, s in enumerate(scenarios):
        step = None if progress is None else _offset(progress, i * replications, len(scenarios) * replications)
        out.append(
            dimension(
                s,
                target,
                confidence,
                replications=replications,
                seed=seed,
                jobs=jobs,
                progress=step,
                decompose=decompose,
            )
        )
    return out


def _offset(progress: ProgressCallback, done_before: int, total: int) -> ProgressCallback:
    return lambda done, _n: progress(done_before + done, total)
