"""The staffing answer in words and small tables: every output (the terminal, the workbook, the
board report, the app, the notebooks) renders :class:`~lsmitoitus.answers.staffing_answer.StaffingAnswer`
with these functions, so they say the same thing in the same words.

* :func:`headline`: the answer in one or two sentences: the year, the county's requirement with
  its Monte-Carlo error, the reading and practice, the funded (or planned) posts and the gap; the
  teams short of posts and from which year; the extra posts and why they exceed the gap;
* :func:`reading_lines`: one plain sentence per other reading of the law and per other practice;
* :func:`uncertainty_line`: what the figure's level and its error mean, in plain words;
* :func:`team_table`: per team its posts, requirement, from when it is short, the first day its
  posts fail, the extra posts and their euros (a team that complies says so);
* :func:`parts_table` and :func:`parts_lines`: the parts the headline is made of, each with its
  meaning (they add up to the headline; a negative part is explained);
* :func:`notes`: the law's dates, today's practice, aftercare, the search's cap.

No figure is stated at a confidence its replications cannot carry: the answer's level
(:attr:`StaffingAnswer.level`) decides every qualifier.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from ..answers.dimensioning_tables import PARTS, DimensioningResult
from ..answers.staffing_answer import (
    CONF,
    MEAN,
    P50,
    Difference,
    FundedCheck,
    StaffingAnswer,
    TeamAnswer,
    answer_of,
    least_replications,
    whole_posts,
)
from ..text import formats
from ..text.i18n import Lang, MissingTranslation, t
from ..text.labels import team_label


def as_answer(answer: StaffingAnswer | DimensioningResult) -> StaffingAnswer:
    """The answer of a dimensioning result (an answer is returned as it is)."""
    return answer if isinstance(answer, StaffingAnswer) else answer_of(answer)


def unit_name(unit: str, team: str, lang: Lang) -> str:
    """ "avohuolto, Forssa": a unit and its team for a table's cell."""
    return t("unit_team", lang, unit=t(unit, lang), team=team_label(team, lang))


def team_name(unit: str, team: str, lang: Lang) -> str:
    """ "avohuolto (Forssa)": a unit and its team inside a sentence."""
    return t("unit_team_short", lang, unit=t(unit, lang), team=team_label(team, lang))


def years_text(years: Sequence[int]) -> str:
    """Years as people list them: 2024–2026, 2028."""
    out: list[str] = []
    run: list[int] = []
    for year in sorted(years):
        if run and year == run[-1] + 1:
            run.append(year)
            continue
        if run:
            out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
        run = [year]
    if run:
        out.append(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}")
    return ", ".join(out)


def in_years(years: Sequence[int], lang: Lang) -> str:
    """ "vuonna 2025" or "vuosina 2025–2026" (in 2025, in 2025–2026)."""
    if len(years) == 1:
        return t("in_year", lang, year=years[0])
    return t("in_year_list", lang, years=years_text(years))


def joined(items: Sequence[str], lang: Lang) -> str:
    """ "a, b ja c" ("a, b and c")."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {t('and', lang)} {items[-1]}"


def conf_percent(answer: StaffingAnswer) -> int:
    return round(100 * answer.confidence)


def level_word(answer: StaffingAnswer, lang: Lang, level: str | None = None) -> str:
    """ "90 %", "mediaani" or "keskiarvo": the level a figure is stated at, for a column header."""
    level = answer.level if level is None else level
    return (
        t(f"level_word_{level}", lang, conf=conf_percent(answer)) if level == CONF else t(f"level_word_{level}", lang)
    )


def what(answer: StaffingAnswer, form: str, lang: Lang) -> str:
    """Funded or planned posts, in the form a sentence needs (plural, adessive, nominative)."""
    return t(f"what_{'planned' if answer.plan else 'funded'}_{form}", lang)


def error_text(half_width: float, lang: Lang) -> str:
    return formats.number(half_width, lang, 1)


def qualifier(answer: StaffingAnswer, lang: Lang, level: str, half_width: float, replications: int) -> str:
    """ "±2,6; 90 %:n varmuudella", "20 toistoa; mediaanina" or "±0,7;": a figure's error and level."""
    if level == CONF:
        return t("qualifier_conf", lang, error=error_text(half_width, lang), conf=conf_percent(answer))
    if level == P50:
        return t("qualifier_p50", lang, n=formats.integer(replications, lang))
    return t("qualifier_mean", lang, error=error_text(half_width, lang))


