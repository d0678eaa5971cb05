"""Which uncertain parameters drive the answers: global sensitivity analysis with SALib.

The pure analysis, without files or plots: factors (the scenario's uncertain parameters and
their ranges) → a sample design (Morris trajectories or Saltelli's Sobol sample) → one fixed
scenario per sample point → per point and replication the outputs users act on → indices.

**Factors.** Every parameter of the scenario's ``[uncertainty]`` table: a lognormal multiplier
with ``log_sd`` is varied over ±``LOG_SD_WIDTH`` standard deviations in log space, a uniform one
over its ``[low, high]``; and every conversion rule with ``after = "range"`` contributes its
yearly change over ``range_per_year``. Or the ranges come from a small table (``--ranges``).
Factors are varied independently (the scenario's correlations are not used: Morris and Sobol
designs assume independent inputs).

**Replication noise is kept apart from parameter effects.** A sample point fixes every
parameter: nothing is drawn per replication (the uncertainty table is emptied, a ``range`` rule
becomes a ``trend`` at the sampled change). Every point runs the same replications with the same
seeds (common random numbers), so two points differ only by their parameters and by how the
change moves the random streams. The noise that remains is measured, not assumed: from the
spread of the replications at each point, and for Morris from the spread over replications of
each elementary effect (see :func:`morris_indices`).

**Outputs** per replication (:func:`replication_outputs`), by unit and year: extra posts (the
year's requirement, as :mod:`lsmitoitus.answers.dimensioning` finds it, minus the funded posts), the mean
counted list per worker, the share of workers over the limit; for the county: the shares of
assessments started and completed late, and the total cost. A point's value is the mean over
its replications.
"""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd

from ..model.posts import posts_on
from ..model.randomness import replication_seeds
from ..model.raw import FLOWS, POOL
from ..scenario.schema import Scenario, value_bounds
from ..scenario.uncertainty import expand_keys, get_path, is_share, scalable, scale_data, scaling_problem
from ..simulation.results import build_results
from ..simulation.runner import ProgressCallback, default_jobs, map_tasks
from ..text.formats import Formatted, significant
from ..text.i18n import Msg, UserError, echo
from ..vocabulary import ALL, UNITS
from .costs import TOTAL, cost_frame
from .dimensioning import planning_start, requirement_for_replication

#: A lognormal multiplier is varied over ±this many standard deviations of its logarithm.
LOG_SD_WIDTH = 2.0
#: Morris grid levels (SALib's default; the step is levels / (2 (levels − 1)) = 2/3 of the range).
MORRIS_LEVELS = 4
#: Bootstrap resamples for the confidence intervals of the indices.
RESAMPLES = 1000
CONFIDENCE = 0.95
#: Name of the yearly change of a conversion rule with ``after = "range"``.
RANGE_SUFFIX = "range_per_year"
#: Default samples: Morris trajectories and Sobol base samples (a power of two).
DEFAULT_SAMPLES = {"morris": 10, "sobol": 16}

#: Outputs, with the unit they are given for (a responsible-worker unit or the county).
OUTPUTS = (
    "extra_posts",
    "mean_children_per_worker",
    "share_workers_over_limit",
    "assessments_started_late_share",
    "assessments_completed_late_share",
    "cost_total_meur",
)
#: The answers a head of service acts on: their drivers are named first, and choose Sobol's factors.
HEADLINE: tuple[tuple[str, str], ...] = (
    *(("extra_posts", unit) for unit in UNITS),
    ("assessments_completed_late_share", ALL),
    ("cost_total_meur", ALL),
)

Kind = Literal["log_multiplier", "multiplier", "yearly_change"]
Method = Literal["morris", "sobol"]


@dataclass(frozen=True)
class Factor:
    """One varied parameter: its dotted path, its range in the sampled space, and how a sampled
    value becomes the parameter (``log_multiplier``: the multiplier is exp(value); ``multiplier``:
    the value is the multiplier; ``yearly_change``: the value is a ``range`` rule's yearly change)."""

    name: str
    low: float
    high: float
    kind: Kind
    source: str

    def multiplier(self, value: float) -> float:
        return math.exp(value) if self.kind == "log_multiplier" else value

    @property
    def shown_range(self) -> tuple[float, float]:
        """The range as people read it: multipliers, or yearly changes."""
        return (self.multiplier(self.low), self.multiplier(self.high))


