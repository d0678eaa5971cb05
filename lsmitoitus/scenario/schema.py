"""The scenario schema: the single source of truth for every number the model uses.

Every field states its unit and its legal or practical meaning. TOML files in
``scenarios/`` instantiate this schema (see :mod:`lsmitoitus.scenario.files`);
the CLI, notebooks and any user interface go through it. Unknown keys are rejected everywhere,
so a misspelt field is an error, not a silently ignored setting.

Naming: the sections and keys that mirror the pathway use the Finnish domain words
(``kasittely``, ``arviointi``, ``avohuolto``, …; a transition probability is ``p_<target stage>``);
every other key is English. Conventions: durations are in calendar days unless the field name
says working days; rates are per year; probabilities and shares are in [0, 1]; money in euros.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from ..text.i18n import echo
from ..vocabulary import (
    AGE_BANDS,
    PLACEMENT_TYPES,
    RESPONSIBILITY_KEYS,
    UNITS,
    AgeBand,
    PlacementType,
    UnitName,
)
from .provenance import check_provenance_paths
from .rules import Bounds, bounds_in, key_bounds_in, rule_error
from .uncertainty import check_paths

Probability = Annotated[float, Field(ge=0.0, le=1.0)]
#: readings of the staffing rule (lastensuojelulaki 13 b §), see Caseload.reading
Reading = Literal["monitoring_days", "month_ends", "mean_list"]
Share = Annotated[float, Field(ge=0.0, le=1.0)]
Year = Annotated[int, Field(ge=1990, le=2100)]
Count = Annotated[float, Field(ge=0.0, le=10_000_000.0)]


def _every_band(value: float | dict[Any, float]) -> float | dict[Any, float]:
    """An age-band table must give every band (a single number applies to all ages)."""
    if isinstance(value, Mapping):
        missing = [b for b in AGE_BANDS if b not in value]
        if missing:
            raise rule_error("rule_by_age_missing", missing=missing, bands=list(AGE_BANDS))
    return value


#: Longest name of an area or a team (characters); it heads table rows and chart panels.
MAX_NAME = 80
#: Most areas a scenario may have (a wellbeing services county has a handful; every area
#: multiplies the teams, tables and charts).
MAX_AREAS = 200


def _name(value: str) -> str:
    """An area's or a team's name: any printable characters (dots and spaces too), 1–80 of
    them, without spaces at either end (they would be invisible in every table)."""
    if not (0 < len(value) <= MAX_NAME and value.isprintable() and value == value.strip()):
        raise rule_error("rule_name", longest=MAX_NAME, name=echo(value))
    return value


#: The name of an area or a team, as a table's key.
Name = Annotated[str, AfterValidator(_name)]

#: Most steps a staffing plan may have (a county's plan has tens).
MAX_PLAN_STEPS = 1000

#: A probability that is either one number for all ages or a table by age band.
ByAge = Annotated[Probability | dict[AgeBand, Probability], AfterValidator(_every_band)]


class StrictModel(BaseModel):
    """Base for all scenario parts: unknown keys are errors and instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def by_age(value: float | Mapping[Any, float]) -> tuple[float, ...]:
    """Expand a :data:`ByAge` value to one number per age band, in AGE_BANDS order."""
    if isinstance(value, Mapping):
        return tuple(float(value[b]) for b in AGE_BANDS)
    return tuple(float(value) for _ in AGE_BANDS)


class Duration(StrictModel):
    """A random duration given by its mean and coefficient of variation (sd / mean)."""

    distribution: Literal["lognormal", "gamma", "exponential"] = Field(
        "lognormal", description="Family of the distribution. 'exponential' has cv = 1 by definition."
    )
    mean_days: float = Field(gt=0.0, le=36_525.0, description="Mean duration, calendar days.")
    cv: float = Field(
        1.0, gt=0.0, le=10.0, description="Coefficient of variation (standard deviation / mean), unitless."
    )

    @model_validator(mode="after")
    def _exponential_has_cv_one(self) -> Duration:
        if self.distribution == "exponential" and abs(self.cv - 1.0) > 1e-9:
            raise rule_error("rule_exponential_cv", at=("cv",), cv=self.cv)
        return self


class WorkingDayDelay(StrictModel):
    """A random delay counted in working days (Mon–Fri, Finnish public holidays excluded)."""

    distribution: Literal["lognormal", "gamma", "exponential"] = "gamma"
    mean_working_days: float = Field(gt=0.0, le=250.0, description="Mean delay, working days.")
    cv: float = Field(0.5, gt=0.0, le=10.0, description="Coefficient of variation, unitless.")


class DatedValue(StrictModel):
    """One step of a dated schedule: ``value`` applies from ``start`` until the next step."""

    start: dt.date = Field(description="First day this value applies.")
    value: int = Field(ge=1, le=200)


class AgeLimitStep(DatedValue):
    """A step of the aftercare age limit, with the amending act's transition for those already
    past the new limit on the day it takes effect."""

    transition_until: dt.date | None = Field(
        None,
        description=(
            "Young people who on ``start`` are at least the new limit but under the previous one keep aftercare "
            "until this day, still ending at the previous limit (2024 act: 30.6.2024 for those aged 23 or 24)."
        ),
    )


