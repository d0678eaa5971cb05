"""Published indicator history (THL Sotkanet, long format) for calibration and back-tests.

Columns: indicator, sotkanet_id, region, year, value, unit[, meaning]. ``unit`` is ``count`` or
``percent_of_0_17``; both are accepted for the same indicator and year.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pandas as pd

from .scenario.files import ScenarioError
from .scenario.schema import Scenario

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
BUNDLED_HISTORY = "kanta-hame-history.csv"


def bundled_history_path() -> Path:
    return Path(str(resources.files("lsmitoitus") / "data" / BUNDLED_HISTORY))


def load_history(path: str | Path | None = None, region: str | None = "Kanta-Häme") -> pd.DataFrame:
    """Observed indicators as rows (indicator, year, unit, value) for one region.

    Raises :class:`ScenarioError` with the file and row for anything it cannot use.
    """
    path = Path(path) if path is not None else bundled_history_path()
    try:
        df = pd.read_csv(path)
    except FileNotFoundError:
        raise ScenarioError(f"{path}: file not found") from None
    except (pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: not a readable CSV file: {exc}") from None
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise ScenarioError(f"{path}: missing columns {missing}; expected {list(REQUIRED)}")
    bad_unit = df[~df["unit"].isin(UNITS_ACCEPTED)]
    if not bad_unit.empty:
        row = int(bad_unit.index[0]) + 2
        raise ScenarioError(f"{path}: row {row}: unit {bad_unit['unit'].iloc[0]!r}; allowed: {list(UNITS_ACCEPTED)}")
    values = pd.to_numeric(df["value"], errors="coerce")
    years = pd.to_numeric(df["year"], errors="coerce")
    broken = df[values.isna() | years.isna() | (values < 0)]
    if not broken.empty:
        row = int(broken.index[0]) + 2
        raise ScenarioError(f"{path}: row {row}: year and value must be numbers ≥ 0")
    df = df.assign(value=values.astype(float), year=years.astype(int))
    if region is not None:
        if region not in set(df["region"]):
            raise ScenarioError(f"{path}: no rows for region {region!r} (regions: {sorted(set(df['region']))})")
        df = df[df["region"] == region]
    known = df[df["indicator"].isin(INDICATORS)]
    return known[["indicator", "year", "unit", "value"]].reset_index(drop=True)


def default_history(scenario: Scenario) -> pd.DataFrame | None:
    """The published history a run is compared with by default: the bundled Kanta-Häme history
    for scenarios with the bundled default's areas, none for any other."""
    from .scenario.files import load_scenario

    return load_history() if scenario.area_names == load_scenario().area_names else None
