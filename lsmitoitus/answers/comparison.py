"""Several scenarios side by side, with common random numbers.

Every scenario runs with the same seed and number of replications. Because each purpose has its
own random stream, what the scenarios share (arrivals, pathway choices, staff histories of
unchanged posts) is drawn identically, so differences come from the scenarios, not from noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..scenario.schema import Scenario
from ..simulation.runner import ProgressCallback
from ..vocabulary import ALL, UNITS
from .costs import TOTAL, cost_difference, cost_frame
from .dimensioning import DimensioningResult, dimension
from .indicators import late_assessment_shares
from .staffing_answer import answer_of, difference


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
    """One row per scenario: clients, funded and required posts, the extra posts the teams need,
    the teams short of posts, the first failing reading day, timeliness and costs in the last year
    of the horizon (numbers; the first failing day a date). Every staffing figure is the
    scenario's :class:`~lsmitoitus.answers.staffing_answer.StaffingAnswer`'s, so it says what
    the scenario's own answer says."""
    rows = []
    for result, costs in zip(results, cost_numbers(results), strict=True):
        answer = answer_of(result)
        last = result.scenario.simulation.end.year
        m = result.results.monthly
        counted = m[
            (m["measure"] == "clients_counted") & m["unit"].isin(UNITS) & (pd.DatetimeIndex(m["date"]).year == last)
        ]
        clients = counted.groupby(["replication", "date"], observed=True)["value"].sum().groupby("replication").mean()
        started_late, completed_late = assessment_timeliness(result, last)
        short = answer.short_teams
        first = min((x.first_failing_day for x in short if x.first_failing_day is not None), default=None)
        rows.append(
            {
                "scenario": result.scenario.name,
                "clients_last_year": round(float(clients.median())),
                "funded_posts": float(answer.funded),
                "required_last_year": float(answer.year(last)["required"]),
                "extra_posts": answer.extra_posts,
                "units_in_breach": len(short),
                "first_breach": pd.Timestamp(first) if first is not None else pd.NaT,
                "assessments_started_late_share": started_late,
                "assessments_completed_late_share": completed_late,
                **costs,
            }
        )
    return pd.DataFrame(rows)


#: The settings the app edits, language-free: (setting, kind of value) — a share, a yearly change or a number.
EDITED = (
    ("growth_per_year", "change"),
    ("population_growth_per_year", "change"),
    ("fill_rate", "share"),
    ("posts", "number"),
    ("perhehoito_share_target", "share"),
    ("avohuolto_escalation_reduction", "share"),
)


def mean_fill_rate(scenario: Scenario) -> float:
    """The scenario's fill rate over all units and areas, weighted by posts."""
    pairs = [(s.fill_rate, s.social_workers) for unit in scenario.staffing.values() for s in unit.values()]
    weight = sum(w for _, w in pairs)
    return sum(f * w for f, w in pairs) / weight if weight > 0 else pairs[0][0]


def _setting(scenario: Scenario, name: str) -> float | None:
    if name == "growth_per_year":
        return scenario.demand.growth_per_year
    if name == "population_growth_per_year":
        return scenario.demand.population_growth_per_year
    if name == "fill_rate":
        return round(mean_fill_rate(scenario), 4)
    if name == "posts":
        return float(sum(s.social_workers for unit in scenario.staffing.values() for s in unit.values()))
    if name == "perhehoito_share_target":
        return scenario.levers.perhehoito_share_target
    return scenario.levers.avohuolto_escalation_reduction


def edit_facts(base: Scenario, edited: Scenario) -> list[dict[str, Any]]:
    """The app's settings that differ between two scenarios: setting, kind, base and edited value."""
    out = []
    for name, kind in EDITED:
        a, b = _setting(base, name), _setting(edited, name)
        if a != b:
            out.append({"setting": name, "kind": kind, "base": a, "edited": b})
    return out


def whatif_facts(base: DimensioningResult, edited: DimensioningResult) -> dict[str, Any]:
    """What an edit changes, language-free: the edits, and the paired difference in the headline
    year (:func:`lsmitoitus.answers.staffing_answer.difference`) of the requirement and the costs."""
    d = difference(base, edited)
    return {
        "edits": edit_facts(base.scenario, edited.scenario),
        "year": d.year,
        "posts_p10": d.posts_p10,
        "posts_p50": d.posts_p50,
        "posts_p90": d.posts_p90,
        "cost_p10": d.cost_p10,
        "cost_p50": d.cost_p50,
        "cost_p90": d.cost_p90,
        "replications": d.replications,
        "base_required": d.base.year(d.year)["required"],
        "edited_required": d.edited.year(d.year)["required"],
        "level": d.edited.level,
    }


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
