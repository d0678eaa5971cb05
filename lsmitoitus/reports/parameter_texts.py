"""Every scenario parameter in Finnish: what it means and in which unit, for the workbook's
assumptions sheet (and any other table of assumptions), so that a planner reads no English, no
dotted path and no decimal point.

:data:`FIELDS` holds a Finnish description and a kind of value for every field of every model of
the scenario schema, keyed ``Model.field``; ``tests/test_workbook.py`` keeps it complete (a new
schema field without a Finnish text fails). The kind decides the unit shown and how the value is
written (:data:`KINDS`): a share as 90 %, days as 330 pv, euros as 63 000 €, dates as 1.1.2024.

:func:`assumption_rows` turns a scenario into rows: one per parameter, the areas' (and the units',
when equal) values of one parameter on one row, and a duration's distribution, mean and spread
on one row, each with its provenance (sourced, fitted, assumed) and source.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel

from ..scenario.files import bundled_scenarios, load_scenario
from ..scenario.provenance import provenance_of
from ..scenario.schema import ParameterUncertainty, Scenario
from ..text import formats
from ..text.i18n import Lang, MissingTranslation, t
from ..vocabulary import UNITS

#: Model.field -> (Finnish description, kind of value). A model-valued field's text names the
#: group its fields are shown under.
FIELDS: dict[str, tuple[str, str]] = {
    # the scenario's sections
    "Scenario.name": ("skenaarion nimi", "text"),
    "Scenario.description": ("skenaarion kuvaus", "text"),
    "Scenario.simulation": ("simulointi", "group"),
    "Scenario.areas": ("alueet", "group"),
    "Scenario.demand": ("kysyntä", "group"),
    "Scenario.kasittely": ("ilmoitusten käsittely", "group"),
    "Scenario.arviointi": ("palvelutarpeen arviointi", "group"),
    "Scenario.avohuolto": ("avohuolto", "group"),
    "Scenario.avohuollon_sijoitus": ("avohuollon sijoitus", "group"),
    "Scenario.kiireellinen_sijoitus": ("kiireellinen sijoitus", "group"),
    "Scenario.sijaishuolto": ("sijaishuolto", "group"),
    "Scenario.jalkihuolto": ("jälkihuolto", "group"),
    "Scenario.staffing": ("henkilöstö", "group"),
    "Scenario.caseload": ("asiakasmitoitus", "group"),
    "Scenario.organisation": ("organisaatio", "group"),
    "Scenario.staffing_plan": ("henkilöstösuunnitelma: päivättyjä vakanssimuutoksia", "plan"),
    "Scenario.conversion": ("ilmoituksista asiakkuuksiksi", "group"),
    "Scenario.uncertainty": ("epävarmuus", "group"),
    "Scenario.costs": ("kustannukset", "group"),
    "Scenario.levers": ("tasapainotusohjelman vivut", "group"),
    "Scenario.provenance": ("lähteet (näkyvät sarakkeissa tila ja lähde)", "group"),
    # simulation
    "SimulationSettings.start": ("raportoidun jakson ensimmäinen päivä", "date"),
    "SimulationSettings.end": ("raportoidun jakson viimeinen päivä", "date"),
    "SimulationSettings.warmup_years": ("lämmittelyvuodet ennen jaksoa (ei raportoida)", "years"),
    "SimulationSettings.replications": ("toistojen määrä", "count"),
    "SimulationSettings.seed": ("satunnaislukujen siemen", "id"),
    # areas
    "Area.notification_share": ("alueen osuus maakunnan lastensuojeluilmoituksista", "share"),
    "Area.population_0_17": ("0–17-vuotiaiden määrä vuosittain", "people_by_year"),
    # demand
    "Demand.notifications": ("toteutuneet lastensuojeluilmoitukset vuodessa, koko alue", "count_by_year"),
    "Demand.growth_per_year": ("ilmoitusten vuosimuutos lasta kohden viimeisen havaitun vuoden jälkeen", "change"),
    "Demand.series": ("ennustetut ilmoitukset vuosittain (korvaa vuosimuutoksen näinä vuosina)", "count_by_year"),
    "Demand.population_growth_per_year": ("lapsiväestön vuosimuutos viimeisen annetun vuoden jälkeen", "change"),
    "Demand.seasonality": ("ilmoitusten kausivaihtelu tammi–joulukuu (keskiarvo 1)", "factors"),
    "Demand.notifications_per_notified_child": ("ilmoituksia ilmoitettua lasta kohden vuodessa", "ratio_series"),
    "Demand.family_size_mean": ("samalla ilmoituksella ilmoitettuja sisaruksia keskimäärin", "children"),
    "Demand.already_client_share": ("ilmoitetuista lapsista jo lastensuojelun asiakkaina", "share"),
    "Demand.age_at_notification": ("uusien ilmoitettujen lasten ikäjakauma", "share_by_age"),
    # processing
    "KasittelyStage.delay": ("ilmoituksen käsittelyaika päätökseen", "group"),
    "KasittelyStage.decision_deadline_working_days": ("lakisääteinen käsittelyaika", "working_days"),
    "KasittelyStage.p_arviointi": ("ilmoituksista palvelutarpeen arviointiin", "share_or_by_age"),
    "KasittelyStage.p_kiireellinen_sijoitus": ("kiireellinen sijoitus suoraan ilmoituksesta", "share_or_by_age"),
    "WorkingDayDelay.distribution": ("jakauma", "choice"),
    "WorkingDayDelay.mean_working_days": ("keskiarvo", "working_days"),
    "WorkingDayDelay.cv": ("vaihtelukerroin", "number"),
    # assessment
    "ArviointiStage.start_deadline_working_days": ("arvioinnin aloitus viimeistään", "working_days"),
    "ArviointiStage.completion_deadline_months": ("arvioinnin valmistuminen viimeistään", "months"),
    "ArviointiStage.duration": ("yhden arvioinnin työaika", "group"),
    "ArviointiStage.workers": ("arviointeja tekevät sosiaalityöntekijät", "fte_by_area"),
    "ArviointiStage.concurrent_per_worker": ("yhtä aikaa kesken olevia arviointeja työntekijää kohden", "count"),
    "ArviointiStage.p_avohuolto": ("arvioinnista lastensuojelun avohuollon asiakkaaksi", "share_or_by_age"),
    "ArviointiStage.when_short": ("kun arviointipaikat ovat täynnä", "choice"),
    "ArviointiStage.on_time_target": ("määräajassa aloitettavien ja valmistuvien arviointien tavoite", "share"),
    # open care
    "AvohuoltoStage.duration": ("avohuollon asiakkuuden kesto", "group"),
    "AvohuoltoStage.p_avohuollon_sijoitus": ("asiakkuus päättyy avohuollon sijoitukseen", "share_or_by_age"),
    "AvohuoltoStage.p_kiireellinen_sijoitus": ("asiakkuus päättyy kiireelliseen sijoitukseen", "share_or_by_age"),
    "AvohuoltoStage.p_huostaanotto": ("asiakkuus päättyy huostaanottoon (ei kiireellinen)", "share_or_by_age"),
    "AvohuollonSijoitusStage.duration": ("avohuollon sijoituksen kesto", "group"),
    "AvohuollonSijoitusStage.p_huostaanotto": ("sijoitus päättyy huostaanottoon (muuten kotiin)", "share_or_by_age"),
    "AvohuollonSijoitusStage.jalkihuolto_min_days": ("näin pitkä sijoitus oikeuttaa jälkihuoltoon", "days"),
    # emergency placement
    "KiireellinenSijoitusStage.max_days": ("enimmäiskesto sijoituspäivä mukaan lukien", "days"),
    "KiireellinenSijoitusStage.extension_max_days": ("jatkon enimmäiskesto", "days"),
    "KiireellinenSijoitusStage.p_extension": ("kotiin päättyvää sijoitusta jatketaan kerran", "share"),
    "KiireellinenSijoitusStage.p_huostaanotto": ("sijoitus johtaa huostaanottoon", "share_or_by_age"),
    "KiireellinenSijoitusStage.home_duration": ("kotiin päättyvän sijoituksen kesto", "group"),
    "KiireellinenSijoitusStage.until_care_order": ("aika huostaanottopäätökseen", "group"),
    # substitute care
    "SijaishuoltoStage.duration": ("sijaishuollon kesto kotiutumiseen (ellei lapsi täytä 18 ensin)", "group"),
    "SijaishuoltoStage.placement_type": ("uusien huostaanottojen sijoitusmuodot", "share_by_type"),
    # aftercare
    "JalkihuoltoStage.uptake": ("oikeutetuista nuorista ottaa jälkihuollon vastaan", "share"),
    "JalkihuoltoStage.duration": ("jälkihuollon kesto, ellei lain raja päätä sitä ensin", "group"),
    "JalkihuoltoStage.max_years_after_last_client": ("velvollisuus päättyy viimeisestä asiakkuudesta", "years"),
    "JalkihuoltoStage.five_year_rule": ("viiden vuoden laskenta", "choice"),
    "JalkihuoltoStage.age_limit": ("jälkihuollon yläikäraja", "age_steps"),
    "AgeLimitStep.start": ("alkaen", "date"),
    "AgeLimitStep.value": ("ikäraja", "years"),
    "AgeLimitStep.transition_until": ("siirtymäaika päättyy", "date"),
    # durations
    "Duration.distribution": ("jakauma", "choice"),
    "Duration.mean_days": ("keskiarvo", "days"),
    "Duration.cv": ("vaihtelukerroin", "number"),
    # staffing
    "UnitStaffing.social_workers": ("rahoitetut vakanssit, joilla on asiakaslista (ei vastaavia)", "fte"),
    "UnitStaffing.fill_rate": ("vakanssien täyttöaste pitkällä aikavälillä", "share"),
    "UnitStaffing.turnover_per_year": ("lähtijöitä täytettyä vakanssia kohden vuodessa", "per_year"),
    "UnitStaffing.recruitment_delay_cv": ("rekrytointiajan vaihtelukerroin", "number"),
    "UnitStaffing.notice_days": ("lähtijän irtisanomisaika (lista pysyy hänellä)", "days"),
    "UnitStaffing.ramp_up_days": ("uuden työntekijän kevennetyn listan kesto", "days"),
    "UnitStaffing.ramp_up_capacity": ("uuden työntekijän lista täydestä listasta", "share"),
    "UnitStaffing.absences": ("poissaolot", "group"),
    "Absences.summer_leave_days": ("kesäloma yhtenä jaksona kesä–elokuussa", "days"),
    "Absences.sick_leave_spells_per_year": ("sairauspoissaoloja henkilötyövuotta kohden", "per_year"),
    "Absences.sick_leave_mean_days": ("sairauspoissaolon keskipituus", "days"),
    "Absences.parental_leave_per_year": ("alkavia perhevapaita henkilötyövuotta kohden", "per_year"),
    "Absences.parental_leave_mean_days": ("perhevapaan keskipituus", "days"),
    "Absences.cover": ("kuka hoitaa poissaolevan listan", "cover"),
    # caseload
    "Caseload.limit": ("lakisääteinen enimmäismäärä lapsia työntekijää kohden", "limit_steps"),
    "Caseload.planning_target": ("tiukempi mitoitustavoite", "children_or_none"),
    "Caseload.planning_target_from": ("mitoitustavoitteen alkupäivä", "date"),
    "Caseload.count_jalkihuolto_18_plus": ("18 vuotta täyttäneet jälkihuollon asiakkaat lasketaan rajaan", "bool"),
    "Caseload.jalkihuolto_planning_target": ("jälkihuollon mitoitus: asiakkaita työntekijää kohden", "children"),
    "Caseload.reading": ("lain tulkinta, jota vastauksen otsikko käyttää", "choice"),
    "Caseload.allocation": ("uuden asiakkaan työntekijän valinta (nykyinen käytäntö)", "choice"),
    "Caseload.compare_allocation": ("käytäntö, joka näytetään nykyisen rinnalla", "choice"),
    "Caseload.balancing": ("uusista asiakkaista vähiten kuormitetulle (muut satunnaisesti)", "share"),
    "Caseload.rebalance_on_hire": ("uusi työntekijä ottaa lapsia kuormitetuimmilta", "bool"),
    "Caseload.rationing": ("pula rajoittaa uusia asiakkuuksia", "choice"),
    "Caseload.rationing_threshold": ("rajoitus alkaa, kun listojen keskiarvo on rajasta", "share"),
    "Caseload.responsible_unit": ("vastuuyksikkö asiakkuuden vaiheittain", "units_by_state"),
    # organisation
    "Organisation.teams": ("tiimit yksiköittäin", "teams"),
    "Organisation.leads": ("vastaavat sosiaalityöntekijät koko alueella", "count_by_unit"),
    "Organisation.lead_cover_cap": ("lapsia, jotka vastaava voi pitää poissaolevien listoilta", "children"),
    # a staffing plan's steps
    "PlanStep.start": ("alkaa", "date"),
    "PlanStep.unit": ("yksikkö", "text"),
    "PlanStep.area": ("alue", "text"),
    "PlanStep.change": ("muutos", "fte"),
    "PlanStep.lead": ("vastaava sosiaalityöntekijä", "bool"),
    # conversion
    "Conversion.arviointi": ("kerroin ilmoituksista arviointiin siirtymiselle", "series"),
    "Conversion.avohuolto": ("kerroin arvioinnista asiakkaaksi tulemiselle", "series"),
    "Conversion.sijoitus": ("kerroin sijoitusten todennäköisyyksille", "series"),
    "Conversion.placements_follow": ("mitä sijoitukset seuraavat, kun ilmoitukset tai asiakkuudet muuttuvat", "choice"),
    "Conversion.notification_elasticity": ("ilmoitusmäärän muutoksen vaikutus asiakkuuksiin", "number"),
    "YearlySeries.values": ("arvot vuosittain", "factor_by_year"),
    "YearlySeries.year_factors": ("muutos edellisestä vuodesta", "factor_by_year"),
    "YearlySeries.after": ("tietojen jälkeen", "choice"),
    "YearlySeries.trend_per_year": ("vuosimuutos tietojen jälkeen", "change"),
    "YearlySeries.range_per_year": ("vuosimuutoksen vaihteluväli tietojen jälkeen", "change_range"),
    "YearlySeries.range_years": ("muutos jatkuu enintään", "years_or_none"),
    "YearlySeries.note": ("mistä arvot tulevat", "text"),
    # uncertainty
    "Uncertainty.parameters": ("toistoittain arvottavat parametrit", "uncertain"),
    "Uncertainty.correlation": ("arvottujen kertoimien korrelaatiot", "correlations"),
    "ParameterUncertainty.distribution": ("kertoimen jakauma", "choice"),
    "ParameterUncertainty.log_sd": ("kertoimen logaritmin keskihajonta", "number"),
    "ParameterUncertainty.low": ("kertoimen alaraja", "number"),
    "ParameterUncertainty.high": ("kertoimen yläraja", "number"),
    "ParameterUncertainty.source": ("epävarmuuden peruste", "choice"),
    # costs
    "Costs.base_year": ("euromäärien hintataso", "year"),
    "Costs.price_index_per_year": ("hintojen vuosimuutos perusvuoden jälkeen", "change"),
    "Costs.placement_day": ("hoitopäivän hinta", "group"),
    "Costs.special_level_share": ("uusista laitossijoituksista erityistason laitokseen", "share"),
    "Costs.own_institutions": ("omat laitospaikat", "group"),
    "Costs.social_worker_per_fte": ("sosiaalityöntekijän kustannus sivukuluineen", "euros_fte"),
    "Costs.vacancy_cover_factor": (
        "avoimen vakanssin paikkaus (ylityö, ostopalvelu, sijaiset) suhteessa täytettyyn vakanssiin",
        "times",
    ),
    "Costs.other_staff_per_fte": ("muun lastensuojelun henkilöstön kustannus", "euros_fte"),
    "Costs.other_staff": ("muu henkilöstö (kustannuksissa, ei asiakaslistoissa)", "fte_by_area"),
    "PlacementDayCosts.perhehoito": ("perhehoito", "euros_day"),
    "PlacementDayCosts.ammatillinen_perhekoti": ("ammatillinen perhekoti", "euros_day"),
    "PlacementDayCosts.laitoshoito": ("ostettu laitospaikka", "euros_day"),
    "PlacementDayCosts.erityistason_laitoshoito": ("erityistason laitospaikka (aina ostettu)", "euros_day"),
    "PlacementDayCosts.kiireellinen_sijoitus": ("kiireellinen sijoitus", "euros_day"),
    "PlacementDayCosts.avohuollon_sijoitus": ("avohuollon sijoitus", "euros_day"),
    "PlacementDayCosts.jalkihuolto": ("jälkihuollon tukitoimet asiakasta kohden", "euros_day"),
    "OwnInstitution.beds": ("paikkoja", "count"),
    "OwnInstitution.bed_day_cost": ("paikan hinta päivässä, käytössä tai ei", "euros_day"),
    # levers
    "Levers.start": ("vipujen vaikutus alkaa", "date"),
    "Levers.full": ("vipujen täysi vaikutus", "date"),
    "Levers.avohuolto_escalation_reduction": ("vahvempi avohuolto: sijoitusten todennäköisyys pienenee", "share"),
    "Levers.avohuolto_extra_posts": ("avohuollon lisävakanssit alkupäivästä", "count_by_area"),
    "Levers.perhehoito_share_target": ("perhehoidon vähimmäisosuus uusista sijoituksista", "share_or_none"),
    "Levers.reunification_speedup": ("nopeampi kotiutuminen: uusien huostaanottojen kesto lyhenee", "share"),
    "Levers.jalkihuolto_age_limit": ("hyvinvointialueen valitsema jälkihuollon ikäraja 2024 alkaen", "years_or_none"),
    # provenance entries
    "Provenance.status": ("tila", "choice"),
    "Provenance.source": ("lähde", "text"),
    # limit steps
    "DatedValue.start": ("alkaen", "date"),
    "DatedValue.value": ("enimmäismäärä", "children"),
}

#: Kind -> (Finnish unit, English unit) shown in the unit column ("" for none).
UNITS_OF: dict[str, tuple[str, str]] = {
    "share": ("osuus", "share"),
    "share_or_by_age": ("osuus", "share"),
    "share_by_age": ("osuus", "share"),
    "share_by_type": ("osuus", "share"),
    "share_or_none": ("osuus", "share"),
    "change": ("%/v", "%/year"),
    "change_range": ("%/v", "%/year"),
    "days": ("päivää", "days"),
    "working_days": ("työpäivää", "working days"),
    "months": ("kuukautta", "months"),
    "years": ("vuotta", "years"),
    "years_or_none": ("vuotta", "years"),
    "count": ("kpl", "count"),
    "count_by_year": ("kpl / vuosi", "a year"),
    "count_by_area": ("kpl", "count"),
    "count_by_unit": ("kpl", "count"),
    "people_by_year": ("henkilöä", "persons"),
    "children": ("lasta", "children"),
    "children_or_none": ("lasta / työntekijä", "children per worker"),
    "limit_steps": ("lasta / työntekijä", "children per worker"),
    "age_steps": ("ikävuotta", "years of age"),
    "fte": ("htv", "FTE"),
    "fte_by_area": ("htv", "FTE"),
    "per_year": ("kertaa / vuosi", "a year"),
    "euros_day": ("€ / päivä", "€ a day"),
    "euros_fte": ("€ / htv", "€ per FTE-year"),
    "times": ("kertaa", "times"),
    "number": ("kerroin", "factor"),
    "factors": ("kerroin", "factor"),
    "factor_by_year": ("kerroin", "factor"),
    "ratio_series": ("ilmoitusta / lapsi", "per child"),
    "series": ("kerroin", "factor"),
}

#: Values of the schema's closed choices in Finnish (English: the value itself, spaced).
CHOICES: dict[str, tuple[str, str]] = {
    "lognormal": ("lognormaali", "lognormal"),
    "gamma": ("gamma", "gamma"),
    "exponential": ("eksponentti", "exponential"),
    "uniform": ("tasajakauma", "uniform"),
    "queue": ("jono", "queue"),
    "extra_capacity": ("lisätyövoima", "extra capacity"),
    "child_protection_workers": ("lastensuojelun työntekijät", "child-protection workers"),
    "from_last_client": ("viimeisestä asiakkuudesta", "from the last client contact"),
    "from_placement_end": ("sijoituksen päättymisestä", "from the end of the placement"),
    "least_loaded": ("vähiten kuormitettu", "least loaded"),
    "balanced": ("tasainen", "balanced"),
    "round_robin": ("vuorotellen", "round robin"),
    "managed": ("hallitut listat", "managed lists"),
    "monitoring_days": ("THL:n seurantapäivät", "THL's monitoring days"),
    "month_ends": ("jokainen kuukauden loppu", "every month end"),
    "mean_list": ("keskimääräinen lista", "the mean list"),
    "child_population": ("lapsiväestö", "the child population"),
    "notified_children": ("ilmoitetut lapset", "the notified children"),
    "clients": ("avohuollon asiakkaat", "the open-care clients"),
    "random": ("satunnainen", "random"),
    "off": ("ei", "off"),
    "turn_away": ("käännytetään", "turned away"),
    "held": ("pysyy ennallaan", "held"),
    "trend": ("trendi", "trend"),
    "range": ("vaihteluväli", "range"),
    "wait": ("odottaa", "waits"),
    "colleagues": ("kollegat", "colleagues"),
    "lead": ("vastaava", "lead"),
    "summer": ("kesäloma", "summer leave"),
    "sick": ("sairausloma", "sick leave"),
    "parental": ("perhevapaa", "parental leave"),
    "area": ("alueittain", "by area"),
    "county": ("koko alue", "county-wide"),
    "sourced": ("lähteestä", "sourced"),
    "fitted": ("sovitettu", "fitted"),
    "assumed": ("oletus", "assumed"),
}

#: A duration's parts in English.
PARTS_EN = {"jakauma": "distribution", "keskiarvo": "mean", "vaihtelukerroin": "cv"}

#: Client states named in caseload.responsible_unit.
STATES_FI: dict[str, str] = {
    "avohuolto": "avohuolto",
    "avohuollon_sijoitus": "avohuollon sijoitus",
    "kiireellinen_sijoitus": "kiireellinen sijoitus",
    "sijaishuolto": "sijaishuolto",
    "jalkihuolto_alle_18": "jälkihuolto alle 18 v.",
    "jalkihuolto": "jälkihuolto 18 v. täyttäneet",
}


# --- writing values -----------------------------------------------------------------------------


def choice(value: Any, lang: Lang) -> str:
    pair = CHOICES.get(str(value))
    return (pair[0] if lang == "fi" else pair[1]) if pair else str(value).replace("_", " ")


def _number(value: float, lang: Lang) -> str:
    return formats.significant(float(value), lang, 4)


def _share(value: float, lang: Lang) -> str:
    """A share as a percentage with as many decimals as it needs (at most two): 90 %, 7,42 %."""
    percent = 100 * float(value)
    digits = next((d for d in (0, 1) if abs(round(percent, d) - percent) < 1e-9), 2)
    return formats.percent(float(value), lang, digits)


def _age(band: str, lang: Lang) -> str:
    return band.replace("-", "–") + (" v." if lang == "fi" else " y")


def _pairs(items: Sequence[tuple[str, str]]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in items)


def value_text(value: Any, kind: str, lang: Lang) -> str:
    """``value`` of a field of ``kind`` as a reader writes it (unset: a dash)."""
    if value is None or value == {} or value == []:
        return formats.MISSING
    if isinstance(value, bool):
        return t("yes" if value else "no", lang)
    if kind in ("share", "share_or_none", "share_or_by_age") and not isinstance(value, dict):
        return _share(value, lang)
    if kind in ("share_or_by_age", "share_by_age"):
        return _pairs([(_age(k, lang), _share(v, lang)) for k, v in value.items()])
    if kind == "share_by_type":
        return _pairs([(t(k, lang), _share(v, lang)) for k, v in value.items()])
    if kind == "change":
        return formats.percent(float(value), lang, 1, sign=True)
    if kind == "change_range":
        low, high = value
        return f"{formats.percent(low, lang, 1, sign=True)} … {formats.percent(high, lang, 1, sign=True)}"
    if kind in ("count_by_year", "people_by_year", "factor_by_year"):
        show = _number if kind == "factor_by_year" else formats.integer
        return _pairs([(str(k), show(v, lang)) for k, v in sorted(value.items())])
    if kind in ("fte_by_area", "count_by_area"):
        return _pairs([(str(k), _number(v, lang)) for k, v in value.items()])
    if kind == "count_by_unit":
        return _pairs([(t(k, lang), formats.integer(v, lang)) for k, v in value.items()])
    if kind == "units_by_state":
        names = {k: (STATES_FI.get(k, k) if lang == "fi" else k.replace("_", " ")) for k in value}
        return _pairs([(names[k], t(v, lang)) for k, v in value.items()])
    if kind == "teams":
        return _pairs(
            [
                (
                    t(k, lang),
                    choice(v, lang) if isinstance(v, str) else _pairs([(n, ", ".join(a)) for n, a in v.items()]),
                )
                for k, v in value.items()
            ]
        )
    if kind == "cover":
        return _pairs([(choice(k, lang), choice(v, lang)) for k, v in value.items()])
    if kind == "factors":
        return "; ".join(_number(v, lang) for v in value)
    if kind == "limit_steps":
        return "; ".join(f"{formats.integer(s.value, lang)} ({formats.date(s.start, lang)})" for s in value)
    if kind == "age_steps":
        return "; ".join(
            f"{s.value} ({formats.date(s.start, lang)}"
            + (
                f", {t('transition_until', lang, date=formats.date(s.transition_until, lang))}"
                if s.transition_until
                else ""
            )
            + ")"
            for s in value
        )
    if kind == "plan":
        return "; ".join(
            f"{formats.date(s.start, lang)} {t(s.unit, lang)} {s.area} {formats.signed(s.change, lang, 1)}"
            for s in value
        )
    if kind == "choice":
        return choice(value, lang)
    if kind == "date" or isinstance(value, dt.date):
        return formats.date(value, lang)
    if kind in ("year", "id"):
        return str(value)
    if kind in ("euros_day", "euros_fte"):
        return formats.euros(float(value), lang)
    if kind in ("count", "children", "children_or_none", "years", "years_or_none", "working_days", "months"):
        return formats.number(float(value), lang) if isinstance(value, float) else formats.integer(value, lang)
    if isinstance(value, int | float):
        return _number(value, lang)
    return str(value)


# --- rows -------------------------------------------------------------------------------------


@dataclass
class Leaf:
    """One parameter: its path, the field it is (Model.field), its value and the words around it."""

    path: str
    key: str
    value: Any
    context: list[str]  # the groups it is in, outermost first, in Finnish
    area: str | None = None  # the area it is about (rows of areas are merged)
    unit: str | None = None  # the unit it is about (rows of units are merged when equal)
    part: str | None = None  # a duration's field (the three make one row)
    suffix: str = ""  # what the row is about within the field (an age band)
    name: str | None = None  # the row's own words instead of the field's (an uncertain parameter)


@dataclass
class Row:
    """A row of the assumptions table."""

    label: str
    value: str
    unit: str
    status: str
    source: str
    paths: list[str] = field(default_factory=list)


def _walk(
    model: BaseModel,
    prefix: str,
    context: list[str],
    area: str | None,
    unit: str | None,
    root: Scenario | None = None,
) -> Iterator[Leaf]:
    """Every parameter below ``model`` (``root``: the scenario, to name the parameters the
    uncertainty table draws)."""
    name = type(model).__name__
    for field_name in type(model).model_fields:
        value = getattr(model, field_name)
        key = f"{name}.{field_name}"
        text, kind = FIELDS[key]
        path = f"{prefix}{field_name}"
        if isinstance(value, BaseModel) and kind == "group":
            duration = type(value).__name__ in ("Duration", "WorkingDayDelay")
            for leaf in _walk(value, path + ".", [*context, text], area, unit, root):
                if duration:
                    leaf.part = FIELDS[leaf.key][0]
                yield leaf
        elif isinstance(value, dict) and value and all(isinstance(v, BaseModel) for v in value.values()):
            if key in ("Scenario.provenance",):
                continue
            if key == "Uncertainty.parameters":
                for target, spec in value.items():
                    words = target if root is None else _path_label(root, target)
                    yield Leaf(f"{path}.{target}", key, spec, context, name=words)
                continue
            for sub, inner in value.items():  # areas, own institutions: keyed by area
                yield from _walk(
                    inner, f"{path}.{sub}.", [*context, text] if kind == "group" else context, sub, unit, root
                )
        elif key == "Scenario.staffing":
            for unit_name, by_area in value.items():
                for area_name, staff in by_area.items():
                    yield from _walk(staff, f"{path}.{unit_name}.{area_name}.", [text], area_name, unit_name, root)
        elif key == "SijaishuoltoStage.placement_type":
            for band, shares in value.items():
                yield Leaf(f"{path}.{band}", key, shares, context, area, unit, suffix=_age(band, "fi"))
        elif key == "Costs.other_staff":
            for unit_name, by_area in value.items():
                yield Leaf(f"{path}.{unit_name}", key, by_area, context, unit=unit_name)
        elif kind == "group":
            continue  # an empty table of models
        else:
            yield Leaf(path, key, value, context, area, unit)


def _path_label(scenario: Scenario, path: str, short: bool = False) -> str:
    """A parameter path in Finnish words ("Palvelutarpeen arviointi: arvioinnista …"), for the
    keys of the uncertainty table: ``*`` is every unit or area, a key below a yearly series is its
    year. ``short``: the field's words only."""
    wanted = path.split(".")
    for leaf in _walk(scenario, "", [], None, None):
        have = leaf.path.split(".")
        common = min(len(have), len(wanted))
        if not all(w in ("*", h) for w, h in zip(wanted[:common], have[:common], strict=True)):
            continue
        if len(wanted) < len(have):
            continue
        rest = wanted[len(have) :]
        words = f"{leaf.context[-1]} ({leaf.part})" if leaf.part else FIELDS[leaf.key][0]
        if not short:
            every = "*" in wanted
            named = Leaf(
                leaf.path, leaf.key, leaf.value, leaf.context, unit=None if every else leaf.unit, part=leaf.part
            )
            if every and named.context:
                named.context = [f"{named.context[0]}, {t('all_units', 'fi')}", *named.context[1:]]
            words = _label(named, "fi", capital=False) + (f" ({leaf.part})" if leaf.part else "")
        if rest:
            inner = FIELDS.get(f"YearlySeries.{rest[0]}")
            words += ", " + (f"{inner[0]} {' '.join(rest[1:])}" if inner else " ".join(rest))
        return words
    return path


