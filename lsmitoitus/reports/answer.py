"""The answer of a dimensioning run for a meeting: one sentence and a compact table (unit, first
breach, extra posts, euros), shared by the command line, the app and the report."""

from __future__ import annotations

from typing import Any

import pandas as pd

from ..answers.costs import price_index
from ..answers.dimensioning import DimensioningResult
from ..text import formats
from ..text.i18n import Lang, t
from ..text.labels import team_label


def unit_name(unit: str, team: str, lang: Lang) -> str:
    """ "avohuolto, Forssa": a unit and its team for people."""
    return t("unit_team", lang, unit=t(unit, lang), team=team_label(team, lang))


def answer_frame(result: DimensioningResult) -> pd.DataFrame:
    """Per team that breaches or needs posts: unit, team, first breach (month end or NaT), extra
    posts in the last year and their cost a year (euros, the last year's prices); earliest
    breach first."""
    last = result.scenario.simulation.end.year
    per_post = result.scenario.costs.social_worker_per_fte * price_index(result.scenario, last)
    units = result.units
    rows = units[units["first_breach"].notna() | (units["extra_posts"] > 0)]
    frame = pd.DataFrame(
        {
            "unit": rows["unit"].astype(str),
            "team": rows["team"].astype(str),
            "first_breach": rows["first_breach"],
            "extra_posts": rows["extra_posts"].astype(float),
            "extra_cost": rows["extra_posts"].astype(float) * per_post,
        }
    )
    return frame.sort_values("first_breach", na_position="last").reset_index(drop=True)


def extra_cost(result: DimensioningResult) -> float:
    """Cost a year of all extra posts in the last year (euros)."""
    return float(answer_frame(result)["extra_cost"].sum())


def headline(result: DimensioningResult, lang: Lang = "fi") -> str:
    """The answer in one sentence."""
    frame = answer_frame(result)
    conf = round(100 * result.confidence)
    breaches = frame[frame["first_breach"].notna()]
    fields: dict[str, Any] = {
        "scenario": result.scenario.name,
        "conf": conf,
        "extra": formats.integer(result.extra_posts, lang),
        "cost": formats.money(extra_cost(result), lang),
    }
    if breaches.empty:
        return t("headline_ok", lang, **fields)
    first = breaches.iloc[0]
    fields |= {
        "first": unit_name(first["unit"], first["team"], lang),
        "month": formats.month(first["first_breach"], lang, short=True),
    }
    if len(breaches) == 1:
        return t("headline_one", lang, **fields)
    return t("headline_breach", lang, n=len(breaches), total=len(result.units), **fields)


def answer_table(result: DimensioningResult, lang: Lang = "fi") -> pd.DataFrame:
    """The compact answer table for people: formatted cells under translated headers, with a
    total row."""
    frame = answer_frame(result)
    rows = [
        {
            "unit": unit_name(r["unit"], r["team"], lang),
            "first": formats.month(r["first_breach"], lang)
            if not pd.isna(r["first_breach"])
            else t("answer_no_breach", lang),
            "extra": formats.integer(r["extra_posts"], lang),
            "cost": formats.money(r["extra_cost"], lang),
        }
        for r in frame.to_dict("records")
    ]
    if rows:
        rows.append(
            {
                "unit": t("total_row", lang),
                "first": "",
                "extra": formats.integer(frame["extra_posts"].sum(), lang),
                "cost": formats.money(frame["extra_cost"].sum(), lang),
            }
        )
    table = pd.DataFrame(rows, columns=["unit", "first", "extra", "cost"])
    return table.rename(
        columns={
            "unit": t("answer_unit", lang),
            "first": t("answer_first_breach", lang),
            "extra": t("answer_extra_posts", lang),
            "cost": t("answer_cost", lang),
        }
    )
