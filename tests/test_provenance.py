"""Provenance: the bundled default's ``[provenance]`` table agrees with docs/sources.md, every key
names a parameter, lookups pick the most specific key, and unmarked parameters are assumptions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.scenario.provenance import provenance_of
from lsmitoitus.scenario.uncertainty import expand

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "docs" / "sources.md"
STATUS_WORDS = {"sourced": "sourced", "derived": "sourced", "fitted": "fitted", "assumption": "assumed"}


def documented() -> list[tuple[str, str, str]]:
    """(parameter path, status, row) for every backticked path in a *scenario key* column of
    docs/sources.md, with the status its *status and source* (or the law's *source*) column gives."""
    rows: list[tuple[str, str, str]] = []
    header: list[str] | None = None
    fields = set(Scenario.model_fields)
    for line in SOURCES.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = None
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set(line) <= {"|", "-", " "} or "scenario key" not in header:
            continue
        key_cell = cells[header.index("scenario key")]
        status_column = "status and source" if "status and source" in header else "source"
        status_cell = cells[header.index(status_column)].lower()
        first = re.match(r"[a-z]+", status_cell)
        if status_column == "source":  # the law: sourced unless the cell says otherwise
            status = "assumed" if status_cell.startswith("assumption") else "sourced"
        else:
            assert first and first.group() in STATUS_WORDS, f"no status at the start of: {line}"
            status = STATUS_WORDS[first.group()]
        for token in re.findall(r"`([^`]+)`", key_cell):
            path = token.split(" ")[0]
            if path.split(".")[0] in fields:
                rows.append((path, status, line))
    return rows


@pytest.mark.unit
def test_the_defaults_provenance_is_the_one_in_docs_sources() -> None:
    default = load_scenario()
    rows = documented()
    assert len(rows) > 30  # the parser really reads the tables
    data = default.model_dump()
    stale = [path for path, _, _ in rows if not expand(data, path)]
    assert stale == [], "docs/sources.md names parameters the scenario does not have"
    by_path: dict[str, set[str]] = {}
    for path, status, _ in rows:
        by_path.setdefault(path, set()).add(status)
    assert {p: s for p, s in by_path.items() if len(s) > 1} == {}, "one parameter, two statuses in the docs"
    assert set(default.provenance) == set(by_path)
    wrong = {p: (default.provenance[p].status, s) for p, (s,) in by_path.items() if default.provenance[p].status != s}
    assert wrong == {}


@pytest.mark.unit
def test_lookup_takes_the_most_specific_key_and_defaults_to_an_assumption() -> None:
    default = load_scenario()
    found = provenance_of(default, "staffing.avohuolto.Forssa.social_workers")
    assert found is not None and found[0] == "staffing.avohuolto.*.social_workers" and found[1].status == "sourced"
    fill = provenance_of(default, "staffing.avohuolto.Forssa.fill_rate")
    assert fill is not None and fill[0] == "staffing.*.*.fill_rate" and fill[1].status == "assumed"
    assert provenance_of(default, "staffing.avohuolto.Forssa.absences.sick_leave_mean_days") is None  # not marked
    shares = provenance_of(default, "areas.Forssa.notification_share")
    assert shares is not None and shares[1].status == "assumed"  # more specific than `areas` (sourced)
    series = provenance_of(default, "conversion.avohuolto.values")  # a table one year of which is fitted
    assert series is not None and series[0] == "conversion.avohuolto.values.2022" and series[1].status == "fitted"


@pytest.mark.unit
def test_a_provenance_key_must_name_a_parameter() -> None:
    data = load_scenario().model_dump()
    data["provenance"] = {"caseload.limitt": {"status": "sourced", "source": "x"}}
    with pytest.raises(ValueError, match=r"caseload\.limitt"):
        Scenario.model_validate(data)
    data["provenance"] = {"caseload.limit": {"status": "guessed", "source": "x"}}
    with pytest.raises(ValueError, match="status"):
        Scenario.model_validate(data)
