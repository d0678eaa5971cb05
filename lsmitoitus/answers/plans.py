"""Staffing plans: dated changes of posts (a budget's staffing plan), checked against a scenario;
the scenario with a plan; and the cheapest plan that meets a dimensioning answer.

A plan is a list of :class:`~lsmitoitus.scenario.schema.PlanStep`: from a date, so many posts
(FTE; 0.5 is a half-time post) more or fewer in a unit and area, ordinary or lead posts. It
replaces the scenario's own ``staffing_plan``: the plan is all the changes over the funded posts
of ``staffing``. Files (TOML, the workbook's plan sheet) are read in
:mod:`lsmitoitus.reports.plan_files`; this module checks what they give, whatever the format, so
every problem gets the same message naming the row.

**The cheapest plan** that meets the target: for each team and projected year, the posts that
keep every reading day of the year compliant at the answer's stated level (the yearly requirement
of :mod:`lsmitoitus.answers.dimensioning` at the confidence, or its median when the replications
cannot carry the confidence), from 1 January, held steady: posts are only added, unless the
requirement falls for good (no later year needs the posts again), so replication noise in the
yearly requirement (+7, −3, +2) never becomes hiring and firing. It is the cheapest such plan: a
year's posts are paid the whole year and no fewer posts comply. A team of several areas (a
county-wide team) gets its posts in one row a change, on the area where the requirement search
adds them (its first area); within a team posts are pooled, so the area only says where they are
budgeted. A post opened on a date is vacant while it is recruited (the model's recruitment time),
so a plan that opens posts on 1 January may comply less in that year than the requirement says:
evaluate it (``--plan``) and open posts earlier.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..model.posts import PostSpec, posts_on, unit_posts
from ..scenario.checks import posts_problems
from ..scenario.schema import MAX_PLAN_STEPS, PlanStep, Scenario
from ..text.formats import Formatted, date, number
from ..text.i18n import Joined, Msg, UserError, echo, t
from ..vocabulary import UNITS
from .dimensioning import DimensioningResult, dimension
from .staffing_answer import CONF, MEAN, P50, answer_of

#: The fields of a plan step, in the order of a plan sheet.
FIELDS = ("start", "unit", "area", "change", "lead")
#: Problems listed in one message; the rest are counted.
MAX_PROBLEMS_SHOWN = 20
#: Most steps a plan may have (a county's plan has tens), as the schema's staffing_plan.
MAX_STEPS = MAX_PLAN_STEPS
#: Largest change of posts (FTE) one step may make, as the schema's PlanStep allows.
MAX_CHANGE = 1000
YES = {"kyllä", "k", "yes", "y", "true", "tosi", "1", "x"}
NO = {"ei", "e", "no", "n", "false", "epätosi", "0", ""}


class PlanError(UserError, ValueError):
    """A plan could not be read or does not fit the scenario (message for the user)."""


@dataclass(frozen=True)
class UncomputedFormula:
    """A workbook cell that holds a formula no program has calculated (a file written by a tool
    that does not compute formulas): there is no value to read, only the formula."""

    formula: str


@dataclass(frozen=True)
class RawStep:
    """One step as a file gives it (any types), and where it is, for messages."""

    where: Msg | str
    values: Mapping[str, Any]


def _unit(value: Any) -> str | None:
    text = str(value).strip().casefold() if value is not None else ""
    for unit in UNITS:
        if text in {unit, t(unit, "fi").casefold(), t(unit, "en").casefold()}:
            return unit
    return None


def _area(value: Any, areas: Sequence[str]) -> str | None:
    text = str(value).strip() if value is not None else ""
    return next((a for a in areas if a == text), None) or next(
        (a for a in areas if a.casefold() == text.casefold()), None
    )


_FINNISH_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if value is not None else ""
    found = _FINNISH_DATE.match(text)
    try:
        if found:
            return dt.date(int(found[3]), int(found[2]), int(found[1]))
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = str(value).strip().replace("\u2212", "-").replace(",", ".")
        text = re.sub(r"[\s\u00a0\u202f]", "", text)
        try:
            number = float(text)
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _lead(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    text = "" if value is None else str(value).strip().casefold()
    return True if text in YES else False if text in NO else None


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_steps(rows: Sequence[RawStep], scenario: Scenario, source: str) -> list[PlanStep]:
    """Check every row of a plan against ``scenario`` and return the steps in date order.

    Raises :class:`PlanError` listing every problem (unknown unit or area, a date that is not a
    date or lies outside the simulated period, a change that is not a number, a lead that is
    not yes or no, a removal of posts that do not exist), each with its row."""
    if len(rows) > MAX_STEPS:
        raise PlanError(Msg("plan_too_many", path=source, n=len(rows), limit=MAX_STEPS))
    areas = scenario.area_names
    first, last = scenario.simulation.start, scenario.simulation.end
    steps: list[PlanStep] = []
    problems: list[Msg] = []
    for row in rows:
        values = row.values
        uncomputed = [n for n in FIELDS if isinstance(values.get(n), UncomputedFormula)]
        if uncomputed:
            formulas = [
                Msg("plan_formula", field=Msg(f"plan_{n}"), formula=echo(values[n].formula, plain=True))
                for n in uncomputed
            ]
            problems += [Msg("plan_problem", where=row.where, text=Joined(formulas))]
            continue
        found: list[Msg] = []
        for name in ("start", "unit", "area", "change"):
            if _missing(values.get(name)):
                found.append(Msg("plan_missing", field=Msg(f"plan_{name}")))
        unit = _unit(values.get("unit"))
        if unit is None and not _missing(values.get("unit")):
            labels = ", ".join(t(u, "fi") for u in UNITS)
            found.append(Msg("plan_bad_unit", value=echo(values.get("unit"), plain=True), allowed=labels))
        area = _area(values.get("area"), areas)
        if area is None and not _missing(values.get("area")):
            found.append(Msg("plan_bad_area", value=echo(values.get("area"), plain=True), allowed=", ".join(areas)))
        start = _date(values.get("start"))
        if start is None and not _missing(values.get("start")):
            found.append(Msg("plan_bad_date", value=echo(values.get("start"), plain=True)))
        elif start is not None and not first <= start <= last:
            found.append(
                Msg(
                    "plan_date_outside",
                    value=Formatted(date, start),
                    first=Formatted(date, first),
                    last=Formatted(date, last),
                )
            )
        change = _number(values.get("change"))
        if change is None and not _missing(values.get("change")):
            found.append(Msg("plan_bad_change", value=echo(values.get("change"), plain=True)))
        elif change is not None and abs(change) > MAX_CHANGE:
            found.append(
                Msg(
                    "plan_change_range",
                    value=Formatted(number, change),
                    low=Formatted(number, -MAX_CHANGE),
                    high=Formatted(number, MAX_CHANGE),
                )
            )
        lead = _lead(values.get("lead"))
        if lead is None:
            found.append(Msg("plan_bad_lead", value=echo(values.get("lead"), plain=True)))
        if found:
            problems += [Msg("plan_problem", where=row.where, text=Joined(found))]
            continue
        assert start is not None and unit is not None and area is not None and change is not None and lead is not None
        steps.append(PlanStep(start=start, unit=unit, area=area, change=change, lead=lead))
    if not problems:
        problems = _removals(scenario, steps, rows)
    if not problems:
        problems = posts_problems(scenario, steps)
    if problems:
        n = len(problems)
        title = Msg("plan_invalid_one", path=source) if n == 1 else Msg("plan_invalid", path=source, n=n)
        lines: list[Msg | str] = [title]
        lines += problems[:MAX_PROBLEMS_SHOWN]
        if n > MAX_PROBLEMS_SHOWN:
            more = n - MAX_PROBLEMS_SHOWN
            lines.append(Msg("more_problems_one") if more == 1 else Msg("more_problems", n=more))
        raise PlanError(lines)
    return sorted(steps, key=lambda s: s.start)


def _area_fte(scenario: Scenario, unit: str, area: str, day: dt.date, lead: bool) -> float:
    """FTE of an area's posts on ``day`` that a plan step can remove: its ordinary posts, or the
    lead posts earlier steps added (the county's ``organisation.leads`` are not the area's)."""
    posts: list[PostSpec] = [p for team in unit_posts(scenario, unit).values() for p in team]
    return sum(
        p.fte
        for p in posts
        if p.area == area and p.lead == lead and p.exists_on(day) and (not lead or p.opens is not None)
    )


def _removals(scenario: Scenario, steps: Sequence[PlanStep], rows: Sequence[RawStep]) -> list[Msg]:
    """A step may not remove more posts than the area has on its date (with the earlier steps)."""
    problems = []
    where = {id(step): row.where for step, row in zip(steps, rows, strict=True)}
    ordered = sorted(steps, key=lambda s: s.start)
    for i, step in enumerate(ordered):
        if step.change >= 0:
            continue
        before = with_plan(scenario, ordered[:i])
        have = _area_fte(before, step.unit, step.area, step.start, step.lead)
        if have + step.change < -1e-9:
            problems.append(
                Msg(
                    "plan_problem",
                    where=where[id(step)],
                    text=Msg(
                        "plan_removes_too_many",
                        change=Formatted(number, -step.change),
                        have=Formatted(number, have),
                        day=Formatted(date, step.start),
                    ),
                )
            )
    return problems


def with_plan(scenario: Scenario, steps: Sequence[PlanStep]) -> Scenario:
    """``scenario`` with ``steps`` as its staffing plan (replacing its own)."""
    data = scenario.model_dump()
    data["staffing_plan"] = [s.model_dump() for s in steps]
    return Scenario.model_validate(data)


def plan_records(steps: Sequence[PlanStep]) -> list[dict[str, Any]]:
    """Steps as plain records (start, unit, area, change, lead), e.g. for a TOML file."""
    return [s.model_dump() for s in sorted(steps, key=lambda s: s.start)]


def _team_areas(scenario: Scenario, unit: str) -> dict[str, list[str]]:
    return scenario.organisation.team_areas(unit, scenario.area_names)


def apportion(total: float, weights: Sequence[float]) -> list[float]:
    """``total`` posts split over areas in proportion to ``weights`` (their posts): whole posts by
    the largest remainder, and a fraction of ``total`` (from part-time funded posts) to the
    largest area. The parts sum to ``total``."""
    if not weights:
        return []
    weights = list(weights) if sum(weights) > 0 else [1.0] * len(weights)
    sign = -1.0 if total < 0 else 1.0
    whole = math.floor(abs(total) + 1e-9)
    quotas = [whole * w / sum(weights) for w in weights]
    parts = [math.floor(q + 1e-9) for q in quotas]
    order = sorted(range(len(weights)), key=lambda i: parts[i] - quotas[i])
    for i in order[: whole - sum(parts)]:
        parts[i] += 1
    out = [sign * p for p in parts]
    largest = max(range(len(weights)), key=lambda i: weights[i])
    out[largest] += total - sign * whole
    return out


def steady(required: Sequence[float]) -> list[float]:
    """The posts a plan holds each year for yearly ``required`` posts: never fewer than the
    year needs, and never fewer than the year before unless no later year needs as many again
    (the requirement fell for good). [20, 22, 21, 23] -> [20, 22, 22, 23]; [20, 22, 21, 20] ->
    [20, 22, 21, 20]."""
    out: list[float] = []
    for i, need in enumerate(required):
        later = max(required[i:])
        out.append(need if not out else max(need, min(out[-1], later)))
    return out


def team_home(scenario: Scenario, unit: str, team: str, areas: Sequence[str]) -> str:
    """The area a team's new posts are budgeted on: where the requirement search adds them (the
    area of the team's first ordinary post; :func:`lsmitoitus.dimensioning.candidate_specs`)."""
    posts = unit_posts(scenario, unit).get(team, [])
    return next((p.area for p in posts if not p.lead), areas[0])


