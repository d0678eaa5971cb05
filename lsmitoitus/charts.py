"""Charts of results (matplotlib, no display needed)."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

from .i18n import Lang, t
from .results import SimulationResults, summarise
from .vocabulary import UNITS


def caseload_figure(results: SimulationResults, lang: Lang = "fi") -> Figure:
    """Children per worker (mean and largest list, P50 with P10–P90 bands) against the limit,
    one panel per unit (rows) and area (columns)."""
    df = results.monthly
    wanted = ["mean_children_per_worker", "max_children_per_worker", "mean_clients_per_worker", "limit"]
    summary = summarise(df[df["measure"].isin(wanted) & df["unit"].isin(UNITS)])
    areas = results.scenario.area_names
    fig, axes = plt.subplots(
        len(UNITS), len(areas), figsize=(4.2 * len(areas), 3.0 * len(UNITS)), sharex=True, squeeze=False
    )
    styles = {
        "mean_children_per_worker": ("tab:blue", t("chart_mean", lang)),
        "max_children_per_worker": ("tab:orange", t("chart_max", lang)),
    }
    for i, unit in enumerate(UNITS):
        for j, area in enumerate(areas):
            ax = axes[i][j]
            part = summary[(summary["unit"] == unit) & (summary["area"] == area)]
            for measure, (colour, label) in styles.items():
                s = part[part["measure"] == measure]
                ax.fill_between(s["date"], s["p10"], s["p90"], color=colour, alpha=0.2, linewidth=0)
                ax.plot(s["date"], s["p50"], color=colour, label=label, linewidth=1.4)
            everyone = part[part["measure"] == "mean_clients_per_worker"]
            ax.plot(
                everyone["date"],
                everyone["p50"],
                color="grey",
                linestyle=":",
                linewidth=1.2,
                label=t("chart_all", lang),
            )
            lim = part[part["measure"] == "limit"]
            ax.step(
                lim["date"], lim["p50"], where="post", color="tab:red", linestyle="--", label=t("chart_limit", lang)
            )
            ax.set_title(f"{area} – {t(unit, lang)}", fontsize=10)
            ax.set_ylim(bottom=0)
            ax.grid(alpha=0.3)
            if j == 0:
                ax.set_ylabel(t("chart_ylabel", lang), fontsize=8)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=4, frameon=False)
    fig.suptitle(f"{t('chart_title', lang)} – {results.scenario.name}")
    fig.autofmt_xdate()
    fig.tight_layout(rect=(0, 0.05, 1, 0.96))
    return fig


def save_figure(fig: Figure, path: Path) -> None:
    fig.savefig(path, dpi=110)
    plt.close(fig)
