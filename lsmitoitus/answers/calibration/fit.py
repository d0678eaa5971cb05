"""Fitting unknown pathway parameters to THL's published indicators.

Each fitted parameter is a multiplier of its value in the base scenario (every age band scaled
alike), optimised on a log scale within bounds by ``scipy.optimize.least_squares``. Residuals are
Pearson residuals, (simulated − observed) / √observed, for every observed (indicator, year); a
count is used where the history has one, otherwise the percentage of the 0–17 population
converted to a count. A published count of distinct children is one Poisson-like draw, so an
indicator of 139 children is known to ±12 and one of 3,600 to ±60: weighting by √observed gives
each the weight its own noise allows (unweighted relative residuals would let the small, noisy
counts blur the parameters the large ones pin down), and the residual variance estimates the
dispersion (1 for Poisson; families make it larger). The national evidence (:mod:`.evidence`,
on by default) adds targets for the same years whose standard deviation is the evidence's own
(a national ratio applied to a county), so that durations, not only flows, are fitted: how many
children are on the lists on a given day, how many care orders a year, how much aftercare.

Rounds: the fast approximation (:mod:`.approx`) is fitted; the discrete-event model is run at
the fitted point; the ratio DES / approximation per observation corrects the approximation for
the next round (space mapping). The last DES run is the reported fit.

Identifiability: the Jacobian of the residuals with respect to every candidate parameter (log
multiplier, central differences) at the fitted point shows which parameters the data pin down.
A fitted parameter whose column is (nearly) zero, or (nearly) a combination of the other fitted
columns, is reported as not identifiable: the objective is flat along it.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
from scipy.optimize import least_squares

from ...scenario.demand_inputs import county_population
from ...scenario.files import ScenarioError, scenario_from_dict
from ...scenario.history import INDICATORS
from ...scenario.schema import Scenario
from ...scenario.uncertainty import expand, get_path, scale_data
from ...simulation.results import quantile_summary
from ...simulation.runner import simulate
from ...text.formats import Formatted, integer, number, percent, significant
from ...text.i18n import Lang, Msg, ParameterName, echo, render, t
from ..indicators import EVIDENCE_INDICATORS, simulated_indicators
from .approx import PathwayApproximation
from .candidates import BOUNDS, CANDIDATES, DEFAULT_FIT
from .evidence import county_targets

#: what a history may give for a fit: THL's groups, and counts of the evidence indicators
GROUP_INDICATORS = (*(i for i in INDICATORS if i != "lastensuojeluilmoitukset"), *EVIDENCE_INDICATORS)

Progress = Callable[[Msg], None]  # a message of the translation table, shown in the reader's language


def _get(data: Mapping[str, Any], path: str) -> Any:
    return get_path(data, path)


def _has(data: Mapping[str, Any], path: str) -> bool:
    try:
        get_path(data, path)
    except (KeyError, TypeError):
        return False
    return True


def apply_multipliers(base: Scenario, multipliers: Mapping[str, float]) -> dict[str, Any]:
    """Scenario data with each named parameter multiplied: the one scaling rule
    (:func:`lsmitoitus.scenario.uncertainty.scale_data`) that parameter uncertainty uses too."""
    return scale_data(base.model_dump(), multipliers, Scenario)


def describe_value(value: Any, lang: Lang = "fi") -> str:
    """A parameter's value for the report in the reader's format: four significant digits, a
    duration of a thousand days or more in whole days (1 983), an age-band table as its bands
    (one value when every band has it)."""
    if value is None:
        return "–"
    if isinstance(value, dict):
        values = list(value.values())
        if values and all(v == values[0] for v in values):
            return t("calib_all_ages", lang, value=_value(values[0], lang))
        return "{" + "; ".join(f"{k}: {_value(v, lang)}" for k, v in value.items()) + "}"
    return _value(value, lang)


def _value(value: float, lang: Lang) -> str:
    return integer(value, lang) if abs(value) >= 1000 else significant(value, lang, 4)


def observations(history: pd.DataFrame, scenario: Scenario, years: Sequence[int] | None = None) -> pd.DataFrame:
    """Observed group indicators as counts, one row per (indicator, year): the count where the
    history gives one, else the percentage × the scenario's 0–17 population / 100."""
    rows = []
    hist = history[history["indicator"].isin(GROUP_INDICATORS)]
    if years is not None:
        hist = hist[hist["year"].isin(list(years))]
    values = {(r["indicator"], int(r["year"]), r["unit"]): float(r["value"]) for r in hist.to_dict("records")}
    for indicator, year in sorted({(i, y) for i, y, _ in values}):
        if (indicator, year, "count") in values:
            rows.append((indicator, year, values[(indicator, year, "count")], "count"))
        else:
            pct = values[(indicator, year, "percent_of_0_17")]
            rows.append((indicator, year, pct * county_population(scenario, year) / 100.0, "percent_of_0_17"))
    obs = pd.DataFrame(rows, columns=["indicator", "year", "observed", "source_unit"])
    if obs.empty:
        raise ScenarioError(Msg("calibration_no_observations"))
    obs["sd"] = np.sqrt(obs["observed"])  # a published count of distinct children: Poisson noise
    obs["evidence"] = ""
    return obs.sort_values(["indicator", "year"]).reset_index(drop=True)


