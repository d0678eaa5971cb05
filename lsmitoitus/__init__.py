"""lsmitoitus: discrete-event simulation of Finnish child-protection caseloads and staffing.

Public API::

    import lsmitoitus
    scenario = lsmitoitus.load_scenario()            # bundled Kanta-Häme default
    results = lsmitoitus.simulate(scenario, replications=10, seed=1)
    results.monthly                                  # tidy DataFrame
    lsmitoitus.summarise(results.monthly)            # mean, P10, P50, P90
    lsmitoitus.cost_summary(lsmitoitus.cost_frame(results))   # euros per year, area, category
    lsmitoitus.dimension(scenario, target=30)        # required posts, breaches, extra posts
    lsmitoitus.answer_lines(answer)                  #   the answer in words (lang="fi" or "en")
    lsmitoitus.staffing_figure(answer)               #   required against funded posts (a figure)
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

from ._version import __version__

#: public name -> module that defines it
_EXPORTS = {
    "DimensioningResult": "answers.dimensioning",
    "PlanStep": "scenario.schema",
    "Scenario": "scenario.schema",
    "ScenarioError": "scenario.files",
    "SimulationResults": "simulation.results",
    "answer_lines": "reports.dimensioning_report",
    "budget_years": "answers.budget",
    "bundled_scenarios": "scenario.files",
    "cheapest_plan": "answers.plans",
    "compare": "answers.comparison",
    "comparison_table": "answers.comparison",
    "cost_difference": "answers.costs",
    "cost_frame": "answers.costs",
    "cost_summary": "answers.costs",
    "county_totals": "simulation.results",
    "dimension": "answers.dimensioning",
    "evaluate_plan": "answers.plans",
    "indicator_table": "answers.indicators",
    "load_history": "scenario.history",
    "load_scenario": "scenario.files",
    "read_plan": "reports.plan_files",
    "read_parquet": "reports.parquet",
    "run_sensitivity": "answers.sensitivity",
    "scenario_from_dict": "scenario.files",
    "scenario_to_toml": "scenario.files",
    "simulate": "simulation.runner",
    "staffing_figure": "reports.dimensioning_report",
    "summarise": "simulation.results",
    "with_plan": "answers.plans",
    "use_cluster": "simulation.cluster",
}

__all__ = [
    "DimensioningResult",
    "PlanStep",
    "Scenario",
    "ScenarioError",
    "SimulationResults",
    "__version__",
    "answer_lines",
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
    from .answers.budget import budget_years
    from .answers.comparison import compare, comparison_table
    from .answers.costs import cost_difference, cost_frame, cost_summary
    from .answers.dimensioning import DimensioningResult, dimension
    from .answers.indicators import indicator_table
    from .answers.plans import cheapest_plan, evaluate_plan, with_plan
    from .answers.sensitivity import run_sensitivity
    from .reports.dimensioning_report import answer_lines, staffing_figure
    from .reports.parquet import read_parquet
    from .reports.plan_files import read_plan
    from .scenario.files import ScenarioError, bundled_scenarios, load_scenario, scenario_from_dict, scenario_to_toml
    from .scenario.history import load_history
    from .scenario.schema import PlanStep, Scenario
    from .simulation.cluster import use_cluster
    from .simulation.results import SimulationResults, county_totals, summarise
    from .simulation.runner import simulate
