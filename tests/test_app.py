"""The what-if web app: its logic, the page through Streamlit's AppTest, and a real browser."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from lsmitoitus import ScenarioError, load_scenario
from lsmitoitus.app import logic

PAGE = Path(__file__).resolve().parents[1] / "lsmitoitus" / "app" / "page.py"


@pytest.mark.unit
def test_edits_are_applied_and_the_download_runs_unchanged(tmp_path: Path) -> None:
    base = load_scenario()
    edits = logic.Edits(
        growth_per_year=0.05,
        population_growth_per_year=-0.01,
        fill_rate=0.8,
        posts={("avohuolto", "Riihimäki"): 10},
        perhehoito_share_target=0.7,
        avohuolto_escalation_reduction=0.2,
    )
    edited = logic.edit_scenario(base, edits)
    assert edited.demand.growth_per_year == 0.05 and edited.demand.population_growth_per_year == -0.01
    assert edited.staffing["avohuolto"]["Riihimäki"].social_workers == 10
    assert all(s.fill_rate == 0.8 for unit in edited.staffing.values() for s in unit.values())
    assert edited.levers.perhehoito_share_target == 0.7 and edited.levers.avohuolto_escalation_reduction == 0.2
    path = tmp_path / "muokattu.toml"
    path.write_text(logic.scenario_toml(edited), encoding="utf-8")
    assert load_scenario(path) == edited  # what the app downloads, `lsmitoitus run` accepts unchanged


@pytest.mark.unit
def test_uploaded_scenario_errors_read_like_the_command_line(tmp_path: Path) -> None:
    text = b'extends = "kanta-hame"\n[staffing.avohuolto.Forssa]\nsocial_workers = -2\n'
    with pytest.raises(ScenarioError) as from_app:
        logic.load_uploaded(text, "oma.toml")
    cli_file = tmp_path / "oma.toml"
    cli_file.write_bytes(text)
    with pytest.raises(ScenarioError) as from_cli:
        load_scenario(cli_file)
    assert str(from_app.value) == str(from_cli.value).replace(str(cli_file), "oma.toml")
    assert str(from_app.value).startswith("oma.toml: invalid scenario")
    assert "staffing.avohuolto.Forssa.social_workers" in str(from_app.value)
    assert logic.load_uploaded(b'extends = "kanta-hame"\nname = "oma"\n', "oma.toml").name == "oma"


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Any:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()
    calls = {"n": 0}
    real = logic.run_whatif

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(logic, "run_whatif", counting)
    at = AppTest.from_file(str(PAGE), default_timeout=600)
    return at, calls


@pytest.mark.integration
def test_page_runs_a_what_if_and_caches_repeated_settings(app: Any) -> None:
    app, calls = app
    app.run()
    assert not app.exception
    assert "Aja simulaatio" in app.info[0].value
    app.slider(key="growth").set_value(5.0)
    app.slider(key="replications").set_value(2)
    app.button(key="run").click()
    app.run()
    assert not app.exception and not app.error
    lines = [m.value for m in app.markdown]
    assert any("lisävakanssia" in line for line in lines)
    assert len(app.tabs) == 6
    assert calls["n"] == 1
    app.button(key="run").click()
    app.run()  # the same settings again: served from the cache
    assert calls["n"] == 1 and not app.exception


@pytest.mark.integration
def test_page_in_english(app: Any) -> None:
    app, _ = app
    app.run()
    app.radio(key="lang").set_value("English")
    app.run()
    assert app.title[0].value == "Child-protection staffing: what if?"
    assert "Run the simulation" in app.info[0].value


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.e2e
def test_browser_changes_a_slider_runs_and_sees_the_answer(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium); .ci/run installs it")
    playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(PAGE),
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(120):
            try:
                if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=[
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            growth = page.locator('[data-testid="stSlider"]').first  # notification growth per child
            growth.wait_for(timeout=120_000)
            value = growth.locator('[data-testid="stSliderThumbValue"]')
            before = value.inner_text()
            growth.locator('input[type="range"]').focus()
            for _ in range(4):  # +2 percentage points
                page.keyboard.press("ArrowRight")
            page.wait_for_function(
                "([el, old]) => el.innerText !== old", arg=[value.element_handle(), before], timeout=30_000
            )
            assert value.inner_text() != before
            page.get_by_role("button", name="Aja simulaatio").click()
            page.get_by_text("lisävakanssia").first.wait_for(timeout=480_000)
            page.locator("img").first.wait_for(timeout=120_000)
            shot = tmp_path / "app-after-run.png"
            page.screenshot(path=str(shot), full_page=True)
            browser.close()
        assert shot.stat().st_size > 10_000
        print(f"screenshot: {shot}")
    finally:
        server.terminate()
        server.wait(timeout=30)
