"""What happens to each post of responsible social workers: openings, recruitment, leavers with
their notice, a new worker's first months, and absences.

Every post has its own random stream and its own timeline of staff events, generated lazily in
time order:

* a filled spell lasts an exponential time (mean 1 / turnover) and ends with a notice period,
  during which the worker keeps the list while recruitment already runs;
* recruitment takes a gamma time (the unit's cv) whose mean is set so that the long-run filled
  share equals ``fill_rate``; if it is shorter than the notice, the successor starts the day the
  leaver goes;
* a new worker holds a reduced list (``ramp_up_capacity``) for ``ramp_up_days``;
* a present worker takes a summer leave each year (a block in June–August), sick-leave spells
  and, rarely, parental leave; each kind has a cover rule (the list waits, or moves to
  colleagues or a lead).

Because each post has its own stream, a staffing with one more post has the same history for
the others: candidate staffings are compared with common random numbers. The same timelines
drive the event model and the replay (:mod:`.replay`), so both follow the same rules.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, NamedTuple, Protocol, cast

import numpy as np

from ..vocabulary import DAYS_PER_YEAR
from .caseload import ABSENT_AWAY, ABSENT_WAIT, CLOSED, PRESENT, VACANT, WAIT, WorkerPool
from .environment import ModelEnvironment
from .events import Entry, push
from .posts import PostSpec, days_since
from .randomness import purpose_generator

OPEN: Final = 0
CLOSE: Final = 1
HIRE: Final = 2
RAMP_END: Final = 3
DEPART: Final = 4
ABSENT: Final = 5
RETURN: Final = 6
OPEN_FILLED: Final = 7
SUMMER_DAYS = 92  # June to August


class StaffEvent(NamedTuple):
    """One staff event of a post: when, what (``OPEN`` … ``OPEN_FILLED``), the share of a full
    list a worker hired then takes at first (``HIRE``, ``OPEN_FILLED``), and who holds the list
    during an absence (``ABSENT``: a :class:`~.caseload.Cover`)."""

    time: float
    kind: int
    capacity: float = 1.0
    cover: int = WAIT


@dataclass(frozen=True)
class StaffSwitches:
    """Which staff dynamics run: switching them off gives the requirement of demand alone (no
    vacancies, no absences) or of demand and vacancies, for the requirement's decomposition."""

    vacancies: bool = True
    absences: bool = True


class VacancyValues(Protocol):
    """The staffing values that set the vacancies: a scenario's ``staffing.<unit>.<area>`` or the
    model's :class:`~.parameters.StaffingParameters`."""

    @property
    def fill_rate(self) -> float:
        """Long-run share of posts that are filled."""

    @property
    def turnover_per_year(self) -> float:
        """Leavers per filled post per year."""

    @property
    def notice_days(self) -> float:
        """A leaver's notice period, days (the list stays with the leaver meanwhile)."""

    @property
    def recruitment_delay_cv(self) -> float:
        """Spread (cv) of the recruitment time."""


def mean_vacancy_days(staff: VacancyValues) -> float:
    """Mean vacancy (days) that makes the long-run filled share equal ``fill_rate``: the one
    formula of the vacancy length.

    A filled spell lasts 1/turnover years plus the notice n (the leaver keeps the list meanwhile),
    then the post is vacant for v on average; the filled share f = (365.25/turnover + n) /
    (365.25/turnover + n + v) gives v = (365.25/turnover + n)(1 − f)/f.
    """
    return _mean_vacancy_days(staff.fill_rate, staff.turnover_per_year, staff.notice_days)


def _mean_vacancy_days(fill_rate: float, turnover_per_year: float, notice_days: float) -> float:
    if fill_rate >= 1.0 or turnover_per_year == 0.0:
        return 0.0
    filled = DAYS_PER_YEAR / turnover_per_year + notice_days
    return filled * (1.0 - fill_rate) / fill_rate


def mean_recruitment_days(staff: VacancyValues) -> float:
    """Mean recruitment time (days) that gives the mean vacancy of :func:`mean_vacancy_days`.

    Recruitment starts at the notice, so the post is vacant for the part of the recruitment time
    R that exceeds the notice n: the mean of the gamma R (its cv fixed) is solved from
    E[max(R − n, 0)] = v.
    """
    return _mean_recruitment_days(
        staff.fill_rate, staff.turnover_per_year, staff.notice_days, staff.recruitment_delay_cv
    )


