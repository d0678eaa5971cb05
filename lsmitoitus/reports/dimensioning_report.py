"""Outputs of a dimensioning run for budget planners: the answer, per-year posts and euros, the
plan, CSVs, the workbook, the chart and a short report.

The workbook is meant to be used as it is: the answer sheet first (the answer in words, the
definition of the yearly requirement, the county and the units by year with years as columns,
and native charts of posts and costs), then the plan sheet the planner edits and gives back with
``--plan``, the yearly sheet (every team, unit and the county; the worst month as detail), the
months, the units, the parts of the requirement, assessments, costs, and the scenario with each
parameter marked sourced, fitted or assumed. Numbers are numbers with number formats
(:mod:`.excel`), so formulas and charts can use them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.styles import Alignment, Font
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from ..answers.budget import budget_years, fte_years, month_ends, post_cost
from ..answers.costs import TOTAL, cost_frame, cost_summary, price_index
from ..answers.dimensioning import DimensioningResult
from ..answers.plans import plan_given, plan_table, with_plan
from ..model.posts import pool_keys
from ..model.staffing import mean_recruitment_days
from ..scenario.files import scenario_to_toml
from ..scenario.schema import PlanStep, Scenario
from ..text import formats
from ..text.formats import euros, number, percent
from ..text.i18n import Lang, t
from ..text.text_table import markdown_text
from ..vocabulary import ALL, UNITS
from . import report_data
from .answer import headline
from .charts import finish_panels, mark_projection, save_figure, team_label, unit_team_panels
from .csvfiles import CsvStyle, csv_style, write_csv
from .excel import (
    BOLD,
    TITLE_FONT,
    cell_value,
    finish_table_sheet,
    fit_rows,
    header_height,
    kind_of,
    number_format,
    own_formula,
    print_setup,
    save_workbook,
    set_widths,
    sheet_title,
    write_excel,
    write_header,
    write_table,
)
from .folders import write_folder
from .parameter_texts import assumption_rows
from .plan_files import plan_to_toml

#: Kind of value of every column of the answer's tables (number formats, see .excel).
KINDS: dict[str, str] = {
    "year": "year",
    "date": "month",
    "first_breach": "month",
    "worst_month": "month",
    "months_in_breach": "count",
    "months_below_confidence": "count",
    "assessments": "count",
    "compliance_probability": "share",
    "started_on_time": "share",
    "completed_on_time": "share",
    "best_started_on_time": "share",
    "best_completed_on_time": "share",
    "mean_wait_days": "days",
    "unit": "text",
    "team": "text",
    "area": "text",
}
for _column in (
    "funded_posts",
    "funded_fte_years",
    "required_posts_p50",
    "required_posts_conf",
    "gap_posts",
    "shortfall_posts",
    "worst_month_required",
    "required_first_projected",
    "required_last_year",
    "extra_posts",
    "demand",
    "vacancies",
    "absences",
    "pooled_required",
    "organisation",
    "funded_workers",
    "required_workers_p50",
    "required_workers_conf",
):
    KINDS[_column] = "posts"
for _column in (
    "required_cost_p50",
    "required_cost_conf",
    "funded_cost",
    "gap_cost",
    "other_costs_p50",
    "total_cost_funded",
    "total_cost_required",
):
    KINDS[_column] = "euros"

#: With a plan, the funded posts are the plan's: the same column under the plan's name.
PLANNED = {
    "funded_posts": "planned_posts",
    "funded_fte_years": "planned_fte_years",
    "funded_cost": "planned_cost",
    "total_cost_funded": "total_cost_planned",
}
#: Figures of the yearly sheet, per team, unit and the county (the county adds the other costs).
YEARLY_ROWS = (
    "required_posts_p50",
    "required_posts_conf",
    "funded_posts",
    "funded_fte_years",
    "gap_posts",
    "shortfall_posts",
    "compliance_probability",
    "months_below_confidence",
    "worst_month",
    "worst_month_required",
    "required_cost_conf",
    "funded_cost",
    "gap_cost",
)
COUNTY_EXTRA = ("other_costs_p50", "total_cost_funded", "total_cost_required")
#: Figures of the answer sheet's county table and of its unit table.
ANSWER_ROWS = (
    "required_posts_p50",
    "required_posts_conf",
    "funded_posts",
    "gap_posts",
    "compliance_probability",
    "months_below_confidence",
    "required_cost_conf",
    "funded_cost",
    "gap_cost",
    "other_costs_p50",
    "total_cost_funded",
)
UNIT_ROWS = ("required_posts_conf", "funded_posts", "gap_posts", "gap_cost")
#: Points of the assumptions sheet's text: its rows print on three portrait pages.
SMALL = 9.0
#: Rows the charts of the answer sheet take (6 cm at 15 points a row): the units' table and the
#: charts fill the second printed page.
CHART_ROWS = 12
#: Euros in millions on a chart axis (an Excel format: each trailing comma divides by 1,000).
MILLIONS = {"fi": '#,##0.0,," M€"', "en": '"€"#,##0.0,," M"'}


def target_text(result: DimensioningResult, lang: Lang) -> str:
    if result.target is None:
        return t("target_law", lang)
    return t("target_children", lang, n=result.target)


def label(column: str, result: DimensioningResult, lang: Lang, yearly: bool = False) -> str:
    """The header of ``column`` in ``lang``: the plan's name for funded posts when a plan is
    evaluated, the confidence where the text has it."""
    conf = round(100 * result.confidence)
    planned = plan_given(result)
    if column == "gap_cost":
        return t("gap_cost_planned" if planned else "gap_cost_funded", lang)
    if yearly and column == "compliance_probability":
        return t("compliance_all_months", lang)
    key = PLANNED.get(column, column) if planned else column
    return t(key, lang, conf=conf) if key == "required_posts_conf" else t(key, lang)


def planning_years(result: DimensioningResult) -> list[int]:
    """The budget years: from the first year of the planning target (the first projected year)."""
    years = sorted(int(y) for y in result.yearly["year"].unique())
    chosen = [y for y in years if y >= result.target_from.year]
    return chosen or years


def _county(budget: pd.DataFrame) -> pd.DataFrame:
    return budget[(budget["unit"] == ALL) & (budget["team"] == ALL)].set_index("year")


def _team_text(team: str, lang: Lang) -> str:
    return team_label(team, lang) if team != ALL else t(ALL, lang)


def answer_lines(result: DimensioningResult, lang: Lang = "fi", budget: pd.DataFrame | None = None) -> list[str]:
    """The answer first: the budget (the cheapest plan or the plan evaluated, the first and last
    budget year), then which units run short from when, and notes."""
    return [*budget_lines(result, lang, budget), *parts_lines(result, lang), *detail_lines(result, lang)]


def parts_lines(result: DimensioningResult, lang: Lang = "fi") -> list[str]:
    """Where the last year's requirement comes from (county, all units): demand alone, what
    vacancies and absences add, and what the split into teams adds over one county-wide team;
    then the assessment workers needed against those funded."""
    lines = []
    parts = result.decomposition
    if not parts.empty:
        last = parts[parts["year"] == parts["year"].max()]
        lines.append(
            t(
                "parts_line",
                lang,
                year=int(last["year"].iloc[0]),
                conf=round(100 * result.confidence),
                total=number(float(last["required_posts_conf"].sum()), lang, 1),
                demand=number(float(last["demand"].sum()), lang, 1),
                vacancies=formats.signed(float(last["vacancies"].sum()), lang, 1),
                absences=formats.signed(float(last["absences"].sum()), lang, 1),
                organisation=formats.signed(float(last["organisation"].sum()), lang, 1),
            )
        )
    assessment = result.assessment
    if not assessment.empty:
        last = assessment[assessment["year"] == assessment["year"].max()]
        lines.append(
            t(
                "parts_assessment",
                lang,
                year=int(last["year"].iloc[0]),
                conf=round(100 * result.confidence),
                required=number(float(last["required_workers_conf"].sum()), lang, 1),
                funded=number(float(last["funded_workers"].sum()), lang, 1),
                on_time=percent(float(last["started_on_time"].mean()), lang),
            )
        )
    return lines


def detail_lines(result: DimensioningResult, lang: Lang = "fi") -> list[str]:
    """Which teams run short from when and how many posts keep them compliant through the last
    year; notes on the search cap and on aftercare."""
    conf = round(100 * result.confidence)
    lines = []
    short = result.units[result.units["first_breach"].notna()].sort_values("first_breach")
    for r in short.to_dict("records"):
        lines.append(
            t(
                "answer_breach",
                lang,
                area=team_label(r["team"], lang),
                unit=t(r["unit"], lang),
                month=formats.month(r["first_breach"], lang, short=True),
                scenario=result.scenario.name,
                extra=number(r["extra_posts"], lang),
                conf=conf,
            )
        )
    if not lines:
        lines.append(t("answer_ok", lang, scenario=result.scenario.name, conf=conf))
    lines.append(
        t(
            "answer_total",
            lang,
            extra=formats.integer(result.extra_posts, lang),
            conf=conf,
            target=target_text(result, lang),
        )
    )
    return lines + answer_notes(result, lang)


def law_note(result: DimensioningResult, lang: Lang = "fi") -> str:
    """From when which limit is applied: the law's dated steps (none before the first), and a
    planning target only from its start date, never to the past."""
    steps = result.scenario.caseload.limit
    law = ", ".join(t("law_step", lang, value=int(s.value), date=formats.date(s.start, lang)) for s in steps)
    first = formats.date(steps[0].start, lang)
    if result.target is None:
        return t("answer_law_only", lang, law=law, first=first)
    start = formats.date(result.target_from, lang)
    return t("answer_target_from", lang, n=result.target, date=start, law=law, first=first)


def answer_notes(result: DimensioningResult, lang: Lang = "fi") -> list[str]:
    """What a reader must know to read the answer right (lower bounds, how aftercare is counted)."""
    notes = [law_note(result, lang)]
    if result.capped:
        notes.append(t("answer_capped", lang))
    if not result.scenario.caseload.count_jalkihuolto_18_plus:
        notes.append(t("answer_aftercare", lang, target=result.scenario.caseload.jalkihuolto_planning_target))
    return notes


def budget_lines(
    result: DimensioningResult, lang: Lang = "fi", budget: pd.DataFrame | None = None, workbook: bool = False
) -> list[str]:
    """The budget in words: the plan (cheapest or evaluated), whether it meets the target, its
    euros, and the first and last budget year of the county. ``workbook``: for a reader of the
    workbook, who is told how to have a plan evaluated, not a command-line flag."""
    budget = budget_years(result) if budget is None else budget
    conf = round(100 * result.confidence)
    years = planning_years(result)
    first, last = years[0], years[-1]
    county = _county(budget).loc[years]
    steps = plan_table(result)
    lines = []
    if plan_given(result):
        lines.append(t("budget_evaluated", lang, path=result.meta["plan"], n=len(steps)))
        teams = budget[(budget["unit"] != ALL) & (budget["team"] != ALL) & budget["year"].isin(years)]
        missing = teams.groupby("year")["shortfall_posts"].sum()
        # a year falls short if a team lacks posts at the year's end or complies with less than the
        # confidence in any month of it (a post opened in December does not cover the spring)
        weak = teams.groupby("year")["months_below_confidence"].sum()
        short_years = [int(y) for y in missing.index.astype(int) if missing.loc[y] > 0 or weak.loc[y] > 0]
        if short_years:
            worst = int(missing.index.astype(int)[int(missing.to_numpy().argmax())])
            lines.append(
                t(
                    "budget_plan_short",
                    lang,
                    years=", ".join(map(str, short_years)),
                    short=number(float(missing.max()), lang),
                    year=worst,
                )
            )
        else:
            lines.append(t("budget_plan_meets", lang, conf=conf, first=first, last=last))
        lines.append(
            t(
                "budget_plan_cost",
                lang,
                first=first,
                last=last,
                planned=euros(float(county["funded_cost"].sum()), lang, millions=True),
                required=euros(float(county["required_cost_conf"].sum()), lang, millions=True),
                difference=euros(-float(county["gap_cost"].sum()), lang, millions=True, signed=True),
            )
        )
    else:
        cost = euros(plan_cost(result, steps, years) - float(county["funded_cost"].sum()), lang, millions=True)
        days = number(recruitment_days(result.scenario), lang, 0)
        key = "budget_cheapest_workbook" if workbook else "budget_cheapest"
        lines.append(t(key, lang, n=len(steps), first=first, last=last, cost=cost, days=days))
    what = t("what_planned" if plan_given(result) else "what_funded", lang)
    for year in dict.fromkeys((first, last)):
        row = {str(k): v for k, v in county.loc[year].to_dict().items()}
        lines.append(
            t(
                "budget_year",
                lang,
                year=year,
                required=number(float(row["required_posts_conf"]), lang),
                conf=conf,
                what=what,
                funded=number(float(row["funded_posts"]), lang),
                gap=number(float(row["gap_posts"]), lang),
                cost=euros(float(row["required_cost_conf"]), lang),
                funded_cost=euros(float(row["funded_cost"]), lang),
            )
        )
    return lines


def plan_cost(result: DimensioningResult, steps: Sequence[PlanStep], years: Sequence[int]) -> float:
    """Euros of the posts a plan holds in ``years`` (each year's prices; its posts paid for the
    months they exist, as the budget pays funded posts)."""
    planned = with_plan(result.scenario, steps)
    keys = pool_keys(planned)
    return sum(post_cost(planned, fte_years(planned, keys, month_ends(y)), y) for y in years)


def recruitment_days(scenario: Scenario) -> float:
    """The mean time a new post is vacant while it is recruited, over the scenario's units and
    areas (the model's rule: it follows from the fill rate, turnover and notice)."""
    days = [mean_recruitment_days(staff) for unit in scenario.staffing.values() for staff in unit.values()]
    return sum(days) / len(days)


def definition_text(result: DimensioningResult, lang: Lang) -> str:
    """How the yearly requirement and the euros are defined (for the report and the workbook)."""
    costs = result.scenario.costs
    return t(
        "budget_definition",
        lang,
        conf=round(100 * result.confidence),
        cost=number(costs.social_worker_per_fte, lang),
        index=number(100 * costs.price_index_per_year, lang),
        base=costs.base_year,
    )


def _headers(df: pd.DataFrame, result: DimensioningResult, lang: Lang, yearly: bool = False) -> pd.DataFrame:
    """A table with its headers and labels in ``lang`` (dates stay dates)."""
    out = df.copy()
    if "team" in out:
        out["team"] = [_team_text(str(v), lang) for v in out["team"]]
    if "unit" in out:
        out["unit"] = [t(u, lang) for u in out["unit"]]
    return out.rename(columns={c: label(c, result, lang, yearly) for c in df.columns})


def status_text(status: str, lang: Lang) -> str:
    return t(f"status_{status}", lang)


def scenario_table(scenario: Scenario, lang: Lang = "fi") -> pd.DataFrame:
    """Every scenario value for people: what it means (in Finnish from the field-description
    table, :mod:`.parameter_texts`), its value in the reader's format, its unit, where it comes
    from (sourced, fitted or assumed; a value without an entry is an assumption) and the source.
    An area's values of one parameter share a row, and so do a duration's."""
    rows = [(r.label, r.value, r.unit, r.status, r.source) for r in assumption_rows(scenario, lang)]
    columns = ["parameter", "value", "unit", "provenance_status", "provenance_source"]
    return pd.DataFrame(rows, columns=[t(c, lang) for c in columns])


def _cost_sheet(result: DimensioningResult, lang: Lang) -> pd.DataFrame:
    """Yearly euros per area and category: P50 with P10 and P90, in each year's prices."""
    summary = cost_summary(cost_frame(result.results))
    summary = summary.assign(
        area=[t(a, lang) if a == ALL else a for a in summary["area"]],
        category=[t(c, lang) for c in summary["category"]],
    )
    names = {
        "year": t("year", lang),
        "area": t("area", lang),
        "category": t("category", lang),
        "mean": t("mean", lang) + " (€)",
        "p10": "P10 (€)",
        "p50": "P50 (€)",
        "p90": "P90 (€)",
    }
    return summary.rename(columns=names).round(0)


def tables(
    result: DimensioningResult, lang: Lang = "fi", budget: pd.DataFrame | None = None
) -> dict[str, pd.DataFrame]:
    """The tables of a dimensioning run, keyed by sheet name, with translated headers (tidy:
    one row per year and team; the workbook lays them out for reading)."""
    budget = budget_years(result) if budget is None else budget
    answer = pd.DataFrame({t("answer", lang): answer_lines(result, lang, budget)})
    return {
        t("sheet_answer", lang): answer,
        t("sheet_plan", lang): plan_frame(result, lang),
        t("sheet_units", lang): _headers(result.units, result, lang),
        t("sheet_yearly", lang): _headers(budget, result, lang, yearly=True),
        t("sheet_monthly", lang): _headers(result.monthly, result, lang),
        t("sheet_decomposition", lang): _headers(result.decomposition, result, lang),
        t("sheet_assessment", lang): _headers(result.assessment, result, lang),
        t("sheet_costs", lang): _cost_sheet(result, lang),
        t("sheet_scenario", lang): scenario_table(result.scenario, lang),
    }


def plan_frame(result: DimensioningResult, lang: Lang) -> pd.DataFrame:
    """The plan of the answer (evaluated, or the cheapest) as the plan sheet's rows; for the
    cheapest plan the note says which requirement each change meets."""
    conf = round(100 * result.confidence)
    team_of = {
        (unit, area): team
        for unit in UNITS
        for team, areas in result.scenario.organisation.team_areas(unit, result.scenario.area_names).items()
        for area in areas
    }
    yearly = result.yearly.set_index(["year", "unit", "team"])["required_posts_conf"]
    rows = []
    for step in plan_table(result):
        team = team_of[(step.unit, step.area)]
        note = ""
        if not plan_given(result) and (step.start.year, step.unit, team) in yearly.index:
            required = yearly[(step.start.year, step.unit, team)]
            note = t("plan_note_required", lang, year=step.start.year, required=number(required, lang), conf=conf)
        rows.append(
            {
                "plan_start": pd.Timestamp(step.start),
                "plan_unit": t(step.unit, lang),
                "plan_area": step.area,
                "plan_change": step.change,
                "plan_lead": t("yes" if step.lead else "no", lang),
                "team": _team_text(team, lang),
                "plan_note": note,
            }
        )
    columns = ["plan_start", "plan_unit", "plan_area", "plan_change", "plan_lead", "team", "plan_note"]
    return pd.DataFrame(rows, columns=columns).rename(columns={c: t(c, lang) for c in columns})


# --- the workbook ---------------------------------------------------------------------------


def _wrapped(ws: Worksheet, row: int, text: str, last_col: int, bold: bool = False) -> None:
    """A paragraph across the table's width (its height is set by ``fit_rows``)."""
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    cell = ws.cell(row=row, column=1, value=text)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if bold:
        cell.font = BOLD


def _figure_rows(
    ws: Worksheet,
    row: int,
    frame: pd.DataFrame,
    columns: Sequence[str],
    years: Sequence[int],
    result: DimensioningResult,
    lang: Lang,
    prefix: str = "",
    linked: tuple[str, YearlyLayout, tuple[str, str]] | None = None,
) -> dict[str, int]:
    """One row per figure from ``row`` on, years as columns (``frame`` is indexed by year);
    returns the row of each figure (for charts). ``linked``: (yearly sheet's name, its layout,
    the unit and team): each cell is a reference to the yearly sheet, so it follows its edits."""
    where = {}
    top = Alignment(vertical="top")
    for column in columns:
        where[column] = row
        text = prefix + label(column, result, lang, yearly=True)
        ws.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True, vertical="top")
        code = number_format(KINDS[column], lang)
        for j, year in enumerate(years, start=2):
            cell = ws.cell(row=row, column=j)
            if linked is not None:
                sheet, layout, (unit, team) = linked
                own_formula(cell, f"='{sheet}'!{layout.columns[year]}{layout.rows[(unit, team, column)]}")
            else:
                cell.value = cell_value(frame[column].get(year) if column in frame else None)
            cell.alignment = top
            if code:
                cell.number_format = code
        row += 1
    return where


