"""The back-test for people: its table in the user's language, a text summary and a chart."""

from __future__ import annotations

from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..answers.calibration.backtest import BacktestResult, coverage
from ..text import formats
from ..text.i18n import Lang, t
from ..text.text_table import text_table
from .charts import literal_text


def translated_table(result: BacktestResult, lang: Lang = "fi") -> pd.DataFrame:
    """The back-test table with headers and role values in the user's language."""
    table = result.table.assign(role=[t(f"role_{r}", lang) if r != "none" else "" for r in result.table["role"]])
    return table.rename(columns={c: t(c, lang) for c in table.columns})


def backtest_figure(result: BacktestResult, lang: Lang = "fi") -> Figure:
    """Per indicator: simulated P50 with its P10–P90 band and the observed values, in a grid of
    normal-sized panels with units on the y-axis; the fitted and the tested years are shaded
    and named, so the split reads without the text."""
    shown = _shown_rows(result.table)
    units = dict(zip(shown["indicator"], shown["unit"], strict=False))
    table = result.table[
        [units.get(i) == u for i, u in zip(result.table["indicator"], result.table["unit"], strict=True)]
    ]
    indicators = sorted(units)
    columns = min(3, len(indicators))
    rows = -(-len(indicators) // columns)
    fig = Figure(figsize=(3.4 * columns + 0.6, 2.9 * rows + 1.2))
    axes = fig.subplots(rows, columns, squeeze=False)
    for ax in axes.flat[len(indicators) :]:
        ax.set_visible(False)
    for ax, indicator in zip(axes.flat, indicators, strict=False):
        part = table[table["indicator"] == indicator].sort_values("year")
        years = part["year"].tolist()
        ax.axvspan(min(years) - 0.5, result.fit_until + 0.5, color="0.92", zorder=0)
        ax.fill_between(part["year"], part["p10"], part["p90"], color="tab:blue", alpha=0.2, linewidth=0)
        ax.plot(part["year"], part["p50"], color="tab:blue", marker="o")
        obs = part[part["observed"].notna()]
        ax.plot(obs["year"], obs["observed"], "s", color="black", label=t("observed", lang))
        ax.axvline(result.fit_until + 0.5, color="grey", linestyle="--", linewidth=1)
        highest = max(float(part["p90"].max()), float(obs["observed"].max()) if not obs.empty else 0.0)
        top = 1.1 * highest if highest > 0 else 1.0
        ax.text(result.fit_until + 0.4, 0.04 * top, t("role_fit", lang), ha="right", fontsize=7, color="0.3")
        if max(years) > result.fit_until:
            ax.text(result.fit_until + 0.6, 0.04 * top, t("role_test", lang), ha="left", fontsize=7, color="0.3")
        ax.set_title(t(indicator, lang), fontsize=9)
        ax.set_ylabel(_ylabel(indicator, units[indicator], lang), fontsize=8)
        ax.set_xticks(years)
        ax.set_xlim(min(years) - 0.5, max(years) + 0.5)
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: str(round(v))))
        digits = 1 if units[indicator] == "percent_of_0_17" else 0
        if not digits:
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos, d=digits: formats.number(v, lang, d)))
        ax.set_ylim(0, top)
        ax.grid(alpha=0.3)
    handles: list[Any] = [
        (Patch(facecolor="tab:blue", alpha=0.2, linewidth=0), Line2D([], [], color="tab:blue", marker="o")),
        Line2D([], [], color="black", marker="s", linestyle="none"),
        Patch(facecolor="0.92"),
        Line2D([], [], color="grey", linestyle="--"),
    ]
    labels = [t("simulated", lang), t("observed", lang), t("backtest_fit_years", lang), t("backtest_split", lang)]
    fig.legend(handles, labels, loc="lower center", ncol=4, frameon=False, fontsize=8)
    fig.suptitle(t("backtest_title", lang, year=result.fit_until), fontsize=10)
    literal_text(fig)  # names from the scenario are text, not mathtext
    fig.tight_layout(rect=(0, 0.07, 1, 0.95))
    return fig


def _ylabel(indicator: str, unit: str, lang: Lang) -> str:
    if unit == "percent_of_0_17":
        return t("backtest_ylabel_percent", lang)
    if indicator == "lastensuojeluilmoitukset":
        return t("backtest_ylabel_notifications", lang)
    return t("backtest_ylabel_count", lang)


def _shown_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Observed rows, as counts where the history has counts, else as percentages."""
    observed = table[table["role"] != "none"]
    has_count = set(observed[observed["unit"] == "count"]["indicator"])
    keep = (observed["unit"] == "count") | ~observed["indicator"].isin(has_count)
    return observed[keep]


def backtest_text(result: BacktestResult, lang: Lang = "fi") -> str:
    rows = _shown_rows(result.table)
    header = [t("indicator", lang), t("year", lang), t("role", lang), "P10", "P50", "P90", t("observed", lang)]
    header += [t("difference_short", lang), t("in_band", lang)]
    cells = []
    for r in rows.to_dict("records"):
        pct = r["unit"] == "percent_of_0_17"
        d = 2 if pct else 0
        name = t(str(r["indicator"]), lang) + (" %" if pct else "")
        mark = t("yes" if r["inside"] else "no", lang) if r["role"] == "test" else ""
        cells.append(
            [
                name,
                str(r["year"]),
                t(f"role_{r['role']}", lang),
                *(formats.number(r[q], lang, d) for q in ("p10", "p50", "p90", "observed")),
                formats.percent(r["p50_vs_observed"], lang),
                mark,
            ]
        )
    lines = [t("backtest_title", lang, year=result.fit_until), "", text_table(header, cells, gap=1)]
    inside, total = coverage(result.table)
    if total:
        lines += [
            "",
            t(
                "backtest_coverage",
                lang,
                inside=inside,
                total=total,
                share=formats.integer(100 * inside / total, lang),
            ),
        ]
    return "\n".join(lines)
