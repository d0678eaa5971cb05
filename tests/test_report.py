"""The report for the board: HTML and PDF from a results folder, the answer first; bad folders
get a clear Finnish message; nothing is ever overwritten."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from lsmitoitus import load_scenario, simulate
from lsmitoitus.answers.dimensioning import dimension
from lsmitoitus.reports.answer import headline
from lsmitoitus.reports.dimensioning_report import write_dimensioning
from lsmitoitus.reports.report import read_folder, write_report
from lsmitoitus.reports.run_folder import write_run
from lsmitoitus.text.i18n import UserError

SHORT = 'extends = "kanta-hame"\nname = "lyhyt"\n[simulation]\nstart = 2023-01-01\nend = 2024-12-31\nwarmup_years = 3\n'


def pdf_pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def plain(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.fixture(scope="module")
def scenario_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("skenaario") / "lyhyt.toml"
    path.write_text(SHORT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run_folder(tmp_path_factory: pytest.TempPathFactory, scenario_file: Path) -> Path:
    results = simulate(load_scenario(scenario_file), replications=2, jobs=1)
    return write_run(results, tmp_path_factory.mktemp("ajo") / "tulos")


@pytest.mark.integration
def test_report_of_a_run_puts_the_answer_first_then_charts_table_and_sources(run_folder: Path) -> None:
    target, _ = write_report(run_folder)
    assert target == run_folder.parent / "tulos-raportti"
    assert sorted(p.name for p in target.iterdir()) == ["raportti.html", "raportti.pdf"]
    pages = pdf_pages(target / "raportti.pdf")
    assert len(pages) >= 2
    first = plain(pages[0])
    assert first.startswith("Simulointiraportti: lyhyt")
    # the answer: the funded posts checked by the dimensioning's criterion (at the median: two
    # replications carry no 90 %), then the county's costs in the last year
    assert "Vastaus" in first and "THL:n seurantapäivinä (mediaanina, 2 toistoa)" in first
    assert re.search(r"vuonna 2024: \d+,\d\d M€", first) and not re.search(r"90 ?%", first)
    everything = plain(" ".join(pages))
    assert everything.index("Vastaus") < everything.index("Kuvat") < everything.index("Oletukset ja lähteet")
    for part in ("Oletukset ja lähteet", "lastensuojelulaki 13 b §", "THL Sotkanet 1085", "lsmitoitus 0.1.0"):
        assert part in everything
    html = (target / "raportti.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 2 and "<text" in html  # charts inline, their text kept as text
    assert 'lang="fi"' in html


@pytest.mark.integration
def test_report_of_a_dimensioning_starts_with_its_one_sentence_answer(tmp_path: Path, scenario_file: Path) -> None:
    result = dimension(load_scenario(scenario_file), replications=2, jobs=1)
    folder = write_dimensioning(result, tmp_path / "mitoitus")
    target, _ = write_report(folder, tmp_path / "raportti")
    pages = pdf_pages(target / "raportti.pdf")
    assert plain(pages[0]).startswith("Henkilöstömitoitus: lyhyt")
    assert plain(headline(result)) in plain(pages[0])  # the answer is on the first page
    english, _ = write_report(folder, tmp_path / "report", lang="en")
    assert plain(pdf_pages(english / "raportti.pdf")[0]).startswith("Staffing: lyhyt")


@pytest.mark.integration
def test_the_report_never_overwrites(run_folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "olemassa"
    out.mkdir()
    (out / "oma.txt").write_text("käyttäjän tiedosto", encoding="utf-8")
    with pytest.raises(UserError, match="on jo olemassa"):
        write_report(run_folder, out)
    assert [p.name for p in out.iterdir()] == ["oma.txt"]


BAD_FOLDERS = {
    "missing": (None, "kansiota ei löydy"),
    "not-results": (("muistio.txt", "x"), "ei ole tuloskansio"),
    "old-folder": (("run.json", "{}"), "vanhemmalla versiolla"),
    "damaged-json": (("raportti.json", "{rikki"), "vioittuneet"),
    "unknown-format": (("raportti.json", json.dumps({"format": 99})), "vioittuneet"),
}


@pytest.mark.unit
@pytest.mark.parametrize("case", list(BAD_FOLDERS))
def test_bad_folders_get_a_finnish_message_and_nothing_is_written(case: str, tmp_path: Path) -> None:
    content, fragment = BAD_FOLDERS[case]
    folder = tmp_path / "kansio"
    if content is not None:
        folder.mkdir()
        (folder / content[0]).write_text(content[1], encoding="utf-8")
    with pytest.raises(UserError) as error:
        write_report(folder, tmp_path / "raportti")
    assert fragment in str(error.value)
    assert not (tmp_path / "raportti").exists()
    if fragment in ("ei ole tuloskansio", "vanhemmalla versiolla"):
        assert len(str(error.value).splitlines()) == 2  # the message keeps its line structure
        assert len(error.value.text("en").splitlines()) == 2


@pytest.mark.e2e
def test_report_command_for_a_comparison_and_its_messages(tmp_path: Path, scenario_file: Path) -> None:
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "lsmitoitus", *args], cwd=tmp_path, capture_output=True, text=True, timeout=600
        )

    growth = tmp_path / "kasvu.toml"
    growth.write_text(f'extends = "{scenario_file}"\nname = "kasvu"\n[demand]\ngrowth_per_year = 0.05\n')
    done = cli("compare", str(scenario_file), str(growth), "-n", "1", "-j", "1", "--out", "vertailu")
    assert done.returncode == 0, done.stderr
    assert max(len(line) for line in done.stdout.splitlines()) <= 100  # readable in a 100-column terminal
    assert re.search(r"\d+,\d\d\u00a0M€", done.stdout) and "kustannukset viimeisenä vuonna" in done.stdout
    made = cli("report", "vertailu")
    assert made.returncode == 0, made.stderr
    assert "Raportti kirjoitettu" in made.stdout
    first = plain(pdf_pages(tmp_path / "vertailu-raportti" / "raportti.pdf")[0])
    assert first.startswith("Skenaarioiden vertailu") and "lyhyt:" in first and "kasvu:" in first
    again = cli("report", "vertailu")
    assert again.returncode == 2 and "on jo olemassa" in again.stderr and "Traceback" not in again.stderr
    missing = cli("report", "ei-ole")
    assert missing.returncode == 2 and "ei-ole: kansiota ei löydy" in missing.stderr


# --- issue 22, point 3: the board report fits A4 ------------------------------------------------


def overflow(html: str) -> list[tuple[int, str, float]]:
    """Boxes WeasyPrint lays out beyond the right edge of a page's content area: (page, text,
    points over). A column cut off by the page edge is such a box."""
    from weasyprint import HTML

    def walk(box: Any) -> Iterator[Any]:
        yield box
        for child in getattr(box, "children", None) or []:
            yield from walk(child)

    found = []
    for number, page in enumerate(HTML(string=html).render().pages, start=1):
        box = page._page_box  # the laid-out page (WeasyPrint's layout tree)
        right = box.content_box_x() + box.width
        for inner in walk(box):
            if inner is box or not hasattr(inner, "margin_width"):
                continue
            over = inner.position_x + inner.margin_width() - right
            if over > 0.5:
                found.append((number, str(getattr(inner, "text", type(inner).__name__))[:40], round(over, 1)))
    return found


@pytest.fixture(scope="module")
def ten_year_folders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """A run, a dimensioning and a comparison of the bundled default's ten years (2021–2030)."""
    from lsmitoitus.answers.comparison import compare, comparison_table
    from lsmitoitus.reports.comparison_report import write_comparison

    root = tmp_path_factory.mktemp("kymmenen")
    default = load_scenario()
    folders = {"run": write_run(simulate(default, replications=2, jobs=1), root / "ajo")}
    result = dimension(default, replications=2, jobs=1, decompose=False)
    folders["dimension"] = write_dimensioning(result, root / "mitoitus")
    results = compare([default, load_scenario("kasvu-5")], replications=2, jobs=1, decompose=False)
    folders["compare"] = write_comparison(results, comparison_table(results), root / "vertailu")
    return folders