def _unit_team(budget: pd.DataFrame, unit: str) -> str:
    """The team whose rows are a unit's: its total over teams, or its one team."""
    teams = budget[budget["unit"] == unit]["team"].unique()
    return ALL if len(teams) > 1 else str(teams[0])


def _unit_total(budget: pd.DataFrame, unit: str) -> pd.DataFrame:
    """A unit's rows by year: its total over teams, or its one team."""
    part = budget[budget["unit"] == unit]
    return part[part["team"] == _unit_team(budget, unit)].set_index("year")


def _answer_sheet(
    ws: Worksheet, result: DimensioningResult, budget: pd.DataFrame, lang: Lang, linked: bool = True
) -> None:
    """Page 1: the answer in one sentence, the budget in words, the definition and the county by
    budget year; page 2: the units by year and the charts (which team runs short from when is the
    units sheet's). The tables' cells refer to the yearly sheet (``linked``), so they follow a
    planner's edits there."""
    years = planning_years(result)
    last_col = 1 + len(years)
    for column, width in {1: 52.0, **{j: 14.0 for j in range(2, last_col + 1)}}.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    conf = round(100 * result.confidence)
    layout = yearly_layout(budget)
    sheet = sheet_title(t("sheet_yearly", lang))
    row = 1
    _wrapped(ws, row, formats.keep_together(headline(result, lang)), last_col, bold=True)
    ws.cell(row=row, column=1).font = TITLE_FONT
    row += 1
    title = t("budget_title", lang, name=result.scenario.name, target=target_text(result, lang), conf=conf)
    ws.cell(row=row, column=1, value=title).font = BOLD
    row += 2
    for line in [*budget_lines(result, lang, budget, workbook=True), definition_text(result, lang)]:
        _wrapped(ws, row, line, last_col)
        row += 1
    row += 1
    header_row = row
    write_header(ws, row, 1, [t("county_table", lang), *years])
    where = _figure_rows(
        ws,
        row + 1,
        _county(budget),
        ANSWER_ROWS,
        years,
        result,
        lang,
        linked=(sheet, layout, (ALL, ALL)) if linked else None,
    )
    row += len(ANSWER_ROWS) + 1
    ws.row_breaks.append(Break(id=row))
    row += 1
    what = t("what_planned" if plan_given(result) else "what_funded", lang)
    write_header(ws, row, 1, [t("unit_table", lang, conf=conf, what=what), *years])
    row += 1
    for unit in UNITS:
        team = _unit_team(budget, unit)
        _figure_rows(
            ws,
            row,
            _unit_total(budget, unit),
            UNIT_ROWS,
            years,
            result,
            lang,
            f"{t(unit, lang)}: ",
            linked=(sheet, layout, (unit, team)) if linked else None,
        )
        row += len(UNIT_ROWS)
    chart_row = row + 1
    fit_rows(ws)
    header_height(ws, header_row)
    _charts(ws, where, header_row, len(years), chart_row, result, lang)
    print_setup(ws, landscape=True)


