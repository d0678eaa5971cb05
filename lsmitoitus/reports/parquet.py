"""Tidy result tables as Parquet (pyarrow), for sweeps too large for CSV.

A Parquet file keeps the frame as it is in memory: the tidy columns under their own names
(replication, date, area, unit, measure, value), dates as Parquet dates, area/unit/measure as
dictionary-encoded categories, values as 64-bit floats; :func:`read_parquet` gives back an equal
frame (``pandas.read_parquet`` too, with the dates as date objects). Each
file also carries, in its key-value metadata, the resolved scenario as TOML text (what
``lsmitoitus run`` accepts unchanged) and the run's metadata as JSON (versions, seed,
replications, …): a file is a complete record of how it was made, whatever folder it ends up in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

#: Metadata keys (bytes, as Parquet stores them).
SCENARIO_KEY = b"lsmitoitus.scenario_toml"
RUN_KEY = b"lsmitoitus.run_json"
#: zstd packs these highly repetitive tables well and every pyarrow build has it.
COMPRESSION = "zstd"


def write_parquet(frame: pd.DataFrame, path: Path, scenario_toml: str, run_meta: dict[str, Any]) -> None:
    """Write ``frame`` to ``path`` with the scenario and run metadata in the file's metadata."""
    table = _dates_as_dates(pa.Table.from_pandas(frame, preserve_index=False))
    metadata = dict(table.schema.metadata or {})
    metadata[SCENARIO_KEY] = scenario_toml.encode("utf-8")
    metadata[RUN_KEY] = json.dumps(run_meta, ensure_ascii=False, default=str).encode("utf-8")
    pq.write_table(table.replace_schema_metadata(metadata), path, compression=COMPRESSION)


@dataclass(frozen=True)
class ParquetResult:
    """A tidy table read back, with the scenario text and run metadata it was written with."""

    frame: pd.DataFrame
    scenario_toml: str
    run: dict[str, Any]


def read_parquet(path: Path) -> ParquetResult:
    """Read a table written by :func:`write_parquet` (the scenario: ``scenario_from_dict(
    tomllib.loads(result.scenario_toml))``)."""
    table = pq.read_table(path)
    metadata = table.schema.metadata or {}
    return ParquetResult(
        frame=_restore_types(table.to_pandas(), table.schema.pandas_metadata or {}),
        scenario_toml=metadata.get(SCENARIO_KEY, b"").decode("utf-8"),
        run=json.loads(metadata.get(RUN_KEY, b"{}").decode("utf-8")),
    )


def _dates_as_dates(table: Any) -> Any:
    """Timestamp columns holding only dates (month ends) stored as Parquet dates, which every
    reader (pandas, R, DuckDB, a spreadsheet's import) shows as dates; others are left as they are."""
    for i, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            try:
                dates = table.column(i).cast(pa.date32(), safe=True)
            except pa.ArrowInvalid:  # a time of day: not a date column
                continue
            table = table.set_column(i, pa.field(field.name, pa.date32()), dates)
    return table


def _restore_types(frame: pd.DataFrame, pandas_metadata: dict[str, Any]) -> pd.DataFrame:
    """Columns back to the dtypes they had in memory (dates were stored as Parquet dates; a
    pandas timestamp's resolution is not a Parquet type), from pyarrow's pandas metadata."""
    for column in pandas_metadata.get("columns", []):
        name, dtype = column.get("name"), str(column.get("numpy_type", ""))
        if name in frame and dtype.startswith("datetime64") and str(frame[name].dtype) != dtype:
            frame[name] = pd.to_datetime(frame[name]).astype(dtype)
    return frame
