"""The one translation table for user-facing text: Finnish by default, English on request."""

from __future__ import annotations

from typing import Literal

Lang = Literal["fi", "en"]
LANGS: tuple[Lang, ...] = ("fi", "en")

TEXT: dict[str, tuple[str, str]] = {
    # tidy columns and summary statistics
    "replication": ("toisto", "replication"),
    "date": ("päivämäärä", "date"),
    "area": ("alue", "area"),
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
    # measures
    "notifications": ("lastensuojeluilmoitukset", "notifications"),
    "new_children": ("uudet ilmoitetut lapset", "newly notified children"),
    "decisions": ("päätökset arvioinnin aloittamisesta", "decisions on assessment"),
    "decisions_late": ("myöhästyneet päätökset (> 7 arkipäivää)", "late decisions (> 7 working days)"),
    "assessments_started": ("aloitetut arvioinnit", "assessments started"),
    "assessments_started_late": ("myöhässä aloitetut arvioinnit", "assessments started late"),
    "assessments_completed": ("valmistuneet arvioinnit", "assessments completed"),
    "assessments_completed_late": ("yli 3 kk kestäneet arvioinnit", "assessments completed after 3 months"),
    "care_orders": ("uudet huostaanotot", "new care orders"),
    "reunifications": ("perheen jälleenyhdistämiset", "reunifications"),
    "care_ended_at_18": ("huostaanotto päättyi 18-vuotiaana", "care ended at 18"),
    "extensions": ("jatketut kiireelliset sijoitukset", "extended emergency placements"),
    "exits": ("lastensuojelusta poistuneet", "exits from child protection"),
    "entries": ("tulleet", "entries"),
    "placements_started": ("alkaneet sijoitukset", "placements started"),
    "children": ("lapsia", "children"),
    "queue": ("arviointijono", "assessment queue"),
    "entered_total": ("tulleet yhteensä", "entered in total"),
    "exited_total": ("poistuneet yhteensä", "exited in total"),
    "clients": ("asiakkaat", "clients"),
    "clients_counted": ("mitoitukseen laskettavat asiakkaat", "clients counted toward the limit"),
    "workers_in_post": ("sosiaalityöntekijöitä tehtävässä", "social workers in post"),
    "vacancies": ("avoimet tehtävät", "vacant posts"),
    "mean_children_per_worker": ("lapsia / työntekijä, keskiarvo", "children per worker, mean"),
    "mean_clients_per_worker": ("kaikki asiakkaat / työntekijä", "all clients per worker"),
    "max_children_per_worker": ("lapsia / työntekijä, suurin", "children per worker, maximum"),
    "workers_over_limit": ("työntekijöitä yli rajan", "workers over the limit"),
    "share_workers_over_limit": ("osuus työntekijöistä yli rajan", "share of workers over the limit"),
    "child_days_over_limit": (
        "lapsipäivät yli rajan olevalla työntekijällä",
        "child-days with a worker over the limit",
    ),
    "unassigned_children": ("lapset ilman työntekijää", "children without a worker"),
    "limit": ("lakisääteinen enimmäismäärä", "statutory limit"),
    "avohuollon_asiakkaat_0_17": ("avohuollon asiakkaina olleet 0–17-v.", "open-care clients aged 0–17"),
    "huostassa_0_17": ("huostassa olleet 0–17-v.", "children aged 0–17 in care"),
    "kiireellisesti_sijoitetut_0_17": ("kiireellisesti sijoitetut 0–17-v.", "emergency-placed aged 0–17"),
    "kodin_ulkopuolelle_sijoitetut_0_17": (
        "kodin ulkopuolelle sijoitetut 0–17-v.",
        "placed outside the home aged 0–17",
    ),
    "arvioinnissa": ("arvioinnissa olleet", "children in assessment"),
    "jalkihuollossa": ("jälkihuollossa olleet", "children and young people in aftercare"),
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
    "valid": ("{path}: kelvollinen skenaario ({name})", "{path}: valid scenario ({name})"),
}


def t(key: str, lang: Lang = "fi", **fmt: object) -> str:
    """The text for ``key`` in ``lang``; unknown keys are returned as they are."""
    pair = TEXT.get(key)
    text = key if pair is None else pair[0 if lang == "fi" else 1]
    return text.format(**fmt) if fmt else text
