"""Charts of results (matplotlib's object API: no pyplot, no display, no global backend)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..model.posts import pool_keys
from ..results import SimulationResults, summarise
from ..vocabulary import UNITS
from .i18n import Lang, t
from .labels import team_label


def caseload_figure(results: SimulationResults, lang: Lang = "fi") -> Figure:
    """Children per worker (mean and largest list, P50 with P10–P90 bands) against the limit,
    one panel per unit (rows) and area (columns)."""
    df = results.monthly
    wanted = ["mean_children_per_worker", "max_children_per_worker", "mean_clients_per_worker", "limit"]
    summary = summarise(df[df["measure"].isin(wanted) & df["unit"].isin(UNITS)])
    fig, panels = unit_team_panels(pool_keys(results.scenario), lang)
    styles = {
        "mean_children_per_worker": ("tab:blue", t("chart_mean", lang)),
        "max_children_per_worker": ("tab:orange", t("chart_max", lang)),
    }
    for ax, unit, area, _ in panels:
        part = summary[(summary["unit"] == unit) & (summary["area"] == area)]
        for measure, (colour, label) in styles.items():
            s = part[part["measure"] == measure]
            ax.fill_between(s["date"], s["p10"], s["p90"], color=colour, alpha=0.2, linewidth=0)
            ax.plot(s["date"], s["p50"], color=colour, label=label, linewidth=1.4)
        everyone = part[part["measure"] == "mean_clients_per_worker"]
        ax.plot(
            everyone["date"], everyone["p50"], color="grey", linestyle=":", linewidth=1.2, label=t("chart_all", lang)
        )
        lim = part[part["measure"] == "limit"]
        ax.step(lim["date"], lim["p50"], where="post", color="tab:red", linestyle="--", label=t("chart_limit", lang))
    return finish_panels(fig, f"{t('chart_title', lang)} – {results.scenario.name}", t("chart_ylabel", lang))


def unit_team_panels(
    keys: Sequence[tuple[str, str]], lang: Lang
) -> tuple[Figure, Iterator[tuple[Axes, str, str, bool]]]:
    """A figure with one panel per team, a row per unit, and the panels in order as
    (axes, unit, team, first column); each panel gets its title, zero-based y-axis and grid."""
    rows = [[team for u, team in keys if u == unit] for unit in UNITS]
    width = max(len(r) for r in rows)
    fig = Figure(figsize=(4.2 * width, 3.0 * len(UNITS)))
    axes = fig.subplots(len(UNITS), width, sharex=True, squeeze=False)
    for i, teams in enumerate(rows):
        for j in range(len(teams), width):
            axes[i][j].set_visible(False)

    def panels() -> Iterator[tuple[Axes, str, str, bool]]:
        for i, unit in enumerate(UNITS):
            for j, team in enumerate(rows[i]):
                ax = axes[i][j]
                ax.set_title(f"{team_label(team, lang)} – {t(unit, lang)}", fontsize=10)
                ax.grid(alpha=0.3)
                yield ax, unit, team, j == 0
                ax.set_ylim(bottom=0)

    return fig, panels()


def finish_panels(fig: Figure, title: str, ylabel: str) -> Figure:
    """One legend for all panels (each label once), the y label on the first column, the title."""
    handles: dict[str, Any] = {}
    for ax in fig.axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault(label, handle)
        spec = ax.get_subplotspec()
        if spec is not None and spec.is_first_col():
            ax.set_ylabel(ylabel, fontsize=8)
    fig.legend(list(handles.values()), list(handles), loc="lower center", ncol=5, frameon=False)
    fig.suptitle(title)
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0.05, 1, 0.96))
    return fig


def save_figure(fig: Figure, path: Path) -> None:
    fig.savefig(path, dpi=110)
