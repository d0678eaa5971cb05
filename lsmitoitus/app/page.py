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
import json
import logging
import tomllib
from collections.abc import Callable

import pandas as pd
import streamlit as st

from lsmitoitus.answers.staffing_answer import least_replications
from lsmitoitus.app import charts, logic
from lsmitoitus.reports.dimensioning_report import staffing_figure
from lsmitoitus.reports.progress import Clock, remaining_text
from lsmitoitus.scenario.files import MAX_FILE_BYTES, load_scenario
from lsmitoitus.scenario.schema import Scenario
from lsmitoitus.text import formats
from lsmitoitus.text.i18n import Lang, UserError, t
from lsmitoitus.text.text_table import markdown_text
from lsmitoitus.vocabulary import UNITS

#: Largest upload accepted (MB); a scenario is a few kilobytes.
MAX_UPLOAD_MB = MAX_FILE_BYTES // 1_000_000
#: Replications of a what-if's live answer: eight paired replications answer in under three
#: seconds on a two-core machine once the base is ready (the page prepares it and its answer while
#: the settings are chosen; benchmarks/app_whatif.py); the answer is then a median, and from 36
#: replications on it is at 90 % confidence.
DEFAULT_REPLICATIONS = 8
#: Seconds the default takes on this two-core machine with the base ready (measured 2.4–2.9 s with
#: benchmarks/app_whatif.py; the help text).
DEFAULT_SECONDS = 3

st.set_page_config(page_title="lsmitoitus", layout="wide", menu_items={})
for _option, _value in (("client.toolbarMode", "minimal"), ("client.showErrorDetails", "none")):
    with contextlib.suppress(Exception):  # also set by `lsmitoitus app`; older Streamlit may refuse
        st.set_option(_option, _value)


@st.cache_resource
def results_cache() -> dict[tuple[str, str, int | None, int], logic.WhatIf]:
    """Finished answers by (base text, edited text, target, replications), shared by sessions.
    A plain dict rather than st.cache_data, so that the progress drawn during a run is not
    recorded and replayed."""
    return {}


@st.cache_resource
def requirement_store() -> logic.Store:
    """Every replication's requirement run so far, by scenario (:data:`lsmitoitus.app.logic.Store`),
    shared by sessions: the base is paired with every edit and runs once, and a run the page
    interrupted (a slider moved) keeps the replications it finished."""
    return {}


def scenarios_of(key: tuple[str, str, int | None, int]) -> tuple[Scenario, Scenario]:
    base_toml, edited_toml, _, replications = key
    base = Scenario.model_validate(tomllib.loads(base_toml)).with_overrides(replications=replications)
    edited = Scenario.model_validate(tomllib.loads(edited_toml)).with_overrides(replications=replications)
    return base, edited


def run_live(
    key: tuple[str, str, int | None, int],
    progress: Callable[[int, int], None],
    show: Callable[[logic.WhatIf], None],
    more: Callable[[int, int], None],
) -> logic.WhatIf:
    """The what-if of ``key``: its headline first (``show`` draws the answer so far as paired
    replications arrive), then the expensive parts (``more`` reports their progress); a finished
    answer is kept for the same settings."""
    cache = results_cache()
    if key not in cache:
        base, edited = scenarios_of(key)
        target, replications = key[2], key[3]
        store = requirement_store()
        whatif = logic.run_whatif(base, edited, target, 0.9, replications, progress, store=store, update=show)
        show(whatif)
        cache[key] = logic.complete(whatif, target, store, more)
        while len(cache) > 16:  # keep memory bounded: forget the oldest answer
            cache.pop(next(iter(cache)))
    return cache[key]


def prepare_base(base: Scenario, target: int | None, replications: int, lang: Lang) -> None:
    """While the settings are chosen, run the base's replications the first answer will pair
    with, and its answer (each edit is paired with the same base), saying so in a caption."""
    note = st.empty()

    def progress(done: int, total: int) -> None:
        note.caption(t("app_prefetch", lang, done=done, total=total))

    logic.prepare_base(base, target, 0.9, replications, requirement_store(), progress)
    note.empty()


def show_error(text: str) -> None:
    """An error with its line structure kept: Markdown would join the lines of a message that
    lists several problems, so each line ends in a hard break and keeps its indent; characters
    Markdown would read as formatting are shown as they are."""
    lines = []
    for line in text.splitlines():
        body = line.lstrip(" ")
        indent = "\u00a0" * (2 * (len(line) - len(body)))
        lines.append(indent + markdown_text(body))
    st.error("  \n".join(lines))


