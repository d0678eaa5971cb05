"""model/environment.py and model/events.py: the model's SimPy environment keeps SimPy's order of
events through its public scheduling methods, and the model's inlined loop runs the same events
in the same order as SimPy's own ``run``."""

from __future__ import annotations

from typing import Any

import pytest
import simpy
from simpy.events import Timeout

from lsmitoitus.model.environment import ModelEnvironment
from lsmitoitus.model.events import Entry, push, run_until

pytestmark = pytest.mark.unit


def schedule(env: simpy.Environment, log: list[tuple[float, str]], absolute: bool) -> None:
    """A mix of SimPy timeouts and (where the environment has them) the model's entries at
    absolute times, with ties at equal times."""

    def note(name: str) -> Any:
        return lambda ev: log.append((env.now, name))

    for i, delay in enumerate([3.0, 1.0, 2.0, 1.0, 0.0, 5.5, 2.0]):
        Timeout(env, delay).callbacks.append(note(f"timeout{i}"))
        if absolute:
            assert isinstance(env, ModelEnvironment)
            push(env, delay + 0.25, Entry(None, note(f"entry{i}")))


def test_simpys_timeouts_run_in_simpys_order() -> None:
    """The same timeouts on SimPy's environment and on the model's run in the same order at the
    same times: ties in scheduling order."""
    ours: list[tuple[float, str]] = []
    theirs: list[tuple[float, str]] = []
    model_env, simpy_env = ModelEnvironment(), simpy.Environment()
    schedule(model_env, ours, absolute=False)
    schedule(simpy_env, theirs, absolute=False)
    model_env.run(until=4.0)
    simpy_env.run(until=4.0)
    assert ours == theirs and model_env.now == simpy_env.now == 4.0
    assert [name for t, name in ours if t == 1.0] == ["timeout1", "timeout3"]


def test_the_inlined_loop_runs_what_run_runs() -> None:
    """events.run_until is ModelEnvironment.run(until) without a call per event: same events,
    same order, same clock at the end, the rest left on the queue."""
    logs: list[list[tuple[float, str]]] = []
    for runner in (lambda env: env.run(until=3.0), lambda env: run_until(env, 3.0)):
        env = ModelEnvironment()
        log: list[tuple[float, str]] = []
        schedule(env, log, absolute=True)
        runner(env)
        assert env.now == 3.0 and env.peek() == 3.0  # the timeout at 3 waits for the next run
        logs.append(log)
    assert logs[0] == logs[1] and len(logs[0]) == 10


def test_an_absolute_time_is_kept_exactly() -> None:
    """A time reached by a delay is ``now + (t − now)``, not always t in floating point; push
    schedules at t itself."""
    env = ModelEnvironment()
    seen: list[float] = []
    env.now = 0.1
    t = 0.7
    push(env, t, Entry(None, lambda ev: seen.append(env.now)))
    run_until(env, 1.0)
    assert seen == [t]


def test_a_failed_simpy_event_is_raised() -> None:
    env = ModelEnvironment()
    event = env.event()
    event.fail(ValueError("broken"))
    with pytest.raises(ValueError, match="broken"):
        env.run()


def test_an_empty_queue_ends_the_run() -> None:
    env = ModelEnvironment()
    env.run()
    assert env.peek() == float("inf")
    with pytest.raises(simpy.core.EmptySchedule):
        env.step()
