"""The what-if page (Streamlit). Start with ``lsmitoitus app``.

Draws only: every number comes from :mod:`lsmitoitus.app.logic` and the public API. Runs are
cached on the scenario text and settings, so repeating the same settings is instant.

Safety: uploads are at most :data:`MAX_UPLOAD_MB`, may extend bundled scenarios by name only,
and their messages show nothing but the upload's own values; any other failure shows a Finnish
(or English) message, never a traceback (which goes to the server's log instead). The Deploy
button and the framework's menu are hidden.
"""

from __future__ import annotations

import contextlib
import logging

import streamlit as st
from matplotlib.figure import Figure

from lsmitoitus.app import logic
from lsmitoitus.output.charts import caseload_figure
from lsmitoitus.output.dimensioning_report import staffing_figure
from lsmitoitus.output.i18n import Lang, UserError, t
from lsmitoitus.scenario.files import MAX_FILE_BYTES, load_scenario
from lsmitoitus.scenario.schema import Scenario
from lsmitoitus.vocabulary import UNITS

#: Largest upload accepted (MB); a scenario is a few kilobytes.
MAX_UPLOAD_MB = MAX_FILE_BYTES // 1_000_000

st.set_page_config(page_title="lsmitoitus", layout="wide", menu_items={})
for _option, _value in (("client.toolbarMode", "minimal"), ("client.showErrorDetails", "none")):
    with contextlib.suppress(Exception):  # also set by `lsmitoitus app`; older Streamlit may refuse
        st.set_option(_option, _value)


@st.cache_resource
def results_cache() -> dict[tuple[str, str, int | None, int], logic.WhatIf]:
    """Finished runs by (base text, edited text, target, replications), shared by sessions.
    A plain dict rather than st.cache_data, so that the progress bar drawn during a run is not
    recorded and replayed."""
    return {}


def run_cached(key: tuple[str, str, int | None, int], progress: object) -> logic.WhatIf:
    import tomllib

    cache = results_cache()
    if key not in cache:
        base_toml, edited_toml, target, replications = key
        base = Scenario.model_validate(tomllib.loads(base_toml))
        edited = Scenario.model_validate(tomllib.loads(edited_toml))
        cache[key] = logic.run_whatif(base, edited, target, 0.9, replications, progress)  # type: ignore[arg-type]
        while len(cache) > 16:  # keep memory bounded: forget the oldest run
            cache.pop(next(iter(cache)))
    return cache[key]


def choose_scenario(lang: Lang) -> Scenario | None:
    options = logic.available_scenarios()
    choice = st.sidebar.selectbox(t("app_scenario", lang), list(options), key="scenario")
    upload = st.sidebar.file_uploader(t("app_upload", lang), type=["toml"], key="upload", max_upload_size=MAX_UPLOAD_MB)
    try:
        if upload is not None:
            if upload.size > MAX_FILE_BYTES:
                st.error(f"{t('error', lang)}: {t('app_upload_too_large', lang, limit=MAX_UPLOAD_MB)}")
                return None
            return logic.load_uploaded(upload.getvalue(), upload.name)
        return load_scenario(options[choice])
    except UserError as exc:
        st.error(f"{t('error', lang)}: {exc.text(lang)}")
        return None


def edits_from_sidebar(base: Scenario, lang: Lang) -> tuple[logic.Edits, int | None, int]:
    side = st.sidebar
    growth = side.slider(t("app_growth", lang), -10.0, 20.0, 100 * base.demand.growth_per_year, 0.5, key="growth")
    population = side.slider(
        t("app_population", lang), -3.0, 2.0, 100 * base.demand.population_growth_per_year, 0.1, key="population"
    )
    fill = side.slider(
        t("app_fill", lang),
        50,
        100,
        round(100 * base.staffing["avohuolto"][base.area_names[0]].fill_rate),
        1,
        key="fill",
    )
    target = side.radio(t("app_target", lang), [30, 25], horizontal=True, key="target")
    family = side.slider(t("app_family", lang), 0, 100, 0, 5, key="family", help=t("app_family_help", lang))
    effect = side.slider(t("app_effect", lang), 0, 50, 0, 5, key="effect", help=t("app_effect_help", lang))
    replications = side.slider(t("app_replications", lang), 2, 20, 4, 1, key="replications")
    posts: dict[tuple[str, str], float] = {}
    with side.expander(t("app_posts", lang)):
        for unit in UNITS:
            for area in base.area_names:
                posts[(unit, area)] = float(
                    st.number_input(
                        f"{area} – {t(unit, lang)}",
                        0.0,
                        500.0,
                        float(base.staffing[unit][area].social_workers),
                        0.5,
                        key=f"posts-{unit}-{area}",
                    )
                )
    edits = logic.Edits(
        growth_per_year=growth / 100,
        population_growth_per_year=population / 100,
        fill_rate=fill / 100,
        posts=posts,
        perhehoito_share_target=family / 100 if family > 0 else None,
        avohuolto_escalation_reduction=effect / 100,
    )
    return edits, int(target), int(replications)


