"""The short run summary: per area and unit, caseload figures in the first and last year."""

from __future__ import annotations

import pandas as pd

from .i18n import Lang, t
from .results import SimulationResults
from .vocabulary import UNITS

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


def summary_text(results: SimulationResults, lang: Lang = "fi") -> str:
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
    for area in results.scenario.area_names:
        for unit in UNITS:
            for year in shown:
                row = table[(table["area"] == area) & (table["unit"] == unit) & (table["year"] == year)]
                if row.empty:
                    continue
                r = row.iloc[0]
                lines.append(
                    f"{area:<13}{t(unit, lang):<14}{year:>6}{r['clients']:>10.0f}{r['workers_in_post']:>8.1f}"
                    f"{r['mean_children_per_worker']:>10.1f}{r['max_children_per_worker']:>8.0f}"
                    f"{100 * r['share_workers_over_limit']:>12.0f}%"
                )
    lines += ["", t("summary_note", lang)]
    if not results.scenario.caseload.count_aftercare_18_plus:
        lines.append(t("summary_note_aftercare", lang))
    return "\n".join(lines)
