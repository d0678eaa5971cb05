"""How fast the staffing answer comes, against an earlier commit in the same run (issue 21).

    python benchmarks/answer_speed.py                       # against BASELINE, one round
    python benchmarks/answer_speed.py --rounds 3 --commit <sha>

Each command runs as a user runs it (``python -m lsmitoitus …``, a fresh process, results into a
temporary folder), the earlier commit's and this one's in turn, so a busy machine slows both
alike; the earlier commit is extracted with ``git archive`` and runs from its source (it has no
compiled core), so both versions run their source here (``LSMITOITUS_PURE_PYTHON=1``): the
ratios compare like with like. This version's compiled times (the installed package) are
reported beside them. Targets (this version, compiled):

* ``dimension -n 20`` ≤ 2 × ``run -n 20``;
* ``compare kanta-hame kasvu-5 -n 20`` ≤ 3.5 × ``run -n 20``;
* the answer to ±1 post (``dimension`` without ``-n``: replications added until the county's
  headline is known to ±1 post, 95 %) ≤ 60 s;
* the app's what-if at 20 paired replications, the base ready (``benchmarks/app_whatif.py``, in
  one process as the page runs it) ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "fcbf90e"  # the landed code before this round of issue 21 (9a71c98: before issues 18–23)

COMMANDS = {
    "run -n 20": ["run", "-n", "20"],
    "dimension -n 20": ["dimension", "-n", "20"],
    "compare (2 scenarios) -n 20": ["compare", "kanta-hame", "kasvu-5", "-n", "20"],
}
NOW_ONLY = {"dimension to ±1 post": ["dimension"]}
WHATIF = "app what-if, 20 paired"


def extract(commit: str, into: Path) -> Path:
    """The tree of ``commit`` in ``into`` (nothing changed in the repository)."""
    archive = into / "baseline.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", commit], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


def timed(args: list[str], code: Path | None, pure: bool, scratch: Path) -> float:
    """Wall-clock seconds of ``python -m lsmitoitus ARGS --out …`` with ``code`` first on the path."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    if pure:
        env["LSMITOITUS_PURE_PYTHON"] = "1"
    out = tempfile.mkdtemp(dir=scratch)
    os.rmdir(out)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "lsmitoitus", *args, "--out", out],
        env=env,
        cwd=scratch,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def timed_whatif(code: Path | None, pure: bool, scratch: Path) -> float:
    """Seconds of the app's what-if (20 paired replications, base ready) with ``code`` first on the path."""
    env = dict(os.environ)
    if code is not None:
        env["PYTHONPATH"] = str(code)
    if pure:
        env["LSMITOITUS_PURE_PYTHON"] = "1"
    script = ROOT / "benchmarks" / "app_whatif.py"
    out = subprocess.run(
        [sys.executable, str(script), "--replications", "20", "--seconds-only"],
        env=env,
        cwd=scratch,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commit", default=BASELINE)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--skip-baseline", action="store_true", help="this version only (compiled)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        base = None if args.skip_baseline else extract(args.commit, scratch)
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for name, command in COMMANDS.items():
                if base is not None:
                    times.setdefault((name, "earlier, source"), []).append(timed(command, base, True, scratch))
                    times.setdefault((name, "now, source"), []).append(timed(command, None, True, scratch))
                times.setdefault((name, "now, compiled"), []).append(timed(command, None, False, scratch))
            for name, command in NOW_ONLY.items():
                times.setdefault((name, "now, compiled"), []).append(timed(command, None, False, scratch))
            if base is not None:
                times.setdefault((WHATIF, "earlier, source"), []).append(timed_whatif(base, True, scratch))
                times.setdefault((WHATIF, "now, source"), []).append(timed_whatif(None, True, scratch))
            times.setdefault((WHATIF, "now, compiled"), []).append(timed_whatif(None, False, scratch))
    print(f"{'command':<32}{'version':<18}{'median s':>10}{'runs':>6}")
    for (name, version), values in times.items():
        print(f"{name:<32}{version:<18}{statistics.median(values):>10.1f}{len(values):>6}")
    med = {key: statistics.median(v) for key, v in times.items()}
    run = med[("run -n 20", "now, compiled")]
    print()
    dimension, compare = (
        med[("dimension -n 20", "now, compiled")],
        med[("compare (2 scenarios) -n 20", "now, compiled")],
    )
    print(f"dimension -n 20 / run -n 20 (now, compiled): {dimension / run:.2f} (target ≤ 2)")
    print(f"compare of two / run -n 20 (now, compiled): {compare / run:.2f} (target ≤ 3.5)")
    print(f"dimension to ±1 post (now, compiled): {med[('dimension to ±1 post', 'now, compiled')]:.0f} s (target ≤ 60)")
    print(f"app what-if, 20 paired, base ready (now, compiled): {med[(WHATIF, 'now, compiled')]:.1f} s (target ≤ 5)")
    for name in [*COMMANDS, WHATIF]:
        if (name, "earlier, source") in med:
            ratio = med[(name, "earlier, source")] / med[(name, "now, source")]
            print(f"{name}: earlier / now (both from source): {ratio:.2f}")


if __name__ == "__main__":
    main()
