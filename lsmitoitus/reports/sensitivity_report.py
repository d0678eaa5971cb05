"""Outputs of a sensitivity analysis: the answer first, a ranking table, a tornado (Morris) or
Sobol chart, a workbook and CSVs, written atomically into a new results folder."""

from __future__ import annotations

import datetime as dt
import json
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from .._version import __version__
from ..answers.sensitivity import HEADLINE, OUTPUTS, SensitivityResult
from ..scenario.files import scenario_to_toml
from ..text.formats import number
from ..text.i18n import Lang, parameter_label, t
from ..text.text_table import text_table
from ..vocabulary import ALL
from .charts import literal_text, save_figure
from .csvfiles import write_csv
from .dimensioning_report import scenario_table, write_excel
from .folders import write_folder

#: How many leading parameters the answer names per output.
NAMED = 2


def output_label(output: str, unit: str, lang: Lang = "fi") -> str:
    """An output for the tables: its name, and its unit unless it is for the whole county."""
    text = t(f"sens_{output}", lang)
    return text if unit == ALL else f"{text}, {t(unit, lang)}"


def short_label(output: str, unit: str, lang: Lang = "fi") -> str:
    """A headline output as a column header."""
    return t(f"sens_short_{output}" + ("" if unit == ALL else f"_{unit}"), lang)


def _value(value: float, lang: Lang) -> str:
    return number(float(value), lang, digits=2 if abs(value) < 10 else 1)


def _driver(row: pd.Series, result: SensitivityResult, lang: Lang) -> str:
    label = parameter_label(str(row["parameter"]), lang)
    if result.method == "morris":
        return t("sens_driver_morris", lang, label=label, value=_value(row["mu_star"], lang))
    return t("sens_driver_sobol", lang, label=label, value=_value(row["ST"], lang), conf=_value(row["ST_conf"], lang))


def answer_lines(result: SensitivityResult, lang: Lang = "fi") -> list[str]:
    """The answer first: for each headline output of the last year, the parameters it depends on
    most (only those distinguishable from replication noise), then how noisy it was."""
    year = result.last_year
    lines = []
    for output, unit in HEADLINE:
        ranking = result.ranking(output, unit)
        what = t(f"sens_what_{output}" + ("" if unit == ALL else f"_{unit}"), lang)
        if ranking.empty:
            lines.append(t("sens_answer_constant", lang, what=what, year=year))
            continue
        if result.method == "morris":
            named = ranking[ranking["distinct"]].head(NAMED)
        else:
            named = ranking[ranking["ST"] - ranking["ST_conf"] > 0].head(NAMED)
        drivers = [_driver(row, result, lang) for _, row in named.iterrows()]
        if not drivers:
            lines.append(t("sens_answer_noise", lang, what=what, year=year, n=result.replications))
        elif len(drivers) == 1:
            lines.append(t("sens_answer_one", lang, what=what, year=year, first=drivers[0]))
        else:
            lines.append(t("sens_answer_two", lang, what=what, year=year, first=drivers[0], second=drivers[1]))
    lines.append(method_line(result, lang))
    lines.append(noise_line(result, lang))
    return lines


def method_line(result: SensitivityResult, lang: Lang = "fi") -> str:
    design = result.design
    key = "sens_method_morris" if result.method == "morris" else "sens_method_sobol"
    line = t(
        key,
        lang,
        samples=design.samples,
        k=len(design.factors),
        points=len(design.points),
        n=result.replications,
        runs=len(design.points) * result.replications,
        seconds=number(round(result.seconds), lang),
    )
    if result.screening is not None:
        line += " " + t("sens_method_screened", lang, k=len(design.factors), of=len(result.screening.design.factors))
    return line


