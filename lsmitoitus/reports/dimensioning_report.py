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
from matplotlib import dates as mdates
from matplotlib.axes import Axes
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
from ..answers.dimensioning_tables import PARTS
from ..answers.plans import plan_given, plan_table, stated_column, with_plan
from ..answers.staffing_answer import CONF, P50, StaffingAnswer, answer_of, carried_by, least_replications
from ..memo import RecentByIdentity
from ..model.posts import pool_keys
from ..model.staffing import mean_recruitment_days
from ..scenario.files import scenario_to_toml
from ..scenario.schema import PlanStep, Scenario
from ..text import formats
from ..text.formats import euros, number, percent
from ..text.i18n import Lang, t
from ..text.text_table import markdown_text, text_table
from ..vocabulary import ALL, UNITS
from . import report_data
from .answer import (
    as_answer,
    head_sentence,
    level_word,
    notes,
    part_label,
    parts_lines,
    parts_table,
    readings_frame,
    readings_table,
    short_from,
    story,
    summary_lines,
    team_frame,
    team_table,
    unit_name,
    what,
    years_text,
)
from .answer import law_note as answer_law_note
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
    "first_failing_day": "date",
    "first_short_year": "year",
    "months_in_breach": "count",
    "failing_days": "count",
    "assessments": "count",
    "replications": "count",
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
    "required_posts",
    "required_posts_p50",
    "required_posts_conf",
    "required_posts_mean",
    "required_half_width",
    "gap_posts",
    "shortfall_posts",
    "required_first_projected",
    "required_last_year",
    "extra_posts",
    "funded_workers",
    "required_workers_p50",
    "required_workers_conf",
    *PARTS,
):
    KINDS[_column] = "posts"