def markdown_frame(frame: object) -> object:
    """A table for ``st.table``, which reads its cells and headers as Markdown: every text
    shown as written (an area called ``![t](http://…)`` is a name, not an image to fetch)."""
    assert isinstance(frame, pd.DataFrame)
    shown = frame.map(lambda v: markdown_text(v) if isinstance(v, str) else v)
    shown.columns = pd.Index([markdown_text(c) for c in frame.columns])
    return shown


def upload_texts(lang: Lang) -> None:
    """The file uploader's own texts ("Upload", "1MB per file", a file's size "116.0B") are fixed
    in Streamlit's front end; style rules show ours instead, in the page's language (the limit
    with a space: 1 MB; the size of an uploaded file in a caption below it)."""
    button = json.dumps(t("app_upload_button", lang), ensure_ascii=False)
    limit = json.dumps(t("app_upload_limit", lang, limit=MAX_UPLOAD_MB), ensure_ascii=False)
    zone = '[data-testid="stFileUploaderDropzone"]'
    st.markdown(
        f"""<style>
{zone} button [data-testid="stMarkdownContainer"] p {{ display: none; }}
{zone} button [data-testid="stMarkdownContainer"]::after {{ content: {button}; }}
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{ content: {limit}; font-size: 0.85em; }}
[data-testid="stFileChip"] [data-testid="stFileChipName"] + div {{ display: none; }}
</style>""",
        unsafe_allow_html=True,
    )


def kept(what: str, lang: Lang, default: object) -> str:
    """The key of the control ``what`` in ``lang``, its value the setting kept across languages.

    A control whose options are written in the reader's language (a slider showing 2,0 or 2.0, the
    scenario list's labels) is a different control in each language: Streamlit matches a value to
    its options by their text, so one control across a language switch lost its value (growth
    reset to the scenario's) or returned a label for a name (a KeyError). So each language has its
    own control (Finnish under the plain key), and on a switch it starts where the other left off:
    every setting is kept in ``st.session_state["kept"]`` by :func:`keep`."""
    key = what if lang == "fi" else f"{what}-{lang}"
    store = st.session_state.setdefault("kept", {})
    if key not in st.session_state or st.session_state.get("kept_lang") != lang:
        st.session_state[key] = store.get(what, default)
    return key


def keep(what: str, value: object) -> object:
    """Remember ``value`` as the setting ``what`` (whatever the language); returns it."""
    st.session_state.setdefault("kept", {})[what] = value
    return value


def choose_scenario(lang: Lang) -> Scenario | None:
    upload_texts(lang)
    options = logic.available_scenarios()
    names = list(options)
    default = names.index("kanta-hame") if "kanta-hame" in names else 0
    choice = keep(
        "scenario",
        st.sidebar.selectbox(
            t("app_scenario", lang),
            names,
            key=kept("scenario", lang, names[default]),
            format_func=lambda name: logic.scenario_label(name, lang),
        ),
    )
    upload = st.sidebar.file_uploader(t("app_upload", lang), type=["toml"], key="upload", max_upload_size=MAX_UPLOAD_MB)
    try:
        if upload is not None:
            size = formats.integer(upload.size, lang)
            st.sidebar.caption(t("app_uploaded", lang, name=markdown_text(upload.name[:80]), size=size))
            if upload.size > MAX_FILE_BYTES:
                show_error(f"{t('error', lang)}: {t('app_upload_too_large', lang, limit=MAX_UPLOAD_MB)}")
                return None
            return logic.load_uploaded(upload.getvalue(), upload.name)
        return load_scenario(options[str(choice)])
    except UserError as exc:
        show_error(f"{t('error', lang)}: {exc.text(lang)}")
        return None


def steps(low: float, high: float, step: float, current: float) -> list[float]:
    """The values a slider offers, in ``step``s from ``low`` to ``high``, with ``current`` (the
    scenario's own value) among them even if it is between steps."""
    n = round((high - low) / step)
    values = {round(low + i * step, 2) for i in range(n + 1)} | {round(current, 2)}
    return sorted(values)


