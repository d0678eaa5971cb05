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
        "Arvioi muutettu suunnitelma: lsmitoitus dimension {scenario} --plan mitoitus.xlsx",
        "One row is one change: from the date on, the unit's posts in the area change (FTE; 2 = two more "
        "posts, -1 = one fewer, 0.5 = part-time).\n"
        "Changes are counted from the scenario's funded posts; the plan replaces the scenario's own "
        "plan.\n"
        "Lead: yes if the change is to lead social workers (no caseload of their own).\n"
        "Team and note are for the reader. Empty rows are skipped.\n"
        "A new post is vacant while it is recruited: open it before it is needed.\n"
        "Evaluate the edited plan: lsmitoitus dimension {scenario} --plan mitoitus.xlsx",
    ),
    "plan_note_required": (
        "tarve {year}: {required} vakanssia ({conf} %)",
        "required in {year}: {required} posts ({conf} %)",
    ),
    "plan_row": ("välilehti {sheet}, rivi {row}", "sheet {sheet}, row {row}"),
    "plan_step_no": ("staffing_plan, muutos {i}", "staffing_plan, step {i}"),
    "plan_problem": ("  {where}: {text}", "  {where}: {text}"),
    "plan_invalid": ("{path}: virheellinen suunnitelma ({n} ongelmaa):", "{path}: invalid plan ({n} problems):"),
    "plan_missing": ("{field} puuttuu", "{field} is missing"),
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
        "muutos {value}: sallittu väli -1000 … 1000 htv",
        "change {value}: allowed range -1000 to 1000 FTE",
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
    "compliance_all_months": (
        "todennäköisyys, että vuoden jokainen kuukausi on tavoitteen alla",
        "probability that every month of the year meets the target",
    ),
    "measure_row": ("tieto", "figure"),
    "county_all_units": ("kaikki yksiköt", "all units"),
    "answer_details": (
        "Yksiköt ja tiimit: mistä alkaen raja ylittyy",
        "Units and teams: from when the limit is exceeded",
    ),
    "county_table": ("Koko alue vuosittain", "Whole county by year"),
    "unit_table": ("Yksiköt vuosittain: tarve ({conf} %) ja {what}", "Units by year: required ({conf} %) and {what}"),
    "what_funded": ("rahoitetut vakanssit", "funded posts"),
    "what_planned": ("suunnitelma", "the plan"),
    "budget_title": (
        "Henkilöstö ja budjetti: {name} (tavoite {target}, varmuus {conf} %)",
        "Staffing and budget: {name} (target {target}, confidence {conf} %)",
    ),
    "budget_definition": (
        "Vuoden tarve: vakanssit, joilla vuoden jokainen kuukausi pysyy tavoitteen alla {conf} %:n "
        "todennäköisyydellä (kussakin toistossa vuoden vaikein kuukausi; siitä {conf} %:n kvantiili toistojen "
        "yli, P50 = mediaani). Vaikein kuukausi on lisätietona Vuosittain-välilehdellä. Eurot kunkin vuoden "
        "hinnoin: htv × {cost} €/htv × hintaindeksi ({index} %/v, perusvuosi {base}); rahoitetut tai "
        "suunnitellut vakanssit maksetaan niiltä kuukausilta, joina ne ovat olemassa, tarvittavat koko vuoden. "
        "Muut kustannukset ovat mallin P50 (ilman sosiaalityöntekijöitä).",
        "Yearly requirement: the posts that keep every month of the year within the target with {conf} % "
        "probability (in each replication the year's worst month; its {conf} % quantile over replications, "
        "P50 = median). The worst month is detail on the Yearly sheet. Euros in each year's prices: "
        "FTE × {cost} €/FTE × price index ({index} %/year, base year {base}); funded or planned posts are paid "
        "for the months they exist, required posts for the whole year. Other costs are the model's P50 "
        "(social workers excluded).",
    ),
    "budget_cheapest": (
        "Halvin suunnitelma, joka täyttää tavoitteen: kunkin vuoden tarve jokaiseen tiimiin vuoden alusta "
        "(välilehti Suunnitelma; {n} muutosta). Vuosina {first}–{last} se maksaa {cost} enemmän kuin nykyiset "
        "rahoitetut vakanssit. Uusi vakanssi on auki rekrytoinnin ajan (mallissa keskimäärin {days} päivää), "
        "joten avaa vakanssit ajoissa ja arvioi muutettu suunnitelma valitsimella --plan.",
        "The cheapest plan that meets the target: each year's requirement in every team from 1 January (Plan "
        "sheet; {n} changes). In {first}–{last} it costs {cost} more than the funded posts. A new post is "
        "vacant while it is recruited (in the model {days} days on average), so open posts early and evaluate "
        "the edited plan with --plan.",
    ),
    "budget_evaluated": (
        "Arvioitu suunnitelma: {path} ({n} muutosta, välilehti Suunnitelma).",
        "Plan evaluated: {path} ({n} changes, Plan sheet).",
    ),
    "budget_plan_meets": (
        "Suunnitelma täyttää tavoitteen {conf} %:n varmuudella joka vuosi {first}–{last}.",
        "The plan meets the target with {conf} % confidence in every year {first}–{last}.",
    ),
    "budget_plan_short": (
        "Suunnitelma jää tavoitteesta vuosina {years}: eniten puuttuu {short} vakanssia vuonna {year}.",
        "The plan falls short in {years}: most missing is {short} posts in {year}.",
    ),
    "budget_plan_cost": (
        "Suunnitelman vakanssit maksavat vuosina {first}–{last} {planned}; kunkin vuoden tarpeen mukaiset "
        "vakanssit {required} (suunnitelma − tarve: {difference}).",
        "The plan's posts cost {planned} in {first}–{last}; each year's required posts {required} "
        "(plan − requirement: {difference}).",
    ),
    "budget_year": (
        "{year}: tarve {required} vakanssia ({conf} %), {what} {funded}, vaje {gap}; kustannus {cost} "
        "({what} {funded_cost}).",
        "{year}: required {required} posts ({conf} %), {what} {funded}, gap {gap}; cost {cost} ({what} {funded_cost}).",
    ),
    "chart_posts_by_year": ("Vakanssit vuosittain", "Posts by year"),
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
    "provenance_changed": ("muutettu skenaariossa {name}", "changed in scenario {name}"),
    # comparison with numbers
    "cost_last_year_p50": ("kustannukset viimeisenä vuonna, P50 (€)", "costs in the last year, P50 (€)"),
    "cost_difference_p50": ("ero ensimmäiseen, P50 (€)", "difference to the first, P50 (€)"),
    "cost_difference_p10": ("ero ensimmäiseen, P10 (€)", "difference to the first, P10 (€)"),
    "cost_difference_p90": ("ero ensimmäiseen, P90 (€)", "difference to the first, P90 (€)"),
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