class YearlySeries(StrictModel):
    """A value given by year, with an explicit rule for the years after the data.

    ``values`` are levels in given years; ``year_factors`` are changes from the year before
    (1.06 = +6 %), for evidence that says how a value moved rather than where it stood (e.g. a
    national trend applied to a county). Years before the first given year take the first value.
    After the last year given either way, ``after`` decides: ``held`` keeps the last value;
    ``trend`` multiplies it by (1 + trend_per_year) a year; ``range`` does the same with a yearly
    change drawn once per replication, uniformly from ``range_per_year`` (parameter uncertainty
    that widens with the distance from the data).
    """

    values: dict[Year, Annotated[float, Field(gt=0.0, le=100.0)]] = Field(
        default_factory=dict, description="Value by year (a factor or a ratio, see the field that uses it)."
    )
    year_factors: dict[Year, Annotated[float, Field(gt=0.0, le=10.0)]] = Field(
        default_factory=dict, description="Change from the previous year's value, as a factor (1.06 = +6 %)."
    )
    after: Literal["held", "trend", "range"] = Field("held", description="Rule for the years after the data.")
    trend_per_year: float = Field(0.0, ge=-0.5, le=1.0, description="Relative change a year after the data (trend).")
    range_per_year: tuple[float, float] = Field(
        (0.0, 0.0), description="Lowest and highest relative change a year after the data (range)."
    )
    range_years: int | None = Field(
        None,
        ge=1,
        le=100,
        description=(
            "The trend or range applies for at most this many years after the data, then the value is held "
            "(a shift that settles rather than a trend forever); None: every year."
        ),
    )
    note: str = Field("", max_length=2000, description="Where the values come from (sourced, fitted, assumed).")

    @model_validator(mode="after")
    def _check(self) -> YearlySeries:
        low, high = self.range_per_year
        if not -0.5 <= low <= high <= 1.0:
            raise rule_error(
                "rule_range_per_year", at=("range_per_year",), lowest=-0.5, highest=1.0, low=low, high=high
            )
        if self.year_factors and not self.values:
            raise rule_error("rule_year_factors_level", at=("values",))
        clash = set(self.values) & set(self.year_factors)
        if clash:
            raise rule_error("rule_years_twice", at=("year_factors",), years=sorted(clash))
        return self

    def value(self, year: int, default: float, change: float | None = None) -> float:
        """The value in ``year`` (``default`` when no year is given); ``change`` is the yearly
        change after the data for the ``range`` rule (drawn per replication), else the rule's own."""
        if not self.values:
            return default
        first = min(self.values)
        if year <= first:
            return float(self.values[first])
        last_data = max([*self.values, *self.year_factors])
        rate = {"held": 0.0, "trend": self.trend_per_year}.get(self.after, change if change is not None else 0.0)
        level = float(self.values[first])
        for y in range(first + 1, year + 1):
            if y in self.values:
                level = float(self.values[y])
            elif y in self.year_factors:
                level *= float(self.year_factors[y])
            elif y > last_data and (self.range_years is None or y - last_data <= self.range_years):
                level *= 1.0 + rate
        return level

    @property
    def last_year(self) -> int | None:
        """The last year the data give (a value or a year factor)."""
        years = [*self.values, *self.year_factors]
        return max(years) if years else None


class SimulationSettings(StrictModel):
    start: dt.date = Field(dt.date(2021, 1, 1), description="First day of reported results.")
    end: dt.date = Field(dt.date(2030, 12, 31), description="Last day of reported results.")
    warmup_years: int = Field(
        10,
        ge=0,
        le=40,
        description=(
            "Years simulated before `start` and excluded from results, so that the first reported "
            "year starts from realistic stocks of clients. Demand during warm-up is the first "
            "observed year's level."
        ),
    )
    replications: int = Field(20, ge=1, le=10_000, description="Independent replications.")
    seed: int = Field(20_240_101, ge=0, le=2**63 - 1, description="Root seed of all random streams.")

    @model_validator(mode="after")
    def _end_after_start(self) -> SimulationSettings:
        if self.end <= self.start:
            raise rule_error("rule_end_after_start", at=("end",), end=self.end, start=self.start)
        if self.start.day != 1:
            raise rule_error("rule_start_first_day", at=("start",), start=self.start)
        return self


class Area(StrictModel):
    """A service area (family-centre area) with its own staff and demand share."""

    notification_share: Share = Field(
        description="Share of the county's notifications made about children of this area (0–1)."
    )
    population_0_17: dict[Year, Count] = Field(
        description="Child population aged 0–17 by year (persons). Later years follow the demand trend."
    )


