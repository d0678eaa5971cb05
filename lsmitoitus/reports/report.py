"""A report for the board: an HTML and a PDF document from a results folder.

``lsmitoitus report FOLDER`` (and the app's download) reads the folder's ``raportti.json``
(:mod:`lsmitoitus.reports.report_data`) and writes, atomically into a new folder, ``raportti.html``
(self-contained: charts are inline SVG with their text as text) and ``raportti.pdf`` (WeasyPrint,
from the same HTML). The answer comes first, then the key charts, the per-year table, the
assumptions and their sources, and the date, scenario and version. Every word comes from the
translation table and every number from :mod:`lsmitoitus.text.formats`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from ..answers.costs import TOTAL, price_index
from ..answers.staffing_answer import StaffingAnswer, answer_of
from ..scenario.files import load_scenario
from ..scenario.schema import Scenario
from ..text import formats
from ..text.i18n import Lang, Msg, UserError, t
from ..vocabulary import ALL, UNITS
from .answer import (
    funded_check_line,
    head_sentence,
    headline,
    level_word,
    notes,
    parts_lines,
    parts_table,
    reading_lines,
    readings_table,
    story,
    team_table,
    uncertainty_line,
    unit_name,
)
from .charts import caseload_figure_from, figure_svg, literal_text, localise_axes
from .dimensioning_report import staffing_figure, target_text
from .folders import _shown, check_output, write_folder
from .report_data import FILE, ReportData, parse
from .summary import counted_cells

#: Files that mark a folder written by an older version (a results folder without report data).
OLD_MARKERS = ("run.json", "mitoitus.xlsx", "vertailu.csv")
HTML, PDF = "raportti.html", "raportti.pdf"


@dataclass
class Table:
    """A table for the template: header cells, rows of formatted cells, which columns are numbers."""

    header: list[str]
    rows: list[list[str]]
    numeric: list[bool]

    @property
    def short_labels(self) -> bool:
        """Whether the first column's labels are short enough to stay on one line each."""
        return max((len(row[0]) for row in self.rows if row), default=0) <= 26


def _table(frame: pd.DataFrame, numeric_from: int = 1) -> Table:
    header = [str(c) for c in frame.columns]
    return Table(header, frame.astype(str).to_numpy().tolist(), [i >= numeric_from for i in range(len(header))])


#: Value columns (years, scenarios) one table shows beside its label columns on an A4 page: a
#: wider table is cut into blocks of columns, each with the label columns again.
MAX_VALUE_COLUMNS = 6


def column_blocks(table: Table, fixed: int = 1, most: int = MAX_VALUE_COLUMNS) -> list[Table]:
    """``table`` as tables of at most ``most`` value columns each, every one beginning with the
    first ``fixed`` (label) columns; the columns are shared out evenly (ten years: 5 + 5)."""
    values = len(table.header) - fixed
    if values <= most:
        return [table]
    blocks = math.ceil(values / most)
    size = math.ceil(values / blocks)
    out = []
    for first in range(fixed, len(table.header), size):
        columns = [*range(fixed), *range(first, min(first + size, len(table.header)))]
        out.append(
            Table(
                [table.header[c] for c in columns],
                [[row[c] for c in columns] for row in table.rows],
                [table.numeric[c] for c in columns],
            )
        )
    return out


def read_folder(folder: Path) -> ReportData:
    """The report data of a results folder, or a clear message saying what is wrong."""
    shown = _shown(folder)
    if not folder.is_dir():
        raise UserError(Msg("report_no_folder", path=shown))
    path = folder / FILE
    if not path.is_file():
        if any((folder / name).exists() for name in OLD_MARKERS):
            raise UserError(Msg("report_old_folder", path=shown, missing=FILE))
        raise UserError(Msg("report_not_results", path=shown, missing=FILE))
    try:
        if path.stat().st_size > 200_000_000:
            raise ValueError("too large")
        return parse(json.loads(path.read_text(encoding="utf-8")))
    except DAMAGE as exc:
        raise UserError(Msg("report_bad_data", path=shown, detail=type(exc).__name__)) from None


