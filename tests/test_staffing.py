"""model/staffing.py: the vacancy formula, a post's staff events (typed records, in time order,
with the scenario's cover rules), what the switches turn off, and the events carried out on a
pool."""

from __future__ import annotations

import dataclasses
import datetime as dt
from itertools import takewhile

import numpy as np
import pytest
from scipy import stats

from lsmitoitus import load_scenario
from lsmitoitus.model.caseload import (
    ABSENT_AWAY,
    ABSENT_WAIT,
    COLLEAGUES,
    PRESENT,
    VACANT,
    WAIT,
    Allocation,
    Client,
    Cover,
    ManualClock,
    PoolRules,
    WorkerPool,
)
from lsmitoitus.model.parameters import StaffingParameters
from lsmitoitus.model.posts import PostSpec
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.staffing import (
    ABSENT,
    DEPART,
    HIRE,
    RAMP_END,
    RETURN,
    PostTimeline,
    StaffEvent,
    StaffSwitches,
    apply_staff_event,
    holding,
    mean_recruitment_days,
    mean_vacancy_days,
    post_timelines,
)

pytestmark = pytest.mark.unit

ORIGIN = dt.date(2020, 1, 1)
YEARS = 30
END_DAY = int(YEARS * 365.25)


def staff(**changes: object) -> StaffingParameters:
    """The default scenario's open-care staffing in Forssa, with ``changes``."""
    base = StaffingParameters.of(load_scenario().staffing["avohuolto"]["Forssa"])
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def timelines(
    spec_staff: StaffingParameters, n: int, seed: int = 1, switches: StaffSwitches | None = None
) -> list[PostTimeline]:
    specs = [PostSpec("Forssa", 1.0, None, None, False, spec_staff) for _ in range(n)]
    seed_sequence = replication_seeds(seed, 1)[0]
    return post_timelines("avohuolto", specs, seed_sequence, ORIGIN, END_DAY, switches or StaffSwitches())


def events(timeline: PostTimeline) -> list[StaffEvent]:
    """The post's events within the run (a timeline goes on lazily for ever)."""
    return list(takewhile(lambda e: e.time < END_DAY, timeline.events()))


def test_the_typed_record_carries_the_scenario_values_under_their_names() -> None:
    given = load_scenario().staffing["avohuolto"]["Forssa"]
    typed = StaffingParameters.of(given)
    assert (typed.fill_rate, typed.turnover_per_year, typed.notice_days) == (
        given.fill_rate,
        given.turnover_per_year,
        given.notice_days,
    )
    assert typed.absences.cover.summer == Cover[given.absences.cover["summer"].upper()]
    assert typed.absences.cover.parental == Cover.COLLEAGUES  # the schema's default


@pytest.mark.parametrize(("fill_rate", "turnover", "notice"), [(0.9, 0.15, 30.0), (0.8, 0.25, 0.0), (0.6, 1.0, 60.0)])
def test_the_vacancy_length_gives_the_fill_rate(fill_rate: float, turnover: float, notice: float) -> None:
    """A filled spell (1/turnover years, then the notice) and a vacancy of the formula's length
    fill the post for the share ``fill_rate`` of the time."""
    s = staff(fill_rate=fill_rate, turnover_per_year=turnover, notice_days=notice)
    filled = 365.25 / turnover + notice
    assert filled / (filled + mean_vacancy_days(s)) == pytest.approx(fill_rate, rel=1e-12)


def test_no_vacancy_when_always_filled_or_nobody_leaves() -> None:
    assert mean_vacancy_days(staff(fill_rate=1.0)) == 0.0
    assert mean_vacancy_days(staff(turnover_per_year=0.0)) == 0.0
    assert mean_recruitment_days(staff(fill_rate=1.0)) == 0.0


@pytest.mark.parametrize("notice", [0.0, 30.0, 90.0])
def test_recruitment_beyond_the_notice_is_the_vacancy(notice: float) -> None:
    """Recruitment starts at the notice: the gamma recruitment time R of the solved mean leaves
    the post vacant E[max(R − notice, 0)] days, the formula's vacancy."""
    s = staff(notice_days=notice, recruitment_delay_cv=0.5)
    shape = 1.0 / s.recruitment_delay_cv**2
    recruitment = stats.gamma(shape, scale=mean_recruitment_days(s) / shape)
    vacancy = recruitment.expect(lambda r: max(r - notice, 0.0))
    assert vacancy == pytest.approx(mean_vacancy_days(s), rel=1e-6)


