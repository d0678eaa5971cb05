"""No English word or raw identifier in what a Finnish user reads: the summary, the workbook
labels, the board report (HTML and PDF) and the app after a run are scanned word by word against
the Finnish side of the translation table (plus the names the user chose: scenarios, areas)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, ClassVar

import pytest

from lsmitoitus import load_scenario, simulate
from lsmitoitus.answers.comparison import compare
from lsmitoitus.text.formats import month_names
from lsmitoitus.text.i18n import TEXT
from lsmitoitus.text.measures import MEASURES

SHORT = 'extends = "kanta-hame"\nname = "lyhyt"\n[simulation]\nstart = 2023-01-01\nend = 2024-12-31\nwarmup_years = 3\n'
WORD = re.compile(r"[^\W\d][\w]*")  # letters first; "_" belongs to the word, so identifiers stay whole


def vega_charts(app: Any) -> list[Any]:
    """The page's Vega-Lite charts (the element is arrow_vega_lite_chart in older Streamlit)."""
    return list(app.get("vega_lite_chart")) or list(app.get("arrow_vega_lite_chart"))


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text.replace("-", " "))]


def finnish_vocabulary(*names: str) -> set[str]:
    """Every word of the Finnish side of the translation table and of the measures' labels, the
    Finnish month names, and the names given (scenarios, areas). Identifiers with "_" are left
    out even where a Finnish message names one (an environment variable), so none passes; the
    help's entries are left out (they quote the history file's column names)."""
    # the command line's help names the history file's English column names; it is not scanned
    table = [fi for key, (fi, _) in TEXT.items() if not key.startswith(("help_", "mv_"))]
    texts = table + [m.fi for m in MEASURES.values()] + month_names("fi") + list(names)
    return {w for text in texts for w in words(re.sub(r"\{[^}]*\}", " ", text)) if "_" not in w}


def foreign_words(text: str, vocabulary: set[str]) -> list[str]:
    """Words of ``text`` that are not Finnish words of the table: English words, raw identifiers."""
    return sorted({w for w in words(text) if w not in vocabulary})


@pytest.mark.unit
def test_the_scan_finds_english_words_and_raw_identifiers() -> None:
    vocabulary = finnish_vocabulary("kanta-hame")
    shown = "rivit base ja edited; ammatillinen_perhekoti; year, started_late; caseload.count_aftercare_18_plus"
    assert foreign_words(shown, vocabulary) == [
        "ammatillinen_perhekoti",
        "base",
        "caseload",
        "count_aftercare_18_plus",
        "edited",
        "started_late",
        "year",
    ]
    assert foreign_words("Hämeenlinna avohuolto, 25 % lisävakanssia (1,49 M€) kanta-hame", vocabulary) == [
        "hämeenlinna"
    ]


