"""Outputs of a dimensioning run for budget planners: answer, CSVs, Excel, chart, report."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd
from matplotlib.figure import Figure
from pydantic import BaseModel

from ..costs import cost_frame, cost_summary
from ..dimensioning import DimensioningResult, month_label
from ..model.posts import pool_keys
from ..scenario.files import scenario_to_toml
from ..scenario.schema import Scenario
from ..vocabulary import ALL
from . import formats
from .charts import finish_panels, mark_projection, save_figure, team_label, unit_team_panels
from .folders import atomic_folder
from .i18n import Lang, t


def target_text(result: DimensioningResult, lang: Lang) -> str:
    if result.target is None:
        return t("target_law", lang)
    return t("target_children", lang, n=result.target)


def answer_lines(result: DimensioningResult, lang: Lang = "fi") -> list[str]:
    """The answer first: which units run short from when, and how many posts fix it."""
    conf = round(100 * result.confidence)
    lines = []
    short = result.units[result.units["first_breach"].notna()].sort_values("first_breach")
    for r in short.to_dict("records"):
        lines.append(
            t(
                "answer_breach",
                lang,
                area=team_label(r["team"], lang),
                unit=t(r["unit"], lang),
                month=formats.month(r["first_breach"], lang, short=True),
                scenario=result.scenario.name,
                extra=formats.integer(r["extra_posts"], lang),
                conf=conf,
            )
        )
    if not lines:
        lines.append(t("answer_ok", lang, scenario=result.scenario.name, conf=conf))
    lines.append(
        t(
            "answer_total",
            lang,
            extra=formats.integer(result.extra_posts, lang),
            conf=conf,
            target=target_text(result, lang),
        )
    )
    return lines + answer_notes(result, lang)


def answer_notes(result: DimensioningResult, lang: Lang = "fi") -> list[str]:
    """What a reader must know to read the answer right (lower bounds, how aftercare is counted)."""
    notes = []
    if result.capped:
        notes.append(t("answer_capped", lang))
    if not result.scenario.caseload.count_jalkihuolto_18_plus:
        notes.append(t("answer_aftercare", lang, target=result.scenario.caseload.jalkihuolto_planning_target))
    return notes


def _headers(df: pd.DataFrame, result: DimensioningResult, lang: Lang) -> pd.DataFrame:
    conf = round(100 * result.confidence)
    names = {c: t(c, lang, conf=conf) if c == "required_posts_conf" else t(c, lang) for c in df.columns}
    out = df.copy()
    if "team" in out:
        out["team"] = [team_label(str(v), lang) if v != ALL else t(ALL, lang) for v in out["team"]]
    if "unit" in out:
        out["unit"] = [t(u, lang) for u in out["unit"]]
    for col in ("date", "first_breach", "worst_month"):
        if col in out:
            out[col] = [month_label(v) for v in out[col]]
    return out.rename(columns=names)


def scenario_table(scenario: Scenario, lang: Lang = "fi") -> pd.DataFrame:
    """Every scenario value with its path and the schema's description (units and meaning)."""
    rows = list(_walk(scenario, ""))
    return pd.DataFrame(rows, columns=[t("parameter", lang), t("value", lang), t("description", lang)])


def _walk(model: BaseModel, prefix: str) -> Iterator[tuple[str, str, str]]:
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        path = f"{prefix}{name}"
        if isinstance(value, BaseModel):
            yield from _walk(value, path + ".")
        elif isinstance(value, dict) and value and all(isinstance(v, BaseModel) for v in value.values()):
            for key, sub in value.items():
                yield from _walk(sub, f"{path}.{key}.")
        elif isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            for key, sub in value.items():
                for k2, v2 in sub.items():
                    text = _as_text(v2)
                    if isinstance(v2, BaseModel):
                        yield from _walk(v2, f"{path}.{key}.{k2}.")
                    else:
                        yield f"{path}.{key}.{k2}", text, info.description or "–"
        else:
            yield path, _as_text(value), info.description or "–"


def _as_text(value: Any) -> str:
    """A readable cell; empty and unset values are an explicit dash (an empty cell, or the text
    "None", reads back from Excel as missing)."""
    if isinstance(value, list):
        text = "; ".join(_as_text(v) for v in value)
    elif isinstance(value, BaseModel):
        text = ", ".join(f"{k}={_as_text(v)}" for k, v in value.model_dump().items())
    elif isinstance(value, dict):
        text = ", ".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    else:
        text = "" if value is None else str(value)
    return text or "–"


def tables(result: DimensioningResult, lang: Lang = "fi") -> dict[str, pd.DataFrame]:
    """The tables of a dimensioning run, keyed by sheet name, with translated headers."""
    answer = pd.DataFrame({t("answer", lang): answer_lines(result, lang)})
    return {
        t("sheet_answer", lang): answer,
        t("sheet_units", lang): _headers(result.units, result, lang),
        t("sheet_yearly", lang): _headers(result.yearly, result, lang),
        t("sheet_monthly", lang): _headers(result.monthly, result, lang),
        t("sheet_decomposition", lang): _headers(result.decomposition, result, lang),
        t("sheet_assessment", lang): _headers(result.assessment, result, lang),
        t("sheet_costs", lang): _cost_sheet(result, lang),
        t("sheet_scenario", lang): scenario_table(result.scenario, lang),
    }


