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
from pathlib import Path

import pandas as pd

from ..answers.comparison import compare, comparison_table
from ..answers.costs import TOTAL, cost_frame, cost_summary
from ..answers.dimensioning import DimensioningResult
from ..answers.indicators import late_assessment_shares
from ..reports import answer, dimensioning_report
from ..reports.charts import literal_text
from ..reports.comparison_text import comparison_frame
from ..reports.csvfiles import csv_bytes, csv_style
from ..reports.dimensioning_report import tables, write_workbook
from ..reports.report import report_html, report_pdf
from ..reports.report_data import compare_data, parse
from ..scenario.files import bundled_scenarios, scenario_from_dict, scenario_from_upload, scenario_to_toml
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
    """Every bundled scenario, label -> name: the same list wherever the app is started."""
    return {name: name for name in bundled_scenarios()}


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
    would double the page's waiting time."""
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


def answer_table(whatif: WhatIf, lang: Lang) -> pd.DataFrame:
    """Unit, first breach, extra posts and their euros (the edited scenario), formatted."""
    return answer.answer_table(whatif.edited, lang)


def answer_notes(whatif: WhatIf, lang: Lang) -> list[str]:
    return dimensioning_report.answer_notes(whatif.edited, lang)


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
    for label, result in _labelled(whatif, lang):
        shares = late_assessment_shares(result.results).drop(columns="replication").groupby("year").median()
        years = [int(y) for y in shares.index]
        columns[f"{t('app_timeliness_started', lang)}: {label}"] = [
            formats.percent(v, lang) for v in shares["started_late"]
        ]
        columns[f"{t('app_timeliness_completed', lang)}: {label}"] = [
            formats.percent(v, lang) for v in shares["completed_late"]
        ]
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
    """New placements a year by type, the mean over replications (a mean of counts, so it is
    labelled as a mean and shown to one decimal only when it is not whole), base and edited."""
    rows = []
    types = ["perhehoito", "ammatillinen_perhekoti", "laitoshoito"]
    for label, result in _labelled(whatif, lang):
        m = result.results.monthly
        m = m[(m["measure"] == "placements_started") & m["unit"].isin(types)]
        m = m.assign(year=pd.DatetimeIndex(m["date"]).year)
        per = m.groupby(["replication", "year", "unit"], observed=True)["value"].sum()
        mean = per.groupby(["year", "unit"], observed=True).mean().unstack("unit")
        for year, r in mean.iterrows():
            rows.append(
                {
                    t("scenario", lang): label,
                    t("year", lang): str(year),
                    **{t(u, lang): formats.integer(r.get(u, 0.0), lang) for u in types},
                }
            )
    return pd.DataFrame(rows)


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
