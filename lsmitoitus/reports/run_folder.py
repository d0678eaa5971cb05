"""Writing a run's outputs: all into a hidden temporary folder, then one atomic rename."""

from __future__ import annotations

import datetime as dt
import json
import platform
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
import simpy

from .._version import __version__
from ..answers.costs import cost_frame, cost_summary
from ..answers.indicators import indicator_table
from ..scenario.files import scenario_to_toml
from ..simulation.results import SimulationResults, summarise
from ..text.formats import timestamp
from ..text.i18n import Lang, echo, t
from ..text.measures import MEASURES
from . import report_data
from .charts import caseload_figure, save_figure
from .csvfiles import CsvStyle, csv_style, write_csv
from .folders import write_folder
from .parquet import write_parquet
from .summary import summary_text

#: How the large per-replication tables are written.
TableFormat = Literal["csv", "parquet"]
TABLE_FORMATS: tuple[TableFormat, ...] = ("csv", "parquet")


def _translated(df: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return df.rename(columns={c: t(c, lang) for c in df.columns})


def measures_table(lang: Lang) -> pd.DataFrame:
    rows = [{"measure": m.name, "kind": m.kind, "label": m.label(lang)} for m in MEASURES.values()]
    return _translated(pd.DataFrame(rows), lang)


def write_run(
    results: SimulationResults,
    target: Path,
    lang: Lang = "fi",
    source: str = "",
    observed: pd.DataFrame | None = None,
    csv: CsvStyle | None = None,
    table_format: TableFormat = "csv",
) -> Path:
    """Write CSVs, the resolved scenario, run metadata, the summary and the chart to ``target``.

    ``observed`` is the indicator history to compare with (none: no comparison); ``csv`` the CSV
    style (default: the one that goes with ``lang``, see :mod:`.csvfiles`). With
    ``table_format="parquet"`` the per-replication tidy tables (monthly, yearly, THL days) are
    Parquet files carrying the scenario and the run metadata; summaries stay CSV."""
    scenario = results.scenario
    style = csv_style(csv, lang)
    header = t(
        "toml_header_run",
        lang,
        version=__version__,
        when=timestamp(dt.datetime.now().replace(microsecond=0), lang),
        source=echo(source, plain=True, limit=1000),
    )
    scenario_text = scenario_to_toml(scenario, header)
    meta = run_metadata(results, source)

    def write(tmp: Path) -> None:
        for name, frame in (
            ("monthly", results.monthly),
            ("yearly", results.yearly),
            ("thl_point_in_time", results.point_in_time),
        ):
            if table_format == "parquet":
                write_parquet(frame, tmp / f"{name}.parquet", scenario_text, meta)
            else:
                write_csv(_translated(frame, lang), tmp / f"{name}.csv", style, lang)
        write_csv(_translated(results.summary("monthly"), lang), tmp / "summary_monthly.csv", style, lang)
        write_csv(_translated(summarise(results.yearly), lang), tmp / "summary_yearly.csv", style, lang)
        write_csv(measures_table(lang), tmp / "measures.csv", style, lang)
        write_csv(
            _translated(summarise(results.point_in_time), lang), tmp / "summary_thl_point_in_time.csv", style, lang
        )
        write_csv(_translated(indicator_table(results, observed), lang), tmp / "indicators.csv", style, lang)
        costs = cost_frame(results)
        write_csv(_translated(costs, lang), tmp / "costs.csv", style, lang)
        write_csv(_translated(cost_summary(costs), lang), tmp / "summary_costs.csv", style, lang)
        (tmp / "scenario.toml").write_text(scenario_text, encoding="utf-8")
        (tmp / "run.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        (tmp / "summary.txt").write_text(summary_text(results, lang, observed) + "\n", encoding="utf-8")
        figure = caseload_figure(results, lang)
        save_figure(figure, tmp / "caseload.png")
        save_figure(figure, tmp / "caseload.svg")
        report_data.write(report_data.run_data(results, lang), tmp)

    return write_folder(target, write)


def run_metadata(results: SimulationResults, source: str = "") -> dict[str, object]:
    """What made a run: versions, scenario, seed, replications, processes or cluster, time."""
    scenario = results.scenario
    meta: dict[str, object] = {
        "lsmitoitus": __version__,
        "scenario": scenario.name,
        "source": source,
        "seed": scenario.simulation.seed,
        "replications": scenario.simulation.replications,
        "jobs": results.jobs,
        "events": results.events,
        "seconds": round(results.seconds, 3),
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "numpy": np.__version__,
        "pandas": pd.__version__,
        "simpy": simpy.__version__,
    }
    if "cluster" in results.meta:
        meta["cluster"] = results.meta["cluster"]
    return meta
