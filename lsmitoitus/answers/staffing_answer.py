"""The staffing answer every output renders: the facts of a dimensioning run, without language.

The terminal, the workbook, the board report, the app, ``raportti.json`` and the notebooks all
render one :class:`StaffingAnswer` built by :func:`answer_of`, so they cannot disagree: which
teams are short in which year and by how much, under which reading of the law and which
allocation practice, since when at the funded (or planned) posts, how precise the figure is, what
the other readings and managing lists would give, and the parts the headline is made of.

**The level a figure is stated at.** A figure "at the confidence" (the 0.9 quantile over
replications) is stated only when the replications can carry it
(:func:`lsmitoitus.answers.quantiles.can_carry`: 40 can carry 0.9, 20 cannot); otherwise every
requirement of the answer is its median (P50), and the outputs say so. The mean-list reading is an
expected need (a mean over replications), never a figure at a confidence. Which teams are short,
from when, the extra posts and the parts all follow the stated level, so no output states a
figure at a confidence its replications cannot carry.

**Short and failing.** A team is short in a budget year when its requirement, in whole posts,
exceeds its posts at the year's end. Its first failing day is the first reading day (from the
planning start) on which its posts comply with less than the stated level's probability (the
confidence, or one half for the median); a plan meets the answer in a year only if no team is
short in it and no reading day of it fails (a post opened in December does not cover the spring).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from ..memo import RecentByIdentity
from ..model.posts import pool_keys, posts_on
from ..scenario.schema import Scenario
from ..simulation.results import SimulationResults
from ..vocabulary import ALL
from .costs import TOTAL, cost_difference, cost_frame, price_index
from .dimensioning import DECOMPOSITION_REPLICATIONS, planning_start
from .dimensioning_tables import ANY, PARTS, DimensioningResult
from .quantiles import can_carry
from .requirement import COMPARE, HEADLINE

#: The level a figure is stated at: the quantile at the confidence, the median, or the mean.
CONF, P50, MEAN = "conf", "p50", "mean"
#: 95 % of a normal error: the half-width of the interval the answer states (±).
Z95 = 1.96


def whole_posts(required: float) -> int:
    """A requirement in whole posts: rounded up (a fraction of a post is a post to fund), with a
    small tolerance so that 48.0000001 is 48."""
    return 0 if math.isnan(required) else math.ceil(required - 1e-6)


def carried_by(replications: int, confidence: float) -> bool:
    """Whether ``replications`` can carry a figure at ``confidence`` (re-exported for renderers)."""
    return can_carry(replications, confidence)


def least_replications(confidence: float) -> int:
    """The fewest replications that can carry a figure at ``confidence``."""
    n = 2
    while not can_carry(n, confidence) and n < 10_000:
        n += 1
    return n


@dataclass(frozen=True)
class TeamAnswer:
    """One team under the headline: its posts and requirement in the headline year, the budget
    years in which it is short (and how many whole posts it lacks in each), the years with a
    failing reading day, when its posts first fail the reading, and whether its figure is the
    county's own aftercare workload target rather than the law."""

    unit: str
    team: str
    funded_posts: float
    required: float
    short_years: tuple[int, ...]
    first_failing_day: dt.date | None
    extra_posts: int
    extra_cost: float
    workload_target: bool
    missing: tuple[tuple[int, int], ...] = ()  # (year, whole posts missing) for every budget year
    failing_years: tuple[int, ...] = ()  # years with a reading day at which the posts fail the level
    counted: bool = True  # whether the team has clients the law counts (aftercare: none)

    @property
    def first_short_year(self) -> int | None:
        return self.short_years[0] if self.short_years else None

    @property
    def most_missing(self) -> int:
        return max((n for _, n in self.missing), default=0)

    @property
    def problem_years(self) -> tuple[int, ...]:
        """Years in which the team's posts do not meet the answer: short, or a reading day fails."""
        return tuple(sorted(set(self.short_years) | set(self.failing_years)))


