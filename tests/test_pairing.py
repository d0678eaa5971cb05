"""Common random numbers: scenarios identical up to a date give identical results before it,
replication by replication, and a lever changes only the children it touches."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario, simulate
from lsmitoitus.model.pathway import PathwayModel
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.scenario.files import bundled_scenarios, deep_merge
from lsmitoitus.simulation.results import POOL_KEYS
from lsmitoitus.vocabulary import State

pytestmark = pytest.mark.integration

SHORT = {"simulation": {"start": "2022-01-01", "end": "2026-12-31", "warmup_years": 1, "replications": 2}}
#: when each bundled scenario starts to differ from the default (None: its pathway never does,
#: only its staffing); the date is where the scenario's own change begins
DIFFERS_FROM = {
    "kasvu-0": None,
    "kasvu-5": dt.date(2024, 1, 1),
    "kasvu-15": dt.date(2024, 1, 1),
    # fewer children from 2023 on: with the observed 2023 notifications, more notified children per
    # child, so placements per notified child fall at once (placements follow the child population)
    "vaesto-laskee": dt.date(2023, 1, 1),
    "tayttoaste-matala": None,
    "vipu-avohuolto": dt.date(2025, 1, 1),
    "vipu-perhehoito": dt.date(2025, 1, 1),
    "vipu-jalleenyhdistaminen": dt.date(2025, 1, 1),
    "jalkihuolto-25": dt.date(2024, 1, 1),
}
STAFF_MEASURES = set(POOL_KEYS)  # who holds the lists: changes with staffing, the children's paths do not


def short(spec: str) -> Scenario:
    return Scenario.model_validate(deep_merge(load_scenario(spec).model_dump(), SHORT))


@pytest.fixture(scope="module")
def base() -> pd.DataFrame:
    return simulate(short("kanta-hame"), jobs=2).monthly


def test_every_bundled_scenario_is_listed_here() -> None:
    assert set(bundled_scenarios()) - {"kanta-hame"} <= set(DIFFERS_FROM) | {
        s for s in bundled_scenarios() if s.startswith("organisaatio")
    }


@pytest.mark.parametrize("name", sorted(DIFFERS_FROM))
def test_scenarios_are_identical_before_they_differ(base: pd.DataFrame, name: str) -> None:
    other = simulate(short(name), jobs=2).monthly
    keys = ["replication", "date", "area", "unit", "measure"]
    pathway_a = base[~base["measure"].isin(STAFF_MEASURES)].set_index(keys)["value"]
    pathway_b = other[~other["measure"].isin(STAFF_MEASURES)].set_index(keys)["value"]
    differs = DIFFERS_FROM[name]
    if differs is None:  # staffing only: the children's paths never change
        pd.testing.assert_series_equal(pathway_a, pathway_b)
        return
    before = pathway_a.index.get_level_values("date") < pd.Timestamp(differs)
    assert before.any()
    pd.testing.assert_series_equal(pathway_a[before], pathway_b.reindex(pathway_a.index)[before])
    everything_a = base.set_index(keys)["value"]
    everything_b = other.set_index(keys)["value"].reindex(everything_a.index)
    early = everything_a.index.get_level_values("date") < pd.Timestamp(differs)
    pd.testing.assert_series_equal(everything_a[early], everything_b[early])
    assert not np.array_equal(pathway_a[~before].to_numpy(), pathway_b.reindex(pathway_a.index)[~before].to_numpy())


def trajectories(scenario: Scenario) -> dict[tuple[int, int], list[tuple[float, int]]]:
    seed = replication_seeds(scenario.simulation.seed, 1)[0]
    trace: list[tuple[int, int, float, int]] = []
    PathwayModel(scenario, seed, trace=trace).run()
    out: dict[tuple[int, int], list[tuple[float, int]]] = defaultdict(list)
    for key, identity, t, state in trace:
        out[(key, identity)].append((t, state))
    return out


def touched(path: list[tuple[float, int]], state: State, from_day: float) -> bool:
    """Whether the child entered ``state`` on or after ``from_day`` (the lever could act on it)."""
    return any(s == state and t >= from_day for t, s in path)


@pytest.mark.parametrize(
    ("levers", "acts_on"),
    [
        ({"avohuolto_escalation_reduction": 0.3}, State.AVOHUOLTO),
        ({"reunification_speedup": 0.3}, State.SIJAISHUOLTO),
        ({"perhehoito_share_target": 0.9}, None),  # a placement's type changes no one's path
        ({"avohuolto_extra_posts": {"Forssa": 3}}, None),  # staff decide who holds a list, not the path
    ],
    ids=["escalation", "reunification", "family-care", "extra-posts"],
)
def test_a_lever_changes_only_the_children_it_touches(levers: dict, acts_on: State | None) -> None:
    base = short("kanta-hame")
    start = dt.date(2024, 7, 1)
    lever = Scenario.model_validate(
        deep_merge(base.model_dump(), {"levers": {**levers, "start": str(start), "full": str(start)}})
    )
    a, b = trajectories(base), trajectories(lever)
    from_day = float((start - dt.date(base.simulation.start.year - base.simulation.warmup_years, 1, 1)).days)
    changed = [child for child in a.keys() | b.keys() if a.get(child) != b.get(child)]
    untouched = [c for c in changed if acts_on is None or not touched(a.get(c, []), acts_on, from_day)]
    assert not untouched, f"{len(untouched)} children changed although the lever never acted on them"
    if acts_on is not None:
        assert changed, "the lever changed nobody"