def with_evidence(obs: pd.DataFrame, fitted: Sequence[str] = ()) -> pd.DataFrame:
    """The county's observations and, for the same years, the targets the national evidence gives
    (:mod:`.evidence`), each with its own standard deviation."""
    targets = county_targets(obs, tuple(fitted)).assign(source_unit="evidence")
    return pd.concat([obs, targets], ignore_index=True).sort_values(["indicator", "year"]).reset_index(drop=True)


@dataclass
class ParameterReport:
    name: str
    fitted: bool
    base: Any
    value: Any
    multiplier: float
    sensitivity: float  # norm of the residuals' derivative w.r.t. log multiplier
    unique: float  # share of that sensitivity not explained by the other fitted parameters
    identifiable: bool
    note: Msg  # what the report says of it, in the reader's language when rendered


def fitted_uncertainty(base: Scenario, names: Sequence[str], covariance: np.ndarray) -> dict[str, Any]:
    """The calibrated scenario's [uncertainty]: the base's entries for parameters not fitted, and
    for each fitted one a lognormal multiplier with the fit's standard deviation (capped at 0.5),
    correlated as the covariance says."""
    sd = np.sqrt(np.clip(np.diag(covariance), 0.0, None))
    parameters = {k: v.model_dump() for k, v in base.uncertainty.parameters.items() if k not in names}
    correlation = {k: v for k, v in base.uncertainty.correlation.items() if not set(k.split("|")) & set(names)}
    for i, name in enumerate(names):
        parameters[name] = {"distribution": "lognormal", "log_sd": round(float(min(sd[i], 0.5)), 4), "source": "fitted"}
    scale = np.where(sd > 0, sd, 1.0)
    rho = covariance / np.outer(scale, scale)
    rho = _positive_definite(np.where(np.outer(sd > 0, sd > 0), rho, np.eye(len(names))))
    for i, a in enumerate(names):
        for j in range(i + 1, len(names)):
            if abs(rho[i, j]) >= 0.05:
                correlation[f"{a}|{names[j]}"] = round(float(rho[i, j]), 3)
    return {"parameters": parameters, "correlation": correlation}


def _positive_definite(rho: np.ndarray) -> np.ndarray:
    """The fit's correlations, shrunk toward none just enough that, rounded to three decimals and
    capped at ±0.95 and without those under 0.05, as the scenario stores them, they still form a
    valid (positive definite)
    correlation matrix: a fit with fewer observations than parameters has a singular covariance."""
    for shrink in np.linspace(0.0, 1.0, 21):
        candidate = np.clip(np.round((1.0 - shrink) * rho, 3), -0.95, 0.95)
        candidate[np.abs(candidate) < 0.05] = 0.0  # as stored: small correlations are left out
        np.fill_diagonal(candidate, 1.0)
        try:
            np.linalg.cholesky(candidate)
        except np.linalg.LinAlgError:
            continue
        return candidate
    return np.eye(len(rho))