@dataclass(frozen=True)
class StaffingAnswer:
    """The whole answer, language-free (see the module docstring)."""

    scenario: str
    reading: str  # monitoring_days, month_ends or mean_list
    practice: str  # the headline's allocation practice
    compare_practice: str | None  # the practice shown beside it
    confidence: float
    carried: bool  # whether the replications can carry a figure at the confidence
    replications: int
    precision: float  # the largest 95 % half-width of the county's headline over the budget years
    precision_goal: float | None  # what the run aimed for (None: a fixed number of replications)
    first_year: int  # the budget years: the first projected year …
    last_year: int  # … to the last simulated
    #: the county by budget year: funded_posts, required (stated), required_conf/_p50/_mean,
    #: required_se, half_width, gap, extra_posts, compliance_probability
    county: pd.DataFrame
    teams: tuple[TeamAnswer, ...]
    #: the county under every reading and practice: year, reading, allocation, practice, required
    #: (stated at its own level), required_se, half_width, level, carried, replications, funded_posts
    readings: pd.DataFrame
    parts: pd.DataFrame  # the county's decomposition by year (PARTS, required): adds up to the stated figure
    continuity: pd.DataFrame  # year, allocation, changes of worker per child on the lists
    plan: str | None  # the staffing plan the answer is about (None: the scenario's funded posts)
    level: str = CONF  # CONF, P50 or MEAN: the level every requirement of the answer is stated at
    target: int | None = None  # a planning target (children per worker) instead of the law
    target_from: dt.date | None = None
    per_post: float = 0.0  # euros of a post-year in the headline year's prices
    all_readings: pd.DataFrame = field(default_factory=pd.DataFrame)  # every reading × practice × team/unit/county
    per_replication: pd.DataFrame = field(default_factory=pd.DataFrame)  # replication, year, required (county)
    decomposition_replications: int = 0  # the replications the parts rest on
    compare_replications: int = 0  # the replications the practice beside the headline rests on
    limits: tuple[tuple[int, dt.date], ...] = ()  # the law's dated limits (children per worker, from)
    capped: bool = False  # some reading day did not comply even at the search's cap: lower bounds
    aftercare_target: int | None = None  # the county's own aftercare workload target, if any

    # -- the headline ------------------------------------------------------------------------

    @property
    def headline_year(self) -> int:
        """The year the headline names: the last budget year."""
        return self.last_year

    @property
    def years(self) -> list[int]:
        return [int(y) for y in self.county["year"]]

    def year(self, year: int) -> dict[str, float]:
        """The county's headline figures in ``year``."""
        row = self.county[self.county["year"] == year].iloc[0]
        return {str(k): float(v) for k, v in row.items()}

    @property
    def threshold(self) -> float:
        """The probability of compliance the stated level asks of a reading day."""
        return self.confidence if self.level == CONF else 0.5

    @property
    def required_whole(self) -> int:
        """The county's requirement in the headline year, rounded to whole posts (as it is read)."""
        return round(self.year(self.headline_year)["required"])

    @property
    def funded(self) -> float:
        return self.year(self.headline_year)["funded_posts"]

    @property
    def gap_whole(self) -> int:
        """The county's requirement, rounded, minus its funded (or planned) posts: the net gap."""
        return self.required_whole - round(self.funded)

    @property
    def short_teams(self) -> tuple[TeamAnswer, ...]:
        """Teams short in some budget year, the earliest first, then the most posts missing."""
        short = [t for t in self.teams if t.short_years]
        return tuple(sorted(short, key=lambda t: (t.short_years[0], -t.extra_posts, -t.most_missing, t.unit, t.team)))

    @property
    def extra_posts(self) -> int:
        """Posts to add in the headline year, summed over teams (a team's surplus covers no other)."""
        return sum(t.extra_posts for t in self.teams)

    @property
    def extra_cost(self) -> float:
        """Euros a year of :attr:`extra_posts` (the headline year's prices)."""
        return sum(t.extra_cost for t in self.teams)

    @property
    def surplus_teams(self) -> tuple[TeamAnswer, ...]:
        """Teams with more posts than their requirement in whole posts in the headline year."""
        return tuple(t for t in self.teams if t.funded_posts - whole_posts(t.required) >= 1 - 1e-9)

    @property
    def uncounted_teams(self) -> tuple[TeamAnswer, ...]:
        """Teams none of whose clients the law counts (aftercare under the law)."""
        return tuple(t for t in self.teams if not t.counted and not t.workload_target)

    @property
    def workload_teams(self) -> tuple[TeamAnswer, ...]:
        """Teams answered against the county's own aftercare workload target, not the law."""
        return tuple(t for t in self.teams if t.workload_target)

    # -- a plan ------------------------------------------------------------------------------

    @property
    def failing_years(self) -> list[int]:
        """Budget years in which some team's posts do not meet the answer (short or a failing day)."""
        return sorted({y for t in self.teams for y in t.problem_years})

    @property
    def meets(self) -> bool:
        """Whether the posts (funded, or the plan's) meet the answer in every budget year."""
        return not self.failing_years

    def missing_in(self, year: int) -> int:
        """Whole posts the teams lack at the end of ``year`` (their surplus covers no other team)."""
        return sum(n for t in self.teams for y, n in t.missing if y == year)

    # -- the other readings and practices ----------------------------------------------------

    def reading_row(self, reading: str, allocation: str, year: int | None = None) -> dict[str, Any] | None:
        """The county's figure under a reading and practice in ``year`` (the headline year)."""
        r = self.readings
        year = self.headline_year if year is None else year
        row = r[(r["reading"] == reading) & (r["allocation"] == allocation) & (r["year"] == year)]
        return None if row.empty else {str(k): v for k, v in row.iloc[0].to_dict().items()}

    def required(self, reading: str, allocation: str, year: int) -> float:
        """The county's requirement under another reading or practice (NaN if not computed)."""
        row = self.reading_row(reading, allocation, year)
        return math.nan if row is None else float(row["required"])

    def others(self) -> list[tuple[str, str]]:
        """The (reading, allocation) pairs shown beside the headline, in the order they are told:
        the mean list, the other practice at the headline's reading, the other readings."""
        pairs = list(dict.fromkeys(zip(self.readings["reading"], self.readings["allocation"], strict=True)))
        head = (self.reading, self.practice)

        def order(pair: tuple[str, str]) -> tuple[int, int]:
            reading, allocation = pair
            if reading == "mean_list":
                return (0, 0)
            if reading == self.reading:
                return (1, 0)
            return (2, 0 if allocation == self.practice else 1)

        return sorted((p for p in pairs if p != head), key=order)

    def changes_per_child(self, allocation: str, year: int | None = None) -> float:
        """Worker changes per child on the lists a year under a practice (NaN if not computed)."""
        c = self.continuity
        year = self.headline_year if year is None else year
        if c.empty:
            return math.nan
        row = c[(c["allocation"] == allocation) & (c["year"] == year)]
        return math.nan if row.empty else float(row["changes_per_child"].iloc[0])

    # -- the parts ---------------------------------------------------------------------------

    def parts_of(self, year: int | None = None) -> dict[str, float]:
        """The headline's parts in ``year`` (the headline year), PARTS and ``required``; empty if
        the run had no decomposition."""
        year = self.headline_year if year is None else year
        rows = self.parts[self.parts["year"] == year]
        if rows.empty:
            return {}
        return {str(k): float(v) for k, v in rows.iloc[0].to_dict().items() if k != "year"}

    # -- language-free rows ------------------------------------------------------------------

    def rows(self) -> list[dict[str, Any]]:
        """Language-free rows for ``raportti.json`` and analysts: every reading and practice by
        year for the county, each unit and each team, with the reading, allocation, year, unit,
        team, funded and required posts (the stated level and each of P50, the confidence
        quantile and the mean), the requirement's standard error, whether the replications carry
        the confidence, how many there were, and whether the row is the headline's."""
        source = self.all_readings if not self.all_readings.empty else self.readings.assign(unit=ALL, team=ALL)
        out: list[dict[str, Any]] = []
        for r in source.to_dict("records"):
            if int(r["year"]) < self.first_year:
                continue
            reading, allocation = str(r["reading"]), str(r["allocation"])
            level = _level(reading, bool(r["carried"]))
            out.append(
                {
                    "reading": reading,
                    "allocation": allocation,
                    "year": int(r["year"]),
                    "unit": str(r["unit"]),
                    "team": str(r["team"]),
                    "funded_posts": float(r["funded_posts"]),
                    "required_posts": _stated(r, level),
                    "level": level,
                    "required_posts_p50": _float(r.get("required_p50")),
                    "required_posts_conf": _float(r.get("required_conf")) if reading != "mean_list" else math.nan,
                    "required_posts_mean": _float(r.get("required_mean")),
                    "required_posts_se": _float(r.get("required_se")),
                    "confidence": self.confidence,
                    "carried": bool(r["carried"]),
                    "replications": int(r["replications"]),
                    "compliance_probability": _float(r.get("compliance_probability")),
                    "headline": bool(reading == self.reading and allocation == self.practice),
                    "plan": self.plan,
                }
            )
        return out


