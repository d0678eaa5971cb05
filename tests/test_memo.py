"""The identity store behind the reports' repeated questions: one computation per object (and
extra value), none shared between equal but distinct objects, and bounded."""

from __future__ import annotations

import pytest

from lsmitoitus.memo import RecentByIdentity

pytestmark = pytest.mark.unit


def test_a_value_is_computed_once_per_object_and_extra_and_the_store_stays_bounded() -> None:
    store: RecentByIdentity[int] = RecentByIdentity(size=3)
    calls: list[str] = []

    def compute(tag: str) -> int:
        calls.append(tag)
        return len(calls)

    a, b = [1, 2], [1, 2]  # equal, not the same object
    assert store.get(a, "x", lambda: compute("a")) == store.get(a, "x", lambda: compute("again")) == 1
    assert store.get(b, "x", lambda: compute("b")) == 2  # equality does not share an entry
    assert store.get(a, "y", lambda: compute("a-y")) == 3  # nor does another extra value
    assert calls == ["a", "b", "a-y"]
    store.get([], None, lambda: compute("fourth"))  # full: everything forgotten, then stored
    assert store.get(a, "x", lambda: compute("a after")) == 5
    assert len(store._entries) <= 3


class Result:
    """A stand-in for a run's results: an object that allows weak references."""


def test_a_store_does_not_keep_its_objects_alive_and_never_mistakes_a_new_one_for_a_dead_one() -> None:
    import gc
    import weakref

    store: RecentByIdentity[str] = RecentByIdentity(size=8)
    first = Result()
    alive = weakref.ref(first)
    assert store.get(first, None, lambda: "first") == "first"
    del first
    gc.collect()
    assert alive() is None  # the store's entry did not keep it
    # a new object may get the dead one's id: it gets its own value, not the dead one's
    for _ in range(50):
        other = Result()
        assert store.get(other, None, lambda: "other") == "other"
        del other
