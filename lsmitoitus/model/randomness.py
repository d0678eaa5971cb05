"""Random numbers: replication seeds, per-purpose streams and per-child counter-based draws.

Replication streams come from ``SeedSequence(seed).spawn(n)``, so replication r draws the same
numbers whichever process or machine runs it. Inside a replication:

* every purpose that is not a child's (arrivals per area, each post's staffing, parameter
  draws) has its own stream keyed by a stable hash of its name;
* every child has its own numbers: the uniform number ``j`` of the child with identity ``i`` is
  a hash of (replication key, i·64 + j) — a counter-based generator (SplitMix64's output
  function, Steele, Lea & Flood 2014, as used by Java's SplittableRandom). A child's identity
  is its area, arrival day and rank that day, so two scenarios that share a child's arrival
  give it the same numbers, and a policy that changes one child's path cannot shift any other
  child's draws (common random numbers, child by child).
"""

from __future__ import annotations

import math
import statistics
import zlib
from collections.abc import Callable, Sequence

import numpy as np

from ..scenario.schema import Duration, WorkingDayDelay

_NORMAL = statistics.NormalDist()

BLOCK = 4096
SLOTS_PER_CHILD = 64  # counter space of one child: arrival draws, then event draws
_GOLDEN = 0x9E3779B97F4A7C15
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
_MASK = (1 << 64) - 1


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


def stream_key(rep_seed: np.random.SeedSequence, purpose: str) -> int:
    """A 64-bit key of one replication and purpose for counter-based draws."""
    key = zlib.crc32(purpose.encode("utf-8"))
    state = np.random.SeedSequence(rep_seed.entropy, spawn_key=(*rep_seed.spawn_key, key)).generate_state(2)
    return int(state[0]) << 32 | int(state[1])


def child_identity(area: np.ndarray, day: np.ndarray, rank: np.ndarray) -> np.ndarray:
    """Identities of children: area (< 1024), arrival day (< 2^17) and rank that day (< 4096)."""
    return (day.astype(np.uint64) << np.uint64(22)) | (area.astype(np.uint64) << np.uint64(12)) | rank.astype(np.uint64)


def counter_uniforms(key: int, identities: np.ndarray, first: int, count: int) -> np.ndarray:
    """Uniforms on [0, 1) number first..first+count-1 of each child, shape (len(identities), count)."""
    counters = identities.astype(np.uint64)[:, None] * np.uint64(SLOTS_PER_CHILD) + np.arange(
        first, first + count, dtype=np.uint64
    )
    with np.errstate(over="ignore"):
        z = np.asarray(counters * np.uint64(_GOLDEN) + np.uint64(key), dtype=np.uint64)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(_MIX1)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(_MIX2)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0**-53


def counter_uniform(key: int, identity: int, j: int) -> float:
    """The same draw as :func:`counter_uniforms`, one at a time (for a child's rare extra draws)."""
    z = (key + (identity * SLOTS_PER_CHILD + j) * _GOLDEN) & _MASK
    z = ((z ^ (z >> 30)) * _MIX1) & _MASK
    z = ((z ^ (z >> 27)) * _MIX2) & _MASK
    return ((z ^ (z >> 31)) >> 11) * 2.0**-53


class Sampler:
    """Inverse CDF of a duration (days): a uniform in, a draw with the spec's distribution,
    mean and cv out. Exact for every family (statistics' inverse normal CDF, scipy's inverse
    regularised incomplete gamma), so a child's duration is a monotone function of its own
    uniform: common random numbers carry over to any change of the mean."""

    __slots__ = ("draw", "mean")

    def __init__(self, family: str, mean: float, cv: float) -> None:
        self.mean = mean
        if family == "exponential":
            self.draw: Callable[[float], float] = lambda u: -mean * math.log1p(-u)
        elif family == "lognormal":
            sigma = math.sqrt(math.log1p(cv * cv))
            mu = math.log(mean) - 0.5 * sigma * sigma
            inv = _NORMAL.inv_cdf
            self.draw = lambda u: math.exp(mu + sigma * inv(min(max(u, 1e-15), 1 - 1e-15)))
        elif family == "gamma":
            # plans, budgets and the app import the model core without sampling from it
            # lazy: scipy.special adds ~0.2 s to importing the model core
            from scipy.special import gammaincinv

            shape = 1.0 / (cv * cv)
            scale = mean / shape
            self.draw = lambda u: scale * float(gammaincinv(shape, u))
        else:
            raise ValueError(f"unknown distribution {family!r}")

    def __call__(self, u: float) -> float:
        """The draw for uniform ``u`` (``draw`` is the same function, one call cheaper)."""
        return self.draw(u)

    @classmethod
    def of(cls, spec: Duration | WorkingDayDelay, scale: float = 1.0) -> Sampler:
        """A sampler of ``spec`` with its mean multiplied by ``scale``."""
        mean = spec.mean_days if isinstance(spec, Duration) else spec.mean_working_days
        cv = 1.0 if spec.distribution == "exponential" else spec.cv
        return cls(spec.distribution, mean * scale, cv)


