"""The short run summary: per area and unit, caseload figures in the first and last year."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

import pandas as pd

from ..costs import CATEGORIES, TOTAL, cost_frame, cost_summary
from ..indicators import indicator_table
from ..model.posts import pool_keys
from ..results import SimulationResults
from ..vocabulary import ALL, UNITS
from .i18n import Lang, t

SUMMARY_MEASURES = (
    "clients",
    "workers_in_post",
    "mean_children_per_worker",
    "max_children_per_worker",
    "share_workers_over_limit",
)


def caseload_table(results: SimulationResults) -> pd.DataFrame:
    """Per area, unit and reported year: yearly mean of month-end values (max for the largest
    list), then the median over replications. Columns are measure identifiers."""
    df = results.monthly
    df = df[df["measure"].isin(SUMMARY_MEASURES) & df["unit"].isin(UNITS)].copy()
    df["year"] = pd.DatetimeIndex(df["date"]).year
    keys = ["replication", "area", "unit", "year", "measure"]
    yearly_mean = df.groupby(keys, observed=True)["value"].mean()
    yearly_max = df.groupby(keys, observed=True)["value"].max()
    per_rep = yearly_mean.where(yearly_mean.index.get_level_values("measure") != "max_children_per_worker", yearly_max)
    table = per_rep.groupby(["area", "unit", "year", "measure"], observed=True).median().unstack("measure")
    return table.reindex(columns=list(SUMMARY_MEASURES)).reset_index()


def _area_unit_rows(
    results: SimulationResults, table: pd.DataFrame, key: str, shown: list[Any]
) -> Iterator[tuple[str, str, Any, dict[Hashable, Any]]]:
    """Rows of ``table`` in area, unit and ``key`` order, for the ``shown`` values of ``key``."""
    rows = {(r["area"], r["unit"], r[key]): r for r in table.to_dict("records")}
    for unit, team in pool_keys(results.scenario):
        for value in shown:
            if (team, unit, value) in rows:
                yield team, unit, value, rows[(team, unit, value)]


def point_in_time_table(results: SimulationResults) -> pd.DataFrame:
    """THL monitoring days: median over replications of the mean children per worker and the
    number and share of workers over the limit, per date, area and unit."""
    df = results.point_in_time
    wanted = ["mean_children_per_worker", "workers_over_limit", "share_workers_over_limit"]
    df = df[df["measure"].isin(wanted)]
    table = df.groupby(["date", "area", "unit", "measure"], observed=True)["value"].median().unstack("measure")
    return table.reindex(columns=wanted).reset_index()


def _point_in_time_lines(results: SimulationResults, lang: Lang) -> list[str]:
    table = point_in_time_table(results)
    if table.empty:
        return []
    dates = sorted(table["date"].unique())
    octobers = [d for d in dates if pd.Timestamp(d).month == 10] or dates
    shown = [octobers[0], octobers[-1]] if len(octobers) > 1 else octobers
    lines = ["", t("thl_title", lang)]
    header = (
        f"{t('area', lang):<13}{t('unit', lang):<14}{t('date', lang):>12}{t('mean_short', lang):>10}"
        f"{t('over_count_short', lang):>12}{t('over_share_short', lang):>13}"
    )
    lines += [header, "-" * len(header)]
    for area, unit, date, r in _area_unit_rows(results, table, "date", shown):
        lines.append(
            f"{area:<13}{t(unit, lang):<14}{pd.Timestamp(date).date()!s:>12}"
            f"{r['mean_children_per_worker']:>10.1f}{r['workers_over_limit']:>12.0f}"
            f"{100 * r['share_workers_over_limit']:>12.0f}%"
        )
    return lines


def _indicator_lines(results: SimulationResults, observed: pd.DataFrame | None, lang: Lang) -> list[str]:
    if observed is None or observed.empty:
        return []
    table = indicator_table(results, observed)
    table = table[table["observed"].notna()]
    if table.empty:
        return []
    lines = ["", t("indicators_title", lang)]
    header = (
        f"{t('indicator', lang):<44}{t('year', lang):>6}{'P10':>9}{'P50':>9}{'P90':>9}{t('observed', lang):>10}{'Δ':>7}"
    )
    lines += [header, "-" * len(header)]
    for r in table.to_dict("records"):
        pct = r["unit"] == "percent_of_0_17"
        d = 2 if pct else 0
        name = t(r["indicator"], lang) + (" %" if pct else "")
        lines.append(
            f"{name:<44}{r['year']:>6}{r['p10']:>9.{d}f}{r['p50']:>9.{d}f}{r['p90']:>9.{d}f}"
            f"{r['observed']:>10.{d}f}{100 * r['p50_vs_observed']:>6.0f}%"
        )
    return lines


def _cost_lines(results: SimulationResults, lang: Lang) -> list[str]:
    summary = cost_summary(cost_frame(results))
    county = summary[summary["area"] == ALL]
    years = sorted(county["year"].unique())
    if not years:
        return []
    shown = [years[0], years[-1]] if len(years) > 1 else years
    lines = ["", t("costs_title", lang, base=results.scenario.costs.base_year)]
    header = f"{t('category', lang):<44}" + "".join(f"{y:>14}" for y in shown)
    lines += [header, "-" * len(header)]
    for category in (*CATEGORIES, TOTAL):
        rows = county[county["category"] == category].set_index("year")["p50"]
        lines.append(f"{t(category, lang):<44}" + "".join(f"{rows.get(y, 0.0) / 1e6:>12.2f} M" for y in shown))
    total = county[county["category"] == TOTAL].set_index("year")
    lines.append(
        f"{t('p10_p90', lang):<44}"
        + "".join(f"{total.loc[y, 'p10'] / 1e6:>6.1f}–{total.loc[y, 'p90'] / 1e6:.1f} M" for y in shown)
    )
    return lines


def summary_text(results: SimulationResults, lang: Lang = "fi", observed: pd.DataFrame | None = None) -> str:
    table = caseload_table(results)
    years = sorted(table["year"].unique())
    shown = [years[0], years[-1]] if len(years) > 1 else years
    sim = results.scenario.simulation
    lines = [t("summary_title", lang, name=results.scenario.name, n=sim.replications, seed=sim.seed), ""]
    header = (
        f"{t('area', lang):<13}{t('unit', lang):<14}{t('year', lang):>6}"
        f"{t('clients', lang):>10}{t('workers', lang):>8}{t('mean_short', lang):>10}"
        f"{t('max_short', lang):>8}{t('over_share_short', lang):>13}"
    )
    lines += [header, "-" * len(header)]
    for area, unit, year, r in _area_unit_rows(results, table, "year", shown):
        lines.append(
            f"{area:<13}{t(unit, lang):<14}{year:>6}{r['clients']:>10.0f}{r['workers_in_post']:>8.1f}"
            f"{r['mean_children_per_worker']:>10.1f}{r['max_children_per_worker']:>8.0f}"
            f"{100 * r['share_workers_over_limit']:>12.0f}%"
        )
    lines += ["", t("summary_note", lang)]
    if not results.scenario.caseload.count_jalkihuolto_18_plus:
        lines.append(t("summary_note_aftercare", lang))
    lines += _point_in_time_lines(results, lang)
    lines += _indicator_lines(results, observed, lang)
    lines += _cost_lines(results, lang)
    return "\n".join(lines)
