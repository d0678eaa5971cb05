"""Random streams: one independent, buffered stream per purpose within each replication.

Replication streams come from ``SeedSequence(seed).spawn(n)``, so replication r draws the same
numbers whichever process runs it. Inside a replication every purpose (arrivals, assessment
durations, allocation, …) has its own child stream keyed by a stable hash of its name: changing
staffing therefore leaves the pathway draws untouched (common random numbers across scenarios).

Draws are made in blocks with numpy and handed out one at a time from a Python list, because a
scalar numpy call costs about a microsecond and the model needs millions of draws.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Sequence

import numpy as np

from ..scenario.schema import Duration, WorkingDayDelay

BLOCK = 4096


def replication_seeds(seed: int, replications: int) -> list[np.random.SeedSequence]:
    """Independent seed sequences for replications 0..n-1, identical however they are run."""
    return np.random.SeedSequence(seed).spawn(replications)


def purpose_generator(rep_seed: np.random.SeedSequence, purpose: str) -> np.random.Generator:
    """A generator for one purpose inside one replication, independent of all other purposes."""
    key = zlib.crc32(purpose.encode("utf-8"))
    child = np.random.SeedSequence(rep_seed.entropy, spawn_key=(*rep_seed.spawn_key, key))
    return np.random.Generator(np.random.PCG64(child))


class BufferedStream:
    """Hands out draws one by one from blocks produced by ``draw_block(generator, size)``."""

    __slots__ = ("_buf", "_draw", "_gen")

    def __init__(self, gen: np.random.Generator, draw_block: Callable[[np.random.Generator, int], np.ndarray]) -> None:
        self._gen = gen
        self._draw = draw_block
        self._buf: list[float] = []

    def __call__(self) -> float:
        """The next draw."""
        buf = self._buf
        if not buf:
            buf.extend(self._draw(self._gen, BLOCK).tolist())
        return buf.pop()


def duration_block(family: str, mean: float, cv: float) -> Callable[[np.random.Generator, int], np.ndarray]:
    """A block sampler for a duration with the given mean and coefficient of variation."""
    if family == "exponential":
        return lambda g, n: g.exponential(mean, n)
    if family == "gamma":
        shape = 1.0 / (cv * cv)
        scale = mean / shape
        return lambda g, n: g.gamma(shape, scale, n)
    if family == "lognormal":
        sigma = math.sqrt(math.log1p(cv * cv))
        mu = math.log(mean) - 0.5 * sigma * sigma
        return lambda g, n: g.lognormal(mu, sigma, n)
    raise ValueError(f"unknown distribution {family!r}")


def duration_stream(rep_seed: np.random.SeedSequence, purpose: str, spec: Duration) -> BufferedStream:
    """A stream of durations (days) with ``spec``'s distribution, mean and cv."""
    return BufferedStream(
        purpose_generator(rep_seed, purpose), duration_block(spec.distribution, spec.mean_days, spec.cv)
    )


def working_day_stream(rep_seed: np.random.SeedSequence, purpose: str, spec: WorkingDayDelay) -> BufferedStream:
    """A stream of delays in working days with ``spec``'s distribution, mean and cv."""
    return BufferedStream(
        purpose_generator(rep_seed, purpose), duration_block(spec.distribution, spec.mean_working_days, spec.cv)
    )


def uniform_stream(rep_seed: np.random.SeedSequence, purpose: str) -> BufferedStream:
    """A stream of uniforms on [0, 1) for choices."""
    return BufferedStream(purpose_generator(rep_seed, purpose), lambda g, n: g.random(n))


def cumulative(probabilities: Sequence[float]) -> list[float]:
    """Cumulative sums for inverse-transform choice; the last entry is forced to 1."""
    out = list(np.cumsum(probabilities, dtype=float))
    out[-1] = 1.0
    return out
