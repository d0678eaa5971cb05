"""A fast approximation of the pathway for calibration: independent children, vectorised.

In the discrete-event model children interact only through assessment slots (which delay
assessments) and worker lists (which do not change anyone's pathway). Dropping those
interactions leaves independent trajectories that numpy can advance for all children at once.
All random inputs (arrivals, ages, uniforms for choices, normal scores for durations) are drawn
once, so the indicators are a deterministic, nearly smooth function of the parameters: common
random numbers for the optimiser. Durations use inverse transforms of the fixed normal scores
(gamma via the Wilson–Hilferty approximation), processing delays are converted to calendar days
at 7/5 days per working day, and assessments never queue. Calibration confirms and corrects
the fit with the discrete-event model itself.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from scipy.special import ndtr

from ..model.demand import daily_notification_rates
from ..model.law import age_limit_reached_array
from ..scenario.schema import Duration, Scenario, WorkingDayDelay, by_age
from ..vocabulary import AGE_BAND_BOUNDS, AGE_BANDS, DAYS_PER_YEAR, DURING_YEAR_GROUPS, State

KASITTELY, ARVIOINTI, AVOHUOLTO = State.KASITTELY, State.ARVIOINTI, State.AVOHUOLTO
AVOHUOLLON_SIJOITUS, KIIREELLINEN_SIJOITUS = State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS
SIJAISHUOLTO, JALKIHUOLTO = State.SIJAISHUOLTO, State.JALKIHUOLTO

EXIT = -1
AFTERCARE = -2  # a placement ended: aftercare is offered
MAX_STEPS = 24
CALENDAR_DAYS_PER_WORKING_DAY = 7.0 / 5.0
GROUPS_0_17 = {name: states for name, (states, under18) in DURING_YEAR_GROUPS.items() if under18}


def _durations(spec: Duration | WorkingDayDelay, z: np.ndarray) -> np.ndarray:
    """Inverse-transform durations from fixed standard-normal scores (same mean and cv)."""
    mean = spec.mean_days if isinstance(spec, Duration) else spec.mean_working_days
    cv = 1.0 if spec.distribution == "exponential" else spec.cv
    if spec.distribution == "lognormal":
        sigma = np.sqrt(np.log1p(cv * cv))
        return mean * np.exp(sigma * z - 0.5 * sigma * sigma)
    if spec.distribution == "exponential":
        return -mean * np.log1p(-np.clip(ndtr(z), 0.0, 1.0 - 1e-12))
    shape = 1.0 / (cv * cv)
    c = 1.0 / (9.0 * shape)
    return mean * np.maximum(1.0 - c + z * np.sqrt(c), 1e-3) ** 3


def _band(age_days: np.ndarray) -> np.ndarray:
    upper = np.array([hi for _, hi in AGE_BAND_BOUNDS], dtype=float) * DAYS_PER_YEAR
    return np.minimum(np.searchsorted(upper, age_days, side="right"), len(AGE_BANDS) - 1)


class PathwayApproximation:
    """Indicators of the THL groups per year from independent vectorised trajectories.

    ``copies`` multiplies the arrivals (results are divided back) to smooth the objective.
    The random inputs are fixed at construction; :meth:`indicators` may be called with any
    scenario that has the same demand and simulation period.
    """

    def __init__(self, scenario: Scenario, last_year: int, seed: int = 12345, copies: int = 4) -> None:
        sim = scenario.simulation
        self.origin = dt.date(sim.start.year - sim.warmup_years, sim.start.month, 1)
        self.end_day = (dt.date(last_year, 12, 31) - self.origin).days + 1
        self.copies = copies
        rng = np.random.default_rng(seed)
        rates = daily_notification_rates(scenario, self.origin, self.end_day).sum(axis=1)
        demand = scenario.demand
        p_new = (1.0 - demand.already_client_share) / demand.notifications_per_notified_child
        counts = rng.poisson(rates * p_new * copies)
        self.arrival = np.repeat(np.arange(self.end_day, dtype=float), counts)
        n = self.arrival.size
        self.u_band = rng.random(n)
        self.u_age = rng.random(n)
        self.u = rng.random((MAX_STEPS, 3, n))
        self.z = rng.standard_normal((MAX_STEPS, n))
        self.n = n

    def _ages(self, scenario: Scenario) -> np.ndarray:
        shares = np.array([scenario.demand.age_at_notification[b] for b in AGE_BANDS])
        band = np.minimum(np.searchsorted(np.cumsum(shares), self.u_band, side="right"), len(AGE_BANDS) - 1)
        bounds = np.asarray(AGE_BAND_BOUNDS, dtype=float)
        lo, hi = bounds[band, 0], bounds[band, 1]
        return (lo + (hi - lo) * self.u_age) * DAYS_PER_YEAR

    def episodes(self, scenario: Scenario) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(child, state, start, end) of every episode, and each child's 18th birthday."""
        s = scenario
        birth = self.arrival - self._ages(s)
        t18 = birth + 18 * DAYS_PER_YEAR
        p_urgent = np.array(by_age(s.kasittely.p_kiireellinen_sijoitus))
        p_assess = np.array(by_age(s.kasittely.p_arviointi))
        p_avohuolto = np.array(by_age(s.arviointi.p_avohuolto))
        ao = s.avohuolto
        ao_cum = np.cumsum(
            np.stack([by_age(ao.p_avohuollon_sijoitus), by_age(ao.p_kiireellinen_sijoitus), by_age(ao.p_huostaanotto)]),
            axis=0,
        )
        as_care = np.array(by_age(s.avohuollon_sijoitus.p_huostaanotto))
        ks = s.kiireellinen_sijoitus
        ks_care = np.array(by_age(ks.p_huostaanotto))
        schedule = [(float((st.start - self.origin).days), float(st.value)) for st in s.jalkihuolto.age_limit]
        max_after = s.jalkihuolto.max_years_after_placement * DAYS_PER_YEAR

        state = np.where(self.u[0, 0] < p_urgent[_band(self.arrival - birth)], KIIREELLINEN_SIJOITUS, KASITTELY)
        t = self.arrival.copy()
        placement_end = np.zeros(self.n)
        out_child, out_state, out_start, out_end = [], [], [], []
        idx = np.arange(self.n)
        for step in range(MAX_STEPS):
            active = state >= 0
            if not active.any():
                break
            u0, u1, u2 = self.u[(step + 1) % MAX_STEPS]
            z = self.z[step]
            band = _band(t - birth)
            end = t.copy()
            nxt = np.full(self.n, EXIT)

            m = state == KASITTELY
            delay = np.maximum(1.0, np.ceil(_durations(s.kasittely.delay, z[m]))) * CALENDAR_DAYS_PER_WORKING_DAY
            end[m] = t[m] + delay
            nxt[m] = np.where(u0[m] < p_assess[_band(end[m] - birth[m])], ARVIOINTI, EXIT)

            m = state == ARVIOINTI
            end[m] = t[m] + _durations(s.arviointi.duration, z[m])
            nxt[m] = np.where((end[m] < t18[m]) & (u0[m] < p_avohuolto[_band(end[m] - birth[m])]), AVOHUOLTO, EXIT)

            m = state == AVOHUOLTO
            cum = ao_cum[:, band[m]]
            choice = np.select(
                [u0[m] < cum[0], u0[m] < cum[1], u0[m] < cum[2]],
                [AVOHUOLLON_SIJOITUS, KIIREELLINEN_SIJOITUS, SIJAISHUOLTO],
                EXIT,
            )
            end[m] = t[m] + _durations(ao.duration, z[m])
            aged = end[m] >= t18[m]
            end[m] = np.where(aged, t18[m], end[m])
            nxt[m] = np.where(aged, EXIT, choice)

            m = state == AVOHUOLLON_SIJOITUS
            end[m] = t[m] + _durations(s.avohuollon_sijoitus.duration, z[m])
            aged = end[m] >= t18[m]
            long_enough = (t18[m] - t[m]) >= s.avohuollon_sijoitus.jalkihuolto_min_days
            nxt[m] = np.where(
                aged,
                np.where(long_enough, AFTERCARE, EXIT),
                np.where(u0[m] < as_care[band[m]], SIJAISHUOLTO, AVOHUOLTO),
            )
            end[m] = np.where(aged, t18[m], end[m])

            m = state == KIIREELLINEN_SIJOITUS
            to_care = u0[m] < ks_care[band[m]]
            cap = ks.max_days + np.where(u1[m] < ks.p_extension, ks.extension_max_days, 0.0)
            home = np.minimum(_durations(ks.home_duration, z[m]), cap)
            end[m] = t[m] + np.where(to_care, _durations(ks.until_care_order, z[m]), home)
            aged = end[m] >= t18[m]
            nxt[m] = np.where(aged, AFTERCARE, np.where(to_care, SIJAISHUOLTO, AVOHUOLTO))
            end[m] = np.where(aged, t18[m], end[m])

            m = state == SIJAISHUOLTO
            end[m] = np.minimum(t[m] + _durations(s.sijaishuolto.duration, z[m]), t18[m])
            nxt[m] = AFTERCARE

            m = state == JALKIHUOLTO
            wanted = t[m] + _durations(s.jalkihuolto.duration, z[m])
            limit = age_limit_reached_array(schedule, birth[m], t[m])
            end[m] = np.minimum(np.minimum(wanted, placement_end[m] + max_after), limit)
            nxt[m] = EXIT

            out_child.append(idx[active])
            out_state.append(state[active])
            out_start.append(t[active])
            out_end.append(end[active])

            offered = nxt == AFTERCARE
            placement_end[offered] = end[offered]
            nxt[offered] = np.where(u2[offered] < s.jalkihuolto.uptake, JALKIHUOLTO, EXIT)
            t = end
            state = np.where(active, nxt, EXIT)
        return (
            np.concatenate(out_child),
            np.concatenate(out_state),
            np.concatenate(out_start),
            np.concatenate(out_end),
            t18,
        )

    def indicators(self, scenario: Scenario, years: list[int]) -> dict[tuple[str, int], float]:
        """Distinct children aged 0–17 in each THL group during each year (county counts)."""
        child, state, start, end, t18 = self.episodes(scenario)
        out: dict[tuple[str, int], float] = {}
        for year in years:
            y0 = float((dt.date(year, 1, 1) - self.origin).days)
            y1 = float((dt.date(year + 1, 1, 1) - self.origin).days)
            overlap = (start < y1) & (end > y0)
            minor = np.maximum(start, y0) < t18[child]
            for group, states in GROUPS_0_17.items():
                mask = overlap & minor & np.isin(state, states)
                out[(group, year)] = np.unique(child[mask]).size / self.copies
        return out
