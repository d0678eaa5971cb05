"""What the web app does, without the web: edit a scenario, run it against its base, package
the downloads. The Streamlit page (:mod:`lsmitoitus.app.page`) only draws these.

Everything goes through the same public API and scenario schema as the command line, so an
edited scenario downloaded from the app runs unchanged with ``lsmitoitus run``.
"""

from __future__ import annotations

import io
import json
import math
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

import pandas as pd

from ..answers.comparison import mean_fill_rate as comparison_mean_fill_rate
from ..answers.comparison import whatif_facts
from ..answers.costs import TOTAL, cost_frame, cost_summary
from ..answers.dimensioning import DimensioningResult, planning_start, requirement_for_replication
from ..answers.dimensioning_tables import ReplicationRequirement, assemble
from ..answers.indicators import late_assessment_shares
from ..answers.plans import stated_column
from ..answers.staffing_answer import Difference, answer_of, difference
from ..memo import RecentByIdentity
from ..model.randomness import replication_seeds
from ..reports import answer
from ..reports.charts import literal_text
from ..reports.comparison_text import comparison_frame
from ..reports.csvfiles import csv_bytes, csv_style
from ..reports.dimensioning_report import assessment_level, tables, write_workbook
from ..reports.report import report_html, report_pdf
from ..reports.report_data import compare_data, parse
from ..scenario.files import (
    BUNDLED_DEFAULT,
    bundled_scenarios,
    scenario_from_dict,
    scenario_from_upload,
    scenario_to_toml,
)
from ..scenario.schema import Scenario
from ..simulation.results import build_results
from ..simulation.runner import default_jobs, map_tasks
from ..text import formats
from ..text.i18n import Lang, MissingTranslation, t
from ..text.text_table import MARKDOWN_SIGNS
from ..vocabulary import ALL, UNITS


@dataclass(frozen=True)
class Edits:
    """The levers the head of service moves in the app (None/empty: keep the scenario's value)."""

    growth_per_year: float | None = None  # notifications per child, relative change per year
    population_growth_per_year: float | None = None
    fill_rate_scale: float | None = None  # every unit's and area's fill rate times this (capped at 1)
    posts: dict[tuple[str, str], float] = field(default_factory=dict)  # (unit, area) -> posts (FTE)
    perhehoito_share_target: float | None = None
    avohuolto_escalation_reduction: float | None = None  # relative cut in escalation from open care


def mean_fill_rate(scenario: Scenario) -> float:
    """The scenario's fill rate over all units and areas, weighted by posts (what the app's
    slider shows; moving it scales every unit's own rate, so their differences survive)."""
    return comparison_mean_fill_rate(scenario)


def edit_scenario(base: Scenario, edits: Edits) -> Scenario:
    """A validated copy of ``base`` with the edits applied; named "<base>-muokattu" only if an
    edit changes something (an unedited scenario is ``base`` itself, under its own name)."""
    data = base.model_dump()
    if edits.growth_per_year is not None:
        data["demand"]["growth_per_year"] = edits.growth_per_year
    if edits.population_growth_per_year is not None:
        data["demand"]["population_growth_per_year"] = edits.population_growth_per_year
    for unit, by_area in data["staffing"].items():
        for area, staff in by_area.items():
            if edits.fill_rate_scale is not None and edits.fill_rate_scale != 1.0:
                staff["fill_rate"] = min(1.0, round(staff["fill_rate"] * edits.fill_rate_scale, 4))
            if (unit, area) in edits.posts:
                staff["social_workers"] = edits.posts[(unit, area)]
    levers = data["levers"]
    if edits.perhehoito_share_target is not None or levers.get("perhehoito_share_target") is not None:
        levers["perhehoito_share_target"] = edits.perhehoito_share_target
    if edits.avohuolto_escalation_reduction is not None:
        levers["avohuolto_escalation_reduction"] = edits.avohuolto_escalation_reduction
    if data == base.model_dump():
        return base
    data["name"] = f"{base.name}-muokattu"[:80]
    data["description"] = f"{base.description} Muokattu sovelluksessa / edited in the app."[:4000]
    return scenario_from_dict(data, "edited scenario")