def noise_line(result: SensitivityResult, lang: Lang = "fi") -> str:
    """How large the replication noise was, for the first headline output."""
    output, unit = HEADLINE[0]
    ranking = result.ranking(output, unit)
    if ranking.empty:
        return t("sens_noise_none", lang, n=result.replications)
    sd = _value(ranking["replication_sd"].iloc[0], lang)
    if result.method == "morris":
        limit = _value(ranking["noise_limit"].median(), lang)
        return t("sens_noise_morris", lang, n=result.replications, sd=sd, limit=limit)
    share = number(100 * float(ranking["noise_share"].iloc[0]), lang, digits=0)
    return t("sens_noise_sobol", lang, n=result.replications, sd=sd, share=share)


def ranking_table(result: SensitivityResult, lang: Lang = "fi", formatted: bool = True) -> pd.DataFrame:
    """One row per parameter, one column per headline output of the last year: μ* (Morris) or ST
    (Sobol); a value that does not stand out from replication noise is in parentheses (or, not
    ``formatted``, marked in a column of its own). Sorted by the first output's column: the values
    that stand out first, largest first, then those within the noise, largest first."""
    score = result.score
    columns: dict[str, pd.Series] = {}
    first: dict[str, tuple[bool, float]] = {}
    for output, unit in HEADLINE:
        ranking = result.ranking(output, unit)
        if ranking.empty:
            continue
        values = ranking.set_index("parameter")
        stands = {
            str(name): bool(row["distinct"]) if score == "mu_star" else bool(row["ST"] - row["ST_conf"] > 0)
            for name, row in values.iterrows()
        }
        if not first:
            first = {str(name): (stands[str(name)], float(v)) for name, v in values[score].items()}
        header = short_label(output, unit, lang)
        if formatted:
            shown = {
                str(name): _value(v, lang) if stands[str(name)] else f"({_value(v, lang)})"
                for name, v in values[score].items()
            }
            columns[header] = pd.Series(shown)
        else:
            columns[header] = values[score]
            columns[t("sens_col_stands_out", lang, output=header)] = pd.Series(
                {name: t("yes" if flag else "no", lang) for name, flag in stands.items()}
            )
    names = [f.name for f in result.design.factors]
    order = sorted(names, key=lambda n: (not first.get(n, (False, 0.0))[0], -first.get(n, (False, 0.0))[1], n))
    table = pd.DataFrame(columns).reindex(order)
    table.insert(0, t("parameter", lang), [parameter_label(n, lang) for n in order])
    return table.reset_index(drop=True)


def indices_table(indices: pd.DataFrame, lang: Lang = "fi") -> pd.DataFrame:
    """Every index of every output and year, with translated outputs and headers."""
    if indices.empty:
        return indices
    out = indices.copy()
    out.insert(0, "label", [output_label(o, u, lang) for o, u in zip(out["output"], out["unit"], strict=True)])
    out.insert(5, "parameter_label", [parameter_label(p, lang) for p in out["parameter"]])
    return out.rename(columns={c: t(f"sens_col_{c}", lang) for c in out.columns})


def noise_table(result: SensitivityResult, lang: Lang = "fi") -> pd.DataFrame:
    """Per output and year: the mean over points, the spread over replications at a point, the
    spread of the point means (what the parameters move), and for Sobol the noise share."""
    idx = result.indices
    if idx.empty:
        return idx
    keys = ["output", "unit", "year"]
    first = idx.groupby(keys, sort=True).first().reset_index()
    means = result.outputs.groupby([*keys, "point"])["value"].mean().groupby(keys).std().rename("point_sd")
    table = first.merge(means.reset_index(), on=keys)
    cols = [*keys, "output_mean", "replication_sd", "point_sd"]
    if result.method == "sobol":
        cols.append("noise_share")
    table = table[cols]
    table.insert(0, "label", [output_label(o, u, lang) for o, u in zip(table["output"], table["unit"], strict=True)])
    return table.rename(columns={c: t(f"sens_col_{c}", lang) for c in table.columns})


