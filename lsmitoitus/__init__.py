"""lsmitoitus: discrete-event simulation of Finnish child-protection caseloads and staffing.

Public API::

    import lsmitoitus
    scenario = lsmitoitus.load_scenario()            # bundled Kanta-Häme default
    results = lsmitoitus.simulate(scenario, replications=10, seed=1)
    results.monthly                                  # tidy DataFrame
    lsmitoitus.summarise(results.monthly)            # mean, P10, P50, P90
"""

__version__ = "0.1.0"

from .results import SimulationResults, county_totals, summarise
from .runner import simulate
from .scenario import Scenario
from .scenario_files import ScenarioError, bundled_scenarios, load_scenario, scenario_from_dict, scenario_to_toml

__all__ = [
    "Scenario",
    "ScenarioError",
    "SimulationResults",
    "__version__",
    "bundled_scenarios",
    "county_totals",
    "load_scenario",
    "scenario_from_dict",
    "scenario_to_toml",
    "simulate",
    "summarise",
]
