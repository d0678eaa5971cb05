"""The back-test for people: its table in the user's language, a text summary and a chart."""

from __future__ import annotations

import pandas as pd
from matplotlib.figure import Figure

from ..calibration.backtest import BacktestResult, coverage
from .i18n import Lang, t


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
    fig = Figure(figsize=(3.6 * len(indicators), 3.4))
    axes = fig.subplots(1, len(indicators), squeeze=False)
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
        f"{t('observed', lang):>10}{'Δ':>7}{t('in_band', lang):>10}"
    )
    lines = [t("backtest_title", lang, year=result.fit_until), "", header, "-" * len(header)]
    for r in rows.to_dict("records"):
        pct = r["unit"] == "percent_of_0_17"
        d = 2 if pct else 0
        name = t(str(r["indicator"]), lang) + (" %" if pct else "")
        mark = t("yes" if r["inside"] else "no", lang) if r["role"] == "test" else ""
        lines.append(
            f"{name:<40}{r['year']:>6}{t('role_' + str(r['role']), lang):>9}{r['p10']:>8.{d}f}{r['p50']:>8.{d}f}"
            f"{r['p90']:>8.{d}f}{r['observed']:>10.{d}f}{100 * r['p50_vs_observed']:>6.0f}%{mark:>10}"
        )
    inside, total = coverage(result.table)
    if total:
        lines += ["", t("backtest_coverage", lang, inside=inside, total=total, share=round(100 * inside / total))]
    return "\n".join(lines)
