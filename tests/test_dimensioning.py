"""Dimensioning: known answers, monotonicity in demand, exports that round-trip, the CLI."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.comparison import compare, comparison_table
from lsmitoitus.dimensioning import DimensioningResult, dimension
from lsmitoitus.output.dimensioning_report import tables, write_dimensioning
from lsmitoitus.scenario.files import deep_merge
from lsmitoitus.vocabulary import AGE_BANDS, UNITS

ROOT = Path(__file__).resolve().parents[1]


def stable_open_care(stock: float = 300.0) -> Scenario:
    """Hämeenlinna: new open-care clients at rate λ with mean stay D = stock / λ, so the stock
    is Poisson(300) (M/G/∞); nobody escalates; every post always filled."""
    data = load_scenario().model_dump()
    notifications, share, per_child, stay = 6000.0, 0.3, 1.95, 0.0
    stay = stock / (notifications * 0.55 * (1 - share) / per_child / 365.25)
    data["demand"].update(
        notifications={2021: notifications},
        series={},
        growth_per_year=0.0,
        population_growth_per_year=0.0,
        seasonality=[1.0] * 12,
        already_client_share=share,
        notifications_per_notified_child=per_child,
        age_at_notification={b: (1.0 if b == "0-2" else 0.0) for b in AGE_BANDS},
    )
    data["kasittely"].update(p_arviointi=1.0, p_kiireellinen_sijoitus=0.0)
    data["arviointi"].update(p_avohuolto=1.0, concurrent_per_worker=100.0)
    data["avohuolto"].update(
        p_avohuollon_sijoitus=0.0,
        p_kiireellinen_sijoitus=0.0,
        p_huostaanotto=0.0,
        duration={"distribution": "lognormal", "mean_days": stay, "cv": 0.5},
    )
    for unit in data["staffing"].values():
        for staff in unit.values():
            staff.update(fill_rate=1.0, turnover_per_year=0.0)
    data["simulation"].update(start="2022-01-01", end="2023-12-31", warmup_years=2, replications=4)
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def known() -> DimensioningResult:
    return dimension(stable_open_care(), target=30, confidence=0.9, jobs=2)


@pytest.mark.integration
def test_stable_stock_of_300_needs_about_ten_or_eleven_workers(known: DimensioningResult) -> None:
    """With no vacancies, a month complies with N posts only if N ≥ ⌈S/30⌉ (pigeonhole), and
    least-loaded allocation keeps the longest list at most one above the shortest's intake, so
    ⌈S/30⌉ or one more suffices. The stock S is Poisson(300): ⌈S/30⌉ is 10 or 11 in most months."""
    req = known.requirement
    req = req[(req["area"] == "Hämeenlinna") & (req["unit"] == "avohuolto")].set_index(["replication", "date"])
    m = known.results.monthly
    rows = m[(m["area"] == "Hämeenlinna") & (m["unit"] == "avohuolto") & (m["measure"] == "clients_counted")]
    stock = rows.set_index(["replication", "date"])["value"]
    lower = (stock / 30).apply(math.ceil).reindex(req.index)
    assert (req["value"] >= lower).all()
    assert (req["value"] <= lower + 1).all()
    assert stock.mean() == pytest.approx(300, abs=4 * math.sqrt(300 / 24))  # 24 months ≈ a few independent draws
    p50 = known.monthly[(known.monthly["area"] == "Hämeenlinna") & (known.monthly["unit"] == "avohuolto")]
    assert set(p50["required_posts_p50"].unique()) <= {10, 11, 12}
    assert p50["required_posts_p50"].median() in (10, 11)


@pytest.mark.integration
def test_unit_table_has_every_area_and_unit_once(known: DimensioningResult) -> None:
    pairs = list(zip(known.units["area"], known.units["unit"], strict=True))
    assert sorted(pairs) == sorted((a, u) for a in known.scenario.area_names for u in UNITS)
    hml = known.units[(known.units["area"] == "Hämeenlinna") & (known.units["unit"] == "avohuolto")].iloc[0]
    assert hml["funded_posts"] == 17 and pd.isna(hml["first_breach"]) and hml["extra_posts"] == 0
    assert hml["required_posts_horizon"] <= 13


@pytest.mark.integration
def test_required_posts_rise_with_demand() -> None:
    base = load_scenario().with_overrides(start="2024-01-01", end="2026-12-31", warmup_years=3)
    scenarios = [
        Scenario.model_validate(deep_merge(base.model_dump(), {"name": f"g{g}", "demand": {"growth_per_year": g}}))
        for g in (0.0, 0.15, 0.4)
    ]
    results = compare(scenarios, target=30, confidence=0.9, replications=4, jobs=2)
    totals = [int(r.units["required_posts_horizon"].sum()) for r in results]
    assert totals[0] <= totals[1] <= totals[2] and totals[0] < totals[2], totals
    table = comparison_table(results)
    assert list(table["scenario"]) == ["g0.0", "g0.15", "g0.4"]
    assert table["clients_last_year"].is_monotonic_increasing


@pytest.mark.integration
def test_exports_round_trip(known: DimensioningResult, tmp_path: Path) -> None:
    out = write_dimensioning(known, tmp_path / "mitoitus")
    expected = tables(known)
    workbook = pd.read_excel(out / "mitoitus.xlsx", sheet_name=None)
    assert list(workbook) == list(expected)
    for name, frame in expected.items():
        pd.testing.assert_frame_equal(workbook[name], frame, check_dtype=False)
    monthly = pd.read_csv(out / "mitoitus_kuukausittain.csv")
    pd.testing.assert_frame_equal(monthly, expected["Kuukausittain"], check_dtype=False)
    assert "tarvittavat vakanssit, 90 % varmuus (kpl)" in monthly.columns
    report = (out / "raportti.md").read_text(encoding="utf-8")
    assert report.startswith("# Henkilöstömitoitus") and "## Vastaus" in report
    assert (out / "mitoitus.png").read_bytes()[:4] == b"\x89PNG" and (out / "mitoitus.svg").exists()


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lsmitoitus", *args], cwd=cwd, capture_output=True, text=True, timeout=600, check=False
    )


@pytest.mark.e2e
def test_dimension_and_compare_from_the_command_line(tmp_path: Path) -> None:
    short = tmp_path / "lyhyt.toml"
    short.write_text(
        'extends = "kanta-hame"\nname = "lyhyt"\n[simulation]\nstart = 2024-01-01\n'
        "end = 2025-12-31\nwarmup_years = 3\n",
        encoding="utf-8",
    )
    done = cli("dimension", str(short), "--target", "25", "-n", "3", "--out", str(tmp_path / "d"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "lisävakanssia" in done.stdout
    assert {"mitoitus.xlsx", "raportti.md", "mitoitus_vuosittain.csv"} <= {p.name for p in (tmp_path / "d").iterdir()}
    growth = tmp_path / "kasvu.toml"
    growth.write_text('extends = "lyhyt.toml"\nname = "kasvu"\n[demand]\ngrowth_per_year = 0.1\n', encoding="utf-8")
    done = cli("compare", str(short), str(growth), "-n", "2", "--out", str(tmp_path / "c"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    table = pd.read_csv(tmp_path / "c" / "vertailu.csv")
    assert list(table["skenaario"]) == ["lyhyt", "kasvu"]
    bad = cli("dimension", "--confidence", "1.5", cwd=tmp_path)
    assert bad.returncode == 2 and "0.5 ≤ confidence < 1" in bad.stderr


@pytest.mark.unit
def test_growth_scenarios_extend_the_base() -> None:
    """Each shipped growth or staffing scenario states only what differs from the base."""
    base = load_scenario()
    for name, check in {
        "kasvu-5": lambda s: s.demand.growth_per_year == 0.05,
        "kasvu-15": lambda s: s.demand.growth_per_year == 0.15,
        "vaesto-laskee": lambda s: s.demand.population_growth_per_year == -0.02,
        "tayttoaste-matala": lambda s: all(st.fill_rate == 0.75 for u in s.staffing.values() for st in u.values()),
    }.items():
        path = ROOT / "lsmitoitus" / "scenario" / "bundled" / f"{name}.toml"
        assert 'extends = "kanta-hame"' in path.read_text(encoding="utf-8")
        scenario: Any = load_scenario(path)
        assert check(scenario) and scenario.demand.notifications == base.demand.notifications


@pytest.mark.e2e
def test_workbook_opens_in_libreoffice(known: DimensioningResult, tmp_path: Path) -> None:
    """LibreOffice reads every sheet of the workbook (a broken file fails to convert)."""
    import shutil

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed; `apt-get install libreoffice-calc-nogui` enables this")
    out = write_dimensioning(known, tmp_path / "m")
    done = subprocess.run(
        [
            soffice,
            "--headless",
            "--norestore",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            "mitoitus.xlsx",
        ],
        cwd=out,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    for sheet in tables(known):
        assert (out / f"mitoitus-{sheet}.csv").exists(), done.stdout
    yearly = pd.read_csv(out / "mitoitus-Vuosittain.csv")
    assert len(yearly) == len(known.yearly)
