"""The short run summary: per area and unit, caseload figures in the first and last year."""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from typing import Any

import pandas as pd

from ..answers.costs import CATEGORIES, TOTAL, cost_frame, cost_summary
from ..answers.indicators import indicator_table
from ..answers.staffing_answer import funded_check, funded_compliance
from ..model.posts import pool_keys
from ..scenario.schema import Scenario, YearlySeries
from ..simulation.results import SimulationResults
from ..text import formats
from ..text.i18n import Lang, t
from ..text.labels import team_label
from ..text.text_table import text_table
from ..vocabulary import ALL, UNITS
from .answer import funded_check_line

SUMMARY_MEASURES = (
    "clients",
    "workers_in_post",
    "mean_children_per_worker",
    "max_children_per_worker",
    "share_workers_over_limit",
    "unassigned_children",
)
#: Measures shown as the year's largest month-end value (not its mean).
YEARLY_MAX = ("max_children_per_worker", "unassigned_children")


def caseload_table(results: SimulationResults) -> pd.DataFrame:
    """Per area, unit and reported year: yearly mean of month-end values (the year's largest for
    the largest list and for children without a worker), then the median over replications.
    Columns are measure identifiers."""
    df = results.monthly
    df = df[df["measure"].isin(SUMMARY_MEASURES) & df["unit"].isin(UNITS)].copy()
    df["year"] = pd.DatetimeIndex(df["date"]).year
    keys = ["replication", "area", "unit", "year", "measure"]
    yearly_mean = df.groupby(keys, observed=True)["value"].mean()
    yearly_max = df.groupby(keys, observed=True)["value"].max()
    per_rep = yearly_mean.where(~yearly_mean.index.get_level_values("measure").isin(YEARLY_MAX), yearly_max)
    table = per_rep.groupby(["area", "unit", "year", "measure"], observed=True).median().unstack("measure")
    return table.reindex(columns=list(SUMMARY_MEASURES)).reset_index()


#: How each caseload figure is written.
_FORMATS = {
    "mean_children_per_worker": lambda v, lang: formats.number(v, lang, 1),
    "max_children_per_worker": formats.integer,
    "share_workers_over_limit": formats.percent,
    "workers_over_limit": formats.integer,
}


def none_counted(row: dict[Hashable, Any] | pd.Series) -> bool:
    """Whether a row is of a unit that has clients of whom the law counts none (aftercare's clients
    aged 18+): its lists of counted children are empty, not zero-length by accident."""
    clients = row.get("clients", row.get("clients_counted"))
    counted = row.get("mean_children_per_worker")
    return bool(clients is not None and counted is not None and float(counted) == 0.0 and float(clients) > 0)


def counted_cell(row: dict[Hashable, Any] | pd.Series, column: str, lang: Lang, uncounted: bool | None = None) -> str:
    """A list figure for people; "ei laskettavia" (none counted) for a unit none of whose clients
    the law counts, instead of a list of 0,0 that reads like a bug (``uncounted``: known already)."""
    if none_counted(row) if uncounted is None else uncounted:  # said once, where the share over it would be
        return t("team_not_counted", lang) if column == "share_workers_over_limit" else "–"
    return _FORMATS[column](row[column], lang)


def counted_cells(table: pd.DataFrame, column: str, lang: Lang) -> list[str]:
    """:func:`counted_cell` for every row of ``table``."""
    return [counted_cell(r, column, lang) for r in table.to_dict("records")]


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
    wanted = ["clients_counted", "mean_children_per_worker", "workers_over_limit", "share_workers_over_limit"]
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
    header = [t("area", lang), t("unit", lang), t("date", lang), t("mean_short", lang)]
    header += [t("over_count_short", lang), t("over_share_short", lang)]
    caseload = caseload_table(results)
    uncounted = {(r["area"], r["unit"]) for r in caseload.to_dict("records") if none_counted(r)}
    rows = [
        [
            team_label(area, lang),
            t(unit, lang),
            formats.date(date, lang),
            *(
                counted_cell(r, column, lang, (area, unit) in uncounted)
                for column in ("mean_children_per_worker", "workers_over_limit", "share_workers_over_limit")
            ),
        ]
        for area, unit, date, r in _area_unit_rows(results, table, "date", shown)
    ]
    return ["", t("thl_title", lang), text_table(header, rows, keys=2)]


def _indicator_lines(results: SimulationResults, observed: pd.DataFrame | None, lang: Lang) -> list[str]:
    if observed is None or observed.empty:
        return []
    table = indicator_table(results, observed)
    table = table[table["observed"].notna()]
    if table.empty:
        return []
    header = [
        t("indicator", lang),
        t("year", lang),
        "P10",
        "P50",
        "P90",
        t("observed", lang),
        t("difference_short", lang),
    ]
    rows = []
    for r in table.to_dict("records"):
        pct = r["unit"] == "percent_of_0_17"
        d = 2 if pct else 0
        name = t(r["indicator"], lang) + (" %" if pct else "")
        rows.append(
            [
                name,
                str(r["year"]),
                *(formats.number(r[q], lang, d) for q in ("p10", "p50", "p90", "observed")),
                formats.percent(r["p50_vs_observed"], lang),
            ]
        )
    return ["", t("indicators_title", lang), text_table(header, rows)]


