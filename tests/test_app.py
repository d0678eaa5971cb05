"""The what-if web app: its logic, the page through Streamlit's AppTest, and a real browser."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from lsmitoitus import Scenario, ScenarioError, load_scenario
from lsmitoitus.app import logic
from lsmitoitus.cli import APP_SETTINGS, app_command, app_environment
from lsmitoitus.text.i18n import t

PAGE = Path(__file__).resolve().parents[1] / "lsmitoitus" / "app" / "page.py"


def vega_charts(app: Any) -> list[Any]:
    """The page's Vega-Lite charts (the element is arrow_vega_lite_chart in older Streamlit)."""
    return list(app.get("vega_lite_chart")) or list(app.get("arrow_vega_lite_chart"))


@pytest.mark.unit
def test_edits_are_applied_and_the_download_runs_unchanged(tmp_path: Path) -> None:
    base = load_scenario()
    edits = logic.Edits(
        growth_per_year=0.05,
        population_growth_per_year=-0.01,
        fill_rate_scale=0.8 / 0.9,
        posts={("avohuolto", "Riihimäki"): 10},
        perhehoito_share_target=0.7,
        avohuolto_escalation_reduction=0.2,
    )
    edited = logic.edit_scenario(base, edits)
    assert edited.demand.growth_per_year == 0.05 and edited.demand.population_growth_per_year == -0.01
    assert edited.staffing["avohuolto"]["Riihimäki"].social_workers == 10
    assert all(s.fill_rate == pytest.approx(0.8) for unit in edited.staffing.values() for s in unit.values())
    assert edited.levers.perhehoito_share_target == 0.7 and edited.levers.avohuolto_escalation_reduction == 0.2
    path = tmp_path / "muokattu.toml"
    path.write_text(logic.scenario_toml(edited), encoding="utf-8")
    assert load_scenario(path) == edited  # what the app downloads, `lsmitoitus run` accepts unchanged


@pytest.mark.unit
def test_an_unedited_scenario_runs_as_it_is_under_its_own_name() -> None:
    """Issue 10, item 6: the levers of a selected scenario are what the controls start at, and
    leaving them there runs the scenario unchanged (not "…-muokattu", not with levers at 0)."""
    for name in ("kanta-hame", "vipu-avohuolto", "vipu-perhehoito", "tayttoaste-matala"):
        base = load_scenario(name)
        untouched = logic.Edits(
            growth_per_year=base.demand.growth_per_year,
            population_growth_per_year=base.demand.population_growth_per_year,
            posts={(u, a): base.staffing[u][a].social_workers for u in base.staffing for a in base.area_names},
            perhehoito_share_target=base.levers.perhehoito_share_target,
            avohuolto_escalation_reduction=base.levers.avohuolto_escalation_reduction,
        )
        assert logic.edit_scenario(base, untouched) is base, name


@pytest.mark.unit
def test_the_fill_rate_slider_keeps_the_units_differences() -> None:
    data = load_scenario().model_dump()
    data["staffing"]["sijaishuolto"]["Forssa"]["fill_rate"] = 0.7
    base = Scenario.model_validate(data)
    edited = logic.edit_scenario(base, logic.Edits(fill_rate_scale=0.9))
    assert edited.staffing["sijaishuolto"]["Forssa"].fill_rate == pytest.approx(0.63)
    assert edited.staffing["avohuolto"]["Forssa"].fill_rate == pytest.approx(0.81)
    assert edited.name == "kanta-hame-muokattu"


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
    assert str(from_app.value).startswith("oma.toml: virheellinen skenaario")
    assert from_app.value.text("en").startswith("oma.toml: invalid scenario")
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
def test_the_controls_show_the_selected_scenarios_levers(app: Any) -> None:
    """Issue 10, item 6: vipu-perhehoito's family-care target (75 %) and vipu-avohuolto's
    open-care effectiveness are what the sliders show once the scenario is chosen."""
    app, _ = app
    app.run()
    app.selectbox(key="scenario").set_value("vipu-perhehoito")
    app.run()
    assert app.select_slider(key="family-vipu-perhehoito").value == 75.0
    app.selectbox(key="scenario").set_value("vipu-avohuolto")
    app.run()
    effect = load_scenario("vipu-avohuolto").levers.avohuolto_escalation_reduction
    assert effect > 0 and app.select_slider(key="effect-vipu-avohuolto").value == round(100 * effect, 2)


