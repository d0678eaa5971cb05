"""The staffing answer every output tells (issues 18, 21 and 22): the headline names its year,
reading, practice and Monte-Carlo error; no figure is stated at 90 % that its replications cannot
carry; the terminal, the workbook, raportti.json, the board report and the app tell the same story
(the same county requirement, the same short teams from the same days); the parts add up to the
headline wherever they are shown; aftercare is answered by the law; a run's report agrees with the
dimensioning of the same scenario; the app's what-if answers with the difference from its base."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest

from lsmitoitus import Scenario, simulate
from lsmitoitus.answers.dimensioning import DimensioningResult, dimension
from lsmitoitus.answers.dimensioning_tables import PARTS
from lsmitoitus.answers.staffing_answer import answer_of, funded_check, funded_compliance
from lsmitoitus.app import logic
from lsmitoitus.reports import report_data
from lsmitoitus.reports.answer import (
    head_sentence,
    headline,
    parts_table,
    reading_lines,
    team_table,
    uncertainty_line,
)
from lsmitoitus.reports.dimensioning_report import terminal_text, write_dimensioning, write_workbook
from lsmitoitus.reports.report import report_context, report_html
from lsmitoitus.reports.summary import summary_text
from lsmitoitus.scenario.files import deep_merge
from lsmitoitus.text import formats
from lsmitoitus.text.i18n import Lang, t
from lsmitoitus.text.labels import team_label

READINGS_AND_PRACTICES = {
    ("monitoring_days", "round_robin"),
    ("monitoring_days", "managed"),
    ("month_ends", "round_robin"),
    ("month_ends", "managed"),
    ("mean_list", "kaikki"),
}


def plain(text: str) -> str:
    """Spaces as spaces (no-break spaces and word joiners are how the outputs keep units with
    their numbers), runs of white space as one."""
    return " ".join(text.replace("\u00a0", " ").replace("\u2060", "").split())


NINETY = re.compile(r"90[ \u00a0]?%")


@pytest.mark.integration
def test_the_headline_names_its_year_reading_practice_and_error(carried_answer: DimensioningResult) -> None:
    """Issue 18, points 3 and 5: "34 lisävakanssia" named no year, no reading, no practice and no
    error. Now the first sentence says in which year how many posts are needed, with the
    requirement's 95 % Monte-Carlo error, at which level, under which reading and practice, and the
    gap to the funded posts; the next names every short team with its first short year and its
    extra posts; one sentence per other reading and practice follows, and the uncertainty."""
    answer = answer_of(carried_answer)
    assert answer.carried and answer.level == "conf" and answer.headline_year == 2026
    year = answer.year(2026)
    text = headline(answer, "fi")
    found = re.match(
        r"Vuonna 2026 tarvitaan (\d+) vakanssia \(±(\d+,\d); 90 %:n varmuudella THL:n seurantapäivinä, "
        r"nykyisellä käytännöllä\), rahoitettuja on 48: vaje (\d+)\. ",
        text,
    )
    assert found, text
    assert int(found[1]) == round(year["required"]) and int(found[3]) == round(year["required"]) - 48
    assert found[2] == formats.number(year["half_width"], "fi", 1) and year["half_width"] > 0
    assert answer.short_teams
    for team in answer.short_teams:
        named = f"{t(team.unit)} ({team_label(team.team, 'fi')}) vuodesta {team.short_years[0]} (+{team.extra_posts})"
        assert named in text
    english = headline(answer, "en")
    assert english.startswith("In 2026, ") and "with 90 % confidence on THL's monitoring days, under today's" in english
    lines = reading_lines(answer, "fi")
    assert (
        lines[0].startswith("Keskimääräinen lista (laskettavat lapset ÷ raja")
        and "raja täyttyy keskimäärin" in lines[0]
    )
    managed = next(line for line in lines if line.startswith("Hallituilla listoilla"))
    assert "listojen hallinta säästää" in managed and "kertaa vuodessa" in managed
    assert any(line.startswith("Jokaisen kuukauden lopussa tarvitaan") for line in lines)
    uncertainty = uncertainty_line(answer, "fi")
    assert uncertainty.startswith(f"Epävarmuus: {round(year['required'])} vakanssia riittää 90 %:ssa")
    assert "(40 toistoa)" in uncertainty and "95 %:n luottamusväli" in uncertainty


@pytest.mark.e2e
def test_no_figure_at_90_percent_from_20_replications(tmp_path: Path) -> None:
    """Issue 18, point 3: 20 replications cannot carry a 0.9 quantile (an order-statistic interval
    needs 36), so nothing the dimensioning prints, writes or reports states a figure at "90 %": the
    figures are medians and the answer says so (the scenario's fill rate of 90 % in the assumptions
    is no such figure and is left out of the check)."""
    scenario = tmp_path / "lyhyt.toml"
    scenario.write_text(
        'extends = "kanta-hame"\nname = "lyhyt"\n[simulation]\nstart = 2025-01-01\nend = 2026-12-31\n'
        "warmup_years = 3\n",
        encoding="utf-8",
    )
    out = tmp_path / "mitoitus"
    done = subprocess.run(
        [sys.executable, "-m", "lsmitoitus", "dimension", str(scenario), "-n", "20", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "mediaanina" in done.stdout and "20 toistoa ei riitä varmuustason lukuun" in done.stdout
    assert not NINETY.search(done.stdout), [line for line in done.stdout.splitlines() if NINETY.search(line)]
    texts = {name: (out / name).read_text(encoding="utf-8-sig") for name in ("raportti.md",)}
    texts |= {p.name: p.read_text(encoding="utf-8-sig") for p in out.glob("mitoitus_*.csv")}
    book = openpyxl.load_workbook(out / "mitoitus.xlsx")
    for ws in book.worksheets:
        if ws.title != "Skenaario ja oletukset":
            texts[ws.title] = "\n".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None)
    data = report_data.parse(json.loads((out / "raportti.json").read_text(encoding="utf-8")))
    html = report_html(data, "fi")
    texts["raportti.html"] = html[: html.index(t("report_assumptions", "fi"))]  # up to the assumptions
    wrong = {name: NINETY.findall(text) for name, text in texts.items() if NINETY.search(text)}
    assert wrong == {}
    assert data.answer["level"] == "p50" and data.answer["carried"] is False


@pytest.mark.integration
def test_terminal_workbook_json_report_and_app_tell_the_same_answer(
    carried_answer: DimensioningResult, tmp_path: Path
) -> None:
    """Issue 22, point 1: dimension, the report and the app disagreed about which units breach and
    from when. Every output renders one answer: the same first sentence, the same county
    requirement, the same short teams with the same first failing days and extra posts."""
    answer = answer_of(carried_answer)
    first = head_sentence(answer, "fi")
    county = round(answer.year(answer.headline_year)["required"])
    short = {(x.unit, x.team): (x.first_failing_day, x.extra_posts) for x in answer.short_teams}
    assert short
    # the terminal
    terminal = terminal_text(carried_answer, "fi", answer)
    assert terminal.startswith(first)
    rows = [line for line in terminal.splitlines() if re.match(r"(avohuolto|sijaishuolto|jälkihuolto), ", line)]
    for (unit, team), (day, extra) in short.items():
        row = next(r for r in rows if r.startswith(f"{t(unit)}, {team_label(team, 'fi')} "))
        assert formats.date(day, "fi") in row and re.search(rf"\s{extra}\s+\d+,\d\d\u00a0M€$", row), row
    # the workbook's answer sheet: the sentence first, then the teams as numbers
    path = tmp_path / "mitoitus.xlsx"
    write_workbook(carried_answer, path, "fi", answer=answer)
    sheet = openpyxl.load_workbook(path)["Vastaus"]
    assert plain(str(sheet["A1"].value)) == plain(first)
    cells = {str(r[0].value): [c.value for c in r] for r in sheet.iter_rows() if r[0].value}
    for (unit, team), (day, extra) in short.items():
        values = cells[f"{t(unit)}, {team_label(team, 'fi')}"]
        assert day is not None and formats.date(day, "fi") in values and extra in values
    # raportti.json
    data = report_data.dimension_data(carried_answer, "fi", answer)
    stored = data["answer"]
    assert round(stored["required_posts"]) == county and stored["year"] == answer.headline_year
    assert {(x["unit"], x["team"]): (x["first_failing_day"], x["extra_posts"]) for x in stored["short_teams"]} == {
        k: (d.isoformat() if d else None, e) for k, (d, e) in short.items()
    }
    # the board report, read back from raportti.json without simulating
    parsed = report_data.parse(json.loads(json.dumps(data)))
    context = report_context(parsed, "fi")
    assert context["answer"] == [first]
    table = context["answer_tables"][0][1][0]
    assert table.rows == team_table(answer, "fi").astype(str).to_numpy().tolist()
    # the app renders the same answer of the same result
    whatif = logic.WhatIf(base=carried_answer, edited=carried_answer, done=40, total=40)
    assert logic.headline(whatif, "fi") == first
    assert logic.answer_table(whatif, "fi").equals(team_table(answer, "fi"))
    assert logic.answer_lines(whatif, "fi")[0] == headline(answer, "fi")


@pytest.mark.integration
def test_the_apps_live_answer_is_the_dimensioning_of_the_same_replications(budget_scenario: Scenario) -> None:
    """The app answers from replications it runs a batch at a time (headline first, the other
    practice and the parts after): the same seeds give the same answer as `dimension`."""
    scenario = budget_scenario.with_overrides(replications=4, seed=5)
    store: logic.Store = {}
    updates: list[int] = []
    whatif = logic.run_whatif(scenario, scenario, None, 0.9, 4, store=store, update=lambda w: updates.append(w.done))
    assert whatif.final and not whatif.full and whatif.edited is whatif.base
    reference = answer_of(dimension(scenario, replications=4, seed=5, jobs=2))
    live = answer_of(whatif.edited)
    pd.testing.assert_frame_equal(live.county, reference.county)
    assert live.teams == reference.teams
    full = answer_of(logic.complete(whatif, None, store).edited)
    pd.testing.assert_frame_equal(full.readings, reference.readings)
    assert full.parts_of() == pytest.approx(reference.parts_of())


@pytest.mark.integration
def test_raportti_json_rows_carry_every_reading_and_allocation(carried_answer: DimensioningResult) -> None:
    """Issue 18, point 7: analysts and notebooks read every reading of the law and every practice
    as rows with the fields ``reading`` and ``allocation`` (strict JSON: no NaN)."""
    text = json.dumps(report_data.dimension_data(carried_answer), allow_nan=False)
    rows = json.loads(text)["answer"]["rows"]
    assert {(r["reading"], r["allocation"]) for r in rows} == READINGS_AND_PRACTICES
    for field in ("year", "unit", "team", "funded_posts", "required_posts", "required_posts_se", "level", "carried"):
        assert all(field in r for r in rows), field
    county = [r for r in rows if r["unit"] == "kaikki" and r["team"] == "kaikki" and r["headline"]]
    assert [r["year"] for r in county] == [2025, 2026]
    assert {r["team"] for r in rows if r["unit"] == "avohuolto"} == {"Forssa", "Hämeenlinna", "Riihimäki", "kaikki"}
    answer = answer_of(carried_answer)
    assert county[-1]["required_posts"] == pytest.approx(answer.year(2026)["required"])


@pytest.mark.integration
def test_the_parts_add_up_and_read_the_same_everywhere(carried_answer: DimensioningResult, tmp_path: Path) -> None:
    """Issue 18, point 4: the parts (mean list, month-to-month, whole posts, vacancies, absences,
    uneven lists, confidence) add up to the headline in every year, each with its meaning, and the
    terminal, the workbook and the board report show the same parts."""
    answer = answer_of(carried_answer)
    for year in answer.years:
        parts = answer.parts_of(year)
        assert sum(parts[p] for p in PARTS) == pytest.approx(parts["required"], abs=1e-9)
        assert parts["required"] == pytest.approx(answer.year(year)["required"])
    table = parts_table(answer, "fi")
    assert list(table.iloc[:, 0])[:-1] == [t(f"part_{p}") if p != "confidence" else "varmuusmarginaali" for p in PARTS]
    assert all(table.iloc[:-1, 2].str.len() > 10)  # every part says what it means
    terminal = terminal_text(carried_answer, "fi", answer)
    for label, posts, meaning in table.astype(str).to_numpy().tolist()[:-1]:
        assert re.search(rf"{re.escape(label)}\s+{re.escape(posts)}\s+{re.escape(meaning)}", terminal)
    path = tmp_path / "mitoitus.xlsx"
    write_workbook(carried_answer, path, "fi", answer=answer)
    sheet = openpyxl.load_workbook(path)["Vastaus"]
    values: dict[str, Any] = {
        str(r[0].value): r[1].value for r in sheet.iter_rows() if r[0].value in set(table.iloc[:, 0])
    }
    assert values[str(table.iloc[0, 0])] == pytest.approx(answer.parts_of()["mean_list"])
    assert values["yhteensä"] == pytest.approx(answer.parts_of()["required"])
    context = report_context(
        report_data.parse(json.loads(json.dumps(report_data.dimension_data(carried_answer)))), "fi"
    )
    title, tables, _ = context["answer_tables"][1]
    assert title.startswith("Tarpeen osat vuonna 2026") and tables[0].rows == table.astype(str).to_numpy().tolist()


@pytest.mark.integration
def test_aftercare_by_the_law_prints_no_empty_list(budget_scenario: Scenario) -> None:
    """Issue 18, point 6: the run summary printed aftercare's list as "0,0"; aftercare clients aged
    18+ never count toward the legal limit, so its rows say "ei laskettavia" (none counted), its
    legal requirement is 0, and a county's own workload target is reported as its own choice."""
    results = simulate(budget_scenario, replications=2, seed=5, jobs=2)
    languages: tuple[tuple[Lang, str], ...] = (("fi", "ei laskettavia"), ("en", "none counted"))
    for lang, word in languages:
        county, unit = team_label("koko_alue", lang), t("jalkihuolto", lang)
        rows = [line for line in summary_text(results, lang).splitlines() if re.match(rf"{county}\s+{unit}\s", line)]
        assert rows and all(word in row and not re.search(r"\b0[,.]0\b", row) for row in rows), rows
    legal = answer_of(dimension(budget_scenario, replications=2, seed=5, jobs=2, decompose=False))
    aftercare = next(x for x in legal.teams if x.unit == "jalkihuolto")
    assert aftercare.required == 0 and not aftercare.counted and not aftercare.workload_target
    assert "ei laskettavia" in team_table(legal, "fi").iloc[:, 3].tolist()
    target = Scenario.model_validate(
        deep_merge(budget_scenario.model_dump(), {"caseload": {"jalkihuolto_planning_target": 30}})
    )
    own = answer_of(dimension(target, replications=2, seed=5, jobs=2, decompose=False))
    team = next(x for x in own.teams if x.unit == "jalkihuolto")
    assert team.workload_target and team.required > 0
    assert any("alueen oma valinta, ei lain raja" in note for note in reading_lines(own, "fi") + _notes(own))


