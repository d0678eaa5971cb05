"""The national back-test: with placements following the child population (the default's rule),
the default's rules on THL's national inputs reproduce emergency placements, children in care and
new care orders within ±5 % every year 2021–2024 (levels fitted to 2023; docs/sources.md §10)."""

from __future__ import annotations

import pytest

from lsmitoitus.answers.calibration.national import TOLERANCE, national_backtest
from lsmitoitus.scenario.files import load_scenario

pytestmark = pytest.mark.integration


def test_the_defaults_rule_reproduces_the_national_figures_within_five_percent() -> None:
    rule = load_scenario().conversion.placements_follow
    table = national_backtest(rules=(rule,), replications=8, jobs=2)
    assert set(table["indicator"]) == {"kiireellisesti_sijoitetut_0_17", "huostassa_0_17", "huostaanotot"}
    assert set(table["year"]) == {2021, 2022, 2023, 2024}
    outside = table[table["relative_error"].abs() > TOLERANCE]
    assert outside.empty, outside.to_string()
