"""The clients the event model starts with: built so that the stocks are stationary from day 0.

A child in substitute care may have arrived up to 18 years earlier, and aftercare runs to 23 or
25, so a warm-up of a few years leaves the long stays short of their equilibrium and the stocks
drifting upward into the reported years. Instead, the children who arrived in the
:data:`PRE_YEARS` years before the model's origin are simulated with the vectorised pathway
(same rules, same parameters as at the origin, demand at the origin year's level), and those
still clients at the origin enter the event model at day 0 in the state, with the remaining
time, the same rules put them in. The event model's own warm-up then only has to settle the
assessment queues and the worker lists.

The children still in the pipeline at the origin (processing, or an assessment under way) come
too (:class:`Pipeline`): without them no new client would arrive for the first two months or so,
the open-care stock would dip by a tenth, and the dip would travel on into substitute care,
whose long stays would take a decade to recover (a slow upward drift of the reported years).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..scenario.demand_inputs import county_notifications
from ..scenario.schema import Scenario
from ..vocabulary import CLIENT_STATES, DAYS_PER_YEAR, State
from .parameters import ModelParameters
from .randomness import counter_uniforms, purpose_generator, stream_key
from .rules import ages_from
from .vectorised import MAX_STEPS, VectorisedPathway

PRE_YEARS = 26  # covers a whole childhood in care and aftercare to 25
CHUNK_CHILDREN = 100_000  # children simulated together: bounds memory at national scale


@dataclass(frozen=True)
class InitialClients:
    """Clients at the origin: area, birth, state, when the episode started and ends (model days,
    start ≤ 0 < end), and what the vectorised pathway decided follows it."""

    area: np.ndarray
    birth: np.ndarray
    state: np.ndarray
    start: np.ndarray
    end: np.ndarray
    nxt: np.ndarray
    pipeline: Pipeline


@dataclass(frozen=True)
class Pipeline:
    """Children in processing or in an assessment at the origin: area, birth, arrival, state
    (``KASITTELY`` or ``ARVIOINTI``), when that stage started and ends (model days, start ≤ 0 <
    end; an assessment's end without queueing), and what follows it."""

    area: np.ndarray
    birth: np.ndarray
    arrival: np.ndarray
    state: np.ndarray
    start: np.ndarray
    end: np.ndarray
    nxt: np.ndarray

    def in_state(self, state: State) -> np.ndarray:
        """Indices of the children in ``state``."""
        return np.flatnonzero(self.state == int(state))


def initial_clients(
    scenario: Scenario, params: ModelParameters, rep_seed: np.random.SeedSequence, day_year_index: np.ndarray
) -> InitialClients:
    """The clients at day 0 of one replication (its own stream, so scenarios that share the
    origin year's parameters share their initial clients)."""
    rng = purpose_generator(rep_seed, "initial_state")
    shares = np.array([a.notification_share for a in scenario.areas.values()])
    year = params.origin.year
    daily = county_notifications(scenario, year) / DAYS_PER_YEAR * params.demand.p_new_child[0] * shares
    pathway = VectorisedPathway(params, day_year_index)
    step_keys = [stream_key(rep_seed, f"initial_state/step{step}") for step in range(-1, MAX_STEPS)]
    oldest = max(limit for _, limit, _ in params.jalkihuolto.age_limit) * DAYS_PER_YEAR  # days of age
    pieces: list[tuple[np.ndarray, ...]] = []
    piped: list[tuple[np.ndarray, ...]] = []
    pipeline_states = [int(State.KASITTELY), int(State.ARVIOINTI)]
    days = np.arange(-int(PRE_YEARS * DAYS_PER_YEAR), 0)
    counts = rng.poisson(np.outer(np.ones(days.size), daily)).reshape(-1)  # (day, area) row-major
    day_of = np.repeat(np.repeat(days, len(shares)), counts)
    area_of = np.repeat(np.tile(np.arange(len(shares)), days.size), counts)
    for lo in range(0, day_of.size, CHUNK_CHILDREN):  # chunks bound the memory at national scale
        chunk = slice(lo, lo + CHUNK_CHILDREN)
        n = day_of[chunk].size
        arrival = day_of[chunk].astype(float) + rng.random(n)
        birth = arrival - ages_from(params.demand.age_at_notification, rng.random(n), rng.random(n))
        # nobody is a client at or past the oldest age limit of aftercare: those children cannot
        # be clients at day 0 and need no trajectory (the others' draws are their own anyway)
        kept = np.flatnonzero(-birth < oldest)
        identity = kept.astype(np.uint64) + np.uint64(lo)

        def uniforms(step: int, ids: np.ndarray, identity: np.ndarray = identity) -> np.ndarray:
            # each child's own draws for each step (counter-based): which other children are
            # still in the system never shifts them, so scenarios stay paired
            return counter_uniforms(step_keys[step + 1], identity[ids], 0, 4).T

        ep = pathway.episodes(arrival[kept], birth[kept], uniforms)
        now = (ep.start <= 0) & (ep.end > 0)
        alive = now & np.isin(ep.state, [int(s) for s in CLIENT_STATES])
        c = kept[ep.child[alive]]
        pieces.append((area_of[chunk][c], birth[c], ep.state[alive], ep.start[alive], ep.end[alive], ep.nxt[alive]))
        waiting = now & np.isin(ep.state, pipeline_states)
        w = kept[ep.child[waiting]]
        piped.append(
            (
                area_of[chunk][w],
                birth[w],
                arrival[w],
                ep.state[waiting],
                ep.start[waiting],
                ep.end[waiting],
                ep.nxt[waiting],
            )
        )
    pipeline = _pipeline(piped)
    if not pieces:
        empty = np.zeros(0)
        return InitialClients(empty.astype(int), empty, empty.astype(int), empty, empty, empty.astype(int), pipeline)
    area, birth, state, start, end, nxt = (np.concatenate(parts) for parts in zip(*pieces, strict=True))
    order = np.lexsort((birth, area))  # a stable order, independent of how cohorts were cut
    return InitialClients(area[order], birth[order], state[order], start[order], end[order], nxt[order], pipeline)


def _pipeline(pieces: list[tuple[np.ndarray, ...]]) -> Pipeline:
    """The pipeline children of every chunk, in order of arrival (then area, birth)."""
    if not pieces:
        empty = np.zeros(0)
        return Pipeline(empty.astype(int), empty, empty, empty.astype(int), empty, empty, empty.astype(int))
    area, birth, arrival, state, start, end, nxt = (np.concatenate(parts) for parts in zip(*pieces, strict=True))
    order = np.lexsort((birth, area, arrival))
    return Pipeline(area[order], birth[order], arrival[order], state[order], start[order], end[order], nxt[order])
