"""The model's parameters, built in one place from a validated scenario.

Each stage's parameters are a small frozen dataclass whose fields carry the schema's own names
(``kasittely.p_arviointi`` in the scenario is ``params.kasittely.p_arviointi`` here), so a reader
can follow any scenario value from :mod:`lsmitoitus.scenario.schema` to every line of the model
that uses it. What changes on the way is only the form:

* age-band tables become tuples in :data:`~lsmitoitus.vocabulary.AGE_BANDS` order;
* values that may change by year (the conversion factors of ``[conversion]`` and
  ``demand.notifications_per_notified_child``) become one entry per model year, indexed by
  ``year - first_year``, with the ``range`` rule's yearly change drawn for this replication;
* dates become model days since ``origin``;
* policy levers that redefine a legal rule (the county's aftercare age) are folded into the
  rule they change, with the reason stated where it happens.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from enum import IntEnum
from typing import NamedTuple

import numpy as np

from ..scenario.demand_inputs import county_notifications, county_population
from ..scenario.schema import Duration, Scenario, UnitStaffing, WorkingDayDelay, YearlySeries, by_age
from ..scenario.uncertainty import range_draw, scaled_below_one
from ..vocabulary import AGE_BANDS, PLACEMENT_TYPES, STATES, UNITS, Outcome, State
from .caseload import Allocation, Cover, PoolRules
from .law import AgeSchedule, Schedule
from .randomness import cumulative

AgeTable = tuple[float, ...]  # one value per age band, in AGE_BANDS order
ByYear = tuple[AgeTable, ...]  # one age table per model year
NO_UNIT = -1  # a state without a responsible worker (kasittely, arviointi)
#: what an open-care episode leads to, in the order of :attr:`AvohuoltoParameters.outcome_cumulative`
AVOHUOLTO_OUTCOMES = (State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS, State.SIJAISHUOLTO, Outcome.NONE)


class Rationing(IntEnum):
    """Whether a staff shortage holds recorded demand down (``caseload.rationing``)."""

    OFF = 0
    TURN_AWAY = 1
    QUEUE = 2


class WhenShort(IntEnum):
    """What happens when every assessment slot of an area is taken (``arviointi.when_short``)."""

    QUEUE = 0
    EXTRA_CAPACITY = 1
    CHILD_PROTECTION_WORKERS = 2


def dated_days(schedule: list, origin: dt.date) -> Schedule:
    """A dated schedule as (model day it starts, value) steps."""
    return [(float((step.start - origin).days), float(step.value)) for step in schedule]


def yearly(
    series: YearlySeries, years: range, default: float, rep_seed: np.random.SeedSequence | None, name: str
) -> tuple[float, ...]:
    """``series`` for every model year; a ``range`` rule draws its yearly change for this replication
    (its midpoint when no replication seed is given)."""
    low, high = series.range_per_year
    change = None
    if series.after == "range":
        change = range_draw(rep_seed, name, low, high) if rep_seed is not None else 0.5 * (low + high)
    return tuple(series.value(y, default, change) for y in years)


def _scaled(table: AgeTable, factor: float) -> AgeTable:
    return tuple(min(1.0, p * factor) for p in table)


@dataclass(frozen=True)
class DemandParameters:
    """Who the newly notified children are (``demand`` in the schema)."""

    notifications_per_notified_child: tuple[float, ...]  # by model year
    already_client_share: float
    age_at_notification: AgeTable  # shares by band
    family_size_mean: float

    @property
    def p_new_child(self) -> tuple[float, ...]:
        """By model year, the probability that a notification concerns a child who is neither
        notified already this year nor a client: (1 − already_client_share) / notifications per child."""
        return tuple((1.0 - self.already_client_share) / n for n in self.notifications_per_notified_child)


@dataclass(frozen=True)
class KasittelyParameters:
    """Käsittely: urgency at once, decision on an assessment within the deadline."""

    delay: WorkingDayDelay
    decision_deadline_working_days: int
    p_arviointi: ByYear  # by model year: kasittely.p_arviointi × conversion.arviointi
    p_kiireellinen_sijoitus: ByYear  # by model year: × conversion.sijoitus


@dataclass(frozen=True)
class ArviointiParameters:
    """Palvelutarpeen arviointi with finite slots per area (workers × concurrent_per_worker)."""

    start_deadline_working_days: int
    completion_deadline_months: int
    duration: Duration
    workers: tuple[float, ...]  # FTE by area, in scenario area order
    concurrent_per_worker: float
    p_avohuolto: ByYear  # by model year: arviointi.p_avohuolto × conversion.avohuolto
    when_short: WhenShort

    @property
    def slots(self) -> tuple[int, ...]:
        """Assessments each area can run at once (at least one)."""
        return tuple(max(1, round(w * self.concurrent_per_worker)) for w in self.workers)


@dataclass(frozen=True)
class AvohuoltoParameters:
    """Avohuolto: an open-care episode ends in a placement, a care order or an exit."""

    duration: Duration
    p_avohuollon_sijoitus: ByYear  # by model year, × conversion.sijoitus and the placement rule's offset
    p_kiireellinen_sijoitus: ByYear
    p_huostaanotto: ByYear
    #: an episode that follows a placement (home from an emergency or open-care placement): its
    #: escalation is the scenario's (× conversion.sijoitus) without the placement rule's offset,
    #: which is for the clients a changed conversion lets in or leaves out, never those returning
    after_placement: Escalation

    @property
    def outcome_cumulative(self) -> list[list[list[float]]]:
        """Per model year and band, cumulative probabilities of (avohuollon_sijoitus,
        kiireellinen_sijoitus, huostaanotto, exit) of a first episode, for inverse-transform choice."""
        return _cumulative_outcomes(self.p_avohuollon_sijoitus, self.p_kiireellinen_sijoitus, self.p_huostaanotto)

    @property
    def after_placement_cumulative(self) -> list[list[list[float]]]:
        """As :attr:`outcome_cumulative`, for an episode that follows a placement."""
        return _cumulative_outcomes(*self.after_placement)


def _cumulative_outcomes(a_tables: ByYear, b_tables: ByYear, c_tables: ByYear) -> list[list[list[float]]]:
    """Per model year and band, cumulative (a, a + b, a + b + c, 1) for inverse-transform choice."""
    return [
        [cumulative([a, b, c, max(0.0, 1.0 - a - b - c)]) for a, b, c in zip(year_a, year_b, year_c, strict=True)]
        for year_a, year_b, year_c in zip(a_tables, b_tables, c_tables, strict=True)
    ]


@dataclass(frozen=True)
class AvohuollonSijoitusParameters:
    """Avohuollon sijoitus: length, care order or home, and the aftercare entitlement."""

    duration: Duration
    p_huostaanotto: AgeTable
    jalkihuolto_min_days: float


@dataclass(frozen=True)
class KiireellinenSijoitusParameters:
    """Kiireellinen sijoitus: the legal maximum and extension, care order or home, lengths."""

    max_days: float
    extension_max_days: float
    p_extension: float
    p_huostaanotto: AgeTable
    home_duration: Duration
    until_care_order: Duration


@dataclass(frozen=True)
class SijaishuoltoParameters:
    """Sijaishuolto: length until reunification and placement-type shares by age band."""

    duration: Duration
    placement_type: tuple[tuple[float, ...], ...]  # [band][placement type] shares

    @property
    def placement_type_cumulative(self) -> list[list[float]]:
        """Per band, cumulative placement-type shares for inverse-transform choice."""
        return [cumulative(row) for row in self.placement_type]


@dataclass(frozen=True)
class JalkihuoltoParameters:
    """Aftercare rules in force for the model, the county's lever choice included."""

    uptake: float
    duration: Duration
    max_years_after_last_client: float  # as applied: inf under the current reading of the 5-year rule
    age_limit: AgeSchedule


