"""lsmitoitus: discrete-event simulation of Finnish child-protection caseloads and staffing.

Public API::

    import lsmitoitus
    scenario = lsmitoitus.load_scenario()            # bundled Kanta-Häme default
    results = lsmitoitus.simulate(scenario, replications=10, seed=1)
    results.monthly                                  # tidy DataFrame
    lsmitoitus.summarise(results.monthly)            # mean, P10, P50, P90
    lsmitoitus.cost_summary(lsmitoitus.cost_frame(results))   # euros per year, area, category
    lsmitoitus.dimension(scenario, target=30)        # required posts, breaches, extra posts
    lsmitoitus.run_sensitivity(scenario)             # which uncertain parameters drive the answers
    with lsmitoitus.use_cluster("tcp://host:8786"):  # replications on a Dask cluster
        lsmitoitus.simulate(scenario)

Names are imported on first use (PEP 562), so the command line starts without loading the
numerical stack it does not need.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

#: public name -> module that defines it
_EXPORTS = {
    "DimensioningResult": "dimensioning",
    "Scenario": "scenario.schema",
    "ScenarioError": "scenario.files",
    "SimulationResults": "results",
    "bundled_scenarios": "scenario.files",
    "compare": "comparison",
    "comparison_table": "comparison",
    "cost_difference": "costs",
    "cost_frame": "costs",
    "cost_summary": "costs",
    "county_totals": "results",
    "dimension": "dimensioning",
    "indicator_table": "indicators",
    "load_history": "history",
    "load_scenario": "scenario.files",
    "read_parquet": "output.parquet",
    "run_sensitivity": "sensitivity",
    "scenario_from_dict": "scenario.files",
    "scenario_to_toml": "scenario.files",
    "simulate": "runner",
    "summarise": "results",
    "use_cluster": "cluster",
}

__all__ = [
    "DimensioningResult",
    "Scenario",
    "ScenarioError",
    "SimulationResults",
    "__version__",
    "bundled_scenarios",
    "compare",
    "comparison_table",
    "cost_difference",
    "cost_frame",
    "cost_summary",
    "county_totals",
    "dimension",
    "indicator_table",
    "load_history",
    "load_scenario",
    "read_parquet",
    "run_sensitivity",
    "scenario_from_dict",
    "scenario_to_toml",
    "simulate",
    "summarise",
    "use_cluster",
]
assert set(__all__) == {"__version__", *_EXPORTS}


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        value = getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from .cluster import use_cluster
    from .comparison import compare, comparison_table
    from .costs import cost_difference, cost_frame, cost_summary
    from .dimensioning import DimensioningResult, dimension
    from .history import load_history
    from .indicators import indicator_table
    from .output.parquet import read_parquet
    from .results import SimulationResults, county_totals, summarise
    from .runner import simulate
    from .scenario.files import ScenarioError, bundled_scenarios, load_scenario, scenario_from_dict, scenario_to_toml
    from .scenario.schema import Scenario
    from .sensitivity import run_sensitivity
