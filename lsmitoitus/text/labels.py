"""Names of things for people: teams, units, scenarios (no raw identifiers on screen)."""

from __future__ import annotations

from ..vocabulary import ALL
from .i18n import Lang, t

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
