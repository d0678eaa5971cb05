"""Recording what happens in one replication (like Ciw's ``trackers``): counters, placement-day
integrals, and month-end, year-end and THL monitoring-day snapshots.

The event model (:mod:`.pathway`) tells the :class:`Recorder` what happened; the recorder never
decides anything. Counters change on state change, never by polling, so a snapshot only reads
them. Flows are counted per month and reset at each month end; during the warm-up they are
discarded, stocks are kept.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from typing import Final, Protocol

import numpy as np

from ..vocabulary import (
    COST_CATEGORIES,
    DURING_YEAR_GROUPS,
    PLACEMENT_TYPES,
    STATES,
    Ages,
    CostCategory,
    Outcome,
    State,
)
from .caseload import WorkerPool
from .raw import FLOW, FLOWS, GROUPS, LIST_MEASURES, POINT_MEASURES, STOCK, STOCKS, RawReplication

#: column indices the pathway uses on its hot path
F_ENTRIES: Final = FLOW[(STATES[0], "entries")]
F_PLACEMENTS_STARTED: Final = FLOW[(PLACEMENT_TYPES[0], "placements_started")]
F_PLACEMENT_DAYS: Final = FLOW[(COST_CATEGORIES[0], "placement_days")]
F_EXITS: Final = FLOW[("kaikki", "exits")]
S_IN_PLACEMENT: Final = STOCK[(PLACEMENT_TYPES[0], "children")]
S_ENTERED: Final = STOCK[("kaikki", "entered_total")]
S_EXITED: Final = STOCK[("kaikki", "exited_total")]
S_OWN_BEDS: Final = STOCK[("laitoshoito_oma", "beds_occupied")]
S_QUEUE: Final = STOCK[("arviointi", "queue")]
S_INTAKE_QUEUE: Final = STOCK[("avohuolto", "intake_queue")]
MINORS: Final = int(Ages.MINORS)
ADULTS: Final = int(Ages.ADULTS)


class Tracked(Protocol):
    """What the recorder reads of a child (no personal data: area, times, codes)."""

    serial: int
    area: int
    state: int
    t18: float
    cost_cat: int
    marks: list[int]


class Recorder:
    """Counts of one replication, by area; turned into a :class:`RawReplication` at the end.

    ``report_start`` is the model day of the first reported day: month ends up to it belong to
    the warm-up. Years before ``start_year`` are not recorded. What the arrival process counts
    without events (processing) arrives in ``pre_flows`` (per month) and ``pre_stocks`` (changes
    effective from a month end on), both indexed [month, area, column].
    """

    def __init__(self, n_areas: int, first_year: int, start_year: int, report_start: int, n_months: int) -> None:
        self.n_areas = n_areas
        self.pre_flows = np.zeros((n_months + 2, n_areas, len(FLOWS)))
        self.pre_stocks = np.zeros((n_months + 2, n_areas, len(STOCKS)))
        self.pre_during = np.zeros((n_months // 12 + 3, n_areas, len(GROUPS)))  # by year since the origin's
        self.first_year = first_year
        self._pre_stock_now = np.zeros((n_areas, len(STOCKS)))
        self.month = 0
        self.start_year = start_year
        self.report_start = report_start
        self.stock = [[0] * len(STOCKS) for _ in range(n_areas)]
        self.flow: list[list[float]] = [[0.0] * len(FLOWS) for _ in range(n_areas)]
        self.during = [[0] * len(GROUPS) for _ in range(n_areas)]
        self.year = first_year
        # during-year groups each state belongs to: (group index, counts only children under 18)
        self.groups_of_state: list[list[tuple[int, int]]] = [[] for _ in STATES]
        for g, (states, ages) in enumerate(DURING_YEAR_GROUPS.values()):
            for state in states:
                self.groups_of_state[state].append((g, int(ages)))
        # placement days by cost category: children placed now, and days accumulated since the
        # last month end (integrated when the count changes, like the worker over-limit days)
        self.placed = [[0] * len(COST_CATEGORIES) for _ in range(n_areas)]
        self.placed_days = [[0.0] * len(COST_CATEGORIES) for _ in range(n_areas)]
        self.placed_since = [[0.0] * len(COST_CATEGORIES) for _ in range(n_areas)]
        self.last_month_day = 0
        self._month_rows: list[tuple[dt.date, np.ndarray, np.ndarray, np.ndarray]] = []
        self._year_rows: list[tuple[int, np.ndarray]] = []
        self._point_rows: list[tuple[dt.date, np.ndarray]] = []

    # --- children -----------------------------------------------------------------------------

    def initial_client(self, area: int) -> None:
        """A client the model starts with (it entered before the origin)."""
        self.stock[area][S_ENTERED] += 1

    def enter(self, child: Tracked, new: int, now: float) -> None:
        """``child`` moves from its current state to ``new``: stocks, entries and the
        during-year marks of the new state (placement-day integration stops at the old state)."""
        area, old = child.area, child.state
        stock = self.stock[area]
        if old != Outcome.NONE:
            stock[old] -= 1
        stock[new] += 1
        self.flow[area][F_ENTRIES + new] += 1
        child.state = new
        if child.cost_cat >= 0:
            self.unplace(child, now)
        # the during-year marks (as mark(), inlined: this runs on every state change)
        year, marks = self.year, child.marks
        excluded = ADULTS if now < child.t18 else MINORS  # the ages a group may not count
        counts = self.during[area]
        for g, ages in self.groups_of_state[new]:
            if marks[g] != year and ages != excluded:
                marks[g] = year
                counts[g] += 1

    def exit(self, child: Tracked, now: float) -> None:
        """``child`` leaves child protection from its current state."""
        area = child.area
        if child.cost_cat >= 0:
            self.unplace(child, now)
        self.stock[area][child.state] -= 1
        self.stock[area][S_EXITED] += 1
        self.flow[area][F_EXITS] += 1

    def hold(self, child: Tracked, now: float) -> None:
        """``child`` leaves its state to queue for a client relationship (not an exit: it is
        counted in the intake queue until admitted or released)."""
        if child.cost_cat >= 0:
            self.unplace(child, now)
        self.stock[child.area][child.state] -= 1
        child.state = Outcome.NONE

    def release(self, child: Tracked) -> None:
        """A child leaves the intake queue without a client relationship (it turned 18)."""
        self.stock[child.area][S_EXITED] += 1
        self.flow[child.area][F_EXITS] += 1

    def mark(self, child: Tracked, now: float) -> None:
        """Count the child once this year in every during-year group of its current state."""
        year, marks = self.year, child.marks
        excluded = ADULTS if now < child.t18 else MINORS
        counts = self.during[child.area]
        for g, ages in self.groups_of_state[child.state]:
            if marks[g] != year and ages != excluded:
                marks[g] = year
                counts[g] += 1

    def placement_started(self, area: int, placement: int) -> None:
        """A new substitute-care placement of type ``placement`` (a :class:`Placement`)."""
        self.flow[area][F_PLACEMENTS_STARTED + placement] += 1
        self.stock[area][S_IN_PLACEMENT + placement] += 1

    def placement_ended(self, area: int, placement: int) -> None:
        """A substitute-care placement of type ``placement`` ends."""
        self.stock[area][S_IN_PLACEMENT + placement] -= 1

    def place(self, child: Tracked, category: int, now: float) -> None:
        """Start counting ``child``'s placement days in cost ``category``."""
        area = child.area
        self.placed_days[area][category] += self.placed[area][category] * (now - self.placed_since[area][category])
        self.placed_since[area][category] = now
        self.placed[area][category] += 1
        child.cost_cat = category
        if category == CostCategory.LAITOSHOITO_OMA:
            self.stock[area][S_OWN_BEDS] += 1

    def unplace(self, child: Tracked, now: float) -> None:
        """Stop counting ``child``'s placement days."""
        category = child.cost_cat
        if category < 0:
            return
        area = child.area
        self.placed_days[area][category] += self.placed[area][category] * (now - self.placed_since[area][category])
        self.placed_since[area][category] = now
        self.placed[area][category] -= 1
        child.cost_cat = -1
        if category == CostCategory.LAITOSHOITO_OMA:
            self.stock[area][S_OWN_BEDS] -= 1

    def own_beds_occupied(self, area: int) -> int:
        """Own institutional beds of ``area`` occupied now."""
        return self.stock[area][S_OWN_BEDS]

    # --- snapshots ----------------------------------------------------------------------------

    def close_month(
        self,
        first_of_next: dt.date,
        now: float,
        pools: Sequence[WorkerPool],
        intake_queue_lengths: Sequence[int],
        active: Iterable[Tracked],
    ) -> None:
        """The month before ``first_of_next`` ends: close the year if it changes, then record the
        month's flows and month-end stocks (or discard them in warm-up)."""
        m = self.month
        self.month += 1
        self._pre_stock_now += self.pre_stocks[m]
        if first_of_next.year != self.year:
            self._new_year(first_of_next.year, now, active)
        days = self._take_placement_days(now)
        if now <= self.report_start:
            # warm-up: discard flows and integrals, keep stocks
            for area in range(self.n_areas):
                self.flow[area] = [0.0] * len(FLOWS)
            for pool in pools:
                pool.snapshot()
            return
        flows = np.array(self.flow, dtype=float) + self.pre_flows[m]
        flows[:, F_PLACEMENT_DAYS : F_PLACEMENT_DAYS + len(COST_CATEGORIES)] = days
        stocks = np.array(self.stock, dtype=float) + self._pre_stock_now
        for area in range(self.n_areas):
            stocks[area, S_INTAKE_QUEUE] = intake_queue_lengths[area]
            self.flow[area] = [0] * len(FLOWS)
        rows = np.array([pool.snapshot() for pool in pools], dtype=float)
        self._month_rows.append((first_of_next - dt.timedelta(days=1), flows, stocks, rows))

    def monitoring_day(self, date: dt.date, pools: Sequence[WorkerPool]) -> None:
        """THL's point-in-time count: workers, counted clients, workers over the limit, and the
        distribution of the present workers' counted lists."""
        rows = []
        for pool in pools:
            seen = pool.observe()
            lists = sorted(float(pool.counted[p]) for p in pool.present)
            if lists:
                n = len(lists)
                spread: tuple[float, ...] = (
                    *(_quantile(lists, q) for q in (0.1, 0.5, 0.9)),
                    sum(lists) / n,
                    sum(1 for c in lists if c > 35) / n,
                )
            else:
                spread = (np.nan,) * len(LIST_MEASURES)
            limit = pool.limit if pool.limit != float("inf") else np.nan
            rows.append((seen.workers_in_post, seen.clients_counted, seen.workers_over_limit, limit, *spread))
        self._point_rows.append((date, np.array(rows, dtype=float)))

    def _take_placement_days(self, now: float) -> list[list[float]]:
        """Placement days per area and cost category since the previous call (then reset)."""
        out = []
        for area in range(self.n_areas):
            row = []
            for c in range(len(COST_CATEGORIES)):
                row.append(self.placed_days[area][c] + self.placed[area][c] * (now - self.placed_since[area][c]))
                self.placed_days[area][c] = 0.0
                self.placed_since[area][c] = now
            out.append(row)
        return out

    def _new_year(self, year: int, now: float, active: Iterable[Tracked]) -> None:
        """Close the during-year counts and count every active child once in the new year."""
        if year - 1 >= self.start_year:
            counted = np.array(self.during, dtype=float) + self.pre_during[year - 1 - self.first_year]
            self._year_rows.append((year - 1, counted))
        self.during = [[0] * len(GROUPS) for _ in range(self.n_areas)]
        self.year = year
        for child in active:  # counts are sums: the order does not matter
            if child.state != Outcome.NONE:
                self.mark(child, now)

    # --- result -------------------------------------------------------------------------------

    def raw(
        self,
        replication: int,
        areas: tuple[str, ...],
        pool_keys: tuple[tuple[str, str], ...],
        events: int,
        parameters: dict[str, float],
    ) -> RawReplication:
        """Everything recorded, as the model core's output arrays."""
        months, flows, stocks, pools = zip(*self._month_rows, strict=True)
        years = tuple(y for y, _ in self._year_rows)
        during = np.array([d for _, d in self._year_rows]) if years else np.zeros((0, self.n_areas, len(GROUPS)))
        return RawReplication(
            replication=replication,
            month_ends=tuple(months),
            areas=areas,
            flows=np.stack(flows),
            stocks=np.stack(stocks),
            pool_keys=pool_keys,
            pools=np.stack(pools),
            years=years,
            during_year=during,
            point_dates=tuple(d for d, _ in self._point_rows),
            point_in_time=(
                np.stack([a for _, a in self._point_rows])
                if self._point_rows
                else np.zeros((0, len(pool_keys), len(POINT_MEASURES) + len(LIST_MEASURES)))
            ),
            events=events,
            parameters=parameters,
        )


__all__ = ["Recorder", "State"]


def _quantile(ordered: list[float], q: float) -> float:
    """Numpy's default (linear) quantile of an ascending list, without building an array for a
    handful of workers: position (n − 1)·q, interpolated between its neighbours."""
    h = (len(ordered) - 1) * q
    lo = math.floor(h)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (h - lo) * (ordered[hi] - ordered[lo])