def practice_with(allocation: str, lang: Lang) -> str:
    return t(f"practice_with_{allocation}", lang)


def practice_about(allocation: str, lang: Lang) -> str:
    try:
        return t(f"practice_about_{allocation}", lang)
    except MissingTranslation:
        return t(f"practice_name_{allocation}", lang)


def where(answer: StaffingAnswer, lang: Lang) -> str:
    """ "THL:n seurantapäivinä, nykyisellä käytännöllä": the reading and the practice."""
    reading = t(f"reading_{answer.reading}", lang)
    if answer.reading == "mean_list":
        return reading
    return f"{reading}, {t('practice_today', lang)}"


def _gap(gap: int, lang: Lang) -> str:
    n = formats.integer(abs(gap), lang)
    return t("gap_short", lang, n=n) if gap > 0 else t("gap_over", lang, n=n) if gap < 0 else t("gap_none", lang)


def _short_team(team: TeamAnswer, answer: StaffingAnswer, lang: Lang) -> str:
    name = team_name(team.unit, team.team, lang)
    if team.extra_posts > 0:
        return t(
            "answer_short_team", lang, team=name, year=team.short_years[0], n=formats.integer(team.extra_posts, lang)
        )
    return t(
        "answer_short_team_years",
        lang,
        team=name,
        years=in_years(team.short_years, lang),
        n=formats.integer(team.most_missing, lang),
    )


def _plan_team(team: TeamAnswer, lang: Lang) -> str:
    details = []
    if team.most_missing > 0:
        details.append(t("plan_fail_missing", lang, n=formats.integer(team.most_missing, lang)))
    if team.first_failing_day is not None:
        details.append(t("plan_fail_day", lang, date=formats.date(team.first_failing_day, lang)))
    return t(
        "plan_fail_team",
        lang,
        team=team_name(team.unit, team.team, lang),
        years=in_years(team.problem_years, lang),
        detail="; ".join(details),
    )


def head_sentence(answer: StaffingAnswer, lang: Lang) -> str:
    """The first sentence: the year, the requirement, its error and level, the reading and the
    practice, the funded (or planned) posts and the gap."""
    year = answer.year(answer.headline_year)
    fields = {
        "year": answer.headline_year,
        "required": formats.integer(answer.required_whole, lang),
        "qualifier": qualifier(answer, lang, answer.level, year["half_width"], answer.replications),
        "where": where(answer, lang),
        "what": what(answer, "plural", lang),
        "funded": formats.number(answer.funded, lang),
        "gap": _gap(answer.gap_whole, lang),
    }
    if answer.plan:
        return t("answer_head_plan", lang, plan=answer.plan, **fields)
    return t("answer_head", lang, **fields)


def teams_sentence(answer: StaffingAnswer, lang: Lang) -> str:
    """Which teams are short, from when and by how much (or, for a plan, in which years it fails);
    a county whose teams all comply says so."""
    first, last = answer.first_year, answer.last_year
    if answer.plan:
        failing = [t_ for t_ in answer.teams if t_.problem_years]
        if not failing:
            return t("plan_meets_all", lang, first=first, last=last)
        years = in_years(answer.failing_years, lang)
        return t("plan_fails", lang, years=years, teams=joined([_plan_team(x, lang) for x in failing], lang))
    short = answer.short_teams
    if not short:
        return t("answer_none_short", lang, first=first, last=last)
    key = "answer_short_one" if len(short) == 1 else "answer_short_many"
    return t(key, lang, teams=joined([_short_team(x, answer, lang) for x in short], lang))


def extra_sentence(answer: StaffingAnswer, lang: Lang) -> str | None:
    """The posts to add in the headline year and their euros; why they exceed the gap (posts do
    not move between teams, whole posts per team)."""
    if answer.extra_posts <= 0:
        return None
    fields = {"extra": formats.integer(answer.extra_posts, lang), "cost": formats.money(answer.extra_cost, lang)}
    if answer.extra_posts <= answer.gap_whole:
        return t("answer_extra_total", lang, **fields)
    surplus = [
        t(
            "surplus_team",
            lang,
            team=unit_name(x.unit, x.team, lang),
            n=formats.number(x.funded_posts - whole_posts(x.required), lang),
        )
        for x in answer.surplus_teams
    ]
    text = t("answer_surplus", lang, teams="; ".join(surplus)) if surplus else ""
    key = "answer_extra_more" if answer.gap_whole > 0 else "answer_extra_despite"
    return t(key, lang, surplus=text, **fields)


