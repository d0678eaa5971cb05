"""The runner's collection setting: a replication collects the young generation less often, and
leaves the process's own setting as it found it, also when the replication fails."""

from __future__ import annotations

import gc

import pytest

from lsmitoitus.simulation.runner import YOUNG_COLLECTION_EVERY, fewer_collections, map_tasks

pytestmark = pytest.mark.unit


def test_a_replication_collects_less_often_and_restores_the_setting_even_when_it_fails() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with pytest.raises(RuntimeError), fewer_collections():
            assert gc.get_threshold() == (YOUNG_COLLECTION_EVERY, 10, 10)
            raise RuntimeError("a replication failed")
        assert gc.get_threshold() == (700, 10, 10)
        gc.set_threshold(50_000, 5, 5)  # a caller's own higher setting is kept
        with fewer_collections():
            assert gc.get_threshold() == (50_000, 5, 5)
    finally:
        gc.set_threshold(*before)


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_result_is_heard_as_it_arrives_with_its_index_and_returned_in_call_order(jobs: int) -> None:
    heard: dict[int, int] = {}
    progress: list[int] = []
    out = map_tasks(
        _square,
        [(x,) for x in range(7)],
        jobs,
        progress=lambda done, _: progress.append(len(heard) - done),
        on_result=heard.__setitem__,
    )
    assert out == [x * x for x in range(7)]
    assert heard == dict(enumerate(out))
    assert progress == [0] * 7  # each result is heard before the progress that counts it