def _label(leaf: Leaf, lang: Lang, capital: bool = True) -> str:
    """The parameter's name: its groups and its field in words, the unit it is about after the
    first ("henkilöstö, avohuolto: vakanssien täyttöaste pitkällä aikavälillä")."""
    if lang == "en":
        return leaf.path
    words = list(leaf.context)
    if leaf.unit is not None:
        words[0:1] = [f"{words[0]}, {t(leaf.unit, lang)}"] if words else [t(leaf.unit, lang)]
    text = (leaf.name or FIELDS[leaf.key][0]) + (f", {leaf.suffix}" if leaf.suffix else "") if leaf.part is None else ""
    parts = [w for w in words if w]
    if text:
        parts.append(text)
    head = (parts[0][:1].upper() if capital else parts[0][:1]) + parts[0][1:] if parts else ""
    return ": ".join([head, *parts[1:]]) if len(parts) > 1 else head


def _leaf_text(scenario: Scenario, leaf: Leaf, lang: Lang) -> tuple[str, str]:
    """(value, unit) of a leaf."""
    kind = FIELDS[leaf.key][1]
    if leaf.key == "Uncertainty.parameters":
        spec = leaf.value
        if not isinstance(spec, ParameterUncertainty):  # no uncertain parameters at all
            return formats.MISSING, ""
        if spec.distribution == "uniform":
            value = t("unc_uniform", lang, low=_number(spec.low, lang), high=_number(spec.high, lang))
        else:
            value = t("unc_lognormal", lang, sd=_number(spec.log_sd, lang))
        return value, ""
    if leaf.key == "Uncertainty.correlation":
        pairs = []
        for pair, rho in leaf.value.items():
            a, _, b = pair.partition("|")
            if lang == "fi":
                a, b = _path_label(scenario, a, short=True), _path_label(scenario, b, short=True)
            pairs.append(f"{a} {t('and', lang)} {b}: {_number(rho, lang)}")
        return ("; ".join(pairs) or formats.MISSING), ""
    if kind == "series":
        series = leaf.value
        parts = []
        if series.values:
            parts.append(value_text(series.values, "factor_by_year", lang))
        if series.year_factors:
            parts.append(
                f"{FIELDS['YearlySeries.year_factors'][0]} {value_text(series.year_factors, 'factor_by_year', lang)}"
            )
        rule = {
            "held": "",
            "trend": value_text(series.trend_per_year, "change", lang),
            "range": value_text(series.range_per_year, "change_range", lang),
        }[series.after]
        after = f"{FIELDS['YearlySeries.after'][0]} {choice(series.after, lang)} {rule}".strip()
        if series.range_years and series.after != "held":
            after += f" {formats.integer(series.range_years, lang)} v."
        parts.append(after)
        return "; ".join(parts), UNITS_OF[kind][0 if lang == "fi" else 1]
    if kind == "ratio_series":
        if isinstance(leaf.value, int | float):
            return _number(leaf.value, lang), UNITS_OF[kind][0 if lang == "fi" else 1]
        return _leaf_text(scenario, Leaf(leaf.path, "Conversion.arviointi", leaf.value, leaf.context), lang)[
            0
        ], UNITS_OF[kind][0 if lang == "fi" else 1]
    if leaf.key == "Scenario.description":
        return described(scenario, lang), ""
    unit = UNITS_OF.get(kind, ("", ""))[0 if lang == "fi" else 1]
    return value_text(leaf.value, kind, lang), unit