def scenario_label(name: str, lang: Lang) -> str:
    """A bundled scenario as a person reads it ("Kanta-Häme, perusura (oletus)"), its name after."""
    try:
        return f"{t(f'scenario_desc_{name}', lang)} ({name})"
    except MissingTranslation:
        return name


def available_scenarios() -> dict[str, str]:
    """Every bundled scenario, label -> name, the default (kanta-hame) first: the same list
    wherever the app is started."""
    names = sorted(bundled_scenarios(), key=lambda name: (name != BUNDLED_DEFAULT, name))
    return {name: name for name in names}


def load_uploaded(content: bytes, filename: str) -> Scenario:
    """Validate an uploaded scenario with the same messages as the command line.

    It may extend a bundled scenario by name (``extends = "kanta-hame"``), never a path; it is
    never written to disk, and no message shows anything but the upload's own values
    (:func:`lsmitoitus.scenario.files.scenario_from_upload`)."""
    return scenario_from_upload(content, filename)


@dataclass
class WhatIf:
    """A what-if's answer so far: the base and the edited scenario dimensioned with the same seeds
    (their answers and the paired difference), how many replications each rests on out of how
    many chosen, and whether the edited answer already has the expensive parts (the practice
    shown beside the headline, the parts of the requirement). The comparison table is built when
    a page shows it (:func:`comparison_for_people`), not for every live update."""

    base: DimensioningResult
    edited: DimensioningResult
    difference: Difference | None = None
    done: int = 0
    total: int = 0
    full: bool = False

    @property
    def final(self) -> bool:
        return self.done >= self.total


#: A store of replications' requirements, shared by sessions: (scenario text, target, seed, kind)
#: -> {replication: its requirement}. ``kind`` is HEADLINE_ONLY (the live answer) or FULL (the
#: practice beside the headline, the parts, the assessment workers).
Store = dict[tuple[str, int | None, int, str], dict[int, ReplicationRequirement]]
HEADLINE_ONLY, FULL = "headline", "full"
#: Scenario runs kept in a store (the oldest forgotten first).
STORE_SCENARIOS = 12
#: Replications run between two updates of the page (one per core on this two-core machine).
BATCH = 2
#: The live answer shows itself once it has taken this long (s); a quicker answer appears whole.
SHOW_AFTER = 2.0
#: Seconds at least between two updates of a live answer: each rebuilds the answer's tables
#: (about a second of the page's own time, taken from the replications running beside it).
UPDATE_EVERY = 2.0


def _requirement(
    scenario: Scenario, rep_seed: Any, replication: int, target: int | None, headline_only: bool
) -> ReplicationRequirement:
    """One replication's requirement (module level, so worker processes can run it)."""
    start = planning_start(scenario)
    return requirement_for_replication(
        scenario, rep_seed, replication, target, start, decompose=not headline_only, headline_only=headline_only
    )


#: The text of the scenarios asked about lately: writing it takes a fiftieth of a second, and a
#: what-if asks often.
_TEXTS: RecentByIdentity[str] = RecentByIdentity(4 * STORE_SCENARIOS)


def _key(scenario: Scenario, target: int | None, kind: str) -> tuple[str, int | None, int, str]:
    """A scenario's place in a store: its text whatever the number of replications (replication r
    is the same in a run of 8 and of 40), the target, the seed and the kind."""
    text = _TEXTS.get(scenario, None, lambda: scenario_toml(scenario.with_overrides(replications=1)))
    return (text, target, scenario.simulation.seed, kind)


def _slot(store: Store, key: tuple[str, int | None, int, str]) -> dict[int, ReplicationRequirement]:
    if key not in store:
        store[key] = {}
        while len(store) > STORE_SCENARIOS:  # keep memory bounded: forget the oldest scenario
            store.pop(next(iter(store)))
    return store[key]


