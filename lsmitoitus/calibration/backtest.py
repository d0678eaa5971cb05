"""Back-test: calibrate on the years up to Y, run forward with the observed notifications of
later years as input, and compare simulated with observed indicators for the later years."""

from __future__ import annotations

from dataclasses import dataclass

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.figure import Figure

from ..i18n import Lang, t
from ..indicators import indicator_table
from ..runner import simulate
from ..scenario import Scenario
from ..scenario_files import ScenarioError, scenario_from_dict
from .fit import CalibrationResult, Calibrator, Progress


@dataclass
class BacktestResult:
    fit_until: int
    calibration: CalibrationResult
    scenario: Scenario
    table: pd.DataFrame  # indicator_table rows with a 'role' column: fit / test / none


def with_observed_notifications(base: Scenario, history: pd.DataFrame) -> Scenario:
    """The base scenario with every observed notification count of the history as input, and
    the simulated period ending with the last year of the history."""
    notes = history[(history["indicator"] == "lastensuojeluilmoitukset") & (history["unit"] == "count")]
    if notes.empty:
        raise ScenarioError("the history has no notification counts (lastensuojeluilmoitukset) to drive a back-test")
    data = base.model_dump()
    data["demand"]["notifications"] = {int(y): float(v) for y, v in zip(notes["year"], notes["value"], strict=True)}
    data["simulation"]["end"] = f"{int(history['year'].max())}-12-31"
    return scenario_from_dict(data, "back-test scenario")


def backtest(
    base: Scenario,
    history: pd.DataFrame,
    fit_until: int,
    replications: int = 20,
    jobs: int | None = None,
    progress: Progress | None = None,
    **calibration_options: object,
) -> BacktestResult:
    driven = with_observed_notifications(base, history)
    fit_years = sorted(y for y in history["year"].unique() if y <= fit_until)
    test_years = sorted(
        y for y in history[history["indicator"] != "lastensuojeluilmoitukset"]["year"].unique() if y > fit_until
    )
    if not fit_years or not test_years:
        raise ScenarioError(
            f"--fit-until {fit_until}: needs history years both up to it and after it "
            f"(history years with outcomes: {sorted(history['year'].unique())})"
        )
    calibrator = Calibrator(driven, history, years=fit_years, jobs=jobs, progress=progress, **calibration_options)  # type: ignore[arg-type]
    calibration = calibrator.run()
    scenario = calibration.scenario.with_overrides(replications=replications)
    results = simulate(scenario, jobs=jobs)
    table = indicator_table(results, history)
    table["role"] = "none"
    table.loc[table["observed"].notna() & (table["year"] <= fit_until), "role"] = "fit"
    table.loc[table["observed"].notna() & (table["year"] > fit_until), "role"] = "test"
    table.loc[table["observed"].notna() & (table["indicator"] == "lastensuojeluilmoitukset"), "role"] = "input"
    return BacktestResult(fit_until=fit_until, calibration=calibration, scenario=scenario, table=table)


def translated_table(result: BacktestResult, lang: Lang = "fi") -> pd.DataFrame:
    """The back-test table with headers and role values in the user's language."""
    table = result.table.assign(role=[t(f"role_{r}", lang) if r != "none" else "" for r in result.table["role"]])
    return table.rename(columns={c: t(c, lang) for c in table.columns})


def backtest_figure(result: BacktestResult, lang: Lang = "fi") -> Figure:
    """Per indicator (counts): simulated P50 with P10–P90 band and observed points; the dashed
    line separates the fitted years from the tested ones."""
    shown = _shown_rows(result.table)
    units = dict(zip(shown["indicator"], shown["unit"], strict=False))
    table = result.table[
        [units.get(i) == u for i, u in zip(result.table["indicator"], result.table["unit"], strict=True)]
    ]
    indicators = sorted(units)
    fig, axes = plt.subplots(1, len(indicators), figsize=(3.6 * len(indicators), 3.4), squeeze=False)
    for ax, indicator in zip(axes[0], indicators, strict=True):
        part = table[table["indicator"] == indicator].sort_values("year")
        ax.fill_between(part["year"], part["p10"], part["p90"], color="tab:blue", alpha=0.2, linewidth=0)
        ax.plot(part["year"], part["p50"], color="tab:blue", marker="o", label=t("simulated", lang))
        obs = part[part["observed"].notna()]
        ax.plot(obs["year"], obs["observed"], "s", color="black", label=t("observed", lang))
        ax.axvline(result.fit_until + 0.5, color="grey", linestyle="--")
        ax.set_title(t(indicator, lang) + (" (%)" if units[indicator] == "percent_of_0_17" else ""), fontsize=9)
        ax.set_xticks(part["year"].tolist())
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=2, frameon=False)
    fig.suptitle(t("backtest_title", lang, year=result.fit_until))
    fig.tight_layout(rect=(0, 0.08, 1, 0.92))
    return fig


def _shown_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Observed rows, as counts where the history has counts, else as percentages."""
    observed = table[table["role"] != "none"]
    has_count = set(observed[observed["unit"] == "count"]["indicator"])
    keep = (observed["unit"] == "count") | ~observed["indicator"].isin(has_count)
    return observed[keep]


def backtest_text(result: BacktestResult, lang: Lang = "fi") -> str:
    rows = _shown_rows(result.table)
    header = (
        f"{t('indicator', lang):<40}{t('year', lang):>6}{t('role', lang):>9}{'P10':>8}{'P50':>8}{'P90':>8}"
        f"{t('observed', lang):>10}{'Δ':>7}"
    )
    lines = [t("backtest_title", lang, year=result.fit_until), "", header, "-" * len(header)]
    for r in rows.to_dict("records"):
        pct = r["unit"] == "percent_of_0_17"
        d = 2 if pct else 0
        name = t(str(r["indicator"]), lang) + (" %" if pct else "")
        lines.append(
            f"{name:<40}{r['year']:>6}{t('role_' + str(r['role']), lang):>9}{r['p10']:>8.{d}f}{r['p50']:>8.{d}f}"
            f"{r['p90']:>8.{d}f}{r['observed']:>10.{d}f}{100 * r['p50_vs_observed']:>6.0f}%"
        )
    return "\n".join(lines)