def fitted_provenance(base: Scenario, names: Sequence[str], observed: pd.DataFrame) -> dict[str, Any]:
    """The calibrated scenario's [provenance]: the base's entries, and each fitted parameter
    marked fitted, to which indicators and years (entries inside a fitted table are dropped)."""
    entries = {k: v.model_dump() for k, v in base.provenance.items()}
    for name in names:
        for key in [k for k in entries if k.startswith(name + ".")]:
            del entries[key]
    years = sorted(int(y) for y in observed["year"].unique())
    indicators = ", ".join(sorted(str(i) for i in observed["indicator"].unique()))
    span = f"{years[0]}–{years[-1]}" if years else "–"
    source = f"lsmitoitus calibrate {dt.date.today().isoformat()}: {indicators} ({span})"
    for name in names:
        entries[name] = {"status": "fitted", "source": source[:500]}
    return entries


@dataclass
class CalibrationResult:
    scenario: Scenario
    base: Scenario
    covariance: np.ndarray
    fitted: dict[str, float]  # multipliers
    observed: pd.DataFrame
    des_table: pd.DataFrame  # observation rows with des_p10/p50/p90 and approx values
    parameters: list[ParameterReport]
    rounds: int
    seconds: float
    history_source: str = ""
    log: list[str] = field(default_factory=list)

    def max_abs_relative_error(self) -> float:
        table = self.des_table
        if "sd" in table:
            table = table[np.isfinite(table["sd"])]  # the observations that weigh
        return float(np.max(np.abs(table["des_p50"] / table["observed"] - 1.0)))

    def misses(self) -> pd.DataFrame:
        """The observations the fit misses by more than its bands allow: further outside the
        simulated P10–P90 band than the band is wide (and at least 10 % of the observed value,
        for the narrow bands of a few replications). Empty: the fit reproduces the data."""
        table = self.des_table
        slack = np.maximum(table["des_p90"] - table["des_p10"], MISS_SLACK * table["observed"])
        outside = (table["observed"] < table["des_p10"] - slack) | (table["observed"] > table["des_p90"] + slack)
        # a national ratio applied to the county is not a count the band speaks for: it is missed
        # when more than three of its own standard deviations away, and never when it does not weigh
        evidence = table.get("source_unit", pd.Series("", index=table.index)) == "evidence"
        sd = table["sd"].to_numpy() if "sd" in table else np.sqrt(table["observed"].to_numpy())
        far = np.abs(table["des_p50"] - table["observed"]) > 3 * sd
        return table[np.where(evidence, far & np.isfinite(sd), outside)]


#: The least room beyond the P10–P90 band before an observation counts as missed (a share of the
#: observed value).
MISS_SLACK = 0.1


#: Stop when a step changes the multipliers by under 0.1 % or the objective by under 0.01 %: the
#: discrete-event correction itself carries a few per cent of Monte Carlo error, so iterating the
#: approximation further only chases its fixed random numbers.
TOLERANCES = {"xtol": 1e-3, "ftol": 1e-4}