def show_results(whatif: logic.WhatIf, lang: Lang, edited: Scenario) -> None:
    st.subheader(t("answer", lang))
    for line in logic.headline(whatif, lang):
        st.markdown(f"- {line}")
    tabs = st.tabs(
        [
            t("app_tab_caseload", lang),
            t("app_tab_staff", lang),
            t("app_tab_assessment", lang),
            t("app_tab_costs", lang),
            t("app_tab_compare", lang),
            t("app_tab_download", lang),
        ]
    )
    caseload = caseload_figure(whatif.edited.results, lang)
    staffing = staffing_figure(whatif.edited, lang)
    with tabs[0]:
        st.pyplot(caseload)
    with tabs[1]:
        st.pyplot(staffing)
        st.dataframe(logic.tables(whatif.edited, lang)[t("sheet_units", lang)], hide_index=True)
    with tabs[2]:
        st.dataframe(logic.timeliness_table(whatif), hide_index=True)
    with tabs[3]:
        costs = logic.cost_totals(whatif)
        fig = Figure(figsize=(8, 3.5))
        ax = fig.subplots()
        for label, part in costs.groupby("scenario"):
            ax.plot(part["year"], part["p50"] / 1e6, marker="o", label=str(label))
            ax.fill_between(part["year"], part["p10"] / 1e6, part["p90"] / 1e6, alpha=0.2)
        ax.set_ylabel("M€")
        ax.legend()
        st.pyplot(fig)
        st.dataframe(logic.placements_table(whatif), hide_index=True)
    with tabs[4]:
        st.dataframe(logic.comparison_for_people(whatif, lang), hide_index=True)
    with tabs[5]:
        st.download_button(
            t("app_download_xlsx", lang), logic.workbook_bytes(whatif, lang), "mitoitus.xlsx", key="dl-xlsx"
        )
        st.download_button(
            t("app_download_csv", lang),
            logic.staffing_csv_bytes(whatif, lang),
            "mitoitus_kuukausittain.csv",
            key="dl-csv",
        )
        st.download_button(t("app_download_png", lang), logic.figure_png(staffing), "mitoitus.png", key="dl-png")
        st.download_button(
            t("app_download_toml", lang), logic.scenario_toml(edited), f"{edited.name}.toml", key="dl-toml"
        )


def language() -> Lang:
    choice = st.sidebar.radio("Kieli / Language", ["Suomi", "English"], horizontal=True, key="lang")
    return "en" if choice == "English" else "fi"


def page(lang: Lang) -> None:
    st.title(t("app_title", lang))
    st.caption(t("app_caption", lang))
    base = choose_scenario(lang)
    if base is None:
        return
    edits, target, replications = edits_from_sidebar(base, lang)
    try:
        edited = logic.edit_scenario(base, edits)
    except UserError as exc:
        st.error(f"{t('error', lang)}: {exc.text(lang)}")
        return
    if st.button(t("app_run", lang), type="primary", key="run"):
        st.session_state["settings"] = (logic.scenario_toml(base), logic.scenario_toml(edited), target, replications)
    settings = st.session_state.get("settings")
    if settings is None:
        st.info(t("app_hint", lang))
        return
    bar = st.progress(0.0, text=t("app_running", lang))

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, text=f"{t('app_running', lang)} {done}/{total}")

    whatif = run_cached(settings, progress)
    bar.empty()
    show_results(whatif, lang, whatif.edited.scenario)


def main() -> None:
    """The page; whatever goes wrong is shown as a message, never as a traceback in the browser.
    (Streamlit's own reruns and stops are BaseExceptions and pass through.)"""
    lang: Lang = "fi"
    try:
        lang = language()
        page(lang)
    except UserError as exc:
        st.error(f"{t('error', lang)}: {exc.text(lang)}")
    except Exception:
        logging.getLogger("lsmitoitus.app").exception("the page failed")
        st.error(t("app_unexpected", lang))


main()
