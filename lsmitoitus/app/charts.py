"""Interactive charts of the app (Altair / Vega-Lite, drawn by Streamlit natively): values on
hover, Finnish (or English) numbers and months from the same CLDR data as the rest of the page
(:func:`lsmitoitus.text.formats.vega_locale`), a legend entry for everything drawn."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd

from ..answers.dimensioning import DimensioningResult
from ..answers.plans import stated_column
from ..answers.staffing_answer import answer_of
from ..reports.answer import level_word, unit_name
from ..reports.charts import caseload_summary, projection_start
from ..simulation.results import SimulationResults
from ..text import formats
from ..text.i18n import Lang, t
from ..vocabulary import ALL, UNITS

PANEL_WIDTH = 260
PANEL_HEIGHT = 170


def _finish(chart: Any, lang: Lang) -> Any:
    return chart.configure(locale=formats.vega_locale(lang)).configure_legend(orient="bottom", labelLimit=400)


def caseload_data(results: SimulationResults, lang: Lang) -> pd.DataFrame:
    """Per panel (unit and team) and month: mean children per worker (P10/P50/P90; every client
    for an aftercare unit whose 18+ clients are not counted) and the limit, with hover texts."""
    summary = caseload_summary(results)
    counted_aftercare = results.scenario.caseload.count_jalkihuolto_18_plus
    rows = []
    order: dict[str, int] = {u: i for i, u in enumerate(UNITS)}
    for (unit, team), part in summary.groupby(["unit", "area"], sort=False):
        measure = (
            "mean_clients_per_worker" if unit == "jalkihuolto" and not counted_aftercare else "mean_children_per_worker"
        )
        mean = part[part["measure"] == measure].set_index("date")
        limit = part[part["measure"] == "limit"].set_index("date")["p50"]
        series = t("chart_all_band", lang) if measure == "mean_clients_per_worker" else t("chart_mean", lang)
        for date, r in mean.iterrows():
            rows.append(
                {
                    "panel": unit_name(str(unit), str(team), lang),
                    "order": order.get(str(unit), 9),
                    "date": pd.Timestamp(str(date)),
                    "series": series,
                    "p10": r["p10"],
                    "p50": r["p50"],
                    "p90": r["p90"],
                    "limit": limit.get(date),
                    "month": formats.month(date, lang),
                    "value": formats.number(r["p50"], lang, 1),
                    "band": f"{formats.number(r['p10'], lang, 1)}–{formats.number(r['p90'], lang, 1)}",
                    "limit_text": formats.integer(limit.get(date), lang),
                }
            )
    return pd.DataFrame(rows)


def caseload_chart(results: SimulationResults, lang: Lang = "fi") -> Any:
    """Children per social worker against the limit, one small panel per unit and team on one
    shared scale, hover for the month's values."""
    data = caseload_data(results, lang)
    limit_label = t("chart_limit", lang)
    projection_label = t("chart_projection", lang)
    x = alt.X("date:T", title=None, axis=alt.Axis(format="%-m/%Y" if lang == "fi" else "%b %Y", tickCount=4))
    colour = alt.Color(
        "series:N",
        title=None,
        legend=alt.Legend(symbolType="stroke", symbolStrokeWidth=3, symbolOpacity=1),
        scale=alt.Scale(
            domain=[t("chart_mean", lang), t("chart_all_band", lang), limit_label, projection_label],
            range=["#1f77b4", "#777777", "#d62728", "#555555"],
        ),
    )
    tooltip = [
        alt.Tooltip("panel:N", title=t("answer_unit", lang)),
        alt.Tooltip("month:N", title=t("chart_month", lang)),
        alt.Tooltip("value:N", title="P50"),
        alt.Tooltip("band:N", title="P10–P90"),
        alt.Tooltip("limit_text:N", title=limit_label),
    ]
    base = alt.Chart(data).encode(x=x)
    band = base.mark_area(opacity=0.2).encode(y=alt.Y("p10:Q", title=t("chart_ylabel", lang)), y2="p90:Q", color=colour)
    line = base.mark_line(point=alt.OverlayMarkDef(size=12)).encode(y="p50:Q", color=colour, tooltip=tooltip)
    limit = (
        base.transform_calculate(series=f"'{limit_label}'")
        .mark_line(strokeDash=[5, 3], interpolate="step-after")
        .encode(y="limit:Q", color=colour, tooltip=tooltip)
    )
    first = projection_start(results.scenario)
    rule = (
        base.transform_aggregate(rows="count()", groupby=["panel", "order"])
        .transform_calculate(series=f"'{projection_label}'")
        .mark_rule(strokeDash=[2, 2])
        .encode(x=alt.datum(alt.DateTime(year=first.year, month=1, date=1)), color=colour)
    )
    layered = alt.layer(band, line, limit, rule).properties(width=PANEL_WIDTH, height=PANEL_HEIGHT)
    chart = layered.facet(
        facet=alt.Facet("panel:N", title=None, sort=alt.EncodingSortField("order")), columns=3
    ).properties(title=t("chart_title", lang))
    return _finish(chart, lang)