@dataclass(frozen=True)
class CaseloadParameters:
    """The dated limit, the counting rule for 18+ aftercare, allocation and responsible units."""

    limit: Schedule  # statutory steps; no limit before the first
    count_jalkihuolto_18_plus: bool
    pool_rules: PoolRules  # caseload.allocation, .balancing, .rebalance_on_hire; organisation.lead_cover_cap
    rationing: Rationing
    rationing_threshold: float
    responsible_unit_under_18: tuple[int, ...]  # unit index per State, NO_UNIT where none
    responsible_unit_adult: tuple[int, ...]


@dataclass(frozen=True)
class LeverParameters:
    """The balancing programme's levers; each ramps linearly from ``start`` to ``full`` (days)."""

    start: float
    full: float
    avohuolto_escalation_reduction: float
    perhehoito_share_target: float | None
    reunification_speedup: float

    def ramp(self, now: float) -> float:
        """Share of the levers' full effect in force at ``now`` (linear from start to full)."""
        if now <= self.start:
            return 0.0
        if now >= self.full:
            return 1.0
        return (now - self.start) / (self.full - self.start)


@dataclass(frozen=True)
class CostParameters:
    """What the event model needs of the costs: special-level share and own beds by area."""

    special_level_share: float
    own_beds: tuple[int, ...]  # own institutional beds by area


