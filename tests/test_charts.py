"""Charts a person can read: panels that are compared share a scale, every line and band has a
legend entry, the start of the projection is marked, post axes count whole posts, SVG keeps text."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
from matplotlib.ticker import MaxNLocator

from lsmitoitus import load_scenario, simulate
from lsmitoitus.answers.dimensioning import DimensioningResult, dimension
from lsmitoitus.reports.charts import caseload_figure, figure_svg, save_figure
from lsmitoitus.reports.dimensioning_report import staffing_figure

SHORT = 'extends = "kanta-hame"\nname = "lyhyt"\n[simulation]\nstart = 2023-01-01\nend = 2024-12-31\nwarmup_years = 3\n'


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> object:
    path = tmp_path_factory.mktemp("s") / "lyhyt.toml"
    path.write_text(SHORT, encoding="utf-8")
    return load_scenario(path)


def legend_labels(fig: object) -> list[str]:
    return [text.get_text() for legend in fig.legends for text in legend.get_texts()]  # type: ignore[attr-defined]


@pytest.mark.integration
def test_caseload_panels_share_one_scale_and_explain_everything_drawn(scenario: object, tmp_path: Path) -> None:
    fig = caseload_figure(simulate(scenario, replications=2, jobs=1))  # type: ignore[arg-type]
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 5
    assert len({ax.get_ylim() for ax in panels}) == 1  # one y-scale for every unit and team
    labels = legend_labels(fig)
    assert "keskiarvo (P50, P10–P90)" in labels  # the band has its entry, with its line
    assert {"raja", "ennuste alkaa", "suurin lista (P50)"} <= set(labels)
    for ax in panels:  # the projection starts on 1.1.2024 (the first year without observed notifications)
        assert any(line.get_label() == "ennuste alkaa" for line in ax.get_lines())
        assert len(ax.collections) <= 1  # at most one band per panel: no two bands overlap
    aftercare = next(ax for ax in panels if "jälkihuolto" in ax.get_title())
    drawn = np.asarray(aftercare.get_lines()[0].get_ydata(), dtype=float)
    assert np.nanmax(drawn) > 5  # every client per worker: not an empty panel
    save_figure(fig, tmp_path / "kuva.svg")
    svg = (tmp_path / "kuva.svg").read_text(encoding="utf-8")
    assert "<text" in svg and "ennuste alkaa" in svg  # text stored as text, not shapes
    assert "<text" in figure_svg(fig)


@pytest.mark.integration
def test_post_axes_count_whole_posts(scenario: object) -> None:
    fig = staffing_figure(dimension(scenario, replications=2, jobs=1, decompose=False))  # type: ignore[arg-type]
    for ax in fig.axes:
        if ax.get_visible():
            locator = ax.yaxis.get_major_locator()
            assert isinstance(locator, MaxNLocator) and getattr(locator, "_integer", False)
            assert all(float(tick).is_integer() for tick in ax.get_yticks())
    # two replications carry no figure at 90 %: the median alone, and no band or line to "90 %"
    labels = legend_labels(fig)
    assert "tarve P50" in labels and not any("%" in label for label in labels), labels


@pytest.mark.integration
def test_the_staffing_chart_draws_the_band_to_the_confidence_when_the_replications_carry_it(
    carried_answer: DimensioningResult,
) -> None:
    """40 replications carry the 0.9 quantile: the chart adds the band from the median to it."""
    labels = legend_labels(staffing_figure(carried_answer))
    assert {"tarve P50", "tarpeen vaihteluväli P50–90 %"} <= set(labels), labels


@pytest.mark.integration
def test_the_staffing_chart_names_its_reading_and_draws_no_requirement_where_the_law_counts_nobody(
    cheapest_answer: DimensioningResult,
) -> None:
    """Aftercare's 18+ clients are not counted (the default's setting): the tables say "ei
    laskettavia" for the unit, so the charts draw its funded posts but no requirement (a line at
    0 would read "no posts needed"); every other team has its requirement line. The title names
    the reading of the law and the practice the figures are for."""
    from lsmitoitus.answers.staffing_answer import answer_of
    from lsmitoitus.app.charts import staffing_data

    answer = answer_of(cheapest_answer)
    assert not cheapest_answer.scenario.caseload.count_jalkihuolto_18_plus
    not_counted = {(x.unit, x.team) for x in answer.teams if not x.counted}
    assert {unit for unit, _ in not_counted} == {"jalkihuolto"}
    fig = staffing_figure(cheapest_answer)
    assert "THL:n seurantapäivät" in fig.get_suptitle() and "vuorojako" in fig.get_suptitle()
    for ax in fig.axes:
        title = ax.get_title()
        if not title:
            continue
        lines = {line.get_label() for line in ax.get_lines()}
        if "jälkihuolto" in title:
            assert "ei laskettavia" in title and "tarve P50" not in lines, (title, lines)
        else:
            assert "tarve P50" in lines, (title, lines)
    data = staffing_data(cheapest_answer, "fi")
    aftercare = data[data["panel"].str.contains("jälkihuolto")]
    assert not aftercare.empty and aftercare["panel"].str.contains("ei laskettavia").all()
    assert aftercare["series"].nunique() == 1  # funded posts only
    assert data[~data["panel"].str.contains("jälkihuolto")]["series"].nunique() == 2


@pytest.mark.unit
def test_backtest_chart_is_of_normal_size_with_units_and_a_named_split() -> None:
    from lsmitoitus.reports.backtest_report import backtest_figure

    rows = []
    for indicator in (
        "huostassa_0_17",
        "kiireellisesti_sijoitetut_0_17",
        "avohuollon_asiakkaat_0_17",
        "lastensuojeluilmoitukset",
    ):
        for year, role in ((2021, "fit"), (2022, "test"), (2023, "input")):
            rows.append(
                {"indicator": indicator, "year": year, "role": role, "unit": "count", "p10": 90.0, "p50": 100.0}
                | {"p90": 110.0, "observed": 105.0, "p50_vs_observed": -0.05, "inside": True}
            )
    fig = backtest_figure(SimpleNamespace(table=pd.DataFrame(rows), fit_until=2021))  # type: ignore[arg-type]
    width, height = fig.get_size_inches()
    assert width <= 12 and height >= 4  # a page-sized grid, not a 1980×374 strip
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == 4
    assert {ax.get_ylabel() for ax in panels} == {"lasta vuoden aikana", "ilmoitusta vuodessa"}  # units
    assert {"sovitusvuodet", "sovituksen ja testin raja"} <= set(legend_labels(fig))
    texts = {text.get_text() for ax in panels for text in ax.texts}
    assert {"sovitus", "testi"} <= texts  # the split is named on every panel


@pytest.mark.unit
def test_app_cost_chart_draws_no_overlapping_bands() -> None:
    """Two scenarios' P10–P90 are dashed lines in their own colours, not filled areas whose
    overlap would make a colour the legend does not have."""
    from lsmitoitus.app.charts import costs_chart

    costs = pd.DataFrame(
        {
            "scenario": ["a", "a", "b", "b"],
            "year": [2021, 2022, 2021, 2022],
            "p10": [1e6, 2e6, 1.1e6, 2.1e6],
            "p50": [1.5e6, 2.5e6, 1.6e6, 2.6e6],
            "p90": [2e6, 3e6, 2.1e6, 3.1e6],
        }
    )
    spec = json.dumps(costs_chart(costs).to_dict())
    assert '"area"' not in spec and spec.count('"strokeDash"') >= 2