class Demand(StrictModel):
    """Child-protection notifications (lastensuojeluilmoitukset) and who they concern."""

    notifications: dict[Year, Count] = Field(description="Observed notifications per year in the whole county (count).")
    growth_per_year: float = Field(
        0.0,
        ge=-0.5,
        le=1.0,
        description=(
            "Yearly relative growth of notifications per child after the last observed year "
            "(0.05 = +5 %/year). Multiplies with the child-population trend."
        ),
    )
    series: dict[Year, Count] = Field(
        default_factory=dict,
        description="Explicit projected notifications per year (county); overrides growth for these years.",
    )
    population_growth_per_year: float = Field(
        -0.005,
        ge=-0.2,
        le=0.2,
        description="Yearly relative change of the 0–17 population after its last given year.",
    )
    seasonality: list[Annotated[float, Field(gt=0.0, le=5.0)]] = Field(
        default_factory=lambda: [1.0] * 12,
        min_length=12,
        max_length=12,
        description="Relative notification intensity Jan..Dec; rescaled to average 1.",
    )
    notifications_per_notified_child: float | YearlySeries = Field(
        1.95,
        description=(
            "Notifications per distinct notified child in a year, one number or by year (THL national: "
            "2022 ≈ 1.89, 2023 1.95, 2024 ≈ 2.0; a value ≥ 1)."
        ),
    )
    family_size_mean: float = Field(
        1.0,
        ge=1.0,
        le=6.0,
        description=(
            "Mean number of children notified together as one family (siblings): they share the decisions of "
            "processing and assessment, and one worker holds them while they are in the same unit. 1 = no siblings."
        ),
    )
    already_client_share: Share = Field(
        0.3,
        description=(
            "Share of notified children who are already child-protection clients: their notifications "
            "are counted as work but open no new assessment."
        ),
    )
    age_at_notification: dict[AgeBand, Share] = Field(
        description="Age-band shares of newly notified children; must sum to 1. Age is uniform within a band."
    )

    @model_validator(mode="after")
    def _check(self) -> Demand:
        if not self.notifications:
            raise rule_error("rule_no_notifications", at=("notifications",))
        missing = [b for b in AGE_BANDS if b not in self.age_at_notification]
        if missing:
            raise rule_error("rule_bands_missing", at=("age_at_notification",), missing=missing, bands=list(AGE_BANDS))
        total = sum(self.age_at_notification.values())
        if abs(total - 1.0) > 1e-6:
            raise rule_error("rule_shares_sum", at=("age_at_notification",), total=float(total))
        per_child = self.notifications_per_notified_child
        given: dict[tuple[str | int, ...], float] = (
            {("values", year): v for year, v in per_child.values.items()}
            if isinstance(per_child, YearlySeries)
            else {(): per_child}
        )
        for where, v in given.items():
            if not 1.0 <= v <= 10.0:
                at = ("notifications_per_notified_child", *where)
                raise rule_error("rule_per_child_range", at=at, low=1, high=10, value=float(v))
        return self


class KasittelyStage(StrictModel):
    """Käsittely: a notification is checked for urgency at once and decided within 7 working days."""

    delay: WorkingDayDelay = Field(description="Time from notification to the decision on assessment.")
    decision_deadline_working_days: int = Field(
        7, ge=1, le=60, description="Statutory deadline for the decision (working days; law: 7)."
    )
    p_arviointi: ByAge = Field(description="Probability that the decision opens a service-need assessment.")
    p_kiireellinen_sijoitus: ByAge = Field(
        description="Probability that the notification leads at once to an emergency placement."
    )


class ArviointiStage(StrictModel):
    """Palvelutarpeen arviointi incl. lastensuojelutarpeen selvitys, done with finite worker slots."""

    start_deadline_working_days: int = Field(
        7, ge=1, le=60, description="Assessment must start by this working day after the case opens (law: 7)."
    )
    completion_deadline_months: int = Field(
        3, ge=1, le=24, description="Assessment must be completed within this many months (law: 3)."
    )
    duration: Duration = Field(description="Working time of one assessment once it has a slot.")
    workers: dict[str, Annotated[float, Field(ge=0.0, le=10_000.0)]] = Field(
        description="Social workers (FTE) doing assessments, by area."
    )
    concurrent_per_worker: float = Field(
        10.0, gt=0.0, le=100.0, description="Assessments one worker carries at once (slots per FTE)."
    )
    p_avohuolto: ByAge = Field(
        description="Probability that a completed assessment makes the child a child-protection client (avohuolto)."
    )
    when_short: Literal["queue", "extra_capacity", "child_protection_workers"] = Field(
        "queue",
        description=(
            "What the county does when every assessment slot is taken: queue (first come first served; the "
            "report shows how many wait and how long), extra_capacity (the assessment starts at once; the "
            "dimensioning shows the posts that needs), or child_protection_workers (it starts at once and the "
            "child is on an open-care worker's list while assessed)."
        ),
    )
    on_time_target: Share = Field(
        0.9,
        description="Share of assessments to start and complete within the statutory deadlines when dimensioning.",
    )


class AvohuoltoStage(StrictModel):
    """Avohuolto: open-care client relationship; its end leads to exit or a placement."""

    duration: Duration = Field(description="Length of an open-care episode.")
    p_avohuollon_sijoitus: ByAge = Field(description="Probability the episode ends in an open-care placement.")
    p_kiireellinen_sijoitus: ByAge = Field(description="Probability the episode ends in an emergency placement.")
    p_huostaanotto: ByAge = Field(description="Probability the episode ends in a (non-urgent) care order.")

    @model_validator(mode="after")
    def _check(self) -> AvohuoltoStage:
        sums = [
            a + b + c
            for a, b, c in zip(
                by_age(self.p_avohuollon_sijoitus),
                by_age(self.p_kiireellinen_sijoitus),
                by_age(self.p_huostaanotto),
                strict=True,
            )
        ]
        if max(sums) > 1.0 + 1e-9:
            band = AGE_BANDS[sums.index(max(sums))]
            raise rule_error("rule_escalation_sum", total=float(max(sums)), band=band)
        return self


class AvohuollonSijoitusStage(StrictModel):
    """Avohuollon sijoitus: a voluntary placement as an open-care measure."""

    duration: Duration = Field(description="Length of an open-care placement.")
    p_huostaanotto: ByAge = Field(description="Probability the placement ends in a care order (else home).")
    jalkihuolto_min_days: float = Field(
        183.0,
        ge=0.0,
        le=3650.0,
        description="An open-care placement this long (days) entitles to aftercare (law: 6 months).",
    )


class KiireellinenSijoitusStage(StrictModel):
    """Kiireellinen sijoitus: at most 30 days, one extension of ≤ 30 days, or until the care-order decision."""

    max_days: float = Field(
        30.0, gt=0.0, le=365.0, description="Maximum length, days, placement day counted (law: 30)."
    )
    extension_max_days: float = Field(30.0, ge=0.0, le=365.0, description="Maximum extension, days (law: 30).")
    p_extension: Probability = Field(description="Probability that a placement ending home is extended once.")
    p_huostaanotto: ByAge = Field(description="Probability the placement leads to a care order.")
    home_duration: Duration = Field(description="Length of placements that end home (cut at the legal maximum).")
    until_care_order: Duration = Field(
        description="Time from placement to the care-order decision when one follows (continues while pending)."
    )