def edits_from_sidebar(base: Scenario, lang: Lang) -> tuple[logic.Edits, int | None, int]:
    """The sidebar's levers, each starting at the selected scenario's own value. Keys carry the
    scenario's name, so choosing another scenario shows its values, not the last one's; every
    value is kept across a language switch (:func:`kept`)."""
    side = st.sidebar
    name = base.name

    def slider(
        what: str, label: str, options: list[float], now: float, show: Callable[[float], str], help: str | None = None
    ) -> float:
        setting = f"{what}-{name}"
        value = side.select_slider(label, options=options, format_func=show, key=kept(setting, lang, now), help=help)
        return float(keep(setting, value))  # type: ignore[arg-type]

    def one_decimal(v: float) -> str:
        return formats.number(v, lang, 1)

    def share(v: float) -> str:
        return formats.percent(v / 100, lang)

    growth_now = round(100 * base.demand.growth_per_year, 2)
    growth = slider("growth", t("app_growth", lang), steps(-10.0, 20.0, 0.5, growth_now), growth_now, one_decimal)
    population_now = round(100 * base.demand.population_growth_per_year, 2)
    population = slider(
        "population", t("app_population", lang), steps(-3.0, 2.0, 0.1, population_now), population_now, one_decimal
    )
    fill_now = round(100 * logic.mean_fill_rate(base))
    fill = slider(
        "fill",
        t("app_fill", lang),
        sorted(set(range(50, 101)) | {fill_now}),
        fill_now,
        share,
        help=t("app_fill_help", lang),
    )
    target = keep("target", side.radio(t("app_target", lang), [30, 25], horizontal=True, key=kept("target", lang, 30)))
    family_now = round(100 * (base.levers.perhehoito_share_target or 0.0), 2)
    family = slider(
        "family",
        t("app_family", lang),
        steps(0.0, 100.0, 5.0, family_now),
        family_now,
        share,
        help=t("app_family_help", lang),
    )
    effect_now = round(100 * base.levers.avohuolto_escalation_reduction, 2)
    effect = slider(
        "effect",
        t("app_effect", lang),
        steps(0.0, 50.0, 5.0, effect_now),
        effect_now,
        share,
        help=t("app_effect_help", lang),
    )
    replications = keep(
        "replications",
        side.slider(
            t("app_replications", lang),
            2,
            40,
            step=1,
            key=kept("replications", lang, DEFAULT_REPLICATIONS),
            help=t(
                "app_replications_help",
                lang,
                need=least_replications(0.9),
                conf=90,
                n=DEFAULT_REPLICATIONS,
                seconds=DEFAULT_SECONDS,
            ),
        ),
    )
    posts: dict[tuple[str, str], float] = {}
    with side.expander(t("app_posts", lang)):
        for unit in UNITS:
            for area in base.area_names:
                setting = f"posts-{unit}-{area}-{name}"
                now = float(base.staffing[unit][area].social_workers)
                label = markdown_text(f"{area} – {t(unit, lang)}")  # a label reads Markdown
                value = st.number_input(label, 0.0, 500.0, step=0.5, key=kept(setting, lang, now))
                posts[(unit, area)] = float(keep(setting, value))  # type: ignore[arg-type]
    st.session_state["kept_lang"] = lang
    edits = logic.Edits(
        growth_per_year=growth / 100,
        population_growth_per_year=population / 100,
        fill_rate_scale=fill / fill_now if fill != fill_now else None,
        posts=posts,
        perhehoito_share_target=family / 100 if family > 0 else None,
        avohuolto_escalation_reduction=effect / 100,
    )
    return edits, int(target), int(replications)  # type: ignore[call-overload]


def show_table(frame: object, numeric_from: int = 1) -> None:
    """A formatted table that fits the page: headers wrap, text columns left, number columns
    right (:func:`lsmitoitus.app.logic.table_html`; every cell escaped)."""
    assert isinstance(frame, pd.DataFrame)
    st.markdown(logic.table_html(frame, numeric_from), unsafe_allow_html=True)


def show_answer(whatif: logic.WhatIf, lang: Lang, settings: tuple[str, str, int | None, int], stale: bool) -> None:
    """The answer: the difference the edit makes (or, unedited, the answer) in one sentence, the
    settings it answers, how many replications it rests on; the edited scenario's story (the
    teams short, from when; the other readings once computed; the uncertainty) and its teams."""
    _, _, target, replications = settings
    st.subheader(t("app_headline", lang))
    if stale:
        st.warning(t("app_stale", lang), icon="⚠️")
    st.markdown(f"**{markdown_text(formats.keep_together(logic.headline(whatif, lang)))}**")
    st.caption(markdown_text(formats.keep_together(logic.settings_text(whatif, target, replications, lang))))
    st.caption(markdown_text(logic.live_text(whatif, lang)))
    for line in logic.answer_lines(whatif, lang):
        st.markdown(markdown_text(formats.keep_together(line)))
    table = logic.answer_table(whatif, lang)
    if not table.empty:
        show_table(table, 1)
    if whatif.full:
        lines, parts = logic.parts(whatif, lang)
        if not parts.empty:
            st.markdown(f"**{markdown_text(lines[0])}**")
            show_table(parts, 1)
            for line in lines[1:]:
                st.caption(markdown_text(line))
    for note in logic.answer_notes(whatif, lang):
        st.caption(markdown_text(note))


