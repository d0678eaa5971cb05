"""Speed of the model core against an earlier commit, measured in the same run.

    python benchmarks/compare_baseline.py                  # against BASELINE, 3 rounds
    python benchmarks/compare_baseline.py --rounds 5 --commit <sha>

The earlier commit is extracted with ``git archive`` into a temporary folder; each round times
replications of that version and then of this one, each in a fresh process with its own code
first on the path, alternately, so that a busy machine slows both alike. Reported: the mean
wall-clock and CPU time of a replication after the first (what a worker process running several
pays) and the first replication in a fresh process (imports and tables included). The ratio is
the median earlier time over the median time now; the target of issue 14 is at least 3.

Each version simulates its own bundled default, as a user of that version would: the earlier
one a 10-year warm-up and one post pool per area and unit; this one a 1-year warm-up from a
stationary initial state, teams, absences, leads and a parameter set drawn per replication.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = "c0a161a"  # the code before issues 9–15 (the first round's last commit)


def extract(commit: str, into: Path) -> Path:
    """The tree of ``commit`` in ``into`` (no worktree, nothing changed in the repository)."""
    archive = into / "baseline.tar"
    with archive.open("wb") as out:
        subprocess.run(["git", "-C", str(ROOT), "archive", commit], stdout=out, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(into / "tree", filter="data")
    return into / "tree"


#: one replication as a worker process runs it, in either version: the earlier one has no
#: parameter draws (its ``replication_scenario`` does not exist) and its seeds in another module
TIMER = """
import json, resource, sys, time
import lsmitoitus.model
from lsmitoitus import load_scenario
from lsmitoitus.model import PathwayModel
try:
    from lsmitoitus.model.randomness import replication_seeds
    from lsmitoitus.simulation.runner import replication_scenario
except ImportError:
    from lsmitoitus.randomness import replication_seeds
    replication_scenario = None
n = int(sys.argv[1])
scenario = load_scenario()
seeds = replication_seeds(scenario.simulation.seed, n)
wall, cpu, events = [], [], 0
for r in range(n):
    w, c = time.perf_counter(), time.process_time()
    if replication_scenario is None:
        out = PathwayModel(scenario, seeds[r], r).run()
    else:
        drawn, multipliers = replication_scenario(scenario, seeds[r])
        out = PathwayModel(drawn, seeds[r], r, parameters=multipliers).run().raw
    wall.append(time.perf_counter() - w)
    cpu.append(time.process_time() - c)
    events = out.events
sim = scenario.simulation
years = sim.warmup_years + sim.end.year - sim.start.year + 1
print(json.dumps({"first": wall[0], "years": years, "wall": sum(wall[1:]) / (n - 1), "cpu": sum(cpu[1:]) / (n - 1),
                  "events": events, "peak_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "core": getattr(lsmitoitus.model, "CORE", "source")}))
"""


def measure(tree: Path, replications: int) -> dict[str, float]:
    """One fresh process of ``tree``'s code (first on the path) timing ``replications``."""
    done = subprocess.run(
        [sys.executable, "-c", TIMER, str(replications)],
        capture_output=True,
        text=True,
        check=True,
        # only what the timing needs, and LSMITOITUS_PURE_PYTHON=1 if given (times the uncompiled core)
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"}
        | {k: v for k, v in os.environ.items() if k == "LSMITOITUS_PURE_PYTHON"},
        cwd=tree,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--commit", default=BASELINE, help=f"earlier commit (default {BASELINE})")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (default 3)")
    parser.add_argument("--replications", type=int, default=4, help="replications per process (default 4)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lsmitoitus-baseline-") as tmp:
        old_tree = extract(args.commit, Path(tmp))
        old, new = [], []
        for round_no in range(1, args.rounds + 1):
            old.append(measure(old_tree, args.replications))
            new.append(measure(ROOT, args.replications))
            print(
                f"round {round_no}: {args.commit} {old[-1]['wall']:.3f} s/rep ({old[-1]['cpu']:.3f} s CPU), "
                f"now {new[-1]['wall']:.3f} s/rep ({new[-1]['cpu']:.3f} s CPU)",
                flush=True,
            )
    print()
    print(f"{'kanta-hame':<12}{'s/rep':>8}{'CPU s':>8}{'first s':>9}{'events':>10}{'peak MiB':>10}")
    medians = {}
    for label, runs in ((args.commit, old), ("now", new)):
        m = {k: statistics.median(r[k] for r in runs) for k in ("wall", "cpu", "first")}
        medians[label] = m
        print(
            f"{label:<12}{m['wall']:>8.3f}{m['cpu']:>8.3f}{m['first']:>9.3f}{runs[-1]['events']:>10,}"
            f"{runs[-1]['peak_mib']:>10.0f}"
        )
    before, now = medians[args.commit], medians["now"]
    print(
        f"\nspeed-up of a replication after the first: {before['wall'] / now['wall']:.2f}× (wall), "
        f"{before['cpu'] / now['cpu']:.2f}× (CPU time: what a busy machine distorts least)"
    )
    print(f"speed-up of the first replication in a fresh process: {before['first'] / now['first']:.2f}×")
    # the versions simulate different spans (the earlier one 10 warm-up years, this one 1, from
    # an exact initial state): the time per simulated year compares the cores on equal spans
    per_year_before = before["cpu"] / old[-1]["years"]
    per_year_now = now["cpu"] / new[-1]["years"]
    print(
        f"CPU time per simulated year (warm-up included): {per_year_before:.4f} s then "
        f"({old[-1]['years']} years), {per_year_now:.4f} s now ({new[-1]['years']} years): "
        f"{per_year_before / per_year_now:.2f}×"
    )
    print(f"model core now: {new[-1]['core']} (compiled: built with mypyc at install; source: Python)")


if __name__ == "__main__":
    main()
