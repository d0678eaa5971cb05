"""Scenarios: the pydantic schema (:mod:`.schema`), TOML files and their errors (:mod:`.files`),
the county history (:mod:`.history`); the bundled scenarios are the top-level ``scenarios/*.toml``."""

from .files import (
    ScenarioError,
    bundled_scenarios,
    deep_merge,
    load_scenario,
    resolve_scenario_path,
    scenario_from_dict,
    scenario_to_toml,
)
from .schema import Scenario, by_age

__all__ = [
    "Scenario",
    "ScenarioError",
    "bundled_scenarios",
    "by_age",
    "deep_merge",
    "load_scenario",
    "resolve_scenario_path",
    "scenario_from_dict",
    "scenario_to_toml",
]