class SijaishuoltoStage(StrictModel):
    """Huostaanotto and sijaishuolto: care ends by reunification or at 18 at the latest."""

    duration: Duration = Field(description="Length of care until reunification, if the child is not 18 first.")
    placement_type: dict[AgeBand, dict[PlacementType, Share]] = Field(
        description="Placement-type shares of new care orders by age band; each row sums to 1."
    )

    @model_validator(mode="after")
    def _check(self) -> SijaishuoltoStage:
        missing = [b for b in AGE_BANDS if b not in self.placement_type]
        if missing:
            raise rule_error("rule_bands_missing", at=("placement_type",), missing=missing, bands=list(AGE_BANDS))
        for band, row in self.placement_type.items():
            absent = [t for t in PLACEMENT_TYPES if t not in row]
            if absent:
                raise rule_error(
                    "rule_types_missing", at=("placement_type", band), missing=absent, types=list(PLACEMENT_TYPES)
                )
            total = sum(row.values())
            if abs(total - 1.0) > 1e-6:
                raise rule_error("rule_shares_sum", at=("placement_type", band), total=float(total))
        return self


class JalkihuoltoStage(StrictModel):
    """Jälkihuolto: voluntary aftercare after substitute care (or a long open-care placement)."""

    uptake: Probability = Field(description="Probability that an entitled young person takes up aftercare.")
    duration: Duration = Field(description="Length of aftercare if no legal limit ends it first.")
    max_years_after_last_client: float = Field(
        5.0,
        gt=0.0,
        le=20.0,
        description=(
            "The duty to arrange aftercare ends this many years after the young person was last a child-protection "
            "client after the placement (lastensuojelulaki 75 §: 5). Aftercare is itself client status, so the "
            "period does not run while aftercare continues; see five_year_rule."
        ),
    )
    five_year_rule: Literal["from_last_client", "from_placement_end"] = Field(
        "from_last_client",
        description=(
            "from_last_client: the current wording, the 5 years count from the last client contact, so an ongoing "
            "aftercare episode is not cut by them; from_placement_end: the older reading, aftercare ends 5 years "
            "after the placement at the latest."
        ),
    )
    age_limit: list[AgeLimitStep] = Field(
        default_factory=lambda: [
            AgeLimitStep(start=dt.date(1900, 1, 1), value=21),
            AgeLimitStep(start=dt.date(2020, 1, 1), value=25),
            AgeLimitStep(start=dt.date(2024, 1, 1), value=23, transition_until=dt.date(2024, 6, 30)),
        ],
        min_length=1,
        description="Upper age limit of aftercare (years) by date; a county may choose 25 from 2024.",
    )

    @model_validator(mode="after")
    def _check(self) -> JalkihuoltoStage:
        _check_sorted(self.age_limit, "age_limit")
        return self


AbsenceKind = Literal["summer", "sick", "parental"]
CoverRule = Literal["wait", "colleagues", "lead"]


def _default_cover() -> dict[AbsenceKind, CoverRule]:
    return {"summer": "wait", "sick": "wait", "parental": "colleagues"}


class Absences(StrictModel):
    """Absences of a worker in post and who holds the list meanwhile (every default an assumption)."""

    summer_leave_days: float = Field(
        28.0, ge=0.0, le=90.0, description="Annual leave taken as one block in June–August, calendar days (assumption)."
    )
    sick_leave_spells_per_year: float = Field(
        3.0, ge=0.0, le=50.0, description="Sick-leave spells per worker-year (assumption)."
    )
    sick_leave_mean_days: float = Field(4.0, gt=0.0, le=365.0, description="Mean sick-leave spell, days (assumption).")
    parental_leave_per_year: float = Field(
        0.03, ge=0.0, le=1.0, description="Parental leaves started per worker-year (assumption)."
    )
    parental_leave_mean_days: float = Field(
        300.0, gt=0.0, le=1100.0, description="Mean parental leave, days (assumption)."
    )
    cover: dict[AbsenceKind, CoverRule] = Field(
        default_factory=_default_cover,
        description=(
            "Who holds the list during each kind of absence: wait (it stays with the absent worker, who gets no "
            "new children), colleagues (it moves to colleagues), lead (to a lead social worker up to the cover "
            "cap, the rest to colleagues)."
        ),
    )


class UnitStaffing(StrictModel):
    """Responsible social workers (lapsen asioista vastaavat sosiaalityöntekijät) of one unit in one area."""

    social_workers: float = Field(
        ge=0,
        le=10_000,
        description=(
            "Funded posts of social workers who carry a caseload (lead workers excluded), FTE; a fraction is one "
            "part-time post (6.5 = six full-time posts and one half-time post)."
        ),
    )
    fill_rate: float = Field(
        0.9,
        gt=0.0,
        le=1.0,
        description="Long-run share of posts that are filled; posts start filled with this probability.",
    )
    turnover_per_year: float = Field(
        0.15, ge=0.0, le=5.0, description="Leavers per filled post per year; a leaver's children are reassigned."
    )
    recruitment_delay_cv: float = Field(
        0.5,
        gt=0.0,
        le=5.0,
        description="Spread (cv) of the recruitment time; its mean follows from fill_rate, turnover and notice.",
    )
    notice_days: float = Field(
        30.0,
        ge=0.0,
        le=365.0,
        description=(
            "Notice period of a leaver, days: the worker keeps the list while recruitment has already started "
            "(assumption: one month)."
        ),
    )
    ramp_up_days: float = Field(
        90.0, ge=0.0, le=730.0, description="A new worker's reduced list lasts this many days (assumption)."
    )
    ramp_up_capacity: float = Field(
        0.5, gt=0.0, le=1.0, description="Share of a full list a new worker takes meanwhile (assumption)."
    )
    absences: Absences = Field(default_factory=lambda: Absences())


