"""Replaying a unit's clients against a staffing reproduces the event model exactly."""

from __future__ import annotations

import numpy as np
import pytest

from lsmitoitus import Scenario
from lsmitoitus.model.pathway import PathwayModel
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.replay import replay_pool
from lsmitoitus.model.staffing import pool_key
from lsmitoitus.vocabulary import UNITS

pytestmark = pytest.mark.integration


def test_replay_with_the_scenarios_posts_equals_the_event_model(short_scenario: Scenario) -> None:
    seed = replication_seeds(short_scenario.simulation.seed, 1)[0]
    run = PathwayModel(short_scenario, seed, record_pool_logs=True).run()
    checked = 0
    for a, area in enumerate(short_scenario.area_names):
        for u, unit in enumerate(UNITS):
            staff = short_scenario.staffing[unit][area]
            log = run.pool_logs[a][u]
            assert log is not None and len(log) > 0
            replayed = replay_pool(
                log,
                staff.social_workers,
                staff,
                seed,
                pool_key(area, unit),
                short_scenario.caseload.allocation,
                short_scenario.caseload.rebalance_on_hire,
                run.limit,
                run.month_boundaries,
                run.report_start,
            )
            np.testing.assert_array_equal(replayed, run.raw.pools[:, a, u, :])
            checked += 1
    assert checked == 9
