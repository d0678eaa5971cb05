"""The one translation table for user-facing text: Finnish by default, English on request.

Measure labels live with the measures (:data:`lsmitoitus.text.measures.MEASURES`) and are read from
there; everything else is in :data:`TEXT`. A key that is in neither raises
:class:`MissingTranslation`: a missing translation is a bug to find in the tests, never a raw
identifier shown to a user.
"""

from __future__ import annotations

import errno
import re
import socket
from collections.abc import Sequence
from typing import Literal

from .measures import MEASURES

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
        "Vuoden keskiarvot kuukausien lopun tilanteista, mediaani toistojen yli; suurin = vuoden suurin lista; "
        "ilman sos.tt = vuoden suurin määrä lapsia, joilla ei ollut nimettyä työntekijää (rikkoo rajaa).",
        "Yearly means of month-end values, median over replications; maximum = largest list in the year; "
        "no worker = the year's largest number of children without a named worker (a breach).",
    ),
    "rationing_title": (
        "Henkilöstöpula pitää kirjattua kysyntää alhaalla ({rule}); koko alue, mediaani toistojen yli:",
        "Staff shortage holds recorded demand down ({rule}); county, median over replications:",
    ),
    "rationing_turn_away": ("asiakkuutta ei avata", "client relationships not opened"),
    "rationing_queue": ("lapset jonottavat asiakkuutta", "children queue for a client relationship"),
    "rationing_year": (
        "{year}: {refused} asiakkuutta tarvinnutta lasta jäi ottamatta (piiloon jäänyt tarve); "
        "asiakkuutta jonotti keskimäärin {queue} lasta.",
        "{year}: {refused} children who needed a client relationship were not taken in (unmet need); "
        "on average {queue} children queued for one.",
    ),
    "bands_with_parameters": (
        "Vaihteluvälit (P10–P90) sisältävät sekä satunnaisuuden että parametrien epävarmuuden: jokainen toisto "
        "arpoo {n} epävarman parametrin arvot (skenaarion epävarmuustaulukosta ja vaihteluväleistä).",
        "The bands (P10–P90) hold both randomness and parameter uncertainty: every replication draws the values of "
        "{n} uncertain parameters (from the scenario's uncertainty table and ranges).",
    ),
    "bands_random_only": (
        "Vaihteluvälit (P10–P90) sisältävät vain simulaation satunnaisuuden: skenaariossa ei ole epävarmoja "
        "parametreja, joten todellinen epävarmuus on suurempi.",
        "The bands (P10–P90) hold only the simulation's randomness: the scenario has no uncertain parameters, so the "
        "real uncertainty is larger.",
    ),
    "summary_note_aftercare": (
        "Jälkihuollon 18 vuotta täyttäneitä asiakkaita ei lasketa lakisääteiseen rajaan (skenaarion asetus), "
        "joten jälkihuollon listoilla ei ole laskettavia lapsia (ei laskettavia).",
        "Aftercare clients aged 18+ do not count toward the statutory limit (a setting of the scenario), so "
        "aftercare's lists hold no counted children (none counted).",
    ),
    "year": ("vuosi", "year"),
    "indicator": ("indikaattori", "indicator"),
    "lastensuojeluilmoitukset": ("lastensuojeluilmoitukset", "child-protection notifications"),
    "huostaanotot": ("uudet huostaanotot", "new care orders"),
    "listoilla_lapsia": (
        "lapsia työntekijöiden listoilla seurantapäivinä",
        "children on the workers' lists on the monitoring days",
    ),
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
    "app_upload_too_large": (
        "ladattu tiedosto on liian suuri; skenaario saa olla enintään {limit} MB",
        "the uploaded file is too large; a scenario may be at most {limit} MB",
    ),
    "app_unexpected": (
        "Jotain meni pieleen, eikä tulosta voitu näyttää. Kokeile uudelleen tai muuta asetuksia; "
        "virheen tiedot on kirjattu palvelimen lokiin.",
        "Something went wrong and no result could be shown. Try again or change the settings; "
        "the details were written to the server's log.",
    ),
    # costs
    "category": ("kustannuslaji", "cost category"),
    "costs_title": (
        "Kustannukset koko alueella, P50, kunkin vuoden hinnoin (perusvuosi {base}, indeksi huomioitu):",
        "Costs for the whole county, P50, in each year's prices (base year {base}, index applied):",
    ),
    "p10_p90": ("yhteensä P10–P90", "total P10–P90"),
    "omat_laitokset": ("omat laitokset (kiinteä)", "own institutions (fixed)"),
    "sosiaalityontekijat": ("sosiaalityöntekijät", "social workers"),
    "vakanssien_paikkaus": (
        "avointen vakanssien paikkaus (ylityö, ostopalvelu, sijaiset)",
        "cover of vacant posts (overtime, purchased work, temporary staff)",
    ),
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
    "first_breach": ("ensimmäinen päivä, jona vakanssit eivät riitä", "first day the posts fail"),
    "months_in_breach": ("ylityskuukausia (kpl)", "months in breach (count)"),
    "extra_posts": ("lisävakanssit (kpl)", "extra posts (count)"),
    "parameter": ("parametri", "parameter"),
    "description": ("kuvaus (yksikkö ja merkitys)", "description (unit and meaning)"),
    "answer": ("Vastaus", "Answer"),
    "sheet_answer": ("Vastaus", "Answer"),
    "sheet_units": ("Yksiköt", "Units"),
    "sheet_yearly": ("Vuosittain", "Yearly"),
    "sheet_monthly": ("Lukupäivät", "Reading days"),
    "sheet_readings": ("Tulkinnat", "Readings"),
    "budget_heading": ("Budjetti", "Budget"),
    "notes_heading": ("Huomiot", "Notes"),
    "sheet_scenario": ("Skenaario ja oletukset", "Scenario and assumptions"),
    "target_law": ("lakisääteinen raja", "statutory limit"),
    "law_step": ("{value} lasta {date} alkaen", "{value} children from {date}"),
    "answer_law_only": (
        "Raja: lastensuojelulain 13 b § ({law}); ennen {first} rajaa ei ollut, joten silloin ei ole ylityksiä.",
        "Limit: Child Welfare Act 13 b § ({law}); before {first} there was no limit, so no breach then.",
    ),
    "answer_target_from": (
        "Mitoitustavoite {n} lasta / työntekijä koskee {date} alkaen; sitä ennen sovelletaan lakia ({law}; "
        "ennen {first} rajaa ei ollut).",
        "The planning target of {n} children per worker applies from {date}; before that the law applies "
        "({law}; no limit before {first}).",
    ),
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
    "app_assessment_needed": ("arvioinnin työntekijät tarvitaan ({level})", "assessment workers needed ({level})"),
    "app_assessment_funded": ("arvioinnin työntekijät rahoitettu", "assessment workers funded"),
    "parts_line": (
        "Tarpeen osat {year} ({conf} %): {total} vakanssia, joista vakanssien täyttöviiveet {vacancies} ja "
        "poissaolot {absences} (samojen asiakkaiden parierot, toistojen keskiarvo) ja loput kysyntää {demand}; "
        "tiimijako lisää {organisation} verrattuna yhteen maakunnalliseen tiimiin.",
        "Parts of the requirement {year} ({conf} %): {total} posts, of which vacancies {vacancies} and absences "
        "{absences} (paired differences on the same clients, mean over replications) and the rest demand "
        "{demand}; the split into teams adds {organisation} over one county-wide team.",
    ),
    "parts_assessment": (
        "Palvelutarpeen arviointi {year}: tarvitaan {required} työntekijää ({level}), rahoitettu {funded}; "
        "arvioinneista {on_time} alkoi määräajassa.",
        "Service-need assessment {year}: {required} workers needed ({level}), {funded} funded; "
        "{on_time} of assessments started within the deadline.",
    ),
    "answer_total": (
        "Yhteensä {extra} lisävakanssia (tavoite: {target}, {conf} % varmuus).",
        "In total {extra} extra posts (target: {target}, {conf} % confidence).",
    ),
    "answer_capped": (
        "Huom.: jossain kuukaudessa rajaa ei saavutettu haun ylärajallakaan; luvut ovat alarajoja.",
        "Note: some month did not comply even at the search cap; figures are lower bounds.",
    ),
    "answer_aftercare": (
        "Jälkihuollon 18 vuotta täyttäneitä ei lasketa lakisääteiseen rajaan, joten jälkihuollon tarve on laskettu "
        "kaikista asiakkaista tavoitteella {target} asiakasta työntekijää kohden (työmäärä, ei lain raja).",
        "Aftercare clients aged 18+ do not count toward the statutory limit, so the aftercare requirement counts "
        "every client against {target} clients per worker (the workload, not the legal limit).",
    ),
    "chart_required_p50": ("tarve P50", "required P50"),
    "chart_required_conf": ("tarve {conf} %", "required {conf} %"),
    "chart_funded": ("rahoitetut vakanssit", "funded posts"),
    "chart_planned": ("suunnitellut vakanssit", "planned posts"),
    "chart_in_post": ("odotetut tehtävässä", "expected in post"),
    "chart_breach": ("ensimmäinen ylitys", "first breach"),
    "chart_posts": ("vakansseja", "posts"),
    "staffing_title": (
        "Henkilöstömitoitus: {name} (tavoite {target}, {level}; {reading}, {practice})",
        "Staffing: {name} (target {target}, {level}; {reading}, {practice})",
    ),
    "yearly_required": (
        "Tarvittavat vakanssit vuosittain ({level})",
        "Required posts by year ({level})",
    ),
    "method": ("Menetelmä", "Method"),
    "scenario": ("skenaario", "scenario"),
    "clients_last_year": ("laskettavat asiakkaat viimeisenä vuonna (P50)", "counted clients in the last year (P50)"),
    "units_in_breach": ("tiimejä, joista puuttuu vakansseja (kpl)", "teams short of posts (count)"),
    "assessments_started_late_share": ("myöhässä alkaneet arvioinnit, osuus", "assessments started late, share"),
    "assessments_completed_late_share": ("yli 3 kk arvioinnit, osuus", "assessments over 3 months, share"),
    "sheet_comparison": ("Vertailu", "Comparison"),
    "comparison_title": ("Skenaarioiden vertailu (samat satunnaisluvut)", "Scenarios compared (common random numbers)"),
    "method_text": (
        "Tapahtumasimulaatio ({n} toistoa, siemen {seed}) tuottaa kunkin yksikön asiakkaat; samat asiakkaat "
        "toistetaan eri vakanssimäärillä (samat satunnaisluvut, täyttöaste, vaihtuvuus ja jakosääntö). "
        "Lukupäivän tarve on pienin vakanssimäärä, jolla kenenkään laskettava asiakasmäärä ei ylitä tavoitetta "
        "eikä yksikään laskettava lapsi ole ilman työntekijää.",
        "The event simulation ({n} replications, seed {seed}) produces each unit's clients; the same clients are "
        "replayed with other numbers of posts (same random numbers, fill rate, turnover and allocation rule). "
        "A reading day's requirement is the fewest posts with which nobody's counted list exceeds the target "
        "and no counted child is without a worker.",
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
    "unassigned_short": ("ilman sos.tt", "no worker"),
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
        "{n} toistoa, {events} tapahtumaa, {seconds} s, {jobs} prosessia",
        "{n} replications, {events} events, {seconds} s, {jobs} processes",
    ),
    "error": ("virhe", "error"),
    # messages about input files (scenarios and history): every value a user gave is cut to
    # ECHO_LIMIT characters, and nothing from any other file is shown
    "file_not_found": ("{path}: tiedostoa ei löydy", "{path}: file not found"),
    "not_a_file": (
        "{path}: ei ole tavallinen tiedosto vaan {kind}; anna tiedoston polku",
        "{path}: not a regular file but {kind}; give the path of a file",
    ),
    "kind_folder": ("kansio", "a folder"),
    "kind_fifo": ("nimetty putki (FIFO)", "a named pipe (FIFO)"),
    "kind_device": ("laite", "a device"),
    "kind_special": ("erikoistiedosto", "a special file"),
    "cannot_read": ("{path}: tiedostoa ei voi lukea: {reason}", "{path}: cannot read the file: {reason}"),
    "reason_permission": ("ei oikeutta", "permission denied"),
    "reason_read_only": ("levy on vain luettavissa", "the disk is read-only"),
    "reason_disk_full": ("levy on täynnä", "the disk is full"),
    "reason_not_found": ("tiedostoa tai kansiota ei ole", "no such file or folder"),
    "reason_not_a_folder": ("polun osa ei ole kansio", "a part of the path is not a folder"),
    "reason_exists": ("samanniminen tiedosto on jo olemassa", "a file of that name exists already"),
    "reason_is_a_folder": ("se on kansio", "it is a folder"),
    "reason_name_too_long": ("nimi on liian pitkä", "the name is too long"),
    "reason_symlink_loop": (
        "symboliset linkit kiertävät kehää; osoita linkki tavalliseen tiedostoon",
        "symbolic links form a loop; point the link at a regular file",
    ),
    "reason_io": ("levyn luku- tai kirjoitusvirhe", "a read or write error of the disk"),
    "reason_busy": ("laite tai tiedosto on varattu", "the device or file is busy"),
    "reason_too_many_files": ("liian monta avointa tiedostoa", "too many open files"),
    "reason_refused": (
        "yhteys estettiin: kukaan ei kuuntele porttia",
        "connection refused: nobody listens on the port",
    ),
    "reason_timeout": ("aikakatkaisu: vastausta ei tullut", "timed out: no answer came"),
    "reason_unreachable": ("konetta tai verkkoa ei tavoiteta", "the host or network cannot be reached"),
    "reason_unknown_host": ("konetta ei löydy nimellä", "no host of that name"),
    "reason_reset": ("vastapää katkaisi yhteyden", "the other end closed the connection"),
    "reason_system": ("käyttöjärjestelmän virhe {code}", "operating-system error {code}"),
    "too_large": (
        "{path}: tiedosto on liian suuri ({size} MB; enintään {limit} MB); sitä ei luettu",
        "{path}: the file is too large ({size} MB; at most {limit} MB); it was not read",
    ),
    "not_utf8": (
        "{path}: tiedosto ei ole UTF-8-merkistössä (ensimmäinen virheellinen merkki rivillä {line}); "
        "tallenna se UTF-8-muodossa",
        "{path}: the file is not in UTF-8 (first invalid character on line {line}); save it as UTF-8",
    ),
    "utf16": (
        "{path}: tiedosto on UTF-16-merkistössä; tallenna se UTF-8-muodossa",
        "{path}: the file is in UTF-16; save it as UTF-8",
    ),
    "not_toml_at": (
        "{path}: ei kelvollista TOML-muotoa rivillä {line}, sarake {col}: {detail}",
        "{path}: not valid TOML at line {line}, column {col}: {detail}",
    ),
    "not_toml": ("{path}: ei kelvollista TOML-muotoa: {detail}", "{path}: not valid TOML: {detail}"),
    "not_toml_number": (
        "{path}: ei kelvollista TOML-muotoa: luvussa on liikaa numeroita",
        "{path}: not valid TOML: a number has too many digits",
    ),
    "too_deep": (
        "{path}: tiedosto on sisäkkäistetty liian syvälle (yli {limit} tasoa taulukoita tai listoja); "
        "skenaario tarvitsee enintään viisi",
        "{path}: the file is nested too deeply (more than {limit} levels of tables or arrays); "
        "a scenario needs at most five",
    ),
    "too_deep_input": (
        "syöte on sisäkkäistetty liian syvälle; mitään ei kirjoitettu",
        "the input is nested too deeply; nothing was written",
    ),
    "no_such_scenario": (
        "{spec}: skenaariotiedostoa ei löydy, eikä sen nimistä valmista skenaariota ole (valmiit: {names})",
        "{spec}: no such scenario file, and no bundled scenario of that name (bundled: {names})",
    ),
    "renamed_both": (
        "{source}: sekä {old} (vanha nimi) että {new} on annettu; poista toinen",
        "{source}: both {old} (old name) and {new} are given; remove one",
    ),
    "extends_cycle": ("{path}: extends-ketju kiertää kehää: {chain}", "{path}: extends forms a cycle: {chain}"),
    "extends_type": (
        "{path}: extends = {value}: pitää olla valmiin skenaarion nimi tai suhteellinen polku",
        "{path}: extends = {value}: must be a bundled scenario name or a relative path",
    ),
    "extends_missing": (
        "{path}: extends = {value}: tiedostoa tai sen nimistä valmista skenaariota ei ole (valmiit: {names})",
        "{path}: extends = {value}: no such file or bundled scenario (bundled: {names})",
    ),
    "upload_extends": (
        "{path}: extends = {value}: ladattu skenaario voi laajentaa vain valmista skenaariota nimeltä, "
        "ei tiedostoa (valmiit: {names})",
        "{path}: extends = {value}: an uploaded scenario may extend only a bundled scenario by name, "
        "never a file (bundled: {names})",
    ),
    # validation of a scenario
    "invalid_scenario": (
        "{source}: virheellinen skenaario ({n} ongelmaa):",
        "{source}: invalid scenario ({n} problems):",
    ),
    "invalid_scenario_one": (
        "{source}: virheellinen skenaario (1 ongelma):",
        "{source}: invalid scenario (1 problem):",
    ),
    "problem_line": ("  {path}: {text}", "  {path}: {text}"),
    "more_problems": ("  … ja {n} muuta ongelmaa", "  … and {n} more problems"),
    "more_problems_one": ("  … ja 1 muu ongelma", "  … and 1 more problem"),
    "renamed_key": (
        "huom.: {source}: {old} on nykyään {new}; tiedosto luettiin uudella nimellä",
        "note: {source}: {old} is now called {new}; the file was read with the new name",
    ),
    "note_line": ("huom.: {text}", "note: {text}"),
    "top_level": ("(ylin taso)", "(top level)"),
    "val_got": ("annettu {value}", "got {value}"),
    "val_range": ("sallittu väli: {low}arvo{high}", "allowed range: {low}value{high}"),
    "val_on_key": ("avain ei kelpaa: {text}", "the key is not valid: {text}"),
    "val_key_range": ("avaimen sallittu väli: {low}avain{high}", "allowed range of the key: {low}key{high}"),
    "val_allowed": ("sallittu: {expected}", "allowed: {expected}"),
    "val_meaning": ("merkitys: {description}", "meaning: {description}"),
    "val_missing": ("pakollinen kenttä puuttuu", "Field required"),
    "val_extra": ("tuntematon kenttä", "unknown field"),
    "val_ge": ("arvon pitää olla vähintään {ge}", "Input should be greater than or equal to {ge}"),
    "val_gt": ("arvon pitää olla suurempi kuin {gt}", "Input should be greater than {gt}"),
    "val_le": ("arvon pitää olla enintään {le}", "Input should be less than or equal to {le}"),
    "val_lt": ("arvon pitää olla pienempi kuin {lt}", "Input should be less than {lt}"),
    "val_number": ("arvon pitää olla äärellinen luku", "Input should be a valid finite number"),
    "val_integer": ("arvon pitää olla kokonaisluku", "Input should be a valid integer"),
    "val_bool": ("arvon pitää olla true tai false", "Input should be true or false"),
    "val_string": ("arvon pitää olla merkkijono", "Input should be a valid string"),
    "val_table": ("arvon pitää olla taulukko", "Input should be a table"),
    "val_list": ("arvon pitää olla lista", "Input should be a valid list"),
    "val_date": ("arvon pitää olla päivämäärä (VVVV-KK-PP)", "Input should be a valid date (YYYY-MM-DD)"),
    "val_too_long": (
        "merkkijono on liian pitkä (enintään {max_length} merkkiä)",
        "String should have at most {max_length} characters",
    ),
    "val_too_short": (
        "merkkijono on liian lyhyt (vähintään {min_length} merkkiä)",
        "String should have at least {min_length} characters",
    ),
    "val_too_many": ("liian monta alkiota (enintään {max_length})", "Too many items (at most {max_length})"),
    "val_too_few": ("liian vähän alkioita (vähintään {min_length})", "Too few items (at least {min_length})"),
    "val_pattern": ("muoto ei kelpaa (sallittu: {pattern})", "String should match pattern {pattern}"),
    "val_literal": ("arvon pitää olla {expected}", "Input should be {expected}"),
    # issue 15 item 1: the schema's own rules (scenario/rules.py): the key is the error type, the
    # English text is also pydantic's message; numbers and dates are formatted when shown
    "rule_by_age_missing": (
        "ikäryhmätaulukosta puuttuvat ikäryhmät {missing}; anna jokainen ikäryhmä ({bands}) tai yksi luku kaikille",
        "an age-band table must give every band; missing {missing} (give every band ({bands}) or one number)",
    ),
    "rule_bands_missing": (
        "ikäryhmät {missing} puuttuvat; anna jokainen ikäryhmä ({bands})",
        "age bands {missing} are missing; give every band ({bands})",
    ),
    "rule_types_missing": (
        "sijoitusmuodot {missing} puuttuvat; anna jokainen sijoitusmuoto ({types})",
        "placement types {missing} are missing; give every type ({types})",
    ),
    "rule_shares_sum": (
        "osuuksien summan pitää olla 1; nyt summa on {total}",
        "the shares must sum to 1; they sum to {total}",
    ),
    "rule_area_shares_sum": (
        "alueiden notification_share-osuuksien summan pitää olla 1; nyt summa on {total}",
        "notification_share must sum to 1 over the areas; it sums to {total}",
    ),
    "rule_exponential_cv": (
        "eksponenttijakauman cv on aina 1 (annettu {cv}); valitse gamma tai lognormal, jos hajonta on muu",
        "an exponential duration has cv = 1 (got {cv}); use gamma or lognormal for another spread",
    ),
    "rule_range_per_year": (
        "pitää olla {lowest} ≤ alin ≤ ylin ≤ {highest}; annettu alin {low} ja ylin {high}",
        "must satisfy {lowest} ≤ low ≤ high ≤ {highest}; got low {low} and high {high}",
    ),
    "rule_year_factors_level": (
        "year_factors tarvitsee lähtötason: anna values ainakin yhdelle vuodelle",
        "year_factors need a level to start from: give values for at least one year",
    ),
    "rule_years_twice": (
        "vuodet {years} on annettu sekä values- että year_factors-taulukossa; anna kukin vuosi vain toisessa",
        "years {years} are given both in values and in year_factors; give each year in one of them only",
    ),
    "rule_end_after_start": (
        "loppupäivän {end} pitää olla aloituspäivän {start} jälkeen",
        "end {end} must be after start {start}",
    ),
    "rule_start_first_day": (
        "aloituspäivän pitää olla kuukauden ensimmäinen päivä (tulokset ovat kuukausittain); annettu {start}",
        "start must be the first day of a month (results are monthly); got {start}",
    ),
    "rule_no_notifications": (
        "anna havaittujen ilmoitusten määrä ainakin yhdeltä vuodelta",
        "give the observed notifications of at least one year",
    ),
    "rule_per_child_range": (
        "arvon pitää olla {low} ≤ arvo ≤ {high} (ilmoituksia ilmoitettua lasta kohden); annettu {value}",
        "must lie in {low} ≤ value ≤ {high} (notifications per notified child); got {value}",
    ),
    "rule_escalation_sum": (
        "todennäköisyyksien p_avohuollon_sijoitus + p_kiireellinen_sijoitus + p_huostaanotto summa on {total} "
        "ikäryhmässä {band}; se saa olla enintään 1",
        "the escalation probabilities p_avohuollon_sijoitus + p_kiireellinen_sijoitus + p_huostaanotto sum to more "
        "than 1: {total} in age band {band}",
    ),
    "rule_keys_exact": (
        "avainten pitää olla täsmälleen {keys} (puuttuvat: {missing}; ylimääräiset: {extra})",
        "the keys must be exactly {keys} (missing: {missing}; extra: {extra})",
    ),
    "rule_levers_ramp": (
        "täyden vaikutuksen päivä {full} ei voi olla ennen alkamispäivää {start}",
        "full {full} must not be before start {start}",
    ),
    "rule_low_above_high": (
        "alin kerroin low ({low}) ei voi olla suurempi kuin ylin kerroin high ({high})",
        "low ({low}) must not exceed high ({high})",
    ),
    "rule_area_keys": (
        "alueiden pitää olla täsmälleen skenaarion alueet {areas} (puuttuvat: {missing}; ylimääräiset: {extra})",
        "must name exactly the areas {areas} (missing: {missing}; extra: {extra})",
    ),
    "rule_unit_missing": (
        "yksikön vakanssit puuttuvat; anna ne jokaiselle alueelle ({areas})",
        "the unit's posts are missing; give them for every area ({areas})",
    ),
    "rule_unknown_areas": (
        "tuntemattomat alueet {unknown}; skenaarion alueet: {areas}",
        "unknown areas {unknown}; the scenario's areas: {areas}",
    ),
    "rule_team_areas": (
        "jokaisen alueen pitää kuulua täsmälleen yhteen tiimiin (alueet: {areas}; puuttuvat: {missing}; "
        "tuntemattomat tai toistetut: {extra})",
        "every area must be in exactly one team (areas: {areas}; missing: {missing}; unknown or repeated: {extra})",
    ),
    "rule_not_an_area": (
        "{value} ei ole skenaarion alue; alueet: {areas}",
        "{value} is not an area of the scenario; areas: {areas}",
    ),
    "rule_steps_order": (
        "portaiden pitää olla alkupäivän mukaan nousevassa järjestyksessä, kukin päivä kerran; annettu {starts}",
        "steps must be in increasing order of start date, each date once; got {starts}",
    ),
    "rule_names_no_parameter": (
        "{path} ei nimeä mitään skenaarion parametria",
        "{path} names no parameter of the scenario",
    ),
    "rule_not_scalable": (
        "{path} ei ole luku eikä ikäryhmätaulukko, joten sille ei voi antaa epävarmuutta",
        "{path} is not a number or an age-band table, so it cannot be uncertain",
    ),
    "rule_name": (
        "nimessä saa olla 1–{longest} tulostettavaa merkkiä (myös pisteet ja välilyönnit), ei välilyöntiä alussa "
        "tai lopussa eikä rivinvaihtoja tai muita ohjausmerkkejä; annettu {name}",
        "a name has 1 to {longest} printable characters (dots and spaces too), no space at either end and no "
        "line breaks or other control characters; got {name}",
    ),
    "rule_scaling_breaks": (
        "tätä parametria ei voi antaa epävarmana: jokainen toisto kertoo sen arvotulla kertoimella, ja silloin "
        "skenaario ei enää kelpaisi ({problem}); poista se [uncertainty.parameters]-taulukosta",
        "this parameter cannot be uncertain: every replication multiplies it by a drawn factor, and then the "
        "scenario would no longer be valid ({problem}); remove it from [uncertainty.parameters]",
    ),
    "rule_correlation_pair": (
        "{pair}: avaimen pitää olla muotoa polku_a|polku_b, kaksi eri parametria taulukosta uncertainty.parameters",
        "{pair}: must be path_a|path_b, two different parameters listed in uncertainty.parameters",
    ),
    "rule_correlation_lognormal": (
        "{pair}: kummankin korreloidun parametrin jakauman pitää olla lognormal",
        "{pair}: both parameters must be lognormal",
    ),
    "rule_correlation_matrix": (
        "korrelaatiot eivät muodosta kelvollista korrelaatiomatriisia (se ei ole positiivisesti definiitti); "
        "pienennä korrelaatioita",
        "the correlations do not form a valid correlation matrix (it is not positive definite); make them smaller",
    ),
    # plausibility of a valid scenario (scenario/checks.py)
    "not_runnable": (
        "{source}: skenaariota ei voi ajaa (mitään ei simuloitu):",
        "{source}: the scenario cannot be run (nothing was simulated):",
    ),
    "check_horizon": (
        "  simulation: raportoitava jakso {start} – {end} ei sisällä yhtään vuodenvaihdetta; tulokset ja THL:n "
        "indikaattorit ovat kalenterivuosittain, joten end pitää olla vähintään aloitusvuoden 31.12.",
        "  simulation: the reported period {start} to {end} contains no year end; results and THL's indicators "
        "are by calendar year, so end must be 31 December of the first year or later",
    ),
    "check_population_empty": (
        "  areas: alueiden {areas} population_0_17-taulukko on tyhjä; anna 0–17-vuotiaiden määrä ainakin "
        "yhdelle vuodelle",
        "  areas: the population_0_17 table of {areas} is empty; give the number of children aged 0–17 for "
        "at least one year",
    ),
    "check_population_zero": (
        "  areas: koko alueen 0–17-vuotiaiden määrä on 0 {when}; ilmoitukset lasta kohden ja THL:n "
        "prosenttiluvut tarvitsevat väestön",
        "  areas: the county's population aged 0–17 is 0 {when}; notifications per child and THL's "
        "percentages need a population",
    ),
    "in_year": ("vuonna {year}", "in {year}"),
    "in_years": ("vuosina {first}–{last}", "in {first}–{last}"),
    "check_demand_per_child": (
        "  demand: vuonna {year} {notifications} ilmoitusta {children} lapselle on {ratio} ilmoitusta lasta "
        "kohden vuodessa; enintään {limit} hyväksytään (koko maa 2023: noin 0,2)",
        "  demand: in {year}, {notifications} notifications for {children} children is {ratio} per child a "
        "year; at most {limit} is accepted (Finland 2023: about 0.2)",
    ),
    "check_demand_total": (
        "  demand: yksi toisto simuloisi {total} ilmoitusta vuosina {first}–{last}; enintään {limit} "
        "hyväksytään (ajo kestäisi tunteja)",
        "  demand: one replication would simulate {total} notifications in {first}–{last}; at most {limit} "
        "is accepted (the run would take hours)",
    ),
    "check_area_population_zero": (
        "  areas.{area}: alueella ei ole 0–17-vuotiaita {when}, mutta sille tulee {share} ilmoituksista "
        "(notification_share); anna alueen population_0_17 tai aseta notification_share = 0",
        "  areas.{area}: the area has no children aged 0–17 {when}, yet it receives {share} of the notifications "
        "(notification_share); give the area's population_0_17 or set notification_share = 0",
    ),
    "check_notifications_zero": (
        "  {field}: ilmoituksia on 0 {when}; ennuste ja ilmoitukset lasta kohden lasketaan näistä luvuista, "
        "joten anna havaittu tai arvioitu määrä (vähintään 1) tai jätä vuosi pois",
        "  {field}: there are 0 notifications {when}; the projection and the notifications per child are "
        "computed from these figures, so give the observed or expected number (at least 1) or leave the year out",
    ),
    "check_demand_year": (
        "  demand: vuonna {year} olisi {notifications} ilmoitusta; enintään {limit} vuodessa hyväksytään (yhden "
        "vuoden asiakkaat ovat muistissa yhtä aikaa; koko maa 2023: noin 215 000)",
        "  demand: {year} would have {notifications} notifications; at most {limit} a year is accepted (a year's "
        "clients are in memory at once; Finland 2023: about 215,000)",
    ),
    "check_posts_total": (
        "  staffing: hyvinvointialueella olisi {day} alkaen {posts} vakanssia (staffing, organisation.leads, "
        "levers.avohuolto_extra_posts ja staffing_plan yhteensä); enintään {limit} hyväksytään (koko maassa on "
        "noin 2 000 lastensuojelun sosiaalityöntekijää)",
        "  staffing: the county would have {posts} posts from {day} (staffing, organisation.leads, "
        "levers.avohuolto_extra_posts and staffing_plan together); at most {limit} are accepted (Finland has "
        "about 2,000 child-protection social workers)",
    ),
    "check_work": (
        "  simulation: yksi toisto simuloisi arviolta {events} tapahtumaa; enintään {limit} hyväksytään (ajo "
        "kestäisi tunteja); lyhennä jaksoa tai warmup_years-aikaa, vähennä ilmoituksia tai vakansseja, tai "
        "pidennä avohuollon ja sijoitusten kestoja (lyhyet jaksot toistuvat 18 ikävuoteen asti)",
        "  simulation: one replication would simulate about {events} events; at most {limit} are accepted (the "
        "run would take hours); shorten the period or warmup_years, lower the notifications or posts, or "
        "lengthen open care and placements (short episodes repeat until the age of 18)",
    ),
    # history files (calibration and back-test)
    "history_empty": ("{path}: tiedosto on tyhjä", "{path}: the file is empty"),
    "history_not_csv": ("{path}: ei luettava CSV-tiedosto: {detail}", "{path}: not a readable CSV file: {detail}"),
    "history_columns": (
        "{path}: sarakkeet puuttuvat: {missing}; tarvitaan {expected}",
        "{path}: missing columns: {missing}; expected {expected}",
    ),
    "history_no_rows": ("{path}: tiedostossa ei ole yhtään tietoriviä", "{path}: the file has no data rows"),
    "history_row": ("{path}: rivi {row}: {problem}", "{path}: row {row}: {problem}"),
    "history_unit": ("yksikkö {unit}; sallitut: {allowed}", "unit {unit}; allowed: {allowed}"),
    "history_year": (
        "vuosi {value}; pitää olla kokonaisluku {low}–{high}",
        "year {value}; must be a whole number {low}–{high}",
    ),
    "history_value": (
        "arvo {value}; pitää olla äärellinen luku, suurempi kuin 0",
        "value {value}; must be a finite number greater than 0",
    ),
    "history_percent": (
        "arvo {value} prosenttia 0–17-vuotiaista; enintään 100",
        "value {value} per cent of children aged 0–17; at most 100",
    ),
    "history_count_small": (
        "arvo {value} lukumääränä (count); pitää olla vähintään 1 (alle yhden lapsen tai ilmoituksen ei voi olla)",
        "value {value} as a count; must be at least 1 (there cannot be less than one child or notification)",
    ),
    "history_percent_small": (
        "arvo {value} prosenttia 0–17-vuotiaista; pitää olla vähintään 0,001 (yksi lapsi sadastatuhannesta)",
        "value {value} per cent of children aged 0–17; must be at least 0.001 (one child in a hundred thousand)",
    ),
    "history_conflict": (
        "{path}: rivit {row1} ja {row2} antavat eri arvot ({value1} ja {value2}) samalle indikaattorille "
        "{indicator}, alueelle {region} ja vuodelle {year}; jätä vain yksi",
        "{path}: rows {row1} and {row2} give different values ({value1} and {value2}) for the same indicator "
        "{indicator}, region {region} and year {year}; keep one",
    ),
    "history_region": (
        "{path}: ei rivejä alueelle {region} (alueet: {regions})",
        "{path}: no rows for region {region} (regions: {regions})",
    ),
    "calibration_no_observations": (
        "historiassa ei ole lapsia koskevia havaintoja valituille vuosille",
        "the history has no observed indicators of children for the chosen years",
    ),
    "calibration_unknown": (
        "ei voi sovittaa: {unknown}; mahdolliset: {candidates}",
        "cannot fit {unknown}; candidates: {candidates}",
    ),
    "calibration_years": (
        "historian vuosien {years} pitää olla skenaarion simuloidulla jaksolla {first}–{last}",
        "history years {years} must lie within the scenario's simulated period {first}–{last}",
    ),
    "backtest_no_notifications": (
        "historiassa ei ole ilmoitusmääriä (lastensuojeluilmoitukset), joilla takautuva testi ajettaisiin",
        "the history has no notification counts (lastensuojeluilmoitukset) to drive a back-test",
    ),
    "backtest_years": (
        "--fit-until {fit_until}: historiassa pitää olla vuosia sekä siihen asti että sen jälkeen "
        "(historian vuodet: {years})",
        "--fit-until {fit_until}: needs history years both up to it and after it (history years: {years})",
    ),
    # outputs (reports/folders.py)
    "out_exists": (
        "{path} on jo olemassa; valitse toinen --out (mitään ei korvattu)",
        "{path} already exists; choose another --out (nothing was overwritten)",
    ),
    "out_is_file": (
        "{path} on tiedosto; --out tarvitsee kansion nimen (mitään ei korvattu)",
        "{path} is a file; --out needs the name of a folder (nothing was overwritten)",
    ),
    "file_exists": (
        "{path} on jo olemassa; valitse toinen nimi (mitään ei korvattu)",
        "{path} already exists; choose another name (nothing was overwritten)",
    ),
    "file_appeared": (
        "{path} ilmestyi ajon aikana (toinen ajo?); sitä ei korvattu",
        "{path} appeared while this run was working (another run?); it was not overwritten",
    ),
    "out_parent_not_folder": (
        "{path}: {parent} ei ole kansio; tuloksia ei voi kirjoittaa sinne",
        "{path}: {parent} is not a folder; results cannot be written there",
    ),
    "out_not_writable": (
        "{path}: kansioon {parent} ei voi kirjoittaa ({reason}); mitään ei ajettu",
        "{path}: cannot write in {parent} ({reason}); nothing was run",
    ),
    "out_disk_full": (
        "{path}: levyllä on tilaa vain {free} MB (tarvitaan noin {needed} MB); vapauta tilaa tai valitse "
        "toinen --out; mitään ei ajettu",
        "{path}: only {free} MB free on the disk (about {needed} MB needed); free some space or choose another "
        "--out; nothing was run",
    ),
    "out_write_failed": (
        "{path}: tulosten kirjoittaminen epäonnistui ({reason}); keskeneräistä kansiota ei jätetty",
        "{path}: writing the results failed ({reason}); no partial folder was left",
    ),
    "out_rescued": (
        "{path}: paikkaan ei voinut enää kirjoittaa ({reason}), joten valmiit tulokset kirjoitettiin "
        "varakansioon {saved}\nSiirrä ne sieltä; lsmitoitus report lukee myös sen",
        "{path}: the place could no longer be written ({reason}), so the finished results were written to the "
        "rescue folder {saved}\nMove them from there; lsmitoitus report reads it as well",
    ),
    "out_rescue_failed": (
        "  myöskään varakansioihin ({places}) ei voinut kirjoittaa",
        "  the rescue folders ({places}) could not be written either",
    ),
    "out_appeared": (
        "{path} ilmestyi ajon aikana (toinen ajo samaan --out-kansioon?); sitä ei korvattu.\n"
        "Tämän ajon tulokset kirjoitettiin kansioon {saved}",
        "{path} appeared while this run was working (another run to the same --out?); it was not overwritten.\n"
        "This run's results were written to {saved}",
    ),
    "out_appeared_lost": (
        "{path} ilmestyi ajon aikana, eikä vapaata vaihtoehtoista nimeä löytynyt; tuloksia ei kirjoitettu",
        "{path} appeared while this run was working and no free alternative name was found; nothing was written",
    ),
    "stale_removed": (
        "huom.: poistettiin keskeytyneen ajon väliaikainen kansio {path}",
        "note: removed the temporary folder of an interrupted run: {path}",
    ),
    "stale_found": (
        "huom.: {path} näyttää keskeytyneen ajon väliaikaiselta kansiolta; sen voi poistaa",
        "note: {path} looks like the temporary folder of an interrupted run; it can be deleted",
    ),
    # the command line
    "usage": ("käyttö:", "usage:"),
    "arg_not_integer": ("pitää olla kokonaisluku, annettu {value}", "expected a whole number, got {value}"),
    "arg_not_number": ("pitää olla luku, annettu {value}", "expected a number, got {value}"),
    "arg_range": (
        "sallittu väli: {low} ≤ {what} {relation} {high}, annettu {value}",
        "allowed range: {low} ≤ {what} {relation} {high}, got {value}",
    ),
    "arg_required": ("nämä argumentit puuttuvat: {args}", "the following arguments are required: {args}"),
    "arg_unrecognized": ("tuntemattomat argumentit: {args}", "unrecognized arguments: {args}"),
    "arg_choice": (
        "argumentti {arg}: {value} ei käy (vaihtoehdot: {choices})",
        "argument {arg}: invalid choice: {value} (choose from {choices})",
    ),
    "arg_expected_one": ("argumentti {arg}: puuttuu arvo", "argument {arg}: expected one argument"),
    "arg_problem": ("argumentti {arg}: {problem}", "argument {arg}: {problem}"),
    "progress_label": ("toistot", "replications"),
    "progress_line": ("toistot: {done}/{total} ({percent} %)", "replications: {done}/{total} ({percent} %)"),
    "interrupted": (
        "keskeytetty; tuloskansiota ei kirjoitettu",
        "interrupted; no output folder was written",
    ),
    "terminated": (
        "lopetettu (SIGTERM); tuloskansiota ei kirjoitettu",
        "terminated (SIGTERM); no output folder was written",
    ),
    "event_budget": (
        "yksi toisto simuloi yli {budget} tapahtumaa ({events}), paljon enemmän kuin tarkistus ennen ajoa "
        "arvioi, ja se pysäytettiin; mitään ei kirjoitettu. Lyhennä jaksoa tai pidennä avohuollon ja "
        "sijoitusten kestoja, ja ilmoitathan tästä: arvio on väärä",
        "a replication simulated more than {budget} events ({events}), far more than the check before the run "
        "estimated, and was stopped; nothing was written. Shorten the period or lengthen open care and "
        "placements, and please report this: the estimate is wrong",
    ),
    "worker_died": (
        "työprosessi päättyi kesken ajon (käyttöjärjestelmä tai joku muu lopetti sen; muisti loppui?); mitään "
        "ei kirjoitettu. Aja uudelleen; pienempi --jobs (nyt {jobs}) vie vähemmän muistia",
        "a worker process ended in the middle of the run (the operating system or someone else stopped it; out "
        "of memory?); nothing was written. Run again; a smaller --jobs (now {jobs}) uses less memory",
    ),
    "out_of_memory": (
        "muisti loppui; kokeile vähemmän toistoja tai lyhyempää jaksoa; mitään ei kirjoitettu",
        "out of memory; try fewer replications or a shorter period; nothing was written",
    ),
    "unexpected": (
        "odottamaton virhe ({detail}); tämä on ohjelman vika, ilmoitathan siitä. "
        "LSMITOITUS_DEBUG=1 näyttää yksityiskohdat",
        "unexpected error ({detail}); this is a bug, please report it. LSMITOITUS_DEBUG=1 shows the details",
    ),
    "app_needs_streamlit": (
        "verkkosovellus tarvitsee Streamlitin: pip install -e '.[app]'",
        "the web app needs Streamlit: pip install -e '.[app]'",
    ),
    "app_port_busy": (
        "portti {port} on jo käytössä; valitse toinen: lsmitoitus app --port 8502",
        "port {port} is already in use; choose another: lsmitoitus app --port 8502",
    ),
    "app_started": (
        "Sovellus käynnissä osoitteessa {url} (lopeta: Ctrl-C)",
        "The app is running at {url} (stop: Ctrl-C)",
    ),
    "app_open_yourself": ("Avaa selaimessa {url}", "Open {url} in a browser"),
    "app_did_not_start": (
        "verkkosovellus ei käynnistynyt (tila {status}); katso viestit yllä",
        "the web app did not start (status {status}); see the messages above",
    ),
    "app_stopped": ("verkkosovellus pysähtyi (tila {status})", "the web app stopped (status {status})"),
    "app_closed": ("Sovellus suljettu.", "The app was stopped."),
    "valid": (
        "{path}: kelvollinen skenaario {name}: alueet {areas}; vuodet {first}–{last}; {n} toistoa; vakanssit: {posts}",
        "{path}: valid scenario {name}: areas {areas}; years {first}–{last}; {n} replications; posts: {posts}",
    ),
    # issue 15: Finnish formats and report
    # -- the command line's help (argparse's own texts too; LSMITOITUS_LANG=en or --lang en: English)
    "help_description": (
        "Lastensuojelun asiakasmäärien ja sosiaalityöntekijöiden mitoituksen simulaattori.",
        "Child-protection caseload and social-worker staffing simulator.",
    ),
    "help_epilog": (
        "Komennon ohje: lsmitoitus KOMENTO --help. Englanniksi: --lang en tai ympäristömuuttuja LSMITOITUS_LANG=en.",
        "Help on a command: lsmitoitus COMMAND --help. In Finnish: --lang fi or the variable LSMITOITUS_LANG=fi.",
    ),
    "help_help": ("näytä tämä ohje ja lopeta", "show this help message and exit"),
    "help_version": ("näytä ohjelman versio ja lopeta", "show the program's version and exit"),
    "help_commands": ("komennot", "commands"),
    "help_positionals": ("argumentit", "positional arguments"),
    "help_options": ("valinnat", "options"),
    "mv_command": ("KOMENTO", "COMMAND"),
    "mv_scenario": ("SKENAARIO", "SCENARIO"),
    "mv_seed": ("SIEMEN", "SEED"),
    "mv_date": ("PVM", "DATE"),
    "mv_posts": ("VAKANSSIT", "POSTS"),
    "help_target_from": (
        "päivä, josta --target alkaa (esim. 1.1.2026; oletus: ensimmäisen ennustevuoden alku; ei koskaan menneeseen)",
        "first day of --target (e.g. 2026-01-01; default: the start of the first projected year; never the past)",
    ),
    "arg_not_date": (
        "{value} ei ole päivämäärä (muoto 1.3.2026 tai 2026-03-01)",
        "{value} is not a date (1.3.2026 or 2026-03-01)",
    ),
    "mv_plan": ("SUUNNITELMA", "PLAN"),
    "help_plan": (
        "arvioitava henkilöstösuunnitelma: TOML-tiedosto tai tämän komennon kirjoittama työkirja "
        "(sen Suunnitelma-välilehti); oletus: halvin suunnitelma, joka täyttää tavoitteen",
        "staffing plan to evaluate: a TOML file or the workbook this command writes (its plan sheet); "
        "default: the cheapest plan that meets the target",
    ),
    "help_csv": (
        "CSV-muoto: fi = puolipisteet, desimaalipilkku ja BOM (suomalainen taulukkolaskenta); "
        "en = pilkut ja desimaalipisteet (analyysityökalut); oletus: --lang-valinnan mukaan",
        "CSV format: fi = semicolons, decimal comma, byte-order mark (a Finnish spreadsheet); "
        "en = commas and decimal points (analysts' tools); default: that of --lang",
    ),
    "mv_folder": ("KANSIO", "FOLDER"),
    "mv_file": ("TIEDOSTO", "FILE"),
    "mv_history": ("HISTORIA.csv", "HISTORY.csv"),
    "mv_year": ("VUOSI", "YEAR"),
    "mv_port": ("PORTTI", "PORT"),
    "mv_target": ("TAVOITE", "TARGET"),
    "mv_share": ("OSUUS", "SHARE"),
    "mv_region": ("ALUE", "REGION"),
    "mv_results": ("TULOSKANSIO", "RESULTS_FOLDER"),
    "help_run": (
        "simuloi skenaario (oletus: Kanta-Häme) ja kirjoita tulokset",
        "simulate a scenario (default: bundled Kanta-Häme) and write the results",
    ),
    "help_calibrate": (
        "sovita polun parametrit julkaistuihin indikaattoreihin (THL:n historia)",
        "fit pathway parameters to published indicators (THL history)",
    ),
    "help_backtest": (
        "sovita vuoteen VUOSI asti, ennusta myöhemmät vuodet ja vertaa havaittuun",
        "calibrate on years up to YEAR, predict later years and compare with the observed",
    ),
    "help_dimension": (
        "tarvittavat sosiaalityöntekijöiden vakanssit alueittain, yksiköittäin ja kuukausittain; vajeet",
        "required social-worker posts per area, unit and month; shortages",
    ),
    "help_compare": (
        "useita skenaarioita rinnakkain samoilla satunnaisluvuilla",
        "several scenarios side by side with common random numbers",
    ),
    "help_report": (
        "kirjoita tuloskansiosta raportti hallitukselle (HTML ja PDF)",
        "write a report for the board from a results folder (HTML and PDF)",
    ),
    "help_app": (
        "käynnistä mitä jos -verkkosovellus selaimeen (Streamlit)",
        "start the what-if web app in the browser (Streamlit)",
    ),
    "help_scenarios": (
        "luettele valmiit skenaariot kuvauksineen",
        "list the bundled scenarios with their descriptions",
    ),
    "scenarios_intro": (
        "Valmiit skenaariot: anna nimi skenaarion paikalle, esimerkiksi lsmitoitus run {example}.",
        "Bundled scenarios: give a name in place of a scenario, for example lsmitoitus run {example}.",
    ),
    "scenarios_name": ("nimi", "name"),
    "value_flow": ("kuukauden aikana", "during the month"),
    "value_stock": ("kuukauden lopussa", "at the month's end"),
    "value_ratio": ("suhdeluku", "ratio"),
    "value_year": ("vuoden aikana", "during the year"),
    "value_count": ("lukumäärä", "count"),
    "value_percent_of_0_17": ("% 0–17-vuotiaista", "% of 0–17-year-olds"),
    "scenarios_description": ("kuvaus", "description"),
    "help_validate": (
        "tarkista skenaariotiedosto ja kerro jokainen ongelma",
        "check a scenario file and report every problem",
    ),
    "help_scenario": (
        "skenaarion TOML-tiedosto tai valmiin skenaarion nimi (oletus: kanta-hame)",
        "scenario TOML file or bundled name (default: kanta-hame)",
    ),
    "help_scenario_file": (
        "skenaarion TOML-tiedosto tai valmiin skenaarion nimi",
        "scenario TOML file or bundled name",
    ),
    "help_scenario_list": ("skenaarioiden TOML-tiedostot tai valmiiden nimet", "scenario TOML files or bundled names"),
    "help_base_scenario": (
        "lähtöskenaarion tiedosto tai valmiin skenaarion nimi (oletus: kanta-hame)",
        "base scenario file or bundled name (default: kanta-hame)",
    ),
    "help_replications": ("toistojen määrä (oletus: skenaariosta)", "number of replications (default: from scenario)"),
    "help_check_replications": (
        "tapahtumasimulaation toistot kullakin tarkistuskierroksella (oletus 20)",
        "discrete-event replications per check round (default 20)",
    ),
    "help_seed": ("satunnaislukujen siemen (oletus: skenaariosta)", "root random seed (default: from scenario)"),
    "help_jobs": ("rinnakkaiset prosessit (oletus: yksi ydintä kohden)", "worker processes (default: one per core)"),
    "help_out_run": (
        "tuloskansio (oletus: tulokset/<skenaario>-<aika>/); olemassa olevaa ei koskaan korvata",
        "output folder (default: tulokset/<scenario>-<timestamp>/); never overwritten",
    ),
    "help_out_backtest": (
        "tuloskansio (oletus: tulokset/backtest-<skenaario>-<aika>/)",
        "output folder (default: tulokset/backtest-<scenario>-<timestamp>/)",
    ),
    "help_out_dimension": (
        "tuloskansio (oletus: tulokset/mitoitus-<skenaario>-<aika>/)",
        "output folder (default: tulokset/mitoitus-<scenario>-<timestamp>/)",
    ),
    "help_sensitivity": (
        "mitkä epävarmat parametrit ratkaisevat vastauksen (Morris, Sobol; SALib)",
        "which uncertain parameters drive the answer (Morris, Sobol; SALib)",
    ),
    "help_format": (
        "toistokohtaiset taulukot (kuukaudet, vuodet, THL-päivät) CSV- tai Parquet-muodossa "
        "(suuret ajot); yhteenvedot ovat aina CSV:tä",
        "per-replication tables (monthly, yearly, THL days) as CSV or Parquet (large sweeps); summaries stay CSV",
    ),
    "help_method": ("morris (seulonta) tai sobol (varianssiosuudet)", "morris (screening) or sobol (variance shares)"),
    "help_samples": (
        "Morrisin polkuja (oletus 10) tai Sobolin perusotoksia (oletus 16, kahden potenssi)",
        "Morris trajectories (default 10) or Sobol base samples (default 16, a power of two)",
    ),
    "help_sens_replications": ("toistoja otospistettä kohti (oletus 2)", "replications per sample point (default 2)"),
    "help_ranges": (
        "parametrien vaihteluvälit TOML-tiedostona (oletus: skenaarion epävarmuudet)",
        "TOML file of parameter ranges (default: the scenario's uncertainty)",
    ),
    "help_parameters": (
        "vain nämä pilkuin erotetut parametrit (oletus: Morris kaikki, Sobol Morrisin tärkeimmät)",
        "only these comma-separated parameters (default: Morris all, Sobol the top ones from Morris)",
    ),
    "help_top": (
        "Sobol: montako parametria Morris-seulonnasta otetaan (oletus 3)",
        "Sobol: how many parameters Morris hands on (default 3)",
    ),
    "help_out_sensitivity": (
        "tuloskansio (oletus: tulokset/herkkyys-<skenaario>-<aika>/); olemassa olevaa ei korvata",
        "output folder (default: tulokset/herkkyys-<scenario>-<timestamp>/); never overwritten",
    ),
    "mv_address": ("OSOITE", "ADDRESS"),
    "help_cluster": (
        "toistot Dask-klusterissa, esim. tcp://kone:8786 (oletus: $DASK_SCHEDULER_ADDRESS, "
        "muuten paikalliset prosessit)",
        "run replications on a Dask cluster, e.g. tcp://host:8786 (default: $DASK_SCHEDULER_ADDRESS, "
        "else local processes)",
    ),
    "help_out_compare": (
        "tuloskansio (oletus: tulokset/vertailu-<aika>/)",
        "output folder (default: tulokset/vertailu-<timestamp>/)",
    ),
    "help_out_report": (
        "raportin kansio (oletus: TULOSKANSIO-raportti vieressä); olemassa olevaa ei korvata",
        "report folder (default: RESULTS_FOLDER-raportti beside it); never overwritten",
    ),
    "help_results_folder": (
        "komennon run, dimension tai compare kirjoittama tuloskansio",
        "a results folder written by run, dimension or compare",
    ),
    "help_report_lang": (
        "raportin kieli (oletus: tuloskansion kieli)",
        "language of the report (default: the results folder's language)",
    ),
    "help_lang": (
        "viestien, yhteenvedon, otsikoiden ja kuvien kieli (oletus fi tai LSMITOITUS_LANG)",
        "language of messages, summary, headers and charts (default fi, or LSMITOITUS_LANG)",
    ),
    "help_app_lang": ("tässä tulostettavien viestien kieli", "language of the messages printed here"),
    "help_no_progress": ("älä näytä edistymistä", "no progress report"),
    "help_history": (
        "historiatiedosto (CSV, pitkä muoto: indicator, region, year, value, unit)",
        "history CSV in long format (indicator, region, year, value, unit)",
    ),
    "help_calibrated_out": (
        "kirjoitettava kalibroitu skenaario (TOML; olemassa olevaa ei korvata)",
        "calibrated scenario TOML to write (never overwritten)",
    ),
    "help_fit_until": ("viimeinen sovitukseen käytetty vuosi", "last year used for fitting"),
    "help_fit": (
        "pilkuin erotetut sovitettavat parametrit (oletus: {default})",
        "comma-separated parameters to fit (default: {default})",
    ),
    "help_region": (
        "alue historiatiedostossa (oletus: Kanta-Häme)",
        "region in the history file (default: Kanta-Häme)",
    ),
    "help_rounds": (
        "sovitus- ja tarkistuskierrokset (oletus 4)",
        "fit and discrete-event check rounds (default 4)",
    ),
    "help_target": (
        "lapsia työntekijää kohden (esim. 30 laki, 25 suositus); oletus: skenaarion lakisääteinen raja",
        "children per worker (e.g. 30 law, 25 recommendation); default: the scenario's statutory limit",
    ),
    "help_confidence": (
        "todennäköisyys, ettei kukaan ylitä rajaa (oletus 0.9)",
        "probability that nobody is over the limit (default 0.9)",
    ),
    "help_reading": (
        "lain tulkinta otsikkoon: monitoring_days (THL:n seurantapäivät, oletus skenaariosta), month_ends "
        "(jokainen kuukauden loppu) tai mean_list (keskimääräinen lista); muut näytetään rinnalla",
        "the reading of the law for the headline: monitoring_days (THL's monitoring days, default from the "
        "scenario), month_ends (every month end) or mean_list (the mean list); the others are shown beside it",
    ),
    "help_precision": (
        "toistoja lisätään, kunnes koko alueen tarve tunnetaan ± näin monen vakanssin tarkkuudella (95 prosentin "
        "varmuudella; oletus 1; ei käytössä, jos --replications annetaan)",
        "replications are added until the county's requirement is known to ± this many posts (at 95 per cent; "
        "default 1; not used when --replications is given)",
    ),
    "help_max_replications": (
        "toistoja lisätään tarkkuustavoitteeseen enintään näin monta (oletus 200, enintään 1 000; jokainen "
        "toisto vie muistia noin 3,5 Mt)",
        "replications are added for the precision goal up to this many (default 200, at most 1,000; each "
        "replication takes about 3.5 MB of memory)",
    ),
    "help_port": ("paikallinen portti (oletus 8501)", "local port (default 8501)"),
    "help_no_browser": ("älä avaa selainta", "do not open a browser window"),
    "what_replications": ("toistot", "replications"),
    "what_jobs": ("prosessit", "jobs"),
    "what_rounds": ("kierrokset", "rounds"),
    "what_port": ("portti", "port"),
    "what_seed": ("siemen", "seed"),
    "what_samples": ("otokset", "samples"),
    "what_top": ("parametrit", "top"),
    "what_target": ("tavoite", "target"),
    "what_confidence": ("varmuus", "confidence"),
    "what_year": ("vuosi", "year"),
    # -- progress and status lines
    "progress_bar": (
        "{desc}: {percentage:3.0f} % |{bar}| {n_fmt}/{total_fmt} [kulunut {elapsed}, jäljellä {remaining}]",
        "{desc}: {percentage:3.0f}% |{bar}| {n_fmt}/{total_fmt} [{elapsed} elapsed, {remaining} left]",
    ),
    "remaining_seconds": ("noin {seconds} s jäljellä", "about {seconds} s left"),
    "remaining_minutes": ("noin {minutes} min jäljellä", "about {minutes} min left"),
    "app_progress": (
        "Simuloidaan {what}: {done}/{total} toistoa, {remaining}",
        "Simulating {what}: {done}/{total} replications, {remaining}",
    ),
    "app_progress_base": ("perusuraa", "the base"),
    "app_progress_edited": ("muokattua skenaariota", "the edited scenario"),
    "app_progress_both": (
        "perusuraa ja muokattua skenaariota pareittain",
        "the base and the edited scenario in pairs",
    ),
    "app_progress_one": ("skenaariota", "the scenario"),
    "app_settings": (
        "Vastaus asetuksilla: {scenario}; ilmoitusten kasvu {growth}/v; lapsiväestö {population}/v; "
        "täyttöaste {fill}; tavoite {target}, {level}; perhehoidon vähimmäisosuus {family}; "
        "avohuollon vaikuttavuus {effect}; vakansseja {posts}; {n} toistoa.",
        "Answer for: {scenario}; notification growth {growth}/year; child population {population}/year; "
        "fill rate {fill}; target {target}, {level}; minimum family-care share {family}; "
        "open-care effectiveness {effect}; posts {posts}; {n} replications.",
    ),
    "app_settings_edited": ("{name} muokattuna", "{name} edited"),
    "app_settings_posts_changed": ("{posts} (perusura {base})", "{posts} (base {base})"),
    "app_settings_none": ("ei tavoitetta", "none"),
    "app_stale": (
        "Asetuksia on muutettu viimeisimmän ajon jälkeen: alla oleva vastaus koskee aiempia asetuksia. "
        "Päivitä vastaus painamalla Aja simulaatio.",
        "The settings have changed since the last run: the answer below is for the earlier settings. "
        "Press Run the simulation to update it.",
    ),
    "app_short_base": ("perusura", "base"),
    "app_short_edited": ("muokattu", "edited"),
    "app_short_note": (
        "{short_base} = {base}; {short_edited} = {edited}",
        "{short_base} = {base}; {short_edited} = {edited}",
    ),
    "app_uploaded": ("Ladattu: {name} ({size} tavua)", "Uploaded: {name} ({size} bytes)"),
    "app_progress_start": ("Simuloidaan… arvioidaan kestoa", "Simulating… estimating the time"),
    "calibration_round_fitted": (
        "kierros {round}: likiarvomalli sovitettu, {evaluations} laskentaa, suurin suhteellinen virhe {error} %",
        "round {round}: approximation fitted, {evaluations} evaluations, largest relative error {error} %",
    ),
    "calibration_round_checked": (
        "kierros {round}: tarkistus tapahtumasimulaatiolla, {n} toistoa, suurin P50-virhe {error} %",
        "round {round}: discrete-event check, {n} replications, largest P50 error {error} %",
    ),
    # -- the answer: one sentence and a compact table
    "headline_breach": (
        "{scenario}: {n} yksikköä {total}:stä ylittää rajan, ensimmäisenä {first} ({month}); {extra} lisävakanssia "
        "(noin {cost} vuodessa) pitää kaikki rajan alla {conf} %:n varmuudella.",
        "{scenario}: {n} of {total} units breach the limit, first {first} ({month}); {extra} extra posts "
        "(about {cost} a year) keep all of them compliant with {conf} % confidence.",
    ),
    "headline_one": (
        "{scenario}: {first} ylittää rajan {month} alkaen; {extra} lisävakanssia (noin {cost} vuodessa) pitää sen "
        "rajan alla {conf} %:n varmuudella.",
        "{scenario}: {first} breaches the limit from {month}; {extra} extra posts (about {cost} a year) keep it "
        "compliant with {conf} % confidence.",
    ),
    "headline_ok": (
        "{scenario}: mikään yksikkö ei ylitä rajaa {conf} %:n varmuudella; lisävakansseja ei tarvita.",
        "{scenario}: no unit breaches the limit with {conf} % confidence; no extra posts are needed.",
    ),
    # -- the staffing answer (answers/staffing_answer.py rendered by reports/answer.py)
    "unit_team_short": ("{unit} ({team})", "{unit} ({team})"),
    "reading_monitoring_days": ("THL:n seurantapäivinä", "on THL's monitoring days"),
    "reading_month_ends": ("jokaisen kuukauden lopussa", "at every month end"),
    "reading_mean_list": ("keskimääräisellä listalla", "by the mean list"),
    "reading_name_monitoring_days": ("THL:n seurantapäivät", "THL's monitoring days"),
    "reading_name_month_ends": ("jokainen kuukauden loppu", "every month end"),
    "reading_name_mean_list": ("keskimääräinen lista", "the mean list"),
    "reading_sentence_monitoring_days": (
        "THL:n seurantapäivinä (huhti- ja lokakuun toinen tiistai)",
        "On THL's monitoring days (the second Tuesday of April and October)",
    ),
    "reading_sentence_month_ends": ("Jokaisen kuukauden lopussa", "At every month end"),
    "practice_today": ("nykyisellä käytännöllä", "under today's practice"),
    "practice_with_round_robin": ("vuorojaolla", "with a duty rota"),
    "practice_with_managed": ("hallituilla listoilla", "with managed lists"),
    "practice_with_least_loaded": ("vähiten kuormitetulle jakaen", "giving to the least loaded"),
    "practice_with_balanced": ("tasatuilla listoilla", "with balanced lists"),
    "practice_with_random": ("satunnaisella jaolla", "with random allocation"),
    "practice_name_round_robin": ("vuorojako", "duty rota"),
    "practice_name_managed": ("hallitut listat", "managed lists"),
    "practice_name_least_loaded": ("vähiten kuormitetulle", "least loaded"),
    "practice_name_balanced": ("tasatut listat", "balanced lists"),
    "practice_name_random": ("satunnainen jako", "random allocation"),
    "practice_name_kaikki": ("mikä tahansa jako", "any allocation"),
    "practice_about_round_robin": (
        "uudet perheet työntekijöille vuorotellen, lapsi pysyy työntekijällään",
        "new families to the workers in turn, a child keeps its worker",
    ),
    "practice_about_managed": (
        "uusi perhe lyhyimmälle listalle, ja lapsi siirtyy kollegalle, kun lista ylittää rajan",
        "each new family to the shortest list, and a child moves to a colleague when a list goes over the limit",
    ),
    "practice_about_least_loaded": (
        "uusi perhe vähiten kuormitetulle työntekijälle (osa satunnaisesti)",
        "each new family to the least loaded worker (some at random)",
    ),
    "practice_about_balanced": (
        "listat eroavat toisistaan enintään yhdellä lapsella",
        "lists differ by one child at most",
    ),
    "practice_about_random": ("uusi perhe satunnaiselle työntekijälle", "each new family to a worker at random"),
    "level_word_conf": ("{conf} %", "{conf} %"),
    "level_word_p50": ("mediaani", "median"),
    "level_word_mean": ("keskiarvo", "mean"),
    "level_conf": ("{conf} %:n varmuudella", "with {conf} % confidence"),
    "level_p50": ("mediaanina", "at the median"),
    "level_mean": ("keskimäärin", "on average"),
    "qualifier_conf": ("±{error}; {conf} %:n varmuudella", "±{error}; with {conf} % confidence"),
    "qualifier_p50": ("{n} toistoa; mediaanina", "{n} replications; at the median"),
    "qualifier_mean": ("±{error};", "±{error};"),
    "what_funded_plural": ("rahoitettuja", "funded"),
    "what_planned_plural": ("suunniteltuja", "planned"),
    "what_funded_adessive": ("rahoitetulla", "funded"),
    "what_planned_adessive": ("suunnitellulla", "planned"),
    "what_funded_nominative": ("rahoitetut", "funded"),
    "what_planned_nominative": ("suunnitellut", "planned"),
    "gap_short": ("vaje {n}", "a gap of {n}"),
    "gap_over": ("{n} enemmän kuin tarvitaan", "{n} more than needed"),
    "gap_none": ("yhtä monta kuin tarvitaan", "as many as needed"),
    "answer_head": (
        "Vuonna {year} tarvitaan {required} vakanssia ({qualifier} {where}), {what} on {funded}: {gap}.",
        "In {year}, {required} posts are needed ({qualifier} {where}); {funded} are {what}: {gap}.",
    ),
    "answer_head_plan": (
        "Suunnitelma {plan}: vuonna {year} tarvitaan {required} vakanssia ({qualifier} {where}), {what} on "
        "{funded}: {gap}.",
        "Plan {plan}: in {year}, {required} posts are needed ({qualifier} {where}); {funded} are {what}: {gap}.",
    ),
    "answer_short_many": ("Lyhyiksi jäävät {teams}.", "Teams short of posts: {teams}."),
    "answer_short_one": ("Lyhyeksi jää {teams}.", "The team short of posts: {teams}."),
    "answer_short_team": ("{team} vuodesta {year} (+{n})", "{team} from {year} (+{n})"),
    "answer_short_team_years": ("{team} {years} (enimmillään +{n})", "{team} {years} (at most +{n})"),
    "answer_none_short": (
        "Rahoitetut vakanssit riittävät kaikissa tiimeissä joka vuosi {first}–{last}.",
        "The funded posts suffice in every team in every year {first}–{last}.",
    ),
    "answer_extra_total": (
        "Lisävakansseja tarvitaan yhteensä {extra} (noin {cost} vuodessa).",
        "In total {extra} extra posts are needed (about {cost} a year).",
    ),
    "answer_extra_more": (
        "Lisävakansseja tarvitaan yhteensä {extra} (noin {cost} vuodessa), vajetta enemmän, koska vakanssit "
        "eivät siirry tiimistä toiseen{surplus} ja jokainen tiimi tarvitsee kokonaisia vakansseja.",
        "In total {extra} extra posts are needed (about {cost} a year), more than the gap, as posts do not move "
        "between teams{surplus} and every team needs whole posts.",
    ),
    "answer_surplus": (" (tarvetta enemmän vakansseja: {teams})", " (more posts than needed: {teams})"),
    "surplus_team": ("{team} {n}", "{team} {n}"),
    "in_year_list": ("vuosina {years}", "in {years}"),
    "plan_meets_all": (
        "Suunnitelma riittää kaikissa tiimeissä joka vuosi {first}–{last}.",
        "The plan suffices in every team in every year {first}–{last}.",
    ),
    "plan_fails": ("Suunnitelma ei riitä {years}: {teams}.", "The plan falls short {years}: {teams}."),
    "plan_fail_team": ("{team} {years} ({detail})", "{team} {years} ({detail})"),
    "plan_fail_missing": ("puuttuu enimmillään {n} vakanssia", "at most {n} posts missing"),
    "plan_fail_day": (
        "ensimmäinen päivä, jona vakanssit eivät riitä: {date}",
        "the first day the posts fail: {date}",
    ),
    "other_mean_list_meets": (
        "Keskimääräinen lista (laskettavat lapset ÷ raja, kuten hallituksen esitys mitoitti rajan): {required} "
        "vakanssia riittää, joten raja täyttyy keskimäärin {funded} {what} vakanssilla.",
        "The mean list (counted children ÷ limit, as the government bill costed the rule): {required} posts "
        "suffice, so the limit is met on average with the {funded} {what} posts.",
    ),
    "other_mean_list_fails": (
        "Keskimääräinen lista (laskettavat lapset ÷ raja, kuten hallituksen esitys mitoitti rajan): tarvitaan "
        "{required} vakanssia, joten raja ei täyty keskimäärinkään {funded} {what} vakanssilla.",
        "The mean list (counted children ÷ limit, as the government bill costed the rule): {required} posts are "
        "needed, so the limit is not met even on average with the {funded} {what} posts.",
    ),
    "other_practice": (
        "{practice} ({about}) tarvitaan {required} vakanssia ({qualifier}): {change}; lapsi vaihtaa työntekijää "
        "keskimäärin {changes} kertaa vuodessa (nykyisellä käytännöllä {changes_now}).",
        "{practice} ({about}), {required} posts are needed ({qualifier}): {change}; a child changes worker "
        "{changes} times a year on average ({changes_now} under today's practice).",
    ),
    "other_practice_plain": (
        "{practice} ({about}) tarvitaan {required} vakanssia ({qualifier}): {change}.",
        "{practice} ({about}), {required} posts are needed ({qualifier}): {change}.",
    ),
    "saving_managed": ("listojen hallinta säästää {n} vakanssia", "managing lists saves {n} posts"),
    "costing_managed": ("listojen hallinta lisää tarvetta {n} vakanssilla", "managing lists adds {n} posts"),
    "saving_other": ("käytännön vaihto säästää {n} vakanssia", "changing the practice saves {n} posts"),
    "costing_other": ("käytännön vaihto lisää tarvetta {n} vakanssilla", "changing the practice adds {n} posts"),
    "saving_none": ("tarve on sama kuin nykyisellä käytännöllä", "the requirement is the same as today's"),
    "other_reading": (
        "{reading} tarvitaan {required} vakanssia ({qualifier}) nykyisellä käytännöllä{also}.",
        "{reading}, {required} posts are needed ({qualifier}) under today's practice{also}.",
    ),
    "other_reading_also": (" ja {required} {practice}", " and {required} {practice}"),
    "uncertainty_conf": (
        "Epävarmuus: {required} vakanssia riittää {conf} %:ssa simuloiduista tulevaisuuksista ja {p50} puolessa "
        "niistä ({n} toistoa); simuloinnin oma satunnaisvaihtelu on ±{error} vakanssia (95 %:n luottamusväli){goal}.",
        "Uncertainty: {required} posts suffice in {conf} % of the simulated futures and {p50} in half of them "
        "({n} replications); the simulation's own noise is ±{error} posts (95 % interval){goal}.",
    ),
    "uncertainty_p50": (
        "Epävarmuus: {n} toistoa ei riitä varmuustason lukuun (siihen tarvitaan vähintään {need} toistoa), joten "
        "luvut ovat mediaaneja: {p50} vakanssia riittää puolessa simuloiduista tulevaisuuksista.",
        "Uncertainty: {n} replications cannot carry a figure at the chosen confidence (that needs at least "
        "{need}), so every figure is a median: {p50} posts suffice in half of the simulated futures.",
    ),
    "uncertainty_mean": (
        "Epävarmuus: keskimääräinen lista on {n} toiston keskiarvo, ±{error} vakanssia (95 %:n luottamusväli).",
        "Uncertainty: the mean list is a mean over {n} replications, ±{error} posts (95 % interval).",
    ),
    "goal_met": ("; tavoite oli ±{goal}", "; the aim was ±{goal}"),
    "goal_missed": (
        "; tavoitteeseen ±{goal} ei päästy {n} toistolla",
        "; the aim of ±{goal} was not reached in {n} replications",
    ),
    "team_col_posts": ("{what} vakanssit {year}", "{what} posts {year}"),
    "team_col_required": ("tarve {year} ({level})", "required {year} ({level})"),
    "team_col_short": ("vajetta alkaen", "short from"),
    "team_col_extra": ("lisävakanssit {year}", "extra posts {year}"),
    "team_suffices": ("riittää", "suffices"),
    "team_not_counted": ("ei laskettavia", "none counted"),
    "team_workload": ("oma työmäärätavoite", "own workload target"),
    "part_col_part": ("osa", "part"),
    "part_col_posts": ("vakanssia", "posts"),
    "part_col_meaning": ("mitä se tarkoittaa", "what it means"),
    "parts_title": (
        "Tarpeen osat vuonna {year}: {required} vakanssia ({level}); osat ovat {n} toiston keskiarvoja ja "
        "laskevat yhteen otsikon luvuksi.",
        "Parts of the requirement in {year}: {required} posts ({level}); the parts are means over {n} "
        "replications and add up to the headline.",
    ),
    "parts_negative": (
        "Negatiivinen osa ({parts}) on satunnaisvaihtelua: osat ovat {n} toiston parierojen keskiarvoja, ja pieni "
        "ero voi osua kumpaan suuntaan tahansa.",
        "A negative part ({parts}) is noise: the parts are means of paired differences over {n} replications, and "
        "a small difference can fall either way.",
    ),
    "part_mean_list": ("keskimääräinen lista", "mean list"),
    "part_month_to_month": ("vaihtelu kuukaudesta toiseen", "month-to-month variation"),
    "part_whole_posts": ("kokonaiset vakanssit tiimeittäin", "whole posts per team"),
    "part_vacancies": ("täyttämättömät vakanssit", "vacant posts"),
    "part_absences": ("poissaolot", "absences"),
    "part_uneven_lists": ("epätasaiset listat", "uneven lists"),
    "part_confidence": ("varmuusmarginaali", "confidence margin"),
    "part_confidence_p50": ("mediaanin ero keskiarvoon", "median over the mean"),
    "part_about_mean_list": (
        "laskettavat lapset ÷ raja, vuoden keskiarvo",
        "counted children ÷ limit, the year's mean",
    ),
    "part_about_month_to_month": (
        "lukupäivien suurin lapsimäärä keskiarvon yli",
        "the reading days' largest number of children over the mean",
    ),
    "part_about_whole_posts": (
        "kokonaiset vakanssit, jotka eivät siirry tiimistä toiseen",
        "whole posts, which do not move between teams",
    ),
    "part_about_vacancies": (
        "avoimen vakanssin lapset muiden listoilla rekrytoinnin ajan",
        "a vacant post's children on colleagues' lists while it is recruited",
    ),
    "part_about_absences": ("lomat, sairauspoissaolot ja perhevapaat", "leave, sickness and parental leave"),
    "part_about_uneven_lists": (
        "nykyinen käytäntö verrattuna hallittuihin listoihin",
        "today's practice compared with managed lists",
    ),
    "part_about_confidence": (
        "{conf} %:n varmuus: tarve vaihtelee toistosta toiseen",
        "{conf} % confidence: the need varies between replications",
    ),
    "part_about_confidence_p50": (
        "mediaani toistojen yli verrattuna keskiarvoon",
        "the median over replications against the mean",
    ),
    "note_practice": ("Nykyinen käytäntö ({name}): {about}.", "Today's practice ({name}): {about}."),
    "note_aftercare_law": (
        "Jälkihuollon 18 vuotta täyttäneitä asiakkaita ei lasketa lain rajaan, joten jälkihuollon lakisääteinen "
        "tarve on 0 ja sen {posts} vakanssia ovat lain laskennan ulkopuolella (ne tekevät jälkihuollon työtä).",
        "Aftercare clients aged 18+ do not count toward the legal limit, so aftercare's legal requirement is 0 and "
        "its {posts} posts are outside the law's count (they do aftercare's work).",
    ),
    "note_aftercare_target": (
        "Jälkihuollon luku on alueen oma valinta, ei lain raja: työmäärätavoite {target} asiakasta työntekijää "
        "kohden kaikki asiakkaat laskien (myös 18 vuotta täyttäneet).",
        "Aftercare's figure is the county's own choice, not the legal limit: a workload target of {target} clients "
        "per worker counting every client (those aged 18+ too).",
    ),
    "practice_current": ("{practice} (nykyinen käytäntö)", "{practice} (today's practice)"),
    "readings_col": ("lain tulkinta; käytäntö; taso", "reading of the law; practice; level"),
    "readings_title": (
        "Lain tulkinnat ja käytännöt rinnakkain: tarvittavat vakanssit vuosittain",
        "Readings of the law and practices side by side: required posts by year",
    ),
    "readings_error": ("satunnaisvaihtelu {year} (±, 95 %)", "Monte-Carlo error {year} (±, 95 %)"),
    "readings_replications": ("toistoja", "replications"),
    "required_posts_stated_conf": (
        "tarvittavat vakanssit, {conf} %:n varmuus (kpl)",
        "required posts, {conf} % confidence (count)",
    ),
    "required_posts_stated_p50": ("tarvittavat vakanssit, mediaani (kpl)", "required posts, median (count)"),
    "required_posts_stated_mean": (
        "tarvittavat vakanssit, keskimääräinen lista (kpl)",
        "required posts, mean list (count)",
    ),
    "required_half_width": ("satunnaisvaihtelu ± (95 %, kpl)", "Monte-Carlo error ± (95 %, count)"),
    "extra_posts_year": ("lisävakanssit tiimeihin (kpl)", "extra posts for the teams (count)"),
    "failing_days": ("lukupäiviä, joina vakanssit eivät riitä (kpl)", "reading days on which the posts fail (count)"),
    "compliance_all_days": (
        "todennäköisyys, että raja täyttyy joka lukupäivä",
        "probability that every reading day meets the limit",
    ),
    "required_cost": ("tarvittavien vakanssien kustannus (€)", "cost of required posts (€)"),
    "title_level_conf": ("varmuus {conf} %", "confidence {conf} %"),
    "title_level_p50": ("mediaani", "median"),
    "title_level_mean": ("keskimääräinen lista", "mean list"),
    "team_line": (
        "{team}: {what} vakanssit {year} {posts}, tarve {required} ({level}); vajetta alkaen: {short}; "
        "lisävakansseja {extra}.",
        "{team}: {what} posts {year} {posts}, required {required} ({level}); short from: {short}; extra posts {extra}.",
    ),
    "first_short_year": ("vajetta vuodesta", "short from (year)"),
    "first_failing_day": ("ensimmäinen lukupäivä, jona vakanssit eivät riitä", "first reading day the posts fail"),
    "required_posts": ("tarvittavat vakanssit (kpl)", "required posts (count)"),
    "extra_cost": ("lisävakanssien kustannus vuodessa (€)", "cost of the extra posts a year (€)"),
    "answer_extra_despite": (
        "Silti lisävakansseja tarvitaan yhteensä {extra} (noin {cost} vuodessa), koska vakanssit eivät siirry "
        "tiimistä toiseen{surplus} ja jokainen tiimi tarvitsee kokonaisia vakansseja.",
        "Still, {extra} extra posts are needed in total (about {cost} a year), as posts do not move between "
        "teams{surplus} and every team needs whole posts.",
    ),
    "whatif_head": (
        "Muutos perusuraan vuonna {year}: tarve {posts} vakanssia (P10–P90 {band}; {base} → {edited}, {level}), "
        "kustannukset {cost} (P10–P90 {cost_band}); {n} toistoa, samat satunnaisluvut.",
        "The change from the base in {year}: {posts} posts needed (P10–P90 {band}; {base} → {edited}, {level}), "
        "costs {cost} (P10–P90 {cost_band}); {n} replications, common random numbers.",
    ),
    "app_live": (
        "Vastaus perustuu tähän mennessä valmistuneisiin toistoihin ({done}/{total}); se tarkentuu, kun loput "
        "valmistuvat.",
        "The answer rests on {done} of {total} replications; it tightens as the rest arrive.",
    ),
    "app_live_final": ("Vastaus perustuu {n} toistoon.", "The answer rests on {n} replications."),
    "app_more_coming": (
        "Muut lain tulkinnat, hallitut listat ja tarpeen osat lasketaan…",
        "The other readings of the law, managed lists and the parts of the requirement are being computed…",
    ),
    "app_parts_title": ("Tarpeen osat", "Parts of the requirement"),
    "app_prefetch": (
        "Perusuraa lasketaan valmiiksi: {done}/{total} toistoa",
        "Preparing the base: {done}/{total} replications",
    ),
    "target_children": ("{n} lasta / työntekijä", "{n} children per worker"),
    "unit_team": ("{unit}, {team}", "{unit}, {team}"),
    "answer_unit": ("yksikkö", "unit"),
    "answer_first_breach": ("ensimmäinen ylitys", "first breach"),
    "answer_extra_posts": ("lisävakanssit", "extra posts"),
    "answer_cost": ("lisävakanssien kustannus vuodessa", "cost of the extra posts a year"),
    "answer_no_breach": ("ei ylitystä", "no breach"),
    "total_row": ("yhteensä", "total"),
    # -- compare in the terminal
    "cmp_clients": ("laskettavat asiakkaat viimeisenä vuonna (P50)", "counted clients in the last year (P50)"),
    "cmp_funded": ("rahoitetut vakanssit", "funded posts"),
    "cmp_required": ("tarvittavat vakanssit viimeisenä vuonna", "required posts in the last year"),
    "cmp_required_level": (
        "tarvittavat vakanssit viimeisenä vuonna ({level})",
        "required posts in the last year ({level})",
    ),
    "cmp_extra": ("lisävakanssit tiimeihin", "extra posts for the teams"),
    "cmp_units_in_breach": ("tiimejä, joista puuttuu vakansseja", "teams short of posts"),
    "cmp_first_breach": ("ensimmäinen päivä, jona vakanssit eivät riitä", "first day the posts fail"),
    "cmp_started_late": ("myöhässä alkaneet arvioinnit", "assessments started late"),
    "cmp_completed_late": ("yli 3 kk kestäneet arvioinnit", "assessments over 3 months"),
    "cmp_cost": ("kustannukset viimeisenä vuonna (P50)", "costs in the last year (P50)"),
    "cmp_difference": ("ero ensimmäiseen skenaarioon (P50)", "difference to the first scenario (P50)"),
    "cmp_difference_band": ("ero ensimmäiseen, P10–P90", "difference to the first, P10–P90"),
    "difference_short": ("ero", "diff."),
    "cmp_measure": ("mittari", "measure"),
    # -- charts
    "chart_all_band": ("kaikki asiakkaat (P50, P10–P90)", "all clients (P50, P10–P90)"),
    "chart_max_p50": ("suurin lista (P50)", "largest list (P50)"),
    "chart_band": ("P10–P90-vaihteluväli", "P10–P90 band"),
    "chart_band_required": ("tarpeen vaihteluväli P50–{conf} %", "requirement band P50–{conf} %"),
    "chart_projection": ("ennuste alkaa", "projection starts"),
    "chart_history": ("toteutunut", "history"),
    "chart_forecast": ("ennuste", "projection"),
    "chart_not_counted_note": (
        "{team} – {unit} (ei laskettavia: 18 v. täyttäneitä ei lasketa rajaan)",
        "{team} – {unit} (none counted: those aged 18+ do not count toward the limit)",
    ),
    "chart_aftercare_note": (
        "{team} – jälkihuolto (kaikki asiakkaat; 18 v. täyttäneitä ei lasketa rajaan)",
        "{team} – aftercare (all clients; those aged 18+ do not count toward the limit)",
    ),
    "chart_month": ("kuukausi", "month"),
    "chart_value": ("arvo", "value"),
    "chart_series": ("sarja", "series"),
    "chart_costs_ylabel": ("kustannukset, M€ (kunkin vuoden hinnoin)", "costs, M€ (in each year's prices)"),
    "chart_costs_title": ("Kustannukset koko alueella (P50, P10–P90)", "Costs for the whole county (P50, P10–P90)"),
    "chart_posts_by_year": ("Tarvittavat vakanssit vuosittain", "Required posts by year"),
    "backtest_ylabel_count": ("lasta vuoden aikana", "children during the year"),
    "backtest_ylabel_percent": ("% 0–17-vuotiaista", "% of children aged 0–17"),
    "backtest_ylabel_notifications": ("ilmoitusta vuodessa", "notifications a year"),
    "backtest_fit_years": ("sovitusvuodet", "fitted years"),
    "backtest_test_years": ("testivuodet", "tested years"),
    "backtest_split": ("sovituksen ja testin raja", "end of the fitted years"),
    # -- the web app
    "app_headline": ("Vastaus", "Answer"),
    "app_answer_table": ("Yksiköt, jotka ylittävät rajan", "Units that breach the limit"),
    "app_caseload_caption": (
        "Lapsia sosiaalityöntekijää kohden (keskiarvo, P50 toistojen yli) kuukausittain; katkoviiva on raja. "
        "Vie hiiri käyrän päälle nähdäksesi arvot.",
        "Children per social worker (mean, P50 over replications) by month; the dashed line is the limit. "
        "Hover over a line to see the values.",
    ),
    "app_staff_caption": (
        "Tarvittavat vakanssit vuosittain ({level}) ja rahoitetut vakanssit.",
        "Required posts by year ({level}), and funded posts.",
    ),
    "app_required": ("tarvittavat vakanssit ({level})", "required posts ({level})"),
    "app_funded": ("rahoitetut vakanssit", "funded posts"),
    "app_base": ("perusura", "base"),
    "app_edited": ("muutettu", "edited"),
    # the bundled scenarios as the app lists them
    "scenario_desc_jalkihuolto-25": ("Jälkihuollon ikäraja 25 vuodesta 2024", "Aftercare age limit 25 from 2024"),
    "scenario_desc_kanta-hame": ("Kanta-Häme, perusura (oletus)", "Kanta-Häme, base (default)"),
    "scenario_desc_kasvu-0": ("Ilmoitukset lasta kohden ennallaan 2023 jälkeen", "Notifications per child flat"),
    "scenario_desc_kasvu-15": ("Ilmoitukset +15 % vuodessa 2024 alkaen", "Notifications +15 % a year from 2024"),
    "scenario_desc_kasvu-5": ("Ilmoitukset +5 % vuodessa 2024 alkaen", "Notifications +5 % a year from 2024"),
    "scenario_desc_organisaatio-alueittain": (
        "Organisaatio: kaikki yksiköt alueittain (9 tiimiä)",
        "Organisation: every unit by area (9 teams)",
    ),
    "scenario_desc_organisaatio-maakunta": (
        "Organisaatio: kaikki yksiköt koko alueella (3 tiimiä)",
        "Organisation: every unit county-wide (3 teams)",
    ),
    "scenario_desc_tayttoaste-matala": ("Täyttöaste 75 % kaikissa yksiköissä", "Fill rate 75 % in every unit"),
    "scenario_desc_vaesto-laskee": ("Lapsiväestö −2 % vuodessa", "Child population −2 % a year"),
    "scenario_desc_vipu-avohuolto": (
        "Vipu: vahvempi avohuolto (−20 % sijoituksiin, +4 vakanssia 2025)",
        "Lever: stronger open care (−20 % to placements, +4 posts 2025)",
    ),
    "scenario_desc_vipu-jalleenyhdistaminen": (
        "Vipu: huostaanotot 15 % lyhyempiä 2026 alkaen",
        "Lever: care orders 15 % shorter from 2026",
    ),
    "scenario_desc_vipu-perhehoito": (
        "Vipu: perhehoitoa vähintään 75 % uusista sijoituksista 2026 alkaen",
        "Lever: family care at least 75 % of new placements from 2026",
    ),
    "chart_costs_band_note": ("katkoviivat: P10 ja P90", "dashed lines: P10 and P90"),
    "app_base_named": ("{name} (vertailukohta)", "{name} (base)"),
    "app_edited_same": ("{name} (muokkaamaton)", "{name} (unedited)"),
    "app_fill_help": (
        "Kaikkien yksiköiden painotettu keskiarvo; liukusäädin muuttaa jokaisen yksikön omaa täyttöastetta "
        "samassa suhteessa, joten yksiköiden erot säilyvät.",
        "The posts-weighted mean over all units; the slider scales every unit's own fill rate by the same "
        "factor, so their differences stay.",
    ),
    "app_replications_help": (
        "Vähillä toistoilla vastaus on mediaani (P50); vähintään {need} toistolla se on {conf} %:n varmuustason "
        "luku. Ero perusuraan lasketaan pareittain samoilla satunnaisluvuilla, joten se on tarkka jo muutamalla "
        "toistolla. {n} toistoa vie tällä koneella noin {seconds} sekuntia.",
        "With few replications the answer is the median (P50); from {need} replications on it is the figure at "
        "{conf} % confidence. The difference from the base is paired (common random numbers), so a few "
        "replications already make it precise. {n} replications take about {seconds} seconds on this machine.",
    ),
    "app_timeliness_started": ("myöhässä alkaneet arvioinnit (P50)", "assessments started late (P50)"),
    "app_timeliness_completed": ("yli 3 kk kestäneet arvioinnit (P50)", "assessments over 3 months (P50)"),
    "app_placements_title": (
        "Uudet sijoitukset vuodessa sijoitusmuodoittain (keskiarvo toistojen yli)",
        "New placements a year by type (mean over replications)",
    ),
    "app_costs_p50": ("kustannukset P50", "costs P50"),
    "app_costs_band": ("P10–P90", "P10–P90"),
    "app_download_report_pdf": ("Raportti hallitukselle (PDF)", "Report for the board (PDF)"),
    "app_download_report_html": ("Raportti hallitukselle (HTML)", "Report for the board (HTML)"),
    "app_upload_help": (
        "Vedä TOML-tiedosto tähän tai valitse se (enintään {limit} MB).",
        "Drag a TOML file here or choose one (at most {limit} MB).",
    ),
    "app_upload_button": ("Valitse tiedosto", "Choose a file"),
    "app_upload_instructions": ("Pudota skenaario tähän", "Drop a scenario here"),
    "app_upload_limit": ("Enintään {limit} MB, TOML", "At most {limit} MB, TOML"),
    "app_comparison_caption": (
        "Perusura ja muutettu skenaario samoilla satunnaisluvuilla, viimeinen vuosi.",
        "Base and edited scenario with common random numbers, last year.",
    ),
    # -- the report for the board
    "report_title_run": ("Simulointiraportti: {name}", "Simulation report: {name}"),
    "report_title_dimension": ("Henkilöstömitoitus: {name}", "Staffing: {name}"),
    "report_title_plan": ("Henkilöstösuunnitelma {plan}: {name}", "Staffing plan {plan}: {name}"),
    "report_title_whatif": ("Mitä jos: muutos perusuraan", "What if: the change from the base"),
    "report_whatif": (
        "Muutos perusuraan: {edits}. Vuonna {year} tarve muuttuu {posts} vakanssia (P10–P90 {band}) ja "
        "kustannukset {cost} (P10–P90 {cost_band}); {n} toistoa, samat satunnaisluvut.",
        "The change from the base: {edits}. In {year} the requirement changes by {posts} posts (P10–P90 {band}) "
        "and the costs by {cost} (P10–P90 {cost_band}); {n} replications, common random numbers.",
    ),
    "edit_growth_per_year": (
        "ilmoitusten kasvu {value} vuodessa (perusura {base})",
        "notifications grow {value} a year (base {base})",
    ),
    "edit_population_growth_per_year": (
        "lapsiväestön muutos {value} vuodessa (perusura {base})",
        "the child population changes {value} a year (base {base})",
    ),
    "edit_fill_rate": ("täyttöaste {value} (perusura {base})", "fill rate {value} (base {base})"),
    "edit_posts": ("vakansseja {value} (perusura {base})", "posts {value} (base {base})"),
    "edit_perhehoito_share_target": (
        "perhehoidon tavoiteosuus {value} (perusura {base})",
        "family-care target {value} (base {base})",
    ),
    "edit_avohuolto_escalation_reduction": (
        "avohuollon tehostus {value} (perusura {base})",
        "open-care effect {value} (base {base})",
    ),
    "edit_target": ("mitoitustavoite {value} (perusura {base})", "planning target {value} (base {base})"),
    "report_title_compare": ("Skenaarioiden vertailu", "Scenarios compared"),
    "report_subtitle": (
        "Lastensuojelun mitoitus – raportti hallitukselle",
        "Child-protection staffing – report for the board",
    ),
    "report_meta": (
        "Laadittu {date}. Skenaario {scenario}, {n} toistoa, siemen {seed}. lsmitoitus {version}.",
        "Prepared {date}. Scenario {scenario}, {n} replications, seed {seed}. lsmitoitus {version}.",
    ),
    "report_meta_results": ("Tulokset laskettu {date}.", "Results computed {date}."),
    "report_answer": ("Vastaus", "Answer"),
    "report_charts": ("Kuvat", "Charts"),
    "report_yearly": ("Vuosittain", "By year"),
    "report_assumptions": ("Oletukset ja lähteet", "Assumptions and sources"),
    "report_method": ("Menetelmä", "Method"),
    "report_about": ("Tietoa raportista", "About this report"),
    "report_source_folder": ("Tuloskansio: {folder}", "Results folder: {folder}"),
    "check_fails": (
        "Rahoitetut vakanssit eivät riitä {reading} ({qualifier}): {teams}. Tarvittavien vakanssien määrän kertoo "
        "mitoitusajo.",
        "The funded posts fail {reading} ({qualifier}): {teams}. A dimensioning run tells how many posts are needed.",
    ),
    "check_ok": (
        "Rahoitetut vakanssit riittävät kaikissa tiimeissä {reading} vuosina {first}–{last} ({qualifier}).",
        "The funded posts suffice in every team {reading} in {first}–{last} ({qualifier}).",
    ),
    "check_team": ("{team} {date} alkaen", "{team} from {date}"),
    "check_team_year": ("{team} vuodesta {year}", "{team} from {year}"),
    "check_level_conf": ("{conf} %:n varmuudella, {n} toistoa", "with {conf} % confidence, {n} replications"),
    "check_level_p50": ("mediaanina, {n} toistoa", "at the median, {n} replications"),
    "check_level_mean": ("keskimäärin, {n} toistoa", "on average, {n} replications"),
    "report_run_costs": (
        "Kustannukset koko alueella vuonna {year}: {total} (P10–P90 {band}), kunkin vuoden hinnoin.",
        "Costs for the whole county in {year}: {total} (P10–P90 {band}), in each year's prices.",
    ),
    "report_compare_answer": ("{scenario}: {headline}", "{scenario}: {headline}"),
    "report_chart_caseload": (
        "Lapsia sosiaalityöntekijää kohden suhteessa rajaan yksiköittäin ja alueittain.",
        "Children per social worker against the limit, by unit and area.",
    ),
    "report_chart_staffing": (
        "Tarvittavat ja rahoitetut vakanssit yksiköittäin ja alueittain.",
        "Required and funded posts by unit and area.",
    ),
    "report_chart_staffing_plan": (
        "Tarvittavat ja suunnitellut vakanssit yksiköittäin ja alueittain.",
        "Required and planned posts by unit and area.",
    ),
    "report_chart_costs": ("Kustannukset vuosittain.", "Costs by year."),
    "report_chart_compare": (
        "Tarvittavat vakanssit vuosittain skenaarioittain.",
        "Required posts by year, by scenario.",
    ),
    "report_table_run": (
        "Asiakkaat, työntekijät ja listat vuosittain (vuoden keskiarvo, P50)",
        "Clients, workers and lists by year (yearly mean, P50)",
    ),
    "report_required_by_year": ("tarvittavat vakanssit ({level})", "required posts ({level})"),
    "report_assumption": ("oletus", "assumption"),
    "report_value": ("arvo tässä skenaariossa", "value in this scenario"),
    "report_source": ("lähde tai peruste", "source or basis"),
    "report_changed": ("muutettu oletusskenaariosta", "changed from the default scenario"),
    "report_sources_note": (
        "Jokaisen oletusskenaarion luvun lähde on projektin tiedostossa docs/sources.md.",
        "The source of every figure of the default scenario is in the project's docs/sources.md.",
    ),
    "report_method_run": (
        "Tapahtumasimulaatio seuraa jokaista ilmoitettua lasta ilmoituksesta käsittelyyn, arviointiin, "
        "avohuoltoon, sijoituksiin ja jälkihuoltoon; jokaisella asiakkaalla on nimetty sosiaalityöntekijä, ja "
        "raja tarkistetaan työntekijäkohtaisesti. Vaihteluvälit (P10–P90) kertovat satunnaisuudesta ja "
        "parametrien epävarmuudesta {n} toiston yli.",
        "The event simulation follows every notified child from notification through processing, assessment, "
        "open care and placements to aftercare; every client has a named social worker, and the limit is "
        "checked per worker. Bands (P10–P90) show randomness and parameter uncertainty over {n} replications.",
    ),
    "as_notifications": ("lastensuojeluilmoitukset vuodessa (toteutunut)", "notifications a year (observed)"),
    "as_growth": ("ilmoitusten muutos lasta kohden ennustevuosina", "change of notifications per child, projected"),
    "as_population": ("lapsiväestön muutos vuodessa", "change of the child population a year"),
    "as_posts": ("sosiaalityöntekijöiden vakanssit", "social-worker posts"),
    "as_fill": ("vakanssien täyttöaste", "fill rate of posts"),
    "as_limit": ("lakisääteinen raja (lasta / työntekijä)", "statutory limit (children per worker)"),
    "as_target": ("mitoitustavoite, lain tulkinta ja varmuus", "planning target, reading of the law and confidence"),
    "as_worker_cost": ("sosiaalityöntekijän kustannus vuodessa", "cost of a social worker a year"),
    "as_vacancy_cover": (
        "avoimen vakanssin paikkaus vuodessa (ylityö, ostopalvelu, sijaiset)",
        "covering a vacant post a year (overtime, purchased work, temporary staff)",
    ),
    "as_vacancy_cover_value": ("{factor} × {cost} = {total}", "{factor} × {cost} = {total}"),
    "as_day_prices": (
        "hoitopäivän hinta: perhehoito / ammatillinen perhekoti / laitoshoito",
        "price per day: family care / professional family home / institutional care",
    ),
    "as_levers": ("tasapainotusohjelman vivut", "levers of the balancing programme"),
    "as_levers_none": ("ei vipuja", "no levers"),
    "as_lever_effect": ("avohuollon vaikuttavuus {share}", "open-care effectiveness {share}"),
    "as_lever_family": ("perhehoidon osuus vähintään {share}", "family-care share at least {share}"),
    "as_lever_posts": ("lisävakanssit avohuoltoon {n}", "extra open-care posts {n}"),
    "as_lever_reunification": ("jälleenyhdistäminen nopeammin {share}", "faster reunification {share}"),
    "as_lever_age": ("jälkihuolto {age}-vuotiaaksi", "aftercare up to age {age}"),
    "src_notifications": (
        "THL Sotkanet 1085 (hyvinvointialueen suunnitelma 2024)",
        "THL Sotkanet 1085 (county plan 2024)",
    ),
    "src_growth": ("oletus (skenaario)", "assumption (scenario)"),
    "src_population": (
        "johdettu hyvinvointialueen luvuista; muutos oletus",
        "derived from the county's figures; trend assumed",
    ),
    "src_posts": ("hyvinvointialue 2024, vastaavat ohjaajat pois lukien", "county 2024, lead workers excluded"),
    "src_fill": ("oletus", "assumption"),
    "src_limit": ("lastensuojelulaki 13 b §", "Child Welfare Act 13 b §"),
    "src_target": ("komennon tai sovelluksen valinta", "chosen in the command or the app"),
    "src_worker_cost": ("oletus (toimialan arvio)", "assumption (domain estimate)"),
    "src_vacancy_cover": (
        "oletus: ylityö +50–100 %, vuokratyö 2–3 × (STT 2024); lastensuojelun viranomaistyötä ei saa vuokrata "
        "(Valvira 2022)",
        "assumption: overtime +50–100 %, agency staff 2–3 × (STT 2024); child-protection casework may not be "
        "leased (Valvira 2022)",
    ),
    "src_day_prices": (
        "oletus; laitoshoitopäivä ≈ 3 × perhehoitopäivä on lähteistetty",
        "assumption; an institutional day ≈ 3 × a family-care day is sourced",
    ),
    "src_levers": ("skenaarion valinta", "chosen in the scenario"),
    "report_no_folder": (
        "{path}: kansiota ei löydy; anna komennon run, dimension tai compare kirjoittama tuloskansio",
        "{path}: no such folder; give a results folder written by run, dimension or compare",
    ),
    "report_not_results": (
        "{path}: ei ole tuloskansio (siitä puuttuu {missing});\n"
        "anna komennon run, dimension tai compare kirjoittama kansio",
        "{path}: not a results folder (it lacks {missing});\ngive a folder written by run, dimension or compare",
    ),
    "report_old_folder": (
        "{path}: kansio on kirjoitettu vanhemmalla versiolla eikä siinä ole raportin tietoja ({missing});\n"
        "aja komento uudelleen, niin raportti voidaan tehdä",
        "{path}: the folder was written by an older version and lacks the report's data ({missing});\n"
        "run the command again to make a report",
    ),
    "report_bad_data": (
        "{path}: raportin tiedot (raportti.json) ovat vioittuneet tai muokattuja ({detail}); aja komento "
        "(run, dimension tai compare) uudelleen, niin tiedosto kirjoitetaan uudestaan",
        "{path}: the report's data (raportti.json) are damaged or edited ({detail}); run the command (run, "
        "dimension or compare) again to write the file anew",
    ),
    "report_written": ("Raportti kirjoitettu: {html} ja {pdf}", "Report written: {html} and {pdf}"),
    "report_pdf_failed": (
        "PDF-tiedoston tekeminen epäonnistui ({detail}); raporttia ei kirjoitettu",
        "making the PDF failed ({detail}); no report was written",
    ),
    # issue 13: budget planning (plans, per-year answers in euros, the planner's workbook, CSV)
    "sheet_plan": ("Suunnitelma", "Plan"),
    "plan_start": ("alkaa", "start"),
    "plan_unit": ("yksikkö", "unit"),
    "plan_area": ("alue", "area"),
    "plan_change": ("muutos (htv)", "change (FTE)"),
    "plan_lead": ("vastaava", "lead"),
    "plan_note": ("selite", "note"),
    "plan_help": ("ohje", "instructions"),
    "plan_help_text": (
        "Yksi rivi on yksi muutos: päivästä alkaen yksikön ja alueen vakanssit muuttuvat (htv; 2 = kaksi "
        "vakanssia lisää, -1 = yksi vähemmän, 0,5 = osa-aikainen).\n"
        "Muutokset lasketaan skenaarion rahoitetuista vakansseista; suunnitelma korvaa skenaarion oman "
        "suunnitelman.\n"
        "Vastaava: kyllä, jos muutos koskee vastaavia sosiaalityöntekijöitä (ei omaa asiakaslistaa).\n"
        "Tiimi ja selite ovat vain lukijalle. Tyhjät rivit ohitetaan.\n"
        "Uusi vakanssi on aluksi auki rekrytoinnin ajan: avaa vakanssi ennen kuin sitä tarvitaan.\n"
        "Muutetun suunnitelman arvioi mitoituksen tekijä: palauta hänelle tämä työkirja (skenaario {scenario}).",
        "One row is one change: from the date on, the unit's posts in the area change (FTE; 2 = two more "
        "posts, -1 = one fewer, 0.5 = part-time).\n"
        "Changes are counted from the scenario's funded posts; the plan replaces the scenario's own "
        "plan.\n"
        "Lead: yes if the change is to lead social workers (no caseload of their own).\n"
        "Team and note are for the reader. Empty rows are skipped.\n"
        "A new post is vacant while it is recruited: open it before it is needed.\n"
        "Whoever ran the dimensioning evaluates the edited plan: give them this workbook back (scenario {scenario}).",
    ),
    "plan_note_required": (
        "tarve {year}: {required} vakanssia ({level})",
        "required in {year}: {required} posts ({level})",
    ),
    "plan_row": ("välilehti {sheet}, rivi {row}", "sheet {sheet}, row {row}"),
    "plan_step_no": ("staffing_plan, muutos {i}", "staffing_plan, step {i}"),
    "plan_problem": ("  {where}: {text}", "  {where}: {text}"),
    "plan_invalid": ("{path}: virheellinen suunnitelma ({n} ongelmaa):", "{path}: invalid plan ({n} problems):"),
    "plan_invalid_one": ("{path}: virheellinen suunnitelma (1 ongelma):", "{path}: invalid plan (1 problem):"),
    "plan_missing": ("{field} puuttuu", "{field} is missing"),
    "plan_formula": (
        "{field}: solussa on kaava {formula} ilman laskettua arvoa (tiedoston tallentanut ohjelma ei laske "
        "kaavoja); avaa ja tallenna työkirja Excelissä tai LibreOfficessa, tai kirjoita arvo kaavan tilalle",
        "{field}: the cell holds the formula {formula} without a calculated value (the program that saved the "
        "file does not calculate formulas); open and save the workbook in Excel or LibreOffice, or write the value",
    ),
    "plan_bad_unit": (
        "yksikkö {value} ei ole tunnettu; sallitut: {allowed}",
        "unknown unit {value}; allowed: {allowed}",
    ),
    "plan_bad_area": (
        "alue {value} ei ole skenaarion alue; alueet: {allowed}",
        "{value} is not an area of the scenario; areas: {allowed}",
    ),
    "plan_bad_date": (
        "päivämäärä {value} ei kelpaa; anna päivämäärä, esim. 1.3.2026 tai 2026-03-01",
        "{value} is not a date; give a date such as 1.3.2026 or 2026-03-01",
    ),
    "plan_date_outside": (
        "päivämäärä {value} on simuloidun jakson {first} – {last} ulkopuolella",
        "date {value} lies outside the simulated period {first} to {last}",
    ),
    "plan_bad_change": (
        "muutos {value} ei ole luku; anna vakanssien muutos (htv), esim. 2, -1 tai 0,5",
        "change {value} is not a number; give the change of posts (FTE), e.g. 2, -1 or 0.5",
    ),
    "plan_change_range": (
        "muutos {value}: sallittu väli {low} … {high} htv",
        "change {value}: allowed range {low} to {high} FTE",
    ),
    "plan_bad_lead": ("vastaava {value}: anna kyllä tai ei", "lead {value}: give yes or no"),
    "plan_removes_too_many": (
        "poistaisi {change} htv, mutta alueella on {day} vain {have} htv tällaisia vakansseja",
        "would remove {change} FTE, but the area has only {have} FTE of such posts on {day}",
    ),
    "plan_too_many": (
        "{path}: suunnitelmassa on liian monta riviä ({n}; enintään {limit})",
        "{path}: the plan has too many rows ({n}; at most {limit})",
    ),
    "plan_suffix": (
        "{path}: suunnitelman pitää olla TOML-tiedosto (.toml) tai Excel-työkirja (.xlsx)",
        "{path}: a plan must be a TOML file (.toml) or an Excel workbook (.xlsx)",
    ),
    "plan_toml_shape": (
        "{path}: suunnitelmatiedostossa pitää olla lista [[staffing_plan]] eikä muita avaimia (ylimääräiset: {keys})",
        "{path}: a plan file must hold a list [[staffing_plan]] and no other keys (extra: {keys})",
    ),
    "plan_toml_field": (
        "{path}: staffing_plan, muutos {i}: tuntemattomat kentät {keys}; sallitut: {allowed}",
        "{path}: staffing_plan, step {i}: unknown fields {keys}; allowed: {allowed}",
    ),
    "plan_not_xlsx": (
        "{path}: ei luettava Excel-työkirja (.xlsx; {detail}); tallenna se Excel-muodossa",
        "{path}: not a readable Excel workbook (.xlsx; {detail}); save it in Excel format",
    ),
    "plan_no_sheet": (
        "{path}: työkirjassa ei ole välilehteä {sheet} (välilehdet: {sheets})",
        "{path}: the workbook has no sheet {sheet} (sheets: {sheets})",
    ),
    "plan_columns": (
        "{path}: välilehdeltä {sheet} puuttuvat sarakkeet {missing}; tarvitaan {expected}",
        "{path}: sheet {sheet} lacks the columns {missing}; needed: {expected}",
    ),
    "plan_file_header": (
        "Henkilöstösuunnitelma skenaariolle {name}: lsmitoitus dimension {name} --plan suunnitelma.toml",
        "Staffing plan for scenario {name}: lsmitoitus dimension {name} --plan suunnitelma.toml",
    ),
    "plan_applied": (
        "Suunnitelma luettu: {path} ({n} muutosta)",
        "Plan read: {path} ({n} changes)",
    ),
    # the per-year answer
    "funded_fte_years": ("rahoitetut htv-vuodet", "funded FTE-years"),
    "planned_posts": ("suunnitellut vakanssit (kpl)", "planned posts (count)"),
    "planned_fte_years": ("suunnitellut htv-vuodet", "planned FTE-years"),
    "planned_cost": ("suunniteltujen vakanssien kustannus (€)", "cost of planned posts (€)"),
    "gap_cost_planned": ("tarve − suunnitelma, kustannus (€)", "required − planned, cost (€)"),
    "gap_cost_funded": ("tarve − rahoitetut, kustannus (€)", "required − funded, cost (€)"),
    "shortfall_posts": ("puuttuvat vakanssit (kpl)", "shortfall (posts)"),
    "months_below_confidence": (
        "kuukausia, joina jokin tiimi jää alle varmuuden (kpl)",
        "months in which a team falls below the confidence",
    ),
    "other_costs_p50": (
        "muut kustannukset: sijoitukset, omat laitokset, muu henkilöstö, P50 (€)",
        "other costs: placements, own institutions, other staff, P50 (€)",
    ),
    "total_cost_funded": ("kustannukset yhteensä, rahoitetut vakanssit (€)", "total costs, funded posts (€)"),
    "total_cost_planned": ("kustannukset yhteensä, suunnitellut vakanssit (€)", "total costs, planned posts (€)"),
    "total_cost_required": ("kustannukset yhteensä, tarvittavat vakanssit (€)", "total costs, required posts (€)"),
    "measure_row": ("tieto", "figure"),
    "county_all_units": ("kaikki yksiköt", "all units"),
    "answer_details": (
        "Yksiköt ja tiimit: mistä alkaen raja ylittyy",
        "Units and teams: from when the limit is exceeded",
    ),
    "county_table": ("Koko alue vuosittain", "Whole county by year"),
    "unit_table": ("Yksiköt vuosittain: tarve ({level}) ja {what}", "Units by year: required ({level}) and {what}"),
    "what_funded": ("rahoitetut vakanssit", "funded posts"),
    "what_planned": ("suunnitelma", "the plan"),
    "budget_title": (
        "Henkilöstö ja budjetti: {name} (tavoite {target}, {level})",
        "Staffing and budget: {name} (target {target}, {level})",
    ),
    "budget_definition_conf": (
        "Vuoden tarve: vakanssit, joilla vuoden jokainen lukupäivä ({days}) täyttää rajan {conf} %:n "
        "todennäköisyydellä (kussakin toistossa vuoden vaikein lukupäivä; siitä {conf} %:n kvantiili toistojen "
        "yli, Harrell–Davis-estimaatti, P50 = mediaani). Yksiköiden ja koko alueen luku on tiimien tarpeiden "
        "summa, koska vakanssit eivät siirry tiimistä toiseen. Satunnaisvaihtelu ± on 95 %:n luottamusväli "
        "(bootstrap toistojen yli). Eurot kunkin vuoden hinnoin: htv × {cost} €/htv × hintaindeksi ({index} %/v, "
        "perusvuosi {base}); rahoitetut tai suunnitellut vakanssit maksetaan niiltä kuukausilta, joina ne ovat "
        "olemassa, tarvittavat koko vuoden. Muut kustannukset ovat mallin P50 (ilman sosiaalityöntekijöitä; "
        "avointen vakanssien paikkauksesta vain se, mikä ylittää vakanssien palkat).",
        "Yearly requirement: the posts with which every reading day of the year ({days}) meets the limit with "
        "{conf} % probability (in each replication the year's hardest reading day; its {conf} % quantile over "
        "replications, the Harrell–Davis estimate, P50 = median). A unit's or the county's figure is the sum of "
        "its teams', as posts do not move between teams. The Monte-Carlo error ± is a 95 % interval (a bootstrap "
        "over replications). Euros in each year's prices: FTE × {cost} €/FTE × price index ({index} %/year, base "
        "year {base}); funded or planned posts are paid for the months they exist, required posts for the whole "
        "year. Other costs are the model's P50 (social workers excluded; of the cover of vacant posts only what "
        "exceeds their salaries).",
    ),
    "budget_definition_p50": (
        "Vuoden tarve: vakanssit, joilla vuoden jokainen lukupäivä ({days}) täyttää rajan mediaanina (kussakin "
        "toistossa vuoden vaikein lukupäivä; siitä mediaani toistojen yli): toistoja on liian vähän "
        "varmuustason lukuun. Yksiköiden ja koko alueen luku on tiimien tarpeiden summa, koska vakanssit eivät "
        "siirry tiimistä toiseen. Eurot kunkin vuoden hinnoin: htv × {cost} €/htv × hintaindeksi ({index} %/v, "
        "perusvuosi {base}); rahoitetut tai suunnitellut vakanssit maksetaan niiltä kuukausilta, joina ne ovat "
        "olemassa, tarvittavat koko vuoden. Muut kustannukset ovat mallin P50 (ilman sosiaalityöntekijöitä; "
        "avointen vakanssien paikkauksesta vain se, mikä ylittää vakanssien palkat).",
        "Yearly requirement: the posts with which every reading day of the year ({days}) meets the limit at "
        "the median (in each replication the year's hardest reading day; its median over replications): there "
        "are too few replications for a figure at the confidence. A unit's or the county's figure is the sum of "
        "its teams', as posts do not move between teams. Euros in each year's prices: FTE × {cost} €/FTE × price "
        "index ({index} %/year, base year {base}); funded or planned posts are paid for the months they exist, "
        "required posts for the whole year. Other costs are the model's P50 (social workers excluded; of the "
        "cover of vacant posts only what exceeds their salaries).",
    ),
    "budget_definition_mean": (
        "Vuoden tarve ({days}): laskettavat lapset ÷ raja, vuoden keskiarvo ja sen keskiarvo toistojen yli; "
        "yksittäisiä listoja ei tarkasteta. Yksiköiden ja koko alueen luku on tiimien summa. Satunnaisvaihtelu ± "
        "on 95 %:n luottamusväli. Eurot kunkin vuoden hinnoin: htv × {cost} €/htv × hintaindeksi ({index} %/v, "
        "perusvuosi {base}); rahoitetut tai suunnitellut vakanssit maksetaan niiltä kuukausilta, joina ne ovat "
        "olemassa, tarvittavat koko vuoden. Muut kustannukset ovat mallin P50 (ilman sosiaalityöntekijöitä; "
        "avointen vakanssien paikkauksesta vain se, mikä ylittää vakanssien palkat).",
        "Yearly requirement ({days}): counted children ÷ limit, the year's mean, and its mean over "
        "replications; no single list is checked. A unit's or the county's figure is the sum of its teams'. The "
        "Monte-Carlo error ± is a 95 % interval. Euros in each year's prices: FTE × {cost} €/FTE × price index "
        "({index} %/year, base year {base}); funded or planned posts are paid for the months they exist, "
        "required posts for the whole year. Other costs are the model's P50 (social workers excluded; of the "
        "cover of vacant posts only what exceeds their salaries).",
    ),
    "budget_cheapest_workbook": (
        "Halvin tasainen suunnitelma, joka täyttää tavoitteen: kunkin vuoden tarve jokaiseen tiimiin vuoden "
        "alusta, vakansseja vain lisäten, ellei tarve pienene pysyvästi (välilehti Suunnitelma; {n} muutosta). "
        "Vuosina {first}–{last} se maksaa {cost} enemmän kuin nykyiset rahoitetut vakanssit. Uusi vakanssi on "
        "auki rekrytoinnin ajan (mallissa keskimäärin {days} päivää), joten avaa vakanssit ajoissa. Muokatun "
        "suunnitelman vaikutuksen arvioi mitoituksen tekijä tästä työkirjasta.",
        "The cheapest steady plan that meets the target: each year's requirement in every team from 1 January, "
        "posts only added unless the requirement falls for good (Plan sheet; {n} changes). In {first}–{last} it "
        "costs {cost} more than the funded posts. A new post is vacant while it is recruited (in the model "
        "{days} days on average), so open posts early. Whoever ran the dimensioning evaluates an edited plan "
        "from this workbook.",
    ),
    "price_row": (
        "sosiaalityöntekijän kustannus / htv kunkin vuoden hinnoin ({cost} € × hintaindeksi)",
        "cost of a social worker's FTE-year in each year's prices ({cost} € × price index)",
    ),
    "budget_cheapest": (
        "Halvin tasainen suunnitelma, joka täyttää tavoitteen: kunkin vuoden tarve jokaiseen tiimiin vuoden "
        "alusta, vakansseja vain lisäten, ellei tarve pienene pysyvästi (välilehti Suunnitelma; {n} muutosta). "
        "Vuosina {first}–{last} se maksaa {cost} enemmän kuin nykyiset rahoitetut vakanssit. Uusi vakanssi on "
        "auki rekrytoinnin ajan (mallissa keskimäärin {days} päivää), joten avaa vakanssit ajoissa ja arvioi "
        "muutettu suunnitelma valitsimella --plan.",
        "The cheapest steady plan that meets the target: each year's requirement in every team from 1 January, "
        "posts only added unless the requirement falls for good (Plan sheet; {n} changes). In {first}–{last} it "
        "costs {cost} more than the funded posts. A new post is "
        "vacant while it is recruited (in the model {days} days on average), so open posts early and evaluate "
        "the edited plan with --plan.",
    ),
    "budget_evaluated": (
        "Arvioitu suunnitelma: {path} ({n} muutosta, välilehti Suunnitelma).",
        "Plan evaluated: {path} ({n} changes, Plan sheet).",
    ),
    "budget_plan_meets": (
        "Suunnitelma täyttää tavoitteen ({level}) joka vuosi {first}–{last}.",
        "The plan meets the target ({level}) in every year {first}–{last}.",
    ),
    "budget_plan_short": (
        "Suunnitelma jää tavoitteesta vuosina {years} (jonkin tiimin vakanssit eivät riitä jonakin lukupäivänä "
        "tai vuoden lopussa): eniten puuttuu {short} vakanssia vuonna {year}.",
        "The plan falls short in {years} (some team's posts fail on a reading day or at the year's end): most "
        "missing is {short} posts in {year}.",
    ),
    "budget_plan_cost": (
        "Suunnitelman vakanssit maksavat vuosina {first}–{last} {planned}; kunkin vuoden tarpeen mukaiset "
        "vakanssit {required} (suunnitelma − tarve: {difference}).",
        "The plan's posts cost {planned} in {first}–{last}; each year's required posts {required} "
        "(plan − requirement: {difference}).",
    ),
    "budget_year": (
        "{year}: tarve {required} vakanssia ({level}), {what} {funded}, lisävakansseja tiimeihin {extra}; "
        "kustannus {cost} ({what} {funded_cost}).",
        "{year}: required {required} posts ({level}), {what} {funded}, extra posts for the teams {extra}; "
        "cost {cost} ({what} {funded_cost}).",
    ),
    "chart_plan_posts_by_year": ("Vakanssit vuosittain", "Posts by year"),
    "chart_costs_by_year": ("Vakanssien kustannukset vuosittain (€)", "Cost of posts by year (€)"),
    "chart_year": ("vuosi", "year"),
    "chart_euros": ("euroa", "euros"),
    "sheet_yearly_note": (
        "Vuosittain: tiimit, yksiköiden summat ja koko alue. Vuoden tarve: ks. Vastaus-välilehti.",
        "By year: teams, unit totals and the whole county. Yearly requirement: see the Answer sheet.",
    ),
    # assumptions sheet
    "provenance_status": ("tila", "status"),
    "provenance_source": ("lähde tai peruste", "source or basis"),
    "status_sourced": ("lähteestä", "sourced"),
    "status_fitted": ("sovitettu", "fitted"),
    "status_assumed": ("oletus", "assumed"),
    "provenance_covers": ("{source} (koskee: {entry})", "{source} (entry: {entry})"),
    "provenance_none": ("ei merkintää: oletus", "no entry: an assumption"),
    "unc_uniform": ("kerroin tasajakaumasta {low}–{high}", "multiplier uniform on {low}–{high}"),
    "unc_lognormal": (
        "lognormaali kerroin, logaritmin keskihajonta {sd}",
        "lognormal multiplier, standard deviation of its log {sd}",
    ),
    "all_areas": ("kaikilla alueilla", "every area"),
    "and": ("ja", "and"),
    "unc_source_fitted": ("sovituksen kovarianssista (lsmitoitus calibrate)", "from the fit's covariance"),
    "unc_source_assumed": ("oletus", "assumption"),
    "unc_source_sourced": ("lähteestä", "from a source"),
    "all_units": ("kaikki yksiköt", "every unit"),
    "transition_until": ("siirtymä {date} asti", "transition until {date}"),
    "provenance_changed": ("muutettu skenaariossa {name}", "changed in scenario {name}"),
    # comparison with numbers
    "cost_last_year_p50": ("kustannukset viimeisenä vuonna, P50 (€)", "costs in the last year, P50 (€)"),
    "cost_difference_p50": ("ero ensimmäiseen, P50 (€)", "difference to the first, P50 (€)"),
    "cost_difference_p10": ("ero ensimmäiseen, P10 (€)", "difference to the first, P10 (€)"),
    "cost_difference_p90": ("ero ensimmäiseen, P90 (€)", "difference to the first, P90 (€)"),
    # issue 14: sensitivity and scale
    "cluster_needs_dask": (
        "--cluster tarvitsee Daskin: pip install -e '.[cluster]'",
        "--cluster needs Dask: pip install -e '.[cluster]'",
    ),
    "cluster_bad_address": (
        "Dask-klusterin osoite {address} ei kelpaa; muoto on tcp://kone:8786",
        "the Dask cluster address {address} is not valid; the form is tcp://host:8786",
    ),
    "cluster_unreachable": (
        "ei yhteyttä Dask-klusteriin {address} ({reason}); käynnistä ajuri komennolla dask scheduler "
        "ja työprosessit komennolla dask worker {address}",
        "cannot reach the Dask cluster {address} ({reason}); start the scheduler with dask scheduler "
        "and the workers with dask worker {address}",
    ),
    "cluster_http_address": (
        "{address} on verkkosivun osoite (Daskin hallintanäkymä on portissa 8787); Dask-klusterin ajurin osoite "
        "on muotoa tcp://kone:8786",
        "{address} is the address of a web page (Dask's dashboard is on port 8787); the Dask scheduler's address "
        "has the form tcp://host:8786",
    ),
    "cluster_tls_settings": (
        "{address}: tls-yhteys tarvitsee Daskin TLS-asetukset (varmenteet, distributed.comm.tls Daskin "
        "asetuksissa); ilman niitä käytä osoitetta tcp://kone:8786",
        "{address}: a tls connection needs Dask's TLS settings (certificates, distributed.comm.tls in Dask's "
        "configuration); without them use tcp://host:8786",
    ),
    "cluster_not_dask": (
        "osoitteessa {address} ei ole Dask-klusterin ajuria: {found}; tarkista osoite ja portti (ajurin oletus "
        "on 8786; dask scheduler kertoo osoitteensa käynnistyessään)",
        "{address} is not a Dask scheduler: {found}; check the address and the port (the scheduler's default is "
        "8786; dask scheduler prints its address when it starts)",
    ),
    "found_closed": ("yhteys suljettiin heti", "the connection was closed at once"),
    "found_silent": (
        "yhteys avautui, mutta mitään ei vastattu {seconds} sekunnissa (Dask-ajuri tervehtii heti)",
        "the connection opened, but nothing answered in {seconds} seconds (a Dask scheduler greets at once)",
    ),
    "found_http": ("siellä vastaa verkkopalvelin (HTTP)", "a web server (HTTP) answers there"),
    "found_ssh": ("siellä vastaa SSH-palvelin", "an SSH server answers there"),
    "found_bytes": (
        "siellä vastaa palvelu, jonka tavut eivät ole Dask-ajurin tervehdys",
        "a service answers there whose bytes are not a Dask scheduler's greeting",
    ),
    "cluster_code_differs": (
        "Dask-klusterin työprosessissa on eri ohjelmaversio kuin tällä koneella, joten tulokset eivät "
        "olisi samat; asenna sama lsmitoitus ja samat kirjastoversiot kaikille koneille ({detail})",
        "a worker of the Dask cluster runs different code from this machine, so the results would not "
        "be the same; install the same lsmitoitus and library versions on every machine ({detail})",
    ),
    "cluster_worker_lost": (
        "Dask-klusterin työprosessit kaatuivat toistuvasti tehtävän {task} aikana (muisti?); mitään ei kirjoitettu",
        "the Dask cluster's workers died repeatedly while running task {task} (memory?); nothing was written",
    ),
    "cluster_lost": (
        "yhteys Dask-klusteriin katkesi ({reason}); mitään ei kirjoitettu",
        "the connection to the Dask cluster was lost ({reason}); nothing was written",
    ),
    "ran_cluster": (
        "{n} toistoa, {events} tapahtumaa, {seconds} s, Dask-klusteri {address} ({jobs} työprosessia)",
        "{n} replications, {events} events, {seconds} s, Dask cluster {address} ({jobs} workers)",
    ),
    "sens_progress_label": ("herkkyysajot", "sensitivity runs"),
    "sens_progress_line": (
        "herkkyysajot: {done}/{total} ({percent} %)",
        "sensitivity runs: {done}/{total} ({percent} %)",
    ),
    # outputs of the sensitivity analysis (per unit and year, or for the county)
    "sens_extra_posts": ("lisävakanssien tarve", "extra posts needed"),
    "sens_mean_children_per_worker": ("lapsia työntekijää kohden", "children per worker"),
    "sens_share_workers_over_limit": ("yli rajan olevien osuus", "share of workers over the limit"),
    "sens_assessments_started_late_share": ("myöhässä alkaneet arvioinnit", "assessments started late"),
    "sens_assessments_completed_late_share": ("myöhässä valmistuneet arvioinnit", "assessments completed late"),
    "sens_cost_total_meur": ("kustannukset yhteensä (M€)", "total cost (€M)"),
    "sens_what_extra_posts_avohuolto": ("Avohuollon lisävakanssien tarve", "The extra open-care posts needed"),
    "sens_what_extra_posts_sijaishuolto": (
        "Sijaishuollon lisävakanssien tarve",
        "The extra substitute-care posts needed",
    ),
    "sens_what_extra_posts_jalkihuolto": ("Jälkihuollon lisävakanssien tarve", "The extra aftercare posts needed"),
    "sens_what_assessments_completed_late_share": (
        "Myöhässä valmistuneiden arviointien osuus",
        "The share of assessments completed late",
    ),
    "sens_what_cost_total_meur": ("Kokonaiskustannus", "The total cost"),
    "sens_short_extra_posts_avohuolto": ("lisävak. avohuolto", "extra posts, open care"),
    "sens_short_extra_posts_sijaishuolto": ("lisävak. sijaishuolto", "extra posts, subst. care"),
    "sens_short_extra_posts_jalkihuolto": ("lisävak. jälkihuolto", "extra posts, aftercare"),
    "sens_short_assessments_completed_late_share": ("myöh. arvioinnit", "late assessments"),
    "sens_short_cost_total_meur": ("kustannus M€", "cost €M"),
    "sens_driver_morris": ("{label} (μ* {value})", "{label} (μ* {value})"),
    "sens_driver_sobol": ("{label} (ST {value} ± {conf})", "{label} (ST {value} ± {conf})"),
    "sens_answer_two": (
        "{what} {year} riippuu eniten oletuksista {first} ja {second}.",
        "{what} in {year} depends most on {first} and {second}.",
    ),
    "sens_answer_one": (
        "{what} {year} riippuu eniten oletuksesta {first}.",
        "{what} in {year} depends most on {first}.",
    ),
    "sens_answer_noise": (
        "{what} {year}: mikään oletus ei erotu satunnaisvaihtelusta ({n} toistoa pistettä kohden); lisää toistoja.",
        "{what} in {year}: no assumption stands out from the random variation ({n} replications a point); "
        "add replications.",
    ),
    "sens_answer_constant": (
        "{what} {year} ei riipu yhdestäkään analyysin oletuksesta (sama kaikissa otospisteissä).",
        "{what} in {year} depends on none of the assumptions analysed (the same at every sample point).",
    ),
    "sens_method_morris": (
        "Morris-seulonta: {samples} polkua × {k} + 1 pistettä = {points} pistettä × {n} toistoa = {runs} ajoa, "
        "{seconds} s.",
        "Morris screening: {samples} trajectories × {k} + 1 points = {points} points × {n} replications = {runs} runs, "
        "{seconds} s.",
    ),
    "sens_method_sobol": (
        "Sobol: {samples} perusotosta × ({k} + 2) = {points} pistettä × {n} toistoa = {runs} ajoa, {seconds} s.",
        "Sobol: {samples} base samples × ({k} + 2) = {points} points × {n} replications = {runs} runs, {seconds} s.",
    ),
    "sens_method_screened": (
        "Oletukset ({k}/{of}) valittu Morris-seulonnalla (taulukko Seulonta).",
        "Assumptions ({k} of {of}) chosen by a Morris screen (sheet Screening).",
    ),
    "sens_noise_morris": (
        "Satunnaisvaihtelu: {n} toistoa pistettä kohden samoilla siemenillä joka pisteessä; avohuollon "
        "lisävakanssien keskihajonta toistojen välillä on {sd}, ja satunnaisvaihtelu yksin antaisi niiden μ*:ksi "
        "enintään noin {limit} (taulukossa suluissa: ei erotu satunnaisvaihtelusta).",
        "Random variation: {n} replications a point, with the same seeds at every point; the extra open-care posts "
        "vary between replications with standard deviation {sd}, and random variation alone would give them a μ* "
        "of at most about {limit} (in parentheses in the table: does not stand out from random variation).",
    ),
    "sens_noise_sobol": (
        "Satunnaisvaihtelu: {n} toistoa pistettä kohden samoilla siemenillä joka pisteessä; avohuollon "
        "lisävakanssien keskihajonta toistojen välillä on {sd}, ja se on {share} % niiden pisteiden välisestä "
        "varianssista.",
        "Random variation: {n} replications a point, with the same seeds at every point; the extra open-care posts "
        "vary between replications with standard deviation {sd}, which is {share} % of their variance between "
        "points.",
    ),
    "sens_noise_none": (
        "Satunnaisvaihtelu: {n} toistoa pistettä kohden samoilla siemenillä joka pisteessä.",
        "Random variation: {n} replications a point, with the same seeds at every point.",
    ),
    "sens_table_title": (
        "Oletusten vaikutus vuonna {year} (koko vaihteluvälin yli):",
        "Influence of the assumptions in {year} (over their whole range):",
    ),
    "sens_table_note_morris": (
        "μ* = keskimääräinen itseisvaikutus, kun oletus kulkee vaihteluvälinsä yli (tuloksen yksiköissä); "
        "suluissa: ei erotu satunnaisvaihtelusta.",
        "μ* = mean absolute effect of moving the assumption over its range (in the output's units); "
        "in parentheses: does not stand out from the random variation.",
    ),
    "sens_table_note_sobol": (
        "ST = kokonaisvaikutusindeksi (osuus varianssista yhteisvaikutuksineen); suluissa: luottamusväli "
        "ulottuu nollaan.",
        "ST = total-effect index (share of the variance, interactions included); in parentheses: the interval "
        "reaches 0.",
    ),
    "sens_sheet_ranking": ("Järjestys", "Ranking"),
    "sens_table_order": (
        "Järjestys: sarakkeen {column} mukaan, ensin satunnaisvaihtelusta erottuvat suurimmasta alkaen, sitten "
        "suluissa olevat.",
        "Order: by the column {column}, first the values that stand out from the random variation, largest "
        "first, then those in parentheses.",
    ),
    "sens_col_stands_out": ("{output}: erottuu satunnaisvaihtelusta", "{output}: stands out from the noise"),
    "sens_sheet_indices": ("Indeksit", "Indices"),
    "sens_sheet_noise": ("Satunnaisvaihtelu", "Random variation"),
    "sens_sheet_parameters": ("Oletukset", "Assumptions"),
    "sens_sheet_samples": ("Otos", "Sample"),
    "sens_sheet_outputs": ("Tulokset", "Outputs"),
    "sens_sheet_screening": ("Seulonta", "Screening"),
    "sens_col_label": ("tulos", "output"),
    "sens_col_output": ("tunnus", "key"),
    "sens_col_unit": ("yksikkö", "unit"),
    "sens_col_year": ("vuosi", "year"),
    "sens_col_point": ("piste", "point"),
    "sens_col_replication": ("toisto", "replication"),
    "sens_col_value": ("arvo", "value"),
    "sens_col_parameter": ("oletus", "assumption"),
    "sens_col_parameter_label": ("selite", "label"),
    "sens_col_rank": ("sija", "rank"),
    "sens_col_mu_star": ("μ*", "μ*"),
    "sens_col_mu_star_conf": ("μ*:n 95 %:n luottamusväli ±", "μ* 95 % interval ±"),
    "sens_col_mu": ("μ", "μ"),
    "sens_col_sigma": ("σ", "σ"),
    "sens_col_noise_limit": ("satunnaisvaihtelun μ*-raja", "random-variation μ* limit"),
    "sens_col_distinct": ("erottuu satunnaisvaihtelusta", "stands out from random variation"),
    "sens_col_replication_sd": ("keskihajonta toistojen välillä", "standard deviation between replications"),
    "sens_col_point_sd": ("keskihajonta pisteiden välillä", "standard deviation between points"),
    "sens_col_output_mean": ("keskiarvo", "mean"),
    "sens_col_S1": ("S1", "S1"),
    "sens_col_S1_conf": ("S1:n 95 %:n luottamusväli ±", "S1 95 % interval ±"),
    "sens_col_ST": ("ST", "ST"),
    "sens_col_ST_conf": ("ST:n 95 %:n luottamusväli ±", "ST 95 % interval ±"),
    "sens_col_noise_share": ("satunnaisvaihtelun osuus varianssista", "random variation's share of the variance"),
    "sens_col_kind": ("laji", "kind"),
    "sens_col_low": ("alaraja", "low"),
    "sens_col_high": ("yläraja", "high"),
    "sens_col_source": ("lähde", "source"),
    "sens_kind_log_multiplier": ("kerroin (lognormaali, ±2 sd)", "multiplier (lognormal, ±2 sd)"),
    "sens_kind_multiplier": ("kerroin", "multiplier"),
    "sens_kind_yearly_change": ("vuosimuutos", "yearly change"),
    "sens_chart_noise": ("satunnaisvaihtelun raja", "random-variation limit"),
    "sens_chart_constant": (
        "sama kaikissa otospisteissä:\nei riipu analyysin oletuksista",
        "the same at every sample point:\ndepends on none of the assumptions",
    ),
    "sens_chart_quiet": ("μ*, ei erotu satunnaisvaihtelusta", "μ*, does not stand out from random variation"),
    "sens_chart_title_morris": (
        "Mistä oletuksista vastaus riippuu – {name} (Morris: μ*, σ)",
        "Which assumptions drive the answer – {name} (Morris: μ*, σ)",
    ),
    "sens_chart_title_sobol": (
        "Mistä oletuksista vastaus riippuu – {name} (Sobol: S1, ST)",
        "Which assumptions drive the answer – {name} (Sobol: S1, ST)",
    ),
    # names of the default's uncertain parameters (others are shown by their path)
    "parameter:arviointi.p_avohuolto": (
        "arvioinnista avohuollon asiakkaaksi",
        "assessment leading to open care",
    ),
    "parameter:avohuolto.p_avohuollon_sijoitus": ("avohuollon sijoitusten määrä", "open-care placements"),
    "parameter:avohuolto.p_kiireellinen_sijoitus": (
        "kiireelliset sijoitukset avohuollosta",
        "emergency placements from open care",
    ),
    "parameter:conversion.avohuolto.values.2022": (
        "asiakkuuksien osuus ilmoituksista 2022",
        "conversion to clients 2022",
    ),
    "parameter:conversion.avohuolto.year_factors.2023": (
        "asiakkuuksien osuuden muutos 2023",
        "change in conversion to clients 2023",
    ),
    "parameter:conversion.avohuolto.year_factors.2024": (
        "asiakkuuksien osuuden muutos 2024",
        "change in conversion to clients 2024",
    ),
    "parameter:conversion.avohuolto.range_per_year": (
        "asiakkuuksien osuuden vuosimuutos tietojen jälkeen",
        "yearly change in conversion after the data",
    ),
    "parameter:conversion.notification_elasticity": ("ilmoitusmäärän jousto", "elasticity to notifications"),
    "parameter:sijaishuolto.duration.mean_days": ("sijaishuollon kesto", "length of substitute care"),
    "parameter:jalkihuolto.duration.mean_days": ("jälkihuollon kesto", "length of aftercare"),
    "parameter:jalkihuolto.uptake": ("jälkihuoltoon tulevien osuus", "share taking up aftercare"),
    "parameter:staffing.*.*.fill_rate": ("vakanssien täyttöaste", "fill rate of posts"),
    "parameter:staffing.*.*.turnover_per_year": ("henkilöstön vaihtuvuus", "staff turnover"),
    # bad input to the sensitivity command
    "sens_replications": (
        "herkkyysanalyysi tarvitsee vähintään 2 toistoa pistettä kohden (satunnaisvaihtelun arvioimiseen); annettu {n}",
        "a sensitivity analysis needs at least 2 replications a point (to measure the random variation); got {n}",
    ),
    "sens_no_factors": (
        "skenaariossa {name} ei ole epävarmoja oletuksia ([uncertainty]-taulukko tai range-sääntö); anna vaihteluvälit "
        "tiedostossa: --ranges VÄLIT.toml",
        "scenario {name} has no uncertain assumptions (an [uncertainty] table or a range rule); give ranges in a file: "
        "--ranges RANGES.toml",
    ),
    "sens_sobol_power_of_two": (
        "Sobol tarvitsee --samples-arvoksi kahden potenssin (8, 16, 32, …); annettu {n}",
        "Sobol needs a power of two for --samples (8, 16, 32, …); got {n}",
    ),
    "sens_not_a_factor": (
        "--parameters: {name} ei ole analyysin oletus; vaihtoehdot: {names}",
        "--parameters: {name} is not an assumption of the analysis; choose from: {names}",
    ),
    "sens_ranges_key": (
        '{path}: tuntematon avain {name}; vaihteluvälit annetaan taulukossa [parameters."polku"]',
        '{path}: unknown key {name}; ranges go in tables [parameters."path"]',
    ),
    "sens_ranges_empty": (
        '{path}: ei yhtään vaihteluväliä; anna esim. [parameters."sijaishuolto.duration.mean_days"] low = 0.8, '
        "high = 1.25",
        '{path}: no ranges; give e.g. [parameters."sijaishuolto.duration.mean_days"] low = 0.8, high = 1.25',
    ),
    "sens_ranges_entry": (
        "{path}: {name}: anna täsmälleen luvut low ja high",
        "{path}: {name}: give exactly the numbers low and high",
    ),
    "sens_ranges_multiplier": (
        "{path}: {name}: kertoimien pitää olla 0 < low < high ≤ 10; annettu low = {low}, high = {high}",
        "{path}: {name}: multipliers must satisfy 0 < low < high ≤ 10; got low = {low}, high = {high}",
    ),
    "sens_ranges_change": (
        "{path}: {name}: vuosimuutoksen pitää olla −0.5 ≤ low < high ≤ 1; annettu low = {low}, high = {high}",
        "{path}: {name}: yearly changes must satisfy −0.5 ≤ low < high ≤ 1; got low = {low}, high = {high}",
    ),
    "sens_ranges_setting": (
        "{path}: {name} on ajon asetus eikä mallin parametri; vaihtele vain mallin lukuja (siemenen vaihtelu "
        "mittaisi pelkkää satunnaisuutta)",
        "{path}: {name} is a setting of the run, not a parameter of the model; vary only the model's numbers "
        "(varying the seed would measure nothing but randomness)",
    ),
    "sens_ranges_bound": (
        "{path}: {name}: {where} = {value} kertoimella {factor} olisi {scaled}, yli sallitun rajan {limit}; arvo "
        "leikattaisiin rajaan ja sen vaikutus näyttäisi pienemmältä kuin on; kavenna väliä",
        "{path}: {name}: {where} = {value} times {factor} would be {scaled}, beyond its bound {limit}; the value "
        "would be cut at the bound and its effect would look smaller than it is; narrow the range",
    ),
    "sens_ranges_breaks": (
        "{path}: {name}: sen kertominen tekisi skenaariosta virheellisen ({problem}); valitse toinen parametri",
        "{path}: {name}: multiplying it would make the scenario invalid ({problem}); choose another parameter",
    ),
    "sens_unknown_parameter": (
        "{path}: {name} ei nimeä skenaarion lukua tai ikäryhmätaulukkoa",
        "{path}: {name} names no number or age-band table of the scenario",
    ),
    # issue 15 item 1: the calibration report (calibration/fit.py, calibration_header), printed by
    # `lsmitoitus calibrate`, written into backtest.txt and atop the calibrated scenario, and the
    # comment lines atop every scenario file the tool writes (run, dimension, the app)
    "calib_header_done": (
        "Kalibroitu ohjelmalla lsmitoitus {version} (lsmitoitus calibrate), kesto {seconds} s.",
        "Calibrated by lsmitoitus {version} (lsmitoitus calibrate) in {seconds} s.",
    ),
    "calib_header_sources": (
        "Lähtöskenaario: {name}. Historia: {history}.",
        "Base scenario: {name}. History: {history}.",
    ),
    "calib_header_data": (
        "Sovitetut tiedot: {indicators}; vuodet {years}.",
        "Data fitted: {indicators}; years {years}.",
    ),
    "calib_header_method": (
        "Menetelmä: pienimmän neliösumman sovitus (scipy least_squares) nopealla likiarvomallilla; "
        "korjauskierroksia tapahtumasimulaatiolla: {rounds}.",
        "Method: least squares (scipy least_squares) on a fast approximation of the model; "
        "correction rounds by the discrete-event model: {rounds}.",
    ),
    "calib_header_fitted": (
        "Sovitetut parametrit (arvo = lähtöarvo × kerroin; ± kertoimen logaritmin keskihajonta pienimmän\n"
        "neliösumman kovarianssista, kirjoitettu [uncertainty]-taulukkoon, josta jokainen toisto arpoo arvonsa):",
        "Fitted parameters (value = base × multiplier; ± the standard deviation of the log multiplier,\n"
        "from the least-squares covariance, written to [uncertainty] so every replication draws from it):",
    ),
    "calib_header_fitted_row": (
        "  {parameter} = {value} (×{multiplier} ± {sd}; {note})",
        "  {parameter} = {value} (×{multiplier} ± {sd}; {note})",
    ),
    "calib_header_fit_des": (
        "Sovitus: tapahtumasimulaatio (toistojen P50) verrattuna havaittuun:",
        "Fit, discrete-event model (P50 of replications) vs observed:",
    ),
    "calib_header_fit_approx": (
        "Sovitus: likiarvomalli (ei tapahtumasimulaatiota, --rounds 0) verrattuna havaittuun:",
        "Fit, approximation only (no discrete-event model, --rounds 0) vs observed:",
    ),
    "calib_header_fit_row": (
        "  {indicator} {year}: simuloitu {simulated} (P10–P90 {low}–{high}), havaittu {observed} ({difference})",
        "  {indicator} {year}: simulated {simulated} (P10–P90 {low}–{high}), observed {observed} ({difference})",
    ),
    "calib_header_misses": (
        "VAROITUS: sovitus ei tavoita havaintoja (kaukana P10–P90-välin ulkopuolella); älä käytä tätä "
        "skenaariota sellaisenaan, vaan tarkista historiatiedosto ja sovitettavat parametrit",
        "WARNING: the fit does not reach the observations (far outside the P10–P90 bands); do not use this "
        "scenario as it is, but check the history file and the parameters fitted",
    ),
    "calib_misses": (
        "{path}: sovitus ei tavoita havaintoja: {n} havaintoa on kauempana simuloidusta P10–P90-välistä kuin "
        "välin leveys; skenaario kirjoitettiin varoituksen kera, mutta sitä ei pidä käyttää sellaisenaan. "
        "Tarkista historiatiedosto (esim. osuudet 0–17-vuotiaista; koko maa 2023: avohuollossa noin 4 %) ja "
        "sovitettavat parametrit (--fit):",
        "{path}: the fit does not reach the observations: {n} observations are further from the simulated "
        "P10–P90 band than the band is wide; the scenario was written with a warning but should not be used "
        "as it is. Check the history file (e.g. shares of children aged 0–17; Finland 2023: about 4 % in open "
        "care) and the parameters fitted (--fit):",
    ),
    "calib_header_kept": (
        "Ei sovitettu (lähtöskenaarion arvo säilyy):",
        "Not fitted (kept from the base scenario):",
    ),
    "calib_header_kept_row": (
        "  {parameter} = {value} ({note}; herkkyys {sensitivity})",
        "  {parameter} = {value} ({note}; sensitivity {sensitivity})",
    ),
    "calib_note_fitted": ("sovitettu", "fitted"),
    "calib_note_not_identifiable": (
        "sovitettu, mutta tämä historia EI määritä sitä (tavoitefunktio on tasainen)",
        "fitted, but NOT identifiable from this history (flat objective)",
    ),
    "calib_note_insensitive": (
        "oletettu: historia ei reagoi siihen",
        "assumed: the history is insensitive to it",
    ),
    "calib_note_trades_off": (
        "oletettu: vaikuttaa historiaan samoin kuin {other}, |cos| {cos}, joten ei erikseen määritettävissä",
        "assumed: trades off with {other}, |cos| {cos}, so not separately identifiable",
    ),
    "calib_note_could_fit": (
        "oletettu: voitaisiin sovittaa (lisää se valitsimeen --fit)",
        "assumed: could be fitted (add it to --fit)",
    ),
    "calib_all_ages": ("{value} kaikissa ikäryhmissä", "{value} at all ages"),
    # names of the calibration's other candidate parameters (calibration/candidates.py)
    "parameter:kasittely.p_arviointi": (
        "ilmoituksista palvelutarpeen arviointiin",
        "notifications leading to an assessment",
    ),
    "parameter:kasittely.p_kiireellinen_sijoitus": (
        "kiireelliset sijoitukset suoraan ilmoituksesta",
        "emergency placements straight from a notification",
    ),
    "parameter:avohuolto.duration.mean_days": ("avohuollon asiakkuuden kesto", "length of open care"),
    "parameter:avohuolto.p_huostaanotto": ("huostaanotot avohuollosta", "care orders from open care"),
    "parameter:avohuollon_sijoitus.duration.mean_days": (
        "avohuollon sijoituksen kesto",
        "length of an open-care placement",
    ),
    "parameter:avohuollon_sijoitus.p_huostaanotto": (
        "huostaanotot avohuollon sijoituksesta",
        "care orders from open-care placements",
    ),
    "parameter:kiireellinen_sijoitus.p_huostaanotto": (
        "kiireellisestä sijoituksesta huostaanottoon",
        "emergency placements leading to a care order",
    ),
    "parameter:kiireellinen_sijoitus.home_duration.mean_days": (
        "kotiin päättyvän kiireellisen sijoituksen kesto",
        "length of emergency placements ending at home",
    ),
    # comment lines atop the scenario files written by run, dimension and the app
    "toml_header_run": (
        "Skenaario sellaisena kuin lsmitoitus {version} ajoi sen {when}\n"
        "lähde: {source}\n"
        "`lsmitoitus run` hyväksyy tämän tiedoston sellaisenaan ja toistaa ajon.",
        "Resolved scenario as run by lsmitoitus {version} on {when}\n"
        "source: {source}\n"
        "`lsmitoitus run` accepts this file unchanged and reproduces the run.",
    ),
    "toml_header_dimension": (
        "Mitoitusajon skenaario (toistoja {n}).",
        "Scenario of the dimensioning run (replications: {n}).",
    ),
    "toml_header_app": (
        "Muokattu lsmitoitus-sovelluksessa; `lsmitoitus run` hyväksyy tämän tiedoston sellaisenaan.",
        "Edited in the lsmitoitus app; `lsmitoitus run` accepts this file unchanged.",
    ),
}


