"""Benchmark: start-up time of the command line (issue 10, item 14: under half a second).

    python benchmarks/startup.py            # table of timings; exit status 1 if over the target
    python -m pytest benchmarks/startup.py  # the same as a test

Each command runs in a fresh process several times; the table shows the median and the
slowest wall-clock time. ``--help`` and ``validate`` must not load the numerical stack (the unit
test ``tests/test_startup.py`` checks that without timing); this measures what is left.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

TARGET_SECONDS = 0.5
COMMANDS = (
    ("--help",),
    ("run", "--help"),
    ("validate", "kanta-hame"),
    ("validate", "kasvu-5"),
)


def wall_time(args: tuple[str, ...], cwd: Path) -> float:
    """Seconds from starting ``lsmitoitus ARGS`` (as the installed script does) to its exit."""
    code = "import sys; from lsmitoitus.cli import main; sys.exit(main())"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], cwd=cwd, capture_output=True, check=True, timeout=60)
    return time.perf_counter() - started


def measure(repeats: int = 7) -> list[tuple[str, float, float]]:
    """(command, median seconds, slowest seconds) per command, after one warm-up run each."""
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path(folder)
        for args in COMMANDS:
            wall_time(args, cwd)  # warm the file-system cache and byte-code
            times = [wall_time(args, cwd) for _ in range(repeats)]
            rows.append(("lsmitoitus " + " ".join(args), statistics.median(times), max(times)))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    repeats = parser.parse_args().repeats
    rows = measure(repeats)
    print(f"{'command':34} {'median s':>9} {'max s':>7}")
    for name, median, slowest in rows:
        print(f"{name:34} {median:9.3f} {slowest:7.3f}")
    slow = [name for name, median, _ in rows if median >= TARGET_SECONDS]
    if slow:
        print(f"over {TARGET_SECONDS} s: {', '.join(slow)}")
        return 1
    return 0


@pytest.mark.e2e
def test_help_and_validate_start_in_under_half_a_second() -> None:
    for name, median, _ in measure(repeats=5):
        assert median < TARGET_SECONDS, f"{name}: {median:.3f} s"


if __name__ == "__main__":
    sys.exit(main())
