"""The planner's workbook is usable as it is: numbers with number formats (€, %, real dates),
years as columns with the county first, frozen headers and filters, a print setup that fits the
page width, native charts, the plan sheet, and every parameter marked sourced, fitted or assumed.
The comparison workbook holds numbers. CSV files open in a Finnish spreadsheet."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from lsmitoitus import PlanStep
from lsmitoitus.answers.budget import budget_years
from lsmitoitus.answers.comparison import comparison_table
from lsmitoitus.answers.dimensioning import DimensioningResult
from lsmitoitus.reports.comparison_report import write_comparison
from lsmitoitus.reports.csvfiles import csv_bytes, read_csv
from lsmitoitus.reports.dimensioning_report import write_workbook
from lsmitoitus.reports.excel import number_format
from lsmitoitus.reports.plan_files import read_plan
from lsmitoitus.text.i18n import t

EUROS = number_format("euros", "fi")
SHARE = number_format("share", "fi")


@pytest.fixture(scope="module")
def workbook(planned_answer: DimensioningResult, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("wb") / "mitoitus.xlsx"
    write_workbook(planned_answer, path)
    return path


def row_of(ws: Worksheet, text: str, column: int = 1) -> int:
    found = [c.row for c in ws.iter_cols(min_col=column, max_col=column).__next__() if c.value == text]
    assert found, text
    return found[0]


@pytest.mark.integration
def test_the_answer_sheet_has_the_county_by_year_as_numbers(workbook: Path, planned_answer: DimensioningResult) -> None:
    book = load_workbook(workbook)
    assert book.sheetnames[:3] == ["Vastaus", "Suunnitelma", "Vuosittain"]
    ws = book["Vastaus"]
    header = row_of(ws, t("county_table"))
    assert [ws.cell(header, c).value for c in (2, 3)] == [2025, 2026]  # years as columns, as numbers
    budget = budget_years(planned_answer)
    county = budget[(budget["unit"] == "kaikki") & (budget["year"] == 2026)].iloc[0]
    cost = ws.cell(row_of(ws, "suunniteltujen vakanssien kustannus (€)"), 3)
    assert cost.value == pytest.approx(county["funded_cost"]) and cost.number_format == EUROS
    share = ws.cell(row_of(ws, t("compliance_all_months")), 3)
    assert 0 <= share.value <= 1 and share.number_format == SHARE  # 0.25 shown as 25 %, not 0.25
    assert ws.cell(row_of(ws, "suunnitellut vakanssit (kpl)"), 3).value == county["funded_posts"]
    assert "Vuoden tarve: vakanssit, joilla vuoden jokainen kuukausi pysyy tavoitteen alla" in "".join(
        str(c.value) for c in ws["A"] if c.value
    )
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


@pytest.mark.integration
def test_tables_have_frozen_headers_filters_real_dates_and_fit_the_page_width(workbook: Path) -> None:
    book = load_workbook(workbook)
    yearly = book["Vuosittain"]
    assert yearly.freeze_panes == "D2" and yearly.auto_filter.ref.startswith("A1:")
    assert [yearly.cell(1, c).value for c in (4, 5)] == [2025, 2026]
    assert (yearly.cell(2, 1).value, yearly.cell(2, 2).value) == ("kaikki yksiköt", "koko alue")  # the county first
    monthly = book["Kuukausittain"]
    assert monthly.freeze_panes == "A2" and monthly.auto_filter.ref
    first = monthly.cell(2, 1)
    assert isinstance(first.value, dt.datetime) and first.number_format == "m/yyyy"
    for ws in book.worksheets:
        assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0, ws.title
        widths = [ws.column_dimensions[letter].width for letter in "ABC"]
        assert all(w and 8 <= w <= 100 for w in widths), (ws.title, widths)


@pytest.mark.integration
def test_the_workbook_has_native_charts_on_the_answer_sheet(workbook: Path) -> None:
    with zipfile.ZipFile(workbook) as archive:
        names = archive.namelist()
        charts = sorted(n for n in names if n.startswith("xl/charts/chart"))
        assert len(charts) == 2
        xml = " ".join(archive.read(n).decode("utf-8") for n in charts)
        assert "<lineChart>" in xml and "<barChart>" in xml
        assert "'Vastaus'!$B$" in xml  # the series are cells of the answer sheet's county table


@pytest.mark.integration
def test_the_plan_sheet_holds_the_plan_and_reads_back(
    workbook: Path, planned_answer: DimensioningResult, budget_plan: list[PlanStep]
) -> None:
    ws = load_workbook(workbook)["Suunnitelma"]
    assert [c.value for c in ws[1]][:5] == ["alkaa", "yksikkö", "alue", "muutos (htv)", "vastaava"]
    assert isinstance(ws.cell(2, 1).value, dt.datetime)
    back = read_plan(workbook, planned_answer.scenario)
    assert back == sorted(budget_plan, key=lambda s: s.start)


@pytest.mark.integration
def test_every_parameter_is_marked_sourced_fitted_or_assumed(workbook: Path) -> None:
    ws = load_workbook(workbook)["Skenaario ja oletukset"]
    assert [c.value for c in ws[1]] == [
        "parametri",
        "arvo",
        "tila",
        "lähde tai peruste",
        "kuvaus (yksikkö ja merkitys)",
    ]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["staffing.avohuolto.Forssa.social_workers"][2] == "lähteestä"
    assert "tulosalue 2024" in rows["staffing.avohuolto.Forssa.social_workers"][3]
    assert rows["arviointi.p_avohuolto"][2] == "sovitettu"
    assert rows["staffing.avohuolto.Forssa.fill_rate"][2] == "oletus"
    assert rows["staffing.avohuolto.Forssa.absences.sick_leave_mean_days"][2:4] == ("oletus", "ei merkintää: oletus")
    assert {r[2] for r in rows.values()} == {"lähteestä", "sovitettu", "oletus"}


@pytest.mark.integration
def test_the_comparison_workbook_holds_numbers(
    planned_answer: DimensioningResult, cheapest_answer: DimensioningResult, tmp_path: Path
) -> None:
    """Issue 13: differences were text such as "+7.89 [+4.15, +8.87]"; now P50, P10 and P90 are
    numbers in their own columns, in euros, so a formula can use them."""
    table = comparison_table([cheapest_answer, planned_answer])
    write_comparison([cheapest_answer, planned_answer], table, tmp_path / "vertailu")
    ws = load_workbook(tmp_path / "vertailu" / "vertailu.xlsx").worksheets[0]
    header = [c.value for c in ws[1]]
    columns = [header.index(t(k)) + 1 for k in ("cost_difference_p50", "cost_difference_p10", "cost_difference_p90")]
    base, other = ([ws.cell(r, c) for c in columns] for r in (2, 3))
    assert [c.value for c in base] == [0.0, 0.0, 0.0]  # the first scenario against itself
    p50, p10, p90 = (c.value for c in other)
    assert all(isinstance(v, float) for v in (p50, p10, p90)) and p10 <= p50 <= p90
    assert all(c.number_format == EUROS for c in other)
    assert p50 == pytest.approx(float(table["cost_difference_p50"].iloc[1]))
    csv = read_csv(tmp_path / "vertailu" / "vertailu.csv", "fi")
    assert csv[t("cost_difference_p50")].iloc[1] == pytest.approx(p50)


@pytest.mark.unit
def test_finnish_csv_opens_in_columns_with_decimal_commas_and_reads_back() -> None:
    frame = pd.DataFrame(
        {
            "alue": ["Hämeenlinna", "Forssa"],
            "vakanssit": [17.5, 6.0],
            "päivä": pd.to_datetime(["2026-03-01", "2026-12-31"]),
        }
    )
    raw = csv_bytes(frame, "fi")
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark a spreadsheet needs to see UTF-8
    assert raw.decode("utf-8-sig").splitlines()[:2] == ["alue;vakanssit;päivä", "Hämeenlinna;17,5;2026-03-01"]
    back = read_csv(raw, "fi", parse_dates=["päivä"])
    pd.testing.assert_frame_equal(back, frame)
    machine = csv_bytes(frame, "en")
    assert machine.decode("utf-8").splitlines()[1] == "Hämeenlinna,17.5,2026-03-01"
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(machine), parse_dates=["päivä"]), frame)
