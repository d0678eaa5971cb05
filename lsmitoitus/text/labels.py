"""Names of things for people: teams, units, scenarios (no raw identifiers on screen)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..vocabulary import ALL
from .i18n import Lang, MissingTranslation, t

if TYPE_CHECKING:
    import pandas as pd

#: The team of a unit organised county-wide (dimensioning.POOLED; kept here so that this module
#: needs nothing numerical).
COUNTY_TEAM = "koko_alue"


def team_label(team: str, lang: Lang) -> str:
    """A team's name for people: the county-wide team and the total have translated names."""
    if team == COUNTY_TEAM:
        return t("team_county", lang)
    if team == ALL:
        return t(ALL, lang)
    return team


#: Columns of the tidy tables whose values are identifiers (an area, unit, team, measure, cost
#: category, a measure's kind, an indicator or its unit): a table for people shows their labels.
IDENTIFIER_COLUMNS = ("area", "unit", "team", "measure", "category", "kind", "indicator")


def value_label(value: str, lang: Lang) -> str:
    """An identifier as people read it: ``koko_alue`` → "koko alue", ``ammatillinen_perhekoti``
    → "ammatillinen perhekoti", ``notifications`` → "lastensuojeluilmoitukset"; anything that
    is not an identifier (an area's name) as it is."""
    if value == COUNTY_TEAM:
        return t("team_county", lang)
    for key in (f"value_{value}", value):
        try:
            return t(key, lang)
        except MissingTranslation:
            continue
    return value


def for_people(frame: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """``frame`` with the identifiers of its identifier columns (by their name in either language)
    as labels in ``lang``, and its dates as the reader writes them (31.1.2021)."""
    # lazy: pandas and Babel (formats), which `validate` and --help never load (tests/test_startup.py)
    import pandas as pd  # lazy: as above

    from . import formats  # lazy: as above

    names = {t(c, language) for c in IDENTIFIER_COLUMNS for language in ("fi", "en")} | set(IDENTIFIER_COLUMNS)
    out = frame.copy(deep=False)
    for column in frame.columns:
        series = frame[column]
        if column in names and isinstance(series.dtype, pd.CategoricalDtype):
            out[column] = series.cat.rename_categories({c: value_label(str(c), lang) for c in series.cat.categories})
        elif column in names and (series.dtype == object or pd.api.types.is_string_dtype(series)):
            labels = {v: value_label(v, lang) for v in series.dropna().unique() if isinstance(v, str)}
            out[column] = series.map(lambda v, labels=labels: labels.get(v, v) if isinstance(v, str) else v)
        elif pd.api.types.is_datetime64_any_dtype(series):
            days = pd.DatetimeIndex(series)
            text = pd.Series(
                days.strftime("%d.%m.%Y") if lang == "fi" else days.strftime("%Y-%m-%d"), index=frame.index
            )
            if lang == "fi":  # 31.1.2021, not 31.01.2021
                text = text.str.replace(r"^0", "", regex=True).str.replace(r"\.0", ".", regex=True)
            out[column] = text.where(series.notna(), None)
        elif (
            series.dtype == object
            and len(series.dropna())
            and all(isinstance(v, dt.date) for v in series.dropna().head(50))
        ):
            out[column] = series.map(lambda v: formats.date(v, lang) if isinstance(v, dt.date) else v)
    return out