class MissingTranslation(KeyError):
    """A user-facing text has no entry in the translation table."""


#: Longest echo of a value the user gave, in any message (longer ones are cut with "…").
ECHO_LIMIT = 80


def echo(value: object, plain: bool = False, limit: int = ECHO_LIMIT) -> str:
    """``value`` as it may appear in a message: its ``repr`` (or, with ``plain``, a printable
    string as it is), on one line and at most ``limit`` characters, so a message never repeats a
    large input back."""
    if plain:
        text = str(value)
        if not text.replace("\u00a0", " ").isprintable():  # a no-break space (1 000) is printable text
            text = repr(text)
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Localized:
    """A value written differently in each language (a number, a date): kept as it is until its
    message is rendered, then written in the reader's language (see
    :class:`lsmitoitus.text.formats.Formatted`)."""

    __slots__ = ()

    def render(self, lang: Lang = "fi") -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return self.render("fi")


class Msg:
    """A message of the table with its fields, shown in the reader's language when rendered.

    Fields that are themselves :class:`Msg`, :class:`Joined` or :class:`Localized` are rendered
    in the same language. The key is checked at once, so a misspelt key fails in the tests, not
    in front of a user."""

    __slots__ = ("fmt", "key")

    def __init__(self, key: str, /, **fmt: object) -> None:
        if key not in TEXT:
            raise MissingTranslation(f"no translation for {key!r}")
        self.key = key
        self.fmt = fmt

    def render(self, lang: Lang = "fi") -> str:
        return t(
            self.key,
            lang,
            **{k: v.render(lang) if isinstance(v, Msg | Joined | Localized) else v for k, v in self.fmt.items()},
        )

    def __str__(self) -> str:
        return self.render("fi")

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.fmt!r})"


