"""Calibration: recovering known parameters, reporting what the data cannot identify, and the
bundled scenario reproducing THL's 2021–2022 indicators."""

from __future__ import annotations

import math
import tomllib
from typing import Any

import numpy as np
import pandas as pd
import pytest

from lsmitoitus import Scenario, ScenarioError, load_scenario, simulate
from lsmitoitus.answers.calibration.approx import PathwayApproximation
from lsmitoitus.answers.calibration.fit import (
    CalibrationResult,
    Calibrator,
    ParameterReport,
    apply_multipliers,
    calibration_header,
    observations,
)
from lsmitoitus.answers.indicators import indicator_table, simulated_indicators
from lsmitoitus.scenario.files import scenario_to_toml
from lsmitoitus.scenario.history import bundled_history_path, load_history
from lsmitoitus.text.formats import Formatted, number
from lsmitoitus.text.i18n import Msg, ParameterName

TRUTH = {
    "arviointi.p_avohuolto": 0.8,
    "avohuolto.p_kiireellinen_sijoitus": 1.3,
    "avohuolto.p_avohuollon_sijoitus": 0.7,
    "sijaishuolto.duration.mean_days": 1.4,
}
REPLICATIONS = 10


@pytest.fixture(scope="module")
def base() -> Scenario:
    return load_scenario().with_overrides(end="2023-12-31")


@pytest.mark.unit
def test_multipliers_scale_every_age_band_and_cap_probabilities(base: Scenario) -> None:
    data = apply_multipliers(base, {"avohuolto.p_kiireellinen_sijoitus": 2.0, "arviointi.p_avohuolto": 5.0})
    original = base.avohuolto.p_kiireellinen_sijoitus
    assert isinstance(original, dict)
    assert data["avohuolto"]["p_kiireellinen_sijoitus"] == {k: 2 * v for k, v in original.items()}
    assert data["arviointi"]["p_avohuolto"] == 1.0


@pytest.mark.unit
def test_percentages_become_counts_with_the_scenario_population(base: Scenario) -> None:
    obs = {(r["indicator"], r["year"]): r for r in observations(load_history(), base).to_dict("records")}
    open_care = obs[("avohuollon_asiakkaat_0_17", 2021)]
    assert open_care["source_unit"] == "percent_of_0_17"
    population = sum(a.population_0_17[2021] for a in base.areas.values())
    assert open_care["observed"] == pytest.approx(3.9 * population / 100)
    assert obs[("huostassa_0_17", 2022)]["observed"] == 417  # counts are used where given


@pytest.mark.unit
def test_bad_requests_are_clear_errors(base: Scenario) -> None:
    with pytest.raises(ScenarioError, match=r"ei voi sovittaa: avohuolto\.colour"):
        Calibrator(base, load_history(), fit=["avohuolto.colour"])
    short = base.with_overrides(start="2023-01-01")
    with pytest.raises(ScenarioError, match="pitää olla skenaarion simuloidulla jaksolla"):
        Calibrator(short, load_history())


@pytest.mark.integration
def test_approximation_agrees_with_the_discrete_event_model(base: Scenario) -> None:
    """Dropping the capacity interactions changes the THL counts only slightly: every indicator
    of the approximation lies within the DES P10–P90 band widened by 5 %."""
    years = [2021, 2022, 2023]
    approx = PathwayApproximation(base, 2023).indicators(base, years)
    results = simulate(base.with_overrides(replications=8), jobs=2)
    table = indicator_table(results)
    bands = {(r["indicator"], r["year"]): r for r in table[table["unit"] == "count"].to_dict("records")}
    for key, value in approx.items():
        assert 0.95 * bands[key]["p10"] <= value <= 1.05 * bands[key]["p90"], key


