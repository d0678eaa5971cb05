"""The requirement search and the answer's quantiles: the fast search gives exactly the answers of
replaying every candidate over the whole horizon (every bundled scenario, both practices, month
ends and monitoring days), and the quantile interval covers the true quantile at its nominal rate."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from scipy.stats import binom, norm

from lsmitoitus.answers.dimensioning import practices, team_searches
from lsmitoitus.answers.quantiles import (
    bootstrap_se,
    can_carry,
    harrell_davis,
    order_statistic_interval,
    quantile_interval,
)
from lsmitoitus.answers.requirement import FULL, TeamSearch, candidate_specs, compliant, pigeonhole
from lsmitoitus.model.caseload import Allocation
from lsmitoitus.model.randomness import replication_seeds
from lsmitoitus.model.staffing import StaffSwitches
from lsmitoitus.scenario.files import bundled_scenarios, load_scenario


def linear_search(
    search: TeamSearch, label_allocation: Allocation, counted: np.ndarray, limit: np.ndarray
) -> np.ndarray:
    """The reference: every candidate from one below the smallest pigeonhole bound up, each
    replayed over the whole horizon; a day's answer is the first candidate that complies."""
    rules = replace(search.rules, allocation=label_allocation)
    needed = ~np.isnan(limit)
    found = np.where(needed, -1.0, np.nan)
    if not needed.any():
        return found
    bound = pigeonhole(counted, limit)
    funded = sum(1 for s in search.base if not s.lead)
    n = max(0, int(np.min(bound[needed])) - 1)
    cap = 3 * max(funded, int(np.max(bound[needed]))) + 10
    while (found == -1).any() and n <= cap:
        if n == 0:
            ok = counted == 0
        else:
            rec = search.replay(candidate_specs(search.base, n), rules, StaffSwitches(), math.inf)
            ok = np.concatenate([compliant(rec.months), compliant(rec.days)])
        found[(found == -1) & ok & needed] = n
        n += 1
    found[found == -1] = cap
    return found


@pytest.mark.integration
@pytest.mark.parametrize("name", bundled_scenarios())
def test_the_search_gives_exactly_the_answers_of_replaying_every_candidate(name: str) -> None:
    scenario = load_scenario(name).with_overrides(start="2023-01-01", end="2025-12-31", warmup_years=1)
    seed = replication_seeds(scenario.simulation.seed, 1)[0]
    drawn, _, _, searches = team_searches(scenario, seed, 0)
    checked = 0
    for search, workload in searches:
        answer = search.team(practices(drawn), decompose=False, workload_target=workload)
        counted = np.concatenate(answer.counted)
        limit = np.concatenate(answer.limit)
        for label, allocation in practices(drawn).items():
            fast = answer.found[(label, FULL)]
            reference = linear_search(search, allocation, counted, limit)
            np.testing.assert_array_equal(np.concatenate([fast.months, fast.days]), reference)
            checked += 1
    assert checked >= 2 * len(searches)


@pytest.mark.integration
def test_a_candidate_replayed_from_the_shared_staff_events_equals_one_drawn_afresh() -> None:
    """The search draws the staff events of its largest candidate once and replays each smaller
    one from them: every record equals a replay that draws that candidate's own streams, for
    every team, all three staff switches and candidates from one post to the cap (ties in time
    between posts' events included: summer leaves start on shared days)."""
    scenario = load_scenario("kanta-hame").with_overrides(start="2023-01-01", end="2025-12-31", warmup_years=1)
    seed = replication_seeds(scenario.simulation.seed, 1)[0]
    _, _, _, searches = team_searches(scenario, seed, 0)
    switches = [StaffSwitches(), StaffSwitches(vacancies=True, absences=False), StaffSwitches(False, False)]
    compared = 0
    for search, _ in searches:
        cap = 2 * len(search.base) + 3
        for switch in switches:
            for n in (1, len(search.base) // 2 + 1, len(search.base), cap):
                shared = search.replay_candidate(n, cap, search.rules, switch, math.inf)
                fresh = search.replay(candidate_specs(search.base, n), search.rules, switch, math.inf)
                np.testing.assert_array_equal(shared.months, fresh.months)
                np.testing.assert_array_equal(shared.days, fresh.days)
                compared += 1
    assert compared == len(searches) * 12


@pytest.mark.unit
@pytest.mark.parametrize(("n", "q"), [(40, 0.9), (60, 0.9), (25, 0.5), (100, 0.75)])
def test_the_order_statistic_interval_covers_at_least_its_level_exactly(n: int, q: float) -> None:
    """P(X(r) ≤ x_q ≤ X(s)) = P(r ≤ B ≤ s − 1) for B ~ Bin(n, q), whatever the distribution."""
    r, s = order_statistic_interval(n, q)  # type: ignore[misc]
    coverage = binom.cdf(s - 1, n, q) - binom.cdf(r - 1, n, q)
    assert coverage >= 0.95


@pytest.mark.unit
def test_twenty_replications_cannot_carry_a_ninety_percent_figure_and_forty_can() -> None:
    assert not can_carry(20, 0.9) and can_carry(40, 0.9)


@pytest.mark.unit
def test_the_interval_covers_the_true_quantile_at_its_nominal_rate_on_a_normal() -> None:
    """2,000 samples of 40 from N(50, 5²): the 95 % interval covers the true 0.9 quantile in at
    least 95 % of them, less three binomial standard errors."""
    rng = np.random.default_rng(7)
    truth = norm.ppf(0.9, 50, 5)
    trials = 2000
    covered = 0
    for _ in range(trials):
        low, high = quantile_interval(rng.normal(50, 5, 40), 0.9)  # type: ignore[misc]
        covered += low <= truth <= high
    assert covered / trials >= 0.95 - 3 * math.sqrt(0.95 * 0.05 / trials)


@pytest.mark.unit
def test_harrell_davis_is_unbiased_and_its_bootstrap_error_matches_theory_on_a_normal() -> None:
    """Mean of 400 Harrell–Davis estimates (n = 60) within 4 standard errors of the true 0.9
    quantile; the bootstrap standard error of one sample within 30 % of the asymptotic
    √(q(1−q)/n) / f(x_q) (the bootstrap of one sample of 60 is itself uncertain by about 15 %)."""
    rng = np.random.default_rng(11)
    q, n, sd = 0.9, 60, 5.0
    truth = norm.ppf(q, 50, sd)
    estimates = np.array([harrell_davis(rng.normal(50, sd, n), q) for _ in range(400)])
    assert abs(estimates.mean() - truth) < 4 * estimates.std(ddof=1) / math.sqrt(len(estimates))
    theory = math.sqrt(q * (1 - q) / n) / norm.pdf(norm.ppf(q), 0, 1) * sd
    sample = rng.normal(50, sd, n)
    assert bootstrap_se(sample, lambda v: harrell_davis(v, q)) == pytest.approx(theory, rel=0.3)
