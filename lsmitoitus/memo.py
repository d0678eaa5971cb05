"""Values computed lately for an object, kept by the object's identity: for frozen or finished
objects (a scenario, a run's results) that are not hashable, or too large to hash, and that the
reports ask about thousands of times. An entry refers to its object weakly where the object
allows it, so a store never keeps a run's results alive after their last user lets them go (a
notebook dimensioning one scenario after another keeps one answer in memory, not eight); a
reference that has died is never taken for a new object that happens to get the same id. An
object that allows no weak reference is held for as long as its entry lives. The store forgets
everything when it is full (a few entries suffice)."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class RecentByIdentity(Generic[V]):
    """``get(owner, extra, compute)``: ``compute()`` once per (``owner`` object, ``extra`` value)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: dict[tuple[int, Hashable], tuple[Callable[[], object], V]] = {}

    def get(self, owner: object, extra: Hashable, compute: Callable[[], V]) -> V:
        key = (id(owner), extra)
        hit = self._entries.get(key)
        if hit is None or hit[0]() is not owner:
            if len(self._entries) >= self.size:
                self._entries.clear()
            hit = self._entries[key] = (_reference(owner), compute())
        return hit[1]


def _reference(owner: object) -> Callable[[], object]:
    """A weak reference to ``owner``, or, for an object that allows none, a strong one."""
    try:
        return weakref.ref(owner)
    except TypeError:
        return lambda: owner