def test_posts_are_filled_for_the_fill_rate_share_of_the_time() -> None:
    """Many posts over thirty years: the share of post-days filled (a worker holds the post,
    present or absent) is the fill rate, within four standard errors of independent posts."""
    s = staff(fill_rate=0.8, turnover_per_year=0.5)
    times = np.arange(365.0, END_DAY, 30.0).tolist()
    shares = []
    for timeline in timelines(s, 300, switches=StaffSwitches(absences=False)):
        filled = np.array(holding(timeline, times))  # without absences, a filled post holds its list
        shares.append(filled.mean())
    mean, error = np.mean(shares), np.std(shares, ddof=1) / np.sqrt(len(shares))
    assert abs(mean - 0.8) < max(4 * error, 0.01), (mean, error)


def test_a_posts_events_are_typed_and_in_time_order() -> None:
    s = staff(ramp_up_capacity=0.5, ramp_up_days=90.0)
    for timeline in timelines(s, 20):
        events_ = events(timeline)
        assert all(isinstance(e, StaffEvent) for e in events_)
        assert [e.time for e in events_] == sorted(e.time for e in events_)
        for event in events_:
            if event.kind == HIRE:
                assert event.capacity == 0.5  # a new worker's reduced list at first
            if event.kind == ABSENT:
                assert event.cover in (s.absences.cover.summer, s.absences.cover.sick, s.absences.cover.parental)
        absent = False  # never two absences at once; a worker who leaves is no longer absent
        for event in events_:
            assert event.kind != ABSENT or not absent
            assert event.kind != RETURN or absent
            absent = event.kind == ABSENT or (absent and event.kind not in (RETURN, DEPART))


def test_the_switches_turn_vacancies_and_absences_off() -> None:
    for timeline in timelines(staff(), 20, switches=StaffSwitches(vacancies=False, absences=True)):
        kinds = {e.kind for e in events(timeline)}
        assert timeline.initially_filled and not kinds & {HIRE, DEPART, RAMP_END}
    for timeline in timelines(staff(), 20, switches=StaffSwitches(vacancies=True, absences=False)):
        assert ABSENT not in {e.kind for e in events(timeline)}


def test_the_cover_rule_decides_who_holds_an_absent_workers_list() -> None:
    """Applied to a pool, an absence that waits keeps the list with the absent worker; one
    covered by colleagues moves it; a hire fills a vacant post at the event's capacity."""

    def team() -> WorkerPool:
        p = WorkerPool(
            [1.0, 1.0],
            [False, False],
            [PRESENT, VACANT],
            30,
            PoolRules(Allocation.BALANCED, 1.0, False, 0),
            ManualClock(),
        )
        for i in range(4):
            p.add(Client(i, i), True)
        return p

    waits = team()
    apply_staff_event(waits, 0, StaffEvent(1.0, ABSENT, cover=WAIT))
    assert waits.status[0] == ABSENT_WAIT and len(waits.children[0]) == 4
    moves = team()
    apply_staff_event(moves, 1, StaffEvent(1.0, HIRE, capacity=0.5))
    assert moves.status[1] == PRESENT and moves.cap[1] == 0.5
    apply_staff_event(moves, 0, StaffEvent(2.0, ABSENT, cover=COLLEAGUES))
    assert moves.status[0] == ABSENT_AWAY and len(moves.children[0]) == 0 and len(moves.children[1]) == 4


def test_holding_follows_the_cover_rule() -> None:
    """A worker absent with the list waiting still holds it; one whose list moved does not."""
    for cover, held in ((Cover.WAIT, True), (Cover.COLLEAGUES, False)):
        s = staff(
            fill_rate=1.0,
            turnover_per_year=0.0,
            absences=dataclasses.replace(
                staff().absences,
                summer_leave_days=60.0,
                sick_leave_spells_per_year=0.0,
                parental_leave_per_year=0.0,
                cover=staff().absences.cover._replace(summer=cover),
            ),
        )
        (timeline,) = timelines(s, 1)
        away = next(e for e in events(timeline) if e.kind == ABSENT)
        assert holding(timeline, [away.time + 1.0]) == [held]
