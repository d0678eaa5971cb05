"""What a report for the board needs, stored in every results folder as ``raportti.json``.

``run``, ``dimension`` and ``compare`` each write this file next to their other outputs
(added in a backwards-compatible way: no other file changes). It holds, free of any language,
the resolved scenario(s), the tables and the chart data the report draws, so that
``lsmitoitus report`` can write the report later, in either language, without simulating again.
Frames are stored in pandas' JSON "table" format, which keeps their column types and dates.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import pandas as pd

from .._version import __version__
from ..answers.comparison import comparison_table
from ..answers.costs import cost_frame, cost_summary
from ..answers.dimensioning import DimensioningResult
from ..answers.staffing_answer import FundedCheck, StaffingAnswer, answer_of, funded_check, funded_compliance
from ..scenario.schema import Scenario
from ..simulation.results import SimulationResults
from ..text.i18n import Lang
from ..vocabulary import ALL
from .charts import caseload_summary
from .summary import caseload_table

#: The file's name in a results folder, and the version of its layout.
FILE = "raportti.json"
FORMAT = 1
KINDS = ("run", "dimension", "compare")


def _frame_json(frame: pd.DataFrame) -> Any:
    # 15 digits: a report rounds the numbers it reads back exactly as the run that wrote them
    text = frame.reset_index(drop=True).to_json(orient="table", date_format="iso", index=False, double_precision=15)
    return json.loads(text)


def _frame(data: Any) -> pd.DataFrame:
    return pd.read_json(io.StringIO(json.dumps(data)), orient="table")


def _county_costs(results: SimulationResults) -> pd.DataFrame:
    summary = cost_summary(cost_frame(results))
    return summary[summary["area"] == ALL].drop(columns="area").reset_index(drop=True)


def _base(kind: str, lang: Lang, scenarios: Sequence[Scenario]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "kind": kind,
        "lsmitoitus": __version__,
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "lang": lang,
        "scenarios": [s.model_dump(mode="json") for s in scenarios],
    }


def run_data(results: SimulationResults, lang: Lang = "fi") -> dict[str, Any]:
    """A run: the caseload chart's summary, the yearly caseload table and the county's costs."""
    data = _base("run", lang, [results.scenario])
    data["frames"] = {
        "caseload": _frame_json(caseload_summary(results)),
        "caseload_table": _frame_json(caseload_table(results)),
        "costs": _frame_json(_county_costs(results)),
        "funded_compliance": _frame_json(funded_compliance(results)),
    }
    data["replications"] = int(results.scenario.simulation.replications)
    return data


def _dimension_frames(result: DimensioningResult) -> dict[str, Any]:
    """The tables a report rebuilds the answer from (:func:`lsmitoitus.answers.staffing_answer.answer_of`)."""
    monthly = result.monthly[
        ["date", "unit", "team", "funded_posts", "required_posts_p50", "required_posts_conf", "compliance_probability"]
    ]
    frames = {
        "units": _frame_json(result.units),
        "yearly": _frame_json(result.yearly),
        "monthly": _frame_json(monthly),
        "costs": _frame_json(_county_costs(result.results)),
    }
    for name in ("readings", "decomposition", "continuity", "precision", "per_replication"):
        frame = getattr(result, name)
        if not frame.empty:
            frames[name] = _frame_json(frame)
    return frames


def _dimension_meta(result: DimensioningResult) -> dict[str, Any]:
    return {
        "target": result.target,
        "target_from": result.target_from.isoformat(),
        "confidence": result.confidence,
        "capped": result.capped,
        "reading": result.reading,
        "practices": dict(result.practices),
        "replications": int(result.meta.get("replications", 0)),  # type: ignore[call-overload]
        "plan": result.meta.get("plan"),
    }


def answer_data(answer: StaffingAnswer) -> dict[str, Any]:
    """The answer, language-free: its headline facts and :meth:`StaffingAnswer.rows` (every reading
    and practice by year for the county, each unit and team, with the fields ``reading`` and
    ``allocation``), for analysts and the notebooks."""
    year = answer.year(answer.headline_year)
    return {
        "scenario": answer.scenario,
        "plan": answer.plan,
        "reading": answer.reading,
        "allocation": answer.practice,
        "compare_allocation": answer.compare_practice,
        "confidence": answer.confidence,
        "level": answer.level,
        "carried": answer.carried,
        "replications": answer.replications,
        "year": answer.headline_year,
        "required_posts": year["required"],
        "required_posts_half_width": year["half_width"],
        "funded_posts": year["funded_posts"],
        "gap_posts": answer.gap_whole,
        "extra_posts": answer.extra_posts,
        "meets": answer.meets,
        "failing_years": answer.failing_years,
        "short_teams": [
            {
                "unit": x.unit,
                "team": x.team,
                "first_short_year": x.first_short_year,
                "first_failing_day": x.first_failing_day.isoformat() if x.first_failing_day else None,
                "extra_posts": x.extra_posts,
                "short_years": list(x.short_years),
            }
            for x in answer.short_teams
        ],
        "parts": answer.parts_of(),
        "rows": answer.rows(),
    }


def dimension_data(
    result: DimensioningResult, lang: Lang = "fi", answer: StaffingAnswer | None = None
) -> dict[str, Any]:
    """A dimensioning run: its answer (language-free, with every reading and practice as rows),
    the tables it is built from, and the costs."""
    answer = answer_of(result) if answer is None else answer
    data = _base("dimension", lang, [result.scenario])
    data["dimensioning"] = [_dimension_meta(result)]
    data["frames"] = _dimension_frames(result)
    data["answer"] = plain(answer_data(answer))
    return data


def plain(value: Any) -> Any:
    """``value`` as strict JSON data: numpy numbers as numbers, dates as ISO text, NaN as null."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def compare_data(
    results: Sequence[DimensioningResult], lang: Lang = "fi", whatif: dict[str, Any] | None = None
) -> dict[str, Any]:
    """Several dimensioning runs with common random numbers, and their cost differences;
    ``whatif``: the app's edit and the difference it makes (:func:`lsmitoitus.answers.comparison.whatif_facts`)."""
    data = _base("compare", lang, [r.scenario for r in results])
    if whatif:
        data["whatif"] = plain(whatif)
    data["dimensioning"] = [_dimension_meta(r) for r in results]
    data["per_scenario"] = [_dimension_frames(r) for r in results]
    rows = []
    data["answers"] = [plain(answer_data(answer_of(r))) for r in results]
    for r, row in zip(results, comparison_table(results).to_dict("records"), strict=True):
        rows.append(
            {
                "scenario": r.scenario.name,
                "clients_last_year": float(row["clients_last_year"]),
                "funded_posts": float(row["funded_posts"]),
                "required_last_year": float(row["required_last_year"]),
                "extra_posts": float(row["extra_posts"]),
                "units_in_breach": int(row["units_in_breach"]),
                "started_late": row["assessments_started_late_share"],
                "completed_late": row["assessments_completed_late_share"],
                **{k: float(row[k]) for k in row if str(k).startswith("cost_")},
            }
        )
    data["comparison"] = rows
    return data