def described(scenario: Scenario, lang: Lang) -> str:
    """The scenario's description in ``lang``: a bundled scenario's (or one that keeps a bundled
    scenario's description, as a derived scenario does) from the translation table, else the
    scenario's own words."""
    for name in (scenario.name, *_bundled_descriptions().get(scenario.description, ())):
        try:
            return t(f"scenario_desc_{name}", lang)
        except MissingTranslation:
            continue
    return scenario.description


@functools.cache
def _bundled_descriptions() -> dict[str, tuple[str, ...]]:
    """Description -> the bundled scenarios that have it."""
    found: dict[str, tuple[str, ...]] = {}
    for name in bundled_scenarios():
        description = load_scenario(name).description
        found[description] = (*found.get(description, ()), name)
    return found


def _provenance(scenario: Scenario, leaf: Leaf, lang: Lang) -> tuple[str, str]:
    if isinstance(leaf.value, ParameterUncertainty):  # where the spread comes from, not the parameter
        return choice(leaf.value.source, lang), t(f"unc_source_{leaf.value.source}", lang)
    found = provenance_of(scenario, leaf.path)
    if found is None:
        return choice("assumed", lang), t("provenance_none", lang)
    return choice(found[1].status, lang), found[1].source


def _joined(values: Sequence[str]) -> str:
    return "; ".join(dict.fromkeys(v for v in values if v))