def _float(value: Any) -> float:
    return math.nan if value is None or pd.isna(value) else float(value)


def _level(reading: str, carried: bool) -> str:
    return MEAN if reading == "mean_list" else CONF if carried else P50


def _stated(row: Mapping[Any, Any] | pd.Series, level: str) -> float:
    key = {CONF: "required_conf", P50: "required_p50", MEAN: "required_mean"}[level]
    return _float(row[key])


#: answers of the results asked about lately: every output of a run (terminal, tables, workbook,
#: chart, plan, report) asks for the same answer, 18 times for one ``dimension`` (0.9 s); a
#: result is finished when built (only its ``meta["plan"]``, part of the key, is set after)
_RECENT: RecentByIdentity[StaffingAnswer] = RecentByIdentity(8)


def answer_of(result: DimensioningResult, plan: str | None = None) -> StaffingAnswer:
    """The answer of a dimensioning run (``plan``: the plan it evaluated, if any; by default the
    one ``result.meta["plan"]`` names). Built once per result and plan, and shared: copy one of
    its frames before changing it."""
    plan = plan if plan is not None else (str(result.meta["plan"]) if result.meta.get("plan") else None)
    return _RECENT.get(result, plan, lambda: _answer_of(result, plan))


def _answer_of(result: DimensioningResult, plan: str | None) -> StaffingAnswer:
    scenario = result.scenario
    first, last = result.target_from.year, scenario.simulation.end.year
    readings = result.readings
    head_all = readings[(readings["reading"] == result.reading) & (readings["practice"] == HEADLINE)]
    head_all = head_all[(head_all["year"] >= first) & (head_all["year"] <= last)]
    carried = bool(head_all["carried"].all()) if not head_all.empty else False
    level = _level(result.reading, carried)
    threshold = result.confidence if level == CONF else 0.5
    column = {CONF: "required_conf", P50: "required_p50", MEAN: "required_mean"}[level]
    per_post = scenario.costs.social_worker_per_fte * price_index(scenario, last)

    # the teams: short years, posts missing, failing days
    days = result.monthly
    if result.reading == "mean_list" or days.empty:
        failing = pd.DataFrame(columns=["unit", "team", "date"])
    else:
        failing = days[
            (days["date"] >= pd.Timestamp(result.target_from))
            & days["compliance_probability"].notna()
            & (days["compliance_probability"] < threshold)
        ]
    teams = []
    team_rows = head_all[(head_all["unit"] != ALL) & (head_all["team"] != ALL)]
    mean_lists = readings[(readings["reading"] == "mean_list") & (readings["unit"] != ALL) & (readings["team"] != ALL)]
    pool_keys = list(dict.fromkeys(zip(result.units["unit"], result.units["team"], strict=True)))
    for unit, team in pool_keys:
        rows = team_rows[(team_rows["unit"] == unit) & (team_rows["team"] == team)].sort_values("year")
        if rows.empty:
            continue
        missing = tuple(
            (int(y), max(0, whole_posts(float(req)) - round(float(funded))))
            for y, req, funded in zip(rows["year"], rows[column], rows["funded_posts"], strict=True)
        )
        short = tuple(y for y, n in missing if n > 0)
        mine = failing[(failing["unit"] == unit) & (failing["team"] == team)]
        failing_years = tuple(sorted({int(pd.Timestamp(d).year) for d in mine["date"]}))
        if result.reading == "mean_list":
            failing_years = short
        first_day = pd.Timestamp(mine["date"].min()).date() if not mine.empty else None
        final = rows[rows["year"] == last].iloc[0] if (rows["year"] == last).any() else rows.iloc[-1]
        extra = dict(missing).get(int(final["year"]), 0)
        counted_means = mean_lists[(mean_lists["unit"] == unit) & (mean_lists["team"] == team)]["required_mean"]
        workload = unit == "jalkihuolto" and scenario.caseload.jalkihuolto_planning_target is not None
        teams.append(
            TeamAnswer(
                unit=str(unit),
                team=str(team),
                funded_posts=float(final["funded_posts"]),
                required=float(final[column]),
                short_years=short,
                first_failing_day=first_day,
                extra_posts=extra,
                extra_cost=extra * per_post,
                workload_target=workload,
                missing=missing,
                failing_years=failing_years,
                counted=bool((counted_means.fillna(0.0) > 1e-9).any()) or workload,
            )
        )

    # the county by year, at the stated level
    county = head_all[(head_all["unit"] == ALL) & (head_all["team"] == ALL)].sort_values("year")
    county = pd.DataFrame(
        {
            "year": county["year"].astype(int).to_numpy(),
            "funded_posts": county["funded_posts"].to_numpy(dtype=float),
            "required": county[column].to_numpy(dtype=float),
            "required_conf": county["required_conf"].to_numpy(dtype=float),
            "required_p50": county["required_p50"].to_numpy(dtype=float),
            "required_mean": county["required_mean"].to_numpy(dtype=float),
            "required_se": (
                county["required_se"].to_numpy(dtype=float) if level != P50 else np.full(len(county), np.nan)
            ),
            "compliance_probability": county["compliance_probability"].to_numpy(dtype=float),
        }
    )
    county["half_width"] = Z95 * county["required_se"]
    county["gap"] = county["required"] - county["funded_posts"]
    county["extra_posts"] = [sum(dict(t.missing).get(int(y), 0) for t in teams) for y in county["year"]]

    # the county under every reading and practice, each at its own level
    county_readings = readings[(readings["unit"] == ALL) & (readings["team"] == ALL)]
    county_readings = county_readings[(county_readings["year"] >= first) & (county_readings["year"] <= last)].copy()
    levels = [
        _level(str(r), bool(c)) for r, c in zip(county_readings["reading"], county_readings["carried"], strict=True)
    ]
    county_readings["level"] = levels
    county_readings["required"] = [
        _stated(row, lv) for (_, row), lv in zip(county_readings.iterrows(), levels, strict=True)
    ]
    county_readings["required_se"] = [
        float(se) if lv != P50 else math.nan for se, lv in zip(county_readings["required_se"], levels, strict=True)
    ]
    county_readings["half_width"] = Z95 * county_readings["required_se"]
    county_readings = county_readings[
        [
            "year",
            "reading",
            "allocation",
            "practice",
            "required",
            "required_se",
            "half_width",
            "level",
            "carried",
            "replications",
            "funded_posts",
        ]
    ].reset_index(drop=True)

    # the parts: they add up to the stated figure (the last part takes the difference)
    decomposition = result.decomposition
    if not decomposition.empty and "unit" in decomposition:
        parts = decomposition[decomposition["unit"] == ALL][["year", *PARTS, "required_posts_conf"]].rename(
            columns={"required_posts_conf": "required"}
        )
        parts = parts[(parts["year"] >= first) & (parts["year"] <= last)].reset_index(drop=True)
        if level != CONF:
            stated = county.set_index("year")["required"]
            new_total = parts["year"].map(stated).astype(float)
            parts["confidence"] = parts["confidence"] + new_total - parts["required"]
            parts["required"] = new_total
    else:
        parts = pd.DataFrame(columns=["year", *PARTS, "required"])

    continuity = result.continuity
    if not continuity.empty:
        continuity = continuity.groupby(["year", "allocation"], as_index=False).agg(
            changes_per_child=("changes_per_child", "mean")
        )

    precision = result.precision
    in_budget = precision[precision["year"] >= first] if not precision.empty else precision
    if level == P50 or in_budget.empty:
        worst = math.nan
    else:
        worst = float(np.nanmax(Z95 * county["required_se"])) if county["required_se"].notna().any() else math.nan
    per_rep = result.per_replication
    if not per_rep.empty:
        per_rep = per_rep.groupby(["replication", "year"], as_index=False).agg(required=("required", "sum"))
    compare_rows = readings[(readings["practice"] == COMPARE)]
    return StaffingAnswer(
        scenario=scenario.name,
        reading=result.reading,
        practice=result.practices.get(HEADLINE, scenario.caseload.allocation),
        compare_practice=result.practices.get(COMPARE),
        confidence=result.confidence,
        carried=carried,
        replications=int(result.meta.get("replications", 0)),  # type: ignore[call-overload]
        precision=worst,
        precision_goal=(
            float(precision["goal"].iloc[0])
            if not precision.empty and "goal" in precision and not pd.isna(precision["goal"].iloc[0])
            else None
        ),
        first_year=first,
        last_year=last,
        county=county.reset_index(drop=True),
        teams=tuple(teams),
        readings=county_readings,
        parts=parts,
        continuity=continuity,
        plan=plan,
        level=level,
        target=result.target,
        target_from=result.target_from,
        per_post=per_post,
        all_readings=readings,
        per_replication=per_rep,
        decomposition_replications=_decomposed(result),
        compare_replications=int(compare_rows["replications"].max()) if not compare_rows.empty else 0,
        limits=tuple((int(step.value), step.start) for step in scenario.caseload.limit),
        capped=bool(result.capped),
        aftercare_target=scenario.caseload.jalkihuolto_planning_target,
    )


