"""Outputs of ``lsmitoitus compare``: a folder with
the comparison as CSV and as a workbook whose cells are numbers (costs in euros, the cost
difference's P50, P10 and P90 in separate columns) that formulas can use, with each scenario's
yearly sheet after it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

from ..answers.budget import budget_years
from ..answers.dimensioning import DimensioningResult
from ..text.i18n import Lang, t
from . import report_data
from .csvfiles import CsvStyle, csv_style, write_csv
from .dimensioning_report import yearly_sheet
from .excel import finish_table_sheet, save_workbook, sheet_title, write_table
from .folders import write_folder

#: Kind of value of every comparison column (number formats, see .excel).
KINDS = {
    "scenario": "text",
    "clients_last_year": "count",
    "funded_posts": "posts",
    "required_last_year": "posts",
    "extra_posts": "posts",
    "units_in_breach": "count",
    "first_breach": "date",
    "assessments_started_late_share": "share",
    "assessments_completed_late_share": "share",
    "cost_last_year_p50": "euros",
    "cost_difference_p50": "euros",
    "cost_difference_p10": "euros",
    "cost_difference_p90": "euros",
}


def translated(table: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return table.rename(columns={c: t(c, lang) for c in table.columns})


def write_comparison(
    results: Sequence[DimensioningResult],
    table: pd.DataFrame,
    target: Path,
    lang: Lang = "fi",
    csv: CsvStyle | None = None,
) -> Path:
    """vertailu.csv and vertailu.xlsx (the comparison, then each scenario's yearly sheet) into a
    new folder, atomically."""

    def write(tmp: Path) -> None:
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
        save_workbook(book, tmp / "vertailu.xlsx")
        report_data.write(report_data.compare_data(results, lang), tmp)

    return write_folder(target, write)