def _range_rules(scenario: Scenario) -> dict[str, tuple[float, float]]:
    """Conversion rules drawn per replication (``after = "range"``): stage -> (low, high)."""
    out = {}
    for stage in ("arviointi", "avohuolto", "sijoitus"):
        series = getattr(scenario.conversion, stage)
        if series.after == "range":
            out[stage] = (float(series.range_per_year[0]), float(series.range_per_year[1]))
    return out


def _range_name(stage: str) -> str:
    return f"conversion.{stage}.{RANGE_SUFFIX}"


def factors_from_scenario(scenario: Scenario, width: float = LOG_SD_WIDTH) -> list[Factor]:
    """The scenario's uncertain parameters as factors (those with a range of zero width left out)."""
    out = []
    for path, spec in sorted(scenario.uncertainty.parameters.items()):
        if spec.distribution == "lognormal" and spec.log_sd > 0:
            out.append(Factor(path, -width * spec.log_sd, width * spec.log_sd, "log_multiplier", spec.source))
        elif spec.distribution == "uniform" and spec.low < spec.high:
            out.append(Factor(path, spec.low, spec.high, "multiplier", spec.source))
    for stage, (low, high) in _range_rules(scenario).items():
        if low < high:
            out.append(Factor(_range_name(stage), low, high, "yearly_change", "assumed"))
    return out


def factors_from_ranges(scenario: Scenario, ranges: Mapping[str, Any], source: str) -> list[Factor]:
    """Factors from a ranges table ``{"parameters": {path: {"low": …, "high": …}}}``: multipliers
    of scenario parameters, or (for ``conversion.<stage>.range_per_year``) yearly changes. Every
    problem is a :class:`UserError` naming the file and the entry."""
    extra = sorted(set(ranges) - {"parameters"})
    if extra:
        raise UserError(Msg("sens_ranges_key", path=source, name=echo(extra[0], plain=True)))
    table = ranges.get("parameters")
    if not isinstance(table, Mapping) or not table:
        raise UserError(Msg("sens_ranges_empty", path=source))
    data = scenario.model_dump()
    rules = _range_rules(scenario)
    out = []
    for name, spec in table.items():
        shown = echo(name, plain=True)
        if not isinstance(spec, Mapping) or set(spec) != {"low", "high"}:
            raise UserError(Msg("sens_ranges_entry", path=source, name=shown))
        low, high = spec["low"], spec["high"]
        if not all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in (low, high)):
            raise UserError(Msg("sens_ranges_entry", path=source, name=shown))
        stage = name.removeprefix("conversion.").removesuffix(f".{RANGE_SUFFIX}")
        if name == _range_name(stage) and stage in rules:
            if not -0.5 <= low < high <= 1.0:
                raise UserError(Msg("sens_ranges_change", path=source, name=shown, low=low, high=high))
            out.append(Factor(name, float(low), float(high), "yearly_change", "ranges"))
            continue
        concrete = expand_keys(data, name)
        if not concrete or not all(scalable(get_path(data, c)) for c in concrete):
            raise UserError(Msg("sens_unknown_parameter", path=source, name=shown))
        if str(concrete[0][0]) in NOT_FACTORS:  # a run setting (the seed), not a parameter of the model
            raise UserError(Msg("sens_ranges_setting", path=source, name=shown))
        if not 0 < low < high <= 10:
            raise UserError(Msg("sens_ranges_multiplier", path=source, name=shown, low=low, high=high))
        _within_bounds(data, name, concrete, float(low), float(high), source)
        out.append(Factor(name, float(low), float(high), "multiplier", "ranges"))
    return out


#: Top-level sections a ranges file may not vary: run settings and bookkeeping, not the model's
#: parameters (varying the seed would measure nothing but randomness).
NOT_FACTORS = frozenset({"simulation", "uncertainty", "provenance", "name", "description"})