def _decomposed(result: DimensioningResult) -> int:
    """The replications the decomposition rests on (0: none)."""
    if result.decomposition.empty:
        return 0
    return min(int(result.meta.get("replications", 0)), DECOMPOSITION_REPLICATIONS)  # type: ignore[call-overload]


# --- a what-if: the difference an edit makes ---------------------------------------------------


@dataclass(frozen=True)
class Difference:
    """What an edit changes in the headline year, paired by replication (the same seeds): the
    county's requirement (each replication's total over teams, edited − base: P10, P50, P90)
    and the county's total costs (euros: P10, P50, P90); the two answers' stated figures and
    extra posts; how many replications the pairs rest on."""

    year: int
    base: StaffingAnswer
    edited: StaffingAnswer
    posts_p10: float
    posts_p50: float
    posts_p90: float
    cost_p10: float
    cost_p50: float
    cost_p90: float
    replications: int

    @property
    def stated_difference(self) -> float:
        """The difference of the two stated figures (each at its own level)."""
        return self.edited.year(self.year)["required"] - self.base.year(self.year)["required"]

    @property
    def changed(self) -> bool:
        return self.base.scenario != self.edited.scenario


def difference(base: DimensioningResult, edited: DimensioningResult) -> Difference:
    """The paired difference an edit makes (both dimensioned with the same seed and replications)."""
    a, b = answer_of(base), answer_of(edited)
    year = a.headline_year
    posts = [math.nan] * 3
    pa, pb = a.per_replication, b.per_replication
    if not pa.empty and not pb.empty:
        paired = pa[pa["year"] == year].merge(pb[pb["year"] == year], on=["replication", "year"], suffixes=("_a", "_b"))
        diff = (paired["required_b"] - paired["required_a"]).to_numpy(dtype=float)
        if diff.size:
            posts = [float(np.quantile(diff, q)) for q in (0.1, 0.5, 0.9)]
    costs = [math.nan] * 3
    if base.results is not None and edited.results is not None:
        d = cost_difference(base.results, edited.results)
        row = d[(d["category"] == TOTAL) & (d["year"] == year)]
        if not row.empty:
            costs = [float(row[q].iloc[0]) for q in ("p10", "p50", "p90")]
    n = min(a.replications, b.replications)
    return Difference(year, a, b, posts[0], posts[1], posts[2], costs[0], costs[1], costs[2], replications=n)


