"""Shared helpers (small scenarios derived from the bundled default) and the rule that every test
is exactly one of unit, integration or e2e (as in nhp_model): collection fails otherwise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import pytest

from lsmitoitus import PlanStep, Scenario, load_scenario
from lsmitoitus.scenario.files import deep_merge

if TYPE_CHECKING:
    from lsmitoitus.answers.dimensioning import DimensioningResult


def derived(changes: Mapping[str, Any], base: Scenario | None = None) -> Scenario:
    """The bundled scenario (or ``base``) with ``changes`` merged in table by table."""
    data = (base or load_scenario()).model_dump()
    return Scenario.model_validate(deep_merge(data, dict(changes or {})))


def flat_scenario(
    years: int = 15, replications: int = 20, seed: int = 5, changes: Mapping[str, Any] | None = None
) -> Scenario:
    """The default with every input held at its first year's value: notifications, population,
    notifications per child, conversion (no year factors, no range after the data), and no
    parameter uncertainty; ``years`` reported years after the default's one-year warm-up, then
    ``changes`` merged in."""
    data = load_scenario().model_dump()
    data["name"] = "tasainen"
    first = min(data["demand"]["notifications"])
    data["demand"].update(
        notifications={first: data["demand"]["notifications"][first]},  # replaced, not merged
        series={},
        growth_per_year=0.0,
        population_growth_per_year=0.0,
        notifications_per_notified_child=1.89,
    )
    for area in data["areas"].values():
        area["population_0_17"] = {first: area["population_0_17"][first]}
    data["conversion"] = {"notification_elasticity": 0.0}
    data["uncertainty"] = {"parameters": {}, "correlation": {}}
    data["simulation"].update(
        start=f"{first}-01-01", end=f"{first + years - 1}-12-31", replications=replications, seed=seed
    )
    return Scenario.model_validate(deep_merge(data, dict(changes or {})))


pytest_plugins = ["pytester"]

SHORT = {"simulation": {"start": "2023-01-01", "end": "2024-12-31", "warmup_years": 3, "replications": 2}}


@pytest.fixture(scope="session")
def default_scenario() -> Scenario:
    return load_scenario()


@pytest.fixture(scope="session")
def short_scenario() -> Scenario:
    """Two reported years across the 35 → 30 switch, three warm-up years, two replications."""
    return derived(SHORT)


# issue 13: budget planning. Two answers for 2025–2026 (two replications, no decomposition):
# one evaluates BUDGET_PLAN, the other proposes the cheapest plan.
#: Two open-care posts in Hämeenlinna from 1 March 2026; half a substitute-care post in
#: Riihimäki from 1 July 2025.
BUDGET_PLAN = [
    PlanStep(start=dt.date(2026, 3, 1), unit="avohuolto", area="Hämeenlinna", change=2),
    PlanStep(start=dt.date(2025, 7, 1), unit="sijaishuolto", area="Riihimäki", change=0.5),
]


@pytest.fixture(scope="session")
def budget_scenario() -> Scenario:
    return derived({"name": "lyhyt", "simulation": {"start": "2025-01-01", "end": "2026-12-31", "warmup_years": 3}})


@pytest.fixture(scope="session")
def budget_plan() -> list[PlanStep]:
    return list(BUDGET_PLAN)


@pytest.fixture(scope="session")
def planned_answer(budget_scenario: Scenario) -> DimensioningResult:
    from lsmitoitus.answers.plans import evaluate_plan

    return evaluate_plan(budget_scenario, BUDGET_PLAN, "testi.toml", replications=2, seed=5, jobs=2, decompose=False)


@pytest.fixture(scope="session")
def cheapest_answer(budget_scenario: Scenario) -> DimensioningResult:
    from lsmitoitus.answers.dimensioning import dimension

    return dimension(budget_scenario, replications=2, seed=5, jobs=2, decompose=False)


def scenario_with_areas(renamed: Mapping[str, str], name: str = "outo") -> str:
    """The bundled default as a standalone TOML text with its areas renamed."""
    import tomli_w

    from lsmitoitus.scenario.files import read_scenario_data, resolve_scenario_path

    def rename(node: Any) -> Any:
        if isinstance(node, dict):
            return {renamed.get(k, k) if isinstance(k, str) else k: rename(v) for k, v in node.items()}
        if isinstance(node, list):
            return [renamed.get(v, v) if isinstance(v, str) else rename(v) for v in node]
        return node

    data = rename(read_scenario_data(resolve_scenario_path(None)))
    data["provenance"] = {}
    data["name"] = name
    return tomli_w.dumps(data)


@pytest.fixture
def rename_areas() -> Callable[..., str]:
    """:func:`scenario_with_areas`: the default's TOML text with areas renamed."""
    return scenario_with_areas


@pytest.fixture(scope="session")
def carried_answer(budget_scenario: Scenario) -> DimensioningResult:
    """40 replications: enough to carry a figure at 90 % (the budget scenario's 2025–2026)."""
    from lsmitoitus.answers.dimensioning import dimension

    return dimension(budget_scenario, replications=40, seed=5, jobs=2)


KINDS = ("unit", "integration", "e2e")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Refuse to run a test that is not marked with exactly one of :data:`KINDS`."""
    wrong = []
    for item in items:
        kinds = {m.name for m in item.iter_markers() if m.name in KINDS}
        if len(kinds) != 1:
            wrong.append(f"{item.nodeid}: marked {sorted(kinds) or 'with none'}")
    if wrong:
        raise pytest.UsageError(
            "every test must be marked with exactly one of unit, integration, e2e:\n  " + "\n  ".join(wrong)
        )
