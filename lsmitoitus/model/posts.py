"""Which posts of responsible social workers exist, in which team, and from when: the one rule
that the event model, the replay, the dimensioning and the budget all use.

* Funded posts (``staffing.<unit>.<area>.social_workers``, FTE; a fraction is one part-time
  post) exist from the beginning.
* The balancing programme's extra open-care posts (``levers.avohuolto_extra_posts``) exist from
  ``levers.start``.
* A staffing plan (``staffing_plan``) adds posts on its dates, or removes them: the latest
  added posts of the area go first.
* Lead social workers (``organisation.leads``, county-wide per unit) are split over the unit's
  teams in proportion to their posts; they cover the lists of vacant or absent colleagues.

A team's posts are its areas' posts (``organisation.teams``); each post keeps its area's
staffing parameters (fill rate, turnover, absences: :class:`~.parameters.StaffingParameters`).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from ..memo import RecentByIdentity
from ..scenario.schema import Scenario
from ..vocabulary import UNITS
from .parameters import StaffingParameters, staffing_parameters


@dataclass(frozen=True)
class PostSpec:
    """One post: its area, size (FTE), the days it exists, and whether it is a lead's."""

    area: str
    fte: float
    opens: dt.date | None  # None: from the beginning
    closes: dt.date | None  # None: to the end
    lead: bool
    staff: StaffingParameters

    def exists_on(self, day: dt.date) -> bool:
        """Whether the post exists on ``day`` (opened, not yet closed)."""
        return (self.opens is None or self.opens <= day) and (self.closes is None or day < self.closes)


def team_of_area(scenario: Scenario, unit: str) -> dict[str, str]:
    """Area -> the name of its team in ``unit``."""
    teams = scenario.organisation.team_areas(unit, scenario.area_names)
    return {area: team for team, areas in teams.items() for area in areas}


def post_sizes(fte: float) -> list[float]:
    """Posts of ``fte`` full-time equivalents: whole posts, then one part-time post for a fraction
    (6.5 = six full-time posts and one half-time post)."""
    whole = int(fte)
    part = round(fte - whole, 6)
    return [1.0] * whole + ([part] if part > 0 else [])


def _area_posts(scenario: Scenario, unit: str, area: str, staff: StaffingParameters) -> list[PostSpec]:
    posts = [PostSpec(area, fte, None, None, False, staff) for fte in post_sizes(staff.social_workers)]
    levers = scenario.levers
    extra = levers.avohuolto_extra_posts.get(area, 0) if unit == "avohuolto" else 0
    posts += [PostSpec(area, 1.0, levers.start, None, False, staff) for _ in range(extra)]
    for step in sorted(scenario.staffing_plan, key=lambda s: s.start):
        if step.unit != unit or step.area != area:
            continue
        if step.change > 0:
            posts += [PostSpec(area, fte, step.start, None, step.lead, staff) for fte in post_sizes(step.change)]
        else:
            to_remove = -step.change
            for i in range(len(posts) - 1, -1, -1):  # the latest added go first
                post = posts[i]
                if to_remove <= 1e-9:
                    break
                if post.lead != step.lead or not post.exists_on(step.start):
                    continue
                if post.fte <= to_remove + 1e-9:
                    posts[i] = PostSpec(post.area, post.fte, post.opens, step.start, post.lead, staff)
                    to_remove -= post.fte
                else:  # a part of a post: it becomes a smaller post from the day
                    posts[i] = PostSpec(post.area, post.fte, post.opens, step.start, post.lead, staff)
                    posts.append(PostSpec(post.area, post.fte - to_remove, step.start, None, post.lead, staff))
                    to_remove = 0.0
    return posts


#: unit_posts of the scenarios asked about lately: the reports ask for a team's posts on every
#: month end of every year, thousands of times per answer
_RECENT: RecentByIdentity[dict[str, list[PostSpec]]] = RecentByIdentity(32)


def unit_posts(scenario: Scenario, unit: str) -> dict[str, list[PostSpec]]:
    """Team -> its posts (its areas' posts in area order, then its share of the unit's leads)."""
    posts = _RECENT.get(scenario, unit, lambda: _unit_posts(scenario, unit))
    return {team: list(team_posts) for team, team_posts in posts.items()}  # a copy: callers may extend it


def _unit_posts(scenario: Scenario, unit: str) -> dict[str, list[PostSpec]]:
    teams = scenario.organisation.team_areas(unit, scenario.area_names)
    staffing = staffing_parameters(scenario)[unit]
    out = {
        team: [p for area in areas for p in _area_posts(scenario, unit, area, staffing[area])]
        for team, areas in teams.items()
    }
    leads_by_unit: dict[str, int] = dict(scenario.organisation.leads.items())
    leads = leads_by_unit.get(unit, 0)
    if leads:
        weights = {team: sum(p.fte for p in posts if not p.lead) for team, posts in out.items()}
        total = sum(weights.values()) or 1.0
        quotas = {team: leads * w / total for team, w in weights.items()}
        counts = {team: math.floor(q) for team, q in quotas.items()}
        for team in sorted(quotas, key=lambda k: counts[k] - quotas[k])[: leads - sum(counts.values())]:
            counts[team] += 1  # largest remainder
        for team, n in counts.items():
            area = teams[team][0]
            out[team] += [PostSpec(area, 1.0, None, None, True, staffing[area]) for _ in range(n)]
    return out


def posts_on(scenario: Scenario, unit: str, team: str, day: dt.date, lead: bool = False) -> float:
    """FTE of the (lead or ordinary) posts of a team that exist on ``day``."""
    return sum(p.fte for p in unit_posts(scenario, unit)[team] if p.lead == lead and p.exists_on(day))


def days_since(origin: dt.date, day: dt.date | None, default: float) -> float:
    """A post date as model days since ``origin`` (``default`` for None), never before day 0."""
    return default if day is None else float(max(0, (day - origin).days))


def pool_keys(scenario: Scenario) -> list[tuple[str, str]]:
    """(unit, team) of every team, in the order the model and the reports use."""
    return [(unit, team) for unit in UNITS for team in scenario.organisation.team_areas(unit, scenario.area_names)]