def _cost_sheet(result: DimensioningResult, lang: Lang) -> pd.DataFrame:
    """Yearly euros per area and category: P50 with P10 and P90, in each year's prices."""
    summary = cost_summary(cost_frame(result.results))
    summary = summary.assign(
        area=[t(a, lang) if a == ALL else a for a in summary["area"]],
        category=[t(c, lang) for c in summary["category"]],
    )
    names = {
        "year": t("year", lang),
        "area": t("area", lang),
        "category": t("category", lang),
        "mean": t("mean", lang) + " (€)",
        "p10": "P10 (€)",
        "p50": "P50 (€)",
        "p90": "P90 (€)",
    }
    return summary.rename(columns=names).round(0)


def staffing_figure(result: DimensioningResult, lang: Lang = "fi") -> Figure:
    """Required posts (P50, band to the confidence quantile) against funded posts, per unit and
    area, with the first breach marked."""
    fig, panels = unit_team_panels(pool_keys(result.scenario), lang, integer_y=True)
    conf = round(100 * result.confidence)
    for ax, unit, area, _ in panels:
        part = result.monthly[(result.monthly["team"] == area) & (result.monthly["unit"] == unit)]
        ax.fill_between(
            part["date"],
            part["required_posts_p50"],
            part["required_posts_conf"],
            step="post",
            color="tab:orange",
            alpha=0.25,
            linewidth=0,
            label=t("chart_band_required", lang, conf=conf),
        )
        ax.step(
            part["date"],
            part["required_posts_p50"],
            where="post",
            color="tab:orange",
            label=t("chart_required_p50", lang),
        )
        ax.step(
            part["date"],
            part["required_posts_conf"],
            where="post",
            color="tab:red",
            linewidth=0.8,
            label=t("chart_required_conf", lang, conf=conf),
        )
        ax.step(
            part["date"],
            part["funded_posts"],
            where="post",
            color="tab:blue",
            linewidth=1.6,
            label=t("chart_funded", lang),
        )
        breach = result.units[(result.units["team"] == area) & (result.units["unit"] == unit)]["first_breach"]
        if not breach.empty and pd.notna(breach.iloc[0]):
            ax.axvline(breach.iloc[0], color="black", linestyle="--", linewidth=0.8, label=t("chart_breach", lang))
        mark_projection(ax, result.scenario, lang)
    title = t("staffing_title", lang, name=result.scenario.name, target=target_text(result, lang), conf=conf)
    return finish_panels(fig, title, t("chart_posts", lang), lang)


def _markdown_table(df: pd.DataFrame) -> str:
    head = "| " + " | ".join(str(c) for c in df.columns) + " |"
    rule = "|" + "|".join("---" for _ in df.columns) + "|"
    body = ["| " + " | ".join(_cell(v) for v in row) + " |" for row in df.itertuples(index=False)]
    return "\n".join([head, rule, *body])


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 1 and value != 0 else f"{value:.0f}"
    return str(value)


def markdown_report(result: DimensioningResult, lang: Lang = "fi") -> str:
    conf = round(100 * result.confidence)
    tab = tables(result, lang)
    yearly = result.yearly.pivot_table(
        index=["unit", "team"], columns="year", values="required_posts_conf", sort=False
    ).reset_index()
    yearly["unit"] = [t(u, lang) for u in yearly["unit"]]
    yearly["team"] = [team_label(str(v), lang) if v != ALL else t(ALL, lang) for v in yearly["team"]]
    yearly = yearly.rename(columns={"team": t("team", lang), "unit": t("unit", lang)})
    parts = [
        f"# {t('staffing_title', lang, name=result.scenario.name, target=target_text(result, lang), conf=conf)}",
        "",
        f"## {t('answer', lang)}",
        "",
        *[f"- {line}" for line in answer_lines(result, lang)],
        "",
        f"## {t('sheet_units', lang)}",
        "",
        _markdown_table(tab[t("sheet_units", lang)]),
        "",
        f"## {t('yearly_required', lang, conf=conf)}",
        "",
        _markdown_table(yearly),
        "",
        "![](mitoitus.png)",
        "",
        f"## {t('method', lang)}",
        "",
        t("method_text", lang, n=result.scenario.simulation.replications, seed=result.scenario.simulation.seed),
        "",
    ]
    return "\n".join(parts)


def write_excel(sheets: dict[str, pd.DataFrame], path: Path) -> None:
    """One sheet per table, headers in bold, columns wide enough to read."""
    from openpyxl.styles import Font

    with pd.ExcelWriter(path, engine="openpyxl") as writer:
        for name, df in sheets.items():
            df.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for col in sheet.columns:
                width = max(len(str(c.value)) if c.value is not None else 0 for c in col)
                sheet.column_dimensions[col[0].column_letter].width = min(60, max(10, width + 2))


def write_dimensioning(result: DimensioningResult, target: Path, lang: Lang = "fi") -> Path:
    """All outputs into a new folder, atomically."""
    with atomic_folder(target) as tmp:
        sheets = tables(result, lang)
        for key, name in (
            ("sheet_monthly", "mitoitus_kuukausittain.csv"),
            ("sheet_yearly", "mitoitus_vuosittain.csv"),
            ("sheet_units", "mitoitus_yksikot.csv"),
        ):
            sheets[t(key, lang)].to_csv(tmp / name, index=False)
        write_excel(sheets, tmp / "mitoitus.xlsx")
        for suffix in ("png", "svg"):
            save_figure(staffing_figure(result, lang), tmp / f"mitoitus.{suffix}")
        (tmp / "raportti.md").write_text(markdown_report(result, lang), encoding="utf-8")
        header = f"Scenario of the dimensioning run ({result.scenario.simulation.replications} replications)."
        (tmp / "scenario.toml").write_text(scenario_to_toml(result.scenario, header), encoding="utf-8")
        from . import report_data  # the board report's data (lsmitoitus report FOLDER)

        report_data.write(report_data.dimension_data(result, lang), tmp)
    return target
