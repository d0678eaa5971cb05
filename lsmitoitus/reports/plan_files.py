"""Reading and writing staffing plans: a TOML file, or the plan sheet ("Suunnitelma") of the
workbook that ``lsmitoitus dimension`` writes, which a planner edits and gives back with
``--plan``.

A TOML plan is a list of steps with the fields of a scenario's ``staffing_plan``::

    [[staffing_plan]]
    start = 2026-03-01
    unit = "avohuolto"
    area = "Hämeenlinna"
    change = 2          # posts (FTE); negative removes, 0.5 is a half-time post
    lead = false        # optional: lead social workers' posts

The plan sheet has one step a row under a header row (start date, unit, area, change, lead);
other columns (team, note, instructions) are for the reader and ignored. Headers and units are
accepted in Finnish or English, dates as real dates or as 1.3.2026 / 2026-03-01 text, changes
with a decimal comma or point. Files are read with the same limits as scenarios (a regular
file, at most :data:`MAX_WORKBOOK_BYTES`), and every problem names the sheet and row.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import tomli_w
from openpyxl import load_workbook

from ..answers.plans import FIELDS, PlanError, RawStep, UncomputedFormula, parse_steps, plan_records
from ..scenario.files import parse_toml, read_bytes, read_text
from ..scenario.schema import PlanStep, Scenario
from ..text.i18n import LANGS, Msg, echo, t

#: Largest workbook read (bytes): the tool's own workbook is well under 1 MB.
MAX_WORKBOOK_BYTES = 20_000_000
#: Rows of a plan sheet read at most (more is refused, not silently cut).
MAX_ROWS = 10_000


def plan_sheet_name(lang: str = "fi") -> str:
    return t("sheet_plan", "fi" if lang == "fi" else "en")


def read_plan(path: Path, scenario: Scenario) -> list[PlanStep]:
    """The steps of a plan file (TOML or .xlsx), checked against ``scenario``."""
    shown = echo(str(path), plain=True)
    suffix = path.suffix.lower()
    if suffix == ".toml":
        return parse_steps(_toml_rows(read_text(path), shown), scenario, shown)
    if suffix in (".xlsx", ".xlsm"):
        return parse_steps(_sheet_rows(read_bytes(path, MAX_WORKBOOK_BYTES), shown), scenario, shown)
    raise PlanError(Msg("plan_suffix", path=shown))


def _toml_rows(text: str, source: str) -> list[RawStep]:
    data = parse_toml(text, source)
    unknown = sorted(set(data) - {"staffing_plan", "description"})
    steps = data.get("staffing_plan")
    if unknown or not isinstance(steps, list) or not all(isinstance(s, dict) for s in steps):
        raise PlanError(Msg("plan_toml_shape", path=source, keys=echo(", ".join(unknown) or "–", plain=True)))
    rows = []
    for i, step in enumerate(steps):
        extra = sorted(set(step) - set(FIELDS))
        if extra:
            raise PlanError(
                Msg(
                    "plan_toml_field",
                    path=source,
                    i=i + 1,
                    keys=echo(", ".join(extra), plain=True),
                    allowed=", ".join(FIELDS),
                )
            )
        rows.append(RawStep(Msg("plan_step_no", i=i + 1), step))
    return rows


def _header_names() -> dict[str, str]:
    """Every accepted header text (either language, case-folded) -> field."""
    names = {}
    for field in FIELDS:
        for lang in LANGS:
            names[t(f"plan_{field}", lang).casefold()] = field
        names[field] = field
    return names


def _sheet_rows(content: bytes, source: str) -> list[RawStep]:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        formulas = load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    except Exception as exc:  # whatever a foreign file breaks in the reader, it is not a workbook we can read
        raise PlanError(Msg("plan_not_xlsx", path=source, detail=echo(type(exc).__name__, plain=True))) from None
    try:
        return _rows_of(book, source, formulas)
    except PlanError:
        raise
    except Exception as exc:  # a damaged sheet inside a valid zip
        raise PlanError(Msg("plan_not_xlsx", path=source, detail=echo(type(exc).__name__, plain=True))) from None
    finally:
        book.close()
        formulas.close()


def _rows_of(book: Any, source: str, formulas: Any = None) -> list[RawStep]:
    """The plan sheet's steps: its header row names the columns; empty rows are skipped. A cell
    whose formula was never calculated (``formulas``: the same workbook with its formulas) is an
    :class:`~lsmitoitus.answers.plans.UncomputedFormula`, not a missing value."""
    wanted = {plan_sheet_name(lang).casefold() for lang in LANGS}
    name = next((n for n in book.sheetnames if n.casefold() in wanted), None)
    if name is None:
        sheets = echo(", ".join(book.sheetnames), plain=True, limit=200)
        raise PlanError(Msg("plan_no_sheet", path=source, sheet=plan_sheet_name("fi"), sheets=sheets))
    sheet = book[name]
    rows = sheet.iter_rows(values_only=True, max_row=MAX_ROWS + 2)
    header = next(rows, None) or ()
    names = _header_names()
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        field = names.get(str(cell).strip().casefold()) if cell is not None else None
        if field is not None and field not in columns:
            columns[field] = index
    missing = [f for f in FIELDS if f != "lead" and f not in columns]
    if missing:
        raise PlanError(
            Msg(
                "plan_columns",
                path=source,
                sheet=name,
                missing=", ".join(t(f"plan_{f}", "fi") for f in missing),
                expected=", ".join(t(f"plan_{f}", "fi") for f in FIELDS),
            )
        )
    written = formulas[name].iter_rows(values_only=True, max_row=MAX_ROWS + 2) if formulas is not None else None
    if written is not None:
        next(written, None)  # the header
    out = []
    for number, row in enumerate(rows, start=2):
        if number > MAX_ROWS + 1:
            raise PlanError(Msg("plan_too_many", path=source, n=f"> {MAX_ROWS}", limit=MAX_ROWS))
        values: dict[str, Any] = {f: (row[i] if i < len(row) else None) for f, i in columns.items()}
        as_written = next(written, ()) if written is not None else ()
        for field, i in columns.items():
            formula = as_written[i] if i < len(as_written) else None
            if values[field] is None and isinstance(formula, str) and formula.startswith("="):
                values[field] = UncomputedFormula(formula)
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue  # an empty row (or one with only a note)
        out.append(RawStep(Msg("plan_row", sheet=name, row=number), values))
    return out


def plan_to_toml(steps: list[PlanStep], header: str = "") -> str:
    """A plan file that :func:`read_plan` reads back to the same steps."""

    comment = "".join(f"# {line}\n" for line in header.splitlines())
    return comment + tomli_w.dumps({"staffing_plan": plan_records(steps)})
