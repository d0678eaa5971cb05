"""Charts of results (matplotlib's object API: no pyplot, no display, no global backend).

Readable by rule: panels that are compared share their y-scale, everything drawn has a legend
entry (bands included, and no two bands overlap), a vertical line marks where history ends and
the projection begins, axes that count posts show whole numbers, and SVG files keep their text
as text (searchable, selectable, translatable)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, num2date
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.ticker import FuncFormatter, MaxNLocator

from ..model.demand import first_projected_year
from ..model.posts import pool_keys
from ..scenario.schema import Scenario
from ..simulation.results import SimulationResults, summarise
from ..text import formats
from ..text.i18n import Lang, t
from ..text.labels import team_label
from ..vocabulary import UNITS

MEAN_COLOUR = "tab:blue"
MAX_COLOUR = "tab:orange"
LIMIT_COLOUR = "tab:red"
PROJECTION_COLOUR = "0.35"


def caseload_summary(results: SimulationResults) -> pd.DataFrame:
    """The monthly P10/P50/P90 of the per-worker measures the caseload chart draws."""
    df = results.monthly
    wanted = ["mean_children_per_worker", "max_children_per_worker", "mean_clients_per_worker", "limit"]
    return summarise(df[df["measure"].isin(wanted) & df["unit"].isin(UNITS)])


def caseload_figure(results: SimulationResults, lang: Lang = "fi") -> Figure:
    """Children per worker (mean with its P10–P90 band, largest list P50) against the limit, one
    panel per unit (rows) and team (columns), every panel on the same scale."""
    return caseload_figure_from(caseload_summary(results), results.scenario, lang)


def caseload_figure_from(summary: pd.DataFrame, scenario: Scenario, lang: Lang = "fi") -> Figure:
    """:func:`caseload_figure` from its summary (:func:`caseload_summary`), as stored for reports."""
    fig, panels = unit_team_panels(pool_keys(scenario), lang, sharey=True)
    counted_aftercare = scenario.caseload.count_jalkihuolto_18_plus
    summary = summary.assign(date=pd.to_datetime(summary["date"]))
    for ax, unit, team, _ in panels:
        part = summary[(summary["unit"] == unit) & (summary["area"] == team)]
        if unit == "jalkihuolto" and not counted_aftercare:
            # nobody aged 18+ is counted toward the limit: the counted lists are (nearly) empty, so
            # the panel shows every client per worker, which is what the unit's workload is
            ax.set_title(t("chart_aftercare_note", lang, team=team_label(team, lang)), fontsize=8)
            _band_and_line(ax, part, "mean_clients_per_worker", "0.45", t("chart_all_band", lang), band=True)
        else:
            _band_and_line(ax, part, "mean_children_per_worker", MEAN_COLOUR, t("chart_mean", lang), band=True)
            _band_and_line(ax, part, "max_children_per_worker", MAX_COLOUR, t("chart_max_p50", lang), band=False)
            everyone = part[part["measure"] == "mean_clients_per_worker"]
            if (
                not everyone.empty
                and (everyone["p50"] - part[part["measure"] == "mean_children_per_worker"]["p50"].to_numpy())
                .abs()
                .max()
                > 0.5
            ):
                ax.plot(
                    everyone["date"],
                    everyone["p50"],
                    color="0.45",
                    linestyle=":",
                    linewidth=1.1,
                    label=t("chart_all", lang),
                )
        lim = part[part["measure"] == "limit"]
        ax.step(lim["date"], lim["p50"], where="post", color=LIMIT_COLOUR, linestyle="--", label=t("chart_limit", lang))
        mark_projection(ax, scenario, lang)
    return finish_panels(fig, f"{t('chart_title', lang)} – {scenario.name}", t("chart_ylabel", lang), lang)


def _band_and_line(ax: Axes, part: pd.DataFrame, measure: str, colour: str, label: str, band: bool) -> None:
    s = part[part["measure"] == measure]
    if band:
        ax.fill_between(s["date"], s["p10"], s["p90"], color=colour, alpha=0.2, linewidth=0)
        # one legend entry for the line with its band (a tuple handle draws both)
        line = ax.plot(s["date"], s["p50"], color=colour, linewidth=1.4)[0]
        handles = getattr(ax, "_lsmitoitus_bands", [])
        handles.append(((Patch(facecolor=colour, alpha=0.2, linewidth=0), line), label))
        ax._lsmitoitus_bands = handles  # type: ignore[attr-defined]
    else:
        ax.plot(s["date"], s["p50"], color=colour, linewidth=1.2, label=label)


def projection_start(scenario: Scenario) -> dt.date:
    """1 January of the scenario's first projected year (the first year without observed data)."""
    return dt.date(first_projected_year(scenario), 1, 1)


