"""Workbooks a planner uses as they are: numbers stored as numbers with Excel number formats
(thousands separators, €, %, real dates), bold wrapped headers, frozen header rows, filters,
readable column widths and a print setup that fits the page width.

Number formats are Excel format codes (``#,##0`` groups thousands, ``0 %`` shows a share as a
percentage); the spreadsheet renders them in the reader's locale, so a Finnish Excel or
LibreOffice shows 1 493 637 € and 25 %. Dates follow the output language (1.3.2026 in Finnish).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any, Literal

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..text.i18n import Lang

Kind = Literal["text", "year", "count", "posts", "euros", "share", "days", "date", "month", "number"]

#: Excel number format of each kind of value (dates by language).
FORMATS: dict[str, str] = {
    "year": "0",
    "count": "#,##0",
    "posts": "#,##0.0",
    "euros": '#,##0" €"',
    "share": "0 %",  # % scales by 100: 0.25 shows as 25 %
    "days": "#,##0.0",
    "number": "#,##0.0##",
}
DATE_FORMATS: dict[str, dict[str, str]] = {
    "date": {"fi": "d.m.yyyy", "en": "d mmm yyyy"},
    "month": {"fi": "m/yyyy", "en": "mmm yyyy"},
}
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
TITLE_FONT = Font(bold=True, size=14)
BOLD = Font(bold=True)
#: Widest column (characters) and the narrowest.
MAX_WIDTH, MIN_WIDTH = 50, 8


def number_format(kind: str, lang: Lang) -> str | None:
    """The Excel format code of ``kind`` (None: general, for text)."""
    if kind in DATE_FORMATS:
        return DATE_FORMATS[kind][lang]
    return FORMATS.get(kind)


def cell_value(value: Any) -> Any:
    """A value openpyxl stores as a number, date or text (NaN and NaT become empty cells)."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dt.datetime | dt.date | int | float | str | bool):
        return value
    return str(value)


def kind_of(series: pd.Series) -> Kind:
    """A kind for a column of unknown meaning, from its type."""
    if pd.api.types.is_datetime64_any_dtype(series):
        return "date"
    if pd.api.types.is_integer_dtype(series):
        return "count"
    if pd.api.types.is_float_dtype(series):
        return "number"
    return "text"


def write_header(ws: Worksheet, row: int, col: int, names: Sequence[Any]) -> None:
    for j, name in enumerate(names):
        cell = ws.cell(row=row, column=col + j, value=cell_value(name))
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def write_table(
    ws: Worksheet,
    frame: pd.DataFrame,
    kinds: Sequence[str],
    lang: Lang,
    row: int = 1,
    col: int = 1,
    header: Sequence[str] | None = None,
) -> int:
    """``frame`` with a header row at ``row``; each column formatted as its kind. Returns the
    last row written."""
    write_header(ws, row, col, [str(c) for c in (header if header is not None else frame.columns)])
    formats = [number_format(k, lang) for k in kinds]
    for i, values in enumerate(frame.itertuples(index=False, name=None), start=row + 1):
        for j, value in enumerate(values):
            cell = ws.cell(row=i, column=col + j, value=cell_value(value))
            if formats[j] is not None:
                cell.number_format = formats[j]
    return row + len(frame)


def set_widths(ws: Worksheet, widths: Mapping[int, float] | None = None, header_row: int | None = 1) -> None:
    """Columns as wide as their values (headers wrap, so count less), within limits; explicit
    ``widths`` (column number -> characters) win."""
    measured: dict[int, float] = {}
    for column in ws.iter_cols():
        for cell in column:
            if cell.value is None or type(cell).__name__ == "MergedCell":
                continue
            if isinstance(cell.value, float | int) and not isinstance(cell.value, bool):
                length = len(f"{cell.value:,.1f}") + 2
            elif isinstance(cell.value, dt.date):
                length = 11
            else:
                text = str(cell.value)
                length = len(text) if cell.row != header_row else min(len(text), 18)
            measured[cell.column] = max(measured.get(cell.column, 0), length)
    for column, width in {**measured, **(widths or {})}.items():
        ws.column_dimensions[get_column_letter(column)].width = max(MIN_WIDTH, min(MAX_WIDTH, width + 1))


