"""Published indicator history (THL Sotkanet, long format) for calibration and back-tests.

Columns: indicator, sotkanet_id, region, year, value, unit[, meaning]. ``unit`` is ``count`` or
``percent_of_0_17``; both are accepted for the same indicator and year.
"""

from __future__ import annotations

import io
import math
from importlib import resources
from pathlib import Path

import pandas as pd

from ..text.i18n import Msg, echo
from .errors import ScenarioError
from .files import load_scenario, read_text
from .schema import Scenario

REQUIRED = ("indicator", "region", "year", "value", "unit")
UNITS_ACCEPTED = ("count", "percent_of_0_17")
#: The five THL indicators the model reproduces (Sotkanet numbers in brackets in the README).
INDICATORS = (
    "lastensuojeluilmoitukset",
    "avohuollon_asiakkaat_0_17",
    "huostassa_0_17",
    "kiireellisesti_sijoitetut_0_17",
    "kodin_ulkopuolelle_sijoitetut_0_17",
)
#: counts a history may also give (national figures; :mod:`lsmitoitus.calibration.evidence`)
EVIDENCE_INDICATORS = ("huostaanotot", "jalkihuollossa_18_plus", "listoilla_lapsia")
BUNDLED_HISTORY = "kanta-hame-history.csv"
#: Largest history file read (bytes): THL's figures for every county and year fit many times over.
MAX_HISTORY_BYTES = 20_000_000
YEARS = (1990, 2100)
#: Smallest share of children accepted (per cent): one child in a hundred thousand.
MIN_PERCENT = 0.001


def bundled_history_path() -> Path:
    return Path(str(resources.files("lsmitoitus") / "data" / BUNDLED_HISTORY))


def _row_error(source: str, row: int, problem: Msg) -> ScenarioError:
    return ScenarioError(Msg("history_row", path=source, row=row, problem=problem))


def _checked_rows(df: pd.DataFrame, source: str) -> pd.DataFrame:
    """Every row's unit, year and value checked; rows as (indicator, region, year, unit, value)."""
    rows = []
    for i, rec in enumerate(df[list(REQUIRED)].itertuples(index=False), start=2):  # line 1 is the header
        indicator, region, year_text, value_text, unit = (str(x).strip() for x in rec)
        if unit not in UNITS_ACCEPTED:
            raise _row_error(source, i, Msg("history_unit", unit=echo(unit), allowed=", ".join(UNITS_ACCEPTED)))
        try:
            year = int(year_text)
        except ValueError:
            raise _row_error(
                source, i, Msg("history_year", value=echo(year_text), low=YEARS[0], high=YEARS[1])
            ) from None
        if not YEARS[0] <= year <= YEARS[1]:
            raise _row_error(source, i, Msg("history_year", value=echo(year_text), low=YEARS[0], high=YEARS[1]))
        try:
            value = float(value_text)
        except ValueError:
            raise _row_error(source, i, Msg("history_value", value=echo(value_text))) from None
        if not math.isfinite(value) or value <= 0.0:
            raise _row_error(source, i, Msg("history_value", value=echo(value_text)))
        if unit == "percent_of_0_17" and value > 100.0:
            raise _row_error(source, i, Msg("history_percent", value=echo(value_text)))
        if unit == "percent_of_0_17" and value < MIN_PERCENT:  # 1e-300 sent the fit to absurd multipliers
            raise _row_error(source, i, Msg("history_percent_small", value=echo(value_text)))
        if unit == "count" and value < 1.0:
            raise _row_error(source, i, Msg("history_count_small", value=echo(value_text)))
        rows.append((i, indicator, region, year, unit, value))
    return pd.DataFrame(rows, columns=["row", "indicator", "region", "year", "unit", "value"])


def _refuse_conflicts(rows: pd.DataFrame, source: str) -> pd.DataFrame:
    """Rows that repeat an indicator, region, year and unit must agree; exact repeats are dropped."""
    key = ["indicator", "region", "year", "unit"]
    for _, group in rows.groupby(key, sort=False):
        if group["value"].nunique() > 1:
            first, second = group.iloc[0], group[group["value"] != group["value"].iloc[0]].iloc[0]
            raise ScenarioError(
                Msg(
                    "history_conflict",
                    path=source,
                    row1=int(first["row"]),
                    row2=int(second["row"]),
                    indicator=echo(first["indicator"]),
                    region=echo(first["region"]),
                    year=int(first["year"]),
                    value1=f"{first['value']:g}",
                    value2=f"{second['value']:g}",
                )
            )
    return rows.drop_duplicates(subset=key)


def load_history(path: str | Path | None = None, region: str | None = "Kanta-Häme") -> pd.DataFrame:
    """Observed indicators as rows (indicator, year, unit, value) for one region.

    Raises :class:`ScenarioError` with the file and row for anything it cannot use: a file that
    is not a readable UTF-8 CSV (or is empty, a folder, too large), a missing column, a unit,
    year or value out of place (values must be finite, counts at least 1, percentages from 0.001
    to 100), or two rows giving different values for the same indicator, region, year and unit.
    """
    path = Path(path) if path is not None else bundled_history_path()
    source = echo(str(path), plain=True)
    text = read_text(path, MAX_HISTORY_BYTES)
    if not text.strip():
        raise ScenarioError(Msg("history_empty", path=source))
    try:
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
        detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        raise ScenarioError(Msg("history_not_csv", path=source, detail=echo(detail, plain=True))) from None
    df.columns = [str(c).strip() for c in df.columns]
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise ScenarioError(
            Msg("history_columns", path=source, missing=", ".join(missing), expected=", ".join(REQUIRED))
        )
    if df.empty:
        raise ScenarioError(Msg("history_no_rows", path=source))
    rows = _refuse_conflicts(_checked_rows(df, source), source)
    if region is not None:
        regions = sorted(set(rows["region"]))
        if region not in regions:
            raise ScenarioError(
                Msg("history_region", path=source, region=echo(region), regions=echo(", ".join(regions), plain=True))
            )
        rows = rows[rows["region"] == region]
    known = rows[rows["indicator"].isin((*INDICATORS, *EVIDENCE_INDICATORS))]
    return known[["indicator", "year", "unit", "value"]].reset_index(drop=True)


def default_history(scenario: Scenario) -> pd.DataFrame | None:
    """The published history a run is compared with by default: the bundled Kanta-Häme history
    for scenarios with the bundled default's areas, none for any other."""
    return load_history() if scenario.area_names == load_scenario().area_names else None
