"""Back-test: calibrate on the years up to Y, run forward with the observed notifications of
later years as input, and compare simulated with observed indicators for the later years.

An honest back-test knows nothing after Y but the notifications (its input): the scenario's
conversion values and year factors for later years are removed, so the years after Y follow the
scenario's own rule for years after the data (``range`` in the default: a yearly change drawn per
replication), and the uncertainty of parameters that no longer exist is dropped. The report
gives, for every held-out value, the P50 error and whether it lies inside the P10–P90 band, and
the coverage over all of them: an 80 % band should hold about 80 % of them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from ...scenario.files import ScenarioError, scenario_from_dict
from ...scenario.schema import Scenario
from ...scenario.uncertainty import expand
from ...simulation.runner import simulate
from ...text.i18n import Msg
from ..indicators import indicator_table
from .fit import CalibrationResult, Calibrator, Progress


@dataclass
class BacktestResult:
    fit_until: int
    calibration: CalibrationResult
    scenario: Scenario
    table: pd.DataFrame  # indicator_table rows with a 'role' column: fit / test / none


def with_observed_notifications(base: Scenario, history: pd.DataFrame, fit_until: int | None = None) -> Scenario:
    """The base scenario with every observed notification count of the history as input, the
    simulated period ending with the last year of the history, and—given ``fit_until``—nothing
    the scenario says about conversion after that year."""
    notes = history[(history["indicator"] == "lastensuojeluilmoitukset") & (history["unit"] == "count")]
    if notes.empty:
        raise ScenarioError(Msg("backtest_no_notifications"))
    data = base.model_dump()
    data["demand"]["notifications"] = {int(y): float(v) for y, v in zip(notes["year"], notes["value"], strict=True)}
    data["simulation"]["end"] = f"{int(history['year'].max())}-12-31"
    if fit_until is not None:
        for series in (v for v in data["conversion"].values() if isinstance(v, dict)):
            series["values"] = {y: v for y, v in series["values"].items() if y <= fit_until}
            series["year_factors"] = {y: v for y, v in series["year_factors"].items() if y <= fit_until}
            if series["year_factors"] and not series["values"]:
                series["year_factors"] = {}
        keep = {k: v for k, v in data["uncertainty"]["parameters"].items() if expand(data, k)}
        data["uncertainty"]["parameters"] = keep
        data["uncertainty"]["correlation"] = {
            k: v for k, v in data["uncertainty"]["correlation"].items() if set(k.split("|")) <= set(keep)
        }
    return scenario_from_dict(data, "back-test scenario")


def coverage(table: pd.DataFrame) -> tuple[int, int]:
    """(held-out values inside their P10–P90 band, held-out values)."""
    tested = table[table["role"] == "test"]
    return int(tested["inside"].sum()), len(tested)


def backtest(
    base: Scenario,
    history: pd.DataFrame,
    fit_until: int,
    replications: int = 20,
    jobs: int | None = None,
    progress: Progress | None = None,
    **calibration_options: object,
) -> BacktestResult:
    """Calibrate on the years up to ``fit_until`` and predict the later ones. ``replications`` is
    used throughout: in the calibration's discrete-event rounds and in the final run."""
    driven = with_observed_notifications(base, history, fit_until)
    fit_years = sorted(y for y in history["year"].unique() if y <= fit_until)
    test_years = sorted(
        y for y in history[history["indicator"] != "lastensuojeluilmoitukset"]["year"].unique() if y > fit_until
    )
    if not fit_years or not test_years:
        raise ScenarioError(
            Msg(
                "backtest_years",
                fit_until=fit_until,
                years=", ".join(str(int(y)) for y in sorted(history["year"].unique())),
            )
        )
    calibrator = Calibrator(
        driven,
        history,
        years=fit_years,
        replications=replications,
        jobs=jobs,
        progress=progress,
        **calibration_options,  # type: ignore[arg-type]
    )
    calibration = calibrator.run()
    scenario = calibration.scenario.with_overrides(replications=replications)
    results = simulate(scenario, jobs=jobs)
    table = indicator_table(results, history)
    table["role"] = "none"
    table.loc[table["observed"].notna() & (table["year"] <= fit_until), "role"] = "fit"
    table.loc[table["observed"].notna() & (table["year"] > fit_until), "role"] = "test"
    table.loc[table["observed"].notna() & (table["indicator"] == "lastensuojeluilmoitukset"), "role"] = "input"
    table["inside"] = (table["observed"] >= table["p10"]) & (table["observed"] <= table["p90"])
    return BacktestResult(fit_until=fit_until, calibration=calibration, scenario=scenario, table=table)