# --- a run without a search: whether the funded posts meet the reading ----------------------


@dataclass(frozen=True)
class TeamCheck:
    """One team of a run: the first reading day (from the planning start) on which its funded
    posts comply with less than the stated level's probability, the years with such a day, and
    whether it has clients the law counts."""

    unit: str
    team: str
    first_failing_day: dt.date | None
    failing_years: tuple[int, ...]
    counted: bool


@dataclass(frozen=True)
class FundedCheck:
    """What a run (``lsmitoitus run``) can say about staffing without searching for the posts
    needed: under the scenario's reading, which teams' funded posts fail it from when. It applies
    the dimensioning answer's criterion for a failing day to the run's own replications (the
    run and the search's replay of the funded posts are the same simulation, so with the same seed
    and replications the days are the same)."""

    scenario: str
    reading: str
    level: str  # CONF or P50 (the mean list has no days: MEAN)
    confidence: float
    replications: int
    first_year: int
    last_year: int
    teams: tuple[TeamCheck, ...]

    @property
    def threshold(self) -> float:
        return self.confidence if self.level == CONF else 0.5

    @property
    def failing_teams(self) -> tuple[TeamCheck, ...]:
        """Teams with a failing day, the earliest first."""
        failing = [x for x in self.teams if x.failing_years]
        return tuple(sorted(failing, key=lambda x: (x.first_failing_day or dt.date.max, x.unit, x.team)))


