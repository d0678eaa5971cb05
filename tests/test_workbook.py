"""The planner's workbook is usable as it is: numbers with number formats (€, %, real dates),
years as columns with the county first, frozen headers and filters, a print setup that fits the
page width, native charts, the plan sheet, and every parameter marked sourced, fitted or assumed.
The comparison workbook holds numbers. CSV files open in a Finnish spreadsheet."""

from __future__ import annotations

import datetime as dt
import io
import math
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from lsmitoitus import PlanStep
from lsmitoitus.answers.budget import budget_years
from lsmitoitus.answers.comparison import comparison_table
from lsmitoitus.answers.dimensioning import DimensioningResult
from lsmitoitus.answers.staffing_answer import answer_of
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
    from lsmitoitus.reports.dimensioning_report import yearly_layout

    layout = yearly_layout(budget_years(planned_answer), answer_of(planned_answer))

    def yearly_cell(column: str) -> str:  # the answer's cells are the yearly sheet's, by reference
        return f"='Vuosittain'!{layout.columns[2026]}{layout.rows[('kaikki', 'kaikki', column)]}"

    cost = ws.cell(row_of(ws, "suunniteltujen vakanssien kustannus (€)"), 3)
    assert cost.value == yearly_cell("funded_cost") and cost.number_format == EUROS
    # compliance is per reading day (THL's monitoring days by default), not "every month"
    share = ws.cell(row_of(ws, "todennäköisyys, että raja täyttyy joka lukupäivä"), 3)
    assert share.value == yearly_cell("compliance_probability") and share.number_format == SHARE
    assert ws.cell(row_of(ws, "suunnitellut vakanssit (kpl)"), 3).value == yearly_cell("funded_posts")
    # two replications cannot carry a figure at 90 %: the requirement is the median, and says so
    assert answer_of(planned_answer).level == "p50"
    assert ws.cell(row_of(ws, "tarvittavat vakanssit, mediaani (kpl)"), 3).value == yearly_cell("required_posts")
    text = "".join(str(c.value) for c in ws["A"] if c.value)
    assert (
        "Vuoden tarve: vakanssit, joilla vuoden jokainen lukupäivä (THL:n seurantapäivät) täyttää rajan mediaanina"
        in text
    )
    assert not re.search(r"90[ \u00a0]?%", text)
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage


