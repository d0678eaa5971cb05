"""The collection setting: the cyclic collector is paused while a replication runs and
left as it was found, also when the replication fails."""

from __future__ import annotations

import gc

import pytest

from lsmitoitus.model.pathway import collector_paused
from lsmitoitus.simulation.runner import map_tasks

pytestmark = pytest.mark.unit


def test_a_replication_pauses_the_collector_and_restores_it_even_when_it_fails() -> None:
    was_enabled = gc.isenabled()
    try:
        gc.enable()
        with pytest.raises(RuntimeError), collector_paused():
            assert not gc.isenabled()
            raise RuntimeError("a replication failed")
        assert gc.isenabled()
        gc.disable()  # a caller who paused it already keeps it paused
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        if was_enabled:
            gc.enable()


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
