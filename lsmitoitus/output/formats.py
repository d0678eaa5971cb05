"""Numbers and dates as a Finnish (or English) reader writes them, by Babel's CLDR rules.

Finnish: decimal comma, a no-break space between thousands (12 345,7), day.month.year dates.
One place, so every report, table and message formats alike.
"""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from .i18n import Lang

LOCALES: dict[str, str] = {"fi": "fi_FI", "en": "en_GB"}


def number(value: float, lang: Lang = "fi", digits: int | None = None) -> str:
    """``value`` with ``digits`` decimals (None: as many as it has, up to three); NaN is a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    pattern = None if digits is None else ("#,##0" + ("." + "0" * digits if digits else ""))
    return format_decimal(value, format=pattern, locale=LOCALES[lang])


def percent(share: float, lang: Lang = "fi", digits: int = 0) -> str:
    """A share (0.153) as a percentage (15 %; Finnish puts a space before the sign)."""
    if share is None or (isinstance(share, float) and math.isnan(share)):
        return "–"
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + " %"
    return format_percent(share, format=pattern if lang == "fi" else pattern.replace(" %", "%"), locale=LOCALES[lang])


def date(day: dt.date, lang: Lang = "fi") -> str:
    """1.1.2025 in Finnish, 1 Jan 2025 in English."""
    return format_date(day, format="d.M.yyyy" if lang == "fi" else "d MMM yyyy", locale=LOCALES[lang])


# issue 13: budget planning
def euros(value: float, lang: Lang = "fi", millions: bool = False, signed: bool = False) -> str:
    """Euros as a budget writes them: 1 493 637 € (or 1,49 M€ with ``millions``; ``signed``: a
    plus sign on a positive amount); NaN is a dash."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if millions:
        pattern = "+#,##0.00;-#,##0.00" if signed else "#,##0.00"
        text = format_decimal(value / 1e6, format=pattern, locale=LOCALES[lang])
        return f"{text}\u00a0M€" if lang == "fi" else f"€{text} M"
    text = format_decimal(value, format="+#,##0;-#,##0" if signed else "#,##0", locale=LOCALES[lang])
    return f"{text}\u00a0€" if lang == "fi" else f"€{text}"