#: What reading a damaged or edited raportti.json raises, while parsing it or while drawing the
#: report from it (a table without a column, an empty table, a list for a table, no scenario).
DAMAGE = (OSError, ValueError, KeyError, TypeError, AttributeError, IndexError, UnicodeDecodeError)


# --- content -----------------------------------------------------------------------------------


def _costs_figure(frames: list[tuple[str, pd.DataFrame]], lang: Lang) -> Figure:
    """County total costs by year (P50 with the P10–P90 band), one line per scenario."""
    fig = Figure(figsize=(7.5, 3.2))
    ax = fig.subplots()
    handles: list[Any] = []
    labels: list[str] = []
    for i, (name, costs) in enumerate(frames):
        total = costs[costs["category"] == TOTAL].sort_values("year")
        colour = f"C{i}"
        ax.fill_between(total["year"], total["p10"] / 1e6, total["p90"] / 1e6, color=colour, alpha=0.2, linewidth=0)
        line = ax.plot(total["year"], total["p50"] / 1e6, marker="o", color=colour)[0]
        handles.append((Patch(facecolor=colour, alpha=0.2, linewidth=0), line))
        labels.append(f"{name} ({t('app_costs_p50', lang)}, {t('app_costs_band', lang)})")
        ax.set_xticks(total["year"].tolist())
    ax.set_ylabel(t("chart_costs_ylabel", lang), fontsize=8)
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    localise_axes(ax, lang, dates=False)
    ax.legend(handles, labels, fontsize=8, frameon=False, loc="lower right")
    ax.set_title(t("chart_costs_title", lang), fontsize=10)
    literal_text(fig)  # names from the scenario are text, not mathtext
    fig.tight_layout()
    return fig


def _required_figure(results: list[Any], lang: Lang) -> Figure:
    """Required posts (county total at the confidence) by year, one line per scenario, and the
    funded posts."""
    fig = Figure(figsize=(7.5, 3.2))
    ax = fig.subplots()
    for i, result in enumerate(results):
        answer = answer_of(result)
        total = answer.county.sort_values("year")
        ax.plot(
            total["year"],
            total["required"],
            marker="o",
            color=f"C{i}",
            label=f"{result.scenario.name}: {t('app_required', lang, level=level_word(answer, lang))}",
        )
        if i == 0:
            ax.step(
                total["year"],
                total["funded_posts"],
                where="post",  # a year's posts from its first day on
                color="0.3",
                linestyle="--",
                label=t("app_funded", lang),
            )
        ax.set_xticks(total["year"].tolist())
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(bottom=0)
    ax.set_ylabel(t("chart_posts", lang), fontsize=8)
    ax.grid(alpha=0.3)
    localise_axes(ax, lang, dates=False)
    ax.legend(fontsize=8, frameon=False, loc="lower right")
    ax.set_title(t("chart_posts_by_year", lang), fontsize=10)
    literal_text(fig)  # names from the scenario are text, not mathtext
    fig.tight_layout()
    return fig


def _run_answer(data: ReportData, lang: Lang) -> list[str]:
    """A run's answer: which teams' funded posts fail the reading from when (the dimensioning
    answer's criterion on the run's replications), then the county's costs in the last year."""
    table = data.frames["caseload_table"]
    last = int(table["year"].max())
    lines = [funded_check_line(data.check, lang)] if data.check is not None else []
    costs = data.frames["costs"]
    total = costs[(costs["category"] == TOTAL) & (costs["year"] == last)]
    if not total.empty:
        r = total.iloc[0]
        lines.append(
            t(
                "report_run_costs",
                lang,
                year=last,
                total=formats.money(r["p50"], lang),
                band=formats.money_range(r["p10"], r["p90"], lang),
            )
        )
    return lines


