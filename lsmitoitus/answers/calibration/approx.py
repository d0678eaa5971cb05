"""A fast approximation of the pathway for calibration: the model core's vectorised pathway
(:mod:`lsmitoitus.model.vectorised`) with fixed random inputs.

Children arrive from :data:`MINOR_YEARS` years before the first reported year to the last year
asked for: the indicators count children aged 0–17, and a child notified that long ago is an
adult by the first reported year, so earlier arrivals cannot count (the event model's initial
state reaches further back because it also carries aftercare to 25). All random inputs are
drawn once, so the indicators are a nearly smooth function of the parameters: common random
numbers for the optimiser. A parameter that
changes how many notifications concern a new child is followed by thinning: arrivals are drawn
at the highest rate and each is kept with its own uniform.
"""

from __future__ import annotations

import datetime as dt

import numpy as np

from ...model.demand import daily_notification_rates
from ...model.parameters import ModelParameters
from ...model.vectorised import MAX_STEPS, VectorisedPathway, ages_from
from ...scenario.schema import Scenario
from ...vocabulary import DURING_YEAR_GROUPS

MINOR_YEARS = 18  # years of arrivals that can still be minors in the first reported year
GROUPS_0_17 = {name: states for name, (states, under18) in DURING_YEAR_GROUPS.items() if under18}


class PathwayApproximation:
    """Indicators of the THL groups per year from independent vectorised trajectories.

    ``copies`` multiplies the arrivals (results are divided back) to smooth the objective.
    The random inputs are fixed at construction; :meth:`indicators` may be called with any
    scenario that has the same notifications and simulation period.
    """

    def __init__(self, scenario: Scenario, last_year: int, seed: int = 12345, copies: int = 4) -> None:
        self.origin = dt.date(scenario.simulation.start.year - MINOR_YEARS, 1, 1)
        self.end_day = (dt.date(last_year, 12, 31) - self.origin).days + 1
        self.copies = copies
        rng = np.random.default_rng(seed)
        rates = daily_notification_rates(scenario, self.origin, self.end_day).sum(axis=1)
        self.p_max = 1.0  # every notification may concern a new child; thinning keeps the right share
        counts = rng.poisson(rates * self.p_max * copies)
        self.arrival = np.repeat(np.arange(self.end_day, dtype=float), counts) + rng.random(int(counts.sum()))
        n = self.arrival.size
        self.u_keep = rng.random(n)
        self.u_band = rng.random(n)
        self.u_age = rng.random(n)
        self.u = rng.random((MAX_STEPS, 4, n))
        self.n = n
        years = np.array([(self.origin + dt.timedelta(days=int(d))).year for d in range(self.end_day)])
        self.day_year = years - self.origin.year

    def episodes(
        self, scenario: Scenario, rep_seed: np.random.SeedSequence | None = None
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(child, state, start, end) of every episode of the kept children, and their 18th
        birthdays; ``rep_seed`` draws the yearly changes of ``range`` rules (else their midpoint)."""
        params = ModelParameters.from_scenario(scenario, self.origin, rep_seed)
        year_index = np.clip(self.day_year, 0, len(params.demand.p_new_child) - 1)
        p_new = np.asarray(params.demand.p_new_child)[year_index[self.arrival.astype(np.int64)]]
        keep = self.u_keep < p_new / self.p_max
        arrival = self.arrival[keep]
        birth = arrival - ages_from(params.demand.age_at_notification, self.u_band[keep], self.u_age[keep])
        ep = VectorisedPathway(params, year_index).episodes(arrival, birth, self.u[:, :, keep])
        return ep.child, ep.state, ep.start, ep.end, ep.t18

    def indicators(
        self, scenario: Scenario, years: list[int], rep_seed: np.random.SeedSequence | None = None
    ) -> dict[tuple[str, int], float]:
        """Distinct children aged 0–17 in each THL group during each year (county counts)."""
        child, state, start, end, t18 = self.episodes(scenario, rep_seed)
        out: dict[tuple[str, int], float] = {}
        for year in years:
            y0 = float((dt.date(year, 1, 1) - self.origin).days)
            y1 = float((dt.date(year + 1, 1, 1) - self.origin).days)
            overlap = (start < y1) & (end > y0)
            minor = np.maximum(start, y0) < t18[child]
            for group, states in GROUPS_0_17.items():
                mask = overlap & minor & np.isin(state, [int(s) for s in states])
                out[(group, year)] = np.unique(child[mask]).size / self.copies
        return out
