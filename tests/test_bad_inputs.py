"""The catalogue of bad inputs: files, command-line arguments, uploads, history files and staffing plans, each
with the message it must get. None may give a traceback or hang, and none may echo more than a
short piece of what it was given.

Each row is (id, what is given, expected message fragment). The command-line rows run
``lsmitoitus`` in a subprocess with a timeout (a hang fails the test); the upload rows call the
web app's logic directly. Messages are Finnish by default; a few rows check ``--lang en``.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import shutil
import socket
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lsmitoitus import ScenarioError
from lsmitoitus.app import logic

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "scenarios" / "kanta-hame.toml"
HISTORY_HEADER = "indicator,sotkanet_id,region,year,value,unit\n"
GOOD_ROW = "huostassa_0_17,1077,Kanta-Häme,2021,425,count\n"
MB = 1_000_000
LONG = "x" * 5000
#: No message is longer than this, whatever it was given (a 50 MB input is never echoed).
MAX_MESSAGE_CHARS = 3000


def base(extra: str = "") -> str:
    return f'extends = "kanta-hame"\nname = "huono"\n{extra}'


def bundled_with(pattern: str, replacement: str) -> str:
    """The bundled default's text with every match of ``pattern`` replaced (a full scenario
    without ``extends``, for changes a merge cannot express, like an emptied table)."""
    text = BUNDLED.read_text(encoding="utf-8")
    changed = re.sub(pattern, replacement, text)
    assert changed != text, pattern
    return changed


def nested_tables(levels: int) -> str:
    return base("[" + ".".join(["a"] * levels) + "]\nx = 1\n")


def nested_arrays(levels: int) -> str:
    return base("x = " + "[" * levels + "]" * levels + "\n")


# --- scenario files: (id, file content (text or bytes), extra arguments, fragment) -----------

Content = str | bytes | Callable[[Path], Path]


@dataclass
class Case:
    id: str
    content: Content
    fragment: str
    command: str = "validate"
    args: list[str] = field(default_factory=list)
    status: int = 2


def fifo(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        os.mkfifo(path)
        return path

    return make


def extends_to(target: Callable[[Path], Path], name: str = "main.toml") -> Callable[[Path], Path]:
    """A scenario that extends the special file ``target`` makes (by relative path)."""

    def make(folder: Path) -> Path:
        special = target(folder)
        path = folder / name
        path.write_text(f'extends = "{special.name}"\nname = "x"\n', encoding="utf-8")
        return path

    return make


def folder_named(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.mkdir()
        return path

    return make


def link_to(target: str, name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path

    return make


def big_file(name: str, megabytes: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as fh:
            fh.write(b'name = "' + b"x" * (megabytes * MB) + b'"\n')
        return path

    return make


AREAS = ("Forssa", "Hämeenlinna", "Riihimäki")
#: One step of a scenario's own staffing plan.
PLAN_STEP = '[[staffing_plan]]\nstart = 2026-03-01\nunit = "avohuolto"\narea = "Forssa"\nchange = 1\n'

#: A fourth area whose name has dots and a space (KeyError in the uncertainty paths before).
DOTTED_AREA = (
    "".join(
        f'[{table}."Forssa 2.0"]\n{field} = {value}\n'
        for table, field, value in (
            ("areas", "notification_share", "0.0\npopulation_0_17 = { 2021 = 900 }"),
            ("staffing.avohuolto", "social_workers", 1),
            ("staffing.sijaishuolto", "social_workers", 1),
            ("staffing.jalkihuolto", "social_workers", 1),
        )
    )
    + '[arviointi.workers]\n"Forssa 2.0" = 1\n'
)


def symlink_loop(name: str) -> Callable[[Path], Path]:
    """Two symbolic links that point at each other; ``name`` is one of them."""

    def make(folder: Path) -> Path:
        (folder / name).symlink_to("toinen.toml")
        (folder / "toinen.toml").symlink_to(name)
        return folder / name

    return make


SCENARIO_CASES = [
    Case("latin-1", base('description = "Hämeenlinna"\n').encode("latin-1"), "ei ole UTF-8-merkistössä (ensimmäinen"),
    Case(
        "latin-1-en",
        base('description = "Hämeenlinna"\n').encode("latin-1"),
        "is not in UTF-8 (first invalid character on line 3); save it as UTF-8",
        args=["--lang", "en"],
    ),
    Case("utf-16", base().encode("utf-16"), "on UTF-16-merkistössä; tallenna se UTF-8-muodossa"),
    Case("utf-8-bom-accepted", b"\xef\xbb\xbf" + base().encode(), "kelvollinen skenaario huono", status=0),
    Case("1000-nested-tables", nested_tables(1000), "sisäkkäistetty liian syvälle"),
    Case("100k-deep-arrays", nested_arrays(100_000), "sisäkkäistetty liian syvälle"),
    Case("50-MB-file", big_file("iso.toml", 50), "tiedosto on liian suuri (50,0 MB; enintään 1,0 MB)"),
    Case("broken-toml", base("[demand\n"), "ei kelvollista TOML-muotoa rivillä 3"),
    Case("huge-integer", base("[simulation]\nseed = " + "9" * 5000 + "\n"), "luvussa on liikaa numeroita"),
    Case("nul-bytes", base().encode() + b"\x00\x00", "UTF-16"),
    Case("a-folder", folder_named("kansio.toml"), "ei ole tavallinen tiedosto vaan kansio"),
    Case("a-fifo", fifo("putki.toml"), "ei ole tavallinen tiedosto vaan nimetty putki (FIFO)"),
    Case("dev-zero", lambda _folder: Path("/dev/zero"), "ei ole tavallinen tiedosto vaan laite"),
    Case("extends-a-fifo", extends_to(fifo("putki.toml")), "putki.toml: ei ole tavallinen tiedosto vaan nimetty putki"),
    Case("extends-dev-zero", extends_to(link_to("/dev/zero", "nolla.toml")), "ei ole tavallinen tiedosto vaan laite"),
    Case("extends-a-folder", extends_to(folder_named("kansio.toml")), "ei ole tavallinen tiedosto vaan kansio"),
    Case("extends-50-MB", extends_to(big_file("iso.toml", 50)), "tiedosto on liian suuri (50,0 MB"),
    Case(
        "50-MB-file-en",
        big_file("iso.toml", 50),
        "the file is too large (50.0 MB; at most 1.0 MB)",
        args=["--lang", "en"],
    ),
    Case("extends-missing", base().replace('"kanta-hame"', '"ei-ole.toml"'), "tiedostoa tai sen nimistä valmista"),
    Case("extends-a-number", 'extends = 5\nname = "x"\n', "extends = 5: pitää olla valmiin skenaarion nimi"),
    Case("unknown-key", base("[caseload]\nlimitt = 30\n"), "caseload.limitt: tuntematon kenttä"),
    Case(
        "negative-posts",
        base("[staffing.avohuolto.Forssa]\nsocial_workers = -3\n"),
        "arvon pitää olla vähintään 0; annettu -3; sallittu väli: 0 ≤ arvo ≤ 10000",
    ),
    Case(
        "negative-posts-en",
        base("[staffing.avohuolto.Forssa]\nsocial_workers = -3\n"),
        "Input should be greater than or equal to 0; got -3; allowed range: 0 ≤ value ≤ 10000",
        args=["--lang", "en"],
    ),
    Case("long-value-cut", base(f'[simulation]\nseed = "{LONG}"\n'), "annettu 'xxxxxxxx"),
    Case("text-for-a-number", base('[demand]\ngrowth_per_year = "paljon"\n'), "arvon pitää olla äärellinen luku"),
    Case("nan", base("[demand]\ngrowth_per_year = nan\n"), "demand.growth_per_year"),
    Case("many-problems", base("".join(f"k{i} = {i}\n" for i in range(100))), "… ja 80 muuta ongelmaa"),
    Case("21-problems-singular", base("".join(f"k{i} = {i}\n" for i in range(21))), "  … ja 1 muu ongelma\n"),
    Case(
        "bad-date",
        base("[simulation]\nstart = 2023-01-15\n"),
        "  simulation.start: aloituspäivän pitää olla kuukauden ensimmäinen päivä (tulokset ovat kuukausittain); "
        "annettu 15.1.2023",
    ),
    Case(
        "horizon-under-a-year",
        base("[simulation]\nstart = 2023-01-01\nend = 2023-06-30\n"),
        "ei sisällä yhtään vuodenvaihdetta",
    ),
    Case(
        "horizon-under-a-month",
        base("[simulation]\nstart = 2023-03-01\nend = 2023-03-20\n"),
        "ei sisällä yhtään vuodenvaihdetta",
    ),
    Case(
        "population-0-everywhere",
        bundled_with(r"population_0_17 = \{[^}]*\}", "population_0_17 = { 2021 = 0, 2022 = 0 }"),
        "koko alueen 0–17-vuotiaiden määrä on 0 vuosina",
    ),
    Case(
        "empty-population-table",
        bundled_with(r"population_0_17 = \{[^}]*\}", "population_0_17 = {}"),
        "population_0_17-taulukko on tyhjä",
    ),
    Case(
        "10-million-notifications",
        base("[demand]\nnotifications = { 2021 = 10000000, 2022 = 10000000, 2023 = 10000000 }\n"),
        "ilmoitusta lasta kohden vuodessa; enintään 2 hyväksytään",
    ),
    Case(
        "run-horizon-under-a-year",
        base("[simulation]\nstart = 2023-01-01\nend = 2023-06-30\n"),
        "skenaariota ei voi ajaa (mitään ei simuloitu)",
        command="run",
    ),
    Case(
        "run-empty-population-table",
        bundled_with(r"population_0_17 = \{[^}]*\}", "population_0_17 = {}"),
        "population_0_17-taulukko on tyhjä",
        command="run",
    ),
    Case(
        "horizon-dates-in-finnish",
        base("[simulation]\nstart = 2023-01-01\nend = 2023-06-30\n"),
        "raportoitava jakso 1.1.2023 – 30.6.2023 ei sisällä",
    ),
    Case(
        "10-million-notifications-total",
        base("[demand]\nnotifications = { 2021 = 10000000, 2022 = 10000000, 2023 = 10000000 }\n"),
        "enintään 5\u00a0000\u00a0000 hyväksytään (ajo kestäisi tunteja)",
    ),
    # the schema's own rules (issue 15 item 1): the field path first, then what is wrong in
    # Finnish, with the value given and what is allowed; numbers and dates in Finnish formats
    Case(
        "shares-not-1",
        base(
            "[sijaishuolto.placement_type.13-15]\nperhehoito = 0.5\nammatillinen_perhekoti = 0.3\nlaitoshoito = 0.3\n"
        ),
        "  sijaishuolto.placement_type.13-15: osuuksien summan pitää olla 1; nyt summa on 1,1",
    ),
    Case(
        "range-per-year-reversed",
        base("[conversion.avohuolto]\nrange_per_year = [0.3, 0.1]\n"),
        "  conversion.avohuolto.range_per_year: pitää olla −0,5 ≤ alin ≤ ylin ≤ 1; annettu alin 0,3 ja ylin 0,1",
    ),
    Case(
        "range-per-year-reversed-en",
        base("[conversion.avohuolto]\nrange_per_year = [0.3, 0.1]\n"),
        "  conversion.avohuolto.range_per_year: must satisfy -0.5 ≤ low ≤ high ≤ 1; got low 0.3 and high 0.1",
        args=["--lang", "en"],
    ),
    Case(
        "year-factors-without-values",
        base("[conversion.sijoitus]\nyear_factors = { 2024 = 1.1 }\n"),
        "  conversion.sijoitus.values: year_factors tarvitsee lähtötason: anna values ainakin yhdelle vuodelle",
    ),
    Case(
        "end-before-start",
        base("[simulation]\nstart = 2021-01-01\nend = 2019-12-31\n"),
        "  simulation.end: loppupäivän 31.12.2019 pitää olla aloituspäivän 1.1.2021 jälkeen",
    ),
    Case(
        "escalation-over-1",
        base("[avohuolto]\np_avohuollon_sijoitus = 0.5\np_kiireellinen_sijoitus = 0.3\np_huostaanotto = 0.4\n"),
        "  avohuolto: todennäköisyyksien p_avohuollon_sijoitus + p_kiireellinen_sijoitus + p_huostaanotto summa on "
        "1,2 ikäryhmässä 0-2; se saa olla enintään 1",
    ),
    Case(
        "uniform-low-above-high",
        base('[uncertainty.parameters."demand.growth_per_year"]\ndistribution = "uniform"\nlow = 1.5\nhigh = 1.25\n'),
        "  uncertainty.parameters.demand.growth_per_year.low: alin kerroin low (1,5) ei voi olla suurempi kuin ylin "
        "kerroin high (1,25)",
    ),
    Case(
        "responsible-unit-keys",  # a table given replaces the default one
        base('[caseload.responsible_unit]\navohuolto = "avohuolto"\nkotihoito = "avohuolto"\n'),
        "  caseload.responsible_unit: avainten pitää olla täsmälleen avohuolto, avohuollon_sijoitus, "
        "kiireellinen_sijoitus, sijaishuolto, jalkihuolto_alle_18, jalkihuolto (puuttuvat: avohuollon_sijoitus, "
        "kiireellinen_sijoitus, sijaishuolto, jalkihuolto_alle_18, jalkihuolto; ylimääräiset: kotihoito)",
    ),
    Case(
        "age-limit-out-of-order",
        base("[jalkihuolto]\nage_limit = [{ start = 2024-01-01, value = 23 }, { start = 2020-01-01, value = 25 }]\n"),
        "  jalkihuolto.age_limit: portaiden pitää olla alkupäivän mukaan nousevassa järjestyksessä, kukin päivä "
        "kerran; annettu 1.1.2024, 1.1.2020",
    ),
    Case(
        "own-institution-unknown-area",
        base("[costs.own_institutions.Tampere]\nbeds = 3\n"),
        "  costs.own_institutions: tuntemattomat alueet Tampere; skenaarion alueet: Forssa, Hämeenlinna, Riihimäki",
    ),
    Case(
        "provenance-names-nothing",
        base('[provenance."demand.kasvu"]\nstatus = "assumed"\nsource = "arvio"\n'),
        "  provenance: demand.kasvu ei nimeä mitään skenaarion parametria",
    ),
    Case(
        "correlation-not-a-matrix",  # each pair is in range, together they are impossible
        base(
            "[uncertainty.correlation]\n"
            '"arviointi.p_avohuolto|avohuolto.p_avohuollon_sijoitus" = 0.99\n'
            '"arviointi.p_avohuolto|avohuolto.p_kiireellinen_sijoitus" = 0.99\n'
            '"avohuolto.p_kiireellinen_sijoitus|avohuolto.p_avohuollon_sijoitus" = -0.99\n'
        ),
        "  uncertainty.correlation: korrelaatiot eivät muodosta kelvollista korrelaatiomatriisia",
    ),
    # issue 23: range hints name the value's range and, separately, the key's
    Case(
        "year-key-1800",
        base("[demand]\nnotifications = { 1800 = 5000 }\n"),
        "  demand.notifications.1800: avain ei kelpaa: arvon pitää olla vähintään 1990; annettu '1800'; "
        "avaimen sallittu väli: 1990 ≤ avain ≤ 2100",
    ),
    Case(
        "notifications-negative-value",
        base("[demand]\nnotifications = { 2021 = -1 }\n"),
        "  demand.notifications.2021: arvon pitää olla vähintään 0; annettu -1; sallittu väli: 0 ≤ arvo ≤ 10000000",
    ),
    Case(
        "conversion-value-500",
        base("[conversion.avohuolto]\nvalues = { 2022 = 500 }\n"),
        "  conversion.avohuolto.values.2022: arvon pitää olla enintään 100; annettu 500; sallittu väli: 0 < arvo ≤ 100",
    ),
    Case(
        "year-key-1800-en",
        base("[demand]\nnotifications = { 1800 = 5000 }\n"),
        "the key is not valid: Input should be greater than or equal to 1990; got '1800'; "
        "allowed range of the key: 1990 ≤ key ≤ 2100",
        args=["--lang", "en"],
    ),
    # issue 23: inputs that reached an internal error
    Case(
        "range-1e300",
        base("[conversion.avohuolto]\nrange_per_year = [0.0, 1e300]\n"),
        "pitää olla −0,5 ≤ alin ≤ ylin ≤ 1; annettu alin 0,0 ja ylin 1E300",
    ),
    Case("symlink-loop", symlink_loop("silmukka.toml"), "tiedostoa ei voi lukea: symboliset linkit kiertävät kehää"),
    Case(
        "extends-symlink-loop",
        extends_to(symlink_loop("silmukka.toml")),
        "silmukka.toml: tiedostoa ei voi lukea: symboliset linkit kiertävät kehää; osoita linkki tavalliseen",
    ),
    # issue 23: an area's name may hold any printable character (dots too); the rule is stated
    Case("area-name-with-dots", base(DOTTED_AREA), "alueet Forssa, Hämeenlinna, Riihimäki, Forssa 2.0", status=0),
    Case(
        "run-area-name-with-dots",
        base(DOTTED_AREA),
        "Tulokset kirjoitettu kansioon",
        command="run",
        status=0,
    ),
    Case(
        "area-name-line-break",
        base('[areas."Forssa\\n2"]\nnotification_share = 0.0\npopulation_0_17 = { 2021 = 100 }\n'),
        "avain ei kelpaa: nimessä saa olla 1–80 tulostettavaa merkkiä (myös pisteet ja välilyönnit), ei välilyöntiä "
        "alussa tai lopussa eikä rivinvaihtoja tai muita ohjausmerkkejä; annettu 'Forssa\\n2'",
    ),
    # issue 23 item 2: bounds on every number and on totals, and on the work of a replication
    Case(
        "leads-1e18",
        base("[organisation]\nleads = { avohuolto = 1e18 }\n"),
        "  organisation.leads.avohuolto: arvon pitää olla enintään 1000; annettu 1e+18; sallittu väli: 0 ≤ arvo ≤ 1000",
    ),
    Case("leads-negative", base("[organisation]\nleads = { avohuolto = -1 }\n"), "arvon pitää olla vähintään 0"),
    Case(
        "plan-1001-steps",
        base(PLAN_STEP * 1001),
        "  staffing_plan: liian monta alkiota (enintään 1000)\n",
    ),
    Case(
        "plan-11-steps-of-1000",
        base(PLAN_STEP.replace("change = 1", "change = 1000") * 11),
        "  staffing: hyvinvointialueella olisi 1.3.2026 alkaen 11\u00a0056 vakanssia (staffing, organisation.leads, "
        "levers.avohuolto_extra_posts ja staffing_plan yhteensä); enintään 10\u00a0000 hyväksytään",
    ),
    Case(
        "10-million-a-year-16-million-children",
        base(
            "[simulation]\nstart = 2021-01-01\nend = 2021-12-31\nwarmup_years = 0\n"
            "[demand]\nnotifications = { 2021 = 10000000 }\n"
            + "".join(f'[areas."{a}"]\npopulation_0_17 = {{ 2021 = 5400000 }}\n' for a in AREAS)
        ),
        "  demand: vuonna 2021 olisi 10\u00a0000\u00a0000 ilmoitusta; enintään 1\u00a0000\u00a0000 vuodessa "
        "hyväksytään",
    ),
    Case(
        "episodes-of-a-day-repeat-until-18",
        base(
            "[avohuolto]\np_avohuollon_sijoitus = 1.0\np_kiireellinen_sijoitus = 0.0\np_huostaanotto = 0.0\n"
            "duration = { mean_days = 1.0 }\n"
            "[avohuollon_sijoitus]\np_huostaanotto = 0.0\nduration = { mean_days = 1.0 }\n"
        ),
        "  simulation: yksi toisto simuloisi arviolta 41\u00a0000\u00a0000 tapahtumaa; enintään 5\u00a0000\u00a0000 "
        "hyväksytään (ajo kestäisi tunteja)",
    ),
    # issue 23 item 6: zero notifications reached a ZeroDivisionError in model/parameters.py
    Case(
        "zero-notifications-last-year",
        base("[demand]\nnotifications = { 2021 = 5000, 2022 = 5000, 2023 = 0 }\n"),
        "  demand.notifications: ilmoituksia on 0 vuonna 2023; ennuste ja ilmoitukset lasta kohden lasketaan näistä "
        "luvuista, joten anna havaittu tai arvioitu määrä (vähintään 1) tai jätä vuosi pois",
    ),
    Case(
        "zero-notifications-every-year",
        base("[demand]\nnotifications = { 2021 = 0, 2022 = 0, 2023 = 0 }\n"),
        "  demand.notifications: ilmoituksia on 0 vuosina 2021–2023",
    ),
    Case(
        "run-zero-notifications-last-year",
        base("[demand]\nnotifications = { 2021 = 5000, 2022 = 5000, 2023 = 0 }\n"),
        "demand.notifications: ilmoituksia on 0 vuonna 2023",
        command="run",
    ),
    Case(
        "zero-in-the-series",
        base("[demand]\nseries = { 2026 = 0 }\n"),
        "  demand.series: ilmoituksia on 0 vuonna 2026",
    ),
    # issue 23 item 8: an area without children received a share of the notifications
    Case(
        "area-without-children",
        base("[areas.Forssa]\npopulation_0_17 = { 2021 = 0, 2022 = 0 }\n"),
        "  areas.Forssa: alueella ei ole 0–17-vuotiaita vuosina 2020–2030, mutta sille tulee 19,0\u00a0% "
        "ilmoituksista (notification_share); anna alueen population_0_17 tai aseta notification_share = 0",
    ),
    # issue 23: an uncertain parameter that no multiplier can leave valid
    Case(
        "uncertain-shares",
        base('[uncertainty.parameters."sijaishuolto.placement_type.13-15"]\nlog_sd = 0.1\n'),
        "tätä parametria ei voi antaa epävarmana: jokainen toisto kertoo sen arvotulla kertoimella, ja silloin "
        "skenaario ei enää kelpaisi (sijaishuolto.placement_type.13-15: osuuksien summan pitää olla 1",
    ),
    Case(
        "uncertain-whole-number",
        base('[uncertainty.parameters."organisation.lead_cover_cap"]\nlog_sd = 0.1\n'),
        "(organisation.lead_cover_cap: arvon pitää olla kokonaisluku); poista se [uncertainty.parameters]-taulukosta",
    ),
    # issue 23: a renamed key is a note in the reader's language, without Python's file and line
    Case(
        "renamed-key-note",
        base("[processing]\np_assessment = 0.5\n"),
        "huom.: ",
        status=0,
    ),
]


def cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``lsmitoitus ARGS`` with a timeout: a hang fails the test instead of stalling it."""
    return subprocess.run(
        [sys.executable, "-m", "lsmitoitus", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        stdin=subprocess.DEVNULL,
    )


#: The words of the message kept for real bugs: no case of the catalogue may get it.
BUG_MESSAGES = ("odottamaton virhe", "unexpected error")


def assert_no_bug_message(text: str) -> None:
    """Not the message of a real bug, nor Python's own words (a warning's file and line)."""
    assert not any(words in text for words in BUG_MESSAGES), text[-3000:]
    assert "Traceback" not in text and "Warning:" not in text and ".py:" not in text, text[-3000:]


def assert_clean_message(done: subprocess.CompletedProcess[str], status: int, fragment: str) -> None:
    output = done.stdout + done.stderr
    assert_no_bug_message(output)
    assert done.returncode == status, output[-3000:]
    assert fragment in output, output[-3000:]
    assert len(done.stderr) < MAX_MESSAGE_CHARS, done.stderr[:500]


def materialise(content: Content, folder: Path) -> Path:
    if callable(content):
        return content(folder)
    path = folder / "huono.toml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.e2e
@pytest.mark.parametrize("case", SCENARIO_CASES, ids=[c.id for c in SCENARIO_CASES])
def test_bad_scenario_file(case: Case, tmp_path: Path) -> None:
    path = materialise(case.content, tmp_path)
    out = tmp_path / "tulos"
    extra = ["--out", str(out), "-n", "1"] if case.command == "run" else []
    done = cli(case.command, str(path), *extra, *case.args, cwd=tmp_path)
    assert_clean_message(done, case.status, case.fragment)
    assert out.exists() == (case.command == "run" and case.status == 0)  # a refused run writes nothing


@pytest.mark.e2e
def test_a_long_value_is_cut_not_echoed(tmp_path: Path) -> None:
    """The 5,000-character value appears only as its first 80 characters."""
    path = materialise(base(f'[simulation]\nseed = "{LONG}"\n'), tmp_path)
    done = cli("validate", str(path), cwd=tmp_path)
    assert "x" * 100 not in done.stderr and "x" * 70 + "…" in done.stderr


# --- command-line arguments and outputs ---------------------------------------------------


def busy_port() -> tuple[socket.socket, int]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock, int(sock.getsockname()[1])


ARGUMENT_CASES = [
    ("replications-0", ["run", "--replications", "0"], "sallittu väli: 1 ≤ toistot ≤ 10\u00a0000, annettu 0"),
    ("replications-text", ["run", "-n", "abc"], "pitää olla kokonaisluku, annettu 'abc'"),
    ("seed-negative", ["run", "--seed", "-1"], "sallittu väli: 0 ≤ siemen < "),
    ("port-70000", ["app", "--port", "70000"], "sallittu väli: 1024 ≤ portti ≤ 65535, annettu 70000"),
    ("port-70000-en", ["app", "--port", "70000", "--lang", "en"], "allowed range: 1024 ≤ port ≤ 65535, got 70000"),
    ("port-80", ["app", "--port", "80"], "1024 ≤ portti ≤ 65535, annettu 80"),
    ("confidence-1.5", ["dimension", "--confidence", "1.5"], "0,5 ≤ varmuus < 1, annettu 1.5"),
    ("target-from-text", ["dimension", "--target-from", "ensi vuonna"], "'ensi vuonna' ei ole päivämäärä"),
    ("target-from-31.2.", ["dimension", "--target-from", "31.2.2026"], "'31.2.2026' ei ole päivämäärä"),
    ("target-0", ["dimension", "--target", "0"], "sallittu väli: 1 ≤ tavoite ≤ 100, annettu 0"),
    ("max-reps-5", ["dimension", "--max-replications", "5"], "sallittu väli: 20 ≤ toistot ≤ 1\u00a0000, annettu 5"),
    ("jobs-0", ["run", "--jobs", "0"], "sallittu väli: 1 ≤ prosessit ≤ 1\u00a0024, annettu 0"),
    ("fit-until-3000", ["backtest", "h.csv", "--fit-until", "3000"], "1990 ≤ vuosi ≤ 2100, annettu 3000"),
    ("lang-xx", ["run", "--lang", "xx"], "argumentti --lang: 'xx' ei käy (vaihtoehdot: 'fi', 'en')"),
    ("calibrate-without-out", ["calibrate", "h.csv"], "nämä argumentit puuttuvat: --out"),
    ("compare-nothing", ["compare"], "nämä argumentit puuttuvat: SKENAARIO"),
    ("unknown-option", ["run", "--bogus"], "tuntemattomat argumentit: --bogus"),
    ("no-such-scenario", ["run", "ei-ole"], "ei-ole: skenaariotiedostoa ei löydy"),
    ("long-argument", ["run", LONG], "xxxxxxxx…: skenaariotiedostoa ei löydy"),
    (
        "fit-unknown",
        ["calibrate", str(ROOT / "lsmitoitus/data/kanta-hame-history.csv"), "--out", "k.toml", "--fit", "x.y"],
        "ei voi sovittaa: x.y",
    ),
    # issue 14: sensitivity and scale
    ("format-xlsx", ["run", "--format", "xlsx"], "argumentti --format: 'xlsx' ei käy (vaihtoehdot: 'csv', 'parquet')"),
    (
        "cluster-nobody-there",
        ["run", "--cluster", "tcp://127.0.0.1:9"],
        "ei yhteyttä Dask-klusteriin tcp://127.0.0.1:9",
    ),
    ("cluster-bad-port", ["dimension", "--cluster", "tcp://kone:portti"], "osoite tcp://kone:portti ei kelpaa"),
    ("sens-method", ["sensitivity", "--method", "fast"], "argumentti --method: 'fast' ei käy"),
    ("sens-one-replication", ["sensitivity", "-n", "1"], "sallittu väli: 2 ≤ toistot ≤ 1\u00a0000, annettu 1"),
    ("sens-one-sample", ["sensitivity", "--samples", "1"], "sallittu väli: 2 ≤ otokset ≤ 4\u00a0096, annettu 1"),
    (
        "sens-sobol-12",
        ["sensitivity", "--method", "sobol", "--samples", "12"],
        "kahden potenssin (8, 16, 32, …); annettu 12",
    ),
    (
        "sens-sobol-unknown-parameter",
        ["sensitivity", "--method", "sobol", "--parameters", "x.y"],
        "--parameters: x.y ei ole analyysin oletus; vaihtoehdot: arviointi.p_avohuolto,",
    ),
    ("sens-ranges-missing", ["sensitivity", "--ranges", "ei-ole.toml"], "ei-ole.toml: tiedostoa ei löydy"),
    ("sens-ranges-unknown", ["sensitivity", "--ranges", "RANGES:ei.ole"], "ei.ole ei nimeä skenaarion lukua"),
    ("sens-ranges-not-toml", ["sensitivity", "--ranges", "RANGES:"], "välit.toml: ei kelvollista TOML-muotoa"),
    # issue 23 item 8: accepted silently before
    (
        "sens-morris-unknown-parameter",
        ["sensitivity", "--parameters", "x.y"],
        "--parameters: x.y ei ole analyysin oletus; vaihtoehdot: arviointi.p_avohuolto,",
    ),
    (
        "sens-ranges-seed",
        ["sensitivity", "--ranges", "RANGES:simulation.seed"],
        "simulation.seed on ajon asetus eikä mallin parametri",
    ),
    (
        "sens-ranges-probability-past-1",
        ["sensitivity", "--ranges", "RANGES:jalkihuolto.uptake"],
        "jalkihuolto.uptake = 0,75 kertoimella 2 olisi 1,5, yli sallitun rajan 1; arvo leikattaisiin rajaan",
    ),
    (
        "sens-ranges-shares",
        ["sensitivity", "--ranges", "RANGES:sijaishuolto.placement_type.13-15"],
        "sen kertominen tekisi skenaariosta virheellisen (sijaishuolto.placement_type.13-15: osuuksien summan pitää",
    ),
]


@pytest.mark.e2e
@pytest.mark.parametrize(("args", "fragment"), [c[1:] for c in ARGUMENT_CASES], ids=[c[0] for c in ARGUMENT_CASES])
def test_bad_arguments(args: list[str], fragment: str, tmp_path: Path) -> None:
    if args[-1].startswith("RANGES:"):  # a ranges file with this content
        (tmp_path / "välit.toml").write_text(
            f'[parameters."{args[-1][7:]}"]\nlow = 0.5\nhigh = 2\n' if args[-1][7:] else "[[x", encoding="utf-8"
        )
        args = [*args[:-1], "välit.toml"]
    done = cli(*args, cwd=tmp_path)
    assert_clean_message(done, 2, fragment)
    assert not (tmp_path / "k.toml").exists() and not (tmp_path / "tulokset").exists()


@pytest.mark.e2e
def test_port_in_use(tmp_path: Path) -> None:
    pytest.importorskip("streamlit")
    sock, port = busy_port()
    with sock:
        done = cli("app", "--port", str(port), "--no-browser", cwd=tmp_path)
    assert_clean_message(done, 2, f"portti {port} on jo käytössä")


# --- staffing plans (issue 13): `dimension --plan FILE`, refused before any simulation ---------


def plan_step(**fields: str) -> str:
    """A TOML plan of one step, with ``fields`` replacing those of a valid step."""
    step = {"start": "2026-03-01", "unit": '"avohuolto"', "area": '"Hämeenlinna"', "change": "2", **fields}
    return "[[staffing_plan]]\n" + "".join(f"{k} = {v}\n" for k, v in step.items())


def plan_file(name: str, content: str | bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return path

    return make


def workbook(sheet: str, *rows: Sequence[object]) -> Callable[[Path], Path]:
    """A workbook with one sheet of ``rows`` (as a planner might save it)."""

    def make(folder: Path) -> Path:
        from openpyxl import Workbook

        book = Workbook()
        ws = book.active
        assert ws is not None
        ws.title = sheet
        for row in rows:
            ws.append(row)
        path = folder / "suunnitelma.xlsx"
        book.save(path)
        return path

    return make


HEADER = ["alkaa", "yksikkö", "alue", "muutos (htv)", "vastaava"]
PLAN_CASES = [
    ("unknown-unit", plan_file("p.toml", plan_step(unit='"kotihoito"')), "yksikkö kotihoito ei ole tunnettu", []),
    ("unknown-unit-en", plan_file("p.toml", plan_step(unit='"kotihoito"')), "unknown unit kotihoito", ["--lang", "en"]),
    ("one-problem", plan_file("p.toml", plan_step(unit='"kotihoito"')), "virheellinen suunnitelma (1 ongelma):", []),
    # issue 23 item 2: 10,000 steps of +1,000 posts took 3.97 GB
    ("1001-steps", plan_file("p.toml", plan_step() * 1001), "liian monta riviä (1001; enintään 1000)", []),
    (
        "11-steps-of-1000-posts",
        plan_file("p.toml", plan_step(change="1000") * 11),
        "hyvinvointialueella olisi 1.3.2026 alkaen 11\u00a0056 vakanssia",
        [],
    ),
    (
        "unknown-area",
        plan_file("p.toml", plan_step(area='"Tampere"')),
        "alue Tampere ei ole skenaarion alue; alueet: Forssa, Hämeenlinna, Riihimäki",
        [],
    ),
    ("date-as-bad-text", plan_file("p.toml", plan_step(start='"31.2.2026"')), "päivämäärä 31.2.2026 ei kelpaa", []),
    (
        "date-outside",
        plan_file("p.toml", plan_step(start="2040-01-01")),
        "päivämäärä 1.1.2040 on simuloidun jakson 1.1.2021 – 31.12.2030 ulkopuolella",
        [],
    ),
    ("change-text", plan_file("p.toml", plan_step(change='"kaksi"')), "muutos kaksi ei ole luku", []),
    ("change-huge", plan_file("p.toml", plan_step(change="1e9")), "sallittu väli −1\u00a0000 … 1\u00a0000 htv", []),
    ("removes-too-many", plan_file("p.toml", plan_step(change="-100")), "poistaisi 100 htv, mutta alueella on", []),
    ("lead-maybe", plan_file("p.toml", plan_step(lead='"ehkä"')), "vastaava ehkä: anna kyllä tai ei", []),
    ("unknown-field", plan_file("p.toml", plan_step(posts="2")), "tuntemattomat kentät posts", []),
    (
        "no-staffing-plan",
        plan_file("p.toml", "[demand]\ngrowth_per_year = 1\n"),
        "pitää olla lista [[staffing_plan]]",
        [],
    ),
    ("broken-toml", plan_file("p.toml", "[[staffing_plan]\n"), "ei kelvollista TOML-muotoa rivillä 1", []),
    ("latin-1-toml", plan_file("p.toml", plan_step().encode("latin-1")), "ei ole UTF-8-merkistössä", []),
    ("csv-plan", plan_file("p.csv", "alkaa;yksikkö\n"), "suunnitelman pitää olla TOML-tiedosto (.toml) tai Excel", []),
    ("not-a-workbook", plan_file("p.xlsx", "tämä ei ole työkirja"), "ei luettava Excel-työkirja (.xlsx", []),
    (
        "no-plan-sheet",
        workbook("Taulukko1", HEADER),
        "työkirjassa ei ole välilehteä Suunnitelma (välilehdet: Taulukko1)",
        [],
    ),
    (
        "missing-columns",
        workbook("Suunnitelma", ["alkaa", "alue"], ["1.3.2026", "Forssa"]),
        "välilehdeltä Suunnitelma puuttuvat sarakkeet yksikkö, muutos (htv)",
        [],
    ),
    (
        "bad-sheet-rows",
        workbook("Suunnitelma", HEADER, ["1.3.2026", "avohuolto", "Forssa", "paljon", "ei"], ["x", "", "", 1, ""]),
        "välilehti Suunnitelma, rivi 2: muutos paljon ei ole luku",
        [],
    ),
    # issue 23 item 8: a formula never calculated was reported as "alkaa puuttuu"
    (
        "formulas-without-values",
        workbook("Suunnitelma", HEADER, ["=DATE(2026,3,1)", "avohuolto", "Forssa", "=1+1", "ei"]),
        "välilehti Suunnitelma, rivi 2: alkaa: solussa on kaava =DATE(2026,3,1) ilman laskettua arvoa (tiedoston "
        "tallentanut ohjelma ei laske kaavoja); avaa ja tallenna työkirja Excelissä tai LibreOfficessa, tai kirjoita "
        "arvo kaavan tilalle; muutos (htv): solussa on kaava =1+1",
        [],
    ),
    ("missing-file", lambda folder: folder / "ei-ole.xlsx", "ei-ole.xlsx: tiedostoa ei löydy", []),
    ("a-folder", folder_named("kansio.toml"), "ei ole tavallinen tiedosto vaan kansio", []),
]


@pytest.mark.e2e
@pytest.mark.parametrize(("make", "fragment", "args"), [c[1:] for c in PLAN_CASES], ids=[c[0] for c in PLAN_CASES])
def test_bad_plan_is_refused_before_any_work(
    make: Callable[[Path], Path], fragment: str, args: list[str], tmp_path: Path
) -> None:
    out = tmp_path / "tulos"
    done = cli("dimension", "kanta-hame", "--plan", str(make(tmp_path)), "--out", str(out), *args, cwd=tmp_path)
    assert_clean_message(done, 2, fragment)
    assert not out.exists() and "toistot" not in done.stderr  # nothing was simulated


def make_out(kind: str, folder: Path) -> Path:
    if kind == "file":
        (folder / "tulos.txt").write_text("käyttäjän tiedosto")
        return folder / "tulos.txt"
    if kind == "under-a-file":
        (folder / "tiedosto").write_text("x")
        return folder / "tiedosto" / "tulos"
    if kind == "non-empty-folder":
        (folder / "tulos").mkdir()
        (folder / "tulos" / "oma.txt").write_text("x")
        return folder / "tulos"
    if kind == "read-only-place":
        return Path("/proc/lsmitoitus-test/tulos")
    if kind == "name-too-long":
        return folder / ("y" * 300)
    raise AssertionError(kind)


OUT_CASES = [
    ("file", "tulos.txt on tiedosto; --out tarvitsee kansion nimen"),
    ("under-a-file", "tiedosto ei ole kansio; tuloksia ei voi kirjoittaa sinne"),
    ("non-empty-folder", "tulos on jo olemassa; valitse toinen --out"),
    ("read-only-place", "kansioon /proc ei voi kirjoittaa"),
    ("name-too-long", "yyyyyyyy…: kansioon"),
]


@pytest.mark.e2e
@pytest.mark.parametrize("command", ["run", "dimension", "compare", "backtest", "calibrate", "sensitivity"])
@pytest.mark.parametrize(("kind", "fragment"), OUT_CASES, ids=[c[0] for c in OUT_CASES])
def test_bad_output_is_refused_before_any_work(command: str, kind: str, fragment: str, tmp_path: Path) -> None:
    out = make_out(kind, tmp_path)
    history = str(ROOT / "lsmitoitus" / "data" / "kanta-hame-history.csv")
    args = {
        "run": ["run"],
        "dimension": ["dimension"],
        "compare": ["compare", "kanta-hame", "kasvu-5"],
        "backtest": ["backtest", history, "--fit-until", "2021"],
        "calibrate": ["calibrate", history],
        "sensitivity": ["sensitivity"],
    }[command]
    if command == "calibrate":
        fragment = {
            "file": "tulos.txt on jo olemassa; valitse toinen nimi",
            "non-empty-folder": "tulos on jo olemassa; valitse toinen nimi",
        }.get(kind, fragment)
    done = cli(*args, "--out", str(out), cwd=tmp_path, timeout=30)  # refused at once: no run takes place
    assert_clean_message(done, 2, fragment)
    assert "toistot" not in done.stderr and "round 1" not in done.stderr  # nothing was simulated or fitted
    assert "herkkyysajot" not in done.stderr


# --- history files for calibrate and backtest ------------------------------------------------

HISTORY_CASES: list[tuple[str, Content, str]] = [
    ("empty-file", "", "tiedosto on tyhjä"),
    ("header-only", HISTORY_HEADER, "tiedostossa ei ole yhtään tietoriviä"),
    ("a-folder", folder_named("h.csv"), "ei ole tavallinen tiedosto vaan kansio"),
    ("a-fifo", fifo("h.csv"), "ei ole tavallinen tiedosto vaan nimetty putki"),
    ("zero-value", HISTORY_HEADER + GOOD_ROW.replace(",425,", ",0,"), "rivi 2: arvo '0'; pitää olla äärellinen luku"),
    ("negative-value", HISTORY_HEADER + GOOD_ROW.replace(",425,", ",-5,"), "rivi 2: arvo '-5'"),
    ("inf", HISTORY_HEADER + GOOD_ROW.replace(",425,", ",inf,"), "rivi 2: arvo 'inf'; pitää olla äärellinen luku"),
    ("empty-value", HISTORY_HEADER + GOOD_ROW.replace(",425,", ",,"), "rivi 2: arvo ''"),
    (
        "percent-over-100",
        HISTORY_HEADER + "huostassa_0_17,1077,Kanta-Häme,2021,130,percent_of_0_17\n",
        "rivi 2: arvo '130' prosenttia 0–17-vuotiaista; enintään 100",
    ),
    (
        "conflicting-duplicates",
        HISTORY_HEADER + GOOD_ROW + GOOD_ROW.replace(",425,", ",430,"),
        "rivit 2 ja 3 antavat eri arvot (425 ja 430) samalle indikaattorille 'huostassa_0_17'",
    ),
    (
        "missing-column",
        "indicator,region,year,value\nhuostassa_0_17,Kanta-Häme,2021,425\n",
        "sarakkeet puuttuvat: unit",
    ),
    ("bad-unit", HISTORY_HEADER + GOOD_ROW.replace(",count", ",kpl"), "rivi 2: yksikkö 'kpl'"),
    ("bad-year", HISTORY_HEADER + GOOD_ROW.replace(",2021,", ",20x1,"), "rivi 2: vuosi '20x1'"),
    ("year-1800", HISTORY_HEADER + GOOD_ROW.replace(",2021,", ",1800,"), "rivi 2: vuosi '1800'"),
    ("latin-1", (HISTORY_HEADER + GOOD_ROW).encode("latin-1"), "ei ole UTF-8-merkistössä"),
    (
        "other-region-only",
        HISTORY_HEADER + GOOD_ROW.replace("Kanta-Häme", "Pirkanmaa"),
        "ei rivejä alueelle 'Kanta-Häme'",
    ),
    ("broken-csv", HISTORY_HEADER + 'a,"b\n', "ei luettava CSV-tiedosto"),
    ("50-MB", big_file("h.csv", 50), "tiedosto on liian suuri (50,0 MB; enintään 20,0 MB)"),
    # issue 23 item 6: a value of 1e-300 reached the fit
    ("count-1e-300", HISTORY_HEADER + GOOD_ROW.replace(",425,", ",1e-300,"), "rivi 2: arvo '1e-300' lukumääränä"),
    (
        "percent-1e-300",
        HISTORY_HEADER + "avohuollon_asiakkaat_0_17,1245,Kanta-Häme,2021,1e-300,percent_of_0_17\n",
        "rivi 2: arvo '1e-300' prosenttia 0–17-vuotiaista; pitää olla vähintään 0,001",
    ),
]


@pytest.mark.e2e
@pytest.mark.parametrize(("content", "fragment"), [c[1:] for c in HISTORY_CASES], ids=[c[0] for c in HISTORY_CASES])
def test_bad_history_file(content: Content, fragment: str, tmp_path: Path) -> None:
    if callable(content):
        path = content(tmp_path)
    else:
        path = tmp_path / "h.csv"
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    out = tmp_path / "kalibroitu.toml"
    done = cli("calibrate", str(path), "--out", str(out), cwd=tmp_path)
    assert_clean_message(done, 2, fragment)
    assert not out.exists()  # no calibrated scenario written


# --- uploads to the web app -------------------------------------------------------------------

SECRET = "sk-live-SALAINEN-0123456789abcdef"


@pytest.fixture
def planted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Secret files beside, above and in the working folder of the "server"; each is a valid
    TOML file that would merge (and be echoed by a validation error) if it were ever read."""
    secret = f'api_key = "{SECRET}"\nname = "{SECRET}"\n[simulation]\nseed = "{SECRET}"\n'
    work = tmp_path / "palvelin" / "työ"
    work.mkdir(parents=True)
    for folder in (tmp_path, tmp_path / "palvelin", work):
        (folder / "salainen.toml").write_text(secret, encoding="utf-8")
        (folder / "salainen").write_text(secret, encoding="utf-8")
    monkeypatch.chdir(work)
    return tmp_path


def malicious_extends(root: Path) -> list[object]:
    return [
        str(root / "salainen.toml"),
        str(root / "palvelin" / "työ" / "salainen.toml"),
        "salainen.toml",
        "./salainen.toml",
        "../salainen.toml",
        "../../salainen.toml",
        "../" * 12 + str(root / "salainen.toml").lstrip("/"),
        "salainen",
        "~/salainen.toml",
        f"file://{root}/salainen.toml",
        "kanta-hame/../../salainen.toml",
        "kanta-hame.toml",
        "/etc/passwd",
        "/dev/zero",
        ["kanta-hame", str(root / "salainen.toml")],
        {"path": str(root / "salainen.toml")},
    ]


@pytest.mark.unit
def test_uploads_may_extend_bundled_scenarios_by_name_only_and_never_show_another_file(planted: Path) -> None:
    import tomli_w

    for target in malicious_extends(planted):
        upload = tomli_w.dumps({"extends": target, "name": "oma"}).encode()
        with pytest.raises(ScenarioError) as err:
            logic.load_uploaded(upload, "oma.toml")
        for lang in ("fi", "en"):
            text = err.value.text(lang)
            assert SECRET not in text and "api_key" not in text, (target, text)
        assert "ladattu skenaario voi laajentaa vain valmista skenaariota nimeltä" in str(err.value)
        assert "kanta-hame" in str(err.value)  # the names it may use


@pytest.mark.unit
def test_upload_errors_show_only_the_uploads_own_values(planted: Path) -> None:
    """A bad value the upload gives is shown (cut short); values it takes from the bundled base
    are not echoed, even when the upload makes them invalid in combination."""
    upload = b'extends = "kanta-hame"\nname = "oma"\n[simulation]\nseed = "' + b"s" * 500 + b'"\n'
    with pytest.raises(ScenarioError) as err:
        logic.load_uploaded(upload, "../../oma.toml")
    text = str(err.value)
    assert text.startswith("oma.toml: virheellinen skenaario")  # the upload's own name, no path
    assert "annettu '" + "s" * 60 in text and "s" * 100 not in text
    # a table the upload replaces by a number: the error is at a place the upload gives (echoed)
    with pytest.raises(ScenarioError) as err:
        logic.load_uploaded(b'extends = "kanta-hame"\nname = "oma"\nareas = 5\n', "oma.toml")
    assert "annettu 5" in str(err.value)
    # the base's values are never echoed: a missing field in a standalone upload shows no value
    with pytest.raises(ScenarioError) as err:
        logic.load_uploaded(b'name = "oma"\n', "oma.toml")
    assert "pakollinen kenttä puuttuu" in str(err.value) and "annettu" not in str(err.value)


UPLOAD_CASES: list[tuple[str, bytes, str]] = [
    ("2-MB", b'name = "' + b"x" * (2 * MB) + b'"\n', "oma.toml: tiedosto on liian suuri (2,0 MB; enintään 1,0 MB)"),
    ("latin-1", base('description = "Hämeenlinna"\n').encode("latin-1"), "ei ole UTF-8-merkistössä"),
    ("utf-8-bom", b"\xef\xbb\xbf" + base("[caseload]\nlimitt = 1\n").encode(), "caseload.limitt: tuntematon kenttä"),
    ("deep-tables", nested_tables(1000).encode(), "sisäkkäistetty liian syvälle"),
    ("deep-arrays", nested_arrays(100_000).encode(), "sisäkkäistetty liian syvälle"),
    ("broken-toml", b"name = \n", "ei kelvollista TOML-muotoa rivillä 1"),
    ("extends-a-path", b'extends = "../x.toml"\n', "ladattu skenaario voi laajentaa vain valmista skenaariota"),
    ("horizon", base("[simulation]\nstart = 2023-01-01\nend = 2023-02-28\n").encode(), "vuodenvaihdetta"),
    (
        "absurd-demand",
        base("[demand]\nnotifications = { 2021 = 10000000, 2022 = 10000000, 2023 = 10000000 }\n").encode(),
        "ilmoitusta lasta kohden",
    ),
    (
        "shares-not-1",
        base(
            "[sijaishuolto.placement_type.13-15]\nperhehoito = 0.5\nammatillinen_perhekoti = 0.3\nlaitoshoito = 0.3\n"
        ).encode(),
        "\n  sijaishuolto.placement_type.13-15: osuuksien summan pitää olla 1; nyt summa on 1,1",
    ),
]


@pytest.mark.unit
def test_an_uploaded_area_name_may_hold_dots() -> None:
    """Item 6: an area called "Forssa 2.0" gave a KeyError in the uncertainty paths in the app."""
    scenario = logic.load_uploaded(base(DOTTED_AREA).encode(), "oma.toml")
    assert "Forssa 2.0" in scenario.area_names and scenario.uncertainty.parameters


@pytest.mark.unit
@pytest.mark.parametrize(("content", "fragment"), [c[1:] for c in UPLOAD_CASES], ids=[c[0] for c in UPLOAD_CASES])
def test_bad_upload(content: bytes, fragment: str) -> None:
    with pytest.raises(ScenarioError) as err:
        logic.load_uploaded(content, "oma.toml")
    assert fragment in str(err.value)
    assert len(str(err.value)) < MAX_MESSAGE_CHARS


# --- generated bad scenarios -----------------------------------------------------------------


def _leaf_paths(node: object, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        found.append((*prefix, key))
        found += _leaf_paths(child, (*prefix, key))
    return found


@pytest.mark.unit
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_generated_bad_scenarios_get_a_message_never_a_traceback(data: st.DataObject) -> None:
    """Any field of the bundled default replaced by any value (wrong types, NaN, infinities,
    huge numbers and strings, empty tables): a valid scenario or a ScenarioError with a short
    message in both languages, never another exception."""
    import copy

    from lsmitoitus import load_scenario, scenario_from_dict

    scenario = copy.deepcopy(load_scenario().model_dump())
    paths = _leaf_paths(scenario)
    values = st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=300),
        st.booleans(),
        st.none(),
        st.dates(),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    )
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        *parents, last = data.draw(st.sampled_from(paths))
        node: Any = scenario
        for key in parents:  # an earlier draw may have replaced a table on the way
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                node = None
                break
        if isinstance(node, dict) or (isinstance(node, list) and isinstance(last, int) and last < len(node)):
            node[last] = data.draw(values)
    try:
        scenario_from_dict(scenario, "generoitu.toml")
    except ScenarioError as err:
        for lang in ("fi", "en"):
            assert 0 < len(err.text(lang)) < MAX_MESSAGE_CHARS


# --- text from a scenario is data (issue 23 item 7) ----------------------------------------

#: Area names that would be a live formula in a spreadsheet, an image fetched from an address in
#: Markdown, a tag in HTML, and matplotlib's mathematical notation (which fails to parse).
FORMULA_AREA = '=HYPERLINK("http://127.0.0.1:9/x","x")'
MARKDOWN_AREA = "![t](http://localhost:9/track) $\\frac{a}$ <b>x</b>"


def csv_cells(path: Path) -> list[str]:
    import csv

    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,")
    return [cell for row in csv.reader(text.splitlines(), dialect) for cell in row]


def assert_text_is_data(folder: Path) -> None:
    """No CSV cell a spreadsheet would run, no scenario text as a formula in a workbook, no Markdown
    image or tag."""
    from openpyxl import load_workbook

    kept = 0
    for path in sorted(folder.glob("*.csv")):
        cells = csv_cells(path)
        assert not [c for c in cells if c.startswith(("=", "+", "@")) or (c.startswith("-") and not _number(c))], path
        kept += cells.count("'" + FORMULA_AREA)
    assert kept > 0  # the name is kept, after a ' that makes it text
    for path in folder.glob("*.xlsx"):
        book = load_workbook(path)
        in_book = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
        # the workbook's own formulas (totals over its rows) only: none holds scenario text
        assert not [c.coordinate for c in in_book if c.data_type == "f" and "HYPERLINK" in str(c.value)], path
        assert any(c.value == FORMULA_AREA for c in in_book), path  # the name is kept, as text
    for path in folder.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert "![t]" not in text and "<b>" not in text, path
        assert "\\!\\[t\\](http://localhost:9/track)" in text


def _number(text: str) -> bool:
    try:
        float(text.replace(",", "."))
    except ValueError:
        return False
    return True


@pytest.mark.e2e
def test_scenario_text_is_data_in_every_file(tmp_path: Path, rename_areas: Callable[..., str]) -> None:
    """Item 7: an area named like a formula, a Markdown image, a tag or mathtext runs, and every
    CSV, workbook, Markdown and HTML file holds the name as text (the charts draw it as is)."""
    path = tmp_path / "outo.toml"
    path.write_text(rename_areas({"Forssa": FORMULA_AREA, "Riihimäki": MARKDOWN_AREA}), encoding="utf-8")
    for command in ("run", "dimension"):
        out = tmp_path / command
        done = cli(command, str(path), "-n", "2", "--out", str(out), cwd=tmp_path, timeout=300)
        assert_clean_message(done, 0, "Tulokset kirjoitettu kansioon")
        assert_text_is_data(out)
        report = tmp_path / f"{command}-raportti"
        done = cli("report", str(out), "--out", str(report), cwd=tmp_path, timeout=300)
        assert_clean_message(done, 0, "raportti.html")
        html = (report / "raportti.html").read_text(encoding="utf-8")
        assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
        assert 'src="http' not in html


# --- a generated family: every numeric field of a scenario, given absurd values (issue 23) ---

#: The values every numeric field is given in turn.
ABSURD = (math.nan, math.inf, -math.inf, -1, 0, 1e18, 1e300)


def family_base() -> dict[str, Any]:
    """The bundled default with every field written out (defaults included), a plan step, an
    extra post and a planning target, so that their numbers are in the family too."""
    import datetime as dt

    from lsmitoitus import load_scenario

    data = load_scenario().model_dump()
    data["staffing_plan"] = [{"start": dt.date(2026, 3, 1), "unit": "avohuolto", "area": "Forssa", "change": 1.0}]
    data["levers"]["avohuolto_extra_posts"] = {"Forssa": 1}
    data["caseload"]["planning_target"] = 25
    data["organisation"]["leads"] = {"avohuolto": 2, "sijaishuolto": 1, "jalkihuolto": 1}
    return data


def numeric_leaves(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list | tuple) else []
    for key, value in items:
        if isinstance(value, int | float) and not isinstance(value, bool):
            found.append((*prefix, key))
        else:
            found += numeric_leaves(value, (*prefix, key))
    return found


def mutated(base_data: dict[str, Any], path: tuple[Any, ...], value: float) -> dict[str, Any]:
    import copy

    data = copy.deepcopy(base_data)
    node: Any = data
    for key in path[:-1]:
        if isinstance(node[key], tuple):
            node[key] = list(node[key])
        node = node[key]
    node[path[-1]] = value
    return data


@pytest.fixture(scope="module")
def family() -> list[tuple[tuple[Any, ...], float, Any]]:
    """Every numeric field with every absurd value: (path, value, the scenario or the error)."""
    from lsmitoitus import scenario_from_dict

    base_data = family_base()
    out: list[tuple[tuple[Any, ...], float, Any]] = []
    for path in numeric_leaves(base_data):
        for value in ABSURD:
            try:
                outcome: Any = scenario_from_dict(mutated(base_data, path, value), "perhe.toml")
            except ScenarioError as exc:
                outcome = exc
            out.append((path, value, outcome))  # any other exception fails the fixture, naming it
    return out


@pytest.mark.unit
def test_every_numeric_field_is_bounded(family: list[tuple[tuple[Any, ...], float, Any]]) -> None:
    """NaN, ±infinity, −1, 0, 1e18 and 1e300 in every numeric field: a clear message naming the
    field's section in both languages, or a scenario whose work per replication is bounded.
    Only 0 (a field that may be 0) and the seed's 0 and 1e18 may be accepted."""
    from lsmitoitus.scenario.checks import MAX_EVENTS_PER_REPLICATION, estimated_events

    assert len(family) > 1500
    wrong = []
    for path, value, outcome in family:
        where = ".".join(map(str, path))
        if isinstance(outcome, ScenarioError):
            for lang in ("fi", "en"):
                text = outcome.text(lang)
                assert 0 < len(text) < MAX_MESSAGE_CHARS, (where, value)
                assert_no_bug_message(text)
            if str(path[0]) not in outcome.text("en") and "simulation:" not in outcome.text("en"):
                wrong.append((where, value, "the message does not name the field"))
        elif not (value in (0, -1) or where == "simulation.seed"):  # a change of −1 post is a plan
            wrong.append((where, value, "accepted"))
        elif estimated_events(outcome) > MAX_EVENTS_PER_REPLICATION:
            wrong.append((where, value, "accepted beyond the work limit"))
    assert wrong == []


@pytest.mark.integration
def test_every_accepted_member_of_the_family_runs(family: list[tuple[tuple[Any, ...], float, Any]]) -> None:
    """Each accepted mutation runs a replication without an internal error and within its event
    budget (a hang guard of two minutes each: the event loop lets the alarm's signal through)."""
    import signal

    from lsmitoitus.model.randomness import replication_seeds
    from lsmitoitus.simulation.runner import run_replication

    class TooLong(Exception):
        pass

    def alarm(*_args: object) -> None:
        raise TooLong

    accepted = [(p, v, s) for p, v, s in family if not isinstance(s, ScenarioError)]
    assert 50 < len(accepted) < 400
    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        for path, value, scenario in accepted:
            signal.alarm(120)
            try:
                raw = run_replication(scenario, replication_seeds(scenario.simulation.seed, 1)[0], 0)
            except TooLong:
                pytest.fail(f"{'.'.join(map(str, path))} = {value}: a replication ran for over two minutes")
            finally:
                signal.alarm(0)
            assert raw.events > 0
    finally:
        signal.signal(signal.SIGALRM, previous)


# --- signals reach a long single-process replication (issue 23 item 3) ---------------------

#: A replication of tens of seconds: a million notifications a year for four years.
LONG_RUN = base(
    "[simulation]\nstart = 2021-01-01\nend = 2024-12-31\n"
    "[demand]\nnotifications = { 2021 = 791388, 2022 = 864552, 2023 = 996840 }\n"
    + "".join(
        f'[areas."{area}"]\npopulation_0_17 = {{ 2021 = {n}, 2022 = {n} }}\n'
        for area, n in (("Forssa", 963300), ("Hämeenlinna", 2788500), ("Riihimäki", 1318200))
    )
)


def cpu_seconds(pid: int) -> float:
    """User and system time a process has used (from /proc; 0 once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def running(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def descendants(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except OSError:
                continue
            if parent == pid:
                found += [int(entry.name), *descendants(int(entry.name))]
    return found


@pytest.mark.e2e
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to watch the replication")
@pytest.mark.parametrize(("sig", "status", "message"), [(15, 143, "lopetettu (SIGTERM)"), (2, 130, "keskeytetty")])
def test_a_signal_stops_a_long_single_process_replication(tmp_path: Path, sig: int, status: int, message: str) -> None:
    """``run -n 1 -j 1``: the compiled event loop never returned to the interpreter, so SIGTERM
    did nothing for minutes. The signal is now handled at once (a hang guard of 10 s here)."""
    import time

    path = tmp_path / "pitka.toml"
    path.write_text(LONG_RUN, encoding="utf-8")
    out = tmp_path / "tulos"
    run = subprocess.Popen(
        [sys.executable, "-m", "lsmitoitus", "run", str(path), "-n", "1", "-j", "1", "--out", str(out)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        busy = 0.0
        while busy < 4.0 and run.poll() is None and time.monotonic() < deadline:  # deep in the replication
            time.sleep(0.2)
            working = [run.pid, *descendants(run.pid)]  # the replication runs in one of them
            busy = max([0.0, *(cpu_seconds(p) for p in working)])
        assert run.poll() is None and busy >= 4.0, "the replication did not run long enough to be stopped"
        working = descendants(run.pid)
        sent = time.monotonic()
        run.send_signal(sig)
        _, err = run.communicate(timeout=10)
        took = time.monotonic() - sent
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == status and message in err, err
    assert_no_bug_message(err)
    assert took < 10
    time.sleep(0.5)
    assert not [p for p in working if running(p)]
    assert not out.exists() and [p.name for p in tmp_path.iterdir()] == ["pitka.toml"]


@pytest.mark.e2e
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the worker processes")
def test_a_killed_worker_process_gets_a_message(tmp_path: Path) -> None:
    """Item 6: a local worker killed mid-run (out of memory, or by someone) was "odottamaton
    virhe … ohjelman vika"; it is not a bug of ours, and the message says what to do."""
    import signal
    import time

    path = tmp_path / "pitka.toml"
    path.write_text(LONG_RUN, encoding="utf-8")
    out = tmp_path / "tulos"
    run = subprocess.Popen(
        [sys.executable, "-m", "lsmitoitus", "run", str(path), "-n", "2", "-j", "2", "--out", str(out)],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        workers: list[int] = []
        while run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            workers = [p for p in descendants(run.pid) if cpu_seconds(p) > 2.0]
            if workers:
                break
        assert workers, "no worker process got to work"
        others = [p for p in descendants(run.pid) if p != workers[0]]
        os.kill(workers[0], signal.SIGKILL)
        _, err = run.communicate(timeout=60)
    finally:
        if run.poll() is None:
            run.kill()
    assert run.returncode == 2, err
    assert "työprosessi päättyi kesken ajon" in err and "pienempi --jobs (nyt 2)" in err, err
    assert_no_bug_message(err)
    assert not out.exists()
    time.sleep(0.5)
    assert not [p for p in others if running(p)]


# --- --cluster to something that is not a Dask scheduler (issue 23 item 4) -------------------


@pytest.fixture
def impostors() -> Any:
    """Three services on 127.0.0.1 that are not Dask schedulers, for the test's length only: one
    that accepts and says nothing, a web server, and one that answers with a stream of bytes."""
    import http.server
    import threading

    stop = threading.Event()
    sockets: list[socket.socket] = []

    def listener() -> socket.socket:
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        sock.settimeout(0.2)
        sockets.append(sock)
        return sock

    def silent(sock: socket.socket) -> None:
        held = []
        while not stop.is_set():
            with contextlib.suppress(OSError):
                held.append(sock.accept()[0])
        for conn in held:
            conn.close()

    def spewing(sock: socket.socket) -> None:
        while not stop.is_set():
            try:
                conn = sock.accept()[0]
            except OSError:
                continue
            with contextlib.suppress(OSError), conn:
                conn.settimeout(1)
                for _ in range(2000):  # at most 128 MB, and never past the test
                    if stop.is_set():
                        break
                    conn.sendall(b"\xff" * 65536)

    web = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    threads = [
        threading.Thread(target=silent, args=(listener(),), daemon=True),
        threading.Thread(target=spewing, args=(listener(),), daemon=True),
        threading.Thread(target=web.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True),
    ]
    for thread in threads:
        thread.start()
    ports = {
        "silent": sockets[0].getsockname()[1],
        "bytes": sockets[1].getsockname()[1],
        "http": web.server_address[1],
    }
    yield ports
    stop.set()
    web.shutdown()
    for thread in threads:
        thread.join(timeout=5)
    for sock in sockets:
        sock.close()
    web.server_close()


CLUSTER_CASES = [
    ("silent", "tcp://127.0.0.1:{silent}", "yhteys avautui, mutta mitään ei vastattu 3 sekunnissa"),
    ("http-server", "tcp://127.0.0.1:{http}", "ei ole Dask-klusterin ajuria: siellä vastaa verkkopalvelin (HTTP)"),
    ("bytes", "tcp://127.0.0.1:{bytes}", "siellä vastaa palvelu, jonka tavut eivät ole Dask-ajurin tervehdys"),
    ("http-address", "http://127.0.0.1:{http}", "on verkkosivun osoite (Daskin hallintanäkymä on portissa 8787)"),
    ("tls-without-settings", "tls://127.0.0.1:{silent}", "tls-yhteys tarvitsee Daskin TLS-asetukset"),
    ("ipv6-unclosed", "tcp://[::1", "Dask-klusterin osoite tcp://[::1 ei kelpaa"),
    ("ucx", "ucx://127.0.0.1:{silent}", "ei kelpaa; muoto on tcp://kone:8786"),
]


@pytest.mark.e2e
@pytest.mark.parametrize(("address", "fragment"), [c[1:] for c in CLUSTER_CASES], ids=[c[0] for c in CLUSTER_CASES])
def test_cluster_that_is_not_a_dask_scheduler(impostors: Any, address: str, fragment: str, tmp_path: Path) -> None:
    """Item 4: a silent listener or a web server hung for minutes, a stream of bytes gave "muisti
    loppui" and a traceback from the client's destructor, http:// a traceback after 20 s. Each is
    now told apart within a few seconds (a hang guard of 30 s here)."""
    done = cli("run", "-n", "1", "--cluster", address.format(**impostors), "--out", "tulos", cwd=tmp_path, timeout=30)
    assert_clean_message(done, 2, fragment)
    assert "Exception ignored" not in done.stderr and "muisti loppui" not in done.stderr
    assert not (tmp_path / "tulos").exists()


# --- finished results are never discarded (issue 23 item 1) ----------------------------------


@pytest.mark.e2e
def test_finished_results_are_rescued_when_their_place_stops_being_writable(tmp_path: Path) -> None:
    """The --out folder's parent is replaced by a file while the run works: the finished results
    go to the rescue folder in the home folder, the message names it, and ``report`` reads it."""

    home = tmp_path / "koti"
    home.mkdir()
    place = tmp_path / "paikka"
    place.mkdir()
    env = {**os.environ, "HOME": str(home)}
    run = subprocess.Popen(
        [sys.executable, "-m", "lsmitoitus", "run", "-n", "8", "-j", "1", "--out", str(place / "tulos")],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert run.stderr is not None
        first = run.stderr.readline()  # "toistot: 1/8 (12 %)": the run is working
        assert first.startswith("toistot:"), first
        shutil.rmtree(place)
        place.write_text("nyt tiedosto", encoding="utf-8")  # the place is gone: not a folder any more
        out, rest = run.communicate(timeout=300)
    finally:
        if run.poll() is None:
            run.kill()
    err = first + rest
    rescued = home / "lsmitoitus-pelastetut" / "tulos"
    assert run.returncode == 2, err
    assert "tulos: paikkaan ei voinut enää kirjoittaa (polun osa ei ole kansio), joten valmiit tulokset " in err
    assert f"kirjoitettiin varakansioon {rescued}" in err, err
    assert_no_bug_message(out + err)
    assert {"monthly.csv", "raportti.json", "scenario.toml", "caseload.png"} <= {p.name for p in rescued.iterdir()}
    assert (rescued / "summary.txt").read_text(encoding="utf-8").startswith("Yhteenveto: kanta-hame, 8 toistoa")
    assert place.read_text(encoding="utf-8") == "nyt tiedosto"  # what the user put there is untouched
    done = cli("report", str(rescued), "--out", str(tmp_path / "raportti"), cwd=tmp_path, timeout=300)
    assert_clean_message(done, 0, "raportti.html")


@pytest.mark.integration
def test_a_calibrated_scenario_is_rescued_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for a single file (calibrate's scenario): written to the rescue folder."""
    from lsmitoitus.reports.folders import OutputRescuedError, write_new_text

    monkeypatch.setenv("HOME", str(tmp_path / "koti"))
    (tmp_path / "tiedosto").write_text("x", encoding="utf-8")
    with pytest.raises(OutputRescuedError) as caught:
        write_new_text(tmp_path / "tiedosto" / "kalibroitu.toml", 'name = "k"\n')
    rescued = tmp_path / "koti" / "lsmitoitus-pelastetut" / "kalibroitu.toml"
    assert caught.value.saved_to == rescued and rescued.read_text(encoding="utf-8") == 'name = "k"\n'
    assert str(rescued) in caught.value.text("fi") and "rescue folder" in caught.value.text("en")


# --- damaged raportti.json given to `report` (issue 23 item 6) -------------------------------


def _damage(change: Callable[[dict[str, Any]], Any]) -> Callable[[str], str]:
    def make(text: str) -> str:
        import json

        data = json.loads(text)
        changed = change(data)
        return json.dumps(data if changed is None else changed)

    return make


def _frame_without_columns(data: dict[str, Any]) -> None:
    for frame in data["frames"].values():
        frame["schema"]["fields"] = frame["schema"]["fields"][:1]
        first = frame["schema"]["fields"][0]["name"]
        frame["data"] = [{first: row[first]} for row in frame["data"]]


def _empty_frames(data: dict[str, Any]) -> None:
    for frame in data["frames"].values():
        frame["data"] = []


REPORT_CASES: list[tuple[str, Callable[[str], str]]] = [
    ("truncated", lambda text: text[: len(text) // 2]),
    ("a-list", lambda _text: "[1, 2, 3]"),
    ("tables-as-a-list", _damage(lambda d: d.update(frames=[1, 2]))),
    ("a-table-without-columns", _damage(_frame_without_columns)),
    ("empty-tables", _damage(_empty_frames)),
    ("no-scenarios", _damage(lambda d: d.update(scenarios=[]))),
    ("an-invalid-scenario", _damage(lambda d: d["scenarios"][0]["simulation"].update(replications=-5))),
    ("created-a-number", _damage(lambda d: d.update(created=5))),
    ("a-table-as-text", _damage(lambda d: d["frames"].update(caseload="x"))),
]


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("ajo")
    path = folder / "lyhyt.toml"
    path.write_text(base("[simulation]\nstart = 2023-01-01\nend = 2024-12-31\n"), encoding="utf-8")
    done = cli("run", str(path), "-n", "2", "--out", str(folder / "tulos"), cwd=folder, timeout=300)
    assert done.returncode == 0, done.stderr
    return folder / "tulos"


@pytest.mark.e2e
@pytest.mark.parametrize("damage", [c[1] for c in REPORT_CASES], ids=[c[0] for c in REPORT_CASES])
def test_a_damaged_report_file_gets_a_message(run_folder: Path, damage: Callable[[str], str], tmp_path: Path) -> None:
    """Item 6: five kinds of damaged raportti.json reached "odottamaton virhe"."""
    folder = tmp_path / "tulos"
    shutil.copytree(run_folder, folder)
    (folder / "raportti.json").write_text(damage((run_folder / "raportti.json").read_text(encoding="utf-8")))
    done = cli("report", str(folder), "--out", str(tmp_path / "raportti"), cwd=tmp_path, timeout=120)
    assert_clean_message(done, 2, "raportin tiedot (raportti.json) ovat vioittuneet tai muokattuja (")
    assert "aja komento (run, dimension tai compare) uudelleen" in done.stderr
    assert not (tmp_path / "raportti").exists()


@pytest.mark.unit
def test_a_drawn_multiplier_keeps_every_value_valid() -> None:
    """A lognormal multiplier with log_sd 2 pushed sijaishuolto.duration.mean_days past its
    bound of 36,525 days in replication 20: a ValidationError inside the run ("odottamaton
    virhe"). Drawn values are kept within their bounds."""
    from lsmitoitus.model.randomness import replication_seeds
    from lsmitoitus.simulation.runner import replication_scenario

    text = base('[uncertainty.parameters."sijaishuolto.duration.mean_days"]\nlog_sd = 2.0\n')
    scenario = logic.load_uploaded(text.encode(), "x.toml")
    means = [
        replication_scenario(scenario, seed)[0].sijaishuolto.duration.mean_days
        for seed in replication_seeds(scenario.simulation.seed, 200)
    ]
    assert max(means) == 36_525  # drawn beyond the bound, kept at it


# --- calibrate says when its fit misses the data (issue 23 item 8) ---------------------------


@pytest.mark.e2e
def test_a_calibration_that_misses_the_data_exits_non_zero(tmp_path: Path) -> None:
    """100 % of children in open care: the fit missed by −92 % and calibrate exited 0. The
    scenario is still written (with a warning in its header), and the status says it must not be
    used as it is, listing the observations missed."""
    history = (ROOT / "lsmitoitus" / "data" / "kanta-hame-history.csv").read_text(encoding="utf-8")
    changed = re.sub(
        r"^(avohuollon_asiakkaat_0_17,1245,Kanta-Häme,202[12]),[0-9.]+,", r"\1,100,", history, flags=re.MULTILINE
    )
    assert changed != history
    (tmp_path / "h.csv").write_text(changed, encoding="utf-8")
    out = tmp_path / "k.toml"
    done = cli("calibrate", "h.csv", "--out", str(out), "-n", "4", "--rounds", "1", cwd=tmp_path, timeout=600)
    assert_clean_message(done, 2, "k.toml: sovitus ei tavoita havaintoja: ")
    assert "avohuollon asiakkaina olleet 0–17-v. 2021: simuloitu " in done.stderr
    assert "havaittu 32\u00a0500" in done.stderr
    assert "# VAROITUS: sovitus ei tavoita havaintoja" in out.read_text(encoding="utf-8")


@pytest.mark.unit
def test_a_fit_within_its_bands_is_not_a_miss() -> None:
    """The rule: an observation is missed when it lies further outside the P10–P90 band than the
    band is wide (at least 10 % of the observed value)."""
    from types import SimpleNamespace

    import pandas as pd

    from lsmitoitus.answers.calibration.fit import CalibrationResult

    table = pd.DataFrame(
        {
            "observed": [1268.0, 417.0, 130.0, 600.0, 32_500.0],
            "des_p10": [1138.0, 426.0, 133.0, 604.0, 2653.0],
            "des_p50": [1207.0, 436.0, 144.0, 640.0, 2685.0],
            "des_p90": [1231.0, 447.0, 181.0, 646.0, 2741.0],
        }
    )
    missed = CalibrationResult.misses(SimpleNamespace(des_table=table))  # type: ignore[arg-type]
    assert missed["observed"].tolist() == [32_500.0]