def _run_yearly(data: ReportData, lang: Lang) -> Table:
    table = data.frames["caseload_table"]
    order = {u: i for i, u in enumerate(UNITS)}
    table = table.assign(order=table["unit"].map(order)).sort_values(["order", "area", "year"])
    frame = pd.DataFrame(
        {
            t("answer_unit", lang): [unit_name(u, a, lang) for u, a in zip(table["unit"], table["area"], strict=True)],
            t("year", lang): table["year"].astype(int).astype(str),
            t("clients", lang): [formats.integer(v, lang) for v in table["clients"]],
            t("workers_in_post", lang): [formats.number(v, lang, 1) for v in table["workers_in_post"]],
            t("mean_children_per_worker", lang): counted_cells(table, "mean_children_per_worker", lang),
            t("max_children_per_worker", lang): counted_cells(table, "max_children_per_worker", lang),
            t("share_workers_over_limit", lang): counted_cells(table, "share_workers_over_limit", lang),
        }
    )
    return _table(frame, numeric_from=1)


def _dimension_yearly(result: Any, answer: StaffingAnswer, lang: Lang) -> Table:
    """Required posts at the answer's level by team and year, the funded (or planned) posts and
    the county's cost."""
    column = {"conf": "required_posts_conf", "p50": "required_posts_p50", "mean": "required_posts_mean"}[answer.level]
    yearly = result.yearly
    years = sorted(int(y) for y in yearly["year"].unique())
    teams = yearly[(yearly["unit"] != ALL) & (yearly["team"] != ALL)]
    rows = []
    for (unit, team), part in teams.groupby(["unit", "team"], sort=False):
        by_year = part.set_index("year")
        rows.append(
            [
                unit_name(str(unit), str(team), lang),
                formats.number(by_year["funded_posts"].iloc[-1], lang),
                *(formats.integer(by_year[column].get(y), lang) for y in years),
            ]
        )
    total = yearly[(yearly["unit"] == ALL) & (yearly["team"] == ALL)].set_index("year")
    rows.append(
        [
            t("total_row", lang),
            formats.number(total["funded_posts"].iloc[-1], lang),
            *(formats.integer(total[column].get(y), lang) for y in years),
        ]
    )
    price = {y: result.scenario.costs.social_worker_per_fte * price_index(result.scenario, y) for y in years}
    rows.append(
        [
            t("required_cost", lang).replace(" (€)", ""),
            "",
            *(formats.money(total[column].get(y) * price[y], lang) for y in years),
        ]
    )
    header = [
        t("answer_unit", lang),
        t("chart_planned" if answer.plan else "cmp_funded", lang),
        *(str(y) for y in years),
    ]
    return Table(header, rows, [i >= 1 for i in range(len(header))])


def _compare_table(data: ReportData, lang: Lang) -> Table:
    rows = data.comparison
    header = [t("cmp_measure", lang), *(r["scenario"] for r in rows)]
    answers = [answer_of(r) for r in data.dimensioning]
    first = [min((x.first_failing_day for x in a.short_teams if x.first_failing_day), default=None) for a in answers]
    body = [
        [t("cmp_clients", lang), *(formats.integer(r["clients_last_year"], lang) for r in rows)],
        [t("cmp_funded", lang), *(formats.number(r["funded_posts"], lang) for r in rows)],
        [t("cmp_required", lang), *(formats.integer(r["required_last_year"], lang) for r in rows)],
        [t("cmp_extra", lang), *(formats.integer(r["extra_posts"], lang) for r in rows)],
        [t("cmp_units_in_breach", lang), *(formats.integer(r["units_in_breach"], lang) for r in rows)],
        [t("cmp_first_breach", lang), *(formats.date(d, lang) if d else "–" for d in first)],
        [t("cmp_started_late", lang), *(formats.percent(r["started_late"], lang) for r in rows)],
        [t("cmp_completed_late", lang), *(formats.percent(r["completed_late"], lang) for r in rows)],
        [t("cmp_cost", lang), *(formats.money(r["cost_last_year_p50"], lang) for r in rows)],
        [t("cmp_difference", lang), *(formats.money(r["cost_difference_p50"], lang, sign=True) for r in rows)],
        [
            t("cmp_difference_band", lang),
            *(
                formats.money_range(r["cost_difference_p10"], r["cost_difference_p90"], lang, 2, sign=True)
                for r in rows
            ),
        ],
    ]
    return Table(header, body, [i >= 1 for i in range(len(header))])