for _column in (
    "required_cost",
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
COUNTY_EXTRA = ("other_costs_p50", "total_cost_funded", "total_cost_required")
#: Figures of the units' table on the answer sheet.
UNIT_ROWS = ("required_posts", "funded_posts", "gap_posts", "extra_posts", "gap_cost")
#: Points of the assumptions sheet's text: its rows print on three portrait pages.
SMALL = 9.0
#: Rows the charts of the answer sheet take (6 cm at 15 points a row): the units' table and the
#: charts fill the second printed page.
CHART_ROWS = 12
#: Euros in millions on a chart axis (an Excel format: each trailing comma divides by 1,000).
MILLIONS = {"fi": '#,##0.0,," M€"', "en": '"€"#,##0.0,," M"'}


def _precise(answer: StaffingAnswer) -> list[str]:
    """The requirement's rows: the stated figure, its error (none for a median), and the median
    beside a figure at the confidence."""
    rows = ["required_posts"]
    if answer.level != P50:
        rows.append("required_half_width")
    if answer.level == CONF:
        rows.append("required_posts_p50")
    return rows


def yearly_rows(answer: StaffingAnswer) -> tuple[str, ...]:
    """Figures of the yearly sheet, per team, unit and the county (the county adds the other costs)."""
    return (
        *_precise(answer),
        "funded_posts",
        "funded_fte_years",
        "gap_posts",
        "shortfall_posts",
        "extra_posts",
        "compliance_probability",
        "failing_days",
        "required_cost",
        "funded_cost",
        "gap_cost",
    )


def answer_rows(answer: StaffingAnswer) -> tuple[str, ...]:
    """Figures of the county table (the answer sheet, the terminal, the Markdown report)."""
    return (
        *_precise(answer),
        "funded_posts",
        "gap_posts",
        "extra_posts",
        "compliance_probability",
        "failing_days",
        "required_cost",
        "funded_cost",
        "gap_cost",
        "other_costs_p50",
        "total_cost_funded",
    )


def target_text(result: DimensioningResult | StaffingAnswer, lang: Lang) -> str:
    if result.target is None:
        return t("target_law", lang)
    return t("target_children", lang, n=result.target)


def level_title(answer: StaffingAnswer, lang: Lang) -> str:
    """ "varmuus 90 %", "mediaani" or "keskimääräinen lista" for a title."""
    if answer.level == CONF:
        return t("title_level_conf", lang, conf=round(100 * answer.confidence))
    return t(f"title_level_{answer.level}", lang)


def label(
    column: str, result: DimensioningResult, lang: Lang, yearly: bool = False, answer: StaffingAnswer | None = None
) -> str:
    """The header of ``column`` in ``lang``: the plan's name for funded posts when a plan is
    evaluated, the level the requirement is stated at."""
    answer = answer_of(result) if answer is None else answer
    conf = round(100 * answer.confidence)
    planned = answer.plan is not None
    if column == "required_posts":
        return t(f"required_posts_stated_{answer.level}", lang, conf=conf)
    if column == "gap_cost":
        return t("gap_cost_planned" if planned else "gap_cost_funded", lang)
    if yearly and column == "compliance_probability":
        return t("compliance_all_days", lang)
    if yearly and column == "extra_posts":
        return t("extra_posts_year", lang)
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


def answer_lines(
    result: DimensioningResult | StaffingAnswer,
    lang: Lang = "fi",
    budget: pd.DataFrame | None = None,
    answer: StaffingAnswer | None = None,
) -> list[str]:
    """The answer in words, in the order every output tells it: the headline, the other readings
    and practices, the uncertainty, the budget (with a dimensioning result), the parts, the teams
    and the notes. (The public ``lsmitoitus.answer_lines``.)"""
    if isinstance(result, StaffingAnswer):
        answer, result_ = result, None
    else:
        answer, result_ = (answer_of(result) if answer is None else answer), result
    lines = summary_lines(answer, lang)
    if result_ is not None:
        lines += budget_lines(result_, lang, budget, answer=answer)
    lines += parts_lines(answer, lang)
    lines += [
        f"{part}: {posts} ({meaning})" if meaning else f"{part}: {posts}"
        for part, posts, meaning in _parts_rows(answer, lang)
    ]
    if result_ is not None:
        lines += assessment_lines(result_, lang, answer)
    lines += detail_lines(answer, lang)
    return lines + notes(answer, lang)


def _parts_rows(answer: StaffingAnswer, lang: Lang) -> list[list[str]]:
    table = parts_table(answer, lang)
    return [] if table.empty else table.astype(str).to_numpy().tolist()


def assessment_level(result: DimensioningResult, answer: StaffingAnswer | None = None) -> str:
    """The level the assessment workers needed are stated at: the confidence only when the
    replications they rest on can carry it (else the median, :data:`P50`)."""
    answer = answer_of(result) if answer is None else answer
    carried = carried_by(int(result.meta.get("replications", 0)), result.confidence)  # type: ignore[call-overload]
    carried = carried and min(
        answer.compare_replications or answer.replications, answer.replications
    ) >= least_replications(result.confidence)
    return CONF if carried else P50


def assessment_lines(result: DimensioningResult, lang: Lang = "fi", answer: StaffingAnswer | None = None) -> list[str]:
    """The assessment workers needed against those funded, in the last year (at the answer's level)."""
    assessment = result.assessment
    if assessment.empty:
        return []
    answer = answer_of(result) if answer is None else answer
    last = assessment[assessment["year"] == assessment["year"].max()]
    stated = assessment_level(result, answer)
    column = f"required_workers_{stated}"
    level = level_word(answer, lang, stated)
    return [
        t(
            "parts_assessment",
            lang,
            year=int(last["year"].iloc[0]),
            level=level,
            required=number(float(last[column].sum()), lang, 1),
            funded=number(float(last["funded_workers"].sum()), lang, 1),
            on_time=percent(float(last["started_on_time"].mean()), lang),
        )
    ]


def detail_lines(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> list[str]:
    """Per team in one line: its posts and requirement in the headline year, from when it is
    short (its first failing reading day) and the posts it lacks, or that it complies."""
    answer = as_answer(answer)
    lines = []
    for r in team_frame(answer).to_dict("records"):
        lines.append(
            t(
                "team_line",
                lang,
                team=unit_name(str(r["unit"]), str(r["team"]), lang),
                year=answer.headline_year,
                posts=number(float(r["funded_posts"]), lang),
                what=what(answer, "nominative", lang),
                required=number(float(r["required"]), lang, 1),
                level=level_word(answer, lang),
                short=short_from(r, lang),
                extra=formats.integer(float(r["extra_posts"]), lang),
            )
        )
    return lines


def law_note(result: DimensioningResult | StaffingAnswer, lang: Lang = "fi") -> str:
    """From when which limit is applied (see :func:`lsmitoitus.reports.answer.law_note`)."""
    return answer_law_note(as_answer(result), lang)


def answer_notes(result: DimensioningResult | StaffingAnswer, lang: Lang = "fi") -> list[str]:
    """What a reader must know to read the answer right (lower bounds, how aftercare is counted)."""
    return notes(as_answer(result), lang)


def budget_lines(
    result: DimensioningResult,
    lang: Lang = "fi",
    budget: pd.DataFrame | None = None,
    workbook: bool = False,
    answer: StaffingAnswer | None = None,
) -> list[str]:
    """The budget in words: the plan (cheapest or evaluated), whether it meets the answer (the
    same verdict as the headline: :attr:`StaffingAnswer.failing_years`), its euros, and the first
    and last budget year of the county. ``workbook``: for a reader of the workbook, who is told how
    to have a plan evaluated, not a command-line flag."""
    answer = answer_of(result) if answer is None else answer
    budget = budget_years(result, answer) if budget is None else budget
    years = planning_years(result)
    first, last = years[0], years[-1]
    county = _county(budget).loc[years]
    steps = plan_table(result)
    level = level_word(answer, lang)
    lines = []
    if answer.plan:
        lines.append(t("budget_evaluated", lang, path=answer.plan, n=len(steps)))
        failing = answer.failing_years
        if failing:
            worst = max(failing, key=lambda y: (answer.missing_in(y), -y))
            lines.append(
                t(
                    "budget_plan_short",
                    lang,
                    years=years_text(failing),
                    short=formats.integer(answer.missing_in(worst), lang),
                    year=worst,
                )
            )
        else:
            lines.append(t("budget_plan_meets", lang, level=level, first=first, last=last))
        lines.append(
            t(
                "budget_plan_cost",
                lang,
                first=first,
                last=last,
                planned=euros(float(county["funded_cost"].sum()), lang, millions=True),
                required=euros(float(county["required_cost"].sum()), lang, millions=True),
                difference=euros(-float(county["gap_cost"].sum()), lang, millions=True, signed=True),
            )
        )
    else:
        cost = euros(plan_cost(result, steps, years) - float(county["funded_cost"].sum()), lang, millions=True)
        days = number(recruitment_days(result.scenario), lang, 0)
        key = "budget_cheapest_workbook" if workbook else "budget_cheapest"
        lines.append(t(key, lang, n=len(steps), first=first, last=last, cost=cost, days=days))
    for year in dict.fromkeys((first, last)):
        row = {str(k): v for k, v in county.loc[year].to_dict().items()}
        lines.append(
            t(
                "budget_year",
                lang,
                year=year,
                required=formats.integer(float(row["required_posts"]), lang),
                level=level,
                what=what(answer, "nominative", lang),
                funded=number(float(row["funded_posts"]), lang),
                extra=formats.integer(float(row["extra_posts"]), lang),
                cost=euros(float(row["required_cost"]), lang),
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


def definition_text(result: DimensioningResult, lang: Lang, answer: StaffingAnswer | None = None) -> str:
    """How the yearly requirement and the euros are defined (for the report and the workbook)."""
    answer = answer_of(result) if answer is None else answer
    costs = result.scenario.costs
    return t(
        f"budget_definition_{answer.level}",
        lang,
        days=t(f"reading_name_{answer.reading}", lang),
        conf=round(100 * answer.confidence),
        cost=number(costs.social_worker_per_fte, lang),
        index=number(100 * costs.price_index_per_year, lang),
        base=costs.base_year,
    )


def _headers(
    df: pd.DataFrame, result: DimensioningResult, lang: Lang, yearly: bool = False, answer: StaffingAnswer | None = None
) -> pd.DataFrame:
    """A table with its headers and labels in ``lang`` (dates stay dates)."""
    answer = answer_of(result) if answer is None else answer
    out = df.copy()
    if "team" in out:
        out["team"] = [_team_text(str(v), lang) for v in out["team"]]
    if "unit" in out:
        out["unit"] = [t(u, lang) for u in out["unit"]]
    names = {c: _part_or_label(str(c), result, lang, yearly, answer) for c in df.columns}
    return out.rename(columns=names)


def _part_or_label(column: str, result: DimensioningResult, lang: Lang, yearly: bool, answer: StaffingAnswer) -> str:
    if column in PARTS:
        return part_label(column, answer, lang) + " (kpl)" * (lang == "fi") + " (posts)" * (lang == "en")
    if column == "required":
        return label("required_posts", result, lang, yearly, answer)
    return label(column, result, lang, yearly, answer)


def status_text(status: str, lang: Lang) -> str:
    return t(f"status_{status}", lang)


def scenario_table(scenario: Scenario, lang: Lang = "fi") -> pd.DataFrame:
    """Every scenario value for people: what it means (in Finnish from the field-description
    table, :mod:`.parameter_texts`), its value in the reader's format, its unit, where it comes
    from (sourced, fitted or assumed; a value without an entry is an assumption) and the source.
    An area's values of one parameter share a row, and so do a duration's."""
    table = _SCENARIO_TABLES.get(scenario, lang, lambda: _scenario_table(scenario, lang))
    return table.copy()  # callers may change theirs


#: a scenario's table, built once per language: the workbook and the report's folder both show it
_SCENARIO_TABLES: RecentByIdentity[pd.DataFrame] = RecentByIdentity(8)


def _scenario_table(scenario: Scenario, lang: Lang) -> pd.DataFrame:
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


def reading_days(result: DimensioningResult, answer: StaffingAnswer) -> pd.DataFrame:
    """The headline reading's days per team (funded posts, the requirement's P50 and, when the
    replications carry it, its quantile at the confidence; the probability the posts comply)."""
    columns = ["date", "unit", "team", "funded_posts", "required_posts_p50"]
    if answer.level == CONF:
        columns += ["required_posts_conf", "gap_posts"]
    return result.monthly[[*columns, "compliance_probability"]]


def teams_frame(answer: StaffingAnswer) -> pd.DataFrame:
    """Per team, language-free, for a sheet and a CSV (see :func:`lsmitoitus.reports.answer.team_frame`)."""
    frame = team_frame(answer)
    return frame.drop(columns=["counted", "workload_target"]).rename(columns={"required": "required_posts"})


def parts_frame(result: DimensioningResult, answer: StaffingAnswer) -> pd.DataFrame:
    """The parts by year: the county's (they add up to the stated figure) and, when the figure is
    at the confidence, each unit's."""
    county = answer.parts.assign(unit=ALL)[["year", "unit", *PARTS, "required"]]
    if answer.level != CONF or result.decomposition.empty:
        return county.reset_index(drop=True)
    units = result.decomposition[result.decomposition["unit"] != ALL].rename(
        columns={"required_posts_conf": "required"}
    )
    units = units[units["year"] >= answer.first_year][["year", "unit", *PARTS, "required"]]
    return pd.concat([county, units], ignore_index=True)


def tables(
    result: DimensioningResult,
    lang: Lang = "fi",
    budget: pd.DataFrame | None = None,
    answer: StaffingAnswer | None = None,
) -> dict[str, pd.DataFrame]:
    """The tables of a dimensioning run, keyed by sheet name, with translated headers (tidy:
    one row per year and team; the workbook lays them out for reading)."""
    answer = answer_of(result) if answer is None else answer
    budget = budget_years(result, answer) if budget is None else budget
    lines = pd.DataFrame({t("answer", lang): answer_lines(result, lang, budget, answer)})
    return {
        t("sheet_answer", lang): lines,
        t("sheet_plan", lang): plan_frame(result, lang, answer),
        t("sheet_units", lang): _headers(teams_frame(answer), result, lang, answer=answer),
        t("sheet_yearly", lang): _headers(
            budget if answer.level == CONF else budget.drop(columns=["required_posts_conf"]),  # not carried: no 90 %
            result,
            lang,
            yearly=True,
            answer=answer,
        ),
        t("sheet_monthly", lang): _headers(reading_days(result, answer), result, lang, answer=answer),
        t("sheet_readings", lang): readings_frame(answer, lang)
        .drop(columns=["reading", "allocation"])
        .rename(
            columns={
                "label": t("readings_col", lang),
                "half_width": t("readings_error", lang, year=answer.headline_year),
                "replications": t("readings_replications", lang),
            }
        ),
        t("sheet_decomposition", lang): _headers(parts_frame(result, answer), result, lang, answer=answer),
        t("sheet_assessment", lang): _headers(result.assessment, result, lang, answer=answer),
        t("sheet_costs", lang): _cost_sheet(result, lang),
        t("sheet_scenario", lang): scenario_table(result.scenario, lang),
    }


def plan_frame(result: DimensioningResult, lang: Lang, answer: StaffingAnswer | None = None) -> pd.DataFrame:
    """The plan of the answer (evaluated, or the cheapest) as the plan sheet's rows; for the
    cheapest plan the note says which requirement each change meets."""
    answer = answer_of(result) if answer is None else answer
    team_of = {
        (unit, area): team
        for unit in UNITS
        for team, areas in result.scenario.organisation.team_areas(unit, result.scenario.area_names).items()
        for area in areas
    }
    yearly = result.yearly.set_index(["year", "unit", "team"])[stated_column(result)]
    rows = []
    for step in plan_table(result):
        team = team_of[(step.unit, step.area)]
        note = ""
        if not plan_given(result) and (step.start.year, step.unit, team) in yearly.index:
            required = yearly[(step.start.year, step.unit, team)]
            note = t(
                "plan_note_required",
                lang,
                year=step.start.year,
                required=number(required, lang, 1),  # to a tenth of a post, as the tables give it
                level=level_word(answer, lang),
            )
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
    answer: StaffingAnswer | None = None,
) -> dict[str, int]:
    """One row per figure from ``row`` on, years as columns (``frame`` is indexed by year);
    returns the row of each figure (for charts). ``linked``: (yearly sheet's name, its layout,
    the unit and team): each cell is a reference to the yearly sheet, so it follows its edits."""
    where = {}
    top = Alignment(vertical="top")
    for column in columns:
        where[column] = row
        text = prefix + label(column, result, lang, yearly=True, answer=answer)
        ws.cell(row=row, column=1, value=text).alignment = Alignment(wrap_text=True, vertical="top")
        code = number_format(KINDS[column], lang)
        for j, year in enumerate(years, start=2):
            cell = ws.cell(row=row, column=j)
            if linked is not None and (linked[2][0], linked[2][1], column) in linked[1].rows:
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


def _text_table(
    ws: Worksheet, row: int, frame: pd.DataFrame, kinds: Sequence[str], lang: Lang, widths: Sequence[int] | None = None
) -> int:
    """A small table of values with its header at ``row`` (each cell's number format by ``kinds``);
    returns the row after it. ``widths``: columns each cell spans (merged), 1 by default."""
    widths = list(widths or [1] * len(frame.columns))
    starts = [1 + sum(widths[:i]) for i in range(len(widths))]
    write_header(ws, row, 1, [])
    for start, span, name, kind in zip(starts, widths, frame.columns, kinds, strict=True):
        cell = ws.cell(row=row, column=start, value=str(name))
        cell.font = BOLD
        cell.alignment = Alignment(wrap_text=True, vertical="bottom", horizontal="left" if kind == "text" else "right")
        if span > 1:
            ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + span - 1)
    for values in frame.itertuples(index=False):
        row += 1
        for start, span, kind, value in zip(starts, widths, kinds, values, strict=True):
            cell = ws.cell(row=row, column=start, value=cell_value(value) if kind != "text" else value)
            code = number_format(kind, lang)
            if code and kind != "text":
                cell.number_format = code
            cell.alignment = Alignment(wrap_text=kind == "text", vertical="top")
            if span > 1:
                ws.merge_cells(start_row=row, start_column=start, end_row=row, end_column=start + span - 1)
    return row + 1


def _answer_sheet(
    ws: Worksheet,
    result: DimensioningResult,
    budget: pd.DataFrame,
    lang: Lang,
    linked: bool = True,
    answer: StaffingAnswer | None = None,
) -> None:
    """Page 1: the answer in a sentence, the other readings and practices, the uncertainty, the
    teams (from when each runs short, the extra posts), the readings and practices side by side,
    the parts of the headline and the budget in words; then the definition and the county by
    budget year; page 2: the units by year and the charts. The county's and the units' cells
    refer to the yearly sheet (``linked``), so they follow a planner's edits there."""
    answer = answer_of(result) if answer is None else answer
    years = planning_years(result)
    last_col = max(1 + len(years), 7)
    for column, width in {1: 56.0, **{j: 14.0 for j in range(2, last_col + 1)}}.items():
        ws.column_dimensions[get_column_letter(column)].width = width
    layout = yearly_layout(budget, answer)
    sheet = sheet_title(t("sheet_yearly", lang))
    row = 1
    _wrapped(ws, row, formats.keep_together(head_sentence(answer, lang)), last_col, bold=True)
    ws.cell(row=row, column=1).font = TITLE_FONT
    row += 1
    title = t(
        "budget_title",
        lang,
        name=result.scenario.name,
        target=target_text(result, lang),
        level=level_title(answer, lang),
    )
    ws.cell(row=row, column=1, value=title).font = BOLD
    row += 1
    for line in [story(answer, lang), *summary_lines(answer, lang)[1:]]:
        _wrapped(ws, row, formats.keep_together(line), last_col)
        row += 1
    row += 1
    # the teams: numbers as numbers, the "short from" column as the same words as everywhere
    teams = team_frame(answer)
    shown = pd.DataFrame(
        {
            t("answer_unit", lang): [
                unit_name(str(u), str(tm), lang) for u, tm in zip(teams["unit"], teams["team"], strict=True)
            ],
            label("funded_posts", result, lang, answer=answer): teams["funded_posts"],
            t("team_col_required", lang, year=answer.headline_year, level=level_word(answer, lang)): teams["required"],
            t("team_col_short", lang): [short_from(r, lang) for r in teams.to_dict("records")],
            t("team_col_extra", lang, year=answer.headline_year): teams["extra_posts"],
            t("answer_cost", lang): teams["extra_cost"],
        }
    )
    row = _text_table(ws, row, shown, ["text", "posts", "posts", "text", "posts", "euros"], lang)
    # every reading and practice side by side, in the budget years
    readings = readings_frame(answer, lang)
    if not readings.empty:
        ws.cell(row=row, column=1, value=t("readings_title", lang)).font = BOLD
        row += 1
        values = readings[["label", *years, "half_width"]].rename(
            columns={
                "label": t("readings_col", lang),
                "half_width": t("readings_error", lang, year=answer.headline_year),
            }
        )
        row = _text_table(ws, row, values, ["text", *["posts"] * len(years), "posts"], lang)
    # the parts of the headline, each with its meaning
    parts = parts_table(answer, lang)
    if not parts.empty:
        lines = parts_lines(answer, lang)
        _wrapped(ws, row, lines[0], last_col, bold=True)
        row += 1
        numbers = [*[answer.parts_of()[p] for p in PARTS], answer.parts_of()["required"]]
        frame = pd.DataFrame(
            {
                parts.columns[0]: parts.iloc[:, 0],
                parts.columns[1]: numbers,
                parts.columns[2]: parts.iloc[:, 2],
            }
        )
        row = _text_table(ws, row, frame, ["text", "posts", "text"], lang, widths=[1, 1, max(1, last_col - 2)])
        for line in lines[1:]:
            _wrapped(ws, row, line, last_col)
            row += 1
    ws.row_breaks.append(Break(id=row))  # page 2: the budget, the county by year, the charts
    row += 1
    for line in [
        *budget_lines(result, lang, budget, workbook=True, answer=answer),
        definition_text(result, lang, answer),
    ]:
        _wrapped(ws, row, line, last_col)
        row += 1
    row += 1
    header_row = row
    rows = answer_rows(answer)
    write_header(ws, row, 1, [t("county_table", lang), *years])
    where = _figure_rows(
        ws,
        row + 1,
        _county(budget),
        rows,
        years,
        result,
        lang,
        linked=(sheet, layout, (ALL, ALL)) if linked else None,
        answer=answer,
    )
    row += len(rows) + 1
    chart_row = row  # the teams by year are the yearly sheet's
    fit_rows(ws)
    fit_rows(ws, 1, 1, size=float(TITLE_FONT.size or 11.0))
    header_height(ws, header_row)
    _charts(ws, where, header_row, len(years), chart_row, result, lang, answer)
    print_setup(ws, landscape=True)


def _charts(
    ws: Worksheet,
    where: Mapping[str, int],
    header_row: int,
    n_years: int,
    row: int,
    result: DimensioningResult,
    lang: Lang,
    answer: StaffingAnswer,
) -> None:
    """Native charts from the county table: posts required against funded or planned posts,
    and the posts' costs, per year."""
    categories = Reference(ws, min_col=2, max_col=1 + n_years, min_row=header_row, max_row=header_row)

    def series(column: str) -> Series:
        values = Reference(ws, min_col=2, max_col=1 + n_years, min_row=where[column], max_row=where[column])
        return Series(values, title=label(column, result, lang, yearly=True, answer=answer))

    posts = LineChart()
    posts.title = t("chart_plan_posts_by_year", lang)
    posts.y_axis.title = t("chart_posts", lang)
    for column in (*[c for c in ("required_posts_p50",) if c in where], "required_posts", "funded_posts"):
        posts.series.append(series(column))
    costs = BarChart()
    costs.type = "col"
    costs.title = t("chart_costs_by_year", lang)
    costs.y_axis.title = t("chart_euros", lang)
    costs.y_axis.number_format = MILLIONS[lang]
    for column in ("required_cost", "funded_cost"):
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
SUMMED = ("required_posts", "funded_posts", "funded_fte_years", "extra_posts")


@dataclass
class YearlyLayout:
    """Where the yearly sheet puts each figure: row of (unit, team, figure), column of a year,
    and the row of the price of a post-year (the euros' formulas use it)."""

    groups: list[tuple[str, str]]
    rows: dict[tuple[str, str, str], int]
    columns: dict[int, str]
    price_row: int


def yearly_layout(budget: pd.DataFrame, answer: StaffingAnswer) -> YearlyLayout:
    """The county first, then each unit: its total (when it has several teams) and its teams."""
    figures = yearly_rows(answer)
    years = sorted(int(y) for y in budget["year"].unique())
    groups: list[tuple[str, str]] = [(ALL, ALL)]
    for name in UNITS:
        teams = [str(v) for v in budget[budget["unit"] == name]["team"].unique()]
        groups += [(name, ALL)] if ALL in teams else []
        groups += [(name, team) for team in teams if team != ALL]
    rows: dict[tuple[str, str, str], int] = {}
    row = 2
    for unit, team in groups:
        for column in (*figures, *COUNTY_EXTRA) if unit == ALL else figures:
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
        return f"={cell('required_posts')}-{cell('funded_posts')}"
    if column == "shortfall_posts":
        return f"=MAX(0,{cell('gap_posts')})"
    if column == "extra_posts":  # a team's whole posts missing at the year's end (a fraction is a post)
        return f"=MAX(0,ROUNDUP({cell('required_posts')}-0.000001,0)-ROUND({cell('funded_posts')},0))"
    if column == "required_cost":
        return f"={cell('required_posts')}*{price}"
    if column == "funded_cost":
        return f"={cell('funded_fte_years')}*{price}"
    if column == "gap_cost":
        return f"={cell('required_cost')}-{cell('funded_cost')}"
    if column == "total_cost_funded":
        return f"={cell('funded_cost')}+{cell('other_costs_p50')}"
    if column == "total_cost_required":
        return f"={cell('required_cost')}+{cell('other_costs_p50')}"
    return None


def yearly_sheet(
    ws: Worksheet, result: DimensioningResult, budget: pd.DataFrame, lang: Lang, answer: StaffingAnswer | None = None
) -> None:
    """Every team, unit total and the county by year (years as columns). Totals, gaps, the extra
    posts and euros are formulas (:func:`yearly_formula`) over the teams' posts and a row of the
    price of a post-year, so they follow a planner's edits."""
    answer = answer_of(result) if answer is None else answer
    layout = yearly_layout(budget, answer)
    figures = yearly_rows(answer)
    years = list(layout.columns)
    header = [t("unit", lang), t("team", lang), t("measure_row", lang), *years]
    write_header(ws, 1, 1, header)
    for unit, team in layout.groups:
        part = budget[(budget["unit"] == unit) & (budget["team"] == team)].set_index("year")
        unit_text = t("county_all_units", lang) if unit == ALL else t(unit, lang)
        team_text = t("team_county", lang) if unit == ALL else t(TOTAL, lang) if team == ALL else team_label(team, lang)
        for column in (*figures, *COUNTY_EXTRA) if unit == ALL else figures:
            row = layout.rows[(unit, team, column)]
            ws.cell(row=row, column=1, value=unit_text)
            ws.cell(row=row, column=2, value=team_text)
            ws.cell(row=row, column=3, value=label(column, result, lang, yearly=True, answer=answer))
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


def _units_sheet(ws: Worksheet, result: DimensioningResult, lang: Lang, answer: StaffingAnswer) -> None:
    """Which team runs short from when: one line per team in words, then the teams' table (the
    first failing reading day, the extra posts and their euros)."""
    frame = teams_frame(answer)
    kinds = [KINDS.get(str(c), "euros" if c == "extra_cost" else "number") for c in frame.columns]
    shown = _headers(frame, result, lang, answer=answer)
    last_col = max(len(frame.columns), 6)
    ws.cell(row=1, column=1, value=t("answer_details", lang)).font = TITLE_FONT
    row = 2
    for line in detail_lines(answer, lang):
        _wrapped(ws, row, line, last_col)
        row += 1
    header_row = row + 1
    last = write_table(ws, shown, kinds, lang, row=header_row)
    finish_table_sheet(ws, header_row, last, len(frame.columns), freeze_cols=0)
    ws.freeze_panes = None  # the words above are no header
    fit_rows(ws, 2, row - 1)


def _table_sheet(
    ws: Worksheet, frame: pd.DataFrame, result: DimensioningResult, lang: Lang, answer: StaffingAnswer
) -> None:
    """A tidy table: translated headers and labels, number formats by column."""
    kinds = [KINDS.get(str(c), "number") for c in frame.columns]
    shown = _headers(frame, result, lang, answer=answer)
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


#: The workbook's sheets in order, by translation key. The reading days are in their CSV (and
#: the app's download), not in the workbook: they are data, not something to print.
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
    answer: StaffingAnswer | None = None,
) -> None:
    """The planner's workbook (see the module docstring). ``only``: the sheets to write (keys
    of :data:`SHEETS`, e.g. to print one); ``extra``: more tables appended as sheets."""
    answer = answer_of(result) if answer is None else answer
    budget = budget_years(result, answer) if budget is None else budget
    book = Workbook()
    book.remove(book.active)
    for key in SHEETS:
        if only is not None and key not in only:
            continue
        ws = book.create_sheet(sheet_title(t(key, lang)))
        if key == "sheet_answer":
            _answer_sheet(ws, result, budget, lang, linked=only is None or "sheet_yearly" in only, answer=answer)
        elif key == "sheet_plan":
            _plan_sheet(ws, result, lang)
        elif key == "sheet_yearly":
            yearly_sheet(ws, result, budget, lang, answer)
        elif key == "sheet_units":
            _units_sheet(ws, result, lang, answer)
        elif key == "sheet_costs":
            _costs_sheet(ws, result, lang)
        elif key == "sheet_scenario":
            _scenario_sheet(ws, result.scenario, lang)
        else:
            frame = {
                "sheet_decomposition": parts_frame(result, answer),
                "sheet_assessment": result.assessment,
            }[key]
            _table_sheet(ws, frame, result, lang, answer)
    for name, frame in (extra or {}).items():
        ws = book.create_sheet(sheet_title(name))
        last = write_table(ws, frame, [kind_of(frame[c]) for c in frame.columns], lang)
        finish_table_sheet(ws, 1, last, len(frame.columns))
    book.calculation.fullCalcOnLoad = True  # totals are formulas: computed when the workbook opens
    save_workbook(book, path)


def county_table(
    result: DimensioningResult,
    lang: Lang = "fi",
    budget: pd.DataFrame | None = None,
    answer: StaffingAnswer | None = None,
) -> pd.DataFrame:
    """The county by budget year as text for a terminal or a report: figures as rows, years as
    columns, numbers formatted for ``lang``."""
    answer = answer_of(result) if answer is None else answer
    budget = budget_years(result, answer) if budget is None else budget
    years = planning_years(result)
    county = _county(budget)
    rows = {}
    for column in answer_rows(answer):
        kind = KINDS[column]
        values = []
        for year in years:
            value = float(county[column].get(year, math.nan))
            if kind == "euros":
                values.append(euros(value, lang, millions=True))
            elif kind == "share":
                values.append(percent(value, lang))
            elif kind == "count" or column == "extra_posts":
                values.append(number(value, lang, 0))
            else:
                values.append(number(value, lang, 1))
        rows[label(column, result, lang, yearly=True, answer=answer)] = values
    return pd.DataFrame.from_dict(rows, orient="index", columns=[str(y) for y in years])


def staffing_figure(result: DimensioningResult, lang: Lang = "fi", answer: StaffingAnswer | None = None) -> Figure:
    """Required posts on the headline reading's days (P50, and the band to the confidence
    quantile when the replications carry it) against funded or planned posts, per unit and area,
    with each team's first failing day marked."""
    answer = answer_of(result) if answer is None else answer
    fig, panels = unit_team_panels(pool_keys(result.scenario), lang, integer_y=True)
    conf = round(100 * result.confidence)
    first_day = {(x.unit, x.team): x.first_failing_day for x in answer.teams}
    uncounted = {(x.unit, x.team) for x in answer.uncounted_teams}
    for ax, unit, area, _ in panels:
        part = result.monthly[(result.monthly["team"] == area) & (result.monthly["unit"] == unit)]
        if (unit, area) in uncounted:
            # the law counts none of the team's clients (aftercare 18+): no requirement to draw,
            # as the tables say "ei laskettavia" (a line at 0 would read as "no posts needed")
            ax.set_title(t("chart_not_counted_note", lang, team=team_label(area, lang), unit=t(unit, lang)), fontsize=8)
        else:
            _requirement_lines(ax, part, answer.level == CONF, conf, lang)
        ax.step(
            part["date"],
            part["funded_posts"],
            where="post",
            color="tab:blue",
            linewidth=1.6,
            label=t("chart_planned" if answer.plan else "chart_funded", lang),
        )
        day = first_day.get((unit, area))
        if day is not None:
            ax.axvline(
                mdates.date2num(day), color="black", linestyle="--", linewidth=0.8, label=t("chart_breach", lang)
            )
        mark_projection(ax, result.scenario, lang)
    title = t(
        "staffing_title",
        lang,
        name=result.scenario.name,
        target=target_text(result, lang),
        level=level_title(answer, lang),
        reading=t(f"reading_name_{answer.reading}", lang),  # the chart says which reading of the law it draws
        practice=t(f"practice_name_{answer.practice}", lang),
    )
    return finish_panels(fig, title, t("chart_posts", lang), lang)


def _requirement_lines(ax: Axes, part: pd.DataFrame, at_confidence: bool, conf: int, lang: Lang) -> None:
    """A team's required posts on the reading days: the median, and, when the replications carry
    the confidence, the band up to it and its line."""
    if at_confidence:
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
        part["date"], part["required_posts_p50"], where="post", color="tab:orange", label=t("chart_required_p50", lang)
    )
    if at_confidence:
        ax.step(
            part["date"],
            part["required_posts_conf"],
            where="post",
            color="tab:red",
            linewidth=0.8,
            label=t("chart_required_conf", lang, conf=conf),
        )


