"""Service-need assessments (palvelutarpeen arviointi): each area's slots, first come first served.

The assessment stage depends on nothing downstream: who is assessed, when the case opened and
how long each assessment takes are known as soon as processing has decided (a block of arrivals
ahead), and the slots are the area's workers × concurrent assessments. So the queue is worked
through in time order without events—a c-server first-come-first-served queue kept across
blocks—and only the children who need a client relationship afterwards become events, at the
end of their assessment. Starts, completions, lateness, waiting, the stock in assessment and the
queue at month ends, and the distinct children in assessment during each year are counted here.

When every slot is taken the county's rule (``arviointi.when_short``) applies: the assessment
queues; or it starts at once with extra capacity (counted); or it starts at once and the child is
on an open-care worker's list meanwhile (the event model holds the list).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass
from typing import Final, NamedTuple

import numpy as np

from .arrivals import EventChildren
from .parameters import WhenShort
from .randomness import add_counts
from .raw import FLOW, GROUPS, STOCK

F_STARTED: Final = FLOW[("arviointi", "assessments_started")]
F_STARTED_LATE: Final = FLOW[("arviointi", "assessments_started_late")]
F_COMPLETED: Final = FLOW[("arviointi", "assessments_completed")]
F_COMPLETED_LATE: Final = FLOW[("arviointi", "assessments_completed_late")]
F_WAIT: Final = FLOW[("arviointi", "assessment_wait_days")]
F_EXTRA: Final = FLOW[("arviointi", "assessments_by_extra_capacity")]
F_ENTRIES: Final = FLOW[("arviointi", "entries")]
F_EXITS: Final = FLOW[("kaikki", "exits")]
S_ARVIOINTI: Final = STOCK[("arviointi", "children")]
S_QUEUE: Final = STOCK[("arviointi", "queue")]
S_EXITED: Final = STOCK[("kaikki", "exited_total")]
G_ARVIOINNISSA: Final = GROUPS.index("arvioinnissa")


class AssessmentRecord(NamedTuple):
    """One assessment as a replay needs it (:func:`.replay.replay_assessments`): when it joined
    the queue, the day its case opened (its deadlines count from then), its working time (days)."""

    joined: float
    opened: int
    work: float


@dataclass(frozen=True)
class Assessed:
    """Assessments worked through: who, when they joined, started and ended, whether the child
    then needs a client relationship, and whether it was done by a child-protection worker."""

    children: EventChildren
    joined: np.ndarray
    start: np.ndarray
    end: np.ndarray
    work: np.ndarray
    client: np.ndarray  # bool
    overflow: np.ndarray  # bool: on an open-care worker's list meanwhile


class AssessmentQueues:
    """Every area's assessment slots; counts into the recorder's pre-arrays."""

    def __init__(
        self,
        slots: tuple[int, ...],
        when_short: WhenShort,
        start_deadline: list[int],
        completion_deadline: list[int],
        month_of_day: np.ndarray,
        day_year_index: np.ndarray,
        year_start_day: np.ndarray,
        pre_flows: np.ndarray,
        pre_stocks: np.ndarray,
        pre_during: np.ndarray,
    ) -> None:
        self.slots = slots
        self.when_short = when_short
        self.start_deadline = np.asarray(start_deadline)
        self.completion_deadline = np.asarray(completion_deadline)
        self.month_of_day = month_of_day
        self.day_year_index = day_year_index
        self.year_start_day = year_start_day
        self.pre_flows = pre_flows
        self.pre_stocks = pre_stocks
        self.pre_during = pre_during
        self.busy: list[list[float]] = [[] for _ in slots]  # per area, end times of running assessments
        self.pending: list[EventChildren] = []
        self.pending_work: list[np.ndarray] = []

    def add(self, children: EventChildren, work: np.ndarray) -> None:
        """Assessments opened by a block's decisions (``work``: each one's working time, days)."""
        if children.time.size:
            self.pending.append(children)
            self.pending_work.append(work)

    def work_through(self, before: float) -> Assessed | None:
        """Start and end every pending assessment that joins before ``before`` (later joins may
        still be preceded by children of the next block), in order of joining."""
        if not self.pending:
            return None
        joined_all = np.concatenate([c.time for c in self.pending])
        work_all = np.concatenate(self.pending_work)
        fields = {f: np.concatenate([getattr(c, f) for c in self.pending]) for f in EventChildren.__dataclass_fields__}
        order = np.argsort(joined_all, kind="stable")
        now_mask = joined_all[order] < before
        take, keep = order[now_mask], order[~now_mask]
        self.pending = [EventChildren(**{f: v[keep] for f, v in fields.items()})] if keep.size else []
        self.pending_work = [work_all[keep]] if keep.size else []
        if take.size == 0:
            return None
        children = EventChildren(**{f: v[take] for f, v in fields.items()})
        joined, work = joined_all[take], work_all[take]
        start = np.empty_like(joined)
        overflow = np.zeros(joined.size, dtype=bool)
        extra = np.zeros(joined.size, dtype=bool)
        queue = self.when_short == WhenShort.QUEUE
        by_workers = self.when_short == WhenShort.CHILD_PROTECTION_WORKERS
        for i, (t, area, w) in enumerate(zip(joined.tolist(), children.area.tolist(), work.tolist(), strict=True)):
            busy = self.busy[area]
            while busy and busy[0] <= t:
                heapq.heappop(busy)
            if len(busy) < self.slots[area]:
                begin = t
            elif queue:
                begin = heapq.heappop(busy)  # the earliest slot to free, first come first served
            else:
                start[i] = t
                extra[i] = True
                overflow[i] = by_workers
                continue
            start[i] = begin
            heapq.heappush(busy, begin + w)
        end = start + work
        self._count(children, joined, start, end, extra)
        return Assessed(children, joined, start, end, work, np.zeros(joined.size, dtype=bool), overflow)

    def _count(
        self, children: EventChildren, joined: np.ndarray, start: np.ndarray, end: np.ndarray, extra: np.ndarray
    ) -> None:
        area, opened = children.area, children.opened
        last = len(self.month_of_day) - 1
        m_join = self.month_of_day[np.minimum(joined.astype(np.int64), last)]
        m_start = self.month_of_day[np.minimum(start.astype(np.int64), last)]
        m_end = self.month_of_day[np.minimum(end.astype(np.int64), last)]
        flows, stocks = self.pre_flows, self.pre_stocks
        ones = np.ones(area.size)
        add_counts(flows[:, :, F_ENTRIES], m_join, area)
        add_counts(flows[:, :, F_STARTED], m_start, area)
        late_start = start.astype(np.int64) > self.start_deadline[opened]
        add_counts(flows[:, :, F_STARTED_LATE], m_start[late_start], area[late_start])
        add_counts(flows[:, :, F_WAIT], m_start, area, start - joined)
        add_counts(flows[:, :, F_EXTRA], m_start[extra], area[extra])
        add_counts(flows[:, :, F_COMPLETED], m_end, area)
        late_end = end.astype(np.int64) > self.completion_deadline[opened]
        add_counts(flows[:, :, F_COMPLETED_LATE], m_end[late_end], area[late_end])
        add_counts(stocks[:, :, S_ARVIOINTI], m_join, area)
        add_counts(stocks[:, :, S_ARVIOINTI], m_end, area, -ones)
        add_counts(stocks[:, :, S_QUEUE], m_join, area)
        add_counts(stocks[:, :, S_QUEUE], m_start, area, -ones)
        # distinct children in assessment during each year its interval overlaps
        y_first = self.day_year_index[np.minimum(joined.astype(np.int64), last)]
        y_last = self.day_year_index[np.minimum(np.ceil(end).astype(np.int64) - 1, last)]
        for offset in range(int((y_last - y_first).max(initial=0)) + 1):
            hit = y_first + offset <= y_last
            add_counts(self.pre_during[:, :, G_ARVIOINNISSA], y_first[hit] + offset, area[hit])

    def count_exits(self, assessed: Assessed, leaving: np.ndarray) -> None:
        """Children who leave child protection when their assessment ends."""
        last = len(self.month_of_day) - 1
        m_end = self.month_of_day[np.minimum(assessed.end[leaving].astype(np.int64), last)]
        area = assessed.children.area[leaving]
        add_counts(self.pre_flows[:, :, F_EXITS], m_end, area)
        add_counts(self.pre_stocks[:, :, S_EXITED], m_end, area)
