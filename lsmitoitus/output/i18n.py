"""The one translation table for user-facing text: Finnish by default, English on request.

Measure labels live with the measures (:data:`lsmitoitus.measures.MEASURES`) and are read from
there; everything else is in :data:`TEXT`. A key that is in neither raises
:class:`MissingTranslation`: a missing translation is a bug to find in the tests, never a raw
identifier shown to a user.
"""

from __future__ import annotations

from typing import Literal

from ..measures import MEASURES

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")

TEXT: dict[str, tuple[str, str]] = {
    # tidy columns and summary statistics
    "replication": ("toisto", "replication"),
    "date": ("päivämäärä", "date"),
    "area": ("alue", "area"),
    "team": ("tiimi", "team"),
    "team_county": ("koko alue", "whole county"),
    "unit": ("yksikkö", "unit"),
    "measure": ("mittari", "measure"),
    "value": ("arvo", "value"),
    "mean": ("keskiarvo", "mean"),
    "p10": ("P10", "P10"),
    "p50": ("P50 (mediaani)", "P50 (median)"),
    "p90": ("P90", "P90"),
    "kind": ("laji", "kind"),
    "label": ("selite", "label"),
    # units and stages
    "kaikki": ("kaikki", "all"),
    "kasittely": ("ilmoitusten käsittely", "notification processing"),
    "arviointi": ("palvelutarpeen arviointi", "service-need assessment"),
    "avohuolto": ("avohuolto", "open care"),
    "avohuollon_sijoitus": ("avohuollon sijoitus", "open-care placement"),
    "kiireellinen_sijoitus": ("kiireellinen sijoitus", "emergency placement"),
    "sijaishuolto": ("sijaishuolto", "substitute care"),
    "jalkihuolto": ("jälkihuolto", "aftercare"),
    "sijoitukset": ("kodin ulkopuolelle sijoitetut", "placed outside the home"),
    "perhehoito": ("perhehoito", "family care"),
    "ammatillinen_perhekoti": ("ammatillinen perhekoti", "professional family home"),
    "laitoshoito": ("laitoshoito", "institutional care"),
    "laitoshoito_oma": ("laitoshoito, omat laitokset", "institutional care, own institutions"),
    "laitoshoito_ostettu": ("laitoshoito, ostopalvelu", "institutional care, purchased"),
    "erityistason_laitoshoito": ("erityistason laitoshoito", "special-level institutional care"),
    # measures
    # report and chart
    "summary_title": (
        "Yhteenveto: {name}, {n} toistoa, siemen {seed}",
        "Summary: {name}, {n} replications, seed {seed}",
    ),
    "summary_note": (
        "Vuoden keskiarvot kuukausien lopun tilanteista, mediaani toistojen yli; suurin = vuoden suurin lista.",
        "Yearly means of month-end values, median over replications; maximum = largest list in the year.",
    ),
    "summary_note_aftercare": (
        "Jälkihuollon 18 vuotta täyttäneitä ei lasketa mitoitukseen (asetus caseload.count_aftercare_18_plus).",
        "Aftercare clients aged 18+ do not count toward the limit (setting caseload.count_aftercare_18_plus).",
    ),
    "year": ("vuosi", "year"),
    "indicator": ("indikaattori", "indicator"),
    "lastensuojeluilmoitukset": ("lastensuojeluilmoitukset", "child-protection notifications"),
    "observed": ("havaittu", "observed"),
    "p50_vs_observed": ("P50 vs havaittu (suhteellinen ero)", "P50 vs observed (relative difference)"),
    "thl_title": (
        "THL:n seurantapäivät (huhti- ja lokakuun toinen tiistai), mediaani toistojen yli:",
        "THL monitoring days (second Tuesday of April and October), median over replications:",
    ),
    "indicators_title": (
        "THL:n indikaattorit: simuloitu (P10/P50/P90) ja havaittu koko alueella:",
        "THL indicators: simulated (P10/P50/P90) and observed, whole county:",
    ),
    "over_count_short": ("yli rajan", "over limit"),
    "simulated": ("simuloitu (P50, P10–P90)", "simulated (P50, P10–P90)"),
    "backtest_title": (
        "Takautuva testi: sovitettu vuoteen {year} asti, myöhemmät vuodet ennustettu havaituilla ilmoituksilla",
        "Back-test: fitted up to {year}, later years predicted from observed notifications",
    ),
    "role": ("rooli", "role"),
    # web app
    "app_title": ("Lastensuojelun mitoitus: mitä jos?", "Child-protection staffing: what if?"),
    "app_caption": (
        "Muuta vipuja sivupalkissa ja aja. Perusskenaario ja muokattu ajetaan samoilla satunnaisluvuilla.",
        "Move the levers in the sidebar and run. The base and the edited scenario share random numbers.",
    ),
    "app_scenario": ("Skenaario", "Scenario"),
    "app_upload": ("…tai lataa oma skenaario (TOML)", "…or upload a scenario (TOML)"),
    "app_growth": ("Ilmoitusten kasvu lasta kohden (%/v)", "Notification growth per child (%/year)"),
    "app_population": ("Lapsiväestön muutos (%/v)", "Child population trend (%/year)"),
    "app_fill": ("Vakanssien täyttöaste (%)", "Fill rate of posts (%)"),
    "app_target": ("Mitoitustavoite (lasta / työntekijä)", "Caseload target (children per worker)"),
    "app_family": (
        "Perhehoidon vähimmäisosuus uusista sijoituksista (%)",
        "Minimum family-care share of new placements (%)",
    ),
    "app_family_help": ("0 = ei muutosta", "0 = no change"),
    "app_effect": (
        "Avohuollon vaikuttavuus: sijoitusten väheneminen (%)",
        "Open-care effectiveness: fewer placements (%)",
    ),
    "app_effect_help": (
        "Suhteellinen vähennys todennäköisyyksissä, että avohuolto päättyy sijoitukseen (vaikuttaa vivun alusta).",
        "Relative cut in the probabilities that open care ends in a placement (from the levers' start).",
    ),
    "app_replications": ("Toistoja (enemmän = tarkempi, hitaampi)", "Replications (more = more precise, slower)"),
    "app_posts": ("Vakanssit alueittain ja yksiköittäin", "Posts by area and unit"),
    "app_run": ("Aja simulaatio", "Run the simulation"),
    "app_hint": ("Valitse asetukset ja paina Aja simulaatio.", "Choose the settings and press Run the simulation."),
    "app_running": ("Simuloidaan…", "Simulating…"),
    "app_tab_caseload": ("Lapsia / työntekijä", "Children per worker"),
    "app_tab_staff": ("Tarvittavat vakanssit", "Required posts"),
    "app_tab_assessment": ("Arviointien ajantasaisuus", "Assessment timeliness"),
    "app_tab_costs": ("Sijoitukset ja kustannukset", "Placements and costs"),
    "app_tab_compare": ("Vertailu perusuraan", "Compared with the base"),
    "app_tab_download": ("Lataa", "Download"),
    "app_download_xlsx": ("Excel-työkirja", "Excel workbook"),
    "app_download_csv": ("Henkilöstötarve (CSV)", "Staffing curves (CSV)"),
    "app_download_png": ("Kuva (PNG)", "Chart (PNG)"),
    "app_download_toml": ("Muokattu skenaario (TOML)", "Edited scenario (TOML)"),
    # costs
    "category": ("kustannuslaji", "cost category"),
    "costs_title": (
        "Kustannukset koko alueella, P50, kunkin vuoden hinnoin (perusvuosi {base}, indeksi huomioitu):",
        "Costs for the whole county, P50, in each year's prices (base year {base}, index applied):",
    ),
    "p10_p90": ("yhteensä P10–P90", "total P10–P90"),
    "omat_laitokset": ("omat laitokset (kiinteä)", "own institutions (fixed)"),
    "sosiaalityontekijat": ("sosiaalityöntekijät", "social workers"),
    "muu_henkilosto": ("muu henkilöstö", "other staff"),
    "yhteensa": ("yhteensä", "total"),
    "cost_last_year": ("kustannukset viimeisenä vuonna, P50 (M€)", "costs in the last year, P50 (M€)"),
    "cost_difference": ("ero ensimmäiseen, P50 [P10, P90] (M€)", "difference to the first, P50 [P10, P90] (M€)"),
    "sheet_costs": ("Kustannukset", "Costs"),
    "sheet_decomposition": ("Tarpeen osat", "Parts of the requirement"),
    "sheet_assessment": ("Arvioinnit", "Assessments"),
    "required_first_projected": ("tarve ensimmäisenä ennustevuonna (kpl)", "required in the first projected year"),
    "required_last_year": ("tarve viimeisenä vuonna (kpl)", "required in the last year"),
    "worst_month": ("vaikein kuukausi", "worst month"),
    "worst_month_required": ("vaikeimman kuukauden tarve (kpl)", "required in the worst month"),
    "funded_cost": ("rahoitettujen vakanssien kustannus (€)", "cost of funded posts (€)"),
    "required_cost_conf": ("tarvittavien vakanssien kustannus (€)", "cost of required posts (€)"),
    "required_cost_p50": ("tarvittavien vakanssien kustannus, P50 (€)", "cost of required posts, P50 (€)"),
    "gap_cost": ("vajeen kustannus (€)", "cost of the gap (€)"),
    "demand": ("kysyntä (kpl)", "demand (posts)"),
    "absences": ("poissaolot (kpl)", "absences (posts)"),
    "pooled_required": ("tarve yhtenä koko alueen tiiminä (kpl)", "required as one county-wide team"),
    "organisation": ("tiimijako (kpl)", "split into teams (posts)"),
    "funded_workers": ("arviointityöntekijät (htv)", "assessment workers (FTE)"),
    "required_workers_p50": ("tarvittavat arviointityöntekijät, P50 (htv)", "required assessment workers, P50 (FTE)"),
    "required_workers_conf": ("tarvittavat arviointityöntekijät (htv)", "required assessment workers (FTE)"),
    "assessments": ("arvioinnit (kpl)", "assessments"),
    "started_on_time": ("ajoissa alkaneet (osuus)", "started on time (share)"),
    "completed_on_time": ("ajoissa valmistuneet (osuus)", "completed on time (share)"),
    "mean_wait_days": ("odotus keskimäärin (pv)", "mean wait (days)"),
    "best_started_on_time": ("ajoissa alkaneet rajattomalla kapasiteetilla", "started on time with unlimited capacity"),
    "best_completed_on_time": (
        "ajoissa valmistuneet rajattomalla kapasiteetilla",
        "completed on time with unlimited capacity",
    ),
    # dimensioning
    "funded_posts": ("rahoitetut vakanssit (kpl)", "funded posts (count)"),
    "expected_in_post": ("odotetut työntekijät tehtävässä (hlö)", "expected workers in post (persons)"),
    "required_posts_p50": ("tarvittavat vakanssit, P50 (kpl)", "required posts, P50 (count)"),
    "required_posts_conf": (
        "tarvittavat vakanssit, {conf} % varmuus (kpl)",
        "required posts, {conf} % confidence (count)",
    ),
    "gap_posts": ("vaje (kpl, + = puuttuu)", "gap (count, + = short)"),
    "compliance_probability": ("todennäköisyys, ettei kukaan ylitä (0–1)", "probability nobody is over (0–1)"),
    "min_compliance": ("pienin kuukauden todennäköisyys (0–1)", "lowest monthly probability (0–1)"),
    "first_breach": ("ensimmäinen ylitys (kk)", "first breach (month)"),
    "months_in_breach": ("ylityskuukausia (kpl)", "months in breach (count)"),
    "required_posts_horizon": ("vakanssit koko jaksolle (kpl)", "posts for the whole horizon (count)"),
    "extra_posts": ("lisävakanssit (kpl)", "extra posts (count)"),
    "parameter": ("parametri", "parameter"),
    "description": ("kuvaus (yksikkö ja merkitys)", "description (unit and meaning)"),
    "answer": ("Vastaus", "Answer"),
    "sheet_answer": ("Vastaus", "Answer"),
    "sheet_units": ("Yksiköt", "Units"),
    "sheet_yearly": ("Vuosittain", "Yearly"),
    "sheet_monthly": ("Kuukausittain", "Monthly"),
    "sheet_scenario": ("Skenaario ja oletukset", "Scenario and assumptions"),
    "target_law": ("lakisääteinen raja", "statutory limit"),
    "answer_breach": (
        "{area} {unit} ylittää rajan {month} alkaen skenaariossa {scenario}; {extra} lisävakanssia pitää sen "
        "rajan alla {conf} %:n todennäköisyydellä koko jakson ajan.",
        "{area} {unit} breaches from {month} under {scenario}; {extra} extra posts keep it compliant with "
        "{conf} % probability through the horizon.",
    ),
    "answer_ok": (
        "Skenaariossa {scenario} mikään yksikkö ei ylitä rajaa ({conf} %:n varmuudella).",
        "Under {scenario} no unit breaches ({conf} % confidence).",
    ),
    "answer_total": (
        "Yhteensä {extra} lisävakanssia (tavoite {target} lasta / työntekijä, {conf} % varmuus).",
        "In total {extra} extra posts (target {target} children per worker, {conf} % confidence).",
    ),
    "answer_capped": (
        "Huom.: jossain kuukaudessa rajaa ei saavutettu haun ylärajallakaan; luvut ovat alarajoja.",
        "Note: some month did not comply even at the search cap; figures are lower bounds.",
    ),
    "answer_aftercare": (
        "Jälkihuollon 18 vuotta täyttäneitä ei lasketa rajaan (caseload.count_aftercare_18_plus = false), joten "
        "jälkihuollon laskennallinen tarve kertoo vain lakisääteisestä rajasta, ei työmäärästä.",
        "Aftercare clients aged 18+ do not count toward the limit (caseload.count_aftercare_18_plus = false), so "
        "the aftercare requirement reflects the statutory limit only, not the workload.",
    ),
    "chart_required_p50": ("tarve P50", "required P50"),
    "chart_required_conf": ("tarve {conf} %", "required {conf} %"),
    "chart_funded": ("rahoitetut vakanssit", "funded posts"),
    "chart_in_post": ("odotetut tehtävässä", "expected in post"),
    "chart_breach": ("ensimmäinen ylitys", "first breach"),
    "chart_posts": ("vakansseja", "posts"),
    "staffing_title": (
        "Henkilöstömitoitus: {name} (tavoite {target}, varmuus {conf} %)",
        "Staffing: {name} (target {target}, confidence {conf} %)",
    ),
    "yearly_required": (
        "Tarvittavat vakanssit vuosittain ({conf} % varmuus)",
        "Required posts by year ({conf} % confidence)",
    ),
    "method": ("Menetelmä", "Method"),
    "scenario": ("skenaario", "scenario"),
    "clients_last_year": ("laskettavat asiakkaat viimeisenä vuonna (P50)", "counted clients in the last year (P50)"),
    "units_in_breach": ("yksiköitä yli rajan (kpl)", "units in breach (count)"),
    "assessments_started_late_share": ("myöhässä alkaneet arvioinnit, osuus", "assessments started late, share"),
    "assessments_completed_late_share": ("yli 3 kk arvioinnit, osuus", "assessments over 3 months, share"),
    "sheet_comparison": ("Vertailu", "Comparison"),
    "comparison_title": ("Skenaarioiden vertailu (samat satunnaisluvut)", "Scenarios compared (common random numbers)"),
    "method_text": (
        "Tapahtumasimulaatio ({n} toistoa, siemen {seed}) tuottaa kunkin yksikön asiakkaat; samat asiakkaat "
        "toistetaan eri vakanssimäärillä (samat satunnaisluvut, täyttöaste, vaihtuvuus ja jakosääntö). "
        "Kuukauden tarve on pienin vakanssimäärä, jolla kenenkään laskettava asiakasmäärä ei ylitä tavoitetta.",
        "The event simulation ({n} replications, seed {seed}) produces each unit's clients; the same clients are "
        "replayed with other numbers of posts (same random numbers, fill rate, turnover and allocation rule). "
        "A month's requirement is the fewest posts with which nobody's counted list exceeds the target.",
    ),
    "in_band": ("välillä", "in band"),
    "inside": ("P10–P90-välillä", "inside P10–P90"),
    "yes": ("kyllä", "yes"),
    "no": ("ei", "no"),
    "backtest_coverage": (
        "Testivuosien havainnoista {inside}/{total} ({share} %) osui P10–P90-välille (tavoite noin 80 %).",
        "{inside} of {total} held-out values ({share} %) lie inside their P10–P90 band (nominal 80 %).",
    ),
    "role_fit": ("sovitus", "fit"),
    "role_test": ("testi", "test"),
    "role_input": ("syöte", "input"),
    "calibrated_to": ("Kalibroitu skenaario kirjoitettu tiedostoon {path}", "Calibrated scenario written to {path}"),
    "workers": ("sos.tt", "workers"),
    "mean_short": ("ka/sos.tt", "mean/wkr"),
    "max_short": ("suurin", "max"),
    "over_share_short": ("yli rajan %", "over limit %"),
    "chart_title": (
        "Lapsia sosiaalityöntekijää kohden suhteessa lakisääteiseen rajaan",
        "Children per social worker against the statutory limit",
    ),
    "chart_ylabel": ("lapsia / sosiaalityöntekijä", "children / social worker"),
    "chart_mean": ("keskiarvo (P50, P10–P90)", "mean (P50, P10–P90)"),
    "chart_max": ("suurin lista (P50, P10–P90)", "largest list (P50, P10–P90)"),
    "chart_limit": ("raja", "limit"),
    "chart_all": ("kaikki asiakkaat, myös rajaan laskemattomat (P50)", "all clients, counted or not (P50)"),
    "written_to": ("Tulokset kirjoitettu kansioon {path}", "Results written to {path}"),
    "ran": (
        "{n} toistoa, {events:,} tapahtumaa, {seconds:.1f} s, {jobs} prosessia",
        "{n} replications, {events:,} events, {seconds:.1f} s, {jobs} processes",
    ),
    "error": ("virhe", "error"),
    "valid": (
        "{path}: kelvollinen skenaario {name}: alueet {areas}; vuodet {first}–{last}; {n} toistoa; vakanssit: {posts}",
        "{path}: valid scenario {name}: areas {areas}; years {first}–{last}; {n} replications; posts: {posts}",
    ),
}


class MissingTranslation(KeyError):
    """A user-facing text has no entry in the translation table."""


def t(key: str, lang: Lang = "fi", **fmt: object) -> str:
    """The text for ``key`` in ``lang`` (a measure's label, or an entry of :data:`TEXT`)."""
    pair = TEXT.get(key)
    if pair is None:
        measure = MEASURES.get(key)
        if measure is None:
            raise MissingTranslation(f"no translation for {key!r}")
        pair = (measure.fi, measure.en)
    text = pair[0 if lang == "fi" else 1]
    return text.format(**fmt) if fmt else text