class Calibrator:
    def __init__(
        self,
        base: Scenario,
        history: pd.DataFrame,
        fit: Sequence[str] = DEFAULT_FIT,
        years: Sequence[int] | None = None,
        replications: int = 10,
        rounds: int = 2,
        jobs: int | None = None,
        progress: Progress | None = None,
        evidence: bool = True,
        copies: int = 4,
    ) -> None:
        unknown = [p for p in fit if p not in CANDIDATES]
        if unknown:
            raise ScenarioError(
                Msg(
                    "calibration_unknown",
                    unknown=echo(", ".join(unknown), plain=True),
                    candidates=", ".join(CANDIDATES),
                )
            )
        self.base = base
        data = base.model_dump()
        # a year-specific parameter of a year the scenario does not give (e.g. a conversion factor
        # after the fitted years) is not a candidate here
        self.fit_names = [p for p in fit if expand(data, p)]
        self.obs = observations(history, base, years)
        if evidence:
            self.obs = with_evidence(self.obs, self.fit_names)
        self.years = sorted(self.obs["year"].unique().tolist())
        last = max(self.years)
        if last > base.simulation.end.year or min(self.years) < base.simulation.start.year:
            raise ScenarioError(
                Msg(
                    "calibration_years",
                    years=", ".join(str(y) for y in self.years),
                    first=base.simulation.start.year,
                    last=base.simulation.end.year,
                )
            )
        # the approximation's fixed random numbers come from the scenario's seed, like everything else
        self.approx = PathwayApproximation(base, last, seed=base.simulation.seed, copies=copies)
        self.replications = replications
        self.rounds = rounds
        self.jobs = jobs
        self.progress = progress or (lambda _msg: None)
        self.correction = np.ones(len(self.obs))
        self.evaluations = 0

    # --- the objective ----------------------------------------------------------------------

    def _multipliers(self, theta: np.ndarray, names: Sequence[str]) -> dict[str, float]:
        return {n: float(np.exp(x)) for n, x in zip(names, theta, strict=True)}

    def approx_values(self, multipliers: Mapping[str, float]) -> np.ndarray | None:
        try:
            scenario = Scenario.model_validate(apply_multipliers(self.base, multipliers))
        except ValueError:
            return None  # e.g. escalation probabilities summing over 1: outside the feasible set
        self.evaluations += 1
        values = self.approx.indicators(scenario, self.years)
        return np.array([values[(i, y)] for i, y in zip(self.obs["indicator"], self.obs["year"], strict=True)])

    def residuals(
        self, theta: np.ndarray, names: Sequence[str] | None = None, fixed: Mapping[str, float] | None = None
    ) -> np.ndarray:
        multipliers = {**(fixed or {}), **self._multipliers(theta, names or self.fit_names)}
        values = self.approx_values(multipliers)
        observed, sd = self.obs["observed"].to_numpy(), self.obs["sd"].to_numpy()
        if values is None:
            return np.full(len(self.obs), 10.0) * np.sqrt(observed)
        return (values * self.correction - observed) / sd

    def _jacobian(self, theta: np.ndarray, step: float = 0.03) -> np.ndarray:
        """Forward differences with an absolute step in log-multiplier space (scipy's relative
        step is zero at a multiplier of 1). A step of 3 % moves enough simulated children for
        the fixed-random-number approximation to respond smoothly."""
        f0 = self.residuals(theta)
        _, hi = self._bounds()
        columns = []
        for j in range(len(theta)):
            h = step if theta[j] + step <= hi[j] else -step
            shifted = theta.copy()
            shifted[j] += h
            columns.append((self.residuals(shifted) - f0) / h)
        return np.column_stack(columns)

    # --- the procedure ----------------------------------------------------------------------

    def _bounds(self) -> tuple[np.ndarray, np.ndarray]:
        lo = [np.log(BOUNDS[CANDIDATES[n][0]][0]) for n in self.fit_names]
        hi = [np.log(BOUNDS[CANDIDATES[n][0]][1]) for n in self.fit_names]
        return np.array(lo), np.array(hi)

    def _des(self, multipliers: Mapping[str, float], seed: int) -> pd.DataFrame:
        data = apply_multipliers(self.base, multipliers)
        # the fit is of the point values: no parameter draws, only the simulation's own randomness
        data["uncertainty"] = {"parameters": {}, "correlation": {}}
        scenario = scenario_from_dict(data, "calibrated scenario")
        scenario = scenario.with_overrides(replications=self.replications, seed=seed)
        results = simulate(scenario, jobs=self.jobs)
        sim = simulated_indicators(results)
        sim = sim[sim["unit"] == "count"]
        stats = quantile_summary(sim, ["indicator", "year"])
        stats = stats.rename(columns={"mean": "des_mean", "p10": "des_p10", "p50": "des_p50", "p90": "des_p90"})
        return self.obs.merge(stats, on=["indicator", "year"], how="left")

    def run(self, explain: bool = True) -> CalibrationResult:
        """Fit, check against the discrete-event model, and (``explain``) report per candidate
        parameter whether the history identifies it (one more approximation per candidate)."""
        started = time.perf_counter()
        lo, hi = self._bounds()
        theta = np.zeros(len(self.fit_names))
        theta = np.clip(theta, lo + 1e-9, hi - 1e-9)
        table = pd.DataFrame()
        for round_no in range(1, self.rounds + 1):
            fit = least_squares(self.residuals, theta, jac=self._jacobian, bounds=(lo, hi), max_nfev=100, **TOLERANCES)
            theta = fit.x
            multipliers = self._multipliers(theta, self.fit_names)
            approx = self.approx_values(multipliers)
            assert approx is not None
            weighs = np.isfinite(self.obs["sd"].to_numpy())  # reported evidence that does not weigh is left out
            relative = (approx * self.correction / self.obs["observed"].to_numpy() - 1.0)[weighs]
            self.progress(
                Msg(
                    "calibration_round_fitted",
                    round=round_no,
                    evaluations=self.evaluations,
                    error=round(100 * float(np.max(np.abs(relative)))),
                )
            )
            table = self._des(multipliers, seed=self.base.simulation.seed + round_no)
            table["approx"] = approx * self.correction
            worst = float(np.max(np.abs(table["des_p50"] / table["observed"] - 1.0)[weighs]))
            self.progress(
                Msg("calibration_round_checked", round=round_no, n=self.replications, error=round(100 * worst))
            )
            # space mapping: correct the approximation by the DES/approximation ratio at this point
            self.correction = table["des_mean"].to_numpy() / approx
        if self.rounds == 0:  # approximation only: its values stand in for the discrete-event table
            fit = least_squares(self.residuals, theta, jac=self._jacobian, bounds=(lo, hi), max_nfev=100, **TOLERANCES)
            theta = fit.x
            approx = self.approx_values(self._multipliers(theta, self.fit_names))
            assert approx is not None
            noise = np.sqrt(np.maximum(approx, 1.0)) * 1.2816  # Poisson counts: P10–P90 ≈ ± 1.28 sd
            table = self.obs.assign(
                des_mean=approx, des_p50=approx, des_p10=approx - noise, des_p90=approx + noise, approx=approx
            )
        multipliers = self._multipliers(theta, self.fit_names)
        covariance = self._covariance(theta, table)
        data = apply_multipliers(self.base, multipliers)
        data["uncertainty"] = fitted_uncertainty(self.base, self.fit_names, covariance)
        data["provenance"] = fitted_provenance(self.base, self.fit_names, self.obs)
        scenario = scenario_from_dict(data, "calibrated scenario")
        parameters = self._identifiability(theta) if explain else []
        return CalibrationResult(
            scenario=scenario,
            base=self.base,
            covariance=covariance,
            fitted=multipliers,
            observed=self.obs,
            des_table=table,
            parameters=parameters,
            rounds=self.rounds,
            seconds=time.perf_counter() - started,
        )

    def _covariance(self, theta: np.ndarray, table: pd.DataFrame) -> np.ndarray:
        """Covariance of the fitted log multipliers: s²·(JᵀJ)⁻¹ at the optimum (the least-squares
        asymptotics), J the Jacobian of the Pearson residuals. s² is the dispersion, the final
        discrete-event fit's residual variance, but never below 1 + 1/copies: the observations' own
        Poisson noise plus that of the approximation's fixed random numbers (``copies`` times the
        county), which the fit absorbs as if it were data; so a fit that happens to pass every
        point is not taken as certain."""
        jac = self._jacobian(theta)
        observed = table["observed"].to_numpy()
        residual = (table["des_p50"].to_numpy() - observed) / table["sd"].to_numpy()
        weighs = np.isfinite(table["sd"].to_numpy())  # reported evidence that does not weigh is no data
        residual, jac = residual[weighs], jac[weighs]
        n, p = jac.shape
        floor = 1.0 + 1.0 / self.approx.copies
        s2 = max(floor, float(residual @ residual) / (n - p) if n > p else float(np.mean(residual**2)))
        return s2 * np.linalg.pinv(jac.T @ jac)

    def _identifiability(self, theta: np.ndarray, step: float = 0.1) -> list[ParameterReport]:
        fitted = self._multipliers(theta, self.fit_names)
        names = list(CANDIDATES)
        columns = []
        for name in names:
            centre = np.log(fitted.get(name, 1.0))
            rest = {k: v for k, v in fitted.items() if k != name}
            up = self.residuals(np.array([centre + step]), [name], rest)
            down = self.residuals(np.array([centre - step]), [name], rest)
            columns.append((up - down) / (2 * step))
        jac = np.column_stack(columns)
        fit_idx = [names.index(n) for n in self.fit_names]
        base_data = self.base.model_dump()
        calibrated = apply_multipliers(self.base, fitted)
        scale = float(np.max(np.linalg.norm(jac, axis=0))) or 1.0
        reports = []
        for j, name in enumerate(names):
            col = jac[:, j]
            norm = float(np.linalg.norm(col))
            others = [k for k in fit_idx if k != j]
            if others and norm > 0:
                basis = jac[:, others]
                projection = basis @ np.linalg.lstsq(basis, col, rcond=None)[0]
                unique = float(np.linalg.norm(col - projection) / norm)
            else:
                unique = 1.0 if norm > 0 else 0.0
            is_fitted = name in fitted
            sensitive = norm > 0.05 * scale  # relative to the parameter the data respond to most
            identifiable = sensitive and unique > 0.1
            if is_fitted:
                note = Msg("calib_note_fitted" if identifiable else "calib_note_not_identifiable")
            else:
                cos = [
                    (abs(float(col @ jac[:, k])) / (norm * float(np.linalg.norm(jac[:, k])) + 1e-12), names[k])
                    for k in fit_idx
                ]
                best = max(cos) if cos else (0.0, "")
                if not sensitive:
                    note = Msg("calib_note_insensitive")
                elif best[0] > 0.9:
                    note = Msg(
                        "calib_note_trades_off", other=ParameterName(best[1]), cos=Formatted(number, best[0], digits=2)
                    )
                else:
                    note = Msg("calib_note_could_fit")
            reports.append(
                ParameterReport(
                    name=name,
                    fitted=is_fitted,
                    base=_get(base_data, name) if _has(base_data, name) else None,
                    value=_get(calibrated, name) if _has(calibrated, name) else None,
                    multiplier=fitted.get(name, 1.0),
                    sensitivity=norm,
                    unique=unique,
                    identifiable=identifiable,
                    note=note,
                )
            )
        return reports


