"""model/vectorised.py: the pathway for many independent children at once, which calibration's
approximation and every run's initial state use. It applies the event model's rules (the same
functions and tables, model/rules.py), so under inputs where the event model's extra machinery
cannot matter (no queues, no siblings, flat demand) both give the same expected stocks and
flows: checked within their standard errors, replication against replication."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from conftest import flat_scenario

from lsmitoitus.model import PathwayModel
from lsmitoitus.model.parameters import ModelParameters
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.raw import FLOW, STOCK
from lsmitoitus.model.rules import ADULT_DAYS, ages_from
from lsmitoitus.model.vectorised import EXIT, MAX_STEPS, VectorisedPathway
from lsmitoitus.scenario.demand_inputs import county_notifications
from lsmitoitus.vocabulary import DAYS_PER_YEAR, State

REPLICATIONS = 12
YEARS = 4
PRE_YEARS = 26  # arrivals early enough that every child who can still be a client has arrived
#: no queues (assessments start at once, as the vectorised pathway has them), no siblings (they
#: share decisions in the event model), even seasons: what is left is the rules
FLAT = {
    "arviointi": {"when_short": "extra_capacity"},
    "demand": {"family_size_mean": 1.0, "seasonality": [1.0] * 12},
}
STOCKS = ("arviointi", "avohuolto", "avohuollon_sijoitus", "kiireellinen_sijoitus", "sijaishuolto", "jalkihuolto")
ENTRIES = ("avohuolto", "avohuollon_sijoitus", "kiireellinen_sijoitus", "sijaishuolto", "jalkihuolto")


def uniforms(seed: int, n: int) -> np.ndarray:
    return np.random.default_rng(seed).random((MAX_STEPS, 4, n))


@pytest.mark.unit
def test_the_same_inputs_give_the_same_trajectories() -> None:
    p = ModelParameters.from_scenario(flat_scenario(1), dt.date(2020, 1, 1))
    rng = np.random.default_rng(1)
    arrival = rng.random(500) * 2000.0
    birth = arrival - ages_from(p.demand.age_at_notification, rng.random(500), rng.random(500))
    pathway = VectorisedPathway(p, np.zeros(5000, dtype=np.int64))
    a, b = pathway.episodes(arrival, birth, uniforms(2, 500)), pathway.episodes(arrival, birth, uniforms(2, 500))
    assert all(np.array_equal(getattr(a, f), getattr(b, f)) for f in ("child", "state", "start", "end", "nxt"))


@pytest.mark.unit
def test_episodes_follow_one_another_and_respect_18() -> None:
    """Each child's episodes are contiguous in time and in state (what one decides follows it);
    open care and placements of a minor end at 18 at the latest."""
    p = ModelParameters.from_scenario(flat_scenario(1), dt.date(2020, 1, 1))
    rng = np.random.default_rng(3)
    n = 3000
    arrival = rng.random(n) * 4000.0
    birth = arrival - ages_from(p.demand.age_at_notification, rng.random(n), rng.random(n))
    ep = VectorisedPathway(p, np.zeros(20000, dtype=np.int64)).episodes(arrival, birth, uniforms(4, n))
    order = np.lexsort((ep.start, ep.child))
    child, state, start, end, nxt = (x[order] for x in (ep.child, ep.state, ep.start, ep.end, ep.nxt))
    same = child[1:] == child[:-1]
    assert np.all(end >= start)
    assert np.array_equal(start[1:][same], end[:-1][same])
    assert np.all(nxt[:-1][same] == state[1:][same])
    assert np.all(nxt[np.append(~same, True)] == EXIT)  # a child's last episode ends in an exit
    minors_only = np.isin(state, [State.AVOHUOLTO, State.AVOHUOLLON_SIJOITUS, State.SIJAISHUOLTO])
    assert np.all(end[minors_only] <= ep.birth[child[minors_only]] + ADULT_DAYS + 1e-9)


def event_model(seed: int) -> tuple[dict[str, float], list[float], list[float]]:
    """One replication of the event model: mean month-end stock and yearly entries of each
    state (county), and the month-end times and year boundaries (model days) they cover."""
    s = flat_scenario(YEARS, REPLICATIONS, changes=FLAT)
    run = PathwayModel(s, replication_seeds(seed, 1)[0]).run()
    raw = run.raw
    times = [float(b) for b in run.month_boundaries if b > run.report_start][: raw.stocks.shape[0]]
    out = {f"{u} children": float(raw.stocks[:, :, STOCK[(u, "children")]].sum(axis=1).mean()) for u in STOCKS}
    out |= {f"{u} entries a year": float(raw.flows[:, :, FLOW[(u, "entries")]].sum()) / YEARS for u in ENTRIES}
    origin = run.origin
    years = [float((origin.replace(year=origin.year + k) - origin).days) for k in range(1, YEARS + 2)]
    return out, times, years


def vectorised(seed: int, times: list[float], years: list[float]) -> dict[str, float]:
    """The same quantities from the vectorised pathway: arrivals at the event model's rate from
    long before the origin to the end of the run, each child on its own."""
    s = flat_scenario(YEARS, REPLICATIONS, changes=FLAT)
    origin = dt.date(s.simulation.start.year - s.simulation.warmup_years, 1, 1)
    p = ModelParameters.from_scenario(s, origin)
    rng = np.random.default_rng(seed)
    daily = county_notifications(s, origin.year) / DAYS_PER_YEAR * p.demand.p_new_child[0]
    first, last = -PRE_YEARS * DAYS_PER_YEAR, years[-1]
    n = int(rng.poisson(daily * (last - first)))
    arrival = np.sort(first + rng.random(n) * (last - first))
    birth = arrival - ages_from(p.demand.age_at_notification, rng.random(n), rng.random(n))
    year_index = np.zeros(int(last) + 1, dtype=np.int64)  # flat inputs: one year's tables
    ep = VectorisedPathway(p, year_index).episodes(arrival, birth, lambda step, ids: rng.random((4, ids.size)))
    t = np.asarray(times)
    out = {}
    for unit in STOCKS:
        mask = ep.state == int(State[unit.upper()])
        start, end = np.sort(ep.start[mask]), np.sort(ep.end[mask])
        # in the state at t: started at or before t, not yet ended
        in_state = np.searchsorted(start, t, side="right") - np.searchsorted(end, t, side="right")
        out[f"{unit} children"] = float(np.mean(in_state))
    for unit in ENTRIES:
        start = ep.start[ep.state == int(State[unit.upper()])]
        out[f"{unit} entries a year"] = float(np.count_nonzero((start >= years[0]) & (start < years[-1]))) / YEARS
    return out


@pytest.mark.integration
def test_the_vectorised_pathway_gives_the_event_models_stocks_and_flows() -> None:
    """Under flat inputs, no queues and no siblings, the mean of each stock over the reported
    month ends and the yearly entries into each state agree within four standard errors of the
    difference (independent replications of each model, fixed seeds)."""
    runs = [event_model(seed) for seed in range(REPLICATIONS)]
    _, times, years = runs[0]
    fast = [vectorised(100 + seed, times, years) for seed in range(REPLICATIONS)]
    for name in runs[0][0]:
        a = np.array([run[0][name] for run in runs])
        b = np.array([f[name] for f in fast])
        standard_error = math.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
        assert a.mean() > 5, f"{name}: too few to compare ({a.mean():.1f})"
        assert abs(a.mean() - b.mean()) <= 4 * standard_error, (
            f"{name}: event model {a.mean():.1f}, vectorised {b.mean():.1f} (± {standard_error:.1f})"
        )
