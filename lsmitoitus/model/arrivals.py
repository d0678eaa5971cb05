"""Notifications, newly notified children and their processing, a block of days at a time.

Processing (käsittely) has no capacity limit, so it needs no events: for every child of a block
the urgency, age, processing delay and the decision on an assessment are drawn at once
(vectorised), and the children who leave after processing are only counted. The event model
gets just the children whose path goes on—an emergency placement at once, or an assessment on
the decision day.

Common random numbers, day by day and child by child:

* the notifications of a day in an area are the Poisson quantile of that day's own uniform, and
  the newly notified children the binomial quantile of a second one, so a scenario with more
  demand from some date on has the same days before it, and at least as many children after;
* a child is identified by its area, arrival day and rank that day, and draws its own numbers
  from that identity (:func:`~.randomness.counter_uniforms`), so the first children of a day
  are the same children in every scenario.

Siblings: children of one family are notified together (sizes geometric with the scenario's
mean); they share the family head's urgency, processing delay and decisions, and one worker
holds them while they are in the same team.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..vocabulary import Outcome
from .parameters import ModelParameters
from .randomness import add_counts, binomial_quantile, child_identity, counter_uniforms, poisson_quantile, whole_days
from .raw import FLOW, STOCK
from .rules import ages_from, band_of

#: slots of a child's arrival draws (its counter space 0..7); event draws start at EVENT_SLOT
U_URGENT, U_AGE_BAND, U_AGE, U_DELAY, U_ARVIOINTI, U_CLIENT, U_FAMILY = range(7)
EVENT_SLOT = 8

F_NOTIFICATIONS = FLOW[("kasittely", "notifications")]
F_NEW = FLOW[("kasittely", "new_children")]
F_ENTRIES_KASITTELY = FLOW[("kasittely", "entries")]
F_DECISIONS = FLOW[("kasittely", "decisions")]
F_DECISIONS_LATE = FLOW[("kasittely", "decisions_late")]
F_EXITS = FLOW[("kaikki", "exits")]
S_KASITTELY = STOCK[("kasittely", "children")]
S_ENTERED = STOCK[("kaikki", "entered_total")]
S_EXITED = STOCK[("kaikki", "exited_total")]


@dataclass(frozen=True)
class EventChildren:
    """Children of a block whose path continues in the event model, in order of entry."""

    time: np.ndarray  # model day they enter: arrival (urgent) or decision day (assessment)
    urgent: np.ndarray  # bool
    area: np.ndarray
    identity: np.ndarray  # uint64
    family: np.ndarray  # identity of the family head
    birth: np.ndarray
    opened: np.ndarray  # arrival day (the case opened)
    u_client: np.ndarray  # the family's uniform for the decision on a client relationship


class ArrivalProcess:
    """Draws a block's arrivals and processing; counts processing into ``pre_flows`` and
    ``pre_stocks`` (indexed by month, area, column: see :class:`~.trackers.Recorder`)."""

    def __init__(
        self,
        params: ModelParameters,
        rates: np.ndarray,
        day_uniforms: np.ndarray,
        key: int,
        working_cumulative: np.ndarray,
        decision_deadline: np.ndarray,
        day_year_index: np.ndarray,
        month_of_day: np.ndarray,
        pre_flows: np.ndarray,
        pre_stocks: np.ndarray,
    ) -> None:
        self.p = params
        self.rates = rates  # (days, areas) expected notifications
        self.day_uniforms = day_uniforms  # (days, areas, 2)
        self.key = key
        self.working_cumulative = working_cumulative
        self.decision_deadline = decision_deadline
        self.day_year_index = day_year_index
        self.month_of_day = month_of_day
        self.pre_flows = pre_flows
        self.pre_stocks = pre_stocks
        mean = params.demand.family_size_mean
        self.p_same_family = 1.0 - 1.0 / mean  # geometric family sizes with this mean

    def block(self, first: int, last: int) -> EventChildren:
        """Days first..last-1: count notifications, children and processing; return the
        children whose path continues in the event model."""
        p, n_areas = self.p, self.rates.shape[1]
        days = np.arange(first, last)
        year = self.day_year_index[days]
        u = np.clip(self.day_uniforms[first:last], 1e-12, 1 - 1e-12)
        notes = poisson_quantile(u[..., 0], self.rates[first:last])
        p_new = np.asarray(p.demand.p_new_child)[year][:, None]
        new = binomial_quantile(u[..., 1], notes, p_new)
        month = self.month_of_day[days]
        add_counts(
            self.pre_flows[:, :, F_NOTIFICATIONS],
            np.repeat(month, n_areas),
            np.tile(np.arange(n_areas), days.size),
            notes.reshape(-1).astype(float),
        )

        flat = new.reshape(-1)
        n = int(flat.sum())
        day = np.repeat(np.repeat(days, n_areas), flat)
        area = np.repeat(np.tile(np.arange(n_areas), days.size), flat)
        starts = np.cumsum(flat) - flat
        rank = np.arange(n) - np.repeat(starts, flat)
        identity = child_identity(area, day, rank)
        draws = counter_uniforms(self.key, identity, 0, EVENT_SLOT)
        # families: a child after the first of its day continues the previous child's family
        head_of = np.arange(n)
        opens = (rank == 0) | (draws[:, U_FAMILY] >= self.p_same_family)
        head_of = np.maximum.accumulate(np.where(opens, head_of, 0))
        head = draws[head_of]

        birth = day - ages_from(p.demand.age_at_notification, draws[:, U_AGE_BAND], draws[:, U_AGE])
        head_birth = birth[head_of]
        y = self.day_year_index[day]
        urgent = head[:, U_URGENT] < np.asarray(p.kasittely.p_kiireellinen_sijoitus)[y, band_of(day - head_birth)]
        k = np.maximum(1, whole_days(p.kasittely.delay, head[:, U_DELAY]))
        cum = self.working_cumulative
        decided = np.searchsorted(cum, cum[day] + k, side="left")
        decided = np.minimum(decided, len(self.day_year_index) - 1)
        y_decided = self.day_year_index[decided]
        p_arviointi = np.asarray(p.kasittely.p_arviointi)[y_decided, band_of(decided - head_birth)]
        assessed = ~urgent & (head[:, U_ARVIOINTI] < p_arviointi)
        processed = ~urgent

        m_arrive, m_decide = self.month_of_day[day], self.month_of_day[decided]
        self._count(F_NEW, m_arrive, area, None)
        self._stock(S_ENTERED, m_arrive, area, 1)
        self._count(F_ENTRIES_KASITTELY, m_arrive, area, processed)
        self._stock(S_KASITTELY, m_arrive, area, 1, processed)
        self._stock(S_KASITTELY, m_decide, area, -1, processed)
        self._count(F_DECISIONS, m_decide, area, processed)
        self._count(F_DECISIONS_LATE, m_decide, area, processed & (decided > self.decision_deadline[day]))
        leave = processed & ~assessed
        self._count(F_EXITS, m_decide, area, leave)
        self._stock(S_EXITED, m_decide, area, 1, leave)

        go_on = urgent | assessed
        time = np.where(urgent, day, decided).astype(float)[go_on]
        order = np.argsort(time, kind="stable")
        pick = np.flatnonzero(go_on)[order]
        return EventChildren(
            time=time[order],
            urgent=urgent[pick],
            area=area[pick],
            identity=identity[pick],
            family=identity[head_of][pick],
            birth=birth[pick],
            opened=day[pick],
            u_client=head[pick, U_CLIENT],
        )

    def _count(self, column: int, month: np.ndarray, area: np.ndarray, mask: np.ndarray | None) -> None:
        if mask is not None:
            month, area = month[mask], area[mask]
        add_counts(self.pre_flows[:, :, column], month, area)

    def _stock(
        self, column: int, month: np.ndarray, area: np.ndarray, sign: int, mask: np.ndarray | None = None
    ) -> None:
        """A stock change effective from the snapshot at ``month`` on (cumulated by the recorder)."""
        if mask is not None:
            month, area = month[mask], area[mask]
        add_counts(self.pre_stocks[:, :, column], month, area, np.full(month.size, float(sign)))


__all__ = ["EVENT_SLOT", "ArrivalProcess", "EventChildren", "Outcome"]