def factors_table(result: SensitivityResult, lang: Lang = "fi") -> pd.DataFrame:
    rows = []
    for f in result.design.factors:
        low, high = f.shown_range
        rows.append(
            {
                "parameter": f.name,
                "parameter_label": parameter_label(f.name, lang),
                "kind": t(f"sens_kind_{f.kind}", lang),
                "low": low,
                "high": high,
                "source": f.source,
            }
        )
    return pd.DataFrame(rows).rename(columns=lambda c: t(f"sens_col_{c}", lang))


def figure(result: SensitivityResult, lang: Lang = "fi") -> Figure:
    """One panel per headline output of the last year: a tornado of μ* (bars, with their
    bootstrap interval), σ (dots) and the replication-noise limit (grey ticks) for Morris; S1
    and ST with their intervals for Sobol."""
    panels = [(o, u) for o, u in HEADLINE]
    k = len(result.design.factors)
    fig = Figure(figsize=(6.0 * 2, 0.9 + 0.32 * k * 3))
    axes = fig.subplots(3, 2, squeeze=False).ravel()
    for ax, (output, unit) in zip(axes, panels, strict=False):
        ranking = result.ranking(output, unit)
        ax.set_title(output_label(output, unit, lang) + f" {result.last_year}", fontsize=9)
        ax.grid(alpha=0.3, axis="x")
        if ranking.empty:
            ax.text(0.5, 0.5, t("sens_chart_constant", lang), ha="center", va="center", transform=ax.transAxes)
            ax.set_xticks([])
            ax.set_yticks([])
            continue
        ranking = ranking.iloc[::-1]  # largest on top
        y = np.arange(len(ranking))
        labels = [parameter_label(p, lang) for p in ranking["parameter"]]
        if result.method == "morris":
            distinct = ranking["distinct"].to_numpy(dtype=bool)
            colours = np.where(distinct, "tab:blue", "lightsteelblue")
            ax.barh(y, ranking["mu_star"], xerr=ranking["mu_star_conf"], color=colours, ecolor="dimgrey")
            ax.plot(ranking["sigma"], y, "o", color="tab:orange", markersize=4, label="σ", zorder=3)
            ax.plot(
                ranking["noise_limit"],
                y,
                "|",
                color="black",
                markersize=11,
                label=t("sens_chart_noise", lang),
                zorder=3,
            )
            ax.set_xlim(left=0)
        else:
            ax.barh(y + 0.2, ranking["ST"], height=0.4, xerr=ranking["ST_conf"], color="tab:blue", label="ST")
            ax.barh(y - 0.2, ranking["S1"], height=0.4, xerr=ranking["S1_conf"], color="tab:green", label="S1")
            ax.set_xlim(left=0)
        ax.set_yticks(y, labels, fontsize=7)
        ax.tick_params(axis="x", labelsize=7)
    for ax in axes[len(panels) :]:
        ax.set_visible(False)
    handles: dict[str, Any] = {}
    if result.method == "morris":  # the bars' two shades
        handles["μ*"] = Patch(facecolor="tab:blue")
        handles[t("sens_chart_quiet", lang)] = Patch(facecolor="lightsteelblue")
    for ax in fig.axes:
        for handle, label in zip(*ax.get_legend_handles_labels(), strict=True):
            handles.setdefault(label, handle)
    fig.legend(list(handles.values()), list(handles), loc="lower center", ncol=4, frameon=False)
    key = "sens_chart_title_morris" if result.method == "morris" else "sens_chart_title_sobol"
    fig.suptitle(t(key, lang, name=result.scenario.name))
    literal_text(fig)  # names from the scenario are text, not mathtext
    fig.tight_layout(rect=(0, 0.04, 1, 0.96))
    return fig