class Caseload(StrictModel):
    """The statutory caseload limit (lastensuojelulaki 13 b §) and how children are allocated."""

    limit: list[DatedValue] = Field(
        default_factory=lambda: [
            DatedValue(start=dt.date(2022, 1, 1), value=35),
            DatedValue(start=dt.date(2024, 1, 1), value=30),
        ],
        min_length=1,
        description=(
            "Maximum children per responsible social worker by date (law: none before 2022, 35 in 2022–2023, "
            "30 from 2024); before the first step there is no limit."
        ),
    )
    planning_target: int | None = Field(
        None,
        ge=1,
        le=200,
        description=(
            "A stricter planning target (e.g. 25, the STM quality recommendation) applied from planning_target_from; "
            "None: the statutory limit only."
        ),
    )
    planning_target_from: dt.date | None = Field(
        None,
        description=(
            "First day of the planning target (default: 1 January of the first projected year). Never the past."
        ),
    )
    count_jalkihuolto_18_plus: bool = Field(
        False, description="Whether aftercare clients aged 18+ count toward the limit (unsettled in law)."
    )
    jalkihuolto_planning_target: int | None = Field(
        None,
        ge=1,
        le=200,
        description=(
            "The county's own workload target for the aftercare unit: clients of every age (18+ included) per "
            "aftercare worker. The law does not count aftercare clients aged 18+ (count_jalkihuolto_18_plus), so "
            "this is reported as the county's choice, apart from the legal answer; None: no such target."
        ),
    )
    reading: Reading = Field(
        "monitoring_days",
        description=(
            "The reading of 13 b § the staffing answer's headline uses (the others are shown beside it): "
            "monitoring_days (nobody over the limit and nobody without a worker on THL's monitoring days, the "
            "second Tuesday of April and October), month_ends (the same at every month end) or mean_list (counted "
            "children ÷ limit, as the government bill costed the rule). docs/sources.md §9."
        ),
    )
    allocation: Literal["least_loaded", "balanced", "round_robin", "random", "managed"] = Field(
        "least_loaded",
        description=(
            "How a new client is given a named worker within the team and unit (the practice the answer's "
            "headline assumes): least_loaded (with the share balancing), balanced (perfect balance: lists never "
            "differ by more than one), round_robin (a duty rota: new families in turn), random, managed (each new "
            "family to the worker with the shortest list, and a child moves to the colleague with the most room "
            "whenever a worker is over the limit)."
        ),
    )
    compare_allocation: Literal["least_loaded", "balanced", "round_robin", "random", "managed"] = Field(
        "managed",
        description="The practice the staffing answer shows beside the headline's (what changing practice saves).",
    )
    balancing: Share = Field(
        1.0,
        description=(
            "With least_loaded allocation, the share of new clients (families) given to the least-loaded worker; "
            "the rest go to a worker chosen at random (duty rotas, areas within a team, specialised roles)."
        ),
    )
    rebalance_on_hire: bool = Field(
        True, description="A newly hired worker takes children from the most loaded colleagues up to the team mean."
    )
    rationing: Literal["off", "turn_away", "queue"] = Field(
        "off",
        description=(
            "Whether a staff shortage holds recorded demand down (THL 2024): when every worker of the team is at "
            "the limit, a child who needs an open-care client relationship is turned away (unmet need) or queues "
            "for one; off: children are never refused."
        ),
    )
    rationing_threshold: float = Field(
        1.0,
        gt=0.0,
        le=2.0,
        description="Intake stops when the team's mean counted list reaches this share of the limit.",
    )
    responsible_unit: dict[str, UnitName] = Field(
        default_factory=lambda: {  # type: ignore[arg-type]  # literals widen to str in lambdas
            "avohuolto": "avohuolto",
            "avohuollon_sijoitus": "avohuolto",
            "kiireellinen_sijoitus": "sijaishuolto",
            "sijaishuolto": "sijaishuolto",
            "jalkihuolto_alle_18": "avohuolto",
            "jalkihuolto": "jalkihuolto",
        },
        description="Which unit's worker is responsible for a child in each client state.",
    )

    @model_validator(mode="after")
    def _check(self) -> Caseload:
        _check_sorted(self.limit, "limit")
        if set(self.responsible_unit) != set(RESPONSIBILITY_KEYS):
            raise rule_error(
                "rule_keys_exact",
                at=("responsible_unit",),
                keys=list(RESPONSIBILITY_KEYS),
                missing=[k for k in RESPONSIBILITY_KEYS if k not in self.responsible_unit],
                extra=sorted(set(self.responsible_unit) - set(RESPONSIBILITY_KEYS)),
            )
        return self


TeamLayout = Literal["area", "county"] | dict[Name, list[str]]


