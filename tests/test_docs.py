"""The repository stands alone: nothing points at the project's private ``shared`` folder, which
a user who clones the project does not have; the sources of the default are in docs/sources.md."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

ROOT = Path(__file__).resolve().parents[1]
#: ``../shared/…`` and any path into the shared folder's domain brief or data.
OUTSIDE = re.compile(r"\.\./shared\b|\bshared/(domain\.md|data/)")
SEARCHED = ("README.md", "pyproject.toml", "docs", "lsmitoitus", "scenarios", "notebooks", "benchmarks", "tests", ".ci")
TEXT_SUFFIXES = {".md", ".py", ".toml", ".csv", ".ipynb", ".txt", ".cfg", ".ini", ".yml", ".yaml", ""}


#: Owned by the model-core rewrite (branch ``core``); its comments on lines 3 and 176 still point
#: there. Remove this entry when they are changed: the strict mark below then fails as a reminder.
def repository_files() -> list[Path]:
    found = []
    for name in SEARCHED:
        path = ROOT / name
        candidates = [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []
        for file in candidates:
            parts = set(file.relative_to(ROOT).parts)
            if file.is_file() and file.suffix in TEXT_SUFFIXES and not parts & {"__pycache__", "exp_results"}:
                found.append(file)
    return found


def mentions(file: Path) -> list[str]:
    text = file.read_text(encoding="utf-8", errors="replace")
    return [f"{file.relative_to(ROOT)}:{n}" for n, line in enumerate(text.splitlines(), 1) if OUTSIDE.search(line)]


def test_no_file_points_outside_the_repository() -> None:
    this = Path(__file__).resolve()
    files = [f for f in repository_files() if f != this]
    assert len(files) > 50  # the search really looks at the repository
    offending = [hit for f in files for hit in mentions(f)]
    assert offending == []


def test_the_search_finds_a_mention() -> None:
    """The pattern catches the forms used before (so the tests above can fail)."""
    for line in ("see ../shared/domain.md §5", "in `../shared/data/x.csv`", "/work/shared/domain.md"):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search("Run-to-run variation on the shared two-core machine")


def test_sources_document_every_sotkanet_indicator_and_the_law() -> None:
    sources = (ROOT / "docs" / "sources.md").read_text(encoding="utf-8")
    history = (ROOT / "lsmitoitus" / "data" / "kanta-hame-history.csv").read_text(encoding="utf-8")
    sotkanet = {line.split(",")[1] for line in history.splitlines()[1:] if line} - {""}
    assert sotkanet and all(re.search(rf"\| {number} \|", sources) for number in sotkanet)
    for needed in ("13 b §", "5,073 / 5,542 / 6,390", "31 posts", "29.5", "€63,000", "CC BY 4.0", "1.95"):
        assert needed in sources, needed
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/sources.md" in readme


def test_ci_runs_the_readme_test_command() -> None:
    """The README's command 2 (install, ruff, mypy, the layer contracts, pytest) is what .ci/run runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines() if line.startswith("python3 -m venv") and "[test]" in line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()[-1]
    assert "lint-imports" in command and ci.replace(" -q ", " ") == command


def test_the_architecture_names_every_module_and_only_modules_that_exist() -> None:
    """docs/architecture.md ("Every module and its one job") is true of the code, module by module."""
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    package = ROOT / "lsmitoitus"
    modules = {
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if p.name not in ("__init__.py", "_compiled_from.py") or p.parent == package
    }
    named = set(re.findall(r"`((?:[a-z0-9_]+/)*[a-z0-9_]+\.py)", text))
    assert sorted(modules - named) == []
    in_package = {n for n in named if n.split("/")[0] in {p.name for p in package.iterdir()}}
    assert sorted(n for n in in_package if not (package / n).is_file()) == []