@pytest.fixture(scope="module")
def recovery() -> dict[str, Any]:
    # the data years only, and no parameter draws: the truth is exactly TRUTH (a mean over draws of
    # lognormal multipliers would sit exp(σ²/2) above it)
    data = load_scenario().with_overrides(end="2022-12-31").model_dump()
    data.pop("uncertainty")
    base = Scenario.model_validate(data)
    true_scenario = Scenario.model_validate(apply_multipliers(base, TRUTH)).with_overrides(
        replications=REPLICATIONS, seed=999
    )
    sim = simulated_indicators(simulate(true_scenario, jobs=2))
    sim = sim[(sim["unit"] == "count") & (sim["indicator"] != "lastensuojeluilmoitukset")]
    stats = sim.groupby(["indicator", "year"])["value"].agg(["mean", "var"]).reset_index()
    history = stats.rename(columns={"mean": "value"}).assign(unit="count")[["indicator", "year", "unit", "value"]]
    # the county's own counts only: the national evidence would pull toward its ratios, not the truth
    calibrator = Calibrator(base, history, replications=REPLICATIONS, rounds=2, jobs=2, evidence=False)
    result = calibrator.run()
    return {"calibrator": calibrator, "result": result, "stats": stats}


@pytest.mark.integration
def test_calibration_recovers_known_parameters(recovery: dict[str, Any]) -> None:
    """Synthetic history from the discrete-event model at known multipliers is fitted back.

    Tolerance by linearised error propagation: the synthetic observations are means of R
    replications (variance s²/R each) and the DES correction adds another mean of R
    replications, so each Pearson residual (simulated − y)/√y has variance 2·s²/(R·y). With J
    the Jacobian in log-multiplier space, Cov(θ̂) = A Σ Aᵀ with A = (JᵀJ)⁻¹Jᵀ; each parameter
    must lie within 4 standard errors of the truth.
    """
    calibrator, result, stats = recovery["calibrator"], recovery["result"], recovery["stats"]
    theta = np.log([result.fitted[n] for n in calibrator.fit_names])
    jac = calibrator._jacobian(theta)
    merged = calibrator.obs.merge(stats, on=["indicator", "year"])
    sigma = np.diag(2 * merged["var"].to_numpy() / REPLICATIONS / merged["observed"].to_numpy())
    a = np.linalg.solve(jac.T @ jac, jac.T)
    se = np.sqrt(np.diag(a @ sigma @ a.T))
    for name, error in zip(calibrator.fit_names, se, strict=True):
        fitted, true = math.log(result.fitted[name]), math.log(TRUTH.get(name, 1.0))  # others: true ×1
        assert abs(fitted - true) < 4 * error, (name, result.fitted[name], TRUTH.get(name, 1.0), error)


@pytest.mark.integration
def test_identifiability_report(recovery: dict[str, Any]) -> None:
    reports = {p.name: p for p in recovery["result"].parameters}
    assert all(reports[n].fitted and reports[n].identifiable for n in TRUTH)
    # the history sees only the product p_assessment × p_client: the report must say so
    assert not reports["kasittely.p_arviointi"].fitted
    note = reports["kasittely.p_arviointi"].note
    assert "trades off with assessment leading to open care (arviointi.p_avohuolto)" in note.render("en")
    assert "vaikuttaa historiaan samoin kuin arvioinnista avohuollon asiakkaaksi" in note.render("fi")


@pytest.mark.integration
def test_fitting_two_parameters_the_data_cannot_separate_is_reported() -> None:
    base = load_scenario().with_overrides(end="2022-12-31")
    calibrator = Calibrator(
        base, load_history(), fit=["arviointi.p_avohuolto", "kasittely.p_arviointi"], replications=2, rounds=1, jobs=2
    )
    reports = {p.name: p for p in calibrator.run().parameters}
    assert not reports["arviointi.p_avohuolto"].identifiable
    assert "NOT identifiable" in reports["kasittely.p_arviointi"].note.render("en")
    assert "EI määritä" in reports["kasittely.p_arviointi"].note.render("fi")