class Organisation(StrictModel):
    """How each unit's posts are organised into teams, and its lead social workers."""

    teams: dict[UnitName, TeamLayout] = Field(
        default_factory=dict,
        description=(
            "Per unit: 'area' (a team per area), 'county' (one team for the county) or named teams listing their "
            "areas. A child stays with its area's team; posts of a team are its areas' posts. Default: area."
        ),
    )
    leads: dict[UnitName, Annotated[int, Field(ge=0, le=1000)]] = Field(
        default_factory=dict,
        description="Lead social workers of each unit, county-wide, split over its teams by posts (sourced: 5/2/1).",
    )
    lead_cover_cap: int = Field(
        10,
        ge=0,
        le=100,
        description="Children a lead may hold from vacant or absent workers' lists (assumption).",
    )

    def team_areas(self, unit: str, areas: tuple[str, ...]) -> dict[str, list[str]]:
        """Team name -> its areas for ``unit`` (area teams are named after their area)."""
        layout = self.teams.get(unit, "area")  # type: ignore[call-overload]
        if layout == "area":
            return {a: [a] for a in areas}
        if layout == "county":
            return {"koko_alue": list(areas)}
        return {name: list(members) for name, members in layout.items()}


class PlacementDayCosts(StrictModel):
    """Cost of one placement day by kind of placement, euros at the price level of ``costs.base_year``."""

    perhehoito: float = Field(105.0, ge=0.0, le=5000.0, description="Family care, €/day (assumption).")
    ammatillinen_perhekoti: float = Field(225.0, ge=0.0, le=5000.0, description="Professional family home, €/day.")
    laitoshoito: float = Field(350.0, ge=0.0, le=5000.0, description="Purchased institutional place, €/day.")
    erityistason_laitoshoito: float = Field(
        600.0, ge=0.0, le=10000.0, description="Special-level institutional place, €/day (always purchased)."
    )
    kiireellinen_sijoitus: float = Field(
        350.0, ge=0.0, le=5000.0, description="Emergency placement, €/day (assumption: institutional price)."
    )
    avohuollon_sijoitus: float = Field(
        225.0, ge=0.0, le=5000.0, description="Open-care placement, €/day (assumption: professional family home)."
    )
    jalkihuolto: float = Field(
        25.0, ge=0.0, le=1000.0, description="Aftercare support measures per client, €/day (assumption)."
    )


class OwnInstitution(StrictModel):
    beds: int = Field(0, ge=0, le=1000, description="The area's own institutional beds for children (count).")
    bed_day_cost: float = Field(
        300.0, ge=0.0, le=5000.0, description="Cost of one own bed per day, used or not (€/day, fixed cost)."
    )


class Costs(StrictModel):
    """Costs for the economic balancing programme (talouden tasapainottamisohjelma)."""

    base_year: Year = Field(2024, description="Price level of every euro figure below.")
    price_index_per_year: float = Field(
        0.025, ge=-0.1, le=0.3, description="Yearly relative price change after base_year (0.025 = +2.5 %/year)."
    )
    placement_day: PlacementDayCosts = Field(default_factory=lambda: PlacementDayCosts())
    special_level_share: Probability = Field(
        0.1, description="Share of new institutional placements that need a special-level institution."
    )
    own_institutions: dict[str, OwnInstitution] = Field(
        default_factory=dict,
        description="Own institutional beds by area; institutional placements overflow to purchased places.",
    )
    social_worker_per_fte: float = Field(
        63000.0, ge=0.0, le=1e6, description="Social worker, € per full-time year incl. employer contributions."
    )
    vacancy_cover_factor: float = Field(
        1.5,
        ge=1.0,
        le=5.0,
        description=(
            "Price of covering a vacant social-worker post, as a multiple of social_worker_per_fte per vacant "
            "FTE-year (1.5 = 94,500 € with 63,000 €): the team's overtime, purchased social work or temporary staff "
            "do the post's work while it is unfilled. At least 1, so that a vacant post never costs less than a "
            "filled one. Cover staff hold no named clients: the caseloads are those without cover."
        ),
    )
    other_staff_per_fte: float = Field(
        50000.0,
        ge=0.0,
        le=1e6,
        description="Other child-protection staff (family workers, counsellors), € per FTE-year.",
    )
    other_staff: dict[UnitName, dict[str, Annotated[float, Field(ge=0.0, le=10000.0)]]] = Field(
        default_factory=dict, description="Other staff FTE by unit and area (costed, not in caseloads)."
    )


class Levers(StrictModel):
    """Policy levers of the balancing programme. Each takes effect linearly from ``start`` to
    ``full`` and fully after it; all default to no change."""

    start: dt.date = Field(dt.date(2025, 1, 1), description="Levers start to take effect on this day.")
    full: dt.date = Field(dt.date(2026, 1, 1), description="Levers have their full effect from this day.")
    avohuolto_escalation_reduction: float = Field(
        0.0,
        ge=0.0,
        le=0.9,
        description=(
            "Stronger open care: relative cut in the probabilities that open care ends in a placement (0.2 = −20 %)."
        ),
    )
    avohuolto_extra_posts: dict[str, Annotated[int, Field(ge=0, le=1000)]] = Field(
        default_factory=dict,
        description="Extra open-care social-worker posts by area, opened on ``start`` (staffing cost).",
    )
    perhehoito_share_target: float | None = Field(
        None,
        ge=0.0,
        le=1.0,
        description=(
            "Minimum share of family care (perhehoito) among new care placements in every age band, taken from "
            "institutional care first, then professional family homes."
        ),
    )
    reunification_speedup: float = Field(
        0.0, ge=0.0, le=0.9, description="Faster reunification: relative cut in the mean length of new care orders."
    )
    jalkihuolto_age_limit: Literal[23, 25] | None = Field(
        None,
        description=(
            "County choice of the aftercare age limit from 2024 (23 is the law's). When set, aftercare is offered "
            "up to this age as a service of the county, not cut by the statutory 5 years after the placement "
            "(None: the law as in jalkihuolto)."
        ),
    )

    @model_validator(mode="after")
    def _ramp(self) -> Levers:
        if self.full < self.start:
            raise rule_error("rule_levers_ramp", at=("full",), full=self.full, start=self.start)
        return self

    def active(self) -> bool:
        return bool(
            self.avohuolto_escalation_reduction
            or self.avohuolto_extra_posts
            or self.perhehoito_share_target is not None
            or self.reunification_speedup
            or self.jalkihuolto_age_limit is not None
        )