class _Text(HTMLParser):
    """The text a reader sees in an HTML document (not its style sheet or a chart's metadata)."""

    SKIP: ClassVar[set[str]] = {"style", "script", "metadata", "defs", "title"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.skipping += tag in self.SKIP

    def handle_endtag(self, tag: str) -> None:
        self.skipping -= tag in self.SKIP

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def workbook_labels(path: Path) -> list[str]:
    """Sheet names and column headers of a workbook (its labels, not its values)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    labels = list(book.sheetnames)
    for sheet in book.worksheets:
        first = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), ())
        labels += [str(v) for v in first if v is not None]
    return labels


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A run, a dimensioning and a comparison written as a user gets them, and their reports."""
    from lsmitoitus.reports import report_data
    from lsmitoitus.reports.dimensioning_report import write_dimensioning
    from lsmitoitus.reports.folders import atomic_folder
    from lsmitoitus.reports.report import write_report
    from lsmitoitus.reports.run_folder import write_run
    from lsmitoitus.scenario.history import default_history

    root = tmp_path_factory.mktemp("tuotokset")
    path = root / "lyhyt.toml"
    path.write_text(SHORT, encoding="utf-8")
    scenario = load_scenario(path)
    growth = scenario.model_copy(update={"name": "kasvu"})
    run = write_run(simulate(scenario, replications=2, jobs=1), root / "ajo", observed=default_history(scenario))
    base, other = compare([scenario, growth], replications=2, jobs=1)
    dim = write_dimensioning(base, root / "mitoitus")
    with atomic_folder(root / "vertailu") as tmp:
        report_data.write(report_data.compare_data([base, other]), tmp)
    reports = {name: write_report(root / name)[0] for name in ("ajo", "mitoitus", "vertailu")}
    return {"run": run, "dimension": dim, "reports": reports, "names": ("lyhyt", "kasvu", *scenario.area_names)}


@pytest.mark.integration
def test_the_finnish_summary_has_no_foreign_word(outputs: dict[str, Any]) -> None:
    vocabulary = finnish_vocabulary(*outputs["names"])
    summary = (outputs["run"] / "summary.txt").read_text(encoding="utf-8")
    assert foreign_words(summary, vocabulary) == []


@pytest.mark.integration
def test_the_workbook_labels_have_no_foreign_word(outputs: dict[str, Any]) -> None:
    vocabulary = finnish_vocabulary(*outputs["names"])
    labels = workbook_labels(outputs["dimension"] / "mitoitus.xlsx")
    assert len(labels) > 20
    assert foreign_words(" ".join(labels), vocabulary) == []


@pytest.mark.integration
@pytest.mark.parametrize("kind", ["ajo", "mitoitus", "vertailu"])
def test_the_reports_have_no_foreign_word(outputs: dict[str, Any], kind: str) -> None:
    from pypdf import PdfReader

    vocabulary = finnish_vocabulary(*outputs["names"], "lsmitoitus")
    folder = outputs["reports"][kind]
    html = html_text((folder / "raportti.html").read_text(encoding="utf-8"))
    pdf = " ".join(page.extract_text() or "" for page in PdfReader(folder / "raportti.pdf").pages)
    assert foreign_words(html, vocabulary) == []
    assert foreign_words(pdf, vocabulary) == []


def _app_texts(app: Any) -> Iterable[str]:
    """What the page shows after a run: text, tables, tabs, buttons and chart titles."""
    for kind in ("title", "subheader", "markdown", "caption", "info", "error", "warning"):
        yield from (html_text(str(e.value)) for e in app.get(kind))  # a style sheet is not text
    for kind in ("table", "dataframe"):
        for element in app.get(kind):
            frame = element.value
            yield " ".join(str(c) for c in frame.columns)
            yield " ".join(str(v) for v in frame.to_numpy().ravel())
    yield from (str(tab.label) for tab in app.tabs)
    yield from (str(b.label) for b in app.get("button"))
    yield from (str(b.label) for b in app.get("download_button"))
    for chart in vega_charts(app):
        spec = json.loads(chart.proto.spec)
        yield from _titles(spec)


def _titles(spec: Any) -> Iterable[str]:
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "title" and isinstance(value, str):
                yield value
            elif key == "domain" and isinstance(value, list):
                yield from (str(v) for v in value)
            else:
                yield from _titles(value)
    elif isinstance(spec, list):
        for item in spec:
            yield from _titles(item)


@pytest.mark.integration
def test_the_finnish_app_after_a_run_has_no_foreign_word() -> None:
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_resource.clear()
    page = Path(__file__).resolve().parents[1] / "lsmitoitus" / "app" / "page.py"
    app = AppTest.from_file(str(page), default_timeout=600)
    app.run()
    app.slider(key="replications").set_value(2)
    app.button(key="run").click()
    app.run()
    assert not app.exception and not app.error
    scenario = load_scenario()
    vocabulary = finnish_vocabulary(scenario.name, f"{scenario.name}-muokattu", *scenario.area_names)
    texts = list(_app_texts(app))
    # the answer is on the page: its first sentence names the year and the posts needed
    assert len(texts) > 30 and any(re.search(r"Vuonna \d{4} tarvitaan \d+\s?vakanssia", text) for text in texts)
    assert foreign_words(" ".join(texts), vocabulary) == []


@pytest.mark.integration
def test_the_finnish_csv_files_have_no_raw_identifier_or_iso_date(outputs: dict[str, Any]) -> None:
    """Issue 22, point 10: the Finnish CSVs held koko_alue, ammatillinen_perhekoti, English measure
    names and ISO dates. A Finnish CSV is for a Finnish spreadsheet: labels and 31.1.2024."""
    from lsmitoitus.reports.csvfiles import read_csv

    vocabulary = finnish_vocabulary(*outputs["names"])
    checked = 0
    for folder in (outputs["run"], outputs["dimension"]):
        for path in sorted(folder.glob("*.csv")):
            frame = read_csv(path, "fi", dtype=str, keep_default_na=False)
            cells = [v for v in frame.to_numpy().ravel() if not re.fullmatch(r"[−\d\s,.e+-]*", str(v))]
            text = " ".join([*map(str, frame.columns), *map(str, cells)])
            assert not re.search(r"\d{4}-\d{2}-\d{2}", text), path.name
            assert foreign_words(text, vocabulary) == [], path.name
            checked += 1
    assert checked >= 12
