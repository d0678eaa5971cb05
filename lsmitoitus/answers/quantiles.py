"""Quantiles over replications, and how well the replications pin them down.

A requirement "with 90 % confidence" is the 0.9 quantile of the replications' requirements. With
a few dozen replications the sample's own quantile is coarse (with 10 it is simply the worst
replication), so:

* the point estimate is the **Harrell–Davis** quantile: a weighted mean of all order statistics,
  the weights a Beta((n+1)q, (n+1)(1−q)) distribution's mass on each (Harrell & Davis 1982,
  Biometrika 69:635). It uses every replication, so it moves smoothly as replications are added;
* its Monte-Carlo error is a **bootstrap** over replications (resampling whole replications, so
  the teams of one replication stay together and a total over teams keeps their correlation): the
  standard deviation of the estimate over resamples, from a fixed seed so reruns are identical;
* a distribution-free **order-statistic interval** [X(r), X(s)] covers the true quantile with
  probability at least the level whatever the distribution (the number of replications below it
  is binomial), when n is large enough for one to exist: the test of whether n replications can
  carry a figure "with 90 % confidence" at all.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

import numpy as np
from scipy.stats import beta, binom

BOOTSTRAP_RESAMPLES = 400
BOOTSTRAP_SEED = 20240101


def harrell_davis(values: np.ndarray, q: float) -> float:
    """The Harrell–Davis estimate of the ``q`` quantile of ``values`` (NaN ignored; NaN if none)."""
    x = np.sort(np.asarray(values, dtype=float)[~np.isnan(values)])
    n = x.size
    if n == 0:
        return math.nan
    if n == 1:
        return float(x[0])
    return float(np.dot(harrell_davis_weights(n, q), x))


@lru_cache(maxsize=256)
def harrell_davis_weights(n: int, q: float) -> np.ndarray:
    """The Harrell–Davis weights of the n order statistics for the ``q`` quantile (read-only;
    kept, since an answer asks for the same few n and q thousands of times, a bootstrap 400
    times per figure)."""
    edges = beta.cdf(np.arange(n + 1) / n, (n + 1) * q, (n + 1) * (1.0 - q))
    weights = np.diff(edges)
    weights.setflags(write=False)
    return weights


def harrell_davis_columns(values: np.ndarray, q: float) -> np.ndarray:
    """:func:`harrell_davis` of every column of a (replications, k) array without NaN."""
    x = np.sort(np.asarray(values, dtype=float), axis=0)
    n = x.shape[0]
    if n == 1:
        return x[0]
    return harrell_davis_weights(n, q) @ x


@lru_cache(maxsize=256)
def order_statistic_interval(n: int, q: float, level: float = 0.95) -> tuple[int, int] | None:
    """1-based ranks (r, s) such that [X(r), X(s)] of n replications covers the ``q`` quantile
    with probability at least ``level``, as narrow and as central as the binomial allows; None
    when n replications are too few for any such interval (e.g. 20 for the 0.9 quantile)."""
    tail = (1.0 - level) / 2.0
    ranks = np.arange(1, n + 1)
    below = binom.sf(ranks - 1, n, q)  # P(X(r) <= x_q) = P(Bin(n, q) >= r)
    above = binom.cdf(ranks - 1, n, q)  # P(X(s) >= x_q) = P(Bin(n, q) <= s - 1)
    low, high = ranks[below >= 1.0 - tail], ranks[above >= 1.0 - tail]
    if low.size == 0 or high.size == 0:
        return None
    return int(low.max()), int(high.min())


def quantile_interval(values: np.ndarray, q: float, level: float = 0.95) -> tuple[float, float] | None:
    """The order-statistic interval of the ``q`` quantile from ``values`` (NaN ignored), or None."""
    x = np.sort(np.asarray(values, dtype=float)[~np.isnan(values)])
    ranks = order_statistic_interval(x.size, q, level)
    if ranks is None:
        return None
    return float(x[ranks[0] - 1]), float(x[ranks[1] - 1])


def can_carry(n: int, q: float, level: float = 0.95) -> bool:
    """Whether n replications can carry a figure "at the ``q`` quantile": an interval exists."""
    return order_statistic_interval(n, q, level) is not None


def bootstrap_se(
    values: np.ndarray, statistic: Callable[[np.ndarray], float], resamples: int = BOOTSTRAP_RESAMPLES
) -> float:
    """The bootstrap standard error of ``statistic`` of (replications, …) ``values``: whole
    replications resampled with replacement from a fixed seed."""
    n = values.shape[0]
    if n < 2:
        return math.nan
    rng = np.random.default_rng(BOOTSTRAP_SEED)
    draws = [statistic(values[rng.integers(0, n, n)]) for _ in range(resamples)]
    return float(np.std(draws, ddof=1))
