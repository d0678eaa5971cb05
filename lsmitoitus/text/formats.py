"""Numbers and dates as a Finnish (or English) reader writes them, by Babel's CLDR rules.

Finnish: decimal comma, a no-break space between thousands (12 345,7), a space before the per
cent sign (25 %), millions of euros as 1,49 M€, day.month.year dates (1.3.2026) and month
names. One place, so every report, table, chart and message formats alike.

Babel (about 10 ms to import) comes with this module, its locale data on first use; the command
line's ``--help`` does not import this module (tests/test_startup.py: no Babel for ``--help``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

from babel.dates import format_date, format_datetime, get_day_names, get_month_names
from babel.numbers import format_decimal, format_percent, format_scientific, get_decimal_symbol, get_group_symbol

from .i18n import Lang, Localized

LOCALES: dict[str, str] = {"fi": "fi_FI", "en": "en_GB"}

#: Shown for a missing value (NaN, None, NaT).
MISSING = "–"


def _missing(value: Any) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are not equal to themselves
    except (TypeError, ValueError):
        return False


#: Values at least this large are written with an exponent (1E300): a message may have to show
#: a value a user gave, however absurd, and grouped digits would run over a line (or fail).
HUGE = 1e15


def _huge(value: Any, lang: Lang) -> str | None:
    """An infinity or a value of :data:`HUGE` or more as people can read it; else None."""
    try:
        number_ = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    if math.isinf(number_):
        return _minus("-∞" if number_ < 0 else "∞", lang)
    if abs(number_) < HUGE:
        return None
    return _minus(format_scientific(number_, format="0.###E0", locale=LOCALES[lang]), lang)


def number(value: float | None, lang: Lang = "fi", digits: int | None = None) -> str:
    """``value`` with ``digits`` decimals (None: as many as it has, up to three); NaN is a dash;
    infinities and values of :data:`HUGE` or more with an exponent (1E18)."""
    if _missing(value):
        return MISSING
    assert value is not None
    huge = _huge(value, lang)
    if huge is not None:
        return huge
    pattern = None if digits is None else ("#,##0" + ("." + "0" * digits if digits else ""))
    return _minus(format_decimal(value, format=pattern, locale=LOCALES[lang]), lang)


def significant(value: float | None, lang: Lang = "fi", digits: int = 6) -> str:
    """A value as given or measured, to at most ``digits`` significant digits (0,999999; 1,5; 2),
    for messages that must not round a value to what it should have been (a sum of shares that
    misses 1 by a millionth). Values of a thousand or more are grouped as by :func:`number`."""
    if _missing(value):
        return MISSING
    assert value is not None
    if abs(float(value)) >= 1000:
        return number(value, lang)
    pattern = "@" + "#" * (digits - 1)
    return _minus(format_decimal(value, format=pattern, locale=LOCALES[lang]), lang)


def integer(value: float | None, lang: Lang = "fi") -> str:
    """A count rounded to a whole number (1 234); -0 is shown as 0."""
    if _missing(value):
        return MISSING
    assert value is not None
    huge = _huge(value, lang)
    if huge is not None:
        return huge
    return number(math.floor(float(value) + 0.5) + 0, lang, 0)  # half up, as people round


def signed(value: float | None, lang: Lang = "fi", digits: int = 0) -> str:
    """A difference with its sign always shown (+3, −2,5); zero has no sign."""
    if _missing(value):
        return MISSING
    assert value is not None
    return _signed_text(float(value), lang, digits)


def _signed_text(value: float, lang: Lang, digits: int) -> str:
    text = number(abs(value), lang, digits)
    if text.strip("0,.\u00a0 ") == "":
        return text
    return ("+" if value > 0 else ("−" if lang == "fi" else "-")) + text


def percent(share: float | None, lang: Lang = "fi", digits: int = 0, sign: bool = False) -> str:
    """A share (0.153) as a percentage (15 %; Finnish puts a space before the sign); ``sign``:
    a difference with its sign always shown (+6,7 %, −3,9 %; zero has no sign)."""
    if _missing(share):
        return MISSING
    assert share is not None
    if sign:
        text = percent(abs(float(share)), lang, digits)
        if text.strip("0,.%\u00a0 ") == "":
            return text
        return ("+" if share > 0 else ("−" if lang == "fi" else "-")) + text
    if round(abs(100 * float(share)), digits) == 0:
        share = 0.0  # never "-0 %"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + ("\u00a0%" if lang == "fi" else "%")
    return _minus(format_percent(share, format=pattern, locale=LOCALES[lang]), lang)


def money(euros: float | None, lang: Lang = "fi", digits: int = 2, sign: bool = False) -> str:
    """Euros in millions: 1,49 M€ in Finnish, €1.49M in English; ``sign``: +1,49 M€ for a difference."""
    if _missing(euros):
        return MISSING
    assert euros is not None
    value = signed(float(euros) / 1e6, lang, digits) if sign else number(float(euros) / 1e6, lang, digits)
    if lang == "en" and value[:1] in "+−":
        return f"{value[0]}€{value[1:]}M"
    if lang == "fi":
        return f"{value}\u00a0M€"
    return f"-€{value[1:]}M" if value.startswith("-") else f"€{value}M"


def money_range(low: float, high: float, lang: Lang = "fi", digits: int = 1, sign: bool = False) -> str:
    """A range of euros in millions: 44,6–48,0 M€ (€44.6–48.0M); ``sign``: −6,1…−2,9 M€."""
    show = signed if sign else number
    a, b = show(low / 1e6, lang, digits), show(high / 1e6, lang, digits)
    if sign:
        return f"{a}…{b}\u00a0M€" if lang == "fi" else f"€{a}…{b}M"
    return f"{a}–{b}\u00a0M€" if lang == "fi" else f"€{a}–{b}M"


def euros(value: float | None, lang: Lang = "fi", millions: bool = False, signed: bool = False) -> str:
    """Whole euros as a budget writes them: 63 000 € (€63,000); ``millions``: 1,49 M€ (as
    :func:`money`); ``signed``: a plus sign on a positive amount, a minus on a negative one."""
    if _missing(value):
        return MISSING
    assert value is not None
    if millions:
        return money(value, lang, 2, sign=signed)
    text = _signed_text(float(value), lang, 0) if signed else number(round(float(value)), lang, 0)
    return f"{text}\u00a0€" if lang == "fi" else f"€{text}"


def date(day: Any, lang: Lang = "fi") -> str:
    """1.1.2025 in Finnish, 1 Jan 2025 in English."""
    if _missing(day):
        return MISSING
    return format_date(_as_date(day), format="d.M.yyyy" if lang == "fi" else "d MMM yyyy", locale=LOCALES[lang])


def timestamp(moment: dt.datetime, lang: Lang = "fi") -> str:
    """A moment to the second: 28.11.2026 klo 9.54.05 in Finnish, 28 Nov 2026 09:54:05 in English."""
    pattern = "d.M.yyyy 'klo' H.mm.ss" if lang == "fi" else "d MMM yyyy HH:mm:ss"
    return format_datetime(moment, format=pattern, locale=LOCALES[lang])


def month(day: Any, lang: Lang = "fi", short: bool = False) -> str:
    """A month: "maaliskuu 2026" ("March 2026"), or with ``short`` 3/2026 ("Mar 2026")."""
    if _missing(day):
        return MISSING
    pattern = ("M/yyyy" if lang == "fi" else "MMM yyyy") if short else "LLLL yyyy"
    return format_date(_as_date(day), format=pattern, locale=LOCALES[lang])


def month_names(lang: Lang = "fi") -> list[str]:
    """January … December in ``lang`` (stand-alone forms), for chart axes."""
    names = get_month_names("wide", context="stand-alone", locale=LOCALES[lang])
    return [str(names[m]) for m in range(1, 13)]


class Formatted(Localized):
    """A number or date in a message, written in the reader's language when the message is
    rendered: ``Formatted(date, day)`` is 1.3.2026 in Finnish and 1 Mar 2026 in English,
    ``Formatted(number, 50.0, digits=1)`` is 50,0 or 50.0. The formatter is any function of this
    module taking the value and the language."""

    __slots__ = ("func", "options", "value")

    def __init__(self, func: Callable[..., str], value: Any, **options: Any) -> None:
        self.func = func
        self.value = value
        self.options = options

    def render(self, lang: Lang = "fi") -> str:
        return self.func(self.value, lang, **self.options)

    def __repr__(self) -> str:
        return f"Formatted({self.func.__name__}, {self.value!r}, **{self.options!r})"


def _as_date(value: Any) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    import numpy as np  # lazy: a numpy date is the only use; validate runs without numpy (tests/test_startup.py)

    return dt.date.fromisoformat(str(np.datetime_as_string(value, unit="D")))


def _minus(text: str, lang: Lang) -> str:
    """Finnish typesetting uses the minus sign (−), not a hyphen, for negative numbers."""
    return "−" + text[1:] if lang == "fi" and text.startswith("-") else text


#: Units that stay on the line of their number (a no-break space before them): "90 %:n", "2,26 M€",
#: "31 lisävakanssia" never break between the number and the unit.
UNITS_KEPT = (
    "%",
    "‰",
    "€",
    "M€",
    "k€",
    "kpl",
    "htv",
    "pv",
    "vrk",
    "kk",
    "v",
    "lasta",
    "vakanssi",
    "vakanssia",
    "lisävakanssi",
    "lisävakanssia",
    "toistoa",
    "päivää",
    "vuotta",
    "post",
    "posts",
    "days",
    "years",
    "children",
    "replications",
)
_BEFORE_UNIT = re.compile(
    r"(?<=\d) (?=(?:" + "|".join(re.escape(u) for u in sorted(UNITS_KEPT, key=len, reverse=True)) + r")(?!\w))"
)


_RANGE_DASH = re.compile(r"(?<=\d)([–…])(?=[\d−+])")


def keep_together(text: str) -> str:
    """``text`` with a no-break space between a number and its unit, and word joiners around the
    dash of a range, so that a line never breaks inside "90 %:n", "2,26 M€" or "45,2–48,9 M€"
    (Finnish typesetting wants it; a narrow PDF column or a phone would otherwise break there)."""
    return _RANGE_DASH.sub("\u2060\\1\u2060", _BEFORE_UNIT.sub("\u00a0", text))


def vega_locale(lang: Lang = "fi") -> dict[str, Any]:
    """d3 number and time locale for Vega-Lite charts (``config.locale``), from the same CLDR
    data, so that hover values and axes in the app read like the rest of the page."""
    locale = LOCALES[lang]
    months = get_month_names("wide", context="stand-alone", locale=locale)
    short = get_month_names("abbreviated", context="stand-alone", locale=locale)
    days = get_day_names("wide", context="stand-alone", locale=locale)
    short_days = get_day_names("abbreviated", context="stand-alone", locale=locale)
    sunday_first = [6, 0, 1, 2, 3, 4, 5]  # d3 counts days from Sunday, Babel from Monday
    return {
        "number": {
            "decimal": get_decimal_symbol(locale),
            "thousands": get_group_symbol(locale),
            "grouping": [3],
            "currency": ["", "\u00a0€"] if lang == "fi" else ["€", ""],
            "minus": "−" if lang == "fi" else "-",
        },
        "time": {
            "dateTime": "%A, %-d. %Bta %Y klo %X" if lang == "fi" else "%a %e %b %X %Y",
            "date": "%-d.%-m.%Y" if lang == "fi" else "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["a.m.", "p.m."],
            "days": [str(days[d]) for d in sunday_first],
            "shortDays": [str(short_days[d]) for d in sunday_first],
            "months": [str(months[m]) for m in range(1, 13)],
            "shortMonths": [str(short[m]) for m in range(1, 13)],
        },
    }


__all__ = [
    "LOCALES",
    "MISSING",
    "Formatted",
    "date",
    "euros",
    "integer",
    "keep_together",
    "money",
    "money_range",
    "month",
    "month_names",
    "number",
    "percent",
    "signed",
    "significant",
    "timestamp",
    "vega_locale",
]