@pytest.mark.integration
def test_tables_have_frozen_headers_filters_real_dates_and_fit_the_page_width(workbook: Path) -> None:
    book = load_workbook(workbook)
    yearly = book["Vuosittain"]
    assert yearly.freeze_panes == "D2" and yearly.auto_filter.ref.startswith("A1:")
    assert [yearly.cell(1, c).value for c in (4, 5)] == [2025, 2026]
    assert (yearly.cell(2, 1).value, yearly.cell(2, 2).value) == ("kaikki yksiköt", "koko alue")  # the county first
    units = book["Yksiköt"]
    header = next(r for r in range(1, 20) if units.cell(r, 1).value == "yksikkö")
    assert units.auto_filter.ref.startswith(f"A{header}:")
    # a team's first failing reading day is a real date (a team that never fails has none)
    column = [c.value for c in units[header]].index("ensimmäinen lukupäivä, jona vakanssit eivät riitä") + 1
    days = [units.cell(r, column) for r in range(header + 1, units.max_row + 1)]
    days = [c for c in days if c.value is not None]
    assert days and all(isinstance(c.value, dt.datetime) and c.number_format == "d.m.yyyy" for c in days)
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
def test_every_assumption_is_in_finnish_with_its_unit_and_source(workbook: Path) -> None:
    """Issue 22, point 7: 232 of 330 assumption rows described their parameter in English, with a
    raw dotted path, decimal points and ISO dates. Now every row is Finnish words from the field
    table, Finnish numbers and dates, a unit where the value has one, a status and a source."""
    ws = load_workbook(workbook)["Skenaario ja oletukset"]
    assert [c.value for c in ws[1]] == ["parametri", "arvo", "yksikkö", "tila", "lähde tai peruste"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert 80 <= len(rows) <= 160  # an area's values and a duration's parts share a row
    text = " ".join(str(v) for row in rows for v in row if v is not None)
    assert not re.search(r"\b[a-z_]+\.[a-z_]+\b", text.replace("lsmitoitus calibrate", ""))  # no dotted paths
    assert "_" not in text.replace("lsmitoitus calibrate", "")  # no identifiers
    assert re.search(r"\b\d{1,2}\.\d{1,2}\.20\d\d\b", text)  # Finnish dates (1.1.2024) ...
    assert not re.search(r"\d\.\d", re.sub(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", "", text))  # ... and decimal commas
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)  # Finnish dates
    for english in ("True", "False", "None", "lognormal", "least_loaded", "assumed", "fitted", "sourced"):
        assert english not in text, english
    by_label = {row[0]: row for row in rows}
    forssa = by_label["Henkilöstö, avohuolto: rahoitetut vakanssit, joilla on asiakaslista (ei vastaavia)"]
    assert forssa[1:4] == ("Forssa: 6; Hämeenlinna: 17; Riihimäki: 8", "htv", "lähteestä")
    assert "tulosalue 2024" in forssa[4]
    fill = by_label["Henkilöstö, kaikki yksiköt: vakanssien täyttöaste pitkällä aikavälillä"]
    assert fill[1:4] == ("90\u00a0% (kaikilla alueilla)", "osuus", "oletus")
    assert by_label["Palvelutarpeen arviointi: arvioinnista lastensuojelun avohuollon asiakkaaksi"][3] == "sovitettu"
    cover = "Kustannukset: avoimen vakanssin paikkaus (ylityö, ostopalvelu, sijaiset) suhteessa täytettyyn vakanssiin"
    assert by_label[cover][1:4] == ("1,5", "kertaa", "oletus")
    assert {row[3] for row in rows} >= {"lähteestä", "sovitettu", "oletus"}
    assert all(row[3] and row[4] for row in rows)  # a status and a source on every row


@pytest.mark.unit
def test_every_schema_field_has_a_finnish_description_and_every_number_a_unit() -> None:
    """The Finnish field table is complete: a new parameter without Finnish words fails here."""
    import inspect

    from pydantic import BaseModel

    from lsmitoitus.reports.parameter_texts import CHOICES, FIELDS, UNITS_OF
    from lsmitoitus.scenario import schema

    models = [
        cls
        for _, cls in inspect.getmembers(schema, inspect.isclass)
        if issubclass(cls, BaseModel) and cls.__module__ == schema.__name__
    ]
    wanted = {f"{cls.__name__}.{name}" for cls in models for name in cls.model_fields}
    assert sorted(wanted - set(FIELDS)) == []
    assert sorted(set(FIELDS) - wanted) == []  # no stale entries
    plain = {"text", "group", "date", "year", "id", "choice", "bool", "plan", "cover", "teams", "units_by_state"}
    plain |= {"uncertain", "correlations"}
    for key, (words, kind) in FIELDS.items():
        assert words and words == words.strip() and "_" not in words, key
        assert kind in plain or kind in UNITS_OF, f"{key}: {kind} has no unit"
    literals = {"lognormal", "gamma", "exponential", "uniform", "queue", "least_loaded", "held", "range", "wait"}
    assert literals <= set(CHOICES)


@pytest.mark.integration
def test_the_answer_sheet_starts_with_the_answer_and_no_sheet_names_a_command(
    workbook: Path, planned_answer: DimensioningResult, cheapest_answer: DimensioningResult, tmp_path: Path
) -> None:
    """Issue 22, point 7: the answer sheet lacked the one-sentence answer and told an Excel user to
    run a command-line flag. Now its first cell is the headline's first sentence (as in every
    output), and the rest of the headline (the teams short, or the years a plan fails, and the
    extra posts) follows under the sheet's title."""
    from lsmitoitus.reports.answer import head_sentence, headline
    from lsmitoitus.text.formats import keep_together

    for result, path in ((planned_answer, workbook), (cheapest_answer, tmp_path / "halvin.xlsx")):
        if not path.exists():
            write_workbook(result, path)
        book = load_workbook(path)
        first, whole = head_sentence(answer_of(result), "fi"), headline(result)
        assert whole.startswith(first + " ")
        assert book["Vastaus"]["A1"].value == keep_together(first)
        assert book["Vastaus"]["A3"].value == keep_together(whole[len(first) + 1 :])
        for ws in book.worksheets:
            for row in ws.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, str) and not value.startswith("="):
                        assert not re.search(r"(^|\s)--[a-z]", value) and "lsmitoitus dimension" not in value, value


@pytest.mark.integration
def test_the_cheapest_plan_is_steady_and_keeps_county_wide_teams_whole(cheapest_answer: DimensioningResult) -> None:
    """Issue 22, point 7: the cheapest plan went +7, −3, +2 posts in consecutive years and split a
    county-wide team into a row per area. Now each team's planned posts are its requirement (at the
    answer's stated level, in whole posts) held steady (added, and removed only when no later year
    needs them), a team a row per change; aftercare, whose clients the law does not count, keeps
    its funded posts."""
    from lsmitoitus.answers.plans import cheapest_plan, stated_column, steady, with_plan
    from lsmitoitus.model.posts import posts_on

    result = cheapest_answer
    plan = cheapest_plan(result)
    # the plan meets the answer at its stated level: two replications carry no 90 %, so the median
    column = stated_column(result)
    assert column == "required_posts_p50"
    without = with_plan(result.scenario, [])
    yearly = result.yearly
    pairs = {(u, team) for u, team in zip(yearly["unit"], yearly["team"], strict=True) if "kaikki" not in (u, team)}
    for unit, team in pairs:
        rows = yearly[(yearly["unit"] == unit) & (yearly["team"] == team)].sort_values("year")
        rows = rows[(rows["year"] >= result.target_from.year) & rows[column].notna()]
        areas = result.scenario.organisation.team_areas(unit, result.scenario.area_names)[team]
        if unit == "jalkihuolto":  # a legal requirement of 0: no step cuts its posts
            assert not [s for s in plan if s.unit == unit]
            continue
        whole = [float(math.ceil(v - 1e-6)) for v in rows[column]]
        levels = []
        for year in rows["year"]:
            day = dt.date(int(year), 1, 1)
            added = sum(s.change for s in plan if s.unit == unit and s.area in areas and s.start <= day)
            levels.append(posts_on(without, unit, team, day) + added)
        assert levels == pytest.approx(steady(whole))
        assert all(a >= b - 1e-6 for a, b in zip(levels, rows[column], strict=True))  # meets the target
        for day in {s.start for s in plan if s.unit == unit and s.area in areas}:
            assert sum(1 for s in plan if s.unit == unit and s.area in areas and s.start == day) == 1
    # the budget line prices the plan it proposes, which holds posts a year's requirement may not need
    from lsmitoitus.reports.dimensioning_report import budget_lines, plan_cost, planning_years
    from lsmitoitus.text.formats import euros

    years = planning_years(result)
    budget = budget_years(result)
    county = budget[(budget["unit"] == "kaikki") & (budget["team"] == "kaikki")].set_index("year").loc[years]
    held = plan_cost(result, plan, years)
    assert held >= float(county["required_cost"].sum()) - 1e-6  # the requirement at the stated level
    assert euros(held - float(county["funded_cost"].sum()), "fi", millions=True) in budget_lines(result)[0]
    assert steady([20, 27, 24, 26]) == [20, 27, 26, 26]  # +7, −3, +2: +7, then −1 as 27 is never needed again
    assert steady([20, 22, 21, 20]) == [20, 22, 21, 20]  # a requirement that falls for good


def recalculated(path: Path, out: Path) -> Any:
    """The workbook as LibreOffice computes it (its formulas' values), read back."""
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "xlsx", "--outdir", str(out), str(path)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, "HOME": str(out)},  # its own profile: no clash with a running LibreOffice
    )
    assert done.returncode == 0, done.stderr
    return load_workbook(out / path.name, data_only=True)


