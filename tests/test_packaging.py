"""Every bundled scenario and the bundled history ship inside the package: a package built from
pyproject.toml (as pip builds it) loads each bundled scenario by name from any folder, the app
lists them all, and `validate kasvu-5` works outside the project folder (issue 10, item 8). The
scenarios live once, in the top-level folder scenarios/, which the build ships as the package
``lsmitoitus.scenarios`` (issue 20, item 8)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p.stem for p in (ROOT / "scenarios").glob("*.toml"))

CHECK = """
import json, lsmitoitus
from lsmitoitus.scenario.files import bundled_scenarios, load_scenario
from lsmitoitus.scenario.history import load_history
from lsmitoitus.app.logic import available_scenarios
names = bundled_scenarios()
print(json.dumps({
    "file": lsmitoitus.__file__,
    "bundled": names,
    "loaded": [load_scenario(n).name for n in names],
    "app": sorted(available_scenarios()),
    "history_rows": len(load_history()),
}))
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as setuptools builds it from pyproject.toml (build_py: what a wheel holds)."""
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for folder in ("lsmitoitus", "scenarios"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    build = tmp_path_factory.mktemp("build")
    done = subprocess.run(
        [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py", "--build-lib", str(build)],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return build


def run_built(build: Path, args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(build)}
    return subprocess.run(
        [sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def test_the_built_package_holds_every_bundled_scenario_and_the_history(built: Path) -> None:
    shipped = sorted(p.stem for p in (built / "lsmitoitus" / "scenarios").glob("*.toml"))
    assert shipped == BUNDLED and len(BUNDLED) >= 10
    assert (built / "lsmitoitus" / "data" / "kanta-hame-history.csv").is_file()
    assert (built / "lsmitoitus" / "reports" / "templates" / "report.html").is_file()
    assert not (ROOT / "lsmitoitus" / "scenarios").exists()  # one copy in the repository


def test_the_built_package_holds_every_module(built: Path) -> None:
    """pyproject.toml lists the packages (the scenarios' folder is mapped into the package): a
    package added to the source without being listed there would be missing from the wheel."""
    source = ROOT / "lsmitoitus"
    modules = sorted(str(p.relative_to(source)) for p in source.rglob("*.py") if p.name != "_compiled_from.py")
    assert modules and all((built / "lsmitoitus" / m).is_file() for m in modules), [
        m for m in modules if not (built / "lsmitoitus" / m).is_file()
    ]


def test_bundled_scenarios_load_by_name_from_any_folder(built: Path, tmp_path: Path) -> None:
    done = run_built(built, ["-c", CHECK], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.splitlines()[-1])
    assert found["file"].startswith(str(built))  # the built copy, not the source tree
    assert found["bundled"] == BUNDLED and found["app"] == BUNDLED
    assert found["loaded"] == BUNDLED and found["history_rows"] > 0
    validate = run_built(built, ["-m", "lsmitoitus", "validate", "kasvu-5"], cwd=tmp_path)
    assert validate.returncode == 0 and "kelvollinen skenaario kasvu-5" in validate.stdout, validate.stderr


def test_the_app_lists_the_same_scenarios_wherever_it_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lsmitoitus.app import logic

    (tmp_path / "scenarios").mkdir()  # a folder of the user's own files is not listed as if bundled
    (tmp_path / "scenarios" / "oma.toml").write_text('extends = "kanta-hame"\nname = "oma"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert sorted(logic.available_scenarios()) == BUNDLED