class Conversion(StrictModel):
    """Year-varying factors on the conversion probabilities (1 = the stage's own probability).

    THL: notifications keep rising while the other indicators stay level, "fewer and fewer
    notifications lead to a client relationship". These factors let the conversion change by
    year, with a rule for the years after the data. Probabilities are capped at 1.
    """

    arviointi: YearlySeries = Field(
        default_factory=lambda: YearlySeries(), description="Factor on kasittely.p_arviointi (to assessment)."
    )
    avohuolto: YearlySeries = Field(
        default_factory=lambda: YearlySeries(),
        description="Factor on arviointi.p_avohuolto (to a client relationship).",
    )
    sijoitus: YearlySeries = Field(
        default_factory=lambda: YearlySeries(),
        description=(
            "Factor on the placement probabilities (kasittely.p_kiireellinen_sijoitus and avohuolto's "
            "p_avohuollon_sijoitus, p_kiireellinen_sijoitus and p_huostaanotto)."
        ),
    )
    placements_follow: Literal["child_population", "notified_children", "clients"] = Field(
        "child_population",
        description=(
            "What placements follow when notifications per child or the conversion to a client relationship "
            "change by year. child_population: placements per child of the population are held at the first "
            "observed year's level, so emergency placements from processing and open care's escalation are "
            "offset by the change in notified children per child and in clients per child (THL 2021–2024: "
            "notifications rose a third and open-care clients fell 9 % in 2024 while emergency placements and care "
            "orders stayed level). notified_children: only the conversion's change is offset (those no longer "
            "taken in would not have been placed), so placements follow the notified children; the national "
            "back-test rules it out (docs/sources.md §10). clients: every client escalates as before, so "
            "placements follow the open-care clients (the back-test cannot tell it from child_population)."
        ),
    )
    notification_elasticity: float = Field(
        0.0,
        ge=0.0,
        le=3.0,
        description=(
            "After the years the avohuolto series gives, how much a change in notifications per child is offset "
            "by the conversion to a client relationship: the factor moves by (notifications per child, relative "
            "to the last year of data) to the power −elasticity. 0: every extra notification converts as before; "
            "1: clients follow the child population, not the notifications (THL 2022–2024: notifications rose "
            "while clients did not)."
        ),
    )


class ParameterUncertainty(StrictModel):
    """What is not known about one parameter: a multiplier drawn once per replication."""

    distribution: Literal["lognormal", "uniform"] = Field(
        "lognormal", description="lognormal: multiplier exp(N(0, log_sd²)); uniform: multiplier in [low, high]."
    )
    log_sd: float = Field(0.0, ge=0.0, le=2.0, description="Standard deviation of the log multiplier (lognormal).")
    low: float = Field(1.0, gt=0.0, le=10.0, description="Lowest multiplier (uniform).")
    high: float = Field(1.0, gt=0.0, le=10.0, description="Highest multiplier (uniform).")
    source: Literal["fitted", "assumed", "sourced"] = Field(
        "assumed", description="Where the uncertainty comes from: a fit's covariance, an assumption, a source."
    )

    @model_validator(mode="after")
    def _check(self) -> ParameterUncertainty:
        if self.low > self.high:
            raise rule_error("rule_low_above_high", at=("low",), low=self.low, high=self.high)
        return self


class Uncertainty(StrictModel):
    """Parameter uncertainty: each replication draws one parameter set (as nhp_model does), so the
    P10–P90 bands hold both what we do not know and the simulation's own randomness. A
    replication draws the same set in every scenario it is compared with."""

    parameters: dict[str, ParameterUncertainty] = Field(
        default_factory=dict,
        description=(
            "Dotted parameter path (a number, an age-band table or a duration's mean_days; '*' matches every area "
            "or unit) -> its uncertainty."
        ),
    )
    correlation: dict[str, Annotated[float, Field(ge=-0.99, le=0.99)]] = Field(
        default_factory=dict,
        description="Correlation of two lognormal multipliers, keyed 'path_a|path_b' (e.g. from a fit's covariance).",
    )


class PlanStep(StrictModel):
    """A dated change of posts in a staffing plan (e.g. two more open-care posts in Hämeenlinna
    from 1.3.2026)."""

    start: dt.date = Field(description="First day of the change.")
    unit: UnitName = Field(description="Unit whose posts change.")
    area: str = Field(description="Area the posts belong to (their team follows from the organisation).")
    change: float = Field(
        ge=-1000,
        le=1000,
        description="Posts added (positive) or removed (negative), FTE; a fraction is a part-time post.",
    )
    lead: bool = Field(False, description="The posts are lead social workers' (they cover vacant posts' lists).")


class Provenance(StrictModel):
    """Where one parameter's value comes from (docs/sources.md holds the full record)."""

    status: Literal["sourced", "fitted", "assumed"] = Field(
        description=(
            "sourced: taken (or derived) from the source named; fitted: estimated by `lsmitoitus calibrate`; "
            "assumed: a default to be replaced by the county's own figure."
        )
    )
    source: str = Field(min_length=1, max_length=500, description="The source, the fit or the assumption, in brief.")


