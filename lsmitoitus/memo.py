"""Values computed lately for an object, kept by the object's identity: for frozen or finished
objects (a scenario, a run's results) that are not hashable, or too large to hash, and that the
reports ask about thousands of times. An entry holds its object, so the object's id is not reused
while the entry lives; the store forgets everything when it is full (a few entries suffice)."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class RecentByIdentity(Generic[V]):
    """``get(owner, extra, compute)``: ``compute()`` once per (``owner`` object, ``extra`` value)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._entries: dict[tuple[int, Hashable], tuple[object, V]] = {}

    def get(self, owner: object, extra: Hashable, compute: Callable[[], V]) -> V:
        key = (id(owner), extra)
        hit = self._entries.get(key)
        if hit is None or hit[0] is not owner:
            if len(self._entries) >= self.size:
                self._entries.clear()
            hit = self._entries[key] = (owner, compute())
        return hit[1]
