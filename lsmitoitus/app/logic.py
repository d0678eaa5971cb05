"""What the web app does, without the web: edit a scenario, run it against its base, package
the downloads. The Streamlit page (:mod:`lsmitoitus.app.page`) only draws these.

Everything goes through the same public API and scenario schema as the command line, so an
edited scenario downloaded from the app runs unchanged with ``lsmitoitus run``.
"""

from __future__ import annotations

import io
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import pandas as pd

from ..answers.comparison import compare, comparison_table
from ..answers.costs import TOTAL, cost_frame, cost_summary
from ..answers.dimensioning import DimensioningResult, dimension
from ..answers.indicators import late_assessment_shares
from ..reports import answer, dimensioning_report
from ..reports.charts import literal_text
from ..reports.comparison_text import comparison_frame
from ..reports.csvfiles import csv_bytes, csv_style
from ..reports.dimensioning_report import tables, write_workbook
from ..reports.report import report_html, report_pdf
from ..reports.report_data import compare_data, parse
from ..scenario.files import (
    BUNDLED_DEFAULT,
    bundled_scenarios,
    scenario_from_dict,
    scenario_from_upload,
    scenario_to_toml,
)
from ..scenario.schema import Scenario
from ..text import formats
from ..text.i18n import Lang, MissingTranslation, t
from ..vocabulary import ALL, UNITS


@dataclass(frozen=True)
class Edits:
    """The levers the head of service moves in the app (None/empty: keep the scenario's value)."""

    growth_per_year: float | None = None  # notifications per child, relative change per year
    population_growth_per_year: float | None = None
    fill_rate_scale: float | None = None  # every unit's and area's fill rate times this (capped at 1)
    posts: dict[tuple[str, str], float] = field(default_factory=dict)  # (unit, area) -> posts (FTE)
    perhehoito_share_target: float | None = None
    avohuolto_escalation_reduction: float | None = None  # relative cut in escalation from open care


def mean_fill_rate(scenario: Scenario) -> float:
    """The scenario's fill rate over all units and areas, weighted by posts (what the app's
    slider shows; moving it scales every unit's own rate, so their differences survive)."""
    pairs = [(s.fill_rate, s.social_workers) for unit in scenario.staffing.values() for s in unit.values()]
    weight = sum(w for _, w in pairs)
    return sum(f * w for f, w in pairs) / weight if weight > 0 else pairs[0][0]


def edit_scenario(base: Scenario, edits: Edits) -> Scenario:
    """A validated copy of ``base`` with the edits applied; named "<base>-muokattu" only if an
    edit changes something (an unedited scenario is ``base`` itself, under its own name)."""
    data = base.model_dump()
    if edits.growth_per_year is not None:
        data["demand"]["growth_per_year"] = edits.growth_per_year
    if edits.population_growth_per_year is not None:
        data["demand"]["population_growth_per_year"] = edits.population_growth_per_year
    for unit, by_area in data["staffing"].items():
        for area, staff in by_area.items():
            if edits.fill_rate_scale is not None and edits.fill_rate_scale != 1.0:
                staff["fill_rate"] = min(1.0, round(staff["fill_rate"] * edits.fill_rate_scale, 4))
            if (unit, area) in edits.posts:
                staff["social_workers"] = edits.posts[(unit, area)]
    levers = data["levers"]
    if edits.perhehoito_share_target is not None or levers.get("perhehoito_share_target") is not None:
        levers["perhehoito_share_target"] = edits.perhehoito_share_target
    if edits.avohuolto_escalation_reduction is not None:
        levers["avohuolto_escalation_reduction"] = edits.avohuolto_escalation_reduction
    if data == base.model_dump():
        return base
    data["name"] = f"{base.name}-muokattu"[:80]
    data["description"] = f"{base.description} Muokattu sovelluksessa / edited in the app."[:4000]
    return scenario_from_dict(data, "edited scenario")


def scenario_label(name: str, lang: Lang) -> str:
    """A bundled scenario as a person reads it ("Kanta-Häme, perusura (oletus)"), its name after."""
    try:
        return f"{t(f'scenario_desc_{name}', lang)} ({name})"
    except MissingTranslation:
        return name


