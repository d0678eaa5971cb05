"""Shared helpers: small scenarios derived from the bundled Kanta-Häme default."""

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


SHORT = {"simulation": {"start": "2023-01-01", "end": "2024-12-31", "warmup_years": 3, "replications": 2}}


@pytest.fixture(scope="session")
def default_scenario() -> Scenario:
    return load_scenario()


@pytest.fixture(scope="session")
def short_scenario() -> Scenario:
    """Two reported years across the 35 → 30 switch, three warm-up years, two replications."""
    return derived(SHORT)
