"""Staffing plans and per-year euros: a plan's rows are checked whatever their format, a plan
changes the posts from its dates, a year's euros are posts × cost × price index (checked by
hand), and the cheapest plan gives every team its yearly requirement."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from lsmitoitus import PlanStep, Scenario
from lsmitoitus.answers.budget import budget_years, fte_years, month_ends, post_cost
from lsmitoitus.answers.dimensioning import DimensioningResult
from lsmitoitus.answers.plans import (
    PlanError,
    RawStep,
    apportion,
    cheapest_plan,
    parse_steps,
    stated_column,
    steady,
    with_plan,
)
from lsmitoitus.model.posts import posts_on
from lsmitoitus.text.i18n import Msg


def rows(*records: dict[str, object]) -> list[RawStep]:
    return [RawStep(Msg("plan_row", sheet="S", row=i), r) for i, r in enumerate(records, start=2)]


@pytest.mark.unit
def test_plan_rows_in_any_spelling_become_steps_in_date_order(budget_scenario: Scenario) -> None:
    steps = parse_steps(
        rows(
            {"start": "1.3.2026", "unit": "avohuolto", "area": "hämeenlinna", "change": "2"},
            {"start": dt.datetime(2025, 7, 1), "unit": "Sijaishuolto", "area": "Riihimäki", "change": "0,5"},
            {"start": "2025-09-01", "unit": "jälkihuolto", "area": "Forssa", "change": "−1", "lead": "ei"},
            {"start": dt.date(2026, 1, 1), "unit": "open care", "area": "Forssa", "change": 1, "lead": "kyllä"},
        ),
        budget_scenario,
        "suunnitelma.xlsx",
    )
    assert [(s.start, s.unit, s.area, s.change, s.lead) for s in steps] == [
        (dt.date(2025, 7, 1), "sijaishuolto", "Riihimäki", 0.5, False),
        (dt.date(2025, 9, 1), "jalkihuolto", "Forssa", -1.0, False),
        (dt.date(2026, 1, 1), "avohuolto", "Forssa", 1.0, True),
        (dt.date(2026, 3, 1), "avohuolto", "Hämeenlinna", 2.0, False),
    ]


@pytest.mark.unit
def test_every_bad_row_is_named_with_what_is_wrong(budget_scenario: Scenario) -> None:
    with pytest.raises(PlanError) as err:
        parse_steps(
            rows(
                {"start": "31.2.2026", "unit": "avohuolto", "area": "Forssa", "change": 1},
                {"start": "1.1.2026", "unit": "kotihoito", "area": "Tampere", "change": "kaksi", "lead": "ehkä"},
                {"start": "1.1.2040", "unit": "avohuolto", "area": "Forssa", "change": 5000},
                {"start": None, "unit": "avohuolto", "area": "Forssa", "change": 1},
            ),
            budget_scenario,
            "s.xlsx",
        )
    text = str(err.value)
    assert text.startswith("s.xlsx: virheellinen suunnitelma (4 ongelmaa):")
    assert "rivi 2: päivämäärä 31.2.2026 ei kelpaa" in text
    assert "rivi 3: yksikkö kotihoito ei ole tunnettu; sallitut: avohuolto, sijaishuolto, jälkihuolto" in text
    assert "alue Tampere ei ole skenaarion alue; alueet: Forssa, Hämeenlinna, Riihimäki" in text
    assert "muutos kaksi ei ole luku" in text and "vastaava ehkä: anna kyllä tai ei" in text
    assert "rivi 4: päivämäärä 1.1.2040 on simuloidun jakson 1.1.2025 – 31.12.2026 ulkopuolella" in text
    assert "muutos 5\u00a0000: sallittu väli −1\u00a0000 … 1\u00a0000 htv" in text
    assert "rivi 5: alkaa puuttuu" in text
    assert "sheet S, row 2: 31.2.2026 is not a date" in err.value.text("en")


@pytest.mark.unit
def test_a_plan_cannot_remove_posts_the_area_does_not_have(budget_scenario: Scenario) -> None:
    scenario = budget_scenario  # Forssa has 6 open-care posts
    ok = parse_steps(rows({"start": "1.1.2026", "unit": "avohuolto", "area": "Forssa", "change": -6}), scenario, "p")
    assert posts_on(with_plan(scenario, ok), "avohuolto", "Forssa", dt.date(2026, 1, 1)) == 0
    with pytest.raises(PlanError, match=r"rivi 3: poistaisi 8 htv, mutta alueella on 1\.1\.2026 vain 7 htv"):
        parse_steps(
            rows(
                {"start": "1.1.2025", "unit": "avohuolto", "area": "Forssa", "change": 1},
                {"start": "1.1.2026", "unit": "avohuolto", "area": "Forssa", "change": -8},
            ),
            scenario,
            "p",
        )


@pytest.mark.unit
def test_a_years_euros_are_the_posts_months_times_cost_and_price_index(
    budget_scenario: Scenario, budget_plan: list[PlanStep]
) -> None:
    """By hand: Hämeenlinna's open care has 17 posts; two more from 1 March 2026 exist at 10 of
    the year's 12 month ends, so 2026 has 17 + 2 × 10/12 = 18.6667 FTE-years; at €63,000 a year
    in 2024 prices, +2.5 % a year: 18.6667 × 63,000 × 1.025² = €1,235,535. Substitute care (one
    county team, 13 posts) gets half a post from 1 July 2025: 13 + 0.5 × 6/12 = 13.25 FTE-years,
    × 63,000 × 1.025 = €855,618.75."""
    scenario = with_plan(budget_scenario, budget_plan)
    hameenlinna = fte_years(scenario, [("avohuolto", "Hämeenlinna")], month_ends(2026))
    assert hameenlinna == pytest.approx(18.666667, abs=1e-6)
    assert post_cost(scenario, hameenlinna, 2026) == pytest.approx(1_235_535.0, abs=0.01)
    county_team = fte_years(scenario, [("sijaishuolto", "koko_alue")], month_ends(2025))
    assert post_cost(scenario, county_team, 2025) == pytest.approx(855_618.75, abs=0.01)


@pytest.mark.unit
@pytest.mark.parametrize(("total", "weights"), [(10, [3, 7, 3]), (-3, [3, 7, 3]), (2.5, [6.5, 17, 8]), (7, [0, 0])])
def test_a_teams_posts_are_split_over_its_areas_in_whole_posts(total: float, weights: list[float]) -> None:
    parts = apportion(total, weights)
    assert sum(parts) == pytest.approx(total)
    assert sum(abs(p - round(p)) > 1e-9 for p in parts) <= 1  # only the fraction of a part-time post
    if sum(weights) > 0:  # each area within one post of its proportional share
        assert all(abs(p - total * w / sum(weights)) < 1 + 1e-9 for p, w in zip(parts, weights, strict=True))


@pytest.mark.integration
def test_the_answers_euros_are_the_plans(planned_answer: DimensioningResult) -> None:
    """The dimensioning answer prices the plan it evaluated as the hand-checked rule does."""
    planned = planned_answer
    budget = budget_years(planned)
    row = budget[(budget["year"] == 2026) & (budget["unit"] == "avohuolto") & (budget["team"] == "Hämeenlinna")]
    assert float(row["funded_cost"].iloc[0]) == pytest.approx(1_235_535.0, abs=0.01)
    assert float(row["funded_posts"].iloc[0]) == 19  # at the end of the year
    yearly = planned.yearly
    same = yearly[(yearly["year"] == 2026) & (yearly["unit"] == "avohuolto") & (yearly["team"] == "Hämeenlinna")]
    assert float(same["funded_cost"].iloc[0]) == pytest.approx(1_235_535.0, abs=0.01)
    county = budget[(budget["unit"] == "kaikki") & (budget["year"] == 2026)].iloc[0]
    teams = budget[(budget["unit"] != "kaikki") & (budget["team"] != "kaikki") & (budget["year"] == 2026)]
    assert county["funded_cost"] == pytest.approx(teams["funded_cost"].sum())
    assert county["total_cost_funded"] == pytest.approx(county["funded_cost"] + county["other_costs_p50"])
    assert county["required_cost"] == pytest.approx(county["required_posts"] * 63_000 * 1.025**2)
    # two replications cannot carry a figure at 90 %: the stated requirement is the median
    assert county["required_posts"] == pytest.approx(county["required_posts_p50"])


@pytest.mark.integration
def test_the_cheapest_plan_gives_every_team_its_yearly_requirement(cheapest_answer: DimensioningResult) -> None:
    """Every counted team holds its yearly requirement rounded up to whole posts (a quantile over
    replications is a fraction; a post is not), held steady; a team whose clients the law does not
    count (aftercare's young adults, legal requirement 0) keeps its funded posts instead of being
    cut to none."""
    cheapest = cheapest_answer
    plan = cheapest_plan(cheapest)
    assert plan and all(s.start.month == 1 and s.start.day == 1 for s in plan)
    scenario = with_plan(cheapest.scenario, plan)
    without = with_plan(cheapest.scenario, [])
    yearly = cheapest.yearly
    teams = yearly[(yearly["unit"] != "kaikki") & (yearly["team"] != "kaikki")]
    column = stated_column(cheapest)  # the answer's level: the median of two replications
    assert column == "required_posts_p50"
    fractions = 0
    for (unit, team), rows in teams.sort_values("year").groupby(["unit", "team"]):
        days = [dt.date(int(y), 1, 1) for y in rows["year"]]
        held = [posts_on(scenario, str(unit), str(team), day) for day in days]
        if unit == "jalkihuolto":
            assert held == [posts_on(without, str(unit), str(team), day) for day in days]
            continue
        whole = [float(math.ceil(v - 1e-6)) for v in rows[column]]
        fractions += sum(v != w for v, w in zip(rows[column], whole, strict=True))
        assert held == pytest.approx(steady(whole), abs=1e-6), (unit, team)
        assert all(float(h).is_integer() for h in held)
    assert fractions  # the medians of two replications include halves: the rounding is exercised


@pytest.mark.integration
def test_a_plans_headline_never_claims_what_its_tables_deny(planned_answer: DimensioningResult) -> None:
    """Issue 22, point 2: "1 lisävakanssia … pitää kaikki rajan alla" above a table in which the
    plan falls short every year. The headline, the budget lines and the yearly table now read one
    verdict (:attr:`StaffingAnswer.failing_years`): a year the tables show short (a team lacks
    posts at the year's end, or a reading day fails at the plan's posts) is named as failing, and
    "riittää" appears only if no year is; the plan is named and its posts are "suunniteltuja"."""
    from lsmitoitus.answers.staffing_answer import answer_of
    from lsmitoitus.reports.answer import headline
    from lsmitoitus.reports.dimensioning_report import budget_lines

    answer = answer_of(planned_answer)
    assert answer.plan == "testi.toml"
    budget = budget_years(planned_answer, answer)
    teams = budget[(budget["unit"] != "kaikki") & (budget["team"] != "kaikki")]
    short_in_table = {int(y) for y in teams[teams["extra_posts"] > 0]["year"]}
    failing_in_table = {int(y) for y in teams[teams["failing_days"] > 0]["year"]}
    assert short_in_table | failing_in_table == set(answer.failing_years)
    text = headline(answer, "fi")
    lines = budget_lines(planned_answer, "fi", budget, answer=answer)
    assert text.startswith("Suunnitelma testi.toml: vuonna 2026 tarvitaan ") and "suunniteltuja on" in text
    assert "rahoitettuja" not in text
    if answer.failing_years:
        assert "Suunnitelma ei riitä" in text and "riittää kaikissa" not in text
        assert any(line.startswith("Suunnitelma jää tavoitteesta") for line in lines)
        for year in answer.failing_years:
            assert str(year) in text
    else:
        assert "Suunnitelma riittää kaikissa tiimeissä" in text
        assert any(line.startswith("Suunnitelma täyttää tavoitteen") for line in lines)
    assert "90" not in text  # two replications carry no figure at 90 %


@pytest.mark.integration
def test_the_cheapest_plans_notes_give_each_requirement_to_a_tenth_of_a_post(
    carried_answer: DimensioningResult,
) -> None:
    """The plan sheet's note says which requirement a change meets, to a tenth of a post as the
    tables give it ("tarve 2025: 8,4 vakanssia (90 %)"), not to three decimals (a quantile at 90 %
    is a fraction: 40 replications carry it)."""
    import re

    from lsmitoitus.reports.dimensioning_report import plan_frame

    notes = [n for n in plan_frame(carried_answer, "fi").iloc[:, -2:].to_numpy().ravel() if str(n).startswith("tarve")]
    assert notes
    for note in notes:
        assert re.fullmatch(r"tarve \d{4}: \d+(,\d)? vakanssia \(.+\)", note), note