def terminal_text(
    result: DimensioningResult, lang: Lang = "fi", answer: StaffingAnswer | None = None, width: int = 100
) -> str:
    """What ``lsmitoitus dimension`` prints: the answer (headline, other readings and practices,
    uncertainty), the teams, the budget, the parts with their meanings, the assessment workers,
    the county by year and the notes."""
    answer = answer_of(result) if answer is None else answer
    budget = budget_years(result, answer)
    out = [*summary_lines(answer, lang), ""]
    teams = team_table(answer, lang)
    out += [text_table(list(teams.columns), teams.to_numpy().tolist(), wrap_at=10, width=width), ""]
    out += budget_lines(result, lang, budget, answer=answer)
    parts = parts_table(answer, lang)
    if not parts.empty:
        lines = parts_lines(answer, lang)
        rows = parts.to_numpy().tolist()
        out += ["", lines[0], text_table(list(parts.columns), rows, right=[False, True, False], width=width + 40)]
        out += lines[1:]
    out += assessment_lines(result, lang, answer)
    county = county_table(result, lang, budget, answer)
    cells = [[str(name), *map(str, row)] for name, row in zip(county.index, county.to_numpy().tolist(), strict=True)]
    out += ["", t("county_table", lang), text_table(["", *map(str, county.columns)], cells, keys=1, width=width), ""]
    return "\n".join([*out, *notes(answer, lang)])


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