def cheapest_plan(result: DimensioningResult) -> list[PlanStep]:
    """The cheapest steady plan that meets the answer's target: in every team, from 1 January of
    each projected year, the yearly requirement at the answer's confidence held steady
    (:func:`steady`). Changes are counted from the funded posts of ``staffing`` (the plan
    replaces any plan the scenario has). A team's additions are one row a change, on its home
    area (:func:`team_home`); a removal that area cannot give is shared over the team's areas in
    proportion to their posts.

    A team needs whole posts: its requirement (a quantile over replications, so a fraction) is
    rounded up. A team whose clients the law does not count (aftercare's young adults) keeps its
    funded posts: a legal requirement of 0 says nothing about the work they do."""
    scenario = result.scenario
    without = with_plan(scenario, [])
    yearly = result.yearly
    first_year = result.target_from.year
    column = stated_column(result)
    uncounted = {(x.unit, x.team) for x in answer_of(result).teams if not x.counted}
    steps: list[PlanStep] = []
    for unit in UNITS:
        for team, areas in _team_areas(scenario, unit).items():
            if (unit, team) in uncounted:
                continue
            rows = yearly[(yearly["unit"] == unit) & (yearly["team"] == team) & (yearly["year"] >= first_year)]
            rows = rows[rows[column].notna()].sort_values("year")
            years = [int(y) for y in rows["year"]]
            held = steady([float(math.ceil(float(v) - 1e-6)) for v in rows[column]])
            home = team_home(without, unit, team, areas)
            planned = {area: 0.0 for area in areas}
            for year, level in zip(years, held, strict=True):
                day = dt.date(year, 1, 1)
                change = round(level - posts_on(without, unit, team, day) - sum(planned.values()), 6)
                if abs(change) <= 1e-9:
                    continue
                have = _area_fte(without, unit, home, day, lead=False) + planned[home]
                if change > 0 or have + change >= -1e-9:
                    parts = {home: change}
                else:  # more posts go than the home area has: from every area by its posts
                    weights = [_area_fte(without, unit, a, day, lead=False) + planned[a] for a in areas]
                    parts = dict(zip(areas, apportion(change, weights), strict=True))
                for area, part in parts.items():
                    if abs(part) > 1e-9:
                        steps.append(PlanStep(start=day, unit=unit, area=area, change=round(part, 6)))
                        planned[area] += part
    return sorted(steps, key=lambda s: (s.start, UNITS.index(s.unit)))


