"""The regression safety net: short runs reproduce the stored results in tests/exp_results/ exactly.

Regenerate deliberately with ``.venv/bin/python tests/exp_results/expected.py`` (see that file).
"""

from __future__ import annotations

import io

import pandas as pd
import pytest
from exp_results import expected

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def fresh() -> dict[str, pd.DataFrame]:
    return expected.compute()


@pytest.mark.parametrize("name", ["county_by_year.csv", "required_posts.csv", "costs.csv"])
def test_results_equal_the_stored_ones(fresh: dict[str, pd.DataFrame], name: str) -> None:
    stored = expected.stored(name)
    # a round trip through CSV, as the stored file made it, so that only values are compared
    now = pd.read_csv(io.StringIO(fresh[name].to_csv(index=False, float_format="%.17g")))
    pd.testing.assert_frame_equal(now, stored, check_exact=True)