def markdown_report(
    result: DimensioningResult,
    lang: Lang = "fi",
    budget: pd.DataFrame | None = None,
    answer: StaffingAnswer | None = None,
) -> str:
    """The answer, the teams, the readings side by side, the parts, the definition, the county by
    year, as Markdown."""
    answer = answer_of(result) if answer is None else answer
    budget = budget_years(result, answer) if budget is None else budget
    county = county_table(result, lang, budget, answer).reset_index(names=t("measure_row", lang))
    title = t(
        "budget_title",
        lang,
        name=result.scenario.name,
        target=target_text(result, lang),
        level=level_title(answer, lang),
    )
    parts = [
        f"# {markdown_text(title)}",
        "",
        f"## {t('answer', lang)}",
        "",
        *[f"- {markdown_text(line)}" for line in summary_lines(answer, lang)],
        "",
        _markdown_table(team_table(answer, lang), lang),
        "",
        f"## {t('readings_title', lang)}",
        "",
        _markdown_table(readings_table(answer, lang), lang),
        "",
    ]
    if not answer.parts.empty:
        lines = parts_lines(answer, lang)
        parts += [
            f"## {t('sheet_decomposition', lang)}",
            "",
            markdown_text(lines[0]),
            "",
            _markdown_table(parts_table(answer, lang), lang),
            "",
        ]
        parts += [*map(markdown_text, lines[1:]), ""] if len(lines) > 1 else []
    parts += [
        f"## {t('budget_heading', lang)}",
        "",
        *[
            f"- {markdown_text(line)}"
            for line in [*budget_lines(result, lang, budget, answer=answer), *assessment_lines(result, lang, answer)]
        ],
        "",
        markdown_text(definition_text(result, lang, answer)),
        "",
        f"## {t('county_table', lang)}",
        "",
        _markdown_table(county, lang),
        "",
        "![](mitoitus.png)",
        "",
        f"## {t('notes_heading', lang)}",
        "",
        *[f"- {markdown_text(line)}" for line in notes(answer, lang)],
        "",
        f"## {t('method', lang)}",
        "",
        t("method_text", lang, n=result.scenario.simulation.replications, seed=result.scenario.simulation.seed),
        "",
    ]
    return "\n".join(parts)