def _compare_yearly(data: ReportData, lang: Lang) -> Table:
    """Required posts (county total at the confidence) and the costs (P50) by year and scenario."""
    results = data.dimensioning
    years = sorted(int(y) for y in results[0].yearly["year"].unique())
    rows = []
    for i, result in enumerate(results):
        answer = answer_of(result)
        total = result.yearly[(result.yearly["unit"] == ALL) & (result.yearly["team"] == ALL)].set_index("year")
        column = {"conf": "required_posts_conf", "p50": "required_posts_p50", "mean": "required_posts_mean"}[
            answer.level
        ]
        rows.append(
            [
                f"{result.scenario.name}: {t('report_required_by_year', lang, level=level_word(answer, lang))}",
                *(formats.integer(total[column].get(y), lang) for y in years),
            ]
        )
        frame = data.frames[f"costs_{i}"]
        p50 = frame[frame["category"] == TOTAL].set_index("year")["p50"]
        rows.append(
            [
                f"{result.scenario.name}: {t('app_costs_p50', lang)}",
                *(formats.money(float(p50[y]) if y in p50.index else None, lang) for y in years),
            ]
        )
    header = [t("cmp_measure", lang), *(str(y) for y in years)]
    return Table(header, rows, [i >= 1 for i in range(len(header))])


# --- assumptions and their sources ---------------------------------------------------------


def _posts(s: Scenario, lang: Lang) -> str:
    return ", ".join(
        f"{t(u, lang)} {formats.number(sum(x.social_workers for x in s.staffing[u].values()), lang)}" for u in UNITS
    )


def _fill(s: Scenario, lang: Lang) -> str:
    rates = [x.fill_rate for u in UNITS for x in s.staffing[u].values()]
    low, high = min(rates), max(rates)
    return formats.percent(low, lang) if low == high else f"{formats.percent(low, lang)}–{formats.percent(high, lang)}"


def _limit(s: Scenario, lang: Lang) -> str:
    return " → ".join(f"{formats.integer(d.value, lang)} ({formats.date(d.start, lang)})" for d in s.caseload.limit)


def _levers(s: Scenario, lang: Lang) -> str:
    lv = s.levers
    parts = []
    if lv.avohuolto_escalation_reduction:
        parts.append(t("as_lever_effect", lang, share=formats.percent(-lv.avohuolto_escalation_reduction, lang)))
    if lv.perhehoito_share_target is not None:
        parts.append(t("as_lever_family", lang, share=formats.percent(lv.perhehoito_share_target, lang)))
    if lv.avohuolto_extra_posts:
        parts.append(t("as_lever_posts", lang, n=formats.integer(sum(lv.avohuolto_extra_posts.values()), lang)))
    if lv.reunification_speedup:
        parts.append(t("as_lever_reunification", lang, share=formats.percent(lv.reunification_speedup, lang)))
    if lv.jalkihuolto_age_limit is not None:
        parts.append(t("as_lever_age", lang, age=lv.jalkihuolto_age_limit))
    return "; ".join(parts) if parts else t("as_levers_none", lang)


