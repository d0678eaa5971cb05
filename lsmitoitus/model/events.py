"""Scheduling without an event object per occurrence.

SimPy's :class:`~simpy.events.Timeout` builds an event, binds it to the environment and pushes
``(time, priority, sequence number, event)`` on the environment's queue; the environment then
reads only the event's ``callbacks`` and ``_ok``. The model schedules tens of thousands of
one-shot occurrences per replication (children's state changes, their entries into the event
model, staff events), so it pushes them the same way, with the same priority and the same
sequence numbers (the order of equal times is SimPy's), on objects that carry just those two
attributes: a child is its own event (``pathway.Child``), anything else an :class:`Entry`.
"""

from __future__ import annotations

from collections.abc import Callable
from heapq import heappop, heappush
from typing import Any

import simpy
from simpy.events import NORMAL

from ._compiled import POLL_EVERY, EventBudgetExceeded, yield_to_signals


class Entry:
    """A one-shot scheduled occurrence with a payload ``value`` and one callback."""

    __slots__ = ("_ok", "callbacks", "value")

    def __init__(self, value: object, callback: Callable[[Any], None]) -> None:
        self._ok = True  # it always succeeds
        self.callbacks: list[Callable[[Any], None]] | None = [callback]
        self.value = value


def push(env: simpy.Environment, t: float, event: object) -> None:
    """Schedule ``event`` (an :class:`Entry`, or an object with ``callbacks`` and ``_ok``) at
    absolute time ``t``, exactly as a Timeout of ``t − now`` would be (up to the rounding of
    ``now + (t − now)``)."""
    queue: list[Any] = env._queue  # SimPy's heap of (time, priority, sequence, event)
    heappush(queue, (t, NORMAL, next(env._eid), event))


def run_until(env: simpy.Environment, until: float, budget: int = 0) -> None:
    """``env.run(until=until)`` with SimPy's :meth:`~simpy.Environment.step` inlined: the same
    events in the same order (the queue is SimPy's), one Python call fewer per event. The
    model's events never fail, so a failed event is an error here, as it is in SimPy; the clock
    ends at ``until``, as SimPy leaves it.

    Every :data:`POLL_EVERY` events the loop lets Python handle signals (Ctrl-C and SIGTERM stop
    a long compiled replication at once) and checks ``budget`` (0: none): more events raise
    :class:`EventBudgetExceeded`."""
    queue: list[Any] = env._queue  # SimPy's heap of (time, priority, sequence, event)
    handled = 0
    while queue and queue[0][0] < until:
        now, _, _, event = heappop(queue)
        env._now = now
        callbacks = event.callbacks
        event.callbacks = None
        for callback in callbacks:
            callback(event)
        if not event._ok and not hasattr(event, "_defused"):
            raise RuntimeError(f"an event of the model failed: {event!r}")
        handled += 1
        if handled % POLL_EVERY == 0:
            yield_to_signals()
            if budget and handled > budget:
                raise EventBudgetExceeded(handled, budget)
    env._now = until