@pytest.mark.integration
def test_page_runs_a_what_if_and_caches_repeated_settings(app: Any) -> None:
    app, calls = app
    app.run()
    assert not app.exception
    assert "Aja simulaatio" in app.info[0].value
    app.select_slider(key="growth-kanta-hame").set_value(5.0)
    app.slider(key="replications").set_value(2)
    app.button(key="run").click()
    app.run()
    assert not app.exception and not app.error
    lines = [m.value for m in app.markdown]
    # the answer is the difference the edit makes, in one bold sentence (issue 22, point 5)
    answer = [line for line in lines if line.startswith("**Muutos perusuraan vuonna ")]
    assert len(answer) == 1 and answer[0].count(".") <= 2  # one sentence, not one per unit
    assert re.search(r"\d+,\d\d\u00a0M€", answer[0])  # euros in Finnish format
    assert "2\u00a0toistoa, samat satunnaisluvut" in answer[0] and "%" not in answer[0]  # medians
    found = re.search(r"vuonna (\d{4})", answer[0])
    assert found
    year = found[1]
    # then the edited scenario's own answer, and its teams in a compact table
    assert any(line.startswith(f"Vuonna {year} tarvitaan ") for line in lines)
    table = next(line for line in lines if 'class="ls-table"' in line)
    assert re.findall(r"<th[^>]*>([^<]*)</th>", table) == [
        "yksikkö",
        f"rahoitetut vakanssit {year}",
        f"tarve {year} (mediaani)",
        "vajetta alkaen",
        f"lisävakanssit {year}",
        "lisävakanssien kustannus vuodessa",
    ]
    assert f'<th class="num">lisävakanssit {year}</th>' in table  # numbers aligned right
    assert re.findall(r"<tr><td>([^<]*)</td>", table)[-1] == "yhteensä"
    settings = " ".join(c.value for c in app.caption)
    assert "Vastaus asetuksilla: kanta-hame muokattuna; ilmoitusten kasvu +5,0\u00a0%/v" in settings
    assert "2\u00a0toistoa" in settings and not app.warning  # the answer is for the settings shown
    assert len(app.tabs) == 6
    assert len(vega_charts(app)) == 3  # interactive charts, not images
    assert not app.get("imgs")
    labels = [b.label for b in app.get("download_button")]
    assert "Raportti hallitukselle (PDF)" in labels and "Excel-työkirja" in labels
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


@pytest.mark.integration
def test_switching_languages_both_ways_keeps_every_setting(app: Any) -> None:
    """Issue 22, point 4: English → Finnish showed "Jotain meni pieleen" and the sliders vanished
    (a KeyError: the scenario list returned a label for a name); Finnish → English reset growth."""
    app, _ = app
    app.run()
    app.selectbox(key="scenario").set_value("vipu-perhehoito")
    app.run()
    app.select_slider(key="growth-vipu-perhehoito").set_value(3.5)
    app.select_slider(key="fill-vipu-perhehoito").set_value(80)
    app.radio(key="target").set_value(25)
    app.slider(key="replications").set_value(7)
    app.number_input(key="posts-avohuolto-Forssa-vipu-perhehoito").set_value(9.5)
    app.run()
    for lang, suffix in (("English", "-en"), ("Suomi", ""), ("English", "-en")):
        app.radio(key="lang").set_value(lang)
        app.run()
        assert not app.exception and not app.error, lang
        assert app.selectbox(key=f"scenario{suffix}").value == "vipu-perhehoito"
        assert app.select_slider(key=f"growth-vipu-perhehoito{suffix}").value == 3.5
        assert app.select_slider(key=f"fill-vipu-perhehoito{suffix}").value == 80
        assert app.select_slider(key=f"family-vipu-perhehoito{suffix}").value == 75.0  # the scenario's own
        assert app.radio(key=f"target{suffix}").value == 25
        assert app.slider(key=f"replications{suffix}").value == 7
        assert app.number_input(key=f"posts-avohuolto-Forssa-vipu-perhehoito{suffix}").value == 9.5
        assert len(app.select_slider) == 5  # no slider vanished


