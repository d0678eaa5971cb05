"""lsmitoitus: discrete-event simulation of Finnish child-protection caseloads and staffing.

Public API::

    import lsmitoitus
    scenario = lsmitoitus.load_scenario()            # bundled Kanta-Häme default
    results = lsmitoitus.simulate(scenario, replications=10, seed=1)
    results.monthly                                  # tidy DataFrame
    lsmitoitus.summarise(results.monthly)            # mean, P10, P50, P90
    lsmitoitus.cost_summary(lsmitoitus.cost_frame(results))   # euros per year, area, category
    lsmitoitus.dimension(scenario, target=30)        # required posts, breaches, extra posts
"""

__version__ = "0.1.0"

from .comparison import compare, comparison_table
from .costs import cost_difference, cost_frame, cost_summary
from .dimensioning import DimensioningResult, dimension
from .history import load_history
from .indicators import indicator_table
from .results import SimulationResults, county_totals, summarise
from .runner import simulate
from .scenario import Scenario
from .scenario_files import ScenarioError, bundled_scenarios, load_scenario, scenario_from_dict, scenario_to_toml

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
    "scenario_from_dict",
    "scenario_to_toml",
    "simulate",
    "summarise",
]