def header_height(ws: Worksheet, row: int) -> None:
    """A header row tall enough for its wrapped texts (spreadsheets do not all grow it)."""
    lines = 1
    for cell in ws[row]:
        if cell.value is None:
            continue
        width = ws.column_dimensions[cell.column_letter].width or 10
        lines = max(lines, math.ceil(len(str(cell.value)) / max(1.0, width - 1)))
    ws.row_dimensions[row].height = 15 * min(lines, 6)


def fit_rows(ws: Worksheet, first: int = 1, last: int | None = None, size: float = 11.0) -> None:
    """Rows as tall as their wrapped texts: spreadsheets do not all grow a row on opening, and
    never one with merged cells. The lines are estimated from the column widths (a width unit
    holds about 1.15 characters of ordinary 11-point text; ``size``: the font's points)."""
    per_unit, line_height = 1.15 * 11.0 / size, 15.0 * size / 11.0
    spans = {rng.min_row: rng for rng in ws.merged_cells.ranges if rng.min_row == rng.max_row}
    for row in range(first, (last or ws.max_row) + 1):
        lines = 1
        for cell in ws[row]:
            if cell.value is None or not cell.alignment.wrap_text:
                continue
            span = spans.get(row)
            columns = range(span.min_col, span.max_col + 1) if span and span.min_col == cell.column else [cell.column]
            width = sum(ws.column_dimensions[get_column_letter(c)].width or 10 for c in columns)
            text_lines = str(cell.value).splitlines() or [""]
            lines = max(lines, sum(max(1, math.ceil(len(line) / (per_unit * width))) for line in text_lines))
        if lines > 1 or any(c.alignment.wrap_text for c in ws[row] if c.value is not None):
            ws.row_dimensions[row].height = round(line_height * lines, 1)


def print_setup(ws: Worksheet, landscape: bool = True, title_rows: str | None = None) -> None:
    """A4, fitted to the page width (as many pages down as needed), narrow margins."""
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.5
    if title_rows:
        ws.print_title_rows = title_rows


def finish_table_sheet(
    ws: Worksheet, header_row: int, last_row: int, n_cols: int, freeze_cols: int = 0, landscape: bool = True
) -> None:
    """Frozen header, a filter on the table, widths, a header tall enough, print setup."""
    ws.freeze_panes = ws.cell(row=header_row + 1, column=freeze_cols + 1)
    if last_row > header_row:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(n_cols)}{last_row}"
    set_widths(ws, header_row=header_row)
    header_height(ws, header_row)
    print_setup(ws, landscape, f"{header_row}:{header_row}")


def sheet_title(name: str) -> str:
    """A valid sheet name (at most 31 characters, none of []:*?/\\)."""
    return "".join(c for c in name if c not in "[]:*?/\\")[:31]


OWN_FORMULAS = "_lsmitoitus_own_formulas"  # the workbook's record of the formulas it wrote itself


def own_formula(cell: Any, formula: str) -> None:
    """Write one of the workbook's own formulas (a total over its teams' rows, a gap, a reference
    to another sheet): kept as a formula when the workbook is saved (:func:`save_workbook`)."""
    cell.value = formula
    book = cell.parent.parent
    if not hasattr(book, OWN_FORMULAS):
        setattr(book, OWN_FORMULAS, set())
    getattr(book, OWN_FORMULAS).add((cell.parent.title, cell.coordinate))


def save_workbook(book: Workbook, path: Path | IO[bytes]) -> None:
    """Save ``book``, every text as text: openpyxl stores a string that starts with ``=`` as a
    formula, so an area called ``=HYPERLINK(…)`` would become a live formula. Only the formulas
    the workbook wrote itself (:func:`own_formula`) stay formulas; any other formula cell is a text
    that looked like one."""
    own: set[tuple[str, str]] = getattr(book, OWN_FORMULAS, set())
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" and (ws.title, cell.coordinate) not in own:
                    cell.data_type = "s"
    book.save(path)


def write_excel(
    sheets: Mapping[str, pd.DataFrame], path: Path, lang: Lang = "fi", kinds: Mapping[str, Sequence[str]] | None = None
) -> None:
    """One formatted sheet per table. ``kinds``: sheet name -> kind of each column (else from
    the column types)."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        ws = book.create_sheet(sheet_title(name))
        column_kinds = (kinds or {}).get(name) or [kind_of(frame[c]) for c in frame.columns]
        last = write_table(ws, frame, column_kinds, lang)
        finish_table_sheet(ws, 1, last, len(frame.columns))
    save_workbook(book, path)