def staffing_data(result: DimensioningResult, lang: Lang) -> pd.DataFrame:
    """Per team and year: required posts at the answer's stated level (the confidence quantile
    only when the replications carry it) and funded posts, with hover texts."""
    answer = answer_of(result)
    column = stated_column(result)
    yearly = result.yearly[(result.yearly["unit"] != ALL) & (result.yearly["team"] != ALL)]
    order: dict[str, int] = {u: i for i, u in enumerate(UNITS)}
    uncounted = {(x.unit, x.team) for x in answer.uncounted_teams}
    rows = []
    for r in yearly.to_dict("records"):
        panel = unit_name(str(r["unit"]), str(r["team"]), lang)
        series_values = [
            (t("app_required", lang, level=level_word(answer, lang)), r[column]),
            (t("app_funded", lang), r["funded_posts"]),
        ]
        if (r["unit"], r["team"]) in uncounted:
            # the law counts none of its clients (aftercare 18+): no requirement, as the tables say
            panel = f"{panel} ({t('team_not_counted', lang)})"
            series_values = series_values[1:]
        for series, value in series_values:
            rows.append(
                {
                    "panel": panel,
                    "order": order.get(str(r["unit"]), 9),
                    "year": int(r["year"]),
                    "series": series,
                    "posts": value,
                    "text": formats.number(value, lang),
                }
            )
    return pd.DataFrame(rows)


def staffing_chart(result: DimensioningResult, lang: Lang = "fi") -> Any:
    """Required posts against funded posts by year, one panel per unit and team."""
    data = staffing_data(result, lang)
    first = projection_start(result.scenario).year
    projection = (
        alt.Chart(data)
        .transform_filter(alt.datum.year == first)
        .transform_aggregate(rows="count()", groupby=["panel", "order", "year"])
        .mark_rule(strokeDash=[2, 2], color="grey")
        .encode(x=alt.X("year:O"), tooltip=[alt.Tooltip("year:O", title=t("chart_projection", lang))])
    )
    lines = (
        alt.Chart(data)
        .mark_line(point=True)
        .encode(
            x=alt.X("year:O", title=None),
            y=alt.Y("posts:Q", title=t("chart_posts", lang), axis=alt.Axis(tickMinStep=1, format="d")),
            color=alt.Color("series:N", title=None),
            strokeDash=alt.StrokeDash("series:N", title=None),
            tooltip=[
                alt.Tooltip("panel:N", title=t("answer_unit", lang)),
                alt.Tooltip("year:O", title=t("year", lang)),
                alt.Tooltip("series:N", title=t("chart_series", lang)),
                alt.Tooltip("text:N", title=t("chart_posts", lang)),
            ],
        )
    )
    chart = (
        alt.layer(projection, lines)
        .properties(width=PANEL_WIDTH, height=PANEL_HEIGHT)
        .facet(facet=alt.Facet("panel:N", title=None, sort=alt.EncodingSortField("order")), columns=3)
        .resolve_scale(y="independent")  # teams of 1 and 17 posts: one scale would flatten the small ones
    )
    return _finish(chart, lang)


def costs_chart(costs: pd.DataFrame, lang: Lang = "fi") -> Any:
    """County total cost by year (M€): P50 line and P10–P90 band per scenario. Its title and the
    note on the dashed lines are the page's (a chart title was cut off in a narrow tab); the chart
    is tall enough for its axis, with the years written level."""
    data = costs.assign(
        p10m=costs["p10"] / 1e6,
        p50m=costs["p50"] / 1e6,
        p90m=costs["p90"] / 1e6,
        text=[formats.money(v, lang) for v in costs["p50"]],
        band=[formats.money_range(a, b, lang) for a, b in zip(costs["p10"], costs["p90"], strict=True)],
    )
    x = alt.X("year:O", title=None, axis=alt.Axis(labelAngle=0))
    colour = alt.Color("scenario:N", title=None)
    base = alt.Chart(data).encode(x=x, color=colour)
    # P10 and P90 as thin dashed lines in the scenario's colour: filled bands of two scenarios
    # overlap in a colour the legend does not have
    low = base.mark_line(strokeDash=[2, 3], strokeWidth=1).encode(
        y=alt.Y("p10m:Q", title="M€", scale=alt.Scale(zero=True))
    )
    high = base.mark_line(strokeDash=[2, 3], strokeWidth=1).encode(y="p90m:Q")
    line = base.mark_line(point=True).encode(
        y="p50m:Q",
        tooltip=[
            alt.Tooltip("scenario:N", title=t("scenario", lang)),
            alt.Tooltip("year:O", title=t("year", lang)),
            alt.Tooltip("text:N", title=t("app_costs_p50", lang)),
            alt.Tooltip("band:N", title=t("app_costs_band", lang)),
        ],
    )
    chart = alt.layer(low, high, line).properties(height=340)
    return _finish(chart, lang)