def _cost_lines(results: SimulationResults, lang: Lang) -> list[str]:
    summary = cost_summary(cost_frame(results))
    county = summary[summary["area"] == ALL]
    years = sorted(county["year"].unique())
    if not years:
        return []
    shown = [years[0], years[-1]] if len(years) > 1 else years
    header = [t("category", lang), *(str(y) for y in shown)]
    rows = []
    for category in (*CATEGORIES, TOTAL):
        p50 = county[county["category"] == category].set_index("year")["p50"]
        rows.append([t(category, lang), *(formats.money(p50.get(y, 0.0), lang) for y in shown)])
    total = county[county["category"] == TOTAL].set_index("year")
    rows.append(
        [t("p10_p90", lang), *(formats.money_range(total.loc[y, "p10"], total.loc[y, "p90"], lang) for y in shown)]
    )
    return ["", t("costs_title", lang, base=results.scenario.costs.base_year), text_table(header, rows)]


def unmet_need(results: SimulationResults) -> pd.DataFrame:
    """Per year: children turned away for lack of workers (unmet need, summed over the year) and
    the mean of month-end intake queues, county totals, P50 over replications."""
    m = results.monthly
    m = m[m["measure"].isin(["intake_refused", "intake_queue"])].copy()
    m["year"] = pd.DatetimeIndex(m["date"]).year
    per_month = m.groupby(["replication", "year", "date", "measure"], observed=True)["value"].sum()
    refused = per_month.xs("intake_refused", level="measure").groupby(["replication", "year"]).sum()
    queue = per_month.xs("intake_queue", level="measure").groupby(["replication", "year"]).mean()
    return pd.DataFrame(
        {"refused": refused.groupby("year").median(), "queue": queue.groupby("year").median()}
    ).reset_index()


def _rationing_lines(results: SimulationResults, shown: list[Any], lang: Lang) -> list[str]:
    """With rationing on: the demand a shortage hides, in the first and last year."""
    if results.scenario.caseload.rationing == "off":
        return []
    table = unmet_need(results).set_index("year")
    lines = ["", t("rationing_title", lang, rule=t(f"rationing_{results.scenario.caseload.rationing}", lang))]
    for year in shown:
        if year in table.index:
            row = table.loc[year]
            lines.append(
                t(
                    "rationing_year",
                    lang,
                    year=year,
                    refused=formats.integer(row["refused"], lang),
                    queue=formats.integer(row["queue"], lang),
                )
            )
    return lines


def uncertain_count(scenario: Scenario) -> int:
    """How many parameters a replication draws: the [uncertainty] table's entries and every
    conversion rule with a range after the data."""
    ranges = [s for s in scenario.conversion.model_dump().values() if isinstance(s, dict) and s.get("after") == "range"]
    per_child = scenario.demand.notifications_per_notified_child
    per_child_range = isinstance(per_child, YearlySeries) and per_child.after == "range"
    return len(scenario.uncertainty.parameters) + len(ranges) + int(per_child_range)


def bands_note(scenario: Scenario, lang: Lang = "fi") -> str:
    """What the P10–P90 bands hold: randomness only, or parameter uncertainty too."""
    n = uncertain_count(scenario)
    if n == 0:
        return t("bands_random_only", lang)
    return t("bands_with_parameters", lang, n=n)


def summary_text(results: SimulationResults, lang: Lang = "fi", observed: pd.DataFrame | None = None) -> str:
    table = caseload_table(results)
    years = sorted(table["year"].unique())
    shown = [years[0], years[-1]] if len(years) > 1 else years
    sim = results.scenario.simulation
    header = [t("area", lang), t("unit", lang), t("year", lang), t("clients", lang), t("workers", lang)]
    header += [t("mean_short", lang), t("max_short", lang), t("over_share_short", lang), t("unassigned_short", lang)]
    rows = [
        [
            team_label(area, lang),
            t(unit, lang),
            str(year),
            formats.integer(r["clients"], lang),
            formats.number(r["workers_in_post"], lang, 1),
            counted_cell(r, "mean_children_per_worker", lang),
            counted_cell(r, "max_children_per_worker", lang),
            counted_cell(r, "share_workers_over_limit", lang),
            formats.integer(r["unassigned_children"], lang),
        ]
        for area, unit, year, r in _area_unit_rows(results, table, "year", shown)
    ]
    lines = [
        t(
            "summary_title",
            lang,
            name=results.scenario.name,
            n=formats.integer(sim.replications, lang),
            seed=sim.seed,
        ),
        "",
        text_table(header, rows, keys=2, wrap_at=10),
    ]
    check = funded_check(funded_compliance(results), results.scenario, results.scenario.simulation.replications)
    lines += ["", funded_check_line(check, lang)]
    lines += ["", t("summary_note", lang), bands_note(results.scenario, lang)]
    if not results.scenario.caseload.count_jalkihuolto_18_plus:
        lines.append(t("summary_note_aftercare", lang))
    lines += _rationing_lines(results, shown, lang)
    lines += _point_in_time_lines(results, lang)
    lines += _indicator_lines(results, observed, lang)
    lines += _cost_lines(results, lang)
    return "\n".join(lines)