def funded_compliance(results: SimulationResults) -> pd.DataFrame:
    """Per reading day (THL's monitoring days or every month end, by the scenario's reading; the
    year's end for the mean list), unit and team: the share of replications in which the funded
    posts comply (nobody over the limit, and at month ends nobody without a worker; the mean list:
    counted ÷ limit at most the posts), and the counted children's mean (0: none counted)."""
    scenario = results.scenario
    reading = scenario.caseload.reading
    keys = ["replication", "date", "area", "unit"]
    if reading == "monitoring_days":
        frame = results.point_in_time
        wide = frame[frame["measure"].isin(["workers_over_limit", "limit", "clients_counted"])]
        wide = wide.pivot_table(index=keys, columns="measure", values="value", observed=True).reset_index()
        wide["ok"] = wide["workers_over_limit"] == 0
    elif reading == "month_ends":
        frame = results.monthly
        wanted = ["workers_over_limit", "unassigned_children", "limit", "clients_counted"]
        wide = frame[frame["measure"].isin(wanted) & frame["unit"].isin(["avohuolto", "sijaishuolto", "jalkihuolto"])]
        wide = wide.pivot_table(index=keys, columns="measure", values="value", observed=True).reset_index()
        wide["ok"] = (wide["workers_over_limit"] == 0) & (wide["unassigned_children"] == 0)
    else:
        frame = results.monthly
        wanted = ["limit", "clients_counted"]
        wide = frame[frame["measure"].isin(wanted) & frame["unit"].isin(["avohuolto", "sijaishuolto", "jalkihuolto"])]
        wide = wide.pivot_table(index=keys, columns="measure", values="value", observed=True).reset_index()
        wide["ratio"] = wide["clients_counted"] / wide["limit"]
        wide["year"] = pd.DatetimeIndex(wide["date"]).year
        wide = wide.groupby(["replication", "year", "area", "unit"], observed=True).agg(
            ratio=("ratio", "mean"), clients_counted=("clients_counted", "mean"), limit=("limit", "mean")
        )
        wide = wide.reset_index()
        wide["date"] = pd.to_datetime(wide["year"].astype(str) + "-12-31")
        funded = [
            posts_on(scenario, str(u), str(a), dt.date(int(y), 12, 31))
            for u, a, y in zip(wide["unit"], wide["area"], wide["year"], strict=True)
        ]
        wide["ok"] = wide["ratio"].to_numpy() <= np.array(funded) + 1e-9
    wide = wide[wide["limit"].notna()]  # before the law nothing is a breach
    out = wide.groupby(["date", "area", "unit"], observed=True).agg(
        compliance_probability=("ok", "mean"), counted=("clients_counted", "mean")
    )
    out = out.reset_index().rename(columns={"area": "team"})
    out["unit"] = out["unit"].astype(str)
    out["team"] = out["team"].astype(str)
    out["date"] = pd.to_datetime(out["date"])
    return out[["date", "unit", "team", "compliance_probability", "counted"]]


