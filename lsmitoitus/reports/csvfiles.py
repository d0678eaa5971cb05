"""CSV files that open right where they are read: the one rule every CSV writer follows.

* ``fi`` (the default with Finnish output), for people: semicolon between fields, decimal comma
  and a UTF-8 byte-order mark, so that a spreadsheet in a Finnish locale opens the file with a
  double click into columns of numbers (with commas and points it shows one column of text);
  identifiers are labels (``koko_alue`` is "koko alue", ``notifications``
  "lastensuojeluilmoitukset") and dates are written 31.1.2024, as a Finnish spreadsheet reads
  them (:func:`lsmitoitus.text.labels.for_people`).
* ``en`` (the default with English output, and the machine format for analysts): comma between
  fields, decimal point, plain UTF-8, identifiers as they are and ISO 8601 dates (2024-01-31):
  what ``pandas.read_csv`` and most tools expect.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ..text.i18n import Lang
from ..text.labels import for_people

CsvStyle = Literal["fi", "en"]
CSV_STYLES: tuple[CsvStyle, ...] = ("fi", "en")

#: pandas settings of each style, for writing and for reading back.
SETTINGS: dict[CsvStyle, dict[str, Any]] = {
    "fi": {"sep": ";", "decimal": ",", "encoding": "utf-8-sig"},
    "en": {"sep": ",", "decimal": ".", "encoding": "utf-8"},
}


def csv_style(style: str | None, lang: str) -> CsvStyle:
    """The style asked for, or the one that goes with the output language."""
    chosen = style or lang
    return "fi" if chosen == "fi" else "en"


def csv_bytes(frame: pd.DataFrame, style: CsvStyle = "fi", lang: Lang | None = None) -> bytes:
    """``frame`` as the bytes of a CSV file in ``style`` (no index); the ``fi`` style labels its
    identifiers in ``lang`` (default Finnish)."""
    settings = SETTINGS[style]
    if style == "fi":
        frame = for_people(frame, lang or "fi")
    text = frame.to_csv(index=False, sep=settings["sep"], decimal=settings["decimal"], date_format="%Y-%m-%d")
    return text.encode(settings["encoding"])


def write_csv(frame: pd.DataFrame, path: Path, style: CsvStyle = "fi", lang: Lang | None = None) -> None:
    """Write ``frame`` to ``path`` as a CSV file in ``style`` (labels of the ``fi`` style in ``lang``)."""
    path.write_bytes(csv_bytes(frame, style, lang))


def read_csv(source: Path | bytes, style: CsvStyle = "fi", **kwargs: Any) -> pd.DataFrame:
    """Read a CSV file written in ``style`` (for analysts and tests); ``parse_dates`` of the
    ``fi`` style reads 31.1.2024."""
    settings = SETTINGS[style]
    handle: Any = io.BytesIO(source) if isinstance(source, bytes) else source
    if style == "fi" and "parse_dates" in kwargs:
        kwargs.setdefault("date_format", "%d.%m.%Y")
    return pd.read_csv(
        handle, sep=settings["sep"], decimal=settings["decimal"], encoding=settings["encoding"], **kwargs
    )