def _within_bounds(
    data: Mapping[str, Any], name: str, concrete: Sequence[tuple[Any, ...]], low: float, high: float, source: str
) -> None:
    """Every value the factor scales stays within its schema bounds at both ends of the range:
    a probability pushed past 1 would be capped, and its effect reported as none. A factor whose
    scaling breaks another rule (shares that sum to 1, a whole number) is refused too."""
    shown = echo(name, plain=True)
    for keys in concrete:
        value = get_path(data, keys)
        values = list(value.values()) if isinstance(value, Mapping) else [value]
        bounds = value_bounds((*keys, next(iter(value))) if isinstance(value, Mapping) else keys)
        top = 1.0 if is_share(str(keys[-1])) else bounds.le
        for v in values:
            for factor in (low, high):
                scaled = v * factor
                if (top is not None and scaled > top) or (bounds.ge is not None and scaled < bounds.ge):
                    where = ".".join(map(str, keys))
                    limit = top if top is not None and scaled > top else bounds.ge
                    raise UserError(
                        Msg(
                            "sens_ranges_bound",
                            path=source,
                            name=shown,
                            where=echo(where, plain=True),
                            value=Formatted(significant, v),
                            factor=Formatted(significant, factor),
                            scaled=Formatted(significant, scaled),
                            limit=Formatted(significant, limit),
                        )
                    )
    problem = scaling_problem(data, name, Scenario)
    if problem is not None:
        raise UserError(Msg("sens_ranges_breaks", path=source, name=shown, problem=problem))


def select_factors(factors: Sequence[Factor], names: Sequence[str]) -> list[Factor]:
    """The named factors, in the order named; an unknown name is a :class:`UserError`."""
    by_name = {f.name: f for f in factors}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise UserError(Msg("sens_not_a_factor", name=echo(unknown[0], plain=True), names=", ".join(by_name) or "–"))
    return [by_name[n] for n in dict.fromkeys(names)]


def fixed_scenario(base: Scenario, factors: Sequence[Factor], values: Sequence[float]) -> Scenario:
    """``base`` with every factor set to its sampled value and nothing left to draw per
    replication: the uncertainty table emptied, ``range`` rules turned into ``trend`` at the
    sampled change (or the middle of their range when not varied)."""
    multipliers = {f.name: f.multiplier(v) for f, v in zip(factors, values, strict=True) if f.kind != "yearly_change"}
    changes = {f.name: v for f, v in zip(factors, values, strict=True) if f.kind == "yearly_change"}
    data = scale_data(base.model_dump(), multipliers, Scenario)
    for stage, (low, high) in _range_rules(base).items():
        rule = data["conversion"][stage]
        rule["after"] = "trend"
        rule["trend_per_year"] = float(changes.get(_range_name(stage), 0.5 * (low + high)))
    data["uncertainty"] = {"parameters": {}, "correlation": {}}
    return Scenario.model_validate(data)


# --- sample designs ----------------------------------------------------------------------


def problem(factors: Sequence[Factor]) -> dict[str, Any]:
    """SALib's problem definition."""
    return {"num_vars": len(factors), "names": [f.name for f in factors], "bounds": [[f.low, f.high] for f in factors]}


@dataclass(frozen=True)
class Design:
    """Sample points (rows) of the factors (columns), in the sampled space."""

    method: Method
    factors: tuple[Factor, ...]
    points: np.ndarray
    samples: int
    seed: int


def design_seed(seed: int) -> int:
    """SALib's sampling seed, derived from the scenario's root seed (reproducible designs)."""
    return int(np.random.SeedSequence(seed).generate_state(1)[0])


def morris_design(factors: Sequence[Factor], trajectories: int, seed: int) -> Design:
    """``trajectories`` Morris trajectories of ``len(factors) + 1`` points each."""
    # lazy: SALib takes ~0.6 s to import; a worker (spawn, Dask) imports this module and never needs it
    from SALib.sample import morris

    points = morris.sample(problem(factors), trajectories, num_levels=MORRIS_LEVELS, seed=design_seed(seed))
    return Design("morris", tuple(factors), points, trajectories, seed)