def funded_check(
    compliance: pd.DataFrame, scenario: Scenario, replications: int, confidence: float = 0.9
) -> FundedCheck:
    """The run's answer from :func:`funded_compliance` (kept in a results folder, so a report
    rebuilds it without simulating)."""
    first, last = planning_start(scenario).year, scenario.simulation.end.year
    reading = scenario.caseload.reading
    level = _level(reading, can_carry(replications, confidence))
    threshold = confidence if level == CONF else 0.5
    frame = compliance[
        (compliance["date"] >= pd.Timestamp(first, 1, 1)) & (compliance["date"] <= pd.Timestamp(last, 12, 31))
    ]
    teams = []
    for unit, team in pool_keys(scenario):
        mine = frame[(frame["unit"] == unit) & (frame["team"] == team)]
        failing = (
            mine[mine["compliance_probability"] < threshold - 1e-12]
            if reading != "mean_list"
            else mine[mine["compliance_probability"] < 0.5]
        )
        days = sorted(pd.Timestamp(d).date() for d in failing["date"])
        teams.append(
            TeamCheck(
                unit=unit,
                team=team,
                first_failing_day=days[0] if days and reading != "mean_list" else None,
                failing_years=tuple(sorted({d.year for d in days})),
                counted=bool((mine["counted"] > 0).any()),
            )
        )
    return FundedCheck(scenario.name, reading, level, confidence, replications, first, last, tuple(teams))


def county_cost(result: DimensioningResult, year: int) -> float:
    """The county's total cost in ``year`` (P50 over replications, euros of the year)."""
    frame = cost_frame(result.results)
    total = frame[(frame["area"] == ALL) & (frame["category"] == TOTAL) & (frame["year"] == year)]["value"]
    return float(total.median()) if not total.empty else math.nan


__all__ = [
    "ANY",
    "CONF",
    "MEAN",
    "P50",
    "Difference",
    "FundedCheck",
    "StaffingAnswer",
    "TeamAnswer",
    "answer_of",
    "difference",
    "funded_check",
    "funded_compliance",
    "least_replications",
    "whole_posts",
]
