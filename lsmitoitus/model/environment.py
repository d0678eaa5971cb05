"""The model's SimPy environment: SimPy's :class:`~simpy.core.Environment` whose event queue and
clock are the model's own, reached through public names only.

The model schedules tens of thousands of one-shot occurrences per replication at absolute
times (:func:`.events.push`) and runs them in a loop without a method call per event
(:func:`.events.run_until`). SimPy's public scheduling method takes a delay, and ``now + (t −
now)`` is not always ``t`` in floating point, so the environment keeps the queue itself: the
same heap of ``(time, priority, sequence number, event)`` SimPy keeps, ordered the same way
(equal times run in scheduling order), and it overrides SimPy's public scheduling interface
(:meth:`schedule`, :meth:`peek`, :meth:`step`, :attr:`now`) to use it. SimPy's own events
(:class:`~simpy.events.Timeout`) and :meth:`~simpy.core.Environment.run` go through those
methods, so they work unchanged; nothing in the project reads SimPy's private attributes.

This module is not compiled (a compiled class cannot safely extend SimPy's, which the build
sees as untyped); the per-event work on its queue is in :mod:`.events`, which is.
"""

from __future__ import annotations

from heapq import heappop, heappush
from itertools import count
from typing import Any

import simpy
from simpy.core import EmptySchedule, Infinity, StopSimulation
from simpy.events import NORMAL, EventPriority

#: One scheduled event: (time, priority, sequence number, event), SimPy's order.
Scheduled = tuple[float, int, int, Any]


class ModelEnvironment(simpy.Environment):
    """A SimPy environment whose queue (:attr:`queue`) and clock (:attr:`now`) are public.

    ``queue`` is a heap of :data:`Scheduled`; ``sequence`` numbers the events in the order they
    are scheduled. An event is anything with ``callbacks`` (a list of callables taking the
    event, or None once processed): SimPy's events, or the model's own (a child, an entry).
    """

    now: float = 0.0  # a plain attribute: the model sets it once per event (SimPy's is read-only)

    def __init__(self, initial_time: float = 0.0) -> None:
        super().__init__(initial_time)
        self.now = float(initial_time)
        self.queue: list[Scheduled] = []
        self.sequence = count()

    def schedule(self, event: Any, priority: EventPriority = NORMAL, delay: float = 0) -> None:
        """Schedule ``event`` with ``priority`` after ``delay`` (SimPy's method and arithmetic)."""
        heappush(self.queue, (self.now + delay, priority, next(self.sequence), event))

    def peek(self) -> float:
        """The time of the next scheduled event (infinity when there is none)."""
        return self.queue[0][0] if self.queue else Infinity

    def step(self) -> None:
        """Process the next event, as SimPy does: the clock moves to its time and its callbacks
        run; a failed SimPy event that nobody defused is raised."""
        if not self.queue:
            raise EmptySchedule
        self.now, _, _, event = heappop(self.queue)
        callbacks, event.callbacks = event.callbacks, None
        try:
            for callback in callbacks:
                callback(event)
        except StopSimulation:
            # as SimPy: the remaining callbacks run when the simulation resumes
            event.callbacks = callbacks[callbacks.index(callback) + 1 :]
            self.schedule(event, EventPriority(-1))
            raise
        if isinstance(event, simpy.Event) and not event.ok and not event.defused:
            failure = event.value  # a failed event's value is its exception
            assert isinstance(failure, BaseException)
            raise failure


__all__ = ["ModelEnvironment", "Scheduled"]