def _charts(
    ws: Worksheet,
    where: Mapping[str, int],
    header_row: int,
    n_years: int,
    row: int,
    result: DimensioningResult,
    lang: Lang,
) -> None:
    """Native charts from the county table: posts required against funded or planned posts,
    and the posts' costs, per year."""
    categories = Reference(ws, min_col=2, max_col=1 + n_years, min_row=header_row, max_row=header_row)

    def series(column: str) -> Series:
        values = Reference(ws, min_col=2, max_col=1 + n_years, min_row=where[column], max_row=where[column])
        return Series(values, title=label(column, result, lang, yearly=True))

    posts = LineChart()
    posts.title = t("chart_plan_posts_by_year", lang)
    posts.y_axis.title = t("chart_posts", lang)
    for column in ("required_posts_p50", "required_posts_conf", "funded_posts"):
        posts.series.append(series(column))
    costs = BarChart()
    costs.type = "col"
    costs.title = t("chart_costs_by_year", lang)
    costs.y_axis.title = t("chart_euros", lang)
    costs.y_axis.number_format = MILLIONS[lang]
    for column in ("required_cost_conf", "funded_cost"):
        costs.series.append(series(column))
    for line in posts.series:
        line.smooth = False  # a year's posts are a step, not a curve
    # two charts side by side, each half the table's width (a width unit is about 0.19 cm)
    widths = [ws.column_dimensions[get_column_letter(c)].width or 10 for c in range(1, n_years + 2)]
    half, filled, second = sum(widths) / 2, 0.0, 2
    for index, width in enumerate(widths, start=1):
        filled += width
        if filled >= half:
            second = index + 1
            break
    for chart, anchor in ((posts, "A"), (costs, get_column_letter(second))):
        chart.set_categories(categories)
        chart.x_axis.title = t("chart_year", lang)
        chart.x_axis.delete = False  # newer Excels hide axes openpyxl does not mark as shown
        chart.y_axis.delete = False
        chart.legend.position = "b"
        chart.height, chart.width = 6.0, max(9.0, 0.19 * half - 0.5)
        ws.add_chart(chart, f"{anchor}{row}")