def sobol_design(factors: Sequence[Factor], base_samples: int, seed: int) -> Design:
    """Saltelli's sample for first-order and total Sobol indices: ``base_samples × (k + 2)`` points.
    ``base_samples`` must be a power of two (the scrambled Sobol sequence's balance)."""
    # lazy: SALib takes ~0.6 s to import; a worker (spawn, Dask) imports this module and never needs it
    from SALib.sample import sobol

    if base_samples & (base_samples - 1):
        raise UserError(Msg("sens_sobol_power_of_two", n=base_samples))
    points = sobol.sample(problem(factors), base_samples, calc_second_order=False, seed=design_seed(seed))
    return Design("sobol", tuple(factors), points, base_samples, seed)


# --- outputs of one replication ----------------------------------------------------------


def _year_max_sum(required: np.ndarray) -> float:
    """Sum over teams of each team's largest monthly requirement (NaN if the law was not in force)."""
    with np.errstate(all="ignore"):
        per_team = np.where(np.isnan(required).all(axis=0), np.nan, np.nanmax(np.nan_to_num(required, nan=-1), axis=0))
    return float(np.nansum(per_team)) if not np.isnan(per_team).all() else math.nan


def _mean_ratio(numerator: np.ndarray, denominator: np.ndarray, cap: float = math.inf) -> float:
    """Mean over months of numerator / denominator (months with a zero denominator left out)."""
    ok = denominator > 0
    return float(np.mean(np.minimum(numerator[ok] / denominator[ok], cap))) if ok.any() else math.nan


def replication_outputs(scenario: Scenario, rep_seed: np.random.SeedSequence, replication: int) -> list[tuple]:
    """One replication's outputs as (output, unit, year, value) rows: the task that runs on a
    worker (small to send back). ``scenario`` must be fixed (nothing drawn)."""
    requirement = requirement_for_replication(
        scenario, rep_seed, replication, target_from=planning_start(scenario), decompose=False
    )
    raw = requirement.raw
    months = pd.DatetimeIndex(pd.to_datetime(list(raw.month_ends)))
    years = np.asarray(months.year)
    required = requirement.months()
    rows: list[tuple] = []
    late = {key: FLOWS.index(("arviointi", key)) for key in _ASSESSMENT_FLOWS}
    frame = cost_frame(build_results(scenario, [raw], 0.0, 1))
    costs = frame[(frame["area"] == ALL) & (frame["category"] == TOTAL)].set_index("year")["value"]
    for year in sorted(set(years.tolist())):
        in_year = years == year
        year_end = months[in_year][-1].date()
        for unit in UNITS:
            members = [p for p, (u, _) in enumerate(raw.pool_keys) if u == unit]
            need = _year_max_sum(required[in_year][:, members])
            funded = sum(posts_on(scenario, unit, raw.pool_keys[p][1], year_end) for p in members)
            rows.append(("extra_posts", unit, year, need - funded))
            pools = raw.pools[in_year][:, members, :].sum(axis=1)
            workers = pools[:, POOL["workers_in_post"]]
            rows.append(
                ("mean_children_per_worker", unit, year, _mean_ratio(pools[:, POOL["clients_counted"]], workers))
            )
            with_list = workers + pools[:, POOL["workers_absent"]]
            share = _mean_ratio(pools[:, POOL["workers_over_limit"]], with_list, cap=1.0)
            rows.append(("share_workers_over_limit", unit, year, share))
        flows = raw.flows[in_year].sum(axis=(0, 1))
        for output, (late_key, all_key) in _ASSESSMENT_SHARES.items():
            total = flows[late[all_key]]
            rows.append((output, ALL, year, float(flows[late[late_key]] / total) if total > 0 else math.nan))
        rows.append(("cost_total_meur", ALL, year, float(costs.get(year, math.nan)) / 1e6))
    return rows


_ASSESSMENT_SHARES = {
    "assessments_started_late_share": ("assessments_started_late", "assessments_started"),
    "assessments_completed_late_share": ("assessments_completed_late", "assessments_completed"),
}
_ASSESSMENT_FLOWS = tuple(k for pair in _ASSESSMENT_SHARES.values() for k in pair)


