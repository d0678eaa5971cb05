"""Functional tests, one per uncertain parameter (as pydesrap_mms's tests/test_functionaltest.py):
raising a parameter moves the output it drives the expected way.

Every parameter of the default scenario's ``[uncertainty.parameters]`` has a case here (a test
checks that none is missing), and ``kiireellinen_sijoitus.p_extension`` besides. A case scales
the parameter by the scenario's own rule for uncertain parameters (``scale_data``: shares capped
at 1, open care's escalation kept within 1) and runs the short scenario twice with the same
replication seeds. Common random numbers pair the two runs child by child and post by post, so
the change in the output is the parameter's effect, not noise: the direction is exact or nearly
so with two replications.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.model import PathwayModel, RawReplication
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.raw import FLOW, POOL, STOCK
from lsmitoitus.scenario.files import deep_merge
from lsmitoitus.scenario.uncertainty import scale_data
from lsmitoitus.simulation.runner import replication_scenario

REPLICATIONS = 2
#: 2022–2024: the years of the fitted and national conversion factors; one warm-up year
SHORT: dict[str, Any] = {
    "simulation": {"start": "2022-01-01", "end": "2024-12-31", "warmup_years": 1, "seed": 11},
    "uncertainty": {"parameters": {}, "correlation": {}},  # nothing drawn: only the case's change
}
#: after the data (2025–2026), with notifications per child growing 5 % a year, so that the
#: elasticity of conversion to them has something to act on
GROWING: dict[str, Any] = {
    "simulation": {"start": "2025-01-01", "end": "2026-12-31", "warmup_years": 1, "seed": 11},
    "uncertainty": {"parameters": {}, "correlation": {}},
    "demand": {"growth_per_year": 0.05},
}

Output = Callable[[list[RawReplication]], float]


def flow(unit: str, measure: str, year: int | None = None) -> Output:
    """A flow summed over areas, months (of ``year``, or all) and replications."""

    def total(runs: list[RawReplication]) -> float:
        out = 0.0
        for raw in runs:
            months = [i for i, d in enumerate(raw.month_ends) if year is None or d.year == year]
            out += float(raw.flows[months, :, FLOW[(unit, measure)]].sum())
        return out

    return total


def stock(unit: str) -> Output:
    """A stock's mean over month ends, summed over areas, totalled over replications."""
    return lambda runs: float(sum(raw.stocks[:, :, STOCK[(unit, "children")]].sum(axis=1).mean() for raw in runs))


def pools(measure: str) -> Output:
    """A measure of every team at month ends (or during months), totalled."""
    return lambda runs: float(sum(np.nansum(raw.pools[:, :, POOL[measure]]) for raw in runs))


@dataclass(frozen=True)
class Case:
    """Raising ``path`` by ``factor`` moves ``output`` up (``direction`` +1) or down (−1)."""

    path: str
    factor: float
    output: Output
    direction: int
    what: str  # the output, for the message
    setting: str = "short"  # the base scenario: "short" (2022–2024) or "growing" (2025–2026)


CASES = [
    Case("arviointi.p_avohuolto", 1.5, flow("avohuolto", "entries"), +1, "open-care entries"),
    Case("conversion.avohuolto.values.2022", 1.25, flow("avohuolto", "entries", 2022), +1, "open-care entries 2022"),
    Case(
        "conversion.avohuolto.year_factors.2023", 1.25, flow("avohuolto", "entries", 2023), +1, "open-care entries 2023"
    ),
    Case(
        "conversion.avohuolto.year_factors.2024", 1.25, flow("avohuolto", "entries", 2024), +1, "open-care entries 2024"
    ),
    Case(
        "conversion.notification_elasticity",
        1.5,
        flow("avohuolto", "entries"),
        -1,
        "open-care entries while notifications per child grow",
        "growing",
    ),
    Case("avohuolto.p_avohuollon_sijoitus", 1.5, flow("avohuollon_sijoitus", "entries"), +1, "open-care placements"),
    Case(
        "avohuolto.p_kiireellinen_sijoitus", 1.5, flow("kiireellinen_sijoitus", "entries"), +1, "emergency placements"
    ),
    Case("avohuolto.duration.mean_days", 1.5, stock("avohuolto"), +1, "children in open care"),
    Case("kiireellinen_sijoitus.p_huostaanotto", 1.5, flow("sijaishuolto", "care_orders"), +1, "care orders"),
    Case("kiireellinen_sijoitus.p_extension", 2.0, flow("kiireellinen_sijoitus", "extensions"), +1, "extensions"),
    Case("sijaishuolto.duration.mean_days", 1.5, stock("sijaishuolto"), +1, "children in substitute care"),
    Case("staffing.*.*.fill_rate", 1.05, pools("vacancies"), -1, "vacant posts at month ends"),
    Case("staffing.*.*.turnover_per_year", 2.0, pools("reassignments"), +1, "children moved to another worker"),
]


@cache
def base_data(setting: str) -> dict[str, Any]:
    return deep_merge(load_scenario().model_dump(), SHORT if setting == "short" else GROWING)


def run(scenario: Scenario) -> list[RawReplication]:
    """The scenario's replications, each with its own seed (the same seeds for every scenario)."""
    out = []
    for r, seed in enumerate(replication_seeds(scenario.simulation.seed, REPLICATIONS)):
        drawn, multipliers = replication_scenario(scenario, seed)
        out.append(PathwayModel(drawn, seed, r, parameters=multipliers).run().raw)
    return out


@cache
def base_runs(setting: str) -> list[RawReplication]:
    return run(Scenario.model_validate(base_data(setting)))


@pytest.mark.integration
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.path)
def test_raising_a_parameter_moves_its_output_the_expected_way(case: Case) -> None:
    raised = Scenario.model_validate(scale_data(base_data(case.setting), {case.path: case.factor}))
    before, after = case.output(base_runs(case.setting)), case.output(run(raised))
    assert before > 0, f"{case.what}: none in the base run"
    assert np.sign(after - before) == case.direction, (
        f"Raising {case.path} × {case.factor} should move {case.what} "
        f"{'up' if case.direction > 0 else 'down'}: {before:.1f} → {after:.1f}."
    )


@pytest.mark.unit
def test_every_uncertain_parameter_of_the_default_has_a_direction_test() -> None:
    uncertain = set(load_scenario().uncertainty.parameters)
    tested = {case.path for case in CASES}
    assert uncertain <= tested, f"no direction test for {sorted(uncertain - tested)}"
    assert "kiireellinen_sijoitus.p_extension" in tested