def _plan_sheet(ws: Worksheet, result: DimensioningResult, lang: Lang) -> None:
    """The plan the planner edits: one change a row, lists to choose units, areas and yes/no,
    and instructions beside the table."""
    frame = plan_frame(result, lang)
    kinds = ["date", "text", "text", "number", "text", "text", "text"]
    last = write_table(ws, frame, kinds, lang)
    for i in range(2, last + 1):
        ws.cell(row=i, column=4).number_format = "0.0##"
    help_col = len(frame.columns) + 2
    write_header(ws, 1, help_col, [t("plan_help", lang)])
    lines = t("plan_help_text", lang, scenario=result.scenario.name).splitlines()
    for i, line in enumerate(lines, start=2):
        ws.cell(row=i, column=help_col, value=line)  # one line a row, not wrapped: plan rows stay one line
    rows = f"2:{max(last, 2) + 200}"
    choices = {
        2: ",".join(t(u, lang) for u in UNITS),
        3: ",".join(result.scenario.area_names),
        5: ",".join(t(k, lang) for k in ("yes", "no")),
    }
    for column, allowed in choices.items():
        if len(allowed) < 250 and '"' not in allowed:  # Excel's limit for a list written in the rule
            letter = get_column_letter(column)
            rule = DataValidation(type="list", formula1=f'"{allowed}"', allow_blank=True)
            rule.add(f"{letter}{rows.split(':')[0]}:{letter}{rows.split(':')[1]}")
            ws.add_data_validation(rule)
    finish_table_sheet(ws, 1, max(last, 2), len(frame.columns), landscape=True)
    ws.column_dimensions[get_column_letter(1)].width = 12
    ws.column_dimensions[get_column_letter(help_col)].width = 100