def stated_column(result: DimensioningResult) -> str:
    """The yearly table's column at the answer's stated level (:mod:`.staffing_answer`): the
    confidence quantile when the replications carry it, else the median; the mean list's mean."""
    level = answer_of(result).level
    return {CONF: "required_posts_conf", P50: "required_posts_p50", MEAN: "required_posts_mean"}[level]


def plan_given(result: DimensioningResult) -> bool:
    """Whether ``result`` evaluates a plan given by the user (else it proposes the cheapest)."""
    return bool(result.meta.get("plan"))


def evaluate_plan(
    scenario: Scenario, steps: Sequence[PlanStep], source: str = "plan", **options: Any
) -> DimensioningResult:
    """Dimension ``scenario`` with ``steps`` as its staffing plan: the answer's funded posts are
    the plan's, and its compliance, shortfall and costs are the plan's. ``options`` go to
    :func:`lsmitoitus.answers.dimensioning.dimension`."""
    result = dimension(with_plan(scenario, steps), **options)
    result.meta["plan"] = source
    return result


def plan_table(result: DimensioningResult) -> list[PlanStep]:
    """The plan an answer is about: the plan evaluated, or else the cheapest plan."""
    return list(result.scenario.staffing_plan) if plan_given(result) else cheapest_plan(result)


__all__ = [
    "FIELDS",
    "PlanError",
    "RawStep",
    "cheapest_plan",
    "evaluate_plan",
    "parse_steps",
    "plan_given",
    "plan_records",
    "plan_table",
    "steady",
    "with_plan",
]