class Joined:
    """Parts of one line (text or table entries) joined by ``sep`` in the reader's language."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts: Sequence[str | Msg | Joined | Localized], sep: str = "; ") -> None:
        self.parts = list(parts)
        self.sep = sep

    def render(self, lang: Lang = "fi") -> str:
        return self.sep.join(render(part, lang) for part in self.parts)

    def __str__(self) -> str:
        return self.render("fi")


#: A user-facing message: ready text, a table entry, joined parts, or lines of any of these.
Message = str | Msg | Joined | Localized | Sequence[str | Msg | Joined | Localized]


def parameter_label(name: str, lang: Lang = "fi") -> str:
    """A parameter's name for people where the table has one, else its dotted path (a
    parameter of the user's own ranges file has only its path)."""
    key = f"parameter:{name}"
    return t(key, lang) if key in TEXT else name


class ParameterName(Localized):
    """A parameter in a message: its name for people followed by its dotted path, which a
    planner copies into a scenario file ("sijaishuollon kesto (sijaishuolto.duration.mean_days)");
    only the path where the table has no name for it."""

    __slots__ = ("path",)

    def __init__(self, path: str) -> None:
        self.path = path

    def render(self, lang: Lang = "fi") -> str:
        label = parameter_label(self.path, lang)
        return self.path if label == self.path else f"{label} ({self.path})"

    def __repr__(self) -> str:
        return f"ParameterName({self.path!r})"