def _assumption_values(s: Scenario, lang: Lang) -> list[tuple[str, str, str]]:
    """(assumption, value, source key) for the figures a board asks about."""
    price = s.costs.placement_day
    return [
        (
            "as_notifications",
            "; ".join(f"{y}: {formats.integer(v, lang)}" for y, v in sorted(s.demand.notifications.items())),
            "src_notifications",
        ),
        ("as_growth", formats.percent(s.demand.growth_per_year, lang, 1), "src_growth"),
        ("as_population", formats.percent(s.demand.population_growth_per_year, lang, 1), "src_population"),
        ("as_posts", _posts(s, lang), "src_posts"),
        ("as_fill", _fill(s, lang), "src_fill"),
        ("as_limit", _limit(s, lang), "src_limit"),
        ("as_worker_cost", formats.euros(s.costs.social_worker_per_fte, lang), "src_worker_cost"),
        (
            "as_vacancy_cover",
            t(
                "as_vacancy_cover_value",
                lang,
                factor=formats.number(s.costs.vacancy_cover_factor, lang),
                cost=formats.euros(s.costs.social_worker_per_fte, lang),
                total=formats.euros(s.costs.vacancy_cover_factor * s.costs.social_worker_per_fte, lang),
            ),
            "src_vacancy_cover",
        ),
        (
            "as_day_prices",
            " / ".join(
                formats.euros(p, lang) for p in (price.perhehoito, price.ammatillinen_perhekoti, price.laitoshoito)
            ),
            "src_day_prices",
        ),
        ("as_levers", _levers(s, lang), "src_levers"),
    ]


def _assumptions(data: ReportData, lang: Lang) -> Table:
    """Every key assumption of each scenario with its source; a value that differs from the
    bundled default says so (the sources are those of the default's figures)."""
    default = dict((k, v) for k, v, _ in _assumption_values(load_scenario(), lang))
    per_scenario = [_assumption_values(s, lang) for s in data.scenarios]
    rows = []
    for i, (key, _, source) in enumerate(per_scenario[0]):
        values = [values[i][1] for values in per_scenario]
        changed = any(v != default.get(key) for v in values)
        note = t(source, lang) + (f" ({t('report_changed', lang)})" if changed else "")
        rows.append([t(key, lang), *values, note])
    if data.dimensioning:
        rows.append(
            [
                t("as_target", lang),
                *(_target_value(answer_of(r), lang) for r in data.dimensioning),
                t("src_target", lang),
            ]
        )
    names = [s.name for s in data.scenarios]
    header = [t("report_assumption", lang), *(names if len(names) > 1 else [t("report_value", lang)])]
    header.append(t("report_source", lang))
    return Table(header, rows, [False] * len(header))


def _target_value(answer: StaffingAnswer, lang: Lang) -> str:
    """ "lakisääteinen raja; THL:n seurantapäivät; 90 %" (a median says so instead)."""
    return "; ".join([target_text(answer, lang), t(f"reading_name_{answer.reading}", lang), level_word(answer, lang)])


# --- the document --------------------------------------------------------------------------


@dataclass
class AnswerBlock:
    """Page 1 of a report: sentences in bold (the answer), plain sentences (the other readings and
    practices, the uncertainty), tables each with an optional title and notes under it."""

    bold: list[str]
    plain: list[str]
    tables: list[tuple[str, list[Table], list[str]]]


def _dimension_answer(result: Any, lang: Lang) -> tuple[AnswerBlock, list[str]]:
    """The dimensioning answer as every output tells it (:mod:`lsmitoitus.reports.answer`):
    the headline; the other readings and practices and the uncertainty; the teams; the parts;
    then the readings side by side; and the notes."""
    answer = answer_of(result)
    tables: list[tuple[str, list[Table], list[str]]] = [("", [_table(team_table(answer, lang), numeric_from=1)], [])]
    parts = parts_table(answer, lang)
    if not parts.empty:
        lines = parts_lines(answer, lang)
        tab = Table([str(c) for c in parts.columns], parts.astype(str).to_numpy().tolist(), [False, True, False])
        tables.append((lines[0], [tab], lines[1:]))
    readings = readings_table(answer, lang)
    if not readings.empty:
        tab = _table(readings, numeric_from=1)
        tables.append((t("readings_title", lang), column_blocks(tab, fixed=1), []))
    block = AnswerBlock(
        [head_sentence(answer, lang)],
        [story(answer, lang), *reading_lines(answer, lang), uncertainty_line(answer, lang)],
        tables,
    )
    return block, notes(answer, lang)


