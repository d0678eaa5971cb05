"""Shared helpers (small scenarios derived from the bundled default) and the rule that every test
is exactly one of unit, integration or e2e (as in nhp_model): collection fails otherwise."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.scenario.files import deep_merge


def derived(changes: Mapping[str, Any], base: Scenario | None = None) -> Scenario:
    """The bundled scenario (or ``base``) with ``changes`` merged in table by table."""
    data = (base or load_scenario()).model_dump()
    return Scenario.model_validate(deep_merge(data, changes))


pytest_plugins = ["pytester"]

SHORT = {"simulation": {"start": "2023-01-01", "end": "2024-12-31", "warmup_years": 3, "replications": 2}}


@pytest.fixture(scope="session")
def default_scenario() -> Scenario:
    return load_scenario()


@pytest.fixture(scope="session")
def short_scenario() -> Scenario:
    """Two reported years across the 35 → 30 switch, three warm-up years, two replications."""
    return derived(SHORT)


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
