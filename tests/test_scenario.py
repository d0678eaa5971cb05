"""Scenario files: validation errors a planner can act on, round trips, extends."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from lsmitoitus import Scenario, ScenarioError, load_scenario, scenario_to_toml
from lsmitoitus.scenario.files import RenamedKeyWarning, bundled_scenarios

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "scenarios"


def write(tmp_path: Path, text: str, name: str = "s.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_default_loads_by_name_and_by_path() -> None:
    scenario = load_scenario()
    assert scenario.name == "kanta-hame"
    assert scenario.area_names == ("Forssa", "Hämeenlinna", "Riihimäki")
    assert "kanta-hame" in bundled_scenarios()
    assert load_scenario("kanta-hame") == scenario
    assert load_scenario(BUNDLED / "kanta-hame.toml") == scenario


def test_bad_value_names_file_field_path_value_and_range(tmp_path: Path) -> None:
    path = write(tmp_path, 'extends = "kanta-hame"\n[staffing.avohuolto.Forssa]\nsocial_workers = -3\n')
    with pytest.raises(ScenarioError) as err:
        load_scenario(path)
    message = str(err.value)
    assert str(path) in message
    assert "staffing.avohuolto.Forssa.social_workers" in message
    assert "annettu -3" in message
    assert "sallittu väli: 0 ≤ arvo ≤ 10000" in message
    assert "got -3; allowed range: 0 ≤ value ≤ 10000" in err.value.text("en")


def test_probability_out_of_range_reports_range(tmp_path: Path) -> None:
    path = write(tmp_path, 'extends = "kanta-hame"\n[kasittely]\np_arviointi = 1.5\n')
    with pytest.raises(ScenarioError, match=r"kasittely\.p_arviointi.*1\.5.*0 ≤ arvo ≤ 1\b"):
        load_scenario(path)


def test_renamed_keys_still_load_with_a_note(tmp_path: Path) -> None:
    """Files written before the naming rule load unchanged; each old key gets a note."""
    old = write(
        tmp_path,
        'extends = "kanta-hame"\n[processing]\np_assessment = 0.5\n[assessment]\np_client = 0.4\n'
        "[levers]\nfamily_care_share_target = 0.8\n",
    )
    with pytest.warns(RenamedKeyWarning) as notes:
        scenario = load_scenario(old)
    assert scenario.kasittely.p_arviointi == 0.5 and scenario.arviointi.p_avohuolto == 0.4
    assert scenario.levers.perhehoito_share_target == 0.8
    texts = [str(n.message) for n in notes]
    assert any("processing is now called kasittely" in m for m in texts)
    assert any("levers.family_care_share_target is now called levers.perhehoito_share_target" in m for m in texts)
    both = write(
        tmp_path,
        'extends = "kanta-hame"\n[levers]\nfamily_care_share_target = 0.8\nperhehoito_share_target = 0.7\n',
        "b.toml",
    )
    with pytest.raises(ScenarioError, match=r"sekä levers\.family_care_share_target"):
        load_scenario(both)


def test_unknown_key_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path, 'extends = "kanta-hame"\n[caseload]\nlimitt = 30\n')
    with pytest.raises(ScenarioError, match=r"caseload\.limitt.*tuntematon kenttä"):
        load_scenario(path)


def test_cross_field_rules(tmp_path: Path) -> None:
    path = write(tmp_path, 'extends = "kanta-hame"\n[areas.Forssa]\nnotification_share = 0.5\n')
    with pytest.raises(ScenarioError, match="areas: alueiden notification_share-osuuksien summan pitää olla 1"):
        load_scenario(path)
    path = write(tmp_path, 'extends = "kanta-hame"\n[simulation]\nend = 2019-12-31\n', "b.toml")
    with pytest.raises(ScenarioError, match=r"simulation\.end: loppupäivän 31\.12\.2019 pitää olla aloituspäivän"):
        load_scenario(path)


def test_broken_toml_and_missing_file(tmp_path: Path) -> None:
    path = write(tmp_path, "name = \n")
    with pytest.raises(ScenarioError, match="ei kelvollista TOML-muotoa rivillä 1"):
        load_scenario(path)
    with pytest.raises(ScenarioError, match="skenaariotiedostoa ei löydy"):
        load_scenario(tmp_path / "nope.toml")


def test_extends_merges_tables_and_detects_cycles(tmp_path: Path) -> None:
    path = write(tmp_path, 'extends = "kanta-hame"\nname = "kasvu"\n[demand]\ngrowth_per_year = 0.05\n')
    scenario = load_scenario(path)
    base = load_scenario()
    assert scenario.demand.growth_per_year == 0.05
    assert scenario.demand.notifications == base.demand.notifications  # rest of the table kept
    write(tmp_path, 'extends = "b.toml"\n', "a.toml")
    write(tmp_path, 'extends = "a.toml"\n', "b.toml")
    with pytest.raises(ScenarioError, match="extends-ketju kiertää kehää"):
        load_scenario(tmp_path / "a.toml")


def test_resolved_scenario_round_trips(tmp_path: Path) -> None:
    scenario = load_scenario().with_overrides(seed=7, replications=3)
    path = write(tmp_path, scenario_to_toml(scenario, "a header\nof two lines"))
    assert load_scenario(path) == scenario


def test_age_band_tables_must_be_complete() -> None:
    data = load_scenario().model_dump()
    data["kasittely"]["p_arviointi"] = {"0-2": 0.5}
    with pytest.raises(ValueError, match="every band"):
        Scenario.model_validate(data)


def test_escalation_probabilities_cannot_exceed_one() -> None:
    data = load_scenario().model_dump()
    data["avohuolto"]["p_huostaanotto"] = 0.95
    with pytest.raises(ValueError, match="sum to more than 1"):
        Scenario.model_validate(data)


@pytest.mark.parametrize("path", sorted(BUNDLED.glob("*.toml")), ids=lambda p: p.name)
def test_every_shipped_scenario_is_valid(path: Path) -> None:
    assert load_scenario(path).name == path.stem


def test_benchmark_scenarios_build() -> None:
    """The benchmark script's national-scale scenario stays valid as the schema grows."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("run_benchmarks", ROOT / "benchmarks" / "run_benchmarks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    national = module.national(2030)
    assert len(national.areas) == 21
    assert sum(national.demand.notifications.values()) == 173_466 + 186_253 + 214_638


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=-0.99, max_value=0.99).map(lambda r: round(r, 2)), min_size=6, max_size=6))
def test_validation_refuses_exactly_the_correlations_a_run_cannot_factor(rhos: list[float]) -> None:
    """The pure-Python check made at validation (validate must not import numpy) agrees with
    numpy's Cholesky factorisation, which the run uses, on every 4×4 correlation matrix with
    entries as a user writes them (two decimals), away from the singular boundary."""
    import numpy as np

    from lsmitoitus.scenario.uncertainty import positive_definite

    matrix = np.eye(4)
    matrix[np.triu_indices(4, 1)] = rhos
    matrix = np.triu(matrix) + np.triu(matrix, 1).T
    assume(abs(np.linalg.eigvalsh(matrix)).min() > 1e-9)
    try:
        np.linalg.cholesky(matrix)
        numpy_says = True
    except np.linalg.LinAlgError:
        numpy_says = False
    assert positive_definite(matrix.tolist()) is numpy_says


def test_every_rule_text_is_raised_by_a_rule() -> None:
    """Each ``rule_`` entry of the translation table is the message of some rule of the schema
    (an unused entry would be a rule lost on the way)."""
    import re

    from lsmitoitus.text.i18n import TEXT

    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "lsmitoitus" / "scenario").glob("*.py"))
    raised = set(re.findall(r'rule_error\(\s*"(rule_[a-z0-9_]+)"', source))
    assert raised == {k for k in TEXT if k.startswith("rule_")}
