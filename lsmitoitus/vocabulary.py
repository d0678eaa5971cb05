"""The closed domain vocabulary: pathway stages, responsible units, placement types, cost
categories and age bands.

Naming rule of the project (README, "Naming"): the words of this vocabulary are Finnish in
ASCII wherever they name one of these things (schema sections and keys, ``unit`` values of the
results, state constants, handlers); everything else (measures, settings, levers, code) is
English. The integer codes below are what the model core uses internally, always through these
names; the strings are what files and users see.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Final, Literal


class State(IntEnum):
    """Pathway stages a child can be in; the value indexes :data:`STATES` and per-state tables."""

    KASITTELY = 0  # notification being processed (decision within 7 working days)
    ARVIOINTI = 1  # service-need assessment: queued for a slot or in progress
    AVOHUOLTO = 2  # open care, child-protection client at home
    AVOHUOLLON_SIJOITUS = 3  # voluntary placement as an open-care measure
    KIIREELLINEN_SIJOITUS = 4  # emergency placement
    SIJAISHUOLTO = 5  # substitute care after a care order (huostaanotto)
    JALKIHUOLTO = 6  # aftercare


class Outcome(IntEnum):
    """What follows a stage when it is not another stage (negative, so never a :class:`State`)."""

    NONE = -1  # not in any stage yet, or exited: leaves child protection
    AT_18 = -2  # a placement ends because the child turns 18
    REUNIFY = -3  # a care order ends and the child returns home (perheen jälleenyhdistäminen)


STATES: Final = tuple(s.name.lower() for s in State)
StateName = Literal[
    "kasittely",
    "arviointi",
    "avohuolto",
    "avohuollon_sijoitus",
    "kiireellinen_sijoitus",
    "sijaishuolto",
    "jalkihuolto",
]

# States in which the child is a child-protection client with a responsible social worker.
CLIENT_STATES: Final = (
    State.AVOHUOLTO,
    State.AVOHUOLLON_SIJOITUS,
    State.KIIREELLINEN_SIJOITUS,
    State.SIJAISHUOLTO,
    State.JALKIHUOLTO,
)

# --- Units whose social workers carry a caseload ------------------------------------------
UnitName = Literal["avohuolto", "sijaishuolto", "jalkihuolto"]
UNITS: Final[tuple[UnitName, ...]] = ("avohuolto", "sijaishuolto", "jalkihuolto")

# Keys of the responsible-unit mapping: client states, with aftercare split at age 18
# because aftercare of a child under 18 is legally part of open care.
RESPONSIBILITY_KEYS: Final = (
    "avohuolto",
    "avohuollon_sijoitus",
    "kiireellinen_sijoitus",
    "sijaishuolto",
    "jalkihuolto_alle_18",
    "jalkihuolto",
)


# --- Placement types in substitute care --------------------------------------------------
class Placement(IntEnum):
    """Placement types of substitute care; the value indexes :data:`PLACEMENT_TYPES`."""

    PERHEHOITO = 0
    AMMATILLINEN_PERHEKOTI = 1
    LAITOSHOITO = 2


PlacementType = Literal["perhehoito", "ammatillinen_perhekoti", "laitoshoito"]
PLACEMENT_TYPES: Final[tuple[PlacementType, ...]] = ("perhehoito", "ammatillinen_perhekoti", "laitoshoito")
assert tuple(p.name.lower() for p in Placement) == PLACEMENT_TYPES


class CostCategory(IntEnum):
    """Cost categories of client days: substitute care by type and institution ownership,
    emergency and open-care placements, and aftercare (its support measures cost per day)."""

    PERHEHOITO = 0
    AMMATILLINEN_PERHEKOTI = 1
    LAITOSHOITO_OMA = 2
    LAITOSHOITO_OSTETTU = 3
    ERITYISTASON_LAITOSHOITO = 4
    KIIREELLINEN_SIJOITUS = 5
    AVOHUOLLON_SIJOITUS = 6
    JALKIHUOLTO = 7


COST_CATEGORIES: Final = tuple(c.name.lower() for c in CostCategory)

# --- Age bands (years, lower bound inclusive, upper exclusive) ----------------------------
AGE_BANDS: Final = ("0-2", "3-6", "7-12", "13-15", "16-17")
AgeBand = Literal["0-2", "3-6", "7-12", "13-15", "16-17"]
AGE_BAND_BOUNDS: Final = ((0, 3), (3, 7), (7, 13), (13, 16), (16, 18))
ADULT_AGE_YEARS: Final = 18
DAYS_PER_YEAR: Final = 365.25

# --- "During the year" groups, comparable to THL's Sotkanet indicators --------------------


class Ages(IntEnum):
    """Which ages a during-the-year group counts."""

    ALL = 0
    MINORS = 1  # under 18
    ADULTS = 2  # 18 or older


# name -> (states counted, ages counted)
DURING_YEAR_GROUPS: Final[dict[str, tuple[tuple[State, ...], Ages]]] = {
    "avohuollon_asiakkaat_0_17": ((State.AVOHUOLTO, State.AVOHUOLLON_SIJOITUS), Ages.MINORS),
    "huostassa_0_17": ((State.SIJAISHUOLTO,), Ages.MINORS),
    "kiireellisesti_sijoitetut_0_17": ((State.KIIREELLINEN_SIJOITUS,), Ages.MINORS),
    "kodin_ulkopuolelle_sijoitetut_0_17": (
        (State.AVOHUOLLON_SIJOITUS, State.KIIREELLINEN_SIJOITUS, State.SIJAISHUOLTO),
        Ages.MINORS,
    ),
    "arvioinnissa": ((State.ARVIOINTI,), Ages.ALL),
    "jalkihuollossa": ((State.JALKIHUOLTO,), Ages.ALL),
    # THL counts aftercare clients aged 18 or more apart (15,002 nationally in 2023)
    "jalkihuollossa_18_plus": ((State.JALKIHUOLTO,), Ages.ADULTS),
}

#: the ``unit`` value under which each during-the-year group is reported
GROUP_UNIT: Final = {
    "avohuollon_asiakkaat_0_17": "avohuolto",
    "huostassa_0_17": "sijaishuolto",
    "kiireellisesti_sijoitetut_0_17": "kiireellinen_sijoitus",
    "kodin_ulkopuolelle_sijoitetut_0_17": "sijoitukset",
    "arvioinnissa": "arviointi",
    "jalkihuollossa": "jalkihuolto",
    "jalkihuollossa_18_plus": "jalkihuolto",
}

#: ``unit`` value of totals over the whole pathway or the whole county
ALL: Final = "kaikki"
