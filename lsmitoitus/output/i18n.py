"""The one translation table for user-facing text: Finnish by default, English on request.

Measure labels live with the measures (:data:`lsmitoitus.measures.MEASURES`) and are read from
there; everything else is in :data:`TEXT`. A key that is in neither raises
:class:`MissingTranslation`: a missing translation is a bug to find in the tests, never a raw
identifier shown to a user.
"""

from __future__ import annotations

from collections.abc import Sequence
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
    "top_level": ("(ylin taso)", "(top level)"),
    "val_got": ("annettu {value}", "got {value}"),
    "val_range": ("sallittu väli: {low}arvo{high}", "allowed range: {low}value{high}"),
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
    # outputs (output/folders.py)
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
        "{n} toistoa, {events:,} tapahtumaa, {seconds:.1f} s, Dask-klusteri {address} ({jobs} työprosessia)",
        "{n} replications, {events:,} events, {seconds:.1f} s, Dask cluster {address} ({jobs} workers)",
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
    "sens_unknown_parameter": (
        "{path}: {name} ei nimeä skenaarion lukua tai ikäryhmätaulukkoa",
        "{path}: {name} names no number or age-band table of the scenario",
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
        if not text.isprintable():
            text = repr(text)
    else:
        text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class Msg:
    """A message of the table with its fields, shown in the reader's language when rendered.

    Fields that are themselves :class:`Msg` are rendered in the same language. The key is
    checked at once, so a misspelt key fails in the tests, not in front of a user."""

    __slots__ = ("fmt", "key")

    def __init__(self, key: str, /, **fmt: object) -> None:
        if key not in TEXT:
            raise MissingTranslation(f"no translation for {key!r}")
        self.key = key
        self.fmt = fmt

    def render(self, lang: Lang = "fi") -> str:
        return t(
            self.key, lang, **{k: v.render(lang) if isinstance(v, Msg | Joined) else v for k, v in self.fmt.items()}
        )

    def __str__(self) -> str:
        return self.render("fi")

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, {self.fmt!r})"


class Joined:
    """Parts of one line (text or table entries) joined by ``sep`` in the reader's language."""

    __slots__ = ("parts", "sep")

    def __init__(self, parts: Sequence[str | Msg | Joined], sep: str = "; ") -> None:
        self.parts = list(parts)
        self.sep = sep

    def render(self, lang: Lang = "fi") -> str:
        return self.sep.join(render(part, lang) for part in self.parts)

    def __str__(self) -> str:
        return self.render("fi")


#: A user-facing message: ready text, a table entry, joined parts, or lines of any of these.
Message = str | Msg | Joined | Sequence[str | Msg | Joined]


def render(message: Message, lang: Lang = "fi") -> str:
    """The text of ``message`` in ``lang`` (lines joined with newlines)."""
    if isinstance(message, str):
        return message
    if isinstance(message, Msg | Joined):
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
