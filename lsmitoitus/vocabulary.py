"""Domain vocabulary: pathway states, responsible units, placement types and age bands.

Identifiers use the domain's own Finnish words in ASCII (see the glossary in README.md).
The integer codes are what the model core uses internally; the names are what users see.
"""

from __future__ import annotations

from typing import Final, Literal

# --- Pathway states a child can be in (codes are indices into STATES) -----------------------
KASITTELY: Final = 0  # notification being processed (decision within 7 working days)
ARVIOINTI: Final = 1  # service-need assessment: queued for a slot or in progress
AVOHUOLTO: Final = 2  # open care, child-protection client at home
AVOHUOLLON_SIJOITUS: Final = 3  # voluntary placement as an open-care measure
KIIREELLINEN_SIJOITUS: Final = 4  # emergency placement
SIJAISHUOLTO: Final = 5  # substitute care after a care order (huostaanotto)
JALKIHUOLTO: Final = 6  # aftercare

STATES: Final = (
    "kasittely",
    "arviointi",
    "avohuolto",
    "avohuollon_sijoitus",
    "kiireellinen_sijoitus",
    "sijaishuolto",
    "jalkihuolto",
)
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
CLIENT_STATES: Final = (AVOHUOLTO, AVOHUOLLON_SIJOITUS, KIIREELLINEN_SIJOITUS, SIJAISHUOLTO, JALKIHUOLTO)

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
PLACEMENT_TYPES: Final = ("perhehoito", "ammatillinen_perhekoti", "laitoshoito")
PlacementType = Literal["perhehoito", "ammatillinen_perhekoti", "laitoshoito"]

# Cost categories of client days: substitute care by type and institution ownership, emergency
# and open-care placements, and aftercare (its support measures cost per client-day).
COST_CATEGORIES: Final = (
    "perhehoito",
    "ammatillinen_perhekoti",
    "laitoshoito_oma",
    "laitoshoito_ostettu",
    "erityistason_laitoshoito",
    "kiireellinen_sijoitus",
    "avohuollon_sijoitus",
    "jalkihuolto",
)
(
    PERHEHOITO,
    AMMATILLINEN,
    LAITOS_OMA,
    LAITOS_OSTETTU,
    ERITYISTASO,
    KIIREELLINEN_DAYS,
    AVOHUOLLON_DAYS,
    JALKIHUOLTO_DAYS,
) = range(8)

# --- Age bands (years, lower bound inclusive, upper exclusive) ----------------------------
AGE_BANDS: Final = ("0-2", "3-6", "7-12", "13-15", "16-17")
AgeBand = Literal["0-2", "3-6", "7-12", "13-15", "16-17"]
AGE_BAND_BOUNDS: Final = ((0, 3), (3, 7), (7, 13), (13, 16), (16, 18))
ADULT_AGE_YEARS: Final = 18
DAYS_PER_YEAR: Final = 365.25



# --- "During the year" groups, comparable to THL's Sotkanet indicators --------------------
# name -> (states counted, count only children under 18)
DURING_YEAR_GROUPS: Final[dict[str, tuple[tuple[int, ...], bool]]] = {
    "avohuollon_asiakkaat_0_17": ((AVOHUOLTO, AVOHUOLLON_SIJOITUS), True),
    "huostassa_0_17": ((SIJAISHUOLTO,), True),
    "kiireellisesti_sijoitetut_0_17": ((KIIREELLINEN_SIJOITUS,), True),
    "kodin_ulkopuolelle_sijoitetut_0_17": (
        (AVOHUOLLON_SIJOITUS, KIIREELLINEN_SIJOITUS, SIJAISHUOLTO),
        True,
    ),
    "arvioinnissa": ((ARVIOINTI,), False),
    "jalkihuollossa": ((JALKIHUOLTO,), False),
}