def write_dimensioning(
    result: DimensioningResult,
    target: Path,
    lang: Lang = "fi",
    csv: CsvStyle | None = None,
    answer: StaffingAnswer | None = None,
) -> Path:
    """All outputs into a new folder, atomically: the workbook, CSVs (tidy), the plan as TOML,
    the chart, the report and the scenario."""
    answer = answer_of(result) if answer is None else answer
    style = csv_style(csv, lang)
    budget = budget_years(result, answer)

    def write(tmp: Path) -> None:
        sheets = tables(result, lang, budget, answer)
        for key, name in (
            ("sheet_monthly", "mitoitus_lukupaivat.csv"),
            ("sheet_yearly", "mitoitus_vuosittain.csv"),
            ("sheet_units", "mitoitus_yksikot.csv"),
            ("sheet_readings", "mitoitus_tulkinnat.csv"),
            ("sheet_decomposition", "mitoitus_osat.csv"),
            ("sheet_plan", "suunnitelma.csv"),
        ):
            write_csv(sheets[t(key, lang)], tmp / name, style)
        write_workbook(result, tmp / "mitoitus.xlsx", lang, budget=budget, answer=answer)
        header = t("plan_file_header", lang, name=result.scenario.name)
        (tmp / "suunnitelma.toml").write_text(plan_to_toml(plan_table(result), header), encoding="utf-8")
        figure = staffing_figure(result, lang, answer)
        for suffix in ("png", "svg"):
            save_figure(figure, tmp / f"mitoitus.{suffix}")
        (tmp / "raportti.md").write_text(markdown_report(result, lang, budget, answer), encoding="utf-8")
        header = t("toml_header_dimension", lang, n=formats.integer(result.scenario.simulation.replications, lang))
        (tmp / "scenario.toml").write_text(scenario_to_toml(result.scenario, header), encoding="utf-8")
        report_data.write(report_data.dimension_data(result, lang, answer), tmp)

    return write_folder(target, write)


__all__ = [
    "answer_lines",
    "budget_lines",
    "county_table",
    "markdown_report",
    "parts_lines",
    "scenario_table",
    "staffing_figure",
    "tables",
    "terminal_text",
    "write_dimensioning",
    "write_excel",
    "write_workbook",
]
