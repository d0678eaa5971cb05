"""Outputs of ``lsmitoitus compare``: the comparison as text for the terminal, and a folder with
the comparison as CSV and as a workbook whose cells are numbers (costs in euros, the cost
difference's P50, P10 and P90 in separate columns) that formulas can use, with each scenario's
yearly sheet after it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..budget import budget_years
from ..dimensioning import DimensioningResult, month_label
from .csvfiles import CsvStyle, csv_style, write_csv
from .dimensioning_report import yearly_sheet
from .excel import finish_table_sheet, sheet_title, write_table
from .folders import atomic_folder
from .formats import euros, number, percent
from .i18n import Lang, t

#: Kind of value of every comparison column (number formats, see .excel).
KINDS = {
    "scenario": "text",
    "clients_last_year": "count",
    "funded_posts": "posts",
    "required_last_year": "posts",
    "extra_posts": "posts",
    "units_in_breach": "count",
    "first_breach": "month",
    "assessments_started_late_share": "share",
    "assessments_completed_late_share": "share",
    "cost_last_year_p50": "euros",
    "cost_difference_p50": "euros",
    "cost_difference_p10": "euros",
    "cost_difference_p90": "euros",
}


def translated(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return table.rename(columns={c: t(c, lang) for c in table.columns})


def comparison_text(table: pd.DataFrame, lang: Lang = "fi") -> str:
    """The comparison for a terminal: numbers formatted for ``lang``, euros in millions."""
    shown = table.copy().astype(object)
    for column in table.columns:
        kind = KINDS.get(str(column), "text")
        values = table[column]
        if kind == "euros":
            shown[column] = [euros(v, lang, millions=True) for v in values]
        elif kind == "share":
            shown[column] = [percent(v, lang, 1) for v in values]
        elif kind == "month":
            shown[column] = [month_label(v) for v in values]
        elif kind in ("count", "posts"):
            shown[column] = [number(v, lang) for v in values]
    return translated(shown, lang).to_string(index=False)


def write_comparison(
    results: Sequence[DimensioningResult],
    table: pd.DataFrame,
    target: Path,
    lang: Lang = "fi",
    csv: CsvStyle | None = None,
) -> Path:
    """vertailu.csv and vertailu.xlsx (the comparison, then each scenario's yearly sheet) into a
    new folder, atomically."""
    with atomic_folder(target) as tmp:
        write_csv(translated(table, lang), tmp / "vertailu.csv", csv_style(csv, lang))
        book = Workbook()
        ws = book.active
        assert ws is not None
        ws.title = sheet_title(t("sheet_comparison", lang))
        last = write_table(ws, translated(table, lang), [KINDS.get(str(c), "number") for c in table.columns], lang)
        finish_table_sheet(ws, 1, last, len(table.columns), freeze_cols=1)
        names: set[str] = {ws.title}
        for result in results:
            name = sheet_title(result.scenario.name)
            while name in names:  # two scenarios of one name: keep both sheets
                name = sheet_title(name[:28] + f"-{len(names)}")
            names.add(name)
            yearly_sheet(book.create_sheet(name), result, budget_years(result), lang)
        book.save(tmp / "vertailu.xlsx")
    return target
