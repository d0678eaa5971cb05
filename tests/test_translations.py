"""The one translation table is complete: every measure, column, unit and cost category has a
Finnish and an English text, and a missing one is an error, never a raw key on screen."""

from __future__ import annotations

import pytest

from lsmitoitus.costs import CATEGORIES, TOTAL
from lsmitoitus.measures import MEASURES
from lsmitoitus.output.i18n import LANGS, TEXT, MissingTranslation, t
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
    "required_posts_horizon",
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