def mark_projection(ax: Axes, scenario: Scenario, lang: Lang) -> None:
    """A vertical line where history ends and the projection begins, if that is on the chart."""
    start = projection_start(scenario)
    if scenario.simulation.start < start <= scenario.simulation.end:
        ax.axvline(
            pd.Timestamp(start),  # type: ignore[arg-type]
            color=PROJECTION_COLOUR,
            linestyle="-.",
            linewidth=1.0,
            label=t("chart_projection", lang),
        )


def unit_team_panels(
    keys: Sequence[tuple[str, str]], lang: Lang, sharey: bool = False, integer_y: bool = False
) -> tuple[Figure, Iterator[tuple[Axes, str, str, bool]]]:
    """A figure with one panel per team, a row per unit, and the panels in order as
    (axes, unit, team, first column); each panel gets its title, zero-based y-axis and grid.
    ``sharey``: every panel on one scale (for panels read against each other); ``integer_y``:
    whole-number ticks (posts)."""
    rows = [[team for u, team in keys if u == unit] for unit in UNITS]
    width = max(len(r) for r in rows)
    fig = Figure(figsize=(max(8.0, 3.6 * width), 2.7 * len(UNITS) + 0.9))
    axes = fig.subplots(len(UNITS), width, sharex=True, sharey=sharey, squeeze=False)
    for i, teams in enumerate(rows):
        for j in range(len(teams), width):
            axes[i][j].set_visible(False)

    def panels() -> Iterator[tuple[Axes, str, str, bool]]:
        for i, unit in enumerate(UNITS):
            for j, team in enumerate(rows[i]):
                ax = axes[i][j]
                ax.set_title(f"{team_label(team, lang)} – {t(unit, lang)}", fontsize=9)
                ax.grid(alpha=0.3)
                if integer_y:
                    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
                yield ax, unit, team, j == 0
                if sharey:
                    ax.tick_params(labelleft=True)  # every panel keeps its numbers
        # zero-based once everything is drawn (setting a limit earlier would freeze the shared
        # scale at the first panel's data)
        for ax in fig.axes:
            if ax.get_visible():
                ax.relim()
                ax.autoscale_view()
                ax.set_ylim(bottom=0)

    return fig, panels()


def finish_panels(fig: Figure, title: str, ylabel: str, lang: Lang = "fi") -> Figure:
    """One legend for all panels (each label once), the y label on the first column, Finnish (or
    English) number and month labels on the axes, the title."""
    handles: dict[str, Any] = {}
    for ax in fig.axes:
        for handle, label in getattr(ax, "_lsmitoitus_bands", []):
            handles.setdefault(label, handle)
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault(label, handle)
        spec = ax.get_subplotspec()
        if spec is not None and spec.is_first_col():
            ax.set_ylabel(ylabel, fontsize=8)
        if ax.get_visible():
            localise_axes(ax, lang)
    fig.legend(list(handles.values()), list(handles), loc="lower center", ncol=3, frameon=False, fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.autofmt_xdate(rotation=30)
    literal_text(fig)  # names from the scenario are text, not mathtext
    fig.tight_layout(rect=(0, 0.07, 1, 0.97))
    return fig


def localise_axes(ax: Axes, lang: Lang, dates: bool = True) -> None:
    """Tick labels in the reader's format: decimal comma on the y-axis, and month/year on a date
    x-axis (3/2026 in Finnish)."""
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: formats.number(round(v, 6), lang)))
    if dates:
        ax.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=7))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: formats.month(num2date(v).date(), lang, short=True)))


def literal_text(fig: Figure) -> Figure:
    """Every text of ``fig`` drawn as written: names from a scenario (an area called "$x$") are
    data, not matplotlib's mathematical notation (which could fail to parse)."""
    for text in fig.findobj(Text):
        text.set_parse_math(False)
    return fig


def save_figure(fig: Figure, path: Path) -> None:
    """PNG or SVG by the file's suffix; an SVG keeps its text as text, not as drawn shapes."""
    with rc_context({"svg.fonttype": "none"}):
        literal_text(fig).savefig(path, dpi=110)


def figure_svg(fig: Figure) -> str:
    """The figure as SVG text (text kept as text), for HTML reports."""
    buffer = io.StringIO()
    with rc_context({"svg.fonttype": "none"}):
        literal_text(fig).savefig(buffer, format="svg")
    return buffer.getvalue()