#: Figures that add up over teams (a unit's and the county's are their teams' sums) and that a
#: planner may edit in a team's row: the totals and the euros follow as formulas.
SUMMED = ("required_posts_conf", "funded_posts", "funded_fte_years")


@dataclass
class YearlyLayout:
    """Where the yearly sheet puts each figure: row of (unit, team, figure), column of a year,
    and the row of the price of a post-year (the euros' formulas use it)."""

    groups: list[tuple[str, str]]
    rows: dict[tuple[str, str, str], int]
    columns: dict[int, str]
    price_row: int


def yearly_layout(budget: pd.DataFrame) -> YearlyLayout:
    """The county first, then each unit: its total (when it has several teams) and its teams."""
    years = sorted(int(y) for y in budget["year"].unique())
    groups: list[tuple[str, str]] = [(ALL, ALL)]
    for name in UNITS:
        teams = [str(v) for v in budget[budget["unit"] == name]["team"].unique()]
        groups += [(name, ALL)] if ALL in teams else []
        groups += [(name, team) for team in teams if team != ALL]
    rows: dict[tuple[str, str, str], int] = {}
    row = 2
    for unit, team in groups:
        for column in (*YEARLY_ROWS, *COUNTY_EXTRA) if unit == ALL else YEARLY_ROWS:
            rows[(unit, team, column)] = row
            row += 1
    columns = {year: get_column_letter(j) for j, year in enumerate(years, start=4)}
    return YearlyLayout(groups, rows, columns, row)