def _whatif_lines(data: ReportData, lang: Lang) -> list[str]:
    """A what-if's difference from its base, first (the edit and what it changes)."""
    facts = data.whatif
    if not facts:
        return []
    edits = [
        t(f"edit_{e['setting']}", lang, value=_edit_value(e, e["edited"], lang), base=_edit_value(e, e["base"], lang))
        for e in facts.get("edits", [])
    ]
    return [
        t(
            "report_whatif",
            lang,
            edits="; ".join(edits) if edits else t("app_settings_none", lang),
            year=facts["year"],
            posts=formats.signed(facts["posts_p50"], lang, 0),
            band=f"{formats.signed(facts['posts_p10'], lang, 0)}…{formats.signed(facts['posts_p90'], lang, 0)}",
            cost=formats.money(facts["cost_p50"], lang, sign=True),
            cost_band=formats.money_range(facts["cost_p10"], facts["cost_p90"], lang, 2, sign=True),
            n=formats.integer(facts["replications"], lang),
        )
    ]


def _edit_value(edit: dict[str, Any], value: Any, lang: Lang) -> str:
    if value is None:
        return t("app_settings_none", lang)
    kind = edit.get("kind", "number")
    if kind == "share":
        return formats.percent(float(value), lang)
    if kind == "change":
        return formats.percent(float(value), lang, 1, sign=True)
    return formats.number(float(value), lang)


def report_context(data: ReportData, lang: Lang, folder: str = "") -> dict[str, Any]:
    """Everything the template shows, formatted."""
    scenario = data.scenarios[0]
    sim = scenario.simulation
    charts: list[tuple[str, str]] = []
    notes_: list[str] = []
    comparison = None
    if data.kind == "run":
        title = t("report_title_run", lang, name=scenario.name)
        block = AnswerBlock(_run_answer(data, lang), [], [])
        charts.append(
            (figure_svg(caseload_figure_from(data.frames["caseload"], scenario, lang)), "report_chart_caseload")
        )
        charts.append((figure_svg(_costs_figure([(scenario.name, data.frames["costs"])], lang)), "report_chart_costs"))
        yearly = _run_yearly(data, lang)
        yearly_fixed = 2
        yearly_title = t("report_table_run", lang)
        method = t("report_method_run", lang, n=formats.integer(sim.replications, lang))
    elif data.kind == "dimension":
        result = data.dimensioning[0]
        answer = answer_of(result)
        title = t("report_title_dimension", lang, name=scenario.name)
        if answer.plan:
            title = t("report_title_plan", lang, name=scenario.name, plan=answer.plan)
        block, notes_ = _dimension_answer(result, lang)
        caption = "report_chart_staffing_plan" if answer.plan else "report_chart_staffing"
        charts.append((figure_svg(staffing_figure(result, lang, answer)), caption))
        charts.append((figure_svg(_costs_figure([(scenario.name, data.frames["costs"])], lang)), "report_chart_costs"))
        yearly = _dimension_yearly(result, answer, lang)
        yearly_fixed = 2
        yearly_title = t("yearly_required", lang, level=level_word(answer, lang))
        method = t("method_text", lang, n=formats.integer(sim.replications, lang), seed=sim.seed)
    else:
        title = t("report_title_whatif" if data.whatif else "report_title_compare", lang)
        answers = [answer_of(r) for r in data.dimensioning]
        # each scenario's headline under its name: the headlines alone do not say whose they are
        heads = [
            t("report_compare_answer", lang, scenario=a.scenario, headline=headline(a, lang))
            for a in (answers[::-1] if data.whatif else answers)
        ]
        block = AnswerBlock([*_whatif_lines(data, lang), *heads], [uncertainty_line(answers[-1], lang)], [])
        comparison = _compare_table(data, lang)
        charts.append((figure_svg(_required_figure(data.dimensioning, lang)), "report_chart_compare"))
        frames = [(s.name, data.frames[f"costs_{i}"]) for i, s in enumerate(data.scenarios)]
        charts.append((figure_svg(_costs_figure(frames, lang)), "report_chart_costs"))
        yearly = _compare_yearly(data, lang)
        yearly_fixed = 1
        yearly_title = t("report_yearly", lang)
        method = t("method_text", lang, n=formats.integer(sim.replications, lang), seed=sim.seed)
    meta = t(
        "report_meta",
        lang,
        date=formats.date(dt.date.today(), lang),
        scenario=", ".join(s.name for s in data.scenarios),
        n=formats.integer(sim.replications, lang),
        seed=sim.seed,
        version=data.version,
    )
    return {
        "lang": lang,
        "title": title,
        "subtitle": t("report_subtitle", lang),
        "meta": meta,
        "computed": t("report_meta_results", lang, date=formats.date(data.created, lang)),
        "folder": t("report_source_folder", lang, folder=folder) if folder else "",
        "h_answer": t("report_answer", lang),
        "answer": block.bold,
        "answer_more": block.plain,
        "answer_tables": block.tables,
        "comparison": column_blocks(comparison) if comparison else [],
        "notes": notes_,
        "h_charts": t("report_charts", lang),
        "charts": [(svg, t(caption, lang)) for svg, caption in charts],
        "h_yearly": yearly_title,
        "yearly": column_blocks(yearly, fixed=yearly_fixed),
        "h_assumptions": t("report_assumptions", lang),
        "assumptions": _assumptions(data, lang),
        "sources_note": t("report_sources_note", lang),
        "h_method": t("report_method", lang),
        "method": method,
    }