@pytest.mark.integration
def test_bundled_scenario_reproduces_thl_2021_2022_within_10_percent() -> None:
    """Every observed 2021–2022 indicator within 10 % of the P50, or, for small counts, within
    three Poisson standard errors of the observed count (an observed 139 emergency placements is
    one draw with a standard deviation of √139 ≈ 12, 8.5 %): tolerance max(10 %, 3/√count).
    Percentages are compared on the counts they imply for the scenario's 0–17 population."""
    scenario = load_scenario().with_overrides(end="2022-12-31", replications=10)
    table = indicator_table(simulate(scenario, jobs=2), load_history())
    observed = table[table["observed"].notna()]
    assert set(observed["year"]) >= {2021, 2022} and len(observed) >= 14
    for row in observed.to_dict("records"):
        population = sum(a.population_0_17[row["year"]] for a in scenario.areas.values())
        count = row["observed"] if row["unit"] == "count" else row["observed"] * population / 100
        tolerance = max(0.10, 3 / math.sqrt(count))
        assert abs(row["p50_vs_observed"]) <= tolerance, (row, tolerance)


@pytest.mark.unit
def test_observations_table_has_one_row_per_indicator_and_year(base: Scenario) -> None:
    obs = observations(load_history(), base)
    assert not obs.duplicated(["indicator", "year"]).any()
    assert isinstance(obs, pd.DataFrame) and len(obs) == 8