class CoverRules(NamedTuple):
    """Who holds an absent worker's list, by kind of absence (``absences.cover``)."""

    summer: Cover
    sick: Cover
    parental: Cover


@dataclass(frozen=True)
class AbsenceParameters:
    """A worker's absences and who holds the list meanwhile (``absences`` of a unit's staffing)."""

    summer_leave_days: float
    sick_leave_spells_per_year: float
    sick_leave_mean_days: float
    parental_leave_per_year: float
    parental_leave_mean_days: float
    cover: CoverRules


@dataclass(frozen=True)
class StaffingParameters:
    """Responsible social workers of one unit in one area (``staffing.<unit>.<area>``): the posts,
    how they are filled and left, a new worker's first months, absences."""

    social_workers: float  # funded posts, FTE
    fill_rate: float
    turnover_per_year: float
    recruitment_delay_cv: float
    notice_days: float
    ramp_up_days: float
    ramp_up_capacity: float
    absences: AbsenceParameters

    @classmethod
    def of(cls, staff: UnitStaffing) -> StaffingParameters:
        """The typed record of a scenario's ``staffing.<unit>.<area>`` table."""
        a = staff.absences
        return cls(
            social_workers=staff.social_workers,
            fill_rate=staff.fill_rate,
            turnover_per_year=staff.turnover_per_year,
            recruitment_delay_cv=staff.recruitment_delay_cv,
            notice_days=staff.notice_days,
            ramp_up_days=staff.ramp_up_days,
            ramp_up_capacity=staff.ramp_up_capacity,
            absences=AbsenceParameters(
                summer_leave_days=a.summer_leave_days,
                sick_leave_spells_per_year=a.sick_leave_spells_per_year,
                sick_leave_mean_days=a.sick_leave_mean_days,
                parental_leave_per_year=a.parental_leave_per_year,
                parental_leave_mean_days=a.parental_leave_mean_days,
                cover=CoverRules(
                    summer=Cover[a.cover["summer"].upper()],
                    sick=Cover[a.cover["sick"].upper()],
                    parental=Cover[a.cover["parental"].upper()],
                ),
            ),
        )


def staffing_parameters(s: Scenario) -> dict[str, dict[str, StaffingParameters]]:
    """Unit -> area -> the typed staffing of ``s`` (``staffing`` in the schema)."""
    return {unit: {area: StaffingParameters.of(st) for area, st in areas.items()} for unit, areas in s.staffing.items()}


