"""Scheduling without an event object per occurrence.

SimPy's :class:`~simpy.events.Timeout` builds an event, binds it to the environment and
schedules ``(time, priority, sequence number, event)`` on the environment's queue; the
environment then calls the event's ``callbacks``. The model schedules tens of thousands of
one-shot occurrences per replication (children's state changes, their entries into the event
model, staff events), so it pushes them on the queue of its
:class:`~.environment.ModelEnvironment` the same way, with the same priority and the same
sequence numbers (the order of equal times is SimPy's), on objects that carry just a
``callbacks`` list: a child is its own event (``pathway.Child``), anything else an
:class:`Entry`.
"""

from __future__ import annotations

from collections.abc import Callable
from heapq import heappop, heappush
from typing import Any

from simpy.events import NORMAL

from ._compiled import POLL_EVERY, EventBudgetExceeded, yield_to_signals
from .environment import ModelEnvironment


class Entry:
    """A one-shot scheduled occurrence with a payload ``value`` and one callback."""

    __slots__ = ("callbacks", "value")

    def __init__(self, value: object, callback: Callable[[Any], None]) -> None:
        self.callbacks: list[Callable[[Any], None]] | None = [callback]
        self.value = value


def push(env: ModelEnvironment, t: float, event: object) -> None:
    """Schedule ``event`` (an :class:`Entry`, or an object with ``callbacks``) at absolute time
    ``t``, exactly as a Timeout of ``t − now`` would be (up to the rounding of ``now + (t −
    now)``, which an absolute time avoids)."""
    heappush(env.queue, (t, NORMAL, next(env.sequence), event))


def run_until(env: ModelEnvironment, until: float, budget: int = 0) -> None:
    """``env.run(until=until)`` with :meth:`~.environment.ModelEnvironment.step` inlined: the
    same events in the same order, one Python call fewer per event; the clock ends at ``until``,
    as SimPy leaves it. The model's events cannot fail (timeouts, entries and children always
    succeed), so unlike ``step`` there is no check for a failed event.

    Every :data:`POLL_EVERY` events the loop lets Python handle signals (Ctrl-C and SIGTERM stop
    a long compiled replication at once) and checks ``budget`` (0: none): more events raise
    :class:`EventBudgetExceeded`."""
    queue = env.queue
    handled = 0
    while queue and queue[0][0] < until:
        now, _, _, event = heappop(queue)
        env.now = now
        callbacks = event.callbacks
        event.callbacks = None
        for callback in callbacks:
            callback(event)
        handled += 1
        if handled % POLL_EVERY == 0:
            yield_to_signals()
            if budget and handled > budget:
                raise EventBudgetExceeded(handled, budget)
    env.now = until