def report_html(data: ReportData, lang: Lang, folder: str = "") -> str:
    """The report as one self-contained HTML document."""
    env = Environment(
        loader=PackageLoader("lsmitoitus.reports", "templates"),
        autoescape=select_autoescape(["html"]),
        finalize=_kept_together,
    )
    env.filters["safe_svg"] = _strip_svg_header
    return env.get_template("report.html").render(**report_context(data, lang, folder))


def _kept_together(value: Any) -> Any:
    """Every text the template shows keeps a number with its unit on one line (a no-break
    space: "90 %:n", "2,26 M€"); the charts' SVG is markup and passes as it is."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return formats.keep_together(value)
    return value


def _strip_svg_header(svg: str) -> str:
    """Matplotlib's SVG without its XML declaration and DOCTYPE, to sit inside HTML."""
    start = svg.find("<svg")
    return Markup(svg[start:] if start >= 0 else svg)


def report_pdf(html: str) -> bytes:
    """The PDF of the report's HTML (WeasyPrint)."""
    from weasyprint import HTML  # lazy: ~0.5 s to import; only the PDF needs it (the app shows the HTML)

    try:
        pdf = HTML(string=html).write_pdf()
    except Exception as exc:  # a rendering failure is reported, never a half-written report
        raise UserError(Msg("report_pdf_failed", detail=type(exc).__name__)) from None
    assert pdf is not None
    return bytes(pdf)


def default_report_dir(folder: Path) -> Path:
    """``FOLDER-raportti`` beside the results folder."""
    return folder.parent / f"{folder.name}-raportti"


def write_report(folder: Path, out: Path | None = None, lang: Lang | None = None) -> tuple[Path, list[Msg]]:
    """Read ``folder``, write ``raportti.html`` and ``raportti.pdf`` into the new folder ``out``
    (atomically; never overwriting). Returns the folder and notes for the user."""
    target = out or default_report_dir(folder.resolve() if folder.name in ("", ".", "..") else folder)
    notes = check_output(target)
    data = read_folder(folder)
    chosen: Lang = lang or data.lang
    try:
        html = report_html(data, chosen, folder.name)
    except DAMAGE as exc:  # the file parsed, but its content does not make a report
        raise UserError(Msg("report_bad_data", path=_shown(folder), detail=type(exc).__name__)) from None
    pdf = report_pdf(html)

    def write(tmp: Path) -> None:
        (tmp / HTML).write_text(html, encoding="utf-8")
        (tmp / PDF).write_bytes(pdf)

    return write_folder(target, write), notes
