"""Replaying a team's clients against its staffing reproduces the event model exactly, and
replaying an area's assessments reproduces its queue."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario
from lsmitoitus.model.parameters import ModelParameters
from lsmitoitus.model.pathway import PathwayModel
from lsmitoitus.model.posts import unit_posts
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.replay import replay_pool
from lsmitoitus.scenario.files import deep_merge

pytestmark = pytest.mark.integration

BUSY = {
    # every organisational mechanism at once: a county team and named teams, leads covering,
    # absences of every kind, a dated plan with part-time and lead posts, siblings, imperfect balancing
    "organisation": {
        "teams": {"sijaishuolto": "county", "jalkihuolto": {"etela": ["Forssa", "Riihimäki"], "hml": ["Hämeenlinna"]}},
        "leads": {"avohuolto": 3, "sijaishuolto": 2},
        "lead_cover_cap": 6,
    },
    "staffing_plan": [
        {"start": "2024-03-01", "unit": "avohuolto", "area": "Hämeenlinna", "change": 2.5},
        {"start": "2024-06-01", "unit": "sijaishuolto", "area": "Forssa", "change": 1, "lead": True},
        {"start": "2024-09-01", "unit": "avohuolto", "area": "Riihimäki", "change": -1},
    ],
    "demand": {"family_size_mean": 1.6},
    "caseload": {"balancing": 0.6},
}


@pytest.mark.parametrize("changes", [{}, BUSY], ids=["default", "every-mechanism"])
def test_replay_with_the_scenarios_posts_equals_the_event_model(short_scenario: Scenario, changes: dict) -> None:
    scenario = Scenario.model_validate(deep_merge(short_scenario.model_dump(), changes))
    seed = replication_seeds(scenario.simulation.seed, 1)[0]
    run = PathwayModel(scenario, seed, record_pool_logs=True).run()
    params = ModelParameters.from_scenario(scenario, run.origin, seed)
    checked = 0
    for p, (unit, team) in enumerate(run.pool_keys):
        log = run.pool_logs[p]
        assert log is not None and len(log) > 0
        replayed = replay_pool(
            log,
            unit,
            unit_posts(scenario, unit)[team],
            seed,
            run.origin,
            run.end_day,
            params.caseload,
            scenario.organisation.lead_cover_cap,
            run.limit,
            run.month_boundaries,
            run.report_start,
        )
        np.testing.assert_array_equal(replayed, run.raw.pools[:, p, :])
        checked += 1
    assert checked == len(run.pool_keys) >= 5


def test_monthly_frame_names_teams_in_the_area_column(short_scenario: Scenario) -> None:
    scenario = Scenario.model_validate(deep_merge(short_scenario.model_dump(), BUSY))
    seed = replication_seeds(scenario.simulation.seed, 1)[0]
    raw = PathwayModel(scenario, seed).run().raw
    assert set(raw.pool_keys) >= {("sijaishuolto", "koko_alue"), ("jalkihuolto", "etela"), ("jalkihuolto", "hml")}
    from lsmitoitus.simulation.results import tidy_monthly

    m = tidy_monthly([raw])
    care = m[(m["unit"] == "sijaishuolto") & (m["measure"] == "workers_in_post")]
    assert set(care["area"].astype(str)) == {"koko_alue"}
    assert isinstance(care, pd.DataFrame)