def story(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> str:
    """The headline after its first sentence: the teams short (or the years a plan fails) and the
    extra posts. Outputs that set the first sentence apart (the workbook's first cell, the board
    report's bold line) print this after it, so every output tells the same headline."""
    answer = as_answer(answer)
    return " ".join([teams_sentence(answer, lang), *[x for x in [extra_sentence(answer, lang)] if x]])


def headline(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> str:
    """The answer in a few sentences (see the module docstring): :func:`head_sentence`, then
    :func:`story`."""
    answer = as_answer(answer)
    return f"{head_sentence(answer, lang)} {story(answer, lang)}"


def _figure(row: dict[str, object], answer: StaffingAnswer, lang: Lang) -> str:
    return formats.integer(float(row["required"]), lang)  # type: ignore[arg-type]


def _row_qualifier(row: dict[str, object], answer: StaffingAnswer, lang: Lang) -> str:
    return qualifier(
        answer,
        lang,
        str(row["level"]),
        float(row["half_width"]),  # type: ignore[arg-type]
        int(row["replications"]),  # type: ignore[call-overload]
    )


def reading_lines(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> list[str]:
    """One plain sentence per other reading of the law (the mean list; the other reading days,
    with both practices) and per other practice at the headline's reading (what it saves, and how
    often a child changes worker under each)."""
    answer = as_answer(answer)
    lines = []
    year = answer.headline_year
    done: set[str] = set()
    for reading, allocation in answer.others():
        row = answer.reading_row(reading, allocation, year)
        if row is None or math.isnan(float(row["required"])):
            continue
        if reading == "mean_list":  # posts suffice in whole posts: 33,4 needs 34
            needed = whole_posts(float(row["required"]))
            key = "other_mean_list_meets" if needed <= answer.funded + 1e-9 else "other_mean_list_fails"
            lines.append(
                t(
                    key,
                    lang,
                    required=formats.integer(needed, lang),
                    funded=formats.number(answer.funded, lang),
                    what=what(answer, "adessive", lang),
                )
            )
        elif reading == answer.reading:
            lines.append(_practice_sentence(answer, row, allocation, lang))
        elif reading not in done:
            done.add(reading)
            also = ""
            for other in [a for r, a in answer.others() if r == reading and a != answer.practice]:
                beside = answer.reading_row(reading, other, year)
                if beside is not None and not math.isnan(float(beside["required"])):
                    also = t(
                        "other_reading_also",
                        lang,
                        required=_figure(beside, answer, lang),
                        practice=practice_with(other, lang),
                    )
            head = answer.reading_row(reading, answer.practice, year) or row
            lines.append(
                t(
                    "other_reading",
                    lang,
                    reading=t(f"reading_sentence_{reading}", lang),
                    required=_figure(head, answer, lang),
                    qualifier=_row_qualifier(head, answer, lang),
                    also=also,
                )
            )
    return lines


def _practice_sentence(answer: StaffingAnswer, row: dict[str, object], allocation: str, lang: Lang) -> str:
    """The other practice at the headline's reading: its requirement, what it saves, continuity."""
    required = float(row["required"])  # type: ignore[arg-type]
    head = answer.reading_row(answer.reading, answer.practice)
    # the difference of the figures as printed (57 and 50 save 7), not of their fractions
    saving = round(float(head["required"])) - round(required) if head is not None else 0
    kind = "managed" if allocation == "managed" else "other"
    n = formats.integer(abs(saving), lang)
    change = (
        t(f"saving_{kind}", lang, n=n)
        if saving > 0
        else t(f"costing_{kind}", lang, n=n)
        if saving < 0
        else t("saving_none", lang)
    )
    practice = practice_with(allocation, lang)
    fields = {
        "practice": practice[:1].upper() + practice[1:],
        "about": practice_about(allocation, lang),
        "required": formats.integer(required, lang),
        "qualifier": _row_qualifier(row, answer, lang),
        "change": change,
    }
    changes, now = answer.changes_per_child(allocation), answer.changes_per_child(answer.practice)
    if math.isnan(changes) or math.isnan(now):
        return t("other_practice_plain", lang, **fields)
    return t(
        "other_practice",
        lang,
        changes=formats.number(changes, lang, 2),
        changes_now=formats.number(now, lang, 2),
        **fields,
    )


def uncertainty_line(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> str:
    """The level and the Monte-Carlo error in plain words."""
    answer = as_answer(answer)
    year = answer.year(answer.headline_year)
    n = formats.integer(answer.replications, lang)
    if answer.level == MEAN:
        return t("uncertainty_mean", lang, n=n, error=error_text(year["half_width"], lang))
    if answer.level == P50:
        return t(
            "uncertainty_p50",
            lang,
            n=n,
            need=formats.integer(least_replications(answer.confidence), lang),
            p50=formats.integer(year["required_p50"], lang),
        )
    goal = ""
    if answer.precision_goal is not None:
        met = answer.precision <= answer.precision_goal + 1e-9
        goal = t(
            "goal_met" if met else "goal_missed",
            lang,
            goal=formats.number(answer.precision_goal, lang),
            n=n,
        )
    return t(
        "uncertainty_conf",
        lang,
        required=formats.integer(year["required"], lang),
        conf=conf_percent(answer),
        p50=formats.integer(year["required_p50"], lang),
        n=n,
        error=error_text(year["half_width"], lang),
        goal=goal,
    )


def summary_lines(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> list[str]:
    """Page 1 of every output: the headline, the other readings and practices, the uncertainty."""
    answer = as_answer(answer)
    return [headline(answer, lang), *reading_lines(answer, lang), uncertainty_line(answer, lang)]


def team_frame(answer: StaffingAnswer | DimensioningResult) -> pd.DataFrame:
    """Per team, language-free: unit, team, posts and requirement in the headline year, first short
    year, first failing day, extra posts and their euros a year; the short teams first."""
    answer = as_answer(answer)
    short = {(x.unit, x.team) for x in answer.short_teams}
    order = [*answer.short_teams, *[x for x in answer.teams if (x.unit, x.team) not in short]]
    return pd.DataFrame(
        [
            {
                "unit": x.unit,
                "team": x.team,
                "funded_posts": x.funded_posts,
                "required": x.required,
                "first_short_year": x.first_short_year,
                "first_failing_day": x.first_failing_day,
                "extra_posts": x.extra_posts,
                "extra_cost": x.extra_cost,
                "counted": x.counted,
                "workload_target": x.workload_target,
            }
            for x in order
        ]
    )


def short_from(row: Mapping[Any, Any], lang: Lang) -> str:
    """When a team runs short: its first failing reading day (or, without one, its first short
    year); "riittää" for a team that complies, "ei laskettavia" for one whose clients the law does
    not count."""
    if not row["counted"]:
        return t("team_not_counted", lang)
    year = row["first_short_year"]
    if year is None or pd.isna(year):
        text = t("team_suffices", lang)
    else:
        day = row["first_failing_day"]
        usable = day is not None and not pd.isna(day) and day.year <= int(year)
        text = formats.date(day, lang) if usable else str(int(year))
    if row["workload_target"]:
        text = f"{text} ({t('team_workload', lang)})"
    return text


def team_table(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> pd.DataFrame:
    """The teams for people: formatted cells under translated headers, with a total row (the
    county's requirement, and the extra posts the teams need)."""
    answer = as_answer(answer)
    year = answer.headline_year
    rows = []
    for r in team_frame(answer).to_dict("records"):
        rows.append(
            [
                unit_name(str(r["unit"]), str(r["team"]), lang),
                formats.number(float(r["funded_posts"]), lang),
                formats.number(float(r["required"]), lang, 1) if r["counted"] else "–",  # no list the law counts
                short_from(r, lang),
                formats.integer(float(r["extra_posts"]), lang),
                formats.money(float(r["extra_cost"]), lang),
            ]
        )
    rows.append(
        [
            t("total_row", lang),
            formats.number(answer.funded, lang),
            formats.number(answer.year(year)["required"], lang, 1),
            "",
            formats.integer(answer.extra_posts, lang),
            formats.money(answer.extra_cost, lang),
        ]
    )
    header = [
        t("answer_unit", lang),
        t("team_col_posts", lang, what=what(answer, "nominative", lang), year=year),
        t("team_col_required", lang, year=year, level=level_word(answer, lang)),
        t("team_col_short", lang),
        t("team_col_extra", lang, year=year),
        t("answer_cost", lang),
    ]
    return pd.DataFrame(rows, columns=header)


def reading_label(answer: StaffingAnswer, reading: str, allocation: str, level: str, lang: Lang) -> str:
    """ "THL:n seurantapäivät; vuorojako (nykyinen käytäntö); 90 %": a row of the readings table."""
    parts = [t(f"reading_name_{reading}", lang)]
    if reading != "mean_list":
        practice = t(f"practice_name_{allocation}", lang)
        if allocation == answer.practice:
            practice = t("practice_current", lang, practice=practice)
        parts.append(practice)
    parts.append(level_word(answer, lang, level))
    return "; ".join(parts)


def readings_frame(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> pd.DataFrame:
    """Every reading and practice side by side, language-free numbers under readable labels: one
    row per (reading, practice), the headline's first, a column per budget year (the stated
    figure), then the headline year's 95 % Monte-Carlo error (NaN for a median) and the
    replications it rests on."""
    answer = as_answer(answer)
    pairs = [(answer.reading, answer.practice), *answer.others()]
    rows = []
    for reading, allocation in pairs:
        part = answer.readings[(answer.readings["reading"] == reading) & (answer.readings["allocation"] == allocation)]
        if part.empty:
            continue
        by_year = part.set_index("year")
        level = str(part["level"].iloc[0])
        head = by_year.loc[answer.headline_year] if answer.headline_year in by_year.index else part.iloc[-1]
        half_width, replications = head["half_width"], head["replications"]
        row: dict[str | int, Any] = {
            "label": reading_label(answer, reading, allocation, level, lang),
            "reading": reading,
            "allocation": allocation,
            **{int(y): float(by_year["required"].get(y, math.nan)) for y in answer.years},
            "half_width": float(half_width),  # type: ignore[arg-type]  # a scalar: one row per year
            "replications": int(replications),  # type: ignore[arg-type]
        }
        rows.append(row)
    return pd.DataFrame(rows)


def readings_table(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> pd.DataFrame:
    """:func:`readings_frame` for people: whole posts by year, the error with one decimal."""
    answer = as_answer(answer)
    frame = readings_frame(answer, lang)
    year = answer.headline_year
    rows = [
        [
            r["label"],
            *(formats.integer(r[y], lang) for y in answer.years),
            "±" + formats.number(r["half_width"], lang, 1) if not math.isnan(r["half_width"]) else "–",
            formats.integer(r["replications"], lang),
        ]
        for r in frame.to_dict("records")
    ]
    header = [
        t("readings_col", lang),
        *(str(y) for y in answer.years),
        t("readings_error", lang, year=year),
        t("readings_replications", lang),
    ]
    return pd.DataFrame(rows, columns=[formats.keep_together(h) for h in header])


def part_label(part: str, answer: StaffingAnswer, lang: Lang) -> str:
    if part == "confidence" and answer.level != CONF:
        return t("part_confidence_p50", lang)
    return t(f"part_{part}", lang)


def part_meaning(part: str, answer: StaffingAnswer, lang: Lang) -> str:
    if part == "confidence":
        if answer.level != CONF:
            return t("part_about_confidence_p50", lang)
        return t("part_about_confidence", lang, conf=conf_percent(answer))
    return t(f"part_about_{part}", lang)


def parts_table(
    answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi", year: int | None = None
) -> pd.DataFrame:
    """The headline's parts in ``year`` (the headline year): part, posts (signed after the
    first), meaning; the total row is the headline's figure. Empty without a decomposition."""
    answer = as_answer(answer)
    parts = answer.parts_of(year)
    if not parts:
        return pd.DataFrame()
    rows = []
    for i, part in enumerate(PARTS):
        value = parts[part]
        shown = formats.number(value, lang, 1) if i == 0 else formats.signed(value, lang, 1)
        rows.append([part_label(part, answer, lang), shown, part_meaning(part, answer, lang)])
    rows.append([t("total_row", lang), formats.number(parts["required"], lang, 1), ""])
    return pd.DataFrame(
        rows, columns=[t("part_col_part", lang), t("part_col_posts", lang), t("part_col_meaning", lang)]
    )


def parts_lines(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi", year: int | None = None) -> list[str]:
    """The parts' title (the year, the total, how many replications they rest on) and, if a part
    is negative, what that means."""
    answer = as_answer(answer)
    year = answer.headline_year if year is None else year
    parts = answer.parts_of(year)
    if not parts:
        return []
    n = formats.integer(answer.decomposition_replications, lang)
    lines = [
        t(
            "parts_title",
            lang,
            year=year,
            required=formats.number(parts["required"], lang, 1),
            level=level_word(answer, lang),
            n=n,
        )
    ]
    negative = [
        f"{part_label(p, answer, lang)} {formats.signed(parts[p], lang, 1)}" for p in PARTS[1:] if parts[p] < -0.05
    ]
    if negative:
        lines.append(t("parts_negative", lang, parts=", ".join(negative), n=n))
    return lines


def difference_sentence(d: Difference, lang: Lang = "fi") -> str:
    """A what-if's answer: what the edit changes in the headline year, paired by replication (the
    requirement's and the costs' median change with their P10–P90), the two answers' figures, and
    how many replications it rests on."""
    band = f"{formats.signed(d.posts_p10, lang, 0)}…{formats.signed(d.posts_p90, lang, 0)}"
    base, edited = d.base.year(d.year)["required"], d.edited.year(d.year)["required"]
    return t(
        "whatif_head",
        lang,
        year=d.year,
        posts=formats.signed(d.posts_p50, lang, 0) if round(d.posts_p50) else "0",
        band=band,
        base=formats.integer(base, lang),
        edited=formats.integer(edited, lang),
        level=level_word(d.edited, lang),
        cost=formats.money(d.cost_p50, lang, sign=True),
        cost_band=formats.money_range(d.cost_p10, d.cost_p90, lang, 2, sign=True),
        n=formats.integer(d.replications, lang),
    )


def funded_check_line(check: FundedCheck, lang: Lang = "fi") -> str:
    """A run's check of the funded posts in one sentence: which teams fail the reading from when
    (the dimensioning answer's criterion on the run's own replications), or that all comply."""
    n = formats.integer(check.replications, lang)
    level = t(f"check_level_{check.level}", lang, conf=round(100 * check.confidence), n=n)
    reading = t(f"reading_{check.reading}", lang)
    failing = check.failing_teams
    if not failing:
        return t("check_ok", lang, reading=reading, first=check.first_year, last=check.last_year, qualifier=level)
    teams = [
        t("check_team", lang, team=team_name(x.unit, x.team, lang), date=formats.date(x.first_failing_day, lang))
        if x.first_failing_day is not None
        else t("check_team_year", lang, team=team_name(x.unit, x.team, lang), year=x.failing_years[0])
        for x in failing
    ]
    return t("check_fails", lang, reading=reading, qualifier=level, teams=joined(teams, lang))


def law_note(answer: StaffingAnswer, lang: Lang = "fi") -> str:
    """From when which limit is applied: the law's dated steps (none before the first), and a
    planning target only from its start date, never to the past."""
    law = ", ".join(t("law_step", lang, value=v, date=formats.date(d, lang)) for v, d in answer.limits)
    first = formats.date(answer.limits[0][1], lang) if answer.limits else ""
    if answer.target is None or answer.target_from is None:
        return t("answer_law_only", lang, law=law, first=first)
    start = formats.date(answer.target_from, lang)
    return t("answer_target_from", lang, n=answer.target, date=start, law=law, first=first)


def notes(answer: StaffingAnswer | DimensioningResult, lang: Lang = "fi") -> list[str]:
    """What a reader must know to read the answer right: the law's dates, today's practice, how
    aftercare is counted (the law, or the county's own target), lower bounds."""
    answer = as_answer(answer)
    out = [law_note(answer, lang)]
    if answer.reading != "mean_list":
        out.append(
            t(
                "note_practice",
                lang,
                name=t(f"practice_name_{answer.practice}", lang),
                about=practice_about(answer.practice, lang),
            )
        )
    for team in answer.uncounted_teams:
        if team.unit == "jalkihuolto":
            out.append(t("note_aftercare_law", lang, posts=formats.number(team.funded_posts, lang)))
    if answer.workload_teams and answer.aftercare_target is not None:
        out.append(t("note_aftercare_target", lang, target=answer.aftercare_target))
    if answer.capped:
        out.append(t("answer_capped", lang))
    return out


__all__ = [
    "as_answer",
    "difference_sentence",
    "funded_check_line",
    "headline",
    "notes",
    "parts_lines",
    "parts_table",
    "reading_lines",
    "readings_frame",
    "readings_table",
    "story",
    "summary_lines",
    "team_frame",
    "team_table",
    "uncertainty_line",
    "unit_name",
]