@lru_cache(maxsize=1024)
def _mean_recruitment_days(fill_rate: float, turnover_per_year: float, notice_days: float, cv: float) -> float:
    """The root solve of :func:`mean_recruitment_days`, once per distinct set of staff values (a
    unit's posts share theirs, so a replication solves a handful, not one per post)."""
    if fill_rate >= 1.0 or turnover_per_year == 0.0:
        return 0.0
    v = _mean_vacancy_days(fill_rate, turnover_per_year, notice_days)
    n = notice_days
    if n == 0:
        return v
    # lazy: ~0.6 s for scipy.optimize and scipy.special; only this solve needs them, not the model's import
    from scipy.optimize import brentq
    from scipy.special import gammainc

    k = 1.0 / cv**2

    def excess(theta: float) -> float:
        return k * theta * (1 - gammainc(k + 1, n / theta)) - n * (1 - gammainc(k, n / theta)) - v

    return float(k * brentq(excess, v / k, (v + n) / k + 1.0))


class PostTimeline:
    """The staff events of one post, in time order, from the post's own random stream."""

    def __init__(
        self,
        spec: PostSpec,
        generator: np.random.Generator,
        origin: dt.date,
        end_day: int,
        summer_starts: Sequence[float],
        switches: StaffSwitches,
    ) -> None:
        self.spec = spec
        self.end_day = float(end_day)
        self.g = generator
        self.opens = days_since(origin, spec.opens, 0.0)
        self.closes = days_since(origin, spec.closes, math.inf)
        self.summer_starts = summer_starts
        self.switches = switches
        staff = spec.staff
        self.mean_filled = DAYS_PER_YEAR / staff.turnover_per_year if staff.turnover_per_year > 0 else math.inf
        self.recruitment_mean = mean_recruitment_days(staff)
        self.recruitment_shape = 1.0 / staff.recruitment_delay_cv**2
        # the initial state is drawn first, so it does not depend on what is asked later
        self.initially_filled = spec.lead or not switches.vacancies or bool(self.g.random() < staff.fill_rate)

    @property
    def initial_status(self) -> int:
        """The post's status on day 0."""
        if self.opens > 0:
            return CLOSED
        return PRESENT if self.initially_filled else VACANT

    def _recruitment(self) -> float:
        if self.recruitment_mean <= 0:
            return 0.0
        return float(self.g.gamma(self.recruitment_shape, self.recruitment_mean / self.recruitment_shape))

    def _absences(self, start: float, stop: float) -> list[StaffEvent]:
        """Absences of a worker present from ``start`` to ``stop``, non-overlapping, as
        ABSENT (with its cover) and RETURN events."""
        a = self.spec.staff.absences
        spells: list[tuple[float, float, int]] = []
        for june in self.summer_starts:
            if a.summer_leave_days <= 0:
                break
            begin = june + float(self.g.random()) * max(0.0, SUMMER_DAYS - a.summer_leave_days)
            if start < begin < stop:
                spells.append((begin, a.summer_leave_days, int(a.cover.summer)))
        for rate, mean, rule in (
            (a.sick_leave_spells_per_year, a.sick_leave_mean_days, a.cover.sick),
            (a.parental_leave_per_year, a.parental_leave_mean_days, a.cover.parental),
        ):
            if rate <= 0:
                continue
            t = start
            while True:
                t += float(self.g.exponential(DAYS_PER_YEAR / rate))
                if t >= stop:
                    break
                spells.append((t, float(self.g.exponential(mean)), int(rule)))
        events: list[StaffEvent] = []
        busy_until = -math.inf
        for begin, length, cover in sorted(spells):
            if begin < busy_until:
                continue  # already absent
            busy_until = begin + length
            events.append(StaffEvent(begin, ABSENT, cover=cover))
            if busy_until < stop:
                events.append(StaffEvent(busy_until, RETURN))
        return events

    def events(self) -> Iterator[StaffEvent]:
        """The post's staff events from day 0 on, lazily."""
        staff = self.spec.staff
        t = self.opens
        filled_at_once = self.spec.lead or not self.switches.vacancies
        if self.opens > 0:
            # a post filled the day it opens is one event, so its order with other events that
            # day is the same in the event model and in a replay
            yield StaffEvent(t, OPEN_FILLED) if filled_at_once else StaffEvent(t, OPEN)
        if self.spec.lead:  # leads are always present while the post exists
            if self.closes < math.inf:
                yield StaffEvent(self.closes, CLOSE)
            return
        filled = (self.initially_filled and self.opens <= 0) or (self.opens > 0 and filled_at_once)
        ramp = self.switches.vacancies and staff.ramp_up_days > 0 and staff.ramp_up_capacity < 1.0
        first = True
        while True:
            if not filled:
                if not self.switches.vacancies:
                    wait = 0.0
                elif first and self.opens > 0:  # a new post: recruitment starts when it opens
                    wait = self._recruitment()
                else:  # recruitment started at the notice
                    wait = max(self._recruitment() - staff.notice_days, 0.0)
                t += wait
                if t >= self.closes:
                    yield StaffEvent(self.closes, CLOSE)
                    return
                yield StaffEvent(t, HIRE, capacity=staff.ramp_up_capacity if ramp else 1.0)
                hired = t
            else:
                hired = -math.inf
            first = False
            if not self.switches.vacancies or self.mean_filled == math.inf:
                depart = math.inf
            else:
                resign = t + float(self.g.exponential(self.mean_filled))
                depart = resign + staff.notice_days
            stop = min(depart, self.closes)
            spell: list[StaffEvent] = []
            if ramp and hired > -math.inf and hired + staff.ramp_up_days < stop:
                spell.append(StaffEvent(hired + staff.ramp_up_days, RAMP_END))
            if self.switches.absences and stop > t:
                spell += self._absences(t, min(stop, self.end_day))
            yield from sorted(spell, key=_time_of)
            if stop == math.inf:
                return
            if self.closes <= depart:
                yield StaffEvent(self.closes, CLOSE)
                return
            yield StaffEvent(depart, DEPART)
            t = depart
            filled = False


