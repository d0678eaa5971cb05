"""The command line end to end, as a user runs it."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lsmitoitus import load_scenario
from lsmitoitus.reports.csvfiles import read_csv

pytestmark = pytest.mark.e2e
SHORT = 'extends = "kanta-hame"\nname = "lyhyt"\n[simulation]\nstart = 2023-01-01\nend = 2024-12-31\nwarmup_years = 3\n'


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lsmitoitus", *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def short_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scen") / "lyhyt.toml"
    path.write_text(SHORT, encoding="utf-8")
    return path


def test_run_writes_a_complete_results_folder(tmp_path: Path, short_file: Path) -> None:
    out = tmp_path / "tulos"
    done = cli(
        "run", str(short_file), "--replications", "3", "--seed", "42", "--jobs", "2", "--out", str(out), cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert "Yhteenveto: lyhyt, 3 toistoa, siemen 42" in done.stdout
    assert "Hämeenlinna" in done.stdout and "sijaishuolto" in done.stdout
    names = {p.name for p in out.iterdir()}
    assert {
        "monthly.csv",
        "yearly.csv",
        "summary_monthly.csv",
        "summary_yearly.csv",
        "measures.csv",
        "scenario.toml",
        "run.json",
        "summary.txt",
        "caseload.png",
    } <= names
    monthly = read_csv(out / "monthly.csv", "fi")  # Finnish output: semicolons, decimal commas, BOM
    assert list(monthly.columns) == ["toisto", "päivämäärä", "alue", "yksikkö", "mittari", "arvo"]
    assert sorted(monthly["toisto"].unique()) == [0, 1, 2]
    meta = json.loads((out / "run.json").read_text())
    assert (meta["seed"], meta["replications"], meta["lsmitoitus"]) == (42, 3, "0.1.0")
    resolved = load_scenario(out / "scenario.toml")
    assert (resolved.simulation.seed, resolved.simulation.replications, resolved.name) == (42, 3, "lyhyt")
    assert (out / "caseload.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folder left


def test_rerun_from_the_resolved_scenario_reproduces_the_results(tmp_path: Path, short_file: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    assert cli("run", str(short_file), "-n", "2", "--out", str(first), cwd=tmp_path).returncode == 0
    assert cli("run", str(first / "scenario.toml"), "-j", "1", "--out", str(second), cwd=tmp_path).returncode == 0
    pd.testing.assert_frame_equal(read_csv(first / "monthly.csv"), read_csv(second / "monthly.csv"))


def test_english_output(tmp_path: Path, short_file: Path) -> None:
    out = tmp_path / "en"
    done = cli("run", str(short_file), "-n", "1", "--lang", "en", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Summary: lyhyt" in done.stdout and "substitute care" in done.stdout
    assert pd.read_csv(out / "monthly.csv").columns[0] == "replication"


def test_existing_output_folder_is_never_overwritten(tmp_path: Path, short_file: Path) -> None:
    out = tmp_path / "olemassa"
    out.mkdir()
    (out / "oma.txt").write_text("käyttäjän tiedosto")
    done = cli("run", str(short_file), "-n", "1", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 2
    assert "on jo olemassa" in done.stderr and "Traceback" not in done.stderr
    assert [p.name for p in out.iterdir()] == ["oma.txt"]


def test_bad_scenario_gives_a_clear_error_and_no_output(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('extends = "kanta-hame"\n[staffing.avohuolto.Forssa]\nsocial_workers = -1\n')
    for args in (["validate", str(bad)], ["run", str(bad), "--out", str(tmp_path / "x")]):
        done = cli(*args, cwd=tmp_path)
        assert done.returncode == 2
        assert "staffing.avohuolto.Forssa.social_workers" in done.stderr and "0 ≤ arvo ≤ 10000" in done.stderr
        assert "Traceback" not in done.stderr
    assert not (tmp_path / "x").exists()


def test_bad_flag_values_are_refused(tmp_path: Path) -> None:
    done = cli("run", "--replications", "0", cwd=tmp_path)
    assert done.returncode == 2 and "1 ≤ toistot ≤ 10\u00a0000, annettu 0" in done.stderr
    assert "Traceback" not in done.stderr


def test_validate_describes_what_it_read(tmp_path: Path, short_file: Path) -> None:
    done = cli("validate", str(short_file), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "kelvollinen skenaario lyhyt" in done.stdout and "vuodet 2023–2024" in done.stdout
    assert "avohuolto 31, sijaishuolto 13, jälkihuolto 4" in done.stdout  # the default's posts, inherited


HISTORY = Path(__file__).resolve().parents[1] / "lsmitoitus" / "data" / "kanta-hame-history.csv"


def test_calibrate_writes_a_valid_commented_scenario_and_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "kalibroitu.toml"
    args = ["calibrate", str(HISTORY), "--out", str(out), "--replications", "3", "--rounds", "1"]
    done = cli(*args, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "kierros 1: tarkistus tapahtumasimulaatiolla" in done.stderr  # status lines in Finnish too
    text = out.read_text(encoding="utf-8")
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert text.startswith("# Kalibroitu ohjelmalla lsmitoitus")
    assert text.startswith("\n".join(header))  # the whole report is one block of comment lines
    assert re.search(r"^#   arvioinnista avohuollon asiakkaaksi \(arviointi\.p_avohuolto\) = 0,\d+ \(×\d,", text, re.M)
    assert "ei erikseen määritettävissä" in text and re.search(r"havaittu [\d\u00a0]+ \([+−]?\d+,\d\u00a0%\)", text)
    for word in ("Calibrated", "fitted", "observed", "simulated", "assumed", "sensitivity"):
        assert word not in "\n".join(header)
    assert done.stdout.startswith("Kalibroitu ohjelmalla lsmitoitus")  # the same report on screen
    assert load_scenario(out).name == "kanta-hame"
    again = cli(*args, cwd=tmp_path)
    assert again.returncode == 2 and "on jo olemassa" in again.stderr
    assert out.read_text(encoding="utf-8") == text
    english = tmp_path / "calibrated.toml"
    done = cli(*args[:3], str(english), "--replications", "2", "--rounds", "1", "--lang", "en", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = english.read_text(encoding="utf-8")
    assert text.startswith("# Calibrated by lsmitoitus") and "round 1: discrete-event check" in done.stderr
    assert re.search(r"^#   assessment leading to open care \(arviointi\.p_avohuolto\) = 0\.\d+ \(×\d\.", text, re.M)
    assert "not separately identifiable" in text and "Kalibroitu" not in text
    assert load_scenario(english).name == "kanta-hame"


def test_calibrate_reports_a_bad_history_file(tmp_path: Path) -> None:
    bad = tmp_path / "h.csv"
    bad.write_text("indicator,region,year,value\n")
    done = cli("calibrate", str(bad), "--out", str(tmp_path / "x.toml"), cwd=tmp_path)
    assert done.returncode == 2 and "sarakkeet puuttuvat" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.toml").exists()


def test_backtest_writes_table_chart_and_scenario(tmp_path: Path) -> None:
    out = tmp_path / "bt"
    done = cli(
        "backtest",
        str(HISTORY),
        "--fit-until",
        "2021",
        "--out",
        str(out),
        "--replications",
        "3",
        "--rounds",
        "1",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "testi" in done.stdout and "sovitus" in done.stdout
    table = read_csv(out / "backtest.csv", "fi")
    tested = table[table["rooli"] == "testi"]
    assert set(tested["vuosi"]) == {2022} and tested["havaittu"].notna().all()
    assert (out / "backtest.png").read_bytes()[:4] == b"\x89PNG"
    assert load_scenario(out / "scenario.toml").demand.notifications[2023] == 6390


def test_progress_is_shown_as_lines_when_output_is_not_a_terminal(tmp_path: Path, short_file: Path) -> None:
    """Issue 10 item 10: a run logged to a file showed no progress at all."""
    done = cli("run", str(short_file), "-n", "2", "-j", "1", "--out", str(tmp_path / "a"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "toistot: 1/2 (50 %)\ntoistot: 2/2 (100 %)\n" in done.stderr
    quiet = cli("run", str(short_file), "-n", "1", "--no-progress", "--out", str(tmp_path / "b"), cwd=tmp_path)
    assert quiet.returncode == 0 and "toistot" not in quiet.stderr


# --- issue 13: budget planning ---------------------------------------------------------------


def test_csv_is_finnish_by_default_and_the_machine_format_on_request(tmp_path: Path, short_file: Path) -> None:
    """A Finnish spreadsheet opens the default CSV in columns (semicolons, decimal commas, a
    byte-order mark); ``--csv en`` keeps commas and points; both hold the same numbers."""
    fi, en = tmp_path / "fi", tmp_path / "en"
    for out, extra in ((fi, []), (en, ["--csv", "en"])):
        done = cli("run", str(short_file), "-n", "1", "--seed", "3", "--out", str(out), *extra, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
    raw = (fi / "summary_costs.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.decode("utf-8-sig").startswith("vuosi;alue;kustannuslaji;")
    assert not (en / "summary_costs.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    finnish = read_csv(fi / "summary_costs.csv", "fi")
    machine = pd.read_csv(en / "summary_costs.csv")
    assert finnish["P50 (mediaani)"].dtype == float and finnish["P50 (mediaani)"].sum() > 1e6  # euros, as numbers
    numbers = finnish.select_dtypes("number").columns
    pd.testing.assert_frame_equal(finnish[numbers], machine[numbers])  # the same numbers
    assert "koko alue" in set(finnish["alue"]) and "koko_alue" in set(machine["alue"])  # labels for people


def test_a_plan_edited_in_the_workbook_is_evaluated_with_plan(tmp_path: Path, short_file: Path) -> None:
    """The round trip of issue 13: the tool writes a workbook with its plan sheet, the planner
    edits the sheet, and ``--plan`` evaluates exactly the edited plan."""
    from openpyxl import load_workbook

    from lsmitoitus.model.posts import posts_on

    first = tmp_path / "ensin"
    done = cli("dimension", str(short_file), "-n", "2", "--out", str(first), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Halvin tasainen suunnitelma, joka täyttää tavoitteen" in done.stdout
    book = load_workbook(first / "mitoitus.xlsx")
    sheet = book["Suunnitelma"]
    assert sheet.max_row >= 2 and sheet.cell(2, 1).value == dt.datetime(2024, 1, 1)
    sheet.cell(2, 4).value = sheet.cell(2, 4).value + 1  # one post more in the first change
    sheet.append([dt.datetime(2024, 6, 1), "sijaishuolto", "Riihimäki", "0,5", "ei", "", "oma lisäys"])
    edited = tmp_path / "muokattu.xlsx"
    book.save(edited)
    expected = [
        (r[0].date(), r[1], r[2], float(str(r[3]).replace(",", ".")), r[4] == "kyllä")
        for r in sheet.iter_rows(min_row=2, max_col=5, values_only=True)
        if r[0] is not None
    ]

    second = tmp_path / "toinen"
    done = cli("dimension", str(short_file), "-n", "2", "--plan", str(edited), "--out", str(second), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"Suunnitelma luettu: {edited} ({len(expected)} muutosta)" in done.stderr
    assert f"Arvioitu suunnitelma: {edited}" in done.stdout
    evaluated = load_scenario(second / "scenario.toml")
    units = {"avohuolto": "avohuolto", "sijaishuolto": "sijaishuolto", "jälkihuolto": "jalkihuolto"}
    got = sorted((s.start, s.unit, s.area, s.change, s.lead) for s in evaluated.staffing_plan)
    assert got == sorted((d, units[u], a, c, lead) for d, u, a, c, lead in expected)
    yearly = read_csv(second / "mitoitus_vuosittain.csv", "fi")
    county_team = yearly[(yearly["vuosi"] == 2024) & (yearly["yksikkö"] == "sijaishuolto")]
    planned = float(county_team["suunnitellut vakanssit (kpl)"].iloc[0])
    assert planned == posts_on(evaluated, "sijaishuolto", "koko_alue", dt.date(2024, 12, 31))
    original = load_scenario(first / "scenario.toml")
    assert planned == posts_on(original, "sijaishuolto", "koko_alue", dt.date(2024, 12, 31)) + sum(
        c for d, u, _, c, _ in expected if u == "sijaishuolto" and d.year == 2024
    )
    again = load_workbook(second / "mitoitus.xlsx")["Suunnitelma"]  # the evaluated plan, ready to edit again
    assert sum(1 for r in again.iter_rows(min_row=2, max_col=1, values_only=True) if r[0] is not None) == len(expected)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_the_workbook_prints_on_at_most_twelve_pages(tmp_path: Path) -> None:
    """LibreOffice opens the workbook as the tool wrote it and prints it to PDF; the PDF's
    bookmarks say on which page each sheet starts. The bundled default: ten years (2021–2030),
    seven budget years, the parts of the requirement. Issue 22, point 7: 32 printed pages, 16 of
    them months; now the answer is two pages and the whole workbook at most twelve."""
    from pypdf import PdfReader
    from pypdf.generic import Destination

    out = tmp_path / "mitoitus"
    done = cli("dimension", "-n", "2", "--out", str(out), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    converted = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out / "mitoitus.xlsx")],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
        env={**os.environ, "HOME": str(tmp_path)},  # its own profile: no clash with a running LibreOffice
    )
    assert converted.returncode == 0, converted.stderr
    reader = PdfReader(tmp_path / "mitoitus.pdf")
    starts: dict[str, int] = {}
    for item in reader.outline:  # one bookmark per sheet, in sheet order
        assert isinstance(item, Destination)
        page = reader.get_destination_page_number(item)
        assert page is not None
        starts[str(item.title)] = page
    order = sorted(starts, key=starts.__getitem__)
    ends = [*(starts[name] for name in order[1:]), len(reader.pages)]
    pages = {name: end - starts[name] for name, end in zip(order, ends, strict=True)}
    assert order[:3] == ["Vastaus", "Suunnitelma", "Vuosittain"]
    assert 1 <= pages["Vastaus"] <= 2, pages
    assert pages["Vuosittain"] <= 2 and pages["Skenaario ja oletukset"] <= 3, pages
    assert len(reader.pages) <= 12, pages  # 32 pages before issue 22; 171 before issue 13
    first = " ".join((reader.pages[0].extract_text() or "").split())
    # the answer's first sentence on page 1: its year, and at the median (two replications carry no 90 %)
    assert re.search(r"Vuonna 2030 tarvitaan \d+ vakanssia \(2 toistoa; mediaanina THL:n seurantapäivinä", first)
    assert not re.search(r"90 ?%", first)


def test_scenarios_lists_the_bundled_scenarios_with_their_descriptions(tmp_path: Path) -> None:
    """Issue 22, point 10: no command listed the bundled scenarios. ``lsmitoitus scenarios`` lists
    every one, the default first, with its Finnish description (English with --lang en)."""
    from lsmitoitus import bundled_scenarios
    from lsmitoitus.text.i18n import t

    done = cli("scenarios", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "lsmitoitus run kasvu-5" in lines[0]
    rows = [line for line in lines[4:] if line.strip()]
    assert [row.split()[0] for row in rows] == ["kanta-hame", *sorted(set(bundled_scenarios()) - {"kanta-hame"})]
    for row in rows:
        name = row.split()[0]
        assert row.split(None, 1)[1] == t(f"scenario_desc_{name}")
    assert "Kanta-Häme, perusura (oletus)" in done.stdout
    english = cli("scenarios", "--lang", "en", cwd=tmp_path)
    assert english.returncode == 0 and "Kanta-Häme, base (default)" in english.stdout
    assert "perusura" not in english.stdout