def available_scenarios() -> dict[str, str]:
    """Every bundled scenario, label -> name, the default (kanta-hame) first: the same list
    wherever the app is started."""
    names = sorted(bundled_scenarios(), key=lambda name: (name != BUNDLED_DEFAULT, name))
    return {name: name for name in names}


def load_uploaded(content: bytes, filename: str) -> Scenario:
    """Validate an uploaded scenario with the same messages as the command line.

    It may extend a bundled scenario by name (``extends = "kanta-hame"``), never a path; it is
    never written to disk, and no message shows anything but the upload's own values
    (:func:`lsmitoitus.scenario.files.scenario_from_upload`)."""
    return scenario_from_upload(content, filename)


@dataclass
class WhatIf:
    base: DimensioningResult
    edited: DimensioningResult
    comparison: pd.DataFrame


def run_whatif(
    base: Scenario,
    edited: Scenario,
    target: int | None,
    confidence: float,
    replications: int,
    progress: Callable[[int, int], None] | None = None,
) -> WhatIf:
    """Dimension the base and the edited scenario with common random numbers. The parts of the
    requirement (demand, vacancies, absences, teams) are left to ``lsmitoitus dimension``: they
    would double the page's waiting time. An unedited scenario is dimensioned once (with common
    random numbers its second run would repeat the first exactly); ``progress(done, total)``
    counts ``replications`` per scenario run."""
    if edited == base:
        result = dimension(
            base,
            target,
            confidence,
            replications=replications,
            seed=base.simulation.seed,
            progress=progress,
            decompose=False,
        )
        return WhatIf(base=result, edited=result, comparison=comparison_table([result, result]))
    base_result, edited_result = compare(
        [base, edited],
        target,
        confidence,
        replications=replications,
        seed=base.simulation.seed,
        progress=progress,
        decompose=False,
    )
    return WhatIf(base=base_result, edited=edited_result, comparison=comparison_table([base_result, edited_result]))


def headline(whatif: WhatIf, lang: Lang) -> str:
    """The answer in one sentence (the edited scenario)."""
    return answer.headline(whatif.edited, lang)