def write(data: dict[str, Any], folder: Path) -> None:
    """Write ``data`` as :data:`FILE` into ``folder`` (a temporary folder of an atomic write)."""
    (folder / FILE).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


@dataclass
class ReportData:
    """A results folder's report data, read back: scenarios validated again, frames rebuilt."""

    kind: str
    version: str
    created: dt.datetime
    lang: Lang
    scenarios: list[Scenario]
    frames: dict[str, pd.DataFrame] = field(default_factory=dict)
    dimensioning: list[DimensioningResult] = field(default_factory=list)
    comparison: list[dict[str, Any]] = field(default_factory=list)
    answer: dict[str, Any] = field(default_factory=dict)  # the dimensioning answer, language-free
    check: FundedCheck | None = None  # a run's check of the funded posts against the reading
    whatif: dict[str, Any] = field(default_factory=dict)  # a what-if's difference from its base


def _dimensioning_result(scenario: Scenario, meta: dict[str, Any], frames: dict[str, Any]) -> DimensioningResult:
    """A :class:`DimensioningResult` with the tables a report reads (no replications behind it),
    from which :func:`lsmitoitus.answers.staffing_answer.answer_of` rebuilds the same answer."""
    empty = pd.DataFrame()

    def table(name: str) -> pd.DataFrame:
        return _frame(frames[name]) if name in frames else pd.DataFrame()

    result = DimensioningResult(
        scenario=scenario,
        target=meta["target"],
        target_from=dt.date.fromisoformat(meta["target_from"]),
        confidence=float(meta["confidence"]),
        results=cast(SimulationResults, None),  # the report never simulates
        monthly=_frame(frames["monthly"]),
        yearly=_frame(frames["yearly"]),
        units=_frame(frames["units"]),
        decomposition=table("decomposition"),
        assessment=empty,
        requirement=empty,
        capped=bool(meta["capped"]),
        readings=table("readings"),
        continuity=table("continuity"),
        precision=table("precision"),
        per_replication=table("per_replication"),
        reading=str(meta.get("reading", "monitoring_days")),
        practices=dict(meta.get("practices", {})),
        meta={"replications": int(meta.get("replications", 0))},
    )
    if meta.get("plan"):
        result.meta["plan"] = meta["plan"]
    return result


def parse(data: dict[str, Any]) -> ReportData:
    """The report data of a parsed :data:`FILE` (KeyError, ValueError or TypeError if damaged)."""
    if data.get("format") != FORMAT or data.get("kind") not in KINDS:
        raise ValueError(f"format {data.get('format')!r}, kind {data.get('kind')!r}")
    scenarios = [Scenario.model_validate(s) for s in data["scenarios"]]
    report = ReportData(
        kind=data["kind"],
        version=str(data["lsmitoitus"]),
        created=dt.datetime.fromisoformat(data["created"]),
        lang="en" if data.get("lang") == "en" else "fi",
        scenarios=scenarios,
    )
    if report.kind == "run":
        report.frames = {name: _frame(frame) for name, frame in data["frames"].items()}
        if "funded_compliance" in report.frames:
            compliance = report.frames["funded_compliance"]
            compliance["date"] = pd.to_datetime(compliance["date"]).dt.tz_localize(None)
            n = int(data.get("replications", scenarios[0].simulation.replications))
            report.check = funded_check(compliance, scenarios[0], n)
    elif report.kind == "dimension":
        report.frames = {"costs": _frame(data["frames"]["costs"])}
        report.dimensioning = [_dimensioning_result(scenarios[0], data["dimensioning"][0], data["frames"])]
        report.answer = dict(data.get("answer", {}))
    else:
        report.dimensioning = [
            _dimensioning_result(s, m, f)
            for s, m, f in zip(scenarios, data["dimensioning"], data["per_scenario"], strict=True)
        ]
        report.frames = {"costs": _frame(data["per_scenario"][0]["costs"])}
        report.comparison = list(data["comparison"])
        report.whatif = dict(data.get("whatif") or {})
        for i, frames in enumerate(data["per_scenario"]):
            report.frames[f"costs_{i}"] = _frame(frames["costs"])
    return report