def _members(layout: YearlyLayout, unit: str, team: str) -> list[tuple[str, str]]:
    """The rows a total adds up: a unit's teams; the county's units (their totals, or their one team)."""
    if unit == ALL:
        units = [(u, t) for u, t in layout.groups if u != ALL]
        with_total = {u for u, t in units if t == ALL}
        return [(u, t) for u, t in units if t == ALL or u not in with_total]
    if team == ALL:
        return [(u, t) for u, t in layout.groups if u == unit and t != ALL]
    return []


def yearly_formula(layout: YearlyLayout, unit: str, team: str, column: str, letter: str) -> str | None:
    """The formula of a figure (None: the model's value): totals add up their members, the gap,
    shortfall and euros follow from the posts and the price row, so a planner's edit of a team's
    posts carries through to the unit, the county and the answer sheet."""
    here = layout.rows

    def cell(name: str, who: tuple[str, str] = (unit, team)) -> str:
        return f"{letter}{here[(*who, name)]}"

    members = _members(layout, unit, team)
    if column in SUMMED and members:
        return "=" + "+".join(cell(column, m) for m in members)
    price = f"{letter}${layout.price_row}"
    if column == "gap_posts":
        return f"={cell('required_posts_conf')}-{cell('funded_posts')}"
    if column == "shortfall_posts":
        return f"=MAX(0,{cell('gap_posts')})"
    if column == "required_cost_conf":
        return f"={cell('required_posts_conf')}*{price}"
    if column == "funded_cost":
        return f"={cell('funded_fte_years')}*{price}"
    if column == "gap_cost":
        return f"={cell('required_cost_conf')}-{cell('funded_cost')}"
    if column == "total_cost_funded":
        return f"={cell('funded_cost')}+{cell('other_costs_p50')}"
    if column == "total_cost_required":
        return f"={cell('required_cost_conf')}+{cell('other_costs_p50')}"
    return None


def yearly_sheet(ws: Worksheet, result: DimensioningResult, budget: pd.DataFrame, lang: Lang) -> None:
    """Every team, unit total and the county by year (years as columns), the worst month as a
    detail row. Totals, gaps and euros are formulas (:func:`yearly_formula`) over the teams'
    posts and a row of the price of a post-year, so they follow a planner's edits."""
    layout = yearly_layout(budget)
    years = list(layout.columns)
    header = [t("unit", lang), t("team", lang), t("measure_row", lang), *years]
    write_header(ws, 1, 1, header)
    for unit, team in layout.groups:
        part = budget[(budget["unit"] == unit) & (budget["team"] == team)].set_index("year")
        unit_text = t("county_all_units", lang) if unit == ALL else t(unit, lang)
        team_text = t("team_county", lang) if unit == ALL else t(TOTAL, lang) if team == ALL else team_label(team, lang)
        for column in (*YEARLY_ROWS, *COUNTY_EXTRA) if unit == ALL else YEARLY_ROWS:
            row = layout.rows[(unit, team, column)]
            ws.cell(row=row, column=1, value=unit_text)
            ws.cell(row=row, column=2, value=team_text)
            ws.cell(row=row, column=3, value=label(column, result, lang, yearly=True))
            code = number_format(KINDS[column], lang)
            for year, letter in layout.columns.items():
                formula = yearly_formula(layout, unit, team, column, letter)
                cell = ws.cell(row=row, column=column_index_from_string(letter))
                if formula is not None:
                    own_formula(cell, formula)
                else:
                    cell.value = cell_value(part[column].get(year))
                if code:
                    cell.number_format = code
    row = layout.price_row
    ws.cell(row=row, column=1, value=t("county_all_units", lang))
    ws.cell(row=row, column=2, value=t("team_county", lang))
    ws.cell(
        row=row, column=3, value=t("price_row", lang, cost=number(result.scenario.costs.social_worker_per_fte, lang))
    )
    for year, letter in layout.columns.items():
        price = result.scenario.costs.social_worker_per_fte * price_index(result.scenario, year)
        ws.cell(row=row, column=column_index_from_string(letter), value=price).number_format = number_format(
            "euros", lang
        )
    finish_table_sheet(ws, 1, row, len(header), freeze_cols=3)
    set_widths(ws, {1: 14.0, 2: 13.0, 3: 50.0, **{j: 13.0 for j in range(4, len(header) + 1)}})
    for r in range(2, row + 1):
        for c in range(1, len(header) + 1):
            ws.cell(row=r, column=c).alignment = Alignment(wrap_text=c == 3, vertical="top")
    fit_rows(ws, 2, row)


def _costs_sheet(ws: Worksheet, result: DimensioningResult, lang: Lang) -> None:
    """The county's costs by category and year (P50, and the total's P10 and P90), then each
    area's total, in euros of each year."""
    summary = cost_summary(cost_frame(result.results))
    years = sorted(int(y) for y in summary["year"].unique())
    write_header(ws, 1, 1, [t("category", lang), *years])
    county = summary[summary["area"] == ALL]
    row = 2
    wanted = [c for c in county["category"].unique() if c != TOTAL] + [TOTAL]
    lines = [(t(c, lang) + ", P50", ALL, c, "p50") for c in wanted]
    lines += [(t(TOTAL, lang) + ", P10", ALL, TOTAL, "p10"), (t(TOTAL, lang) + ", P90", ALL, TOTAL, "p90")]
    for area in [a for a in summary["area"].unique() if a != ALL]:
        lines.append((f"{area}: {t(TOTAL, lang)}, P50", area, TOTAL, "p50"))
    code = number_format("euros", lang)
    for text, area, category, stat in lines:
        part = summary[(summary["area"] == area) & (summary["category"] == category)].set_index("year")[stat]
        ws.cell(row=row, column=1, value=text).font = BOLD if category == TOTAL and area == ALL else Font()
        for j, year in enumerate(years, start=2):
            ws.cell(row=row, column=j, value=cell_value(part.get(year))).number_format = code
        row += 1
    finish_table_sheet(ws, 1, row - 1, 1 + len(years), freeze_cols=1)
    set_widths(ws, {1: 42.0, **{j: 14.0 for j in range(2, 2 + len(years))}})


