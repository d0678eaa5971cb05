"""Scenarios compared, for a terminal: one row per measure and one column per scenario, every
number in the reader's format, cut into blocks of scenarios so that it fits 100 columns."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ..answers.comparison import comparison_table
from ..answers.dimensioning import DimensioningResult
from ..answers.staffing_answer import answer_of
from ..text import formats
from ..text.i18n import Lang, t
from ..text.text_table import text_table
from .answer import level_word


def comparison_rows(results: Sequence[DimensioningResult], lang: Lang = "fi") -> list[tuple[str, list[str]]]:
    """(label, one formatted cell per scenario) for every measure of the comparison."""
    table = comparison_table(results)
    costs = table.to_dict("records")  # the cost columns, computed once with the table

    def whole(value: Any) -> str:
        return formats.integer(float(value), lang)

    rows: list[tuple[str, list[str]]] = [
        (t("cmp_clients", lang), [whole(v) for v in table["clients_last_year"]]),
        (t("cmp_funded", lang), [formats.number(float(v), lang) for v in table["funded_posts"]]),
        (
            t(
                "cmp_required_level",
                lang,
                level=", ".join(dict.fromkeys(level_word(answer_of(r), lang) for r in results)),
            ),
            [whole(v) for v in table["required_last_year"]],
        ),
        (t("cmp_extra", lang), [whole(v) for v in table["extra_posts"]]),
        (t("cmp_units_in_breach", lang), [whole(v) for v in table["units_in_breach"]]),
        (
            t("cmp_first_breach", lang),
            [formats.date(d, lang) if not pd.isna(d) else "–" for d in table["first_breach"]],
        ),
        (t("cmp_started_late", lang), [formats.percent(v, lang) for v in table["assessments_started_late_share"]]),
        (t("cmp_completed_late", lang), [formats.percent(v, lang) for v in table["assessments_completed_late_share"]]),
        (t("cmp_cost", lang), [formats.money(c["cost_last_year_p50"], lang) for c in costs]),
        (t("cmp_difference", lang), [formats.money(c["cost_difference_p50"], lang, sign=True) for c in costs]),
        (
            t("cmp_difference_band", lang),
            [
                formats.money_range(c["cost_difference_p10"], c["cost_difference_p90"], lang, 2, sign=True)
                for c in costs
            ],
        ),
    ]
    return rows


def comparison_text(results: Sequence[DimensioningResult], lang: Lang = "fi", width: int = 100) -> str:
    """The comparison as a table that fits ``width`` columns."""
    rows = comparison_rows(results, lang)
    header = [t("cmp_measure", lang), *(r.scenario.name for r in results)]
    return text_table(header, [[label, *cells] for label, cells in rows], keys=1, width=width)


def comparison_frame(results: Sequence[DimensioningResult], lang: Lang = "fi") -> pd.DataFrame:
    """The same rows as a frame (measure, then one column per scenario), for the app and the report."""
    rows = comparison_rows(results, lang)
    names = [r.scenario.name for r in results]
    return pd.DataFrame([[label, *cells] for label, cells in rows], columns=[t("cmp_measure", lang), *names])