def show_results(whatif: logic.WhatIf, lang: Lang, settings: tuple[str, str, int | None, int], stale: bool) -> None:
    """The answer (with the settings it answers, and a notice when the controls have changed
    since), then the tabs."""
    st.markdown(logic.TABLE_CSS, unsafe_allow_html=True)
    show_answer(whatif, lang, settings, stale)
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
    level = logic.level_text(whatif, lang)
    edited = whatif.edited.scenario
    with tabs[0]:
        st.caption(t("app_caseload_caption", lang))
        st.altair_chart(charts.caseload_chart(whatif.edited.results, lang), key="chart-caseload")
    with tabs[1]:
        st.caption(t("app_staff_caption", lang, level=level))
        st.altair_chart(charts.staffing_chart(whatif.edited, lang), key="chart-staffing")
        show_table(logic.staffing_yearly(whatif, lang))
    with tabs[2]:
        st.caption(logic.labels_note(whatif, lang))
        show_table(logic.timeliness_table(whatif, lang))
    with tabs[3]:
        st.markdown(f"**{t('chart_costs_title', lang)}**")
        st.caption(f"{t('chart_costs_band_note', lang)}; {t('chart_costs_ylabel', lang)}")
        st.altair_chart(charts.costs_chart(logic.cost_totals(whatif, lang), lang), width="stretch", key="chart-costs")
        st.markdown(f"**{t('app_placements_title', lang)}**")
        st.caption(logic.labels_note(whatif, lang))
        show_table(logic.placements_table(whatif, lang))
    with tabs[4]:
        st.caption(t("app_comparison_caption", lang))
        show_table(logic.comparison_for_people(whatif, lang), 1)
    with tabs[5]:
        html, pdf = report_cached(whatif, lang)
        st.download_button(
            t("app_download_report_pdf", lang), pdf, "raportti.pdf", mime="application/pdf", key="dl-report-pdf"
        )
        st.download_button(
            t("app_download_report_html", lang), html, "raportti.html", mime="text/html", key="dl-report-html"
        )
        st.download_button(
            t("app_download_xlsx", lang), logic.workbook_bytes(whatif, lang), "mitoitus.xlsx", key="dl-xlsx"
        )
        st.download_button(
            t("app_download_csv", lang),
            logic.staffing_csv_bytes(whatif, lang),
            "mitoitus_lukupaivat.csv",
            key="dl-csv",
        )
        st.download_button(
            t("app_download_png", lang),
            logic.figure_png(staffing_figure(whatif.edited, lang)),
            "mitoitus.png",
            key="dl-png",
        )
        st.download_button(
            t("app_download_toml", lang), logic.scenario_toml(edited, lang), f"{edited.name}.toml", key="dl-toml"
        )


def report_cached(whatif: logic.WhatIf, lang: Lang) -> tuple[str, bytes]:
    """The report of this run in this language, made once (it takes a few seconds)."""
    cache = st.session_state.setdefault("reports", {})
    key = (id(whatif), lang)
    if key not in cache:
        cache.clear()
        cache[key] = logic.report_files(whatif, lang)
    return cache[key]


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
        show_error(f"{t('error', lang)}: {exc.text(lang)}")
        return
    current = (logic.scenario_toml(base), logic.scenario_toml(edited), target, replications)
    if st.button(t("app_run", lang), type="primary", key="run"):
        st.session_state["settings"] = current
    settings = st.session_state.get("settings")
    if settings is None:
        st.info(t("app_hint", lang))
        prepare_base(base, target, replications, lang)
        return
    st.markdown(logic.TABLE_CSS, unsafe_allow_html=True)
    stale = settings != current
    live = st.empty()
    bar = st.progress(0.0, text=t("app_progress_start", lang))
    clock = Clock()
    base_run, edited_run = scenarios_of(settings)
    running = logic.to_run(base_run, edited_run, settings[2], settings[3], requirement_store())

    def progress(done: int, total: int) -> None:
        remaining = remaining_text(done, total, clock.elapsed(), lang)
        bar.progress(done / total, text=logic.progress_text(done, total, running, remaining, lang))

    def show(whatif: logic.WhatIf) -> None:
        with live.container():
            show_answer(whatif, lang, settings, stale)
            if whatif.final:
                st.caption(t("app_more_coming", lang))

    def more(done: int, total: int) -> None:
        bar.progress(done / total, text=t("app_more_coming", lang))

    whatif = run_live(settings, progress, show, more)
    bar.empty()
    live.empty()
    show_results(whatif, lang, settings, stale=stale)


def main() -> None:
    """The page; whatever goes wrong is shown as a message, never as a traceback in the browser.
    (Streamlit's own reruns and stops are BaseExceptions and pass through.)"""
    lang: Lang = "fi"
    try:
        lang = language()
        page(lang)
    except UserError as exc:
        show_error(f"{t('error', lang)}: {exc.text(lang)}")
    except Exception:
        logging.getLogger("lsmitoitus.app").exception("the page failed")
        st.error(t("app_unexpected", lang))


main()