def _merged_provenance(members: Sequence[Leaf], provenance: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The status and source of a merged row: one if its parts agree, else each with the parts
    (a duration's mean fitted, the rest assumed; one area's figure sourced)."""
    if len(set(provenance)) == 1:
        return provenance[0]
    statuses: dict[str, list[str]] = {}
    sources: dict[str, list[str]] = {}
    for leaf, (status, source) in zip(members, provenance, strict=True):
        statuses.setdefault(status, []).append(leaf.part or leaf.area or "")
        sources.setdefault(source, []).append(leaf.part or leaf.area or "")
    if len(statuses) == 1:
        status = next(iter(statuses))
    else:
        status = "; ".join(f"{s} ({', '.join(dict.fromkeys(p))})" for s, p in statuses.items())
    source = "; ".join(f"{s} ({', '.join(dict.fromkeys(p))})" for s, p in sources.items())
    return status, source


def assumption_rows(scenario: Scenario, lang: Lang = "fi") -> list[Row]:
    """Every parameter of ``scenario`` as rows for people (see the module docstring)."""
    leaves = [leaf for leaf in _walk(scenario, "", [], None, None, scenario)]
    # a duration's three fields, then an area's values, make one row
    groups: dict[tuple[str, ...], list[Leaf]] = {}
    for leaf in leaves:
        parts = leaf.path.split(".")
        if leaf.part is not None:
            parts = parts[:-1]
        if leaf.area is not None:
            parts = ["*" if p == leaf.area else p for p in parts]
        groups.setdefault(tuple(parts), []).append(leaf)
    rows: list[tuple[Leaf, Row]] = []
    for key, members in groups.items():
        first = members[0]
        texts = [(leaf, *_leaf_text(scenario, leaf, lang)) for leaf in members]
        provenance = [_provenance(scenario, leaf, lang) for leaf in members]
        unit = _joined([u for _, _, u in texts]) if first.part is None else ""
        if first.part is not None:  # a duration: distribution; mean; spread
            by_area: dict[str | None, list[str]] = {}
            for leaf, value, leaf_unit in texts:
                shown = f"{value} {leaf_unit}" if FIELDS[leaf.key][1] in ("days", "working_days") else value
                part = leaf.part if lang == "fi" else PARTS_EN.get(leaf.part or "", leaf.part)
                by_area.setdefault(leaf.area, []).append(f"{part} {shown}")
            values = {area: ", ".join(v) for area, v in by_area.items()}
        else:
            values = {leaf.area: value for leaf, value, _ in texts}
        if len(set(values.values())) == 1:
            value = next(iter(values.values()))
            if len(values) > 1:
                value += f" ({t('all_areas', lang)})"
        else:
            value = "; ".join(f"{area}: {v}" for area, v in values.items())
        status, source = _merged_provenance(members, provenance)
        name = _label(first, lang) if lang == "fi" else ".".join(key)
        row = Row(name, value, unit, status, source, [leaf.path for leaf in members])
        rows.append((first, row))
    # units whose rows agree become one row ("henkilöstö, kaikki yksiköt: …")
    out: list[Row] = []
    merged: set[int] = set()
    for i, (leaf, row) in enumerate(rows):
        if i in merged:
            continue
        if leaf.unit is not None:
            same = [
                j
                for j, (other, other_row) in enumerate(rows)
                if j not in merged
                and other.unit is not None
                and other.key == leaf.key
                and other.part == leaf.part
                and (other_row.value, other_row.status, other_row.source) == (row.value, row.status, row.source)
            ]
            if len({rows[j][0].unit for j in same}) == len(UNITS) and len(same) == len(UNITS):
                merged.update(same)
                every = Leaf(leaf.path, leaf.key, leaf.value, leaf.context, part=leaf.part)
                every.context = (
                    [f"{leaf.context[0]}, {t('all_units', lang)}", *leaf.context[1:]] if leaf.context else []
                )
                paths = [path for j in same for path in rows[j][1].paths]
                name = (
                    _label(every, lang)
                    if lang == "fi"
                    else ".".join(["*" if p == leaf.unit else p for p in row.label.split(".")])
                )
                row = Row(name, row.value, row.unit, row.status, row.source, paths)
        merged.add(i)
        out.append(row)
    return out
