"""The one translation table is complete: every measure, column, unit and cost category has a
Finnish and an English text, and a missing one is an error, never a raw key on screen."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from lsmitoitus.answers.costs import CATEGORIES, TOTAL
from lsmitoitus.simulation.results import COLUMNS, QUANTILES
from lsmitoitus.text.i18n import ECHO_LIMIT, LANGS, TEXT, MissingTranslation, Msg, UserError, echo, t
from lsmitoitus.text.measures import MEASURES
from lsmitoitus.vocabulary import ALL, COST_CATEGORIES, GROUP_UNIT, PLACEMENT_TYPES, STATES, UNITS

pytestmark = pytest.mark.unit

DIMENSIONING_COLUMNS = (
    "funded_posts",
    "expected_in_post",
    "required_posts_p50",
    "gap_posts",
    "compliance_probability",
    "min_compliance",
    "first_breach",
    "months_in_breach",
    "required_last_year",
    "required_first_projected",
    "extra_posts",
    "year",
    # the staffing answer's tables (reports/answer.py, the workbook, raportti.json's readers)
    "required_posts",
    "required_half_width",
    "failing_days",
    "first_short_year",
    "first_failing_day",
    "extra_cost",
    *(f"part_{p}" for p in ("mean_list", "month_to_month", "whole_posts", "vacancies", "absences", "uneven_lists")),
    *(f"reading_name_{r}" for r in ("monitoring_days", "month_ends", "mean_list")),
    *(f"practice_name_{a}" for a in ("round_robin", "managed", "least_loaded", "balanced", "random")),
)


#: Every key a table column, unit or category shows under: each needs both languages.
SHOWN_KEYS = sorted(
    {*COLUMNS, *QUANTILES, "mean", *STATES, *UNITS, *PLACEMENT_TYPES, *COST_CATEGORIES, *GROUP_UNIT.values(), ALL}
    | {*CATEGORIES, TOTAL, *DIMENSIONING_COLUMNS}
)


def _report(problems: list[str]) -> str:
    """Every problem of a table-wide check in one failure message."""
    return f"{len(problems)} problem(s):\n" + "\n".join(problems)


def test_every_measure_has_both_labels() -> None:
    """Each measure of the registry: non-empty Finnish and English labels, which the translation
    table gives as they are, and only known units."""
    known_units = {*STATES, *UNITS, *PLACEMENT_TYPES, *COST_CATEGORIES, *GROUP_UNIT.values(), ALL}
    problems = []
    for name in sorted(MEASURES):
        measure = MEASURES[name]
        if not (measure.fi.strip() and measure.en.strip()):
            problems.append(f"{name}: an empty label (fi {measure.fi!r}, en {measure.en!r})")
        for lang, label in zip(LANGS, (measure.fi, measure.en), strict=True):
            try:
                text = t(name, lang)
            except MissingTranslation:
                problems.append(f"{name}: no {lang} text in the translation table")
                continue
            if text != label:
                problems.append(f"{name}: the table's {lang} text {text!r} is not the measure's label {label!r}")
        if unknown := sorted(set(measure.units) - known_units):
            problems.append(f"{name}: unknown units {unknown}")
    assert len(MEASURES) > 40
    assert problems == [], _report(problems)


def test_every_column_unit_and_category_has_both_languages() -> None:
    problems = []
    for key in SHOWN_KEYS:
        for lang in LANGS:
            try:
                text = t(key, lang)
            except MissingTranslation:
                problems.append(f"{key}: no {lang} text")
                continue
            if not text.strip():
                problems.append(f"{key}: the {lang} text is empty")
    assert len(SHOWN_KEYS) > 30
    assert problems == [], _report(problems)


def test_every_table_entry_has_two_non_empty_texts() -> None:
    problems = [key for key, pair in TEXT.items() if not (len(pair) == 2 and all(p.strip() for p in pair))]
    assert problems == [], _report(problems)


def test_a_missing_translation_raises() -> None:
    with pytest.raises(MissingTranslation, match="no_such_key"):
        t("no_such_key")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_both_languages_keep_the_line_structure_and_fields() -> None:
    problems = []
    for key in sorted(TEXT):
        fi, en = TEXT[key]
        if fi.count("\n") != en.count("\n"):
            problems.append(f"{key}: {fi.count(chr(10)) + 1} lines in Finnish, {en.count(chr(10)) + 1} in English")
        if fi.startswith("  ") != en.startswith("  "):  # indented problem lines stay indented
            problems.append(f"{key}: indented in one language only")
        if _fields(fi) != _fields(en):
            problems.append(f"{key}: fields {sorted(_fields(fi))} in Finnish, {sorted(_fields(en))} in English")
    assert len(TEXT) > 500
    assert problems == [], _report(problems)


def test_every_message_key_used_in_the_code_is_in_the_table() -> None:
    """Messages are built as ``Msg("key", …)`` or ``t("key", …)``: each key must exist (a typo
    would otherwise only show up in front of a user)."""
    package = Path(__file__).resolve().parents[1] / "lsmitoitus"
    used: set[str] = set()
    for file in package.rglob("*.py"):
        text = file.read_text(encoding="utf-8")
        used |= set(re.findall(r'\b(?:Msg|t|rule_error)\(\s*"([a-z0-9_]+)"', text))
        used |= set(re.findall(r'"((?:val|arg|kind|reason|history|check|out|app)_[a-z0-9_]+)"', text))
    assert len(used) > 100
    missing = sorted(k for k in used if k not in TEXT and k not in MEASURES)
    assert missing == []


def test_messages_render_in_both_languages() -> None:
    message = Msg("out_appeared", path="tulos", saved="tulos-2")
    error = UserError(
        [Msg("not_runnable", source="s.toml"), Msg("check_horizon", start="2023-01-01", end="2023-06-30")]
    )
    assert str(message).startswith("tulos ilmestyi ajon aikana") and "\n" in str(message)
    assert error.text("en").splitlines()[0] == "s.toml: the scenario cannot be run (nothing was simulated):"
    assert str(error).splitlines()[0] == "s.toml: skenaariota ei voi ajaa (mitään ei simuloitu):"
    with pytest.raises(MissingTranslation):
        Msg("no_such_message")


def test_echo_cuts_long_values_to_one_short_line() -> None:
    assert echo("x" * 500) == "'" + "x" * 78 + "…"
    assert len(echo("x" * 500)) == ECHO_LIMIT
    assert echo("rivi\nrivi", plain=True) == "'rivi\\nrivi'"
    assert echo("tulos", plain=True) == "tulos" and echo(5) == "5"


@pytest.mark.unit
def test_a_noun_counted_by_one_is_singular() -> None:
    """Issue 22, point 10: "1 lisävakanssia"; Finnish takes the nominative after 1, English the
    singular; decimals and other numbers keep their form."""
    from lsmitoitus.text.i18n import agree, t

    assert t("answer_extra_total", "fi", extra="1", cost="x").startswith("Lisävakansseja tarvitaan yhteensä 1 (")
    assert t(
        "budget_year",
        "fi",
        year=2030,
        required="1",
        level="90 %",
        what="w",
        funded="2",
        extra="1",
        cost="c",
        funded_cost="f",
    ).startswith("2030: tarve 1 vakanssi (90 %)")
    assert t(
        "budget_year",
        "en",
        year=2030,
        required="1",
        level="90 %",
        what="w",
        funded="2",
        extra="1",
        cost="c",
        funded_cost="f",
    ).startswith("2030: required 1 post (90 %)")
    assert t("parts_negative", "fi", parts="x", n="21").endswith(
        "21 toiston parierojen keskiarvoja, ja pieni ero voi osua kumpaan suuntaan tahansa."
    )
    assert agree("0,1 vakanssia; 1,5 vakanssia; 1\u00a0234 vakanssia; +1 vakanssia") == (
        "0,1 vakanssia; 1,5 vakanssia; 1\u00a0234 vakanssia; +1 vakanssi"
    )
    assert agree("1 toistoa, 11 toistoa", "fi") == "1 toisto, 11 toistoa"