@dataclass(frozen=True)
class ModelParameters:
    """Every scenario value the event model uses, under the schema's names."""

    origin: dt.date
    first_year: int
    demand: DemandParameters
    kasittely: KasittelyParameters
    arviointi: ArviointiParameters
    avohuolto: AvohuoltoParameters
    avohuollon_sijoitus: AvohuollonSijoitusParameters
    kiireellinen_sijoitus: KiireellinenSijoitusParameters
    sijaishuolto: SijaishuoltoParameters
    jalkihuolto: JalkihuoltoParameters
    caseload: CaseloadParameters
    levers: LeverParameters
    costs: CostParameters
    staffing: dict[str, dict[str, StaffingParameters]]  # unit -> area

    @classmethod
    def from_scenario(
        cls, s: Scenario, origin: dt.date, rep_seed: np.random.SeedSequence | None = None
    ) -> ModelParameters:
        """Build the parameters of ``s`` for a model whose day 0 is ``origin``; ``rep_seed`` draws
        this replication's yearly changes of ``range`` rules."""
        years = range(origin.year, s.simulation.end.year + 1)
        conversion = s.conversion

        def factor(series: YearlySeries, name: str) -> tuple[float, ...]:
            return yearly(series, years, 1.0, rep_seed, f"conversion.{name}")

        to_arviointi, to_avohuolto, to_sijoitus = (
            factor(conversion.arviointi, "arviointi"),
            factor(conversion.avohuolto, "avohuolto"),
            factor(conversion.sijoitus, "sijoitus"),
        )
        last = conversion.avohuolto.last_year
        if conversion.notification_elasticity and last is not None:
            # decoupling: after the data, notifications per child that rise (or fall) convert less
            # (or more) often into a client relationship
            intensity = {y: county_notifications(s, y) / county_population(s, y) for y in years}
            base_intensity = county_notifications(s, last) / county_population(s, last)
            to_avohuolto = tuple(
                f * (intensity[y] / base_intensity) ** (-conversion.notification_elasticity) if y > last else f
                for y, f in zip(years, to_avohuolto, strict=True)
            )
        per_child = s.demand.notifications_per_notified_child
        per_child_by_year = (
            yearly(per_child, years, 1.95, rep_seed, "demand.notifications_per_notified_child")
            if isinstance(per_child, YearlySeries)
            else tuple(float(per_child) for _ in years)
        )

        def by_year(value: object, factors: tuple[float, ...]) -> ByYear:
            table = by_age(value)  # type: ignore[arg-type]
            return tuple(_scaled(table, f) for f in factors)

        # what placements follow (conversion.placements_follow): the escalation of open care and the
        # emergency placements at processing are offset by the change in clients, or notified
        # children, per child since the first observed year, so that placements do not follow it
        notified = _notified_intensity(s, years, per_child_by_year)
        follow = conversion.placements_follow
        at_processing = tuple(
            s_f / g if follow == "child_population" else s_f for s_f, g in zip(to_sijoitus, notified, strict=True)
        )
        escalation = tuple(
            s_f / (a_f * c_f * (g if follow == "child_population" else 1.0)) if follow != "clients" else s_f
            for s_f, a_f, c_f, g in zip(to_sijoitus, to_avohuolto, to_arviointi, notified, strict=True)
        )
        avohuolto_escalation, after_placement = (
            _bounded_escalation(
                Escalation(
                    by_year(s.avohuolto.p_avohuollon_sijoitus, factors),
                    by_year(s.avohuolto.p_kiireellinen_sijoitus, factors),
                    by_year(s.avohuolto.p_huostaanotto, factors),
                )
            )
            for factors in (escalation, to_sijoitus)
        )

        return cls(
            origin=origin,
            first_year=origin.year,
            demand=DemandParameters(
                notifications_per_notified_child=per_child_by_year,
                already_client_share=s.demand.already_client_share,
                age_at_notification=tuple(s.demand.age_at_notification[b] for b in AGE_BANDS),
                family_size_mean=s.demand.family_size_mean,
            ),
            kasittely=KasittelyParameters(
                delay=s.kasittely.delay,
                decision_deadline_working_days=s.kasittely.decision_deadline_working_days,
                p_arviointi=by_year(s.kasittely.p_arviointi, to_arviointi),
                p_kiireellinen_sijoitus=by_year(s.kasittely.p_kiireellinen_sijoitus, at_processing),
            ),
            arviointi=ArviointiParameters(
                start_deadline_working_days=s.arviointi.start_deadline_working_days,
                completion_deadline_months=s.arviointi.completion_deadline_months,
                duration=s.arviointi.duration,
                workers=tuple(s.arviointi.workers[a] for a in s.areas),
                concurrent_per_worker=s.arviointi.concurrent_per_worker,
                p_avohuolto=by_year(s.arviointi.p_avohuolto, to_avohuolto),
                when_short=WhenShort[s.arviointi.when_short.upper()],
            ),
            avohuolto=AvohuoltoParameters(
                duration=s.avohuolto.duration,
                p_avohuollon_sijoitus=avohuolto_escalation.p_avohuollon_sijoitus,
                p_kiireellinen_sijoitus=avohuolto_escalation.p_kiireellinen_sijoitus,
                p_huostaanotto=avohuolto_escalation.p_huostaanotto,
                after_placement=after_placement,
            ),
            avohuollon_sijoitus=AvohuollonSijoitusParameters(
                duration=s.avohuollon_sijoitus.duration,
                p_huostaanotto=by_age(s.avohuollon_sijoitus.p_huostaanotto),
                jalkihuolto_min_days=s.avohuollon_sijoitus.jalkihuolto_min_days,
            ),
            kiireellinen_sijoitus=KiireellinenSijoitusParameters(
                max_days=s.kiireellinen_sijoitus.max_days,
                extension_max_days=s.kiireellinen_sijoitus.extension_max_days,
                p_extension=s.kiireellinen_sijoitus.p_extension,
                p_huostaanotto=by_age(s.kiireellinen_sijoitus.p_huostaanotto),
                home_duration=s.kiireellinen_sijoitus.home_duration,
                until_care_order=s.kiireellinen_sijoitus.until_care_order,
            ),
            sijaishuolto=SijaishuoltoParameters(
                duration=s.sijaishuolto.duration,
                placement_type=tuple(
                    tuple(s.sijaishuolto.placement_type[b][t] for t in PLACEMENT_TYPES) for b in AGE_BANDS
                ),
            ),
            jalkihuolto=_jalkihuolto(s, origin),
            caseload=_caseload(s, origin),
            levers=LeverParameters(
                start=float((s.levers.start - origin).days),
                full=float((s.levers.full - origin).days),
                avohuolto_escalation_reduction=s.levers.avohuolto_escalation_reduction,
                perhehoito_share_target=s.levers.perhehoito_share_target,
                reunification_speedup=s.levers.reunification_speedup,
            ),
            costs=CostParameters(
                special_level_share=s.costs.special_level_share,
                own_beds=tuple(
                    s.costs.own_institutions[a].beds if a in s.costs.own_institutions else 0 for a in s.areas
                ),
            ),
            staffing=staffing_parameters(s),
        )

    def year_index(self, year: int) -> int:
        """Index of a calendar year in the by-year tables (clamped to the modelled years)."""
        return min(max(year - self.first_year, 0), len(self.demand.notifications_per_notified_child) - 1)