@pytest.mark.integration
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_totals_are_formulas_that_follow_a_planners_edits(
    workbook: Path, planned_answer: DimensioningResult, tmp_path: Path
) -> None:
    """Issue 22, point 7: totals were values, so a planner's edit of a team's posts changed
    nothing else. Now the units', the county's and the answer sheet's totals, gaps and euros are
    formulas: computed by LibreOffice they equal the model's numbers, and they follow an edit."""
    from lsmitoitus.reports.dimensioning_report import yearly_layout

    budget = budget_years(planned_answer)
    layout = yearly_layout(budget, answer_of(planned_answer))
    book = load_workbook(workbook)
    yearly = book["Vuosittain"]
    county = layout.rows[("kaikki", "kaikki", "required_posts")]  # at the stated level
    assert str(yearly[f"E{county}"].value).startswith("=")  # the county's posts: its teams' sum
    computed = recalculated(workbook, tmp_path / "laskettu")
    compared = 0
    for (unit, team, column), row in layout.rows.items():
        for year, letter in layout.columns.items():
            expected = budget[(budget["unit"] == unit) & (budget["team"] == team) & (budget["year"] == year)][column]
            got = computed["Vuosittain"][f"{letter}{row}"].value
            if not pd.isna(expected.iloc[0]):
                assert got == pytest.approx(float(expected.iloc[0]), abs=1e-6), (unit, team, column, year)
                compared += 1
    assert compared > 0.8 * len(layout.rows) * len(layout.columns)

    forssa = layout.rows[("avohuolto", "Forssa", "funded_posts")]
    forssa_fte = layout.rows[("avohuolto", "Forssa", "funded_fte_years")]
    before = computed["Vuosittain"]
    gap = layout.rows[("kaikki", "kaikki", "gap_posts")]
    cost = layout.rows[("kaikki", "kaikki", "total_cost_funded")]
    answer_gap = row_of(book["Vastaus"], "vaje (kpl, + = puuttuu)")
    yearly["E" + str(forssa)] = float(yearly["E" + str(forssa)].value) + 2  # two more posts in 2026
    yearly["E" + str(forssa_fte)] = float(yearly["E" + str(forssa_fte)].value) + 2
    edited = tmp_path / "muokattu" / "mitoitus.xlsx"
    edited.parent.mkdir()
    book.save(edited)
    after = recalculated(edited, tmp_path / "muokattu-laskettu")
    assert after["Vuosittain"][f"E{gap}"].value == pytest.approx(before[f"E{gap}"].value - 2)
    price = after["Vuosittain"][f"E{layout.price_row}"].value
    assert after["Vuosittain"][f"E{cost}"].value == pytest.approx(before[f"E{cost}"].value + 2 * price)
    assert after["Vastaus"].cell(answer_gap, 3).value == pytest.approx(before[f"E{gap}"].value - 2)


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
    assert raw.decode("utf-8-sig").splitlines()[:2] == ["alue;vakanssit;päivä", "Hämeenlinna;17,5;1.3.2026"]
    back = read_csv(raw, "fi", parse_dates=["päivä"])
    pd.testing.assert_frame_equal(back, frame, check_dtype=False)  # Finnish dates (1.3.2026) read back
    machine = csv_bytes(frame, "en")
    assert machine.decode("utf-8").splitlines()[1] == "Hämeenlinna,17.5,2026-03-01"
    pd.testing.assert_frame_equal(pd.read_csv(io.BytesIO(machine), parse_dates=["päivä"]), frame)