class Scenario(StrictModel):
    """A complete, validated simulation scenario."""

    name: str = Field(
        min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.-]+$", description="Short ASCII name, used in folder names."
    )
    description: str = Field("", max_length=4000)
    simulation: SimulationSettings = Field(default_factory=lambda: SimulationSettings())
    areas: dict[Name, Area] = Field(min_length=1, max_length=MAX_AREAS)
    demand: Demand
    kasittely: KasittelyStage
    arviointi: ArviointiStage
    avohuolto: AvohuoltoStage
    avohuollon_sijoitus: AvohuollonSijoitusStage
    kiireellinen_sijoitus: KiireellinenSijoitusStage
    sijaishuolto: SijaishuoltoStage
    jalkihuolto: JalkihuoltoStage
    staffing: dict[UnitName, dict[str, UnitStaffing]] = Field(
        description="Posts by unit and area: staffing.<unit>.<area>."
    )
    caseload: Caseload = Field(default_factory=lambda: Caseload())
    organisation: Organisation = Field(default_factory=lambda: Organisation())
    staffing_plan: list[PlanStep] = Field(
        default_factory=list,
        max_length=MAX_PLAN_STEPS,
        description="Dated changes of posts after the start (a budget's staffing plan).",
    )
    conversion: Conversion = Field(default_factory=lambda: Conversion())
    uncertainty: Uncertainty = Field(default_factory=lambda: Uncertainty())
    costs: Costs = Field(default_factory=lambda: Costs())
    levers: Levers = Field(default_factory=lambda: Levers())
    provenance: dict[str, Provenance] = Field(
        default_factory=dict,
        description=(
            "Dotted parameter path ('*' matches every key at a level; a table's path covers its values) -> where "
            "its value comes from. A parameter without an entry is an assumption."
        ),
    )

    @model_validator(mode="after")
    def _areas_consistent(self) -> Scenario:
        names = set(self.areas)
        areas = list(self.areas)
        share = sum(a.notification_share for a in self.areas.values())
        if abs(share - 1.0) > 1e-6:
            raise rule_error("rule_area_shares_sum", at=("areas",), total=float(share))
        for at, keys in (
            (("arviointi", "workers"), set(self.arviointi.workers)),
            *((("staffing", unit), set(self.staffing[unit])) for unit in UNITS if unit in self.staffing),
        ):
            if keys != names:
                missing = [a for a in areas if a not in keys]
                raise rule_error("rule_area_keys", at=at, areas=areas, missing=missing, extra=sorted(keys - names))
        for unit in UNITS:
            if unit not in self.staffing:
                raise rule_error("rule_unit_missing", at=("staffing", unit), areas=areas)
        by_area: list[tuple[tuple[str, ...], set[str]]] = [
            (("costs", "own_institutions"), set(self.costs.own_institutions)),
            (("levers", "avohuolto_extra_posts"), set(self.levers.avohuolto_extra_posts)),
            *((("costs", "other_staff", u), set(a)) for u, a in self.costs.other_staff.items()),
        ]
        for table, keys in by_area:
            if not keys <= names:
                raise rule_error("rule_unknown_areas", at=table, unknown=sorted(keys - names), areas=areas)
        for unit in UNITS:
            teams = self.organisation.team_areas(unit, self.area_names)
            listed = [a for members in teams.values() for a in members]
            if sorted(listed) != sorted(names):
                extra = sorted({a for a in listed if a not in names or listed.count(a) > 1})
                missing = [a for a in areas if a not in listed]
                raise rule_error(
                    "rule_team_areas", at=("organisation", "teams", unit), areas=areas, missing=missing, extra=extra
                )
        for i, step in enumerate(self.staffing_plan):
            if step.area not in names:
                raise rule_error("rule_not_an_area", at=("staffing_plan", i, "area"), value=step.area, areas=areas)
        check_paths(self)
        check_provenance_paths(self)
        return self

    @property
    def area_names(self) -> tuple[str, ...]:
        return tuple(self.areas)

    def with_overrides(self, **simulation: object) -> Scenario:
        """A copy with some ``simulation`` settings replaced (e.g. seed, replications), re-validated."""
        data = self.model_dump()
        data["simulation"].update(simulation)
        return Scenario.model_validate(data)


# --- the bounds of a value, found by its path ---------------------------------------------


def value_bounds(path: Sequence[Any]) -> Bounds:
    """The range the schema allows the number at ``path`` (keys from the top of a scenario,
    table keys included): ``("demand", "notifications", 2021)`` gives 0 ≤ value ≤ 10,000,000,
    without the bounds of the year key."""
    return bounds_in(Scenario, path)


def key_bounds(path: Sequence[Any]) -> Bounds:
    """The range the schema allows the keys of the table at ``path`` (the years of
    ``("demand", "notifications")``: 1990–2100)."""
    return key_bounds_in(Scenario, path)


def _check_sorted(schedule: Sequence[DatedValue], what: str) -> None:
    starts = [s.start for s in schedule]
    if starts != sorted(starts) or len(set(starts)) != len(starts):
        raise rule_error("rule_steps_order", at=(what,), starts=starts)


__all__ = [
    "AGE_BANDS",
    "AgeLimitStep",
    "Area",
    "ArviointiStage",
    "Bounds",
    "ByAge",
    "Caseload",
    "Conversion",
    "DatedValue",
    "Demand",
    "Duration",
    "KasittelyStage",
    "Organisation",
    "ParameterUncertainty",
    "PlanStep",
    "Provenance",
    "Scenario",
    "Uncertainty",
    "UnitStaffing",
    "WorkingDayDelay",
    "YearlySeries",
    "by_age",
    "key_bounds",
    "value_bounds",
]