@pytest.mark.unit
def test_backtest_uses_the_replications_it_is_given(base: Scenario, monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 10 item 8: `backtest -n 3` used 10 replications without saying so."""
    from lsmitoitus.answers.calibration import backtest as module

    used: dict[str, int] = {}

    class FakeCalibrator:
        def __init__(self, scenario: Scenario, *_args: Any, replications: int = 10, **_kwargs: Any) -> None:
            used["calibration"] = replications
            self.scenario = scenario

        def run(self) -> Any:
            class Result:
                scenario = self.scenario

            return Result()

    def fake_simulate(scenario: Scenario, **_kwargs: Any) -> Any:
        used["final run"] = scenario.simulation.replications
        raise StopIteration  # nothing more is needed

    monkeypatch.setattr(module, "Calibrator", FakeCalibrator)
    monkeypatch.setattr(module, "simulate", fake_simulate)
    with pytest.raises(StopIteration):
        module.backtest(base, load_history(), 2021, replications=3)
    assert used == {"calibration": 3, "final run": 3}


@pytest.mark.unit
def test_the_backtest_command_passes_replications_unchanged(tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from lsmitoitus import cli
    from lsmitoitus.answers.calibration import backtest as module

    seen: dict[str, Any] = {}

    def fake_backtest(*_args: Any, replications: int, **_kwargs: Any) -> Any:
        seen["replications"] = replications
        raise KeyboardInterrupt  # stop here; the command reports it as an interruption

    monkeypatch.setattr(module, "backtest", fake_backtest)
    history = str(bundled_history_path())
    status = cli.main(["backtest", history, "--fit-until", "2021", "-n", "3", "--out", str(tmp_path / "bt")])
    assert status == 130 and seen == {"replications": 3}


def _report(name: str, fitted: bool, value: Any, multiplier: float, note: Msg) -> ParameterReport:
    return ParameterReport(name, fitted, value, value, multiplier, 12.5, 0.5, fitted, note)


def _made_up_result(base: Scenario, rounds: int) -> CalibrationResult:
    """A calibration result with chosen numbers (no fitting): the header's words and formats."""
    table = pd.DataFrame(
        [{"indicator": "huostassa_0_17", "year": 2022, "observed": 1000.0}],
    ).assign(des_p10=950.0, des_p50=1067.4, des_p90=1234.6, des_mean=1067.4)
    return CalibrationResult(
        scenario=base,
        base=base,
        covariance=np.diag([0.05**2, 0.1**2]),
        fitted={"sijaishuolto.duration.mean_days": 1.05, "avohuolto.p_avohuollon_sijoitus": 0.9},
        observed=table[["indicator", "year", "observed"]],
        des_table=table,
        parameters=[
            _report("sijaishuolto.duration.mean_days", True, 2216.4, 1.05, Msg("calib_note_fitted")),
            _report(
                "avohuolto.p_avohuollon_sijoitus",
                True,
                dict.fromkeys(("0-2", "3-6"), 0.125),
                0.9,
                Msg("calib_note_fitted"),
            ),
            _report(
                "kasittely.p_arviointi",
                False,
                0.62,
                1.0,
                Msg(
                    "calib_note_trades_off",
                    other=ParameterName("arviointi.p_avohuolto"),
                    cos=Formatted(number, 0.99, digits=2),
                ),
            ),
            _report("levers.made_up", False, None, 1.0, Msg("calib_note_could_fit")),
        ],
        rounds=rounds,
        seconds=1234.6,
    )


@pytest.mark.unit
def test_calibration_header_speaks_the_readers_language(base: Scenario) -> None:
    """Issue 15 item 1: the report atop a calibrated scenario is Finnish by default with Finnish
    number formats and parameters named for people (their path kept for copying), English with
    ``lang="en"``; every line stays a TOML comment."""
    result = _made_up_result(base, rounds=1)
    fi = calibration_header(result, "historia.csv", "9.9").splitlines()
    en = calibration_header(result, "history.csv", "9.9", "en").splitlines()
    assert fi[0] == "Kalibroitu ohjelmalla lsmitoitus 9.9 (lsmitoitus calibrate), kesto 1\u00a0235 s."
    assert en[0] == "Calibrated by lsmitoitus 9.9 (lsmitoitus calibrate) in 1,235 s."
    assert "  sijaishuollon kesto (sijaishuolto.duration.mean_days) = 2\u00a0216 (×1,050 ± 0,050; sovitettu)" in fi
    assert "  length of substitute care (sijaishuolto.duration.mean_days) = 2,216 (×1.050 ± 0.050; fitted)" in en
    assert any(line.endswith("= 0,125 kaikissa ikäryhmissä (×0,900 ± 0,100; sovitettu)") for line in fi)
    nbsp = "\u00a0"  # Finnish groups thousands and puts a space before % with a no-break space
    row = f"  huostassa olleet 0–17-v. 2022: simuloitu 1{nbsp}067 (P10–P90 950–1{nbsp}235), havaittu 1{nbsp}000"
    assert f"{row} (+6,7{nbsp}%)" in fi
    assert "  children aged 0–17 in care 2022: simulated 1,067 (P10–P90 950–1,235), observed 1,000 (+6.7%)" in en
    assert any(
        "(kasittely.p_arviointi) = 0,62 (oletettu: vaikuttaa historiaan samoin kuin arvioinnista avohuollon "
        "asiakkaaksi (arviointi.p_avohuolto), |cos| 0,99, joten"
        in line
        and line.endswith("herkkyys 12,50)")
        for line in fi
    )
    assert "  levers.made_up = – (oletettu: voitaisiin sovittaa (lisää se valitsimeen --fit); herkkyys 12,50)" in fi
    text = "\n".join(fi)
    for english in ("Calibrated", "fitted", "observed", "simulated", "assumed", "sensitivity", "trades off"):
        assert english not in text
    assert "Sovitus: tapahtumasimulaatio" in text
    assert "likiarvomalli (ei tapahtumasimulaatiota" in calibration_header(_made_up_result(base, rounds=0), "h", "9.9")
    toml = scenario_to_toml(base, "\n".join(fi))
    assert all(line.startswith("#") for line in toml.splitlines()[: len(fi)])
    assert Scenario.model_validate(tomllib.loads(toml)) == base


@pytest.mark.unit
def test_a_history_path_with_control_characters_keeps_the_header_valid_toml(base: Scenario) -> None:
    header = calibration_header(_made_up_result(base, rounds=1), "a\x01b\nc.csv", "9.9")
    assert "'a\\x01b\\nc.csv'" in header  # shown as its repr, never raw
    assert Scenario.model_validate(tomllib.loads(scenario_to_toml(base, header))) == base
