"""Whether a valid scenario can be run: plausibility checks made before any simulation starts.

The schema (:mod:`.schema`) checks each value on its own; these checks catch combinations that
validate but would crash a run or make it run for hours: a reported period without a year end
(yearly results and THL's indicators are per calendar year), a county without children, and
demand far beyond anything observed. Each problem gets one line of a :class:`ScenarioError`.

Pure Python on purpose: ``lsmitoitus validate`` runs these checks and must start quickly, so
the demand projection of :mod:`lsmitoitus.model.demand` is restated here without numpy (a test
keeps the two equal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from ..text.formats import Formatted, date, integer, number, percent, significant
from ..text.i18n import Msg, echo
from .demand_inputs import area_population, county_notifications, county_population
from .errors import ScenarioError
from .schema import PlanStep, Scenario, YearlySeries, by_age

#: Most notifications per child aged 0–17 per year accepted: ten times the national level of
#: 2023 (214,638 notifications for about 1.08 million children, ≈ 0.2).
MAX_NOTIFICATIONS_PER_CHILD = 2.0
#: Most notifications simulated in one replication (warm-up included): a national 20-year run
#: has about 4.3 million.
MAX_NOTIFICATIONS_PER_REPLICATION = 5_000_000
#: Most notifications in one year: about five times the national level; the clients of a year
#: are in memory at once (a million notifications a year take about 700 MB).
MAX_NOTIFICATIONS_PER_YEAR = 1_000_000
#: Most posts the county may have at any time (caseload posts of every unit and area, lead
#: posts, the levers' extra posts and the staffing plan's additions): Finland has about 2,000
#: child-protection social workers.
MAX_POSTS = 10_000
#: Most events one replication may simulate, as estimated before it starts
#: (:func:`estimated_events`). The default has about 21,000; at the model's 30–90 µs an event,
#: the limit is a replication of at most a few minutes.
MAX_EVENTS_PER_REPLICATION = 5_000_000
#: The model core stops a replication that simulates more than this many events (the estimate
#: erred): the work of a replication is bounded whatever the scenario.
EVENT_BUDGET = 2 * MAX_EVENTS_PER_REPLICATION


def simulated_years(scenario: Scenario) -> range:
    """Calendar years the model simulates, warm-up included."""
    sim = scenario.simulation
    return range(sim.start.year - sim.warmup_years, sim.end.year + 1)


def _when(years: list[int]) -> Msg:
    """The years as words: in 2024, or in 2022–2024 (the span is what matters)."""
    return Msg("in_years", first=years[0], last=years[-1]) if len(years) > 1 else Msg("in_year", year=years[0])


def problems(scenario: Scenario) -> list[Msg]:
    """Everything that keeps a valid scenario from running, one message each (empty: runnable)."""
    found: list[Msg] = []
    sim = scenario.simulation
    first_year_end = dt.date(sim.start.year, 12, 31)
    if sim.end < first_year_end:
        found.append(Msg("check_horizon", start=Formatted(date, sim.start), end=Formatted(date, sim.end)))
    empty = [name for name, area in scenario.areas.items() if not area.population_0_17]
    if empty:
        found.append(Msg("check_population_empty", areas=echo(", ".join(empty), plain=True)))
        return found  # nothing below can be computed without a population
    years = simulated_years(scenario)
    zero = [y for y in years if county_population(scenario, y) <= 0.0]
    if zero:
        found.append(Msg("check_population_zero", when=_when(zero)))
        return found
    for name, area in scenario.areas.items():
        empty_years = [y for y in years if area_population(scenario, name, y) <= 0.0]
        if area.notification_share > 0 and empty_years:
            found.append(
                Msg(
                    "check_area_population_zero",
                    area=echo(name, plain=True),
                    when=_when(empty_years),
                    share=Formatted(percent, area.notification_share, digits=1),
                )
            )
    demand = scenario.demand
    for table, given in (("notifications", demand.notifications), ("series", demand.series)):
        zeros = sorted(y for y, n in given.items() if n < 1)
        if zeros:
            found.append(Msg("check_notifications_zero", field=f"demand.{table}", when=_when(zeros)))
    if found:
        return found
    ratio, year = max((county_notifications(scenario, y) / county_population(scenario, y), y) for y in years)
    if ratio > MAX_NOTIFICATIONS_PER_CHILD:
        found.append(
            Msg(
                "check_demand_per_child",
                year=year,
                notifications=Formatted(integer, county_notifications(scenario, year)),
                children=Formatted(integer, county_population(scenario, year)),
                ratio=Formatted(significant, ratio, digits=3),
                limit=Formatted(number, MAX_NOTIFICATIONS_PER_CHILD),
            )
        )
    peak, peak_year = max((county_notifications(scenario, y), y) for y in years)
    if peak > MAX_NOTIFICATIONS_PER_YEAR:
        found.append(
            Msg(
                "check_demand_year",
                year=peak_year,
                notifications=Formatted(integer, peak),
                limit=Formatted(integer, MAX_NOTIFICATIONS_PER_YEAR),
            )
        )
    total = sum(county_notifications(scenario, y) for y in years)
    if total > MAX_NOTIFICATIONS_PER_REPLICATION:
        found.append(
            Msg(
                "check_demand_total",
                total=Formatted(integer, total),
                first=years[0],
                last=years[-1],
                limit=Formatted(integer, MAX_NOTIFICATIONS_PER_REPLICATION),
            )
        )
    found += posts_problems(scenario)
    if not found:
        events = estimated_events(scenario)
        if events > MAX_EVENTS_PER_REPLICATION:
            found.append(
                Msg(
                    "check_work",
                    events=Formatted(integer, round(events, 2 - len(str(int(events))))),  # 46 000 000
                    limit=Formatted(integer, MAX_EVENTS_PER_REPLICATION),
                )
            )
    return found


def most_posts(scenario: Scenario, plan: Sequence[PlanStep] | None = None) -> tuple[float, dt.date]:
    """The most posts the county has at any time, and the first day it has them: caseload posts
    of every unit and area, leads, the levers' extra posts and the staffing plan's additions
    (``plan`` instead of the scenario's own)."""
    posts = sum(s.social_workers for unit in scenario.staffing.values() for s in unit.values())
    posts += sum(scenario.organisation.leads.values())
    steps = sorted(scenario.staffing_plan if plan is None else plan, key=lambda step: step.start)
    changes = [(step.start, step.change) for step in steps]
    extra = sum(scenario.levers.avohuolto_extra_posts.values())
    if extra:
        changes.append((scenario.levers.start, float(extra)))
    changes.sort()
    most, when = posts, scenario.simulation.start
    for day, change in changes:
        posts += change
        if posts > most:
            most, when = posts, day
    return most, when


def posts_problems(scenario: Scenario, plan: Sequence[PlanStep] | None = None, source: str = "") -> list[Msg]:
    """The county's posts at any time stay within :data:`MAX_POSTS` (empty: they do)."""
    most, when = most_posts(scenario, plan)
    if most <= MAX_POSTS:
        return []
    return [
        Msg(
            "check_posts_total",
            posts=Formatted(integer, most),
            day=Formatted(date, when),
            limit=Formatted(integer, MAX_POSTS),
        )
    ]


def _largest(value: float | Mapping[Any, float]) -> float:
    return max(by_age(value))


def _factor(series: YearlySeries, years: range) -> float:
    """The largest factor a conversion series gives in ``years`` (a range rule at its high end)."""
    high = series.range_per_year[1]
    return max([1.0, *(series.value(y, 1.0, high) for y in years)])


def estimated_events(scenario: Scenario) -> float:
    """An upper estimate of the events one replication simulates, before it starts.

    Children who become clients (assessed into open care, or placed at once) are events at each
    change of stage; open care that ends in a placement and back home repeats, at most until the
    child is 18 (``q`` is the chance an episode does). The clients present at the start come from
    the stationary state. Every post has staff events: leavers and hires, absences. Notifications
    and processing are drawn a year at a time without events. Probabilities are taken at their
    largest (over age bands, with the conversion factors at their highest)."""
    years = simulated_years(scenario)
    demand, conversion = scenario.demand, scenario.conversion
    per_child = demand.notifications_per_notified_child
    lowest_per_child = (
        min([*per_child.values.values(), 1.95]) if isinstance(per_child, YearlySeries) else float(per_child)
    )
    new_children = sum(county_notifications(scenario, y) for y in years) / max(lowest_per_child, 1.0)
    new_children *= 1.0 - demand.already_client_share
    p_assessed = min(1.0, _largest(scenario.kasittely.p_arviointi) * _factor(conversion.arviointi, years))
    p_client = min(1.0, _largest(scenario.arviointi.p_avohuolto) * _factor(conversion.avohuolto, years))
    placed = _factor(conversion.sijoitus, years)
    low = conversion.avohuolto.range_per_year[0]
    lowest_client = min([1.0, *(conversion.avohuolto.value(y, 1.0, low) for y in years)])
    # as model/parameters.py: unless placements follow the clients, open care's escalation rises
    # as the conversion falls (at most to certainty, _bounded_escalation)
    escalated = placed / lowest_client if conversion.placements_follow != "clients" else placed
    p_urgent = min(1.0, _largest(scenario.kasittely.p_kiireellinen_sijoitus) * placed)
    clients = new_children * min(1.0, p_assessed * p_client + p_urgent)
    avohuolto = scenario.avohuolto
    p_open_placement = min(1.0, _largest(avohuolto.p_avohuollon_sijoitus) * escalated)
    p_emergency = min(1.0, _largest(avohuolto.p_kiireellinen_sijoitus) * escalated)
    p_care_order = min(1.0, _largest(avohuolto.p_huostaanotto) * escalated)
    care_from_open = _largest(scenario.avohuollon_sijoitus.p_huostaanotto)
    care_from_emergency = _largest(scenario.kiireellinen_sijoitus.p_huostaanotto)
    back_home = p_open_placement * (1.0 - min(by_age(scenario.avohuollon_sijoitus.p_huostaanotto)))
    back_home += p_emergency * (1.0 - min(by_age(scenario.kiireellinen_sijoitus.p_huostaanotto)))
    q = min(1.0, back_home)
    placement_days = min(
        scenario.avohuollon_sijoitus.duration.mean_days, scenario.kiireellinen_sijoitus.home_duration.mean_days
    )
    episode_days = avohuolto.duration.mean_days + q * placement_days
    middle = {"0-2": 1.5, "3-6": 5.0, "7-12": 10.0, "13-15": 14.5, "16-17": 17.0}
    age = sum(share * middle.get(band, 9.0) for band, share in demand.age_at_notification.items())
    until_18 = (18.0 - age) * 365.25 / max(episode_days, 1e-9)  # episodes left before 18, on average
    episodes = until_18 if q >= 1.0 else min(1.0 / (1.0 - q), until_18)
    # each stage is one event (its end); care, aftercare and the 18th birthday for those placed
    p_care = min(1.0, p_urgent + p_care_order + p_open_placement * care_from_open + p_emergency * care_from_emergency)
    per_client = episodes * (1.0 + q) + 3.0 * p_care
    care_years = min(18.0, scenario.sijaishuolto.duration.mean_days / 365.25)
    stay_years = min(18.0, episodes * episode_days / 365.25 + p_care * care_years)
    at_start = clients / len(years) * stay_years
    staff = 0.0
    for unit in scenario.staffing.values():
        for s in unit.values():
            a = s.absences
            per_post = 4.0 * s.turnover_per_year + 2.0 * (a.sick_leave_spells_per_year + a.parental_leave_per_year) + 2
            staff += s.social_workers * per_post
    posts, _ = most_posts(scenario)
    staff = max(staff, posts * 4.0) * len(years)  # leads and added posts: at least their summers and changes
    return (clients + at_start) * per_client + staff


def check_runnable(scenario: Scenario, source: str = "<scenario>") -> None:
    """Raise :class:`ScenarioError` listing every reason ``scenario`` cannot be run, if any."""
    found = problems(scenario)
    if found:
        raise ScenarioError([Msg("not_runnable", source=source), *found])
