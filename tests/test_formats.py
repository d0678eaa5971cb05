"""Numbers, money, shares and dates as a Finnish (or English) reader writes them (CLDR, Babel)."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from lsmitoitus.text import formats

pytestmark = pytest.mark.unit
NBSP = "\u00a0"


def test_finnish_numbers_have_a_decimal_comma_and_spaced_thousands() -> None:
    assert formats.number(1234.5) == f"1{NBSP}234,5"
    assert formats.number(1234.5, "en") == "1,234.5"
    assert formats.number(2.0, "fi", 1) == "2,0"
    assert formats.number(-2.5) == "−2,5"  # a minus sign, not a hyphen
    assert formats.number(float("nan")) == formats.MISSING


def test_counts_of_people_are_whole_numbers_rounded_half_up() -> None:
    assert formats.integer(22.5) == "23" and formats.integer(22.4) == "22"
    assert formats.integer(-0.4) == "0"  # never "-0"
    assert formats.integer(12345.0) == f"12{NBSP}345"


def test_shares_are_percentages() -> None:
    assert formats.percent(0.25) == f"25{NBSP}%"
    assert formats.percent(0.1087, "fi", 1) == f"10,9{NBSP}%"
    assert formats.percent(0.1087, "en", 1) == "10.9%"
    assert formats.percent(-0.001) == f"0{NBSP}%"  # no "-0 %"
    assert formats.percent(0.067, "fi", 1, sign=True) == f"+6,7{NBSP}%"
    assert formats.percent(-0.039, "fi", 1, sign=True) == f"−3,9{NBSP}%"
    assert formats.percent(-0.039, "en", 1, sign=True) == "-3.9%"
    assert formats.percent(-0.0001, "fi", 1, sign=True) == f"0,0{NBSP}%"  # zero has no sign


def test_money_is_in_millions_of_euros() -> None:
    assert formats.money(1_490_000) == f"1,49{NBSP}M€"
    assert formats.money(30_590_000, "en") == "€30.59M"
    assert formats.money(-5_000_000, "fi", sign=True) == f"−5,00{NBSP}M€"
    assert formats.money(580_000, "fi", sign=True) == f"+0,58{NBSP}M€"
    assert formats.money_range(44_600_000, 48_000_000) == f"44,6–48,0{NBSP}M€"
    assert formats.euros(63_000) == f"63{NBSP}000{NBSP}€"


@pytest.mark.parametrize(
    "value", [dt.date(2026, 3, 1), pd.Timestamp("2026-03-31"), np.datetime64("2026-03-15"), "2026-03-31"]
)
def test_dates_and_months_in_any_form(value: object) -> None:
    assert formats.month(value) == "maaliskuu 2026"
    assert formats.month(value, "fi", short=True) == "3/2026"
    assert formats.month(value, "en") == "March 2026"
    assert formats.date(dt.date(2026, 3, 1)) == "1.3.2026"
    assert formats.date(dt.date(2026, 3, 1), "en") == "1 Mar 2026"


def test_a_moment_to_the_second() -> None:
    assert formats.timestamp(dt.datetime(2026, 11, 28, 9, 54, 5)) == "28.11.2026 klo 9.54.05"
    assert formats.timestamp(dt.datetime(2026, 11, 28, 9, 54, 5), "en") == "28 Nov 2026 09:54:05"


def test_the_chart_locale_matches_the_text() -> None:
    fi = formats.vega_locale("fi")
    assert fi["number"]["decimal"] == "," and fi["number"]["thousands"] == NBSP
    assert fi["time"]["months"][2] == "maaliskuu" and fi["time"]["days"][0] == "sunnuntai"
    assert formats.vega_locale("en")["number"]["decimal"] == "."


def test_the_progress_line_rounds_as_people_do() -> None:
    """Issue 22, point 10: "1/6 (16 %)"; a sixth is 17 %, and 100 % only when all are done."""
    from lsmitoitus.simulation.runner import LineProgress

    lines: list[str] = []
    progress = LineProgress(lines.append, lambda done, total, percent: f"{done}/{total} ({percent} %)", step=1)
    for done in range(1, 7):
        progress(done, 6)
    assert lines == ["1/6 (17 %)", "2/6 (33 %)", "3/6 (50 %)", "4/6 (67 %)", "5/6 (83 %)", "6/6 (100 %)"]
    lines.clear()
    almost = LineProgress(lines.append, lambda done, total, percent: f"{percent} %", step=10)
    almost(199, 200)
    assert lines == ["99 %"]
