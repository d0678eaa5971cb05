"""The parameters calibration may fit, with their kind and bounds (kept light: the command line
reads them for its help text without importing the numerical stack)."""

from __future__ import annotations

#: Parameters calibration may fit: dotted path in the scenario -> (kind, meaning).
CANDIDATES: dict[str, tuple[str, str]] = {
    "arviointi.p_avohuolto": ("probability", "share of assessments that open a child-protection client relationship"),
    "conversion.avohuolto.values.2022": ("factor", "change of that share from 2021 to 2022 (year-varying conversion)"),
    "kasittely.p_arviointi": ("probability", "share of notified children whose case goes to assessment"),
    "kasittely.p_kiireellinen_sijoitus": ("probability", "emergency placement straight from a notification"),
    "avohuolto.duration.mean_days": ("duration", "mean length of an open-care episode"),
    "avohuolto.p_avohuollon_sijoitus": ("probability", "open care ending in an open-care placement"),
    "avohuolto.p_kiireellinen_sijoitus": ("probability", "open care ending in an emergency placement"),
    "avohuolto.p_huostaanotto": ("probability", "open care ending in a care order"),
    "avohuollon_sijoitus.duration.mean_days": ("duration", "mean length of an open-care placement"),
    "avohuollon_sijoitus.p_huostaanotto": ("probability", "open-care placement ending in a care order"),
    "kiireellinen_sijoitus.p_huostaanotto": ("probability", "emergency placement leading to a care order"),
    "kiireellinen_sijoitus.home_duration.mean_days": ("duration", "mean length of emergency placements ending home"),
    "sijaishuolto.duration.mean_days": ("duration", "mean length of care before reunification"),
}
DEFAULT_FIT = (
    "arviointi.p_avohuolto",
    "conversion.avohuolto.values.2022",
    "avohuolto.p_kiireellinen_sijoitus",
    "avohuolto.p_avohuollon_sijoitus",
    "sijaishuolto.duration.mean_days",
)
BOUNDS = {"probability": (0.2, 3.0), "duration": (0.2, 5.0), "factor": (0.5, 2.0)}