def sample_array(spec: Duration | WorkingDayDelay, u: np.ndarray) -> np.ndarray:
    """Vectorised :class:`Sampler`: the draws of ``spec`` for an array of uniforms."""
    # lazy: scipy.special adds ~0.2 s to importing the model core (see Sampler)
    from scipy.special import gammaincinv, ndtri

    mean = spec.mean_days if isinstance(spec, Duration) else spec.mean_working_days
    u = np.clip(u, 1e-15, 1 - 1e-15)
    if spec.distribution == "exponential":
        return -mean * np.log1p(-u)
    if spec.distribution == "lognormal":
        sigma = math.sqrt(math.log1p(spec.cv * spec.cv))
        return mean * np.exp(sigma * ndtri(u) - 0.5 * sigma * sigma)
    shape = 1.0 / (spec.cv * spec.cv)
    return mean / shape * gammaincinv(shape, u)


def whole_days(spec: Duration | WorkingDayDelay, u: np.ndarray) -> np.ndarray:
    """``ceil(sample_array(spec, u))`` without inverting the CDF for every draw: the number of
    whole days k is the smallest with F(k) ≥ u, found by a binary search in F evaluated at whole
    days (tens of points instead of a special-function inverse per draw; the same integers)."""
    # lazy: scipy.special adds ~0.2 s to importing the model core (see Sampler)
    from scipy.special import gammainc, ndtr

    u = np.asarray(u, dtype=float)
    if u.size == 0:
        return np.zeros(0, dtype=np.int64)
    mean = spec.mean_days if isinstance(spec, Duration) else spec.mean_working_days
    top = math.ceil(float(sample_array(spec, np.array([u.max()]))[0])) + 1
    k = np.arange(top + 1, dtype=float)
    if spec.distribution == "exponential":
        cdf = -np.expm1(-k / mean)
    elif spec.distribution == "lognormal":
        sigma = math.sqrt(math.log1p(spec.cv * spec.cv))
        with np.errstate(divide="ignore"):
            cdf = ndtr((np.log(k / mean) + 0.5 * sigma * sigma) / sigma)
    else:
        shape = 1.0 / (spec.cv * spec.cv)
        cdf = gammainc(shape, k * shape / mean)
    return np.searchsorted(cdf, np.clip(u, 1e-15, 1 - 1e-15), side="left").astype(np.int64)


def poisson_quantile(u: np.ndarray, lam: np.ndarray) -> np.ndarray:
    """Smallest k with P(X ≤ k) ≥ u for X ~ Poisson(lam), elementwise: the inverse transform,
    so a larger mean never gives fewer events for the same u (common random numbers)."""
    u, lam = np.broadcast_arrays(np.asarray(u, dtype=float), np.asarray(lam, dtype=float))
    if lam.size and float(lam.max()) > 500:  # exp(−λ) would underflow: scipy's own inverse
        from scipy.stats import poisson  # lazy: ~0.9 s, and only national-scale demand needs it

        return poisson.ppf(u, lam).astype(np.int64)
    pmf = np.exp(-lam)
    cdf = pmf.copy()
    k = np.zeros(u.shape, dtype=np.int64)
    m = 0
    below = u > cdf
    while below.any():
        m += 1
        pmf = pmf * lam / m
        cdf = cdf + pmf
        k += below
        below = below & (u > cdf) & (pmf > 0)
    return k


def binomial_quantile(u: np.ndarray, n: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Smallest k with P(X ≤ k) ≥ u for X ~ Binomial(n, p), elementwise (inverse transform)."""
    u, n, p = np.broadcast_arrays(np.asarray(u, dtype=float), np.asarray(n), np.asarray(p, dtype=float))
    q = 1.0 - p
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(q > 0, p / q, np.inf)
    pmf = np.where(q > 0, q**n, (n == 0).astype(float))
    cdf = pmf.copy()
    k = np.zeros(u.shape, dtype=np.int64)
    below = (u > cdf) & (k < n)
    while below.any():
        pmf = np.where(below, pmf * (n - k) / (k + 1) * ratio, pmf)
        cdf = cdf + np.where(below, pmf, 0.0)
        k += below
        below = below & (u > cdf) & (k < n)
    return np.where(q > 0, k, n)


def add_counts(target: np.ndarray, month: np.ndarray, area: np.ndarray, weights: np.ndarray | None = None) -> None:
    """``target[month, area] += weights`` (1 each by default) for repeated indices, by bincount."""
    n_months, n_areas = target.shape
    flat = np.bincount(month * n_areas + area, weights=weights, minlength=n_months * n_areas)
    target += flat[: n_months * n_areas].reshape(n_months, n_areas)