def evaluate(
    design: Design,
    base: Scenario,
    replications: int,
    seed: int,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
) -> pd.DataFrame:
    """Every sample point × replication (replication r has the same seed at every point):
    tidy rows point, replication, output, unit, year, value."""
    scenarios = [fixed_scenario(base, design.factors, x) for x in design.points]
    seeds = replication_seeds(seed, replications)
    calls = [(s, seeds[r], r) for s in scenarios for r in range(replications)]
    jobs = default_jobs(len(calls)) if jobs is None else jobs
    results = map_tasks(replication_outputs, calls, jobs, progress)
    frames = []
    for i, rows in enumerate(results):
        frame = pd.DataFrame(rows, columns=["output", "unit", "year", "value"])
        frame.insert(0, "replication", i % replications)
        frame.insert(0, "point", i // replications)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


# --- indices -----------------------------------------------------------------------------


def point_matrix(outputs: pd.DataFrame) -> dict[tuple[str, str, int], np.ndarray]:
    """Per output (name, unit, year): values as an array (points, replications). Outputs that
    are undefined at some point (NaN, e.g. extra posts before the law) are left out."""
    out = {}
    for _, part in outputs.groupby(["output", "unit", "year"], sort=True):
        first = part.iloc[0]
        matrix = part.pivot(index="point", columns="replication", values="value").to_numpy(dtype=float)
        if not np.isnan(matrix).any():
            out[(str(first["output"]), str(first["unit"]), int(first["year"]))] = matrix
    return out


def elementary_effects(points: np.ndarray, y: np.ndarray, factors: Sequence[Factor]) -> np.ndarray:
    """Morris elementary effects (factors, trajectories) of outputs ``y`` (points, …) as SALib
    defines them: the change of the output over one step of a factor, divided by the step in
    units of the factor's range (so effects are per whole range and comparable across factors).
    ``y`` may carry extra axes (replications), which are kept."""
    k = len(factors)
    width = np.array([f.high - f.low for f in factors])
    delta = MORRIS_LEVELS / (2 * (MORRIS_LEVELS - 1))
    n_traj = points.shape[0] // (k + 1)
    effects = np.zeros((k, n_traj, *y.shape[1:]))
    for t in range(n_traj):
        for j in range(k):
            a, b = t * (k + 1) + j, t * (k + 1) + j + 1
            step = (points[b] - points[a]) / width
            i = int(np.argmax(np.abs(step)))
            effects[i, t] = (y[b] - y[a]) / (delta * np.sign(step[i]))
    return effects


@functools.cache
def noise_quantile(trajectories: int, replications: int, level: float = 1 - (1 - CONFIDENCE) / 2) -> float:
    """The ``level`` quantile of μ*/s when elementary effects are pure noise: μ* = mean over
    ``trajectories`` of |mean over ``replications``|, s = the root mean square of their standard
    errors estimated from the same replications. The ratio does not depend on the noise's size,
    so its null distribution is simulated once (normal noise of equal spread)."""
    draws = max(2000, 4_000_000 // (trajectories * replications))
    rng = np.random.default_rng(20240101)
    effects = rng.standard_normal((draws, trajectories, replications))
    mu_star = np.abs(effects.mean(axis=2)).mean(axis=1)
    s = np.sqrt((effects.var(axis=2, ddof=1) / replications).mean(axis=1))
    return float(np.quantile(mu_star / s, level))


def noise_limit(se: np.ndarray, trajectories: int, replications: int) -> np.ndarray:
    """Per factor, the μ* that replication noise alone exceeds with probability 2.5 %, from
    each elementary effect's standard error ``se`` (factors, trajectories) estimated from the
    replications (:func:`noise_quantile` accounts for that estimate's own uncertainty)."""
    s = np.sqrt(np.mean(se**2, axis=1))
    return s * noise_quantile(trajectories, replications)


def morris_indices(design: Design, outputs: pd.DataFrame) -> pd.DataFrame:
    """Morris indices per output and factor: μ, μ* with its bootstrap confidence half-width, σ,
    and the replication noise: each elementary effect's spread over replications gives its
    standard error, hence the μ* that noise alone exceeds with probability 2.5 % (``noise_limit``);
    a factor whose μ* is above it is ``distinct`` from replication noise. Rank 1 = largest μ*."""
    # lazy: SALib takes ~0.6 s to import; a worker (spawn, Dask) imports this module and never needs it
    from SALib.analyze import morris

    names = [f.name for f in design.factors]
    rows = []
    for (name, unit, year), y in point_matrix(outputs).items():
        mean = y.mean(axis=1)
        if np.ptp(mean) == 0:
            continue  # the output does not move at all: nothing to rank
        si = morris.analyze(
            problem(design.factors),
            design.points,
            mean,
            num_resamples=RESAMPLES,
            conf_level=CONFIDENCE,
            num_levels=MORRIS_LEVELS,
            seed=design_seed(design.seed),
        )
        per_rep = elementary_effects(design.points, y, design.factors)  # (k, trajectories, reps)
        reps = y.shape[1]
        se = per_rep.std(axis=2, ddof=1) / math.sqrt(reps)
        limit = noise_limit(se, design.samples, reps)
        within = float(np.sqrt(np.mean(y.var(axis=1, ddof=1))))
        rank = ranks(si["mu_star"])
        for i, factor in enumerate(names):
            rows.append(
                {
                    "output": name,
                    "unit": unit,
                    "year": year,
                    "parameter": factor,
                    "rank": int(rank[i]),
                    "mu_star": float(si["mu_star"][i]),
                    "mu_star_conf": float(si["mu_star_conf"][i]),
                    "mu": float(si["mu"][i]),
                    "sigma": float(si["sigma"][i]),
                    "noise_limit": float(limit[i]),
                    "distinct": bool(si["mu_star"][i] > limit[i]),
                    "replication_sd": within,
                    "output_mean": float(mean.mean()),
                }
            )
    return pd.DataFrame(rows)


def ranks(scores: Any) -> np.ndarray:
    """Rank 1 for the largest score, ties in factor order."""
    order = np.argsort(-np.asarray(scores), kind="stable")
    rank = np.empty(len(order), dtype=int)
    rank[order] = np.arange(1, len(order) + 1)
    return rank


def sobol_indices(design: Design, outputs: pd.DataFrame) -> pd.DataFrame:
    """First-order (S1) and total (ST) Sobol indices per output and factor with bootstrap
    confidence half-widths, and the share of the output's variance over points that is
    replication noise (the spread over replications / replications, over the spread of the
    point means): indices of an output with a large noise share are unreliable. Rank 1 =
    largest ST."""
    # lazy: SALib takes ~0.6 s to import; a worker (spawn, Dask) imports this module and never needs it
    from SALib.analyze import sobol

    names = [f.name for f in design.factors]
    rows = []
    for (name, unit, year), y in point_matrix(outputs).items():
        mean = y.mean(axis=1)
        if np.ptp(mean) == 0:
            continue
        si = sobol.analyze(
            problem(design.factors),
            mean,
            calc_second_order=False,
            num_resamples=RESAMPLES,
            conf_level=CONFIDENCE,
            seed=design_seed(design.seed),
        )
        noise = float(np.mean(y.var(axis=1, ddof=1)) / y.shape[1])
        noise_share = noise / float(mean.var(ddof=1))
        rank = ranks(si["ST"])
        for i, factor in enumerate(names):
            rows.append(
                {
                    "output": name,
                    "unit": unit,
                    "year": year,
                    "parameter": factor,
                    "rank": int(rank[i]),
                    "S1": float(si["S1"][i]),
                    "S1_conf": float(si["S1_conf"][i]),
                    "ST": float(si["ST"][i]),
                    "ST_conf": float(si["ST_conf"][i]),
                    "noise_share": noise_share,
                    "replication_sd": float(np.sqrt(np.mean(y.var(axis=1, ddof=1)))),
                    "output_mean": float(mean.mean()),
                }
            )
    return pd.DataFrame(rows)


# --- the analysis ------------------------------------------------------------------------


@dataclass
class SensitivityResult:
    """A sensitivity analysis: its design, the outputs of every point and replication, the
    indices, and (for Sobol chosen from a Morris screen) the screen it started from."""

    scenario: Scenario
    design: Design
    replications: int
    seed: int
    outputs: pd.DataFrame  # point, replication, output, unit, year, value
    indices: pd.DataFrame  # per output and parameter (Morris or Sobol columns)
    seconds: float
    screening: SensitivityResult | None = None
    meta: dict[str, object] = field(default_factory=dict)

    @property
    def method(self) -> Method:
        return self.design.method

    @property
    def last_year(self) -> int:
        return self.scenario.simulation.end.year

    @property
    def score(self) -> str:
        """The index factors are ranked by."""
        return "mu_star" if self.method == "morris" else "ST"

    def ranking(self, output: str, unit: str, year: int | None = None) -> pd.DataFrame:
        """The factors for one output (default: the last year), most influential first."""
        year = self.last_year if year is None else year
        idx = self.indices
        if idx.empty:
            return idx
        part = idx[(idx["output"] == output) & (idx["unit"] == unit) & (idx["year"] == year)]
        return part.sort_values("rank")

    def samples_frame(self) -> pd.DataFrame:
        """Every sample point with its parameter values as multipliers (or yearly changes)."""
        columns = {
            f.name: [f.multiplier(v) for v in self.design.points[:, i]] for i, f in enumerate(self.design.factors)
        }
        frame = pd.DataFrame(columns)
        frame.insert(0, "point", range(len(frame)))
        return frame


def top_factors(result: SensitivityResult, k: int) -> list[str]:
    """The ``k`` factors that matter most for the headline answers of the last year: each
    factor's largest μ* (or ST) relative to the leading factor of each headline output."""
    score: dict[str, float] = {}
    for output, unit in HEADLINE:
        part = result.ranking(output, unit)
        if part.empty:
            continue
        values = part.set_index("parameter")[result.score]
        top = float(values.max())
        if top <= 0:
            continue
        for name, value in values.items():
            score[str(name)] = max(score.get(str(name), 0.0), float(value) / top)
    ordered = sorted(score, key=lambda n: (-score[n], n))
    return ordered[:k]


def run_sensitivity(
    scenario: Scenario,
    method: Method = "morris",
    *,
    factors: Sequence[Factor] | None = None,
    samples: int | None = None,
    replications: int = 2,
    seed: int | None = None,
    parameters: Sequence[str] | None = None,
    top: int = 3,
    jobs: int | None = None,
    progress: ProgressCallback | None = None,
) -> SensitivityResult:
    """Sensitivity of the answers of ``scenario`` to its uncertain parameters (or ``factors``).

    Both vary the ``parameters`` named (an unknown name is a :class:`UserError`). Without them,
    Morris screens every factor, and Sobol varies the ``top`` factors of a Morris screen run
    first (with its default samples), which the result keeps."""
    if replications < 2:
        raise UserError(Msg("sens_replications", n=replications))
    factors = list(factors_from_scenario(scenario) if factors is None else factors)
    if not factors:
        raise UserError(Msg("sens_no_factors", name=scenario.name))
    seed = scenario.simulation.seed if seed is None else seed
    samples = DEFAULT_SAMPLES[method] if samples is None else samples
    if method == "sobol" and samples & (samples - 1):  # checked before any screening runs
        raise UserError(Msg("sens_sobol_power_of_two", n=samples))
    screening = None
    if parameters:  # either method varies only these (an unknown name is refused, never ignored)
        factors = select_factors(factors, parameters)
    elif method == "sobol" and len(factors) > top:
        screening = run_sensitivity(
            scenario, "morris", factors=factors, replications=replications, seed=seed, jobs=jobs, progress=progress
        )
        factors = select_factors(factors, top_factors(screening, top))
    started = time.perf_counter()
    design = morris_design(factors, samples, seed) if method == "morris" else sobol_design(factors, samples, seed)
    outputs = evaluate(design, scenario, replications, seed, jobs, progress)
    indices = morris_indices(design, outputs) if method == "morris" else sobol_indices(design, outputs)
    return SensitivityResult(
        scenario=scenario,
        design=design,
        replications=replications,
        seed=seed,
        outputs=outputs,
        indices=indices,
        seconds=time.perf_counter() - started + (screening.seconds if screening else 0.0),
        screening=screening,
    )