def fit_row(r: Mapping[Any, Any], lang: Lang = "fi") -> str:
    """One observation against the simulation: simulated P50 (P10–P90), observed, difference."""
    return t(
        "calib_header_fit_row",
        lang,
        indicator=t(r["indicator"], lang),
        year=r["year"],
        simulated=integer(r["des_p50"], lang),
        low=integer(r["des_p10"], lang),
        high=integer(r["des_p90"], lang),
        observed=integer(r["observed"], lang),
        difference=percent(r["des_p50"] / r["observed"] - 1, lang, 1, sign=True),
    )


def calibration_header(result: CalibrationResult, history_source: str, version: str, lang: Lang = "fi") -> str:
    """Comment lines for the calibrated scenario file, in ``lang``: what was fitted, to what, how
    well. Each parameter by its name for people and its dotted path (which a planner copies into
    a scenario file); numbers in the reader's format."""
    indicators = ", ".join(t(i, lang) for i in sorted(result.observed["indicator"].unique()))
    years = ", ".join(str(y) for y in sorted(result.observed["year"].unique()))
    lines = [
        t("calib_header_done", lang, version=version, seconds=integer(result.seconds, lang)),
        t(
            "calib_header_sources",
            lang,
            name=echo(result.base.name, plain=True),
            history=echo(history_source, plain=True, limit=1000),
        ),
        t("calib_header_data", lang, indicators=indicators, years=years),
        t("calib_header_method", lang, rounds=integer(result.rounds, lang)),
        "",
        t("calib_header_fitted", lang),
    ]
    sd = dict(zip(result.fitted, np.sqrt(np.clip(np.diag(result.covariance), 0, None)).tolist(), strict=True))
    for p in result.parameters:
        if p.fitted:
            lines.append(
                t(
                    "calib_header_fitted_row",
                    lang,
                    parameter=ParameterName(p.name).render(lang),
                    value=describe_value(p.value, lang),
                    multiplier=number(p.multiplier, lang, 3),
                    sd=number(sd[p.name], lang, 3),
                    note=render(p.note, lang),
                )
            )
    lines += ["", t("calib_header_fit_des" if result.rounds else "calib_header_fit_approx", lang)]
    lines += [fit_row(r, lang) for r in result.des_table.to_dict("records")]
    if not result.misses().empty:
        lines += ["", t("calib_header_misses", lang)]
    lines += ["", t("calib_header_kept", lang)]
    for p in result.parameters:
        if not p.fitted:
            lines.append(
                t(
                    "calib_header_kept_row",
                    lang,
                    parameter=ParameterName(p.name).render(lang),
                    value=describe_value(p.value, lang),
                    note=render(p.note, lang),
                    sensitivity=number(p.sensitivity, lang, 2),
                )
            )
    return "\n".join(lines)