def _notes(answer: Any) -> list[str]:
    from lsmitoitus.reports.answer import notes

    return notes(answer, "fi")


@pytest.mark.integration
def test_a_runs_report_names_the_teams_and_days_the_dimensioning_names(budget_scenario: Scenario) -> None:
    """Issue 22, point 1: `run` → `report` said only substitute care exceeds the limit while
    `dimension` said every unit did. A run now checks its funded posts with the dimensioning's
    criterion (a reading day on which they comply with less than the stated level's probability):
    with the same seed and replications, the same teams fail from the same days."""
    scenario = budget_scenario.with_overrides(replications=4, seed=5)
    results = simulate(scenario, jobs=2)
    check = funded_check(funded_compliance(results), scenario, 4)
    answer = answer_of(dimension(scenario, replications=4, seed=5, jobs=2, decompose=False))
    assert check.level == answer.level == "p50"
    days = {(x.unit, x.team): x.first_failing_day for x in check.teams}
    assert days == {(x.unit, x.team): x.first_failing_day for x in answer.teams}
    assert any(days.values())
    short = {(x.unit, x.team) for x in answer.short_teams}
    assert {(x.unit, x.team) for x in check.failing_teams} <= short
    context = report_context(report_data.parse(json.loads(json.dumps(report_data.run_data(results)))), "fi")
    first = plain(context["answer"][0])
    assert first.startswith("Rahoitetut vakanssit eivät riitä THL:n seurantapäivinä (mediaanina, 4 toistoa): ")
    for x in check.failing_teams:
        assert f"({team_label(x.team, 'fi')}) {formats.date(x.first_failing_day, 'fi')} alkaen" in first


