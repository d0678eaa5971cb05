"""A fast approximation of the pathway for calibration: the model core's vectorised pathway
(:mod:`lsmitoitus.model.vectorised`) with fixed random inputs.

Children arrive from :data:`PRE_YEARS` years before the first reported year to the last year
asked for: the indicators count children aged 0–17 and young people in aftercare up to 25, and a
child notified that long ago is past 25 by the first reported year, so earlier arrivals cannot
count. Besides THL's during-the-year groups the approximation gives the national evidence a
calibration applies to a county (:mod:`.evidence`): new care orders in the year, young people
aged 18 or more in aftercare during the year, and the children on the responsible workers' lists
on THL's monitoring days (every child under 18 in a client state). All random inputs are
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
from ...model.pathway import thl_monitoring_days
from ...model.rules import ages_from
from ...model.vectorised import MAX_STEPS, VectorisedPathway
from ...scenario.schema import Scenario
from ...vocabulary import CLIENT_STATES, DURING_YEAR_GROUPS, Ages, State

PRE_YEARS = 26  # years of arrivals that can still be clients (aftercare to 25) in the first reported year
GROUPS_0_17 = {name: states for name, (states, ages) in DURING_YEAR_GROUPS.items() if ages == Ages.MINORS}


class PathwayApproximation:
    """Indicators of the THL groups per year from independent vectorised trajectories.

    ``copies`` multiplies the arrivals (results are divided back) to smooth the objective.
    The random inputs are fixed at construction; :meth:`indicators` may be called with any
    scenario that has the same notifications and simulation period.
    """

    def __init__(self, scenario: Scenario, last_year: int, seed: int = 12345, copies: int = 4) -> None:
        self.origin = dt.date(scenario.simulation.start.year - PRE_YEARS, 1, 1)
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
        """Per year: distinct children aged 0–17 in each THL group during the year, new care orders,
        young people aged 18+ in aftercare during the year, and the mean over THL's monitoring days
        of the children under 18 in a client state (on a worker's list): county counts."""
        child, state, start, end, t18 = self.episodes(scenario, rep_seed)
        out: dict[tuple[str, int], float] = {}
        aftercare = state == int(State.JALKIHUOLTO)
        client = np.isin(state, [int(s) for s in CLIENT_STATES])
        for year in years:
            y0 = float((dt.date(year, 1, 1) - self.origin).days)
            y1 = float((dt.date(year + 1, 1, 1) - self.origin).days)
            overlap = (start < y1) & (end > y0)
            minor = np.maximum(start, y0) < t18[child]
            for group, states in GROUPS_0_17.items():
                mask = overlap & minor & np.isin(state, [int(s) for s in states])
                out[(group, year)] = np.unique(child[mask]).size / self.copies
            adult = np.minimum(end, y1) > np.maximum(np.maximum(start, y0), t18[child])
            out[("jalkihuollossa_18_plus", year)] = np.unique(child[aftercare & overlap & adult]).size / self.copies
            care = state == int(State.SIJAISHUOLTO)
            out[("huostaanotot", year)] = float(np.count_nonzero(care & (start >= y0) & (start < y1))) / self.copies
            days = [float(d) for d, _ in thl_monitoring_days(dt.date(year, 1, 1), dt.date(year, 12, 31), self.origin)]
            on_lists = [np.count_nonzero(client & (start <= d) & (end > d) & (d < t18[child])) for d in days]
            out[("listoilla_lapsia", year)] = float(np.mean(on_lists)) / self.copies
        return out