@pytest.mark.unit
def test_the_progress_counts_the_replications_chosen() -> None:
    """Issue 22, points 8 and 10: the bar said 40 replications when 20 were chosen. The base and
    the edited scenario now run side by side, a replication of both together: 10 runs done of
    2 × 20 read "5/20" pairs, never "10/40"."""
    both = ["base", "edited"]
    assert logic.progress_text(0, 40, both, "", "fi") == (
        "Simuloidaan perusuraa ja muokattua skenaariota pareittain: 0/20 toistoa, "
    )
    assert logic.progress_text(10, 40, both, "noin 10 s jäljellä", "fi").endswith(": 5/20 toistoa, noin 10 s jäljellä")
    assert logic.progress_text(20, 20, ["edited"], "", "en").startswith("Simulating the edited scenario: 20/20")
    assert logic.progress_text(3, 20, ["base"], "", "fi").startswith("Simuloidaan perusuraa: 3/20 toistoa")
    assert logic.progress_text(3, 20, [], "", "fi").startswith("Simuloidaan skenaariota: 3/20 toistoa")


@pytest.mark.unit
def test_page_tables_escape_their_cells_and_align_numbers_right() -> None:
    import pandas as pd

    html = logic.table_html(pd.DataFrame({"yksikkö": ["<b>x</b>"], "vakanssit": ["1\u00a0234"]}))
    assert "<td>&lt;b&gt;x&lt;/b&gt;</td>" in html and '<td class="num">1\u00a0234</td>' in html
    assert '<th class="num">vakanssit</th>' in html and "<th>yksikkö</th>" in html
    # the table is drawn by st.markdown: a Markdown image in a name is characters, never an image
    html = logic.table_html(pd.DataFrame({"yksikkö": ["avohuolto, ![t](http://localhost:9/t)"]}))
    assert "<td>avohuolto, &#33;&#91;t&#93;(http://localhost:9/t)</td>" in html and "![" not in html


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
            page = browser.new_page(viewport={"width": 1400, "height": 1500})
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
            assert value.inner_text() == "2,0"  # the slider shows a Finnish number
            page.get_by_role("button", name="Aja simulaatio").click()
            headline = page.get_by_text("Muutos perusuraan").first  # the difference the edit makes
            headline.wait_for(timeout=480_000)
            chart = page.locator('[data-testid="stVegaLiteChart"]').first
            chart.wait_for(timeout=120_000)
            assert headline.is_visible() and chart.is_visible()
            text = headline.inner_text()
            assert re.search(r"\d+,\d\d\u00a0M€", text), text  # euros as a Finnish reader writes them
            assert not re.search(r"\d\.\d", text), text  # no decimal point
            body = page.locator("body").inner_text()
            assert "kustannus vuodessa" in body and "base" not in body and "edited" not in body
            page.wait_for_timeout(2_000)  # let the charts finish drawing
            shot = tmp_path / "app-after-run.png"
            page.screenshot(path=str(shot), full_page=True)
            page.get_by_role("tab", name="Lataa").click()
            download = page.get_by_role("button", name="Raportti hallitukselle (PDF)")
            download.wait_for(timeout=120_000)
            assert download.is_visible()
            browser.close()
        if os.environ.get("LSMITOITUS_SCREENSHOT"):  # refresh docs/app.png: LSMITOITUS_SCREENSHOT=docs/app.png
            shutil.copyfile(shot, os.environ["LSMITOITUS_SCREENSHOT"])
        assert shot.stat().st_size > 10_000
        print(f"screenshot: {shot}")
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.e2e
def test_browser_in_a_meeting_language_round_trip_stale_notice_and_layout(tmp_path: Path) -> None:
    """Issue 22, points 4 and 8, as a head of service sees them in Chromium: the answer names the
    settings it answers; moving a slider after a run shows a notice that the answer is out of
    date; English and back keeps every control (no error, no slider lost, growth kept); tables
    fit their column and align numbers right; the costs chart has room; an upload's size is ours."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium); .ci/run installs it")
    playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    upload = tmp_path / "oma.toml"
    upload.write_text('extends = "kanta-hame"\nname = "oma"\n', encoding="utf-8")
    process, url = start_app(tmp_path, "--no-browser")
    try:
        assert wait_for_health(url)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=chromium,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page(viewport={"width": 1400, "height": 2400})
            page.goto(url)
            sliders = page.locator('[data-testid="stSlider"]')
            sliders.first.wait_for(timeout=120_000)
            count = sliders.count()
            growth = sliders.first
            shown = growth.locator('[data-testid="stSliderThumbValue"]')

            def move(slider: Any, *keys: str) -> None:
                before = slider.locator('[data-testid="stSliderThumbValue"]').inner_text()
                slider.locator('input[type="range"]').focus()
                for key in keys:
                    page.keyboard.press(key)
                page.wait_for_function(
                    "([el, old]) => el.innerText !== old",
                    arg=[slider.locator('[data-testid="stSliderThumbValue"]').element_handle(), before],
                    timeout=30_000,
                )

            move(sliders.last, "Home")  # two replications
            move(growth, *["ArrowRight"] * 4)  # +2 percentage points
            page.get_by_role("button", name="Aja simulaatio").click()
            page.get_by_role("tab").first.wait_for(timeout=480_000)
            settings = page.get_by_text("Vastaus asetuksilla:").first
            assert "ilmoitusten kasvu +2,0\u00a0%/v" in settings.inner_text()
            assert "2\u00a0toistoa" in settings.inner_text()
            assert page.get_by_text("Asetuksia on muutettu").count() == 0
            tables = page.locator(".ls-table")
            assert tables.count() >= 1
            fits = page.evaluate(
                """() => [...document.querySelectorAll('.ls-table')].filter(d => d.offsetParent !== null)
                    .map(d => [d.querySelector('table').scrollWidth, d.clientWidth])"""
            )
            assert fits and all(width <= room + 1 for width, room in fits), fits
            aligned = page.evaluate(
                "() => [...document.querySelectorAll('.ls-table td.num')].map(c => getComputedStyle(c).textAlign)"
            )
            assert aligned and set(aligned) == {"right"}
            page.get_by_role("tab", name="Sijoitukset ja kustannukset").click()
            chart = page.locator('[data-testid="stVegaLiteChart"]').filter(has=page.locator("svg, canvas")).last
            chart.wait_for(timeout=60_000)
            page.wait_for_timeout(1_500)
            box = chart.bounding_box()
            assert box is not None and box["height"] >= 300, box  # not squeezed
            page.screenshot(path=str(tmp_path / "kustannukset.png"), full_page=True)

            move(growth, "ArrowRight")  # the answer is now out of date
            page.get_by_text("Asetuksia on muutettu viimeisimmän ajon jälkeen").wait_for(timeout=60_000)
            page.screenshot(path=str(tmp_path / "vanhentunut.png"), full_page=True)
            for choice, notice, value, error in (
                ("English", "The settings have changed since the last run", "2.5", "Something went wrong"),
                ("Suomi", "Asetuksia on muutettu viimeisimmän ajon jälkeen", "2,5", "Jotain meni pieleen"),
            ):
                page.get_by_text(choice, exact=True).click()
                page.get_by_text(notice).wait_for(timeout=60_000)
                page.wait_for_function(  # the rerun is over: the other language's controls are gone
                    """n => document.querySelectorAll('[data-testid="stSlider"]').length === n
                        && !document.querySelector('[data-stale="true"]')""",
                    arg=count,
                    timeout=60_000,
                )
                assert shown.inner_text() == value  # growth kept
                assert page.get_by_text(error).count() == 0
                page.screenshot(path=str(tmp_path / f"kieli-{choice}.png"), full_page=True)

            page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(upload))
            page.get_by_text("Ladattu: oma.toml").wait_for(timeout=60_000)
            hidden = page.evaluate(
                """() => getComputedStyle(document.querySelector(
                    '[data-testid="stFileChip"] [data-testid="stFileChipName"] + div')).display"""
            )
            assert hidden == "none"  # Streamlit's "41.0B"; ours says "41 tavua"
            assert "tavua" in page.get_by_text("Ladattu: oma.toml").inner_text()
            browser.close()
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)


# --- safety of the page and of `lsmitoitus app` (issue 10, items 9 and 13) -----------------------

SECRET = "sk-live-SALAINEN-0123456789abcdef"


def plant_secrets(root: Path) -> Path:
    """Secret TOML files around a "server" working folder; returns that folder."""
    work = root / "palvelin" / "työ"
    work.mkdir(parents=True)
    for folder in (root, root / "palvelin", work):
        (folder / "salainen.toml").write_text(f'api_key = "{SECRET}"\nname = "{SECRET}"\n', encoding="utf-8")
    return work


def page_texts(app: Any) -> str:
    parts = []
    for kind in ("error", "warning", "info", "success", "markdown", "caption", "text", "exception", "code"):
        parts += [str(getattr(e, "value", "")) for e in app.get(kind)]
    return "\n".join(parts)


@pytest.mark.unit
def test_the_app_is_started_without_prompts_menus_or_tracebacks() -> None:
    command = app_command(8765)
    settings = dict(zip(command[5::2], command[6::2], strict=True))
    assert settings["--server.port"] == "8765" and settings["--server.address"] == "127.0.0.1"
    assert settings["--server.headless"] == "true"  # no "Email:" prompt; we open the browser ourselves
    assert settings["--server.showEmailPrompt"] == "false"
    assert settings["--client.toolbarMode"] == "minimal"  # no Deploy button, no framework menu
    assert settings["--client.showErrorDetails"] == "none"  # no tracebacks in the browser
    assert settings["--server.maxUploadSize"] == "1"  # MB, not the framework's 200
    env = app_environment({})
    assert env["STREAMLIT_SERVER_HEADLESS"] == "true" and env["STREAMLIT_CLIENT_TOOLBAR_MODE"] == "minimal"
    assert env["STREAMLIT_SERVER_MAX_UPLOAD_SIZE"] == "1" and env["STREAMLIT_SERVER_SHOW_EMAIL_PROMPT"] == "false"
    assert len(env) == len(APP_SETTINGS)


@pytest.mark.integration
def test_page_never_shows_another_files_content(app: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app, _ = app
    work = plant_secrets(tmp_path)
    monkeypatch.chdir(work)
    app.run()
    assert app.file_uploader(key="upload").proto.max_upload_size_mb == 1  # the page says 1 MB, not 200 MB
    for target in ("../salainen.toml", "salainen.toml", str(tmp_path / "salainen.toml"), "../../salainen.toml"):
        upload = f'extends = "{target}"\nname = "oma"\n'.encode()
        app.file_uploader(key="upload").set_value((f"{len(target)}.toml", upload, "application/toml"))
        app.run()
        assert not app.exception
        shown = page_texts(app)
        assert f"{len(target)}.toml: extends = " in shown  # this upload's own message
        assert "ladattu skenaario voi laajentaa vain valmista skenaariota nimeltä" in shown
        assert SECRET not in shown and "api_key" not in shown
    app.file_uploader(key="upload").set_value(("iso.toml", b'name = "' + b"x" * 2_000_000 + b'"\n', "text/plain"))
    app.run()
    assert "liian suuri" in page_texts(app) and not app.exception


@pytest.mark.integration
def test_page_shows_a_message_not_a_traceback(app: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    app, _ = app

    def broken(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError(f"sisäinen vika {SECRET}")

    monkeypatch.setattr(logic, "run_whatif", broken)
    app.run()
    app.slider(key="replications").set_value(2)
    app.button(key="run").click()
    app.run()
    assert not app.exception
    assert [e.value for e in app.error] == [t("app_unexpected")]
    assert SECRET not in page_texts(app)


def wait_for_health(url: str, seconds: float = 90) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).status == 200:
                return True
        except OSError:
            time.sleep(0.3)
    return False


def start_app(tmp_path: Path, *extra: str, env: dict[str, str] | None = None) -> tuple[subprocess.Popen[str], str]:
    """`lsmitoitus app` as a user starts it, with standard input closed and a home folder where
    Streamlit has never run (so it would ask for an e-mail address if it could)."""
    home = tmp_path / "koti"
    home.mkdir(exist_ok=True)
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if not k.startswith("STREAMLIT_")}
    environment.update({"HOME": str(home), "PYTHONUNBUFFERED": "1", **(env or {})})
    process = subprocess.Popen(
        [sys.executable, "-m", "lsmitoitus", "app", "--port", str(port), *extra],
        cwd=tmp_path,
        env=environment,
        stdin=None,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: os.close(0),  # standard input closed, as under a service manager
    )
    return process, f"http://127.0.0.1:{port}"


@pytest.mark.e2e
def test_app_starts_without_prompts_opens_the_browser_and_stops_on_sigterm(tmp_path: Path) -> None:
    pytest.importorskip("streamlit")
    opened = tmp_path / "selain.txt"
    browser = tmp_path / "selain.sh"
    browser.write_text(f'#!/bin/sh\necho "$@" > {opened}\n', encoding="utf-8")
    browser.chmod(0o755)
    process, url = start_app(tmp_path, env={"BROWSER": str(browser)})
    try:
        assert wait_for_health(url), "the app did not answer"
        deadline = time.monotonic() + 30
        while not opened.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert opened.read_text().strip() == url  # the browser was opened by us, at our address
        process.send_signal(signal.SIGTERM)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert f"Sovellus käynnissä osoitteessa {url}" in err and "Sovellus suljettu." in err
    assert "Email" not in out + err and "Traceback" not in out + err
    assert not wait_for_health(url, seconds=2)  # the server is gone with it


@pytest.mark.e2e
def test_browser_sees_only_our_page_and_a_1_mb_upload_limit(tmp_path: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("no Chromium installed (Debian: apt-get install chromium); .ci/run installs it")
    playwright = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    work = plant_secrets(tmp_path)
    upload = tmp_path / "oma.toml"
    upload.write_text('extends = "../salainen.toml"\nname = "oma"\n', encoding="utf-8")
    process, url = start_app(work, "--no-browser")
    try:
        assert wait_for_health(url)
        with playwright.sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"])
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(url)
            page.get_by_text("Lastensuojelun mitoitus").first.wait_for(timeout=120_000)
            assert page.get_by_role("button", name="Deploy").count() == 0
            assert page.locator('[data-testid="stMainMenu"]').count() == 0
            uploader = page.locator('[data-testid="stFileUploader"]')
            assert "200MB" not in uploader.inner_text()
            instructions = uploader.locator('[data-testid="stFileUploaderDropzoneInstructions"] > div')
            # the page's style rules arrive as their own element, possibly after the uploader is drawn
            page.wait_for_function(
                "el => getComputedStyle(el, '::after').content !== 'none'",
                arg=instructions.element_handle(),
                timeout=30_000,
            )
            shown = instructions.evaluate("el => getComputedStyle(el, '::after').content")
            assert "Enintään 1 MB" in shown  # the limit the page shows, in Finnish
            uploader.locator('input[type="file"]').set_input_files(str(upload))
            page.get_by_text("ladattu skenaario voi laajentaa vain").first.wait_for(timeout=60_000)
            body = page.locator("body").inner_text()
            assert SECRET not in body and "Traceback" not in body
            browser.close()
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=30)


@pytest.mark.integration
def test_an_error_on_the_page_keeps_its_lines(app: Any) -> None:
    """Issue 15: a message listing several problems was shown as one run-on line."""
    app, _ = app
    app.run()
    upload = b'extends = "kanta-hame"\n[staffing.avohuolto.Forssa]\nsocial_workers = -2\nfill_rate = 7\n'
    app.file_uploader(key="upload").set_value(("oma.toml", upload, "application/toml"))
    app.run()
    assert not app.exception
    lines = app.error[0].value.split("  \n")
    assert lines[0] == "virhe: oma.toml: virheellinen skenaario (2 ongelmaa):"
    assert len(lines) == 3 and all(line.startswith("\u00a0\u00a0") for line in lines[1:])  # indented, one per line


@pytest.mark.integration
def test_scenario_text_is_shown_as_text_never_as_markdown(app: Any, rename_areas: Any) -> None:
    """Issue 23 item 7: an uploaded area named ``![t](http://…)`` rendered as an image in the
    headline and the table, and the browser fetched that address. Every Markdown the page
    shows (headline, tables, captions, labels, errors) now carries the name escaped."""
    app, _ = app
    upload = rename_areas({"Forssa": "![t](http://localhost:9/track) <b>x</b>"}).encode()
    app.run()
    app.file_uploader(key="upload").set_value(("outo.toml", upload, "application/toml"))
    app.run()
    app.slider(key="replications").set_value(2)
    app.button(key="run").click()
    app.run()
    assert not app.exception and not app.error
    shown = [page_texts(app)]
    for table in app.table:
        frame = table.value
        shown += [str(c) for c in frame.columns] + [str(v) for v in frame.to_numpy().ravel()]
    shown += [str(w.label) for w in app.get("number_input")]
    text = "\n".join(shown)
    assert "\\!\\[t\\](http://localhost:9/track)" in text  # the name is there, escaped
    assert not re.search(r"(?<!\\)!(?<!\\)\[t", text) and not re.search(r"(?<!\\)<b>", text)