def holding(timeline: PostTimeline, times: Sequence[float]) -> list[bool]:
    """Whether the post has a worker who holds a list (present, or absent with the list waiting) at
    each of the sorted ``times``, after every staff event before it (a record at a time comes
    before that time's events, as in the event model)."""
    status = timeline.initial_status
    out: list[bool] = []
    events = timeline.events()
    pending = next(events, None)
    for t in times:
        while pending is not None and pending.time < t:
            kind = pending.kind
            if kind in (HIRE, RETURN, OPEN_FILLED):
                status = PRESENT
            elif kind in (DEPART, OPEN):
                status = VACANT
            elif kind == ABSENT and status == PRESENT:
                status = ABSENT_WAIT if pending.cover == WAIT else ABSENT_AWAY
            elif kind == CLOSE:
                status = CLOSED
            pending = next(events, None)
        out.append(status in (PRESENT, ABSENT_WAIT))
    return out


def summer_starts(origin: dt.date, end_day: int) -> list[float]:
    """Model days of 1 June in every year of the run."""
    out = []
    for year in range(origin.year, origin.year + end_day // 365 + 2):
        day = float((dt.date(year, 6, 1) - origin).days)
        if 0 <= day < end_day:
            out.append(day)
    return out


def post_stream_key(unit: str, spec: PostSpec, index_in_area: int) -> str:
    """The random-stream key of a post: its unit, area and rank among the area's posts (a lead
    or a candidate post has its own key), so staffing draws depend on nothing else."""
    kind = "lead" if spec.lead else "post"
    return f"staff/{spec.area}/{unit}/{kind}{index_in_area}"


def post_timelines(
    unit: str,
    specs: Sequence[PostSpec],
    rep_seed: np.random.SeedSequence,
    origin: dt.date,
    end_day: int,
    switches: StaffSwitches = StaffSwitches(),
    extra_key: str = "",
) -> list[PostTimeline]:
    """Timelines of a team's posts, each from its own stream (``extra_key`` names candidate posts)."""
    seen: dict[tuple[str, bool], int] = {}
    starts = summer_starts(origin, end_day)
    out = []
    for spec in specs:
        rank = seen.get((spec.area, spec.lead), 0)
        seen[(spec.area, spec.lead)] = rank + 1
        key = post_stream_key(unit, spec, rank) + extra_key
        out.append(PostTimeline(spec, purpose_generator(rep_seed, key), origin, end_day, starts, switches))
    return out


class StaffStream(NamedTuple):
    """The staff events of a team's posts up to a horizon, drawn once, in the order the event
    model carries them out: by time, and at equal times in the order a heap of every post's
    next event (keyed by time and push order) pops them. ``posts`` names each event's post in
    the staffing replayed, or :data:`NOT_REPLAYED` for a post that staffing lacks (see
    :func:`for_posts`); ``initial`` is each replayed post's status on day 0."""

    initial: list[int]
    times: list[float]
    posts: list[int]
    events: list[StaffEvent]


#: ``StaffStream.posts`` of an event whose post the replayed staffing lacks (skipped)
NOT_REPLAYED: Final = -1


def staff_stream(timelines: Sequence[PostTimeline], horizon: float) -> StaffStream:
    """Every event of ``timelines`` up to ``horizon`` (inclusive), merged as the event model's
    heap does: an event is pushed when its post's previous one is popped, ties go to the earlier
    push. Restricting the stream to some of the posts keeps their events in the order a heap of
    those posts alone would pop them (a push's place among the kept posts' pushes is the same),
    so one stream serves every candidate staffing built from the same posts (:func:`for_posts`)."""
    heap: list[tuple[float, int, int, StaffEvent]] = []
    sources: list[Iterator[StaffEvent]] = []
    order = 0
    for post, timeline in enumerate(timelines):
        events = timeline.events()
        sources.append(events)
        first = next(events, None)
        if first is not None and first.time <= horizon:
            heap.append((first.time, order, post, first))
            order += 1
    heapq.heapify(heap)
    times: list[float] = []
    posts: list[int] = []
    out: list[StaffEvent] = []
    while heap:
        t, _, post, event = heapq.heappop(heap)
        times.append(t)
        posts.append(post)
        out.append(event)
        nxt = next(sources[post], None)
        if nxt is not None and nxt.time <= horizon:
            heapq.heappush(heap, (nxt.time, order, post, nxt))
            order += 1
    return StaffStream([t.initial_status for t in timelines], times, posts, out)


def for_posts(stream: StaffStream, kept: Sequence[int]) -> StaffStream:
    """The stream of a staffing made of some of its posts: ``kept[i]`` is the stream's post that
    becomes post i. The event lists are shared, not copied."""
    where = [NOT_REPLAYED] * len(stream.initial)
    for i, post in enumerate(kept):
        where[post] = i
    initial = [stream.initial[post] for post in kept]
    return StaffStream(initial, stream.times, [where[p] for p in stream.posts], stream.events)


def apply_staff_event(pool: WorkerPool, post: int, event: StaffEvent) -> None:
    """Carry out one staff event on ``pool``: shared by the event model and the replay."""
    kind = event.kind
    if kind == HIRE:
        pool.worker_hired(post, event.capacity)
    elif kind == DEPART:
        pool.worker_leaves(post)
    elif kind == ABSENT:
        pool.absence_starts(post, event.cover)
    elif kind == RETURN:
        pool.absence_ends(post)
    elif kind == RAMP_END:
        pool.capacity_restored(post)
    elif kind == OPEN:
        pool.open_post(post)
    elif kind == OPEN_FILLED:
        pool.open_post(post)
        pool.worker_hired(post, event.capacity)
    elif kind == CLOSE:
        pool.close_post(post)


class StaffScheduler:
    """Runs every post's staff events as SimPy events on its pool.

    ``events`` counts the staff events carried out (part of a replication's event count).
    """

    def __init__(self, env: ModelEnvironment) -> None:
        self.env = env
        self.events = 0

    def start(self, pool: WorkerPool, timelines: Sequence[PostTimeline]) -> None:
        """Schedule the first staff event of every post of ``pool``."""
        for post, timeline in enumerate(timelines):
            self._next(pool, post, timeline.events())

    def _next(self, pool: WorkerPool, post: int, events: Iterator[StaffEvent]) -> None:
        nxt = next(events, None)
        if nxt is None:
            return
        push(self.env, nxt.time, Entry((pool, post, events, nxt), self._on_staff_event))

    def _on_staff_event(self, ev: Entry) -> None:
        """A post's staff event is due: carry it out and schedule the post's next one."""
        pool, post, events, event = cast(tuple[WorkerPool, int, Iterator[StaffEvent], StaffEvent], ev.value)
        self.events += 1
        apply_staff_event(pool, post, event)
        self._next(pool, post, events)


def _time_of(event: StaffEvent) -> float:
    return event.time
