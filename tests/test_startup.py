"""``lsmitoitus --help`` and ``lsmitoitus validate`` start quickly because they import none of
the numerical or web stack (timing itself is a benchmark: ``benchmarks/startup.py``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

HEAVY = (
    *("pandas", "numpy", "scipy", "matplotlib", "simpy", "streamlit", "tqdm", "openpyxl", "holidays"),
    *("dask", "distributed", "SALib", "pyarrow"),
)

#: Runs the command line in a fresh interpreter and prints the heavy top-level modules it loaded.
PROBE = """
import json, sys
from lsmitoitus.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(HEAVY))
print("HEAVY=" + json.dumps(heavy))
"""


def heavy_modules_of(*args: str, cwd: Path) -> list[str]:
    code = f"HEAVY = {HEAVY!r}\n{PROBE}"
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )
    line = [x for x in done.stdout.splitlines() if x.startswith("HEAVY=")]
    assert line, done.stdout + done.stderr
    return list(json.loads(line[-1].removeprefix("HEAVY=")))


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["run", "--help"],
        ["sensitivity", "--help"],
        ["run", "--cluster", "tcp://127.0.0.1:9"],
        ["app", "--help"],
        ["validate", "kanta-hame"],
        ["validate", "kasvu-5", "--lang", "en"],
        ["scenarios"],
        ["validate", "ei-ole"],
        ["run", "--replications", "0"],
    ],
    ids=lambda a: " ".join(a),
)
def test_help_and_validate_import_no_heavy_library(args: list[str], tmp_path: Path) -> None:
    assert heavy_modules_of(*args, cwd=tmp_path) == []


def test_validate_of_a_file_imports_no_heavy_library(tmp_path: Path) -> None:
    path = tmp_path / "oma.toml"
    path.write_text('extends = "kanta-hame"\nname = "oma"\n[demand]\ngrowth_per_year = 0.05\n', encoding="utf-8")
    assert heavy_modules_of("validate", str(path), cwd=tmp_path) == []


def test_the_probe_sees_heavy_imports(tmp_path: Path) -> None:
    """The check can fail: a command that does need pandas is seen to import it."""
    assert "pandas" in heavy_modules_of("calibrate", "ei-ole.csv", "--out", str(tmp_path / "k.toml"), cwd=tmp_path)


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["report", "--help"]], ids=" ".join)
def test_help_is_finnish_and_imports_no_babel(args: list[str], tmp_path: Path) -> None:
    """The help comes from the translation table without formatting numbers, so Babel (the
    formats' library) stays out of the start-up path."""
    code = (
        "import sys\nfrom lsmitoitus.cli import main\ntry:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print('BABEL=' + str('babel' in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=tmp_path, capture_output=True, text=True, timeout=120, check=False
    )
    assert "BABEL=False" in done.stdout, done.stdout + done.stderr
    assert "käyttö: lsmitoitus" in done.stdout and "valinnat:" in done.stdout
    assert "show this help" not in done.stdout and "usage:" not in done.stdout