def _notified_intensity(s: Scenario, years: range, per_child: tuple[float, ...]) -> tuple[float, ...]:
    """By model year, newly notified children per child of the population relative to the first
    observed year (1 there and before it): notifications × (1 − already-client share) / notifications
    per notified child / population."""

    def intensity(year: int, per: float) -> float:
        return county_notifications(s, year) / per / county_population(s, year)

    first = min(s.demand.notifications)
    if not all(county_population(s, y) > 0 for y in years) or county_notifications(s, first) <= 0:
        return tuple(1.0 for _ in years)  # no children or no notifications: nothing to offset
    index = {y: i for i, y in enumerate(years)}
    reference = intensity(first, per_child[index[first]] if first in index else per_child[0])
    return tuple(1.0 if y <= first else intensity(y, per) / reference for y, per in zip(years, per_child, strict=True))


class Escalation(NamedTuple):
    """Open care's three escalation tables (by model year and band), in the order of
    :data:`AVOHUOLTO_OUTCOMES`."""

    p_avohuollon_sijoitus: ByYear
    p_kiireellinen_sijoitus: ByYear
    p_huostaanotto: ByYear


def _bounded_escalation(tables: Escalation) -> Escalation:
    """The three escalation tables, scaled down together in any year and band where they would
    sum to more than 1 (the one rule of :func:`~lsmitoitus.scenario.uncertainty.scaled_below_one`)."""
    years = [
        [scaled_below_one(band) for band in zip(*year, strict=True)] for year in zip(*tables, strict=True)
    ]  # [year][band] -> the three probabilities
    return Escalation(*(tuple(tuple(band[i] for band in year) for year in years) for i in range(3)))