def _units_sheet(ws: Worksheet, result: DimensioningResult, lang: Lang) -> None:
    """Which team runs short from when: the answer's details in words, then the units' table."""
    frame = result.units
    kinds = [KINDS.get(str(c), "number") for c in frame.columns]
    shown = _headers(frame, result, lang)
    last_col = max(len(frame.columns), 6)
    ws.cell(row=1, column=1, value=t("answer_details", lang)).font = TITLE_FONT
    row = 2
    for line in detail_lines(result, lang):
        _wrapped(ws, row, line, last_col)
        row += 1
    header_row = row + 1
    last = write_table(ws, shown, kinds, lang, row=header_row)
    finish_table_sheet(ws, header_row, last, len(frame.columns), freeze_cols=0)
    ws.freeze_panes = None  # the words above are no header
    fit_rows(ws, 2, row - 1)


def _table_sheet(ws: Worksheet, frame: pd.DataFrame, result: DimensioningResult, lang: Lang) -> None:
    """A tidy table: translated headers and labels, number formats by column."""
    kinds = [KINDS.get(str(c), "number") for c in frame.columns]
    shown = _headers(frame, result, lang)
    last = write_table(ws, shown, kinds, lang)
    finish_table_sheet(ws, 1, last, len(frame.columns), freeze_cols=0)


def _scenario_sheet(ws: Worksheet, scenario: Scenario, lang: Lang) -> None:
    """Every assumption a row: its meaning, value, unit, status and source, wrapped to the page."""
    frame = scenario_table(scenario, lang)
    last = write_table(ws, frame, ["text"] * len(frame.columns), lang)
    finish_table_sheet(ws, 1, last, len(frame.columns), freeze_cols=1, landscape=False)
    set_widths(ws, {1: 40.0, 2: 34.0, 3: 9.0, 4: 11.0, 5: 36.0})
    small = Font(size=SMALL)
    for r in range(2, last + 1):
        for c in range(1, 6):
            cell = ws.cell(row=r, column=c)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.font = small
    fit_rows(ws, 2, last, size=SMALL)


#: The workbook's sheets in order, by translation key. The months are in the monthly CSV (and
#: the app's download), not in the workbook: 120 rows a team are data, not something to print.
SHEETS = (
    "sheet_answer",
    "sheet_plan",
    "sheet_yearly",
    "sheet_units",
    "sheet_decomposition",
    "sheet_assessment",
    "sheet_costs",
    "sheet_scenario",
)


def write_workbook(
    result: DimensioningResult,
    path: Path,
    lang: Lang = "fi",
    only: Collection[str] | None = None,
    extra: Mapping[str, pd.DataFrame] | None = None,
    budget: pd.DataFrame | None = None,
) -> None:
    """The planner's workbook (see the module docstring). ``only``: the sheets to write (keys
    of :data:`SHEETS`, e.g. to print one); ``extra``: more tables appended as sheets."""
    budget = budget_years(result) if budget is None else budget
    book = Workbook()
    book.remove(book.active)
    for key in SHEETS:
        if only is not None and key not in only:
            continue
        ws = book.create_sheet(sheet_title(t(key, lang)))
        if key == "sheet_answer":
            _answer_sheet(ws, result, budget, lang, linked=only is None or "sheet_yearly" in only)
        elif key == "sheet_plan":
            _plan_sheet(ws, result, lang)
        elif key == "sheet_yearly":
            yearly_sheet(ws, result, budget, lang)
        elif key == "sheet_units":
            _units_sheet(ws, result, lang)
        elif key == "sheet_costs":
            _costs_sheet(ws, result, lang)
        elif key == "sheet_scenario":
            _scenario_sheet(ws, result.scenario, lang)
        else:
            frame = {
                "sheet_decomposition": result.decomposition,
                "sheet_assessment": result.assessment,
            }[key]
            _table_sheet(ws, frame, result, lang)
    for name, frame in (extra or {}).items():
        ws = book.create_sheet(sheet_title(name))
        last = write_table(ws, frame, [kind_of(frame[c]) for c in frame.columns], lang)
        finish_table_sheet(ws, 1, last, len(frame.columns))
    book.calculation.fullCalcOnLoad = True  # totals are formulas: computed when the workbook opens
    save_workbook(book, path)


def county_table(result: DimensioningResult, lang: Lang = "fi", budget: pd.DataFrame | None = None) -> pd.DataFrame:
    """The county by budget year as text for a terminal or a report: figures as rows, years as
    columns, numbers formatted for ``lang``."""
    budget = budget_years(result) if budget is None else budget
    years = planning_years(result)
    county = _county(budget)
    rows = {}
    for column in ANSWER_ROWS:
        kind = KINDS[column]
        values = []
        for year in years:
            value = float(county[column].get(year, math.nan))
            if kind == "euros":
                values.append(euros(value, lang, millions=True))
            elif kind == "share":
                values.append(percent(value, lang))
            elif kind == "count":
                values.append(number(value, lang, 0))
            else:
                values.append(number(value, lang, 1))
        rows[label(column, result, lang, yearly=True)] = values
    return pd.DataFrame.from_dict(rows, orient="index", columns=[str(y) for y in years])