def progress_text(done: int, replications: int, runs: int, remaining: str, lang: Lang) -> str:
    """The progress of a what-if for people: which scenario is running and how many of the chosen
    ``replications`` of it are done (``done`` counts over all ``runs``; 25 of 2 × 20 is the
    edited scenario's 5th of 20, not "25/40")."""
    which = min(done // replications, runs - 1)
    what = "app_progress_one" if runs == 1 else ("app_progress_base", "app_progress_edited")[which]
    return t(
        "app_progress",
        lang,
        what=t(what, lang),
        done=done - which * replications,
        total=replications,
        remaining=remaining,
    )


def settings_text(whatif: WhatIf, target: int | None, replications: int, lang: Lang) -> str:
    """The settings the answer answers, in one line under it: scenario, the levers' values, the
    target, the posts and the replications (so a changed control can be told from the answer)."""
    edited, base = whatif.edited.scenario, whatif.base.scenario
    posts = sum(s.social_workers for unit in edited.staffing.values() for s in unit.values())
    base_posts = sum(s.social_workers for unit in base.staffing.values() for s in unit.values())
    posts_text = formats.number(posts, lang)
    if posts != base_posts:
        posts_text = t("app_settings_posts_changed", lang, posts=posts_text, base=formats.number(base_posts, lang))
    family = edited.levers.perhehoito_share_target
    return t(
        "app_settings",
        lang,
        scenario=edited.name if edited.name == base.name else t("app_settings_edited", lang, name=base.name),
        growth=formats.percent(edited.demand.growth_per_year, lang, 1, sign=True),
        population=formats.percent(edited.demand.population_growth_per_year, lang, 1, sign=True),
        fill=formats.percent(mean_fill_rate(edited), lang),
        target=t("target_children", lang, n=target) if target is not None else t("target_law", lang),
        family=formats.percent(family, lang) if family is not None else t("app_settings_none", lang),
        effect=formats.percent(edited.levers.avohuolto_escalation_reduction, lang),
        posts=posts_text,
        n=formats.integer(replications, lang),
        conf=round(100 * whatif.edited.confidence),
    )


def table_html(frame: pd.DataFrame, numeric_from: int = 1) -> str:
    """A small table as HTML that fits the page: headers wrap, numbers stay on one line and are
    aligned right (columns from ``numeric_from`` on), every cell escaped."""
    number = ' class="num"'

    def cells(values: list[object], tag: str) -> str:
        return "".join(
            f"<{tag}{number if i >= numeric_from else ''}>{escape(str(v))}</{tag}>" for i, v in enumerate(values)
        )

    head = f"<tr>{cells(list(frame.columns), 'th')}</tr>"
    body = "".join(f"<tr>{cells(list(row), 'td')}</tr>" for row in frame.itertuples(index=False))
    return f'<div class="ls-table"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>'


#: The style of :func:`table_html` tables (set once on the page).
TABLE_CSS = """<style>
.ls-table { overflow-x: auto; margin: 0.25rem 0 1rem 0; }
.ls-table table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
.ls-table th { text-align: left; vertical-align: bottom; font-weight: 600; border-bottom: 2px solid #d0d0d0; }
.ls-table th, .ls-table td { padding: 0.3rem 0.6rem; }
.ls-table td { border-bottom: 1px solid #eee; vertical-align: top; }
.ls-table .num { text-align: right; }
.ls-table td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
</style>"""


def answer_table(whatif: WhatIf, lang: Lang) -> pd.DataFrame:
    """Unit, first breach, extra posts and their euros (the edited scenario), formatted."""
    return answer.answer_table(whatif.edited, lang)


def answer_notes(whatif: WhatIf, lang: Lang) -> list[str]:
    return dimensioning_report.answer_notes(whatif.edited, lang)


def short_labels(whatif: WhatIf, lang: Lang) -> tuple[str, str]:
    """The base and the edited scenario as short column headers ("perusura", "muokattu")."""
    return t("app_short_base", lang), t("app_short_edited", lang)


def labels_note(whatif: WhatIf, lang: Lang) -> str:
    """What the short headers stand for: "perusura = kanta-hame; muokattu = kanta-hame-muokattu"."""
    (base, _), (edited, _) = _labelled(whatif, lang)
    short_base, short_edited = short_labels(whatif, lang)
    return t("app_short_note", lang, short_base=short_base, base=base, short_edited=short_edited, edited=edited)


def _labelled(whatif: WhatIf, lang: Lang) -> tuple[tuple[str, DimensioningResult], ...]:
    """The two results under their scenarios' names (the base is named, never just "base")."""
    base, edited = whatif.base.scenario.name, whatif.edited.scenario.name
    if edited == base:
        edited = t("app_edited_same", lang, name=base)
    return ((t("app_base_named", lang, name=base), whatif.base), (edited, whatif.edited))


def timeliness_table(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """Yearly county shares of assessments started late and completed after 3 months (P50), base
    and edited side by side, as percentages; then the assessment workers the edited scenario needs
    (at the confidence) and those funded."""
    columns: dict[str, list[str]] = {}
    years: list[int] = []
    labels = short_labels(whatif, lang)
    shares_of = [
        late_assessment_shares(result.results).drop(columns="replication").groupby("year").median()
        for _, result in _labelled(whatif, lang)
    ]
    for measure, key in (("started_late", "app_timeliness_started"), ("completed_late", "app_timeliness_completed")):
        for label, shares in zip(labels, shares_of, strict=True):
            years = [int(y) for y in shares.index]
            columns[f"{t(key, lang)}: {label}"] = [formats.percent(v, lang) for v in shares[measure]]
    workers = whatif.edited.assessment
    if not workers.empty:  # the assessment workers the edited scenario needs (county, all areas)
        county = workers.groupby("year")[["required_workers_conf", "funded_workers"]].sum()
        conf = round(100 * whatif.edited.confidence)
        needed = [county["required_workers_conf"].get(y, float("nan")) for y in years]
        funded = [county["funded_workers"].get(y, float("nan")) for y in years]
        columns[t("app_assessment_needed", lang, conf=conf)] = [formats.number(v, lang, 1) for v in needed]
        columns[t("app_assessment_funded", lang)] = [formats.number(v, lang, 1) for v in funded]
    return pd.DataFrame({t("year", lang): [str(y) for y in years], **columns})


def cost_totals(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """County total cost per year, P10/P50/P90 (euros), base and edited: scenario is the label
    a person reads."""
    frames = []
    for label, result in _labelled(whatif, lang):
        summary = cost_summary(cost_frame(result.results))
        total = summary[(summary["area"] == ALL) & (summary["category"] == TOTAL)]
        frames.append(total.assign(scenario=label)[["scenario", "year", "p10", "p50", "p90"]])
    return pd.concat(frames, ignore_index=True)


def placements_table(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """New placements a year by type, base and edited side by side (columns "perhehoito:
    perusura", "perhehoito: muokattu", …), the mean over replications rounded to whole
    placements."""
    types = ["perhehoito", "ammatillinen_perhekoti", "laitoshoito"]
    means = []
    for _, result in _labelled(whatif, lang):
        m = result.results.monthly
        m = m[(m["measure"] == "placements_started") & m["unit"].isin(types)]
        m = m.assign(year=pd.DatetimeIndex(m["date"]).year)
        per = m.groupby(["replication", "year", "unit"], observed=True)["value"].sum()
        means.append(per.groupby(["year", "unit"], observed=True).mean().unstack("unit"))
    years = sorted({int(y) for mean in means for y in mean.index})
    columns: dict[str, list[str]] = {t("year", lang): [str(y) for y in years]}
    for unit in types:
        for label, mean in zip(short_labels(whatif, lang), means, strict=True):
            values = mean[unit] if unit in mean else pd.Series(dtype=float)
            columns[f"{t(unit, lang)}: {label}"] = [formats.integer(values.get(y, 0.0), lang) for y in years]
    return pd.DataFrame(columns)


def staffing_yearly(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """Required posts at the confidence and funded posts by team and year (edited), formatted."""
    result = whatif.edited
    yearly = result.yearly[(result.yearly["unit"] != ALL) & (result.yearly["team"] != ALL)]
    years = sorted(int(y) for y in yearly["year"].unique())
    rows = []
    for (unit, team), part in yearly.groupby(["unit", "team"], sort=False):
        by_year = part.set_index("year")
        rows.append(
            {
                t("answer_unit", lang): answer.unit_name(str(unit), str(team), lang),
                t("cmp_funded", lang): formats.number(by_year["funded_posts"].iloc[-1], lang),
                **{str(y): formats.integer(by_year["required_posts_conf"].get(y), lang) for y in years},
            }
        )
    return pd.DataFrame(rows)


def workbook_bytes(whatif: WhatIf, lang: Lang) -> bytes:
    """The planner's workbook of the edited scenario, with the comparison as its last sheet."""
    extra = {t("sheet_comparison", lang): comparison_for_people(whatif, lang)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mitoitus.xlsx"
        write_workbook(whatif.edited, path, lang, extra=extra)
        return path.read_bytes()


def comparison_for_people(whatif: WhatIf, lang: Lang) -> pd.DataFrame:
    """The comparison, one row per measure and a column per scenario (named as in the other tabs,
    so an unedited scenario's two columns differ), every number formatted."""
    frame = comparison_frame([whatif.base, whatif.edited], lang)
    labels = [label for label, _ in _labelled(whatif, lang)]
    return frame.set_axis([frame.columns[0], *labels], axis=1)


def report_files(whatif: WhatIf, lang: Lang) -> tuple[str, bytes]:
    """The report for the board (HTML, PDF) of the base and the edited scenario."""
    data = parse(json.loads(json.dumps(compare_data([whatif.base, whatif.edited], lang))))
    html = report_html(data, lang)
    return html, report_pdf(html)


def staffing_csv_bytes(whatif: WhatIf, lang: Lang) -> bytes:
    return csv_bytes(tables(whatif.edited, lang)[t("sheet_monthly", lang)], csv_style(None, lang))


def scenario_toml(scenario: Scenario, lang: Lang = "fi") -> str:
    """The scenario as a TOML file that `lsmitoitus run` reads unchanged, its comment in ``lang``."""
    return scenario_to_toml(scenario, t("toml_header_app", lang))


def figure_png(fig: object) -> bytes:
    buffer = io.BytesIO()
    literal_text(fig).savefig(buffer, format="png", dpi=110)  # type: ignore[arg-type]
    return buffer.getvalue()


def posts_of(scenario: Scenario) -> dict[tuple[str, str], float]:
    return {(u, a): scenario.staffing[u][a].social_workers for u in UNITS for a in scenario.area_names}