A4 = (595.3, 841.9)  # points


@pytest.mark.integration
@pytest.mark.parametrize("kind", ["run", "dimension", "compare"])
def test_the_board_report_fits_a4_with_every_column_and_unit_on_its_line(
    kind: str, ten_year_folders: dict[str, Path], tmp_path: Path
) -> None:
    """Issue 22, point 3: the 2030 column and two columns of the run's table ran off the page,
    and page 1 broke "90 %:n" across lines. Every box WeasyPrint lays out stays within the
    page's width; read back from the PDF, every page is A4 and holds every header word of the
    yearly tables and every year to 2030 (a requirement from the law's first limit on: there is
    none before it); no line ends in a number whose unit starts the next."""
    from pypdf import PdfReader

    from lsmitoitus.reports.report import report_context, report_html

    data = read_folder(ten_year_folders[kind])
    html = report_html(data, "fi")
    assert overflow(html) == []
    target, _ = write_report(ten_year_folders[kind], tmp_path / "raportti")
    reader = PdfReader(target / "raportti.pdf")
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4, abs=1)
    texts = [page.extract_text() or "" for page in reader.pages]
    everything = plain(" ".join(texts))
    tables = report_context(data, "fi")["yearly"]
    for table in tables:
        for header in table.header:
            assert all(word in everything for word in plain(header).split()), header
    years = [cell for table in tables for cell in table.header if cell.isdigit()]
    if kind != "run":  # the run's table has a row per year, the others a column
        assert years[0] == str(load_scenario().caseload.limit[0].start.year) and years[-1] == "2030"
        assert len(tables) > 1  # ten years do not fit one table's width: they come in blocks
    assert all(year in everything for year in map(str, range(2021, 2031)))
    for text in texts:
        assert not re.search(r"\d[ \u00a0]*\n[ \u00a0]*(%|M€|€|lisävakanssia|toistoa)", text), text


@pytest.mark.unit
def test_numbers_keep_their_units_and_ranges_on_one_line() -> None:
    from lsmitoitus.text.formats import keep_together

    assert keep_together("rajan alla 90 %:n varmuudella") == "rajan alla 90\u00a0%:n varmuudella"
    assert keep_together("31 lisävakanssia (noin 2,26 M€)") == "31\u00a0lisävakanssia (noin 2,26\u00a0M€)"
    assert keep_together("45,2–48,9 M€") == "45,2\u2060–\u206048,9\u00a0M€"
    assert keep_together("vuonna 2030 sijaishuolto") == "vuonna 2030 sijaishuolto"  # a year is no unit


@pytest.mark.unit
def test_a_wide_table_is_cut_into_blocks_of_columns_each_with_its_labels() -> None:
    from lsmitoitus.reports.report import Table, column_blocks

    header = ["yksikkö", "rahoitetut", *map(str, range(2021, 2031))]
    table = Table(header, [["a", "6", *map(str, range(10))]], [False, True, *[True] * 10])
    blocks = column_blocks(table, fixed=2)
    assert [b.header[2:] for b in blocks] == [header[2:7], header[7:]]  # 5 + 5 years
    assert all(b.header[:2] == header[:2] and b.rows[0][:2] == ["a", "6"] for b in blocks)
    assert column_blocks(Table(header[:8], [], [False] * 8), fixed=2) == [Table(header[:8], [], [False] * 8)]