def staffing_figure(result: DimensioningResult, lang: Lang = "fi") -> Figure:
    """Required posts (P50, band to the confidence quantile) against funded posts, per unit and
    area, with the first breach marked."""
    fig, panels = unit_team_panels(pool_keys(result.scenario), lang, integer_y=True)
    conf = round(100 * result.confidence)
    for ax, unit, area, _ in panels:
        part = result.monthly[(result.monthly["team"] == area) & (result.monthly["unit"] == unit)]
        ax.fill_between(
            part["date"],
            part["required_posts_p50"],
            part["required_posts_conf"],
            step="post",
            color="tab:orange",
            alpha=0.25,
            linewidth=0,
            label=t("chart_band_required", lang, conf=conf),
        )
        ax.step(
            part["date"],
            part["required_posts_p50"],
            where="post",
            color="tab:orange",
            label=t("chart_required_p50", lang),
        )
        ax.step(
            part["date"],
            part["required_posts_conf"],
            where="post",
            color="tab:red",
            linewidth=0.8,
            label=t("chart_required_conf", lang, conf=conf),
        )
        ax.step(
            part["date"],
            part["funded_posts"],
            where="post",
            color="tab:blue",
            linewidth=1.6,
            label=t("chart_funded", lang),
        )
        breach = result.units[(result.units["team"] == area) & (result.units["unit"] == unit)]["first_breach"]
        if not breach.empty and pd.notna(breach.iloc[0]):
            ax.axvline(breach.iloc[0], color="black", linestyle="--", linewidth=0.8, label=t("chart_breach", lang))
        mark_projection(ax, result.scenario, lang)
    title = t("staffing_title", lang, name=result.scenario.name, target=target_text(result, lang), conf=conf)
    return finish_panels(fig, title, t("chart_posts", lang), lang)


def _markdown_table(df: pd.DataFrame, lang: Lang = "fi") -> str:
    head = "| " + " | ".join(markdown_text(c) for c in df.columns) + " |"
    rule = "|" + "|".join("---" for _ in df.columns) + "|"
    body = ["| " + " | ".join(markdown_text(_cell(v, lang)) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def _cell(value: Any, lang: Lang) -> str:
    """A table cell in the reader's format: numbers by formats.number, months as 3/2026."""
    if isinstance(value, pd.Timestamp | dt.date):
        return formats.month(value, lang, short=True)
    if isinstance(value, float | int | np.floating | np.integer) and not isinstance(value, bool):
        return formats.number(float(value), lang, 2 if 0 < abs(float(value)) < 1 else 0)
    return str(value)


def markdown_report(result: DimensioningResult, lang: Lang = "fi", budget: pd.DataFrame | None = None) -> str:
    """The answer, the definition, the county by year and the units, as Markdown."""
    conf = round(100 * result.confidence)
    budget = budget_years(result) if budget is None else budget
    county = county_table(result, lang, budget).reset_index(names=t("measure_row", lang))
    units = _headers(result.units, result, lang)
    title = t("budget_title", lang, name=result.scenario.name, target=target_text(result, lang), conf=conf)
    parts = [
        f"# {markdown_text(title)}",
        "",
        f"## {t('answer', lang)}",
        "",
        *[f"- {markdown_text(line)}" for line in answer_lines(result, lang, budget)],
        "",
        markdown_text(definition_text(result, lang)),
        "",
        f"## {t('county_table', lang)}",
        "",
        _markdown_table(county, lang),
        "",
        f"## {t('sheet_units', lang)}",
        "",
        _markdown_table(units, lang),
        "",
        "![](mitoitus.png)",
        "",
        f"## {t('method', lang)}",
        "",
        t("method_text", lang, n=result.scenario.simulation.replications, seed=result.scenario.simulation.seed),
        "",
    ]
    return "\n".join(parts)


def write_dimensioning(
    result: DimensioningResult, target: Path, lang: Lang = "fi", csv: CsvStyle | None = None
) -> Path:
    """All outputs into a new folder, atomically: the workbook, CSVs (tidy), the plan as TOML,
    the chart, the report and the scenario."""
    style = csv_style(csv, lang)
    budget = budget_years(result)

    def write(tmp: Path) -> None:
        sheets = tables(result, lang, budget)
        for key, name in (
            ("sheet_monthly", "mitoitus_kuukausittain.csv"),
            ("sheet_yearly", "mitoitus_vuosittain.csv"),
            ("sheet_units", "mitoitus_yksikot.csv"),
            ("sheet_plan", "suunnitelma.csv"),
        ):
            write_csv(sheets[t(key, lang)], tmp / name, style)
        write_workbook(result, tmp / "mitoitus.xlsx", lang, budget=budget)
        header = t("plan_file_header", lang, name=result.scenario.name)
        (tmp / "suunnitelma.toml").write_text(plan_to_toml(plan_table(result), header), encoding="utf-8")
        for suffix in ("png", "svg"):
            save_figure(staffing_figure(result, lang), tmp / f"mitoitus.{suffix}")
        (tmp / "raportti.md").write_text(markdown_report(result, lang, budget), encoding="utf-8")
        header = t("toml_header_dimension", lang, n=formats.integer(result.scenario.simulation.replications, lang))
        (tmp / "scenario.toml").write_text(scenario_to_toml(result.scenario, header), encoding="utf-8")
        report_data.write(report_data.dimension_data(result, lang), tmp)

    return write_folder(target, write)


__all__ = [
    "answer_lines",
    "county_table",
    "markdown_report",
    "parts_lines",
    "scenario_table",
    "staffing_figure",
    "tables",
    "write_dimensioning",
    "write_excel",
    "write_workbook",
]