def run_replications(
    scenarios: list[Scenario],
    target: int | None,
    replications: int,
    store: Store,
    kind: str = HEADLINE_ONLY,
    after_batch: Callable[[int, int], None] | None = None,
) -> None:
    """Run the replications 0 … ``replications`` − 1 of every scenario that ``store`` lacks, in
    one set of worker processes, both scenarios' replication r one after the other (the same
    seed: paired), each stored as it arrives; ``after_batch(done, total)`` after every
    :data:`BATCH` counts the replications run over all scenarios (the workers go on meanwhile)."""
    slots = [_slot(store, _key(s, target, kind)) for s in scenarios]
    seeds = replication_seeds(scenarios[0].simulation.seed, replications)
    missing = [(i, r) for r in range(replications) for i, slot in enumerate(slots) if r not in slot]
    total = len(missing)
    if not total:
        return
    calls = [(scenarios[i], seeds[r], r, target, kind == HEADLINE_ONLY) for i, r in missing]
    done = 0

    def arrived(index: int, requirement: ReplicationRequirement) -> None:
        nonlocal done
        i, r = missing[index]
        slots[i][r] = requirement
        done += 1
        if after_batch is not None and (done % BATCH == 0 or done == total):
            after_batch(done, total)

    map_tasks(_requirement, calls, default_jobs(total), on_result=arrived)


#: Answers built lately, by scenario text, target, confidence and the replications' identities
#: (the entry keeps them alive): the base's answer is the same in every what-if paired with it,
#: so the page builds it while the settings are chosen (:func:`prepare_base`).
_ANSWERS: dict[tuple[object, ...], tuple[list[ReplicationRequirement], DimensioningResult]] = {}


def answer_from(
    scenario: Scenario, target: int | None, confidence: float, reps: list[ReplicationRequirement]
) -> DimensioningResult:
    """The dimensioning answer of the replications so far (the same tables ``dimension`` builds)."""
    key = (_key(scenario, target, ""), confidence, *(id(r) for r in reps))
    hit = _ANSWERS.get(key)
    if hit is None:
        if len(_ANSWERS) >= STORE_SCENARIOS:
            _ANSWERS.clear()
        hit = _ANSWERS[key] = (list(reps), _answer_from(scenario, target, confidence, reps))
    return hit[1]


def prepare_base(
    base: Scenario,
    target: int | None,
    confidence: float,
    replications: int,
    store: Store,
    progress: Callable[[int, int], None] | None = None,
) -> None:
    """While the settings are chosen: the base's replications a what-if pairs with, its answer
    and its costs (each edit is paired with the same base; the comparison prices both)."""
    base = base.with_overrides(replications=replications)
    run_replications([base], target, replications, store, HEADLINE_ONLY, progress)
    cost_frame(answer_from(base, target, confidence, _reps(store, base, target, replications)[0]).results)


def _answer_from(
    scenario: Scenario, target: int | None, confidence: float, reps: list[ReplicationRequirement]
) -> DimensioningResult:
    n = len(reps)
    scenario = scenario.with_overrides(replications=n)
    raws = [r.raw for r in reps]
    results = build_results(scenario, raws, 0.0, 1)
    return assemble(scenario, target, planning_start(scenario), confidence, results, reps, raws)


def _reps(store: Store, scenario: Scenario, target: int | None, n: int) -> tuple[list[ReplicationRequirement], bool]:
    """The first ``n`` replications of a scenario, full ones where the store has them all."""
    full = store.get(_key(scenario, target, FULL), {})
    if all(r in full for r in range(n)):
        return [full[r] for r in range(n)], True
    head = store.get(_key(scenario, target, HEADLINE_ONLY), {})
    return [full.get(r) or head[r] for r in range(n)], False


def whatif_of(
    base: Scenario, edited: Scenario, target: int | None, confidence: float, n: int, total: int, store: Store
) -> WhatIf:
    """The what-if of the first ``n`` replications in ``store`` (of ``total`` chosen)."""
    base_reps, _ = _reps(store, base, target, n)
    base_result = answer_from(base, target, confidence, base_reps)
    if edited == base:
        edited_result, full = base_result, _reps(store, base, target, n)[1]
    else:
        edited_reps, full = _reps(store, edited, target, n)
        edited_result = answer_from(edited, target, confidence, edited_reps)
    return WhatIf(
        base=base_result,
        edited=edited_result,
        difference=difference(base_result, edited_result),
        done=n,
        total=total,
        full=full,
    )


