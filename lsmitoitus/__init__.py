"""lsmitoitus: discrete-event simulation of Finnish child-protection caseloads and staffing.

Public API::

    import lsmitoitus
    scenario = lsmitoitus.load_scenario()            # bundled Kanta-Häme default
    results = lsmitoitus.simulate(scenario, replications=10, seed=1)
    results.monthly                                  # tidy DataFrame
    lsmitoitus.summarise(results.monthly)            # mean, P10, P50, P90
    lsmitoitus.cost_summary(lsmitoitus.cost_frame(results))   # euros per year, area, category
    lsmitoitus.dimension(scenario, target=30)        # required posts, breaches, extra posts
    lsmitoitus.staffing_figure(answer)               # its chart: required against funded posts
    answer = lsmitoitus.dimension(scenario)          # budget planning (issue 13):
    lsmitoitus.budget_years(answer)                  #   posts and euros per year, team, unit, county
    plan = lsmitoitus.cheapest_plan(answer)          #   the cheapest plan that meets the target
    lsmitoitus.evaluate_plan(scenario, plan)         #   a plan's compliance, shortfall and euros
    lsmitoitus.read_plan("plan.toml", scenario)      #   a plan file or the workbook's plan sheet
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
    "PlanStep": "scenario.schema",
    "Scenario": "scenario.schema",
    "ScenarioError": "scenario.files",
    "SimulationResults": "results",
    "budget_years": "budget",
    "bundled_scenarios": "scenario.files",
    "cheapest_plan": "plans",
    "compare": "comparison",
    "comparison_table": "comparison",
    "cost_difference": "costs",
    "cost_frame": "costs",
    "cost_summary": "costs",
    "county_totals": "results",
    "dimension": "dimensioning",
    "evaluate_plan": "plans",
    "indicator_table": "indicators",
    "load_history": "history",
    "load_scenario": "scenario.files",
    "read_plan": "output.plan_files",
    "read_parquet": "output.parquet",
    "run_sensitivity": "sensitivity",
    "scenario_from_dict": "scenario.files",
    "scenario_to_toml": "scenario.files",
    "simulate": "runner",
    "staffing_figure": "output.dimensioning_report",
    "summarise": "results",
    "with_plan": "plans",
    "use_cluster": "cluster",
}

__all__ = [
    "DimensioningResult",
    "PlanStep",
    "Scenario",
    "ScenarioError",
    "SimulationResults",
    "__version__",
    "budget_years",
    "bundled_scenarios",
    "cheapest_plan",
    "compare",
    "comparison_table",
    "cost_difference",
    "cost_frame",
    "cost_summary",
    "county_totals",
    "dimension",
    "evaluate_plan",
    "indicator_table",
    "load_history",
    "load_scenario",
    "read_parquet",
    "read_plan",
    "run_sensitivity",
    "scenario_from_dict",
    "scenario_to_toml",
    "simulate",
    "staffing_figure",
    "summarise",
    "use_cluster",
    "with_plan",
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
    from .budget import budget_years
    from .cluster import use_cluster
    from .comparison import compare, comparison_table
    from .costs import cost_difference, cost_frame, cost_summary
    from .dimensioning import DimensioningResult, dimension
    from .history import load_history
    from .indicators import indicator_table
    from .output.dimensioning_report import staffing_figure
    from .output.parquet import read_parquet
    from .output.plan_files import read_plan
    from .plans import cheapest_plan, evaluate_plan, with_plan
    from .results import SimulationResults, county_totals, summarise
    from .runner import simulate
    from .scenario.files import ScenarioError, bundled_scenarios, load_scenario, scenario_from_dict, scenario_to_toml
    from .scenario.schema import PlanStep, Scenario
    from .sensitivity import run_sensitivity