def report_text(result: SensitivityResult, lang: Lang = "fi") -> str:
    """What the command prints: the answer, then the ranking table."""
    table = ranking_table(result, lang)
    note = t("sens_table_note_morris" if result.method == "morris" else "sens_table_note_sobol", lang)
    if len(table.columns) > 1:
        note += " " + t("sens_table_order", lang, column=str(table.columns[1]))
    return "\n".join(
        [
            *answer_lines(result, lang),
            "",
            t("sens_table_title", lang, year=result.last_year),
            text_table(
                [str(c) for c in table.columns], [[str(v) for v in row] for row in table.to_numpy().tolist()], keys=1
            ),
            note,
        ]
    )


def sheets(result: SensitivityResult, lang: Lang = "fi") -> dict[str, pd.DataFrame]:
    """The workbook: answer, ranking, every index, noise, parameters, sample, outputs, scenario."""
    out = {
        t("sheet_answer", lang): pd.DataFrame({t("answer", lang): answer_lines(result, lang)}),
        t("sens_sheet_ranking", lang): ranking_table(result, lang, formatted=False),
        t("sens_sheet_indices", lang): indices_table(result.indices, lang),
        t("sens_sheet_noise", lang): noise_table(result, lang),
        t("sens_sheet_parameters", lang): factors_table(result, lang),
        t("sens_sheet_samples", lang): result.samples_frame(),
        t("sens_sheet_outputs", lang): outputs_table(result, lang),
        t("sheet_scenario", lang): scenario_table(result.scenario, lang),
    }
    if result.screening is not None:
        out[t("sens_sheet_screening", lang)] = indices_table(result.screening.indices, lang)
    return out


def outputs_table(result: SensitivityResult, lang: Lang = "fi") -> pd.DataFrame:
    out = result.outputs.copy()
    out["output"] = [output_label(o, u, lang) for o, u in zip(out["output"], out["unit"], strict=True)]
    out = out.drop(columns="unit")
    return out.rename(columns={c: t(f"sens_col_{c}", lang) for c in out.columns})


def run_metadata(result: SensitivityResult) -> dict[str, object]:
    return {
        "lsmitoitus": __version__,
        "scenario": result.scenario.name,
        "method": result.method,
        "samples": result.design.samples,
        "points": len(result.design.points),
        "parameters": [f.name for f in result.design.factors],
        "screened_from": [f.name for f in result.screening.design.factors] if result.screening else None,
        "replications": result.replications,
        "seed": result.seed,
        "seconds": round(result.seconds, 1),
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "SALib": version("SALib"),
        **({"cluster": result.meta["cluster"]} if "cluster" in result.meta else {}),
    }


def write_sensitivity(result: SensitivityResult, target: Path, lang: Lang = "fi") -> Path:
    """Everything into a new folder, atomically: herkkyys.txt (the answer and ranking),
    herkkyys.xlsx, herkkyys.png, indices.csv, outputs.csv, samples.csv, scenario.toml, run.json."""

    def write(tmp: Path) -> None:
        (tmp / "herkkyys.txt").write_text(report_text(result, lang) + "\n", encoding="utf-8")
        write_excel(sheets(result, lang), tmp / "herkkyys.xlsx")
        save_figure(figure(result, lang), tmp / "herkkyys.png")
        write_csv(indices_table(result.indices, lang), tmp / "indices.csv", "en")  # the machine format
        write_csv(outputs_table(result, lang), tmp / "outputs.csv", "en")
        write_csv(result.samples_frame(), tmp / "samples.csv", "en")
        header = (
            f"Base scenario of the sensitivity analysis ({result.method}); every sample point fixes the parameters "
            "listed in run.json and draws nothing per replication."
        )
        (tmp / "scenario.toml").write_text(scenario_to_toml(result.scenario, header), encoding="utf-8")
        (tmp / "run.json").write_text(json.dumps(run_metadata(result), indent=2, ensure_ascii=False), encoding="utf-8")

    return write_folder(target, write)


__all__ = ["OUTPUTS", "answer_lines", "figure", "ranking_table", "report_text", "write_sensitivity"]
