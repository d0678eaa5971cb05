"""Tidy frames built from whole columns at once are the frames of one frame per replication,
concatenated and made categorical (the construction they replaced): the same rows in the same
order, the same dtypes, the same categories in the same order."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lsmitoitus.simulation.results import TidyBlock, long_block, pool_block, tidy_frame

pytestmark = pytest.mark.unit

# labels as users name areas and teams: accents, spaces, dots, digits, upper and lower case
LABELS = st.text(alphabet="aAäÄöÖåÅzZ .-2_", min_size=1, max_size=6)


def reference(blocks: list[TidyBlock], categorical: bool) -> pd.DataFrame:
    """The earlier construction: a frame per block, concatenated, then ``astype("category")``."""
    frames = []
    for b in blocks:
        n_d, n_c = b.values.shape
        frames.append(
            pd.DataFrame(
                {
                    "replication": np.full(n_d * n_c, b.replication, dtype=np.int32),
                    "date": np.repeat(b.dates, n_c),
                    "area": np.tile(np.asarray(b.areas, dtype=object), n_d),
                    "unit": np.tile(np.asarray(b.units, dtype=object), n_d),
                    "measure": np.tile(np.asarray(b.measures, dtype=object), n_d),
                    "value": b.values.reshape(-1).astype(float),
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    if categorical:
        for column in ("area", "unit", "measure"):
            out[column] = out[column].astype("category")
    return out


@st.composite
def blocks(draw: st.DrawFn) -> list[TidyBlock]:
    n_areas = draw(st.integers(1, 3))
    areas = draw(st.lists(LABELS, min_size=n_areas, max_size=n_areas, unique=True))
    keys = draw(st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=3, unique=True))
    pools = draw(st.lists(st.tuples(LABELS, LABELS), min_size=1, max_size=3, unique=True))
    out = []
    for rep in range(draw(st.integers(1, 3))):
        n_dates = draw(st.integers(1, 4))
        dates = [f"{2021 + i}-12-31" for i in range(n_dates)]
        if draw(st.booleans()):
            values = np.arange(n_dates * n_areas * len(keys), dtype=float).reshape(n_dates, n_areas, len(keys))
            out.append(long_block(values + rep, rep, dates, areas, keys))
        else:
            measures = [m for _, m in keys]
            values = np.arange(n_dates * len(pools) * len(measures), dtype=float).reshape(n_dates, len(pools), -1)
            out.append(pool_block(values - rep, rep, dates, pools, measures))
    return out


@settings(max_examples=60, deadline=None)
@given(blocks(), st.booleans())
def test_a_tidy_frame_is_the_concatenation_of_its_blocks_frames(parts: list[TidyBlock], categorical: bool) -> None:
    built, expected = tidy_frame(parts, categorical), reference(parts, categorical)
    pd.testing.assert_frame_equal(built, expected, check_exact=True)
    assert list(built.dtypes) == list(expected.dtypes)
    if categorical:
        for column in ("area", "unit", "measure"):
            assert list(built[column].cat.categories) == list(expected[column].cat.categories)
            assert built[column].cat.categories.dtype == expected[column].cat.categories.dtype


def test_a_long_block_runs_date_by_date_then_area_then_key() -> None:
    values = np.arange(2 * 2 * 3, dtype=float).reshape(2, 2, 3)
    block = long_block(
        values, 7, ["2024-01-31", "2024-02-29"], ["Forssa", "Hämeenlinna"], [("u", "a"), ("u", "b"), ("v", "a")]
    )
    frame = tidy_frame([block], categorical=False)
    row = frame.iloc[4]  # first date, second area, second key
    assert (row["area"], row["unit"], row["measure"], row["value"]) == ("Hämeenlinna", "u", "b", values[0, 1, 1])
    assert frame["replication"].eq(7).all() and len(frame) == values.size
