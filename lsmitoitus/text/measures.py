"""The one registry of measures: name, kind, where it is reported, and its Finnish and English label.

The model core's raw arrays (:mod:`lsmitoitus.model.raw`) lay out their columns from these names,
the tidy results (:mod:`lsmitoitus.simulation.results`) carry them in the ``measure`` column, and the
translation table (:mod:`lsmitoitus.text.i18n`) reads the labels from here. A test keeps every
measure labelled in both languages.

Kinds: ``flow`` = count (or integral) during the month; ``stock`` = value at the end of the
month; ``year`` = distinct children during the year; ``ratio`` = derived from two stocks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from ..vocabulary import (
    ALL,
    COST_CATEGORIES,
    DURING_YEAR_GROUPS,
    GROUP_UNIT,
    PLACEMENT_TYPES,
    STATES,
    UNITS,
)

Kind = Literal["flow", "stock", "year", "ratio"]


@dataclass(frozen=True)
class Measure:
    """One measure of the results.

    ``units`` are the values of the ``unit`` column it is reported under (a stage, a
    responsible-worker unit, a placement type, a cost category or ``kaikki``); ``additive``
    says whether county totals sum it over areas.
    """

    name: str
    kind: Kind
    units: tuple[str, ...]
    fi: str
    en: str
    additive: bool

    def label(self, lang: str) -> str:
        return self.fi if lang == "fi" else self.en


def _m(name: str, kind: Kind, units: tuple[str, ...] | str, fi: str, en: str, additive: bool | None = None) -> Measure:
    unit_tuple = (units,) if isinstance(units, str) else units
    return Measure(name, kind, unit_tuple, fi, en, kind in ("flow", "year") if additive is None else additive)


_CASELOAD: Final = tuple(UNITS)

MEASURES: Final[dict[str, Measure]] = {
    m.name: m
    for m in (
        # pathway flows
        _m("notifications", "flow", "kasittely", "lastensuojeluilmoitukset", "notifications"),
        _m("new_children", "flow", "kasittely", "uudet ilmoitetut lapset", "newly notified children"),
        _m("decisions", "flow", "kasittely", "päätökset arvioinnin aloittamisesta", "decisions on assessment"),
        _m(
            "decisions_late",
            "flow",
            "kasittely",
            "myöhästyneet päätökset (> 7 arkipäivää)",
            "late decisions (> 7 working days)",
        ),
        _m("assessments_started", "flow", "arviointi", "aloitetut arvioinnit", "assessments started"),
        _m(
            "assessments_started_late",
            "flow",
            "arviointi",
            "myöhässä aloitetut arvioinnit",
            "assessments started late",
        ),
        _m("assessments_completed", "flow", "arviointi", "valmistuneet arvioinnit", "assessments completed"),
        _m(
            "assessments_completed_late",
            "flow",
            "arviointi",
            "yli 3 kk kestäneet arvioinnit",
            "assessments completed after 3 months",
        ),
        _m("care_orders", "flow", "sijaishuolto", "uudet huostaanotot", "new care orders"),
        _m(
            "extensions",
            "flow",
            "kiireellinen_sijoitus",
            "jatketut kiireelliset sijoitukset",
            "extended emergency placements",
        ),
        _m("reunifications", "flow", "sijaishuolto", "perheen jälleenyhdistämiset", "reunifications"),
        _m("care_ended_at_18", "flow", "sijaishuolto", "huostaanotto päättyi 18-vuotiaana", "care ended at 18"),
        _m("exits", "flow", ALL, "lastensuojelusta poistuneet", "exits from child protection"),
        _m("entries", "flow", STATES, "tulleet", "entries"),
        _m("placements_started", "flow", PLACEMENT_TYPES, "alkaneet sijoitukset", "placements started"),
        _m(
            "overflow_from_own_beds",
            "flow",
            "laitoshoito_ostettu",
            "ostopalveluun omien paikkojen ollessa täynnä",
            "purchased because own beds were full",
        ),
        _m("placement_days", "flow", COST_CATEGORIES, "hoitopäivät", "placement days"),
        _m(
            "assessment_wait_days",
            "flow",
            "arviointi",
            "arviointia odotetut päivät (alkaneet arvioinnit)",
            "days waited for an assessment (assessments started)",
        ),
        _m(
            "assessments_by_extra_capacity",
            "flow",
            "arviointi",
            "lisäkapasiteetilla tehdyt arvioinnit",
            "assessments done by extra capacity",
        ),
        _m(
            "intake_refused",
            "flow",
            "avohuolto",
            "asiakkuutta tarvinneet, joita ei otettu asiakkaaksi (piiloon jäänyt tarve)",
            "children who needed a client relationship but were not taken in (unmet need)",
        ),
        _m(
            "intake_wait_days",
            "flow",
            "avohuolto",
            "asiakkuutta odotetut päivät",
            "days waited for a client relationship",
        ),
        # pathway stocks
        _m("children", "stock", (*STATES, *PLACEMENT_TYPES), "lapsia", "children", additive=True),
        _m("queue", "stock", "arviointi", "arviointijono", "assessment queue", additive=True),
        _m("entered_total", "stock", ALL, "tulleet yhteensä", "entered in total", additive=True),
        _m("exited_total", "stock", ALL, "poistuneet yhteensä", "exited in total", additive=True),
        _m("beds_occupied", "stock", "laitoshoito_oma", "käytössä olevat omat paikat", "own beds occupied"),
        _m(
            "intake_queue",
            "stock",
            "avohuolto",
            "asiakkuutta jonottavat lapset",
            "children queueing for a client relationship",
            additive=True,
        ),
        # caseload of responsible social workers, per unit
        _m("clients", "stock", _CASELOAD, "asiakkaat", "clients", additive=True),
        _m(
            "clients_counted",
            "stock",
            _CASELOAD,
            "mitoitukseen laskettavat asiakkaat",
            "clients counted toward the limit",
            additive=True,
        ),
        _m("workers_in_post", "stock", _CASELOAD, "sosiaalityöntekijöitä tehtävässä", "social workers in post", True),
        _m("vacancies", "stock", _CASELOAD, "avoimet tehtävät", "vacant posts", additive=True),
        _m(
            "max_children_per_worker",
            "stock",
            _CASELOAD,
            "lapsia / työntekijä, suurin",
            "children per worker, maximum",
        ),
        _m("workers_over_limit", "stock", _CASELOAD, "työntekijöitä yli rajan", "workers over the limit", True),
        _m(
            "child_days_over_limit",
            "flow",
            _CASELOAD,
            "lapsipäivät yli rajan olevalla työntekijällä",
            "child-days with a worker over the limit",
        ),
        _m(
            "unassigned_children",
            "stock",
            _CASELOAD,
            "lapset ilman työntekijää",
            "children without a worker",
            additive=True,
        ),
        _m("limit", "stock", _CASELOAD, "lakisääteinen enimmäismäärä", "statutory limit"),
        _m("workers_absent", "stock", _CASELOAD, "poissa olevat työntekijät", "workers absent", additive=True),
        _m(
            "lead_cover",
            "stock",
            _CASELOAD,
            "johtavien sosiaalityöntekijöiden sijaistamat lapset",
            "children held by lead social workers",
            additive=True,
        ),
        _m("fte_in_post", "stock", _CASELOAD, "henkilötyövuodet tehtävässä", "FTE in post", additive=True),
        _m("list_p10", "ratio", _CASELOAD, "listan pituus, P10", "list length, P10"),
        _m("list_p50", "ratio", _CASELOAD, "listan pituus, mediaani", "list length, median"),
        _m("list_p90", "ratio", _CASELOAD, "listan pituus, P90", "list length, P90"),
        _m("list_mean", "ratio", _CASELOAD, "listan pituus, keskiarvo", "list length, mean"),
        _m(
            "share_lists_over_35",
            "ratio",
            _CASELOAD,
            "osuus työntekijöistä, joilla yli 35 lasta",
            "share of workers with more than 35 children",
        ),
        _m(
            "mean_children_per_worker",
            "ratio",
            _CASELOAD,
            "lapsia / työntekijä, keskiarvo",
            "children per worker, mean",
        ),
        _m(
            "share_workers_over_limit",
            "ratio",
            _CASELOAD,
            "osuus työntekijöistä yli rajan",
            "share of workers over the limit",
        ),
        _m(
            "mean_clients_per_worker",
            "ratio",
            _CASELOAD,
            "kaikki asiakkaat / työntekijä",
            "all clients per worker",
        ),
        # distinct children during the year (THL's Sotkanet indicators)
        _m(
            "avohuollon_asiakkaat_0_17",
            "year",
            GROUP_UNIT["avohuollon_asiakkaat_0_17"],
            "avohuollon asiakkaina olleet 0–17-v.",
            "open-care clients aged 0–17",
        ),
        _m(
            "huostassa_0_17",
            "year",
            GROUP_UNIT["huostassa_0_17"],
            "huostassa olleet 0–17-v.",
            "children aged 0–17 in care",
        ),
        _m(
            "kiireellisesti_sijoitetut_0_17",
            "year",
            GROUP_UNIT["kiireellisesti_sijoitetut_0_17"],
            "kiireellisesti sijoitetut 0–17-v.",
            "emergency-placed aged 0–17",
        ),
        _m(
            "kodin_ulkopuolelle_sijoitetut_0_17",
            "year",
            GROUP_UNIT["kodin_ulkopuolelle_sijoitetut_0_17"],
            "kodin ulkopuolelle sijoitetut 0–17-v.",
            "placed outside the home aged 0–17",
        ),
        _m("arvioinnissa", "year", GROUP_UNIT["arvioinnissa"], "arvioinnissa olleet", "children in assessment"),
        _m(
            "jalkihuollossa",
            "year",
            GROUP_UNIT["jalkihuollossa"],
            "jälkihuollossa olleet",
            "children and young people in aftercare",
        ),
    )
}

assert set(DURING_YEAR_GROUPS) <= set(MEASURES), "every during-the-year group is a measure"


def additive_measures() -> list[str]:
    """Measures that county totals sum over areas."""
    return [name for name, m in MEASURES.items() if m.additive]
