"""The one translation table is complete: every measure, column, unit and cost category has a
Finnish and an English text, and a missing one is an error, never a raw key on screen."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from lsmitoitus.costs import CATEGORIES, TOTAL
from lsmitoitus.measures import MEASURES
from lsmitoitus.output.i18n import ECHO_LIMIT, LANGS, TEXT, MissingTranslation, Msg, UserError, echo, t
from lsmitoitus.results import COLUMNS, QUANTILES
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
)


@pytest.mark.parametrize("name", sorted(MEASURES))
def test_every_measure_has_both_labels(name: str) -> None:
    measure = MEASURES[name]
    assert measure.fi.strip() and measure.en.strip()
    assert t(name, "fi") == measure.fi and t(name, "en") == measure.en
    assert set(measure.units) <= {*STATES, *UNITS, *PLACEMENT_TYPES, *COST_CATEGORIES, *GROUP_UNIT.values(), ALL}


@pytest.mark.parametrize(
    "key",
    sorted(
        {*COLUMNS, *QUANTILES, "mean", *STATES, *UNITS, *PLACEMENT_TYPES, *COST_CATEGORIES, *GROUP_UNIT.values(), ALL}
        | {*CATEGORIES, TOTAL, *DIMENSIONING_COLUMNS}
    ),
)
def test_every_column_unit_and_category_has_both_languages(key: str) -> None:
    texts = [t(key, lang) for lang in LANGS]
    assert all(text.strip() for text in texts)


def test_every_table_entry_has_two_non_empty_texts() -> None:
    for key, pair in TEXT.items():
        assert len(pair) == 2 and all(p.strip() for p in pair), key


def test_a_missing_translation_raises() -> None:
    with pytest.raises(MissingTranslation, match="no_such_key"):
        t("no_such_key")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(TEXT))
def test_both_languages_keep_the_line_structure_and_fields(key: str) -> None:
    fi, en = TEXT[key]
    assert fi.count("\n") == en.count("\n"), key
    assert fi.startswith("  ") == en.startswith("  "), key  # indented problem lines stay indented
    assert _fields(fi) == _fields(en), key


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
    from lsmitoitus.output.i18n import agree, t

    assert t("answer_total", "fi", extra="1", target="30", conf=90).startswith("Yhteensä 1 lisävakanssi (")
    assert t("answer_total", "en", extra="1", target="30", conf=90).startswith("In total 1 extra post (")
    assert t("answer_total", "fi", extra="21", target="30", conf=90).startswith("Yhteensä 21 lisävakanssia (")
    assert agree("0,1 vakanssia; 1,5 vakanssia; 1\u00a0234 vakanssia; +1 vakanssia") == (
        "0,1 vakanssia; 1,5 vakanssia; 1\u00a0234 vakanssia; +1 vakanssi"
    )
    assert agree("1 toistoa, 11 toistoa", "fi") == "1 toisto, 11 toistoa"