def run_whatif(
    base: Scenario,
    edited: Scenario,
    target: int | None,
    confidence: float,
    replications: int,
    progress: Callable[[int, int], None] | None = None,
    store: Store | None = None,
    update: Callable[[WhatIf], None] | None = None,
) -> WhatIf:
    """Dimension the base and the edited scenario with common random numbers, the headline first:
    the replications the store lacks run a batch at a time, the base's and the edited scenario's
    replication r together (paired: the same seed). Once the answer has taken :data:`SHOW_AFTER`
    seconds, ``update(whatif)`` gets the answer of the replications so far after every batch (the
    median first, its band tightening), so a page can show it while the rest arrive. An unedited
    scenario is dimensioned once. ``progress(done, total)`` counts replications per scenario run.
    The practice beside the headline and the parts of the requirement are :func:`complete`'s."""
    store = {} if store is None else store
    scenarios = [base] if edited == base else [base, edited]
    clock = time.perf_counter()
    last_update = -math.inf

    def after_batch(done: int, total: int) -> None:
        nonlocal last_update
        if progress is not None:
            progress(done, total)
        now = time.perf_counter()
        if update is None or now - clock < SHOW_AFTER or now - last_update < UPDATE_EVERY or done >= total:
            return
        ready = min(_ready(store, s, target, replications) for s in scenarios)
        if ready >= 2:
            update(whatif_of(base, edited, target, confidence, ready, replications, store))
            last_update = time.perf_counter()

    run_replications(scenarios, target, replications, store, HEADLINE_ONLY, after_batch)
    return whatif_of(base, edited, target, confidence, replications, replications, store)


def _ready(store: Store, scenario: Scenario, target: int | None, n: int) -> int:
    """How many of the first ``n`` replications of a scenario the store has, counted from 0."""
    head = store.get(_key(scenario, target, HEADLINE_ONLY), {})
    full = store.get(_key(scenario, target, FULL), {})
    ready = 0
    while ready < n and (ready in head or ready in full):
        ready += 1
    return ready


def complete(
    whatif: WhatIf,
    target: int | None,
    store: Store,
    progress: Callable[[int, int], None] | None = None,
) -> WhatIf:
    """The edited answer with its expensive parts: the practice shown beside the headline, the
    parts of the requirement and the assessment workers (full replications of the edited
    scenario, the same seeds; its headline figures do not change)."""
    base, edited = whatif.base.scenario, whatif.edited.scenario
    base = base.with_overrides(replications=whatif.total)
    edited = edited.with_overrides(replications=whatif.total)
    run_replications([edited], target, whatif.total, store, FULL, progress)
    return whatif_of(base, edited, target, whatif.edited.confidence, whatif.total, whatif.total, store)


def headline(whatif: WhatIf, lang: Lang) -> str:
    """The answer in one sentence: the difference the edit makes (or, unedited, the answer)."""
    if whatif.difference is None or not whatif.difference.changed:
        return answer.head_sentence(answer_of(whatif.edited), lang)
    return answer.difference_sentence(whatif.difference, lang)


def to_run(base: Scenario, edited: Scenario, target: int | None, replications: int, store: Store) -> list[str]:
    """Which of a what-if's scenarios still have replications to run: "base", "edited", or "one"
    for an unedited scenario (dimensioned once)."""
    if edited == base:
        return ["one"] if _ready(store, base, target, replications) < replications else []
    wanted = [("base", base), ("edited", edited)]
    return [name for name, s in wanted if _ready(store, s, target, replications) < replications]