def render(message: Message, lang: Lang = "fi") -> str:
    """The text of ``message`` in ``lang`` (lines joined with newlines)."""
    if isinstance(message, str):
        return message
    if isinstance(message, Msg | Joined | Localized):
        return message.render(lang)
    return "\n".join(render(part, lang) for part in message)


class UserError(Exception):
    """An error meant for the person using the tool (bad input, a folder that exists, …). The
    command line and the app show :meth:`text` in the chosen language, never a traceback;
    ``str()`` gives the Finnish text."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(render(message, "fi"))

    def text(self, lang: Lang = "fi") -> str:
        return render(self.message, lang)


#: Operating-system errors with a text of their own (the rest are named by their code).
_OS_REASONS: dict[str, str] = {
    "EACCES": "reason_permission",
    "EPERM": "reason_permission",
    "EROFS": "reason_read_only",
    "ENOSPC": "reason_disk_full",
    "EDQUOT": "reason_disk_full",
    "ENOENT": "reason_not_found",
    "ENOTDIR": "reason_not_a_folder",
    "EEXIST": "reason_exists",
    "EISDIR": "reason_is_a_folder",
    "ENAMETOOLONG": "reason_name_too_long",
    "ELOOP": "reason_symlink_loop",
    "EIO": "reason_io",
    "EBUSY": "reason_busy",
    "EMFILE": "reason_too_many_files",
    "ENFILE": "reason_too_many_files",
    "ECONNREFUSED": "reason_refused",
    "ETIMEDOUT": "reason_timeout",
    "EHOSTUNREACH": "reason_unreachable",
    "ENETUNREACH": "reason_unreachable",
    "ECONNRESET": "reason_reset",
    "EPIPE": "reason_reset",
}


def os_reason(exc: BaseException) -> Msg:
    """Why an operating-system call failed, in the reader's language: the common errors in words
    of the table, any other by its code (the system's own text is English: it is never shown)."""
    if isinstance(exc, TimeoutError):
        return Msg("reason_timeout")
    if isinstance(exc, socket.gaierror):
        return Msg("reason_unknown_host")
    number = getattr(exc, "errno", None)
    code = errno.errorcode.get(number, "") if isinstance(number, int) else ""
    if code in _OS_REASONS:
        return Msg(_OS_REASONS[code])
    return Msg("reason_system", code=code or type(exc).__name__)


def t(key: str, lang: Lang = "fi", **fmt: object) -> str:
    """The text for ``key`` in ``lang`` (a measure's label, or an entry of :data:`TEXT`)."""
    pair = TEXT.get(key)
    if pair is None:
        measure = MEASURES.get(key)
        if measure is None:
            raise MissingTranslation(f"no translation for {key!r}")
        pair = (measure.fi, measure.en)
    text = pair[0 if lang == "fi" else 1]
    return agree(text.format(**fmt), lang) if fmt else text


#: Nouns counted in the table's texts: after the numeral 1 Finnish takes the nominative ("1
#: lisävakanssi", not "1 lisävakanssia") and English the singular ("1 extra post").
ONE: dict[Lang, dict[str, str]] = {
    "fi": {
        "lisävakanssia": "lisävakanssi",
        "vakanssia": "vakanssi",
        "muutosta": "muutos",
        "toistoa": "toisto",
        "yksikköä": "yksikkö",
        "ongelmaa": "ongelma",
        "päivää": "päivä",
        "kuukautta": "kuukausi",
        "vuotta": "vuosi",
        "lasta": "lapsi",
        "tavua": "tavu",
        "työntekijää": "työntekijä",
    },
    "en": {
        "extra posts": "extra post",
        "posts": "post",
        "replications": "replication",
        "changes": "change",
        "units": "unit",
        "problems": "problem",
        "days": "day",
        "months": "month",
        "years": "year",
        "children": "child",
        "bytes": "byte",
        "workers": "worker",
    },
}
_ONE_PATTERNS = {
    lang: re.compile(
        r"(?<![\d.,\u00a0])([+−-]?1)([ \u00a0])("
        + "|".join(sorted(map(re.escape, nouns), key=len, reverse=True))
        + r")\b"
    )
    for lang, nouns in ONE.items()
}


def agree(text: str, lang: Lang = "fi") -> str:
    """``text`` with a noun counted by the numeral 1 in the singular: "1 lisävakanssi", "1 extra
    post" (a decimal such as 0,1 or 1,5 keeps the plural form, as Finnish and English write it)."""
    words = ONE[lang]
    return _ONE_PATTERNS[lang].sub(lambda m: m.group(1) + m.group(2) + words[m.group(3)], text)