@pytest.mark.integration
def test_the_what_if_answers_with_the_difference_and_its_report_puts_the_edit_first(
    budget_scenario: Scenario, tmp_path: Path
) -> None:
    """Issue 22, point 5: the what-if headline described only the edited scenario and the report
    put the edit on page 3. Now the first sentence is the paired difference from the base (posts
    and euros with their P10–P90) and the downloaded report opens with the edit."""
    base = budget_scenario.with_overrides(replications=2, seed=5)
    edited = logic.edit_scenario(base, logic.Edits(fill_rate_scale=0.8 / 0.9))
    whatif = logic.run_whatif(base, edited, None, 0.9, 2)
    text = logic.headline(whatif, "fi")
    assert re.match(
        r"Muutos perusuraan vuonna 2026: tarve [+−]?\d+ vakanssia \(P10–P90 [+−]?\d+…[+−]?\d+; \d+ → \d+, mediaani\), "
        r"kustannukset [+−]\d+,\d\d\u00a0M€ \(P10–P90 .*\); 2 toistoa, samat satunnaisluvut\.",
        text,
    ), text
    d = whatif.difference
    assert d is not None and d.posts_p10 <= d.posts_p50 <= d.posts_p90 and d.cost_p50 > 0  # vacancies are covered
    _html, pdf = logic.report_files(whatif, "fi")
    (tmp_path / "raportti.pdf").write_bytes(pdf)
    from pypdf import PdfReader

    page1 = plain(PdfReader(tmp_path / "raportti.pdf").pages[0].extract_text() or "")
    assert "Muutos perusuraan: täyttöaste 80 % (perusura 90 %)" in page1
    assert page1.index("Muutos perusuraan") < page1.index("Vuonna 2026 tarvitaan")


@pytest.mark.e2e
def test_the_dimension_folder_of_a_plan_labels_its_posts_planned(
    tmp_path: Path, planned_answer: DimensioningResult
) -> None:
    """Issue 22, point 2: the board report of a plan's folder never mentioned the plan and called
    its posts "rahoitetut vakanssit". Now its title and first sentence name the plan and its table
    says "suunnitellut vakanssit"."""
    from lsmitoitus.reports.report import write_report

    folder = write_dimensioning(planned_answer, tmp_path / "suunnitelma")
    target, _ = write_report(folder, tmp_path / "raportti")
    from pypdf import PdfReader

    pages = [plain(p.extract_text() or "") for p in PdfReader(target / "raportti.pdf").pages]
    assert pages[0].startswith("Henkilöstösuunnitelma testi.toml: lyhyt")
    assert "Suunnitelma testi.toml: vuonna 2026 tarvitaan" in pages[0] and "suunniteltuja on" in pages[0]
    everything = " ".join(pages)
    assert "suunnitellut vakanssit" in everything and "rahoitetut vakanssit" not in everything