def progress_text(done: int, total: int, running: list[str], remaining: str, lang: Lang) -> str:
    """The progress of a what-if for people: what is being simulated (the base and the edited
    scenario side by side, replication r of both together; or one of them; or, unedited, the
    scenario) and how many of its replications are done: 5 pairs of 20 read "5/20", not "10/40"."""
    key = {
        ("base", "edited"): "app_progress_both",
        ("edited",): "app_progress_edited",
        ("base",): "app_progress_base",
    }.get(tuple(running), "app_progress_one")
    pairs = max(1, len(running))
    return t("app_progress", lang, what=t(key, lang), done=done // pairs, total=total // pairs, remaining=remaining)


def level_text(whatif: WhatIf, lang: Lang) -> str:
    """The level the edited scenario's requirement is stated at ("90 %" only when its
    replications carry it; else "mediaani"), for a caption."""
    return answer.level_word(answer_of(whatif.edited), lang)


def settings_text(whatif: WhatIf, target: int | None, replications: int, lang: Lang) -> str:
    """The settings the answer answers, in one line under it: scenario, the levers' values, the
    target, the posts and the replications (so a changed control can be told from the answer)."""
    edited, base = whatif.edited.scenario, whatif.base.scenario
    posts = sum(s.social_workers for unit in edited.staffing.values() for s in unit.values())
    base_posts = sum(s.social_workers for unit in base.staffing.values() for s in unit.values())
    posts_text = formats.number(posts, lang)
    if posts != base_posts:
        posts_text = t("app_settings_posts_changed", lang, posts=posts_text, base=formats.number(base_posts, lang))
    family = edited.levers.perhehoito_share_target
    return t(
        "app_settings",
        lang,
        scenario=edited.name if edited.name == base.name else t("app_settings_edited", lang, name=base.name),
        growth=formats.percent(edited.demand.growth_per_year, lang, 1, sign=True),
        population=formats.percent(edited.demand.population_growth_per_year, lang, 1, sign=True),
        fill=formats.percent(mean_fill_rate(edited), lang),
        target=t("target_children", lang, n=target) if target is not None else t("target_law", lang),
        level=level_text(whatif, lang),
        family=formats.percent(family, lang) if family is not None else t("app_settings_none", lang),
        effect=formats.percent(edited.levers.avohuolto_escalation_reduction, lang),
        posts=posts_text,
        n=formats.integer(replications, lang),
        conf=round(100 * whatif.edited.confidence),
    )


def html_cell(value: object) -> str:
    """A cell's text as HTML that shows exactly that text: HTML's own characters escaped, and every
    character that could start Markdown formatting (the table is drawn by ``st.markdown``) as a
    character reference, so an area named ``![t](http://…)`` is a name, never an image to fetch."""
    return "".join(escape(c) if c in "&<>\"'" else f"&#{ord(c)};" if c in MARKDOWN_SIGNS else c for c in str(value))


def table_html(frame: pd.DataFrame, numeric_from: int = 1) -> str:
    """A small table as HTML that fits the page: headers wrap, numbers stay on one line and are
    aligned right (columns from ``numeric_from`` on), every cell escaped (:func:`html_cell`)."""
    number = ' class="num"'

    def cells(values: list[object], tag: str) -> str:
        return "".join(
            f"<{tag}{number if i >= numeric_from else ''}>{html_cell(v)}</{tag}>" for i, v in enumerate(values)
        )

    head = f"<tr>{cells(list(frame.columns), 'th')}</tr>"
    body = "".join(f"<tr>{cells(list(row), 'td')}</tr>" for row in frame.itertuples(index=False))
    return f'<div class="ls-table"><table><thead>{head}</thead><tbody>{body}</tbody></table></div>'


#: The style of :func:`table_html` tables (set once on the page).
TABLE_CSS = """<style>
.ls-table { overflow-x: auto; margin: 0.25rem 0 1rem 0; }
.ls-table table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
.ls-table th { text-align: left; vertical-align: bottom; font-weight: 600; border-bottom: 2px solid #d0d0d0; }
.ls-table th, .ls-table td { padding: 0.3rem 0.6rem; }
.ls-table td { border-bottom: 1px solid #eee; vertical-align: top; }
.ls-table .num { text-align: right; }
.ls-table td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
</style>"""


def answer_table(whatif: WhatIf, lang: Lang) -> pd.DataFrame:
    """The edited scenario's teams: posts, requirement, from when short, extra posts and euros."""
    return answer.team_table(whatif.edited, lang)


def answer_notes(whatif: WhatIf, lang: Lang) -> list[str]:
    return answer.notes(whatif.edited, lang)


def answer_lines(whatif: WhatIf, lang: Lang) -> list[str]:
    """The edited scenario's answer as every output tells it: its headline (the teams short, from
    when), the other readings and practices once they are computed, and the uncertainty."""
    edited = answer_of(whatif.edited)
    lines = [answer.headline(edited, lang)]
    if whatif.full:
        lines += answer.reading_lines(edited, lang)
    return [*lines, answer.uncertainty_line(edited, lang)]


def parts(whatif: WhatIf, lang: Lang) -> tuple[list[str], pd.DataFrame]:
    """The parts of the edited scenario's requirement (once computed): title and note, table."""
    edited = answer_of(whatif.edited)
    return answer.parts_lines(edited, lang), answer.parts_table(edited, lang)


def live_text(whatif: WhatIf, lang: Lang) -> str:
    """How many replications the answer on screen rests on, and that more are coming."""
    if whatif.final:
        return t("app_live_final", lang, n=formats.integer(whatif.done, lang))
    return t("app_live", lang, done=formats.integer(whatif.done, lang), total=formats.integer(whatif.total, lang))


def short_labels(whatif: WhatIf, lang: Lang) -> tuple[str, str]:
    """The base and the edited scenario as short column headers ("perusura", "muokattu")."""
    return t("app_short_base", lang), t("app_short_edited", lang)


def labels_note(whatif: WhatIf, lang: Lang) -> str:
    """What the short headers stand for: "perusura = kanta-hame; muokattu = kanta-hame-muokattu"."""
    (base, _), (edited, _) = _labelled(whatif, lang)
    short_base, short_edited = short_labels(whatif, lang)
    return t("app_short_note", lang, short_base=short_base, base=base, short_edited=short_edited, edited=edited)


def _labelled(whatif: WhatIf, lang: Lang) -> tuple[tuple[str, DimensioningResult], ...]:
    """The two results under their scenarios' names (the base is named, never just "base")."""
    base, edited = whatif.base.scenario.name, whatif.edited.scenario.name
    if edited == base:
        edited = t("app_edited_same", lang, name=base)
    return ((t("app_base_named", lang, name=base), whatif.base), (edited, whatif.edited))


def timeliness_table(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """Yearly county shares of assessments started late and completed after 3 months (P50), base
    and edited side by side, as percentages; then the assessment workers the edited scenario needs
    (at the confidence when its replications carry it, else the median) and those funded."""
    columns: dict[str, list[str]] = {}
    years: list[int] = []
    labels = short_labels(whatif, lang)
    shares_of = [
        late_assessment_shares(result.results).drop(columns="replication").groupby("year").median()
        for _, result in _labelled(whatif, lang)
    ]
    for measure, key in (("started_late", "app_timeliness_started"), ("completed_late", "app_timeliness_completed")):
        for label, shares in zip(labels, shares_of, strict=True):
            years = [int(y) for y in shares.index]
            columns[f"{t(key, lang)}: {label}"] = [formats.percent(v, lang) for v in shares[measure]]
    workers = whatif.edited.assessment
    if not workers.empty:  # the assessment workers the edited scenario needs (county, all areas)
        level = assessment_level(whatif.edited)  # the confidence only if the replications carry it
        needed_column = f"required_workers_{level}"
        county = workers.groupby("year")[[needed_column, "funded_workers"]].sum()
        needed = [county[needed_column].get(y, float("nan")) for y in years]
        funded = [county["funded_workers"].get(y, float("nan")) for y in years]
        word = answer.level_word(answer_of(whatif.edited), lang, level)
        columns[t("app_assessment_needed", lang, level=word)] = [formats.number(v, lang, 1) for v in needed]
        columns[t("app_assessment_funded", lang)] = [formats.number(v, lang, 1) for v in funded]
    return pd.DataFrame({t("year", lang): [str(y) for y in years], **columns})


def cost_totals(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """County total cost per year, P10/P50/P90 (euros), base and edited: scenario is the label
    a person reads."""
    frames = []
    for label, result in _labelled(whatif, lang):
        summary = cost_summary(cost_frame(result.results))
        total = summary[(summary["area"] == ALL) & (summary["category"] == TOTAL)]
        frames.append(total.assign(scenario=label)[["scenario", "year", "p10", "p50", "p90"]])
    return pd.concat(frames, ignore_index=True)


def placements_table(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """New placements a year by type, base and edited side by side (columns "perhehoito:
    perusura", "perhehoito: muokattu", …), the mean over replications rounded to whole
    placements."""
    types = ["perhehoito", "ammatillinen_perhekoti", "laitoshoito"]
    means = []
    for _, result in _labelled(whatif, lang):
        m = result.results.monthly
        m = m[(m["measure"] == "placements_started") & m["unit"].isin(types)]
        m = m.assign(year=pd.DatetimeIndex(m["date"]).year)
        per = m.groupby(["replication", "year", "unit"], observed=True)["value"].sum()
        means.append(per.groupby(["year", "unit"], observed=True).mean().unstack("unit"))
    years = sorted({int(y) for mean in means for y in mean.index})
    columns: dict[str, list[str]] = {t("year", lang): [str(y) for y in years]}
    for unit in types:
        for label, mean in zip(short_labels(whatif, lang), means, strict=True):
            values = mean[unit] if unit in mean else pd.Series(dtype=float)
            columns[f"{t(unit, lang)}: {label}"] = [formats.integer(values.get(y, 0.0), lang) for y in years]
    return pd.DataFrame(columns)


def staffing_yearly(whatif: WhatIf, lang: Lang = "fi") -> pd.DataFrame:
    """Required posts (at the answer's level) and funded posts by team and year (edited), formatted."""
    result = whatif.edited
    column = stated_column(result)
    yearly = result.yearly[(result.yearly["unit"] != ALL) & (result.yearly["team"] != ALL)]
    years = sorted(int(y) for y in yearly["year"].unique())
    rows = []
    for (unit, team), part in yearly.groupby(["unit", "team"], sort=False):
        by_year = part.set_index("year")
        rows.append(
            {
                t("answer_unit", lang): answer.unit_name(str(unit), str(team), lang),
                t("cmp_funded", lang): formats.number(by_year["funded_posts"].iloc[-1], lang),
                **{str(y): formats.integer(by_year[column].get(y), lang) for y in years},
            }
        )
    return pd.DataFrame(rows)


def workbook_bytes(whatif: WhatIf, lang: Lang) -> bytes:
    """The planner's workbook of the edited scenario, with the comparison as its last sheet."""
    extra = {t("sheet_comparison", lang): comparison_for_people(whatif, lang)}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mitoitus.xlsx"
        write_workbook(whatif.edited, path, lang, extra=extra)
        return path.read_bytes()


def comparison_for_people(whatif: WhatIf, lang: Lang) -> pd.DataFrame:
    """The comparison, one row per measure and a column per scenario (named as in the other tabs,
    so an unedited scenario's two columns differ), every number formatted."""
    frame = comparison_frame([whatif.base, whatif.edited], lang)
    labels = [label for label, _ in _labelled(whatif, lang)]
    return frame.set_axis([frame.columns[0], *labels], axis=1)


def report_files(whatif: WhatIf, lang: Lang) -> tuple[str, bytes]:
    """The report for the board (HTML, PDF) of the base and the edited scenario."""
    facts = whatif_facts(whatif.base, whatif.edited) if whatif.edited is not whatif.base else None
    data = parse(json.loads(json.dumps(compare_data([whatif.base, whatif.edited], lang, facts))))
    html = report_html(data, lang)
    return html, report_pdf(html)


def staffing_csv_bytes(whatif: WhatIf, lang: Lang) -> bytes:
    return csv_bytes(tables(whatif.edited, lang)[t("sheet_monthly", lang)], csv_style(None, lang))


def scenario_toml(scenario: Scenario, lang: Lang = "fi") -> str:
    """The scenario as a TOML file that `lsmitoitus run` reads unchanged, its comment in ``lang``."""
    return scenario_to_toml(scenario, t("toml_header_app", lang))


def figure_png(fig: object) -> bytes:
    buffer = io.BytesIO()
    literal_text(fig).savefig(buffer, format="png", dpi=110)  # type: ignore[arg-type]
    return buffer.getvalue()


def posts_of(scenario: Scenario) -> dict[tuple[str, str], float]:
    return {(u, a): scenario.staffing[u][a].social_workers for u in UNITS for a in scenario.area_names}
