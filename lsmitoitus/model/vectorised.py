"""The pathway for many independent children at once (numpy), without queues or worker lists.

In the discrete-event model children interact only through assessment slots (which delay
assessments) and worker lists (which do not change anyone's pathway). Dropping those
interactions leaves independent trajectories that numpy advances for all children together, one
episode at a time. Two users:

* calibration (:mod:`lsmitoitus.calibration.approx`): with fixed random inputs the indicators
  are a nearly smooth function of the parameters, which an optimiser can use;
* the event model's initial state (:mod:`.initial_state`): children who arrived in the decades
  before the model's origin, and are still clients at it, start the event model in the state
  the same rules put them in, so the stocks are stationary from the first day.

Durations use the same exact inverse CDFs as the event model, and the rules both apply are the
same functions and tables (:mod:`.rules`); processing delays are converted to calendar days at
7/5 days per working day; assessments never queue; probabilities follow the year in force at
each decision (``ModelParameters``'s by-year tables); the levers are not applied (the initial
state and calibration precede them).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..vocabulary import Outcome, State
from .law import aftercare_end_array
from .parameters import AVOHUOLTO_OUTCOMES, ModelParameters
from .randomness import sample_array, whole_days
from .rules import ADULT_DAYS, band_of, client_after_assessment, emergency_home_cap

Uniforms = Callable[[int, np.ndarray], np.ndarray]  # (step, child ids) -> (4, len(ids)) uniforms
EXIT = int(Outcome.NONE)
AFTERCARE = -2  # a placement ended: aftercare is offered
#: the placements an open-care episode can follow (it then escalates without the placement rule's offset)
PLACEMENTS = np.array([int(State.AVOHUOLLON_SIJOITUS), int(State.KIIREELLINEN_SIJOITUS)])
MAX_STEPS = 24
CALENDAR_DAYS_PER_WORKING_DAY = 7.0 / 5.0
_AVOHUOLTO_OUTCOMES = np.array([int(o) for o in AVOHUOLTO_OUTCOMES])


@dataclass(frozen=True)
class Episodes:
    """Every episode of every child: child index, state, start and end (model days), what
    follows it (a State, EXIT or, after the aftercare offer, the offer's outcome), and each
    child's birth and 18th birthday."""

    child: np.ndarray
    state: np.ndarray
    start: np.ndarray
    end: np.ndarray
    nxt: np.ndarray
    birth: np.ndarray
    t18: np.ndarray


class VectorisedPathway:
    """Independent trajectories of children arriving at ``arrival`` (model days) with ``birth``.

    ``u`` holds (MAX_STEPS, 4, n) uniforms: one row per episode step for choices and durations;
    the same inputs give the same trajectories, so a parameter change moves them smoothly. Or
    ``u`` is a function ``(step, ids) -> (4, len(ids))`` uniforms, called with step −1 for the
    arrival and then once per step for the children still in the system: far fewer draws when
    the inputs need not be fixed (most children leave after a step or two).
    """

    def __init__(self, params: ModelParameters, day_year_index: np.ndarray) -> None:
        self.p = params
        self.day_year_index = day_year_index  # model day -> index into the by-year tables

    def _year(self, t: np.ndarray) -> np.ndarray:
        days = np.clip(t.astype(np.int64), 0, len(self.day_year_index) - 1)
        return self.day_year_index[days]

    def episodes(self, arrival: np.ndarray, birth: np.ndarray, u: np.ndarray | Uniforms) -> Episodes:
        """Advance every child episode by episode until all have exited."""
        if isinstance(u, np.ndarray):
            fixed = u
            u = lambda step, ids: fixed[(step + 1) % MAX_STEPS][:, ids]  # noqa: E731
        p = self.p
        n = arrival.size
        t18 = birth + ADULT_DAYS
        p_kiireellinen = np.array(p.kasittely.p_kiireellinen_sijoitus)  # [year, band]
        p_arviointi = np.array(p.kasittely.p_arviointi)
        p_avohuolto = np.array(p.arviointi.p_avohuolto)
        # [year, band, outcome]: the event model's tables (a first episode, and one after a
        # placement); the last entry (exit) is 1
        avohuolto_cumulative = np.array(p.avohuolto.outcome_cumulative)[:, :, :-1]
        after_placement_cumulative = np.array(p.avohuolto.after_placement_cumulative)[:, :, :-1]
        avohuollon_sijoitus_p_huostaanotto = np.array(p.avohuollon_sijoitus.p_huostaanotto)
        kiireellinen_sijoitus = p.kiireellinen_sijoitus
        kiireellinen_p_huostaanotto = np.array(kiireellinen_sijoitus.p_huostaanotto)
        jalkihuolto = p.jalkihuolto

        first = np.where(
            u(-1, np.arange(n))[0] < p_kiireellinen[self._year(arrival), band_of(arrival - birth)],
            int(State.KIIREELLINEN_SIJOITUS),
            int(State.KASITTELY),
        )
        parts: dict[str, list[np.ndarray]] = {k: [] for k in ("child", "state", "start", "end", "nxt")}
        # only the children still in the system are advanced (most leave after a step or two)
        ids = np.arange(n)
        state, t, placement_end = first, arrival.copy(), np.zeros(n)
        previous = np.full(n, EXIT)  # the state before the current one
        for step in range(MAX_STEPS):
            if ids.size == 0:
                break
            b, t18_a = birth[ids], t18[ids]
            u0, u1, u2, u3 = u(step, ids)
            band = band_of(t - b)
            year = self._year(t)
            end = t.copy()
            nxt = np.full(ids.size, EXIT)

            m = state == State.KASITTELY
            k = np.maximum(1, whole_days(p.kasittely.delay, u3[m]))
            end[m] = t[m] + k * CALENDAR_DAYS_PER_WORKING_DAY
            nxt[m] = np.where(
                u0[m] < p_arviointi[self._year(end[m]), band_of(end[m] - b[m])], int(State.ARVIOINTI), EXIT
            )

            m = state == State.ARVIOINTI
            end[m] = t[m] + sample_array(p.arviointi.duration, u3[m])
            year_end, band_end = self._year(end[m]), band_of(end[m] - b[m])
            decided = client_after_assessment(p_avohuolto, year_end, band_end, u0[m], end[m], b[m])
            nxt[m] = np.where(decided, int(State.AVOHUOLTO), EXIT)

            m = state == State.AVOHUOLTO
            returning = np.isin(previous[m], PLACEMENTS)[:, None]
            cum = np.where(
                returning, after_placement_cumulative[year[m], band[m]], avohuolto_cumulative[year[m], band[m]]
            )  # [child, outcome]
            # the first outcome whose cumulative probability is above the draw (else exit), as the
            # event model's bisection of the same table
            choice = _AVOHUOLTO_OUTCOMES[np.count_nonzero(cum <= u0[m][:, None], axis=1)]
            end[m] = t[m] + sample_array(p.avohuolto.duration, u3[m])
            aged = end[m] >= t18_a[m]
            end[m] = np.where(aged, t18_a[m], end[m])
            nxt[m] = np.where(aged, EXIT, choice)

            m = state == State.AVOHUOLLON_SIJOITUS
            end[m] = t[m] + sample_array(p.avohuollon_sijoitus.duration, u3[m])
            aged = end[m] >= t18_a[m]
            long_enough = (t18_a[m] - t[m]) >= p.avohuollon_sijoitus.jalkihuolto_min_days
            nxt[m] = np.where(
                aged,
                np.where(long_enough, AFTERCARE, EXIT),
                np.where(
                    u0[m] < avohuollon_sijoitus_p_huostaanotto[band[m]], int(State.SIJAISHUOLTO), int(State.AVOHUOLTO)
                ),
            )
            end[m] = np.where(aged, t18_a[m], end[m])

            m = state == State.KIIREELLINEN_SIJOITUS
            to_care = u0[m] < kiireellinen_p_huostaanotto[band[m]]
            cap = emergency_home_cap(kiireellinen_sijoitus, u1[m])
            home = np.minimum(sample_array(kiireellinen_sijoitus.home_duration, u3[m]), cap)
            end[m] = t[m] + np.where(to_care, sample_array(kiireellinen_sijoitus.until_care_order, u3[m]), home)
            aged = end[m] >= t18_a[m]
            nxt[m] = np.where(aged, AFTERCARE, np.where(to_care, int(State.SIJAISHUOLTO), int(State.AVOHUOLTO)))
            end[m] = np.where(aged, t18_a[m], end[m])

            m = state == State.SIJAISHUOLTO
            end[m] = np.minimum(t[m] + sample_array(p.sijaishuolto.duration, u3[m]), t18_a[m])
            nxt[m] = AFTERCARE

            m = state == State.JALKIHUOLTO
            end[m] = aftercare_end_array(
                t[m],
                sample_array(jalkihuolto.duration, u3[m]),
                placement_end[m],
                jalkihuolto.max_years_after_last_client,
                b[m],
                jalkihuolto.age_limit,
            )
            nxt[m] = EXIT

            offered = nxt == AFTERCARE
            placement_end[offered] = end[offered]
            nxt[offered] = np.where(u2[offered] < jalkihuolto.uptake, int(State.JALKIHUOLTO), EXIT)

            parts["child"].append(ids)
            parts["state"].append(state)
            parts["start"].append(t)
            parts["end"].append(end)
            parts["nxt"].append(nxt)
            keep = nxt >= 0
            ids, previous = ids[keep], state[keep]
            state, t, placement_end = nxt[keep], end[keep], placement_end[keep]
        joined = {k: (np.concatenate(v) if v else np.zeros(0)) for k, v in parts.items()}
        return Episodes(
            child=joined["child"].astype(np.int64),
            state=joined["state"].astype(np.int64),
            start=joined["start"],
            end=joined["end"],
            nxt=joined["nxt"].astype(np.int64),
            birth=birth,
            t18=t18,
        )
