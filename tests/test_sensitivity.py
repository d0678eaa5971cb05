"""Sensitivity analysis: factors come from the scenario's uncertainty (or a ranges table), a
sample point fixes the parameters and draws nothing, every point runs the same replication
seeds, the indices follow SALib's definitions, the replication-noise limit has the error rate it
claims, and a parameter planted to dominate is found first by Morris and by Sobol."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from lsmitoitus import Scenario, load_scenario
from lsmitoitus.answers.sensitivity import (
    LOG_SD_WIDTH,
    Factor,
    SensitivityResult,
    elementary_effects,
    factors_from_ranges,
    factors_from_scenario,
    fixed_scenario,
    morris_design,
    noise_limit,
    replication_outputs,
    run_sensitivity,
    top_factors,
)
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.scenario.files import deep_merge, scenario_to_toml
from lsmitoitus.scenario.uncertainty import get_path
from lsmitoitus.simulation.runner import replication_scenario
from lsmitoitus.text.i18n import UserError

#: one reported year, no warm-up (clients at the start from the initial state): a replication with its
#: staffing search in well under a second
STRIPPED = {"simulation": {"start": "2025-01-01", "end": "2025-12-31", "warmup_years": 0, "replications": 2}}
PLANTED = "demand.notifications"
#: the planted factor varies demand by a factor of four; the others by ±2 %; the family-care
#: price changes only costs, never who is where
PLANTED_RANGES = {
    "parameters": {
        PLANTED: {"low": 0.5, "high": 2.0},
        "kasittely.p_arviointi": {"low": 0.98, "high": 1.02},
        "staffing.*.*.turnover_per_year": {"low": 0.98, "high": 1.02},
        "costs.placement_day.perhehoito": {"low": 0.98, "high": 1.02},
    }
}


@pytest.fixture(scope="module")
def stripped() -> Scenario:
    return Scenario.model_validate(deep_merge(load_scenario().model_dump(), STRIPPED))


@pytest.mark.unit
def test_factors_follow_the_scenarios_uncertainty(default_scenario: Scenario) -> None:
    factors = {f.name: f for f in factors_from_scenario(default_scenario)}
    for path, spec in default_scenario.uncertainty.parameters.items():
        factor = factors[path]
        if spec.distribution == "lognormal":
            assert (factor.low, factor.high) == (-LOG_SD_WIDTH * spec.log_sd, LOG_SD_WIDTH * spec.log_sd)
            assert factor.shown_range == pytest.approx((math.exp(factor.low), math.exp(factor.high)))
        else:
            assert (factor.low, factor.high) == (spec.low, spec.high) and factor.kind == "multiplier"
    rule = default_scenario.conversion.avohuolto
    assert rule.after == "range"
    change = factors["conversion.avohuolto.range_per_year"]
    assert (change.low, change.high) == tuple(rule.range_per_year) and change.kind == "yearly_change"
    assert len(factors) == len(default_scenario.uncertainty.parameters) + 1


@pytest.mark.unit
def test_a_sample_point_fixes_the_parameters_and_draws_nothing(default_scenario: Scenario) -> None:
    factors = factors_from_scenario(default_scenario)
    values = [f.high for f in factors]
    fixed = fixed_scenario(default_scenario, factors, values)
    assert not fixed.uncertainty.parameters
    rule = fixed.conversion.avohuolto
    assert rule.after == "trend" and rule.trend_per_year == default_scenario.conversion.avohuolto.range_per_year[1]
    path = "sijaishuolto.duration.mean_days"
    factor = next(f for f in factors if f.name == path)
    base = get_path(default_scenario.model_dump(), path)
    assert get_path(fixed.model_dump(), path) == pytest.approx(base * math.exp(factor.high))
    # a replication of a fixed scenario runs it as it is: no multiplier is drawn
    same, drawn = replication_scenario(fixed, replication_seeds(1, 1)[0])
    assert same is fixed and drawn == {}


@pytest.mark.unit
def test_elementary_effects_follow_salib_on_a_linear_function() -> None:
    """y = 5·x0 + 1·x1 over ranges [0, 2] and [0, 1]: every effect over a whole range is 5·2 and 1."""
    from SALib.analyze import morris

    factors = [Factor("a", 0.0, 2.0, "multiplier", "t"), Factor("b", 0.0, 1.0, "multiplier", "t")]
    design = morris_design(factors, 6, seed=3)
    y = 5 * design.points[:, 0] + design.points[:, 1]
    effects = elementary_effects(design.points, y, factors)
    assert np.allclose(np.abs(effects), [[10.0], [1.0]])
    si = morris.analyze(
        {"num_vars": 2, "names": ["a", "b"], "bounds": [[0, 2], [0, 1]]}, design.points, y, num_levels=4, seed=1
    )
    assert np.allclose(np.abs(effects).mean(axis=1), si["mu_star"])


@pytest.mark.unit
def test_pure_noise_passes_the_noise_limit_two_and_a_half_percent_of_the_time() -> None:
    """Outputs that are only replication noise: μ* exceeds its noise limit with probability
    2.5 % (2,000 factor trials: binomial standard deviation 0.35 points; 4 of them allowed)."""
    k, trajectories, replications = 5, 10, 2
    factors = [Factor(f"p{i}", 0.0, 1.0, "multiplier", "t") for i in range(k)]
    rng = np.random.default_rng(11)
    exceed = total = 0
    for trial in range(400):
        design = morris_design(factors, trajectories, seed=trial)
        y = rng.standard_normal((len(design.points), replications))
        effects = elementary_effects(design.points, y, factors)
        mu_star = np.abs(effects.mean(axis=2)).mean(axis=1)
        limit = noise_limit(effects.std(axis=2, ddof=1) / math.sqrt(replications), trajectories, replications)
        exceed += int((mu_star > limit).sum())
        total += k
    assert abs(exceed / total - 0.025) < 4 * math.sqrt(0.025 * 0.975 / total)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("ranges", "fragment"),
    [
        ({"parameters": {"ei.ole": {"low": 0.5, "high": 2}}}, "ei.ole ei nimeä skenaarion lukua"),
        ({"parameters": {"demand.notifications": {"low": 2, "high": 0.5}}}, "0 < low < high ≤ 10"),
        ({"parameters": {"demand.notifications": {"low": 0.5}}}, "anna täsmälleen luvut low ja high"),
        ({"parameters": {"demand.notifications": {"low": "a", "high": 2}}}, "anna täsmälleen luvut low ja high"),
        ({"parameters": {"conversion.avohuolto.range_per_year": {"low": -0.9, "high": 0.1}}}, "−0.5 ≤ low < high"),
        ({"parametrit": {}}, "tuntematon avain parametrit"),
        ({"parameters": {}}, "ei yhtään vaihteluväliä"),
    ],
)
def test_bad_ranges_get_a_message(default_scenario: Scenario, ranges: dict, fragment: str) -> None:
    with pytest.raises(UserError) as caught:
        factors_from_ranges(default_scenario, ranges, "välit.toml")
    assert fragment in caught.value.text("fi") and caught.value.text("fi").startswith("välit.toml: ")


@pytest.mark.unit
def test_ranges_give_multipliers_and_yearly_changes(default_scenario: Scenario) -> None:
    ranges = {
        "parameters": {
            "sijaishuolto.duration.mean_days": {"low": 0.8, "high": 1.25},
            "conversion.avohuolto.range_per_year": {"low": -0.05, "high": 0.0},
        }
    }
    factors = factors_from_ranges(default_scenario, ranges, "v.toml")
    assert [(f.name, f.low, f.high, f.kind) for f in factors] == [
        ("sijaishuolto.duration.mean_days", 0.8, 1.25, "multiplier"),
        ("conversion.avohuolto.range_per_year", -0.05, 0.0, "yearly_change"),
    ]


@pytest.fixture(scope="module")
def planted_morris(stripped: Scenario) -> SensitivityResult:
    factors = factors_from_ranges(stripped, PLANTED_RANGES, "planted")
    return run_sensitivity(stripped, "morris", factors=factors, samples=3, replications=2, jobs=2)


@pytest.mark.integration
def test_morris_finds_the_planted_parameter_first(planted_morris: SensitivityResult) -> None:
    year = planted_morris.last_year
    for output, unit in [
        ("extra_posts", "avohuolto"),
        ("extra_posts", "sijaishuolto"),
        ("mean_children_per_worker", "avohuolto"),
        ("cost_total_meur", "kaikki"),
    ]:
        ranking = planted_morris.ranking(output, unit, year)
        first = ranking.iloc[0]
        assert first["parameter"] == PLANTED and first["distinct"], (output, unit, ranking)
    assert top_factors(planted_morris, 1) == [PLANTED]


@pytest.mark.integration
def test_common_random_numbers_leave_an_irrelevant_parameter_exactly_no_effect(
    planted_morris: SensitivityResult, stripped: Scenario
) -> None:
    """The family-care price changes only costs: with the same seeds at every point, the posts
    are identical whatever the price, so its μ* for posts is exactly 0, not noise."""
    idx = planted_morris.indices
    price = idx[(idx["parameter"] == "costs.placement_day.perhehoito") & (idx["output"] == "extra_posts")]
    assert not price.empty and (price["mu_star"] == 0).all()
    # and replication r of a point is the standalone replication r of its fixed scenario
    design = planted_morris.design
    fixed = fixed_scenario(stripped, design.factors, design.points[5])
    seed = replication_seeds(stripped.simulation.seed, 2)[1]
    rows = {(o, u, y): v for o, u, y, v in replication_outputs(fixed, seed, 1)}
    out = planted_morris.outputs
    mine = out[(out["point"] == 5) & (out["replication"] == 1)]
    assert {(r.output, r.unit, r.year): r.value for r in mine.itertuples()} == rows


@pytest.mark.integration
def test_sobol_finds_the_planted_parameter_first(stripped: Scenario) -> None:
    ranges = {"parameters": {k: v for k, v in PLANTED_RANGES["parameters"].items() if "turnover" not in k}}
    factors = factors_from_ranges(stripped, ranges, "planted")
    result = run_sensitivity(
        stripped, "sobol", factors=factors, samples=4, parameters=[f.name for f in factors], replications=2, jobs=2
    )
    assert len(result.design.points) == 4 * (len(factors) + 2) and result.screening is None
    for output, unit in [("extra_posts", "avohuolto"), ("cost_total_meur", "kaikki")]:
        ranking = result.ranking(output, unit)
        assert ranking.iloc[0]["parameter"] == PLANTED, ranking


@pytest.mark.unit
def test_sobol_needs_a_power_of_two_before_any_work(stripped: Scenario) -> None:
    with pytest.raises(UserError, match="kahden potenssin"):
        run_sensitivity(stripped, "sobol", samples=12)


@pytest.mark.e2e
def test_sensitivity_command_writes_answer_chart_and_workbook(stripped: Scenario, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    scenario = tmp_path / "pieni.toml"
    scenario.write_text(scenario_to_toml(stripped), encoding="utf-8")
    ranges = tmp_path / "välit.toml"
    lines = [
        f'[parameters."{k}"]\nlow = {v["low"]}\nhigh = {v["high"]}\n' for k, v in PLANTED_RANGES["parameters"].items()
    ]
    ranges.write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "herkkyys"
    args = [str(scenario), "--ranges", str(ranges), "--samples", "2", "--out", str(out), "--no-progress"]
    done = subprocess.run(
        [sys.executable, "-m", "lsmitoitus", "sensitivity", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first.startswith("Avohuollon lisävakanssien tarve 2025 riippuu eniten oletuk"), first
    assert PLANTED in first
    for name in ("herkkyys.txt", "herkkyys.png", "herkkyys.xlsx", "indices.csv", "samples.csv", "run.json"):
        assert (out / name).stat().st_size > 0, name
    sheets = load_workbook(out / "herkkyys.xlsx", read_only=True).sheetnames
    assert sheets[:3] == ["Vastaus", "Järjestys", "Indeksit"], sheets
