"""Writing a run's outputs: all into a hidden temporary folder, then one atomic rename.

A run folder either appears complete or not at all, and an existing folder is never
overwritten.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pandas as pd
import simpy

from . import __version__
from .charts import caseload_figure, save_figure
from .costs import cost_frame, cost_summary
from .history import load_history
from .i18n import Lang, t
from .indicators import indicator_table
from .report import summary_text
from .results import MEASURES, SimulationResults, summarise
from .scenario_files import scenario_to_toml


def load_scenario_areas() -> tuple[str, ...]:
    """Areas of the bundled Kanta-Häme scenario: a scenario with these areas is compared with
    the bundled Kanta-Häme history by default."""
    from .scenario_files import load_scenario

    return load_scenario().area_names


class OutputExistsError(FileExistsError):
    """The chosen output folder already exists and is not empty."""


def default_out_dir(scenario_name: str, base: Path = Path("tulokset")) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return base / f"{scenario_name}-{stamp}"


@contextmanager
def atomic_folder(target: Path) -> Iterator[Path]:
    """Yield a temporary folder beside ``target``; rename it to ``target`` if the block succeeds."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise OutputExistsError(f"{target} already exists; choose another --out (nothing was overwritten)")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))
    try:
        yield tmp
        if target.exists():
            target.rmdir()  # empty by the check above; rename cannot replace it on every OS
        os.rename(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def write_new_text(path: Path, text: str) -> None:
    """Write a new file atomically (temporary file, then rename); never replace an existing one."""
    if path.exists():
        raise OutputExistsError(f"{path} already exists; choose another name (nothing was overwritten)")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.link(tmp_name, path)  # fails if path appeared meanwhile: no silent overwrite
    finally:
        os.unlink(tmp_name)


def _translated(df: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    return df.rename(columns={c: t(c, lang) for c in df.columns})


def measures_table(lang: Lang) -> pd.DataFrame:
    rows = [{"measure": m, "kind": kind, "label": t(m, lang)} for m, (kind, _) in MEASURES.items()]
    return _translated(pd.DataFrame(rows), lang)


def write_run(
    results: SimulationResults,
    target: Path,
    lang: Lang = "fi",
    source: str = "",
    observed: pd.DataFrame | None = None,
) -> Path:
    """Write CSVs, the resolved scenario, run metadata, the summary and the chart to ``target``.

    ``observed`` is the indicator history to compare with (default: the bundled Kanta-Häme
    history when the scenario is Kanta-Häme's, else none)."""
    scenario = results.scenario
    if observed is None and scenario.area_names == load_scenario_areas():
        observed = load_history()
    with atomic_folder(target) as tmp:
        _translated(results.monthly, lang).to_csv(tmp / "monthly.csv", index=False)
        _translated(results.yearly, lang).to_csv(tmp / "yearly.csv", index=False)
        _translated(results.summary("monthly"), lang).to_csv(tmp / "summary_monthly.csv", index=False)
        _translated(summarise(results.yearly), lang).to_csv(tmp / "summary_yearly.csv", index=False)
        measures_table(lang).to_csv(tmp / "measures.csv", index=False)
        _translated(results.point_in_time, lang).to_csv(tmp / "thl_point_in_time.csv", index=False)
        _translated(summarise(results.point_in_time), lang).to_csv(tmp / "summary_thl_point_in_time.csv", index=False)
        _translated(indicator_table(results, observed), lang).to_csv(tmp / "indicators.csv", index=False)
        costs = cost_frame(results)
        _translated(costs, lang).to_csv(tmp / "costs.csv", index=False)
        _translated(cost_summary(costs), lang).to_csv(tmp / "summary_costs.csv", index=False)
        header = (
            f"Resolved scenario as run by lsmitoitus {__version__} "
            f"on {dt.datetime.now().isoformat(timespec='seconds')}\n"
            f"source: {source}\n`lsmitoitus run` accepts this file unchanged and reproduces the run."
        )
        (tmp / "scenario.toml").write_text(scenario_to_toml(scenario, header), encoding="utf-8")
        meta = {
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
        (tmp / "run.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False), encoding="utf-8")
        (tmp / "summary.txt").write_text(summary_text(results, lang, observed) + "\n", encoding="utf-8")
        save_figure(caseload_figure(results, lang), tmp / "caseload.png")
    return target