def _jalkihuolto(s: Scenario, origin: dt.date) -> JalkihuoltoParameters:
    def day(d: dt.date | None) -> float:
        return -math.inf if d is None else float((d - origin).days)

    age_limit = [(day(step.start), float(step.value), day(step.transition_until)) for step in s.jalkihuolto.age_limit]
    # current wording of 75 §: the 5 years count from the last client contact, and aftercare is
    # client status, so they never cut an ongoing episode
    max_years = (
        s.jalkihuolto.max_years_after_last_client if s.jalkihuolto.five_year_rule == "from_placement_end" else math.inf
    )
    if s.levers.jalkihuolto_age_limit is not None:
        # the county's choice replaces the limit from 2024 (no transition needed when it is kept
        # at 25); as a voluntary service it is not cut by the statutory 5 years either
        from_2024 = float((dt.date(2024, 1, 1) - origin).days)
        age_limit = [step for step in age_limit if step[0] < from_2024]
        age_limit.append((from_2024, float(s.levers.jalkihuolto_age_limit), -math.inf))
        max_years = math.inf
    return JalkihuoltoParameters(
        uptake=s.jalkihuolto.uptake,
        duration=s.jalkihuolto.duration,
        max_years_after_last_client=max_years,
        age_limit=age_limit,
    )


def _caseload(s: Scenario, origin: dt.date) -> CaseloadParameters:
    unit_index = {u: i for i, u in enumerate(UNITS)}
    resp = s.caseload.responsible_unit
    under_18 = [NO_UNIT] * len(STATES)
    for state in (State.AVOHUOLTO, State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS, State.SIJAISHUOLTO):
        under_18[state] = unit_index[resp[STATES[state]]]
    under_18[State.JALKIHUOLTO] = unit_index[resp["jalkihuolto_alle_18"]]
    adult = list(under_18)
    adult[State.JALKIHUOLTO] = unit_index[resp["jalkihuolto"]]
    return CaseloadParameters(
        limit=dated_days(s.caseload.limit, origin),
        count_jalkihuolto_18_plus=s.caseload.count_jalkihuolto_18_plus,
        pool_rules=PoolRules(
            allocation=Allocation[s.caseload.allocation.upper()],
            balancing=s.caseload.balancing,
            rebalance_on_hire=s.caseload.rebalance_on_hire,
            lead_cap=s.organisation.lead_cover_cap,
        ),
        rationing=Rationing[s.caseload.rationing.upper()],
        rationing_threshold=s.caseload.rationing_threshold,
        responsible_unit_under_18=tuple(under_18),
        responsible_unit_adult=tuple(adult),
    )
